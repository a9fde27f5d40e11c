/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-database-private.h"
#include "escale-participant-repository-private.h"

/* An import writes 100,000 new files in one transaction: the same rows as
 * _escale_participant_repository_write() writes for a file without
 * household or records, and the same audit entries, written many at a time.
 * SQLite spends much of a one-row INSERT opening the table and each of its
 * indexes; a statement of 64 rows opens them once. The statements are
 * compiled once, and the text is bound without copies. No object waits for
 * its id: the caller keeps the ids. */

/* Rows are written 64 at a time, the rest 8 at a time, then one by one. */
static const guint group_sizes[] = { 64, 8, 1 };

#define N_GROUP_SIZES G_N_ELEMENTS (group_sizes)

typedef struct
{
  gint64      participant_id;
  int         rank;
  const char *code;
} RegionRow;

struct _EscaleParticipantBatch
{
  /* Owned */
  EscaleParticipantRepository *repository;
  sqlite3_stmt                *insert_participants[N_GROUP_SIZES];
  sqlite3_stmt                *insert_regions[N_GROUP_SIZES];
  sqlite3_stmt                *insert_search;
  sqlite3_stmt                *insert_audit;
  GArray                      *regions;

  /* Borrowed */
  EscaleDatabase              *database;

  const char                  *action;
  gint64                       now;
};

/* The size of the largest group that @n_rows fill, as an index. */
static guint
group_for (guint n_rows)
{
  guint i = 0;

  while (group_sizes[i] > n_rows)
    i++;

  return i;
}

static sqlite3_stmt *
prepare_persistent (EscaleDatabase  *database,
                    const char      *sql,
                    GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (_escale_database_get_handle (database), sql, -1,
                          SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return stmt;
}

static sqlite3_stmt *
participants_statement (EscaleParticipantBatch  *batch,
                        guint                    group,
                        GError                 **error)
{
  if (batch->insert_participants[group] == NULL)
    {
      g_autofree char *sql = _escale_participant_repository_dup_insert_sql (batch->repository,
                                                                           group_sizes[group]);

      batch->insert_participants[group] = prepare_persistent (batch->database, sql, error);
    }

  return batch->insert_participants[group];
}

static sqlite3_stmt *
regions_statement (EscaleParticipantBatch  *batch,
                   guint                    group,
                   GError                 **error)
{
  if (batch->insert_regions[group] == NULL)
    {
      g_autoptr(GString) sql = g_string_new (ESCALE_PARTICIPANT_REGION_INSERT_SQL);

      for (guint i = 1; i < group_sizes[group]; i++)
        g_string_append (sql, ", (?, ?, ?)");
      batch->insert_regions[group] = prepare_persistent (batch->database, sql->str, error);
    }

  return batch->insert_regions[group];
}

/**
 * _escale_participant_batch_new:
 * @action: the audit log's action for each file, such as "import"
 * @now: the time the files are created at
 *
 * Starts writing new files inside the caller's transaction.
 */
EscaleParticipantBatch *
_escale_participant_batch_new (EscaleParticipantRepository  *repository,
                               const char                   *action,
                               gint64                        now,
                               GError                      **error)
{
  g_autoptr(EscaleParticipantBatch) batch = g_new0 (EscaleParticipantBatch, 1);

  batch->repository = g_object_ref (repository);
  batch->database = escale_participant_repository_get_database (repository);
  batch->action = g_intern_string (action);
  batch->now = now;
  batch->regions = g_array_new (FALSE, FALSE, sizeof (RegionRow));

  batch->insert_search = prepare_persistent (batch->database, ESCALE_PARTICIPANT_SEARCH_INSERT_SQL, error);
  if (batch->insert_search == NULL)
    return NULL;

  /* The entries escale_audit_log_record() writes, for a statement's rows
   * at once. */
  batch->insert_audit = prepare_persistent (batch->database,
                                            "INSERT INTO audit_log (at, actor, entity, entity_id, action) "
                                            "SELECT ?, ?, 'participant', id, ? FROM participant "
                                            "WHERE id BETWEEN ? AND ? ORDER BY id",
                                            error);
  if (batch->insert_audit == NULL)
    return NULL;

  return g_steal_pointer (&batch);
}

static gboolean
step (EscaleParticipantBatch  *batch,
      sqlite3_stmt            *stmt,
      GError                 **error)
{
  gboolean done = _escale_database_step_done (batch->database, stmt, error);

  sqlite3_reset (stmt);
  return done;
}

/* The participant rows of a group, and their audit entries. */
static gboolean
insert_participants (EscaleParticipantBatch      *batch,
                     EscaleParticipantRow * const *rows,
                     guint                        group,
                     gint64                      *ids,
                     GError                     **error)
{
  sqlite3_stmt *stmt = participants_statement (batch, group, error);
  guint n_rows = group_sizes[group];
  gint64 last;
  int param = 1;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      param = _escale_participant_row_bind (rows[i], stmt, param, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, param++, batch->now);
      sqlite3_bind_int64 (stmt, param++, batch->now);
      sqlite3_bind_null (stmt, param++);
    }
  if (!step (batch, stmt, error))
    return FALSE;

  /* AUTOINCREMENT gives each row one more than the largest id yet, so the
   * rows of one statement have consecutive ids, the last one SQLite says. */
  last = sqlite3_last_insert_rowid (_escale_database_get_handle (batch->database));
  for (guint i = 0; i < n_rows; i++)
    ids[i] = last - n_rows + 1 + i;

  sqlite3_bind_int64 (batch->insert_audit, 1, g_get_real_time () / G_USEC_PER_SEC);
  _escale_bind_text (batch->insert_audit, 2, g_get_user_name ());
  sqlite3_bind_text (batch->insert_audit, 3, batch->action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (batch->insert_audit, 4, ids[0]);
  sqlite3_bind_int64 (batch->insert_audit, 5, last);

  return step (batch, batch->insert_audit, error);
}

static gboolean
insert_regions (EscaleParticipantBatch  *batch,
                GError                 **error)
{
  const RegionRow *regions = (const RegionRow *) batch->regions->data;
  guint n_regions = batch->regions->len;

  for (guint done = 0; done < n_regions; )
    {
      guint group = group_for (n_regions - done);
      sqlite3_stmt *stmt = regions_statement (batch, group, error);

      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < group_sizes[group]; i++, done++)
        {
          sqlite3_bind_int64 (stmt, 3 * i + 1, regions[done].participant_id);
          sqlite3_bind_int (stmt, 3 * i + 2, regions[done].rank);
          if (*regions[done].code == '\0')
            sqlite3_bind_null (stmt, 3 * i + 3);
          else
            sqlite3_bind_text (stmt, 3 * i + 3, regions[done].code, -1, SQLITE_STATIC);
        }
      if (!step (batch, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _escale_participant_batch_insert:
 * @rows: new files, folded with _escale_participant_row_fold_search(); their
 *   text is bound as it is, and must stay as it is until
 *   _escale_participant_batch_forget()
 * @ids: (out caller-allocates) (array length=n_rows): the id each file gets
 *
 * Writes the files, their search rows, their regions and their audit
 * entries. A file that a save would refuse fails them all.
 */
gboolean
_escale_participant_batch_insert (EscaleParticipantBatch       *batch,
                                  EscaleParticipantRow * const *rows,
                                  guint                         n_rows,
                                  gint64                       *ids,
                                  GError                      **error)
{
  g_assert (batch != NULL);
  g_assert (rows != NULL || n_rows == 0);

  for (guint i = 0; i < n_rows; i++)
    {
      if (!_escale_participant_row_check (rows[i], error))
        return FALSE;
    }

  for (guint done = 0; done < n_rows; )
    {
      guint group = group_for (n_rows - done);

      if (!insert_participants (batch, rows + done, group, ids + done, error))
        return FALSE;
      done += group_sizes[group];
    }

  g_array_set_size (batch->regions, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      const char * const *codes = g_value_get_boxed (rows[i]->values[ESCALE_PARTICIPANT_FIELD_REGIONS]);

      /* One row a statement: a statement of many rows makes FTS5 write
       * out the words it gathers in memory, each time. */
      sqlite3_bind_int64 (batch->insert_search, 1, ids[i]);
      _escale_participant_row_bind_search (rows[i], batch->insert_search, 2, SQLITE_STATIC);
      if (!step (batch, batch->insert_search, error))
        return FALSE;

      for (guint rank = 1; codes != NULL && codes[rank - 1] != NULL; rank++)
        {
          RegionRow region = { ids[i], (int) rank, codes[rank - 1] };

          g_array_append_val (batch->regions, region);
        }
    }

  return insert_regions (batch, error);
}

/**
 * _escale_participant_batch_forget:
 *
 * Lets go of the text of the files written so far, which the caller may
 * then free or reuse.
 */
void
_escale_participant_batch_forget (EscaleParticipantBatch *batch)
{
  g_assert (batch != NULL);

  for (guint i = 0; i < N_GROUP_SIZES; i++)
    {
      if (batch->insert_participants[i] != NULL)
        sqlite3_clear_bindings (batch->insert_participants[i]);
      if (batch->insert_regions[i] != NULL)
        sqlite3_clear_bindings (batch->insert_regions[i]);
    }
  sqlite3_clear_bindings (batch->insert_search);
}

void
_escale_participant_batch_free (EscaleParticipantBatch *batch)
{
  if (batch == NULL)
    return;

  for (guint i = 0; i < N_GROUP_SIZES; i++)
    {
      g_clear_pointer (&batch->insert_participants[i], sqlite3_finalize);
      g_clear_pointer (&batch->insert_regions[i], sqlite3_finalize);
    }
  g_clear_pointer (&batch->insert_search, sqlite3_finalize);
  g_clear_pointer (&batch->insert_audit, sqlite3_finalize);
  g_clear_pointer (&batch->regions, g_array_unref);
  g_clear_object (&batch->repository);
  g_free (batch);
}
