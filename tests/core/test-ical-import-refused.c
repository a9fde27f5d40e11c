/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "ical-import-fixture.h"

/* Files an import refuses (empty, blank, not a calendar, cut short,
 * damaged, too large, for no partner, cancelled), each leaving the
 * database exactly as it was; a dry run that reports and keeps nothing;
 * progress and the threaded import; the agenda as the week view reads it. */

#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
#define TAIL "END:VCALENDAR\r\n"
#define EVENT(uid, extra) "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20261101T120000Z\r\n" extra "END:VEVENT\r\n"

#define FIRST HEAD \
  EVENT ("a@cje", "SUMMARY:Atelier CV\r\nLOCATION:Salle 1\r\nDTSTART:20270301T140000Z\r\nDTEND:20270301T160000Z\r\n") \
  EVENT ("b@cje", "SUMMARY:Salon\r\nSTATUS:TENTATIVE\r\nDTSTART;TZID=America/Toronto:20270302T090000\r\n" \
         "DTEND;TZID=America/Toronto:20270302T170000\r\n") \
  EVENT ("c@cje", "SUMMARY:Hebdo\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nDTSTART:20270303T150000Z\r\nDTEND:20270303T160000Z\r\n") \
  TAIL

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  const char *fragment;
} Refusal;

static const Refusal refusals[] = {
  { "empty", "", ESCALE_ICAL_IMPORT_ERROR_EMPTY, "is empty" },
  { "blank", " \r\n\r\n\t\n", ESCALE_ICAL_IMPORT_ERROR_EMPTY, "is empty" },
  { "html", "<!DOCTYPE html>\n<html><body>Session expired</body></html>\n", ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR,
    "is not an iCalendar file" },
  { "csv", "Subject,Start Date,Start Time\nAtelier,2027-03-01,10:00\n", ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR,
    "is not an iCalendar file" },
  { "vevent-alone", "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR,
    "is not an iCalendar file" },
  { "cut-in-calendar", HEAD EVENT ("a@cje", "DTSTART:20270301T140000Z\r\n"), ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
    "stops before the end of the VCALENDAR begun on line 1" },
  { "cut-in-event", HEAD "BEGIN:VEVENT\r\nUID:a@cje\r\nDTSTART:2027030", ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
    "stops before the end of the VEVENT begun on line 4" },
  { "crossed", HEAD "BEGIN:VEVENT\r\nUID:a@cje\r\nEND:VCALENDAR\r\n", ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
    "line 6: END:VCALENDAR where VEVENT, begun on line 4, should end" },
  { "stray-component", HEAD TAIL "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
    "BEGIN:VEVENT outside any calendar" },
};

static void
assert_refused (Fixture       *fixture,
                gint64         partner,
                const Refusal *refusal)
{
  g_autofree char *name = g_strconcat (refusal->name, ".ics", NULL);
  g_autofree char *path = write_ics (fixture, name, refusal->text, -1);
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = import_path (fixture, partner, path, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, ESCALE_ICAL_IMPORT_ERROR, refusal->code);
  if (strstr (error->message, refusal->fragment) == NULL || strstr (error->message, name) == NULL)
    g_error ("%s: “%s” does not say “%s”", refusal->name, error->message, refusal->fragment);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) first = import_ok (fixture, partner, FIRST, -1);
  g_autofree char *before = agenda_dump (fixture);

  assert_counts (first, 3, 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *after = NULL;

      assert_refused (fixture, partner, &refusals[i]);
      after = agenda_dump (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) first = import_ok (fixture, partner, FIRST, -1);
  g_autofree char *before = agenda_dump (fixture);
  g_autofree char *path = write_ics (fixture, "big.ics", FIRST, -1);
  g_autoptr(EscaleIcalImport) import = escale_ical_import_new (fixture->database);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autofree char *after = NULL;

  escale_ical_import_set_now (import, IMPORT_NOW);
  escale_ical_import_set_limits (import, 100, 60);
  report = escale_ical_import_file (import, file, partner, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.ics"));
  g_assert_nonnull (strstr (error->message, "at most 100 bytes"));
  g_clear_error (&error);

  /* Cancelled: rolled back. */
  escale_ical_import_set_limits (import, 1000000, 60);
  g_cancellable_cancel (cancellable);
  report = escale_ical_import_file (import, file, partner, FALSE, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* No such partner: nothing created. */
  report = escale_ical_import_file (import, file, 999, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A missing file names itself. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/agenda.ics");

    report = escale_ical_import_file (import, missing, partner, FALSE, NULL, &error);
    g_assert_null (report);
    g_assert_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_UNREADABLE);
    g_assert_nonnull (strstr (error->message, "/nonexistent/agenda.ics"));
    g_clear_error (&error);
  }

  after = agenda_dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autofree char *empty = agenda_dump (fixture);
  g_autofree char *path = write_ics (fixture, "agenda.ics", FIRST, -1);
  g_autoptr(EscaleIcalImportReport) dry = NULL;
  g_autoptr(EscaleIcalImportReport) real = NULL;
  g_autoptr(EscaleIcalImportReport) dry_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_dry = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *after_second_dry = NULL;
  g_autofree char *changed = NULL;

  dry = import_path (fixture, partner, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (escale_ical_import_report_get_dry_run (dry));
  assert_counts (dry, 3, 0, 0, 0);
  after_dry = agenda_dump (fixture);
  g_assert_cmpstr (after_dry, ==, empty);

  real = import_path (fixture, partner, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (escale_ical_import_report_get_dry_run (real));
  assert_counts (real, 3, 0, 0, 0);
  imported = agenda_dump (fixture);

  g_free (path);
  path = write_ics (fixture, "agenda.ics", HEAD EVENT ("a@cje", "SEQUENCE:1\r\nDTSTART:20270301T150000Z\r\n") TAIL, -1);
  dry_again = import_path (fixture, partner, path, TRUE, &error);
  g_assert_no_error (error);
  assert_counts (dry_again, 0, 1, 2, 0);
  after_second_dry = agenda_dump (fixture);
  g_assert_cmpstr (after_second_dry, ==, imported);
  changed = g_strdup (imported);
  g_assert_cmpstr (changed, !=, empty);
}

static void
on_progress (EscaleIcalImport *import,
             double            fraction,
             GArray           *fractions)
{
  g_array_append_val (fractions, fraction);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  EscaleIcalImportReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = escale_ical_import_file_finish (ESCALE_ICAL_IMPORT (source), result, &error);
  g_assert_no_error (error);
}

/* Progress from 0 to 1, in order; the threaded import on a database of
 * its own, as the window will run it. */
static void
test_progress_async (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(GString) text = g_string_new (HEAD);
  g_autofree char *path = NULL;
  g_autoptr(EscaleDatabase) own = NULL;
  g_autoptr(EscaleIcalImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  EscaleIcalImportReport *report = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:p%u@cje\r\nDTSTART:20270301T%02u0000Z\r\nEND:VEVENT\r\n", i, i % 24);
  g_string_append (text, TAIL);
  path = write_ics (fixture, "large.ics", text->str, text->len);

  own = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  import = escale_ical_import_new (own);
  escale_ical_import_set_now (import, IMPORT_NOW);
  g_signal_connect (import, "progress", G_CALLBACK (on_progress), fractions);
  file = g_file_new_for_path (path);
  escale_ical_import_file_async (import, file, partner, FALSE, NULL, on_imported, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);

  assert_counts (report, 3000, 0, 0, 0);
  g_clear_object (&report);
  g_assert_cmpuint (fractions->len, >, 10);
  g_assert_cmpuint (fractions->len, <=, 102);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_event"), ==, 3000);
}

static void
test_agenda (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = import_ok (fixture, partner, FIRST, -1);
  g_autoptr(EscaleAgendaRepository) agendas = escale_agenda_repository_new (fixture->database);
  g_autoptr(EscaleAgenda) agenda = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAgendaOccurrence *occurrence;

  agenda = escale_agenda_repository_load (agendas, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agenda->name, ==, "agenda.ics");
  g_assert_true (g_str_has_suffix (agenda->source_path, "/agenda.ics"));
  g_assert_cmpint (agenda->imported_at, ==, IMPORT_NOW);
  g_assert_cmpuint (agenda->n_entries, ==, 3);

  /* The week of 2027-03-01, Monday to Monday, Toronto time. */
  week = escale_agenda_repository_list_occurrences (agendas, partner, at_local ("2027-03-01 00:00", "America/Toronto"),
                                                    at_local ("2027-03-08 00:00", "America/Toronto"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, ==, 3);
  occurrence = week->pdata[0];
  g_assert_cmpstr (occurrence->uid, ==, "a@cje");
  g_assert_cmpstr (occurrence->summary, ==, "Atelier CV");
  g_assert_cmpstr (occurrence->location, ==, "Salle 1");
  g_assert_cmpstr (occurrence->status, ==, "confirmed");
  g_assert_null (occurrence->tzid);
  g_assert_cmpint (occurrence->starts_at, ==, at_local ("2027-03-01 14:00", "UTC"));
  occurrence = week->pdata[1];
  g_assert_cmpstr (occurrence->status, ==, "tentative");
  g_assert_cmpstr (occurrence->tzid, ==, "America/Toronto");
  g_assert_false (occurrence->all_day);
  g_assert_null (occurrence->problem);
  occurrence = week->pdata[2];
  g_assert_cmpstr (occurrence->uid, ==, "c@cje");

  g_clear_pointer (&week, g_ptr_array_unref);
  week = escale_agenda_repository_list_occurrences (agendas, partner, at_local ("2027-03-08 00:00", "America/Toronto"),
                                                    at_local ("2027-03-22 00:00", "America/Toronto"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, ==, 2);

  g_clear_pointer (&agenda, escale_agenda_free);
  agenda = escale_agenda_repository_load (agendas, partner + 1, &error);
  g_assert_null (agenda);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ical-import/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/ical-import/limits", Fixture, NULL, fixture_set_up, test_limits, fixture_tear_down);
  g_test_add ("/ical-import/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/ical-import/progress-async", Fixture, NULL, fixture_set_up, test_progress_async, fixture_tear_down);
  g_test_add ("/ical-import/agenda", Fixture, NULL, fixture_set_up, test_agenda, fixture_tear_down);

  return g_test_run ();
}
