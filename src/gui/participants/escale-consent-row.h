/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-participant.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CONSENT_ROW (escale_consent_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleConsentRow, escale_consent_row, ESCALE, CONSENT_ROW, AdwExpanderRow)

GtkWidget *escale_consent_row_new (EscaleParticipant    *participant,
                                   EscaleConsentPurpose  purpose);

G_END_DECLS
