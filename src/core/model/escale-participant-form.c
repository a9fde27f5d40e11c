/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-participant-form.h"
#include "escale-region.h"
#include "escale-search-text.h"
#include "escale-validation.h"

/* Long enough for any real name, city or occupation; short enough that a
 * whole pasted document lands in the notes, not in a field. */
#define MAX_TEXT_LENGTH 500

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID, message);
  return FALSE;
}

/* The first run of digits: "NCLC 7" is 7, "7/12" is 7, "5 ans" is 5; but
 * "-3" is no level at all. */
static gboolean
read_number (const char *text,
             int        *number)
{
  const char *p = text;
  guint64 parsed;
  char *end;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0' || (p > text && p[-1] == '-'))
    return FALSE;

  parsed = g_ascii_strtoull (p, &end, 10);
  if (end - p > 4)
    return FALSE;

  *number = (int) parsed;
  return TRUE;
}

/* Spreadsheets write dates as "2024-03-15", "2024/03/15" or with a time of
 * day after them; the day before the month is ambiguous and refused. */
static gboolean
read_date (const char *text,
           GDate      *date)
{
  char iso[11];

  if (strlen (text) < 10 || (text[10] != '\0' && text[10] != ' ' && text[10] != 'T'))
    return FALSE;

  memcpy (iso, text, 10);
  iso[10] = '\0';
  if (iso[4] == '/' && iso[7] == '/')
    iso[4] = iso[7] = '-';

  return escale_calendar_date_parse (iso, date);
}

static int
current_year (void)
{
  g_autofree char *today = escale_calendar_date_today ();

  return atoi (today);
}

static gboolean
parse_birth_year (const char  *text,
                  GValue      *value,
                  GError     **error)
{
  GDate date;
  int year;

  /* A full date of birth is reduced to its year: nothing more is needed. */
  if (read_date (text, &date))
    year = g_date_get_year (&date);
  else if (strlen (text) != 4 || !read_number (text, &year))
    return fail (error, _("Enter a year of birth such as 1988"));

  if (year < 1900 || year > current_year ())
    return fail (error, _("Enter a year of birth such as 1988"));

  g_value_set_int (value, year);
  return TRUE;
}

static gboolean
parse_level (const char  *text,
             GValue      *value,
             GError     **error)
{
  int level;

  if (!read_number (text, &level) || level < 1 || level > 12)
    return fail (error, _("Enter a level from 1 to 12"));

  g_value_set_int (value, level);
  return TRUE;
}

static gboolean
parse_experience (const char  *text,
                  GValue      *value,
                  GError     **error)
{
  int years;

  if (!read_number (text, &years) || years > 60)
    return fail (error, _("Enter a number of years from 0 to 60"));

  g_value_set_int (value, years);
  return TRUE;
}

static gboolean
parse_arrival (const char  *text,
               GValue      *value,
               GError     **error)
{
  g_autofree char *today = escale_calendar_date_today ();
  g_autofree char *iso = NULL;
  GDate date;

  if (!read_date (text, &date))
    return fail (error, _("Enter the date as year-month-day, such as 2024-03-15"));

  iso = escale_calendar_date_format (&date);
  if (strcmp (iso, today) > 0)
    return fail (error, _("The arrival date cannot be in the future"));

  g_value_take_string (value, g_steal_pointer (&iso));
  return TRUE;
}

static gboolean
parse_language (const char  *text,
                GValue      *value,
                GError     **error)
{
  g_autofree char *folded = escale_search_fold (text);
  const char * const french[] = { "fr", "francais", "french", "f", NULL };
  const char * const english[] = { "en", "anglais", "english", "a", "e", NULL };

  if (g_strv_contains (french, folded))
    g_value_set_string (value, "fr");
  else if (g_strv_contains (english, folded))
    g_value_set_string (value, "en");
  else
    return fail (error, _("Choose French or English"));

  return TRUE;
}

static gboolean
parse_flag (const char  *text,
            GValue      *value,
            GError     **error)
{
  g_autofree char *folded = escale_search_fold (text);
  const char * const yes[] = { "oui", "o", "yes", "y", "vrai", "true", "1", "x", NULL };
  const char * const no[] = { "non", "n", "no", "faux", "false", "0", NULL };

  if (g_strv_contains (yes, folded))
    g_value_set_boolean (value, TRUE);
  else if (g_strv_contains (no, folded))
    g_value_set_boolean (value, FALSE);
  else
    return fail (error, _("Answer yes or no"));

  return TRUE;
}

static gboolean
parse_noc_code (const char  *text,
                GValue      *value,
                GError     **error)
{
  const char *p = text;
  gsize digits;

  /* "CNP 21231" and "21231 – Ingénieurs logiciels" both carry the code. */
  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  digits = strspn (p, "0123456789");
  if (digits != 5 || strpbrk (p + digits, "0123456789") != NULL)
    return fail (error, _("A NOC 2021 code has 5 digits, such as 21231"));

  g_value_take_string (value, g_strndup (p, 5));
  return TRUE;
}

static EscaleRegion *
find_region (GListModel *regions,
             const char *word)
{
  g_autofree char *folded = escale_search_fold (word);
  g_autoptr(EscaleRegion) prefix_match = NULL;
  guint n_prefix_matches = 0;
  guint n = g_list_model_get_n_items (regions);
  gboolean is_number = strspn (folded, "0123456789") == strlen (folded);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);
      EscaleRegionMatch match = escale_region_match_name (region, folded);

      if (match == ESCALE_REGION_MATCH_WHOLE || (is_number && atoi (folded) == atoi (escale_region_get_code (region))))
        return g_steal_pointer (&region);

      /* "Gaspésie" or "Saguenay" is enough when only one region starts so. */
      if (match == ESCALE_REGION_MATCH_START)
        {
          n_prefix_matches++;
          g_set_object (&prefix_match, region);
        }
    }

  return n_prefix_matches == 1 ? g_steal_pointer (&prefix_match) : NULL;
}

static gboolean
parse_regions (const char  *text,
               GListModel  *regions,
               GValue      *value,
               GError     **error)
{
  g_auto(GStrv) words = g_strsplit_set (text, ",;/|\n", -1);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = escale_normalize_text (words[i]);
      g_autoptr(EscaleRegion) region = NULL;
      g_autofree char *code = NULL;

      if (word == NULL)
        continue;

      if (regions != NULL && (region = find_region (regions, word)) != NULL)
        code = g_strdup (escale_region_get_code (region));
      else if (regions == NULL && strlen (word) <= 2 && strspn (word, "0123456789") == strlen (word) &&
               atoi (word) >= 1 && atoi (word) <= 17)
        code = g_strdup_printf ("%02d", atoi (word));

      if (code == NULL)
        {
          g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                       _("“%s” is not one of Québec’s 17 regions"), word);
          return FALSE;
        }

      if (!g_ptr_array_find_with_equal_func (seen, code, g_str_equal, NULL))
        {
          g_strv_builder_add (codes, code);
          g_ptr_array_add (seen, g_steal_pointer (&code));
        }
    }

  g_value_take_boxed (value, g_strv_builder_end (codes));
  return TRUE;
}

static gboolean
parse_choice (GType        enum_type,
              const char  *text,
              GValue      *value,
              GError     **error)
{
  int choice;

  if (!escale_choice_parse (enum_type, text, &choice))
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("“%s” is not one of the choices"), text);
      return FALSE;
    }

  g_value_set_enum (value, choice);
  return TRUE;
}

static gboolean
parse_text (EscaleParticipantField   field,
            char                   **text,
            GValue                  *value,
            GError                 **error)
{
  char *normalized = NULL;

  switch (field)
    {
    case ESCALE_PARTICIPANT_FIELD_EMAIL:
      if (!escale_normalize_email (*text, &normalized, error))
        return FALSE;
      break;
    case ESCALE_PARTICIPANT_FIELD_PHONE:
    case ESCALE_PARTICIPANT_FIELD_OTHER_PHONE:
      if (!escale_normalize_phone (*text, &normalized, error))
        return FALSE;
      break;
    default:
      if (g_utf8_strlen (*text, -1) > MAX_TEXT_LENGTH)
        return fail (error, _("Keep this under 500 characters"));
      normalized = g_steal_pointer (text);
    }

  g_value_take_string (value, normalized);
  return TRUE;
}

/**
 * escale_participant_field_parse:
 * @text: (nullable): what was typed or imported
 * @regions: (nullable): the regions, to read their names
 * @value: an unset #GValue; set to the field's type on success
 *
 * Reads one field the way a counsellor would: "Résident permanent" is a
 * status, "NCLC 7" a French level, "Gaspésie, 08" two regions, a full date
 * of birth is reduced to its year, and phones and emails are normalised.
 * Empty text is the field's empty value; only names are required.
 *
 * Returns: %TRUE with @value set, or %FALSE with a message for the field
 */
gboolean
escale_participant_field_parse (EscaleParticipantField   field,
                                const char              *text,
                                GListModel              *regions,
                                GValue                  *value,
                                GError                 **error)
{
  g_autofree char *normalized = escale_normalize_text (text);
  GType type;

  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);

  type = escale_participant_field_get_value_type (field);
  g_value_init (value, type);

  if (normalized == NULL)
    {
      switch (field)
        {
        case ESCALE_PARTICIPANT_FIELD_GIVEN_NAME:
        case ESCALE_PARTICIPANT_FIELD_FAMILY_NAME:
          g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_REQUIRED,
                               _("This field is required"));
          g_value_unset (value);
          return FALSE;
        case ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE:
          g_value_set_string (value, "fr");
          break;
        case ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS:
          g_value_set_int (value, -1);
          break;
        default:
          break;
        }
      return TRUE;
    }

  switch (field)
    {
    case ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR:
      if (parse_birth_year (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL:
    case ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL:
      if (parse_level (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS:
      if (parse_experience (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_ARRIVED_ON:
      if (parse_arrival (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE:
      if (parse_language (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE:
      if (parse_flag (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_NOC_CODE:
      if (parse_noc_code (normalized, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_REGIONS:
      /* The raw text: a cell may list one region per line. */
      if (parse_regions (text, regions, value, error))
        return TRUE;
      break;
    case ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS:
    case ESCALE_PARTICIPANT_FIELD_EDUCATION:
      if (parse_choice (type, normalized, value, error))
        return TRUE;
      break;
    default:
      if (parse_text (field, &normalized, value, error))
        return TRUE;
      break;
    }

  g_value_unset (value);
  return FALSE;
}

/**
 * escale_participant_field_format:
 * @value: a value of the field's type
 * @regions: (nullable): the regions, to write their names
 *
 * Writes a field the way escale_participant_field_parse() reads it back:
 * labels in the user's language, "Yes"/"No", region names.
 *
 * Returns: (transfer full): the text; empty for an unknown value
 */
char *
escale_participant_field_format (EscaleParticipantField  field,
                                 const GValue           *value,
                                 GListModel             *regions)
{
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, NULL);
  g_return_val_if_fail (G_VALUE_HOLDS (value, escale_participant_field_get_value_type (field)), NULL);

  if (field == ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE)
    return g_strdup (g_strcmp0 (g_value_get_string (value), "en") == 0 ? _("English") : _("French"));

  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");

  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value) > 0 || (field == ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS && g_value_get_int (value) == 0)
             ? g_strdup_printf ("%d", g_value_get_int (value))
             : g_strdup ("");

  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));

  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value) == 0
             ? g_strdup ("")
             : g_strdup (escale_choice_get_label (G_VALUE_TYPE (value), g_value_get_enum (value)));

  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *codes = g_value_get_boxed (value);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        {
          const char *name = codes[i];
          g_autoptr(EscaleRegion) region = NULL;

          for (guint j = 0; regions != NULL && j < g_list_model_get_n_items (regions) && region == NULL; j++)
            {
              g_autoptr(EscaleRegion) candidate = g_list_model_get_item (regions, j);

              if (g_str_equal (escale_region_get_code (candidate), codes[i]))
                region = g_steal_pointer (&candidate);
            }
          if (region != NULL)
            name = escale_region_get_name (region);

          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
        }

      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_return_val_if_reached (NULL);
}

/**
 * escale_participant_form_check:
 * @messages: (out caller-allocates): set to a message for each field that
 *   is wrong, %NULL for the others; free them with escale_form_messages_clear()
 *
 * Returns: whether the form can be saved as it is
 */
gboolean
escale_participant_form_check (const EscaleParticipantForm *form,
                               GListModel                  *regions,
                               char                        *messages[ESCALE_N_PARTICIPANT_FIELDS])
{
  gboolean valid = TRUE;

  g_return_val_if_fail (form != NULL && messages != NULL, FALSE);

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      messages[i] = NULL;
      if (!escale_participant_field_parse (i, form->values[i], regions, &value, &error))
        {
          messages[i] = g_strdup (error->message);
          valid = FALSE;
        }
    }

  return valid;
}

/**
 * escale_participant_form_apply:
 *
 * Stores the form in @participant, all fields or none.
 *
 * Returns: %FALSE with an error naming the first wrong field
 */
gboolean
escale_participant_form_apply (const EscaleParticipantForm  *form,
                               GListModel                   *regions,
                               EscaleParticipant            *participant,
                               GError                      **error)
{
  GValue values[ESCALE_N_PARTICIPANT_FIELDS] = { G_VALUE_INIT };
  gboolean valid = TRUE;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), FALSE);

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS && valid; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!escale_participant_field_parse (i, form->values[i], regions, &values[i], &local_error))
        {
          g_set_error (error, ESCALE_VALIDATION_ERROR, local_error->code,
                       /* Translators: a field's label, then what is wrong with it */
                       _("%s: %s"), escale_participant_field_get_label (i), local_error->message);
          valid = FALSE;
        }
    }

  if (valid)
    {
      g_object_freeze_notify (G_OBJECT (participant));
      for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
        g_object_set_property (G_OBJECT (participant), escale_participant_field_get_name (i), &values[i]);
      g_object_thaw_notify (G_OBJECT (participant));
    }

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      if (G_IS_VALUE (&values[i]))
        g_value_unset (&values[i]);
    }

  return valid;
}
