/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <locale.h>

#include "escale-local-time.h"
#include "escale-partner-form.h"
#include "escale-stop-form.h"
#include "escale-validation.h"

/* What a counsellor types into a stop of the itinerary: clock times in the
 * visit's own zone, the day among the visit's days, and a pair of
 * coordinates; all without a display. */

#define TIME_MESSAGE "Enter the time as hours and minutes, such as 09:30"
#define COORDINATES_MESSAGE "Enter the latitude and the longitude in degrees, such as 46.81, -71.21"

static gint64
at (const char *tzid,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* Three days on the Îles-de-la-Madeleine, which keep Halifax's time. */
static EscaleEvent *
islands_visit (void)
{
  EscaleEvent *event = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);

  escale_event_set_text (event, "title", "Trois jours aux Îles-de-la-Madeleine");
  escale_event_set_text (event, "tzid", "America/Halifax");
  escale_event_set_times (event, at ("America/Halifax", 5, 14, 7, 0), at ("America/Halifax", 5, 16, 19, 0));
  return event;
}

static void
test_times (void)
{
  const struct
  {
    const char *input;
    int         minutes;   /* -1: refused */
    const char *message;
  } cases[] = {
    { "09:30", 9 * 60 + 30, NULL },
    { "9:30", 9 * 60 + 30, NULL },
    { " 9 h 30 ", 9 * 60 + 30, NULL },
    { "21h", 21 * 60, NULL },
    { "0:00", 0, NULL },
    { "23:59", 23 * 60 + 59, NULL },
    { "9", 9 * 60, NULL },
    { "", -1, "Enter a time such as 09:30" },
    { "9:", -1, TIME_MESSAGE },
    { "9:5", -1, TIME_MESSAGE },
    { "930", -1, TIME_MESSAGE },
    { "9.30", -1, TIME_MESSAGE },
    { "midi", -1, TIME_MESSAGE },
    { "24:00", -1, "Enter a time between 00:00 and 23:59" },
    { "12:60", -1, "Enter a time between 00:00 and 23:59" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int hour = -1, minute = -1, minutes;
      gboolean ok = escale_clock_time_parse (cases[i].input, &hour, &minute, &error);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpint (ok, ==, cases[i].minutes >= 0);
      if (ok)
        {
          g_assert_no_error (error);
          minutes = hour * 60 + minute;
          g_assert_cmpint (minutes, ==, cases[i].minutes);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_coordinates (void)
{
  const struct
  {
    const char *input;
    gboolean    ok;
    gboolean    present;
    double      latitude;
    double      longitude;
  } cases[] = {
    { "46.81, -71.21", TRUE, TRUE, 46.81, -71.21 },
    { "46.81,-71.21", TRUE, TRUE, 46.81, -71.21 },
    { "46,81 -71,21", TRUE, TRUE, 46.81, -71.21 },
    { "46,81, -71,21", TRUE, TRUE, 46.81, -71.21 },
    { "46,81;-71,21", TRUE, TRUE, 46.81, -71.21 },
    { "46,81,-71,21", TRUE, TRUE, 46.81, -71.21 },
    { "  ", TRUE, FALSE, 0, 0 },
    { "46.81", FALSE },
    { "47,38", FALSE },
    { "46.81, ouest", FALSE },
    { "46.81, -71.21, 3", FALSE },
    { "-71.21, 146.81", TRUE, TRUE, -71.21, 146.81 },
    { "146.81, -71.21", FALSE },
    { "46.81, -271.21", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean present = TRUE;
      double latitude = -1, longitude = -1;
      gboolean ok = escale_parse_coordinates (cases[i].input, &present, &latitude, &longitude, &error);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_nonnull (error);
          g_assert_false (present);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (present, ==, cases[i].present);
      g_assert_cmpfloat_with_epsilon (latitude, cases[i].latitude, 1e-9);
      g_assert_cmpfloat_with_epsilon (longitude, cases[i].longitude, 1e-9);
    }
}

static void
test_coordinates_messages (void)
{
  g_autoptr(GError) error = NULL;
  gboolean present;
  double latitude, longitude;

  g_assert_false (escale_parse_coordinates ("46.81", &present, &latitude, &longitude, &error));
  g_assert_cmpstr (error->message, ==, COORDINATES_MESSAGE);
  g_clear_error (&error);
  g_assert_false (escale_parse_coordinates ("146.81, -71.21", &present, &latitude, &longitude, &error));
  g_assert_cmpstr (error->message, ==, "The latitude comes first and lies between -90 and 90");
}

static void
test_coordinates_round_trip (void)
{
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_MEAL, NULL, 0, 0);
  g_autofree char *text = NULL;
  gboolean present;
  double latitude, longitude;

  g_assert_null (escale_stop_form_format_coordinates (stop));
  escale_itinerary_stop_set_coordinates (stop, 47.3801234, -61.8612);
  text = escale_stop_form_format_coordinates (stop);
  g_assert_cmpstr (text, ==, "47.3801, -61.8612");
  g_assert_true (escale_parse_coordinates (text, &present, &latitude, &longitude, NULL));
  g_assert_true (present);
  g_assert_cmpfloat_with_epsilon (latitude, 47.3801, 1e-9);
}

static char *
format_days (GArray *days)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      const GDate *day = &g_array_index (days, GDate, i);

      g_string_append_printf (text, "%s%04d-%02d-%02d", i > 0 ? " " : "", g_date_get_year (day),
                              g_date_get_month (day), g_date_get_day (day));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_days (void)
{
  g_autoptr(EscaleEvent) event = islands_visit ();
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) with_outside = NULL;
  g_autoptr(GArray) late_night = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outside_text = NULL;
  g_autofree char *late_text = NULL;
  GDate day;

  days = escale_stop_form_list_days (event, 0);
  text = format_days (days);
  g_assert_cmpstr (text, ==, "2026-05-14 2026-05-15 2026-05-16");

  /* A stop left behind when the visit moved keeps its day in the menu. */
  with_outside = escale_stop_form_list_days (event, at ("America/Halifax", 5, 12, 10, 0));
  outside_text = format_days (with_outside);
  g_assert_cmpstr (outside_text, ==, "2026-05-12 2026-05-14 2026-05-15 2026-05-16");

  /* 23:30 in Halifax is already the next day in UTC, not on the islands. */
  late_night = escale_stop_form_list_days (event, at ("America/Halifax", 5, 16, 23, 30));
  late_text = format_days (late_night);
  g_assert_cmpstr (late_text, ==, "2026-05-14 2026-05-15 2026-05-16");

  g_assert_false (escale_stop_form_get_day (event, 0, &day));
  g_assert_true (escale_stop_form_get_day (event, at ("America/Halifax", 5, 15, 23, 30), &day));
  g_assert_cmpint (g_date_get_day (&day), ==, 15);
}

static void
test_apply (void)
{
  g_autoptr(EscaleEvent) event = islands_visit ();
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, NULL,
                                                                   at ("America/Halifax", 5, 14, 10, 0),
                                                                   at ("America/Halifax", 5, 14, 11, 0));
  char *messages[ESCALE_N_STOP_FIELDS];
  EscaleStopForm form = {
    .kind = ESCALE_STOP_KIND_LODGING,
    .title = "  Auberge du Port  ",
    .starts = "21 h 00",
    .ends = "7:30",
    .place_name = "Cap-aux-Meules",
    .coordinates = "47,38 -61,86",
    .organization_id = 12,
    .partner_confirmed = TRUE,
    .notes = "  Clés à la réception.\nDéjeuner inclus.  ",
  };
  GDate day;
  double latitude, longitude;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, G_DATE_MAY, 2026);
  form.day = &day;

  g_assert_true (escale_stop_form_apply (&form, event, stop, messages));
  for (guint i = 0; i < ESCALE_N_STOP_FIELDS; i++)
    g_assert_null (messages[i]);
  g_assert_cmpint (escale_itinerary_stop_get_kind (stop), ==, ESCALE_STOP_KIND_LODGING);
  g_assert_cmpstr (escale_itinerary_stop_get_title (stop), ==, "Auberge du Port");
  /* The night ends the next morning, in Halifax time. */
  g_assert_cmpint (escale_itinerary_stop_get_starts_at (stop), ==, at ("America/Halifax", 5, 15, 21, 0));
  g_assert_cmpint (escale_itinerary_stop_get_ends_at (stop), ==, at ("America/Halifax", 5, 16, 7, 30));
  g_assert_cmpstr (escale_itinerary_stop_get_place_name (stop), ==, "Cap-aux-Meules");
  g_assert_null (escale_itinerary_stop_get_address (stop));
  g_assert_true (escale_itinerary_stop_get_coordinates (stop, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (longitude, -61.86, 1e-9);
  g_assert_cmpint (escale_itinerary_stop_get_organization_id (stop), ==, 12);
  g_assert_true (escale_itinerary_stop_get_partner_confirmed (stop));
  g_assert_cmpstr (escale_itinerary_stop_get_notes (stop), ==, "Clés à la réception.\nDéjeuner inclus.");

  /* Half-typed: the right fields are kept, the wrong ones say why and the
   * stop keeps its last good value. */
  form.title = "Auberge du Havre";
  form.starts = "22:";
  form.ends = "8:00";
  form.coordinates = "47,38";
  g_assert_false (escale_stop_form_apply (&form, event, stop, messages));
  g_assert_null (messages[ESCALE_STOP_FIELD_DAY]);
  g_assert_cmpstr (messages[ESCALE_STOP_FIELD_STARTS], ==, TIME_MESSAGE);
  g_assert_null (messages[ESCALE_STOP_FIELD_ENDS]);
  g_assert_cmpstr (messages[ESCALE_STOP_FIELD_COORDINATES], ==, COORDINATES_MESSAGE);
  escale_form_messages_clear (messages, ESCALE_N_STOP_FIELDS);
  g_assert_cmpstr (escale_itinerary_stop_get_title (stop), ==, "Auberge du Havre");
  g_assert_cmpint (escale_itinerary_stop_get_starts_at (stop), ==, at ("America/Halifax", 5, 15, 21, 0));
  g_assert_cmpint (escale_itinerary_stop_get_ends_at (stop), ==, at ("America/Halifax", 5, 16, 7, 30));
  g_assert_true (escale_itinerary_stop_get_coordinates (stop, NULL, NULL));

  /* Cleared coordinates are gone; no day is a mistake of its own. */
  form.starts = "22:00";
  form.coordinates = "";
  form.day = NULL;
  g_assert_false (escale_stop_form_apply (&form, event, stop, messages));
  g_assert_cmpstr (messages[ESCALE_STOP_FIELD_DAY], ==, "Choose the day of the stop");
  escale_form_messages_clear (messages, ESCALE_N_STOP_FIELDS);
  g_assert_false (escale_itinerary_stop_get_coordinates (stop, NULL, NULL));
  g_assert_cmpint (escale_itinerary_stop_get_starts_at (stop), ==, at ("America/Halifax", 5, 15, 21, 0));
}

static void
test_describe (void)
{
  g_autoptr(EscaleEvent) event = islands_visit ();
  g_autoptr(EscaleItineraryStop) visit = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT,
                                                                    "Fromagerie du Pied-de-Vent",
                                                                    at ("America/Halifax", 5, 15, 9, 30),
                                                                    at ("America/Halifax", 5, 15, 11, 0));
  g_autoptr(EscaleItineraryStop) meal = escale_itinerary_stop_new (ESCALE_STOP_KIND_MEAL, NULL,
                                                                   at ("America/Halifax", 5, 12, 12, 0), 0);
  g_autoptr(EscaleItineraryStop) undecided = escale_itinerary_stop_new (ESCALE_STOP_KIND_FREE_TIME, "Plage", 0, 0);
  g_autoptr(EscaleItineraryStop) night = escale_itinerary_stop_new (ESCALE_STOP_KIND_LODGING, "Auberge Havre-sur-Mer",
                                                                    at ("America/Halifax", 5, 14, 21, 0),
                                                                    at ("America/Halifax", 5, 15, 7, 30));
  g_autofree char *visit_text = escale_stop_form_describe (event, visit);
  g_autofree char *night_text = escale_stop_form_describe (event, night);
  g_autofree char *meal_text = escale_stop_form_describe (event, meal);
  g_autofree char *undecided_text = escale_stop_form_describe (event, undecided);

  g_assert_cmpstr (visit_text, ==, "Day 2 · 09:30–11:00 · Company visit: Fromagerie du Pied-de-Vent");
  g_assert_cmpstr (meal_text, ==, "Tue, May 12 · 12:00 · Meal");
  g_assert_cmpstr (undecided_text, ==, "Free time: Plage");
  /* The night ends the next morning, and says so. */
  g_assert_cmpstr (night_text, ==, "Day 1 · 21:00 – Day 2 · 07:30 · Lodging: Auberge Havre-sur-Mer");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stop-form/times", test_times);
  g_test_add_func ("/stop-form/coordinates", test_coordinates);
  g_test_add_func ("/stop-form/coordinates-messages", test_coordinates_messages);
  g_test_add_func ("/stop-form/coordinates-round-trip", test_coordinates_round_trip);
  g_test_add_func ("/stop-form/days", test_days);
  g_test_add_func ("/stop-form/apply", test_apply);
  g_test_add_func ("/stop-form/describe", test_describe);

  return g_test_run ();
}
