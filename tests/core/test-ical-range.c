/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libical/ical.h>

#include "escale-demo.h"
#include "escale-event-range.h"
#include "escale-event-repository.h"
#include "escale-ical-export.h"
#include "escale-ical-file.h"
#include "escale-ical-private.h"
#include "escale-registration-repository.h"
#include "ical-test-calendar.h"
#include "participant-fixture.h"

/* A range exported from a cursor (visits with their stops, zones first,
 * the same entries as the other exports), the same off the main thread
 * into a file that a cancellation never leaves half-written, ORGANIZER
 * chosen in its documented order, and SEQUENCE rules a calendar client
 * relies on: a CANCEL only for a cancelled event, and a participant's
 * copy that grows when their place changes. */

#define TORONTO "America/Toronto"
#define HALIFAX "America/Halifax"
#define STAMP 1800000000
#define TITLE_PADDING "éàèùâêîôûçëïü ÉÀÈÙÂÊÎÔÛÇ, œuvre; « Abitibi-Témiscamingue » et encore des mots à plier"


static const char *
organizer_of (icalcomponent *entry)
{
  icalproperty *organizer = icalcomponent_get_first_property (entry, ICAL_ORGANIZER_PROPERTY);

  return organizer != NULL ? icalproperty_get_organizer (organizer) : NULL;
}

/* From the first BEGIN:VEVENT to the end, without the DTSTAMP lines. */
static char *
entries_of (const char *text)
{
  const char *first = strstr (text, "BEGIN:VEVENT");
  const char *end = strstr (text, "END:VCALENDAR");

  g_assert_nonnull (first);
  return g_strndup (first, end - first);
}

/* The independent parser: Debian's python3-icalendar, through the CLI
 * tests' checker, which prints what it read as JSON. */
static JsonObject *
check_with_python (const char *path)
{
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "cli", "check-ics.py", NULL);
  const char *argv[] = { "/usr/bin/python3", checker, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
write_file_ok (const char *path,
               const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
test_range_with_stops (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(EscaleEvent) session = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance, Gatineau; « été »", TORONTO,
                                              "2027-03-13 13:00", "2027-03-13 15:00");
  g_autoptr(EscaleEvent) visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite aux Îles-de-la-Madeleine",
                                            HALIFAX, "2027-03-14 07:00", "2027-03-15 20:00");
  g_autoptr(EscaleEvent) later = new_event (ESCALE_EVENT_KIND_FAIR, "Salon, plus tard", TORONTO,
                                            "2027-06-01 10:00", "2027-06-01 16:00");
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(JsonObject) checked = NULL;
  g_autofree char *text = NULL;
  g_autofree char *visit_text = NULL;
  g_autofree char *range_entries = NULL;
  g_autofree char *visit_entries = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "range.ics", NULL);
  GListModel *stops;
  JsonArray *entries;
  guint n_related = 0;

  add_stop (visit, ESCALE_STOP_KIND_DEPARTURE, "Départ, Cap-aux-Meules",
            at ("2027-03-14 07:00", HALIFAX), at ("2027-03-14 07:30", HALIFAX));
  add_stop (visit, ESCALE_STOP_KIND_COMPANY_VISIT, "Visite d’une fumerie",
            at ("2027-03-14 10:00", HALIFAX), at ("2027-03-14 12:00", HALIFAX));
  /* A stop the day after daylight-saving time starts. */
  add_stop (visit, ESCALE_STOP_KIND_RETURN, "Retour",
            at ("2027-03-15 18:00", HALIFAX), at ("2027-03-15 20:00", HALIFAX));
  save_event_ok (events, session);
  save_event_ok (events, visit);
  save_event_ok (events, later);
  loaded = escale_event_repository_load (events, escale_event_get_id (visit), NULL);
  stops = escale_event_get_stops (loaded);
  escale_ical_export_set_stamp (export, STAMP);

  text = export_range_ok (export, at ("2027-03-01 00:00", TORONTO), at ("2027-03-31 23:59", TORONTO));
  calendar = parse (text);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2 + 3);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 2);
  g_assert_null (strstr (text, "Salon, plus tard"));
  /* Every VTIMEZONE before the first entry. */
  g_assert_true (g_strrstr (text, "END:VTIMEZONE") < strstr (text, "BEGIN:VEVENT"));

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      icalcomponent *entry = entry_with_uid (calendar, escale_itinerary_stop_get_ical_uid (stop));
      icalproperty *related = icalcomponent_get_first_property (entry, ICAL_RELATEDTO_PROPERTY);

      g_assert_cmpstr (icalproperty_get_relatedto (related), ==, escale_event_get_ical_uid (visit));
      n_related++;
    }
  g_assert_cmpuint (n_related, ==, 3);

  /* The visit and its stops as the visit's own export writes them. */
  visit_text = export_ok (export, ESCALE_ICAL_SCOPE_VISIT, escale_event_get_id (visit));
  visit_entries = entries_of (visit_text);
  range_entries = entries_of (text);
  g_assert_nonnull (strstr (range_entries, visit_entries));

  /* The independent parser reads the same. */
  write_file_ok (path, text);
  checked = check_with_python (path);
  entries = json_object_get_array_member (checked, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (checked, "zones")), ==, 2);

  escale_ical_export_release_zones ();
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         n_reports;
  guint         last_done;
  guint         total;
  gboolean      cancel_on_report;
} AsyncRun;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, run->last_done);
  run->n_reports++;
  run->last_done = done;
  run->total = total;
  if (run->cancel_on_report)
    g_cancellable_cancel (run->cancellable);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static gboolean
export_async (EscaleIcalExport  *export,
              const char        *path,
              AsyncRun          *run,
              GError           **error)
{
  EscaleIcalSelection range = { ESCALE_ICAL_SCOPE_RANGE, 0, 0, G_MAXINT64 / 2 };
  gboolean written;

  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  escale_ical_export_write_file_async (export, &range, path, on_progress, run, NULL, run->cancellable,
                                       on_exported, run);
  g_main_loop_run (run->loop);
  written = escale_ical_export_write_file_finish (export, run->result, error);

  g_clear_object (&run->result);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  return written;
}

static char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "escale.db") && !g_str_has_prefix (name, "participants"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_range_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autofree char *folder = g_build_filename (fixture->folder, "out", NULL);
  g_autofree char *fresh = g_build_filename (folder, "nouveau.ics", NULL);
  g_autofree char *kept = g_build_filename (folder, "ancien.ics", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  EscaleDemoCounts counts = { 0, };
  AsyncRun run = { 0, };
  GDate today;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2027);
  g_assert_true (escale_demo_generate_extra_events (events, 7, 3000, &today, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.sessions + counts.fairs + counts.visits, ==, 3000);
  escale_ical_export_set_stamp (export, STAMP);

  /* Cancelled at its first progress report: no file, no temporary one. */
  run.cancel_on_report = TRUE;
  g_assert_false (export_async (export, fresh, &run, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (run.n_reports, >=, 1);
  g_assert_cmpuint (run.last_done, <, run.total);
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "");
  g_clear_pointer (&listing, g_free);

  /* Over a file that exists: it stays as it was. */
  write_file_ok (kept, "ancien contenu");
  run = (AsyncRun) { .cancel_on_report = TRUE };
  g_assert_false (export_async (export, kept, &run, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (kept, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "ancien contenu");
  g_clear_pointer (&written, g_free);
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "ancien.ics");
  g_clear_pointer (&listing, g_free);

  /* To the end: what the stream export writes, progress up to the total
   * (every event, and the six stops of each visit). */
  run = (AsyncRun) { 0, };
  g_assert_true (export_async (export, kept, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.total, ==, 3000 + 6 * counts.visits);
  g_assert_cmpuint (run.last_done, ==, run.total);
  g_assert_cmpuint (run.n_reports, <=, 1001);
  g_assert_true (g_file_get_contents (kept, &written, NULL, NULL));
  expected = export_range_ok (export, 0, G_MAXINT64 / 2);
  g_assert_cmpstr (written, ==, expected);
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "ancien.ics");

  escale_ical_export_release_zones ();
}

static gint64
save_partner (Fixture    *fixture,
              const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO organization (name, kind, created_at, updated_at) "
                                          "VALUES ('%s', 'employer', 1, 1)", name);
  g_autofree char *last = g_strdup_printf ("SELECT id FROM organization WHERE name = '%s'", name);

  exec_sql (fixture, sql);
  return sql_int (fixture, last);
}

static void
save_contact (Fixture    *fixture,
              gint64      partner,
              const char *name,
              const char *email)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO contact (organization_id, name, email, created_at, updated_at) "
                                          "VALUES (%lld, '%s', %s%s%s, 1, 1)", (long long) partner, name,
                                          email != NULL ? "'" : "", email != NULL ? email : "NULL",
                                          email != NULL ? "'" : "");

  exec_sql (fixture, sql);
}

static void
test_organizer (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(EscaleEvent) typed = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Adresse saisie", TORONTO,
                                            "2027-04-01 13:00", "2027-04-01 15:00");
  g_autoptr(EscaleEvent) hosted = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Chez le partenaire", TORONTO,
                                             "2027-04-02 13:00", "2027-04-02 15:00");
  g_autoptr(EscaleEvent) nobody = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Sans adresse", TORONTO,
                                             "2027-04-03 13:00", "2027-04-03 15:00");
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  gint64 partners[3];
  icalcomponent *entry;
  icalparameter *cn;

  /* The first partner has a contact without an address; the second one
   * two contacts with one, of whom the first is chosen. */
  partners[0] = save_partner (fixture, "Sans courriel");
  save_contact (fixture, partners[0], "Personne", NULL);
  partners[1] = save_partner (fixture, "Cégep de la Gaspésie");
  save_contact (fixture, partners[1], "Josée Bélanger", "josee@cegep.example");
  save_contact (fixture, partners[1], "Autre", "autre@cegep.example");
  partners[2] = save_partner (fixture, "Sans contact");

  escale_event_set_text (typed, "organizer", "Carrefour d’intégration <accueil@carrefour.example>");
  escale_event_set_partner_ids (typed, partners, 2);
  escale_event_set_text (hosted, "organizer", "Marie (pas d’adresse)");
  escale_event_set_partner_ids (hosted, partners, 2);
  escale_event_set_partner_ids (nobody, &partners[2], 1);
  save_event_ok (events, typed);
  save_event_ok (events, hosted);
  save_event_ok (events, nobody);

  /* The range (from the cursor) and one event's export agree. */
  text = export_range_ok (export, at ("2027-04-01 00:00", TORONTO), at ("2027-04-30 00:00", TORONTO));
  calendar = parse (text);
  g_assert_cmpstr (organizer_of (entry_with_uid (calendar, escale_event_get_ical_uid (typed))), ==,
                   "mailto:accueil@carrefour.example");
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (hosted));
  g_assert_cmpstr (organizer_of (entry), ==, "mailto:josee@cegep.example");
  cn = icalproperty_get_first_parameter (icalcomponent_get_first_property (entry, ICAL_ORGANIZER_PROPERTY),
                                         ICAL_CN_PARAMETER);
  g_assert_cmpstr (icalparameter_get_cn (cn), ==, "Josée Bélanger");
  g_assert_null (organizer_of (entry_with_uid (calendar, escale_event_get_ical_uid (nobody))));
  g_clear_pointer (&calendar, icalcomponent_free);
  g_clear_pointer (&text, g_free);

  text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (hosted));
  calendar = parse (text);
  g_assert_cmpstr (organizer_of (entry_with_uid (calendar, escale_event_get_ical_uid (hosted))), ==,
                   "mailto:josee@cegep.example");

  escale_ical_export_release_zones ();
}

/* A person who consented to be registered, saved. */
static gint64
save_consenting (Fixture    *fixture,
                 const char *given,
                 const char *family)
{
  g_autoptr(EscaleParticipant) participant = new_participant (given, family, END_OF_FIELDS);
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Conseillère");

  escale_participant_add_consent (participant, consent);
  return save_ok (fixture, participant);
}

static void
register_ok (EscaleRegistrationRepository *registrations,
             gint64                        event_id,
             gint64                        participant_id,
             EscaleRegistrationStatus      expected)
{
  EscaleRegisterOptions options = { .seats = 1, .today = "2027-01-10" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleRegistration) registration =
    escale_registration_repository_register (registrations, event_id, participant_id, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpint (escale_registration_get_status (registration), ==, expected);
}

static void
cancel_ok (EscaleRegistrationRepository *registrations,
           gint64                        event_id,
           gint64                        participant_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_registration_repository_cancel (registrations, event_id, participant_id, NULL, &error));
  g_assert_no_error (error);
}

/* The participant's copy of the visit and of its stop: STATUS, SEQUENCE. */
typedef struct
{
  gboolean            present;
  icalproperty_status status;
  int                 sequence;
  int                 stop_sequence;
} Copy;

static Copy
participant_copy (EscaleIcalExport             *export,
                  EscaleRegistrationRepository *registrations,
                  gint64                        participant_id,
                  EscaleEvent                  *visit,
                  const char                   *stop_uid)
{
  EscaleIcalSources sources = { export, NULL, registrations };
  EscaleIcalSelection participant = { ESCALE_ICAL_SCOPE_PARTICIPANT, participant_id, };
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  Copy copy = { FALSE, };
  icalcomponent *entry;

  text = write_calendar_ok (&sources, &participant);
  if (strstr (text, "BEGIN:VEVENT") == NULL)
    return copy;

  calendar = parse (text);
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (visit));
  copy.present = TRUE;
  copy.status = icalcomponent_get_status (entry);
  copy.sequence = sequence_of (entry);
  entry = entry_with_uid (calendar, stop_uid);
  g_assert_cmpint (icalcomponent_get_status (entry), ==, copy.status);
  copy.stop_sequence = sequence_of (entry);
  return copy;
}

/* Every step that changes what the participant's calendar shows raises
 * both SEQUENCEs; the event's own export carries the same. */
static void
assert_raised (Copy                *last,
               Copy                 now,
               icalproperty_status  status)
{
  g_assert_true (now.present);
  g_assert_cmpint (now.status, ==, status);
  if (last->present)
    {
      g_assert_cmpint (now.sequence, >, last->sequence);
      g_assert_cmpint (now.stop_sequence, >, last->stop_sequence);
    }
  *last = now;
}

static void
test_sequence_for_participants (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleRegistrationRepository) registrations = escale_registration_repository_new (fixture->participants,
                                                                                              region_list (fixture));
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(EscaleEvent) visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite en Gaspésie", TORONTO,
                                            "2027-05-06 07:00", "2027-05-07 20:00");
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleItineraryStop) stop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stop_uid = NULL;
  gint64 amelie, omar;
  Copy last = { FALSE, };
  Copy now;

  amelie = save_consenting (fixture, "Amélie", "Nguyen");
  omar = save_consenting (fixture, "Omar", "Diallo");
  escale_event_set_capacity (visit, 1);
  add_stop (visit, ESCALE_STOP_KIND_COMPANY_VISIT, "Visite du port",
            at ("2027-05-06 14:00", TORONTO), at ("2027-05-06 16:00", TORONTO));
  save_event_ok (events, visit);
  loaded = escale_event_repository_load (events, escale_event_get_id (visit), NULL);
  stop = g_list_model_get_item (escale_event_get_stops (loaded), 0);
  stop_uid = g_strdup (escale_itinerary_stop_get_ical_uid (stop));

  register_ok (registrations, escale_event_get_id (visit), omar, ESCALE_REGISTRATION_STATUS_REGISTERED);
  register_ok (registrations, escale_event_get_id (visit), amelie, ESCALE_REGISTRATION_STATUS_WAITLISTED);
  now = participant_copy (export, registrations, amelie, visit, stop_uid);
  assert_raised (&last, now, ICAL_STATUS_TENTATIVE);

  /* Omar leaves: Amélie gets his seat, TENTATIVE → CONFIRMED. */
  cancel_ok (registrations, escale_event_get_id (visit), omar);
  now = participant_copy (export, registrations, amelie, visit, stop_uid);
  assert_raised (&last, now, ICAL_STATUS_CONFIRMED);

  /* Omar comes back, on the waitlist; Amélie leaves and he gets the seat:
   * her copy is cancelled, for her calendar to take it off... */
  register_ok (registrations, escale_event_get_id (visit), omar, ESCALE_REGISTRATION_STATUS_WAITLISTED);
  cancel_ok (registrations, escale_event_get_id (visit), amelie);
  now = participant_copy (export, registrations, amelie, visit, stop_uid);
  assert_raised (&last, now, ICAL_STATUS_CANCELLED);

  /* ... then she registers again, on the waitlist: TENTATIVE again, with
   * a SEQUENCE above every copy she got before. */
  register_ok (registrations, escale_event_get_id (visit), amelie, ESCALE_REGISTRATION_STATUS_WAITLISTED);
  now = participant_copy (export, registrations, amelie, visit, stop_uid);
  assert_raised (&last, now, ICAL_STATUS_TENTATIVE);

  /* The visit is cancelled: its stops are cancelled too, one step up. */
  g_assert_true (escale_event_repository_cancel (events, visit, &error));
  g_assert_no_error (error);
  now = participant_copy (export, registrations, amelie, visit, stop_uid);
  assert_raised (&last, now, ICAL_STATUS_CANCELLED);

  /* The event's own export carries the same counter. */
  {
    g_autofree char *text = export_ok (export, ESCALE_ICAL_SCOPE_VISIT, escale_event_get_id (visit));
    g_autoptr(icalcomponent) calendar = parse (text);

    g_assert_cmpint (sequence_of (entry_with_uid (calendar, escale_event_get_ical_uid (visit))), ==, last.sequence);
    g_assert_cmpint (sequence_of (entry_with_uid (calendar, stop_uid)), ==, last.stop_sequence);
  }

  escale_ical_export_release_zones ();
}

/* What a reader of a range saw of each event: its id and its stops' UIDs,
 * joined, since the event and its stops are filled again for the next. */
static gboolean
collect_stops (EscaleEvent            *event,
               const EscaleEventHost  *host,
               gpointer                user_data,
               GError                **error)
{
  GPtrArray *seen = user_data;
  GListModel *stops = escale_event_get_stops (event);
  GString *line = g_string_new (NULL);

  g_string_printf (line, "%" G_GINT64_FORMAT ":", escale_event_get_id (event));
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      g_string_append_printf (line, " %s %s", escale_itinerary_stop_get_ical_uid (stop),
                              escale_itinerary_stop_get_title (stop));
    }
  g_ptr_array_add (seen, g_string_free (line, FALSE));
  return TRUE;
}

/* The same, from the event loaded on its own. */
static char *
stops_as_loaded (EscaleEventRepository *events,
                 gint64                 id)
{
  g_autoptr(EscaleEvent) event = load_event_ok (events, id);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  collect_stops (event, NULL, seen, NULL);
  return g_strdup (seen->pdata[0]);
}

/* A reader reuses one event, and its stops, from row to row: a visit
 * after a longer one, a session after a visit and a visit after a session
 * each show their own stops only. */
static void
test_range_reader_refills_stops (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const EscaleEventRangeReader reader = { .event = collect_stops };
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  EscaleEvent *order[4];

  order[0] = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Trois arrêts", TORONTO, "2027-04-01 07:00", "2027-04-01 20:00");
  add_stop (order[0], ESCALE_STOP_KIND_DEPARTURE, "Départ A", at ("2027-04-01 07:00", TORONTO), at ("2027-04-01 07:30", TORONTO));
  add_stop (order[0], ESCALE_STOP_KIND_MEAL, "Dîner A", at ("2027-04-01 12:00", TORONTO), at ("2027-04-01 13:00", TORONTO));
  add_stop (order[0], ESCALE_STOP_KIND_RETURN, "Retour A", at ("2027-04-01 19:00", TORONTO), at ("2027-04-01 20:00", TORONTO));
  order[1] = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Un arrêt", TORONTO, "2027-04-02 07:00", "2027-04-02 20:00");
  add_stop (order[1], ESCALE_STOP_KIND_DEPARTURE, "Départ B", at ("2027-04-02 07:00", TORONTO), at ("2027-04-02 07:30", TORONTO));
  order[2] = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance", TORONTO, "2027-04-03 13:00", "2027-04-03 15:00");
  order[3] = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Deux arrêts", TORONTO, "2027-04-04 07:00", "2027-04-04 20:00");
  add_stop (order[3], ESCALE_STOP_KIND_DEPARTURE, "Départ D", at ("2027-04-04 07:00", TORONTO), at ("2027-04-04 07:30", TORONTO));
  add_stop (order[3], ESCALE_STOP_KIND_LODGING, "Gîte D", at ("2027-04-04 19:00", TORONTO), at ("2027-04-04 20:00", TORONTO));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    save_event_ok (events, order[i]);

  g_assert_true (escale_event_repository_read_range (events, 0, 0, &reader, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *expected = stops_as_loaded (events, escale_event_get_id (order[i]));

      g_assert_cmpstr (seen->pdata[i], ==, expected);
      g_object_unref (order[i]);
    }
  g_assert_nonnull (strstr (seen->pdata[1], "Départ B"));
  g_assert_null (strstr (seen->pdata[1], "Dîner A"));
  g_assert_cmpstr (strchr (seen->pdata[2], ':'), ==, ":");
}

/* A range with an event still active cannot be sent as a CANCEL. */
static void
test_range_cancel_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(EscaleEvent) active = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Toujours prévue", TORONTO,
                                             "2027-04-01 13:00", "2027-04-01 15:00");
  g_autoptr(EscaleEvent) cancelled = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Annulée", TORONTO,
                                                "2027-04-02 13:00", "2027-04-02 15:00");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  save_event_ok (events, active);
  save_event_ok (events, cancelled);
  g_assert_true (escale_event_repository_cancel (events, cancelled, &error));
  escale_ical_export_set_method (export, ESCALE_ICAL_METHOD_CANCEL);

  g_assert_false (escale_ical_export_range (export, at ("2027-04-01 00:00", TORONTO), at ("2027-04-30 00:00", TORONTO),
                                            stream, NULL, &error));
  g_assert_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_CANCELLED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);

  text = export_range_ok (export, at ("2027-04-02 00:00", TORONTO), at ("2027-04-30 00:00", TORONTO));
  g_assert_nonnull (strstr (text, "METHOD:CANCEL"));
  g_assert_nonnull (strstr (text, "SEQUENCE:1"));

  escale_ical_export_release_zones ();
}

/* Our writer of components gives libical's own text, byte for byte. */
static void
assert_text_as_libical (icalcomponent *component)
{
  g_autoptr(GString) ours = g_string_new (NULL);
  char *theirs = icalcomponent_as_ical_string_r (component);

  _escale_ical_append_component (ours, component);
  g_assert_cmpstr (ours->str, ==, theirs);
  icalmemory_free_buffer (theirs);
}

static void
test_text_as_libical (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char fixture_text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:a\\,b\\;c@example\r\nSEQUENCE:12\r\nDTSTAMP:20270101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20270310\r\nDTEND;TZID=America/Halifax:20270311T235959\r\n"
    "RECURRENCE-ID;TZID=America/Toronto:20270310T090000\r\nEXDATE:20270317T090000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=WE\r\nSTATUS:CANCELLED\r\nGEO:-45.5;-73.25\r\n"
    "SUMMARY:Une séance très longue\\, avec des virgules\\; des points-virgules\\, une barre \\\\ et "
    "des accents éàèùâêîôûç œ 🍁 répétés éàèùâêîôûç œ 🍁 répétés éàèùâêîôûç œ 🍁\r\n"
    "DESCRIPTION:Ligne un\\nLigne deux\\n\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
    "URL:https://visio.example/a?b=c;d=e\r\n"
    "ORGANIZER;CN=\"Tremblay, Josée\":mailto:josee@example.org\r\n"
    "ATTENDEE;CN=Omar Diallo;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE:mailto:omar@example.org\r\n"
    "X-ESCALE-NOTE:texte, libre; tel quel\r\nRELATED-TO:parent@example\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(EscaleEvent) visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT,
                                            "Visite « d’été », Îles; C:\\Régions — 🍁 " TITLE_PADDING, HALIFAX,
                                            "2027-03-14 07:00", "2027-03-15 20:00");
  g_autoptr(icalcomponent) parsed = NULL;
  g_autoptr(icalcomponent) exported = NULL;
  g_autofree char *text = NULL;

  escale_event_set_text (visit, "description", "Première ligne\r\ndeuxième, ligne;\ttabulée\\fin");
  escale_event_set_text (visit, "organizer", "Josée « Tremblay », Carrefour; <josee@carrefour.example>");
  escale_event_set_text (visit, "place-name", "Cap-aux-Meules");
  escale_event_set_coordinates (visit, 47.377, -61.862);
  add_stop (visit, ESCALE_STOP_KIND_DEPARTURE, "Départ, quai",
            at ("2027-03-14 07:00", HALIFAX), at ("2027-03-14 07:30", HALIFAX));
  save_event_ok (events, visit);
  text = export_range_ok (export, 0, at ("2028-01-01 00:00", HALIFAX));
  exported = parse (text);
  assert_text_as_libical (exported);

  parsed = icalparser_parse_string (fixture_text);
  g_assert_nonnull (parsed);
  assert_text_as_libical (parsed);

  escale_ical_export_release_zones ();
}

/* GEO, which our writer formats without printf: whole degrees, both
 * signs, values that round up into the next degree, a negative value that
 * rounds to zero, values halfway between two millionths, and values past
 * what a coordinate can be (the schema keeps them within ±180). */
static void
test_text_geo_as_libical (Fixture       *fixture,
                          gconstpointer  data)
{
  static const double values[] = {
    0, -0.0, 45, -73, 45.5, -73.25, 47.377, -61.862, 46.812345, 46.8123455, -46.8123455, 46.8123465,
    0.0000005, -0.0000005, -0.0000001, 0.0000004999, 89.9999995, 89.9999996, -179.9999996, 180, -180,
    1e-300, 123456.654321, -98765432.1234565,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      icalcomponent *entry = icalcomponent_new_vevent ();
      struct icalgeotype geo = { .lat = values[i], .lon = -values[G_N_ELEMENTS (values) - 1 - i] };

      icalcomponent_add_property (entry, icalproperty_new_geo (geo));
      assert_text_as_libical (entry);
      icalcomponent_free (entry);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/ical-range/with-stops", test_range_with_stops);
  ADD ("/ical-range/async", test_range_async);
  ADD ("/ical-range/reader-refills-stops", test_range_reader_refills_stops);
  ADD ("/ical-range/organizer", test_organizer);
  ADD ("/ical-range/sequence-for-participants", test_sequence_for_participants);
  ADD ("/ical-range/cancel-refused", test_range_cancel_refused);
  ADD ("/ical-range/text-as-libical", test_text_as_libical);
  ADD ("/ical-range/text-geo-as-libical", test_text_geo_as_libical);
#undef ADD

  return g_test_run ();
}
