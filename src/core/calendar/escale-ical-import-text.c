/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-ical-import-private.h"

/* From the bytes of a partner's file to its entries: a UTF-8 BOM dropped,
 * NUL bytes removed, Windows-1252 read when the text is not UTF-8, CR, LF
 * and CRLF line ends made LF; then content lines unfolded in place, with
 * the line each starts on, and the VEVENTs and VTIMEZONEs of every
 * VCALENDAR of the file collected. A file that stops inside a calendar or
 * an entry is refused: half a calendar would remove what it lost. */

/* Most of a calendar is ASCII, which is valid UTF-8: it is skipped eight
 * bytes at a time, and g_utf8_validate_len(), which goes a byte at a time,
 * checks the runs of other bytes. Every byte of a multibyte character is
 * above 0x7f, so an ASCII byte always ends a run on a character boundary. */
static gboolean
is_utf8 (const char *text,
         gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *run;
      guint64 word;

      for (; end - p >= (gssize) sizeof word; p += sizeof word)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
        }
      while (p < end && (guchar) *p < 0x80)
        p++;
      run = p;
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (p > run && !g_utf8_validate_len (run, p - run, NULL))
        return FALSE;
    }
  return TRUE;
}

/**
 * _escale_ical_import_decode:
 * @bytes: (transfer full): the file's bytes, with a NUL after the last one
 *
 * Works in place: a large file is not copied three times over.
 *
 * Returns: (transfer full): the text as UTF-8 with LF line ends, or %NULL
 *   with an error when the file is empty
 */
char *
_escale_ical_import_decode (char                    *bytes,
                            gsize                    length,
                            const char              *display_name,
                            EscaleIcalImportReport  *report,
                            GError                 **error)
{
  g_autofree char *text = bytes;
  const char *r = bytes + (length >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0 ? 3 : 0);
  const char *end = bytes + length;
  gsize n_nul = 0;
  gboolean blank = TRUE;
  char *w = text;

  /* NUL would cut the text short wherever C strings are used; CRLF and a
   * lone CR become LF. Copied a run at a time, in place: a calendar can
   * be megabytes. */
  while (r < end)
    {
      const char *cr = memchr (r, '\r', end - r);
      const char *stop = cr != NULL ? cr : end;
      const char *nul;

      while ((nul = memchr (r, '\0', stop - r)) != NULL)
        {
          memmove (w, r, nul - r);
          w += nul - r;
          r = nul + 1;
          n_nul++;
        }
      memmove (w, r, stop - r);
      w += stop - r;
      r = stop;
      if (r < end)
        {
          if (r + 1 == end || r[1] != '\n')
            *w++ = '\n';
          r++;
        }
    }
  *w = '\0';
  length = w - text;
  for (const char *p = text; p < w && blank; p++)
    blank = g_ascii_isspace (*p);

  if (blank)
    {
      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no calendar to import."), display_name);
      return NULL;
    }
  if (n_nul > 0)
    _escale_ical_import_report_warn (report, NULL, NULL, 0,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "The file holds %u NUL byte, which has no place in a calendar: "
                                                  "it was removed.",
                                                  "The file holds %u NUL bytes, which have no place in a calendar: "
                                                  "they were removed.",
                                                  (guint) MIN (n_nul, G_MAXUINT)),
                                     (guint) MIN (n_nul, G_MAXUINT));

  if (!is_utf8 (text, length))
    {
      char *utf8 = g_convert (text, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

      if (utf8 == NULL)
        utf8 = g_utf8_make_valid (text, length);
      else
        _escale_ical_import_report_warn (report, NULL, NULL, 0,
                                         _("The file is not in UTF-8: it was read as Windows-1252 (Western European). "
                                           "Check the accents of its entries."));
      return utf8;
    }
  return g_steal_pointer (&text);
}

/* One content line, split in place: NAME;PARAM=VALUE…:VALUE. */
typedef struct
{
  char       *name;
  const char *tzid;
  gboolean    date;       /* VALUE=DATE */
  char       *value;
} Line;

static char *
unquote (char *value)
{
  gsize length = strlen (value);

  if (length >= 2 && value[0] == '"' && value[length - 1] == '"')
    {
      value[length - 1] = '\0';
      return value + 1;
    }
  return value;
}

static gboolean
split_line (char *text,
            Line *line)
{
  char *p = text;
  gboolean quoted = FALSE;

  memset (line, 0, sizeof *line);
  line->name = text;
  /* Names are case-insensitive: upper case, they compare with strcmp(). */
  for (; *p != '\0' && *p != ';' && *p != ':'; p++)
    if (*p >= 'a' && *p <= 'z')
      *p -= 'a' - 'A';
  if (*p == '\0')
    return FALSE;

  while (*p == ';')
    {
      char *param;
      char *equals;

      *p++ = '\0';
      param = p;
      while (*p != '\0' && (quoted || (*p != ';' && *p != ':')))
        {
          if (*p == '"')
            quoted = !quoted;
          p++;
        }
      if (*p == '\0')
        return FALSE;
      equals = strchr (param, '=');
      if (equals == NULL || equals > p)
        continue;
      {
        char end = *p;

        *p = '\0';
        *equals = '\0';
        if (g_ascii_strcasecmp (param, "TZID") == 0)
          line->tzid = unquote (equals + 1);
        else if (g_ascii_strcasecmp (param, "VALUE") == 0)
          line->date = g_ascii_strcasecmp (equals + 1, "DATE") == 0;
        *p = end;
      }
    }

  if (*p != ':')
    return FALSE;
  *p = '\0';
  line->value = p + 1;
  return TRUE;
}

/* RFC 5545 text: \\ \; \, \n, in place. */
static char *
unescape (char *text)
{
  char *r = text;
  char *w = text;

  while (*r != '\0')
    {
      if (*r == '\\' && r[1] != '\0')
        {
          r++;
          *w++ = (*r == 'n' || *r == 'N') ? '\n' : *r;
          r++;
        }
      else
        {
          *w++ = *r++;
        }
    }
  *w = '\0';
  return text;
}

/* For values, such as the component BEGIN names. */
static gboolean
is (const char *value,
    const char *expected)
{
  return g_ascii_strcasecmp (value, expected) == 0;
}

/* For property names, which split_line() put in upper case. */
static gboolean
named (const char *name,
       const char *expected)
{
  return strcmp (name, expected) == 0;
}

/* EXDATE and RDATE: a list of times, and periods for an RDATE. */
static void
add_times (GArray **times,
           Line    *line)
{
  char *value = line->value;
  char *comma;

  if (*times == NULL)
    *times = g_array_new (FALSE, FALSE, sizeof (IcsTime));
  do
    {
      IcsTime time = { value, line->tzid, NULL };
      char *slash;

      comma = strchr (value, ',');
      if (comma != NULL)
        {
          *comma = '\0';
          value = comma + 1;
        }
      slash = strchr (time.value, '/');
      if (slash != NULL)
        {
          *slash = '\0';
          time.period_end = slash + 1;
        }
      g_array_append_val (*times, time);
    }
  while (comma != NULL);
}

/* Looked up by first letter: each of an agenda's hundred thousand lines
 * would otherwise be compared with every name. */
static void
event_property (IcsEvent *event,
                Line     *line)
{
  const char *name = line->name;

  switch (name[0])
    {
    case 'D':
      if (named (name, "DTSTART"))
        event->start = (IcsTime) { line->value, line->tzid, NULL };
      else if (named (name, "DTEND"))
        event->end = (IcsTime) { line->value, line->tzid, NULL };
      else if (named (name, "DESCRIPTION"))
        event->description = unescape (line->value);
      else if (named (name, "DURATION"))
        event->duration = line->value;
      break;

    case 'E':
      if (named (name, "EXDATE"))
        add_times (&event->exdates, line);
      break;

    case 'L':
      if (named (name, "LOCATION"))
        event->location = unescape (line->value);
      else if (named (name, "LAST-MODIFIED"))
        event->last_modified = line->value;
      break;

    case 'R':
      if (named (name, "RRULE"))
        event->rrule = line->value;
      else if (named (name, "RDATE"))
        add_times (&event->rdates, line);
      else if (named (name, "RECURRENCE-ID"))
        event->recurrence_id = (IcsTime) { line->value, line->tzid, NULL };
      break;

    case 'S':
      if (named (name, "SUMMARY"))
        event->summary = unescape (line->value);
      else if (named (name, "SEQUENCE"))
        event->sequence = g_ascii_strtoll (line->value, NULL, 10);
      else if (named (name, "STATUS"))
        event->status = line->value;
      break;

    case 'U':
      if (named (name, "UID"))
        event->uid = *line->value != '\0' ? line->value : NULL;
      break;

    default:
      break;
    }
}

void
_escale_ical_import_file_clear (IcsFile *file)
{
  if (file->events != NULL)
    {
      for (guint i = 0; i < file->events->len; i++)
        {
          IcsEvent *event = &g_array_index (file->events, IcsEvent, i);

          g_clear_pointer (&event->exdates, g_array_unref);
          g_clear_pointer (&event->rdates, g_array_unref);
        }
      g_clear_pointer (&file->events, g_array_unref);
    }
  g_clear_pointer (&file->vtimezones, g_hash_table_unref);
  g_clear_pointer (&file->name, g_free);
}

static void
free_text (gpointer data)
{
  g_string_free (data, TRUE);
}

#define MAX_DEPTH 16

/**
 * _escale_ical_import_read:
 * @text: decoded text, unfolded and split in place: the events point into it
 *
 * Collects the entries of every VCALENDAR in @text into @file.
 */
gboolean
_escale_ical_import_read (char                    *text,
                          const char              *display_name,
                          IcsFile                 *file,
                          EscaleIcalImportReport  *report,
                          GError                 **error)
{
  const char *stack[MAX_DEPTH];
  guint begun_on[MAX_DEPTH];
  guint depth = 0;
  guint line_number = 1;
  guint first_unreadable = 0;
  guint n_unreadable = 0;
  GString *vtimezone = NULL;
  const char *vtimezone_id = NULL;
  IcsEvent *event = NULL;
  guint n_events = 0;
  char *r = text;

  /* Sized once: grown by doubling, tens of thousands of entries would be
   * copied over and over. */
  for (const char *p = strstr (text, "BEGIN:VEVENT"); p != NULL; p = strstr (p + 12, "BEGIN:VEVENT"))
    n_events++;
  file->events = g_array_sized_new (FALSE, TRUE, sizeof (IcsEvent), MAX (n_events, 16));
  file->vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_text);

  while (*r != '\0')
    {
      char *start = r;
      char *w = r;
      guint starts_on = line_number;
      Line line;

      /* Unfold: a line end followed by a space or a tab continues the line. */
      for (;;)
        {
          char *end = strchr (r, '\n');

          if (end == NULL)
            end = r + strlen (r);
          if (w != r)
            memmove (w, r, end - r);
          w += end - r;
          r = end;
          if (*r == '\0')
            break;
          line_number++;
          r++;
          if (*r != ' ' && *r != '\t')
            break;
          r++;
        }
      *w = '\0';

      if (*start == '\0')
        continue;
      if (vtimezone != NULL)
        g_string_append_printf (vtimezone, "%s\r\n", start);
      if (!split_line (start, &line))
        {
          if (depth > 0)
            {
              if (n_unreadable++ == 0)
                first_unreadable = starts_on;
            }
          else if (file->n_calendars == 0)
            {
              break;
            }
          continue;
        }

      if (named (line.name, "BEGIN"))
        {
          if (depth == 0 && !is (line.value, "VCALENDAR"))
            {
              if (file->n_calendars == 0)
                break;
              g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
                           _("“%s”, line %u: BEGIN:%s outside any calendar; the file is damaged. Nothing was imported."),
                           display_name, starts_on, line.value);
              return FALSE;
            }
          if (depth == MAX_DEPTH)
            {
              g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR,
                           _("“%s”, line %u: components are nested too deep for a calendar."),
                           display_name, starts_on);
              return FALSE;
            }
          stack[depth] = line.value;
          begun_on[depth] = starts_on;
          depth++;
          if (depth == 1)
            file->n_calendars++;
          else if (depth == 2 && is (line.value, "VEVENT"))
            {
              IcsEvent empty = { .line = starts_on };

              g_array_append_val (file->events, empty);
              event = &g_array_index (file->events, IcsEvent, file->events->len - 1);
            }
          else if (depth == 2 && is (line.value, "VTIMEZONE"))
            {
              vtimezone = g_string_new ("BEGIN:VTIMEZONE\r\n");
              vtimezone_id = NULL;
            }
          continue;
        }

      if (named (line.name, "END"))
        {
          if (depth == 0 || !is (line.value, stack[depth - 1]))
            {
              g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
                           depth == 0 ? _("“%s”, line %u: END:%s closes nothing; the file is damaged. Nothing was imported.")
                                      : _("“%s”, line %u: END:%s where %s, begun on line %u, should end; the file is damaged. "
                                          "Nothing was imported."),
                           display_name, starts_on, line.value,
                           depth > 0 ? stack[depth - 1] : "", depth > 0 ? begun_on[depth - 1] : 0);
              return FALSE;
            }
          depth--;
          if (depth == 1 && vtimezone != NULL)
            {
              if (vtimezone_id != NULL && !g_hash_table_contains (file->vtimezones, vtimezone_id))
                g_hash_table_insert (file->vtimezones, g_strdup (vtimezone_id), vtimezone);
              else
                g_string_free (vtimezone, TRUE);
              vtimezone = NULL;
            }
          if (depth == 1)
            event = NULL;
          continue;
        }

      if (depth == 2 && event != NULL)
        event_property (event, &line);
      else if (depth == 2 && vtimezone != NULL && named (line.name, "TZID"))
        vtimezone_id = line.value;
      else if (depth == 1 && file->name == NULL && named (line.name, "X-WR-CALNAME") && *line.value != '\0')
        file->name = g_strdup (unescape (line.value));
    }

  if (vtimezone != NULL)
    g_string_free (vtimezone, TRUE);

  if (file->n_calendars == 0)
    {
      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR,
                   _("“%s” is not an iCalendar file: it does not begin with BEGIN:VCALENDAR."), display_name);
      return FALSE;
    }
  if (depth > 0)
    {
      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
                   _("“%s” stops before the end of the %s begun on line %u: the file is incomplete. "
                     "Nothing was imported."),
                   display_name, stack[depth - 1], begun_on[depth - 1]);
      return FALSE;
    }
  if (n_unreadable > 0)
    _escale_ical_import_report_warn (report, NULL, NULL, first_unreadable,
                                     g_dngettext (GETTEXT_PACKAGE, "%u line cannot be read as iCalendar and was skipped.",
                                                  "%u lines cannot be read as iCalendar and were skipped.", n_unreadable),
                                     n_unreadable);
  return TRUE;
}
