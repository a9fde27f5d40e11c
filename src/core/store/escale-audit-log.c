/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-audit-log.h"
#include "escale-database-private.h"
#include "escale-model-private.h"

/* The audit log answers "who changed this, and when" for the person in
 * charge of protecting personal information. It names the fields that
 * changed and never copies their values: the log must not become a second,
 * unprotected store of the same personal data. */

EscaleAuditEntry *
escale_audit_entry_copy (const EscaleAuditEntry *entry)
{
  EscaleAuditEntry *copy = g_new0 (EscaleAuditEntry, 1);

  copy->at = entry->at;
  copy->actor = g_strdup (entry->actor);
  copy->entity = g_strdup (entry->entity);
  copy->entity_id = entry->entity_id;
  copy->action = g_strdup (entry->action);
  copy->details = g_strdup (entry->details);

  return copy;
}

void
escale_audit_entry_free (EscaleAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->details);
  g_free (entry);
}

/**
 * escale_audit_log_record:
 * @entity: the table of the changed record, such as "organization"
 * @action: "create", "update", "delete", "restore", "archive" or "unarchive"
 * @details: (nullable): the names of the changed fields
 *
 * Records a change. Call it inside the transaction that makes the change, so
 * that the change and its trace are written together or not at all.
 */
gboolean
escale_audit_log_record (EscaleDatabase  *database,
                         const char      *entity,
                         gint64           entity_id,
                         const char      *action,
                         const char      *details,
                         GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  stmt = _escale_database_prepare_cached (database,
                                          "INSERT INTO audit_log (at, actor, entity, entity_id, action, details) "
                                          "VALUES (?, ?, ?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  _escale_bind_text (stmt, 2, g_get_user_name ());
  _escale_bind_text (stmt, 3, entity);
  sqlite3_bind_int64 (stmt, 4, entity_id);
  _escale_bind_text (stmt, 5, action);
  _escale_bind_text (stmt, 6, details);

  return _escale_database_step_done (database, stmt, error);
}

/**
 * escale_audit_log_list_for:
 *
 * Returns: (transfer container) (element-type EscaleAuditEntry): the changes
 *   of one record, oldest first
 */
GPtrArray *
escale_audit_log_list_for (EscaleDatabase  *database,
                           const char      *entity,
                           gint64           entity_id,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = _escale_database_prepare (database,
                                   "SELECT at, actor, entity, entity_id, action, details FROM audit_log "
                                   "WHERE entity = ? AND entity_id = ? ORDER BY id",
                                   error);
  if (stmt == NULL)
    return NULL;

  _escale_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscaleAuditEntry *entry = g_new0 (EscaleAuditEntry, 1);

      entry->at = sqlite3_column_int64 (stmt, 0);
      entry->actor = g_strdup (_escale_column_text (stmt, 1));
      entry->entity = g_strdup (_escale_column_text (stmt, 2));
      entry->entity_id = sqlite3_column_int64 (stmt, 3);
      entry->action = g_strdup (_escale_column_text (stmt, 4));
      entry->details = g_strdup (_escale_column_text (stmt, 5));
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * escale_audit_describe_changes:
 * @before: the saved version of a model object
 * @after: the version about to be saved, of the same type
 *
 * Compares the plain properties (text, numbers, flags, choices) of two
 * versions of a record.
 *
 * Returns: (transfer full) (nullable): the changed property names separated
 *   by ", ", or %NULL if none changed
 */
char *
escale_audit_describe_changes (GObject *before,
                               GObject *after)
{
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (G_IS_OBJECT (before) && G_IS_OBJECT (after), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (after), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (before), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspecs[i]);

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || G_TYPE_IS_OBJECT (type) || G_TYPE_IS_INTERFACE (type) ||
          g_str_equal (pspecs[i]->name, "updated-at"))
        continue;

      g_value_init (&a, type);
      g_value_init (&b, type);
      g_object_get_property (before, pspecs[i]->name, &a);
      g_object_get_property (after, pspecs[i]->name, &b);

      if (!_escale_param_values_equal (pspecs[i], &a, &b))
        g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", pspecs[i]->name);
    }

  if (changed->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&changed), FALSE);
}
