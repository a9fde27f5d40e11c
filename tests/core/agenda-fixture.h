/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "participant-fixture.h"

/* Partners and their agendas written with SQL, as an import leaves them,
 * and times in Québec's zone, for the suites of conflicts and of the week
 * view (test-conflicts.c, test-week.c). */

#define ZONE "America/Toronto"

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

/* "13:30", the local time of @instant. */
static char *
local (gint64 instant)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) time = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (time, "%H:%M");
}

static gint64
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO organization (name, kind, created_at, updated_at) "
                                          "VALUES ('%s', 'education', 0, 0)", name);

  exec_sql (fixture, sql);
  return sql_int (fixture, "SELECT max(id) FROM organization");
}

/* An entry of @organization_id's agenda, its UID its summary, with one
 * occurrence, even when it is cancelled (an import would leave that out: the status alone must be
 * enough); a whole-day one lasts @ends_at - @starts_at in days of
 * 86,400 s, as the import writes it. Returns its id. */
static gint64
add_entry (Fixture    *fixture,
           gint64      organization_id,
           const char *summary,
           gint64      starts_at,
           gint64      ends_at,
           gboolean    all_day,
           const char *status)
{
  g_autofree char *calendar = g_strdup_printf ("INSERT OR IGNORE INTO external_calendar "
                                               "(organization_id, name, imported_at, created_at, updated_at) "
                                               "VALUES (%" G_GINT64_FORMAT ", 'Agenda', 0, 0, 0)",
                                               organization_id);
  g_autofree char *entry = NULL;
  g_autofree char *occurrence = NULL;
  gint64 id;

  exec_sql (fixture, calendar);
  entry = g_strdup_printf ("INSERT INTO external_event (calendar_id, uid, summary, starts_at, ends_at, all_day, "
                           "tzid, status, created_at, updated_at) "
                           "SELECT id, '%s', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, '" ZONE "', "
                           "'%s', 0, 0 FROM external_calendar WHERE organization_id = %" G_GINT64_FORMAT,
                           summary, summary, starts_at, ends_at, all_day ? 1 : 0, status, organization_id);
  exec_sql (fixture, entry);
  id = sql_int (fixture, "SELECT max(id) FROM external_event");
  occurrence = g_strdup_printf ("INSERT INTO external_occurrence (event_id, starts_at, ends_at) "
                                "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                id, starts_at, ends_at);
  exec_sql (fixture, occurrence);
  return id;
}
