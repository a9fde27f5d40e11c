/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "escale-partner.h"
#include "escale-region-repository.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_PARTNER_JSON_SUMMARY,
  ESCALE_PARTNER_JSON_FULL,
} EscalePartnerJsonDetail;

JsonNode *escale_partner_to_json    (EscalePartner            *partner,
                                     EscaleRegionRepository   *regions,
                                     EscalePartnerJsonDetail   detail);
gboolean  escale_partner_export_csv (GListModel               *partners,
                                     EscaleRegionRepository   *regions,
                                     GOutputStream            *stream,
                                     char                      separator,
                                     GError                  **error);
gboolean  escale_partner_export_csv_file (GListModel             *partners,
                                          EscaleRegionRepository *regions,
                                          const char             *path,
                                          char                    separator,
                                          GError                **error);
void      escale_partner_export_csv_file_async  (GListModel             *partners,
                                                 EscaleRegionRepository *regions,
                                                 const char             *path,
                                                 char                    separator,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
gboolean  escale_partner_export_csv_file_finish (GAsyncResult           *result,
                                                 GError                **error);

G_END_DECLS
