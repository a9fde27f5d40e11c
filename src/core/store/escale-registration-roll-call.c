/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-registration-repository-private.h"

/* The roll call: at the event itself, it decides "attended" or "did not
 * come"; at each stop of a visit, the bus counts heads without changing
 * anyone's registration. */

static gboolean
contains (const gint64 *ids,
          guint         n_ids,
          gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    {
      if (ids[i] == id)
        return TRUE;
    }

  return FALSE;
}

static gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
record_stop_presence (EscaleRegistrationRepository  *self,
                      gint64                         stop_id,
                      EscaleRegistration            *registration,
                      gboolean                       present,
                      gint64                         now,
                      GError                       **error)
{
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (self->database,
                                          "INSERT INTO stop_attendance (stop_id, registration_id, present, recorded_at) "
                                          "VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET present = excluded.present, "
                                          "recorded_at = excluded.recorded_at",
                                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stop_id);
  sqlite3_bind_int64 (stmt, 2, escale_registration_get_id (registration));
  sqlite3_bind_int (stmt, 3, present);
  sqlite3_bind_int64 (stmt, 4, now);
  return _escale_database_step_done (self->database, stmt, error);
}

static gboolean
stop_belongs_to (EscaleRegistrationRepository  *self,
                 gint64                         stop_id,
                 gint64                         event_id,
                 GError                       **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = _escale_database_prepare_cached (self->database,
                                          "SELECT 1 FROM itinerary_stop WHERE id = ? AND event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stop_id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                 _("Event %lld has no stop number %lld"), (long long) event_id, (long long) stop_id);
  return found;
}

/**
 * escale_registration_repository_take_roll_call:
 * @stop_id: a stop of the event's itinerary, or 0 for the event itself
 * @present: (array length=n_present): the participants who are there
 *
 * Records who is there among those who hold seats; the others are marked
 * absent. For the event itself, that is "attended" or "did not come"; for
 * a stop, its own roll call, which leaves the registration as it is.
 */
gboolean
escale_registration_repository_take_roll_call (EscaleRegistrationRepository  *self,
                                               gint64                         event_id,
                                               gint64                         stop_id,
                                               const gint64                  *present,
                                               guint                          n_present,
                                               GError                       **error)
{
  g_autoptr(GPtrArray) holders = NULL;
  gint64 now = now_in_seconds ();
  gboolean ok = TRUE;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (present != NULL || n_present == 0, FALSE);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  if (stop_id != 0 && !stop_belongs_to (self, stop_id, event_id, error))
    return _escale_registration_finish (self, FALSE, NULL);

  holders = _escale_registration_read_all (self, "WHERE r.event_id = ? AND r." ESCALE_HOLDS_SEATS_SQL, event_id, 0, error);
  if (holders == NULL)
    return _escale_registration_finish (self, FALSE, NULL);

  /* Someone marked present who holds no seat is a mistake to point out,
   * not to ignore. */
  for (guint i = 0; i < n_present; i++)
    {
      gboolean holds = FALSE;

      for (guint j = 0; j < holders->len && !holds; j++)
        holds = escale_registration_get_participant_id (g_ptr_array_index (holders, j)) == present[i];

      if (!holds)
        {
          g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_NOT_REGISTERED,
                       _("Participant %lld holds no seat at this event"), (long long) present[i]);
          return _escale_registration_finish (self, FALSE, NULL);
        }
    }

  for (guint i = 0; i < holders->len && ok; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (holders, i);
      gboolean there = contains (present, n_present, escale_registration_get_participant_id (registration));
      EscaleRegistrationStatus status = there ? ESCALE_REGISTRATION_STATUS_ATTENDED : ESCALE_REGISTRATION_STATUS_NO_SHOW;

      if (stop_id != 0)
        ok = record_stop_presence (self, stop_id, registration, there, now, error);
      else if (escale_registration_get_status (registration) != status)
        ok = _escale_registration_write_status (self, registration, status, "roll call", now, error);
    }

  return _escale_registration_finish (self, ok, error);
}

/**
 * escale_registration_repository_get_stop_roll_call:
 *
 * Returns: (transfer full) (element-type gint64 gboolean): registration id
 *   → present, for those called at @stop_id
 */
GHashTable *
escale_registration_repository_get_stop_roll_call (EscaleRegistrationRepository  *self,
                                                   gint64                         stop_id,
                                                   GError                       **error)
{
  g_autoptr(GHashTable) presence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), NULL);

  stmt = _escale_database_prepare_cached (self->database,
                                          "SELECT registration_id, present FROM stop_attendance WHERE stop_id = ?",
                                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stop_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (presence, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&presence);
}

