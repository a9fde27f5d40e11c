/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-calendar-date.h"

/* Days and local times in Québec's zone, for the suites of the series of
 * sessions (test-series-rule.c, test-event-series.c). */

#define ZONE "America/Toronto"

static void
set_day (GDate      *date,
         const char *iso)
{
  g_assert_true (escale_calendar_date_parse (iso, date));
}

static gint64
at (const char *day,
    const char *hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autofree char *iso = g_strdup_printf ("%sT%s:00", day, hour);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* "2026-11-03 13:30-05", the local time of @instant. */
static char *
local (gint64 instant)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) time = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (time, "%Y-%m-%d %H:%M%:::z");
}
