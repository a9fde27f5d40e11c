/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "escale-event-repository.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"

#include "cli-test-run.h"

/* escale-cli events, as a counsellor checks a visit before it leaves: the
 * list, one event in full with its warnings, the checks alone, then
 * registrations, a cancellation that promotes from the waitlist, and a
 * roll call. Each test builds its own small database with the
 * repositories, so that nothing depends on the demonstration's draws. */

/* What the database of a test holds. */
typedef struct
{
  gint64 visit;          /* two days in Abitibi, capacity 3, a coach of 2 seats */
  gint64 session;        /* an information session in Montréal, 25 November */
  gint64 presentation;   /* a virtual presentation, 12 January */
  gint64 stops[5];
  gint64 ana;            /* consented, alone */
  gint64 bao;            /* consented, with a spouse and a child */
  gint64 chloe;          /* consented */
  gint64 dmitri;         /* consented */
  gint64 emma;           /* never gave consent */
} Setting;

static gint64
montreal_time (int year,
               int month,
               int day,
               int hour,
               int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gint64
save_participant (EscaleParticipantRepository *participants,
                  const char                  *given,
                  const char                  *family,
                  gboolean                     consented,
                  guint                        household)
{
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (participant, "given-name", given, "family-name", family, NULL);
  if (consented)
    {
      g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                             "2026-01", "Geneviève");

      escale_participant_add_consent (participant, consent);
    }
  for (guint i = 0; i < household; i++)
    {
      g_autoptr(EscaleHouseholdMember) member =
        escale_household_member_new (i == 0 ? ESCALE_HOUSEHOLD_RELATION_SPOUSE : ESCALE_HOUSEHOLD_RELATION_CHILD,
                                     i == 0 ? "Lan" : "Minh", i == 0 ? 1990 : 2019);

      escale_participant_add_household_member (participant, member);
    }

  g_assert_true (escale_participant_repository_save (participants, participant, &error));
  g_assert_no_error (error);
  return escale_participant_get_id (participant);
}

static EscaleItineraryStop *
new_stop (EscaleStopKind  kind,
          const char     *title,
          gint64          starts_at,
          gint64          ends_at,
          const char     *place,
          double          latitude,
          double          longitude)
{
  EscaleItineraryStop *stop = escale_itinerary_stop_new (kind, title, starts_at, ends_at);

  escale_itinerary_stop_set_place_name (stop, place);
  escale_itinerary_stop_set_coordinates (stop, latitude, longitude);
  return stop;
}

/* Thursday 3 and Friday 4 December 2026: Montréal, a company in
 * Rouyn-Noranda that has not confirmed, supper, a presentation the next
 * morning, and back; nobody booked a bed for Thursday night. */
static gint64
save_visit (EscaleEventRepository *events,
            gint64                 partner_id,
            gint64                *stop_ids)
{
  g_autoptr(EscaleEvent) visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleVehicle) coach = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, 2);
  g_autoptr(EscaleLogisticsTask) booked = escale_logistics_task_new ("Réserver l’autocar", "2026-11-01");
  g_autoptr(EscaleLogisticsTask) confirm = escale_logistics_task_new ("Confirmer l’entreprise", "2026-11-20");
  g_autoptr(GError) error = NULL;
  EscaleItineraryStop *stops[5];
  GListModel *saved;

  escale_event_set_text (visit, "title", "Visite en Abitibi");
  escale_event_set_text (visit, "region-code", "08");
  escale_event_set_status (visit, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (visit, montreal_time (2026, 12, 3, 6, 30), montreal_time (2026, 12, 4, 21, 15));
  escale_event_set_capacity (visit, 3);

  stops[0] = new_stop (ESCALE_STOP_KIND_DEPARTURE, "Départ de Montréal", montreal_time (2026, 12, 3, 6, 30),
                       montreal_time (2026, 12, 3, 7, 0), "Métro Berri-UQAM", 45.5152, -73.5610);
  stops[1] = new_stop (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de la fonderie", montreal_time (2026, 12, 3, 17, 0),
                       montreal_time (2026, 12, 3, 18, 30), "Fonderie Horne", 48.2470, -79.0140);
  escale_itinerary_stop_set_organization_id (stops[1], partner_id);
  stops[2] = new_stop (ESCALE_STOP_KIND_MEAL, "Souper au centre-ville", montreal_time (2026, 12, 3, 19, 0),
                       montreal_time (2026, 12, 3, 20, 30), "Bistro du lac", 48.2390, -79.0180);
  stops[3] = new_stop (ESCALE_STOP_KIND_PRESENTATION, "Présentation de la ville", montreal_time (2026, 12, 4, 9, 0),
                       montreal_time (2026, 12, 4, 10, 30), "Hôtel de ville", 48.2390, -79.0180);
  stops[4] = new_stop (ESCALE_STOP_KIND_RETURN, "Arrivée à Montréal", montreal_time (2026, 12, 4, 21, 0),
                       montreal_time (2026, 12, 4, 21, 15), "Métro Berri-UQAM", 45.5152, -73.5610);
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      escale_event_add_stop (visit, stops[i]);
      g_object_unref (stops[i]);
    }

  escale_vehicle_set_provider (coach, "Autocars Fortin");
  escale_vehicle_set_driver (coach, "Réjean Fortin");
  escale_event_add_vehicle (visit, coach);
  escale_logistics_task_complete (booked, "2026-10-30", "Geneviève");
  escale_event_add_task (visit, booked);
  escale_event_add_task (visit, confirm);

  g_assert_true (escale_event_repository_save (events, visit, &error));
  g_assert_no_error (error);

  saved = escale_event_get_stops (visit);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (saved, i);

      stop_ids[i] = escale_itinerary_stop_get_id (stop);
    }

  return escale_event_get_id (visit);
}

static gint64
save_event (EscaleEventRepository *events,
            EscaleEventKind        kind,
            const char            *title,
            gint64                 starts_at,
            gint64                 ends_at)
{
  g_autoptr(EscaleEvent) event = escale_event_new (kind);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (event, starts_at, ends_at);
  escale_event_set_capacity (event, 30);
  g_assert_true (escale_event_repository_save (events, event, &error));
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static void
build_database (Fixture *fixture,
                Setting *setting)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscalePartnerRepository) partners = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscalePartner) foundry = NULL;
  g_autoptr(GError) error = NULL;

  database = escale_database_open (fixture->db, &error);
  g_assert_no_error (error);
  regions = escale_region_repository_new (database, &error);
  g_assert_no_error (error);
  partners = escale_partner_repository_new (database, regions, &error);
  g_assert_no_error (error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);

  foundry = g_object_new (ESCALE_TYPE_PARTNER,
                          "name", "Fonderie Horne",
                          "kind", ESCALE_PARTNER_KIND_EMPLOYER,
                          "region-code", "08",
                          "city", "Rouyn-Noranda",
                          NULL);
  g_assert_true (escale_partner_repository_save (partners, foundry, &error));
  g_assert_no_error (error);

  setting->ana = save_participant (participants, "Ana", "Alves", TRUE, 0);
  setting->bao = save_participant (participants, "Bao", "Bui", TRUE, 2);
  setting->chloe = save_participant (participants, "Chloé", "Charest", TRUE, 0);
  setting->dmitri = save_participant (participants, "Dmitri", "Dvorak", TRUE, 2);
  setting->emma = save_participant (participants, "Emma", "Eze", FALSE, 0);

  setting->visit = save_visit (events, escale_partner_get_id (foundry), setting->stops);
  setting->session = save_event (events, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance d’information en Mauricie",
                                 montreal_time (2026, 11, 25, 18, 30), montreal_time (2026, 11, 25, 20, 30));
  setting->presentation = save_event (events, ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION, "Présentation de l’Estrie",
                                      montreal_time (2027, 1, 12, 19, 0), montreal_time (2027, 1, 12, 20, 15));
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

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

#define LIST_IDS(db, ...) list_ids_of ((db), (const char *const[]) { __VA_ARGS__, NULL })

static char *
list_ids_of (const char        *db,
             const char *const *options)
{
  g_autoptr(JsonArray) events = events_json (db, options);

  return list_ids (events);
}

/* `events show ID --json --today @today`. */
static JsonObject *
event_json (const char *db,
            gint64      id,
            const char *today)
{
  g_autofree char *text = id_text (id);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "events", "show", text, "--json", "--today", today);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* The warnings of @array as "kind@stop", "kind" when about the whole event. */
static char *
describe_warnings (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *warning = item (array, i);
      JsonNode *stop = member (warning, "stop");

      g_assert_nonnull (string_member (warning, "message"));
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", string_member (warning, "kind"));
      if (!JSON_NODE_HOLDS_NULL (stop))
        g_string_append_printf (text, "@%" G_GINT64_FORMAT, json_node_get_int (stop));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* `events check ID --json` with @options. */
static char *
check_kinds (const char        *db,
             gint64             id,
             const char *const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *text = id_text (id);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "events");
  g_ptr_array_add (argv, (gpointer) "check");
  g_ptr_array_add (argv, text);
  g_ptr_array_add (argv, (gpointer) "--json");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  g_ptr_array_add (argv, NULL);

  run_argv (&run, NULL, (const char *const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return describe_warnings (json_node_get_array (root));
}

/* `events register EVENT PARTICIPANT [--household N]`, printed line. */
static void
register_ok (const char *db,
             gint64      event,
             gint64      participant,
             const char *household,
             const char *expected)
{
  g_autofree char *event_text = id_text (event);
  g_autofree char *participant_text = id_text (participant);
  g_auto(Run) run = { 0, };

  if (household != NULL)
    RUN (&run, "--db", db, "events", "register", event_text, participant_text, "--household", household);
  else
    RUN (&run, "--db", db, "events", "register", event_text, participant_text);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);
}

/* "Ana Alves:registered Bao Bui:waitlisted", by registration. */
static char *
registrations_of (const char *db,
                  gint64      event)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.given_name || ' ' || p.family_name || ':' || r.status || "
                                          "':' || r.seats FROM registration r JOIN participant p "
                                          "ON p.id = r.participant_id WHERE r.event_id = %" G_GINT64_FORMAT
                                          " ORDER BY r.id", event);
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* list */

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autoptr(JsonArray) events = NULL;
  g_auto(Run) table = { 0, };
  g_auto(GStrv) lines = NULL;
  Setting setting;
  JsonObject *visit;

  build_database (fixture, &setting);

  /* By start, in Montréal time, with how full each is. */
  RUN (&table, "--db", fixture->db, "events", "list");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_cmpstr (table.err, ==, "");
  lines = g_strsplit (table.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "ID      Start              Kind"));
  g_assert_nonnull (strstr (lines[0], "Seats"));
  g_assert_nonnull (strstr (lines[1], "2026-11-25 18:30   Information session"));
  g_assert_nonnull (strstr (lines[1], "0/30"));
  g_assert_true (g_str_has_suffix (lines[1], "Séance d’information en Mauricie"));
  g_assert_nonnull (strstr (lines[2], "2026-12-03 06:30   Exploratory visit"));
  g_assert_nonnull (strstr (lines[2], "Published"));
  g_assert_nonnull (strstr (lines[2], " 0/3 "));
  g_assert_true (g_str_has_suffix (lines[2], "Visite en Abitibi"));
  g_assert_nonnull (strstr (lines[3], "2027-01-12 19:00   Virtual presentation"));
  g_assert_cmpstr (lines[4], ==, "");

  events = events_json (fixture->db, NULL);
  all = list_ids (events);
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                 setting.session, setting.visit, setting.presentation);

    g_assert_cmpstr (all, ==, expected);
  }
  visit = item (events, 1);
  g_assert_cmpstr (string_member (visit, "kind"), ==, "exploratory-visit");
  g_assert_cmpstr (string_member (visit, "status"), ==, "published");
  g_assert_cmpstr (string_member (visit, "starts_at"), ==, "2026-12-03T06:30:00-05:00");
  g_assert_cmpstr (string_member (visit, "tzid"), ==, "America/Toronto");
  g_assert_cmpint (int_member (visit, "capacity"), ==, 3);
  g_assert_cmpint (int_member (json_object_get_object_member (visit, "fill"), "seats_taken"), ==, 0);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *visits = NULL;
  g_autofree char *december = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *day = NULL;
  g_autofree char *visit_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *session_and_visit = NULL;
  g_autofree char *visit_and_presentation = NULL;
  Setting setting;

  build_database (fixture, &setting);
  visit_id = id_text (setting.visit);
  session_id = id_text (setting.session);
  session_and_visit = g_strdup_printf ("%s %s", session_id, visit_id);
  visit_and_presentation = g_strdup_printf ("%s %" G_GINT64_FORMAT, visit_id, setting.presentation);

  visits = LIST_IDS (fixture->db, "--kind", "exploratory-visit");
  g_assert_cmpstr (visits, ==, visit_id);

  /* --from keeps what ends on or after the day, --to what starts on or
   * before it: the visit ends on 4 December. */
  december = LIST_IDS (fixture->db, "--from", "2026-12-01", "--to", "2026-12-31");
  g_assert_cmpstr (december, ==, visit_id);
  from = LIST_IDS (fixture->db, "--from", "2026-12-04");
  g_assert_cmpstr (from, ==, visit_and_presentation);
  to = LIST_IDS (fixture->db, "--to", "2026-12-03");
  g_assert_cmpstr (to, ==, session_and_visit);
  day = LIST_IDS (fixture->db, "--from", "2026-11-25", "--to", "2026-11-25", "--kind", "information-session");
  g_assert_cmpstr (day, ==, session_id);
}

static void
test_list_mistakes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) bad_from = { 0, };
  g_auto(Run) bad_to = { 0, };
  g_auto(Run) bad_kind = { 0, };
  g_auto(Run) extra = { 0, };
  Setting setting;

  build_database (fixture, &setting);

  RUN (&bad_from, "--db", fixture->db, "events", "list", "--from", "2026-13-01");
  assert_usage_error (&bad_from, "--from: write the date as YYYY-MM-DD");
  RUN (&bad_to, "--db", fixture->db, "events", "list", "--to", "demain");
  assert_usage_error (&bad_to, "--to: write the date as YYYY-MM-DD");
  RUN (&bad_kind, "--db", fixture->db, "events", "list", "--kind", "party");
  assert_usage_error (&bad_kind, "--kind: “party” is not a kind of event");
  RUN (&extra, "--db", fixture->db, "events", "list", "visits");
  assert_usage_error (&extra, "Unexpected argument “visits”");
}

/* show and check */

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *visit_id = NULL;
  g_autofree char *company = NULL;
  g_auto(Run) run = { 0, };
  Setting setting;

  build_database (fixture, &setting);
  visit_id = id_text (setting.visit);
  company = g_strdup_printf ("   2. Thu 03 17:00–18:30  Visite de la fonderie [Company visit], Fonderie Horne  "
                             "(stop %" G_GINT64_FORMAT ")\n", setting.stops[1]);

  RUN (&run, "--db", fixture->db, "events", "show", visit_id, "--today", TODAY);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Visite en Abitibi\n"));
  g_assert_nonnull (strstr (run.out, "\nKind                     Exploratory visit\n"));
  g_assert_nonnull (strstr (run.out, "\nStart                    2026-12-03 06:30\n"));
  g_assert_nonnull (strstr (run.out, "\nEnd                      2026-12-04 21:15\n"));
  g_assert_nonnull (strstr (run.out, "\nTime zone                America/Toronto\n"));
  g_assert_nonnull (strstr (run.out, "\nSeats taken              0/3\n"));
  g_assert_nonnull (strstr (run.out, "\nRegion                   08\n"));

  /* The itinerary in local time, with the stops' ids for the roll call. */
  g_assert_nonnull (strstr (run.out, "\nItinerary\n   1. Thu 03 06:30–07:00  Départ de Montréal [Departure], "
                                     "Métro Berri-UQAM  (stop "));
  g_assert_nonnull (strstr (run.out, company));
  g_assert_nonnull (strstr (run.out, "   4. Fri 04 09:00–10:30  Présentation de la ville"));
  g_assert_nonnull (strstr (run.out, "   5. Fri 04 21:00–21:15  Arrivée à Montréal [Return]"));
  g_assert_nonnull (strstr (run.out, "\nTransport\n  Coach, 2 seats, Autocars Fortin, Réjean Fortin\n"));
  g_assert_nonnull (strstr (run.out, "\nChecklist\n  [x] Réserver l’autocar, done 2026-10-30\n  [ ] Confirmer l’entreprise, "));

  /* The warnings, in plain words. */
  g_assert_nonnull (strstr (run.out, "\nChecks\n"));
  g_assert_nonnull (strstr (run.out, "⚠ “Visite de la fonderie” (Thu 17:00) is not confirmed by the partner yet.\n"));
  g_assert_nonnull (strstr (run.out, "⚠ No lodging is planned for the night of Thursday, December 3.\n"));
  g_assert_nonnull (strstr (run.out, "⚠ “Confirmer l’entreprise” was due on Friday, November 20 and is not done: "
                                     "3 days late.\n"));
  g_assert_null (strstr (run.out, "drive"));
}

static void
test_show_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) visit = NULL;
  g_autofree char *warnings = NULL;
  JsonArray *itinerary, *vehicles, *checklist;
  JsonObject *fill;
  static const char *const stop_kinds[] = { "departure", "company-visit", "meal", "presentation", "return" };
  Setting setting;

  build_database (fixture, &setting);
  visit = event_json (fixture->db, setting.visit, TODAY);

  g_assert_cmpint (int_member (visit, "id"), ==, setting.visit);
  g_assert_cmpstr (string_member (visit, "title"), ==, "Visite en Abitibi");
  g_assert_cmpstr (string_member (visit, "ends_at"), ==, "2026-12-04T21:15:00-05:00");

  itinerary = array_member (visit, "itinerary");
  g_assert_cmpuint (json_array_get_length (itinerary), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *stop = item (itinerary, i);

      g_assert_cmpint (int_member (stop, "id"), ==, setting.stops[i]);
      g_assert_cmpstr (string_member (stop, "kind"), ==, stop_kinds[i]);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (member (stop, "coordinates")));
    }
  g_assert_cmpstr (string_member (item (itinerary, 1), "starts_at"), ==, "2026-12-03T17:00:00-05:00");
  g_assert_false (boolean_member (item (itinerary, 1), "partner_confirmed"));
  g_assert_cmpint (int_member (item (itinerary, 1), "organization_id"), >, 0);

  vehicles = array_member (visit, "vehicles");
  g_assert_cmpuint (json_array_get_length (vehicles), ==, 1);
  g_assert_cmpstr (string_member (item (vehicles, 0), "kind"), ==, "bus");
  g_assert_cmpint (int_member (item (vehicles, 0), "seats"), ==, 2);
  g_assert_cmpstr (string_member (item (vehicles, 0), "provider"), ==, "Autocars Fortin");

  checklist = array_member (visit, "checklist");
  g_assert_cmpuint (json_array_get_length (checklist), ==, 2);
  g_assert_cmpstr (string_member (item (checklist, 0), "done_on"), ==, "2026-10-30");
  g_assert_cmpstr (string_member (item (checklist, 0), "confirmed_by"), ==, "Geneviève");
  g_assert_cmpstr (string_member (item (checklist, 1), "due_on"), ==, "2026-11-20");
  g_assert_null (string_member (item (checklist, 1), "done_on"));

  fill = json_object_get_object_member (visit, "fill");
  g_assert_cmpint (int_member (fill, "seats_taken"), ==, 0);
  g_assert_cmpint (int_member (fill, "registrations"), ==, 0);
  g_assert_cmpint (int_member (fill, "waitlisted"), ==, 0);
  g_assert_cmpint (int_member (fill, "waitlisted_seats"), ==, 0);

  /* The event's own warnings, then the itinerary's; stops counted from 1. */
  warnings = describe_warnings (array_member (visit, "warnings"));
  g_assert_cmpstr (warnings, ==, "no-lodging task-late partner-not-confirmed@2");
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *visit_id = NULL;
  g_autofree char *today = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *session = NULL;
  g_autofree char *session_id = NULL;
  g_auto(Run) text = { 0, };
  g_auto(Run) clean = { 0, };
  g_auto(Run) bad_today = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) not_an_id = { 0, };
  Setting setting;

  build_database (fixture, &setting);
  visit_id = id_text (setting.visit);
  session_id = id_text (setting.session);

  /* Warnings are not errors. */
  RUN (&text, "--db", fixture->db, "events", "check", visit_id, "--today", TODAY);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_cmpuint (count_lines (text.out), ==, 3);
  g_assert_true (g_str_has_prefix (text.out, "⚠ No lodging is planned for the night of Thursday, December 3.\n"));

  today = check_kinds (fixture->db, setting.visit, (const char *const[]) { "--today", TODAY, NULL });
  g_assert_cmpstr (today, ==, "no-lodging task-late partner-not-confirmed@2");
  /* A week earlier, the task was not late yet. */
  earlier = check_kinds (fixture->db, setting.visit, (const char *const[]) { "--today", "2026-11-16", NULL });
  g_assert_cmpstr (earlier, ==, "no-lodging partner-not-confirmed@2");

  session = check_kinds (fixture->db, setting.session, NULL);
  g_assert_cmpstr (session, ==, "");
  RUN (&clean, "--db", fixture->db, "events", "check", session_id);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "No warnings: the plan holds together.\n");

  RUN (&bad_today, "--db", fixture->db, "events", "check", visit_id, "--today", "23/11/2026");
  assert_usage_error (&bad_today, "--today: write the date as YYYY-MM-DD");
  RUN (&unknown, "--db", fixture->db, "events", "check", "99");
  assert_data_error (&unknown, "There is no event number 99");
  RUN (&not_an_id, "--db", fixture->db, "events", "show", "abc");
  assert_usage_error (&not_an_id, "Event: “abc” is not an ID");
}

/* register, cancel-registration */

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *visit_id = NULL;
  g_autofree char *emma = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *registrations = NULL;
  g_autofree char *seats = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonObject) visit = NULL;
  g_auto(Run) no_consent = { 0, };
  g_auto(Run) twice = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) not_an_id = { 0, };
  g_auto(Run) bad_household = { 0, };
  g_auto(Run) missing = { 0, };
  JsonObject *fill;
  Setting setting;

  build_database (fixture, &setting);
  visit_id = id_text (setting.visit);
  emma = id_text (setting.emma);
  ana = id_text (setting.ana);

  /* Three seats: Ana alone, then Bao with one member of his household. */
  register_ok (fixture->db, setting.visit, setting.ana, NULL, "Registered: Ana Alves, 1 seat\n");
  register_ok (fixture->db, setting.visit, setting.bao, "1", "Registered: Bao Bui, 2 seats\n");
  /* Full: the others wait, households included. */
  register_ok (fixture->db, setting.visit, setting.chloe, NULL, "Waitlisted: Chloé Charest, 1 seat\n");
  register_ok (fixture->db, setting.visit, setting.dmitri, "2", "Waitlisted: Dmitri Dvorak, 3 seats\n");

  registrations = registrations_of (fixture->db, setting.visit);
  g_assert_cmpstr (registrations, ==, "Ana Alves:registered:1 Bao Bui:registered:2 Chloé Charest:waitlisted:1 "
                                      "Dmitri Dvorak:waitlisted:3");

  visit = event_json (fixture->db, setting.visit, TODAY);
  fill = json_object_get_object_member (visit, "fill");
  g_assert_cmpint (int_member (fill, "seats_taken"), ==, 3);
  g_assert_cmpint (int_member (fill, "registrations"), ==, 2);
  g_assert_cmpint (int_member (fill, "waitlisted"), ==, 2);
  g_assert_cmpint (int_member (fill, "waitlisted_seats"), ==, 4);
  /* Three seats taken, a coach of two. */
  seats = describe_warnings (array_member (visit, "warnings"));
  g_assert_cmpstr (seats, ==, "not-enough-seats no-lodging task-late partner-not-confirmed@2");

  /* Someone who never consented is refused, with the reason. */
  RUN (&no_consent, "--db", fixture->db, "events", "register", visit_id, emma);
  assert_data_error (&no_consent, "Emma Eze has not given consent for “");
  g_assert_nonnull (strstr (no_consent.err, "Record their consent first."));

  RUN (&twice, "--db", fixture->db, "events", "register", visit_id, ana);
  assert_data_error (&twice, "Ana Alves is already registered for “Visite en Abitibi” (Registered)");
  RUN (&unknown, "--db", fixture->db, "events", "register", "99", ana);
  assert_data_error (&unknown, "There is no event number 99");
  RUN (&not_an_id, "--db", fixture->db, "events", "register", "abc", ana);
  assert_usage_error (&not_an_id, "Event: “abc” is not an ID");
  RUN (&bad_household, "--db", fixture->db, "events", "register", visit_id, ana, "--household", "-1");
  assert_usage_error (&bad_household, "--household: use a number from 0 to 19");
  RUN (&missing, "--db", fixture->db, "events", "register", visit_id);
  assert_usage_error (&missing, "Give an event ID and a participant ID");

  /* Nothing the refusals did was written. */
  g_clear_pointer (&registrations, g_free);
  registrations = registrations_of (fixture->db, setting.visit);
  g_assert_cmpstr (registrations, ==, "Ana Alves:registered:1 Bao Bui:registered:2 Chloé Charest:waitlisted:1 "
                                      "Dmitri Dvorak:waitlisted:3");
  expected = g_strdup_printf ("SELECT count(*) FROM registration WHERE participant_id = %" G_GINT64_FORMAT, setting.emma);
  g_assert_cmpint (sql_number (fixture->db, expected), ==, 0);
}

static void
test_cancel_registration (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *visit_id = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *registrations = NULL;
  g_auto(Run) cancel = { 0, };
  g_auto(Run) again = { 0, };
  Setting setting;

  build_database (fixture, &setting);
  visit_id = id_text (setting.visit);
  ana = id_text (setting.ana);
  register_ok (fixture->db, setting.visit, setting.ana, NULL, "Registered: Ana Alves, 1 seat\n");
  register_ok (fixture->db, setting.visit, setting.bao, "1", "Registered: Bao Bui, 2 seats\n");
  register_ok (fixture->db, setting.visit, setting.dmitri, "2", "Waitlisted: Dmitri Dvorak, 3 seats\n");
  register_ok (fixture->db, setting.visit, setting.chloe, NULL, "Waitlisted: Chloé Charest, 1 seat\n");

  /* Ana's seat goes to Chloé: Dmitri's family, first in line, needs three. */
  RUN (&cancel, "--db", fixture->db, "events", "cancel-registration", visit_id, ana);
  g_assert_cmpint (cancel.status, ==, 0);
  g_assert_cmpstr (cancel.err, ==, "");
  expected = g_strdup_printf ("Registration cancelled.\n"
                              "Promoted from the waitlist: Chloé Charest (participant %" G_GINT64_FORMAT ")\n",
                              setting.chloe);
  g_assert_cmpstr (cancel.out, ==, expected);
  registrations = registrations_of (fixture->db, setting.visit);
  g_assert_cmpstr (registrations, ==, "Ana Alves:cancelled:1 Bao Bui:registered:2 Dmitri Dvorak:waitlisted:3 "
                                      "Chloé Charest:registered:1");

  RUN (&again, "--db", fixture->db, "events", "cancel-registration", visit_id, ana);
  assert_data_error (&again, "is not registered for event");
}

/* participants show: the events of a file */

static void
test_participant_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dmitri = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) json = { 0, };
  g_auto(Run) text = { 0, };
  g_auto(Run) nothing = { 0, };
  JsonArray *registrations;
  JsonObject *visit;
  JsonObject *session;
  Setting setting;

  build_database (fixture, &setting);
  dmitri = id_text (setting.dmitri);
  /* The visit's three seats go to Ana and Bao's family; Chloé, then
   * Dmitri with his, wait. Dmitri also comes to the session. */
  register_ok (fixture->db, setting.visit, setting.ana, NULL, "Registered: Ana Alves, 1 seat\n");
  register_ok (fixture->db, setting.visit, setting.bao, "1", "Registered: Bao Bui, 2 seats\n");
  register_ok (fixture->db, setting.visit, setting.chloe, NULL, "Waitlisted: Chloé Charest, 1 seat\n");
  register_ok (fixture->db, setting.visit, setting.dmitri, "2", "Waitlisted: Dmitri Dvorak, 3 seats\n");
  register_ok (fixture->db, setting.session, setting.dmitri, NULL, "Registered: Dmitri Dvorak, 1 seat\n");

  /* The latest event first. */
  RUN (&json, "--db", fixture->db, "participants", "show", dmitri, "--json");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  root = parse_json (json.out);
  registrations = array_member (json_node_get_object (root), "registrations");
  g_assert_cmpuint (json_array_get_length (registrations), ==, 2);
  visit = item (registrations, 0);
  {
    static const char *const names[] = {
      "event_id", "title", "kind", "starts_at", "event_status", "status", "seats", "waitlist_position",
    };

    assert_members (visit, names, G_N_ELEMENTS (names));
    g_assert_cmpuint (json_object_get_size (visit), ==, G_N_ELEMENTS (names));
  }
  g_assert_cmpint (int_member (visit, "event_id"), ==, setting.visit);
  g_assert_cmpstr (string_member (visit, "title"), ==, "Visite en Abitibi");
  g_assert_cmpstr (string_member (visit, "kind"), ==, "exploratory-visit");
  g_assert_cmpstr (string_member (visit, "starts_at"), ==, "2026-12-03T06:30:00-05:00");
  g_assert_cmpstr (string_member (visit, "event_status"), ==, "published");
  g_assert_cmpstr (string_member (visit, "status"), ==, "waitlisted");
  g_assert_cmpint (int_member (visit, "seats"), ==, 3);
  g_assert_cmpint (int_member (visit, "waitlist_position"), ==, 2);
  session = item (registrations, 1);
  g_assert_cmpint (int_member (session, "event_id"), ==, setting.session);
  g_assert_cmpstr (string_member (session, "status"), ==, "registered");
  g_assert_cmpint (int_member (session, "seats"), ==, 1);
  g_assert_true (json_node_is_null (member (session, "waitlist_position")));

  RUN (&text, "--db", fixture->db, "participants", "show", dmitri);
  g_assert_cmpint (text.status, ==, 0);
  expected = g_strdup_printf ("\nEvents\n"
                              "  2026-12-03 06:30  Visite en Abitibi (event %" G_GINT64_FORMAT "): "
                              "Waitlisted (number 2), 3 seats\n"
                              "  2026-11-25 18:30  Séance d’information en Mauricie (event %" G_GINT64_FORMAT "): "
                              "Registered, 1 seat\n",
                              setting.visit, setting.session);
  g_assert_true (g_str_has_suffix (text.out, expected));

  /* Emma was never registered: no events, an empty array. */
  {
    g_autofree char *emma = id_text (setting.emma);
    g_autoptr(JsonNode) emma_root = NULL;

    RUN (&nothing, "--db", fixture->db, "participants", "show", emma, "--json");
    g_assert_cmpint (nothing.status, ==, 0);
    emma_root = parse_json (nothing.out);
    g_assert_cmpuint (json_array_get_length (array_member (json_node_get_object (emma_root), "registrations")), ==, 0);
  }
}

/* roll-call */

static void
test_roll_call (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *visit_id = NULL;
  g_autofree char *stop_id = NULL;
  g_autofree char *present = NULL;
  g_autofree char *stranger = NULL;
  g_autofree char *registrations = NULL;
  g_auto(Run) at_stop = { 0, };
  g_auto(Run) not_holding = { 0, };
  g_auto(Run) no_list = { 0, };
  g_auto(Run) other_stop = { 0, };
  g_auto(Run) event = { 0, };
  Setting setting;

  build_database (fixture, &setting);
  visit_id = id_text (setting.visit);
  stop_id = id_text (setting.stops[1]);
  register_ok (fixture->db, setting.visit, setting.ana, NULL, "Registered: Ana Alves, 1 seat\n");
  register_ok (fixture->db, setting.visit, setting.bao, "1", "Registered: Bao Bui, 2 seats\n");
  register_ok (fixture->db, setting.visit, setting.chloe, NULL, "Waitlisted: Chloé Charest, 1 seat\n");

  /* At the foundry, Bao is there and Ana is not. */
  present = id_text (setting.bao);
  RUN (&at_stop, "--db", fixture->db, "events", "roll-call", visit_id, "--stop", stop_id, "--attended", present);
  g_assert_cmpint (at_stop.status, ==, 0);
  g_assert_cmpstr (at_stop.err, ==, "");
  g_assert_cmpstr (at_stop.out, ==, "Present: 1, absent: 1\n");
  g_assert_cmpint (sql_number (fixture->db, "SELECT count(*) FROM stop_attendance"), ==, 2);
  g_assert_cmpint (sql_number (fixture->db, "SELECT sum(present) FROM stop_attendance"), ==, 1);

  /* Chloé waits for a seat: marking her there is a mistake, and nothing of
   * the roll call is written. */
  stranger = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, setting.ana, setting.chloe);
  RUN (&not_holding, "--db", fixture->db, "events", "roll-call", visit_id, "--stop", stop_id, "--attended", stranger);
  assert_data_error (&not_holding, "holds no seat at this event");
  g_assert_cmpint (sql_number (fixture->db, "SELECT sum(present) FROM stop_attendance"), ==, 1);

  RUN (&no_list, "--db", fixture->db, "events", "roll-call", visit_id, "--stop", stop_id);
  assert_usage_error (&no_list, "--attended: list the IDs");
  RUN (&other_stop, "--db", fixture->db, "events", "roll-call", visit_id, "--stop", "999", "--attended", present);
  assert_data_error (&other_stop, "has no stop number 999");

  /* The roll call of the visit itself: who came and who did not. */
  RUN (&event, "--db", fixture->db, "events", "roll-call", visit_id, "--attended", present);
  g_assert_cmpint (event.status, ==, 0);
  g_assert_cmpstr (event.out, ==, "Present: 1, absent: 1\n");
  registrations = registrations_of (fixture->db, setting.visit);
  g_assert_cmpstr (registrations, ==, "Ana Alves:no-show:1 Bao Bui:attended:2 Chloé Charest:waitlisted:1");
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/events/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/cli/events/list/filters", Fixture, NULL, fixture_set_up, test_list_filters, fixture_tear_down);
  g_test_add ("/cli/events/list/mistakes", Fixture, NULL, fixture_set_up, test_list_mistakes, fixture_tear_down);
  g_test_add ("/cli/events/show", Fixture, NULL, fixture_set_up, test_show, fixture_tear_down);
  g_test_add ("/cli/events/show/json", Fixture, NULL, fixture_set_up, test_show_json, fixture_tear_down);
  g_test_add ("/cli/events/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);
  g_test_add ("/cli/events/register", Fixture, NULL, fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/cli/events/cancel-registration", Fixture, NULL, fixture_set_up, test_cancel_registration, fixture_tear_down);
  g_test_add ("/cli/events/roll-call", Fixture, NULL, fixture_set_up, test_roll_call, fixture_tear_down);
  g_test_add ("/cli/events/participant-file", Fixture, NULL, fixture_set_up, test_participant_file, fixture_tear_down);

  return cli_test_run ();
}
