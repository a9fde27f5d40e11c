/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-partner.h"
#include "escale-region-repository.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_ROW (escale_partner_row_get_type ())

G_DECLARE_FINAL_TYPE (EscalePartnerRow, escale_partner_row, ESCALE, PARTNER_ROW, GtkWidget)

GtkWidget *escale_partner_row_new  (EscaleRegionRepository *regions);
void       escale_partner_row_bind (EscalePartnerRow       *self,
                                    EscalePartner          *partner,
                                    const GDate            *today);

G_END_DECLS
