/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include "escale-csv-writer.h"
#include "escale-database.h"
#include "escale-partner-export.h"
#include "escale-region-repository.h"
#include "test-folder.h"

/* What leaves Escale: CSV that a spreadsheet opens as the counsellor
 * expects, and the JSON documented in the README. */

typedef struct
{
  char                   *folder;
  char                   *path;
  EscaleDatabase         *database;
  EscaleRegionRepository *regions;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = test_folder_new ();
  fixture->path = g_build_filename (fixture->folder, "escale.db", NULL);
  fixture->database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->regions = escale_region_repository_new (fixture->database, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->regions);
  g_clear_object (&fixture->database);
  test_folder_remove (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
test_escape_cell (void)
{
  const struct
  {
    const char *cell;
    const char *expected;
  } cases[] = {
    { "Place aux jeunes", "Place aux jeunes" },
    { "Rimouski, Bas-Saint-Laurent", "\"Rimouski, Bas-Saint-Laurent\"" },
    { "Le \"Carrefour\"", "\"Le \"\"Carrefour\"\"\"" },
    { "ligne 1\nligne 2", "\"ligne 1\nligne 2\"" },
    /* Formula injection: a cell that a spreadsheet would run is neutralised. */
    { "=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"" },
    { "+1 418 555-0123", "'+1 418 555-0123" },
    { "-cmd", "'-cmd" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tindent", "'\tindent" },
    /* Plain numbers stay numbers. */
    { "-68.523", "-68.523" },
    { "+12", "+12" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = escale_csv_escape_cell (cases[i].cell, ',');

      g_assert_cmpstr (escaped, ==, cases[i].expected);
    }
}

static void
test_escape_depends_on_separator (void)
{
  g_autofree char *comma_with_semicolons = escale_csv_escape_cell ("Lévis, QC", ';');
  g_autofree char *semicolon_with_semicolons = escale_csv_escape_cell ("a; b", ';');
  g_autofree char *semicolon_with_commas = escale_csv_escape_cell ("a; b", ',');
  g_autofree char *missing = escale_csv_escape_cell (NULL, ',');
  g_autofree char *french_number = escale_csv_escape_cell ("-68,523", ';');

  g_assert_cmpstr (comma_with_semicolons, ==, "Lévis, QC");
  g_assert_cmpstr (semicolon_with_semicolons, ==, "\"a; b\"");
  g_assert_cmpstr (semicolon_with_commas, ==, "a; b");
  g_assert_cmpstr (missing, ==, "");
  /* A French negative number is a number, not a formula. */
  g_assert_cmpstr (french_number, ==, "-68,523");
}

static char *
write_rows (char                separator,
            const char * const *first_row,
            const char * const *second_row,
            guint               n_cells)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(EscaleCsvWriter) writer = escale_csv_writer_new (stream, separator);
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_csv_writer_write_row (writer, first_row, n_cells, &error));
  g_assert_true (escale_csv_writer_write_row (writer, second_row, n_cells, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_writer_bom_and_crlf (void)
{
  const char *header[] = { "Nom", "Ville" };
  const char *row[] = { "Cégep de Matane", NULL };
  g_autofree char *commas = write_rows (',', header, row, 2);
  g_autofree char *tabs = write_rows ('\t', header, row, 2);

  /* One byte order mark, at the very start: Excel then reads UTF-8. */
  g_assert_cmpstr (commas, ==, "\xEF\xBB\xBFNom,Ville\r\nCégep de Matane,\r\n");
  g_assert_cmpstr (tabs, ==, "\xEF\xBB\xBFNom\tVille\r\nCégep de Matane\t\r\n");
}

static EscalePartner *
make_partner (void)
{
  EscalePartner *partner = g_object_new (ESCALE_TYPE_PARTNER,
                                         "name", "Place aux jeunes Rimouski-Neigette",
                                         "kind", ESCALE_PARTNER_KIND_REGIONAL_HOST,
                                         "region-code", "01",
                                         "city", "Rimouski",
                                         "address", "120, rue Saint-Germain Est",
                                         "postal-code", "G5L 1A7",
                                         "phone", "418 555-0142",
                                         "email", "info@paj-rimouski.example",
                                         "tags", "logement, emploi",
                                         "notes", "=1+1 n’est pas une formule ici",
                                         NULL);
  g_autoptr(EscaleContact) contact = g_object_new (ESCALE_TYPE_CONTACT,
                                                   "name", "Marie Tremblay",
                                                   "role", "Agente de migration",
                                                   NULL);
  g_autoptr(EscaleInteraction) done = g_object_new (ESCALE_TYPE_INTERACTION,
                                                    "occurred-on", "2026-10-02",
                                                    "summary", "Appel",
                                                    "next-step", "Envoyer l’horaire",
                                                    "due-on", "2026-10-09",
                                                    "done", TRUE,
                                                    NULL);
  g_autoptr(EscaleInteraction) pending = g_object_new (ESCALE_TYPE_INTERACTION,
                                                       "occurred-on", "2026-11-16",
                                                       "summary", "Rencontre",
                                                       "next-step", "Confirmer la visite",
                                                       "due-on", "2026-11-27",
                                                       NULL);

  escale_partner_set_coordinates (partner, 48.4490, -68.5230);
  escale_partner_add_contact (partner, contact);
  escale_partner_add_interaction (partner, done);
  escale_partner_add_interaction (partner, pending);

  return partner;
}

static void
test_json_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(JsonNode) node = escale_partner_to_json (partner, fixture->regions, ESCALE_PARTNER_JSON_SUMMARY);
  JsonObject *object = json_node_get_object (node);
  JsonArray *tags = json_object_get_array_member (object, "tags");

  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Place aux jeunes Rimouski-Neigette");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "regional-host");
  g_assert_cmpstr (json_object_get_string_member (object, "region_code"), ==, "01");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "Bas-Saint-Laurent");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "logement");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "emploi");
  g_assert_false (json_object_get_boolean_member (object, "archived"));
  /* The next step is the pending one, not the one already done. */
  g_assert_cmpstr (json_object_get_string_member (object, "next_step"), ==, "Confirmer la visite");
  g_assert_cmpstr (json_object_get_string_member (object, "next_due"), ==, "2026-11-27");
  /* A missing value is null, not an empty string. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "website")));
  /* The summary leaves the details out. */
  g_assert_false (json_object_has_member (object, "contacts"));
  g_assert_false (json_object_has_member (object, "notes"));
}

static void
test_json_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(JsonNode) node = escale_partner_to_json (partner, fixture->regions, ESCALE_PARTNER_JSON_FULL);
  JsonObject *object = json_node_get_object (node);
  JsonArray *contacts = json_object_get_array_member (object, "contacts");
  JsonArray *interactions = json_object_get_array_member (object, "interactions");
  JsonObject *first;

  g_assert_cmpstr (json_object_get_string_member (object, "postal_code"), ==, "G5L 1A7");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "latitude"), 48.449, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "longitude"), -68.523, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "=1+1 n’est pas une formule ici");
  g_assert_true (json_object_has_member (object, "created_at"));
  g_assert_true (json_object_has_member (object, "updated_at"));

  g_assert_cmpuint (json_array_get_length (contacts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 0), "role"), ==, "Agente de migration");

  g_assert_cmpuint (json_array_get_length (interactions), ==, 2);
  first = json_array_get_object_element (interactions, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-10-02");
  g_assert_cmpstr (json_object_get_string_member (first, "channel"), ==, "meeting");
  g_assert_true (json_object_get_boolean_member (first, "done"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (first, "contact_id")));
}

static char *
export_csv (Fixture *fixture,
            char     separator)
{
  g_autoptr(GListStore) partners = g_list_store_new (ESCALE_TYPE_PARTNER);
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(EscalePartner) bare = g_object_new (ESCALE_TYPE_PARTNER, "name", "Ville de Matane",
                                                "kind", ESCALE_PARTNER_KIND_MUNICIPALITY, NULL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_list_store_append (partners, partner);
  g_list_store_append (partners, bare);
  g_assert_true (escale_partner_export_csv (G_LIST_MODEL (partners), fixture->regions, stream, separator, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *csv = export_csv (fixture, ',');
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  /* A header and two partners, each on one CRLF line. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFId,Name,Kind,Region,"));
  g_assert_true (g_str_has_prefix (lines[1], "0,Place aux jeunes Rimouski-Neigette,Regional host organisation,Bas-Saint-Laurent,"));
  g_assert_nonnull (strstr (lines[1], ",48.449000,-68.523000,"));
  g_assert_nonnull (strstr (lines[1], "\"logement, emploi\""));
  g_assert_nonnull (strstr (lines[1], "Confirmer la visite,2026-11-27,no,"));
  /* The notes would have started a formula. */
  g_assert_true (g_str_has_suffix (lines[1], ",'=1+1 n’est pas une formule ici"));
  g_assert_true (g_str_has_prefix (lines[2], "0,Ville de Matane,Municipality or MRC,,"));
}

static void
test_csv_export_with_semicolons (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *csv = export_csv (fixture, ';');

  /* Where the list separator is ";", the decimal separator is ",". */
  g_assert_nonnull (strstr (csv, ";48,449000;-68,523000;"));
  g_assert_nonnull (strstr (csv, ";logement, emploi;"));
}

static void
test_csv_export_reports_write_errors (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GListStore) partners = g_list_store_new (ESCALE_TYPE_PARTNER);
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_list_store_append (partners, partner);
  g_output_stream_close (stream, NULL, NULL);
  g_assert_false (escale_partner_export_csv (G_LIST_MODEL (partners), fixture->regions, stream, ',', &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/escape-cell", test_escape_cell);
  g_test_add_func ("/export/csv/escape-depends-on-separator", test_escape_depends_on_separator);
  g_test_add_func ("/export/csv/bom-and-crlf", test_writer_bom_and_crlf);
  g_test_add ("/export/json/summary", Fixture, NULL, fixture_set_up, test_json_summary, fixture_tear_down);
  g_test_add ("/export/json/full", Fixture, NULL, fixture_set_up, test_json_full, fixture_tear_down);
  g_test_add ("/export/csv/partners", Fixture, NULL, fixture_set_up, test_csv_export, fixture_tear_down);
  g_test_add ("/export/csv/partners-with-semicolons", Fixture, NULL, fixture_set_up, test_csv_export_with_semicolons, fixture_tear_down);
  g_test_add ("/export/csv/write-errors", Fixture, NULL, fixture_set_up, test_csv_export_reports_write_errors, fixture_tear_down);

  return g_test_run ();
}
