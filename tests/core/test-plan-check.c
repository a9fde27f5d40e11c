/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "escale-plan-check.h"

/* Places of a visit to Abitibi-Témiscamingue, and of Montréal. */
#define MONTREAL 45.5152, -73.5610
#define ROUYN_NORANDA 48.2366, -79.0231
#define VAL_D_OR 48.0975, -77.7828
#define TROIS_RIVIERES 46.3432, -72.5477
#define SHAWINIGAN 46.5668, -72.7491

/* An instant given by its local time in @tzid. */
static gint64
at (const char *tzid,
    int         year,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (zone);
  time = g_date_time_new (zone, year, month, day, hour, minute, 0);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* An instant in Montréal in October 2026. */
static gint64
october (int day,
         int hour,
         int minute)
{
  return at ("America/Toronto", 2026, 10, day, hour, minute);
}

static EscaleEvent *
visit_new (const char *tzid,
           gint64      starts_at,
           gint64      ends_at)
{
  EscaleEvent *event = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);

  escale_event_set_text (event, "title", "Séjour exploratoire en Abitibi-Témiscamingue");
  escale_event_set_text (event, "tzid", tzid);
  escale_event_set_times (event, starts_at, ends_at);
  return event;
}

/* (transfer none): the event holds the stop. */
static EscaleItineraryStop *
add_stop (EscaleEvent    *event,
          EscaleStopKind  kind,
          const char     *title,
          gint64          starts_at,
          gint64          ends_at)
{
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (kind, title, starts_at, ends_at);

  escale_event_add_stop (event, stop);
  return stop;
}

static void
confirm_partner (EscaleItineraryStop *stop,
                 gint64               organization_id)
{
  escale_itinerary_stop_set_organization_id (stop, organization_id);
  escale_itinerary_stop_set_partner_confirmed (stop, TRUE);
}

static GPtrArray *
check (EscaleEvent *event,
       const char  *today,
       guint        seats_taken)
{
  EscalePlanContext context = { today, 0, seats_taken };
  GPtrArray *warnings = escale_plan_check (event, &context);

  g_assert_nonnull (warnings);
  for (guint i = 0; i < warnings->len; i++)
    {
      const EscalePlanWarning *warning = warnings->pdata[i];

      g_test_message ("%s [%d, %d]: %s", escale_plan_warning_kind_get_nick (warning->kind),
                      warning->stop, warning->other_stop, warning->message);
    }
  return warnings;
}

static guint
count (GPtrArray             *warnings,
       EscalePlanWarningKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    n += ((EscalePlanWarning *) warnings->pdata[i])->kind == kind;
  return n;
}

/* The only warning of @kind, which must name @stop and @other_stop and
 * say each of the NULL-terminated words. */
static void
assert_warning (GPtrArray             *warnings,
                EscalePlanWarningKind  kind,
                int                    stop,
                int                    other_stop,
                ...)
{
  const EscalePlanWarning *found = NULL;
  const char *word;
  va_list words;

  g_assert_cmpuint (count (warnings, kind), ==, 1);
  for (guint i = 0; i < warnings->len; i++)
    {
      if (((EscalePlanWarning *) warnings->pdata[i])->kind == kind)
        found = warnings->pdata[i];
    }

  g_assert_cmpint (found->stop, ==, stop);
  g_assert_cmpint (found->other_stop, ==, other_stop);
  va_start (words, other_stop);
  while ((word = va_arg (words, const char *)) != NULL)
    {
      if (g_strstr_len (found->message, -1, word) == NULL)
        g_error ("“%s” is not in “%s”", word, found->message);
    }
  va_end (words);
}

/* Thursday to Saturday in Abitibi-Témiscamingue, as a counsellor plans it:
 * the coach from Montréal, two towns, four companies and employers, meals,
 * two nights at the hotel, back on Saturday evening. */
static EscaleEvent *
abitibi_visit_new (void)
{
  EscaleEvent *event = visit_new ("America/Toronto", october (15, 6, 30), october (17, 20, 30));
  EscaleItineraryStop *stop;
  g_autoptr(EscaleVehicle) coach = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, 56);
  g_autoptr(EscaleLogisticsTask) book_coach = escale_logistics_task_new ("Book the coach", "2026-09-15");
  g_autoptr(EscaleLogisticsTask) book_hotels = escale_logistics_task_new ("Book the hotels", "2026-10-01");

  escale_event_set_capacity (event, 20);

  stop = add_stop (event, ESCALE_STOP_KIND_DEPARTURE, "Departure from Berri-UQAM", october (15, 6, 30), october (15, 7, 0));
  escale_itinerary_stop_set_coordinates (stop, MONTREAL);
  add_stop (event, ESCALE_STOP_KIND_TRANSPORT, "Road to Rouyn-Noranda, lunch in Mont-Laurier", october (15, 7, 0), october (15, 15, 30));
  stop = add_stop (event, ESCALE_STOP_KIND_PRESENTATION, "Welcome at the Maison de la culture", october (15, 16, 0), october (15, 17, 30));
  escale_itinerary_stop_set_coordinates (stop, ROUYN_NORANDA);
  stop = add_stop (event, ESCALE_STOP_KIND_MEAL, "Supper with local actors", october (15, 18, 0), october (15, 20, 0));
  escale_itinerary_stop_set_coordinates (stop, 48.2400, -79.0200);
  stop = add_stop (event, ESCALE_STOP_KIND_LODGING, "Night at Hôtel Le Noranda", october (15, 20, 30), october (16, 7, 30));
  escale_itinerary_stop_set_coordinates (stop, 48.2390, -79.0180);
  stop = add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of Fonderie Horne", october (16, 8, 30), october (16, 10, 30));
  escale_itinerary_stop_set_coordinates (stop, 48.2535, -79.0150);
  confirm_partner (stop, 12);
  stop = add_stop (event, ESCALE_STOP_KIND_EMPLOYER_MEETING, "Meeting with employers at the CLD", october (16, 10, 45), october (16, 12, 0));
  escale_itinerary_stop_set_coordinates (stop, ROUYN_NORANDA);
  confirm_partner (stop, 13);
  stop = add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch at the CLD", october (16, 12, 0), october (16, 13, 0));
  escale_itinerary_stop_set_coordinates (stop, ROUYN_NORANDA);
  stop = add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of the Hôpital de Val-d'Or", october (16, 15, 0), october (16, 16, 30));
  escale_itinerary_stop_set_coordinates (stop, VAL_D_OR);
  confirm_partner (stop, 14);
  stop = add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of a gold mine", october (16, 16, 45), october (16, 17, 45));
  escale_itinerary_stop_set_coordinates (stop, 48.1100, -77.7500);
  confirm_partner (stop, 15);
  stop = add_stop (event, ESCALE_STOP_KIND_MEAL, "Supper in Val-d'Or", october (16, 18, 15), october (16, 19, 45));
  escale_itinerary_stop_set_coordinates (stop, 48.0980, -77.7900);
  stop = add_stop (event, ESCALE_STOP_KIND_LODGING, "Night at Hôtel Forestel", october (16, 20, 0), october (17, 7, 30));
  escale_itinerary_stop_set_coordinates (stop, 48.1000, -77.7950);
  stop = add_stop (event, ESCALE_STOP_KIND_PRESENTATION, "Tour of Val-d'Or and its services", october (17, 8, 30), october (17, 10, 30));
  escale_itinerary_stop_set_coordinates (stop, VAL_D_OR);
  stop = add_stop (event, ESCALE_STOP_KIND_RETURN, "Back at Berri-UQAM", october (17, 20, 0), october (17, 20, 30));
  escale_itinerary_stop_set_coordinates (stop, MONTREAL);

  escale_vehicle_set_provider (coach, "Autobus Maheux");
  escale_vehicle_set_departs_at (coach, october (15, 6, 45));
  escale_vehicle_set_returns_at (coach, october (17, 20, 15));
  escale_event_add_vehicle (event, coach);

  escale_logistics_task_complete (book_coach, "2026-09-10", "Autobus Maheux");
  escale_event_add_task (event, book_coach);
  escale_event_add_task (event, book_hotels);

  return event;
}

static void
test_sound_visit (void)
{
  g_autoptr(EscaleEvent) event = abitibi_visit_new ();
  g_autoptr(GPtrArray) warnings = check (event, "2026-09-20", 18);

  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Two stops at the same place: only their times matter. */
static EscaleEvent *
day_in_rouyn_new (void)
{
  return visit_new ("America/Toronto", october (16, 8, 0), october (16, 22, 0));
}

static void
test_overlap (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  EscaleItineraryStop *stop;

  add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch at Rouyn-Noranda", october (16, 12, 0), october (16, 13, 0));
  stop = add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of Fonderie Horne", october (16, 12, 30), october (16, 14, 0));
  confirm_partner (stop, 12);

  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_STOPS_OVERLAP, 1, 0,
                  "“Visit of Fonderie Horne” (12:30)", "30 minutes", "“Lunch at Rouyn-Noranda” (13:00)", NULL);
}

static void
test_out_of_order (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  EscaleItineraryStop *stop;

  stop = add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of Fonderie Horne", october (16, 10, 0), october (16, 11, 30));
  confirm_partner (stop, 12);
  add_stop (event, ESCALE_STOP_KIND_PRESENTATION, "Welcome at the town hall", october (16, 9, 0), october (16, 9, 45));

  /* Out of order, and not also an overlap. */
  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_STOPS_OUT_OF_ORDER, 1, 0,
                  "“Welcome at the town hall” (09:00)", "before", "“Visit of Fonderie Horne” (10:00)", NULL);
}

static void
test_travel_time (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  EscaleItineraryStop *lunch;
  EscaleItineraryStop *visit;
  EscalePlanContext faster = { NULL, 100, 0 };

  lunch = add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch at Rouyn-Noranda", october (16, 12, 0), october (16, 13, 0));
  escale_itinerary_stop_set_coordinates (lunch, ROUYN_NORANDA);
  visit = add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of the Hôpital de Val-d'Or", october (16, 14, 0), october (16, 15, 30));
  escale_itinerary_stop_set_coordinates (visit, VAL_D_OR);
  confirm_partner (visit, 14);

  /* 93 km as the crow flies, 117 km by road: 1 h 40 min at 70 km/h. */
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 1);
    assert_warning (warnings, ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME, 1, 0,
                    "“Visit of the Hôpital de Val-d'Or” (14:00)", "starts 1 hour after",
                    "“Lunch at Rouyn-Noranda” (13:00)", "117 km", "1 h 40 min", NULL);
  }

  /* At 100 km/h the drive takes 70 minutes. */
  {
    g_autoptr(GPtrArray) warnings = escale_plan_check (event, &faster);

    assert_warning (warnings, ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME, 1, 0, "1 h 10 min", NULL);
  }

  /* Enough time. */
  escale_itinerary_stop_set_starts_at (visit, october (16, 14, 45));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  /* Right after lunch. */
  escale_itinerary_stop_set_starts_at (visit, october (16, 13, 0));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    assert_warning (warnings, ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME, 1, 0, "as soon as", NULL);
  }

  /* Without coordinates, nothing to say. */
  escale_itinerary_stop_clear_coordinates (visit);
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

static void
test_distance (void)
{
  g_assert_cmpfloat_with_epsilon (escale_plan_distance_km (ROUYN_NORANDA, VAL_D_OR), 93.3, 0.5);
  g_assert_cmpfloat_with_epsilon (escale_plan_distance_km (VAL_D_OR, ROUYN_NORANDA), 93.3, 0.5);
  /* Montréal to Québec City. */
  g_assert_cmpfloat_with_epsilon (escale_plan_distance_km (MONTREAL, 46.8139, -71.2080), 233.0, 2.0);
  g_assert_cmpfloat (escale_plan_distance_km (VAL_D_OR, VAL_D_OR), ==, 0.0);
}

static void
test_stop_outside_event (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;

  add_stop (event, ESCALE_STOP_KIND_DEPARTURE, "Departure from the hotel", october (16, 7, 30), october (16, 8, 0));
  add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch", october (16, 12, 0), october (16, 13, 0));
  add_stop (event, ESCALE_STOP_KIND_FREE_TIME, "Evening in town", october (16, 20, 0), october (16, 23, 0));

  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[0])->kind, ==, ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[0])->stop, ==, 0);
  g_assert_nonnull (strstr (((EscalePlanWarning *) warnings->pdata[0])->message, "“Departure from the hotel” (07:30) starts before the visit, which starts at 08:00"));
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[1])->kind, ==, ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[1])->stop, ==, 2);
  g_assert_nonnull (strstr (((EscalePlanWarning *) warnings->pdata[1])->message, "ends at 23:00, after the visit, which ends at 22:00"));
}

static void
test_times_backwards (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;

  add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch", october (16, 13, 0), october (16, 12, 0));
  warnings = check (event, NULL, 0);
  assert_warning (warnings, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, 0, -1,
                  "“Lunch” (13:00) ends at 12:00, before it starts", NULL);
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_event_backwards (void)
{
  g_autoptr(EscaleEvent) event = visit_new ("America/Toronto", october (16, 22, 0), october (16, 8, 0));
  g_autoptr(GPtrArray) warnings = NULL;

  add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch", october (16, 12, 0), october (16, 13, 0));
  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, -1, -1,
                  "The event ends at 08:00, before it starts at 22:00", NULL);
}

static void
test_vehicle_returns_before_it_leaves (void)
{
  g_autoptr(EscaleEvent) event = abitibi_visit_new ();
  g_autoptr(EscaleVehicle) minibus = escale_vehicle_new (ESCALE_VEHICLE_KIND_MINIBUS, 15);
  g_autoptr(EscaleVehicle) car = escale_vehicle_new (ESCALE_VEHICLE_KIND_CAR, 4);
  g_autoptr(GPtrArray) warnings = NULL;

  /* Saturday 07:00 and Thursday 18:00, swapped in the form. */
  escale_vehicle_set_departs_at (minibus, october (17, 7, 0));
  escale_vehicle_set_returns_at (minibus, october (15, 18, 0));
  escale_event_add_vehicle (event, minibus);
  /* A car whose times are not known yet is not checked. */
  escale_event_add_vehicle (event, car);

  warnings = check (event, NULL, 18);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, -1, -1,
                  "Minibus 2 returns at Thu 18:00, before it leaves at Sat 07:00", NULL);
}

static void
test_return_stop_before_departure (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  EscaleItineraryStop *back;
  EscaleItineraryStop *departure;

  back = add_stop (event, ESCALE_STOP_KIND_RETURN, "Back at Berri-UQAM", october (16, 8, 0), october (16, 8, 30));
  departure = add_stop (event, ESCALE_STOP_KIND_DEPARTURE, "Departure from Berri-UQAM", october (16, 21, 0), october (16, 21, 30));

  /* Before it in the list and in time. */
  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, 0, 1,
                  "The return, “Back at Berri-UQAM” (08:00), comes before the departure, "
                  "“Departure from Berri-UQAM” (21:00)", NULL);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Put after it in the list, the times still say otherwise. */
  escale_event_move_stop (event, 1, 0);
  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 2);
  assert_warning (warnings, ESCALE_PLAN_WARNING_STOPS_OUT_OF_ORDER, 1, 0, NULL);
  assert_warning (warnings, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, 1, 0, "The return", NULL);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* And the times swapped too. */
  escale_itinerary_stop_set_starts_at (departure, october (16, 8, 0));
  escale_itinerary_stop_set_ends_at (departure, october (16, 8, 30));
  escale_itinerary_stop_set_starts_at (back, october (16, 21, 0));
  escale_itinerary_stop_set_ends_at (back, october (16, 21, 30));
  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_not_enough_seats (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(EscaleVehicle) minibus = escale_vehicle_new (ESCALE_VEHICLE_KIND_MINIBUS, 15);
  g_autoptr(EscaleVehicle) car = escale_vehicle_new (ESCALE_VEHICLE_KIND_CAR, 4);

  /* No vehicle yet: nothing to compare with. */
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 22);

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  escale_event_add_vehicle (event, minibus);
  escale_event_add_vehicle (event, car);
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 22);

    g_assert_cmpuint (warnings->len, ==, 1);
    assert_warning (warnings, ESCALE_PLAN_WARNING_NOT_ENOUGH_SEATS, -1, -1,
                    "Registrations hold 22 seats but the vehicles have only 19 seats", NULL);
  }
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 19);

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  escale_event_remove_vehicle (event, minibus);
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 2);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

static void
test_over_capacity (void)
{
  /* Capacity is every event's: here an information session. */
  g_autoptr(EscaleEvent) event = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);

  escale_event_set_times (event, october (20, 18, 30), october (20, 20, 0));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 250);

    /* No limit. */
    g_assert_cmpint (escale_event_get_capacity (event), ==, -1);
    g_assert_cmpuint (warnings->len, ==, 0);
  }

  escale_event_set_capacity (event, 20);
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 22);

    g_assert_cmpuint (warnings->len, ==, 1);
    assert_warning (warnings, ESCALE_PLAN_WARNING_OVER_CAPACITY, -1, -1,
                    "Registrations hold 22 seats but the event is limited to 20", NULL);
  }
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 20);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

static void
test_partner_not_confirmed (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  EscaleItineraryStop *meeting;

  add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of a sawmill", october (16, 9, 0), october (16, 10, 30));
  meeting = add_stop (event, ESCALE_STOP_KIND_EMPLOYER_MEETING, "Meeting with employers", october (16, 11, 0), october (16, 12, 0));
  escale_itinerary_stop_set_organization_id (meeting, 13);
  /* A meal needs no partner. */
  add_stop (event, ESCALE_STOP_KIND_MEAL, "Lunch", october (16, 12, 0), october (16, 13, 0));

  warnings = check (event, NULL, 0);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[0])->kind, ==, ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[0])->stop, ==, 0);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[0])->other_stop, ==, -1);
  g_assert_nonnull (strstr (((EscalePlanWarning *) warnings->pdata[0])->message, "“Visit of a sawmill” (09:00) has no partner"));
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[1])->kind, ==, ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED);
  g_assert_cmpint (((EscalePlanWarning *) warnings->pdata[1])->stop, ==, 1);
  g_assert_nonnull (strstr (((EscalePlanWarning *) warnings->pdata[1])->message, "“Meeting with employers” (11:00) is not confirmed"));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  escale_itinerary_stop_set_partner_confirmed (meeting, TRUE);
  warnings = check (event, NULL, 0);
  assert_warning (warnings, ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED, 0, -1, "no partner", NULL);
}

static void
test_missing_lodging (void)
{
  g_autoptr(EscaleEvent) event = abitibi_visit_new ();
  g_autoptr(EscaleItineraryStop) forestel = g_list_model_get_item (escale_event_get_stops (event), 11);
  g_autoptr(GPtrArray) warnings = NULL;

  g_assert_cmpint (escale_itinerary_stop_get_kind (forestel), ==, ESCALE_STOP_KIND_LODGING);
  escale_event_remove_stop (event, forestel);

  warnings = check (event, NULL, 18);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_NO_LODGING, -1, -1,
                  "No lodging is planned for the night of Friday, October 16.", NULL);
}

static void
test_one_day_needs_no_lodging (void)
{
  g_autoptr(EscaleEvent) event = visit_new ("America/Toronto", october (17, 6, 0), october (17, 23, 30));

  add_stop (event, ESCALE_STOP_KIND_DEPARTURE, "Departure from Berri-UQAM", october (17, 6, 0), october (17, 6, 30));
  add_stop (event, ESCALE_STOP_KIND_RETURN, "Back at Berri-UQAM", october (17, 23, 0), october (17, 23, 30));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  /* Back after midnight: a late night on the coach, not one at a hotel. */
  escale_event_set_times (event, october (17, 6, 0), october (18, 1, 0));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

static void
test_late_tasks (void)
{
  g_autoptr(EscaleEvent) event = abitibi_visit_new ();
  g_autoptr(EscaleLogisticsTask) hotels = g_list_model_get_item (escale_event_get_tasks (event), 1);
  g_autoptr(EscaleLogisticsTask) no_date = escale_logistics_task_new ("Print the name tags", NULL);
  g_autoptr(EscaleLogisticsTask) today = escale_logistics_task_new ("Send the list to the carrier", "2026-10-20");
  g_autoptr(GPtrArray) warnings = NULL;

  escale_event_add_task (event, no_date);
  escale_event_add_task (event, today);

  /* "Book the coach" was due on 2026-09-15 and done late: not late. */
  warnings = check (event, "2026-10-20", 18);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_TASK_LATE, -1, -1,
                  "“Book the hotels” was due on Thursday, October 1 and is not done: 19 days late.", NULL);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  escale_logistics_task_complete (hotels, "2026-10-21", NULL);
  warnings = check (event, "2026-10-22", 18);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_warning (warnings, ESCALE_PLAN_WARNING_TASK_LATE, -1, -1, "“Send the list to the carrier”", "2 days late", NULL);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Without today, the checklist is left alone. */
  warnings = check (event, NULL, 18);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_islands_zone (void)
{
  /* A weekend on the Îles-de-la-Madeleine: the morning plane lands at
   * noon, the group checks in at 12:30 there, 11:30 in Montréal. */
  g_autoptr(EscaleEvent) event = visit_new ("America/Halifax",
                                            at ("America/Halifax", 2026, 6, 5, 8, 0),
                                            at ("America/Halifax", 2026, 6, 7, 18, 0));

  add_stop (event, ESCALE_STOP_KIND_LODGING, "Check-in at Auberge Havre-sur-Mer",
            at ("America/Halifax", 2026, 6, 5, 12, 30), at ("America/Halifax", 2026, 6, 5, 13, 0));
  add_stop (event, ESCALE_STOP_KIND_LODGING, "Night at Auberge Havre-sur-Mer",
            at ("America/Halifax", 2026, 6, 6, 21, 30), at ("America/Halifax", 2026, 6, 7, 8, 0));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  /* Counted in Montréal, the check-in would be the morning's. */
  escale_event_set_text (event, "tzid", "America/Toronto");
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    assert_warning (warnings, ESCALE_PLAN_WARNING_NO_LODGING, -1, -1, "Friday, June 5", NULL);
  }

  /* The evening plane: the visit starts at 21:30 on Friday there, 00:30
   * on Saturday in UTC, and Friday's night still needs a bed. */
  escale_event_set_text (event, "tzid", "America/Halifax");
  escale_event_set_times (event, at ("America/Halifax", 2026, 6, 5, 21, 30), at ("America/Halifax", 2026, 6, 7, 18, 0));
  {
    g_autoptr(EscaleItineraryStop) check_in = g_list_model_get_item (escale_event_get_stops (event), 0);
    g_autoptr(GPtrArray) warnings = NULL;

    escale_event_remove_stop (event, check_in);
    warnings = check (event, NULL, 0);
    g_assert_cmpuint (warnings->len, ==, 1);
    assert_warning (warnings, ESCALE_PLAN_WARNING_NO_LODGING, -1, -1, "the night of Friday, June 5.", NULL);
  }
}

static void
test_daylight_saving (void)
{
  /* Mauricie, the weekend the clocks go back: on Sunday 1 November 2026,
   * 02:00 EDT becomes 01:00 EST in Montréal. The evening ends at 01:40
   * EDT; the group reaches Shawinigan, 37 km by road, at 01:05 EST, 25
   * minutes later although the clock says 35 minutes earlier. */
  g_autoptr(EscaleEvent) event = visit_new ("America/Toronto",
                                            at ("America/Toronto", 2026, 10, 31, 9, 0),
                                            at ("America/Toronto", 2026, 11, 1, 18, 0));
  EscaleItineraryStop *evening;
  EscaleItineraryStop *night;

  evening = add_stop (event, ESCALE_STOP_KIND_MEAL, "Evening with local actors",
                      at ("America/Toronto", 2026, 10, 31, 19, 0), at ("UTC", 2026, 11, 1, 5, 40));
  escale_itinerary_stop_set_coordinates (evening, TROIS_RIVIERES);
  night = add_stop (event, ESCALE_STOP_KIND_LODGING, "Night at Auberge Le Florès",
                    at ("UTC", 2026, 11, 1, 6, 5), at ("America/Toronto", 2026, 11, 1, 8, 0));
  escale_itinerary_stop_set_coordinates (night, SHAWINIGAN);

  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 1);
    assert_warning (warnings, ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME, 1, 0,
                    "“Night at Auberge Le Florès” (Sun 01:05) starts 25 minutes after "
                    "“Evening with local actors” (Sun 01:40) ends", "37 km", "31 minutes", NULL);
  }

  /* Ending at 01:20 EDT leaves 45 real minutes: enough, and in order. */
  escale_itinerary_stop_set_ends_at (evening, at ("UTC", 2026, 11, 1, 5, 20));
  {
    g_autoptr(GPtrArray) warnings = check (event, NULL, 0);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

/* The event's warnings first, then by stop, then by kind. */
static void
test_order (void)
{
  g_autoptr(EscaleEvent) event = day_in_rouyn_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  const struct
  {
    EscalePlanWarningKind kind;
    int                   stop;
  } expected[] = {
    { ESCALE_PLAN_WARNING_OVER_CAPACITY, -1 },
    { ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED, 0 },
    { ESCALE_PLAN_WARNING_STOPS_OVERLAP, 1 },
    { ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED, 1 },
    { ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT, 2 },
  };

  escale_event_set_capacity (event, 10);
  add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, "Visit of a sawmill", october (16, 9, 0), october (16, 10, 30));
  add_stop (event, ESCALE_STOP_KIND_EMPLOYER_MEETING, "Meeting with employers", october (16, 10, 0), october (16, 12, 0));
  add_stop (event, ESCALE_STOP_KIND_FREE_TIME, "Evening in town", october (16, 20, 0), october (16, 23, 0));

  warnings = check (event, NULL, 12);
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const EscalePlanWarning *warning = warnings->pdata[i];

      g_assert_cmpint (warning->kind, ==, expected[i].kind);
      g_assert_cmpint (warning->stop, ==, expected[i].stop);
    }
}

static void
test_events_without_stops (void)
{
  /* A fair over two days: no itinerary, no lodging to plan. */
  g_autoptr(EscaleEvent) event = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(GPtrArray) warnings = NULL;

  escale_event_set_times (event, october (23, 9, 0), october (24, 17, 0));
  warnings = check (event, "2026-10-20", 600);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Nor a new event whose times are not entered yet. */
  g_clear_object (&event);
  event = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  add_stop (event, ESCALE_STOP_KIND_COMPANY_VISIT, NULL, october (16, 9, 0), october (16, 10, 0));
  warnings = escale_plan_check (event, NULL);
  assert_warning (warnings, ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED, 0, -1, "“Company visit” (09:00)", NULL);
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_nicks (void)
{
  const char *nicks[] = {
    "stops-overlap", "stops-out-of-order", "too-little-travel-time", "stop-outside-event",
    "return-before-departure", "not-enough-seats", "over-capacity", "partner-not-confirmed",
    "no-lodging", "task-late",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    g_assert_cmpstr (escale_plan_warning_kind_get_nick (i), ==, nicks[i]);
  g_assert_cmpuint (ESCALE_PLAN_WARNING_TASK_LATE + 1, ==, G_N_ELEMENTS (nicks));
}

int
main (int   argc,
      char *argv[])
{
  /* C.UTF-8 in the test environment: messages are logged as they are. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-check/sound-visit", test_sound_visit);
  g_test_add_func ("/plan-check/overlap", test_overlap);
  g_test_add_func ("/plan-check/out-of-order", test_out_of_order);
  g_test_add_func ("/plan-check/travel-time", test_travel_time);
  g_test_add_func ("/plan-check/distance", test_distance);
  g_test_add_func ("/plan-check/stop-outside-event", test_stop_outside_event);
  g_test_add_func ("/plan-check/stop-ends-before-it-starts", test_times_backwards);
  g_test_add_func ("/plan-check/event-ends-before-it-starts", test_event_backwards);
  g_test_add_func ("/plan-check/vehicle-returns-before-it-leaves", test_vehicle_returns_before_it_leaves);
  g_test_add_func ("/plan-check/return-stop-before-departure", test_return_stop_before_departure);
  g_test_add_func ("/plan-check/not-enough-seats", test_not_enough_seats);
  g_test_add_func ("/plan-check/over-capacity", test_over_capacity);
  g_test_add_func ("/plan-check/partner-not-confirmed", test_partner_not_confirmed);
  g_test_add_func ("/plan-check/missing-lodging", test_missing_lodging);
  g_test_add_func ("/plan-check/one-day-needs-no-lodging", test_one_day_needs_no_lodging);
  g_test_add_func ("/plan-check/late-tasks", test_late_tasks);
  g_test_add_func ("/plan-check/islands-zone", test_islands_zone);
  g_test_add_func ("/plan-check/daylight-saving", test_daylight_saving);
  g_test_add_func ("/plan-check/order", test_order);
  g_test_add_func ("/plan-check/events-without-stops", test_events_without_stops);
  g_test_add_func ("/plan-check/nicks", test_nicks);

  return g_test_run ();
}
