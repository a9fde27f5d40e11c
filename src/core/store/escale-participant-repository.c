/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-database-private.h"
#include "escale-enums.h"
#include "escale-participant-private.h"
#include "escale-participant-repository-private.h"
#include "escale-validation.h"

#define ENTITY "participant"

/* Participants are too many to keep in memory: the repository answers
 * queries with ids (escale_participant_repository_search()), rows with
 * summaries, and loads one whole file when it is opened. Every change is
 * one transaction with its audit entry, then a "changed" signal tells the
 * open lists to ask again. */
struct _EscaleParticipantRepository
{
  GObject         parent_instance;

  /* Owned */
  EscaleDatabase *database;
  char           *insert_sql;
  char           *insert_values;
  char           *update_sql;
  char           *select_sql;
};

G_DEFINE_FINAL_TYPE (EscaleParticipantRepository, escale_participant_repository, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The participant table has one column per field, named after it, except
 * the regions of interest, which have a table of their own. */
#define N_COLUMN_FIELDS (ESCALE_N_PARTICIPANT_FIELDS - 1)
#define N_KEY_COLUMNS 6

static gboolean
is_column_field (guint field)
{
  return field != ESCALE_PARTICIPANT_FIELD_REGIONS;
}

static char *
column_name (guint field)
{
  return g_strdelimit (g_strdup (escale_participant_field_get_name (field)), "-", '_');
}

static void
build_statements (EscaleParticipantRepository *self)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);
  g_autoptr(GString) placeholders = g_string_new (NULL);
  const char *keys[N_KEY_COLUMNS] = { "sort_key", "name_key", "email_key", "phone_key", "other_phone_key", "city_key" };

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *column = NULL;

      if (!is_column_field (i))
        continue;

      column = column_name (i);
      g_string_append_printf (columns, "%s, ", column);
      g_string_append_printf (assignments, "%s = ?, ", column);
      g_string_append (placeholders, "?, ");
    }

  for (guint i = 0; i < N_KEY_COLUMNS; i++)
    {
      g_string_append_printf (assignments, "%s = ?, ", keys[i]);
      g_string_append (placeholders, "?, ");
    }

  self->select_sql = g_strdup_printf ("SELECT %screated_at, updated_at FROM participant WHERE id = ?",
                                      columns->str);
  self->insert_values = g_strdup_printf ("(%s?, ?, ?)", placeholders->str);
  self->insert_sql = g_strdup_printf ("INSERT INTO participant (%ssort_key, name_key, email_key, phone_key, "
                                      "other_phone_key, city_key, created_at, updated_at, id) VALUES %s",
                                      columns->str, self->insert_values);
  self->update_sql = g_strdup_printf ("UPDATE participant SET %supdated_at = ? WHERE id = ?", assignments->str);
}

static gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
read_fields (sqlite3_stmt      *stmt,
             EscaleParticipant *participant)
{
  int column = 0;

  g_object_freeze_notify (G_OBJECT (participant));

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GType type = escale_participant_field_get_value_type (i);
      gboolean is_null;

      if (!is_column_field (i))
        continue;

      is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;
      g_value_init (&value, type);

      if (type == G_TYPE_STRING)
        g_value_set_string (&value, _escale_column_text (stmt, column));
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, sqlite3_column_int (stmt, column) != 0);
      else if (type == G_TYPE_INT)
        g_value_set_int (&value, is_null && i == ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS
                                   ? -1 : sqlite3_column_int (stmt, column));
      else
        {
          int choice = 0;

          escale_choice_from_nick (type, _escale_column_text (stmt, column), &choice);
          g_value_set_enum (&value, choice);
        }

      g_object_set_property (G_OBJECT (participant), escale_participant_field_get_name (i), &value);
      column++;
    }

  g_object_thaw_notify (G_OBJECT (participant));
}

static gboolean
write_search_row (EscaleDatabase              *database,
                  gint64                       id,
                  const EscaleParticipantRow  *row,
                  gboolean                     is_new,
                  GError                     **error)
{
  sqlite3_stmt *stmt;

  if (!is_new)
    {
      stmt = _escale_database_prepare_cached (database, "DELETE FROM participant_search WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;
    }

  stmt = _escale_database_prepare_cached (database, ESCALE_PARTICIPANT_SEARCH_INSERT_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _escale_participant_row_bind_search (row, stmt, 2, SQLITE_TRANSIENT);

  return _escale_database_step_done (database, stmt, error);
}

/* The schema refuses the same things; these say it in words a counsellor
 * understands, before anything is written. */
static gboolean
check_participant (EscaleParticipant           *participant,
                   const EscaleParticipantRow  *row,
                   GError                     **error)
{
  GListModel *notes = escale_participant_get_notes (participant);
  GListModel *follow_ups = escale_participant_get_follow_ups (participant);
  GListModel *consents = escale_participant_get_consents (participant);
  GDate date;

  if (!_escale_participant_row_check (row, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (consents, i);
      g_autofree char *notice = escale_normalize_text (escale_consent_get_notice_version (consent));
      g_autofree char *recorded_by = escale_normalize_text (escale_consent_get_recorded_by (consent));

      if (!escale_calendar_date_parse (escale_consent_get_given_on (consent), &date) ||
          notice == NULL || recorded_by == NULL)
        {
          g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                               _("A consent record needs its date, the version of the notice and who recorded it"));
          return FALSE;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(EscaleCaseNote) note = g_list_model_get_item (notes, i);
      g_autofree char *body = escale_normalize_text (escale_case_note_get_body (note));
      g_autofree char *author = escale_normalize_text (escale_case_note_get_author (note));

      if (!escale_calendar_date_parse (escale_case_note_get_written_on (note), &date) ||
          body == NULL || author == NULL)
        {
          g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                               _("A case note needs a date, an author and some text"));
          return FALSE;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (follow_ups); i++)
    {
      g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (follow_ups, i);

      if (!escale_calendar_date_parse (escale_follow_up_get_due_on (follow_up), &date))
        {
          g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                               _("A follow-up needs a due date"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_participant_row (EscaleParticipantRepository  *self,
                       EscaleParticipant            *participant,
                       const EscaleParticipantRow   *row,
                       gboolean                      insert,
                       gint64                        now,
                       gint64                       *id,
                       GError                      **error)
{
  sqlite3_stmt *stmt;
  int param;

  stmt = _escale_database_prepare_cached (self->database, insert ? self->insert_sql : self->update_sql, error);
  if (stmt == NULL)
    return FALSE;

  param = _escale_participant_row_bind (row, stmt, 1, SQLITE_TRANSIENT);

  if (insert)
    {
      gint64 created_at = escale_participant_get_created_at (participant);

      sqlite3_bind_int64 (stmt, param++, created_at != 0 ? created_at : now);
      sqlite3_bind_int64 (stmt, param++, now);
      if (escale_participant_get_id (participant) != 0)
        sqlite3_bind_int64 (stmt, param, escale_participant_get_id (participant));
      else
        sqlite3_bind_null (stmt, param);
    }
  else
    {
      sqlite3_bind_int64 (stmt, param++, now);
      sqlite3_bind_int64 (stmt, param, escale_participant_get_id (participant));
    }

  if (!_escale_database_step_done (self->database, stmt, error))
    return FALSE;

  if (!insert && sqlite3_changes (_escale_database_get_handle (self->database)) == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This participant no longer exists; the file was deleted in the meantime"));
      return FALSE;
    }

  *id = insert ? sqlite3_last_insert_rowid (_escale_database_get_handle (self->database))
               : escale_participant_get_id (participant);
  return TRUE;
}

/**
 * _escale_participant_repository_write:
 * @action: "create", "update", "restore" or "import"
 * @id: (out) (optional): the id of the file written
 *
 * Writes a whole file inside the caller's transaction. The ids it gets are
 * added to @pending, for _escale_participant_repository_apply_ids() once
 * the transaction is committed.
 */
gboolean
_escale_participant_repository_write (EscaleParticipantRepository  *self,
                                      EscaleParticipant            *participant,
                                      const char                   *action,
                                      gint64                        now,
                                      GArray                       *pending,
                                      gint64                       *out_id,
                                      GError                      **error)
{
  g_autoptr(EscaleParticipant) before = NULL;
  g_autoptr(GString) details = NULL;
  g_auto(EscaleParticipantRow) row = { { NULL } };
  const GValue *values[ESCALE_N_PARTICIPANT_FIELDS];
  gboolean restoring = g_str_equal (action, "restore");
  gboolean insert = !g_str_equal (action, "update");
  gint64 id;

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    values[i] = escale_participant_get_value (participant, i);
  _escale_participant_row_init (&row, values);

  if (!check_participant (participant, &row, error))
    return FALSE;

  if (!insert)
    {
      g_autofree char *fields = NULL;

      before = escale_participant_repository_load (self, escale_participant_get_id (participant), error);
      if (before == NULL)
        return FALSE;

      fields = escale_audit_describe_changes (G_OBJECT (before), G_OBJECT (participant));
      details = g_string_new (fields);
      _escale_participant_describe_lists (before, participant, details);
    }

  _escale_participant_row_fold_search (&row);
  if (!write_participant_row (self, participant, &row, insert, now, &id, error) ||
      !write_search_row (self->database, id, &row, insert, error) ||
      !_escale_participant_write_lists (self->database, id, participant, insert, restoring, now, pending, error) ||
      !escale_audit_log_record (self->database, ENTITY, id, action,
                                details != NULL && details->len > 0 ? details->str : NULL, error))
    return FALSE;

  _escale_participant_pending_add (pending, participant, id);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

void
_escale_participant_repository_apply_ids (EscaleParticipantRepository *self,
                                          GArray                      *pending,
                                          gint64                       now)
{
  _escale_participant_pending_apply (pending, now);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_escale_participant_repository_emit_changed (EscaleParticipantRepository *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * _escale_participant_repository_dup_insert_sql:
 * @n_rows: how many files the statement inserts at once
 *
 * Returns: (transfer full): the statement that inserts files: for each, the
 *   parameters of _escale_participant_row_bind(), then created_at,
 *   updated_at and id
 */
char *
_escale_participant_repository_dup_insert_sql (EscaleParticipantRepository *self,
                                               guint                        n_rows)
{
  GString *sql = g_string_new (self->insert_sql);

  g_assert (ESCALE_IS_PARTICIPANT_REPOSITORY (self));
  g_assert (n_rows > 0);

  for (guint i = 1; i < n_rows; i++)
    g_string_append_printf (sql, ", %s", self->insert_values);

  return g_string_free (sql, FALSE);
}

static gboolean
save_one (EscaleParticipantRepository  *self,
          EscaleParticipant            *participant,
          const char                   *action,
          GError                      **error)
{
  g_autoptr(GArray) pending = _escale_participant_repository_new_pending ();
  gint64 now = now_in_seconds ();

  if (!escale_database_begin (self->database, error))
    return FALSE;

  if (!_escale_participant_repository_write (self, participant, action, now, pending, NULL, error) ||
      !escale_database_commit (self->database, error))
    {
      escale_database_rollback (self->database);
      return FALSE;
    }

  _escale_participant_repository_apply_ids (self, pending, now);
  return TRUE;
}

static void
escale_participant_repository_finalize (GObject *object)
{
  EscaleParticipantRepository *self = (EscaleParticipantRepository *)object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->insert_sql, g_free);
  g_clear_pointer (&self->insert_values, g_free);
  g_clear_pointer (&self->update_sql, g_free);
  g_clear_pointer (&self->select_sql, g_free);

  G_OBJECT_CLASS (escale_participant_repository_parent_class)->finalize (object);
}

static void
escale_participant_repository_class_init (EscaleParticipantRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_participant_repository_finalize;

  /**
   * EscaleParticipantRepository::changed:
   *
   * Participants were saved, deleted, merged or imported: lists and counts
   * shown anywhere are out of date.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
escale_participant_repository_init (EscaleParticipantRepository *self)
{
  build_statements (self);
}

EscaleParticipantRepository *
escale_participant_repository_new (EscaleDatabase  *database,
                                   GError         **error)
{
  EscaleParticipantRepository *self;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_REPOSITORY, NULL);
  self->database = g_object_ref (database);

  return self;
}

EscaleDatabase *
escale_participant_repository_get_database (EscaleParticipantRepository *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), NULL);
  return self->database;
}

guint
escale_participant_repository_count (EscaleParticipantRepository *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), 0);

  stmt = _escale_database_prepare (self->database, "SELECT count(*) FROM participant", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * escale_participant_repository_load:
 *
 * Returns: (transfer full): the whole file of participant @id, or %NULL
 *   with %ESCALE_STORE_ERROR_NOT_FOUND
 */
EscaleParticipant *
escale_participant_repository_load (EscaleParticipantRepository  *self,
                                    gint64                        id,
                                    GError                      **error)
{
  g_autoptr(EscaleParticipant) participant = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), NULL);

  stmt = _escale_database_prepare (self->database, self->select_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no participant number %s"), number);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  participant = escale_participant_new ();
  read_fields (stmt, participant);
  _escale_participant_set_stored (participant, id,
                                  sqlite3_column_int64 (stmt, N_COLUMN_FIELDS),
                                  sqlite3_column_int64 (stmt, N_COLUMN_FIELDS + 1));

  if (!_escale_participant_load_lists (self->database, participant, id, error))
    return NULL;

  return g_steal_pointer (&participant);
}

/**
 * escale_participant_repository_save:
 *
 * Creates or updates the whole file: fields, household, regions, new
 * consent records, notes and follow-ups, in one transaction with its audit
 * entry. On failure nothing is written and @participant is unchanged.
 */
gboolean
escale_participant_repository_save (EscaleParticipantRepository  *self,
                                    EscaleParticipant            *participant,
                                    GError                      **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), FALSE);

  return save_one (self, participant, escale_participant_get_id (participant) == 0 ? "create" : "update", error);
}

/**
 * escale_participant_repository_notify_changed:
 *
 * Tells open lists that participants changed through another connection
 * to the same file, such as an import run in another thread.
 */
void
escale_participant_repository_notify_changed (EscaleParticipantRepository *self)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * escale_participant_repository_save_many:
 * @participants: (element-type EscaleParticipant): new files
 *
 * Creates many files in one transaction, all or none: what a demonstration
 * data set or a batch needs.
 */
gboolean
escale_participant_repository_save_many (EscaleParticipantRepository  *self,
                                         GPtrArray                    *participants,
                                         GError                      **error)
{
  g_autoptr(GArray) pending = _escale_participant_repository_new_pending ();
  gint64 now = now_in_seconds ();

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (participants != NULL, FALSE);

  for (guint i = 0; i < participants->len; i++)
    g_return_val_if_fail (escale_participant_get_id (g_ptr_array_index (participants, i)) == 0, FALSE);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < participants->len; i++)
    {
      EscaleParticipant *participant = g_ptr_array_index (participants, i);

      if (!_escale_participant_repository_write (self, participant, "create", now, pending, NULL, error))
        {
          escale_database_rollback (self->database);
          return FALSE;
        }
    }

  if (!escale_database_commit (self->database, error))
    {
      escale_database_rollback (self->database);
      return FALSE;
    }

  _escale_participant_repository_apply_ids (self, pending, now);
  return TRUE;
}

/**
 * escale_participant_repository_delete:
 *
 * Deletes the file and everything in it. Keep @participant, as loaded, to
 * undo with escale_participant_repository_restore().
 */
gboolean
escale_participant_repository_delete (EscaleParticipantRepository  *self,
                                      EscaleParticipant            *participant,
                                      GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), FALSE);

  id = escale_participant_get_id (participant);
  if (!escale_database_begin (self->database, error))
    return FALSE;

  stmt = _escale_database_prepare (self->database, "DELETE FROM participant WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_escale_database_step_done (self->database, stmt, error))
    goto failed;

  if (sqlite3_changes (_escale_database_get_handle (self->database)) == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This participant no longer exists; the file was deleted in the meantime"));
      goto failed;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _escale_database_prepare (self->database, "DELETE FROM participant_search WHERE rowid = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!_escale_database_step_done (self->database, stmt, error) ||
      !escale_audit_log_record (self->database, ENTITY, id, "delete", NULL, error) ||
      !escale_database_commit (self->database, error))
    goto failed;

  _escale_participant_repository_emit_changed (self);
  return TRUE;

failed:
  escale_database_rollback (self->database);
  return FALSE;
}

/**
 * escale_participant_repository_restore:
 * @participant: a file given to escale_participant_repository_delete()
 *
 * Undoes a deletion: the file comes back with its ids and its consent
 * history as it was recorded.
 */
gboolean
escale_participant_repository_restore (EscaleParticipantRepository  *self,
                                       EscaleParticipant            *participant,
                                       GError                      **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (escale_participant_get_id (participant) != 0, FALSE);

  return save_one (self, participant, "restore", error);
}

/**
 * escale_participant_repository_record_override:
 * @rules: the name of the rule set, such as a programme or an event
 * @justification: why the person is accepted anyway
 *
 * Records that a counsellor accepted someone whom @rules would refuse.
 */
gboolean
escale_participant_repository_record_override (EscaleParticipantRepository  *self,
                                               gint64                        participant_id,
                                               const char                   *rules,
                                               const char                   *justification,
                                               GError                      **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  if (!_escale_participant_repository_write_override (self, participant_id, rules, justification, error) ||
      !escale_database_commit (self->database, error))
    {
      escale_database_rollback (self->database);
      return FALSE;
    }

  return TRUE;
}

/* Records an override inside the caller's transaction: a registration
 * that needs one writes both, or neither. */
gboolean
_escale_participant_repository_write_override (EscaleParticipantRepository  *self,
                                               gint64                        participant_id,
                                               const char                   *rules,
                                               const char                   *justification,
                                               GError                      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *reason = escale_normalize_text (justification);
  g_autofree char *rules_name = escale_normalize_text (rules);

  if (reason == NULL || rules_name == NULL)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                           _("Say why this person is accepted although the rules refuse them"));
      return FALSE;
    }

  stmt = _escale_database_prepare_cached (self->database,
                                          "INSERT INTO eligibility_override (participant_id, rules, justification, "
                                          "decided_by, created_at) VALUES (?, ?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, participant_id);
  _escale_bind_text (stmt, 2, rules_name);
  _escale_bind_text (stmt, 3, reason);
  _escale_bind_text (stmt, 4, g_get_user_name ());
  sqlite3_bind_int64 (stmt, 5, now_in_seconds ());

  return _escale_database_step_done (self->database, stmt, error) &&
         escale_audit_log_record (self->database, ENTITY, participant_id, "override", rules_name, error);
}
