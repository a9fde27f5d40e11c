/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_EVENTS_PAGE (escale_events_page_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEventsPage, escale_events_page, ESCALE, EVENTS_PAGE, GtkWidget)

void        escale_events_page_set_context (EscaleEventsPage *self,
                                            EscaleContext    *context);
GListModel *escale_events_page_get_model   (EscaleEventsPage *self);

G_END_DECLS
