/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-partner-kind.h"

/* The identifiers are stored in the database and printed by escale-cli: they
 * never change, whatever the language. */
static const struct
{
  const char *id;
  const char *label;
} kinds[ESCALE_N_PARTNER_KINDS] = {
  [ESCALE_PARTNER_KIND_REGIONAL_HOST] = { "regional-host", N_("Regional host organisation") },
  [ESCALE_PARTNER_KIND_REGIONALISATION] = { "regionalisation", N_("Montréal regionalisation organisation") },
  [ESCALE_PARTNER_KIND_HEALTH] = { "health", N_("Health institution") },
  [ESCALE_PARTNER_KIND_EDUCATION] = { "education", N_("Educational institution") },
  [ESCALE_PARTNER_KIND_CHAMBER_OF_COMMERCE] = { "chamber-of-commerce", N_("Chamber of commerce") },
  [ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT] = { "economic-development", N_("Economic development") },
  [ESCALE_PARTNER_KIND_MUNICIPALITY] = { "municipality", N_("Municipality or MRC") },
  [ESCALE_PARTNER_KIND_EMPLOYER] = { "employer", N_("Employer") },
  [ESCALE_PARTNER_KIND_OTHER] = { "other", N_("Other") },
};

const char *
escale_partner_kind_to_string (EscalePartnerKind kind)
{
  g_return_val_if_fail (kind < ESCALE_N_PARTNER_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
escale_partner_kind_from_string (const char        *string,
                                 EscalePartnerKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (string, kinds[i].id) == 0)
        {
          *kind = (EscalePartnerKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * escale_partner_kind_get_label:
 *
 * Returns: the kind's name in the user's language
 */
const char *
escale_partner_kind_get_label (EscalePartnerKind kind)
{
  g_return_val_if_fail (kind < ESCALE_N_PARTNER_KINDS, NULL);

  return _(kinds[kind].label);
}
