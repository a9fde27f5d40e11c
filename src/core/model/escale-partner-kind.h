/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EscalePartnerKind:
 *
 * The kinds of organisation a regionalisation counsellor works with.
 */
typedef enum
{
  ESCALE_PARTNER_KIND_REGIONAL_HOST,
  ESCALE_PARTNER_KIND_REGIONALISATION,
  ESCALE_PARTNER_KIND_HEALTH,
  ESCALE_PARTNER_KIND_EDUCATION,
  ESCALE_PARTNER_KIND_CHAMBER_OF_COMMERCE,
  ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT,
  ESCALE_PARTNER_KIND_MUNICIPALITY,
  ESCALE_PARTNER_KIND_EMPLOYER,
  ESCALE_PARTNER_KIND_OTHER,
} EscalePartnerKind;

#define ESCALE_N_PARTNER_KINDS (ESCALE_PARTNER_KIND_OTHER + 1)

const char *escale_partner_kind_to_string   (EscalePartnerKind  kind);
gboolean    escale_partner_kind_from_string (const char        *string,
                                             EscalePartnerKind *kind);
const char *escale_partner_kind_get_label   (EscalePartnerKind  kind);

G_END_DECLS
