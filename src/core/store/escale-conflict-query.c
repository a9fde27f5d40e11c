/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <stdlib.h>

#include "escale-conflict-query.h"
#include "escale-database-private.h"

/* The SQL behind conflict detection (escale-conflicts.c): what takes place
 * at the same time as a part of an event. Intervals are half-open, so two
 * of them overlap when a.start < b.end AND b.start < a.end, and an event
 * that ends when the next starts does not clash with it.
 *
 * The time indexes (event_starts, external_occurrence_starts) order rows
 * by start only. An interval that ends after `start` began at most the
 * longest duration in its table before it, so each query also bounds the
 * start from below by that duration: the index then reads a window of
 * rows, not every row that starts before the end. Measuring it reads the
 * whole table (about 30 ms for 100,000 events), so it is kept on the
 * database until a write, here or on another connection, may change it.
 * Cancelled events and agenda entries never clash. */

struct _EscaleConflictQuery
{
  EscaleDatabase *database;
  gint64          longest_event;
  gint64          longest_occurrence;
  gint64          excluded_event;
  gint64          excluded_series;
};

/* The other events that take place at the same time: not cancelled, not
 * the one being checked, not the sessions of its own series. */
#define OTHER_EVENT \
  "e.status != 'cancelled' AND e.id != ?10 AND e.series_id IS NOT ?11 "
#define EVENT_OVERLAPS \
  "e.starts_at < ?2 AND e.starts_at > ?1 - ?12 AND e.ends_at > ?1 "

/* The longest durations, and when they were measured. */
typedef struct
{
  sqlite3_int64 total_changes;   /* by this connection */
  gint64        data_version;    /* moves with other connections' commits */
  gint64        longest_event;
  gint64        longest_occurrence;
} Longest;

static GQuark
longest_quark (void)
{
  return g_quark_from_static_string ("escale-conflict-longest");
}

void
escale_conflict_row_free (EscaleConflictRow *row)
{
  if (row == NULL)
    return;

  g_free (row->title);
  g_free (row->detail);
  g_free (row->detail2);
  g_clear_pointer (&row->participant_ids, g_array_unref);
  g_free (row);
}

static gint64
read_number (EscaleDatabase  *database,
             const char      *sql,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, sql, error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _escale_database_set_error (database, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Binds what every query shares: the interval as ?1 and ?2, the event and
 * series left out as ?10 and ?11, the longest event as ?12 and the longest
 * occurrence as ?13. Unused parameters are harmless. */
static sqlite3_stmt *
prepare (EscaleConflictQuery  *self,
         const char           *sql,
         gint64                starts_at,
         gint64                ends_at,
         GError              **error)
{
  sqlite3_stmt *stmt = _escale_database_prepare_cached (self->database, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, starts_at);
  sqlite3_bind_int64 (stmt, 2, ends_at);
  if (sqlite3_bind_parameter_index (stmt, "?10") > 0)
    {
      sqlite3_bind_int64 (stmt, 10, self->excluded_event);
      sqlite3_bind_int64 (stmt, 11, self->excluded_series);
    }
  if (sqlite3_bind_parameter_index (stmt, "?12") > 0)
    sqlite3_bind_int64 (stmt, 12, self->longest_event);
  if (sqlite3_bind_parameter_index (stmt, "?13") > 0)
    sqlite3_bind_int64 (stmt, 13, self->longest_occurrence);
  return stmt;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_escale_column_text (stmt, column));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 first = *(const gint64 *) a;
  gint64 second = *(const gint64 *) b;

  return first < second ? -1 : first > second;
}

static GArray *
parse_ids (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list != NULL ? list : "", ",", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

/* Columns: id, title, detail, detail2, starts_at, ends_at[, ids]. */
static GPtrArray *
read_rows (EscaleConflictQuery  *self,
           sqlite3_stmt         *stmt,
           gboolean              with_ids,
           GError              **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_conflict_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscaleConflictRow *row = g_new0 (EscaleConflictRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->title = dup_column (stmt, 1);
      row->detail = dup_column (stmt, 2);
      row->detail2 = dup_column (stmt, 3);
      row->starts_at = sqlite3_column_int64 (stmt, 4);
      row->ends_at = sqlite3_column_int64 (stmt, 5);
      if (with_ids)
        row->participant_ids = parse_ids (_escale_column_text (stmt, 6));
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * escale_conflict_query_new:
 *
 * Knows the longest event and agenda occurrence, for the queries this
 * object runs; make a new one after the data changed.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL on a database
 *   error
 */
EscaleConflictQuery *
escale_conflict_query_new (EscaleDatabase  *database,
                           GError         **error)
{
  g_autoptr(EscaleConflictQuery) self = NULL;
  sqlite3 *handle;
  Longest *longest;
  Longest now;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  self = g_new0 (EscaleConflictQuery, 1);
  self->database = g_object_ref (database);

  handle = _escale_database_get_handle (database);
  now.total_changes = sqlite3_total_changes64 (handle);
  now.data_version = read_number (database, "PRAGMA data_version", error);
  if (now.data_version < 0)
    return NULL;

  longest = g_object_get_qdata (G_OBJECT (database), longest_quark ());
  if (longest == NULL || longest->total_changes != now.total_changes || longest->data_version != now.data_version)
    {
      now.longest_event = read_number (database, "SELECT ifnull (max (ends_at - starts_at), 0) FROM event", error);
      if (now.longest_event < 0)
        return NULL;
      now.longest_occurrence = read_number (database,
                                            "SELECT ifnull (max (ends_at - starts_at), 0) FROM external_occurrence",
                                            error);
      if (now.longest_occurrence < 0)
        return NULL;
      longest = g_memdup2 (&now, sizeof now);
      g_object_set_qdata_full (G_OBJECT (database), longest_quark (), longest, g_free);
    }

  self->longest_event = longest->longest_event;
  self->longest_occurrence = longest->longest_occurrence;
  return g_steal_pointer (&self);
}

void
escale_conflict_query_free (EscaleConflictQuery *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->database);
  g_free (self);
}

/**
 * escale_conflict_query_exclude:
 * @event_id: the event being checked, or 0 for one not saved yet
 * @series_id: its series, or 0
 *
 * An event never clashes with itself, nor with the sessions of its own
 * series: they are planned, moved and cancelled together.
 */
void
escale_conflict_query_exclude (EscaleConflictQuery *self,
                               gint64               event_id,
                               gint64               series_id)
{
  g_return_if_fail (self != NULL);

  self->excluded_event = event_id;
  self->excluded_series = series_id;
}

/**
 * escale_conflict_query_events:
 *
 * Returns: (transfer full) (element-type EscaleConflictRow): the other
 *   events during [@starts_at, @ends_at), with their presenters as detail
 */
GPtrArray *
escale_conflict_query_events (EscaleConflictQuery  *self,
                              gint64                starts_at,
                              gint64                ends_at,
                              GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self,
                  "SELECT e.id, e.title, e.presenters, NULL, e.starts_at, e.ends_at FROM event e "
                  "WHERE " EVENT_OVERLAPS "AND " OTHER_EVENT "AND e.presenters IS NOT NULL "
                  "ORDER BY e.starts_at, e.id",
                  starts_at, ends_at, error);
  return stmt != NULL ? read_rows (self, stmt, FALSE, error) : NULL;
}

/**
 * escale_conflict_query_vehicles:
 *
 * Returns: (transfer full) (element-type EscaleConflictRow): the vehicles
 *   of the other events during [@starts_at, @ends_at) that have both a
 *   provider and a driver, with the event's times
 */
GPtrArray *
escale_conflict_query_vehicles (EscaleConflictQuery  *self,
                                gint64                starts_at,
                                gint64                ends_at,
                                GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self,
                  "SELECT e.id, e.title, v.provider, v.driver, e.starts_at, e.ends_at "
                  "FROM event e CROSS JOIN vehicle v ON v.event_id = e.id "
                  "WHERE " EVENT_OVERLAPS "AND " OTHER_EVENT
                  "AND v.provider IS NOT NULL AND v.driver IS NOT NULL "
                  "ORDER BY e.starts_at, e.id, v.id",
                  starts_at, ends_at, error);
  return stmt != NULL ? read_rows (self, stmt, FALSE, error) : NULL;
}

/**
 * escale_conflict_query_partner:
 *
 * A partner takes part in another event during its stops at the partner,
 * or, named on an event at none of whose stops it is, during the whole
 * event.
 *
 * Returns: (transfer full) (element-type EscaleConflictRow): the other
 *   events the partner takes part in during [@starts_at, @ends_at), with
 *   the times of that part and the stop's title as detail
 */
GPtrArray *
escale_conflict_query_partner (EscaleConflictQuery  *self,
                               gint64                organization_id,
                               gint64                starts_at,
                               gint64                ends_at,
                               GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self,
                  "SELECT e.id, e.title, p.stop_title, NULL, p.starts_at, p.ends_at FROM ("
                  "  SELECT s.event_id, s.title AS stop_title, s.starts_at, s.ends_at FROM itinerary_stop s "
                  "   WHERE s.organization_id = ?3 "
                  "  UNION ALL "
                  "  SELECT ep.event_id, NULL, ev.starts_at, ev.ends_at "
                  "    FROM event_partner ep JOIN event ev ON ev.id = ep.event_id "
                  "   WHERE ep.organization_id = ?3 AND NOT EXISTS (SELECT 1 FROM itinerary_stop s "
                  "          WHERE s.event_id = ep.event_id AND s.organization_id = ?3)"
                  ") p JOIN event e ON e.id = p.event_id "
                  "WHERE p.starts_at < ?2 AND p.ends_at > ?1 AND " OTHER_EVENT
                  "ORDER BY p.starts_at, e.id",
                  starts_at, ends_at, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 3, organization_id);
  return read_rows (self, stmt, FALSE, error);
}

/**
 * escale_conflict_query_agenda:
 *
 * Returns: (transfer full) (element-type EscaleConflictRow): the
 *   occurrences of the partner's imported agenda during [@starts_at,
 *   @ends_at), by the id and summary of their entry
 */
GPtrArray *
escale_conflict_query_agenda (EscaleConflictQuery  *self,
                              gint64                organization_id,
                              gint64                starts_at,
                              gint64                ends_at,
                              GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  /* CROSS JOIN keeps the time index in front: a partner's agenda can hold
   * years of entries, the window a few. */
  stmt = prepare (self,
                  "SELECT x.id, x.summary, x.location, NULL, o.starts_at, o.ends_at "
                  "FROM external_occurrence o CROSS JOIN external_event x ON x.id = o.event_id "
                  "CROSS JOIN external_calendar c ON c.id = x.calendar_id "
                  "WHERE o.starts_at < ?2 AND o.starts_at > ?1 - ?13 AND o.ends_at > ?1 "
                  "AND c.organization_id = ?3 AND x.status != 'cancelled' "
                  "ORDER BY o.starts_at, x.id",
                  starts_at, ends_at, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 3, organization_id);
  return read_rows (self, stmt, FALSE, error);
}

/**
 * escale_conflict_query_participants:
 * @event_id: the stored event whose registrations count
 *
 * A participant is at an event when their registration is neither
 * cancelled nor waitlisted.
 *
 * Returns: (transfer full) (element-type EscaleConflictRow): the other
 *   events during [@starts_at, @ends_at) that some of the participants of
 *   @event_id are at too, with those participants' ids
 */
GPtrArray *
escale_conflict_query_participants (EscaleConflictQuery  *self,
                                    gint64                event_id,
                                    gint64                starts_at,
                                    gint64                ends_at,
                                    GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self,
                  "SELECT e.id, e.title, NULL, NULL, e.starts_at, e.ends_at, group_concat (theirs.participant_id) "
                  "FROM registration ours "
                  "JOIN registration theirs ON theirs.participant_id = ours.participant_id "
                  " AND theirs.event_id != ours.event_id "
                  "JOIN event e ON e.id = theirs.event_id "
                  "WHERE ours.event_id = ?3 AND ours.status NOT IN ('cancelled', 'waitlisted') "
                  "AND theirs.status NOT IN ('cancelled', 'waitlisted') "
                  "AND e.starts_at < ?2 AND e.ends_at > ?1 AND " OTHER_EVENT
                  "GROUP BY e.id ORDER BY e.starts_at, e.id",
                  starts_at, ends_at, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 3, event_id);
  return read_rows (self, stmt, TRUE, error);
}

/**
 * escale_conflict_query_partner_name:
 *
 * Returns: (transfer full) (nullable): the partner's name, or %NULL with
 *   @error set
 */
char *
escale_conflict_query_partner_name (EscaleConflictQuery  *self,
                                    gint64                organization_id,
                                    GError              **error)
{
  sqlite3_stmt *stmt;
  char *name;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = _escale_database_prepare_cached (self->database, "SELECT name FROM organization WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   "No partner has the ID %" G_GINT64_FORMAT, organization_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }
  name = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

/**
 * escale_conflict_query_upcoming:
 * @now: unix seconds
 *
 * Returns: (transfer full) (element-type gint64): the events not
 *   cancelled that end after @now, by start
 */
GArray *
escale_conflict_query_upcoming (EscaleConflictQuery  *self,
                                gint64                now,
                                GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self,
                  "SELECT e.id FROM event e WHERE e.starts_at > ?1 - ?12 AND e.ends_at > ?1 "
                  "AND e.status != 'cancelled' ORDER BY e.starts_at, e.id",
                  now, 0, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
