/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli-test-run.h"

/* escale-cli and files: CSV exports, files that are not Escale databases,
 * and which database a command uses. */

/* partners export */

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "partenaires.csv", NULL);
  g_autofree char *expected_err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) to_stdout = { 0, };
  gsize length;
  GStatBuf info;

  fill_demo (fixture->db);
  partners = list_json (fixture->db, NULL);

  RUN (&run, "--db", fixture->db, "partners", "export", "--csv", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  expected_err = g_strdup_printf ("Exported %u partners to %s\n", json_array_get_length (partners), path);
  g_assert_cmpstr (run.err, ==, expected_err);

  /* What Excel needs to read accents and rows right: a byte order mark,
   * CRLF, a header, then one row per partner in the list's order. */
  contents = read_file (path, &length);
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  records = test_csv_read (contents, ',');
  assert_csv_rows (records, partners);
  /* Cells with line breaks (contacts) and commas (addresses) survive. */
  {
    guint with_break = 0, with_comma = 0;

    for (guint i = 1; i < records->len; i++)
      {
        with_break += strchr (test_csv_cell (records, i, 13), '\n') != NULL;
        with_comma += strchr (test_csv_cell (records, i, 4), ',') != NULL;
      }
    g_assert_cmpuint (with_break, >, 0);
    g_assert_cmpuint (with_comma, >, 0);
  }

  /* Personal data: for the user's eyes only. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0077, ==, 0);
  assert_folder_holds (fixture->folder, "escale.db partenaires.csv");

  /* "-" writes the same bytes to standard output, and nothing else. */
  RUN (&to_stdout, "--db", fixture->db, "partners", "export", "--csv", "-");
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.err, ==, "");
  g_assert_cmpstr (to_stdout.out, ==, contents);
}

static void
test_export_separators (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *option;
    char        separator;
  } separators[] = {
    { ",", ',' },
    { ";", ';' },
    { "tab", '\t' },
    { "\t", '\t' },
  };
  g_autoptr(JsonArray) partners = NULL;
  g_autofree char *tab_output = NULL;

  fill_demo (fixture->db);
  partners = list_json (fixture->db, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_auto(Run) run = { 0, };
      guint with_coordinates = 0;

      g_test_message ("--separator “%s”", separators[s].option);
      RUN (&run, "--db", fixture->db, "partners", "export", "--csv", "-", "--separator", separators[s].option);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (strchr (run.out, separators[s].separator) != NULL);
      records = test_csv_read (run.out, separators[s].separator);
      assert_csv_rows (records, partners);

      /* A spreadsheet that splits on semicolons reads decimal commas. */
      for (guint i = 1; i < records->len; i++)
        {
          const char *latitude = test_csv_cell (records, i, 7);

          if (*latitude == '\0')
            continue;
          with_coordinates++;
          g_assert_nonnull (strchr (latitude, separators[s].separator == ';' ? ',' : '.'));
          g_assert_null (strchr (latitude, separators[s].separator == ';' ? '.' : ','));
        }
      g_assert_cmpuint (with_coordinates, >, 0);

      if (separators[s].separator == '\t')
        {
          if (tab_output != NULL)
            g_assert_cmpstr (run.out, ==, tab_output);
          else
            tab_output = g_strdup (run.out);
        }
    }
}

/* export takes the same filters as list. */
static void
test_export_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *const filters[][2] = {
    { "--region", "01" },
    { "--kind", "employer" },
    { "--search", "lévis" },
    { "--archived", NULL },
  };
  g_autoptr(JsonArray) everything = NULL;

  fill_demo (fixture->db);
  everything = list_json (fixture->db, NULL);

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autoptr(JsonArray) partners = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_auto(Run) run = { 0, };

      g_test_message ("%s %s", filters[f][0], filters[f][1] ? filters[f][1] : "");
      if (filters[f][1] != NULL)
        {
          partners = list_json (fixture->db, filters[f][0], filters[f][1], NULL);
          RUN (&run, "--db", fixture->db, "partners", "export", "--csv", "-", filters[f][0], filters[f][1]);
        }
      else
        {
          partners = list_json (fixture->db, filters[f][0], NULL);
          RUN (&run, "--db", fixture->db, "partners", "export", filters[f][0], "--csv", "-");
        }
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (json_array_get_length (partners), >, 0);
      g_assert_cmpuint (json_array_get_length (partners), !=, json_array_get_length (everything));
      records = test_csv_read (run.out, ',');
      assert_csv_rows (records, partners);

      for (guint i = 0; i < json_array_get_length (partners); i++)
        {
          const char *region = string_member (item (partners, i), "region");

          g_assert_cmpstr (test_csv_cell (records, i + 1, 3), ==, region != NULL ? region : "");
          g_assert_cmpstr (test_csv_cell (records, i + 1, 16), ==,
                           boolean_member (item (partners, i), "archived") ? "yes" : "no");
        }
    }
}

/* A file that cannot be written is a problem with a file (status 1), named
 * in one line; nothing is left behind. */
static void
test_export_to_unwritable_place (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *missing_folder = g_build_filename (fixture->folder, "no-such-folder", "partners.csv", NULL);
  g_autofree char *folder = g_build_filename (fixture->folder, "exports", NULL);
  g_autofree char *notes = g_build_filename (fixture->folder, "notes.txt", NULL);
  g_autofree char *under_a_file = g_build_filename (notes, "partners.csv", NULL);
  const char *const paths[] = { missing_folder, folder, under_a_file };

  fill_demo (fixture->db);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (notes, "notes\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(Run) run = { 0, };

      g_test_message ("--csv %s", paths[i]);
      RUN (&run, "--db", fixture->db, "partners", "export", "--csv", paths[i]);
      assert_data_error (&run, paths[i]);
      assert_folder_holds (fixture->folder, "escale.db exports notes.txt");
      assert_folder_holds (folder, "");
    }
}

/* Options refused before writing leave no file either. */
static void
test_export_refused_options_write_nothing (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "partners.csv", NULL);
  g_auto(Run) separator = { 0, };
  g_auto(Run) kind = { 0, };
  g_auto(Run) region = { 0, };

  fill_demo (fixture->db);
  RUN (&separator, "--db", fixture->db, "partners", "export", "--csv", path, "--separator", "|");
  assert_usage_error (&separator, "--separator");
  RUN (&kind, "--db", fixture->db, "partners", "export", "--csv", path, "--kind", "florist");
  assert_usage_error (&kind, "“florist”");
  RUN (&region, "--db", fixture->db, "partners", "export", "--csv", path, "--region", "18");
  assert_usage_error (&region, "“18”");
  assert_folder_holds (fixture->folder, "escale.db");
}

/* Room for the database's 32 KiB -shm file, not for the whole export. */
#define FILE_SIZE_LIMIT (36 * 1024)

static gsize
export_size (const char *db)
{
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "partners", "export", "--csv", "-");
  g_assert_cmpint (run.status, ==, 0);
  return strlen (run.out);
}

/* The disk fills up halfway through a new export. */
static void
test_export_interrupted_leaves_no_file (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "partners.csv", NULL);
  const RunSetup full_disk = { .file_size_limit = FILE_SIZE_LIMIT };
  g_auto(Run) run = { 0, };

  fill_demo (fixture->db);
  g_assert_cmpuint (export_size (fixture->db), >, FILE_SIZE_LIMIT + 4096);

  RUN_WITH (&run, &full_disk, "--db", fixture->db, "partners", "export", "--csv", path);
  assert_data_error (&run, "File too large");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_folder_holds (fixture->folder, "escale.db");
}

/* The disk fills up halfway through an export that replaces last week's:
 * last week's stays as it was. */
static void
test_export_interrupted_keeps_the_old_file (Fixture       *fixture,
                                            gconstpointer  data)
{
  const char *last_week = "\xEF\xBB\xBFId,Name\r\n1,Cégep de Rimouski\r\n";
  g_autofree char *path = g_build_filename (fixture->folder, "partners.csv", NULL);
  g_autofree char *after = NULL;
  const RunSetup full_disk = { .file_size_limit = FILE_SIZE_LIMIT };
  g_auto(Run) run = { 0, };

  fill_demo (fixture->db);
  g_assert_cmpuint (export_size (fixture->db), >, FILE_SIZE_LIMIT + 4096);
  write_file (path, last_week, -1);

  RUN_WITH (&run, &full_disk, "--db", fixture->db, "partners", "export", "--csv", path);
  assert_data_error (&run, "File too large");
  after = read_file (path, NULL);
  g_assert_cmpstr (after, ==, last_week);
  assert_folder_holds (fixture->folder, "escale.db partners.csv");
}

/* Files that are not Escale databases */

/* Every command refuses @path with one line containing @fragment, and
 * leaves it byte for byte as it was. */
static void
assert_every_command_refuses (Fixture    *fixture,
                              const char *fragment)
{
  g_autofree char *csv = g_build_filename (fixture->folder, "partners.csv", NULL);
  const char *const commands[][4] = {
    { "partners", "list" },
    { "partners", "list", "--json", "--archived" },
    { "partners", "show", "1" },
    { "partners", "export", "--csv", "-" },
    { "partners", "export", "--csv", csv },
    { "demo" },
  };
  g_autofree char *before = NULL;
  gsize before_length;

  before = read_file (fixture->db, &before_length);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0, };
      gsize after_length;

      g_test_message ("escale-cli %s %s", commands[i][0], commands[i][1] ? commands[i][1] : "");
      RUN (&run, "--db", fixture->db, commands[i][0], commands[i][1], commands[i][2], commands[i][3]);
      assert_data_error (&run, fragment);
      g_assert_nonnull (strstr (run.err, fixture->db));

      after = read_file (fixture->db, &after_length);
      g_assert_cmpmem (after, after_length, before, before_length);
      g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    }
}

static void
test_refuses_a_text_file (Fixture       *fixture,
                          gconstpointer  data)
{
  write_file (fixture->db, "Rappeler Mme Tremblay au CJE de Rimouski.\r\n", -1);
  assert_every_command_refuses (fixture, "is not an Escale database");
  assert_folder_holds (fixture->folder, "escale.db");
}

/* It starts like an SQLite database, and is not one. */
static void
test_refuses_a_fake_sqlite_header (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char fake[] = "SQLite format 3\0 but a spreadsheet after all, with some text";

  write_file (fixture->db, fake, sizeof fake);
  assert_every_command_refuses (fixture, "is not an Escale database");
  assert_folder_holds (fixture->folder, "escale.db");
}

static void
test_refuses_another_programs_database (Fixture       *fixture,
                                        gconstpointer  data)
{
  sqlite3 *handle = NULL;

  /* Another program's database, in WAL mode as many are. */
  g_assert_cmpint (sqlite3_open (fixture->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = WAL;"
                                 "CREATE TABLE recipes (name TEXT);"
                                 "INSERT INTO recipes VALUES ('tourtière');", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  assert_folder_holds (fixture->folder, "escale.db");

  assert_every_command_refuses (fixture, "is an SQLite database of another program");

  {
    g_autofree char *listing = folder_listing (fixture->folder);

    /* Told apart by its header, it is never opened: no -wal, no -shm. */
    g_assert_cmpstr (listing, ==, "escale.db");
  }
}

/* An Escale database cut short, as a failed copy leaves it. */
static void
test_refuses_a_damaged_database (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *whole = NULL;
  gsize length;

  fill_demo (fixture->db);
  whole = read_file (fixture->db, &length);
  g_assert_cmpuint (length, >, 16384);
  write_file (fixture->db, whole, 8192);

  assert_every_command_refuses (fixture, "is damaged");

  /* Its -wal and -shm companions may appear: only SQLite can see the damage,
   * and any reader of a database in WAL mode creates them. */
}

static void
test_refuses_a_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", fixture->folder, "partners", "list");
  assert_data_error (&run, fixture->folder);
  assert_folder_holds (fixture->folder, "");
}

/* Which database */

static void
test_database_from_environment (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  const char *const environment[] = { "ESCALE_DB", fixture->db, NULL };
  const RunSetup setup = { .environment = environment };
  g_autofree char *expected_end = g_strdup_printf (" in %s\n", fixture->db);
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(JsonNode) option_wins = NULL;
  g_auto(Run) demo = { 0, };
  g_auto(Run) through_environment = { 0, };
  g_auto(Run) through_option = { 0, };
  g_auto(Run) both = { 0, };

  RUN_WITH (&demo, &setup, "demo", "--today", TODAY);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_str_has_suffix (demo.out, expected_end));
  partners = list_json (fixture->db, NULL);
  g_assert_cmpuint (json_array_get_length (partners), >, 0);

  RUN_WITH (&through_environment, &setup, "partners", "list", "--json");
  RUN (&through_option, "--db", fixture->db, "partners", "list", "--json");
  g_assert_cmpint (through_environment.status, ==, 0);
  g_assert_cmpstr (through_environment.out, ==, through_option.out);

  /* --db wins over $ESCALE_DB. */
  RUN_WITH (&both, &setup, "--db", other, "partners", "list", "--json");
  g_assert_cmpint (both.status, ==, 0);
  option_wins = parse_json (both.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (option_wins)), ==, 0);
  assert_folder_holds (fixture->folder, "escale.db other.db");
}

/* --db is accepted after the command too, and as --db=PATH. */
static void
test_database_option_anywhere (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *equals = g_strdup_printf ("--db=%s", fixture->db);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_auto(Run) demo = { 0, };
  g_auto(Run) after = { 0, };
  g_auto(Run) joined = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) last_wins = { 0, };
  g_autoptr(JsonNode) after_root = NULL;
  g_autoptr(JsonNode) joined_root = NULL;

  RUN (&demo, "demo", "--db", fixture->db, "--today", TODAY);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));

  RUN (&after, "partners", "list", "--json", "--db", fixture->db);
  g_assert_cmpint (after.status, ==, 0);
  after_root = parse_json (after.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after_root)), >, 0);

  RUN (&joined, equals, "partners", "list", "--json");
  g_assert_cmpint (joined.status, ==, 0);
  joined_root = parse_json (joined.out);
  g_assert_true (json_node_equal (after_root, joined_root));

  RUN (&show, "partners", "show", "1", "--db", fixture->db);
  g_assert_cmpint (show.status, ==, 0);

  /* The command's --db overrides the global one. */
  RUN (&last_wins, "--db", other, "partners", "list", "--json", "--db", fixture->db);
  g_assert_cmpstr (last_wins.err, ==, "");
  g_assert_cmpint (last_wins.status, ==, 0);
  g_assert_cmpstr (last_wins.out, ==, after.out);
  assert_folder_holds (fixture->folder, "escale.db");
}

/* With neither --db nor $ESCALE_DB, the application's own database. */
static void
test_database_default_path (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *home = g_build_filename (fixture->folder, "data", NULL);
  g_autofree char *expected = g_build_filename (home, "escale", "escale.db", NULL);
  g_autofree char *expected_end = g_strdup_printf (" in %s\n", expected);
  const char *const environment[] = { "XDG_DATA_HOME", home, NULL };
  const RunSetup setup = { .environment = environment };
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };

  RUN_WITH (&run, &setup, "demo", "--today", TODAY);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, expected_end));
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  partners = list_json (expected, NULL);
  g_assert_cmpuint (json_array_get_length (partners), >, 0);
}

/* A path relative to the current folder, as typed in a terminal. */
static void
test_database_relative_path (Fixture       *fixture,
                             gconstpointer  data)
{
  const RunSetup here = { .cwd = fixture->folder };
  const char *const environment[] = { "ESCALE_DB", "escale.db", NULL };
  const RunSetup here_from_environment = { .cwd = fixture->folder, .environment = environment };
  g_autoptr(JsonArray) through_absolute = NULL;
  g_auto(Run) demo = { 0, };
  g_auto(Run) list = { 0, };
  g_auto(Run) from_environment = { 0, };

  RUN_WITH (&demo, &here, "--db", "escale.db", "demo", "--today", TODAY);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  through_absolute = list_json (fixture->db, NULL);

  RUN_WITH (&list, &here, "--db", "escale.db", "partners", "list", "--json");
  RUN_WITH (&from_environment, &here_from_environment, "partners", "list", "--json");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpint (from_environment.status, ==, 0);

  g_assert_cmpstr (list.out, ==, from_environment.out);
  {
    g_autoptr(JsonNode) root = parse_json (list.out);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==,
                      json_array_get_length (through_absolute));
  }
}

/* A script's "--db $UNSET" is a mistake, never the user's own database. */
static void
test_database_empty_path (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Run) before = { 0, };
  g_auto(Run) after = { 0, };

  RUN (&before, "--db", "", "demo");
  assert_one_line_usage_error (&before, "--db");
  RUN (&after, "partners", "list", "--db", "");
  assert_usage_error (&after, "--db");
  /* Nothing was created where the user's database would be. */
  {
    g_autofree char *default_folder = g_build_filename (g_getenv ("XDG_DATA_HOME"), "escale", NULL);

    g_assert_false (g_file_test (default_folder, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/export/csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/cli/export/separators", Fixture, NULL, fixture_set_up, test_export_separators, fixture_tear_down);
  g_test_add ("/cli/export/filters", Fixture, NULL, fixture_set_up, test_export_filters, fixture_tear_down);
  g_test_add ("/cli/export/unwritable", Fixture, NULL, fixture_set_up, test_export_to_unwritable_place, fixture_tear_down);
  g_test_add ("/cli/export/refused-options-write-nothing", Fixture, NULL, fixture_set_up, test_export_refused_options_write_nothing, fixture_tear_down);
  g_test_add ("/cli/export/interrupted-leaves-no-file", Fixture, NULL, fixture_set_up, test_export_interrupted_leaves_no_file, fixture_tear_down);
  g_test_add ("/cli/export/interrupted-keeps-old-file", Fixture, NULL, fixture_set_up, test_export_interrupted_keeps_the_old_file, fixture_tear_down);
  g_test_add ("/cli/refuses/text-file", Fixture, NULL, fixture_set_up, test_refuses_a_text_file, fixture_tear_down);
  g_test_add ("/cli/refuses/fake-sqlite-header", Fixture, NULL, fixture_set_up, test_refuses_a_fake_sqlite_header, fixture_tear_down);
  g_test_add ("/cli/refuses/other-programs-database", Fixture, NULL, fixture_set_up, test_refuses_another_programs_database, fixture_tear_down);
  g_test_add ("/cli/refuses/damaged-database", Fixture, NULL, fixture_set_up, test_refuses_a_damaged_database, fixture_tear_down);
  g_test_add ("/cli/refuses/folder", Fixture, NULL, fixture_set_up, test_refuses_a_folder, fixture_tear_down);
  g_test_add ("/cli/database/environment", Fixture, NULL, fixture_set_up, test_database_from_environment, fixture_tear_down);
  g_test_add ("/cli/database/option-anywhere", Fixture, NULL, fixture_set_up, test_database_option_anywhere, fixture_tear_down);
  g_test_add ("/cli/database/default-path", Fixture, NULL, fixture_set_up, test_database_default_path, fixture_tear_down);
  g_test_add ("/cli/database/relative-path", Fixture, NULL, fixture_set_up, test_database_relative_path, fixture_tear_down);

  g_test_add ("/cli/database/empty-path", Fixture, NULL, fixture_set_up, test_database_empty_path, fixture_tear_down);

  return cli_test_run ();
}
