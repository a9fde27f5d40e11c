/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "cli-test-run.h"

/* escale-cli participants, as a counsellor's script runs it: the report of
 * an import line by line, a second import that adds nobody, lists that
 * never show immigration status, one file in full, and a CSV export. */

/* What Excel writes on a French Windows, "CSV (séparateur : point-virgule)":
 * Windows-1252, semicolons, CRLF. Three rows are wrong (lines 4, 5 and 6). */
static const char registrants[] =
  "Pr\xe9nom;Nom de famille;Courriel;Cellulaire;Statut;R\xe9gions d'int\xe9r\xeat;Profession;Consentement\r\n"
  "H\xe9l\xe8ne;C\xf4t\xe9;helene@example.org;418 555-0123;R\xe9sident permanent;01;Infirmi\xe8re;Oui\r\n"
  "Se\xe1n;O\x92" "Brien;sean@example.org;;PVT;08, 11;\"Soudeur; classe A\";Oui\r\n"
  "Marie;Tremblay;pas-un-courriel;514 555-0101;;;;\r\n"
  ";Roy;jean@example.org;;;;;\r\n"
  "Ana;Silva;ana@example.org;;Touriste;;;\r\n"
  "Luc;Gagnon;;581 555-0145;Citoyen;03;\xc9lectricien;Non\r\n";

#define EMAIL_PROBLEM "Column “Courriel”: Enter an email address such as name@example.org"
#define NAME_PROBLEM "Column “Prénom”: This field is required"
#define STATUS_PROBLEM "Column “Statut”: “Touriste” is not one of the choices"

#define REPORT_PROBLEMS \
  "Line 4: " EMAIL_PROBLEM "\n" \
  "Line 5: " NAME_PROBLEM "\n" \
  "Line 6: " STATUS_PROBLEM "\n"

/* Hélène Côté is #1, Seán O’Brien #2 and Luc Gagnon #3. */
static char *
write_registrants (Fixture *fixture)
{
  char *path = g_build_filename (fixture->folder, "inscriptions.csv", NULL);

  write_file (path, registrants, -1);
  return path;
}

static void
import_registrants (Fixture *fixture)
{
  g_autofree char *path = write_registrants (fixture);
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", fixture->db, "participants", "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

/* `participants list --json` with @options (NULL-terminated, or NULL). */
static JsonArray *
participants_json (const char        *db,
                   const char *const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "participants");
  g_ptr_array_add (argv, (gpointer) "list");
  g_ptr_array_add (argv, (gpointer) "--json");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  g_ptr_array_add (argv, NULL);

  run_argv (&run, NULL, (const char *const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

#define LIST_IDS(db, ...) list_ids_of ((db), (const char *const[]) { __VA_ARGS__, NULL })

/* The ids `participants list --json` prints with the options, as "1 3". */
static char *
list_ids_of (const char        *db,
             const char *const *options)
{
  g_autoptr(JsonArray) participants = participants_json (db, options);

  return list_ids (participants);
}

static JsonObject *
participant_json (const char *db,
                  gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", db, "participants", "show", text, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
import_json (Run        *run,
             const char *db,
             const char *path,
             const char *option)
{
  g_autoptr(JsonNode) root = NULL;

  if (option != NULL)
    RUN (run, "--db", db, "participants", "import", path, "--json", option);
  else
    RUN (run, "--db", db, "participants", "import", path, "--json");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  root = parse_json (run->out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* "rows 6, new 3, duplicates 0, already 0, rejected 3, imported 3" */
static char *
json_counts (JsonObject *report)
{
  return g_strdup_printf ("rows %" G_GINT64_FORMAT ", new %" G_GINT64_FORMAT ", duplicates %" G_GINT64_FORMAT
                          ", already %" G_GINT64_FORMAT ", rejected %" G_GINT64_FORMAT ", imported %" G_GINT64_FORMAT,
                          int_member (report, "rows"), int_member (report, "new"),
                          int_member (report, "duplicates"), int_member (report, "already_imported"),
                          int_member (report, "rejected"), int_member (report, "imported"));
}

/* Each of rows_with_remarks as "line:outcome", then "#id", "=line" and the
 * reason of a duplicate, or the problems: "4:rejected[Column …]". */
static char *
json_remarks (JsonObject *report)
{
  JsonArray *rows = array_member (report, "rows_with_remarks");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = item (rows, i);
      JsonArray *problems = array_member (row, "problems");

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%s", i > 0 ? " " : "",
                              int_member (row, "line"), string_member (row, "outcome"));
      if (json_object_has_member (row, "participant"))
        g_string_append_printf (text, "#%" G_GINT64_FORMAT, int_member (row, "participant"));
      if (json_object_has_member (row, "same_as_line"))
        g_string_append_printf (text, "=%" G_GINT64_FORMAT, int_member (row, "same_as_line"));
      if (json_object_has_member (row, "reason"))
        g_string_append_printf (text, "(%s)", string_member (row, "reason"));
      for (guint j = 0; j < json_array_get_length (problems); j++)
        g_string_append_printf (text, "[%s]", json_array_get_string_element (problems, j));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Usage */

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) bare = { 0, };
  g_auto(Run) unknown = { 0, };

  RUN (&bare, "--db", fixture->db, "participants");
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_cmpstr (bare.out, ==, "");
  g_assert_true (g_str_has_prefix (bare.err, "Usage:\n  escale-cli participants COMMAND"));
  g_assert_nonnull (strstr (bare.err, "\n  import "));
  g_assert_nonnull (strstr (bare.err, "\n  export "));

  RUN (&unknown, "--db", fixture->db, "participants", "frobnicate");
  assert_one_line_usage_error (&unknown, "Unknown command “participants frobnicate”");
  assert_folder_holds (fixture->folder, "");
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) table = { 0, };
  g_auto(Run) json = { 0, };

  RUN (&table, "--db", fixture->db, "participants", "list");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_cmpstr (table.err, ==, "");
  g_assert_true (g_str_has_prefix (table.out, "ID      Name"));
  g_assert_cmpuint (count_lines (table.out), ==, 1);

  RUN (&json, "--db", fixture->db, "participants", "list", "--json");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, "[]\n");
}

/* Import */

/* Every problem by line and column, then the counts; the good rows are
 * imported, accents and curly quotes as they were typed. */
static void
test_import_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_registrants (fixture);
  g_autoptr(JsonArray) participants = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) table = { 0, };

  RUN (&run, "--db", fixture->db, "participants", "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, REPORT_PROBLEMS
                                "Rows read: 6\n"
                                "Imported: 3\n"
                                "Likely duplicates: 0\n"
                                "Already imported: 0\n"
                                "Rejected: 3\n");

  participants = participants_json (fixture->db, NULL);
  g_assert_cmpuint (json_array_get_length (participants), ==, 3);
  g_assert_cmpstr (string_member (item (participants, 0), "name"), ==, "Hélène Côté");
  g_assert_cmpstr (string_member (item (participants, 1), "name"), ==, "Luc Gagnon");
  g_assert_cmpstr (string_member (item (participants, 2), "name"), ==, "Seán O’Brien");
  g_assert_cmpstr (string_member (item (participants, 2), "occupation"), ==, "Soudeur; classe A");

  RUN (&table, "--db", fixture->db, "participants", "list");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_cmpuint (count_lines (table.out), ==, 4);
  g_assert_nonnull (strstr (table.out, "Côté, Hélène"));
}

/* --dry-run reports what an import would do, and writes nobody. */
static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_registrants (fixture);
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *ids = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) json = { 0, };

  RUN (&run, "--db", fixture->db, "participants", "import", path, "--dry-run");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  if (run.status != 0)
    return;
  g_assert_cmpstr (run.out, ==, REPORT_PROBLEMS
                                "Rows read: 6\n"
                                "To import: 3\n"
                                "Likely duplicates: 0\n"
                                "Already imported: 0\n"
                                "Rejected: 3\n");
  ids = LIST_IDS (fixture->db, "--limit", "0");
  g_assert_cmpstr (ids, ==, "");

  report = import_json (&json, fixture->db, path, "--dry-run");
  counts = json_counts (report);
  g_assert_true (boolean_member (report, "dry_run"));
  g_assert_cmpstr (counts, ==, "rows 6, new 3, duplicates 0, already 0, rejected 3, imported 0");
  g_clear_pointer (&ids, g_free);
  ids = LIST_IDS (fixture->db, "--limit", "0");
  g_assert_cmpstr (ids, ==, "");
}

/* The JSON report: the columns as read, the counts, and every row that is
 * not simply new, with its line, what it is and why. */
static void
test_import_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_registrants (fixture);
  g_autofree char *duplicate_path = g_build_filename (fixture->folder, "salon.csv", NULL);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) third = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *remarks = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) fair = { 0, };
  JsonObject *columns;

  first = import_json (&run, fixture->db, path, NULL);
  g_assert_false (boolean_member (first, "dry_run"));
  g_assert_cmpstr (string_member (first, "separator"), ==, ";");
  g_assert_cmpuint (json_array_get_length (array_member (first, "problems")), ==, 0);
  columns = json_node_get_object (member (first, "columns"));
  g_assert_cmpuint (json_object_get_size (columns), ==, 8);
  g_assert_cmpstr (string_member (columns, "Prénom"), ==, "given-name");
  g_assert_cmpstr (string_member (columns, "Nom de famille"), ==, "family-name");
  g_assert_cmpstr (string_member (columns, "Cellulaire"), ==, "phone");
  g_assert_cmpstr (string_member (columns, "Statut"), ==, "immigration-status");
  g_assert_cmpstr (string_member (columns, "Régions d'intérêt"), ==, "regions");
  g_assert_null (string_member (columns, "Consentement"));

  counts = json_counts (first);
  remarks = json_remarks (first);
  g_assert_cmpstr (counts, ==, "rows 6, new 3, duplicates 0, already 0, rejected 3, imported 3");
  g_assert_cmpstr (remarks, ==, "4:rejected[" EMAIL_PROBLEM "] 5:rejected[" NAME_PROBLEM "] "
                                "6:rejected[" STATUS_PROBLEM "]");

  /* The same file again adds nobody; each row says who it already is. */
  second = import_json (&again, fixture->db, path, NULL);
  g_clear_pointer (&counts, g_free);
  g_clear_pointer (&remarks, g_free);
  counts = json_counts (second);
  remarks = json_remarks (second);
  g_assert_cmpstr (counts, ==, "rows 6, new 0, duplicates 0, already 3, rejected 3, imported 0");
  g_assert_cmpstr (remarks, ==, "2:already-imported#1 3:already-imported#2 "
                                "4:rejected[" EMAIL_PROBLEM "] 5:rejected[" NAME_PROBLEM "] "
                                "6:rejected[" STATUS_PROBLEM "] 7:already-imported#3");

  /* Someone already known, and a row repeating an earlier one. */
  write_file (duplicate_path,
              "Prénom,Nom,Courriel\n"
              "H.,Côté-Roy,HELENE@example.org\n"
              "Zoé,Roy,zoe@example.org\n"
              "Zoé,Roy-Côté,ZOE@example.org\n", -1);
  third = import_json (&fair, fixture->db, duplicate_path, NULL);
  g_clear_pointer (&counts, g_free);
  g_clear_pointer (&remarks, g_free);
  counts = json_counts (third);
  remarks = json_remarks (third);
  g_assert_cmpstr (string_member (third, "separator"), ==, ",");
  g_assert_cmpstr (counts, ==, "rows 3, new 1, duplicates 2, already 0, rejected 0, imported 1");
  g_assert_cmpstr (remarks, ==, "2:duplicate#1(same email address) 4:duplicate=3(same email address)");
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_registrants (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0, };

  import_registrants (fixture);
  before = LIST_IDS (fixture->db, "--limit", "0");
  g_assert_cmpstr (before, ==, "1 3 2");

  RUN (&run, "--db", fixture->db, "participants", "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, REPORT_PROBLEMS
                                "Rows read: 6\n"
                                "Imported: 0\n"
                                "Likely duplicates: 0\n"
                                "Already imported: 3\n"
                                "Rejected: 3\n");
  after = LIST_IDS (fixture->db, "--limit", "0");
  g_assert_cmpstr (after, ==, before);
}

/* --map corrects the guess, once per column, and "none" leaves one out. */
static void
test_import_map (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "formulaire.csv", NULL);
  g_autofree char *other_db = g_build_filename (fixture->folder, "autre.db", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) marie = NULL;
  g_autoptr(JsonObject) left_out = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) none = { 0, };
  JsonObject *report;
  JsonObject *columns;

  write_file (path,
              "Prénom,Nom,Téléphone,Cellulaire,Notes\n"
              "Marie,Tremblay,418 555-0123,581 555-0145,Rencontrée au salon\n", -1);

  RUN (&run, "--db", fixture->db, "participants", "import", path, "--json",
       "--map", "Cellulaire=phone", "--map", "Téléphone=other-phone", "--map", "Notes=source");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  report = json_node_get_object (root);
  columns = json_node_get_object (member (report, "columns"));
  g_assert_cmpstr (string_member (columns, "Téléphone"), ==, "other-phone");
  g_assert_cmpstr (string_member (columns, "Cellulaire"), ==, "phone");
  g_assert_cmpstr (string_member (columns, "Notes"), ==, "source");
  g_assert_cmpint (int_member (report, "imported"), ==, 1);

  marie = participant_json (fixture->db, 1);
  g_assert_cmpstr (string_member (marie, "phone"), ==, "581 555-0145");
  g_assert_cmpstr (string_member (marie, "other_phone"), ==, "418 555-0123");
  g_assert_cmpstr (string_member (marie, "source"), ==, "Rencontrée au salon");

  /* Without a correction, the first phone column is the phone. */
  RUN (&none, "--db", other_db, "participants", "import", path, "--map", "Cellulaire=none");
  g_assert_cmpint (none.status, ==, 0);
  left_out = participant_json (other_db, 1);
  g_assert_cmpstr (string_member (left_out, "phone"), ==, "418 555-0123");
  g_assert_null (string_member (left_out, "other_phone"));
  g_assert_null (string_member (left_out, "source"));
}

/* A mistaken --map or --separator is a mistake in the command: status 2,
 * and no database is even opened. */
static void
test_import_option_errors (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct
  {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--map", "Cellulaire", "--map: write the column header, “=” and a field name, such as “Cellulaire=phone”" },
    { "--map", "Cellulaire=portable", "--map: “portable” is not a field; use none or a field name" },
    { "--map", "Cell=phone", "--map: the file has no column “Cell”" },
    { "--separator", "|", "--separator: use , ; or tab" },
  };
  g_autofree char *path = write_registrants (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      g_test_message ("%s %s", cases[i].option, cases[i].value);
      RUN (&run, "--db", fixture->db, "participants", "import", path, cases[i].option, cases[i].value);
      assert_usage_error (&run, cases[i].message);
    }

  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--db", fixture->db, "participants", "import");
    assert_usage_error (&run, "Give exactly one CSV file");
  }
  assert_folder_holds (fixture->folder, "inscriptions.csv");
}

/* --rejected writes the rejected rows as they were, between their line and
 * their problems, with the file's own separator. */
static void
test_import_rejected_file (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *const expected[][10] = {
    { "Line", "Prénom", "Nom de famille", "Courriel", "Cellulaire", "Statut", "Régions d'intérêt", "Profession",
      "Consentement", "Problems" },
    { "4", "Marie", "Tremblay", "pas-un-courriel", "514 555-0101", "", "", "", "", EMAIL_PROBLEM },
    { "5", "", "Roy", "jean@example.org", "", "", "", "", "", NAME_PROBLEM },
    { "6", "Ana", "Silva", "ana@example.org", "", "Touriste", "", "", "", STATUS_PROBLEM },
  };
  g_autofree char *path = write_registrants (fixture);
  g_autofree char *rejected = g_build_filename (fixture->folder, "rejets.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", fixture->db, "participants", "import", path, "--rejected", rejected);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, REPORT_PROBLEMS));
  g_assert_cmpstr (run.err, ==, "");

  contents = read_file (rejected, NULL);
  records = test_csv_read (contents, ';');
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (expected));
  for (guint r = 0; r < records->len && r < G_N_ELEMENTS (expected); r++)
    {
      g_assert_cmpuint (g_strv_length (records->pdata[r]), ==, G_N_ELEMENTS (expected[r]));
      for (guint c = 0; c < G_N_ELEMENTS (expected[r]); c++)
        g_assert_cmpstr (test_csv_cell (records, r, c), ==, expected[r][c]);
    }
}

/* A file that cannot be read at all is a problem with a file: status 1,
 * one line naming it, and no database touched. */
static void
test_import_unreadable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "absent.csv", NULL);
  g_autofree char *binary = g_build_filename (fixture->folder, "classeur.xlsx", NULL);
  g_autofree char *empty = g_build_filename (fixture->folder, "vide.csv", NULL);
  const char *const paths[] = { missing, binary, empty };
  const char *const reasons[] = { "No such file or directory", "This is not a text file", "The file is empty" };

  write_file (binary, "PK\x03\x04\0\0\0\x14\0\x08", 10);
  write_file (empty, "", 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *named = g_strdup_printf ("escale-cli: Cannot import “%s”: ", paths[i]);
      g_auto(Run) run = { 0, };

      g_test_message ("%s", paths[i]);
      RUN (&run, "--db", fixture->db, "participants", "import", paths[i]);
      assert_data_error (&run, reasons[i]);
      g_assert_true (g_str_has_prefix (run.err, named));
    }

  assert_folder_holds (fixture->folder, "classeur.xlsx vide.csv");
}

/* Without a column for a name, nothing can be imported: a problem with
 * the data (status 1, one line on standard error), until --map says which
 * column holds it. */
static void
test_import_without_name_column (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "formulaire.csv", NULL);
  g_autofree char *ids = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) mapped = { 0, };

  write_file (path, "Prénom,Famille,Courriel\nMarie,Tremblay,marie@example.org\n", -1);

  RUN (&run, "--db", fixture->db, "participants", "import", path);
  assert_data_error (&run, "No column is read as “Family name”: choose the column that holds it");
  ids = LIST_IDS (fixture->db, "--limit", "0");
  g_assert_cmpstr (ids, ==, "");

  RUN (&mapped, "--db", fixture->db, "participants", "import", path, "--map", "Famille=family-name");
  g_assert_cmpint (mapped.status, ==, 0);
  g_assert_cmpstr (mapped.out, ==, "Rows read: 1\n"
                                   "Imported: 1\n"
                                   "Likely duplicates: 0\n"
                                   "Already imported: 0\n"
                                   "Rejected: 0\n");
}

/* The report follows the language of the counsellor. */
static void
test_import_in_french (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *const french[] = { "LANGUAGE", "fr", NULL };
  const RunSetup setup = { .environment = french };
  g_autofree char *path = write_registrants (fixture);
  g_auto(Run) run = { 0, };

  RUN_WITH (&run, &setup, "--db", fixture->db, "participants", "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Lignes lues"));
  g_assert_true (g_str_has_prefix (run.out, "Ligne 4"));
  g_assert_null (strstr (run.out, "Rows read"));
}

/* list */

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char *option;
    const char *value;
    const char *ids;
  } cases[] = {
    { "--search", "cote", "1" },
    { "--search", "o’brien", "2" },
    { "--search", "418", "1" },
    { "--status", "permanent-resident", "1" },
    { "--status", "working-holiday", "2" },
    { "--status", "refugee", "" },
    { "--region", "11", "2" },
    { "--region", "03", "3" },
    { "--region", "17", "" },
    { "--consent", "missing", "1 3 2" },
    { "--consent", "given", "" },
    { "--limit", "2", "1 3" },
  };

  import_registrants (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = LIST_IDS (fixture->db, cases[i].option, cases[i].value);

      g_test_message ("%s %s", cases[i].option, cases[i].value);
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }
}

static void
test_list_option_errors (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *const cases[][3] = {
    { "--status", "touriste", "--status: “touriste” is not a status; use one of permanent-resident" },
    { "--region", "18", "--region: “18” is not a region code" },
    { "--consent", "maybe", "--consent: use given or missing" },
    { "--limit", "-1", "--limit" },
  };

  import_registrants (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      RUN (&run, "--db", fixture->db, "participants", "list", cases[i][0], cases[i][1]);
      assert_usage_error (&run, cases[i][2]);
    }
}

/* A list never shows immigration status nor household. */
static void
test_list_json (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const names[] = {
    "id", "name", "email", "phone", "city", "occupation", "regions", "consent", "next_follow_up",
  };
  g_autoptr(JsonArray) participants = NULL;
  JsonObject *sean;
  JsonArray *regions;

  import_registrants (fixture);
  participants = participants_json (fixture->db, NULL);
  g_assert_cmpuint (json_array_get_length (participants), ==, 3);

  for (guint i = 0; i < json_array_get_length (participants); i++)
    {
      JsonObject *participant = item (participants, i);

      assert_members (participant, names, G_N_ELEMENTS (names));
      g_assert_cmpuint (json_object_get_size (participant), ==, G_N_ELEMENTS (names));
      g_assert_false (json_object_has_member (participant, "immigration_status"));
      g_assert_false (json_object_has_member (participant, "household"));
      g_assert_false (boolean_member (participant, "consent"));
      g_assert_null (string_member (participant, "next_follow_up"));
    }

  sean = item (participants, 2);
  g_assert_cmpint (int_member (sean, "id"), ==, 2);
  g_assert_cmpstr (string_member (sean, "email"), ==, "sean@example.org");
  g_assert_null (string_member (sean, "phone"));
  regions = array_member (sean, "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (regions, 0), ==, "08");
  g_assert_cmpstr (json_array_get_string_element (regions, 1), ==, "11");
}

/* show */

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *const names[] = {
    "id", "given_name", "family_name", "preferred_name", "birth_year", "email", "phone", "other_phone", "city",
    "preferred_language", "immigration_status", "arrived_on", "country_of_origin", "french_level",
    "english_level", "other_languages", "education", "occupation", "noc_code", "experience_years",
    "driving_licence", "regions", "source", "household", "consents", "notes", "follow_ups", "registrations",
  };
  g_autoptr(JsonObject) sean = NULL;
  g_auto(Run) text = { 0, };

  import_registrants (fixture);

  sean = participant_json (fixture->db, 2);
  assert_members (sean, names, G_N_ELEMENTS (names));
  g_assert_cmpuint (json_object_get_size (sean), ==, G_N_ELEMENTS (names));
  g_assert_cmpint (int_member (sean, "id"), ==, 2);
  g_assert_cmpstr (string_member (sean, "given_name"), ==, "Seán");
  g_assert_cmpstr (string_member (sean, "family_name"), ==, "O’Brien");
  g_assert_cmpstr (string_member (sean, "immigration_status"), ==, "working-holiday");
  g_assert_cmpstr (string_member (sean, "preferred_language"), ==, "fr");
  g_assert_cmpstr (string_member (sean, "occupation"), ==, "Soudeur; classe A");
  g_assert_null (string_member (sean, "birth_year"));
  g_assert_null (string_member (sean, "experience_years"));
  g_assert_false (boolean_member (sean, "driving_licence"));
  g_assert_cmpuint (json_array_get_length (array_member (sean, "regions")), ==, 2);
  /* "Consentement: Oui" in the file is no consent. */
  g_assert_cmpuint (json_array_get_length (array_member (sean, "consents")), ==, 0);
  g_assert_cmpuint (json_array_get_length (array_member (sean, "household")), ==, 0);
  g_assert_cmpuint (json_array_get_length (array_member (sean, "notes")), ==, 0);
  g_assert_cmpuint (json_array_get_length (array_member (sean, "follow_ups")), ==, 0);
  g_assert_cmpuint (json_array_get_length (array_member (sean, "registrations")), ==, 0);

  RUN (&text, "--db", fixture->db, "participants", "show", "2");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_true (g_str_has_prefix (text.out, "Seán O’Brien\n"));
  g_assert_nonnull (strstr (text.out, "Working holiday permit"));
  g_assert_nonnull (strstr (text.out, "Abitibi-Témiscamingue, Gaspésie–Îles-de-la-Madeleine"));
  g_assert_nonnull (strstr (text.out, "\nConsent\n  None recorded\n"));
}

static void
test_show_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) unknown = { 0, };
  g_auto(Run) word = { 0, };
  g_auto(Run) zero = { 0, };
  g_auto(Run) none = { 0, };

  import_registrants (fixture);

  RUN (&unknown, "--db", fixture->db, "participants", "show", "99");
  assert_data_error (&unknown, "There is no participant number 99");
  RUN (&word, "--db", fixture->db, "participants", "show", "abc");
  assert_usage_error (&word, "“abc” is not a participant ID");
  RUN (&zero, "--db", fixture->db, "participants", "show", "0", "--json");
  assert_usage_error (&zero, "“0” is not a participant ID");
  RUN (&none, "--db", fixture->db, "participants", "show");
  assert_usage_error (&none, "Give exactly one participant ID");
}

/* export */

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "participants.csv", NULL);
  g_autofree char *expected_err = g_strdup_printf ("Exported 3 participants to %s\n", path);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) no_file = { 0, };
  g_auto(Run) bad_separator = { 0, };
  gsize length;

  import_registrants (fixture);
  RUN (&run, "--db", fixture->db, "participants", "export", "--csv", path, "--separator", ";");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected_err);

  contents = read_file (path, &length);
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "ID;Given name;Family name;"));
  for (const char *p = strchr (contents, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  records = test_csv_read (contents, ';');
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (test_csv_cell (records, 1, 0), ==, "1");
  g_assert_cmpstr (test_csv_cell (records, 1, 2), ==, "Côté");
  g_assert_cmpstr (test_csv_cell (records, 2, 2), ==, "Gagnon");
  g_assert_cmpstr (test_csv_cell (records, 3, 2), ==, "O’Brien");
  g_assert_cmpstr (test_csv_cell (records, 3, 17), ==, "Soudeur; classe A");

  RUN (&no_file, "--db", fixture->db, "participants", "export", "--separator", ";");
  assert_usage_error (&no_file, "--csv");
  RUN (&bad_separator, "--db", fixture->db, "participants", "export", "--csv", path, "--separator", ":");
  assert_usage_error (&bad_separator, "--separator");
}

/* Rows of an exported CSV without their ID, as "cell|cell|…". */
static GPtrArray *
exported_rows (const char *path)
{
  g_autofree char *contents = read_file (path, NULL);
  g_autoptr(GPtrArray) records = test_csv_read (contents, ',');
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < records->len; r++)
    {
      char **cells = records->pdata[r];

      g_ptr_array_add (rows, g_strjoinv ("|", cells + 1));
    }
  return rows;
}

/* What one counsellor exports, another imports as it was, whatever the
 * language each of them works in: exported again, the copy is the same
 * file but for the IDs. */
static void
test_export_import_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct
  {
    const char *export_language;
    const char *import_language;
  } cases[] = {
    { "en", "en" },
    { "fr", "fr" },
    { "fr", "en" },
    { "en", "fr" },
  };

  fill_demo (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const export_environment[] = { "LANGUAGE", cases[i].export_language, NULL };
      const char *const import_environment[] = { "LANGUAGE", cases[i].import_language, NULL };
      const RunSetup exporting = { .environment = export_environment };
      const RunSetup importing = { .environment = import_environment };
      g_autofree char *name = g_strdup_printf ("%s-%s", cases[i].export_language, cases[i].import_language);
      g_autofree char *copy_db = g_strdup_printf ("%s/%s.db", fixture->folder, name);
      g_autofree char *original_csv = g_strdup_printf ("%s/%s.csv", fixture->folder, name);
      g_autofree char *copy_csv = g_strdup_printf ("%s/%s-copy.csv", fixture->folder, name);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GPtrArray) original = NULL;
      g_autoptr(GPtrArray) copy = NULL;
      g_autoptr(GString) unread = g_string_new (NULL);
      g_auto(Run) exported = { 0, };
      g_auto(Run) imported = { 0, };
      g_auto(Run) exported_again = { 0, };
      const char *first_expected = NULL;
      const char *first_actual = NULL;
      guint n_different = 0;
      JsonObject *report;
      JsonObjectIter iter;
      const char *header;
      JsonNode *field;

      g_test_message ("exported in %s, imported in %s", cases[i].export_language, cases[i].import_language);
      /* About a hundred varied people: enough for every field and choice,
       * quick enough under the sanitizers. */
      RUN_WITH (&exported, &exporting, "--db", fixture->db, "participants", "export", "--csv", original_csv,
                "--search", "g");
      g_assert_cmpint (exported.status, ==, 0);
      RUN_WITH (&imported, &importing, "--db", copy_db, "participants", "import", original_csv, "--json");
      g_assert_cmpint (imported.status, ==, 0);
      if (imported.status != 0)
        continue;

      /* Every column is read back, every row is taken. */
      root = parse_json (imported.out);
      report = json_node_get_object (root);
      json_object_iter_init (&iter, json_node_get_object (member (report, "columns")));
      while (json_object_iter_next (&iter, &header, &field))
        {
          if (JSON_NODE_HOLDS_NULL (field))
            g_string_append_printf (unread, "%s“%s”", unread->len > 0 ? " " : "", header);
        }
      g_assert_cmpstr (unread->str, ==, "“ID”");
      g_assert_cmpint (int_member (report, "rejected"), ==, 0);
      g_assert_cmpint (int_member (report, "imported"), ==, int_member (report, "rows"));

      RUN_WITH (&exported_again, &exporting, "--db", copy_db, "participants", "export", "--csv", copy_csv);
      g_assert_cmpint (exported_again.status, ==, 0);
      original = exported_rows (original_csv);
      copy = exported_rows (copy_csv);
      g_assert_cmpuint (copy->len, ==, original->len);
      for (guint r = 0; r < MIN (copy->len, original->len); r++)
        {
          if (g_str_equal (copy->pdata[r], original->pdata[r]))
            continue;
          if (n_different++ == 0)
            {
              first_expected = original->pdata[r];
              first_actual = copy->pdata[r];
            }
        }
      g_assert_cmpstr (first_actual, ==, first_expected);
      g_assert_cmpuint (n_different, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);
  /* One refused option must not hide the tests after it. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/cli/participants/usage", test_usage);
  ADD ("/cli/participants/list/empty", test_list_empty);
  ADD ("/cli/participants/import/report", test_import_report);
  ADD ("/cli/participants/import/dry-run", test_import_dry_run);
  ADD ("/cli/participants/import/json", test_import_json);
  ADD ("/cli/participants/import/twice", test_import_twice);
  ADD ("/cli/participants/import/map", test_import_map);
  ADD ("/cli/participants/import/option-errors", test_import_option_errors);
  ADD ("/cli/participants/import/rejected-file", test_import_rejected_file);
  ADD ("/cli/participants/import/unreadable", test_import_unreadable);
  ADD ("/cli/participants/import/without-name-column", test_import_without_name_column);
  ADD ("/cli/participants/import/french", test_import_in_french);
  ADD ("/cli/participants/list/filters", test_list_filters);
  ADD ("/cli/participants/list/option-errors", test_list_option_errors);
  ADD ("/cli/participants/list/json", test_list_json);
  ADD ("/cli/participants/show", test_show);
  ADD ("/cli/participants/show/errors", test_show_errors);
  ADD ("/cli/participants/export", test_export);
  ADD ("/cli/participants/export/round-trip", test_export_import_round_trip);
#undef ADD

  return cli_test_run ();
}
