/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-series-rule.h"
#include "montreal-time.h"

/* The rule of a series of sessions, without the database: its dates across
 * the changes of daylight saving time, "the 2nd Tuesday", "the last
 * Tuesday", every other week, the holidays left out, and the bounds said
 * in words rather than cut short. */

static EscaleSeriesRule
rule_of (EscaleSeriesFrequency  frequency,
         guint                  interval,
         const char            *first,
         const char            *until,
         const char * const    *excluded)
{
  EscaleSeriesRule rule = { .frequency = frequency, .interval = interval, .excluded = excluded };

  set_day (&rule.first, first);
  set_day (&rule.until, until);
  return rule;
}

/* The dates of @rule, "2026-11-03 2026-11-10". */
static char *
dates_of (const EscaleSeriesRule *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dates = escale_series_rule_list_dates (rule, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < dates->len; i++)
    {
      g_autofree char *iso = escale_calendar_date_format (&g_array_index (dates, GDate, i));

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", iso);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_refused (const EscaleSeriesRule *rule,
                int                     code,
                const char             *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_series_rule_check (rule, &error));
  g_assert_error (error, ESCALE_SERIES_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A 13:30 session stays at 13:30 when Québec leaves daylight saving time
 * on 1 November 2026 and when it returns on 14 March 2027. */
static void
test_rule_weekly_across_dst (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  EscaleSeriesRule autumn = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2026-10-20", "2026-11-10", NULL);
  EscaleSeriesRule spring = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2027-03-09", "2027-03-16", NULL);
  g_autoptr(GArray) fall = NULL;
  g_autoptr(GArray) march = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "2026-10-20 13:30-04", "2026-10-27 13:30-04", "2026-11-03 13:30-05", "2026-11-10 13:30-05",
  };
  g_autofree char *description = NULL;

  fall = escale_series_rule_expand (&autumn, zone, at ("2026-10-20", "13:30"), at ("2026-10-20", "15:00"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fall->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < fall->len; i++)
    {
      EscaleSeriesOccurrence *occurrence = &g_array_index (fall, EscaleSeriesOccurrence, i);
      g_autofree char *start = local (occurrence->starts_at);
      g_autofree char *end = local (occurrence->ends_at);

      g_assert_cmpstr (start, ==, expected[i]);
      g_assert_cmpstr (end + 11, ==, i < 2 ? "15:00-04" : "15:00-05");
    }
  /* A week and an hour between the two Tuesdays around the change. */
  g_assert_cmpint (g_array_index (fall, EscaleSeriesOccurrence, 2).starts_at -
                   g_array_index (fall, EscaleSeriesOccurrence, 1).starts_at, ==, 7 * 24 * 3600 + 3600);

  march = escale_series_rule_expand (&spring, zone, at ("2027-03-09", "13:30"), at ("2027-03-09", "15:00"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (march->len, ==, 2);
  {
    g_autofree char *first = local (g_array_index (march, EscaleSeriesOccurrence, 0).starts_at);
    g_autofree char *second = local (g_array_index (march, EscaleSeriesOccurrence, 1).starts_at);

    g_assert_cmpstr (first, ==, "2027-03-09 13:30-05");
    g_assert_cmpstr (second, ==, "2027-03-16 13:30-04");
  }

  description = escale_series_rule_describe (&autumn);
  g_assert_cmpstr (description, ==, "Every week on Tuesday until November 10, 2026");
}

static void
test_rule_monthly_second_tuesday (void)
{
  EscaleSeriesRule rule = rule_of (ESCALE_SERIES_FREQUENCY_MONTHLY, 1, "2026-09-08", "2027-01-31", NULL);
  EscaleSeriesRule quarterly = rule_of (ESCALE_SERIES_FREQUENCY_MONTHLY, 3, "2026-09-08", "2027-09-30", NULL);
  g_autofree char *dates = dates_of (&rule);
  g_autofree char *quarters = dates_of (&quarterly);
  g_autofree char *description = escale_series_rule_describe (&rule);
  g_autofree char *every_three = escale_series_rule_describe (&quarterly);

  g_assert_cmpint (escale_series_rule_get_week_of_month (&rule), ==, 2);
  g_assert_cmpstr (dates, ==, "2026-09-08 2026-10-13 2026-11-10 2026-12-08 2027-01-12");
  g_assert_cmpstr (description, ==, "Every 2nd Tuesday of the month until January 31, 2027");
  g_assert_cmpstr (quarters, ==, "2026-09-08 2026-12-08 2027-03-09 2027-06-08 2027-09-14");
  g_assert_cmpstr (every_three, ==, "The 2nd Tuesday of every 3 months until September 30, 2027");
}

/* 29 September 2026 is the fifth Tuesday of its month: the rule is "the
 * last Tuesday", which most months have on their fourth. */
static void
test_rule_last_tuesday (void)
{
  EscaleSeriesRule rule = rule_of (ESCALE_SERIES_FREQUENCY_MONTHLY, 1, "2026-09-29", "2027-02-28", NULL);
  g_autofree char *dates = dates_of (&rule);
  g_autofree char *description = escale_series_rule_describe (&rule);

  g_assert_cmpint (escale_series_rule_get_week_of_month (&rule), ==, -1);
  g_assert_cmpstr (dates, ==, "2026-09-29 2026-10-27 2026-11-24 2026-12-29 2027-01-26 2027-02-23");
  g_assert_cmpstr (description, ==, "Every last Tuesday of the month until February 28, 2027");
}

static void
test_rule_every_two_weeks (void)
{
  EscaleSeriesRule rule = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 2, "2026-11-24", "2027-01-05", NULL);
  g_autofree char *dates = dates_of (&rule);
  g_autofree char *description = escale_series_rule_describe (&rule);
  g_autofree char *nick = escale_series_rule_to_nick (ESCALE_SERIES_FREQUENCY_WEEKLY, 2);
  g_autofree char *weekly = escale_series_rule_to_nick (ESCALE_SERIES_FREQUENCY_WEEKLY, 1);
  g_autofree char *quarterly = escale_series_rule_to_nick (ESCALE_SERIES_FREQUENCY_MONTHLY, 3);
  EscaleSeriesFrequency frequency;
  guint interval;

  g_assert_cmpstr (dates, ==, "2026-11-24 2026-12-08 2026-12-22 2027-01-05");
  g_assert_cmpstr (description, ==, "Every 2 weeks on Tuesday until January 5, 2027");

  g_assert_cmpstr (nick, ==, "every-2-weeks");
  g_assert_cmpstr (weekly, ==, "weekly");
  g_assert_cmpstr (quarterly, ==, "every-3-months");
  g_assert_true (escale_series_rule_parse_nick ("every-3-months", &frequency, &interval));
  g_assert_cmpint (frequency, ==, ESCALE_SERIES_FREQUENCY_MONTHLY);
  g_assert_cmpuint (interval, ==, 3);
  g_assert_true (escale_series_rule_parse_nick ("weekly", &frequency, &interval));
  g_assert_cmpint (frequency, ==, ESCALE_SERIES_FREQUENCY_WEEKLY);
  g_assert_cmpuint (interval, ==, 1);
  g_assert_false (escale_series_rule_parse_nick ("every-13-weeks", &frequency, &interval));
  g_assert_false (escale_series_rule_parse_nick ("every-2-days", &frequency, &interval));
  g_assert_false (escale_series_rule_parse_nick ("every-1-weeks", &frequency, &interval));
}

/* No session during the holidays. */
static void
test_rule_exclusions (void)
{
  const char *holidays[] = { "2026-12-22", "2026-12-29", "2026-12-30", NULL };
  EscaleSeriesRule rule = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2026-12-08", "2027-01-12", holidays);
  const char *wrong[] = { "22 décembre", NULL };
  EscaleSeriesRule mistaken = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2026-12-08", "2027-01-12", wrong);
  g_autofree char *dates = dates_of (&rule);
  GDate day;

  g_assert_cmpstr (dates, ==, "2026-12-08 2026-12-15 2027-01-05 2027-01-12");
  set_day (&day, "2026-12-22");
  g_assert_true (escale_series_rule_is_excluded (&rule, &day));
  set_day (&day, "2026-12-15");
  g_assert_false (escale_series_rule_is_excluded (&rule, &day));

  assert_refused (&mistaken, ESCALE_SERIES_ERROR_INVALID,
                  "Excluded dates: “22 décembre” is not a date written YYYY-MM-DD");
}

/* Two years at most, said in words rather than cut short. */
static void
test_rule_bounds (void)
{
  EscaleSeriesRule longest = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2026-11-24", "2028-11-24", NULL);
  EscaleSeriesRule too_long = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2026-11-24", "2028-11-25", NULL);
  EscaleSeriesRule backwards = rule_of (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2026-11-24", "2026-11-23", NULL);
  EscaleSeriesRule too_spaced = rule_of (ESCALE_SERIES_FREQUENCY_MONTHLY, 13, "2026-11-24", "2027-11-23", NULL);
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GError) error = NULL;

  dates = escale_series_rule_list_dates (&longest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->len, ==, 105);
  g_assert_cmpuint (dates->len, <=, ESCALE_SERIES_MAX_OCCURRENCES);

  g_clear_pointer (&dates, g_array_unref);
  dates = escale_series_rule_list_dates (&too_long, &error);
  g_assert_null (dates);
  g_assert_error (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "Until: a series lasts at most two years; end it on November 24, 2028 at the latest");

  assert_refused (&backwards, ESCALE_SERIES_ERROR_INVALID,
                  "Until: the series would end before its first session, on November 24, 2026");
  assert_refused (&too_spaced, ESCALE_SERIES_ERROR_INVALID, "Interval: repeat every 1 to 12 weeks or months");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series-rule/weekly-across-dst", test_rule_weekly_across_dst);
  g_test_add_func ("/series-rule/monthly-second-tuesday", test_rule_monthly_second_tuesday);
  g_test_add_func ("/series-rule/last-tuesday", test_rule_last_tuesday);
  g_test_add_func ("/series-rule/every-two-weeks", test_rule_every_two_weeks);
  g_test_add_func ("/series-rule/exclusions", test_rule_exclusions);
  g_test_add_func ("/series-rule/bounds", test_rule_bounds);

  return g_test_run ();
}
