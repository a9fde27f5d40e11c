/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-csv-writer.h"
#include "escale-database.h"
#include "escale-partner-export.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"
#include "test-csv.h"
#include "test-folder.h"

#include "partner-fixture.h"

/* What leaves Escale: CSV that a spreadsheet opens as the counsellor
 * expects, and the JSON documented in the README, read back the way a
 * script would read it. */

#define BOM "\xEF\xBB\xBF"
#define N_COLUMNS 18

static char *
steal_text (GOutputStream *stream)
{
  g_autoptr(GError) error = NULL;

  /* Terminates the bytes so that they read as a string. */
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_escape_plain_and_quoted (void)
{
  const struct
  {
    const char *cell;
    const char *expected;
  } cases[] = {
    { "Place aux jeunes", "Place aux jeunes" },
    { "Montréal", "Montréal" },
    { "", "" },
    { "Rimouski, Bas-Saint-Laurent", "\"Rimouski, Bas-Saint-Laurent\"" },
    { "Le \"Carrefour\"", "\"Le \"\"Carrefour\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "ligne 1\nligne 2", "\"ligne 1\nligne 2\"" },
    { "ligne 1\r\nligne 2", "\"ligne 1\r\nligne 2\"" },
    { "a; b", "a; b" },
    { "a\tb", "a\tb" },
    { "L’Islet", "L’Islet" },
  };
  g_autofree char *missing = escale_csv_escape_cell (NULL, ',');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = escale_csv_escape_cell (cases[i].cell, ',');

      g_test_message ("cell “%s”", cases[i].cell);
      g_assert_cmpstr (escaped, ==, cases[i].expected);
    }

  g_assert_cmpstr (missing, ==, "");
}

static void
test_escape_neutralises_formulas (void)
{
  const struct
  {
    const char *cell;
    const char *expected;
  } cases[] = {
    /* A cell that a spreadsheet would run gets an apostrophe in front. */
    { "=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"" },
    { "=1+1", "'=1+1" },
    { "+1 418 555-0123", "'+1 418 555-0123" },
    { "-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tindent", "'\tindent" },
    { "\r=1+1", "\"'\r=1+1\"" },
    { "=", "'=" },
    { "-", "'-" },
    { "+", "'+" },
    { "@", "'@" },
    /* Plain numbers stay numbers. */
    { "-68.523", "-68.523" },
    { "-12.5", "-12.5" },
    { "+12", "+12" },
    { "-.5", "-.5" },
    { "-1e5", "-1e5" },
    /* Only the first character matters. */
    { "Nom = valeur", "Nom = valeur" },
    { "info@cldc.ca", "info@cldc.ca" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = escale_csv_escape_cell (cases[i].cell, ',');

      g_test_message ("cell “%s”", cases[i].cell);
      g_assert_cmpstr (escaped, ==, cases[i].expected);
    }
}

static void
test_escape_depends_on_separator (void)
{
  g_autofree char *comma_with_semicolons = escale_csv_escape_cell ("Lévis, QC", ';');
  g_autofree char *semicolon_with_semicolons = escale_csv_escape_cell ("a; b", ';');
  g_autofree char *semicolon_with_commas = escale_csv_escape_cell ("a; b", ',');
  g_autofree char *tab_with_tabs = escale_csv_escape_cell ("a\tb", '\t');
  g_autofree char *leading_tab_with_tabs = escale_csv_escape_cell ("\tb", '\t');
  g_autofree char *french_number = escale_csv_escape_cell ("-68,523", ';');
  g_autofree char *french_number_with_commas = escale_csv_escape_cell ("-68,523", ',');

  g_assert_cmpstr (comma_with_semicolons, ==, "Lévis, QC");
  g_assert_cmpstr (semicolon_with_semicolons, ==, "\"a; b\"");
  g_assert_cmpstr (semicolon_with_commas, ==, "a; b");
  g_assert_cmpstr (tab_with_tabs, ==, "\"a\tb\"");
  g_assert_cmpstr (leading_tab_with_tabs, ==, "\"'\tb\"");
  /* A French negative number is a number, not a formula. */
  g_assert_cmpstr (french_number, ==, "-68,523");
  g_assert_cmpstr (french_number_with_commas, ==, "\"-68,523\"");
}

static char *
write_rows (char                separator,
            const char * const *first_row,
            guint               first_n_cells,
            const char * const *second_row,
            guint               second_n_cells)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(EscaleCsvWriter) writer = escale_csv_writer_new (stream, separator);
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_csv_writer_write_row (writer, first_row, first_n_cells, &error));
  g_assert_no_error (error);
  g_assert_true (escale_csv_writer_write_row (writer, second_row, second_n_cells, &error));
  g_assert_no_error (error);

  return steal_text (stream);
}

static void
test_writer_bom_and_crlf (void)
{
  const char *header[] = { "Nom", "Ville" };
  const char *row[] = { "Cégep de Matane", NULL };
  g_autofree char *commas = write_rows (',', header, 2, row, 2);
  g_autofree char *semicolons = write_rows (';', header, 2, row, 2);
  g_autofree char *tabs = write_rows ('\t', header, 2, row, 2);
  g_autofree char *no_cells = write_rows (',', header, 0, row, 1);

  /* One byte order mark, at the very start: Excel then reads UTF-8. */
  g_assert_cmpstr (commas, ==, BOM "Nom,Ville\r\nCégep de Matane,\r\n");
  g_assert_cmpstr (semicolons, ==, BOM "Nom;Ville\r\nCégep de Matane;\r\n");
  g_assert_cmpstr (tabs, ==, BOM "Nom\tVille\r\nCégep de Matane\t\r\n");
  g_assert_cmpstr (no_cells, ==, BOM "\r\nCégep de Matane\r\n");
}

static void
test_writer_round_trip (void)
{
  const char *header[] = { "Nom", "Notes", "Longitude", NULL };
  const char *row[] = { "Le \"Carrefour\", Lévis", "Première ligne\nDeuxième ligne", "-71.1762" };
  g_autofree char *csv = write_rows (',', header, 3, row, G_N_ELEMENTS (row));
  g_autoptr(GPtrArray) rows = test_csv_read (csv, ',');

  /* Whatever the cells hold, a spreadsheet reads back two rows of three. */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), ((const char *[]) {
    "Le \"Carrefour\", Lévis", "Première ligne\nDeuxième ligne", "-71.1762", NULL,
  }));
}

static void
test_writer_reports_errors (void)
{
  char buffer[16];
  const char *row[] = { "Place aux jeunes Rimouski-Neigette", "Rimouski" };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, sizeof buffer, NULL, NULL);
  g_autoptr(EscaleCsvWriter) writer = escale_csv_writer_new (stream, ',');
  g_autoptr(GError) error = NULL;

  /* A full disk, in miniature. */
  g_assert_false (escale_csv_writer_write_row (writer, row, G_N_ELEMENTS (row), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_separator_for_c_locale (void)
{
  /* The tests run in C.UTF-8, where numbers have a decimal point. */
  g_assert_cmpint (escale_csv_separator_for_locale (), ==, ',');
}

/* A partner with everything filled in. */
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
                                         "website", "https://paj-rimouski.example",
                                         "phone", "418 555-0142 x204",
                                         "email", "info@paj-rimouski.example",
                                         "tags", "logement, emploi",
                                         "notes", "=1+1 n’est pas une formule ici",
                                         NULL);

  escale_partner_set_coordinates (partner, 48.4490, -68.5230);
  add_contact (partner, "Marie Tremblay", "Agente de migration",
               "marie.tremblay@paj-rimouski.example", "418 555-0170");
  add_contact (partner, "Jean Roy", NULL, "jean.roy@paj-rimouski.example", NULL);
  add_interaction (partner, "2026-10-02", ESCALE_INTERACTION_CHANNEL_PHONE, "Appel",
                   "Envoyer l’horaire", "2026-10-09", TRUE);
  add_interaction (partner, "2026-11-16", ESCALE_INTERACTION_CHANNEL_MEETING,
                   "Rencontre", "Confirmer la visite", "2026-11-27", FALSE);

  return partner;
}

/* Serialises @node as escale-cli prints it, and parses it back. */
static JsonObject *
read_back (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) parsed = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (parsed));

  return json_object_ref (json_node_get_object (parsed));
}

static JsonObject *
partner_json (Fixture                 *fixture,
              EscalePartner           *partner,
              EscalePartnerJsonDetail  detail)
{
  g_autoptr(JsonNode) node = escale_partner_to_json (partner, fixture->regions, detail);

  g_assert_nonnull (node);
  return read_back (node);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* @object has exactly the members named in @expected, in any order. */
static void
assert_members (JsonObject         *object,
                const char * const *expected)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) actual = g_ptr_array_new ();
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (actual, l->data);
  for (guint i = 0; expected[i] != NULL; i++)
    g_ptr_array_add (wanted, (gpointer) expected[i]);

  g_ptr_array_sort (actual, compare_strings);
  g_ptr_array_sort (wanted, compare_strings);
  g_ptr_array_add (actual, NULL);
  g_ptr_array_add (wanted, NULL);
  g_assert_cmpstrv ((const char * const *) actual->pdata, (const char * const *) wanted->pdata);
}

static void
assert_null_member (JsonObject *object,
                    const char *name)
{
  g_test_message ("member “%s”", name);
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, name)));
}

static void
assert_string_member (JsonObject *object,
                      const char *name,
                      const char *expected)
{
  JsonNode *member = json_object_get_member (object, name);

  g_test_message ("member “%s”", name);
  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (member));
  g_assert_true (json_node_get_value_type (member) == G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (member), ==, expected);
}

static void
assert_int_member (JsonObject *object,
                   const char *name,
                   gint64      expected)
{
  JsonNode *member = json_object_get_member (object, name);

  g_test_message ("member “%s”", name);
  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (member));
  g_assert_true (json_node_get_value_type (member) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (member), ==, expected);
}

static void
assert_boolean_member (JsonObject *object,
                       const char *name,
                       gboolean    expected)
{
  JsonNode *member = json_object_get_member (object, name);

  g_test_message ("member “%s”", name);
  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (member));
  g_assert_true (json_node_get_value_type (member) == G_TYPE_BOOLEAN);
  g_assert_cmpint (json_node_get_boolean (member), ==, expected);
}

static void
assert_double_member (JsonObject *object,
                      const char *name,
                      double      expected)
{
  JsonNode *member = json_object_get_member (object, name);

  g_test_message ("member “%s”", name);
  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (member));
  g_assert_true (json_node_get_value_type (member) == G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (member), expected, 1e-9);
}

static void
assert_timestamp_member (JsonObject *object,
                         const char *name,
                         gint64      expected)
{
  JsonNode *member = json_object_get_member (object, name);
  g_autoptr(GDateTime) parsed = NULL;
  const char *text;

  g_test_message ("member “%s”", name);
  g_assert_nonnull (member);
  g_assert_true (json_node_get_value_type (member) == G_TYPE_STRING);
  text = json_node_get_string (member);

  /* ISO 8601 in UTC, to the second: 2026-11-23T14:05:09Z */
  g_assert_cmpuint (strlen (text), ==, 20);
  g_assert_true (g_str_has_suffix (text, "Z"));
  g_assert_cmpint (text[10], ==, 'T');
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_to_unix (parsed), ==, expected);
}

static const char * const summary_members[] = {
  "id", "name", "kind", "region_code", "region", "city", "phone", "email", "website", "tags",
  "archived", "next_step", "next_due", NULL,
};

static const char * const full_members[] = {
  "id", "name", "kind", "region_code", "region", "city", "phone", "email", "website", "tags",
  "archived", "next_step", "next_due",
  "address", "postal_code", "latitude", "longitude", "notes", "created_at", "updated_at",
  "contacts", "interactions", NULL,
};

static void
test_json_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(JsonObject) object = NULL;
  JsonArray *tags;

  save_ok (fixture, partner);
  object = partner_json (fixture, partner, ESCALE_PARTNER_JSON_SUMMARY);

  /* The documented fields, and nothing of the details. */
  assert_members (object, summary_members);
  assert_int_member (object, "id", escale_partner_get_id (partner));
  assert_string_member (object, "name", "Place aux jeunes Rimouski-Neigette");
  assert_string_member (object, "kind", "regional-host");
  assert_string_member (object, "region_code", "01");
  assert_string_member (object, "region", "Bas-Saint-Laurent");
  assert_string_member (object, "city", "Rimouski");
  assert_string_member (object, "phone", "418 555-0142 x204");
  assert_string_member (object, "email", "info@paj-rimouski.example");
  assert_string_member (object, "website", "https://paj-rimouski.example");
  assert_boolean_member (object, "archived", FALSE);
  /* The next step is the pending one, not the one already done. */
  assert_string_member (object, "next_step", "Confirmer la visite");
  assert_string_member (object, "next_due", "2026-11-27");

  tags = json_object_get_array_member (object, "tags");
  g_assert_nonnull (tags);
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "logement");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "emploi");
}

static void
test_json_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(EscalePartner) edited = NULL;
  g_autoptr(EscaleInteraction) linked = NULL;
  g_autoptr(EscaleContact) marie = NULL;
  g_autoptr(JsonObject) object = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 after;
  EscalePartner *loaded;
  JsonArray *contacts;
  JsonArray *interactions;
  JsonObject *item;
  gint64 partner_id, marie_id;

  save_ok (fixture, partner);
  partner_id = escale_partner_get_id (partner);
  marie = g_list_model_get_item (escale_partner_get_contacts (partner), 0);
  marie_id = escale_contact_get_id (marie);
  g_assert_cmpint (marie_id, >, 0);

  /* The meeting was with Marie: link it, as the editor does, on a copy. */
  edited = escale_partner_copy (partner);
  linked = g_list_model_get_item (escale_partner_get_interactions (edited), 1);
  g_object_set (linked, "contact-id", marie_id, NULL);
  save_ok (fixture, edited);
  after = g_get_real_time () / G_USEC_PER_SEC;

  reopen (fixture);
  loaded = escale_partner_repository_find (fixture->partners, partner_id);
  g_assert_nonnull (loaded);
  object = partner_json (fixture, loaded, ESCALE_PARTNER_JSON_FULL);

  assert_members (object, full_members);
  assert_int_member (object, "id", partner_id);
  assert_string_member (object, "name", "Place aux jeunes Rimouski-Neigette");
  assert_string_member (object, "next_step", "Confirmer la visite");
  assert_string_member (object, "address", "120, rue Saint-Germain Est");
  assert_string_member (object, "postal_code", "G5L 1A7");
  assert_double_member (object, "latitude", 48.449);
  assert_double_member (object, "longitude", -68.523);
  assert_string_member (object, "notes", "=1+1 n’est pas une formule ici");

  /* Timestamps say when the partner was saved, in UTC. */
  g_assert_cmpint (escale_partner_get_created_at (loaded), >=, before);
  g_assert_cmpint (escale_partner_get_updated_at (loaded), <=, after);
  assert_timestamp_member (object, "created_at", escale_partner_get_created_at (loaded));
  assert_timestamp_member (object, "updated_at", escale_partner_get_updated_at (loaded));

  contacts = json_object_get_array_member (object, "contacts");
  g_assert_cmpuint (json_array_get_length (contacts), ==, 2);
  item = json_array_get_object_element (contacts, 0);
  assert_members (item, (const char * const []) { "id", "name", "role", "email", "phone", NULL });
  assert_int_member (item, "id", marie_id);
  assert_string_member (item, "name", "Marie Tremblay");
  assert_string_member (item, "role", "Agente de migration");
  assert_string_member (item, "email", "marie.tremblay@paj-rimouski.example");
  assert_string_member (item, "phone", "418 555-0170");
  item = json_array_get_object_element (contacts, 1);
  assert_string_member (item, "name", "Jean Roy");
  assert_null_member (item, "role");
  assert_null_member (item, "phone");

  /* Interactions come most recent first. */
  interactions = json_object_get_array_member (object, "interactions");
  g_assert_cmpuint (json_array_get_length (interactions), ==, 2);
  item = json_array_get_object_element (interactions, 0);
  assert_members (item, (const char * const []) {
    "id", "date", "channel", "contact_id", "summary", "next_step", "due_on", "done", NULL,
  });
  g_assert_cmpint (json_object_get_int_member (item, "id"), >, 0);
  assert_string_member (item, "date", "2026-11-16");
  assert_string_member (item, "channel", "meeting");
  assert_int_member (item, "contact_id", marie_id);
  assert_string_member (item, "summary", "Rencontre");
  assert_string_member (item, "next_step", "Confirmer la visite");
  assert_string_member (item, "due_on", "2026-11-27");
  assert_boolean_member (item, "done", FALSE);

  item = json_array_get_object_element (interactions, 1);
  assert_string_member (item, "date", "2026-10-02");
  assert_string_member (item, "channel", "phone");
  assert_null_member (item, "contact_id");
  assert_boolean_member (item, "done", TRUE);
}

static void
test_json_missing_values_are_null (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EscalePartner) bare = g_object_new (ESCALE_TYPE_PARTNER,
                                                "name", "Ville de Matane",
                                                "kind", ESCALE_PARTNER_KIND_MUNICIPALITY,
                                                NULL);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(JsonObject) full = NULL;
  const char *nulls[] = { "region_code", "region", "city", "phone", "email", "website", "next_step", "next_due" };
  const char *full_nulls[] = { "address", "postal_code", "latitude", "longitude", "notes" };

  save_ok (fixture, bare);
  summary = partner_json (fixture, bare, ESCALE_PARTNER_JSON_SUMMARY);
  full = partner_json (fixture, bare, ESCALE_PARTNER_JSON_FULL);

  /* A missing value is null, never an empty string, and still present. */
  assert_members (summary, summary_members);
  assert_members (full, full_members);
  for (guint i = 0; i < G_N_ELEMENTS (nulls); i++)
    {
      assert_null_member (summary, nulls[i]);
      assert_null_member (full, nulls[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (full_nulls); i++)
    assert_null_member (full, full_nulls[i]);

  assert_string_member (summary, "kind", "municipality");
  /* Lists are empty lists. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (summary, "tags")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (full, "contacts")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (full, "interactions")), ==, 0);
}

static void
test_json_next_step (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER, "name", "CLD de la Matanie", NULL);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) nothing_left = NULL;
  EscaleInteraction *later;
  EscaleInteraction *sooner;

  add_interaction (partner, "2026-11-01", ESCALE_INTERACTION_CHANNEL_EMAIL, "Courriel", "Déjà fait", "2026-11-05", TRUE);
  add_interaction (partner, "2026-11-02", ESCALE_INTERACTION_CHANNEL_PHONE, "Appel", NULL, "2026-11-06", FALSE);
  later = add_interaction (partner, "2026-11-03", ESCALE_INTERACTION_CHANNEL_VISIT, "Visite",
                           "Envoyer le bilan", "2026-12-15", FALSE);
  sooner = add_interaction (partner, "2026-11-04", ESCALE_INTERACTION_CHANNEL_EVENT, "Salon de l’emploi",
                            "Rappeler les exposants", "2026-11-20", FALSE);
  save_ok (fixture, partner);

  /* Of the steps still to do, the one due first. */
  object = partner_json (fixture, partner, ESCALE_PARTNER_JSON_SUMMARY);
  assert_string_member (object, "next_step", "Rappeler les exposants");
  assert_string_member (object, "next_due", "2026-11-20");

  /* Once both are done, nothing is next. */
  g_object_set (later, "done", TRUE, NULL);
  g_object_set (sooner, "done", TRUE, NULL);
  nothing_left = partner_json (fixture, partner, ESCALE_PARTNER_JSON_SUMMARY);
  assert_null_member (nothing_left, "next_step");
  assert_null_member (nothing_left, "next_due");
}

static void
test_json_region_and_archived (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER,
                                                   "name", "Corporation de développement de Chibougamau",
                                                   "kind", ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT,
                                                   "region-code", "10",
                                                   "city", "Chibougamau",
                                                   "tags", " mines ,, forêt , ",
                                                   NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  EscalePartner *archived;
  JsonArray *tags;
  gint64 id;

  save_ok (fixture, partner);
  id = escale_partner_get_id (partner);
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, partner, TRUE, &error));
  g_assert_no_error (error);
  archived = escale_partner_repository_find (fixture->partners, id);
  object = partner_json (fixture, archived, ESCALE_PARTNER_JSON_SUMMARY);

  /* The region's name follows the interface's language: English here. */
  assert_string_member (object, "region_code", "10");
  assert_string_member (object, "region", "Northern Québec");
  assert_string_member (object, "kind", "economic-development");
  assert_boolean_member (object, "archived", TRUE);

  /* Tags are trimmed, empty ones dropped. */
  tags = json_object_get_array_member (object, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "mines");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "forêt");
}

static char *
export_csv (Fixture    *fixture,
            GListModel *partners,
            char        separator)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_partner_export_csv (partners, fixture->regions, stream, separator, &error));
  g_assert_no_error (error);

  return steal_text (stream);
}

/* The full partner, a bare one and an archived one, in that order. */
static void
save_three (Fixture *fixture,
            gint64   ids[3])
{
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(EscalePartner) bare = g_object_new (ESCALE_TYPE_PARTNER,
                                                "name", "Ville de Matane",
                                                "kind", ESCALE_PARTNER_KIND_MUNICIPALITY,
                                                NULL);
  g_autoptr(EscalePartner) old = g_object_new (ESCALE_TYPE_PARTNER,
                                               "name", "@Accueil Chibougamau",
                                               "kind", ESCALE_PARTNER_KIND_OTHER,
                                               "region-code", "10",
                                               NULL);
  g_autoptr(GError) error = NULL;

  save_ok (fixture, partner);
  save_ok (fixture, bare);
  save_ok (fixture, old);
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, old, TRUE, &error));
  g_assert_no_error (error);

  ids[0] = escale_partner_get_id (partner);
  ids[1] = escale_partner_get_id (bare);
  ids[2] = escale_partner_get_id (old);
}

static void
assert_row (GPtrArray          *rows,
            guint               index_,
            const char * const *expected)
{
  g_test_message ("row %u", index_);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, index_)), ==, N_COLUMNS);
  g_assert_cmpstrv (g_ptr_array_index (rows, index_), expected);
}

static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *id0 = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  save_three (fixture, ids);
  id0 = g_strdup_printf ("%" G_GINT64_FORMAT, ids[0]);
  id1 = g_strdup_printf ("%" G_GINT64_FORMAT, ids[1]);
  id2 = g_strdup_printf ("%" G_GINT64_FORMAT, ids[2]);
  csv = export_csv (fixture, escale_partner_repository_get_partners (fixture->partners), ',');
  rows = test_csv_read (csv, ',');

  /* A header, then one row per partner, in the list's order. */
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, (const char * const []) {
    "Id", "Name", "Kind", "Region", "Address", "City", "Postal code", "Latitude", "Longitude",
    "Website", "Phone", "Email", "Tags", "Contacts", "Next step", "Due", "Archived", "Notes", NULL,
  });
  assert_row (rows, 1, (const char * const []) {
    id0, "Place aux jeunes Rimouski-Neigette", "Regional host organisation", "Bas-Saint-Laurent",
    "120, rue Saint-Germain Est", "Rimouski", "G5L 1A7", "48.449000", "-68.523000",
    "https://paj-rimouski.example", "418 555-0142 x204", "info@paj-rimouski.example", "logement, emploi",
    "Marie Tremblay, Agente de migration, marie.tremblay@paj-rimouski.example, 418 555-0170\n"
    "Jean Roy, jean.roy@paj-rimouski.example",
    "Confirmer la visite", "2026-11-27", "no",
    /* The notes would have started a formula. */
    "'=1+1 n’est pas une formule ici", NULL,
  });
  assert_row (rows, 2, (const char * const []) {
    id1, "Ville de Matane", "Municipality or MRC", "", "", "", "", "", "", "", "", "", "", "", "", "", "no", "", NULL,
  });
  assert_row (rows, 3, (const char * const []) {
    id2, "'@Accueil Chibougamau", "Other", "Northern Québec", "", "", "", "", "", "", "", "", "", "", "", "",
    "yes", "", NULL,
  });

  /* The cells a comma would split are quoted in the file itself. */
  g_assert_nonnull (strstr (csv, ",\"logement, emploi\","));
  g_assert_nonnull (strstr (csv, ",48.449000,-68.523000,"));
}

static void
test_csv_export_with_semicolons (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char * const *row;

  save_three (fixture, ids);
  csv = export_csv (fixture, escale_partner_repository_get_partners (fixture->partners), ';');
  rows = test_csv_read (csv, ';');
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) row), ==, N_COLUMNS);

  /* Where the list separator is ";", the decimal separator is ",", and a
   * negative longitude is still a number. */
  g_assert_cmpstr (row[7], ==, "48,449000");
  g_assert_cmpstr (row[8], ==, "-68,523000");
  g_assert_cmpstr (row[12], ==, "logement, emploi");
  g_assert_nonnull (strstr (csv, ";48,449000;-68,523000;"));
  g_assert_nonnull (strstr (csv, ";logement, emploi;"));
  g_assert_true (g_str_has_prefix (csv, BOM "Id;Name;Kind;Region;"));
}

static void
test_csv_export_with_tabs (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char * const *row;

  save_three (fixture, ids);
  csv = export_csv (fixture, escale_partner_repository_get_partners (fixture->partners), '\t');
  rows = test_csv_read (csv, '\t');
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) row), ==, N_COLUMNS);
  g_assert_cmpstr (row[7], ==, "48.449000");
  g_assert_cmpstr (row[8], ==, "-68.523000");
  g_assert_cmpstr (row[12], ==, "logement, emploi");
  g_assert_nonnull (strstr (csv, "\t48.449000\t-68.523000\t"));
}

static void
test_csv_export_survives_reopening (Fixture       *fixture,
                                    gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Nothing is lost or changed on the way through the database. */
  save_three (fixture, ids);
  before = export_csv (fixture, escale_partner_repository_get_partners (fixture->partners), ',');
  reopen (fixture);
  after = export_csv (fixture, escale_partner_repository_get_partners (fixture->partners), ',');
  g_assert_cmpstr (after, ==, before);
}

static void
test_csv_export_empty_list (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GListStore) nobody = g_list_store_new (ESCALE_TYPE_PARTNER);
  g_autofree char *csv = export_csv (fixture, G_LIST_MODEL (nobody), ',');
  g_autoptr(GPtrArray) rows = test_csv_read (csv, ',');

  /* The header alone, so that the file still opens with its columns. */
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, N_COLUMNS);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "Id");
}

static void
test_csv_export_flushes (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 ids[3];
  g_autoptr(GOutputStream) base = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (base, 1 << 16);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GListModel *partners;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (base);

  save_three (fixture, ids);
  partners = escale_partner_repository_get_partners (fixture->partners);
  expected = export_csv (fixture, partners, ',');

  /* When the export returns, everything has left the buffers, even with
   * the stream still open. */
  g_assert_true (escale_partner_export_csv (partners, fixture->regions, buffered, ',', &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_memory_output_stream_get_data (memory), g_memory_output_stream_get_data_size (memory),
                   expected, strlen (expected));
}

static void
test_csv_export_reports_write_errors (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = make_partner ();
  g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) small = NULL;
  g_autoptr(GError) error = NULL;
  char buffer[256];
  GListModel *partners = escale_partner_repository_get_partners (fixture->partners);

  save_ok (fixture, partner);

  g_assert_true (g_output_stream_close (closed, NULL, NULL));
  g_assert_false (escale_partner_export_csv (partners, fixture->regions, closed, ',', &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);

  /* The header fits, the partner's row does not: the disk filled up. */
  small = g_memory_output_stream_new (buffer, sizeof buffer, NULL, NULL);
  g_assert_false (escale_partner_export_csv (partners, fixture->regions, small, ',', &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_csv_export_to_file (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *path = g_build_filename (fixture->folder, "partenaires.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *partners;
  GStatBuf st;
  gsize length;

  save_three (fixture, ids);
  partners = escale_partner_repository_get_partners (fixture->partners);
  expected = export_csv (fixture, partners, ';');

  /* Last week's export is replaced, not appended to. */
  g_assert_true (g_file_set_contents (path, "ancien export\r\n", -1, &error));
  g_assert_true (escale_partner_export_csv_file (partners, fixture->regions, path, ';', &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpstr (contents, ==, expected);
  rows = test_csv_read (contents, ';');
  g_assert_cmpuint (rows->len, ==, 4);

  /* Personal information: only its owner may read the file. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_csv_export_to_missing_folder (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *folder = g_build_filename (fixture->folder, "absent", NULL);
  g_autofree char *path = g_build_filename (folder, "partenaires.csv", NULL);
  g_autoptr(GError) error = NULL;

  save_three (fixture, ids);
  g_assert_false (escale_partner_export_csv_file (escale_partner_repository_get_partners (fixture->partners),
                                                  fixture->regions, path, ',', &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static void
on_export_written (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window's export writes from another thread; the file and the error
 * are the same as the command line's. */
static void
test_csv_export_to_file_async (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *path = g_build_filename (fixture->folder, "partenaires.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->folder, "absent", "partenaires.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *partners;

  save_three (fixture, ids);
  partners = escale_partner_repository_get_partners (fixture->partners);
  expected = export_csv (fixture, partners, ',');

  escale_partner_export_csv_file_async (partners, fixture->regions, path, ',', NULL, on_export_written, &written);
  escale_partner_export_csv_file_async (partners, fixture->regions, missing, ',', NULL, on_export_written, &refused);
  while (written == NULL || refused == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (escale_partner_export_csv_file_finish (written, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_false (escale_partner_export_csv_file_finish (refused, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/escape/plain-and-quoted", test_escape_plain_and_quoted);
  g_test_add_func ("/export/csv/escape/neutralises-formulas", test_escape_neutralises_formulas);
  g_test_add_func ("/export/csv/escape/depends-on-separator", test_escape_depends_on_separator);
  g_test_add_func ("/export/csv/writer/bom-and-crlf", test_writer_bom_and_crlf);
  g_test_add_func ("/export/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/export/csv/writer/reports-errors", test_writer_reports_errors);
  g_test_add_func ("/export/csv/separator/c-locale", test_separator_for_c_locale);
  ADD ("/export/json/summary", test_json_summary);
  ADD ("/export/json/full", test_json_full);
  ADD ("/export/json/missing-values-are-null", test_json_missing_values_are_null);
  ADD ("/export/json/next-step", test_json_next_step);
  ADD ("/export/json/region-and-archived", test_json_region_and_archived);
  ADD ("/export/csv/partners", test_csv_export);
  ADD ("/export/csv/partners-with-semicolons", test_csv_export_with_semicolons);
  ADD ("/export/csv/partners-with-tabs", test_csv_export_with_tabs);
  ADD ("/export/csv/survives-reopening", test_csv_export_survives_reopening);
  ADD ("/export/csv/empty-list", test_csv_export_empty_list);
  ADD ("/export/csv/flushes", test_csv_export_flushes);
  ADD ("/export/csv/write-errors", test_csv_export_reports_write_errors);
  ADD ("/export/csv/file", test_csv_export_to_file);
  ADD ("/export/csv/file-in-missing-folder", test_csv_export_to_missing_folder);
  ADD ("/export/csv/file-async", test_csv_export_to_file_async);

  return g_test_run ();
}
