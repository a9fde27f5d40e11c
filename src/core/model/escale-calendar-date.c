/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <string.h>

#include "escale-calendar-date.h"

/* Calendar days (an interaction, a due date) are stored as ISO 8601 text:
 * they have no time zone, and SQLite's date() can check them. */

/**
 * escale_calendar_date_parse:
 * @iso: a date written "YYYY-MM-DD"
 * @date: (out): the parsed day
 *
 * Returns: whether @iso is a real calendar day in that exact form
 */
static guint
digits_value (const char *text,
              guint       n_digits)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + (guint) g_ascii_digit_value (text[i]);

  return value;
}

gboolean
escale_calendar_date_parse (const char *iso,
                            GDate      *date)
{
  /* Exactly "YYYY-MM-DD": digits where digits go, so that no space or sign
   * slips in, and the stored text sorts as the days do. */
  static const char pattern[] = "dddd-dd-dd";
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (iso == NULL || strlen (iso) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (iso[i]) : iso[i] != pattern[i])
        return FALSE;
    }

  year = digits_value (iso, 4);
  month = digits_value (iso + 5, 2);
  day = digits_value (iso + 8, 2);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * escale_calendar_date_format:
 *
 * Returns: (transfer full): @date as "YYYY-MM-DD"
 */
char *
escale_calendar_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * escale_calendar_date_today:
 *
 * Returns: (transfer full): today in the local time zone, as "YYYY-MM-DD"
 */
char *
escale_calendar_date_today (void)
{
  /* Finding the local time zone reads /etc/localtime each time: an import
   * checking 100,000 arrival dates asks once every few seconds instead. */
  static char today[11];
  static gint64 checked_at;
  G_LOCK_DEFINE_STATIC (today);
  gint64 now = g_get_monotonic_time ();
  char *result;

  G_LOCK (today);
  if (today[0] == '\0' || now - checked_at > 5 * G_USEC_PER_SEC)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();
      g_autofree char *formatted = g_date_time_format (local, "%Y-%m-%d");

      g_strlcpy (today, formatted, sizeof today);
      checked_at = now;
    }
  result = g_strdup (today);
  G_UNLOCK (today);

  return result;
}

/**
 * escale_due_state_classify:
 * @iso_due: (nullable): a due date, "YYYY-MM-DD"
 * @today: the day to judge from
 *
 * Weeks run Monday to Sunday, as in Québec's workplaces: on a Friday,
 * something due on Sunday is due this week, something due on Monday is not.
 */
EscaleDueState
escale_due_state_classify (const char  *iso_due,
                           const GDate *today)
{
  GDate due;
  GDate sunday;

  g_return_val_if_fail (today != NULL && g_date_valid (today), ESCALE_DUE_STATE_NONE);

  if (!escale_calendar_date_parse (iso_due, &due))
    return ESCALE_DUE_STATE_NONE;

  if (g_date_compare (&due, today) < 0)
    return ESCALE_DUE_STATE_OVERDUE;

  sunday = *today;
  g_date_add_days (&sunday, G_DATE_SUNDAY - g_date_get_weekday (today));

  if (g_date_compare (&due, &sunday) <= 0)
    return ESCALE_DUE_STATE_THIS_WEEK;

  return ESCALE_DUE_STATE_LATER;
}

/**
 * escale_calendar_day_instant:
 * @iso: a day, "YYYY-MM-DD"
 * @end: whether the last second of the day is wanted, not the first
 * @instant: (out): unix seconds
 *
 * Where a day the counsellor names starts or ends, in Québec's zone: a
 * period "from the 1st to the 31st" takes in the whole of both days, even
 * those that last 23 or 25 hours when the clocks change.
 *
 * Returns: %FALSE when @iso is not a date
 */
gboolean
escale_calendar_day_instant (const char *iso,
                             gboolean    end,
                             gint64     *instant)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autoptr(GDateTime) day = NULL;
  GDate parsed;

  if (!escale_calendar_date_parse (iso, &parsed))
    return FALSE;

  day = g_date_time_new (zone, g_date_get_year (&parsed), g_date_get_month (&parsed), g_date_get_day (&parsed), 0, 0, 0);
  if (end)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

      *instant = g_date_time_to_unix (next) - 1;
    }
  else
    {
      *instant = g_date_time_to_unix (day);
    }
  return TRUE;
}
