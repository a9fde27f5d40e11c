/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-event.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_STOP_ROW (escale_stop_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleStopRow, escale_stop_row, ESCALE, STOP_ROW, AdwExpanderRow)

GtkWidget           *escale_stop_row_new          (EscaleEvent         *event,
                                                   EscaleItineraryStop *stop);
EscaleItineraryStop *escale_stop_row_get_stop     (EscaleStopRow       *self);
void                 escale_stop_row_set_partners (EscaleStopRow       *self,
                                                   GListModel          *names,
                                                   GArray              *ids);
void                 escale_stop_row_refresh      (EscaleStopRow       *self);
void                 escale_stop_row_set_warnings (EscaleStopRow       *self,
                                                   const char          *messages);
void                 escale_stop_row_set_movable  (EscaleStopRow       *self,
                                                   gboolean             up,
                                                   gboolean             down);
void                 escale_stop_row_focus        (EscaleStopRow       *self);
void                 escale_stop_row_focus_title  (EscaleStopRow       *self);

G_END_DECLS
