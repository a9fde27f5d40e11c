/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ROLL_CALL_VIEW (escale_roll_call_view_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRollCallView, escale_roll_call_view, ESCALE, ROLL_CALL_VIEW, AdwBin)

GtkWidget *escale_roll_call_view_new       (void);
void       escale_roll_call_view_set_event (EscaleRollCallView *self,
                                            EscaleContext      *context,
                                            EscaleEvent        *event);
gboolean   escale_roll_call_view_has_unsaved_marks (EscaleRollCallView *self);
gboolean   escale_roll_call_view_save      (EscaleRollCallView *self);

G_END_DECLS
