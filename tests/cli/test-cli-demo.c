/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-database.h"
#include "escale-participant-form.h"
#include "escale-participant-repository.h"

#include "cli-test-run.h"

/* escale-cli demo and its participants: as many as promised, the same for
 * the same seed, varied, valid by the editor's own rules, and never mixed
 * with a counsellor's real files. */

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
                           "Created %u partners, %u contacts and %u interactions, and %u participants with "
                           "%u consent records, %u case notes and %u follow-ups in ",
                           &counts->partners, &counts->contacts, &counts->interactions, &counts->participants,
                           &counts->consents, &counts->notes, &counts->follow_ups), ==, 7);
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

/* Every row a person could see, without the times of writing, which are
 * the clock's and not the seed's. */
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
  sqlite3 *handle = open_database (db);
  GString *dump = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
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

  return cli_test_run ();
}
