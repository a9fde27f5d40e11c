/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escale-database-private.h"
#include "test-folder.h"

typedef struct
{
  char *folder;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("escale-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "data", "escale.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_folder_remove (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

static gint64
pragma_int (EscaleDatabase *database,
            const char     *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Opens @path, expects a refusal with @code, and checks that the file is
 * byte for byte what it was. */
static void
assert_refused_untouched (const char       *path,
                          EscaleStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_length, after_length;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  database = escale_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, ESCALE_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_create_new (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  GStatBuf st;

  database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  g_assert_cmpstr (escale_database_get_path (database), ==, fixture->path);
  g_assert_cmpuint (escale_database_get_version (database), ==, escale_database_get_latest_version ());
  g_assert_cmpuint (escale_database_get_latest_version (), >=, 1);

  /* Personal information: only the user may read the folder and the file. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (pragma_int (database, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (database, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (pragma_int (database, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (pragma_int (database, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (pragma_int (database, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (pragma_int (database, "PRAGMA application_id"), ==, ESCALE_DATABASE_APPLICATION_ID);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM region"), ==, 17);
  {
    g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, "PRAGMA journal_mode", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  }
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (_escale_database_exec (database,
                                        "INSERT INTO organization (name, kind, created_at, updated_at) "
                                        "VALUES ('CJE Rimouski-Neigette', 'regional-host', 1, 1)",
                                        &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM organization"), ==, 1);
}

static void
test_empty_file_is_initialised (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = NULL;

  write_file (fixture->path, "", 0);
  database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escale_database_get_version (database), ==, escale_database_get_latest_version ());
}

static void
test_refuses_non_sqlite (Fixture       *fixture,
                         gconstpointer  data)
{
  write_file (fixture->path, "Nom,Courriel\r\nMarie,marie@example.org\r\n", -1);
  assert_refused_untouched (fixture->path, ESCALE_STORE_ERROR_NOT_ESCALE);
}

static void
test_refuses_other_sqlite (Fixture       *fixture,
                           gconstpointer  data)
{
  sqlite3 *other = NULL;

  write_file (fixture->path, "", 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('tourtière')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  assert_refused_untouched (fixture->path, ESCALE_STORE_ERROR_NOT_ESCALE);
}

static void
test_refuses_newer_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", escale_database_get_latest_version () + 1);

  g_assert_nonnull (database);
  g_assert_true (_escale_database_exec (database, sql, NULL));
  g_assert_true (_escale_database_exec (database, "PRAGMA journal_mode = DELETE", NULL));
  g_clear_object (&database);

  assert_refused_untouched (fixture->path, ESCALE_STORE_ERROR_TOO_NEW);
}

static void
test_refuses_corrupted (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_nonnull (database);
  g_assert_true (_escale_database_exec (database, "PRAGMA journal_mode = DELETE", NULL));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO organization (name, kind, created_at, updated_at) "
                                              "VALUES ('Partenaire %d', 'employer', 1, 1)", i);

      g_assert_true (_escale_database_exec (database, sql, NULL));
    }
  g_clear_object (&database);

  /* Scribble over the pages after the first, as a failing disk would. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096 + 100, 0x5a, length - 4096 - 200);
  write_file (fixture->path, contents, (gssize) length);

  assert_refused_untouched (fixture->path, ESCALE_STORE_ERROR_CORRUPT);
}

static void
test_cannot_create_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autofree char *blocker = g_build_filename (fixture->folder, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "escale.db", NULL);

  /* A file stands where the folder should be. */
  write_file (blocker, "x", 1);
  database = escale_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  /* root writes into any folder whatever its mode; /proc accepts no new
   * files even from root, so it stands in for a read-only folder there. */
  if (geteuid () == 0)
    {
      folder = g_strdup ("/proc");
    }
  else
    {
      folder = g_build_filename (fixture->folder, "read-only", NULL);
      g_assert_cmpint (g_mkdir (folder, 0500), ==, 0);
    }

  path = g_build_filename (folder, "escale.db", NULL);
  database = escale_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  if (geteuid () != 0)
    g_chmod (folder, 0700);
}

static void
test_migrates_from_every_version (Fixture       *fixture,
                                  gconstpointer  data)
{
  guint latest = escale_database_get_latest_version ();

  for (guint version = 0; version < latest; version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/from-%u.db", fixture->folder, version);
      g_autoptr(EscaleDatabase) database = NULL;
      g_autoptr(GError) error = NULL;

      database = _escale_database_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (escale_database_get_version (database), ==, version);
      g_clear_object (&database);

      database = escale_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (escale_database_get_version (database), ==, latest);
      g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM region"), ==, 17);
      g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
    }
}

/* A series exported before version 5 keeps the UID subscribers know it
 * by: "series-<id>-" and the UID of the session on its first date, or of
 * its earliest session once that one is gone. */
static void
test_series_keep_their_uid (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  database = _escale_database_open_at_version (fixture->path, 4, &error);
  g_assert_no_error (error);
  g_assert_true (_escale_database_exec (database,
    "INSERT INTO event_series (id, frequency, until_on, first_on, created_at, updated_at) VALUES "
    "  (1, 'weekly', '2027-03-30', '2027-03-02', 0, 0), (2, 'weekly', '2027-03-30', '2027-03-02', 0, 0);"
    "INSERT INTO event (kind, title, starts_at, ends_at, series_id, series_date, ical_uid, created_at, updated_at) VALUES "
    "  ('information-session', 'S', 1804086000, 1804093200, 1, '2027-03-09', 'second@x', 0, 0),"
    "  ('information-session', 'S', 1803481200, 1803488400, 1, '2027-03-02', 'first@x', 0, 0),"
    "  ('information-session', 'S', 1804690800, 1804698000, 2, '2027-03-16', 'third@x', 0, 0),"
    "  ('information-session', 'S', 1804086000, 1804093200, 2, '2027-03-09', 'earliest@x', 0, 0);",
    &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  stmt = _escale_database_prepare_cached (database, "SELECT ical_uid FROM event_series ORDER BY id", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "series-1-first@x");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "series-2-earliest@x");
  sqlite3_reset (stmt);
}

/* Version 7 rebuilds the agenda tables for a cheaper CHECK: what was
 * imported before stays, occurrences still go with their entry, and a
 * status outside the three is still refused. */
static void
test_agendas_survive_migrations (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = _escale_database_open_at_version (fixture->path, 6, &error);
  g_assert_no_error (error);
  g_assert_true (_escale_database_exec (database,
    "INSERT INTO organization (id, name, kind, created_at, updated_at) VALUES (1, 'CJE', 'municipality', 0, 0);"
    "INSERT INTO external_calendar (id, organization_id, name, imported_at, created_at, updated_at) "
    "  VALUES (1, 1, 'Agenda', 0, 0, 0);"
    "INSERT INTO external_event (id, calendar_id, uid, recurrence_id, summary, starts_at, ends_at, status, "
    "                            created_at, updated_at) VALUES "
    "  (10, 1, 'a@cje', NULL, 'Comité', 100, 200, 'tentative', 0, 0),"
    "  (11, 1, 'a@cje', 100, 'Comité déplacé', 300, 400, 'cancelled', 0, 0);"
    "INSERT INTO external_occurrence (event_id, starts_at, ends_at) VALUES (10, 100, 200), (10, 700, 800), (11, 300, 400);",
    &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escale_database_get_version (database), >=, 8);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM external_event WHERE status = 'tentative' "
                                         "AND summary = 'Comité' AND recurrence_id IS NULL"), ==, 1);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM external_occurrence"), ==, 3);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%v5' "
                                         "OR name LIKE '%v7' OR name LIKE '%v8'"), ==, 0);

  /* The identity index is back: the same UID and RECURRENCE-ID twice is refused. */
  g_assert_false (_escale_database_exec (database,
                                         "INSERT INTO external_event (calendar_id, uid, recurrence_id, starts_at, "
                                         "ends_at, created_at, updated_at) VALUES (1, 'a@cje', 100, 1, 2, 0, 0)",
                                         &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (_escale_database_exec (database,
                                         "INSERT INTO external_event (calendar_id, uid, starts_at, ends_at, status, "
                                         "created_at, updated_at) VALUES (1, 'b@cje', 1, 2, 'maybe', 0, 0)",
                                         &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Occurrences go with their entry (a trigger since version 8), and with
   * their partner, through the cascade to the agenda and its entries. */
  g_assert_true (_escale_database_exec (database, "DELETE FROM external_event WHERE id = 10", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM external_occurrence"), ==, 1);
  g_assert_true (_escale_database_exec (database, "DELETE FROM organization WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM external_event"), ==, 0);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM external_occurrence"), ==, 0);
}

static void
test_foreign_key_check_passes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);

  g_assert_no_error (error);
  /* A contact without its organisation is refused by the schema. */
  g_assert_false (_escale_database_exec (database,
                                         "INSERT INTO contact (organization_id, name, created_at, updated_at) "
                                         "VALUES (999, 'Personne', 1, 1)",
                                         &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
}

static void
test_transaction_rollback (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);

  g_assert_true (escale_database_begin (database, &error));
  g_assert_true (_escale_database_exec (database,
                                        "INSERT INTO organization (name, kind, created_at, updated_at) "
                                        "VALUES ('Ville de Matane', 'municipality', 1, 1)",
                                        &error));
  escale_database_rollback (database);
  g_assert_cmpint (pragma_int (database, "SELECT count(*) FROM organization"), ==, 0);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);
  g_autoptr(EscaleDatabase) copy = NULL;
  g_autofree char *backup = g_build_filename (fixture->folder, "backup.db", NULL);
  g_autofree char *partial = g_strconcat (backup, ".partial", NULL);
  GStatBuf st;

  g_assert_true (_escale_database_exec (database,
                                        "INSERT INTO organization (name, kind, created_at, updated_at) "
                                        "VALUES ('Cégep de Rimouski', 'education', 1, 1)",
                                        &error));
  g_assert_true (escale_database_backup (database, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = escale_database_open (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (copy, "SELECT count(*) FROM organization"), ==, 1);

  /* A backup never overwrites its own source. */
  g_assert_false (escale_database_backup (database, fixture->path, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CANNOT_OPEN);
}

static void
test_resolve_path (void)
{
  g_autofree char *default_path = escale_database_get_default_path ();
  g_autofree char *explicit_path = escale_database_resolve_path ("/srv/escale/test.db");
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_assert_true (g_str_has_suffix (default_path, "/escale/escale.db"));
  g_assert_cmpstr (explicit_path, ==, "/srv/escale/test.db");

  g_setenv ("ESCALE_DB", "/srv/escale/env.db", TRUE);
  from_env = escale_database_resolve_path (NULL);
  g_assert_cmpstr (from_env, ==, "/srv/escale/env.db");

  g_unsetenv ("ESCALE_DB");
  fallback = escale_database_resolve_path ("");
  g_assert_cmpstr (fallback, ==, default_path);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/database/create-new", test_create_new);
  ADD ("/database/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/database/empty-file-is-initialised", test_empty_file_is_initialised);
  ADD ("/database/refuses/not-sqlite", test_refuses_non_sqlite);
  ADD ("/database/refuses/other-sqlite", test_refuses_other_sqlite);
  ADD ("/database/refuses/newer-version", test_refuses_newer_version);
  ADD ("/database/refuses/corrupted", test_refuses_corrupted);
  ADD ("/database/refuses/cannot-create-folder", test_cannot_create_folder);
  ADD ("/database/refuses/read-only-folder", test_read_only_folder);
  ADD ("/database/migrates-from-every-version", test_migrates_from_every_version);
  ADD ("/database/series-keep-their-uid", test_series_keep_their_uid);
  ADD ("/database/agendas-survive-migrations", test_agendas_survive_migrations);
  ADD ("/database/foreign-keys", test_foreign_key_check_passes);
  ADD ("/database/transaction-rollback", test_transaction_rollback);
  ADD ("/database/backup", test_backup);
  g_test_add_func ("/database/resolve-path", test_resolve_path);

  return g_test_run ();
}
