/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "escale-database-private.h"

#define SCHEMA_RESOURCE_PATH RESOURCE_PREFIX "/core/schema/"
#define SQLITE_HEADER "SQLite format 3"
/* The database header, https://sqlite.org/fileformat.html#the_database_header */
#define SQLITE_HEADER_SIZE 100
#define SQLITE_HEADER_PAGE_COUNT 28
#define SQLITE_HEADER_USER_VERSION 60
#define SQLITE_HEADER_APPLICATION_ID 68

struct _EscaleDatabase
{
  GObject  parent_instance;

  sqlite3    *handle;
  char       *path;
  guint       version;
  gboolean    in_transaction;
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (EscaleDatabase, escale_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (escale-store-error-quark, escale_store_error)

typedef struct
{
  guint  number;
  char  *resource;
} Migration;

static void
migration_clear (gpointer data)
{
  Migration *migration = data;

  g_free (migration->resource);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  const Migration *ma = a;
  const Migration *mb = b;

  return (ma->number > mb->number) - (ma->number < mb->number);
}

/* Migrations are the files schema/NNN-name.sql embedded in the core's
 * GResource; their number is the user_version they lead to. */
static GArray *
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GArray *migrations;

  migrations = g_array_new (FALSE, FALSE, sizeof (Migration));
  g_array_set_clear_func (migrations, migration_clear);

  names = g_resources_enumerate_children (SCHEMA_RESOURCE_PATH, 0, NULL);
  g_assert (names != NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      Migration migration;
      char *end = NULL;

      if (!g_str_has_suffix (names[i], ".sql"))
        continue;

      migration.number = (guint) g_ascii_strtoull (names[i], &end, 10);
      g_assert (migration.number > 0 && end != NULL && *end == '-');
      migration.resource = g_strconcat (SCHEMA_RESOURCE_PATH, names[i], NULL);
      g_array_append_val (migrations, migration);
    }

  g_array_sort (migrations, migration_compare);

  for (guint i = 0; i < migrations->len; i++)
    g_assert (g_array_index (migrations, Migration, i).number == i + 1);

  return migrations;
}

static EscaleStoreError
error_code_for_sqlite (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
      return ESCALE_STORE_ERROR_NOT_ESCALE;
    case SQLITE_CORRUPT:
      return ESCALE_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ESCALE_STORE_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return ESCALE_STORE_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return ESCALE_STORE_ERROR_CANNOT_OPEN;
    default:
      return ESCALE_STORE_ERROR_FAILED;
    }
}

static void
set_error_from_handle (sqlite3     *handle,
                       const char  *path,
                       GError     **error)
{
  int code = sqlite3_extended_errcode (handle);
  EscaleStoreError escale_code = error_code_for_sqlite (code);

  switch (escale_code)
    {
    case ESCALE_STORE_ERROR_NOT_ESCALE:
      g_set_error (error, ESCALE_STORE_ERROR, escale_code,
                   _("“%s” is not an Escale database"), path);
      break;
    case ESCALE_STORE_ERROR_CORRUPT:
      g_set_error (error, ESCALE_STORE_ERROR, escale_code,
                   _("The database “%s” is damaged; restore a backup copy"), path);
      break;
    case ESCALE_STORE_ERROR_BUSY:
      g_set_error (error, ESCALE_STORE_ERROR, escale_code,
                   _("The database “%s” is in use by another program; try again in a moment"), path);
      break;
    case ESCALE_STORE_ERROR_CANNOT_OPEN:
      g_set_error (error, ESCALE_STORE_ERROR, escale_code,
                   _("Cannot write to the database “%s”: %s"), path, sqlite3_errmsg (handle));
      break;
    case ESCALE_STORE_ERROR_CONSTRAINT:
    case ESCALE_STORE_ERROR_TOO_NEW:
    case ESCALE_STORE_ERROR_NOT_FOUND:
    case ESCALE_STORE_ERROR_FAILED:
    default:
      g_set_error (error, ESCALE_STORE_ERROR, escale_code,
                   _("Database error in “%s”: %s"), path, sqlite3_errmsg (handle));
      break;
    }
}

static gboolean
exec_on_handle (sqlite3     *handle,
                const char  *path,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error_from_handle (handle, path, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *handle,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error_from_handle (handle, path, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Reads the first bytes ourselves so that a stray document or a spreadsheet
 * picked by mistake is refused before SQLite ever touches it. */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guchar header[SQLITE_HEADER_SIZE] = { 0 };
  gsize read = 0;
  guint32 page_count;
  guint32 application_id;
  guint32 user_version;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *is_empty = TRUE;
          return TRUE;
        }

      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &read, NULL, &local_error))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot read the database “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  *is_empty = (read == 0);
  if (*is_empty)
    return TRUE;

  if (read < sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_ESCALE,
                   _("“%s” is not an Escale database"), path);
      return FALSE;
    }

  /* Another program's database, or a newer Escale's, is told apart by its
   * header too: opening it through SQLite, even read-only, would leave -wal
   * and -shm files beside a database in WAL mode. */
  memcpy (&page_count, header + SQLITE_HEADER_PAGE_COUNT, sizeof page_count);
  memcpy (&application_id, header + SQLITE_HEADER_APPLICATION_ID, sizeof application_id);
  memcpy (&user_version, header + SQLITE_HEADER_USER_VERSION, sizeof user_version);
  page_count = GUINT32_FROM_BE (page_count);
  application_id = GUINT32_FROM_BE (application_id);
  user_version = GUINT32_FROM_BE (user_version);
  /* Escale marks its file in the transaction that creates the tables: a
   * database with tables (more than its first page) and no mark is another
   * program's. */
  if (application_id != ESCALE_DATABASE_APPLICATION_ID && (application_id != 0 || page_count > 1))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_ESCALE,
                   _("“%s” is an SQLite database of another program, not an Escale database"), path);
      return FALSE;
    }
  if (user_version > escale_database_get_latest_version ())
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Escale; update Escale to open it"),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* An existing file is inspected through a read-only connection: whatever is
 * wrong with it, Escale refuses it without having written a byte to it. (A
 * damaged database in WAL mode still gets the -wal and -shm files that any
 * reader creates.) */
static gboolean
inspect_existing (const char  *path,
                  guint        latest_version,
                  GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *handle = NULL;
  gint64 application_id = 0;
  gint64 version = 0;
  gint64 tables = 0;
  gboolean ok = FALSE;

  /* A URI needs an absolute path; "--db escale.db" is relative. */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL ||
      sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   handle != NULL ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      goto out;
    }

  if (!exec_on_handle (handle, path, "PRAGMA trusted_schema = OFF", error))
    goto out;

  if (!query_int (handle, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (handle, path, "PRAGMA user_version", &version, error) ||
      !query_int (handle, path, "SELECT count(*) FROM sqlite_schema", &tables, error))
    goto out;

  if (application_id != ESCALE_DATABASE_APPLICATION_ID && (application_id != 0 || tables > 0))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_ESCALE,
                   _("“%s” is an SQLite database of another program, not an Escale database"), path);
      goto out;
    }

  if (version > latest_version)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Escale; update Escale to open it"),
                   path);
      goto out;
    }

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    const char *verdict;

    if (sqlite3_prepare_v2 (handle, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step (stmt) != SQLITE_ROW)
      {
        set_error_from_handle (handle, path, error);
        goto out;
      }

    verdict = (const char *) sqlite3_column_text (stmt, 0);
    if (g_strcmp0 (verdict, "ok") != 0)
      {
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged; restore a backup copy"), path);
        goto out;
      }
  }

  ok = TRUE;

out:
  sqlite3_close_v2 (handle);
  return ok;
}

/* Each PRAGMA is set explicitly because other SQLite builds have other
 * defaults, and each one is a decision about the counsellors' data. */
static const char *const connection_pragmas[] = {
  /* Contacts and interactions must never outlive their partner. */
  "PRAGMA foreign_keys = ON",
  /* Readers (the CLI, a backup) never block the window, and a crash cannot
   * corrupt the file. */
  "PRAGMA journal_mode = WAL",
  /* Counsellors work on laptops on the road: a save they saw succeed must
   * survive the battery dying, not only a crash of Escale. */
  "PRAGMA synchronous = FULL",
  /* The window and escale-cli may write at the same moment: wait a little
   * instead of failing. */
  "PRAGMA busy_timeout = 5000",
  /* Deleted personal information is overwritten, not left in free pages. */
  "PRAGMA secure_delete = ON",
  /* A database received from elsewhere cannot make views or triggers call
   * application functions. */
  "PRAGMA trusted_schema = OFF",
  /* Sorting and temporary indexes of personal data stay out of /tmp. */
  "PRAGMA temp_store = MEMORY",
  /* 32 MB of page cache instead of 2: an import of 100,000 people touches
   * the table, eight indexes and the search index, and with the default
   * cache SQLite spills pages to disk before the transaction ends. */
  "PRAGMA cache_size = -32768",
  /* Reads map the file instead of copying each page out of the kernel:
   * a search as you type over 100,000 people visits thousands of rows, and
   * the copies were half of its time. Writes still go through the journal. */
  "PRAGMA mmap_size = 268435456",
};

static gboolean
configure_connection (EscaleDatabase  *self,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (connection_pragmas); i++)
    {
      if (!_escale_database_exec (self, connection_pragmas[i], error))
        return FALSE;
    }

  /* journal_mode answers with the mode it really got: some file systems
   * (network shares) cannot do WAL. */
  stmt = _escale_database_prepare (self, "PRAGMA journal_mode", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        _escale_database_set_error (self, error);
      return FALSE;
    }
  if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    g_warning ("The database %s could not switch to WAL mode", self->path);

  return TRUE;
}

static gboolean
migrate (EscaleDatabase  *self,
         guint            target,
         GError         **error)
{
  g_autoptr(GArray) migrations = list_migrations ();

  for (guint i = self->version; i < target && i < migrations->len; i++)
    {
      const Migration *migration = &g_array_index (migrations, Migration, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = g_resources_lookup_data (migration->resource, 0, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %u", migration->number);

      if (!escale_database_begin (self, &local_error) ||
          !_escale_database_exec (self, sql, &local_error) ||
          !_escale_database_exec (self, set_version, &local_error) ||
          !escale_database_commit (self, &local_error))
        {
          if (self->in_transaction)
            escale_database_rollback (self);
          g_set_error (error, ESCALE_STORE_ERROR, local_error->code,
                       _("Could not upgrade the database “%s” to version %u: %s"),
                       self->path, migration->number, local_error->message);
          return FALSE;
        }

      self->version = migration->number;
      g_debug ("Migrated %s to version %u", self->path, self->version);
    }

  return TRUE;
}

static void
escale_database_finalize (GObject *object)
{
  EscaleDatabase *self = (EscaleDatabase *)object;

  if (self->in_transaction)
    escale_database_rollback (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (escale_database_parent_class)->finalize (object);
}

static void
escale_database_class_init (EscaleDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_database_finalize;
}

static void
escale_database_init (EscaleDatabase *self)
{
}

/**
 * escale_database_get_default_path:
 *
 * Returns: (transfer full): where Escale keeps its data unless told otherwise,
 *   `$XDG_DATA_HOME/escale/escale.db`
 */
char *
escale_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "escale", "escale.db", NULL);
}

/**
 * escale_database_resolve_path:
 * @explicit_path: (nullable): a path given on the command line
 *
 * Returns: (transfer full): @explicit_path, else `$ESCALE_DB`, else the
 *   default path
 */
char *
escale_database_resolve_path (const char *explicit_path)
{
  const char *from_environment = g_getenv ("ESCALE_DB");

  if (explicit_path != NULL && *explicit_path != '\0')
    return g_strdup (explicit_path);
  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  return escale_database_get_default_path ();
}

/**
 * escale_database_get_latest_version:
 *
 * Returns: the schema version this Escale writes
 */
guint
escale_database_get_latest_version (void)
{
  g_autoptr(GArray) migrations = list_migrations ();

  return migrations->len;
}

/* SQLite counts the memory it holds, under a lock of its own, at each of
 * the millions of allocations an import makes, and Escale never asks for
 * the count. This is set before SQLite starts, that is before the first
 * connection; if something else in the process started it first, SQLite
 * refuses the change and keeps counting, which is harmless. */
static void
configure_sqlite (void)
{
  static gsize configured;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

EscaleDatabase *
_escale_database_open_at_version (const char  *path,
                                  guint        version,
                                  GError     **error)
{
  g_autoptr(EscaleDatabase) self = NULL;
  g_autofree char *folder = NULL;
  gboolean is_new = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  configure_sqlite ();

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  if (!check_header (path, &is_new, error))
    return NULL;

  if (!is_new && !inspect_existing (path, escale_database_get_latest_version (), error))
    return NULL;

  self = g_object_new (ESCALE_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  /* A connection serves one thread at a time: a worker opens its own, or
   * is handed one nobody else uses meanwhile. SQLite's lock around each
   * call is then not needed, and it was a twentieth of reading a row. */
  if (sqlite3_open_v2 (path, &self->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);

  if (!configure_connection (self, error))
    return NULL;

  /* WAL and its companion files inherit the database's permissions. */
  if (is_new && g_chmod (path, 0600) != 0)
    g_warning ("Could not restrict the permissions of %s: %s", path, g_strerror (errno));

  {
    gint64 current = 0;

    if (!query_int (self->handle, path, "PRAGMA user_version", &current, error))
      return NULL;
    self->version = (guint) current;
  }

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * escale_database_open:
 * @path: the database file; it and its folder are created when missing
 * @error: a #GError
 *
 * Opens an Escale database and brings its schema up to date. A file that is
 * not an Escale database, is damaged or comes from a newer Escale is refused
 * with %ESCALE_STORE_ERROR and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
EscaleDatabase *
escale_database_open (const char  *path,
                      GError     **error)
{
  return _escale_database_open_at_version (path, G_MAXUINT, error);
}

const char *
escale_database_get_path (EscaleDatabase *self)
{
  g_return_val_if_fail (ESCALE_IS_DATABASE (self), NULL);

  return self->path;
}

guint
escale_database_get_version (EscaleDatabase *self)
{
  g_return_val_if_fail (ESCALE_IS_DATABASE (self), 0);

  return self->version;
}

/**
 * escale_database_begin:
 *
 * Starts the transaction that holds one user action. Transactions do not
 * nest: a repository begins, writes and commits or rolls back.
 */
gboolean
escale_database_begin (EscaleDatabase  *self,
                       GError         **error)
{
  g_return_val_if_fail (ESCALE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database fails here and
   * not halfway through the user's change. */
  if (!_escale_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

/* A read transaction: one consistent view of the database for a long read
 * (an import's check), without taking the write lock. End it with
 * escale_database_rollback(). */
gboolean
_escale_database_begin_read (EscaleDatabase  *self,
                             GError         **error)
{
  g_assert (ESCALE_IS_DATABASE (self));
  g_assert (!self->in_transaction);

  if (!_escale_database_exec (self, "BEGIN DEFERRED", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
escale_database_commit (EscaleDatabase  *self,
                        GError         **error)
{
  g_return_val_if_fail (ESCALE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!_escale_database_exec (self, "COMMIT", error))
    return FALSE;

  self->in_transaction = FALSE;
  return TRUE;
}

void
escale_database_rollback (EscaleDatabase *self)
{
  g_return_if_fail (ESCALE_IS_DATABASE (self));
  g_return_if_fail (self->in_transaction);

  if (sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed in %s: %s", self->path, sqlite3_errmsg (self->handle));
  self->in_transaction = FALSE;
}

/**
 * escale_database_backup:
 * @destination: the file to write; replaced if it exists
 *
 * Writes a consistent copy of the database with SQLite's online backup API
 * (copying the file while it is open is not a backup). The copy appears
 * under its name only once complete.
 */
gboolean
escale_database_backup (EscaleDatabase  *self,
                        const char      *destination,
                        GError         **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ESCALE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  {
    g_autoptr(GFile) source_file = g_file_new_for_path (self->path);
    g_autoptr(GFile) target_file = g_file_new_for_path (destination);

    if (g_file_equal (source_file, target_file))
      {
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                     _("A backup copy cannot replace the database it copies"));
        return FALSE;
      }
  }

  partial = g_strconcat (destination, ".partial", NULL);
  g_unlink (partial);

  if (sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write the backup copy “%s”: %s"), destination,
                   target != NULL ? sqlite3_errmsg (target) : g_strerror (ENOMEM));
      goto out;
    }

  backup = sqlite3_backup_init (target, "main", self->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_FAILED,
                   _("Cannot write the backup copy “%s”: %s"), destination, sqlite3_errmsg (target));
      goto out;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ESCALE_STORE_ERROR, error_code_for_sqlite (rc),
                   _("Cannot write the backup copy “%s”: %s"), destination, sqlite3_errstr (rc));
      goto out;
    }

  sqlite3_close_v2 (g_steal_pointer (&target));

  if (g_chmod (partial, 0600) != 0 || g_rename (partial, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write the backup copy “%s”: %s"), destination, g_strerror (saved_errno));
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&target, sqlite3_close_v2);
  if (!ok)
    g_unlink (partial);
  return ok;
}

sqlite3 *
_escale_database_get_handle (EscaleDatabase *self)
{
  g_assert (ESCALE_IS_DATABASE (self));

  return self->handle;
}

void
_escale_database_set_error (EscaleDatabase  *self,
                            GError         **error)
{
  set_error_from_handle (self->handle, self->path, error);
}

sqlite3_stmt *
_escale_database_prepare (EscaleDatabase  *self,
                          const char      *sql,
                          GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  g_assert (ESCALE_IS_DATABASE (self));

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _escale_database_set_error (self, error);
      return NULL;
    }

  return stmt;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/**
 * _escale_database_prepare_cached:
 *
 * Like _escale_database_prepare(), for statements run over and over (an
 * import writes each of its 100,000 rows with the same ten statements):
 * compiled once, then reset with its bindings cleared at each call.
 *
 * Returns: (transfer none): a statement owned by @self; never finalize it,
 *   and finish with it before asking for the same SQL again
 */
sqlite3_stmt *
_escale_database_prepare_cached (EscaleDatabase  *self,
                                 const char      *sql,
                                 GError         **error)
{
  sqlite3_stmt *stmt;

  g_assert (ESCALE_IS_DATABASE (self));

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _escale_database_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_escale_database_exec (EscaleDatabase  *self,
                       const char      *sql,
                       GError         **error)
{
  g_assert (ESCALE_IS_DATABASE (self));

  return exec_on_handle (self->handle, self->path, sql, error);
}

gboolean
_escale_database_step_done (EscaleDatabase  *self,
                            sqlite3_stmt    *stmt,
                            GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _escale_database_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

void
_escale_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_escale_column_text (sqlite3_stmt *stmt,
                     int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/**
 * escale_database_limit_memory:
 *
 * For a connection that reads a whole table once, such as an export in a
 * thread of its own: the file is no longer mapped into memory and the
 * page cache is back to 2 MB, so that what the process holds does not grow
 * with the database (a mapped file counts, page by page, in its resident
 * memory). A window's connection keeps both, for its searches.
 *
 * Returns: %FALSE with @error when SQLite refuses
 */
gboolean
escale_database_limit_memory (EscaleDatabase  *self,
                              GError         **error)
{
  g_return_val_if_fail (ESCALE_IS_DATABASE (self), FALSE);

  return _escale_database_exec (self, "PRAGMA mmap_size = 0", error) &&
         _escale_database_exec (self, "PRAGMA cache_size = -2048", error);
}
