/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <string.h>

#include "escale-ical-private.h"

/* The text of a component, exactly as icalcomponent_as_ical_string_r()
 * of libical 3.0 writes it, without its cost: libical allocates a buffer
 * of a kilobyte or more per property, parameter and value, then another
 * to fold each line, and switches the whole process to the C locale
 * around every GEO, which is neither fast nor safe in a thread. The
 * values an entry holds (text, integers, times, GEO, addresses, STATUS)
 * are written here; any other property is left to libical. A test checks
 * both give the same text. */

/* libical's folding: after the last ';', ':' or ' ' among the first 74
 * octets when there is one, else before a character that starts a UTF-8
 * sequence. @left counts the CRLF at the end. */
static gsize
next_fold (const char *start,
           gsize       left)
{
  if (left < 75)
    return left;
  for (gsize pos = 73; pos > 0; pos--)
    if (start[pos] == ';' || start[pos] == ':' || start[pos] == ' ')
      return pos + 1;
  for (gsize pos = 74; pos > 0; pos--)
    if (((guchar) start[pos] & 128) == 0 || ((guchar) start[pos] & 192) == 192)
      return pos;
  return 74;
}

static void
append_folded (GString *out,
               GString *line)
{
  const char *start = line->str;
  gsize left = line->len;

  for (gboolean first = TRUE; left > 0; first = FALSE)
    {
      gsize n = next_fold (start, left);

      if (!first)
        g_string_append_len (out, "\r\n ", 3);
      g_string_append_len (out, start, n);
      start += n;
      left -= n;
    }
}

/* A TEXT value as libical quotes it, copied a run at a time between the
 * characters it changes. */
static void
append_text (GString    *line,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      gsize run = strcspn (p, "\n\r\b\f;,\\");

      g_string_append_len (line, p, run);
      p += run;
      switch (*p)
        {
        case '\0':
          return;
        case '\n':
          g_string_append_len (line, "\\n", 2);
          break;
        case ';':
        case ',':
        case '\\':
          g_string_append_c (line, '\\');
          g_string_append_c (line, *p);
          break;
        default:   /* \r, \b and \f are dropped */
          break;
        }
    }
}

/* The properties written here rather than by libical, each with the
 * value kind libical writes it with when it has no VALUE parameter, and
 * its name: icalproperty_kind_to_string() searches its whole table for
 * each property. */
typedef struct
{
  icalproperty_kind  kind;
  icalvalue_kind     value;
  const char        *name;
} PlainProperty;

static const PlainProperty plain_properties[] = {
  { ICAL_UID_PROPERTY, ICAL_TEXT_VALUE, "UID" },
  { ICAL_SEQUENCE_PROPERTY, ICAL_INTEGER_VALUE, "SEQUENCE" },
  { ICAL_DTSTAMP_PROPERTY, ICAL_DATETIME_VALUE, "DTSTAMP" },
  { ICAL_LASTMODIFIED_PROPERTY, ICAL_DATETIME_VALUE, "LAST-MODIFIED" },
  { ICAL_STATUS_PROPERTY, ICAL_STATUS_VALUE, "STATUS" },
  { ICAL_DTSTART_PROPERTY, ICAL_DATETIME_VALUE, "DTSTART" },
  { ICAL_DTEND_PROPERTY, ICAL_DATETIME_VALUE, "DTEND" },
  { ICAL_SUMMARY_PROPERTY, ICAL_TEXT_VALUE, "SUMMARY" },
  { ICAL_LOCATION_PROPERTY, ICAL_TEXT_VALUE, "LOCATION" },
  { ICAL_GEO_PROPERTY, ICAL_GEO_VALUE, "GEO" },
  { ICAL_DESCRIPTION_PROPERTY, ICAL_TEXT_VALUE, "DESCRIPTION" },
  { ICAL_URL_PROPERTY, ICAL_URI_VALUE, "URL" },
  { ICAL_ORGANIZER_PROPERTY, ICAL_CALADDRESS_VALUE, "ORGANIZER" },
  { ICAL_ATTENDEE_PROPERTY, ICAL_CALADDRESS_VALUE, "ATTENDEE" },
  { ICAL_RELATEDTO_PROPERTY, ICAL_TEXT_VALUE, "RELATED-TO" },
  { ICAL_RECURRENCEID_PROPERTY, ICAL_DATETIME_VALUE, "RECURRENCE-ID" },
  { ICAL_EXDATE_PROPERTY, ICAL_DATETIME_VALUE, "EXDATE" },
};

static const PlainProperty *
find_plain (icalproperty_kind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (plain_properties); i++)
    {
      if (plain_properties[i].kind == kind)
        return &plain_properties[i];
    }
  return NULL;
}

/* @value in @width digits, as "%0*d" would for a value in range. */
static void
append_digits (GString *line,
               int      value,
               int      width)
{
  char digits[4];

  for (int i = width - 1; i >= 0; i--, value /= 10)
    digits[i] = (char) ('0' + value % 10);
  g_string_append_len (line, digits, width);
}

/* Appends the value; FALSE when libical must write the property. */
static gboolean
append_value (GString     *line,
              icalvalue   *value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  icaltimetype time;
  struct icalgeotype geo;
  const char *text;

  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE:
      append_text (line, icalvalue_get_text (value));
      return TRUE;
    case ICAL_INTEGER_VALUE:
      g_string_append_printf (line, "%d", icalvalue_get_integer (value));
      return TRUE;
    case ICAL_DATETIME_VALUE:
      time = icalvalue_get_datetime (value);
      if (time.is_date)
        return FALSE;
      if (time.year < 0 || time.year > 9999)
        return FALSE;
      append_digits (line, time.year, 4);
      append_digits (line, time.month, 2);
      append_digits (line, time.day, 2);
      g_string_append_c (line, 'T');
      append_digits (line, time.hour, 2);
      append_digits (line, time.minute, 2);
      append_digits (line, time.second, 2);
      if (icaltime_is_utc (time))
        g_string_append_c (line, 'Z');
      return TRUE;
    case ICAL_GEO_VALUE:
      geo = icalvalue_get_geo (value);
      g_string_append (line, g_ascii_formatd (number, sizeof number, "%f", geo.lat));
      g_string_append_c (line, ';');
      g_string_append (line, g_ascii_formatd (number, sizeof number, "%f", geo.lon));
      return TRUE;
    case ICAL_URI_VALUE:
      g_string_append (line, icalvalue_get_uri (value));
      return TRUE;
    case ICAL_CALADDRESS_VALUE:
      g_string_append (line, icalvalue_get_caladdress (value));
      return TRUE;
    case ICAL_STATUS_VALUE:
      text = icalproperty_status_to_string (icalvalue_get_status (value));
      if (icalvalue_get_status (value) == ICAL_STATUS_X || text == NULL)
        return FALSE;
      g_string_append (line, text);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_property (GString      *out,
                 GString      *line,
                 icalproperty *property)
{
  const PlainProperty *plain = find_plain (icalproperty_isa (property));
  icalvalue *value = icalproperty_get_value (property);
  char *text;

  if (plain != NULL && value != NULL && icalvalue_isa (value) == plain->value &&
      icalproperty_get_first_parameter (property, ICAL_VALUE_PARAMETER) == NULL)
    {
      g_string_assign (line, plain->name);
      for (icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_ANY_PARAMETER);
           parameter != NULL; parameter = icalproperty_get_next_parameter (property, ICAL_ANY_PARAMETER))
        {
          char *written = icalparameter_as_ical_string_r (parameter);

          if (written == NULL)
            goto by_libical;
          g_string_append_c (line, ';');
          g_string_append (line, written);
          icalmemory_free_buffer (written);
        }
      g_string_append_c (line, ':');
      if (append_value (line, value))
        {
          g_string_append_len (line, "\r\n", 2);
          append_folded (out, line);
          return;
        }
    }

by_libical:
  text = icalproperty_as_ical_string_r (property);
  if (text != NULL)
    g_string_append (out, text);
  icalmemory_free_buffer (text);
}

/* Appends the text of @component, its subcomponents included. */
void
_escale_ical_append_component (GString       *out,
                               icalcomponent *component)
{
  g_autoptr(GString) line = g_string_sized_new (256);
  const char *name = icalcomponent_kind_to_string (icalcomponent_isa (component));

  if (icalcomponent_isa (component) == ICAL_X_COMPONENT || name == NULL)
    {
      char *text = icalcomponent_as_ical_string_r (component);

      g_string_append (out, text);
      icalmemory_free_buffer (text);
      return;
    }

  g_string_append_printf (out, "BEGIN:%s\r\n", name);
  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       property != NULL; property = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    append_property (out, line, property);
  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL; child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    _escale_ical_append_component (out, child);
  g_string_append_printf (out, "END:%s\r\n", name);
}
