/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-feed-publisher.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FEEDS_PAGE (escale_feeds_page_get_type ())

G_DECLARE_FINAL_TYPE (EscaleFeedsPage, escale_feeds_page, ESCALE, FEEDS_PAGE, AdwPreferencesPage)

EscaleFeedsPage *escale_feeds_page_new (EscaleFeedPublisher *publisher,
                                        GSettings           *settings);

G_END_DECLS
