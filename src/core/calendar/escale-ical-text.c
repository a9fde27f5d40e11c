/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <math.h>
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

/* g_string_append_len() for the many short pieces of a line, without a
 * call for each: GLib inlines it from 2.76 on, and Debian 12 has 2.74. */
static inline void
append_len (GString    *string,
            const char *text,
            gsize       length)
{
  if (string->len + length < string->allocated_len)
    {
      memcpy (string->str + string->len, text, length);
      string->len += length;
      string->str[string->len] = '\0';
    }
  else
    {
      g_string_append_len (string, text, length);
    }
}

static inline void
append (GString    *string,
        const char *text)
{
  append_len (string, text, strlen (text));
}

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
        append_len (out, "\r\n ", 3);
      append_len (out, start, n);
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

      append_len (line, p, run);
      p += run;
      switch (*p)
        {
        case '\0':
          return;
        case '\n':
          append_len (line, "\\n", 2);
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

/* @value in @width digits at @out, as "%0*d" would for a value in range. */
static char *
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    out[i] = (char) ('0' + value % 10);
  return out + width;
}

/* A DATE-TIME as libical writes it: 20270314T093000, Z in UTC. */
static void
append_date_time (GString            *line,
                  const icaltimetype *time)
{
  char text[16];
  char *end = text;

  end = put_digits (end, time->year, 4);
  end = put_digits (end, time->month, 2);
  end = put_digits (end, time->day, 2);
  *end++ = 'T';
  end = put_digits (end, time->hour, 2);
  end = put_digits (end, time->minute, 2);
  end = put_digits (end, time->second, 2);
  if (icaltime_is_utc (*time))
    *end++ = 'Z';
  append_len (line, text, end - text);
}

static void
append_integer (GString *line,
                gint64   value)
{
  char digits[21];
  int first = sizeof digits;
  guint64 magnitude = value < 0 ? 0u - (guint64) value : (guint64) value;

  do
    digits[--first] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    digits[--first] = '-';
  append_len (line, digits + first, sizeof digits - first);
}

/* A coordinate as "%f" writes it, six decimals, without printf's cost,
 * which is most of a GEO's. The product by a million is off by far less
 * than a thousandth, so rounding it is exact unless the value lies about
 * halfway between two millionths: those are left to printf. */
static void
append_degrees (GString *line,
                double   degrees)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  double millionths = fabs (degrees) * 1e6;
  double whole = floor (millionths);
  gint64 rounded;
  char *end;

  if (!isfinite (degrees) || millionths >= 1e9 || fabs (millionths - whole - 0.5) < 1e-3)
    {
      append (line, g_ascii_formatd (text, sizeof text, "%f", degrees));
      return;
    }

  rounded = (gint64) whole + (millionths - whole > 0.5);
  if (signbit (degrees))
    g_string_append_c (line, '-');
  append_integer (line, rounded / 1000000);
  text[0] = '.';
  end = put_digits (text + 1, (int) (rounded % 1000000), 6);
  append_len (line, text, end - text);
}

/* A TZID as libical writes it, for a name that needs no quotes. */
static gboolean
append_tzid (GString       *line,
             icalparameter *parameter)
{
  const char *tzid = icalparameter_get_tzid (parameter);

  if (tzid == NULL || *tzid == '\0' || strpbrk (tzid, ";:,\"") != NULL)
    return FALSE;
  append_len (line, "TZID=", 5);
  append (line, tzid);
  return TRUE;
}

/* Appends the value; FALSE when libical must write the property. */
static gboolean
append_value (GString     *line,
              icalvalue   *value)
{
  icaltimetype time;
  struct icalgeotype geo;
  const char *text;

  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE:
      append_text (line, icalvalue_get_text (value));
      return TRUE;
    case ICAL_INTEGER_VALUE:
      append_integer (line, icalvalue_get_integer (value));
      return TRUE;
    case ICAL_DATETIME_VALUE:
      time = icalvalue_get_datetime (value);
      if (time.is_date)
        return FALSE;
      if (time.year < 0 || time.year > 9999)
        return FALSE;
      append_date_time (line, &time);
      return TRUE;
    case ICAL_GEO_VALUE:
      geo = icalvalue_get_geo (value);
      append_degrees (line, geo.lat);
      g_string_append_c (line, ';');
      append_degrees (line, geo.lon);
      return TRUE;
    case ICAL_URI_VALUE:
    case ICAL_CALADDRESS_VALUE:
      text = icalvalue_isa (value) == ICAL_URI_VALUE ? icalvalue_get_uri (value) : icalvalue_get_caladdress (value);
      if (text == NULL)
        return FALSE;
      append (line, text);
      return TRUE;
    case ICAL_STATUS_VALUE:
      text = icalproperty_status_to_string (icalvalue_get_status (value));
      if (icalvalue_get_status (value) == ICAL_STATUS_X || text == NULL)
        return FALSE;
      append (line, text);
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
          char *written;

          g_string_append_c (line, ';');
          if (icalparameter_isa (parameter) == ICAL_TZID_PARAMETER && append_tzid (line, parameter))
            continue;
          written = icalparameter_as_ical_string_r (parameter);
          if (written == NULL)
            goto by_libical;
          append (line, written);
          icalmemory_free_buffer (written);
        }
      g_string_append_c (line, ':');
      if (append_value (line, value))
        {
          append_len (line, "\r\n", 2);
          append_folded (out, line);
          return;
        }
    }

by_libical:
  text = icalproperty_as_ical_string_r (property);
  if (text != NULL)
    append (out, text);
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

      if (text != NULL)
        append (out, text);
      icalmemory_free_buffer (text);
      return;
    }

  append_len (out, "BEGIN:", 6);
  append (out, name);
  append_len (out, "\r\n", 2);
  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       property != NULL; property = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    append_property (out, line, property);
  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL; child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    _escale_ical_append_component (out, child);
  append_len (out, "END:", 4);
  append (out, name);
  append_len (out, "\r\n", 2);
}
