/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-run.h"

/* escale-cli ics feed: publishing calendars, listing them, writing them
 * all in a folder, each file what `ics export` writes for the same
 * calendar and read back by python3-icalendar; then the mistakes. */

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The UIDs of a calendar file, sorted, as one line. */
static char *
uids_of (const char *path)
{
  g_autoptr(JsonObject) calendar = check_ics (path);
  JsonArray *entries = array_member (calendar, "entries");
  g_autoptr(GPtrArray) uids = g_ptr_array_new ();

  g_assert_cmpstr (string_member (calendar, "method"), ==, "PUBLISH");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    g_ptr_array_add (uids, (gpointer) string_member (item (entries, i), "uid"));
  g_ptr_array_sort (uids, compare_texts);
  g_ptr_array_add (uids, NULL);
  return g_strjoinv (" ", (char **) uids->pdata);
}

/* What `ics export` writes for the same calendar, for comparison. */
static char *
exported_uids (Fixture    *fixture,
               const char *option,
               const char *id)
{
  g_autofree char *path = g_build_filename (fixture->folder, "exported.ics", NULL);
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", fixture->db, "ics", "export", option, id, "-o", path);
  g_assert_cmpint (run.status, ==, 0);
  return uids_of (path);
}

static void
test_publish_and_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *feeds = g_build_filename (fixture->folder, "feeds", NULL);
  g_autofree char *partner = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *partner_file = NULL;
  g_autofree char *participant_file = NULL;
  g_autofree char *partner_path = NULL;
  g_autofree char *participant_path = NULL;
  g_autofree char *upcoming_path = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) upcoming = NULL;
  g_auto(Run) empty = { 0, };
  g_auto(Run) add_upcoming = { 0, };
  g_auto(Run) add_partner = { 0, };
  g_auto(Run) add_participant = { 0, };
  g_auto(Run) list = { 0, };
  g_auto(Run) write = { 0, };
  g_auto(Run) remove = { 0, };
  g_auto(Run) after = { 0, };
  JsonArray *listed;

  fill_demo (fixture->db);
  g_assert_cmpint (g_mkdir (feeds, 0700), ==, 0);
  partner = g_strdup_printf ("%" G_GINT64_FORMAT,
                             sql_number (fixture->db, "SELECT organization_id FROM event_partner "
                                                      "GROUP BY organization_id ORDER BY count(*) DESC, 1 LIMIT 1"));
  participant = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 sql_number (fixture->db, "SELECT participant_id FROM registration "
                                                          "WHERE status IN ('registered', 'confirmed') "
                                                          "GROUP BY participant_id ORDER BY count(*) DESC, 1 LIMIT 1"));
  partner_file = g_strdup_printf ("partner-%s.ics", partner);
  participant_file = g_strdup_printf ("participant-%s.ics", participant);

  RUN (&empty, "--db", fixture->db, "ics", "feed", "--list");
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "No calendar is published. Add one with “escale-cli ics feed --add”.\n");

  RUN (&add_upcoming, "--db", fixture->db, "ics", "feed", "--add", "--upcoming", "--file", "a-venir.ics");
  g_assert_cmpint (add_upcoming.status, ==, 0);
  g_assert_cmpstr (add_upcoming.out, ==, "Upcoming events is published as “a-venir.ics”.\n");
  RUN (&add_partner, "--db", fixture->db, "ics", "feed", "--add", "--partner", partner);
  g_assert_cmpint (add_partner.status, ==, 0);
  g_assert_nonnull (strstr (add_partner.out, partner_file));
  RUN (&add_participant, "--db", fixture->db, "ics", "feed", "--add", "--participant", participant);
  g_assert_cmpint (add_participant.status, ==, 0);
  g_assert_true (g_str_has_prefix (add_participant.out, "Calendar of "));

  RUN (&list, "--db", fixture->db, "ics", "feed", "--list", "--json");
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  listed = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (listed), ==, 3);
  g_assert_cmpstr (string_member (item (listed, 0), "file"), ==, "a-venir.ics");
  g_assert_cmpstr (string_member (item (listed, 0), "scope"), ==, "upcoming");
  g_assert_true (json_node_is_null (member (item (listed, 0), "target_id")));
  g_assert_cmpstr (string_member (item (listed, 0), "description"), ==, "Upcoming events");
  g_assert_cmpstr (string_member (item (listed, 1), "file"), ==, participant_file);
  g_assert_cmpstr (string_member (item (listed, 1), "scope"), ==, "participant");
  g_assert_cmpstr (string_member (item (listed, 2), "file"), ==, partner_file);
  g_assert_cmpint (int_member (item (listed, 2), "target_id"), ==, g_ascii_strtoll (partner, NULL, 10));

  RUN (&write, "--db", fixture->db, "ics", "feed", "--folder", feeds);
  g_assert_cmpint (write.status, ==, 0);
  g_assert_cmpstr (write.err, ==, "");
  g_assert_true (g_str_has_prefix (write.out, "Wrote 3 calendars in "));
  g_assert_cmpuint (count_lines (write.out), ==, 4);

  /* Three whole files and nothing else: no temporary file is left. */
  listing = g_strdup_printf ("a-venir.ics %s %s", participant_file, partner_file);
  assert_folder_holds (feeds, listing);

  /* Each feed is the calendar `ics export` writes for the same choice. */
  partner_path = g_build_filename (feeds, partner_file, NULL);
  expected = exported_uids (fixture, "--partner", partner);
  actual = uids_of (partner_path);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (actual, !=, "");
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&actual, g_free);
  participant_path = g_build_filename (feeds, participant_file, NULL);
  expected = exported_uids (fixture, "--participant", participant);
  actual = uids_of (participant_path);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (actual, !=, "");

  /* The upcoming events: a calendar application reads it, and a feed
   * never lists attendees. */
  upcoming_path = g_build_filename (feeds, "a-venir.ics", NULL);
  upcoming = check_ics (upcoming_path);
  g_assert_cmpstr (string_member (upcoming, "method"), ==, "PUBLISH");
  {
    g_autofree char *text = read_file (upcoming_path, NULL);

    g_assert_null (strstr (text, "ATTENDEE"));
  }

  RUN (&remove, "--db", fixture->db, "ics", "feed", "--remove", "a-venir.ics");
  g_assert_cmpint (remove.status, ==, 0);
  g_assert_nonnull (strstr (remove.out, "no longer published"));
  RUN (&after, "--db", fixture->db, "ics", "feed", "--list");
  g_assert_cmpuint (count_lines (after.out), ==, 2);
  g_assert_null (strstr (after.out, "a-venir.ics"));
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "absent", NULL);
  g_auto(Run) nothing = { 0, };
  g_auto(Run) two = { 0, };
  g_auto(Run) which = { 0, };
  g_auto(Run) loose = { 0, };
  g_auto(Run) json = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) name = { 0, };
  g_auto(Run) folder = { 0, };
  g_auto(Run) not_published = { 0, };

  fill_demo (fixture->db);

  RUN (&nothing, "--db", fixture->db, "ics", "feed");
  assert_usage_error (&nothing, "Say what to do: --folder DIR, --list, --add or --remove NAME");
  RUN (&two, "--db", fixture->db, "ics", "feed", "--list", "--folder", fixture->folder);
  assert_usage_error (&two, "Do one thing at a time");
  RUN (&which, "--db", fixture->db, "ics", "feed", "--add");
  assert_usage_error (&which, "--add: say which calendar");
  RUN (&loose, "--db", fixture->db, "ics", "feed", "--list", "--partner", "3");
  assert_usage_error (&loose, "go with --add");
  RUN (&json, "--db", fixture->db, "ics", "feed", "--folder", fixture->folder, "--json");
  assert_usage_error (&json, "--json goes with --list");

  RUN (&unknown, "--db", fixture->db, "ics", "feed", "--add", "--partner", "99999");
  assert_data_error (&unknown, "There is no partner number 99999");
  RUN (&name, "--db", fixture->db, "ics", "feed", "--add", "--upcoming", "--file", "calendrier.txt");
  assert_data_error (&name, "File name: end the name with .ics");
  RUN (&folder, "--db", fixture->db, "ics", "feed", "--folder", missing);
  assert_data_error (&folder, "does not exist");
  RUN (&not_published, "--db", fixture->db, "ics", "feed", "--remove", "escale.ics");
  assert_data_error (&not_published, "No feed writes “escale.ics”");

  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM calendar_feed"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/ics-feed/publish-and-write", Fixture, NULL, fixture_set_up, test_publish_and_write,
              fixture_tear_down);
  g_test_add ("/cli/ics-feed/mistakes", Fixture, NULL, fixture_set_up, test_mistakes, fixture_tear_down);

  return cli_test_run ();
}
