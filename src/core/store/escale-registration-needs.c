/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-record-columns.h"
#include "escale-registration-repository-private.h"
#include "escale-validation.h"

/* What a participant needs to come: diet, accessibility, lodging and a
 * note. They are told at registration and change often before a visit;
 * unlike the status and the seats, they weigh on no one else's place. */

static const char * const needs_columns[] = { "needs-lodging", "diet", "accessibility", "notes" };

/**
 * escale_registration_repository_set_needs:
 * @diet: (nullable): the person's diet, "Halal", "Vegetarian"…
 * @accessibility: (nullable): what they need to get around
 * @needs_lodging: whether they need a bed for the night (visits)
 * @notes: (nullable): anything else the organisers should know
 *
 * Changes what a registration needs, in one transaction with an audit
 * entry naming the fields that changed. Blank text clears a field.
 */
gboolean
escale_registration_repository_set_needs (EscaleRegistrationRepository  *self,
                                          gint64                         registration_id,
                                          const char                    *diet,
                                          const char                    *accessibility,
                                          gboolean                       needs_lodging,
                                          const char                    *notes,
                                          GError                       **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *clean_diet = escale_normalize_text (diet);
  g_autofree char *clean_accessibility = escale_normalize_text (accessibility);
  g_autofree char *clean_notes = escale_normalize_text (notes);
  EscaleRegistration *registration;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), FALSE);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  /* Two reads: the saved version to compare with, and the one to change. */
  before = _escale_registration_read_all (self, "WHERE r.id = ?", registration_id, 0, error);
  after = before != NULL ? _escale_registration_read_all (self, "WHERE r.id = ?", registration_id, 0, error) : NULL;
  if (after == NULL)
    return _escale_registration_finish (self, FALSE, NULL);
  if (after->len == 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no registration number %lld"), (long long) registration_id);
      return _escale_registration_finish (self, FALSE, NULL);
    }

  registration = g_ptr_array_index (after, 0);
  escale_registration_set_diet (registration, clean_diet);
  escale_registration_set_accessibility (registration, clean_accessibility);
  escale_registration_set_needs_lodging (registration, needs_lodging);
  escale_registration_set_notes (registration, clean_notes);

  changes = escale_audit_describe_changes (g_ptr_array_index (before, 0), G_OBJECT (registration));
  if (changes == NULL)
    {
      /* Nothing to write, and nothing for the lists to read again. */
      ok = escale_database_commit (self->database, error);
      if (!ok)
        escale_database_rollback (self->database);
      return ok;
    }

  stmt = _escale_database_prepare_cached (self->database,
                                          "UPDATE registration SET needs_lodging = ?, diet = ?, accessibility = ?, "
                                          "notes = ?, updated_at = ? WHERE id = ?",
                                          error);
  ok = stmt != NULL;
  if (ok)
    {
      _escale_record_bind_columns (stmt, 1, registration, needs_columns, G_N_ELEMENTS (needs_columns));
      sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
      sqlite3_bind_int64 (stmt, 6, registration_id);
      ok = _escale_database_step_done (self->database, stmt, error) &&
           escale_audit_log_record (self->database, "registration", registration_id, "update", changes, error);
    }

  return _escale_registration_finish (self, ok, error);
}
