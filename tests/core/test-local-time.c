/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "escale-local-time.h"
#include "escale-validation.h"

/* Times as counsellors type them, in the zone of the event. */

static void
test_clock_forms (void)
{
  static const struct {
    const char *text;
    int         hour;
    int         minute;
  } read[] = {
    { "09:30", 9, 30 },
    { "9:30", 9, 30 },
    { "9h30", 9, 30 },
    { "9 h 30", 9, 30 },
    { "14 h", 14, 0 },
    { "14H", 14, 0 },
    { " 0:05 ", 0, 5 },
    { "23:59", 23, 59 },
    { "9", 9, 0 },
  };
  static const char *refused[] = { "", "9:", "24:00", "9:60", "9:3", "nine", "09:30 pm", "1430", "-1:00" };

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    {
      g_autoptr(GError) error = NULL;
      int hour = -1, minute = -1;

      g_assert_true (escale_clock_time_parse (read[i].text, &hour, &minute, &error));
      g_assert_no_error (error);
      g_assert_cmpint (hour, ==, read[i].hour);
      g_assert_cmpint (minute, ==, read[i].minute);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      int hour, minute;

      g_assert_false (escale_clock_time_parse (refused[i], &hour, &minute, &error));
      g_assert_nonnull (error);
      g_assert_true (strstr (error->message, "09:30") != NULL || strstr (error->message, "23:59") != NULL);
    }
}

static void
test_zones_and_daylight_saving (void)
{
  g_autoptr(GTimeZone) montreal = g_time_zone_new_identifier ("America/Toronto");
  g_autoptr(GTimeZone) islands = g_time_zone_new_identifier ("America/Halifax");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  gint64 instant, in_islands;

  /* 2026-06-11 09:00 EDT is 13:00 UTC; the same wall time on the islands is an hour earlier. */
  g_assert_true (escale_local_time_parse ("2026-06-11", "9 h", montreal, &instant, &error));
  g_assert_cmpint (instant, ==, 1781182800);
  g_assert_true (escale_local_time_parse ("2026-06-11", "09:00", islands, &in_islands, &error));
  g_assert_cmpint (instant - in_islands, ==, 3600);

  /* Back in the zone it came from, as typed. */
  date = escale_local_time_format_date (in_islands, islands);
  clock = escale_local_time_format_clock (in_islands, islands);
  g_assert_cmpstr (date, ==, "2026-06-11");
  g_assert_cmpstr (clock, ==, "09:00");

  /* After the November change the same wall time is an hour later in UTC. */
  g_assert_true (escale_local_time_parse ("2026-11-05", "09:00", montreal, &instant, &error));
  g_assert_cmpint (instant, ==, 1793887200);
  g_assert_no_error (error);

  /* 2:30 on 8 March 2026 never happens in Montréal. */
  g_assert_false (escale_local_time_parse ("2026-03-08", "02:30", montreal, &instant, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (escale_local_time_parse ("2026-02-30", "09:00", montreal, &instant, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "year-month-day"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/local-time/clock-forms", test_clock_forms);
  g_test_add_func ("/local-time/zones-and-daylight-saving", test_zones_and_daylight_saving);

  return g_test_run ();
}
