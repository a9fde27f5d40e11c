/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-event-repository-private.h"
#include "escale-participant-registration.h"
#include "escale-registration-repository-private.h"

/* The registrations of one person, for their file: each with its event
 * and the place on the waitlist. Only reads; the changes are in
 * escale-registration-repository.c. */

/* From 1, in the order the waitlist is promoted in (by waitlisted_at,
 * then id: see promote_within() in escale-registration-repository.c). */
static gboolean
read_waitlist_position (EscaleRegistrationRepository  *self,
                        EscaleRegistration            *registration,
                        guint                         *position,
                        GError                       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _escale_database_prepare_cached (self->database,
                                          "SELECT count(*) FROM registration WHERE event_id = ? "
                                          "AND status = 'waitlisted' AND (waitlisted_at, id) <= (?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_registration_get_event_id (registration));
  sqlite3_bind_int64 (stmt, 2, escale_registration_get_waitlisted_at (registration));
  sqlite3_bind_int64 (stmt, 3, escale_registration_get_id (registration));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }
  return TRUE;
}

/* The events and the registrations come in the same order, read in one
 * transaction: a participant has one registration per event. */
static GPtrArray *
read_participant_registrations (EscaleRegistrationRepository  *self,
                                gint64                         participant_id,
                                GError                       **error)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (self->database);
  g_autoptr(GPtrArray) their_events = NULL;
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GPtrArray) found = NULL;

  their_events = _escale_event_repository_list_for_participant (events, participant_id, error);
  if (their_events == NULL)
    return NULL;
  registrations = _escale_registration_read_all (self,
                                                 "JOIN event e ON e.id = r.event_id WHERE r.participant_id = ? "
                                                 "ORDER BY e.starts_at DESC, e.id DESC",
                                                 participant_id, 0, error);
  if (registrations == NULL)
    return NULL;
  g_assert (registrations->len == their_events->len);

  found = g_ptr_array_new_full (registrations->len, g_object_unref);
  for (guint i = 0; i < registrations->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (registrations, i);
      EscaleEvent *event = g_ptr_array_index (their_events, i);
      guint position = 0;

      g_assert (escale_event_get_id (event) == escale_registration_get_event_id (registration));
      if (escale_registration_get_status (registration) == ESCALE_REGISTRATION_STATUS_WAITLISTED &&
          !read_waitlist_position (self, registration, &position, error))
        return NULL;
      g_ptr_array_add (found, escale_participant_registration_new (event, registration, position));
    }

  return g_steal_pointer (&found);
}

/**
 * escale_registration_repository_list_for_participant:
 *
 * What a participant's file shows of their events: each event they were
 * ever registered for, with their registration (cancelled ones included)
 * and their place on the waitlist.
 *
 * Returns: (transfer full) (element-type EscaleParticipantRegistration):
 *   the latest event first, so the upcoming ones come before the past
 */
GPtrArray *
escale_registration_repository_list_for_participant (EscaleRegistrationRepository  *self,
                                                     gint64                         participant_id,
                                                     GError                       **error)
{
  GPtrArray *found;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), NULL);

  if (!_escale_database_begin_read (self->database, error))
    return NULL;
  found = read_participant_registrations (self, participant_id, error);
  escale_database_rollback (self->database);

  return found;
}
