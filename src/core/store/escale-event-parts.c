/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-event-private.h"
#include "escale-event-repository-private.h"
#include "escale-record-columns.h"

/* The rows of what an event carries (its itinerary, vehicles, checklist and
 * partners), written and read for escale-event-repository.c inside its
 * transactions. Stops keep their ids and calendar identifiers across
 * saves, because attendance and the calendars of participants refer to
 * them; vehicles and tasks are written anew. */

static const char * const stop_columns[] = {
  "kind", "title", "starts-at", "ends-at", "place-name", "address", "organization-id", "contact-id",
  "partner-confirmed", "notes",
};

/* The fields only the store sets, read after the columns above. */
static const char * const stop_stored[] = {
  "has-coordinates", "latitude", "longitude", "id", "ical-uid", "ical-sequence",
};

static const char * const vehicle_columns[] = {
  "kind", "seats", "provider", "driver", "driver-phone", "departure-place", "departs-at", "return-place",
  "returns-at", "notes",
};

static const char * const task_columns[] = {
  "title", "due-on", "done-on", "confirmed-by",
};

/* What a stop's calendar entry must announce: a new time, a new place. */
static const char * const stop_announced[] = {
  "starts-at", "ends-at", "place-name", "address",
};

/**
 * _escale_event_bump_ical_sequence:
 *
 * Raises the SEQUENCE of an event and of its stops, inside the caller's
 * transaction: for a change that is not the event's own but that the
 * calendars of some recipients show (a registration moved on or off the
 * waitlist).
 */
gboolean
_escale_event_bump_ical_sequence (EscaleDatabase  *database,
                                  gint64           event_id,
                                  GError         **error)
{
  static const char * const statements[] = {
    "UPDATE event SET ical_sequence = ical_sequence + 1 WHERE id = ?",
    "UPDATE itinerary_stop SET ical_sequence = ical_sequence + 1 WHERE event_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = _escale_database_prepare_cached (database, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

char *
_escale_event_new_ical_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (uuid, "@escale.github.io", NULL);
}

gboolean
_escale_record_differs (gpointer            before,
                        gpointer            after,
                        const char * const *properties,
                        guint               n_properties)
{
  for (guint i = 0; i < n_properties; i++)
    {
      guint prop_id = _escale_record_find_property (after, properties[i]);
      GParamSpec *pspec = ESCALE_RECORD_GET_CLASS (after)->properties[prop_id];

      if (g_param_values_cmp (pspec, _escale_record_get_value (before, prop_id),
                              _escale_record_get_value (after, prop_id)) != 0)
        return TRUE;
    }

  return FALSE;
}

void
_escale_bind_coordinates (sqlite3_stmt *stmt,
                          int           param,
                          gboolean      known,
                          double        latitude,
                          double        longitude)
{
  if (known)
    {
      sqlite3_bind_double (stmt, param, latitude);
      sqlite3_bind_double (stmt, param + 1, longitude);
    }
  else
    {
      sqlite3_bind_null (stmt, param);
      sqlite3_bind_null (stmt, param + 1);
    }
}

static EscaleItineraryStop *
find_stop (EscaleEvent *event,
           gint64       id)
{
  GListModel *stops = escale_event_get_stops (event);

  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      if (escale_itinerary_stop_get_id (stop) == id)
        return stop;
    }

  return NULL;
}

static gboolean
write_stops (EscaleDatabase  *database,
             EscaleEvent     *event,
             EscaleEvent     *before,
             gint64           now,
             GError         **error)
{
  /* A cancelled visit (or one brought back) cancels its stops too: their
   * entries must reach the recipients' calendars with a higher SEQUENCE. */
  gboolean status_changed = before != NULL && escale_event_get_status (before) != escale_event_get_status (event);
  GListModel *stops = escale_event_get_stops (event);
  gint64 event_id = escale_event_get_id (event);
  g_autoptr(GString) insert = g_string_new ("INSERT INTO itinerary_stop (");
  g_autoptr(GString) update = g_string_new ("UPDATE itinerary_stop SET ");
  sqlite3_stmt *stmt;

  _escale_record_append_columns (insert, stop_columns, G_N_ELEMENTS (stop_columns), ", ", "");
  g_string_append (insert, ", latitude, longitude, ical_sequence, updated_at, position, ical_uid, created_at, "
                           "event_id) VALUES (");
  for (guint i = 0; i < G_N_ELEMENTS (stop_columns) + 8; i++)
    g_string_append (insert, i > 0 ? ", ?" : "?");
  g_string_append (insert, ")");
  _escale_record_append_columns (update, stop_columns, G_N_ELEMENTS (stop_columns), ", ", " = ?");
  g_string_append (update, ", latitude = ?, longitude = ?, ical_sequence = ?, updated_at = ?, position = ? "
                           "WHERE id = ? AND event_id = ?");

  /* Stops taken out of the itinerary go, with their roll calls. */
  if (before != NULL)
    {
      GListModel *old_stops = escale_event_get_stops (before);

      for (guint i = 0; i < g_list_model_get_n_items (old_stops); i++)
        {
          g_autoptr(EscaleItineraryStop) old = g_list_model_get_item (old_stops, i);

          if (find_stop (event, escale_itinerary_stop_get_id (old)) != NULL)
            continue;

          stmt = _escale_database_prepare_cached (database, "DELETE FROM itinerary_stop WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, escale_itinerary_stop_get_id (old));
          if (!_escale_database_step_done (database, stmt, error))
            return FALSE;
        }

      /* Out of the way of the new positions, which must stay unique. */
      stmt = _escale_database_prepare_cached (database,
                                              "UPDATE itinerary_stop SET position = position + 100000 "
                                              "WHERE event_id = ?",
                                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      EscaleItineraryStop *old = before != NULL ? find_stop (before, escale_itinerary_stop_get_id (stop)) : NULL;
      g_autofree char *uid = old != NULL ? g_strdup (escale_itinerary_stop_get_ical_uid (old)) : _escale_event_new_ical_uid ();
      guint sequence = old == NULL ? 0
                       : escale_itinerary_stop_get_ical_sequence (old) +
                           (status_changed ||
                            _escale_record_differs (old, stop, stop_announced, G_N_ELEMENTS (stop_announced)) ? 1 : 0);
      double latitude = 0, longitude = 0;
      gboolean located = escale_itinerary_stop_get_coordinates (stop, &latitude, &longitude);
      int param = G_N_ELEMENTS (stop_columns) + 1;

      stmt = _escale_database_prepare_cached (database, old != NULL ? update->str : insert->str, error);
      if (stmt == NULL)
        return FALSE;

      _escale_record_bind_columns (stmt, 1, stop, stop_columns, G_N_ELEMENTS (stop_columns));
      _escale_bind_coordinates (stmt, param, located, latitude, longitude);
      param += 2;
      sqlite3_bind_int64 (stmt, param++, sequence);
      sqlite3_bind_int64 (stmt, param++, now);
      sqlite3_bind_int64 (stmt, param++, i);
      if (old != NULL)
        {
          sqlite3_bind_int64 (stmt, param++, escale_itinerary_stop_get_id (old));
        }
      else
        {
          _escale_bind_text (stmt, param++, uid);
          sqlite3_bind_int64 (stmt, param++, now);
        }
      sqlite3_bind_int64 (stmt, param, event_id);

      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;

      _escale_itinerary_stop_set_identity (stop,
                                           old != NULL ? escale_itinerary_stop_get_id (old)
                                                       : sqlite3_last_insert_rowid (_escale_database_get_handle (database)),
                                           uid, sequence);
    }

  return TRUE;
}

/* Vehicles and tasks: nothing refers to them, so they are written anew. */
static gboolean
write_list (EscaleDatabase      *database,
            gint64               event_id,
            const char          *table,
            GListModel          *items,
            const char * const  *columns,
            guint                n_columns,
            gboolean             has_position,
            gint64               now,
            void               (*set_id) (gpointer, gint64),
            GError             **error)
{
  g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE event_id = ?", table);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database, delete, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!_escale_database_step_done (database, stmt, error))
    return FALSE;

  g_string_printf (insert, "INSERT INTO %s (", table);
  _escale_record_append_columns (insert, columns, n_columns, ", ", "");
  g_string_append_printf (insert, ", event_id, created_at, updated_at%s) VALUES (",
                          has_position ? ", position" : "");
  for (guint i = 0; i < n_columns + 3 + (has_position ? 1 : 0); i++)
    g_string_append (insert, i > 0 ? ", ?" : "?");
  g_string_append (insert, ")");

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EscaleRecord) item = g_list_model_get_item (items, i);
      int param = (int) n_columns + 1;

      stmt = _escale_database_prepare_cached (database, insert->str, error);
      if (stmt == NULL)
        return FALSE;

      _escale_record_bind_columns (stmt, 1, item, columns, n_columns);
      sqlite3_bind_int64 (stmt, param, event_id);
      sqlite3_bind_int64 (stmt, ++param, now);
      sqlite3_bind_int64 (stmt, ++param, now);
      if (has_position)
        sqlite3_bind_int64 (stmt, ++param, i);

      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;

      set_id (item, sqlite3_last_insert_rowid (_escale_database_get_handle (database)));
    }

  return TRUE;
}

static gboolean
write_partners (EscaleDatabase  *database,
                EscaleEvent     *event,
                GError         **error)
{
  guint n_ids;
  const gint64 *ids = escale_event_get_partner_ids (event, &n_ids);
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database, "DELETE FROM event_partner WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_event_get_id (event));
  if (!_escale_database_step_done (database, stmt, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      stmt = _escale_database_prepare_cached (database,
                                              "INSERT OR IGNORE INTO event_partner (event_id, organization_id) "
                                              "VALUES (?, ?)",
                                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, escale_event_get_id (event));
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _escale_event_write_parts:
 * @before: (nullable): the event as stored, for an update
 *
 * Writes what @event carries, inside the caller's transaction.
 */
gboolean
_escale_event_write_parts (EscaleDatabase  *database,
                           EscaleEvent     *event,
                           EscaleEvent     *before,
                           gint64           now,
                           GError         **error)
{
  gint64 id = escale_event_get_id (event);

  return write_stops (database, event, before, now, error) &&
         write_list (database, id, "vehicle", escale_event_get_vehicles (event), vehicle_columns,
                     G_N_ELEMENTS (vehicle_columns), FALSE, now, (void (*) (gpointer, gint64)) _escale_vehicle_set_id,
                     error) &&
         write_list (database, id, "logistics_task", escale_event_get_tasks (event), task_columns,
                     G_N_ELEMENTS (task_columns), TRUE, now,
                     (void (*) (gpointer, gint64)) _escale_logistics_task_set_id, error) &&
         write_partners (database, event, error);
}

char *
_escale_select_sql (const char         *table,
                    const char * const *columns,
                    guint               n_columns,
                    const char         *more,
                    const char         *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  _escale_record_append_columns (sql, columns, n_columns, ", ", "");
  g_string_append_printf (sql, ", %s FROM %s %s", more, table, where);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * _escale_event_read_parts:
 *
 * Reads what @event carries: its stops, vehicles, tasks and partners.
 */
/**
 * _escale_event_read_stops:
 *
 * Reads @event's itinerary in place of the stops it holds: a reused
 * event gets the stops of its current row.
 */
gboolean
_escale_event_read_stops (EscaleDatabase  *database,
                          EscaleEvent     *event,
                          GError         **error)
{
  static char *stops_sql;
  GListModel *stops = escale_event_get_stops (event);
  guint n_read = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (g_once_init_enter (&stops_sql))
    g_once_init_leave (&stops_sql, _escale_select_sql ("itinerary_stop", stop_columns, G_N_ELEMENTS (stop_columns),
                                                       "latitude IS NOT NULL, latitude, longitude, id, ical_uid, "
                                                       "ical_sequence",
                                                       "WHERE event_id = ? ORDER BY position"));

  stmt = _escale_database_prepare_cached (database, stops_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_event_get_id (event));

  /* The stops an event read again already holds are filled with the new
   * rows (every field is a column), as a reader of a range reuses its
   * event: making and finalising them was a tenth of an export. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleItineraryStop) stop = NULL;

      if (n_read < g_list_model_get_n_items (stops))
        stop = g_list_model_get_item (stops, n_read);
      else
        stop = g_object_new (ESCALE_TYPE_ITINERARY_STOP, NULL);
      _escale_record_read_columns (stmt, 0, stop, stop_columns, G_N_ELEMENTS (stop_columns));
      _escale_record_read_columns (stmt, G_N_ELEMENTS (stop_columns), stop, stop_stored, G_N_ELEMENTS (stop_stored));
      if (n_read == g_list_model_get_n_items (stops))
        escale_event_add_stop (event, stop);
      n_read++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }
  _escale_event_truncate_stops (event, n_read);

  return TRUE;
}

gboolean
_escale_event_read_parts (EscaleDatabase  *database,
                          EscaleEvent     *event,
                          GError         **error)
{
  gint64 id = escale_event_get_id (event);
  g_autofree char *vehicles_sql = _escale_select_sql ("vehicle", vehicle_columns, G_N_ELEMENTS (vehicle_columns), "id",
                                              "WHERE event_id = ? ORDER BY id");
  g_autofree char *tasks_sql = _escale_select_sql ("logistics_task", task_columns, G_N_ELEMENTS (task_columns), "id",
                                           "WHERE event_id = ? ORDER BY position");
  g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!_escale_event_read_stops (database, event, error))
    return FALSE;

  stmt = _escale_database_prepare_cached (database, vehicles_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleVehicle) vehicle = g_object_new (ESCALE_TYPE_VEHICLE, NULL);

      _escale_record_read_columns (stmt, 0, vehicle, vehicle_columns, G_N_ELEMENTS (vehicle_columns));
      _escale_vehicle_set_id (vehicle, sqlite3_column_int64 (stmt, G_N_ELEMENTS (vehicle_columns)));
      escale_event_add_vehicle (event, vehicle);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _escale_database_prepare_cached (database, tasks_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleLogisticsTask) task = g_object_new (ESCALE_TYPE_LOGISTICS_TASK, NULL);

      _escale_record_read_columns (stmt, 0, task, task_columns, G_N_ELEMENTS (task_columns));
      _escale_logistics_task_set_id (task, sqlite3_column_int64 (stmt, G_N_ELEMENTS (task_columns)));
      escale_event_add_task (event, task);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _escale_database_prepare_cached (database,
                                          "SELECT organization_id FROM event_partner WHERE event_id = ? "
                                          "ORDER BY organization_id",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 partner = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (partners, partner);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  escale_event_set_partner_ids (event, (const gint64 *) partners->data, partners->len);

  return TRUE;

failed:
  _escale_database_set_error (database, error);
  return FALSE;
}

