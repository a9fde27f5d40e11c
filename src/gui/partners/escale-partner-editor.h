/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_EDITOR (escale_partner_editor_get_type ())

G_DECLARE_FINAL_TYPE (EscalePartnerEditor, escale_partner_editor, ESCALE, PARTNER_EDITOR, AdwWindow)

EscalePartnerEditor *escale_partner_editor_new         (EscaleContext       *context,
                                                        EscalePartner       *partner);
EscalePartner       *escale_partner_editor_get_partner (EscalePartnerEditor *self);

G_END_DECLS
