/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-event-repository.h"
#include "participant-fixture.h"

/* Events saved and read back with their itinerary, vehicles, checklist and
 * partners: the calendar identities that must not change, the SEQUENCE
 * that must grow, what is refused and what cancelling keeps. */

/* Unix seconds of a local time written "2026-10-15 08:00" in @zone. */
static gint64
at (const char *local,
    const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = g_strconcat (local, ":00", NULL);

  g_assert_nonnull (tz);
  g_strdelimit (iso, " ", 'T');
  time = g_date_time_new_from_iso8601 (iso, tz);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static gint64
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO organization (name, kind, region_code, created_at, updated_at) "
                                          "VALUES ('%s', 'employer', '08', 0, 0)",
                                          name);

  exec_sql (fixture, sql);
  return sql_int (fixture, "SELECT max(id) FROM organization");
}

static EscaleItineraryStop *
add_stop (EscaleEvent    *visit,
          EscaleStopKind  kind,
          const char     *title,
          const char     *from,
          const char     *to)
{
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (kind, title, at (from, "America/Toronto"),
                                                                   at (to, "America/Toronto"));

  escale_event_add_stop (visit, stop);
  return stop;
}

/* Three days in Abitibi-Témiscamingue, as a counsellor plans them. */
static EscaleEvent *
new_visit (Fixture *fixture)
{
  EscaleEvent *visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleVehicle) coach = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, 56);
  g_autoptr(EscaleLogisticsTask) bus = escale_logistics_task_new ("Réserver l’autocar", "2026-09-15");
  g_autoptr(EscaleLogisticsTask) hotel = escale_logistics_task_new ("Réserver l’hôtel", "2026-09-20");
  gint64 partners[] = { add_partner (fixture, "Fonderie Horne"), add_partner (fixture, "Ville de Rouyn-Noranda") };
  EscaleItineraryStop *visit_stop;

  escale_event_set_text (visit, "title", "Visite exploratoire en Abitibi-Témiscamingue");
  escale_event_set_text (visit, "region-code", "08");
  escale_event_set_text (visit, "place-name", "Rouyn-Noranda");
  escale_event_set_coordinates (visit, 48.2366, -79.0231);
  escale_event_set_times (visit, at ("2026-10-15 07:00", "America/Toronto"), at ("2026-10-17 20:00", "America/Toronto"));
  escale_event_set_capacity (visit, 20);
  escale_event_set_status (visit, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_partner_ids (visit, partners, G_N_ELEMENTS (partners));

  add_stop (visit, ESCALE_STOP_KIND_DEPARTURE, "Départ de la station Berri-UQAM", "2026-10-15 07:00", "2026-10-15 07:30");
  visit_stop = add_stop (visit, ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de la Fonderie Horne",
                         "2026-10-15 15:00", "2026-10-15 17:00");
  escale_itinerary_stop_set_organization_id (visit_stop, partners[0]);
  escale_itinerary_stop_set_partner_confirmed (visit_stop, TRUE);
  escale_itinerary_stop_set_coordinates (visit_stop, 48.2470, -79.0160);
  add_stop (visit, ESCALE_STOP_KIND_RETURN, "Retour à Montréal", "2026-10-17 19:30", "2026-10-17 20:00");

  escale_vehicle_set_provider (coach, "Autobus Maheux");
  escale_vehicle_set_departs_at (coach, at ("2026-10-15 07:30", "America/Toronto"));
  escale_event_add_vehicle (visit, coach);
  escale_event_add_task (visit, bus);
  escale_event_add_task (visit, hotel);

  return visit;
}

static EscaleEventRepository *
events_of (Fixture *fixture)
{
  return escale_event_repository_new (fixture->database);
}

static void
save_event_ok (EscaleEventRepository *events,
               EscaleEvent           *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_event_repository_save (events, event, &error));
  g_assert_no_error (error);
}

static EscaleEvent *
load_event_ok (EscaleEventRepository *events,
               gint64                 id)
{
  g_autoptr(GError) error = NULL;
  EscaleEvent *event = escale_event_repository_load (events, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static EscaleItineraryStop *
stop_at (EscaleEvent *event,
         guint        position)
{
  g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (escale_event_get_stops (event), position);

  g_assert_nonnull (stop);
  return stop;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(EscaleEvent) visit = new_visit (fixture);
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleVehicle) coach = NULL;
  g_autoptr(EscaleLogisticsTask) hotel = NULL;
  const gint64 *partners;
  guint n_partners;
  double latitude, longitude;

  save_event_ok (events, visit);
  g_assert_cmpint (escale_event_get_id (visit), >, 0);
  g_assert_nonnull (escale_event_get_ical_uid (visit));
  g_assert_true (g_str_has_suffix (escale_event_get_ical_uid (visit), "@escale.github.io"));

  loaded = load_event_ok (events, escale_event_get_id (visit));
  g_assert_cmpstr (escale_event_get_title (loaded), ==, "Visite exploratoire en Abitibi-Témiscamingue");
  g_assert_cmpint (escale_event_get_kind (loaded), ==, ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_assert_cmpint (escale_event_get_status (loaded), ==, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_cmpint (escale_event_get_capacity (loaded), ==, 20);
  g_assert_cmpstr (escale_event_get_tzid (loaded), ==, "America/Toronto");
  g_assert_cmpstr (escale_event_get_ical_uid (loaded), ==, escale_event_get_ical_uid (visit));
  g_assert_cmpuint (escale_event_get_ical_sequence (loaded), ==, 0);
  g_assert_true (escale_event_get_coordinates (loaded, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, 48.2366, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, -79.0231, 1e-9);
  g_assert_null (escale_event_get_text (loaded, "online-url"));

  g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_stops (loaded)), ==, 3);
  g_assert_cmpstr (escale_itinerary_stop_get_title (stop_at (loaded, 1)), ==, "Visite de la Fonderie Horne");
  g_assert_true (escale_itinerary_stop_get_partner_confirmed (stop_at (loaded, 1)));
  g_assert_cmpint (escale_itinerary_stop_get_organization_id (stop_at (loaded, 1)), >, 0);
  g_assert_true (escale_itinerary_stop_get_coordinates (stop_at (loaded, 1), NULL, NULL));
  g_assert_false (escale_itinerary_stop_get_coordinates (stop_at (loaded, 0), NULL, NULL));
  g_assert_cmpint (escale_itinerary_stop_get_organization_id (stop_at (loaded, 0)), ==, 0);
  g_assert_cmpstr (escale_itinerary_stop_get_ical_uid (stop_at (loaded, 0)), !=,
                   escale_itinerary_stop_get_ical_uid (stop_at (loaded, 1)));

  coach = g_list_model_get_item (escale_event_get_vehicles (loaded), 0);
  g_assert_cmpint (escale_vehicle_get_seats (coach), ==, 56);
  g_assert_cmpstr (escale_vehicle_get_provider (coach), ==, "Autobus Maheux");
  g_assert_cmpint (escale_vehicle_get_returns_at (coach), ==, 0);
  hotel = g_list_model_get_item (escale_event_get_tasks (loaded), 1);
  g_assert_cmpstr (escale_logistics_task_get_title (hotel), ==, "Réserver l’hôtel");
  g_assert_cmpstr (escale_logistics_task_get_due_on (hotel), ==, "2026-09-20");
  g_assert_true (escale_logistics_task_is_late (hotel, "2026-09-21"));
  g_assert_false (escale_logistics_task_is_late (hotel, "2026-09-20"));

  partners = escale_event_get_partner_ids (loaded, &n_partners);
  g_assert_cmpuint (n_partners, ==, 2);
  g_assert_cmpint (partners[0], <, partners[1]);

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'event' AND action = 'create'"),
                   ==, 1);
}

static void
test_sequence_and_identity (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(EscaleEvent) visit = new_visit (fixture);
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autofree char *first_uid = NULL;
  g_autofree char *return_uid = NULL;
  gint64 return_id;

  save_event_ok (events, visit);
  first_uid = g_strdup (escale_itinerary_stop_get_ical_uid (stop_at (visit, 0)));
  return_uid = g_strdup (escale_itinerary_stop_get_ical_uid (stop_at (visit, 2)));
  return_id = escale_itinerary_stop_get_id (stop_at (visit, 2));

  /* A new description is nothing a calendar must announce. */
  escale_event_set_text (visit, "description", "Apportez des bottes.");
  save_event_ok (events, visit);
  g_assert_cmpuint (escale_event_get_ical_sequence (visit), ==, 0);

  /* A new time is. */
  escale_event_set_times (visit, escale_event_get_starts_at (visit) + 1800, escale_event_get_ends_at (visit));
  save_event_ok (events, visit);
  g_assert_cmpuint (escale_event_get_ical_sequence (visit), ==, 1);

  /* Reordered, a stop keeps its id and its calendar identity; moved, its
   * own SEQUENCE grows and the others' do not. */
  escale_event_move_stop (visit, 2, 0);
  escale_itinerary_stop_set_place_name (stop_at (visit, 0), "Terminus de Rouyn-Noranda");
  save_event_ok (events, visit);
  loaded = load_event_ok (events, escale_event_get_id (visit));
  g_assert_cmpint (escale_itinerary_stop_get_id (stop_at (loaded, 0)), ==, return_id);
  g_assert_cmpstr (escale_itinerary_stop_get_ical_uid (stop_at (loaded, 0)), ==, return_uid);
  g_assert_cmpuint (escale_itinerary_stop_get_ical_sequence (stop_at (loaded, 0)), ==, 1);
  g_assert_cmpstr (escale_itinerary_stop_get_ical_uid (stop_at (loaded, 1)), ==, first_uid);
  g_assert_cmpuint (escale_itinerary_stop_get_ical_sequence (stop_at (loaded, 1)), ==, 0);
  g_assert_cmpuint (escale_event_get_ical_sequence (loaded), ==, 1);

  /* A stop taken out goes; the others stay. */
  escale_event_remove_stop (loaded, stop_at (loaded, 2));
  save_event_ok (events, loaded);
  g_clear_object (&loaded);
  loaded = load_event_ok (events, escale_event_get_id (visit));
  g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_stops (loaded)), ==, 2);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM itinerary_stop"), ==, 2);
}

static char *
event_rows (Fixture *fixture)
{
  return sql_text (fixture, "SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM itinerary_stop), "
                            "(SELECT count(*) FROM vehicle), (SELECT count(*) FROM logistics_task), "
                            "(SELECT count(*) FROM event_partner), (SELECT count(*) FROM audit_log)");
}

static void
assert_refused (Fixture     *fixture,
                EscaleEvent *event,
                const char  *words)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = event_rows (fixture);
  g_autofree char *after = NULL;

  g_assert_false (escale_event_repository_save (events, event, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));

  after = event_rows (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EscaleEvent) visit = new_visit (fixture);
  g_autoptr(EscaleEvent) copy = NULL;

  copy = escale_event_copy (visit);
  escale_event_set_text (copy, "title", "   ");
  assert_refused (fixture, copy, "Title");
  g_clear_object (&copy);

  copy = escale_event_copy (visit);
  escale_event_set_text (copy, "tzid", "Eastern Standard Time");
  assert_refused (fixture, copy, "Eastern Standard Time");
  g_assert_cmpint (escale_event_get_id (copy), ==, 0);
  g_clear_object (&copy);

  copy = escale_event_copy (visit);
  escale_event_set_times (copy, escale_event_get_ends_at (copy), escale_event_get_starts_at (copy));
  assert_refused (fixture, copy, "ends before it starts");
  g_clear_object (&copy);

  copy = escale_event_copy (visit);
  escale_event_set_text (copy, "registration-deadline", "15 octobre");
  assert_refused (fixture, copy, "Registration deadline");
  g_clear_object (&copy);

  copy = escale_event_copy (visit);
  escale_itinerary_stop_set_ends_at (stop_at (copy, 1), escale_itinerary_stop_get_starts_at (stop_at (copy, 1)) - 60);
  assert_refused (fixture, copy, "Visite de la Fonderie Horne");
  g_clear_object (&copy);

  copy = escale_event_copy (visit);
  {
    g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (escale_event_get_tasks (copy), 0);

    escale_logistics_task_set_due_on (task, "demain");
  }
  assert_refused (fixture, copy, "Réserver l’autocar");

  /* Once one was saved, an edit that fails leaves it as it was. */
  {
    g_autoptr(EscaleEventRepository) events = events_of (fixture);
    g_autoptr(EscaleEvent) saved = NULL;

    save_event_ok (events, visit);
    g_clear_object (&copy);
    copy = escale_event_copy (visit);
    escale_event_remove_stop (copy, stop_at (copy, 0));
    escale_event_set_text (copy, "tzid", "Mars/Olympus_Mons");
    assert_refused (fixture, copy, "Mars/Olympus_Mons");
    saved = load_event_ok (events, escale_event_get_id (visit));
    g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_stops (saved)), ==, 3);
    g_assert_cmpint (escale_event_get_id (copy), ==, escale_event_get_id (visit));
  }
}

static void
test_list_cancel_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(EscaleEvent) visit = new_visit (fixture);
  g_autoptr(EscaleEvent) session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(EscaleEvent) draft = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay", END_OF_FIELDS);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  EscaleEventQuery query = { .kind = -1 };
  g_autofree char *sql = NULL;

  escale_event_set_text (session, "title", "Séance d’information : vivre en région");
  escale_event_set_times (session, at ("2026-10-06 18:00", "America/Toronto"), at ("2026-10-06 20:00", "America/Toronto"));
  escale_event_set_text (draft, "title", "Salon de la régionalisation");
  escale_event_set_times (draft, at ("2027-02-10 10:00", "America/Toronto"), at ("2027-02-10 16:00", "America/Toronto"));
  save_event_ok (events, visit);
  save_event_ok (events, session);
  save_event_ok (events, draft);

  listed = escale_event_repository_list (events, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpstr (escale_event_get_title (g_ptr_array_index (listed, 0)), ==, "Séance d’information : vivre en région");
  g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_stops (g_ptr_array_index (listed, 1))), ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* By kind, and those that overlap October 2026. */
  query.kind = ESCALE_EVENT_KIND_EXPLORATORY_VISIT;
  listed = escale_event_repository_list (events, &query, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  query = (EscaleEventQuery) { .kind = -1, .from = at ("2026-10-16 00:00", "America/Toronto"),
                               .to = at ("2026-10-31 23:59", "America/Toronto") };
  listed = escale_event_repository_list (events, &query, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (escale_event_get_id (g_ptr_array_index (listed, 0)), ==, escale_event_get_id (visit));

  /* Someone registered: the visit cannot be deleted, only cancelled, and
   * cancelling keeps the registration and tells calendars. */
  save_ok (fixture, marie);
  sql = g_strdup_printf ("INSERT INTO registration (event_id, participant_id, status, created_at, updated_at) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'registered', 0, 0)",
                         escale_event_get_id (visit), escale_participant_get_id (marie));
  exec_sql (fixture, sql);
  g_assert_false (escale_event_repository_delete (events, visit, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (escale_event_repository_cancel (events, visit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_event_get_status (visit), ==, ESCALE_EVENT_STATUS_CANCELLED);
  g_assert_cmpuint (escale_event_get_ical_sequence (visit), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM registration"), ==, 1);

  /* A draft nobody registered for can go, and the audit log says so. */
  g_assert_true (escale_event_repository_delete (events, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 2);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'event' AND action = 'delete'"),
                   ==, 1);
  g_assert_null (escale_event_repository_load (events, escale_event_get_id (draft), &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* A weekend on the Îles-de-la-Madeleine, an hour ahead of Montréal, and a
 * night across the end of daylight saving time in Montréal. */
static void
test_time_zones (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(EscaleEvent) islands = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(EscaleEvent) night = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_end = NULL;

  escale_event_set_text (islands, "title", "Fin de semaine aux Îles-de-la-Madeleine");
  escale_event_set_text (islands, "tzid", "America/Halifax");
  escale_event_set_times (islands, at ("2026-06-12 09:00", "America/Halifax"), at ("2026-06-14 17:00", "America/Halifax"));
  save_event_ok (events, islands);

  loaded = load_event_ok (events, escale_event_get_id (islands));
  start = escale_event_dup_start (loaded);
  shown = g_date_time_format (start, "%F %H:%M");
  g_assert_cmpstr (shown, ==, "2026-06-12 09:00");
  /* Nine on the islands is eight in Montréal. */
  g_assert_cmpint (escale_event_get_starts_at (loaded), ==, at ("2026-06-12 08:00", "America/Toronto"));
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&shown, g_free);

  /* From 00:30 daylight time to 01:30 standard time: two hours, though the
   * clock shows one. */
  escale_event_set_text (night, "title", "Veille de l’heure normale");
  escale_event_set_times (night, at ("2026-11-01 00:30", "America/Toronto"),
                          at ("2026-11-01 00:30", "America/Toronto") + 2 * 3600);
  save_event_ok (events, night);
  g_clear_object (&loaded);
  loaded = load_event_ok (events, escale_event_get_id (night));
  start = escale_event_dup_start (loaded);
  end = escale_event_dup_end (loaded);
  shown = g_date_time_format (start, "%H:%M %Z");
  shown_end = g_date_time_format (end, "%H:%M %Z");
  g_assert_cmpstr (shown, ==, "00:30 EDT");
  g_assert_cmpstr (shown_end, ==, "01:30 EST");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/event-repository/round-trip", test_round_trip);
  ADD ("/event-repository/sequence-and-identity", test_sequence_and_identity);
  ADD ("/event-repository/refusals", test_refusals);
  ADD ("/event-repository/list-cancel-delete", test_list_cancel_delete);
  ADD ("/event-repository/time-zones", test_time_zones);
#undef ADD

  return g_test_run ();
}
