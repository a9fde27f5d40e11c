/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-repository-private.h"
#include "escale-audit-log.h"
#include "escale-database-private.h"

/* Writes one import of a partner's agenda in one transaction: entries
 * matched by UID and RECURRENCE-ID, the newer version kept by SEQUENCE then
 * LAST-MODIFIED, occurrences rewritten, and what the file no longer holds
 * removed at the end. A digest of each entry's fields and of its
 * occurrences tells an unchanged entry from a changed one without reading
 * its rows back. */

/* Held by the writer rather than the database's cache: tens of thousands
 * of rows go through them, and a lookup of the SQL text for each costs. */
enum
{
  INSERT_EVENT,
  UPDATE_EVENT,
  UPDATE_HASH,
  DELETE_OCCURRENCES,
  INSERT_OCCURRENCE,
  INSERT_OCCURRENCES,
  DELETE_EVENT,
  N_STATEMENTS
};

#define OCCURRENCES_PER_INSERT 64
#define OCCURRENCE_ROW "(?, ?, ?)"
#define FOUR_ROWS OCCURRENCE_ROW ", " OCCURRENCE_ROW ", " OCCURRENCE_ROW ", " OCCURRENCE_ROW
#define SIXTEEN_ROWS FOUR_ROWS ", " FOUR_ROWS ", " FOUR_ROWS ", " FOUR_ROWS

static const char * const statement_sql[N_STATEMENTS] = {
  [INSERT_EVENT] = "INSERT INTO external_event (sequence, last_modified, summary, location, description, "
                   "starts_at, ends_at, all_day, tzid, status, rrule, problem, content_hash, updated_at, "
                   "created_at, calendar_id, uid, recurrence_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [UPDATE_EVENT] = "UPDATE external_event SET sequence = ?, last_modified = ?, summary = ?, "
                   "location = ?, description = ?, starts_at = ?, ends_at = ?, all_day = ?, tzid = ?, "
                   "status = ?, rrule = ?, problem = ?, content_hash = ?, updated_at = ? WHERE id = ?",
  [UPDATE_HASH] = "UPDATE external_event SET content_hash = ? WHERE id = ?",
  [DELETE_OCCURRENCES] = "DELETE FROM external_occurrence WHERE event_id = ?",
  /* A rule and an override may name the same start: the first wins. */
  [INSERT_OCCURRENCE] = "INSERT OR IGNORE INTO external_occurrence (event_id, starts_at, ends_at) VALUES " OCCURRENCE_ROW,
  [INSERT_OCCURRENCES] = "INSERT OR IGNORE INTO external_occurrence (event_id, starts_at, ends_at) VALUES "
                         SIXTEEN_ROWS ", " SIXTEEN_ROWS ", " SIXTEEN_ROWS ", " SIXTEEN_ROWS,
  [DELETE_EVENT] = "DELETE FROM external_event WHERE id = ?",
};

typedef struct
{
  gint64   id;
  gint64   sequence;
  gint64   last_modified;
  char    *content_hash;
  gboolean seen;
} Stored;

struct _EscaleAgendaWriter
{
  EscaleDatabase *database;
  gint64          calendar_id;
  gboolean        created;
  gint64          now;
  GHashTable     *stored;   /* "uid\x1frecurrence-id" → Stored */
  GString        *key;
  GArray         *pending;   /* gint64 triples: event id, start, end */
  gboolean        open;
  sqlite3_stmt   *statements[N_STATEMENTS];
};

static void
stored_free (gpointer data)
{
  Stored *stored = data;

  g_free (stored->content_hash);
  g_free (stored);
}

static void
key_for (GString    *key,
         const char *uid,
         gboolean    has_recurrence_id,
         gint64      recurrence_id)
{
  g_string_assign (key, uid);
  g_string_append_c (key, '\x1f');
  if (has_recurrence_id)
    g_string_append_printf (key, "%" G_GINT64_FORMAT, recurrence_id);
}

static sqlite3_stmt *
statement (EscaleAgendaWriter  *writer,
           guint                which,
           GError             **error)
{
  sqlite3_stmt *stmt = writer->statements[which];

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = _escale_database_prepare (writer->database, statement_sql[which], error);
  writer->statements[which] = stmt;
  return stmt;
}

/* The entry's strings outlive the statement's step. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* FNV-1a, 64 bits: a change detector, not a defence against anyone. */
static guint64
digest_bytes (guint64     digest,
              const void *bytes,
              gsize       length)
{
  const guchar *p = bytes;

  for (gsize i = 0; i < length; i++)
    {
      digest ^= p[i];
      digest *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return digest;
}

static guint64
digest_text (guint64     digest,
             const char *text)
{
  /* The terminating NUL (or a lone 0xff for NULL) keeps "ab","c" from "a","bc". */
  if (text == NULL)
    return digest_bytes (digest, "\xff", 1);
  return digest_bytes (digest, text, strlen (text) + 1);
}

/* The two digests in 32 hexadecimal digits, as "%016x%016x" writes them,
 * without printf's cost on each of ten thousand entries. */
static char *
hex_digest (guint64 fields,
            guint64 times)
{
  static const char digits[] = "0123456789abcdef";
  char *hash = g_malloc (33);

  for (guint i = 0; i < 16; i++)
    {
      hash[i] = digits[(fields >> (60 - 4 * i)) & 0xf];
      hash[16 + i] = digits[(times >> (60 - 4 * i)) & 0xf];
    }
  hash[32] = '\0';
  return hash;
}

static char *
content_hash (const EscaleAgendaEntry *entry)
{
  guint64 fields = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  guint64 times = fields;
  gint64 numbers[] = { entry->starts_at, entry->ends_at, entry->all_day, entry->sequence, entry->last_modified };

  fields = digest_text (fields, entry->summary);
  fields = digest_text (fields, entry->location);
  fields = digest_text (fields, entry->description);
  fields = digest_text (fields, entry->tzid);
  fields = digest_text (fields, entry->status);
  fields = digest_text (fields, entry->rrule);
  fields = digest_text (fields, entry->problem);
  fields = digest_bytes (fields, numbers, sizeof numbers);
  times = digest_bytes (times, entry->occurrences, entry->n_occurrences * 2 * sizeof (gint64));

  return hex_digest (fields, times);
}

static gboolean
partner_exists (EscaleDatabase  *database,
                gint64           organization_id,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _escale_database_prepare (database, "SELECT 1 FROM organization WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, organization_id);

    g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND, _("No partner has the ID %s"), id);
  }
  return FALSE;
}

/* The partner's agenda row, created on its first import. */
static gboolean
attach_calendar (EscaleAgendaWriter  *writer,
                 gint64               organization_id,
                 const char          *name,
                 const char          *source_path,
                 GError             **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  sqlite3_stmt *stmt;
  int rc;

  find = _escale_database_prepare (writer->database, "SELECT id FROM external_calendar WHERE organization_id = ?", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, organization_id);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _escale_database_set_error (writer->database, error);
      return FALSE;
    }

  if (rc == SQLITE_ROW)
    {
      writer->calendar_id = sqlite3_column_int64 (find, 0);
      stmt = _escale_database_prepare_cached (writer->database,
                                              "UPDATE external_calendar SET name = ?, source_path = ?, imported_at = ?, "
                                              "updated_at = ? WHERE id = ?",
                                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 5, writer->calendar_id);
    }
  else
    {
      writer->created = TRUE;
      stmt = _escale_database_prepare_cached (writer->database,
                                              "INSERT INTO external_calendar (name, source_path, imported_at, updated_at, "
                                              "created_at, organization_id) VALUES (?, ?, ?, ?, ?, ?)",
                                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 5, writer->now);
      sqlite3_bind_int64 (stmt, 6, organization_id);
    }
  _escale_bind_text (stmt, 1, name);
  _escale_bind_text (stmt, 2, source_path);
  sqlite3_bind_int64 (stmt, 3, writer->now);
  sqlite3_bind_int64 (stmt, 4, writer->now);
  if (!_escale_database_step_done (writer->database, stmt, error))
    return FALSE;
  if (writer->created)
    writer->calendar_id = sqlite3_last_insert_rowid (_escale_database_get_handle (writer->database));
  return TRUE;
}

static gboolean
load_stored (EscaleAgendaWriter  *writer,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _escale_database_prepare (writer->database,
                                   "SELECT id, uid, recurrence_id, sequence, last_modified, content_hash "
                                   "FROM external_event WHERE calendar_id = ?",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, writer->calendar_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Stored *stored = g_new0 (Stored, 1);

      stored->id = sqlite3_column_int64 (stmt, 0);
      stored->sequence = sqlite3_column_int64 (stmt, 3);
      stored->last_modified = sqlite3_column_int64 (stmt, 4);
      stored->content_hash = g_strdup (_escale_column_text (stmt, 5));
      key_for (writer->key, (const char *) sqlite3_column_text (stmt, 1),
               sqlite3_column_type (stmt, 2) != SQLITE_NULL, sqlite3_column_int64 (stmt, 2));
      g_hash_table_insert (writer->stored, g_strdup (writer->key->str), stored);
    }
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (writer->database, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * _escale_agenda_writer_begin:
 * @source_path: (nullable): the file, for a later refresh
 * @now: the time of the import, unix seconds
 *
 * Starts the transaction of an import into the agenda of
 * @organization_id, created if the partner has none yet.
 */
EscaleAgendaWriter *
_escale_agenda_writer_begin (EscaleDatabase  *database,
                             gint64           organization_id,
                             const char      *name,
                             const char      *source_path,
                             gint64           now,
                             GError         **error)
{
  g_autoptr(EscaleAgendaWriter) writer = g_new0 (EscaleAgendaWriter, 1);

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  writer->database = g_object_ref (database);
  writer->now = now;
  writer->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_free);
  writer->key = g_string_new (NULL);
  writer->pending = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!escale_database_begin (database, error))
    return NULL;
  writer->open = TRUE;

  if (!partner_exists (database, organization_id, error) ||
      !attach_calendar (writer, organization_id, name, source_path, error) ||
      !load_stored (writer, error))
    return NULL;

  return g_steal_pointer (&writer);
}

/* Inserts the pending occurrences OCCURRENCES_PER_INSERT at a time, and
 * with @all the last ones one by one: most entries have one occurrence,
 * and a statement for each cost more than the rows. */
static gboolean
flush_occurrences (EscaleAgendaWriter  *writer,
                   gboolean             all,
                   GError             **error)
{
  const gint64 *rows = (const gint64 *) writer->pending->data;
  guint n_rows = writer->pending->len / 3;
  guint i = 0;

  while (i < n_rows && (all || n_rows - i >= OCCURRENCES_PER_INSERT))
    {
      guint n = n_rows - i >= OCCURRENCES_PER_INSERT ? OCCURRENCES_PER_INSERT : 1;
      sqlite3_stmt *stmt = statement (writer, n > 1 ? INSERT_OCCURRENCES : INSERT_OCCURRENCE, error);

      if (stmt == NULL)
        return FALSE;
      for (guint k = 0; k < n; k++, i++)
        {
          sqlite3_bind_int64 (stmt, 3 * k + 1, rows[3 * i]);
          sqlite3_bind_int64 (stmt, 3 * k + 2, rows[3 * i + 1]);
          sqlite3_bind_int64 (stmt, 3 * k + 3, rows[3 * i + 2]);
        }
      if (!_escale_database_step_done (writer->database, stmt, error))
        return FALSE;
    }
  g_array_remove_range (writer->pending, 0, 3 * i);
  return TRUE;
}

/* The occurrences of @entry, in the file's order (the first of two with
 * the same start wins), written with those of the entries that follow. */
static gboolean
write_occurrences (EscaleAgendaWriter       *writer,
                   gint64                    event_id,
                   gboolean                  replace,
                   const EscaleAgendaEntry  *entry,
                   GError                  **error)
{
  if (replace)
    {
      sqlite3_stmt *stmt;

      if (!flush_occurrences (writer, TRUE, error))
        return FALSE;
      stmt = statement (writer, DELETE_OCCURRENCES, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (!_escale_database_step_done (writer->database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < entry->n_occurrences; i++)
    {
      gint64 row[] = { event_id, entry->occurrences[2 * i], entry->occurrences[2 * i + 1] };

      g_array_append_vals (writer->pending, row, G_N_ELEMENTS (row));
    }
  return flush_occurrences (writer, FALSE, error);
}

static void
bind_fields (sqlite3_stmt            *stmt,
             const EscaleAgendaEntry *entry,
             const char              *hash,
             gint64                   now)
{
  sqlite3_bind_int64 (stmt, 1, entry->sequence);
  if (entry->last_modified != 0)
    sqlite3_bind_int64 (stmt, 2, entry->last_modified);
  else
    sqlite3_bind_null (stmt, 2);
  bind_text (stmt, 3, entry->summary);
  bind_text (stmt, 4, entry->location);
  bind_text (stmt, 5, entry->description);
  sqlite3_bind_int64 (stmt, 6, entry->starts_at);
  sqlite3_bind_int64 (stmt, 7, MAX (entry->ends_at, entry->starts_at));
  sqlite3_bind_int (stmt, 8, entry->all_day ? 1 : 0);
  bind_text (stmt, 9, entry->tzid);
  bind_text (stmt, 10, entry->status);
  bind_text (stmt, 11, entry->rrule);
  bind_text (stmt, 12, entry->problem);
  bind_text (stmt, 13, hash);
  sqlite3_bind_int64 (stmt, 14, now);
}

static gboolean
insert_entry (EscaleAgendaWriter       *writer,
              const EscaleAgendaEntry  *entry,
              const char               *hash,
              GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = statement (writer, INSERT_EVENT, error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, entry, hash, writer->now);
  sqlite3_bind_int64 (stmt, 15, writer->now);
  sqlite3_bind_int64 (stmt, 16, writer->calendar_id);
  bind_text (stmt, 17, entry->uid);
  if (entry->has_recurrence_id)
    sqlite3_bind_int64 (stmt, 18, entry->recurrence_id);
  if (!_escale_database_step_done (writer->database, stmt, error))
    return FALSE;

  return write_occurrences (writer, sqlite3_last_insert_rowid (_escale_database_get_handle (writer->database)),
                            FALSE, entry, error);
}

static gboolean
update_entry (EscaleAgendaWriter       *writer,
              gint64                    id,
              const EscaleAgendaEntry  *entry,
              const char               *hash,
              GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = statement (writer, UPDATE_EVENT, error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, entry, hash, writer->now);
  sqlite3_bind_int64 (stmt, 15, id);
  return _escale_database_step_done (writer->database, stmt, error);
}

static gboolean
update_hash (EscaleAgendaWriter  *writer,
             gint64               id,
             const char          *hash,
             GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = statement (writer, UPDATE_HASH, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, hash);
  sqlite3_bind_int64 (stmt, 2, id);
  return _escale_database_step_done (writer->database, stmt, error);
}

/* By RFC 5545: a greater SEQUENCE wins, then a later LAST-MODIFIED. */
static int
compare_versions (const EscaleAgendaEntry *entry,
                  const Stored            *stored)
{
  if (entry->sequence != stored->sequence)
    return entry->sequence > stored->sequence ? 1 : -1;
  if (entry->last_modified != stored->last_modified)
    {
      if (entry->last_modified == 0 || stored->last_modified == 0)
        return entry->last_modified == 0 ? -1 : 1;
      return entry->last_modified > stored->last_modified ? 1 : -1;
    }
  return 0;
}

/**
 * _escale_agenda_writer_put:
 * @outcome: (out): what became of @entry
 *
 * Adds @entry, or updates the stored one with its UID and RECURRENCE-ID
 * when @entry is newer (or, with neither SEQUENCE nor LAST-MODIFIED to
 * tell, different). Its occurrences follow the file in every case but an
 * older version.
 */
gboolean
_escale_agenda_writer_put (EscaleAgendaWriter       *writer,
                           const EscaleAgendaEntry  *entry,
                           EscaleAgendaOutcome      *outcome,
                           GError                  **error)
{
  g_autofree char *hash = content_hash (entry);
  Stored *stored;
  int version;

  g_return_val_if_fail (writer != NULL && writer->open, FALSE);
  g_return_val_if_fail (entry->uid != NULL && entry->status != NULL, FALSE);

  key_for (writer->key, entry->uid, entry->has_recurrence_id, entry->recurrence_id);
  stored = g_hash_table_lookup (writer->stored, writer->key->str);
  if (stored == NULL)
    {
      /* Seen from now on, so that the end of the import keeps it. */
      stored = g_new0 (Stored, 1);
      stored->seen = TRUE;
      g_hash_table_insert (writer->stored, g_strdup (writer->key->str), stored);
      *outcome = ESCALE_AGENDA_ADDED;
      return insert_entry (writer, entry, hash, error);
    }

  stored->seen = TRUE;
  version = compare_versions (entry, stored);
  *outcome = ESCALE_AGENDA_UNCHANGED;
  if (version < 0)
    {
      *outcome = ESCALE_AGENDA_OLDER;
      return TRUE;
    }
  if (g_strcmp0 (hash, stored->content_hash) == 0)
    return TRUE;

  if (strncmp (hash, stored->content_hash ? stored->content_hash : "", 16) != 0 &&
      (version > 0 || (entry->last_modified == 0 && stored->last_modified == 0)))
    {
      *outcome = ESCALE_AGENDA_UPDATED;
      if (!update_entry (writer, stored->id, entry, hash, error))
        return FALSE;
    }
  else if (!update_hash (writer, stored->id, hash, error))
    {
      return FALSE;
    }

  return write_occurrences (writer, stored->id, TRUE, entry, error);
}

static gboolean
remove_unseen (EscaleAgendaWriter  *writer,
               guint               *removed,
               GError             **error)
{
  GHashTableIter iter;
  Stored *stored;

  *removed = 0;
  g_hash_table_iter_init (&iter, writer->stored);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stored))
    {
      sqlite3_stmt *stmt;

      if (stored->seen)
        continue;
      stmt = statement (writer, DELETE_EVENT, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stored->id);
      if (!_escale_database_step_done (writer->database, stmt, error))
        return FALSE;
      (*removed)++;
    }
  return TRUE;
}

/**
 * _escale_agenda_writer_finish:
 * @commit: %FALSE for a dry run: everything is undone
 * @summary: the audit entry's details
 * @removed: (out): the entries the file no longer holds
 *
 * Removes what the file no longer holds, records the import in the audit
 * log and commits, or rolls everything back.
 */
gboolean
_escale_agenda_writer_finish (EscaleAgendaWriter  *writer,
                              gboolean             commit,
                              const char          *summary,
                              guint               *removed,
                              GError             **error)
{
  g_return_val_if_fail (writer != NULL && writer->open, FALSE);

  if (!flush_occurrences (writer, TRUE, error) ||
      !remove_unseen (writer, removed, error))
    return FALSE;
  if (!commit)
    {
      escale_database_rollback (writer->database);
      writer->open = FALSE;
      return TRUE;
    }
  if (!escale_audit_log_record (writer->database, "external_calendar", writer->calendar_id,
                                writer->created ? "create" : "update", summary, error) ||
      !escale_database_commit (writer->database, error))
    return FALSE;
  writer->open = FALSE;
  return TRUE;
}

/* Rolls back whatever was not committed. */
void
_escale_agenda_writer_free (EscaleAgendaWriter *writer)
{
  if (writer == NULL)
    return;
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&writer->statements[i], sqlite3_finalize);
  if (writer->open)
    escale_database_rollback (writer->database);
  g_clear_object (&writer->database);
  g_clear_pointer (&writer->stored, g_hash_table_unref);
  if (writer->key != NULL)
    g_string_free (writer->key, TRUE);
  g_clear_pointer (&writer->pending, g_array_unref);
  g_free (writer);
}
