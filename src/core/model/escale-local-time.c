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

static gboolean
read_number (const char **text,
             guint        max_digits,
             int         *number)
{
  guint digits = 0;

  *number = 0;
  while (g_ascii_isdigit (**text) && digits < max_digits)
    {
      *number = *number * 10 + (**text - '0');
      (*text)++;
      digits++;
    }

  return digits > 0 && !g_ascii_isdigit (**text);
}

/**
 * escale_clock_time_parse:
 * @input: (nullable): "09:30", "9:30", "9 h 30" or "9h" as Québec writes it
 * @hour: (out): 0 to 23
 * @minute: (out): 0 to 59
 *
 * Returns: whether @input is a time of day; the error says what to type
 */
gboolean
escale_clock_time_parse (const char  *input,
                         int         *hour,
                         int         *minute,
                         GError     **error)
{
  g_autofree char *text = escale_normalize_text (input);
  const char *p = text;
  int hours = 0, mins = 0;

  g_return_val_if_fail (hour != NULL && minute != NULL, FALSE);

  if (text == NULL)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_REQUIRED,
                   _("Enter a time such as 09:30"));
      return FALSE;
    }

  if (!read_number (&p, 2, &hours))
    goto malformed;
  while (*p == ' ')
    p++;
  if (*p == ':' || *p == 'h' || *p == 'H')
    {
      gboolean colon = *p == ':';

      p++;
      while (*p == ' ')
        p++;
      /* "9 h" is nine o'clock; "9:" is half typed. */
      if (*p != '\0' || colon)
        {
          const char *start = p;

          if (!read_number (&p, 2, &mins) || p - start != 2)
            goto malformed;
        }
    }
  else if (*p != '\0')
    goto malformed;
  if (*p != '\0')
    goto malformed;

  if (hours > 23 || mins > 59)
    {
      g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                   _("Enter a time between 00:00 and 23:59"));
      return FALSE;
    }

  *hour = hours;
  *minute = mins;
  return TRUE;

malformed:
  g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
               _("Enter the time as hours and minutes, such as 09:30"));
  return FALSE;
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
