/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-database.h"
#include "escale-event-repository.h"
#include "escale-participant-form.h"
#include "escale-participant-repository.h"

#include "cli-test-run.h"

/* escale-cli demo, its participants and its events: as many as promised,
 * the same for the same seed, varied, valid by the editor's own rules, and
 * never mixed with a counsellor's real files; visits that hold together,
 * and registrations that went through the real rules. */

/* What `demo` says it created. */
typedef struct
{
  guint partners;
  guint contacts;
  guint interactions;
  guint participants;
  guint consents;
  guint notes;
  guint follow_ups;
  guint events;
  guint registrations;
} Counts;

static void
run_demo (const char *db,
          const char *seed,
          Counts     *counts)
{
  g_autofree char *expected_end = g_strdup_printf (" in %s\n", db);
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "demo", "--seed", seed, "--today", TODAY);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_true (g_str_has_suffix (run.out, expected_end));
  g_assert_cmpint (sscanf (run.out,
                           "Created %u partners, %u contacts and %u interactions, %u participants with "
                           "%u consent records, %u case notes and %u follow-ups, and %u events with "
                           "%u registrations in ",
                           &counts->partners, &counts->contacts, &counts->interactions, &counts->participants,
                           &counts->consents, &counts->notes, &counts->follow_ups, &counts->events,
                           &counts->registrations), ==, 9);
}

/* Read and write, though only read: the last connection to close removes
 * the -wal and -shm files, which a read-only one cannot do. */
static sqlite3 *
open_database (const char *db)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return handle;
}

static gint64
query_number (sqlite3    *handle,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 number;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  number = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return number;
}

/* The rows @queries select, without the times of writing, which are the
 * clock's and not the seed's. */
static char *
dump_rows (const char         *db,
           const char * const *queries,
           guint               n_queries)
{
  sqlite3 *handle = open_database (db);
  GString *dump = g_string_new (NULL);

  for (guint q = 0; q < n_queries; q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *name = sqlite3_column_name (stmt, c);
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              if (g_str_equal (name, "created_at") || g_str_equal (name, "updated_at"))
                continue;
              g_string_append_printf (dump, "%s|", text != NULL ? text : "∅");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (handle);
  return g_string_free (dump, FALSE);
}

/* Every row a person could see. */
static char *
dump_people (const char *db)
{
  static const char *const queries[] = {
    "SELECT * FROM participant ORDER BY id",
    "SELECT * FROM household_member ORDER BY id",
    "SELECT * FROM participant_region ORDER BY participant_id, rank",
    "SELECT id, participant_id, purpose, granted, given_on, notice_version, recorded_by FROM consent ORDER BY id",
    "SELECT id, participant_id, written_on, author, body FROM case_note ORDER BY id",
    "SELECT id, participant_id, due_on, kind, outcome, done_on, notes FROM follow_up ORDER BY id",
  };

  return dump_rows (db, queries, G_N_ELEMENTS (queries));
}

/* The events and who registered, without the calendar identifiers, which
 * are random, and the waitlist times, which are the clock's. */
static char *
dump_events (const char *db)
{
  static const char *const queries[] = {
    "SELECT id, kind, status, title, region_code, organizer, presenters, place_name, address, latitude, "
    "longitude, online_url, starts_at, ends_at, tzid, capacity, registration_deadline, description, "
    "internal_notes, materials FROM event ORDER BY id",
    "SELECT * FROM event_partner ORDER BY event_id, organization_id",
    "SELECT id, event_id, position, kind, title, starts_at, ends_at, place_name, address, latitude, longitude, "
    "organization_id, contact_id, partner_confirmed FROM itinerary_stop ORDER BY id",
    "SELECT id, event_id, kind, provider, seats, driver, driver_phone, departure_place, departs_at, "
    "return_place, returns_at FROM vehicle ORDER BY id",
    "SELECT id, event_id, position, title, due_on, done_on, confirmed_by FROM logistics_task ORDER BY id",
    "SELECT id, event_id, participant_id, status, seats FROM registration ORDER BY id",
    "SELECT stop_id, registration_id, present FROM stop_attendance ORDER BY stop_id, registration_id",
  };

  return dump_rows (db, queries, G_N_ELEMENTS (queries));
}

static void
test_demo_participants_are_deterministic (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *twin = g_build_filename (fixture->folder, "twin.db", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_autofree char *people = NULL;
  g_autofree char *twin_people = NULL;
  g_autofree char *other_people = NULL;
  Counts counts, twin_counts, other_counts;

  run_demo (fixture->db, "7", &counts);
  run_demo (twin, "7", &twin_counts);
  run_demo (other, "8", &other_counts);

  g_assert_cmpmem (&counts, sizeof counts, &twin_counts, sizeof twin_counts);
  people = dump_people (fixture->db);
  twin_people = dump_people (twin);
  g_assert_cmpuint (strlen (people), >, 100000);
  g_assert_cmpstr (people, ==, twin_people);

  other_people = dump_people (other);
  g_assert_cmpuint (other_counts.participants, ==, counts.participants);
  g_assert_cmpstr (people, !=, other_people);

  /* The events too, registrations and roll calls included. */
  {
    g_autofree char *events = dump_events (fixture->db);
    g_autofree char *twin_events = dump_events (twin);
    g_autofree char *other_events = dump_events (other);

    g_assert_cmpuint (strlen (events), >, 10000);
    g_assert_cmpstr (events, ==, twin_events);
    g_assert_cmpuint (other_counts.events, ==, counts.events);
    g_assert_cmpstr (events, !=, other_events);
  }
}

/* The printed counts are what the database holds: 1,000 people at scale 1. */
static void
test_demo_participants_counts (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;
  Counts counts;

  run_demo (fixture->db, "7", &counts);
  g_assert_cmpuint (counts.partners, ==, 100);
  g_assert_cmpuint (counts.participants, ==, 1000);

  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escale_participant_repository_count (participants), ==, 1000);

  handle = open_database (fixture->db);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM consent"), ==, counts.consents);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM case_note"), ==, counts.notes);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM follow_up"), ==, counts.follow_ups);
  /* One audit entry per file, as if each had been created by hand. */
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM audit_log WHERE entity = 'participant'"), ==, 1000);
  sqlite3_close (handle);
}

/* A case load from many countries, statuses, jobs and regions. */
static void
test_demo_participants_are_varied (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    gint64      minimum;
  } spreads[] = {
    { "SELECT count(DISTINCT given_name) FROM participant", 200 },
    { "SELECT count(DISTINCT family_name) FROM participant", 200 },
    { "SELECT count(DISTINCT country_of_origin) FROM participant", 20 },
    { "SELECT count(DISTINCT immigration_status) FROM participant", 8 },
    { "SELECT count(DISTINCT noc_code) FROM participant", 20 },
    { "SELECT count(DISTINCT region_code) FROM participant_region", 15 },
    { "SELECT count(DISTINCT city) FROM participant", 3 },
    { "SELECT count(DISTINCT source) FROM participant", 5 },
    { "SELECT count(DISTINCT birth_year) FROM participant", 35 },
    { "SELECT count(DISTINCT body) FROM case_note", 10 },
  };
  sqlite3 *handle;
  Counts counts;
  gint64 n;

  run_demo (fixture->db, "7", &counts);
  handle = open_database (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (spreads); i++)
    {
      g_test_message ("%s", spreads[i].sql);
      g_assert_cmpint (query_number (handle, spreads[i].sql), >=, spreads[i].minimum);
    }

  /* French names of countries, accents kept where they are written. */
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant WHERE country_of_origin = 'Haïti'"), >, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant WHERE given_name GLOB '*[^ -~]*'"), >, 50);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant WHERE preferred_name IS NOT NULL"), >, 10);

  /* Mostly permanent residents; a few asylum seekers. */
  n = query_number (handle, "SELECT count(*) FROM participant WHERE immigration_status = 'permanent-resident'");
  g_assert_cmpint (n, >, 300);
  g_assert_cmpint (n, <, 500);
  n = query_number (handle, "SELECT count(*) FROM participant WHERE immigration_status = 'asylum-seeker'");
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, <, 60);

  /* About a third with a spouse; some children. */
  n = query_number (handle, "SELECT count(DISTINCT participant_id) FROM household_member WHERE relation = 'spouse'");
  g_assert_cmpint (n, >, 250);
  g_assert_cmpint (n, <, 420);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM household_member WHERE relation = 'child'"), >, 200);

  /* About one in ten not consenting yet; a few withdrawals on file. */
  n = query_number (handle, "SELECT count(*) FROM participant WHERE id NOT IN (SELECT participant_id FROM consent)");
  g_assert_cmpint (n, >, 50);
  g_assert_cmpint (n, <, 160);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM consent WHERE granted = 0"), >, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM consent WHERE notice_version = '2026-01'"), >, 0);

  /* Everything before or on TODAY, except open follow-ups. */
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant WHERE arrived_on > '" TODAY "'"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant WHERE arrived_on < date('" TODAY "', '-10 years', '-1 day')"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM consent WHERE given_on > '" TODAY "'"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM case_note WHERE written_on > '" TODAY "'"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM follow_up WHERE done_on > '" TODAY "'"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT min(birth_year) FROM participant"), >=, 1965);
  g_assert_cmpint (query_number (handle, "SELECT max(birth_year) FROM participant"), <=, 2004);

  /* The duplicate finder's rules pair almost nobody at this scale. */
  g_assert_cmpint (query_number (handle,
                                 "SELECT count(*) FROM participant a JOIN participant b ON a.id < b.id "
                                 "AND (a.email_key = b.email_key OR a.phone_key = b.phone_key "
                                 "     OR (a.name_key = b.name_key AND a.birth_year = b.birth_year))"),
                   <=, 3);
  sqlite3_close (handle);
}

/* Every file loads and passes the editor's rules; phones are fictitious
 * Montréal-area numbers and addresses end in .example. */
static void
test_demo_participants_pass_the_form_rules (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(GRegex) phone_format = g_regex_new ("^(514|438|263|367|581|450|579|354) 555-01[0-9][0-9]$", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  guint due_states[ESCALE_DUE_STATE_OVERDUE + 1] = { 0, };
  guint done = 0, with_phone = 0, with_email = 0;
  GDate today;
  Counts counts;

  run_demo (fixture->db, "7", &counts);
  g_assert_true (escale_calendar_date_parse (TODAY, &today));
  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);

  for (gint64 id = 1; id <= 1000; id += 3)
    {
      g_autoptr(EscaleParticipant) participant = escale_participant_repository_load (participants, id, &error);
      EscaleParticipantForm form = { { NULL, } };
      char *texts[ESCALE_N_PARTICIPANT_FIELDS];
      char *messages[ESCALE_N_PARTICIPANT_FIELDS];
      const char *email;
      const char *phone;
      GListModel *follow_ups;

      g_assert_no_error (error);
      for (guint f = 0; f < ESCALE_N_PARTICIPANT_FIELDS; f++)
        {
          texts[f] = escale_participant_field_format (f, escale_participant_get_value (participant, f), NULL);
          form.values[f] = texts[f];
        }
      if (!escale_participant_form_check (&form, NULL, messages))
        {
          for (guint f = 0; f < ESCALE_N_PARTICIPANT_FIELDS; f++)
            {
              if (messages[f] != NULL)
                g_test_message ("participant %" G_GINT64_FORMAT ", %s “%s”: %s", id,
                                escale_participant_field_get_name (f), texts[f], messages[f]);
            }
          g_assert_not_reached ();
        }
      for (guint f = 0; f < ESCALE_N_PARTICIPANT_FIELDS; f++)
        {
          g_free (texts[f]);
          g_free (messages[f]);
        }

      email = escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_EMAIL);
      if (email != NULL)
        {
          g_assert_true (g_str_has_suffix (email, ".example"));
          with_email++;
        }
      phone = escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_PHONE);
      if (phone != NULL)
        {
          g_assert_true (g_regex_match (phone_format, phone, 0, NULL));
          with_phone++;
        }
      g_assert_null (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_OTHER_PHONE));
      g_assert_cmpuint (g_strv_length ((GStrv) escale_participant_get_regions (participant)), >=, 1);
      g_assert_cmpuint (g_strv_length ((GStrv) escale_participant_get_regions (participant)), <=, 3);
      g_assert_false (g_strv_contains (escale_participant_get_regions (participant), "06"));
      g_assert_false (g_strv_contains (escale_participant_get_regions (participant), "13"));

      follow_ups = escale_participant_get_follow_ups (participant);
      for (guint i = 0; i < g_list_model_get_n_items (follow_ups); i++)
        {
          g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (follow_ups, i);

          if (escale_follow_up_get_outcome (follow_up) != ESCALE_FOLLOW_UP_OUTCOME_PENDING)
            done++;
          else
            due_states[escale_due_state_classify (escale_follow_up_get_due_on (follow_up), &today)]++;
        }
    }

  /* Some people have no email or phone on file; most have one. */
  g_assert_cmpuint (with_email, >, 200);
  g_assert_cmpuint (with_email, <, 334);
  g_assert_cmpuint (with_phone, >, 100);
  g_assert_cmpuint (with_phone, <, 334);

  /* Follow-ups in every state a counsellor's list shows. */
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (due_states[ESCALE_DUE_STATE_OVERDUE], >, 0);
  g_assert_cmpuint (due_states[ESCALE_DUE_STATE_THIS_WEEK], >, 0);
  g_assert_cmpuint (due_states[ESCALE_DUE_STATE_LATER], >, 0);
}

/* A database that holds participants, even without partners, is refused
 * before anything is written. */
static void
test_demo_refuses_a_database_with_participants (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) partners = { 0, };
  sqlite3 *handle;

  {
    g_autoptr(EscaleDatabase) database = NULL;
    g_autoptr(EscaleParticipantRepository) participants = NULL;
    g_autoptr(EscaleParticipant) participant = escale_participant_new ();
    g_autoptr(GError) error = NULL;

    database = escale_database_open (fixture->db, &error);
    g_assert_no_error (error);
    participants = escale_participant_repository_new (database, &error);
    g_assert_no_error (error);
    g_object_set (participant, "given-name", "Aïcha", "family-name", "Benali", NULL);
    g_assert_true (escale_participant_repository_save (participants, participant, &error));
    g_assert_no_error (error);
  }

  RUN (&run, "--db", fixture->db, "demo", "--today", TODAY);
  assert_data_error (&run, "already holds data");

  RUN (&partners, "--db", fixture->db, "partners", "list", "--json", "--archived");
  g_assert_cmpint (partners.status, ==, 0);
  g_assert_cmpstr (partners.out, ==, "[]\n");

  handle = open_database (fixture->db);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant"), ==, 1);
  sqlite3_close (handle);
  assert_folder_holds (fixture->folder, "escale.db");
}

/* Events */

/* `events list --json` with @options (NULL-terminated, or NULL). */
static JsonArray *
events_json (const char        *db,
             const char *const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "events");
  g_ptr_array_add (argv, (gpointer) "list");
  g_ptr_array_add (argv, (gpointer) "--json");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  g_ptr_array_add (argv, NULL);

  run_argv (&run, NULL, (const char *const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

/* `events show ID --json`, late tasks counted from TODAY. */
static JsonObject *
event_json (const char *db,
            gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "events", "show", text, "--json", "--today", TODAY);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* The first visit whose title holds @words. */
static gint64
find_visit (JsonArray  *events,
            const char *words)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = item (events, i);

      if (g_str_equal (string_member (event, "kind"), "exploratory-visit") &&
          strstr (string_member (event, "title"), words) != NULL)
        return int_member (event, "id");
    }

  g_error ("No visit called “…%s…”", words);
}

/* The local day of an instant printed as "2026-12-03T06:30:00-05:00". */
static void
local_day (const char *instant,
           GDate      *day)
{
  g_autofree char *date = g_strndup (instant, 10);

  g_assert_true (escale_calendar_date_parse (date, day));
}

static int
days_between (const char *first,
              const char *last)
{
  GDate a, b;

  local_day (first, &a);
  local_day (last, &b);
  return g_date_days_between (&a, &b);
}

/* The kinds of the event's warnings, as "partner-not-confirmed task-late". */
static char *
warning_kinds (JsonObject *event)
{
  JsonArray *warnings = array_member (event, "warnings");
  g_autoptr(GString) kinds_text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    g_string_append_printf (kinds_text, "%s%s", i > 0 ? " " : "", string_member (item (warnings, i), "kind"));

  return g_string_free (g_steal_pointer (&kinds_text), FALSE);
}

/* How many stops of @kind, and the days (from the first) they start on. */
static guint
count_stops (JsonObject *event,
             const char *kind,
             GString    *days)
{
  JsonArray *itinerary = array_member (event, "itinerary");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (itinerary); i++)
    {
      JsonObject *stop = item (itinerary, i);

      if (!g_str_equal (string_member (stop, "kind"), kind))
        continue;
      n++;
      if (days != NULL)
        g_string_append_printf (days, "%s%d", days->len > 0 ? " " : "",
                                days_between (string_member (event, "starts_at"), string_member (stop, "starts_at")));
    }

  return n;
}

/* What a visit must hold for the group to leave: in order, with time to
 * drive, a bed each night, seats for all. */
static void
assert_visit_holds_together (JsonObject *visit)
{
  JsonArray *itinerary = array_member (visit, "itinerary");
  guint n_stops = json_array_get_length (itinerary);
  g_autofree char *kinds_text = warning_kinds (visit);
  static const char *const never[] = {
    "stops-overlap", "stops-out-of-order", "too-little-travel-time", "stop-outside-event",
    "return-before-departure", "not-enough-seats", "over-capacity", "no-lodging",
  };

  g_test_message ("%s: %s", string_member (visit, "title"), kinds_text);
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    g_assert_null (strstr (kinds_text, never[i]));

  g_assert_cmpuint (n_stops, >=, 9);
  g_assert_cmpstr (string_member (item (itinerary, 0), "kind"), ==, "departure");
  g_assert_cmpstr (string_member (item (itinerary, n_stops - 1), "kind"), ==, "return");
  g_assert_cmpstr (string_member (item (itinerary, 0), "starts_at"), ==, string_member (visit, "starts_at"));
  g_assert_cmpstr (string_member (item (itinerary, n_stops - 1), "ends_at"), ==, string_member (visit, "ends_at"));
  g_assert_cmpuint (count_stops (visit, "company-visit", NULL) + count_stops (visit, "employer-meeting", NULL), >=, 2);
  g_assert_cmpuint (json_array_get_length (array_member (visit, "vehicles")), ==, 1);
  g_assert_nonnull (string_member (item (array_member (visit, "vehicles"), 0), "provider"));
  g_assert_nonnull (string_member (item (array_member (visit, "vehicles"), 0), "driver"));
  g_assert_cmpint (int_member (item (array_member (visit, "vehicles"), 0), "seats"), >=,
                   int_member (visit, "capacity"));
  g_assert_cmpuint (json_array_get_length (array_member (visit, "checklist")), >=, 5);
}

/* The demo's count is what `events list` shows, of each kind, and every
 * registration went through the repository (one audit entry each). */
static void
test_demo_events_counts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonArray) events = NULL;
  g_autoptr(JsonArray) sessions = NULL;
  g_autoptr(JsonArray) virtual = NULL;
  g_autoptr(JsonArray) fairs = NULL;
  g_autoptr(JsonArray) visits = NULL;
  guint n_done = 0, n_published = 0, n_draft = 0, n_cancelled = 0;
  sqlite3 *handle;
  Counts counts;

  run_demo (fixture->db, "7", &counts);
  g_assert_cmpuint (counts.events, ==, 34);

  events = events_json (fixture->db, NULL);
  sessions = events_json (fixture->db, (const char *const[]) { "--kind", "information-session", NULL });
  virtual = events_json (fixture->db, (const char *const[]) { "--kind", "virtual-presentation", NULL });
  fairs = events_json (fixture->db, (const char *const[]) { "--kind", "fair", NULL });
  visits = events_json (fixture->db, (const char *const[]) { "--kind", "exploratory-visit", NULL });
  g_assert_cmpuint (json_array_get_length (events), ==, counts.events);
  /* A session a week, three months on each side of today; some online. */
  g_assert_cmpuint (json_array_get_length (sessions) + json_array_get_length (virtual), ==, 26);
  g_assert_cmpuint (json_array_get_length (virtual), >=, 6);
  g_assert_cmpuint (json_array_get_length (fairs), ==, 1);
  g_assert_cmpuint (json_array_get_length (visits), ==, 7);

  for (guint i = 0; i < json_array_get_length (virtual); i++)
    g_assert_true (g_str_has_prefix (string_member (item (virtual, i), "online_url"), "https://"));
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = item (sessions, i);

      g_assert_null (string_member (session, "online_url"));
      g_assert_cmpint (int_member (session, "capacity"), >=, 30);
      g_assert_cmpint (int_member (session, "capacity"), <=, 60);
      /* An evening in Montréal. */
      g_assert_cmpstr (string_member (session, "tzid"), ==, "America/Toronto");
      g_assert_true (g_str_has_prefix (string_member (session, "starts_at") + 11, "18:30"));
    }

  /* Over before today: done; ahead: published, but for one draft and one
   * cancelled. */
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = item (events, i);
      const char *status = string_member (event, "status");
      g_autofree char *end = g_strndup (string_member (event, "ends_at"), 10);

      if (strcmp (end, TODAY) < 0)
        {
          g_assert_cmpstr (status, ==, "done");
          n_done++;
        }
      else if (g_str_equal (status, "draft"))
        n_draft++;
      else if (g_str_equal (status, "cancelled"))
        n_cancelled++;
      else
        {
          g_assert_cmpstr (status, ==, "published");
          n_published++;
        }
    }
  g_assert_cmpuint (n_done, >=, 15);
  g_assert_cmpuint (n_published, >=, 10);
  g_assert_cmpuint (n_draft, ==, 1);
  g_assert_cmpuint (n_cancelled, ==, 1);

  handle = open_database (fixture->db);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration"), ==, counts.registrations);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM audit_log WHERE entity = 'registration' "
                                         "AND action = 'create'"), ==, counts.registrations);
  /* Only people who consented to registration and follow-up. */
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration r WHERE (SELECT granted FROM consent c "
                                         "WHERE c.participant_id = r.participant_id AND c.purpose = 'registration' "
                                         "ORDER BY given_on DESC, id DESC LIMIT 1) IS NOT 1"), ==, 0);
  sqlite3_close (handle);
}

/* Three days in Abitibi-Témiscamingue: Rouyn-Noranda, Val-d'Or and Amos,
 * two nights, full with a waitlist, and what a counsellor still has to do. */
static void
test_demo_events_abitibi (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonArray) events = NULL;
  g_autoptr(JsonObject) visit = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GString) nights = g_string_new (NULL);
  g_autofree char *kinds_text = NULL;
  JsonArray *itinerary, *checklist;
  JsonObject *fill;
  guint done = 0, late = 0;

  fill_demo (fixture->db);
  events = events_json (fixture->db, NULL);
  visit = event_json (fixture->db, find_visit (events, "Abitibi"));

  g_assert_cmpstr (string_member (visit, "region_code"), ==, "08");
  g_assert_cmpstr (string_member (visit, "tzid"), ==, "America/Toronto");
  g_assert_cmpstr (string_member (visit, "status"), ==, "published");
  g_assert_cmpint (days_between (string_member (visit, "starts_at"), string_member (visit, "ends_at")), ==, 2);
  assert_visit_holds_together (visit);

  itinerary = array_member (visit, "itinerary");
  for (guint i = 0; i < json_array_get_length (itinerary); i++)
    g_string_append_printf (titles, "%s\n", string_member (item (itinerary, i), "title"));
  g_assert_nonnull (strstr (titles->str, "Rouyn-Noranda"));
  g_assert_nonnull (strstr (titles->str, "Val-d’Or"));
  g_assert_nonnull (strstr (titles->str, "Amos"));
  /* A bed on the first and the second night; the third is at home. */
  g_assert_cmpuint (count_stops (visit, "lodging", nights), ==, 2);
  g_assert_cmpstr (nights->str, ==, "0 1");
  g_assert_cmpstr (string_member (item (array_member (visit, "vehicles"), 0), "kind"), ==, "bus");

  /* Booked on time; the partners are still to confirm, and late. */
  checklist = array_member (visit, "checklist");
  for (guint i = 0; i < json_array_get_length (checklist); i++)
    {
      JsonObject *task = item (checklist, i);

      if (string_member (task, "done_on") != NULL)
        done++;
      else if (strcmp (string_member (task, "due_on"), TODAY) < 0)
        late++;
    }
  g_assert_cmpuint (done, >=, 2);
  g_assert_cmpuint (late, ==, 1);
  kinds_text = warning_kinds (visit);
  g_assert_nonnull (strstr (kinds_text, "task-late"));
  g_assert_nonnull (strstr (kinds_text, "partner-not-confirmed"));

  fill = json_object_get_object_member (visit, "fill");
  g_assert_cmpint (int_member (fill, "seats_taken"), <=, int_member (visit, "capacity"));
  g_assert_cmpint (int_member (fill, "seats_taken"), >=, int_member (visit, "capacity") - 3);
  g_assert_cmpint (int_member (fill, "waitlisted"), >, 0);
}

/* A weekend on the Îles-de-la-Madeleine, on the islands' own time. */
static void
test_demo_events_islands (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonArray) events = NULL;
  g_autoptr(JsonObject) visit = NULL;
  g_autoptr(GString) nights = g_string_new (NULL);
  g_autoptr(GTimeZone) montreal = g_time_zone_new_identifier ("America/Toronto");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) start_in_montreal = NULL;
  JsonArray *itinerary;
  GDate first_day;
  guint flights = 0;

  fill_demo (fixture->db);
  events = events_json (fixture->db, NULL);
  visit = event_json (fixture->db, find_visit (events, "Îles-de-la-Madeleine"));

  g_assert_cmpstr (string_member (visit, "region_code"), ==, "11");
  g_assert_cmpstr (string_member (visit, "tzid"), ==, "America/Halifax");
  assert_visit_holds_together (visit);

  /* Printed an hour ahead of Montréal. */
  start = g_date_time_new_from_iso8601 (string_member (visit, "starts_at"), NULL);
  g_assert_nonnull (start);
  start_in_montreal = g_date_time_to_timezone (start, montreal);
  g_assert_cmpint (g_date_time_get_utc_offset (start) - g_date_time_get_utc_offset (start_in_montreal), ==,
                   G_TIME_SPAN_HOUR);

  /* Friday to Sunday, by plane, a minibus on the islands. */
  local_day (string_member (visit, "starts_at"), &first_day);
  g_assert_cmpint (g_date_get_weekday (&first_day), ==, G_DATE_FRIDAY);
  g_assert_cmpint (days_between (string_member (visit, "starts_at"), string_member (visit, "ends_at")), ==, 2);
  g_assert_cmpuint (count_stops (visit, "lodging", nights), ==, 2);
  g_assert_cmpstr (nights->str, ==, "0 1");
  itinerary = array_member (visit, "itinerary");
  for (guint i = 0; i < json_array_get_length (itinerary); i++)
    flights += g_str_has_prefix (string_member (item (itinerary, i), "title"), "Vol ");
  g_assert_cmpuint (flights, ==, 2);
  g_assert_cmpstr (string_member (item (array_member (visit, "vehicles"), 0), "kind"), ==, "minibus");
}

/* Registrations as the rules made them: waitlists where people asked for
 * more seats than there were, families, cancellations, and the roll calls
 * of what is over. */
static void
test_demo_events_registrations (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(JsonArray) events = NULL;
  guint waitlisted = 0, over_capacity = 0;
  sqlite3 *handle;

  fill_demo (fixture->db);
  events = events_json (fixture->db, NULL);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = item (events, i);
      JsonObject *fill = json_object_get_object_member (event, "fill");
      JsonNode *capacity = member (event, "capacity");

      waitlisted += (guint) int_member (fill, "waitlisted");
      if (!JSON_NODE_HOLDS_NULL (capacity) && int_member (fill, "seats_taken") > json_node_get_int (capacity))
        over_capacity++;
      /* Nobody registers for a draft. */
      if (g_str_equal (string_member (event, "status"), "draft"))
        g_assert_cmpint (int_member (fill, "registrations"), ==, 0);
    }
  g_assert_cmpuint (waitlisted, >, 0);
  g_assert_cmpuint (over_capacity, ==, 0);

  handle = open_database (fixture->db);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration WHERE status = 'waitlisted'"), ==,
                   waitlisted);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration WHERE seats BETWEEN 2 AND 4"), >, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration WHERE seats > 4"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration WHERE status = 'cancelled'"), >, 0);
  /* Roll calls of what is over, and only of that. */
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration WHERE status = 'attended'"), >, 50);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration WHERE status = 'no-show'"), >, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                                         "WHERE r.status IN ('attended', 'no-show') AND e.status != 'done'"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                                         "WHERE r.status IN ('registered', 'confirmed') AND e.status = 'done'"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM stop_attendance WHERE present = 1"), >, 50);
  g_assert_cmpint (query_number (handle, "SELECT count(DISTINCT s.event_id) FROM stop_attendance a "
                                         "JOIN itinerary_stop s ON s.id = a.stop_id"), ==,
                   query_number (handle, "SELECT count(*) FROM event WHERE kind = 'exploratory-visit' "
                                         "AND status = 'done'"));
  sqlite3_close (handle);
}

/* The sessions are two series on Tuesday evenings, in person one week and
 * online the next; the in-person one skips the week of Christmas. */
static void
test_demo_events_series (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonArray) sessions = NULL;
  g_autoptr(JsonArray) virtual = NULL;
  g_autoptr(JsonObject) in_person = NULL;
  g_autoptr(JsonObject) online = NULL;
  JsonArray *excluded;

  fill_demo (fixture->db);
  sessions = events_json (fixture->db, (const char *const[]) { "--kind", "information-session", NULL });
  virtual = events_json (fixture->db, (const char *const[]) { "--kind", "virtual-presentation", NULL });

  for (guint i = 0; i < json_array_get_length (sessions); i++)
    g_assert_cmpint (int_member (item (sessions, i), "series_id"), ==, int_member (item (sessions, 0), "series_id"));
  for (guint i = 0; i < json_array_get_length (virtual); i++)
    g_assert_cmpint (int_member (item (virtual, i), "series_id"), ==, int_member (item (virtual, 0), "series_id"));

  in_person = series_json (fixture->db, int_member (item (sessions, 0), "series_id"));
  online = series_json (fixture->db, int_member (item (virtual, 0), "series_id"));
  g_assert_cmpint (int_member (in_person, "id"), !=, int_member (online, "id"));

  g_assert_cmpstr (string_member (in_person, "rule"), ==, "every-2-weeks");
  g_assert_cmpstr (string_member (in_person, "description"), ==, "Every 2 weeks on Tuesday until February 23, 2027");
  excluded = array_member (in_person, "excluded_on");
  g_assert_cmpuint (json_array_get_length (excluded), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (excluded, 0), ==, "2026-12-29");
  g_assert_cmpuint (json_array_get_length (array_member (in_person, "occurrences")), ==, 13);

  g_assert_cmpstr (string_member (online, "rule"), ==, "every-2-weeks");
  g_assert_cmpstr (string_member (online, "first_on"), ==, "2026-09-01");
  g_assert_cmpuint (json_array_get_length (array_member (online, "excluded_on")), ==, 0);
  g_assert_cmpuint (json_array_get_length (array_member (online, "occurrences")), ==, 13);

  /* Each on the date the series gave it, the deadline the day before. */
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = item (sessions, i);
      GDate day;
      g_autofree char *deadline = NULL;

      g_assert_true (g_str_has_prefix (string_member (session, "starts_at"), string_member (session, "series_date")));
      local_day (string_member (session, "starts_at"), &day);
      g_assert_cmpint (g_date_get_weekday (&day), ==, G_DATE_TUESDAY);
      g_date_subtract_days (&day, 1);
      deadline = escale_calendar_date_format (&day);
      g_assert_cmpstr (string_member (session, "registration_deadline"), ==, deadline);
    }
}

/* A database with only events is refused too, before anything is written. */
static void
test_demo_refuses_a_database_with_events (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  sqlite3 *handle;

  {
    g_autoptr(EscaleDatabase) database = NULL;
    g_autoptr(EscaleEventRepository) events = NULL;
    g_autoptr(EscaleEvent) session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
    g_autoptr(GError) error = NULL;

    database = escale_database_open (fixture->db, &error);
    g_assert_no_error (error);
    events = escale_event_repository_new (database);
    escale_event_set_text (session, "title", "Séance d’information");
    escale_event_set_times (session, 1795000000, 1795007200);
    g_assert_true (escale_event_repository_save (events, session, &error));
    g_assert_no_error (error);
  }

  RUN (&run, "--db", fixture->db, "demo", "--today", TODAY);
  assert_data_error (&run, "already holds data");

  handle = open_database (fixture->db);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM organization"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM participant"), ==, 0);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM event"), ==, 1);
  sqlite3_close (handle);
}

/* --events N: that many more events for measurements, visits with their
 * stops, in Québec's three zones, and nothing else changed. */
static void
test_demo_extra_events (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) refused = { 0, };
  sqlite3 *handle;
  guint n_events = 0;

  RUN (&refused, "--db", fixture->db, "demo", "--events", "-1");
  assert_usage_error (&refused, "--events");

  RUN (&run, "--db", fixture->db, "demo", "--seed", "3", "--today", TODAY, "--events", "2000");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (sscanf (strstr (run.out, ", and "), ", and %u events", &n_events), ==, 1);
  g_assert_cmpuint (n_events, ==, 34 + 2000);

  handle = open_database (fixture->db);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM event"), ==, 34 + 2000);
  /* A fifth are visits, each with six stops from departure to return. */
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM itinerary_stop s JOIN event e ON e.id = s.event_id "
                                         "WHERE e.id > (SELECT max (id) - 2000 FROM event)"), ==, 400 * 6);
  g_assert_cmpint (query_number (handle, "SELECT count(DISTINCT tzid) FROM event"), ==, 3);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM event WHERE tzid = 'America/Halifax'"), >, 100);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM event_partner"), >, 100);
  g_assert_cmpint (query_number (handle, "SELECT count(*) FROM event WHERE id > (SELECT max (id) - 2000 FROM event) "
                                         "AND id IN (SELECT event_id FROM registration)"), ==, 0);
  sqlite3_close (handle);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/demo/participants/deterministic", Fixture, NULL, fixture_set_up, test_demo_participants_are_deterministic, fixture_tear_down);
  g_test_add ("/cli/demo/participants/counts", Fixture, NULL, fixture_set_up, test_demo_participants_counts, fixture_tear_down);
  g_test_add ("/cli/demo/participants/varied", Fixture, NULL, fixture_set_up, test_demo_participants_are_varied, fixture_tear_down);
  g_test_add ("/cli/demo/participants/form-rules", Fixture, NULL, fixture_set_up, test_demo_participants_pass_the_form_rules, fixture_tear_down);
  g_test_add ("/cli/demo/participants/refuses-filled-database", Fixture, NULL, fixture_set_up, test_demo_refuses_a_database_with_participants, fixture_tear_down);
  g_test_add ("/cli/demo/events/counts", Fixture, NULL, fixture_set_up, test_demo_events_counts, fixture_tear_down);
  g_test_add ("/cli/demo/events/abitibi", Fixture, NULL, fixture_set_up, test_demo_events_abitibi, fixture_tear_down);
  g_test_add ("/cli/demo/events/islands", Fixture, NULL, fixture_set_up, test_demo_events_islands, fixture_tear_down);
  g_test_add ("/cli/demo/events/series", Fixture, NULL, fixture_set_up, test_demo_events_series, fixture_tear_down);
  g_test_add ("/cli/demo/events/registrations", Fixture, NULL, fixture_set_up, test_demo_events_registrations, fixture_tear_down);
  g_test_add ("/cli/demo/events/extra", Fixture, NULL, fixture_set_up, test_demo_extra_events, fixture_tear_down);
  g_test_add ("/cli/demo/events/refuses-filled-database", Fixture, NULL, fixture_set_up, test_demo_refuses_a_database_with_events, fixture_tear_down);

  return cli_test_run ();
}
