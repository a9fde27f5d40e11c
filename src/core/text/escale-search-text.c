/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-text"

#include "config.h"

#include <string.h>

#include "escale-search-text.h"

/**
 * escale_search_fold:
 * @text: (nullable): text as typed or stored
 *
 * Folds text for searching the way counsellors expect: accents, case and
 * typographic marks are ignored, so "montreal" finds "Montréal", "CÔTE"
 * finds "Côte-Nord" and "l'islet" finds "L’Islet".
 *
 * Returns: (transfer full): the folded text
 */
char *
escale_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *unmarked = NULL;
  GString *stripped;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  /* Plain ASCII, most of what an import reads, only needs lower case. */
  for (p = text; (guchar) *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Nobody types the typographer's marks that names are stored with:
       * dashes (Saguenay–Lac-Saint-Jean), apostrophes (L’Islet) and the
       * ligatures (Œuvre) are searched as the plain keys that stand for them. */
      switch (c)
        {
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
          g_string_append_c (stripped, '-');
          break;
        case 0x2018: case 0x2019: case 0x02BC:
          g_string_append_c (stripped, '\'');
          break;
        case 0x0152: case 0x0153:
          g_string_append (stripped, "oe");
          break;
        case 0x00C6: case 0x00E6:
          g_string_append (stripped, "ae");
          break;
        case 0x0110: case 0x0111:   /* Đặng: Vietnamese D with stroke has no decomposition */
          g_string_append_c (stripped, 'd');
          break;
        default:
          if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
            g_string_append_unichar (stripped, c);
        }
    }

  unmarked = g_string_free (stripped, FALSE);
  return g_utf8_casefold (unmarked, -1);
}

/**
 * escale_search_terms:
 * @query: (nullable): what the user typed in a search entry
 *
 * Returns: (transfer full): the folded words of @query; empty when there is
 *   nothing to search for
 */
GStrv
escale_search_terms (const char *query)
{
  g_autofree char *folded = escale_search_fold (query);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * escale_search_terms_match:
 * @terms: words from escale_search_terms()
 * @folded_text: (nullable): text folded with escale_search_fold()
 *
 * Returns: whether every word appears somewhere in @folded_text
 */
gboolean
escale_search_terms_match (const char * const *terms,
                           const char         *folded_text)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (folded_text == NULL || strstr (folded_text, terms[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}
