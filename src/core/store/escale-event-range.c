/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <string.h>

#include "escale-event-private.h"
#include "escale-event-range.h"
#include "escale-event-repository-private.h"
#include "escale-record-columns.h"

/* A date range read row by row, for exports of any size: the events are
 * never all in memory, one event is refilled for each row. A summary
 * query (zones, counts) comes first, in the same read transaction, so
 * that what it announces is what the rows hold. */

#define RANGE_WHERE "WHERE starts_at > 0 AND (?1 = 0 OR ends_at >= ?1) AND (?2 = 0 OR starts_at <= ?2)"

/* The events of the range, then the dated stops of its visits, summed
 * per zone here: a GROUP BY would sort every row first, in memory that
 * grows with the range. The index event_range holds all the events'
 * columns these read. */
static const char events_summary_sql[] =
  "SELECT tzid, starts_at, ends_at, status <> 'cancelled' FROM event " RANGE_WHERE;

static const char stops_summary_sql[] =
  "SELECT e.tzid, s.starts_at, s.ends_at, 0 "
  "FROM event e JOIN itinerary_stop s ON s.event_id = e.id "
  "WHERE e.kind = 'exploratory-visit' AND s.starts_at > 0 AND e.starts_at > 0 AND (?1 = 0 OR e.ends_at >= ?1) "
  "AND (?2 = 0 OR e.starts_at <= ?2)";

/* The host partner's contact, as escale_event_repository_find_host()
 * chooses it. */
#define HOST_CONTACT(event_id) \
  "(SELECT c.id FROM event_partner p JOIN contact c ON c.organization_id = p.organization_id " \
  " WHERE p.event_id = " event_id " AND instr (c.email, '@') > 0 ORDER BY p.organization_id, c.id LIMIT 1)"

/* Adds the rows of @sql to @spans (tzid → EscaleEventZoneSpan). */
static gboolean
sum_zones (EscaleDatabase           *database,
           const char               *sql,
           gint64                    from,
           gint64                    to,
           GHashTable               *spans,
           gboolean                  events,
           EscaleEventRangeSummary  *summary,
           GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *tzid = _escale_column_text (stmt, 0);
      EscaleEventZoneSpan *span = g_hash_table_lookup (spans, tzid != NULL ? tzid : "");
      gint64 first = sqlite3_column_int64 (stmt, 1);
      gint64 last = MAX (first, sqlite3_column_int64 (stmt, 2));

      if (span == NULL)
        {
          char *name = g_strdup (tzid != NULL ? tzid : "");

          span = g_new (EscaleEventZoneSpan, 1);
          span->tzid = name;
          span->first = first;
          span->last = last;
          g_hash_table_insert (spans, name, span);
        }
      span->first = MIN (span->first, first);
      span->last = MAX (span->last, last);
      if (events)
        summary->n_events++;
      summary->n_entries++;
      summary->n_not_cancelled += (guint) sqlite3_column_int (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  return TRUE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const EscaleEventZoneSpan *) a)->tzid, ((const EscaleEventZoneSpan *) b)->tzid);
}

static gboolean
read_summary (EscaleDatabase                *database,
              gint64                         from,
              gint64                         to,
              const EscaleEventRangeReader  *reader,
              gpointer                       user_data,
              GError                       **error)
{
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) zones = g_array_new (FALSE, FALSE, sizeof (EscaleEventZoneSpan));
  EscaleEventRangeSummary summary = { 0, };
  GHashTableIter iter;
  gpointer span;

  if (!sum_zones (database, events_summary_sql, from, to, spans, TRUE, &summary, error) ||
      !sum_zones (database, stops_summary_sql, from, to, spans, FALSE, &summary, error))
    return FALSE;

  g_hash_table_iter_init (&iter, spans);
  while (g_hash_table_iter_next (&iter, NULL, &span))
    g_array_append_vals (zones, span, 1);
  g_array_sort (zones, compare_spans);

  summary.zones = (const EscaleEventZoneSpan *) zones->data;
  summary.n_zones = zones->len;
  return reader->summary == NULL || reader->summary (&summary, user_data, error);
}

static gboolean
read_events (EscaleDatabase                *database,
             gint64                         from,
             gint64                         to,
             const EscaleEventRangeReader  *reader,
             gpointer                       user_data,
             GError                       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT e.*, h.name, h.email FROM (", _escale_event_select_sql (), RANGE_WHERE,
                                      ") AS e LEFT JOIN contact h ON h.id = " HOST_CONTACT ("e.id")
                                      " ORDER BY e.starts_at, e.id",
                                      NULL);
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, sql, error);
  g_autoptr(EscaleEvent) event = g_object_new (ESCALE_TYPE_EVENT, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int column = _escale_event_read_row (stmt, event);
      EscaleEventHost host = {
        .name = _escale_column_text (stmt, column),
        .email = _escale_column_text (stmt, column + 1),
      };

      /* Only a visit has an itinerary; any other event is emptied of
       * the stops of the visit read before it. */
      if (escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT)
        {
          if (!_escale_event_read_stops (database, event, error))
            return FALSE;
        }
      else
        {
          _escale_event_truncate_stops (event, 0);
        }

      if (!reader->event (event, &host, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * escale_event_repository_read_range:
 * @from: the first instant an event may end at (unix seconds), or 0
 * @to: the last instant an event may start at, or 0
 * @reader: what is done with the summary and with each event
 *
 * Reads the dated events of a range by start, one row at a time, a visit
 * with its itinerary, after a summary of the range, all in one snapshot.
 * Memory does not grow with the number of events.
 *
 * Returns: %FALSE with @error when reading fails or a callback stops
 */
gboolean
escale_event_repository_read_range (EscaleEventRepository         *self,
                                    gint64                         from,
                                    gint64                         to,
                                    const EscaleEventRangeReader  *reader,
                                    gpointer                       user_data,
                                    GError                       **error)
{
  EscaleDatabase *database;
  gboolean read;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (reader != NULL && reader->event != NULL, FALSE);

  database = escale_event_repository_get_database (self);
  if (!_escale_database_begin_read (database, error))
    return FALSE;
  read = read_summary (database, from, to, reader, user_data, error) &&
         read_events (database, from, to, reader, user_data, error);
  escale_database_rollback (database);

  return read;
}

/**
 * escale_event_repository_find_host:
 * @name: (out) (transfer full) (optional): the contact's name
 * @email: (out) (transfer full) (optional): their address
 *
 * The contact a host partner of the event puts forward, chosen as
 * #EscaleEventHost says. Both are %NULL when there is none.
 *
 * Returns: %FALSE with @error when reading fails
 */
gboolean
escale_event_repository_find_host (EscaleEventRepository  *self,
                                   gint64                  event_id,
                                   char                  **name,
                                   char                  **email,
                                   GError                **error)
{
  EscaleDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), FALSE);

  database = escale_event_repository_get_database (self);
  stmt = _escale_database_prepare_cached (database, "SELECT name, email FROM contact WHERE id = " HOST_CONTACT ("?"),
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  rc = sqlite3_step (stmt);
  if (name != NULL)
    *name = rc == SQLITE_ROW ? g_strdup (_escale_column_text (stmt, 0)) : NULL;
  if (email != NULL)
    *email = rc == SQLITE_ROW ? g_strdup (_escale_column_text (stmt, 1)) : NULL;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  return TRUE;
}
