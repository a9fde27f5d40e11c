/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escale-validation.h"

G_DEFINE_QUARK (escale-validation-error-quark, escale_validation_error)

/**
 * escale_normalize_text:
 * @input: (nullable): a single-line value as typed
 *
 * Returns: (transfer full) (nullable): @input without surrounding spaces and
 *   with inner runs of spaces collapsed, or %NULL if nothing is left
 */
char *
escale_normalize_text (const char *input)
{
  g_autoptr(GString) joined = NULL;
  gboolean space = FALSE;

  if (input == NULL)
    return NULL;

  /* Spreadsheets and word processors leave non-breaking and thin spaces
   * where people typed plain ones: all of them are spaces here. Bytes are
   * copied as they are; only spaces are decoded. */
  joined = g_string_new (NULL);
  for (const char *p = input; *p != '\0'; )
    {
      const char *next = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
      gboolean is_space = (guchar) *p < 0x80 ? g_ascii_isspace (*p) : g_unichar_isspace (g_utf8_get_char (p));

      if (is_space)
        {
          space = TRUE;
        }
      else
        {
          if (space && joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append_len (joined, p, next - p);
          space = FALSE;
        }
      p = next;
    }

  if (joined->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

gboolean
escale_normalize_email (const char  *input,
                        char       **normalized,
                        GError     **error)
{
  g_autofree char *text = escale_normalize_text (input);
  static GRegex *address_regex;
  const char *at;

  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;
  if (text == NULL)
    return TRUE;

  /* Compiled once: an import reads thousands of addresses. */
  if (g_once_init_enter (&address_regex))
    {
      GRegex *regex = g_regex_new ("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[[:alpha:]]{2,}$", G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (&address_regex, regex);
    }

  at = strrchr (text, '@');
  if (!g_regex_match (address_regex, text, 0, NULL) || at == NULL)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("Enter an email address such as name@example.org"));
      return FALSE;
    }

  /* Domains are case-insensitive; the part before @ may not be. */
  {
    g_autofree char *domain = g_ascii_strdown (at + 1, -1);

    *normalized = g_strdup_printf ("%.*s@%s", (int) (at - text), text, domain);
  }

  return TRUE;
}

/* Canadian numbers follow the North American plan: a 3-digit area code and a
 * 3-digit exchange that both start with 2–9, then 4 digits. Stored as
 * "514 555-0123", the form the Office québécois de la langue française
 * recommends, with " x204" for an extension. */
gboolean
escale_normalize_phone (const char  *input,
                        char       **normalized,
                        GError     **error)
{
  g_autofree char *text = escale_normalize_text (input);
  static GRegex *extension_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *extension = NULL;
  g_autoptr(GString) digits = NULL;
  const char *number;

  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;
  if (text == NULL)
    return TRUE;

  /* Compiled once: an import reads thousands of numbers. */
  if (g_once_init_enter (&extension_regex))
    {
      GRegex *regex = g_regex_new ("^(.*?)[\\s,]*(?:poste|post\\.|p\\.|ext\\.?|extension|x|#)\\s*([0-9]{1,6})$",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (&extension_regex, regex);
    }

  if (g_regex_match (extension_regex, text, 0, &match))
    {
      g_autofree char *main_part = g_match_info_fetch (match, 1);

      extension = g_match_info_fetch (match, 2);
      g_free (text);
      text = g_steal_pointer (&main_part);
    }

  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" -.()+", *p) == NULL)
        goto invalid;
    }

  number = digits->str;
  if (digits->len == 11 && number[0] == '1')
    number++;

  if (strlen (number) != 10 || number[0] < '2' || number[3] < '2')
    goto invalid;

  *normalized = g_strdup_printf ("%.3s %.3s-%.4s%s%s",
                                 number, number + 3, number + 6,
                                 extension != NULL ? " x" : "",
                                 extension != NULL ? extension : "");
  return TRUE;

invalid:
  g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
               _("Enter a 10-digit Canadian phone number such as 514 555-0123"));
  return FALSE;
}

/* Canada Post never uses D, F, I, O, Q or U, nor W or Z in first position. */
gboolean
escale_normalize_postal_code (const char  *input,
                              char       **normalized,
                              GError     **error)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;
  for (const char *p = input != NULL ? input : ""; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '-' && *p != '\t')
        g_string_append_c (compact, g_ascii_toupper (*p));
    }

  if (compact->len == 0)
    return TRUE;

  if (!g_regex_match_simple ("^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$",
                             compact->str, 0, 0))
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("Enter a Canadian postal code such as G5L 3A1"));
      return FALSE;
    }

  *normalized = g_strdup_printf ("%.3s %.3s", compact->str, compact->str + 3);
  return TRUE;
}

gboolean
escale_normalize_website (const char  *input,
                          char       **normalized,
                          GError     **error)
{
  g_autofree char *text = escale_normalize_text (input);
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;
  if (text == NULL)
    return TRUE;

  /* People type "cldc-rimouski.ca"; browsers accept it, so do we. */
  if (strstr (text, "://") == NULL)
    with_scheme = g_strconcat ("https://", text, NULL);
  else
    with_scheme = g_strdup (text);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  /* An email address typed here ("info@cldc.ca") would become a web
   * address with a user name: refused, as are empty or dashed labels. */
  if (uri == NULL || strchr (with_scheme, ' ') != NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
      g_uri_get_userinfo (uri) != NULL ||
      host == NULL || strchr (host, '.') == NULL || g_str_has_suffix (host, ".") || host[0] == '.' ||
      strstr (host, "..") != NULL || host[0] == '-' || strstr (host, ".-") != NULL || strstr (host, "-.") != NULL)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("Enter a web address such as https://example.org"));
      return FALSE;
    }

  *normalized = g_steal_pointer (&with_scheme);
  return TRUE;
}

/**
 * escale_parse_coordinate:
 * @input: (nullable): a decimal number of degrees, with a point or a comma
 * @limit: 90 for a latitude, 180 for a longitude
 * @present: (out): whether a value was given
 * @value: (out): the value, when present
 *
 * French keyboards type "46,81": both decimal separators are accepted.
 */
gboolean
escale_parse_coordinate (const char  *input,
                         double       limit,
                         gboolean    *present,
                         double      *value,
                         GError     **error)
{
  g_autofree char *text = escale_normalize_text (input);
  char *end = NULL;
  double parsed;

  g_return_val_if_fail (present != NULL && value != NULL, FALSE);

  *present = FALSE;
  *value = 0;
  if (text == NULL)
    return TRUE;

  g_strdelimit (text, ",", '.');
  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (parsed))
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("Enter a number of degrees such as 48.45"));
      return FALSE;
    }

  if (fabs (parsed) > limit)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("Enter a number between -%g and %g"), limit, limit);
      return FALSE;
    }

  *present = TRUE;
  *value = parsed;
  return TRUE;
}

/* Where the latitude ends in "46.81, -71.21", "46,81 -71,21", "46,81;-71,21"
 * or "46.81,-71.21": French keyboards type decimal commas, so a comma only
 * separates the two numbers when nothing else does, and a lone one only
 * beside decimal points ("47,38" is one number half typed). */
static char *
find_separator (char *text)
{
  char *separator = strchr (text, ';');
  guint commas = 0;

  if (separator != NULL)
    return separator;

  separator = strpbrk (text, " \t");
  if (separator != NULL)
    return separator;

  for (char *p = text; *p != '\0'; p++)
    commas += *p == ',';
  if (commas == 1 && strchr (text, '.') != NULL)
    return strchr (text, ',');
  if (commas == 3)
    return strchr (strchr (text, ',') + 1, ',');

  return NULL;
}

/**
 * escale_parse_coordinates:
 * @input: (nullable): a latitude and a longitude in degrees
 * @present: (out): whether coordinates were given
 *
 * Returns: whether @input is empty or a pair of coordinates
 */
gboolean
escale_parse_coordinates (const char  *input,
                                    gboolean    *present,
                                    double      *latitude,
                                    double      *longitude,
                                    GError     **error)
{
  g_autofree char *text = escale_normalize_text (input);
  gboolean has_latitude = FALSE, has_longitude = FALSE;
  char *separator;
  char *second;

  g_return_val_if_fail (present != NULL && latitude != NULL && longitude != NULL, FALSE);

  *present = FALSE;
  *latitude = *longitude = 0;
  if (text == NULL)
    return TRUE;

  separator = find_separator (text);
  if (separator == NULL)
    goto malformed;
  second = separator + 1;
  *separator = '\0';
  /* "46.81, -71.21": the space found first leaves the comma behind. */
  if (g_str_has_suffix (text, ",") || g_str_has_suffix (text, ";"))
    text[strlen (text) - 1] = '\0';
  while (*second == ' ' || *second == ',' || *second == ';')
    second++;

  if (!escale_parse_coordinate (text, 1000, &has_latitude, latitude, NULL) ||
      !escale_parse_coordinate (second, 1000, &has_longitude, longitude, NULL) ||
      !has_latitude || !has_longitude)
    goto malformed;

  if (fabs (*latitude) > 90)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("The latitude comes first and lies between -90 and 90"));
      return FALSE;
    }
  if (fabs (*longitude) > 180)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("The longitude lies between -180 and 180"));
      return FALSE;
    }

  *present = TRUE;
  return TRUE;

malformed:
  *latitude = *longitude = 0;
  g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
               _("Enter the latitude and the longitude in degrees, such as 46.81, -71.21"));
  return FALSE;
}
