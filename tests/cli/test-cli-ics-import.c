/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-partner-repository.h"

#include "cli-test-run.h"

/* escale-cli ics import, refresh and agenda as a counsellor and a script
 * use them: the report in words and in JSON, warnings with their entry, a
 * dry run that keeps nothing, the exit statuses, and a refused file that
 * leaves the database as it was. */

#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
#define TAIL "END:VCALENDAR\r\n"
#define EVENT(uid, extra) "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20261101T120000Z\r\n" extra "END:VEVENT\r\n"

/* 2026-11-23 at noon UTC: the clock recurrences are expanded from. */
static const char *const pinned_clock[] = { "ESCALE_NOW", "1795435200", NULL };
static const RunSetup pinned = { .environment = pinned_clock };

#define MESSY HEAD \
  EVENT ("lost@cje", "SUMMARY:Quelque part\r\nDTSTART;TZID=Mars/Olympus_Mons:20270115T100000\r\n") \
  "BEGIN:VEVENT\r\nSUMMARY:Porte ouverte\r\nDTSTART;TZID=Eastern Standard Time:20270410T090000\r\nEND:VEVENT\r\n" \
  EVENT ("ok@cje", "SUMMARY:Atelier\r\nDTSTART;TZID=America/Toronto:20270301T090000\r\n" \
         "DTEND;TZID=America/Toronto:20270301T103000\r\nLOCATION:Salle 2\r\n") \
  TAIL

static gint64
add_partner (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (db, &error);
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscalePartnerRepository) partners = NULL;
  g_autoptr(EscalePartner) partner = NULL;

  g_assert_no_error (error);
  regions = escale_region_repository_new (database, &error);
  g_assert_no_error (error);
  partners = escale_partner_repository_new (database, regions, &error);
  g_assert_no_error (error);
  partner = g_object_new (ESCALE_TYPE_PARTNER, "name", "Carrefour jeunesse-emploi", "kind", ESCALE_PARTNER_KIND_OTHER,
                          "region-code", "04", NULL);
  escale_partner_repository_save (partners, partner, &error);
  g_assert_no_error (error);
  return escale_partner_get_id (partner);
}

static char *
outlook_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "core", "ics", "outlook.ics", NULL);
}

/* Everything an import could change. */
static char *
state_of (const char *db)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          sql_number (db, "SELECT count(*) FROM external_calendar"),
                          sql_number (db, "SELECT count(*) FROM external_event"),
                          sql_number (db, "SELECT count(*) FROM external_occurrence"),
                          sql_number (db, "SELECT ifnull(sum(sequence), 0) FROM external_event"),
                          sql_number (db, "SELECT count(*) FROM audit_log"));
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = outlook_path ();
  g_auto(Run) first = { 0, };
  g_auto(Run) again = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report;

  add_partner (fixture->db);
  RUN_WITH (&first, &pinned, "--db", fixture->db, "ics", "import", path, "--partner", "1");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_true (g_str_has_prefix (first.out, "Agenda “Carrefour jeunesse-emploi – agenda”, from "));
  g_assert_nonnull (strstr (first.out, "5 added, 0 updated, 0 removed, 0 unchanged\n"));
  g_assert_null (strstr (first.out, "Warnings"));
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM external_occurrence"), ==, 12);

  RUN_WITH (&again, &pinned, "--db", fixture->db, "ics", "import", path, "--partner", "1", "--json");
  g_assert_cmpint (again.status, ==, 0);
  root = parse_json (again.out);
  report = json_node_get_object (root);
  {
    static const char *const names[] = { "file", "partner_id", "calendar", "dry_run", "added", "updated", "removed",
                                          "unchanged", "warnings" };

    assert_members (report, names, G_N_ELEMENTS (names));
  }
  g_assert_cmpstr (string_member (report, "file"), ==, path);
  g_assert_cmpint (int_member (report, "partner_id"), ==, 1);
  g_assert_false (boolean_member (report, "dry_run"));
  g_assert_cmpint (int_member (report, "added"), ==, 0);
  g_assert_cmpint (int_member (report, "unchanged"), ==, 5);
  g_assert_cmpuint (json_array_get_length (array_member (report, "warnings")), ==, 0);
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM external_event"), ==, 5);
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "cje.ics", NULL);
  g_auto(Run) text = { 0, };
  g_auto(Run) json = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *warnings;
  JsonObject *warning;

  add_partner (fixture->db);
  write_file (path, MESSY, -1);
  RUN_WITH (&text, &pinned, "--db", fixture->db, "ics", "import", path, "--partner", "1", "--dry-run");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "3 added, 0 updated, 0 removed, 0 unchanged\nDry run: nothing was saved.\n"));
  g_assert_nonnull (strstr (text.out, "\nWarnings:\n- line 4, “Quelque part”, lost@cje: The time zone “Mars/Olympus_Mons” "
                                      "is unknown: the times were read as Toronto time (America/Toronto). "
                                      "Check them with the partner.\n"));
  g_assert_nonnull (strstr (text.out, "- line 10, “Porte ouverte”, escale-import-"));
  g_assert_nonnull (strstr (text.out, ": The entry has no UID"));
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM external_event"), ==, 0);
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM external_calendar"), ==, 0);

  RUN_WITH (&json, &pinned, "--db", fixture->db, "ics", "import", path, "--partner", "1", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  g_assert_cmpint (int_member (json_node_get_object (root), "added"), ==, 3);
  warnings = array_member (json_node_get_object (root), "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 2);
  warning = item (warnings, 0);
  g_assert_cmpstr (string_member (warning, "uid"), ==, "lost@cje");
  g_assert_cmpstr (string_member (warning, "summary"), ==, "Quelque part");
  g_assert_cmpint (int_member (warning, "line"), ==, 4);
  g_assert_nonnull (strstr (string_member (warning, "message"), "“Mars/Olympus_Mons” is unknown"));
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM external_event WHERE problem IS NOT NULL"), ==, 1);
}

static void
test_refresh_and_agenda (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "cje.ics", NULL);
  g_auto(Run) imported = { 0, };
  g_auto(Run) refreshed = { 0, };
  g_auto(Run) agenda = { 0, };
  g_auto(Run) agenda_json = { 0, };
  g_auto(Run) none = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *occurrences;
  JsonObject *occurrence;

  add_partner (fixture->db);
  add_partner (fixture->db);
  write_file (path, MESSY, -1);
  RUN_WITH (&imported, &pinned, "--db", fixture->db, "ics", "import", path, "--partner", "1");
  g_assert_cmpint (imported.status, ==, 0);

  /* The partner moves the workshop and drops the open house. */
  write_file (path, HEAD
              EVENT ("lost@cje", "SUMMARY:Quelque part\r\nDTSTART;TZID=Mars/Olympus_Mons:20270115T100000\r\n")
              EVENT ("ok@cje", "SEQUENCE:1\r\nSUMMARY:Atelier\r\nDTSTART;TZID=America/Toronto:20270301T130000\r\n"
                     "DTEND;TZID=America/Toronto:20270301T143000\r\nLOCATION:Salle 2\r\n")
              TAIL, -1);
  RUN_WITH (&refreshed, &pinned, "--db", fixture->db, "ics", "refresh", "--partner", "1");
  g_assert_cmpint (refreshed.status, ==, 0);
  g_assert_nonnull (strstr (refreshed.out, "0 added, 1 updated, 1 removed, 1 unchanged\n"));

  RUN (&agenda, "--db", fixture->db, "ics", "agenda", "--partner", "1", "--from", "2027-01-01", "--to", "2027-03-31");
  g_assert_cmpint (agenda.status, ==, 0);
  g_assert_true (g_str_has_prefix (agenda.out, "Agenda “cje.ics”, imported 2026-11-23 07:00\n"));
  g_assert_nonnull (strstr (agenda.out, "\n2027-01-15 10:00–10:00 Quelque part\n    ⚠ The time zone “Mars/Olympus_Mons” is unknown"));
  g_assert_nonnull (strstr (agenda.out, "\n2027-03-01 13:00–14:30 Atelier · Salle 2\n"));
  g_assert_cmpuint (count_lines (agenda.out), ==, 4);

  RUN (&agenda_json, "--db", fixture->db, "ics", "agenda", "--partner", "1", "--from", "2027-03-01", "--to", "2027-03-01",
       "--json");
  g_assert_cmpint (agenda_json.status, ==, 0);
  root = parse_json (agenda_json.out);
  g_assert_cmpstr (string_member (json_node_get_object (root), "calendar"), ==, "cje.ics");
  g_assert_cmpstr (string_member (json_node_get_object (root), "source_path"), ==, path);
  occurrences = array_member (json_node_get_object (root), "occurrences");
  g_assert_cmpuint (json_array_get_length (occurrences), ==, 1);
  occurrence = item (occurrences, 0);
  g_assert_cmpstr (string_member (occurrence, "uid"), ==, "ok@cje");
  g_assert_cmpstr (string_member (occurrence, "starts_at"), ==, "2027-03-01T13:00:00-05");
  g_assert_cmpstr (string_member (occurrence, "tzid"), ==, "America/Toronto");
  g_assert_cmpstr (string_member (occurrence, "status"), ==, "confirmed");
  g_assert_false (boolean_member (occurrence, "all_day"));

  RUN (&none, "--db", fixture->db, "ics", "refresh", "--partner", "2");
  assert_data_error (&none, "No agenda was imported for the partner 2");
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->folder, "good.ics", NULL);
  g_autofree char *html = g_build_filename (fixture->folder, "agenda.html", NULL);
  g_autofree char *empty = g_build_filename (fixture->folder, "empty.ics", NULL);
  g_autofree char *cut = g_build_filename (fixture->folder, "cut.ics", NULL);
  g_autofree char *missing = g_build_filename (fixture->folder, "missing.ics", NULL);
  g_autofree char *before = NULL;
  g_auto(Run) imported = { 0, };

  add_partner (fixture->db);
  write_file (good, MESSY, -1);
  write_file (html, "<!DOCTYPE html>\n<html><body>Votre session a expiré</body></html>\n", -1);
  write_file (empty, "", 0);
  write_file (cut, HEAD EVENT ("a@cje", "DTSTART:20270301T140000Z\r\n") "BEGIN:VEVENT\r\nUID:b@cje\r\nDTST", -1);
  RUN_WITH (&imported, &pinned, "--db", fixture->db, "ics", "import", good, "--partner", "1");
  g_assert_cmpint (imported.status, ==, 0);
  before = state_of (fixture->db);

  {
    g_auto(Run) not_calendar = { 0, };
    g_auto(Run) nothing = { 0, };
    g_auto(Run) truncated = { 0, };
    g_auto(Run) absent = { 0, };
    g_auto(Run) unknown = { 0, };
    g_auto(Run) no_partner = { 0, };
    g_auto(Run) bad_id = { 0, };
    g_auto(Run) two_files = { 0, };
    g_auto(Run) help = { 0, };
    g_autofree char *after = NULL;
    g_autofree char *html_message = g_strdup_printf ("“%s” is not an iCalendar file", html);
    g_autofree char *cut_message = g_strdup_printf ("“%s” stops before the end of the VEVENT begun on line 9", cut);

    RUN (&not_calendar, "--db", fixture->db, "ics", "import", html, "--partner", "1");
    assert_data_error (&not_calendar, html_message);
    RUN (&nothing, "--db", fixture->db, "ics", "import", empty, "--partner", "1", "--json");
    assert_data_error (&nothing, "is empty: there is no calendar to import");
    RUN (&truncated, "--db", fixture->db, "ics", "import", cut, "--partner", "1");
    assert_data_error (&truncated, cut_message);
    RUN (&absent, "--db", fixture->db, "ics", "import", missing, "--partner", "1");
    assert_data_error (&absent, "missing.ics");
    RUN (&unknown, "--db", fixture->db, "ics", "import", good, "--partner", "999");
    assert_data_error (&unknown, "No partner has the ID 999");

    RUN (&no_partner, "--db", fixture->db, "ics", "import", good);
    assert_usage_error (&no_partner, "Say whose agenda it is: --partner ID");
    RUN (&bad_id, "--db", fixture->db, "ics", "import", good, "--partner", "cje");
    assert_usage_error (&bad_id, "--partner: “cje” is not an ID");
    RUN (&two_files, "--db", fixture->db, "ics", "import", good, good, "--partner", "1");
    assert_usage_error (&two_files, "Give exactly one .ics file");
    RUN (&help, "ics", "--help");
    g_assert_nonnull (strstr (help.out, "  import "));
    g_assert_nonnull (strstr (help.out, "  refresh "));
    g_assert_nonnull (strstr (help.out, "  agenda "));

    after = state_of (fixture->db);
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/ics-import/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cli/ics-import/warnings", Fixture, NULL, fixture_set_up, test_warnings, fixture_tear_down);
  g_test_add ("/cli/ics-import/refresh-and-agenda", Fixture, NULL, fixture_set_up, test_refresh_and_agenda, fixture_tear_down);
  g_test_add ("/cli/ics-import/mistakes", Fixture, NULL, fixture_set_up, test_mistakes, fixture_tear_down);

  return cli_test_run ();
}
