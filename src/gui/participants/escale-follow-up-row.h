/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-follow-up.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FOLLOW_UP_ROW (escale_follow_up_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleFollowUpRow, escale_follow_up_row, ESCALE, FOLLOW_UP_ROW, AdwExpanderRow)

GtkWidget      *escale_follow_up_row_new           (EscaleFollowUp    *follow_up);
EscaleFollowUp *escale_follow_up_row_get_follow_up (EscaleFollowUpRow *self);
gboolean        escale_follow_up_row_check         (EscaleFollowUpRow *self);
void            escale_follow_up_row_apply         (EscaleFollowUpRow *self);

G_END_DECLS
