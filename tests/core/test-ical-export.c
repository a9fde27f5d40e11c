/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libical/ical.h>

#include "escale-event-repository.h"
#include "escale-ical-export.h"
#include "escale-partner-repository.h"
#include "escale-registration-repository.h"
#include "ical-test-calendar.h"
#include "participant-fixture.h"

/* iCalendar exports re-parsed with libical: the identities a recipient's
 * calendar updates by, time zones under their plain IANA names with the
 * right instants across a change of daylight-saving time, text escaped and
 * folded without breaking a character, CRLF everywhere. */

#define TORONTO "America/Toronto"
#define HALIFAX "America/Halifax"

/* Commas, semicolons, a backslash, accents and a character of four bytes,
 * long enough to be folded several times. */
#define TITLE "Séance d’information, Montréal; dossier C:\\Régions — « S’établir en région » 🍁 été " \
              "éàèùâêîôûçëïü ÉÀÈÙÂÊÎÔÛÇ, œuvre; « Abitibi-Témiscamingue »"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* @text with its folded lines joined again. */
static char *
unfold (const char *text)
{
  g_autoptr(GString) joined = g_string_new (text);

  g_string_replace (joined, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The TZID written on DTSTART or DTEND, and the instant it means under the
 * calendar's own VTIMEZONE (not libical's built-in copy). */
static const char *
tzid_of (icalcomponent     *entry,
         icalproperty_kind  kind)
{
  icalproperty *property = icalcomponent_get_first_property (entry, kind);
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  g_assert_nonnull (tzid);
  return icalparameter_get_tzid (tzid);
}

static gint64
instant_of (icalcomponent *calendar,
            icalcomponent *entry,
            icalproperty_kind kind)
{
  icalproperty *property = icalcomponent_get_first_property (entry, kind);
  icaltimetype time = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart (property) : icalproperty_get_dtend (property);
  icaltimezone *zone = icalcomponent_get_timezone (calendar, tzid_of (entry, kind));

  g_assert_nonnull (zone);
  return (gint64) icaltime_as_timet_with_zone (time, zone);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static guint
count (icalcomponent      *calendar,
       icalcomponent_kind  kind)
{
  return (guint) icalcomponent_count_components (calendar, kind);
}

static void
test_one_event (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEvent) session = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, TITLE, TORONTO,
                                              "2027-03-14 13:00", "2027-03-14 15:30");
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  icalcomponent *entry;
  icalcomponent *zone;
  struct icalgeotype geo;

  escale_event_set_text (session, "place-name", "Maison de la culture; salle 2");
  escale_event_set_text (session, "address", "1210, rue Sherbrooke Est, Montréal");
  escale_event_set_coordinates (session, 45.5236, -73.5617);
  escale_event_set_text (session, "description", "Ligne un,\r\nligne deux; fin\\");
  escale_event_set_text (session, "materials", "Une pièce d’identité");
  escale_event_set_text (session, "organizer", "Carrefour d’intégration <accueil@carrefour.example>");
  escale_event_set_text (session, "internal-notes", "ne jamais publier");
  save_event_ok (events, session);

  escale_ical_export_set_stamp (export, at ("2027-01-05 10:00", TORONTO));
  text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (session));
  calendar = parse (text);

  /* Escaped as RFC 5545 says, and long enough to have been folded. */
  g_assert_nonnull (strstr (text, "\r\n "));
  unfolded = unfold (text);
  g_assert_nonnull (strstr (unfolded, "\r\nSUMMARY:Séance d’information\\, Montréal\\; dossier C:\\\\Régions — "));
  g_assert_nonnull (strstr (unfolded, "\r\nDESCRIPTION:Ligne un\\,\\nligne deux\\; fin\\\\\\n\\nWhat to bring:"));

  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_PUBLISH);
  g_assert_cmpuint (count (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpuint (count (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (session));
  g_assert_cmpint (sequence_of (entry), ==, 0);
  g_assert_cmpstr (icalcomponent_get_summary (entry), ==, TITLE);
  g_assert_cmpstr (icalcomponent_get_location (entry), ==,
                   "Maison de la culture; salle 2, 1210, rue Sherbrooke Est, Montréal");
  g_assert_cmpstr (icalcomponent_get_description (entry), ==,
                   "Ligne un,\nligne deux; fin\\\n\nWhat to bring:\nUne pièce d’identité");
  g_assert_null (strstr (text, "ne jamais publier"));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CONFIRMED);
  g_assert_nonnull (icalcomponent_get_first_property (entry, ICAL_LASTMODIFIED_PROPERTY));
  g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtstamp (entry)), ==, at ("2027-01-05 10:00", TORONTO));
  geo = icalproperty_get_geo (icalcomponent_get_first_property (entry, ICAL_GEO_PROPERTY));
  g_assert_cmpfloat_with_epsilon (geo.lat, 45.5236, 1e-6);
  g_assert_cmpfloat_with_epsilon (geo.lon, -73.5617, 1e-6);
  g_assert_cmpstr (icalproperty_get_organizer (icalcomponent_get_first_property (entry, ICAL_ORGANIZER_PROPERTY)), ==,
                   "mailto:accueil@carrefour.example");
  g_assert_null (icalcomponent_get_first_property (entry, ICAL_ATTENDEE_PROPERTY));
  g_assert_null (icalcomponent_get_first_property (entry, ICAL_URL_PROPERTY));

  /* The zone by its plain name; the instants are the day DST starts. */
  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY)), ==, TORONTO);
  g_assert_cmpstr (tzid_of (entry, ICAL_DTSTART_PROPERTY), ==, TORONTO);
  g_assert_cmpstr (tzid_of (entry, ICAL_DTEND_PROPERTY), ==, TORONTO);
  g_assert_nonnull (strstr (text, "DTSTART;TZID=America/Toronto:20270314T130000\r\n"));
  g_assert_cmpint (instant_of (calendar, entry, ICAL_DTSTART_PROPERTY), ==, at ("2027-03-14 17:00", "UTC"));
  g_assert_cmpint (instant_of (calendar, entry, ICAL_DTEND_PROPERTY), ==, at ("2027-03-14 19:30", "UTC"));

  escale_ical_export_release_zones ();
}

static void
test_sequence_after_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEvent) session = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance à Sherbrooke", TORONTO,
                                              "2027-03-10 18:30", "2027-03-10 20:30");
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) before = NULL;
  g_autoptr(icalcomponent) renamed = NULL;
  g_autoptr(icalcomponent) moved = NULL;
  g_autofree char *text = NULL;
  gint64 id = save_event_ok (events, session);
  const char *uid = escale_event_get_ical_uid (session);

  text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, id);
  before = parse (text);
  g_assert_cmpint (sequence_of (entry_with_uid (before, uid)), ==, 0);
  g_clear_pointer (&text, g_free);

  /* A new title alone is not worth a recipient's notice… */
  loaded = load_event_ok (events, id);
  escale_event_set_text (loaded, "title", "Séance d’information à Sherbrooke");
  save_event_ok (events, loaded);
  text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, id);
  renamed = parse (text);
  g_assert_cmpint (sequence_of (entry_with_uid (renamed, uid)), ==, 0);
  g_clear_pointer (&text, g_free);

  /* … a new time is: same UID, SEQUENCE one higher, the new instant. */
  escale_event_set_times (loaded, at ("2027-03-17 18:30", TORONTO), at ("2027-03-17 20:30", TORONTO));
  save_event_ok (events, loaded);
  text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, id);
  moved = parse (text);
  g_assert_cmpint (sequence_of (entry_with_uid (moved, uid)), ==, 1);
  g_assert_cmpint (instant_of (moved, entry_with_uid (moved, uid), ICAL_DTSTART_PROPERTY), ==,
                   at ("2027-03-17 22:30", "UTC"));

  escale_ical_export_release_zones ();
}

static void
test_zones_and_range (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEvent) before_dst = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance, Montréal", TORONTO,
                                                 "2027-03-13 13:00", "2027-03-13 15:00");
  g_autoptr(EscaleEvent) after_dst = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance, Montréal", TORONTO,
                                                "2027-03-14 13:00", "2027-03-14 15:00");
  g_autoptr(EscaleEvent) halifax = new_event (ESCALE_EVENT_KIND_FAIR, "Salon de l’emploi à Halifax", HALIFAX,
                                              "2027-03-15 10:00", "2027-03-15 16:00");
  g_autoptr(EscaleEvent) later = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Plus tard", TORONTO,
                                            "2027-06-01 13:00", "2027-06-01 15:00");
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  g_autofree char *names = NULL;

  save_event_ok (events, before_dst);
  save_event_ok (events, after_dst);
  save_event_ok (events, halifax);
  save_event_ok (events, later);

  text = export_range_ok (export, at ("2027-03-13 00:00", TORONTO), at ("2027-03-31 23:59", TORONTO));
  calendar = parse (text);
  g_assert_cmpuint (count (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_null (strstr (text, "Plus tard"));

  /* One VTIMEZONE per zone, each under its IANA name, kept to 2027. */
  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL; zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    g_ptr_array_add (zones, (gpointer) icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY)));
  g_ptr_array_sort (zones, compare_strings);
  g_ptr_array_add (zones, NULL);
  names = g_strjoinv (" ", (char **) zones->pdata);
  g_assert_cmpstr (names, ==, HALIFAX " " TORONTO);
  g_assert_null (strstr (text, "DTSTART:1902"));
  g_assert_null (strstr (text, "DTSTART:2025"));

  /* 13:00 is 18:00 UTC the day before DST, 17:00 UTC the day it starts. */
  g_assert_cmpint (instant_of (calendar, entry_with_uid (calendar, escale_event_get_ical_uid (before_dst)), ICAL_DTSTART_PROPERTY),
                   ==, at ("2027-03-13 18:00", "UTC"));
  g_assert_cmpint (instant_of (calendar, entry_with_uid (calendar, escale_event_get_ical_uid (after_dst)), ICAL_DTSTART_PROPERTY),
                   ==, at ("2027-03-14 17:00", "UTC"));
  g_assert_cmpstr (tzid_of (entry_with_uid (calendar, escale_event_get_ical_uid (halifax)), ICAL_DTSTART_PROPERTY), ==, HALIFAX);
  g_assert_cmpint (instant_of (calendar, entry_with_uid (calendar, escale_event_get_ical_uid (halifax)), ICAL_DTSTART_PROPERTY),
                   ==, at ("2027-03-15 13:00", "UTC"));

  /* An empty range is still a calendar. */
  empty = export_range_ok (export, at ("2030-01-01 00:00", TORONTO), at ("2030-01-31 00:00", TORONTO));
  g_assert_cmpstr (empty, ==, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Escale//Escale " PACKAGE_VERSION "//EN\r\n"
                              "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");

  escale_ical_export_release_zones ();
}

static void
test_visit_itinerary (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEvent) visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite exploratoire au Bas-Saint-Laurent",
                                            TORONTO, "2027-05-06 07:00", "2027-05-07 20:00");
  g_autoptr(EscaleEvent) session = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance", TORONTO,
                                              "2027-05-01 13:00", "2027-05-01 15:00");
  g_autoptr(EscaleItineraryStop) departure = escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Départ de Berri-UQAM",
                                                                        at ("2027-05-06 07:00", TORONTO),
                                                                        at ("2027-05-06 07:30", TORONTO));
  g_autoptr(EscaleItineraryStop) company = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de l’usine",
                                                                      at ("2027-05-06 14:00", TORONTO),
                                                                      at ("2027-05-06 16:00", TORONTO));
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *stops;
  icalcomponent *entry;

  escale_itinerary_stop_set_place_name (departure, "Métro Berri-UQAM");
  escale_itinerary_stop_set_place_name (company, "Usine de Rimouski");
  escale_itinerary_stop_set_address (company, "12, rue du Port");
  escale_event_add_stop (visit, departure);
  escale_event_add_stop (visit, company);
  save_event_ok (events, visit);
  save_event_ok (events, session);
  loaded = load_event_ok (events, escale_event_get_id (visit));
  stops = escale_event_get_stops (loaded);

  text = export_ok (export, ESCALE_ICAL_SCOPE_VISIT, escale_event_get_id (visit));
  calendar = parse (text);
  g_assert_cmpuint (count (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (loaded));
  g_assert_cmpstr (icalcomponent_get_summary (entry), ==, "Visite exploratoire au Bas-Saint-Laurent");
  g_assert_nonnull (strstr (icalcomponent_get_description (entry), "Meeting point: 2027-05-06 07:00, Métro Berri-UQAM"));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      entry = entry_with_uid (calendar, escale_itinerary_stop_get_ical_uid (stop));
      g_assert_cmpstr (icalproperty_get_relatedto (icalcomponent_get_first_property (entry, ICAL_RELATEDTO_PROPERTY)), ==,
                       escale_event_get_ical_uid (loaded));
      g_assert_cmpint (instant_of (calendar, entry, ICAL_DTSTART_PROPERTY), ==, escale_itinerary_stop_get_starts_at (stop));
    }
  g_assert_cmpstr (icalcomponent_get_summary (entry), ==, "Visite de l’usine");
  g_assert_cmpstr (icalcomponent_get_location (entry), ==, "Usine de Rimouski, 12, rue du Port");

  /* An itinerary only exists for a visit; an unknown event is named. */
  g_assert_false (escale_ical_export_visit (export, escale_event_get_id (session), sink, NULL, &error));
  g_assert_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_A_VISIT);
  g_clear_error (&error);
  g_assert_false (escale_ical_export_event (export, 999, sink, NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sink)), ==, 0);

  escale_ical_export_release_zones ();
}

static void
test_status_and_methods (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEvent) draft = new_event (ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION, "Présentation", TORONTO,
                                            "2027-04-01 19:00", "2027-04-01 20:00");
  g_autoptr(EscaleEvent) cancelled = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance annulée", TORONTO,
                                                "2027-04-02 19:00", "2027-04-02 20:00");
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint sequence;

  escale_event_set_status (draft, ESCALE_EVENT_STATUS_DRAFT);
  escale_event_set_text (draft, "online-url", "https://visio.example/escale?id=1;x=2");
  save_event_ok (events, draft);
  save_event_ok (events, cancelled);
  sequence = escale_event_get_ical_sequence (cancelled);
  g_assert_true (escale_event_repository_cancel (events, cancelled, &error));
  g_assert_no_error (error);

  {
    g_autoptr(icalcomponent) calendar = NULL;

    text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (draft));
    calendar = parse (text);
    g_assert_cmpint (icalcomponent_get_status (entry_with_uid (calendar, escale_event_get_ical_uid (draft))), ==, ICAL_STATUS_TENTATIVE);
    g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (entry_with_uid (calendar, escale_event_get_ical_uid (draft)), ICAL_URL_PROPERTY)),
                     ==, "https://visio.example/escale?id=1;x=2");
    g_clear_pointer (&text, g_free);
  }
  {
    g_autoptr(icalcomponent) calendar = NULL;
    icalcomponent *entry;

    text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (cancelled));
    calendar = parse (text);
    entry = entry_with_uid (calendar, escale_event_get_ical_uid (cancelled));
    g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CANCELLED);
    g_assert_cmpint (sequence_of (entry), ==, (int) sequence + 1);
    g_clear_pointer (&text, g_free);
  }
  {
    g_autoptr(icalcomponent) calendar = NULL;
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
    icalcomponent *entry;

    /* A CANCEL carries the SEQUENCE the cancellation raised: one for an
     * event still active would repeat its last REQUEST's, and is refused
     * before anything is written. */
    escale_ical_export_set_method (export, ESCALE_ICAL_METHOD_CANCEL);
    g_assert_false (escale_ical_export_event (export, escale_event_get_id (draft), stream, NULL, &error));
    g_assert_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);

    text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (cancelled));
    calendar = parse (text);
    g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_CANCEL);
    entry = entry_with_uid (calendar, escale_event_get_ical_uid (cancelled));
    g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CANCELLED);
    g_assert_cmpint (sequence_of (entry), ==, (int) sequence + 1);
    g_clear_pointer (&text, g_free);
  }
  {
    g_autoptr(icalcomponent) calendar = NULL;

    escale_ical_export_set_method (export, ESCALE_ICAL_METHOD_REQUEST);
    text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (draft));
    calendar = parse (text);
    g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_REQUEST);
  }

  escale_ical_export_release_zones ();
}

static EscaleParticipant *
consenting (EscaleParticipant *participant)
{
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Conseillère");

  escale_participant_add_consent (participant, consent);
  return participant;
}

static void
test_attendees (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleRegistrationRepository) registrations = escale_registration_repository_new (fixture->participants,
                                                                                              region_list (fixture));
  g_autoptr(EscaleEvent) session = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance", TORONTO,
                                              "2027-04-01 19:00", "2027-04-01 20:00");
  g_autoptr(EscaleParticipant) with_email = new_participant ("Amélie", "Nguyen", ESCALE_PARTICIPANT_FIELD_EMAIL,
                                                             "amelie@exemple.ca", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) without_email = new_participant ("Omar", "Diallo", END_OF_FIELDS);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  EscaleRegisterOptions options = { .seats = 1, .today = "2027-01-10" };
  gint64 ids[2];
  icalproperty *attendee;

  ids[0] = save_ok (fixture, consenting (with_email));
  ids[1] = save_ok (fixture, consenting (without_email));
  save_event_ok (events, session);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleRegistration) registration =
        escale_registration_repository_register (registrations, escale_event_get_id (session), ids[i], &options, &error);

      g_assert_no_error (error);
    }

  /* Personal information stays out unless asked for. */
  plain = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (session));
  g_assert_null (strstr (plain, "ATTENDEE"));
  g_assert_null (strstr (plain, "Nguyen"));

  escale_ical_export_set_attendees (export, registrations, fixture->participants);
  text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (session));
  calendar = parse (text);
  attendee = icalcomponent_get_first_property (entry_with_uid (calendar, escale_event_get_ical_uid (session)),
                                               ICAL_ATTENDEE_PROPERTY);
  g_assert_nonnull (attendee);
  g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:amelie@exemple.ca");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (attendee, ICAL_CN_PARAMETER)), ==, "Amélie Nguyen");
  g_assert_cmpint (icalparameter_get_partstat (icalproperty_get_first_parameter (attendee, ICAL_PARTSTAT_PARAMETER)), ==,
                   ICAL_PARTSTAT_NEEDSACTION);
  /* Without an address, there is nothing to invite. */
  g_assert_cmpint (icalcomponent_count_properties (entry_with_uid (calendar, escale_event_get_ical_uid (session)),
                                                   ICAL_ATTENDEE_PROPERTY), ==, 1);

  escale_ical_export_release_zones ();
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

static char *
export_participant_ok (EscaleIcalExport             *export,
                       EscaleRegistrationRepository *registrations,
                       gint64                        participant_id)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_ical_export_participant (export, registrations, participant_id, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_participant (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleRegistrationRepository) registrations = escale_registration_repository_new (fixture->participants,
                                                                                              region_list (fixture));
  g_autoptr(EscaleEvent) seat = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance, Gatineau", TORONTO,
                                           "2027-03-13 13:00", "2027-03-13 15:00");
  g_autoptr(EscaleEvent) full = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance complète", HALIFAX,
                                           "2027-03-15 19:00", "2027-03-15 20:00");
  g_autoptr(EscaleEvent) given_up = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance quittée", TORONTO,
                                               "2027-03-16 19:00", "2027-03-16 20:00");
  g_autoptr(EscaleEvent) visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite en Gaspésie", TORONTO,
                                            "2027-05-06 07:00", "2027-05-07 20:00");
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite du port",
                                                                   at ("2027-05-06 14:00", TORONTO),
                                                                   at ("2027-05-06 16:00", TORONTO));
  g_autoptr(EscaleParticipant) first = new_participant ("Amélie", "Nguyen", ESCALE_PARTICIPANT_FIELD_EMAIL,
                                                        "amelie@exemple.ca", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) second = new_participant ("Omar", "Diallo", ESCALE_PARTICIPANT_FIELD_EMAIL,
                                                         "omar@exemple.ca", END_OF_FIELDS);
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleItineraryStop) loaded_stop = NULL;
  g_autoptr(EscaleEvent) withdrawn = NULL;
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(icalcomponent) empty = NULL;
  g_autoptr(icalcomponent) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *event_text = NULL;
  gint64 amelie, omar;
  icalcomponent *entry;

  amelie = save_ok (fixture, consenting (first));
  omar = save_ok (fixture, consenting (second));
  escale_event_set_capacity (full, 1);
  escale_event_add_stop (visit, stop);
  save_event_ok (events, seat);
  save_event_ok (events, full);
  save_event_ok (events, given_up);
  save_event_ok (events, visit);
  loaded = load_event_ok (events, escale_event_get_id (visit));
  loaded_stop = g_list_model_get_item (escale_event_get_stops (loaded), 0);

  register_ok (registrations, escale_event_get_id (seat), amelie, ESCALE_REGISTRATION_STATUS_REGISTERED);
  register_ok (registrations, escale_event_get_id (full), omar, ESCALE_REGISTRATION_STATUS_REGISTERED);
  register_ok (registrations, escale_event_get_id (full), amelie, ESCALE_REGISTRATION_STATUS_WAITLISTED);
  register_ok (registrations, escale_event_get_id (given_up), amelie, ESCALE_REGISTRATION_STATUS_REGISTERED);
  register_ok (registrations, escale_event_get_id (visit), amelie, ESCALE_REGISTRATION_STATUS_REGISTERED);
  g_assert_true (escale_registration_repository_cancel (registrations, escale_event_get_id (given_up), amelie, NULL, &error));
  g_assert_no_error (error);
  /* A new time: the participant's copy follows the event's SEQUENCE. */
  escale_event_set_times (seat, at ("2027-03-13 14:00", TORONTO), at ("2027-03-13 16:00", TORONTO));
  save_event_ok (events, seat);

  /* Asked for or not, the other participants stay out of a personal calendar. */
  escale_ical_export_set_attendees (export, registrations, fixture->participants);
  text = export_participant_ok (export, registrations, amelie);
  g_assert_null (strstr (text, "ATTENDEE"));
  g_assert_null (strstr (text, "omar@"));
  calendar = parse (text);
  g_assert_cmpuint (count (calendar, ICAL_VEVENT_COMPONENT), ==, 5);
  g_assert_cmpuint (count (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 2);

  /* Withdrawn from: cancelled, with the SEQUENCE the withdrawal raised,
   * for her calendar to take it off. */
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (given_up));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CANCELLED);
  withdrawn = load_event_ok (events, escale_event_get_id (given_up));
  g_assert_cmpint (sequence_of (entry), ==, (int) escale_event_get_ical_sequence (withdrawn));
  g_assert_cmpint (sequence_of (entry), >, (int) escale_event_get_ical_sequence (given_up));

  entry = entry_with_uid (calendar, escale_event_get_ical_uid (seat));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (sequence_of (entry), ==, (int) escale_event_get_ical_sequence (seat));
  g_assert_cmpint (sequence_of (entry), >, 0);
  g_assert_cmpint (instant_of (calendar, entry, ICAL_DTSTART_PROPERTY), ==, at ("2027-03-13 14:00", TORONTO));
  /* The day after DST starts, in Halifax's own zone. */
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (full));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_TENTATIVE);
  g_assert_cmpstr (tzid_of (entry, ICAL_DTSTART_PROPERTY), ==, HALIFAX);
  g_assert_cmpint (instant_of (calendar, entry, ICAL_DTSTART_PROPERTY), ==, at ("2027-03-15 19:00", HALIFAX));
  entry = entry_with_uid (calendar, escale_event_get_ical_uid (visit));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CONFIRMED);
  entry = entry_with_uid (calendar, escale_itinerary_stop_get_ical_uid (loaded_stop));
  g_assert_cmpstr (icalcomponent_get_summary (entry), ==, "Visite du port");
  g_assert_cmpint (instant_of (calendar, entry, ICAL_DTSTART_PROPERTY), ==, at ("2027-05-06 14:00", TORONTO));

  /* The same entry as the event's own export: calendars update in place. */
  escale_ical_export_set_attendees (export, NULL, NULL);
  event_text = export_ok (export, ESCALE_ICAL_SCOPE_EVENT, escale_event_get_id (full));
  own = parse (event_text);
  g_assert_cmpint (sequence_of (entry_with_uid (own, escale_event_get_ical_uid (full))), ==,
                   sequence_of (entry_with_uid (calendar, escale_event_get_ical_uid (full))));

  /* No registration: an empty calendar, still a calendar. */
  nothing = export_participant_ok (export, registrations, 999);
  empty = parse (nothing);
  g_assert_cmpuint (count (empty, ICAL_VEVENT_COMPONENT), ==, 0);

  escale_ical_export_release_zones ();
}

static gint64
save_partner (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePartnerRepository) partners = escale_partner_repository_new (fixture->database, fixture->regions, &error);
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER, "name", name, "kind", ESCALE_PARTNER_KIND_EMPLOYER,
                                                   "region-code", "01", "city", "Rimouski", NULL);

  g_assert_no_error (error);
  g_assert_true (escale_partner_repository_save (partners, partner, &error));
  g_assert_no_error (error);
  return escale_partner_get_id (partner);
}

static icalcomponent *
export_partner_ok (EscaleIcalExport *export,
                   gint64            partner_id)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (escale_ical_export_partner (export, partner_id, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_null (strstr (text, "ATTENDEE"));
  return parse (text);
}

static void
test_partner (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleRegistrationRepository) registrations = escale_registration_repository_new (fixture->participants,
                                                                                              region_list (fixture));
  g_autoptr(EscaleEvent) visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite au Bas-Saint-Laurent", TORONTO,
                                            "2027-03-13 07:00", "2027-03-14 20:00");
  g_autoptr(EscaleEvent) session = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance avec le cégep", TORONTO,
                                              "2027-03-20 19:00", "2027-03-20 20:00");
  g_autoptr(EscaleEvent) other = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance sans partenaire", TORONTO,
                                            "2027-03-21 19:00", "2027-03-21 20:00");
  g_autoptr(EscaleItineraryStop) departure = escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Départ",
                                                                        at ("2027-03-13 07:00", TORONTO),
                                                                        at ("2027-03-13 07:30", TORONTO));
  g_autoptr(EscaleItineraryStop) plant = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de l’usine",
                                                                    at ("2027-03-14 10:00", TORONTO),
                                                                    at ("2027-03-14 12:00", TORONTO));
  g_autoptr(EscaleItineraryStop) college = escale_itinerary_stop_new (ESCALE_STOP_KIND_PRESENTATION, "Présentation du cégep",
                                                                      at ("2027-03-14 14:00", TORONTO),
                                                                      at ("2027-03-14 15:00", TORONTO));
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleItineraryStop) plant_stop = NULL;
  g_autoptr(EscaleItineraryStop) college_stop = NULL;
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(icalcomponent) foundry_calendar = NULL;
  g_autoptr(icalcomponent) college_calendar = NULL;
  g_autoptr(icalcomponent) empty = NULL;
  gint64 foundry_id = save_partner (fixture, "Fonderie du Bas-Saint-Laurent");
  gint64 college_id = save_partner (fixture, "Cégep de Rimouski");
  icalcomponent *entry;

  escale_itinerary_stop_set_organization_id (plant, foundry_id);
  escale_itinerary_stop_set_organization_id (college, college_id);
  escale_event_add_stop (visit, departure);
  escale_event_add_stop (visit, plant);
  escale_event_add_stop (visit, college);
  escale_event_set_partner_ids (session, &college_id, 1);
  save_event_ok (events, visit);
  save_event_ok (events, session);
  save_event_ok (events, other);
  loaded = load_event_ok (events, escale_event_get_id (visit));
  plant_stop = g_list_model_get_item (escale_event_get_stops (loaded), 1);
  college_stop = g_list_model_get_item (escale_event_get_stops (loaded), 2);
  escale_ical_export_set_attendees (export, registrations, fixture->participants);

  /* The foundry: the visit as a whole, and its own stop only. */
  foundry_calendar = export_partner_ok (export, foundry_id);
  g_assert_cmpuint (count (foundry_calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  entry_with_uid (foundry_calendar, escale_event_get_ical_uid (visit));
  entry = entry_with_uid (foundry_calendar, escale_itinerary_stop_get_ical_uid (plant_stop));
  g_assert_cmpstr (icalcomponent_get_summary (entry), ==, "Visite de l’usine");
  /* The day after DST starts. */
  g_assert_cmpint (instant_of (foundry_calendar, entry, ICAL_DTSTART_PROPERTY), ==, at ("2027-03-14 10:00", TORONTO));

  /* The college: its stop, and the session it hosts. */
  college_calendar = export_partner_ok (export, college_id);
  g_assert_cmpuint (count (college_calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  entry_with_uid (college_calendar, escale_event_get_ical_uid (visit));
  entry_with_uid (college_calendar, escale_itinerary_stop_get_ical_uid (college_stop));
  entry = entry_with_uid (college_calendar, escale_event_get_ical_uid (session));
  g_assert_cmpint (sequence_of (entry), ==, (int) escale_event_get_ical_sequence (session));

  empty = export_partner_ok (export, 999);
  g_assert_cmpuint (count (empty, ICAL_VEVENT_COMPONENT), ==, 0);

  escale_ical_export_release_zones ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/ical-export/one-event", test_one_event);
  ADD ("/ical-export/sequence-after-edit", test_sequence_after_edit);
  ADD ("/ical-export/zones-and-range", test_zones_and_range);
  ADD ("/ical-export/visit-itinerary", test_visit_itinerary);
  ADD ("/ical-export/status-and-methods", test_status_and_methods);
  ADD ("/ical-export/attendees", test_attendees);
  ADD ("/ical-export/participant", test_participant);
  ADD ("/ical-export/partner", test_partner);
#undef ADD

  return g_test_run ();
}
