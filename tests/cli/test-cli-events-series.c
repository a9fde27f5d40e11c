/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-event-series-repository.h"
#include "escale-participant-repository.h"
#include "escale-region-repository.h"
#include "escale-registration-repository.h"

#include "cli-test-run.h"

/* escale-cli events series and series-exclude, as a counsellor reads a
 * series of information sessions and takes the holidays out of it: the
 * rule in words, each session with its date, status and seats, where a
 * session stands in its series in `events show` and the JSON, and a
 * session removed with and without registrations. The database is built
 * with the repositories, as in test-cli-events.c. */

/* What the database of a test holds: a session every Tuesday at 13:30
 * from 1 December 2026 to 5 January 2027, the one of 15 December moved
 * to the Wednesday, someone registered on 22 December; and a session of
 * its own. */
typedef struct
{
  gint64 series;
  gint64 sessions[6];   /* by date: 1, 8, 15, 22, 29 December, 5 January */
  gint64 alone;
} Setting;

static const char *const dates[] = {
  "2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29", "2027-01-05",
};

static gint64
montreal_time (const char *day,
               const char *hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autofree char *iso = g_strdup_printf ("%sT%s:00", day, hour);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static EscaleEvent *
new_session (const char *title,
             const char *day)
{
  EscaleEvent *session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);

  escale_event_set_text (session, "title", title);
  escale_event_set_text (session, "place-name", "Maison de la régionalisation");
  escale_event_set_status (session, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (session, montreal_time (day, "13:30"), montreal_time (day, "15:00"));
  escale_event_set_capacity (session, 30);
  return session;
}

static gint64
save_consenting (EscaleParticipantRepository *participants)
{
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Geneviève");
  g_autoptr(GError) error = NULL;

  g_object_set (participant, "given-name", "Ana", "family-name", "Alves", NULL);
  escale_participant_add_consent (participant, consent);
  g_assert_true (escale_participant_repository_save (participants, participant, &error));
  g_assert_no_error (error);
  return escale_participant_get_id (participant);
}

static void
build_database (Fixture *fixture,
                Setting *setting)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(EscaleRegistrationRepository) registrations = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleEventSeriesRepository) series_repository = NULL;
  g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2027-01-05");
  g_autoptr(EscaleEvent) model = new_session ("Séance d’information : la Mauricie", dates[0]);
  g_autoptr(EscaleEvent) alone = new_session ("Séance d’information : l’Estrie", "2026-12-10");
  g_autoptr(EscaleEvent) moved = NULL;
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  EscaleRegisterOptions options = { .seats = 1, .today = TODAY };

  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  regions = escale_region_repository_new (database, &error);
  g_assert_no_error (error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);
  registrations = escale_registration_repository_new (participants, escale_region_repository_get_regions (regions));
  events = escale_event_repository_new (database);
  series_repository = escale_event_series_repository_new (events);

  g_assert_true (escale_event_series_repository_create (series_repository, series, model, &error));
  g_assert_no_error (error);
  setting->series = escale_event_series_get_id (series);
  occurrences = escale_event_series_repository_list_occurrences (series_repository, setting->series, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, G_N_ELEMENTS (setting->sessions));
  for (guint i = 0; i < occurrences->len; i++)
    setting->sessions[i] = escale_event_get_id (g_ptr_array_index (occurrences, i));

  /* The room is taken on the 15th: the session moves to the 16th. */
  moved = escale_event_repository_load (events, setting->sessions[2], &error);
  g_assert_no_error (error);
  escale_event_set_times (moved, montreal_time ("2026-12-16", "13:30"), montreal_time ("2026-12-16", "15:00"));
  g_assert_true (escale_event_repository_save (events, moved, &error));
  g_assert_no_error (error);

  registration = escale_registration_repository_register (registrations, setting->sessions[3],
                                                          save_consenting (participants), &options, &error);
  g_assert_no_error (error);

  g_assert_true (escale_event_repository_save (events, alone, &error));
  g_assert_no_error (error);
  setting->alone = escale_event_get_id (alone);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* `events show ID --json` or, with no ID, `events list --json`. */
static JsonNode *
events_json (const char *db,
             gint64      id)
{
  g_autofree char *text = id_text (id);
  g_auto(Run) run = { 0, };

  if (id != 0)
    RUN (&run, "--db", db, "events", "show", text, "--json", "--today", TODAY);
  else
    RUN (&run, "--db", db, "events", "list", "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return parse_json (run.out);
}

/* The rule in words, then each session by the date the series gave it:
 * the moved one keeps its date and shows its new start. */
static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *series_id = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;
  JsonArray *occurrences;
  Setting setting;
  static const char *const members[] = {
    "id", "rule", "frequency", "interval", "first_on", "until_on", "excluded_on", "description", "occurrences",
  };

  build_database (fixture, &setting);
  series_id = id_text (setting.series);

  RUN (&run, "--db", fixture->db, "events", "series", series_id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
  g_assert_cmpstr (lines[0], ==, "Every week on Tuesday until January 5, 2027");
  heading = g_strdup_printf ("Series %" G_GINT64_FORMAT ": 6 sessions", setting.series);
  g_assert_cmpstr (lines[1], ==, heading);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (g_str_has_prefix (lines[3], "Date        ID      Start              Status      Seats"));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *line = lines[4 + i];
      g_autofree char *start = g_strdup_printf ("%s 13:30", i == 2 ? "2026-12-16" : dates[i]);

      g_test_message ("%s", line);
      g_assert_true (g_str_has_prefix (line, dates[i]));
      g_assert_nonnull (strstr (line, start));
      g_assert_nonnull (strstr (line, "Published"));
      g_assert_nonnull (strstr (line, i == 3 ? " 1/30 " : " 0/30 "));
      g_assert_true (g_str_has_suffix (line, "Séance d’information : la Mauricie"));
    }
  g_assert_cmpstr (lines[10], ==, "");

  json = series_json (fixture->db, setting.series);
  assert_members (json, members, G_N_ELEMENTS (members));
  g_assert_cmpint (int_member (json, "id"), ==, setting.series);
  g_assert_cmpstr (string_member (json, "rule"), ==, "weekly");
  g_assert_cmpstr (string_member (json, "frequency"), ==, "weekly");
  g_assert_cmpint (int_member (json, "interval"), ==, 1);
  g_assert_cmpstr (string_member (json, "first_on"), ==, "2026-12-01");
  g_assert_cmpstr (string_member (json, "until_on"), ==, "2027-01-05");
  g_assert_cmpuint (json_array_get_length (array_member (json, "excluded_on")), ==, 0);
  g_assert_cmpstr (string_member (json, "description"), ==, "Every week on Tuesday until January 5, 2027");
  occurrences = array_member (json, "occurrences");
  g_assert_cmpuint (json_array_get_length (occurrences), ==, 6);
  for (guint i = 0; i < json_array_get_length (occurrences); i++)
    {
      JsonObject *session = item (occurrences, i);

      g_assert_cmpint (int_member (session, "id"), ==, setting.sessions[i]);
      g_assert_cmpint (int_member (session, "series_id"), ==, setting.series);
      g_assert_cmpstr (string_member (session, "series_date"), ==, dates[i]);
      g_assert_cmpint (int_member (json_object_get_object_member (session, "fill"), "seats_taken"), ==, i == 3);
    }
  g_assert_cmpstr (string_member (item (occurrences, 2), "starts_at"), ==, "2026-12-16T13:30:00-05:00");
}

/* `events show` says where a session stands; the JSON of show and list
 * carries it for every event, null for one of its own. */
static void
test_show_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *part_of = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonArray *events;
  g_auto(Run) first_run = { 0, };
  g_auto(Run) moved_run = { 0, };
  g_auto(Run) alone_run = { 0, };
  g_auto(GStrv) first_lines = NULL;
  g_auto(GStrv) moved_lines = NULL;
  Setting setting;

  build_database (fixture, &setting);
  first = id_text (setting.sessions[0]);
  moved = id_text (setting.sessions[2]);
  alone = id_text (setting.alone);
  part_of = g_strdup_printf ("Part of a series: every week on Tuesday until January 5, 2027 (series %" G_GINT64_FORMAT
                             ")", setting.series);

  RUN (&first_run, "--db", fixture->db, "events", "show", first, "--today", TODAY);
  g_assert_cmpint (first_run.status, ==, 0);
  first_lines = g_strsplit (first_run.out, "\n", -1);
  g_assert_cmpstr (first_lines[0], ==, "Séance d’information : la Mauricie");
  g_assert_cmpstr (first_lines[1], ==, part_of);
  g_assert_true (g_str_has_prefix (first_lines[2], "Kind "));

  RUN (&moved_run, "--db", fixture->db, "events", "show", moved, "--today", TODAY);
  g_assert_cmpint (moved_run.status, ==, 0);
  moved_lines = g_strsplit (moved_run.out, "\n", -1);
  g_assert_cmpstr (moved_lines[1], ==, part_of);
  g_assert_cmpstr (moved_lines[2], ==, "Moved from 2026-12-15, its date in the series");

  RUN (&alone_run, "--db", fixture->db, "events", "show", alone, "--today", TODAY);
  g_assert_cmpint (alone_run.status, ==, 0);
  g_assert_null (strstr (alone_run.out, "series"));

  shown = events_json (fixture->db, setting.sessions[2]);
  g_assert_cmpint (int_member (json_node_get_object (shown), "series_id"), ==, setting.series);
  g_assert_cmpstr (string_member (json_node_get_object (shown), "series_date"), ==, "2026-12-15");

  list = events_json (fixture->db, 0);
  events = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (events), ==, 7);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = item (events, i);

      if (int_member (event, "id") == setting.alone)
        {
          g_assert_true (JSON_NODE_HOLDS_NULL (member (event, "series_id")));
          g_assert_true (JSON_NODE_HOLDS_NULL (member (event, "series_date")));
        }
      else
        {
          g_assert_cmpint (int_member (event, "series_id"), ==, setting.series);
          g_assert_true (is_date (string_member (event, "series_date")));
        }
    }
}

/* The holidays out: the session nobody registered for is deleted, the
 * one with a registration cancelled and kept; the dates stay out. */
static void
test_exclude (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *series_id = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *moved_deleted = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_auto(Run) empty = { 0, };
  g_auto(Run) held = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) by_new_date = { 0, };
  g_auto(Run) by_its_date = { 0, };
  g_auto(Run) gone = { 0, };
  g_auto(Run) listing = { 0, };
  g_auto(GStrv) lines = NULL;
  JsonArray *excluded;
  Setting setting;

  build_database (fixture, &setting);
  series_id = id_text (setting.series);

  RUN (&empty, "--db", fixture->db, "events", "series-exclude", series_id, "2026-12-29");
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.err, ==, "");
  deleted = g_strdup_printf ("Deleted the session of 2026-12-29 (event %" G_GINT64_FORMAT "): nobody had registered.\n",
                             setting.sessions[4]);
  g_assert_cmpstr (empty.out, ==, deleted);
  {
    g_autofree char *event = id_text (setting.sessions[4]);

    RUN (&gone, "--db", fixture->db, "events", "show", event);
    assert_data_error (&gone, "There is no event number");
  }

  RUN (&held, "--db", fixture->db, "events", "series-exclude", series_id, "2026-12-22");
  g_assert_cmpint (held.status, ==, 0);
  g_assert_cmpstr (held.err, ==, "");
  cancelled = g_strdup_printf ("Cancelled the session of 2026-12-22 (event %" G_GINT64_FORMAT "); its registrations "
                               "are kept.\n1 person held a place or waited for one: let them know.\n",
                               setting.sessions[3]);
  g_assert_cmpstr (held.out, ==, cancelled);
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM registration WHERE status = 'registered'"), ==, 1);

  /* Already out; a moved session goes by the date the series gave it. */
  RUN (&again, "--db", fixture->db, "events", "series-exclude", series_id, "2026-12-29");
  assert_data_error (&again, "The session of 2026-12-29 was already removed from this series");
  RUN (&by_new_date, "--db", fixture->db, "events", "series-exclude", series_id, "2026-12-16");
  assert_data_error (&by_new_date, "This series has no session on 2026-12-16");
  RUN (&by_its_date, "--db", fixture->db, "events", "series-exclude", series_id, "2026-12-15");
  g_assert_cmpint (by_its_date.status, ==, 0);
  moved_deleted = g_strdup_printf ("Deleted the session of 2026-12-15 (event %" G_GINT64_FORMAT "): nobody had "
                                   "registered.\n", setting.sessions[2]);
  g_assert_cmpstr (by_its_date.out, ==, moved_deleted);

  RUN (&listing, "--db", fixture->db, "events", "series", series_id);
  g_assert_cmpint (listing.status, ==, 0);
  lines = g_strsplit (listing.out, "\n", -1);
  heading = g_strdup_printf ("Series %" G_GINT64_FORMAT ": 4 sessions", setting.series);
  g_assert_cmpstr (lines[1], ==, heading);
  g_assert_cmpstr (lines[2], ==, "Removed: 2026-12-15, 2026-12-22, 2026-12-29");
  g_assert_true (g_str_has_prefix (lines[7], "2026-12-22"));
  g_assert_nonnull (strstr (lines[7], "Cancelled"));
  g_assert_nonnull (strstr (lines[7], " 1/30 "));

  json = series_json (fixture->db, setting.series);
  excluded = array_member (json, "excluded_on");
  g_assert_cmpuint (json_array_get_length (excluded), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (excluded, 0), ==, "2026-12-15");
  g_assert_cmpstr (json_array_get_string_element (excluded, 2), ==, "2026-12-29");
  g_assert_cmpuint (json_array_get_length (array_member (json, "occurrences")), ==, 4);
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *series_id = NULL;
  g_auto(Run) no_id = { 0, };
  g_auto(Run) not_an_id = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) no_date = { 0, };
  g_auto(Run) bad_date = { 0, };
  g_auto(Run) unknown_series = { 0, };
  g_auto(Run) not_in_series = { 0, };
  Setting setting;

  build_database (fixture, &setting);
  series_id = id_text (setting.series);

  RUN (&no_id, "--db", fixture->db, "events", "series");
  assert_usage_error (&no_id, "Give exactly one series ID");
  RUN (&not_an_id, "--db", fixture->db, "events", "series", "mardi");
  assert_usage_error (&not_an_id, "Series: “mardi” is not an ID");
  RUN (&unknown, "--db", fixture->db, "events", "series", "99");
  assert_data_error (&unknown, "There is no series number 99");
  RUN (&no_date, "--db", fixture->db, "events", "series-exclude", series_id);
  assert_usage_error (&no_date, "Give a series ID and the date of the session");
  RUN (&bad_date, "--db", fixture->db, "events", "series-exclude", series_id, "22/12/2026");
  assert_usage_error (&bad_date, "DATE: write the date as YYYY-MM-DD");
  RUN (&unknown_series, "--db", fixture->db, "events", "series-exclude", "99", "2026-12-22");
  assert_data_error (&unknown_series, "There is no series number 99");
  RUN (&not_in_series, "--db", fixture->db, "events", "series-exclude", series_id, "2026-12-23");
  assert_data_error (&not_in_series, "This series has no session on 2026-12-23");

  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM event"), ==, 7);
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM event_series WHERE excluded_on IS NULL"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/events-series/series", Fixture, NULL, fixture_set_up, test_series, fixture_tear_down);
  g_test_add ("/cli/events-series/show-and-list", Fixture, NULL, fixture_set_up, test_show_and_list, fixture_tear_down);
  g_test_add ("/cli/events-series/exclude", Fixture, NULL, fixture_set_up, test_exclude, fixture_tear_down);
  g_test_add ("/cli/events-series/mistakes", Fixture, NULL, fixture_set_up, test_mistakes, fixture_tear_down);

  return cli_test_run ();
}
