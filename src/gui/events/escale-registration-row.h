/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-registration.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REGISTRATION_ROW (escale_registration_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegistrationRow, escale_registration_row, ESCALE, REGISTRATION_ROW, AdwActionRow)

GtkWidget          *escale_registration_row_new              (EscaleRegistration    *registration,
                                                              guint                  waitlist_position);
EscaleRegistration *escale_registration_row_get_registration (EscaleRegistrationRow *self);

G_END_DECLS
