/* SPDX-License-Identifier: GPL-3.0-or-later */

/* escale-bench-ical: the iCalendar export of every event of each database
 * given (bench/run makes them with `escale-cli demo --events N`), against
 * two baselines measured in the same run on the same rows:
 * python3-icalendar building and writing the same calendar
 * (escale-bench-ical.py), and a plain fprintf writer of the same text,
 * with no libical, over the same cursor, whose output must be identical
 * byte for byte. Our export runs in a child process, whose peak resident
 * memory (VmHWM) is the figure for memory. See bench/run. */

#define G_LOG_DOMAIN "escale-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "escale-event-range.h"
#include "escale-ical-export.h"

#define RUNS  3
#define STAMP 1795449600   /* 2026-11-23T12:00:00Z, for identical files */

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The peak and current resident memory of this process, in kB. */
static guint
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return 0;
  return (guint) g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* ---- Our export, in a child process ------------------------------------ */

static int
run_ours (const char *database_path,
          const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (database_path, &error);
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  guint before;
  gint64 start;
  double ms;

  /* As escale_ical_export_write_file_async() does on its own connection. */
  if (database == NULL || !escale_database_limit_memory (database, &error))
    g_error ("%s", error->message);
  events = escale_event_repository_new (database);
  export = escale_ical_export_new (events);
  escale_ical_export_set_stamp (export, STAMP);
  before = status_kb ("VmRSS:");

  start = g_get_monotonic_time ();
  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  if (file_stream == NULL)
    g_error ("%s", error->message);
  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 256 * 1024);
  if (!escale_ical_export_range (export, 0, G_MAXINT64 / 2, stream, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    g_error ("%s", error->message);
  ms = elapsed_ms (start);

  g_print ("%.3f %u %u\n", ms, before, status_kb ("VmHWM:"));
  g_clear_object (&export);
  escale_ical_export_release_zones ();
  return 0;
}

typedef struct
{
  double ms;
  guint  before_kb;   /* resident before the export */
  guint  peak_kb;
} OursRun;

static OursRun
measure_ours (const char *self,
              const char *database,
              const char *output)
{
  const char *argv[] = { self, "--ours", database, output, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  OursRun run = { 0, };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  if (sscanf (out, "%lf %u %u", &run.ms, &run.before_kb, &run.peak_kb) != 3)
    g_error ("unexpected output of the export: %s", out);
  return run;
}

/* ---- The plain writer ---------------------------------------------------- */

/* What libical 3.0 writes, redone with stdio: escaping of TEXT values and
 * parameters, and its folding (after a ';', ':' or ' ' when there is one
 * in the first 74 octets, else on a character boundary). */

typedef struct
{
  FILE       *out;
  GString    *line;
  GHashTable *zones;     /* tzid → GTimeZone */
  const char *vtimezones;
  char        stamp[20];
  guint       n_entries;
} Plain;

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
    if ((start[pos] & 128) == 0 || (start[pos] & 192) == 192)
      return pos;
  return 74;
}

static void
put_line (Plain *plain)
{
  const char *start = plain->line->str;
  gsize left;

  g_string_append (plain->line, "\r\n");
  left = plain->line->len;
  for (gboolean first = TRUE; left > 0; first = FALSE)
    {
      gsize n = next_fold (start, left);

      if (!first)
        fputs ("\r\n ", plain->out);
      fwrite (start, 1, n, plain->out);
      start += n;
      left -= n;
    }
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Escaped as a TEXT value, after the export's own cleaning. */
static void
append_text (GString    *line,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\r':
          if (p[1] != '\n')
            g_string_append (line, "\\n");
          break;
        case '\n':
          g_string_append (line, "\\n");
          break;
        case ';':
        case ',':
        case '\\':
          g_string_append_c (line, '\\');
          g_string_append_c (line, *p);
          break;
        default:
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (line, *p);
          break;
        }
    }
}

static void
put_text (Plain      *plain,
          const char *name,
          const char *text)
{
  if (blank (text))
    return;
  g_string_assign (plain->line, name);
  g_string_append_c (plain->line, ':');
  append_text (plain->line, text);
  put_line (plain);
}

static void
put_time (Plain       *plain,
          const char  *name,
          gint64       instant,
          const char  *tzid)
{
  GTimeZone *zone = g_hash_table_lookup (plain->zones, tzid);
  struct tm tm;
  time_t local;

  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (tzid);
      g_hash_table_insert (plain->zones, g_strdup (tzid), zone);
    }
  local = (time_t) (instant + g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                                                                          instant)));
  gmtime_r (&local, &tm);
  fprintf (plain->out, "%s;TZID=%s:%04d%02d%02dT%02d%02d%02d\r\n", name, tzid, tm.tm_year + 1900, tm.tm_mon + 1,
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void
format_utc (char   *buffer,
            gint64  instant)
{
  time_t time = (time_t) instant;
  struct tm tm;

  gmtime_r (&time, &tm);
  strftime (buffer, 20, "%Y%m%dT%H%M%SZ", &tm);
}

static void
put_head (Plain                 *plain,
          const char            *uid,
          guint                  sequence,
          EscaleEvent           *event,
          gint64                 starts_at,
          gint64                 ends_at)
{
  char modified[20];
  EscaleEventStatus status = escale_event_get_status (event);

  fputs ("BEGIN:VEVENT\r\n", plain->out);
  put_text (plain, "UID", uid);
  fprintf (plain->out, "SEQUENCE:%u\r\nDTSTAMP:%s\r\n", sequence, plain->stamp);
  if (escale_event_get_updated_at (event) > 0)
    {
      format_utc (modified, escale_event_get_updated_at (event));
      fprintf (plain->out, "LAST-MODIFIED:%s\r\n", modified);
    }
  fprintf (plain->out, "STATUS:%s\r\n", status == ESCALE_EVENT_STATUS_CANCELLED ? "CANCELLED"
                                        : status == ESCALE_EVENT_STATUS_DRAFT ? "TENTATIVE" : "CONFIRMED");
  put_time (plain, "DTSTART", starts_at, escale_event_get_tzid (event));
  if (ends_at > starts_at)
    put_time (plain, "DTEND", ends_at, escale_event_get_tzid (event));
  plain->n_entries++;
}

static char *
join_place (const char *name,
            const char *address)
{
  char *flat;

  name = blank (name) ? NULL : name;
  address = blank (address) ? NULL : address;
  if (name == NULL && address == NULL)
    return NULL;
  flat = name != NULL && address != NULL ? g_strdup_printf ("%s, %s", name, address)
                                         : g_strdup (name != NULL ? name : address);
  return g_strdelimit (flat, "\r\n", ' ');
}

static void
put_place (Plain      *plain,
           const char *name,
           const char *address,
           gboolean    located,
           double      latitude,
           double      longitude)
{
  g_autofree char *location = join_place (name, address);
  char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

  put_text (plain, "LOCATION", location);
  if (located)
    fprintf (plain->out, "GEO:%s;%s\r\n", g_ascii_formatd (lat, sizeof lat, "%f", latitude),
             g_ascii_formatd (lon, sizeof lon, "%f", longitude));
}

static char *
describe (EscaleEvent *event)
{
  GString *text = g_string_new (NULL);
  const char *description = escale_event_get_text (event, "description");
  const char *materials = escale_event_get_text (event, "materials");
  GListModel *stops = escale_event_get_stops (event);

  if (!blank (description))
    g_string_append (text, description);
  if (!blank (materials))
    g_string_append_printf (text, "%sWhat to bring:\n%s", text->len > 0 ? "\n\n" : "", materials);
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autofree char *place = NULL;
      g_autofree char *moment = NULL;

      if (escale_itinerary_stop_get_kind (stop) != ESCALE_STOP_KIND_DEPARTURE)
        continue;
      place = join_place (escale_itinerary_stop_get_place_name (stop), escale_itinerary_stop_get_address (stop));
      if (escale_itinerary_stop_get_starts_at (stop) > 0)
        {
          g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (event);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (escale_itinerary_stop_get_starts_at (stop));
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

          moment = g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      if (place != NULL || moment != NULL)
        g_string_append_printf (text, "%sMeeting point: %s%s%s", text->len > 0 ? "\n\n" : "",
                                moment != NULL ? moment : "", moment != NULL && place != NULL ? ", " : "",
                                place != NULL ? place : "");
      break;
    }

  return g_string_free (text, text->len == 0);
}

static gboolean
put_organizer (Plain      *plain,
               const char *address,
               const char *name)
{
  if (blank (address) || strchr (address, '@') == NULL || strpbrk (address, " \t\r\n,;:<>\"") != NULL)
    return FALSE;

  g_string_assign (plain->line, "ORGANIZER");
  if (!blank (name))
    {
      g_autofree char *clean = g_strstrip (g_strdelimit (g_strdup (name), "\"\n\t\r", ' '));
      gboolean quoted = strpbrk (clean, ";:,") != NULL;

      g_string_append (plain->line, quoted ? ";CN=\"" : ";CN=");
      g_string_append (plain->line, clean);
      if (quoted)
        g_string_append_c (plain->line, '"');
    }
  g_string_append (plain->line, ":mailto:");
  g_string_append (plain->line, address);
  put_line (plain);
  return TRUE;
}

static void
put_organizers (Plain                 *plain,
                const char            *field,
                const EscaleEventHost *host)
{
  if (!blank (field) && strchr (field, '@') != NULL)
    {
      const char *open = strchr (field, '<');
      const char *close = open != NULL ? strchr (open, '>') : NULL;
      g_autofree char *address = NULL;
      g_autofree char *name = NULL;

      if (open != NULL && close != NULL)
        {
          address = g_strstrip (g_strndup (open + 1, close - open - 1));
          name = g_strstrip (g_strndup (field, open - field));
        }
      else
        {
          address = g_strstrip (g_strdup (field));
        }
      if (put_organizer (plain, address, name))
        return;
    }
  if (host->email != NULL)
    {
      g_autofree char *address = g_strstrip (g_strdup (host->email));

      put_organizer (plain, address, host->name);
    }
}

static gboolean
on_plain_summary (const EscaleEventRangeSummary  *summary,
                  gpointer                        user_data,
                  GError                        **error)
{
  Plain *plain = user_data;

  fputs ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Escale//Escale " PACKAGE_VERSION "//EN\r\n"
         "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", plain->out);
  fputs (plain->vtimezones, plain->out);
  return TRUE;
}

static gboolean
on_plain_event (EscaleEvent            *event,
                const EscaleEventHost  *host,
                gpointer                user_data,
                GError                **error)
{
  Plain *plain = user_data;
  GListModel *stops = escale_event_get_stops (event);
  const char *url = escale_event_get_text (event, "online-url");
  g_autofree char *description = describe (event);
  double latitude = 0, longitude = 0;
  gboolean located = escale_event_get_coordinates (event, &latitude, &longitude);

  put_head (plain, escale_event_get_ical_uid (event), escale_event_get_ical_sequence (event), event,
            escale_event_get_starts_at (event), escale_event_get_ends_at (event));
  put_text (plain, "SUMMARY", escale_event_get_title (event));
  put_place (plain, escale_event_get_text (event, "place-name"), escale_event_get_text (event, "address"), located,
             latitude, longitude);
  put_text (plain, "DESCRIPTION", description);
  if (!blank (url) && strpbrk (url, " \t\r\n") == NULL)
    {
      g_string_assign (plain->line, "URL:");
      g_string_append (plain->line, url);
      put_line (plain);
    }
  put_organizers (plain, escale_event_get_text (event, "organizer"), host);
  fputs ("END:VEVENT\r\n", plain->out);

  for (guint i = 0; escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT &&
                    i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      if (escale_itinerary_stop_get_starts_at (stop) <= 0)
        continue;
      located = escale_itinerary_stop_get_coordinates (stop, &latitude, &longitude);
      put_head (plain, escale_itinerary_stop_get_ical_uid (stop), escale_itinerary_stop_get_ical_sequence (stop), event,
                escale_itinerary_stop_get_starts_at (stop), escale_itinerary_stop_get_ends_at (stop));
      put_text (plain, "SUMMARY", escale_itinerary_stop_get_title (stop));
      put_place (plain, escale_itinerary_stop_get_place_name (stop), escale_itinerary_stop_get_address (stop), located,
                 latitude, longitude);
      put_text (plain, "DESCRIPTION", escale_event_get_title (event));
      put_text (plain, "RELATED-TO", escale_event_get_ical_uid (event));
      fputs ("END:VEVENT\r\n", plain->out);
    }

  return TRUE;
}

static double
measure_plain (const char *database_path,
               const char *vtimezones,
               const char *output,
               guint      *n_entries)
{
  static const EscaleEventRangeReader reader = { .summary = on_plain_summary, .event = on_plain_event };
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (database_path, &error);
  g_autoptr(EscaleEventRepository) events = NULL;
  Plain plain = { NULL, };
  gint64 start;
  double ms;

  /* The same connection as our export's, reading the same way. */
  if (database == NULL || !escale_database_limit_memory (database, &error))
    g_error ("%s", error->message);
  events = escale_event_repository_new (database);
  plain.line = g_string_sized_new (256);
  plain.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  plain.vtimezones = vtimezones;
  format_utc (plain.stamp, STAMP);

  start = g_get_monotonic_time ();
  plain.out = fopen (output, "wb");
  if (plain.out == NULL || !escale_event_repository_read_range (events, 0, G_MAXINT64 / 2, &reader, &plain, &error))
    g_error ("%s", error != NULL ? error->message : output);
  fputs ("END:VCALENDAR\r\n", plain.out);
  fclose (plain.out);
  ms = elapsed_ms (start);

  *n_entries = plain.n_entries;
  g_string_free (plain.line, TRUE);
  g_hash_table_unref (plain.zones);
  return ms;
}

/* ---- python3-icalendar --------------------------------------------------- */

static double
measure_python (const char *script,
                const char *database,
                const char *zones_path,
                const char *output)
{
  g_autofree char *stamp = g_strdup_printf ("%d", STAMP);
  const char *argv[] = { "/usr/bin/python3", script, database, output, zones_path, stamp, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  return g_ascii_strtod (out, NULL);
}

/* The VTIMEZONEs as our export wrote them, for both baselines. */
static char *
vtimezones_of (const char *text)
{
  const char *first = strstr (text, "BEGIN:VTIMEZONE");
  const char *last = g_strrstr (text, "END:VTIMEZONE\r\n");

  if (first == NULL || last == NULL)
    return g_strdup ("");
  return g_strndup (first, last + strlen ("END:VTIMEZONE\r\n") - first);
}

static gint64
count_events (const char *path)
{
  g_autoptr(EscaleDatabase) database = escale_database_open (path, NULL);
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (database);
  EscaleEventQuery query = { .kind = -1 };
  g_autoptr(GPtrArray) all = escale_event_repository_list (events, &query, NULL);

  return all != NULL ? all->len : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *script = NULL;
  g_autofree char *work = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--ours"))
    return run_ours (argv[2], argv[3]);
  if (argc < 3)
    {
      g_printerr ("usage: escale-bench-ical SCRIPT.py DATABASE…\n");
      return 2;
    }
  script = g_strdup (argv[1]);
  work = g_dir_make_tmp ("escale-bench-ical-XXXXXX", NULL);

  g_print ("%-28s %8s %8s %10s %10s %10s %8s %8s %9s %6s\n", "ics export, every event", "events", "entries",
           "ours ms", "python ms", "fprintf ms", "python/", "/fprintf", "peak MB", "same");
  for (int d = 2; d < argc; d++)
    {
      g_autofree char *name = g_path_get_basename (argv[d]);
      g_autofree char *ours_path = g_build_filename (work, "ours.ics", NULL);
      g_autofree char *plain_path = g_build_filename (work, "plain.ics", NULL);
      g_autofree char *python_path = g_build_filename (work, "python.ics", NULL);
      g_autofree char *zones_path = g_build_filename (work, "zones.ics", NULL);
      g_autofree char *ours_text = NULL;
      g_autofree char *plain_text = NULL;
      g_autofree char *zones = NULL;
      double ours[RUNS], plain[RUNS];
      OursRun run = { 0, };
      guint peak_kb = 0;
      guint n_entries = 0;
      double python;

      for (guint r = 0; r < RUNS; r++)
        {
          run = measure_ours (argv[0], argv[d], ours_path);
          ours[r] = run.ms;
          peak_kb = MAX (peak_kb, run.peak_kb);
        }
      if (!g_file_get_contents (ours_path, &ours_text, NULL, NULL))
        g_error ("no export written");
      zones = vtimezones_of (ours_text);
      g_file_set_contents (zones_path, zones, -1, NULL);

      for (guint r = 0; r < RUNS; r++)
        plain[r] = measure_plain (argv[d], zones, plain_path, &n_entries);
      g_file_get_contents (plain_path, &plain_text, NULL, NULL);

      python = measure_python (script, argv[d], zones_path, python_path);

      qsort (ours, RUNS, sizeof (double), compare_doubles);
      qsort (plain, RUNS, sizeof (double), compare_doubles);
      g_print ("%-28s %8" G_GINT64_FORMAT " %8u %10.0f %10.0f %10.0f %7.1fx %7.1fx %9.1f %6s\n", name,
               count_events (argv[d]), n_entries, ours[RUNS / 2], python, plain[RUNS / 2],
               python / ours[RUNS / 2], ours[RUNS / 2] / plain[RUNS / 2], peak_kb / 1024.0,
               g_strcmp0 (ours_text, plain_text) == 0 ? "yes" : "NO");

      g_unlink (ours_path);
      g_unlink (plain_path);
      g_unlink (python_path);
      g_unlink (zones_path);
    }
  g_rmdir (work);

  return 0;
}
