/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-partner-query.h"
#include "escale-search-text.h"

struct _EscalePartnerQuery
{
  GStrv     terms;
  char     *region_code;
  int       kind;           /* -1 for any kind */
  gboolean  with_archived;
};

EscalePartnerQuery *
escale_partner_query_new (void)
{
  EscalePartnerQuery *query = g_new0 (EscalePartnerQuery, 1);

  query->terms = g_new0 (char *, 1);
  query->kind = -1;
  return query;
}

void
escale_partner_query_free (EscalePartnerQuery *query)
{
  if (query == NULL)
    return;

  g_strfreev (query->terms);
  g_free (query->region_code);
  g_free (query);
}

/* Each setter returns whether the query changed, so that a view refilters
 * only when it must. */

gboolean
escale_partner_query_set_search (EscalePartnerQuery *query,
                                 const char         *text)
{
  g_auto(GStrv) terms = escale_search_terms (text);

  g_return_val_if_fail (query != NULL, FALSE);

  if (g_strv_equal ((const char * const *) terms, (const char * const *) query->terms))
    return FALSE;

  g_strfreev (query->terms);
  query->terms = g_steal_pointer (&terms);
  return TRUE;
}

/**
 * escale_partner_query_set_region:
 * @region_code: (nullable): a region code, or %NULL for every region
 */
gboolean
escale_partner_query_set_region (EscalePartnerQuery *query,
                                 const char         *region_code)
{
  g_return_val_if_fail (query != NULL, FALSE);

  if (region_code != NULL && *region_code == '\0')
    region_code = NULL;

  if (g_strcmp0 (query->region_code, region_code) == 0)
    return FALSE;

  g_free (query->region_code);
  query->region_code = g_strdup (region_code);
  return TRUE;
}

/**
 * escale_partner_query_set_kind:
 * @kind: an #EscalePartnerKind, or -1 for every kind
 */
gboolean
escale_partner_query_set_kind (EscalePartnerQuery *query,
                               int                 kind)
{
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (kind >= -1 && kind < ESCALE_N_PARTNER_KINDS, FALSE);

  if (query->kind == kind)
    return FALSE;

  query->kind = kind;
  return TRUE;
}

gboolean
escale_partner_query_set_with_archived (EscalePartnerQuery *query,
                                        gboolean            with_archived)
{
  g_return_val_if_fail (query != NULL, FALSE);

  if (query->with_archived == !!with_archived)
    return FALSE;

  query->with_archived = !!with_archived;
  return TRUE;
}

gboolean
escale_partner_query_matches (const EscalePartnerQuery *query,
                              EscalePartner            *partner)
{
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), FALSE);

  if (!query->with_archived && escale_partner_get_archived (partner))
    return FALSE;

  if (query->kind >= 0 && (int) escale_partner_get_kind (partner) != query->kind)
    return FALSE;

  if (query->region_code != NULL &&
      g_strcmp0 (query->region_code, escale_partner_get_region_code (partner)) != 0)
    return FALSE;

  return escale_search_terms_match ((const char * const *) query->terms,
                                    escale_partner_get_search_key (partner));
}

static int
compare_names (EscalePartner *a,
               EscalePartner *b)
{
  /* The search key starts with the folded name: it sorts "École" with the
   * E's, as French readers expect, without building collation keys. */
  return g_strcmp0 (escale_partner_get_search_key (a), escale_partner_get_search_key (b));
}

static const char *
next_due (EscalePartner *partner)
{
  EscaleInteraction *next = escale_partner_get_next_action (partner);

  return next != NULL ? escale_interaction_get_due_on (next) : NULL;
}

/**
 * escale_partner_compare:
 *
 * Returns: a negative, zero or positive number, as strcmp() does
 */
int
escale_partner_compare (EscalePartner     *a,
                        EscalePartner     *b,
                        EscalePartnerSort  sort)
{
  int result = 0;

  g_return_val_if_fail (ESCALE_IS_PARTNER (a) && ESCALE_IS_PARTNER (b), 0);

  switch (sort)
    {
    case ESCALE_PARTNER_SORT_REGION:
      result = g_strcmp0 (escale_partner_get_region_code (a), escale_partner_get_region_code (b));
      break;

    case ESCALE_PARTNER_SORT_NEXT_DUE:
      {
        const char *due_a = next_due (a);
        const char *due_b = next_due (b);

        /* Partners with nothing due come last. */
        if (due_a == NULL || due_b == NULL)
          result = (due_a == NULL) - (due_b == NULL);
        else
          result = g_strcmp0 (due_a, due_b);
      }
      break;

    case ESCALE_PARTNER_SORT_RECENTLY_UPDATED:
      {
        gint64 updated_a = escale_partner_get_updated_at (a);
        gint64 updated_b = escale_partner_get_updated_at (b);

        result = (updated_a < updated_b) - (updated_a > updated_b);
      }
      break;

    case ESCALE_PARTNER_SORT_NAME:
    default:
      break;
    }

  if (result == 0)
    result = compare_names (a, b);

  return result;
}
