/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-local-time.h"
#include "escale-validation.h"

/* Events are stored as instants and typed as a day and a wall-clock time in
 * the event's own zone. Québec writes times “9 h 30” as often as “09:30”;
 * both are read, and the 24-hour form is what is shown. */

/**
 * escale_clock_time_parse:
 * @text: a time of day: “9:30”, “09:30”, “9h30”, “9 h 30” or “14 h”
 * @hour: (out): 0 to 23
 * @minute: (out): 0 to 59
 *
 * Returns: whether @text is a time of day; otherwise @error says how to
 *   write one
 */
gboolean
escale_clock_time_parse (const char  *text,
                         int         *hour,
                         int         *minute,
                         GError     **error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *minutes = NULL;
  int h, m = 0;

  g_return_val_if_fail (hour != NULL && minute != NULL, FALSE);

  regex = g_regex_new ("^\\s*([0-9]{1,2})\\s*(?:[:h]\\s*([0-9]{2})?)?\\s*$",
                       G_REGEX_CASELESS, 0, NULL);
  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    {
      g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                           _("Enter a time of day such as 09:30 or 14 h"));
      return FALSE;
    }

  hours = g_match_info_fetch (match, 1);
  minutes = g_match_info_fetch (match, 2);
  h = atoi (hours);
  if (minutes != NULL && *minutes != '\0')
    m = atoi (minutes);

  /* A bare number is an hour only when it says so with h or a colon. */
  if (h > 23 || m > 59 || (strpbrk (text, ":hH") == NULL))
    {
      g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                           _("Enter a time of day such as 09:30 or 14 h"));
      return FALSE;
    }

  *hour = h;
  *minute = m;
  return TRUE;
}

/**
 * escale_local_time_parse:
 * @date: the day, “YYYY-MM-DD”
 * @clock: the time of day, as escale_clock_time_parse() reads it
 * @zone: the zone the event happens in
 * @instant: (out): unix seconds
 *
 * A time the clocks skip when daylight saving time starts (2:30 on a March
 * Sunday) does not exist: it is refused rather than moved silently.
 *
 * Returns: whether @date and @clock name an instant in @zone
 */
gboolean
escale_local_time_parse (const char  *date,
                         const char  *clock,
                         GTimeZone   *zone,
                         gint64      *instant,
                         GError     **error)
{
  g_autoptr(GDateTime) local = NULL;
  GDate day;
  int hour, minute;

  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (instant != NULL, FALSE);

  if (!escale_calendar_date_parse (date, &day))
    {
      g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                           _("Enter the date as year-month-day, such as 2024-03-15"));
      return FALSE;
    }
  if (!escale_clock_time_parse (clock, &hour, &minute, error))
    return FALSE;

  local = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                           hour, minute, 0);
  /* GLib moves a skipped time past the gap; reading it back tells. */
  if (local == NULL || g_date_time_get_hour (local) != hour || g_date_time_get_minute (local) != minute)
    {
      g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                           _("This time does not exist that day: the clocks move forward an hour"));
      return FALSE;
    }

  *instant = g_date_time_to_unix (local);
  return TRUE;
}

static char *
format_in_zone (gint64      instant,
                GTimeZone  *zone,
                const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (zone != NULL, NULL);

  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, format);
}

/**
 * escale_local_time_format_date:
 *
 * Returns: (transfer full): the day of @instant in @zone, “YYYY-MM-DD”
 */
char *
escale_local_time_format_date (gint64     instant,
                               GTimeZone *zone)
{
  return format_in_zone (instant, zone, "%Y-%m-%d");
}

/**
 * escale_local_time_format_clock:
 *
 * Returns: (transfer full): the time of day of @instant in @zone, “HH:MM”
 */
char *
escale_local_time_format_clock (gint64     instant,
                                GTimeZone *zone)
{
  return format_in_zone (instant, zone, "%H:%M");
}
