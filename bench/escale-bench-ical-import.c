/* SPDX-License-Identifier: GPL-3.0-or-later */

/* escale-bench-ical-import: a partner's agenda of 10,000 entries (one in
 * ten repeating weekly, five zones, two of them Windows names, a few
 * overrides) imported into a copy of a demonstration database, then
 * imported again (everything unchanged), against Debian's python3-icalendar
 * parsing the same file, measured in the same run. The goal: at least 15
 * times faster than that parse. See bench/run. */

#define G_LOG_DOMAIN "escale-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-ical-import.h"

#define RUNS 3
#define N_ENTRIES 10000

static const char * const zones[] = {
  "America/Toronto", "Eastern Standard Time", "America/Vancouver", "Romance Standard Time", "America/Halifax",
};

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

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static char *
write_agenda (const char *folder)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Escale//bench//EN\r\n"
                                          "X-WR-CALNAME:Agenda du partenaire\r\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "agenda.ics", NULL);

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      const char *zone = zones[i % G_N_ELEMENTS (zones)];
      guint month = 1 + (i / 28) % 12;
      guint day = 1 + i % 28;
      guint hour = 8 + i % 9;

      g_string_append_printf (text,
                              "BEGIN:VEVENT\r\nUID:bench-%u@partner.example\r\nDTSTAMP:20261101T120000Z\r\n"
                              "SEQUENCE:%u\r\nLAST-MODIFIED:20261020T150000Z\r\n"
                              "DTSTART;TZID=%s:2027%02u%02uT%02u0000\r\nDTEND;TZID=%s:2027%02u%02uT%02u3000\r\n"
                              "SUMMARY:Rencontre n° %u avec l’équipe\\, salle B\r\nLOCATION:Trois-Rivières\r\n"
                              "DESCRIPTION:Ordre du jour : bilan\\; suivi des dossiers et des partenaires en région.\r\n",
                              i, i % 3, zone, month, day, hour, zone, month, day, hour, i);
      if (i % 10 == 0)
        g_string_append (text, "RRULE:FREQ=WEEKLY;COUNT=20\r\n");
      g_string_append (text, "END:VEVENT\r\n");
      if (i % 100 == 0)
        g_string_append_printf (text,
                                "BEGIN:VEVENT\r\nUID:bench-%u@partner.example\r\nDTSTAMP:20261101T120000Z\r\n"
                                "RECURRENCE-ID;TZID=%s:2027%02u%02uT%02u0000\r\n"
                                "DTSTART;TZID=%s:2027%02u%02uT%02u0000\r\nDTEND;TZID=%s:2027%02u%02uT%02u0000\r\n"
                                "SUMMARY:Rencontre déplacée\r\nEND:VEVENT\r\n",
                                i, zone, month, day, hour, zone, month, day, hour + 1, zone, month, day, hour + 2);
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Python's own clock around Calendar.from_ical, without starting the
 * interpreter and loading the module. */
static double
python_parse_ms (const char *path,
                 double     *total_ms)
{
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import sys, time, icalendar\n"
    "data = open(sys.argv[1], 'rb').read()\n"
    "start = time.perf_counter()\n"
    "calendar = icalendar.Calendar.from_ical(data)\n"
    "print((time.perf_counter() - start) * 1000)\n",
    path, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("python3-icalendar failed: %s\n", error != NULL ? error->message : err);
      exit (1);
    }
  *total_ms = elapsed_ms (start);
  return g_ascii_strtod (out, NULL);
}

static double
import_ms (const char *database_path,
           const char *ics,
           guint      *added,
           guint      *unchanged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (database_path, &error);
  g_autoptr(EscaleIcalImport) import = NULL;
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (ics);
  gint64 start;
  double ms;

  g_assert_no_error (error);
  import = escale_ical_import_new (database);
  escale_ical_import_set_now (import, 1795435200);   /* 2026-11-23 */
  start = g_get_monotonic_time ();
  report = escale_ical_import_file (import, file, 1, FALSE, NULL, &error);
  ms = elapsed_ms (start);
  if (report == NULL)
    {
      g_printerr ("import failed: %s\n", error->message);
      exit (1);
    }
  *added = escale_ical_import_report_get_added (report);
  *unchanged = escale_ical_import_report_get_unchanged (report);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autofree char *ics = NULL;
  double first[RUNS], again[RUNS], parse[RUNS], python_total[RUNS];
  guint added = 0, unchanged = 0;
  double python;
  double command;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DEMO-DATABASE\n", argv[0]);
      return 2;
    }

  folder = g_dir_make_tmp ("escale-bench-ical-XXXXXX", NULL);
  ics = write_agenda (folder);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *copy = g_build_filename (folder, "escale.db", NULL);
      g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
      g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
      g_autoptr(EscaleDatabase) source = NULL;
      g_autoptr(GError) error = NULL;

      g_unlink (copy);
      g_unlink (wal);
      g_unlink (shm);
      source = escale_database_open (argv[1], &error);
      g_assert_no_error (error);
      escale_database_backup (source, copy, &error);
      g_assert_no_error (error);

      first[run] = import_ms (copy, ics, &added, &unchanged);
      g_assert_cmpuint (added, >=, N_ENTRIES);
      again[run] = import_ms (copy, ics, &added, &unchanged);
      g_assert_cmpuint (unchanged, >=, N_ENTRIES);
      parse[run] = python_parse_ms (ics, &python_total[run]);
      g_unlink (copy);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_unlink (ics);
  g_rmdir (folder);

  /* Two baselines: Calendar.from_ical timed inside Python (the stricter),
   * and the whole `python3 -c 'import icalendar; …from_ical(…)'` a user
   * would run, interpreter start and module import included. */
  python = median (parse);
  command = median (python_total);
  printf ("%-40s %8s %10s %12s %12s\n", "import of a partner's agenda (.ics)", "entries", "ms", "vs parse", "vs command");
  printf ("%-40s %8u %10.1f %12s %12s\n", "python3-icalendar Calendar.from_ical", N_ENTRIES + N_ENTRIES / 100, python,
          "1.0x", "");
  printf ("%-40s %8u %10.1f %12s %12s\n", "python3 -c 'import icalendar; ...'", N_ENTRIES + N_ENTRIES / 100, command, "",
          "1.0x");
  printf ("%-40s %8u %10.1f %11.1fx %11.1fx\n", "escale import into a demo database", N_ENTRIES + N_ENTRIES / 100,
          median (first), python / median (first), command / median (first));
  printf ("%-40s %8u %10.1f %11.1fx %11.1fx\n", "escale re-import, nothing changed", N_ENTRIES + N_ENTRIES / 100,
          median (again), python / median (again), command / median (again));
  printf ("goal, at least 15x: %s against the parse alone, %s against the command\n",
          python / median (first) >= 15.0 ? "met" : "NOT MET", command / median (first) >= 15.0 ? "met" : "NOT MET");
  return 0;
}
