/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "escale-search-text.h"
#include "test-csv.h"
#include "test-folder.h"

#include "cli-test-run.h"

#define SUBPROCESS_FLAGS (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE)
#define USAGE_HINT "Run with --help to see the options."

/* The kinds documented in README.md, with their English labels. */
const Kind kinds[N_KINDS] = {
  { "regional-host", "Regional host organisation" },
  { "regionalisation", "Montréal regionalisation organisation" },
  { "health", "Health institution" },
  { "education", "Educational institution" },
  { "chamber-of-commerce", "Chamber of commerce" },
  { "economic-development", "Economic development" },
  { "municipality", "Municipality or MRC" },
  { "employer", "Employer" },
  { "other", "Other" },
};

/* Where the command-line tool would put the user's own database: a folder
 * of the test's, so that no mistake can ever touch real data. */
static char *safe_home;
/* One demonstration database (seed 1), copied into the tests that read. */
static char *demo_template;

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = test_folder_new ();
  fixture->db = g_build_filename (fixture->folder, "escale.db", NULL);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_folder_remove (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->db);
}

/* Past the limit, write() fails with EFBIG instead of a signal killing the
 * process: to escale-cli, this is a full disk. Runs between fork and exec. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 0, };

  limit.rlim_cur = GPOINTER_TO_SIZE (data);
  limit.rlim_max = GPOINTER_TO_SIZE (data);
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs escale-cli with @argv (NULL-terminated, without the program). */
void
run_argv (Run               *run,
          const RunSetup    *setup,
          const char *const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (gpointer) g_getenv ("ESCALE_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  if (setup == NULL)
    {
      process = g_subprocess_newv ((const char *const *) args->pdata, SUBPROCESS_FLAGS, &error);
    }
  else
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (SUBPROCESS_FLAGS);

      if (setup->cwd != NULL)
        g_subprocess_launcher_set_cwd (launcher, setup->cwd);
      for (guint i = 0; setup->environment != NULL && setup->environment[i] != NULL; i += 2)
        g_subprocess_launcher_setenv (launcher, setup->environment[i], setup->environment[i + 1], TRUE);
      if (setup->file_size_limit > 0)
        g_subprocess_launcher_set_child_setup (launcher, limit_file_size,
                                               GSIZE_TO_POINTER (setup->file_size_limit), NULL);
      process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
    }
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  /* Not killed by a signal, an assertion or a sanitizer. */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}


guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    lines++;
  return lines;
}

/* A problem with the data or a file: status 1, nothing on standard output,
 * one line on standard error, prefixed with the tool's name. */
void
assert_data_error (const Run  *run,
                   const char *fragment)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "escale-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_nonnull (strstr (run->err, fragment));
}

/* A mistake in the command: status 2 and one line that names it, which an
 * option's mistake follows with the hint to ask for the help. */
void
assert_usage_error (const Run  *run,
                    const char *fragment)
{
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "escale-cli: "));
  lines = g_strsplit (run->err, "\n", -1);
  g_assert_nonnull (strstr (lines[0], fragment));
  g_assert_cmpuint (g_strv_length (lines), <=, 3);
  if (g_strv_length (lines) == 3)
    g_assert_cmpstr (lines[1], ==, USAGE_HINT);
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");
}

/* Top-level mistakes (an unknown command or option) get exactly one line. */
void
assert_one_line_usage_error (const Run  *run,
                             const char *fragment)
{
  assert_usage_error (run, fragment);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
}

char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What @folder holds, sorted and separated by spaces. */
char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

void
assert_folder_holds (const char *folder,
                     const char *listing)
{
  g_autofree char *actual = folder_listing (folder);

  g_assert_cmpstr (actual, ==, listing);
}

/* Fills @db with demonstration data, seed 1, around TODAY; the first call
 * runs `demo`, the others copy its result. */
void
fill_demo (const char *db)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (demo_template == NULL)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *template = g_build_filename (safe_home, "template.db", NULL);

      RUN (&run, "--db", template, "demo", "--seed", "1", "--today", TODAY);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "Created 100 partners"));
      demo_template = g_steal_pointer (&template);
    }

  contents = read_file (demo_template, &length);
  write_file (db, contents, (gssize) length);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

/* `partners list --json` with the given options, checked to be an array of
 * objects. */
JsonArray *
list_json (const char *db,
           const char *first_option,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };
  JsonArray *array;
  va_list options;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "partners");
  g_ptr_array_add (argv, (gpointer) "list");
  g_ptr_array_add (argv, (gpointer) "--json");
  va_start (options, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (options, const char *))
    g_ptr_array_add (argv, (gpointer) option);
  va_end (options);
  g_ptr_array_add (argv, NULL);

  run_argv (&run, NULL, (const char *const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)));

  return json_array_ref (array);
}

JsonObject *
show_json (const char *db,
           gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "partners", "show", text, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/* `events series ID --json`. */
JsonObject *
series_json (const char *db,
             gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "events", "series", text, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* The first column of the first row of @sql, read from the database
 * itself, as a check that escale-cli wrote what it said. */
gint64
sql_number (const char *db,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 number;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  number = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return number;
}

JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("The JSON object has no “%s” member", name);
  return node;
}

void
assert_members (JsonObject        *object,
                const char *const *names,
                gsize              n_names)
{
  for (gsize i = 0; i < n_names; i++)
    member (object, names[i]);
}

/* The string @name holds, or NULL for null; any other type fails. */
const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, "gchararray");
  return json_node_get_string (node);
}

gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, "gint64");
  return json_node_get_int (node);
}

gboolean
boolean_member (JsonObject *object,
                const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, "gboolean");
  return json_node_get_boolean (node);
}

JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

JsonObject *
item (JsonArray *array,
      guint      index_)
{
  return json_array_get_object_element (array, index_);
}

/* The first @n characters of @text, or all of it when shorter. */
char *
utf8_prefix (const char *text,
             glong       n)
{
  return g_utf8_substring (text, 0, MIN (n, g_utf8_strlen (text, -1)));
}

gboolean
is_date (const char *text)
{
  return g_regex_match_simple ("^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$", text, 0, 0);
}

/* The ids of @partners, in order, as "3 17 42". */
char *
list_ids (JsonArray *partners)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (partners); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", int_member (item (partners, i), "id"));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

gboolean
has_id (JsonArray *partners,
        gint64     id)
{
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      if (int_member (item (partners, i), "id") == id)
        return TRUE;
    }
  return FALSE;
}

/* The CSV's rows are @partners, in the same order, with the same names. */
void
assert_csv_rows (GPtrArray *records,
                 JsonArray *partners)
{
  const char *const header[] = {
    "Id", "Name", "Kind", "Region", "Address", "City", "Postal code",
    "Latitude", "Longitude", "Website", "Phone", "Email", "Tags",
    "Contacts", "Next step", "Due", "Archived", "Notes",
  };

  g_assert_cmpuint (records->len, ==, json_array_get_length (partners) + 1);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (test_csv_cell (records, 0, c), ==, header[c]);

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = item (partners, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, int_member (partner, "id"));

      g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, i + 1)), ==, G_N_ELEMENTS (header));
      g_assert_cmpstr (test_csv_cell (records, i + 1, 0), ==, id);
      g_assert_cmpstr (test_csv_cell (records, i + 1, 1), ==, string_member (partner, "name"));
      g_assert_cmpstr (test_csv_cell (records, i + 1, 2), ==, kind_label (string_member (partner, "kind")));
    }
}

const char *
kind_label (const char *code)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      if (g_strcmp0 (kinds[k].code, code) == 0)
        return kinds[k].label;
    }
  return NULL;
}

/* Whatever the tests do, the user's own database is out of reach. */
void
cli_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (g_getenv ("ESCALE_CLI") == NULL)
    g_error ("ESCALE_CLI must name the escale-cli to test (tests/meson.build sets it)");

  safe_home = test_folder_new ();
  g_setenv ("XDG_DATA_HOME", safe_home, TRUE);
  g_unsetenv ("ESCALE_DB");
}

int
cli_test_run (void)
{
  int status = g_test_run ();

  test_folder_remove (safe_home);
  g_clear_pointer (&safe_home, g_free);
  g_clear_pointer (&demo_template, g_free);

  return status;
}

/* What Debian's python3-icalendar reads in @path, after its own checks of
 * the lines (tests/cli/check-ics.py), as JSON. */
JsonObject *
check_ics (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "cli", "check-ics.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py failed on %s: %s", path, err);

  root = parse_json (out);
  return json_object_ref (json_node_get_object (root));
}

