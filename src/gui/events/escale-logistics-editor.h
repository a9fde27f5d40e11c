/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-event.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_LOGISTICS_EDITOR (escale_logistics_editor_get_type ())

G_DECLARE_FINAL_TYPE (EscaleLogisticsEditor, escale_logistics_editor, ESCALE, LOGISTICS_EDITOR, AdwBin)

GtkWidget *escale_logistics_editor_new                   (void);
void       escale_logistics_editor_set_event             (EscaleLogisticsEditor *self,
                                                          EscaleEvent           *event);
void       escale_logistics_editor_set_transport_visible (EscaleLogisticsEditor *self,
                                                          gboolean               visible);

G_END_DECLS
