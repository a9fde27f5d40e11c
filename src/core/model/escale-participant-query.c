/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <string.h>

#include "escale-participant-query.h"
#include "escale-search-text.h"

void
escale_participant_query_init (EscaleParticipantQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->status = -1;
}

/**
 * escale_participant_query_match_string:
 * @text: (nullable): what the user typed
 *
 * Turns typed words into an FTS5 query in which each word must start a word
 * of the indexed text: "trem mar" finds Marie Tremblay, "514 555-01" her
 * phone number. Punctuation separates words, as it does in the index, so
 * nothing typed can be read as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the MATCH expression, or %NULL when
 *   there is nothing to search for
 */
char *
escale_participant_query_match_string (const char *text)
{
  g_autofree char *folded = escale_search_fold (text);
  g_autoptr(GString) match = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            g_string_append (match, match->len > 0 ? " \"" : "\"");
          g_string_append_unichar (match, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (match, "\"*");
          in_word = FALSE;
        }
    }

  if (in_word)
    g_string_append (match, "\"*");

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}
