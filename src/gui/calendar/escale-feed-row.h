/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-feed-publisher.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FEED_ROW (escale_feed_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleFeedRow, escale_feed_row, ESCALE, FEED_ROW, AdwActionRow)

GtkWidget *escale_feed_row_new (EscaleFeedPublisher *publisher,
                                EscaleFeedScope      scope,
                                gint64               target_id);

G_END_DECLS
