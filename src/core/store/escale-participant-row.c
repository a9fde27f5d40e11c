/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-database-private.h"
#include "escale-enums.h"
#include "escale-participant-repository-private.h"
#include "escale-search-text.h"

/* A participant as the participant table and the search index hold it: the
 * fields, the folded keys that order and match people, the folded text the
 * search index reads. Nothing here touches the database, so that an import
 * computes its rows in one thread while another writes them. */

/* "Jean-François Côté" and "jean francois cote" are one name. */
char *
_escale_participant_name_key (const char *first,
                              const char *second)
{
  g_autofree char *joined = g_strjoin (" ", first != NULL ? first : "", second != NULL ? second : "", NULL);
  g_autofree char *folded = escale_search_fold (joined);
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = TRUE;
          continue;
        }
      if (space && key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append_unichar (key, c);
      space = FALSE;
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The ten digits of a stored phone number, without its extension. */
char *
_escale_phone_key (const char *phone)
{
  g_autoptr(GString) digits = NULL;

  if (phone == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0' && *p != 'x'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

char *
_escale_email_key (const char *email)
{
  return email != NULL ? g_ascii_strdown (email, -1) : NULL;
}

/* Whether nothing but spaces is left: what escale_normalize_text() turns
 * into %NULL, without copying the text to find out. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80 ? !g_ascii_isspace (*p) : !g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * _escale_participant_row_init:
 * @values: the value of each field, borrowed until the row is cleared
 *
 * Computes the keys; the search text waits for
 * _escale_participant_row_fold_search(), which only a write needs.
 */
void
_escale_participant_row_init (EscaleParticipantRow *row,
                              const GValue * const *values)
{
  const char *given;
  const char *family;
  const char *city;

  memset (row, 0, sizeof *row);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    row->values[i] = values[i];

  given = _escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_GIVEN_NAME);
  family = _escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME);
  city = _escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_CITY);

  row->sort_key = _escale_participant_name_key (family, given);
  row->name_key = _escale_participant_name_key (given, family);
  row->email_key = _escale_email_key (_escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_EMAIL));
  row->phone_key = _escale_phone_key (_escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_PHONE));
  row->other_phone_key = _escale_phone_key (_escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_OTHER_PHONE));
  row->city_key = city != NULL ? escale_search_fold (city) : NULL;
}

/**
 * _escale_participant_row_fold_search:
 *
 * Computes what the search index reads: names, contact details and
 * occupation, folded as the words typed in a search are.
 */
void
_escale_participant_row_fold_search (EscaleParticipantRow *row)
{
  g_autofree char *names = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *occupation = NULL;

#define OR_EMPTY(text) ((text) != NULL ? (text) : "")
#define FIELD(field) OR_EMPTY (_escale_participant_row_get_text (row, field))
  names = g_strjoin (" ", _escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_GIVEN_NAME),
                     _escale_participant_row_get_text (row, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME),
                     FIELD (ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME), NULL);
  /* Both "514 555-0123" and "5145550123", so that a number is found
   * however much of it is typed, with or without its punctuation. */
  contact = g_strjoin (" ", FIELD (ESCALE_PARTICIPANT_FIELD_EMAIL),
                       FIELD (ESCALE_PARTICIPANT_FIELD_PHONE), OR_EMPTY (row->phone_key),
                       FIELD (ESCALE_PARTICIPANT_FIELD_OTHER_PHONE), OR_EMPTY (row->other_phone_key), NULL);
  occupation = g_strjoin (" ", FIELD (ESCALE_PARTICIPANT_FIELD_OCCUPATION),
                          FIELD (ESCALE_PARTICIPANT_FIELD_NOC_CODE), NULL);
#undef FIELD
#undef OR_EMPTY

  /* Folded as the search words are: SQLite's tokenizer drops accents but
   * knows neither the ligatures (Lætitia) nor ß (Strauß) nor the dashes. */
  g_free (row->search_names);
  g_free (row->search_contact);
  g_free (row->search_occupation);
  row->search_names = escale_search_fold (names);
  row->search_contact = escale_search_fold (contact);
  row->search_occupation = escale_search_fold (occupation);
}

void
_escale_participant_row_clear (EscaleParticipantRow *row)
{
  g_clear_pointer (&row->sort_key, g_free);
  g_clear_pointer (&row->name_key, g_free);
  g_clear_pointer (&row->email_key, g_free);
  g_clear_pointer (&row->phone_key, g_free);
  g_clear_pointer (&row->other_phone_key, g_free);
  g_clear_pointer (&row->city_key, g_free);
  g_clear_pointer (&row->search_names, g_free);
  g_clear_pointer (&row->search_contact, g_free);
  g_clear_pointer (&row->search_occupation, g_free);
}

/**
 * _escale_participant_row_get_text:
 * @field: a text field
 *
 * Returns: (nullable): the text, or %NULL when the field is empty
 */
const char *
_escale_participant_row_get_text (const EscaleParticipantRow *row,
                                  EscaleParticipantField      field)
{
  g_assert (G_VALUE_HOLDS_STRING (row->values[field]));
  return g_value_get_string (row->values[field]);
}

/* The schema refuses blank names too; this says it in words a counsellor
 * understands, before anything is written. Blank means no text once every
 * kind of space is gone, non-breaking ones included: the schema's trim()
 * only knows the ASCII space. */
gboolean
_escale_participant_row_check (const EscaleParticipantRow  *row,
                               GError                     **error)
{
  for (guint i = 0; i <= ESCALE_PARTICIPANT_FIELD_FAMILY_NAME; i++)
    {
      if (is_blank (_escale_participant_row_get_text (row, i)))
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("%s: this field is required"), escale_participant_field_get_label (i));
          return FALSE;
        }
    }

  return TRUE;
}

/* As _escale_bind_text(): empty text is SQL NULL. */
static inline void
bind_text (sqlite3_stmt           *stmt,
           int                     param,
           const char             *text,
           sqlite3_destructor_type destructor)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, param);
  else
    sqlite3_bind_text (stmt, param, text, -1, destructor);
}

/**
 * _escale_participant_row_bind:
 * @param: the first parameter to bind
 * @destructor: %SQLITE_TRANSIENT, or %SQLITE_STATIC when the row outlives
 *   the statement's bindings
 *
 * Binds the columns of the participant table that a person's file fills,
 * the fields then the keys, in the order of the statements the repository
 * writes them with.
 *
 * Returns: the next parameter
 */
int
_escale_participant_row_bind (const EscaleParticipantRow *row,
                              sqlite3_stmt               *stmt,
                              int                         param,
                              sqlite3_destructor_type     destructor)
{
  const char *keys[] = {
    row->sort_key, row->name_key, row->email_key, row->phone_key, row->other_phone_key, row->city_key,
  };

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      const GValue *value = row->values[i];
      GType type = G_VALUE_TYPE (value);

      /* Regions have a table of their own. */
      if (i == ESCALE_PARTICIPANT_FIELD_REGIONS)
        continue;

      /* Types compared directly: an import binds two million values. */
      if (type == G_TYPE_STRING)
        bind_text (stmt, param, g_value_get_string (value), destructor);
      else if (type == G_TYPE_BOOLEAN)
        sqlite3_bind_int (stmt, param, g_value_get_boolean (value));
      else if (type == G_TYPE_INT &&
               (g_value_get_int (value) > 0 ||
                (i == ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS && g_value_get_int (value) == 0)))
        sqlite3_bind_int (stmt, param, g_value_get_int (value));
      else if (G_TYPE_IS_ENUM (type) && g_value_get_enum (value) != 0)
        bind_text (stmt, param, escale_choice_get_nick (type, g_value_get_enum (value)), SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, param);

      param++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    bind_text (stmt, param++, keys[i], destructor);

  return param;
}

/**
 * _escale_participant_row_bind_search:
 *
 * Binds the names, contact and occupation of the search index from
 * @param on. The row must have been folded with
 * _escale_participant_row_fold_search().
 */
void
_escale_participant_row_bind_search (const EscaleParticipantRow *row,
                                     sqlite3_stmt               *stmt,
                                     int                         param,
                                     sqlite3_destructor_type     destructor)
{
  g_assert (row->search_names != NULL);

  bind_text (stmt, param, row->search_names, destructor);
  bind_text (stmt, param + 1, row->search_contact, destructor);
  bind_text (stmt, param + 2, row->search_occupation, destructor);
}
