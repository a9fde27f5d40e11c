/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "escale-event-repository.h"
#include "escale-ical-feed.h"
#include "escale-registration-repository.h"
#include "participant-fixture.h"

/* Subscription feeds: which calendars are published, and the folder where
 * they are written, each file replaced whole, none listing attendees. */

#define NOW ((gint64) 1795435200)   /* 23 November 2026, 12:00 in Montréal */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

typedef struct
{
  EscaleEventRepository        *events;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
  char                         *feeds;      /* the feed folder */
} Calendars;

static void
calendars_open (Calendars *calendars,
                Fixture   *fixture)
{
  calendars->events = escale_event_repository_new (fixture->database);
  calendars->series = escale_event_series_repository_new (calendars->events);
  calendars->registrations = escale_registration_repository_new (fixture->participants, region_list (fixture));
  calendars->feeds = g_build_filename (fixture->folder, "feeds", NULL);
  g_assert_cmpint (g_mkdir (calendars->feeds, 0700), ==, 0);
}

static void
calendars_close (Calendars *calendars)
{
  g_clear_object (&calendars->registrations);
  g_clear_object (&calendars->series);
  g_clear_object (&calendars->events);
  g_clear_pointer (&calendars->feeds, g_free);
  escale_ical_export_release_zones ();
}

static gint64
save_session (Calendars  *calendars,
              const char *title,
              gint64      starts_at)
{
  g_autoptr(EscaleEvent) event = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_times (event, starts_at, starts_at + 7200);
  escale_event_set_capacity (event, 20);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_true (escale_event_repository_save (calendars->events, event, &error));
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static EscaleCalendarFeed *
add_ok (Fixture         *fixture,
        EscaleFeedScope  scope,
        gint64           target_id,
        const char      *file_name)
{
  g_autoptr(GError) error = NULL;
  EscaleCalendarFeed *feed = escale_calendar_feed_add (fixture->database, scope, target_id, file_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static void
assert_refused (Fixture         *fixture,
                EscaleFeedScope  scope,
                gint64           target_id,
                const char      *file_name,
                int              code,
                const char      *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (escale_calendar_feed_add (fixture->database, scope, target_id, file_name, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static char *
describe_feeds (Fixture *fixture)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  feeds = escale_calendar_feed_list (fixture->database, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < feeds->len; i++)
    {
      EscaleCalendarFeed *feed = feeds->pdata[i];
      g_autofree char *description = escale_calendar_feed_describe (feed);

      g_string_append_printf (text, "%s%s: %s", i > 0 ? "\n" : "", feed->file_name, description);
    }

  return g_string_free (text, FALSE);
}

static void
test_add_list_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  Calendars calendars = { 0, };
  g_autoptr(EscaleParticipant) participant = new_participant ("Amina", "Benali", END_OF_FIELDS);
  g_autoptr(EscaleCalendarFeed) upcoming = NULL;
  g_autoptr(EscaleCalendarFeed) person = NULL;
  g_autoptr(EscaleCalendarFeed) again = NULL;
  g_autoptr(EscaleCalendarFeed) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  gint64 participant_id, session_id;

  calendars_open (&calendars, fixture);
  participant_id = save_ok (fixture, participant);
  session_id = save_session (&calendars, "Séance d’information", NOW + 86400);

  upcoming = add_ok (fixture, ESCALE_FEED_SCOPE_UPCOMING, 0, NULL);
  g_assert_cmpstr (upcoming->file_name, ==, "escale.ics");

  /* A person's calendar is named by number: no name in a shared folder. */
  person = add_ok (fixture, ESCALE_FEED_SCOPE_PARTICIPANT, participant_id, NULL);
  g_assert_cmpstr (person->file_name, ==, "participant-1.ics");
  g_assert_cmpint (participant_id, ==, 1);
  g_assert_cmpstr (person->target_name, ==, "Amina Benali");

  /* A calendar is published once: adding it again gives the same feed. */
  again = add_ok (fixture, ESCALE_FEED_SCOPE_PARTICIPANT, participant_id, "autre.ics");
  g_assert_cmpint (again->id, ==, person->id);
  g_assert_cmpstr (again->file_name, ==, person->file_name);

  session = add_ok (fixture, ESCALE_FEED_SCOPE_EVENT, session_id, "  seance.ics ");
  g_assert_cmpstr (session->file_name, ==, "seance.ics");

  /* Every refusal names the field, and nothing is added. */
  assert_refused (fixture, ESCALE_FEED_SCOPE_PARTNER, 999, NULL, ESCALE_STORE_ERROR_NOT_FOUND,
                  "There is no partner number 999");
  assert_refused (fixture, ESCALE_FEED_SCOPE_SERIES, 7, NULL, ESCALE_STORE_ERROR_NOT_FOUND,
                  "There is no series number 7");
  assert_refused (fixture, ESCALE_FEED_SCOPE_EVENT, session_id + 1, "../seance.ics", ESCALE_STORE_ERROR_CONSTRAINT,
                  "File name: write a name without a folder");
  exec_sql (fixture, "INSERT INTO organization (name, kind, created_at, updated_at) "
                     "VALUES ('Cégep de Rimouski', 'education', 0, 0)");
  assert_refused (fixture, ESCALE_FEED_SCOPE_PARTNER, 1, "escale.ics", ESCALE_STORE_ERROR_CONSTRAINT,
                  "File name: another feed already writes “escale.ics”");
  listed = describe_feeds (fixture);
  g_assert_cmpstr (listed, ==,
                   "escale.ics: Upcoming events\n"
                   "participant-1.ics: Calendar of Amina Benali\n"
                   "seance.ics: Event “Séance d’information”");

  g_assert_true (escale_calendar_feed_remove (fixture->database, "seance.ics", &error));
  g_assert_no_error (error);
  g_assert_false (escale_calendar_feed_remove (fixture->database, "seance.ics", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No feed writes “seance.ics”");

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM calendar_feed"), ==, 2);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'calendar_feed'"), ==, 4);

  calendars_close (&calendars);
}

static void
test_file_names (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *message;
  } refused[] = {
    { "", "File name: give the name of the feed’s file" },
    { "dossier\\seance.ics", "File name: write a name without a folder" },
    { ".seance.ics", "File name: a name starting with a dot would be hidden" },
    { "seance.txt", "File name: end the name with .ics" },
    { ".ics", "File name: a name starting with a dot would be hidden" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (fixture, ESCALE_FEED_SCOPE_UPCOMING, 0, refused[i].name, ESCALE_STORE_ERROR_CONSTRAINT,
                    refused[i].message);

  {
    g_autofree char *long_name = g_strnfill (98, 'a');
    g_autofree char *too_long = g_strconcat (long_name, ".ics", NULL);

    assert_refused (fixture, ESCALE_FEED_SCOPE_UPCOMING, 0, too_long, ESCALE_STORE_ERROR_CONSTRAINT,
                    "File name: write at most 100 characters");
  }

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM calendar_feed"), ==, 0);
}

static icalcomponent *
parse_file (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_null (strstr (text, "ATTENDEE"));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static char *
summaries (icalcomponent *calendar)
{
  GString *text = g_string_new (NULL);

  for (icalcomponent *entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", icalcomponent_get_summary (entry));

  return g_string_free (text, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the folder, hidden ones included, sorted. */
static char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static GPtrArray *
write_ok (Calendars *calendars)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = escale_ical_feeds_write (calendars->events, calendars->series, calendars->registrations,
                                     calendars->feeds, NOW, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static void
test_write_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  Calendars calendars = { 0, };
  g_autoptr(EscaleParticipant) participant = new_participant ("Amina", "Benali", END_OF_FIELDS);
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Conseillère");
  EscaleRegisterOptions options = { .seats = 1 };
  g_autoptr(EscaleCalendarFeed) upcoming = NULL;
  g_autoptr(EscaleCalendarFeed) person = NULL;
  g_autoptr(EscaleCalendarFeed) session = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *titles = NULL;
  gint64 participant_id, soon, later;

  calendars_open (&calendars, fixture);
  escale_participant_add_consent (participant, consent);
  participant_id = save_ok (fixture, participant);
  soon = save_session (&calendars, "Séance d’information, Laval", NOW + 86400);
  later = save_session (&calendars, "Présentation virtuelle", NOW + 40 * 86400);
  save_session (&calendars, "Séance de l’an dernier", NOW - 365 * 86400);
  registration = escale_registration_repository_register (calendars.registrations, soon, participant_id, &options, &error);
  g_assert_no_error (error);

  upcoming = add_ok (fixture, ESCALE_FEED_SCOPE_UPCOMING, 0, NULL);
  person = add_ok (fixture, ESCALE_FEED_SCOPE_PARTICIPANT, participant_id, NULL);
  session = add_ok (fixture, ESCALE_FEED_SCOPE_EVENT, later, "presentation.ics");

  results = write_ok (&calendars);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    g_assert_null (((EscaleIcalFeedResult *) results->pdata[i])->problem);

  /* Whole files only: no temporary file is left behind. */
  listing = folder_listing (calendars.feeds);
  g_assert_cmpstr (listing, ==, "escale.ics participant-1.ics presentation.ics");

  /* Upcoming: from a month ago on, not last year's session. */
  calendar = parse_file (calendars.feeds, "escale.ics");
  titles = summaries (calendar);
  g_assert_cmpstr (titles, ==, "Séance d’information, Laval, Présentation virtuelle");
  g_clear_pointer (&calendar, icalcomponent_free);
  g_clear_pointer (&titles, g_free);

  /* The person's own calendar, with the session they hold a seat for. */
  calendar = parse_file (calendars.feeds, "participant-1.ics");
  titles = summaries (calendar);
  g_assert_cmpstr (titles, ==, "Séance d’information, Laval");
  g_clear_pointer (&calendar, icalcomponent_free);
  g_clear_pointer (&titles, g_free);

  /* Once the person is deleted, their published calendar is emptied, so
   * that subscribers' copies go at the next refresh. */
  exec_sql (fixture, "DELETE FROM registration; DELETE FROM participant");
  g_clear_pointer (&results, g_ptr_array_unref);
  results = write_ok (&calendars);
  g_assert_cmpstr (((EscaleIcalFeedResult *) results->pdata[1])->description, ==,
                   "Nothing: what it published was deleted");
  g_assert_null (((EscaleIcalFeedResult *) results->pdata[1])->problem);
  calendar = parse_file (calendars.feeds, "participant-1.ics");
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 0);

  calendars_close (&calendars);
}

static void
test_folder_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  Calendars calendars = { 0, };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  calendars_open (&calendars, fixture);
  missing = g_build_filename (calendars.feeds, "absent", NULL);
  results = escale_ical_feeds_write (calendars.events, calendars.series, calendars.registrations, missing, NOW,
                                     NULL, &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));

  calendars_close (&calendars);
}

/* A calendar that fails half-way leaves the file as it was. */
static void
test_replaced_whole (Fixture       *fixture,
                     gconstpointer  data)
{
  Calendars calendars = { 0, };
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  EscaleIcalSources sources;
  EscaleIcalSelection selection = { ESCALE_ICAL_SCOPE_EVENT, 0, };

  calendars_open (&calendars, fixture);
  export = escale_ical_export_new (calendars.events);
  sources = (EscaleIcalSources) { export, calendars.series, calendars.registrations };
  path = g_build_filename (calendars.feeds, "seance.ics", NULL);

  selection.id = save_session (&calendars, "Séance d’information", NOW + 86400);
  g_assert_true (escale_ical_selection_write_file (&selection, &sources, path, NULL, &error));
  g_assert_no_error (error);

  selection.id = 404;
  g_assert_false (escale_ical_selection_write_file (&selection, &sources, path, NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "SUMMARY:Séance d’information\r\n"));
  listing = folder_listing (calendars.feeds);
  g_assert_cmpstr (listing, ==, "seance.ics");

  calendars_close (&calendars);
}

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GPtrArray **results = user_data;
  g_autoptr(GError) error = NULL;

  *results = escale_ical_feeds_write_finish (result, &error);
  g_assert_no_error (error);
}

/* The application writes feeds in a worker thread, on a connection of its
 * own, while the window goes on. */
static void
test_write_async (Fixture       *fixture,
                  gconstpointer  data)
{
  Calendars calendars = { 0, };
  g_autoptr(EscaleCalendarFeed) upcoming = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *titles = NULL;

  calendars_open (&calendars, fixture);
  save_session (&calendars, "Séance d’information, Longueuil", g_get_real_time () / G_USEC_PER_SEC + 86400);
  upcoming = add_ok (fixture, ESCALE_FEED_SCOPE_UPCOMING, 0, NULL);

  escale_ical_feeds_write_async (fixture->path, calendars.feeds, NULL, written, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (results->len, ==, 1);
  calendar = parse_file (calendars.feeds, "escale.ics");
  titles = summaries (calendar);
  g_assert_cmpstr (titles, ==, "Séance d’information, Longueuil");

  calendars_close (&calendars);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/ical-feed/add-list-remove", test_add_list_remove);
  ADD ("/ical-feed/file-names", test_file_names);
  ADD ("/ical-feed/write-folder", test_write_folder);
  ADD ("/ical-feed/folder-missing", test_folder_missing);
  ADD ("/ical-feed/replaced-whole", test_replaced_whole);
  ADD ("/ical-feed/write-async", test_write_async);

  return g_test_run ();
}
