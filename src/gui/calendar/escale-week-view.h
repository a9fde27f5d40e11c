/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"
#include "escale-week.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WEEK_VIEW (escale_week_view_get_type ())

G_DECLARE_FINAL_TYPE (EscaleWeekView, escale_week_view, ESCALE, WEEK_VIEW, AdwWindow)

GtkWidget        *escale_week_view_new                 (EscaleContext  *context,
                                                        const gint64   *organization_ids,
                                                        guint           n_organizations,
                                                        const GDate    *day);
GtkWidget        *escale_week_view_present             (EscaleContext  *context,
                                                        GtkWindow      *transient_for,
                                                        const gint64   *organization_ids,
                                                        guint           n_organizations,
                                                        const GDate    *day);
void              escale_week_view_set_day             (EscaleWeekView *self,
                                                        const GDate    *day);
gint64            escale_week_view_get_organization_id (EscaleWeekView *self);
const EscaleWeek *escale_week_view_get_week            (EscaleWeekView *self);

G_END_DECLS
