/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-planning"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-series-rule.h"

/* The dates of a recurring session, without the database: the repository
 * writes one event per date, and the calendar export will say the same
 * rule as an RRULE. Dates are local days; times are placed on them in the
 * event's zone, so that a 13:30 session stays at 13:30 on either side of
 * a change to or from daylight saving time. */

G_DEFINE_QUARK (escale-series-error-quark, escale_series_error)

static gboolean
fail (GError            **error,
      EscaleSeriesError   code,
      const char         *message)
{
  g_set_error_literal (error, ESCALE_SERIES_ERROR, code, message);
  return FALSE;
}

/* "December 15, 2026", in the user's language. */
static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                  g_date_get_day (date), 0, 0, 0);

  /* Translators: a day in a sentence, see g_date_time_format(); in French "%-d %B %Y" */
  return g_date_time_format (day, _("%B %-d, %Y"));
}

/* "Tuesday", in the user's language. */
static char *
format_weekday (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                  g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (day, "%A");
}

/* The day of the month of the @week_of_month-th @weekday (-1: the last)
 * of @month. */
static GDateDay
weekday_in_month (GDateYear    year,
                  GDateMonth   month,
                  GDateWeekday weekday,
                  int          week_of_month)
{
  GDate day;

  g_assert (week_of_month == -1 || (week_of_month >= 1 && week_of_month <= 4));

  if (week_of_month > 0)
    {
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, month, year);
      return (GDateDay) (1 + ((int) weekday - (int) g_date_get_weekday (&day) + 7) % 7 + 7 * (week_of_month - 1));
    }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_get_days_in_month (month, year), month, year);
  return (GDateDay) (g_date_get_day (&day) - ((int) g_date_get_weekday (&day) - (int) weekday + 7) % 7);
}

/* The @step-th date of the rule, excluded or not. */
static void
nth_date (const EscaleSeriesRule *rule,
          guint                   step,
          GDate                  *date)
{
  guint months;
  GDateYear year;
  GDateMonth month;

  *date = rule->first;
  if (rule->frequency == ESCALE_SERIES_FREQUENCY_WEEKLY)
    {
      g_date_add_days (date, 7 * rule->interval * step);
      return;
    }

  months = (guint) g_date_get_month (&rule->first) - 1 + rule->interval * step;
  year = (GDateYear) (g_date_get_year (&rule->first) + months / 12);
  month = (GDateMonth) (months % 12 + 1);
  g_date_set_dmy (date,
                  weekday_in_month (year, month, g_date_get_weekday (&rule->first),
                                    escale_series_rule_get_week_of_month (rule)),
                  month, year);
}

/**
 * escale_series_rule_get_week_of_month:
 *
 * Returns: which of its weekday the first occurrence is in its month, 1 to
 *   4, or -1 for the last: a 5th Tuesday is always the last one, and a
 *   rule "the 5th Tuesday" would skip most months
 */
int
escale_series_rule_get_week_of_month (const EscaleSeriesRule *rule)
{
  int week;

  g_return_val_if_fail (rule != NULL && g_date_valid (&rule->first), 1);

  week = ((int) g_date_get_day (&rule->first) - 1) / 7 + 1;
  return week == 5 ? -1 : week;
}

static gboolean
check_fields (const EscaleSeriesRule  *rule,
              GError                 **error)
{
  GDate latest;

  if (rule->frequency != ESCALE_SERIES_FREQUENCY_WEEKLY && rule->frequency != ESCALE_SERIES_FREQUENCY_MONTHLY)
    return fail (error, ESCALE_SERIES_ERROR_INVALID, _("Frequency: a series repeats every week or every month"));

  if (rule->interval < 1 || rule->interval > ESCALE_SERIES_MAX_INTERVAL)
    return fail (error, ESCALE_SERIES_ERROR_INVALID, _("Interval: repeat every 1 to 12 weeks or months"));

  if (!g_date_valid (&rule->first))
    return fail (error, ESCALE_SERIES_ERROR_INVALID, _("Start: choose the day of the first session"));

  if (!g_date_valid (&rule->until))
    return fail (error, ESCALE_SERIES_ERROR_INVALID, _("Until: choose the last day of the series"));

  if (g_date_compare (&rule->until, &rule->first) < 0)
    {
      g_autofree char *first = format_day (&rule->first);

      g_set_error (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                   _("Until: the series would end before its first session, on %s"), first);
      return FALSE;
    }

  for (guint i = 0; rule->excluded != NULL && rule->excluded[i] != NULL; i++)
    {
      GDate date;

      if (!escale_calendar_date_parse (rule->excluded[i], &date))
        {
          g_set_error (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                       _("Excluded dates: “%s” is not a date written YYYY-MM-DD"), rule->excluded[i]);
          return FALSE;
        }
    }

  latest = rule->first;
  g_date_add_years (&latest, ESCALE_SERIES_MAX_YEARS);
  if (g_date_compare (&rule->until, &latest) > 0)
    {
      g_autofree char *last = format_day (&latest);

      g_set_error (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_TOO_LONG,
                   _("Until: a series lasts at most two years; end it on %s at the latest"), last);
      return FALSE;
    }

  return TRUE;
}

/**
 * escale_series_rule_is_excluded:
 *
 * Returns: whether @date is one of the rule's excluded dates
 */
gboolean
escale_series_rule_is_excluded (const EscaleSeriesRule *rule,
                                const GDate            *date)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (rule->excluded == NULL)
    return FALSE;

  iso = escale_calendar_date_format (date);
  return g_strv_contains ((const char * const *) rule->excluded, iso);
}

/**
 * escale_series_rule_list_dates:
 *
 * Returns: (transfer full) (element-type GDate): the dates of the
 *   occurrences, in order, the excluded ones left out; %NULL with an
 *   error naming the field when the rule is wrong or goes past the bounds
 *   of a series
 */
GArray *
escale_series_rule_list_dates (const EscaleSeriesRule  *rule,
                               GError                 **error)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate date;

  g_return_val_if_fail (rule != NULL, NULL);

  if (!check_fields (rule, error))
    return NULL;

  /* The two years bound the loop. */
  for (guint step = 0;; step++)
    {
      nth_date (rule, step, &date);
      if (g_date_compare (&date, &rule->until) > 0)
        break;
      if (!escale_series_rule_is_excluded (rule, &date))
        g_array_append_val (dates, date);
    }

  if (dates->len > ESCALE_SERIES_MAX_OCCURRENCES)
    {
      g_set_error (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_TOO_LONG,
                   _("Until: a series has at most %d sessions and this one would have %u; end it sooner or space "
                     "the sessions out"),
                   ESCALE_SERIES_MAX_OCCURRENCES, dates->len);
      return NULL;
    }

  return g_steal_pointer (&dates);
}

/**
 * escale_series_rule_check:
 *
 * Returns: whether the rule can make a series; %FALSE with an error naming
 *   the field otherwise
 */
gboolean
escale_series_rule_check (const EscaleSeriesRule  *rule,
                          GError                 **error)
{
  g_autoptr(GArray) dates = NULL;

  g_return_val_if_fail (rule != NULL, FALSE);

  dates = escale_series_rule_list_dates (rule, error);
  return dates != NULL;
}

/**
 * escale_series_local_date:
 * @date: (out): the day @instant falls on in @zone
 */
void
escale_series_local_date (GTimeZone *zone,
                          gint64     instant,
                          GDate     *date)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (zone != NULL && date != NULL);

  utc = g_date_time_new_from_unix_utc (instant);
  local = g_date_time_to_timezone (utc, zone);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (local), (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

/* @date at the wall-clock time of @instant in @zone, @days later. */
static gint64
same_wall_time (GTimeZone   *zone,
                gint64       instant,
                const GDate *date,
                guint        days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autoptr(GDateTime) placed = NULL;
  GDate day = *date;

  g_date_add_days (&day, days);
  placed = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                            g_date_time_get_hour (local), g_date_time_get_minute (local),
                            g_date_time_get_second (local));
  return g_date_time_to_unix (placed);
}

/**
 * escale_series_occurrence_place:
 * @occurrence: an occurrence whose date is set
 * @zone: the event's zone
 * @starts_at: the start of a model occurrence, unix seconds
 * @ends_at: its end
 *
 * Sets the times of @occurrence to the model's wall-clock times, on its
 * date: the start at the same hour, the end as many days later as the
 * model's and at the same hour.
 */
void
escale_series_occurrence_place (EscaleSeriesOccurrence *occurrence,
                                GTimeZone              *zone,
                                gint64                  starts_at,
                                gint64                  ends_at)
{
  GDate start_day, end_day;

  g_return_if_fail (occurrence != NULL && g_date_valid (&occurrence->date));
  g_return_if_fail (zone != NULL);

  escale_series_local_date (zone, starts_at, &start_day);
  escale_series_local_date (zone, MAX (ends_at, starts_at), &end_day);

  occurrence->starts_at = same_wall_time (zone, starts_at, &occurrence->date, 0);
  occurrence->ends_at = same_wall_time (zone, MAX (ends_at, starts_at), &occurrence->date,
                                        (guint) g_date_days_between (&start_day, &end_day));
  /* A night where the clocks go back can make the end come first. */
  occurrence->ends_at = MAX (occurrence->ends_at, occurrence->starts_at);
}

/**
 * escale_series_rule_expand:
 * @zone: the event's zone
 * @starts_at: the start of the first occurrence (or of any, whose
 *   wall-clock times the others take), unix seconds
 * @ends_at: its end
 *
 * Returns: (transfer full) (element-type EscaleSeriesOccurrence): the
 *   occurrences with their dates and times, or %NULL as
 *   escale_series_rule_list_dates()
 */
GArray *
escale_series_rule_expand (const EscaleSeriesRule  *rule,
                           GTimeZone               *zone,
                           gint64                   starts_at,
                           gint64                   ends_at,
                           GError                 **error)
{
  g_autoptr(GArray) dates = NULL;
  GArray *occurrences;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  dates = escale_series_rule_list_dates (rule, error);
  if (dates == NULL)
    return NULL;

  occurrences = g_array_sized_new (FALSE, FALSE, sizeof (EscaleSeriesOccurrence), dates->len);
  for (guint i = 0; i < dates->len; i++)
    {
      EscaleSeriesOccurrence occurrence = { .date = g_array_index (dates, GDate, i) };

      escale_series_occurrence_place (&occurrence, zone, starts_at, ends_at);
      g_array_append_val (occurrences, occurrence);
    }

  return occurrences;
}

static const char *
week_of_month_word (int week_of_month)
{
  switch (week_of_month)
    {
    case 1:
      return C_("week of the month", "1st");
    case 2:
      return C_("week of the month", "2nd");
    case 3:
      return C_("week of the month", "3rd");
    case 4:
      return C_("week of the month", "4th");
    default:
      return C_("week of the month", "last");
    }
}

/**
 * escale_series_rule_describe:
 *
 * Returns: (transfer full): the rule in words, for the window and the
 *   command line: "Every week on Tuesday until December 15, 2026", "Every
 *   2nd Tuesday of the month until December 15, 2026"
 */
char *
escale_series_rule_describe (const EscaleSeriesRule *rule)
{
  g_autofree char *weekday = NULL;
  g_autofree char *until = NULL;
  guint n;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&rule->first) && g_date_valid (&rule->until), NULL);

  weekday = format_weekday (&rule->first);
  until = format_day (&rule->until);
  n = rule->interval;

  if (rule->frequency == ESCALE_SERIES_FREQUENCY_WEEKLY && n == 1)
    /* Translators: a weekday (“Tuesday”), then a date */
    return g_strdup_printf (_("Every week on %s until %s"), weekday, until);

  if (rule->frequency == ESCALE_SERIES_FREQUENCY_WEEKLY)
    /* Translators: a number of weeks, a weekday (“Tuesday”), then a date */
    return g_strdup_printf (ngettext ("Every %u week on %s until %s", "Every %u weeks on %s until %s", n),
                            n, weekday, until);

  if (n == 1)
    /* Translators: “2nd” or “last”, a weekday (“Tuesday”), then a date */
    return g_strdup_printf (_("Every %s %s of the month until %s"),
                            week_of_month_word (escale_series_rule_get_week_of_month (rule)), weekday, until);

  /* Translators: “2nd” or “last”, a weekday (“Tuesday”), a number of months, then a date */
  return g_strdup_printf (ngettext ("The %s %s of every %u month until %s", "The %s %s of every %u months until %s", n),
                          week_of_month_word (escale_series_rule_get_week_of_month (rule)), weekday, n, until);
}

/**
 * escale_series_rule_to_nick:
 *
 * Returns: (transfer full): the frequency and interval as the command line
 *   and JSON write them: "weekly", "every-2-weeks", "monthly",
 *   "every-3-months"
 */
char *
escale_series_rule_to_nick (EscaleSeriesFrequency frequency,
                            guint                 interval)
{
  gboolean weekly = frequency == ESCALE_SERIES_FREQUENCY_WEEKLY;

  g_return_val_if_fail (interval >= 1 && interval <= ESCALE_SERIES_MAX_INTERVAL, NULL);

  if (interval == 1)
    return g_strdup (weekly ? "weekly" : "monthly");

  return g_strdup_printf ("every-%u-%s", interval, weekly ? "weeks" : "months");
}

/**
 * escale_series_rule_parse_nick:
 * @frequency: (out)
 * @interval: (out)
 *
 * Reads what escale_series_rule_to_nick() writes.
 *
 * Returns: whether @nick is one
 */
gboolean
escale_series_rule_parse_nick (const char            *nick,
                               EscaleSeriesFrequency *frequency,
                               guint                 *interval)
{
  g_autofree char *number = NULL;
  const char *unit;
  guint64 value;

  g_return_val_if_fail (frequency != NULL && interval != NULL, FALSE);

  if (g_strcmp0 (nick, "weekly") == 0 || g_strcmp0 (nick, "monthly") == 0)
    {
      *frequency = nick[0] == 'w' ? ESCALE_SERIES_FREQUENCY_WEEKLY : ESCALE_SERIES_FREQUENCY_MONTHLY;
      *interval = 1;
      return TRUE;
    }

  if (nick == NULL || !g_str_has_prefix (nick, "every-") || (unit = strchr (nick + 6, '-')) == NULL)
    return FALSE;

  number = g_strndup (nick + 6, (gsize) (unit - nick - 6));
  if (!g_ascii_string_to_unsigned (number, 10, 2, ESCALE_SERIES_MAX_INTERVAL, &value, NULL) ||
      (!g_str_equal (unit, "-weeks") && !g_str_equal (unit, "-months")))
    return FALSE;

  *frequency = g_str_equal (unit, "-weeks") ? ESCALE_SERIES_FREQUENCY_WEEKLY : ESCALE_SERIES_FREQUENCY_MONTHLY;
  *interval = (guint) value;
  return TRUE;
}
