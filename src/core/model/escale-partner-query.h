/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-partner.h"

G_BEGIN_DECLS

/* What the partner page and `escale-cli partners list` ask of the directory:
 * one definition of matching and ordering for both. */

typedef enum
{
  ESCALE_PARTNER_SORT_NAME,
  ESCALE_PARTNER_SORT_REGION,
  ESCALE_PARTNER_SORT_NEXT_DUE,
  ESCALE_PARTNER_SORT_RECENTLY_UPDATED,
} EscalePartnerSort;

typedef struct _EscalePartnerQuery EscalePartnerQuery;

EscalePartnerQuery *escale_partner_query_new              (void);
void                escale_partner_query_free             (EscalePartnerQuery *query);
gboolean            escale_partner_query_set_search       (EscalePartnerQuery *query,
                                                           const char         *text);
gboolean            escale_partner_query_set_region       (EscalePartnerQuery *query,
                                                           const char         *region_code);
gboolean            escale_partner_query_set_kind         (EscalePartnerQuery *query,
                                                           int                 kind);
gboolean            escale_partner_query_set_with_archived (EscalePartnerQuery *query,
                                                            gboolean            with_archived);
gboolean            escale_partner_query_matches          (const EscalePartnerQuery *query,
                                                           EscalePartner            *partner);
int                 escale_partner_compare                (EscalePartner      *a,
                                                           EscalePartner      *b,
                                                           EscalePartnerSort   sort);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePartnerQuery, escale_partner_query_free)

G_END_DECLS
