/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REGISTER_DIALOG (escale_register_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegisterDialog, escale_register_dialog, ESCALE, REGISTER_DIALOG, AdwWindow)

EscaleRegisterDialog *escale_register_dialog_new             (GtkWindow            *parent,
                                                              EscaleContext        *context,
                                                              EscaleEvent          *event);
void                  escale_register_dialog_set_participant (EscaleRegisterDialog *self,
                                                              gint64                participant_id);

G_END_DECLS
