/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"
#include "escale-partner.h"
#include "escale-region-repository.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_REPOSITORY (escale_partner_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscalePartnerRepository, escale_partner_repository, ESCALE, PARTNER_REPOSITORY, GObject)

EscalePartnerRepository *escale_partner_repository_new          (EscaleDatabase           *database,
                                                                 EscaleRegionRepository   *regions,
                                                                 GError                  **error);
GListModel              *escale_partner_repository_get_partners (EscalePartnerRepository  *self);
EscalePartner           *escale_partner_repository_find         (EscalePartnerRepository  *self,
                                                                 gint64                    id);
gboolean                 escale_partner_repository_save         (EscalePartnerRepository  *self,
                                                                 EscalePartner            *partner,
                                                                 GError                  **error);
gboolean                 escale_partner_repository_save_many    (EscalePartnerRepository  *self,
                                                                 GPtrArray                *partners,
                                                                 GError                  **error);
gboolean                 escale_partner_repository_set_archived (EscalePartnerRepository  *self,
                                                                 EscalePartner            *partner,
                                                                 gboolean                  archived,
                                                                 GError                  **error);
gboolean                 escale_partner_repository_delete       (EscalePartnerRepository  *self,
                                                                 EscalePartner            *partner,
                                                                 GError                  **error);
gboolean                 escale_partner_repository_restore      (EscalePartnerRepository  *self,
                                                                 EscalePartner            *partner,
                                                                 GError                  **error);

G_END_DECLS
