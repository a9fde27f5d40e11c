/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_MOMENT_ROW (escale_moment_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleMomentRow, escale_moment_row, ESCALE, MOMENT_ROW, AdwActionRow)

GtkWidget *escale_moment_row_new         (const char       *title);
void       escale_moment_row_set_instant (EscaleMomentRow  *self,
                                          gint64            instant,
                                          GTimeZone        *zone);
gboolean   escale_moment_row_get_instant (EscaleMomentRow  *self,
                                          GTimeZone        *zone,
                                          gint64           *instant,
                                          GError          **error);

G_END_DECLS
