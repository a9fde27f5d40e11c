/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-event-repository.h"
#include "escale-event-series-repository.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"

#include "cli-test-run.h"

/* escale-cli ics export, read back by an independent parser: Debian's
 * python3-icalendar, through tests/cli/check-ics.py, sees the UIDs and
 * SEQUENCEs of the database, each zone under its IANA name, the right UTC
 * instants on both sides of a change to daylight-saving time, and titles
 * with accents, commas and semicolons intact. Then the mistakes. */

#define TITLE "Séance d’information, Montréal; « S’établir en région » — été, automne; C:\\dossiers 🍁"

/* What the database of a test holds. */
typedef struct
{
  gint64 session;        /* Montréal, the Sunday DST starts in 2027 */
  gint64 halifax;        /* a fair in Halifax's own zone, the next day */
  gint64 visit;          /* a day in Mauricie, two stops */
  char  *uids[4];        /* session, halifax, visit, each stop … */
  char  *stop_uids[2];
} Setting;

static void
setting_clear (Setting *setting)
{
  for (guint i = 0; i < G_N_ELEMENTS (setting->uids); i++)
    g_clear_pointer (&setting->uids[i], g_free);
  for (guint i = 0; i < G_N_ELEMENTS (setting->stop_uids); i++)
    g_clear_pointer (&setting->stop_uids[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Setting, setting_clear)

static gint64
local_time (const char *zone,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) time = g_date_time_new (tz, 2027, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gint64
utc_time (int month,
          int day,
          int hour,
          int minute)
{
  return local_time ("UTC", month, day, hour, minute);
}

static EscaleEvent *
save_event (EscaleEventRepository *events,
            EscaleEventKind        kind,
            const char            *title,
            const char            *zone,
            gint64                 starts_at,
            gint64                 ends_at,
            GPtrArray             *stops)
{
  g_autoptr(EscaleEvent) event = escale_event_new (kind);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "tzid", zone);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (event, starts_at, ends_at);
  escale_event_set_capacity (event, 30);
  for (guint i = 0; stops != NULL && i < stops->len; i++)
    escale_event_add_stop (event, stops->pdata[i]);
  escale_event_repository_save (events, event, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

static void
build_database (Fixture *fixture,
                Setting *setting)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleEvent) session = NULL;
  g_autoptr(EscaleEvent) halifax = NULL;
  g_autoptr(EscaleEvent) visit = NULL;
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);

  session = save_event (events, ESCALE_EVENT_KIND_INFORMATION_SESSION, TITLE, "America/Toronto",
                        local_time ("America/Toronto", 3, 14, 13, 0), local_time ("America/Toronto", 3, 14, 15, 0), NULL);
  halifax = save_event (events, ESCALE_EVENT_KIND_FAIR, "Salon de l’emploi, Halifax", "America/Halifax",
                        local_time ("America/Halifax", 3, 15, 10, 0), local_time ("America/Halifax", 3, 15, 16, 0), NULL);
  g_ptr_array_add (stops, escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Départ de Montréal",
                                                     local_time ("America/Toronto", 3, 20, 7, 0),
                                                     local_time ("America/Toronto", 3, 20, 7, 30)));
  g_ptr_array_add (stops, escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite d’usine, Trois-Rivières",
                                                     local_time ("America/Toronto", 3, 20, 10, 0),
                                                     local_time ("America/Toronto", 3, 20, 12, 0)));
  visit = save_event (events, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite en Mauricie", "America/Toronto",
                      local_time ("America/Toronto", 3, 20, 7, 0), local_time ("America/Toronto", 3, 20, 19, 0), stops);

  /* A new time: the store raises the SEQUENCE to 1. */
  escale_event_set_times (halifax, local_time ("America/Halifax", 3, 15, 11, 0), local_time ("America/Halifax", 3, 15, 17, 0));
  escale_event_repository_save (events, halifax, &error);
  g_assert_no_error (error);

  setting->session = escale_event_get_id (session);
  setting->halifax = escale_event_get_id (halifax);
  setting->visit = escale_event_get_id (visit);
  setting->uids[0] = g_strdup (escale_event_get_ical_uid (session));
  setting->uids[1] = g_strdup (escale_event_get_ical_uid (halifax));
  setting->uids[2] = g_strdup (escale_event_get_ical_uid (visit));

  loaded = escale_event_repository_load (events, setting->visit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (escale_event_get_stops (loaded), i);

      setting->stop_uids[i] = g_strdup (escale_itinerary_stop_get_ical_uid (stop));
    }
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static JsonObject *
entry_with_uid (JsonObject *calendar,
                const char *uid)
{
  JsonArray *entries = array_member (calendar, "entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = item (entries, i);

      if (g_str_equal (string_member (entry, "uid"), uid))
        return entry;
    }

  g_error ("no entry with UID %s", uid);
}

static char *
zones_of (JsonObject *calendar)
{
  JsonArray *zones = array_member (calendar, "zones");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (zones); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", json_array_get_string_element (zones, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_event (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Setting) setting = { 0, };
  g_auto(Run) run = { 0, };
  g_autofree char *id = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "séance.ics", NULL);
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *zones = NULL;
  JsonObject *entry;

  build_database (fixture, &setting);
  id = id_text (setting.session);

  /* To standard output by default … */
  RUN (&run, "--db", fixture->db, "ics", "export", "--event", id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (run.out, "DTSTART;TZID=America/Toronto:20270314T130000\r\n"));
  write_file (path, run.out, -1);

  calendar = check_ics (path);
  g_assert_cmpstr (string_member (calendar, "method"), ==, "PUBLISH");
  zones = zones_of (calendar);
  g_assert_cmpstr (zones, ==, "America/Toronto");
  g_assert_cmpuint (json_array_get_length (array_member (calendar, "entries")), ==, 1);
  entry = entry_with_uid (calendar, setting.uids[0]);
  g_assert_cmpstr (string_member (entry, "summary"), ==, TITLE);
  g_assert_cmpstr (string_member (entry, "tzid"), ==, "America/Toronto");
  g_assert_cmpstr (string_member (entry, "status"), ==, "CONFIRMED");
  g_assert_cmpint (int_member (entry, "sequence"), ==, 0);
  /* 13:00 on the day DST starts is 17:00 UTC, not 18:00. */
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 14, 17, 0));
  g_assert_cmpint (int_member (entry, "end"), ==, utc_time (3, 14, 19, 0));
}

static void
test_visit_to_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Setting) setting = { 0, };
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_autofree char *id = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "visite.ics", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  JsonObject *entry;

  build_database (fixture, &setting);
  id = id_text (setting.visit);

  RUN (&run, "--db", fixture->db, "ics", "export", "--visit", id, "-o", path, "--method", "request");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  assert_folder_holds (fixture->folder, "escale.db visite.ics");

  calendar = check_ics (path);
  g_assert_cmpstr (string_member (calendar, "method"), ==, "REQUEST");
  g_assert_cmpuint (json_array_get_length (array_member (calendar, "entries")), ==, 3);
  entry = entry_with_uid (calendar, setting.uids[2]);
  g_assert_cmpstr (string_member (entry, "summary"), ==, "Visite en Mauricie");
  entry = entry_with_uid (calendar, setting.stop_uids[1]);
  g_assert_cmpstr (string_member (entry, "summary"), ==, "Visite d’usine, Trois-Rivières");
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 20, 14, 0));

  /* The same identities on every export: the file is replaced, not added to. */
  first = read_file (path, NULL);
  RUN (&again, "--db", fixture->db, "ics", "export", "--visit", id, "--output", path, "--method", "request");
  g_assert_cmpint (again.status, ==, 0);
  second = read_file (path, NULL);
  g_assert_nonnull (strstr (second, setting.stop_uids[0]));
  g_assert_cmpuint (strlen (first), ==, strlen (second));
  assert_folder_holds (fixture->folder, "escale.db visite.ics");
}

static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Setting) setting = { 0, };
  g_auto(Run) run = { 0, };
  g_auto(Run) cancel = { 0, };
  g_auto(Run) refused = { 0, };
  g_autofree char *before = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "mars.ics", NULL);
  g_autoptr(JsonObject) calendar = NULL;
  g_autoptr(JsonObject) cancelled = NULL;
  g_autofree char *zones = NULL;
  JsonObject *entry;

  build_database (fixture, &setting);

  /* The 14th and 15th only: the session and the fair, not the visit. */
  RUN (&run, "--db", fixture->db, "ics", "export", "--from", "2027-03-14", "--to", "2027-03-15", "-o", path);
  g_assert_cmpint (run.status, ==, 0);
  calendar = check_ics (path);
  g_assert_cmpuint (json_array_get_length (array_member (calendar, "entries")), ==, 2);
  zones = zones_of (calendar);
  g_assert_cmpstr (zones, ==, "America/Halifax America/Toronto");
  entry = entry_with_uid (calendar, setting.uids[1]);
  g_assert_cmpstr (string_member (entry, "tzid"), ==, "America/Halifax");
  g_assert_cmpstr (string_member (entry, "summary"), ==, "Salon de l’emploi, Halifax");
  g_assert_cmpint (int_member (entry, "sequence"), ==, 1);
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 15, 14, 0));
  entry = entry_with_uid (calendar, setting.uids[0]);
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 14, 17, 0));

  /* A CANCEL of an event still active would carry the SEQUENCE of the
   * last REQUEST, which calendars ignore: refused, the file kept. */
  RUN (&refused, "--db", fixture->db, "ics", "export", "--from", "2027-03-14", "--to", "2027-03-14",
       "--method", "CANCEL", "-o", path);
  assert_data_error (&refused, "not cancelled");
  before = read_file (path, NULL);
  g_assert_nonnull (strstr (before, "METHOD:PUBLISH"));

  {
    g_autoptr(EscaleDatabase) database = escale_database_open (fixture->db, NULL);
    g_autoptr(EscaleEventRepository) events = escale_event_repository_new (database);
    g_autoptr(EscaleEvent) session = escale_event_repository_load (events, setting.session, NULL);

    g_assert_true (escale_event_repository_cancel (events, session, NULL));
  }

  RUN (&cancel, "--db", fixture->db, "ics", "export", "--from", "2027-03-14", "--to", "2027-03-14",
       "--method", "CANCEL", "-o", path);
  g_assert_cmpint (cancel.status, ==, 0);
  cancelled = check_ics (path);
  g_assert_cmpstr (string_member (cancelled, "method"), ==, "CANCEL");
  g_assert_cmpuint (json_array_get_length (array_member (cancelled, "entries")), ==, 1);
  entry = entry_with_uid (cancelled, setting.uids[0]);
  g_assert_cmpstr (string_member (entry, "status"), ==, "CANCELLED");
  g_assert_cmpint (int_member (entry, "sequence"), ==, 1);
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Setting) setting = { 0, };
  g_autofree char *session = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "kept.ics", NULL);
  g_autofree char *kept = NULL;

  build_database (fixture, &setting);
  session = id_text (setting.session);
  write_file (path, "ancien contenu", -1);

  {
    g_auto(Run) nothing = { 0, };
    g_auto(Run) two = { 0, };
    g_auto(Run) half_range = { 0, };
    g_auto(Run) bad_date = { 0, };
    g_auto(Run) reversed = { 0, };
    g_auto(Run) bad_method = { 0, };
    g_auto(Run) bad_id = { 0, };
    g_auto(Run) extra = { 0, };

    RUN (&nothing, "--db", fixture->db, "ics", "export");
    assert_usage_error (&nothing, "--event ID, --visit ID, --series ID, --participant ID, --partner ID or --from DATE --to DATE");
    RUN (&two, "--db", fixture->db, "ics", "export", "--event", session, "--visit", session);
    assert_usage_error (&two, "one thing at a time");
    RUN (&half_range, "--db", fixture->db, "ics", "export", "--from", "2027-03-01");
    assert_usage_error (&half_range, "--from: give --to DATE too");
    RUN (&bad_date, "--db", fixture->db, "ics", "export", "--from", "2027-03-01", "--to", "31/03/2027");
    assert_usage_error (&bad_date, "--to: write the date as YYYY-MM-DD");
    RUN (&reversed, "--db", fixture->db, "ics", "export", "--from", "2027-03-31", "--to", "2027-03-01");
    assert_usage_error (&reversed, "--to: the last day comes before --from");
    RUN (&bad_method, "--db", fixture->db, "ics", "export", "--event", session, "--method", "invite");
    assert_usage_error (&bad_method, "--method: “invite” is not a method");
    RUN (&bad_id, "--db", fixture->db, "ics", "export", "--event", "abc");
    assert_usage_error (&bad_id, "--event: “abc” is not an ID");
    RUN (&extra, "--db", fixture->db, "ics", "export", "--event", session, "more");
    assert_usage_error (&extra, "Unexpected argument “more”");
  }
  {
    g_auto(Run) unknown = { 0, };
    g_auto(Run) not_a_visit = { 0, };
    g_auto(Run) help = { 0, };

    /* A data problem leaves the file it would have replaced alone. */
    RUN (&unknown, "--db", fixture->db, "ics", "export", "--event", "999", "-o", path);
    assert_data_error (&unknown, "There is no event number 999");
    RUN (&not_a_visit, "--db", fixture->db, "ics", "export", "--visit", session, "-o", path);
    assert_data_error (&not_a_visit, "is not an exploratory visit");
    kept = read_file (path, NULL);
    g_assert_cmpstr (kept, ==, "ancien contenu");
    assert_folder_holds (fixture->folder, "escale.db kept.ics");

    RUN (&help, "ics", "export", "--help");
    g_assert_cmpint (help.status, ==, 0);
    g_assert_nonnull (strstr (help.out, "--attendees"));
    g_assert_nonnull (strstr (help.out, "--method=METHOD"));
  }
}

static gint64
save_participant (EscaleParticipantRepository *participants,
                  const char                  *given,
                  const char                  *family)
{
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Geneviève");
  g_autoptr(GError) error = NULL;

  g_object_set (participant, "given-name", given, "family-name", family, NULL);
  escale_participant_add_consent (participant, consent);
  g_assert_true (escale_participant_repository_save (participants, participant, &error));
  g_assert_no_error (error);
  return escale_participant_get_id (participant);
}

/* `events register` or `events cancel-registration`, which must succeed. */
static void
registration_ok (const char *db,
                 const char *command,
                 gint64      event,
                 gint64      participant)
{
  g_auto(Run) run = { 0, };
  g_autofree char *event_text = id_text (event);
  g_autofree char *participant_text = id_text (participant);

  RUN (&run, "--db", db, "events", command, event_text, participant_text);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_participant (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Setting) setting = { 0, };
  g_auto(Run) run = { 0, };
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleEvent) full = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "amélie.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *zones = NULL;
  gint64 amelie, omar;
  JsonObject *entry;

  build_database (fixture, &setting);
  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);
  amelie = save_participant (participants, "Amélie", "Nguyen");
  omar = save_participant (participants, "Omar", "Diallo");
  full = save_event (events, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance complète", "America/Toronto",
                     local_time ("America/Toronto", 4, 10, 19, 0), local_time ("America/Toronto", 4, 10, 20, 0), NULL);
  escale_event_set_capacity (full, 1);
  escale_event_repository_save (events, full, &error);
  g_assert_no_error (error);
  g_clear_object (&events);
  g_clear_object (&participants);
  g_clear_object (&database);

  registration_ok (fixture->db, "register", escale_event_get_id (full), omar);
  registration_ok (fixture->db, "register", escale_event_get_id (full), amelie);
  registration_ok (fixture->db, "register", setting.session, amelie);
  registration_ok (fixture->db, "register", setting.visit, amelie);
  registration_ok (fixture->db, "register", setting.halifax, amelie);
  registration_ok (fixture->db, "cancel-registration", setting.halifax, amelie);

  id = id_text (amelie);
  RUN (&run, "--db", fixture->db, "ics", "export", "--participant", id, "-o", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  text = read_file (path, NULL);
  g_assert_null (strstr (text, "Diallo"));

  /* The session, the full one, the visit and its two stops, and the fair
   * she withdrew from, which her calendar must take off. */
  calendar = check_ics (path);
  g_assert_cmpstr (string_member (calendar, "method"), ==, "PUBLISH");
  g_assert_cmpuint (json_array_get_length (array_member (calendar, "entries")), ==, 6);
  zones = zones_of (calendar);
  g_assert_cmpstr (zones, ==, "America/Halifax America/Toronto");
  g_assert_cmpstr (string_member (entry_with_uid (calendar, setting.uids[1]), "status"), ==, "CANCELLED");
  entry = entry_with_uid (calendar, setting.uids[0]);
  g_assert_cmpstr (string_member (entry, "status"), ==, "CONFIRMED");
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 14, 17, 0));
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (full));
  g_assert_cmpstr (string_member (entry, "status"), ==, "TENTATIVE");
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (4, 10, 23, 0));
  g_assert_cmpstr (string_member (entry_with_uid (calendar, setting.uids[2]), "status"), ==, "CONFIRMED");
  entry = entry_with_uid (calendar, setting.stop_uids[1]);
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 20, 14, 0));

  {
    g_auto(Run) unknown = { 0, };
    g_auto(Run) bad_id = { 0, };
    g_auto(Run) attendees = { 0, };
    g_auto(Run) two = { 0, };
    g_auto(Run) help = { 0, };
    g_autofree char *kept = NULL;

    RUN (&unknown, "--db", fixture->db, "ics", "export", "--participant", "999", "-o", path);
    assert_data_error (&unknown, "There is no participant number 999");
    kept = read_file (path, NULL);
    g_assert_cmpstr (kept, ==, text);
    RUN (&bad_id, "--db", fixture->db, "ics", "export", "--participant", "Amélie");
    assert_usage_error (&bad_id, "--participant: “Amélie” is not an ID");
    RUN (&attendees, "--db", fixture->db, "ics", "export", "--participant", id, "--attendees");
    assert_usage_error (&attendees, "--attendees: a participant’s calendar never lists");
    RUN (&two, "--db", fixture->db, "ics", "export", "--participant", id, "--event", id);
    assert_usage_error (&two, "one thing at a time");
    RUN (&help, "ics", "export", "--help");
    g_assert_nonnull (strstr (help.out, "--participant=ID"));
  }
}

static void
test_partner (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Setting) setting = { 0, };
  g_auto(Run) run = { 0, };
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscalePartnerRepository) partners = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscalePartner) foundry = NULL;
  g_autoptr(EscaleEvent) visit = NULL;
  g_autoptr(EscaleEvent) hosted = NULL;
  g_autoptr(EscaleItineraryStop) stop = NULL;
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "fonderie.ics", NULL);
  gint64 foundry_id;
  JsonObject *entry;

  build_database (fixture, &setting);
  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  regions = escale_region_repository_new (database, &error);
  g_assert_no_error (error);
  partners = escale_partner_repository_new (database, regions, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);
  foundry = g_object_new (ESCALE_TYPE_PARTNER, "name", "Fonderie Horne", "kind", ESCALE_PARTNER_KIND_EMPLOYER,
                          "region-code", "08", "city", "Rouyn-Noranda", NULL);
  g_assert_true (escale_partner_repository_save (partners, foundry, &error));
  g_assert_no_error (error);
  foundry_id = escale_partner_get_id (foundry);

  g_ptr_array_add (stops, escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Départ de Montréal",
                                                     local_time ("America/Toronto", 3, 14, 6, 0),
                                                     local_time ("America/Toronto", 3, 14, 6, 30)));
  stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de la fonderie",
                                    local_time ("America/Toronto", 3, 14, 13, 0), local_time ("America/Toronto", 3, 14, 15, 0));
  escale_itinerary_stop_set_organization_id (stop, foundry_id);
  g_ptr_array_add (stops, g_object_ref (stop));
  visit = save_event (events, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite en Abitibi", "America/Toronto",
                      local_time ("America/Toronto", 3, 14, 6, 0), local_time ("America/Toronto", 3, 14, 22, 0), stops);
  hosted = save_event (events, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance à la fonderie", "America/Toronto",
                       local_time ("America/Toronto", 4, 10, 19, 0), local_time ("America/Toronto", 4, 10, 20, 0), NULL);
  escale_event_set_partner_ids (hosted, &foundry_id, 1);
  escale_event_repository_save (events, hosted, &error);
  g_assert_no_error (error);
  g_clear_object (&events);
  g_clear_object (&partners);
  g_clear_object (&regions);
  g_clear_object (&database);

  id = id_text (foundry_id);
  RUN (&run, "--db", fixture->db, "ics", "export", "--partner", id, "-o", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* The visit as a whole, its stop at the foundry (not the departure),
   * the session the foundry hosts; nothing else. */
  calendar = check_ics (path);
  g_assert_cmpuint (json_array_get_length (array_member (calendar, "entries")), ==, 3);
  g_assert_cmpstr (string_member (entry_with_uid (calendar, escale_event_get_ical_uid (visit)), "summary"), ==,
                   "Visite en Abitibi");
  g_assert_cmpstr (string_member (entry_with_uid (calendar, escale_event_get_ical_uid (hosted)), "status"), ==,
                   "CONFIRMED");
  entry = entry_with_uid (calendar, string_member (item (array_member (calendar, "entries"), 1), "uid"));
  g_assert_cmpstr (string_member (entry, "summary"), ==, "Visite de la fonderie");
  /* 13:00 on the day DST starts is 17:00 UTC. */
  g_assert_cmpint (int_member (entry, "start"), ==, utc_time (3, 14, 17, 0));

  {
    g_auto(Run) unknown = { 0, };
    g_auto(Run) bad_id = { 0, };
    g_auto(Run) attendees = { 0, };
    g_auto(Run) help = { 0, };

    RUN (&unknown, "--db", fixture->db, "ics", "export", "--partner", "999");
    assert_data_error (&unknown, "--partner: no partner has the ID 999");
    RUN (&bad_id, "--db", fixture->db, "ics", "export", "--partner", "Horne");
    assert_usage_error (&bad_id, "--partner: “Horne” is not an ID");
    RUN (&attendees, "--db", fixture->db, "ics", "export", "--partner", id, "--attendees");
    assert_usage_error (&attendees, "--attendees: a partner’s calendar never lists participants");
    RUN (&help, "ics", "export", "--help");
    g_assert_nonnull (strstr (help.out, "--partner=ID"));
  }
}

static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) exclude = { 0, };
  g_auto(Run) run = { 0, };
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleEventSeriesRepository) repository = NULL;
  g_autoptr(EscaleEvent) model = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2027-03-25");
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *id = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "série.ics", NULL);
  JsonArray *entries;
  JsonObject *master, *cancelled;

  /* Thursdays, 13:30 in Montréal, from 4 to 25 March 2027 (DST on the 14th). */
  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);
  repository = escale_event_series_repository_new (events);
  escale_event_set_text (model, "title", TITLE);
  escale_event_set_text (model, "tzid", "America/Toronto");
  escale_event_set_times (model, local_time ("America/Toronto", 3, 4, 13, 30), local_time ("America/Toronto", 3, 4, 15, 0));
  escale_event_set_capacity (model, 30);
  escale_event_set_status (model, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_true (escale_event_series_repository_create (repository, series, model, &error));
  g_assert_no_error (error);
  occurrences = escale_event_series_repository_list_occurrences (repository, escale_event_series_get_id (series), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 4);
  uid = g_strdup (escale_event_series_get_ical_uid (series));
  g_assert_true (escale_event_repository_cancel (events, occurrences->pdata[3], &error));
  g_assert_no_error (error);
  g_clear_object (&repository);
  g_clear_object (&events);
  g_clear_object (&database);

  id = id_text (escale_event_series_get_id (series));
  RUN (&exclude, "--db", fixture->db, "events", "series-exclude", id, "2027-03-11");
  g_assert_cmpint (exclude.status, ==, 0);

  RUN (&run, "--db", fixture->db, "ics", "export", "--series", id, "-o", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* One repeating entry and the cancelled session's override. */
  calendar = check_ics (path);
  entries = array_member (calendar, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  master = item (entries, 0);
  g_assert_cmpstr (string_member (master, "uid"), ==, uid);
  g_assert_cmpstr (string_member (master, "summary"), ==, TITLE);
  g_assert_cmpstr (string_member (master, "tzid"), ==, "America/Toronto");
  g_assert_cmpint (int_member (master, "start"), ==, utc_time (3, 4, 18, 30));
  g_assert_cmpint (int_member (master, "end"), ==, utc_time (3, 4, 20, 0));
  g_assert_nonnull (strstr (string_member (master, "rrule"), "FREQ=WEEKLY"));
  g_assert_nonnull (strstr (string_member (master, "rrule"), "UNTIL=20270326T035959Z"));
  g_assert_cmpuint (json_array_get_length (array_member (master, "exdates")), ==, 1);
  g_assert_cmpint (json_array_get_int_element (array_member (master, "exdates"), 0), ==, utc_time (3, 11, 18, 30));
  cancelled = item (entries, 1);
  g_assert_cmpstr (string_member (cancelled, "uid"), ==, uid);
  g_assert_cmpstr (string_member (cancelled, "status"), ==, "CANCELLED");
  /* After the change of time: 13:30 is 17:30 UTC. */
  g_assert_cmpint (int_member (cancelled, "recurrence_id"), ==, utc_time (3, 25, 17, 30));
  g_assert_cmpint (int_member (cancelled, "start"), ==, utc_time (3, 25, 17, 30));

  {
    g_auto(Run) unknown = { 0, };
    g_auto(Run) bad_id = { 0, };
    g_auto(Run) attendees = { 0, };
    g_auto(Run) help = { 0, };

    RUN (&unknown, "--db", fixture->db, "ics", "export", "--series", "999");
    assert_data_error (&unknown, "There is no series number 999");
    RUN (&bad_id, "--db", fixture->db, "ics", "export", "--series", "jeudis");
    assert_usage_error (&bad_id, "--series: “jeudis” is not an ID");
    RUN (&attendees, "--db", fixture->db, "ics", "export", "--series", id, "--attendees");
    assert_usage_error (&attendees, "--attendees: people register for one session");
    RUN (&help, "ics", "export", "--help");
    g_assert_nonnull (strstr (help.out, "--series=ID"));
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/ics/event", Fixture, NULL, fixture_set_up, test_event, fixture_tear_down);
  g_test_add ("/cli/ics/visit-to-file", Fixture, NULL, fixture_set_up, test_visit_to_file, fixture_tear_down);
  g_test_add ("/cli/ics/range", Fixture, NULL, fixture_set_up, test_range, fixture_tear_down);
  g_test_add ("/cli/ics/participant", Fixture, NULL, fixture_set_up, test_participant, fixture_tear_down);
  g_test_add ("/cli/ics/partner", Fixture, NULL, fixture_set_up, test_partner, fixture_tear_down);
  g_test_add ("/cli/ics/series", Fixture, NULL, fixture_set_up, test_series, fixture_tear_down);
  g_test_add ("/cli/ics/mistakes", Fixture, NULL, fixture_set_up, test_mistakes, fixture_tear_down);

  return cli_test_run ();
}
