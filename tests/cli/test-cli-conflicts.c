/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "escale-event-repository.h"

#include "cli-test-run.h"

/* escale-cli conflicts: every conflict still to come, or one event's, as
 * text for a counsellor and as JSON with ids and ISO 8601 instants; exit 0
 * with or without conflicts. The rules are tested in
 * tests/core/test-conflicts.c. Times are in 2031, after the tests' today
 * for years: March 18, 2031 is on daylight time in Québec (UTC−4). */

typedef struct
{
  gint64 morning;
  gint64 late;
  gint64 partner;
  gint64 entry;
} Ids;

static gint64
save_session (EscaleEventRepository *events,
              const char            *title,
              gint64                 starts_at,
              gint64                 ends_at,
              const char            *presenters,
              gint64                 partner)
{
  g_autoptr(EscaleEvent) event = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "presenters", presenters);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (event, starts_at, ends_at);
  if (partner != 0)
    escale_event_set_partner_ids (event, &partner, 1);
  g_assert_true (escale_event_repository_save (events, event, &error));
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static void
exec (sqlite3    *handle,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Two sessions with a presenter in common from 10:00 to 11:00, and the
 * second one's partner busy in its agenda from 11:30. */
static void
build_database (const char *db,
                Ids        *ids)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *handle;

  database = escale_database_open (db, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  exec (handle, "INSERT INTO organization (name, kind, created_at, updated_at) "
                "VALUES ('Cégep de Rimouski', 'education', 0, 0)");
  ids->partner = sqlite3_last_insert_rowid (handle);

  /* 2031-03-18 09:00 and 10:00 to 11:00 and 12:00 in Québec (UTC−4). */
  ids->morning = save_session (events, "Séance du matin", 1931605200, 1931612400, "Julie Roy", 0);
  ids->late = save_session (events, "Séance de fin de matinée", 1931608800, 1931616000, "julie ROY, Marc Côté",
                            ids->partner);

  sql = g_strdup_printf ("INSERT INTO external_calendar (organization_id, name, imported_at, created_at, updated_at) "
                         "VALUES (%" G_GINT64_FORMAT ", 'Agenda du cégep', 0, 0, 0);"
                         "INSERT INTO external_event (calendar_id, uid, summary, starts_at, ends_at, created_at, "
                         "updated_at) VALUES (last_insert_rowid (), 'salon@cegep', 'Salon de l’emploi', 1931614200, "
                         "1931619600, 0, 0);"
                         "INSERT INTO external_occurrence (event_id, starts_at, ends_at) "
                         "VALUES (last_insert_rowid (), 1931614200, 1931619600);",
                         ids->partner);
  exec (handle, sql);
  {
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT max(id) FROM external_event", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    ids->entry = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (handle);
}

static void
test_none (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) text = { 0, };
  g_auto(Run) json = { 0, };
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);

  RUN (&text, "--db", fixture->db, "conflicts");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==, "No conflicts.\n");
  g_assert_cmpstr (text.err, ==, "");

  RUN (&json, "--db", fixture->db, "conflicts", "--json");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (g_strstrip (json.out), ==, "[]");
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) all = { 0, };
  g_auto(Run) one = { 0, };
  g_autofree char *expected = NULL;
  g_autofree char *expected_one = NULL;
  g_autofree char *late = NULL;
  Ids ids;

  build_database (fixture->db, &ids);
  late = g_strdup_printf ("%" G_GINT64_FORMAT, ids.late);

  RUN (&all, "--db", fixture->db, "conflicts");
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.err, ==, "");
  expected = g_strdup_printf ("“Séance du matin” (event %" G_GINT64_FORMAT ")\n"
                              "  Julie Roy also presents at “Séance de fin de matinée”, Tuesday, March 18, "
                              "10:00 – 11:00 (1 hour) (event %" G_GINT64_FORMAT ")\n"
                              "\n"
                              "“Séance de fin de matinée” (event %" G_GINT64_FORMAT ")\n"
                              "  Overlaps “Salon de l’emploi” in the agenda of Cégep de Rimouski, Tuesday, March 18, "
                              "11:30 – 12:00 (30 minutes)\n",
                              ids.morning, ids.late, ids.late);
  g_assert_cmpstr (all.out, ==, expected);

  /* One event's, from its own side: the clash with the morning too. */
  RUN (&one, "--db", fixture->db, "conflicts", "--event", late);
  g_assert_cmpint (one.status, ==, 0);
  expected_one = g_strdup_printf ("“Séance de fin de matinée” (event %" G_GINT64_FORMAT ")\n"
                                  "  julie ROY also presents at “Séance du matin”, Tuesday, March 18, "
                                  "10:00 – 11:00 (1 hour) (event %" G_GINT64_FORMAT ")\n"
                                  "  Overlaps “Salon de l’emploi” in the agenda of Cégep de Rimouski, Tuesday, "
                                  "March 18, 11:30 – 12:00 (30 minutes)\n",
                                  ids.late, ids.morning);
  g_assert_cmpstr (one.out, ==, expected_one);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  const char *members[] = { "kind", "event_id", "event_title", "stop", "stop_title", "other_event_id",
                            "agenda_entry_id", "other_title", "partner_id", "partner_name", "shared",
                            "participant_ids", "starts_at", "ends_at", "tzid", "description" };
  JsonArray *conflicts;
  JsonObject *presenter;
  JsonObject *agenda;
  Ids ids;

  build_database (fixture->db, &ids);

  RUN (&run, "--db", fixture->db, "conflicts", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  conflicts = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 2);

  presenter = item (conflicts, 0);
  assert_members (presenter, members, G_N_ELEMENTS (members));
  g_assert_cmpstr (string_member (presenter, "kind"), ==, "presenter");
  g_assert_cmpint (int_member (presenter, "event_id"), ==, ids.morning);
  g_assert_cmpint (int_member (presenter, "other_event_id"), ==, ids.late);
  g_assert_true (json_node_is_null (member (presenter, "agenda_entry_id")));
  g_assert_true (json_node_is_null (member (presenter, "stop")));
  g_assert_cmpstr (string_member (presenter, "shared"), ==, "Julie Roy");
  g_assert_cmpstr (string_member (presenter, "starts_at"), ==, "2031-03-18T10:00:00-04:00");
  g_assert_cmpstr (string_member (presenter, "ends_at"), ==, "2031-03-18T11:00:00-04:00");
  g_assert_cmpstr (string_member (presenter, "tzid"), ==, "America/Toronto");

  agenda = item (conflicts, 1);
  assert_members (agenda, members, G_N_ELEMENTS (members));
  g_assert_cmpstr (string_member (agenda, "kind"), ==, "agenda");
  g_assert_cmpint (int_member (agenda, "event_id"), ==, ids.late);
  g_assert_cmpint (int_member (agenda, "agenda_entry_id"), ==, ids.entry);
  g_assert_true (json_node_is_null (member (agenda, "other_event_id")));
  g_assert_cmpint (int_member (agenda, "partner_id"), ==, ids.partner);
  g_assert_cmpstr (string_member (agenda, "partner_name"), ==, "Cégep de Rimouski");
  g_assert_cmpstr (string_member (agenda, "other_title"), ==, "Salon de l’emploi");
  g_assert_cmpstr (string_member (agenda, "starts_at"), ==, "2031-03-18T11:30:00-04:00");
  g_assert_cmpstr (string_member (agenda, "ends_at"), ==, "2031-03-18T12:00:00-04:00");
  g_assert_cmpuint (json_array_get_length (array_member (agenda, "participant_ids")), ==, 0);
  g_assert_true (g_str_has_prefix (string_member (agenda, "description"), "Overlaps “Salon de l’emploi”"));
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) bad_id = { 0, };
  g_auto(Run) no_event = { 0, };
  g_auto(Run) extra = { 0, };
  Ids ids;

  build_database (fixture->db, &ids);

  RUN (&bad_id, "--db", fixture->db, "conflicts", "--event", "matin");
  assert_usage_error (&bad_id, "“matin” is not an ID");

  RUN (&extra, "--db", fixture->db, "conflicts", "12");
  assert_usage_error (&extra, "Unexpected argument “12”");

  RUN (&no_event, "--db", fixture->db, "conflicts", "--event", "999");
  g_assert_cmpint (no_event.status, ==, 1);
  g_assert_cmpstr (no_event.out, ==, "");
  g_assert_true (g_str_has_prefix (no_event.err, "escale-cli: "));
  g_assert_cmpuint (count_lines (no_event.err), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/conflicts/none", Fixture, NULL, fixture_set_up, test_none, fixture_tear_down);
  g_test_add ("/cli/conflicts/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/cli/conflicts/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/cli/conflicts/mistakes", Fixture, NULL, fixture_set_up, test_mistakes, fixture_tear_down);

  return cli_test_run ();
}
