/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "escale-search-text.h"
#include "test-folder.h"

/* Runs the real escale-cli, as a script would, and checks what a user reads:
 * the exit status, standard output, one clear line on standard error, and
 * the files it writes. */

typedef struct
{
  char *folder;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = test_folder_new ();
  fixture->db = g_build_filename (fixture->folder, "escale.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_folder_remove (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->db);
}

/* Runs escale-cli with @argv (NULL-terminated, without the program) in an
 * environment where @env_name, when given, is set to @env_value. */
static void
run_with_env (Run               *run,
              const char        *env_name,
              const char        *env_value,
              const char *const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (gpointer) g_getenv ("ESCALE_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_subprocess_launcher_unsetenv (launcher, "ESCALE_DB");
  if (env_name != NULL)
    g_subprocess_launcher_setenv (launcher, env_name, env_value, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

#define RUN(run, ...) run_with_env ((run), NULL, NULL, (const char *const[]) { __VA_ARGS__, NULL })

/* A failure is one line, prefixed with the tool's name. */
static void
assert_one_error_line (const Run  *run,
                       int         status,
                       const char *fragment)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "escale-cli: "));
  g_assert_nonnull (strstr (run->err, fragment));
  g_assert_cmpstr (run->out, ==, "");
}

static void
fill_demo (Fixture    *fixture,
           const char *seed)
{
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", fixture->db, "demo", "--seed", seed, "--today", "2026-11-23");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Created 100 partners"));
}

static JsonArray *
list_json (Fixture    *fixture,
           const char *first_option,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };
  va_list options;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  g_ptr_array_add (argv, (gpointer) "partners");
  g_ptr_array_add (argv, (gpointer) "list");
  g_ptr_array_add (argv, (gpointer) "--json");
  va_start (options, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (options, const char *))
    g_ptr_array_add (argv, (gpointer) option);
  va_end (options);
  g_ptr_array_add (argv, NULL);

  run_with_env (&run, NULL, NULL, (const char *const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_help (void)
{
  const char *const commands[][3] = {
    { "--help", NULL },
    { "partners", "--help", NULL },
    { "demo", "--help", NULL },
    { "partners", "list", "--help" },
    { "partners", "show", "--help" },
    { "partners", "export", "--help" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };

      run_with_env (&run, NULL, NULL, (const char *const[]) { commands[i][0], commands[i][1], commands[i][2], NULL });
      g_test_message ("escale-cli %s %s", commands[i][0], commands[i][1]);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Usage:"));
      g_assert_cmpstr (run.err, ==, "");
    }
}

static void
test_version (void)
{
  g_auto(Run) run = { 0, };

  RUN (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "escale-cli " PACKAGE_VERSION "\n");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *const mistakes[][6] = {
    { "frobnicate", NULL },
    { "--frobnicate", NULL },
    { "partners", "frobnicate", NULL },
    { "partners", "list", "--frobnicate", NULL },
    { "partners", "list", "--kind", "florist", NULL },
    { "partners", "list", "--region", "99", NULL },
    { "partners", "show", NULL },
    { "partners", "show", "twelve", NULL },
    { "partners", "export", NULL },
    { "partners", "export", "--csv", "-", "--separator", "|" },
    { "demo", "--scale", "0", NULL },
    { "demo", "--today", "23/11/2026", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_auto(Run) run = { 0, };
      const char *argv[9] = { "--db", fixture->db, NULL };

      for (guint j = 0; j < G_N_ELEMENTS (mistakes[i]) && mistakes[i][j] != NULL; j++)
        argv[2 + j] = mistakes[i][j];
      run_with_env (&run, NULL, NULL, argv);
      g_test_message ("escale-cli %s %s %s", mistakes[i][0], mistakes[i][1], mistakes[i][2]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "escale-cli: "));
      g_assert_cmpstr (run.out, ==, "");
    }

  /* Nothing at all is a usage error too, with the help on stderr. */
  {
    g_auto(Run) run = { 0, };

    run_with_env (&run, NULL, NULL, (const char *const[]) { NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Usage:"));
  }
}

static void
test_demo_is_deterministic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *twin = g_build_filename (fixture->folder, "twin.db", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_auto(Run) first = { 0, };
  g_auto(Run) second = { 0, };
  g_auto(Run) third = { 0, };
  g_auto(Run) again = { 0, };

  fill_demo (fixture, "7");
  RUN (&again, "--db", twin, "demo", "--seed", "7", "--today", "2026-11-23");
  g_assert_cmpint (again.status, ==, 0);
  g_clear_pointer (&again.out, g_free);
  g_clear_pointer (&again.err, g_free);
  RUN (&again, "--db", other, "demo", "--seed", "8", "--today", "2026-11-23");
  g_assert_cmpint (again.status, ==, 0);

  RUN (&first, "--db", fixture->db, "partners", "list", "--json", "--archived");
  RUN (&second, "--db", twin, "partners", "list", "--json", "--archived");
  RUN (&third, "--db", other, "partners", "list", "--json", "--archived");
  g_assert_cmpstr (first.out, ==, second.out);
  g_assert_cmpstr (first.out, !=, third.out);
}

static void
test_demo_refuses_a_filled_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_auto(Run) run = { 0, };

  fill_demo (fixture, "1");
  before = list_json (fixture, "--archived", NULL);
  RUN (&run, "--db", fixture->db, "demo");
  assert_one_error_line (&run, 1, "already holds data");
  after = list_json (fixture, "--archived", NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
}

static void
test_list_json_fields (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *const fields[] = {
    "id", "name", "kind", "region_code", "region", "city", "phone", "email",
    "website", "tags", "archived", "next_step", "next_due",
  };
  g_autoptr(JsonArray) partners = NULL;
  g_autofree char *previous = g_strdup ("");

  fill_demo (fixture, "1");
  partners = list_json (fixture, NULL);
  g_assert_cmpuint (json_array_get_length (partners), >, 90);

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);
      g_autofree char *name = escale_search_fold (json_object_get_string_member (partner, "name"));

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_assert_true (json_object_has_member (partner, fields[f]));
      /* A summary: the full record is for `partners show`. */
      g_assert_false (json_object_has_member (partner, "contacts"));
      g_assert_false (json_object_get_boolean_member (partner, "archived"));
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (partner, "tags")));
      /* Sorted by name, accents aside: "École" among the E's. */
      g_assert_cmpint (strcmp (previous, name), <=, 0);
      g_free (previous);
      previous = g_steal_pointer (&name);
    }
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonArray) everything = NULL;
  g_autoptr(JsonArray) with_archived = NULL;
  g_autoptr(JsonArray) bas_saint_laurent = NULL;
  g_autoptr(JsonArray) employers = NULL;
  g_autoptr(JsonArray) levis = NULL;
  g_autoptr(JsonArray) nothing = NULL;
  guint n, in_levis = 0;

  fill_demo (fixture, "1");
  everything = list_json (fixture, NULL);
  n = json_array_get_length (everything);

  bas_saint_laurent = list_json (fixture, "--region", "01", NULL);
  g_assert_cmpuint (json_array_get_length (bas_saint_laurent), >, 0);
  g_assert_cmpuint (json_array_get_length (bas_saint_laurent), <, n);
  for (guint i = 0; i < json_array_get_length (bas_saint_laurent); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bas_saint_laurent, i), "region_code"), ==, "01");

  employers = list_json (fixture, "--kind", "employer", NULL);
  g_assert_cmpuint (json_array_get_length (employers), >, 0);
  g_assert_cmpuint (json_array_get_length (employers), <, n);
  for (guint i = 0; i < json_array_get_length (employers); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (employers, i), "kind"), ==, "employer");

  /* Accents are ignored: every partner in Lévis is found by "levis". */
  levis = list_json (fixture, "--search", "LEVIS", NULL);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *partner = json_array_get_object_element (everything, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (partner, "city", ""), "Lévis") == 0)
        in_levis++;
    }
  g_assert_cmpuint (in_levis, >, 0);
  g_assert_cmpuint (json_array_get_length (levis), >=, in_levis);
  g_assert_cmpuint (json_array_get_length (levis), <, n);

  nothing = list_json (fixture, "--search", "zzzz-nowhere", NULL);
  g_assert_cmpuint (json_array_get_length (nothing), ==, 0);

  /* Archived partners only when asked for. */
  with_archived = list_json (fixture, "--archived", NULL);
  g_assert_cmpuint (json_array_get_length (with_archived), >, n);
}

static void
test_list_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;

  fill_demo (fixture, "1");
  partners = list_json (fixture, NULL);
  RUN (&run, "--db", fixture->db, "partners", "list");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* A header, one line per partner, and the final newline. */
  g_assert_true (g_str_has_prefix (lines[0], "ID"));
  g_assert_cmpuint (g_strv_length (lines), ==, json_array_get_length (partners) + 2);
  g_assert_nonnull (strstr (lines[1], json_object_get_string_member (json_array_get_object_element (partners, 0), "name")));
}

static void
test_list_in_french (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0, };

  fill_demo (fixture, "1");
  run_with_env (&run, "LANGUAGE", "fr",
                (const char *const[]) { "--db", fixture->db, "partners", "list", "--region", "01", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "ID      Nom"));
  g_assert_nonnull (strstr (run.out, "Employeur"));
}

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  const char *const full_fields[] = {
    "address", "postal_code", "latitude", "longitude", "notes", "created_at",
    "updated_at", "contacts", "interactions",
  };
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(Run) text = { 0, };
  g_auto(Run) json = { 0, };
  JsonObject *summary;
  JsonObject *full;

  fill_demo (fixture, "1");
  partners = list_json (fixture, NULL);
  summary = json_array_get_object_element (partners, 3);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (summary, "id"));

  RUN (&text, "--db", fixture->db, "partners", "show", id);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, json_object_get_string_member (summary, "name")));

  RUN (&json, "--db", fixture->db, "partners", "show", id, "--json");
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  full = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (full, "id"), ==, json_object_get_int_member (summary, "id"));
  g_assert_cmpstr (json_object_get_string_member (full, "name"), ==, json_object_get_string_member (summary, "name"));
  for (guint f = 0; f < G_N_ELEMENTS (full_fields); f++)
    g_assert_true (json_object_has_member (full, full_fields[f]));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (full, "contacts")));
}

static void
test_show_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0, };

  fill_demo (fixture, "1");
  RUN (&run, "--db", fixture->db, "partners", "show", "99999");
  assert_one_error_line (&run, 1, "No partner has the ID 99999");
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_crlf_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = strstr (text, "\r\n"); p != NULL; p = strstr (p + 2, "\r\n"))
    lines++;
  return lines;
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "partenaires.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) to_stdout = { 0, };
  g_auto(Run) semicolons = { 0, };
  gsize length;

  fill_demo (fixture, "1");
  partners = list_json (fixture, NULL);

  RUN (&run, "--db", fixture->db, "partners", "export", "--csv", path);
  g_assert_cmpint (run.status, ==, 0);
  contents = read_file (path, &length);
  /* What Excel needs to read accents and rows right. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_null (strstr (g_strstr_len (contents, length, "\n") + 1, "\n\n"));
  g_assert_cmpuint (count_crlf_lines (contents), ==, json_array_get_length (partners) + 1);
  g_assert_nonnull (strstr (contents, json_object_get_string_member (json_array_get_object_element (partners, 0), "name")));

  /* "-" writes the same thing to standard output. */
  RUN (&to_stdout, "--db", fixture->db, "partners", "export", "--csv", "-");
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, contents);

  RUN (&semicolons, "--db", fixture->db, "partners", "export", "--csv", "-", "--separator", ";");
  g_assert_cmpint (semicolons.status, ==, 0);
  g_assert_nonnull (strstr (semicolons.out, ";"));
  g_assert_cmpuint (count_crlf_lines (semicolons.out), ==, count_crlf_lines (contents));
}

static void
test_export_to_unwritable_place (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "no-such-folder", "partners.csv", NULL);
  g_auto(Run) run = { 0, };

  fill_demo (fixture, "1");
  RUN (&run, "--db", fixture->db, "partners", "export", "--csv", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "escale-cli: "));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refuses_a_file_that_is_not_a_database (Fixture       *fixture,
                                            gconstpointer  data)
{
  const char *notes = "Rappeler Mme Tremblay au CJE de Rimouski.\n";
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0, };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->db, notes, -1, &error);
  g_assert_no_error (error);

  RUN (&run, "--db", fixture->db, "partners", "list");
  assert_one_error_line (&run, 1, "is not an Escale database");
  after = read_file (fixture->db, NULL);
  g_assert_cmpstr (after, ==, notes);
}

static void
test_database_from_environment (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonArray) through_option = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  fill_demo (fixture, "1");
  through_option = list_json (fixture, NULL);
  run_with_env (&run, "ESCALE_DB", fixture->db, (const char *const[]) { "partners", "list", "--json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==,
                    json_array_get_length (through_option));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("ESCALE_CLI") == NULL)
    g_error ("ESCALE_CLI must name the escale-cli to test (tests/meson.build sets it)");

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add ("/cli/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);
  g_test_add ("/cli/demo/deterministic", Fixture, NULL, fixture_set_up, test_demo_is_deterministic, fixture_tear_down);
  g_test_add ("/cli/demo/refuses-filled-database", Fixture, NULL, fixture_set_up, test_demo_refuses_a_filled_database, fixture_tear_down);
  g_test_add ("/cli/list/json-fields", Fixture, NULL, fixture_set_up, test_list_json_fields, fixture_tear_down);
  g_test_add ("/cli/list/filters", Fixture, NULL, fixture_set_up, test_list_filters, fixture_tear_down);
  g_test_add ("/cli/list/text", Fixture, NULL, fixture_set_up, test_list_text, fixture_tear_down);
  g_test_add ("/cli/list/french", Fixture, NULL, fixture_set_up, test_list_in_french, fixture_tear_down);
  g_test_add ("/cli/show", Fixture, NULL, fixture_set_up, test_show, fixture_tear_down);
  g_test_add ("/cli/show/missing", Fixture, NULL, fixture_set_up, test_show_missing, fixture_tear_down);
  g_test_add ("/cli/export/csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/cli/export/unwritable", Fixture, NULL, fixture_set_up, test_export_to_unwritable_place, fixture_tear_down);
  g_test_add ("/cli/refuses-non-database", Fixture, NULL, fixture_set_up, test_refuses_a_file_that_is_not_a_database, fixture_tear_down);
  g_test_add ("/cli/database-from-environment", Fixture, NULL, fixture_set_up, test_database_from_environment, fixture_tear_down);

  return g_test_run ();
}
