/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "escale-csv-writer.h"
#include "escale-enums.h"
#include "escale-participant-export.h"
#include "escale-participant-import.h"
#include "test-csv.h"

#include "participant-fixture.h"

/* Registrants of a fair or a web form, as the spreadsheet wrote them: every
 * encoding and separator Excel uses, French and English headers, rows that
 * are wrong or ragged, people already known. The check writes nothing, the
 * run is one transaction, a second import adds nobody, and the export reads
 * back as it was written. */

/* Building and reading */

static EscaleParticipantImport *
import_bytes (const char *data,
              gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  EscaleParticipantImport *import = escale_participant_import_new (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static EscaleParticipantImport *
import_text (const char *text)
{
  return import_bytes (text, strlen (text));
}

/* The check (a preview) or the run (the import), without progress. */
static EscaleImportReport *
pass_ok (Fixture                 *fixture,
         EscaleParticipantImport *import,
         gboolean                 run)
{
  g_autoptr(GError) error = NULL;
  EscaleImportReport *report;

  if (run)
    report = escale_participant_import_run (import, fixture->participants, region_list (fixture),
                                            NULL, NULL, NULL, &error);
  else
    report = escale_participant_import_check (import, fixture->participants, region_list (fixture),
                                              NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static EscaleImportReport *
check_ok (Fixture                 *fixture,
          EscaleParticipantImport *import)
{
  return pass_ok (fixture, import, FALSE);
}

static EscaleImportReport *
run_ok (Fixture                 *fixture,
        EscaleParticipantImport *import)
{
  return pass_ok (fixture, import, TRUE);
}

/* "rows 5: new 2, duplicates 1, already 0, rejected 2; imported 2" */
static char *
counts_of (const EscaleImportReport *report)
{
  return g_strdup_printf ("rows %u: new %u, duplicates %u, already %u, rejected %u; imported %u",
                          report->rows->len, report->n_new, report->n_duplicates,
                          report->n_already_imported, report->n_rejected, report->n_imported);
}

/* Every row as "line:outcome", with whom a duplicate repeats and why:
 * "2:new 3:duplicate(#1, same email address) 4:duplicate(line 2, the same row)". */
static char *
outcomes_of (const EscaleImportReport *report)
{
  static const char *const names[] = { "new", "duplicate", "already", "rejected" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < report->rows->len; i++)
    {
      const EscaleImportRow *row = report->rows->pdata[i];

      g_string_append_printf (text, "%s%u:%s", i > 0 ? " " : "", row->line, names[row->outcome]);
      if (row->outcome == ESCALE_IMPORT_OUTCOME_DUPLICATE && row->duplicate_of != 0)
        g_string_append_printf (text, "(#%" G_GINT64_FORMAT ", %s)", row->duplicate_of, row->duplicate_reason);
      else if (row->outcome == ESCALE_IMPORT_OUTCOME_DUPLICATE)
        g_string_append_printf (text, "(line %u, %s)", row->duplicate_of_line, row->duplicate_reason);
      else if (row->outcome == ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED)
        g_string_append_printf (text, "(#%" G_GINT64_FORMAT ")", row->duplicate_of);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The problems of the row at @index, separated by " | ". */
static char *
problems_at (const EscaleImportReport *report,
             guint                     index)
{
  const EscaleImportRow *row = report->rows->pdata[index];
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " | " : "", (const char *) row->problems->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The field each column is read as: "given-name,family-name,email,-". */
static char *
mapping_of (EscaleParticipantImport *import)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < escale_participant_import_get_n_columns (import); i++)
    {
      int field = escale_participant_import_get_column_field (import, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "," : "",
                              field >= 0 ? escale_participant_field_get_name (field) : "-");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The participant made from the row at @index. */
static EscaleParticipant *
imported_at (Fixture                  *fixture,
             const EscaleImportReport *report,
             guint                     index)
{
  const EscaleImportRow *row = index < report->rows->len ? report->rows->pdata[index] : NULL;

  g_assert_nonnull (row);
  if (row == NULL || row->imported_id == 0)
    {
      g_test_fail_printf ("Row %u was not imported", index);
      return NULL;
    }
  return load_ok (fixture, row->imported_id);
}

/* Compares text that the test owns, and frees it. */
#define ASSERT_TEXT(owned, expected) \
  G_STMT_START { g_autofree char *text_ = (owned); g_assert_cmpstr (text_, ==, (expected)); } G_STMT_END

/* The row at @index was imported with these fields, each "name=value" as
 * describe_participant() writes them, one a line. */
static void
assert_imported_with (Fixture                  *fixture,
                      const EscaleImportReport *report,
                      guint                     index,
                      const char               *fields)
{
  g_autoptr(EscaleParticipant) participant = imported_at (fixture, report, index);
  g_autofree char *description = NULL;
  g_auto(GStrv) lines = g_strsplit (fields, "\n", -1);

  if (participant == NULL)
    return;
  description = describe_participant (participant, region_list (fixture));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", lines[i]);

      if (*lines[i] != '\0' && strstr (description, line) == NULL)
        g_test_fail_printf ("Row %u was imported without “%s”:\n%s", index, lines[i], description);
    }
}

/* Everything an import can write, fingerprints included. */
static char *
database_state (Fixture *fixture)
{
  g_autofree char *counts = row_counts (fixture);

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, counts,
                          sql_int (fixture, "SELECT count(*) FROM participant_import_row"));
}

/* Encodings */

#define PEOPLE_UTF8 \
  "Prénom,Nom,Courriel\r\n" \
  "Hélène,Côté,helene@example.org\r\n" \
  "Seán,O’Brien,sean@example.org\r\n"

static void
assert_people_imported (Fixture                 *fixture,
                        EscaleParticipantImport *import)
{
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

  ASSERT_TEXT (mapping_of (import), "given-name,family-name,email");
  ASSERT_TEXT (counts_of (report), "rows 2: new 2, duplicates 0, already 0, rejected 0; imported 2");
  assert_imported_with (fixture, report, 0, "given-name=Hélène\nfamily-name=Côté\nemail=helene@example.org");
  assert_imported_with (fixture, report, 1, "given-name=Seán\nfamily-name=O’Brien\nemail=sean@example.org");
  g_assert_cmpstr (escale_participant_import_get_header (import, 0), ==, "Prénom");
}

/* UTF-8 with or without its mark, UTF-16 with a mark in either order; the
 * mark is never part of the first header. */
static void
test_unicode (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char         *bom;
    const char         *charset;
    EscaleTextEncoding  encoding;
  } cases[] = {
    { "", "UTF-8", ESCALE_TEXT_ENCODING_UTF8 },
    { "\xEF\xBB\xBF", "UTF-8", ESCALE_TEXT_ENCODING_UTF8_BOM },
    { "\xFF\xFE", "UTF-16LE", ESCALE_TEXT_ENCODING_UTF16LE },
    { "\xFE\xFF", "UTF-16BE", ESCALE_TEXT_ENCODING_UTF16BE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleParticipantImport) import = NULL;
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autofree char *body = NULL;
      gsize length = 0;

      g_test_message ("%s, mark of %zu bytes", cases[i].charset, strlen (cases[i].bom));
      body = g_convert (PEOPLE_UTF8, -1, cases[i].charset, "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
      g_byte_array_append (bytes, (const guint8 *) cases[i].bom, strlen (cases[i].bom));
      g_byte_array_append (bytes, (const guint8 *) body, length);

      import = import_bytes ((const char *) bytes->data, bytes->len);
      g_assert_cmpint (escale_participant_import_get_encoding (import), ==, cases[i].encoding);
      assert_people_imported (fixture, import);
      exec_sql (fixture, "DELETE FROM participant");
    }
}

/* What Excel's "CSV (separated by semicolons)" writes on a French Windows:
 * accents, and the curly quotes and dashes of 0x80–0x9F. */
static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char file[] =
    "Pr\xe9nom;Nom de famille;Courriel;Profession\r\n"
    "H\xe9l\xe8ne;C\xf4t\xe9;helene@example.org;\x93" "Chef\x94 cuisinier\r\n"
    "Se\xe1n;O\x92" "Brien;sean@example.org;Ing\xe9nieur \x96 logiciel\r\n";
  g_autoptr(EscaleParticipantImport) import = import_text (file);
  g_autoptr(EscaleImportReport) report = NULL;

  g_assert_cmpint (escale_participant_import_get_encoding (import), ==, ESCALE_TEXT_ENCODING_WINDOWS_1252);
  g_assert_cmpint (escale_participant_import_get_separator (import), ==, ';');
  ASSERT_TEXT (mapping_of (import), "given-name,family-name,email,occupation");

  report = run_ok (fixture, import);
  g_assert_cmpuint (report->n_imported, ==, 2);
  assert_imported_with (fixture, report, 0, "given-name=Hélène\nfamily-name=Côté\noccupation=“Chef” cuisinier");
  assert_imported_with (fixture, report, 1, "given-name=Seán\nfamily-name=O’Brien\noccupation=Ingénieur – logiciel");
}

/* Reading cells */

/* Separators and line breaks inside quotes belong to the cell; the line
 * numbers of the rows after them are still the editor's. */
static void
test_quoted_cells (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char file[] =
    "Prénom,Nom,Ville,Profession,Régions d'intérêt\r\n"                         /* 1 */
    "Marie,Tremblay,\"Montréal, QC\",\"Infirmière\r\nauxiliaire\",\"01\n08\"\r\n" /* 2–4 */
    "Paul,Roy,Lévis,\"Soudeur, \"\"classe A\"\"\",12\r\n"                        /* 5 */
    "\r\n"                                                                        /* 6 */
    "Luc,Gagnon,,,99\r\n"                                                         /* 7 */
    "Ana,Silva,\"Québec\nQC\",,pas-une-région\r\n";                               /* 8–9 */
  g_autoptr(EscaleParticipantImport) import = import_text (file);
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

  g_assert_cmpint (escale_participant_import_get_separator (import), ==, ',');
  g_assert_cmpuint (escale_participant_import_get_n_rows (import), ==, 4);
  g_assert_cmpstr (escale_participant_import_get_cell (import, 0, 3), ==, "Infirmière\nauxiliaire");
  ASSERT_TEXT (outcomes_of (report), "2:new 5:new 7:rejected 8:rejected");
  ASSERT_TEXT (problems_at (report, 2), "Column “Régions d'intérêt”: “99” is not one of Québec’s 17 regions");
  ASSERT_TEXT (problems_at (report, 3),
               "Column “Régions d'intérêt”: “pas-une-région” is not one of Québec’s 17 regions");

  assert_imported_with (fixture, report, 0,
                        "city=Montréal, QC\n"
                        "occupation=Infirmière auxiliaire\n"
                        "regions=Bas-Saint-Laurent, Abitibi-Témiscamingue");
  assert_imported_with (fixture, report, 1, "occupation=Soudeur, \"classe A\"\nregions=Chaudière-Appalaches");
}

/* A row with missing or surplus cells is rejected whole: its values would
 * land in other columns. Empty cells after the last column are what some
 * spreadsheets write, and are accepted. */
static void
test_ragged_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char file[] =
    "Prénom,Nom,Courriel\n"
    "Marie,Tremblay,marie@example.org\n"
    "Jean,Roy\n"
    "Paul,Côté,paul@example.org,surplus\n"
    "Luc,Gagnon,luc@example.org,,\n"
    "Ana,Silva,ana@example.org, ,\n";
  g_autoptr(EscaleParticipantImport) import = import_text (file);
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

  ASSERT_TEXT (outcomes_of (report), "2:new 3:rejected 4:rejected 5:new 6:new");
  ASSERT_TEXT (problems_at (report, 1), "This row has 2 cells where the first line names 3 columns; "
                                        "it was left out so that no value lands in the wrong column");
  ASSERT_TEXT (problems_at (report, 2), "This row has 4 cells where the first line names 3 columns; "
                                        "it was left out so that no value lands in the wrong column");
  g_assert_cmpstr (((EscaleImportRow *) report->rows->pdata[1])->name, ==, "Jean Roy");

  /* Nothing shifted: each value is where its header says. */
  assert_imported_with (fixture, report, 3, "given-name=Luc\nfamily-name=Gagnon\nemail=luc@example.org");
  assert_imported_with (fixture, report, 4, "given-name=Ana\nfamily-name=Silva\nemail=ana@example.org");
  g_assert_cmpint (escale_participant_repository_count (fixture->participants), ==, 3);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM participant WHERE given_name IN ('Jean', 'Paul')"), ==, 0);
}

/* Columns */

/* French and English headers of real forms, separated by semicolons,
 * commas or tabs. A second "Téléphone" is the other phone; a second
 * "Courriel" is left out rather than overwriting the first. A consent
 * column is nobody's consent: no field reads it. */
static void
test_headers (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    char        separator;
    const char *file;
    const char *mapping;
    const char *fields;
  } cases[] = {
    { ';', "Prénom;Nom de famille;Courriel;Cellulaire;Date d’arrivée au Québec;Ville de résidence;Consentement\n"
      "Hélène;Côté;HELENE@Example.ORG;(418) 555-0123;2024/03/15;Rimouski;Oui\n",
      "given-name,family-name,email,phone,arrived-on,city,-",
      "email=HELENE@example.org\nphone=418 555-0123\narrived-on=2024-03-15\ncity=Rimouski" },
    { ',', "First name,Last name,E-mail,Phone number,Year of birth,Country of origin,Notes\n"
      "Sean,O'Brien,sean@example.org,514.555.0199,1990-06-01,Irlande,Met at the fair\n",
      "given-name,family-name,email,phone,birth-year,country-of-origin,-",
      "given-name=Sean\nphone=514 555-0199\nbirth-year=1990\ncountry-of-origin=Irlande\nsource=" },
    { ',', "Prénom,Nom,Téléphone,Téléphone,Courriel,Courriel\n"
      "Marie,Tremblay,819 555-0123,581 555-0145,marie@example.org,autre@example.org\n",
      "given-name,family-name,phone,other-phone,email,-",
      "phone=819 555-0123\nother-phone=581 555-0145\nemail=marie@example.org" },
    { '\t', "Prénom\tNom\tVille\tProfession\nLuc\tGagnon\tLévis\tSoudeur, classe A\n",
      "given-name,family-name,city,occupation",
      "city=Lévis\noccupation=Soudeur, classe A" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EscaleParticipantImport) import = import_text (cases[i].file);
      g_autoptr(EscaleImportReport) report = NULL;

      g_test_message ("%s", cases[i].mapping);
      g_assert_cmpint (escale_participant_import_get_separator (import), ==, cases[i].separator);
      ASSERT_TEXT (mapping_of (import), cases[i].mapping);
      report = run_ok (fixture, import);
      g_assert_cmpuint (report->n_imported, ==, 1);
      assert_imported_with (fixture, report, 0, cases[i].fields);
    }
}

/* Without a column for a name, no row can be read: a problem of the whole
 * file, and the run imports nothing until the mapping is corrected. */
static void
test_missing_name_column (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import =
    import_text ("Prénom,Famille,Courriel\nMarie,Tremblay,marie@example.org\nJean,Roy,jean@example.org\n");
  g_autoptr(EscaleImportReport) check = check_ok (fixture, import);
  g_autoptr(EscaleImportReport) refused = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autofree char *before = database_state (fixture);

  g_assert_cmpuint (check->problems->len, ==, 1);
  g_assert_cmpstr (check->problems->pdata[0], ==,
                   "No column is read as “Family name”: choose the column that holds it");
  g_assert_cmpuint (check->rows->len, ==, 0);

  refused = run_ok (fixture, import);
  g_assert_cmpuint (refused->problems->len, ==, 1);
  g_assert_false (refused->committed);
  g_assert_cmpuint (refused->n_imported, ==, 0);
  ASSERT_TEXT (database_state (fixture), before);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  escale_participant_import_set_column_field (import, 1, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME);
  report = run_ok (fixture, import);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (report->committed);
  ASSERT_TEXT (counts_of (report), "rows 2: new 2, duplicates 0, already 0, rejected 0; imported 2");
}

static void
test_set_column_field (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import =
    import_text ("Prénom,Nom,Courriel,Courriel du travail,Cell\n"
                 "Marie,Tremblay,marie@example.org,mtremblay@cisss.example,418 555-0123\n");
  g_autoptr(EscaleImportReport) report = NULL;

  ASSERT_TEXT (mapping_of (import), "given-name,family-name,email,-,phone");

  /* A field goes to one column: the column that had it is left out. */
  escale_participant_import_set_column_field (import, 3, ESCALE_PARTICIPANT_FIELD_EMAIL);
  ASSERT_TEXT (mapping_of (import), "given-name,family-name,-,email,phone");
  escale_participant_import_set_column_field (import, 4, -1);
  ASSERT_TEXT (mapping_of (import), "given-name,family-name,-,email,-");

  report = run_ok (fixture, import);
  assert_imported_with (fixture, report, 0, "email=mtremblay@cisss.example\nphone=");
}

/* More commas than semicolons in the first line fool the guess; the
 * counsellor picks the separator, the file is read again and its columns
 * guessed again. */
static void
test_set_separator (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import =
    import_text ("Prénom;Nom;Ville, province, pays, code postal\n"
                 "Marie;Tremblay;Lévis, QC, Canada, G6V 1A1\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleImportReport) report = NULL;

  g_assert_cmpint (escale_participant_import_get_separator (import), ==, ',');
  g_assert_cmpuint (escale_participant_import_get_n_columns (import), ==, 4);
  ASSERT_TEXT (mapping_of (import), "-,-,country-of-origin,-");

  g_assert_true (escale_participant_import_set_separator (import, ';', &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_participant_import_get_separator (import), ==, ';');
  g_assert_cmpuint (escale_participant_import_get_n_columns (import), ==, 3);
  g_assert_cmpuint (escale_participant_import_get_n_rows (import), ==, 1);
  g_assert_cmpstr (escale_participant_import_get_header (import, 2), ==, "Ville, province, pays, code postal");
  g_assert_cmpstr (escale_participant_import_get_cell (import, 0, 2), ==, "Lévis, QC, Canada, G6V 1A1");
  ASSERT_TEXT (mapping_of (import), "given-name,family-name,-");

  report = run_ok (fixture, import);
  g_assert_cmpuint (report->n_imported, ==, 1);
}

/* Row problems */

/* Each problem names the column as the file heads it, and what is wrong. */
static void
test_row_problems (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import =
    import_text ("Prénom,Nom,Courriel,Année de naissance,Niveau de français,Statut,Cellulaire\n"
                 "Marie,Tremblay,pas-un-courriel,19xx,13,Touriste,555-0123\n"
                 ",Roy,,,,,\n"
                 "Paul,Côté,paul@example.org,1985,NCLC 7,RP,\n");
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

  ASSERT_TEXT (outcomes_of (report), "2:rejected 3:rejected 4:new");
  ASSERT_TEXT (problems_at (report, 0),
               "Column “Courriel”: Enter an email address such as name@example.org | "
               "Column “Année de naissance”: Enter a year of birth such as 1988 | "
               "Column “Niveau de français”: Enter a level from 1 to 12 | "
               "Column “Statut”: “Touriste” is not one of the choices | "
               "Column “Cellulaire”: Enter a 10-digit Canadian phone number such as 514 555-0123");
  ASSERT_TEXT (problems_at (report, 1), "Column “Prénom”: This field is required");
  assert_imported_with (fixture, report, 2, "french-level=7\nimmigration-status=Permanent resident");
}

/* Transactions */

static const char mixed_file[] =
  "Prénom,Nom,Courriel\n"
  "Marie,Tremblay,marie@example.org\n"
  "Jean,Roy,JEAN.ROY@example.org\n"
  "Paul,Côté,pas-un-courriel\n"
  "Ana,Silva,ana@example.org\n";

static gint64
save_jean_roy (Fixture *fixture)
{
  g_autoptr(EscaleParticipant) jean =
    new_participant ("Jean", "Roy", ESCALE_PARTICIPANT_FIELD_EMAIL, "jean.roy@example.org", END_OF_FIELDS);

  return save_ok (fixture, jean);
}

/* The check writes nothing; the run writes the people, and one audit entry
 * "import" for each. */
static void
test_check_then_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import = import_text (mixed_file);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autofree char *before = NULL;

  g_assert_cmpint (save_jean_roy (fixture), ==, 1);
  before = database_state (fixture);
  fixture->n_changed = 0;
  report = check_ok (fixture, import);

  ASSERT_TEXT (outcomes_of (report), "2:new 3:duplicate(#1, same email address) 4:rejected 5:new");
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_false (report->committed);
  ASSERT_TEXT (database_state (fixture), before);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  for (guint i = 0; i < report->rows->len; i++)
    g_assert_cmpint (((EscaleImportRow *) report->rows->pdata[i])->imported_id, ==, 0);

  g_clear_pointer (&report, escale_import_report_free);
  report = run_ok (fixture, import);
  ASSERT_TEXT (counts_of (report), "rows 4: new 2, duplicates 1, already 0, rejected 1; imported 2");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  ASSERT_TEXT (audit_actions (fixture, ((EscaleImportRow *) report->rows->pdata[0])->imported_id), "import");
  ASSERT_TEXT (audit_actions (fixture, ((EscaleImportRow *) report->rows->pdata[3])->imported_id), "import");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 2);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_after;
  GArray       *fractions;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancellable != NULL && fraction > progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

static char *
many_rows (guint n)
{
  g_autoptr(GString) text = g_string_new ("Prénom,Nom,Courriel\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Personne,Numéro %u,personne%u@example.org\n", i, i);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Cancelled halfway, the run leaves the database as it was, whether the
 * file is short (cancelled as it starts) or long (cancelled past its
 * first rows). */
static void
test_cancel_leaves_database_unchanged (Fixture       *fixture,
                                       gconstpointer  data)
{
  static const struct
  {
    guint  n_rows;
    double cancel_after;
  } cases[] = {
    { 3, -1.0 },
    { 600, 0.0 },
  };

  save_jean_roy (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = many_rows (cases[i].n_rows);
      g_autoptr(EscaleParticipantImport) import = import_text (text);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(EscaleImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = database_state (fixture);
      Progress progress = { cancellable, cases[i].cancel_after, fractions };

      g_test_message ("%u rows", cases[i].n_rows);
      fixture->n_changed = 0;
      report = escale_participant_import_run (import, fixture->participants, region_list (fixture),
                                              cancellable, on_progress, &progress, &error);
      g_assert_true (g_cancellable_is_cancelled (cancellable));
      g_assert_null (report);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      ASSERT_TEXT (database_state (fixture), before);
      g_assert_cmpuint (fixture->n_changed, ==, 0);
    }

  /* Nothing is left open: the next import goes through. */
  {
    g_autoptr(EscaleParticipantImport) import = import_text (PEOPLE_UTF8);
    g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

    g_assert_cmpuint (report->n_imported, ==, 2);
    g_assert_true (report->committed);
  }
}

/* One "changed" per run (none for a check, see above); progress from 0
 * to 1. */
static void
test_changed_and_progress (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *text = many_rows (600);
  g_autoptr(EscaleParticipantImport) import = import_text (text);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL, 0, fractions };

  report = escale_participant_import_run (import, fixture->participants, region_list (fixture),
                                          NULL, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, ==, 600);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < fractions->len; i++)
    {
      g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
      g_assert_cmpfloat (g_array_index (fractions, double, i), <=, 1.0);
    }
}

/* Importing the same file again, even with its columns in another order,
 * adds nobody: every row says who it became the first time. */
static void
test_reimport_adds_nobody (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char first[] =
    "Prénom,Nom,Courriel,Ville\n"
    "Marie,Tremblay,marie@example.org,Lévis\n"
    "Jean,Roy,,Rimouski\n"
    "Ana,Silva,ana@example.org,\n";
  static const char reordered[] =
    "Ville;Courriel;Nom;Prénom;Consentement\n"
    "Lévis;marie@example.org;Tremblay;Marie;Oui\n"
    "Rimouski;;Roy;Jean;Non\n"
    ";ana@example.org;Silva;Ana;\n";
  const char *const files[] = { first, reordered };
  g_autoptr(EscaleParticipantImport) import = import_text (first);
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);
  g_autofree char *state = database_state (fixture);

  ASSERT_TEXT (outcomes_of (report), "2:new 3:new 4:new");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(EscaleParticipantImport) again = import_text (files[i]);
      g_autoptr(EscaleImportReport) check = check_ok (fixture, again);
      g_autoptr(EscaleImportReport) second = run_ok (fixture, again);

      g_test_message ("file %u", i);
      ASSERT_TEXT (outcomes_of (check), "2:already(#1) 3:already(#2) 4:already(#3)");
      ASSERT_TEXT (outcomes_of (second), "2:already(#1) 3:already(#2) 4:already(#3)");
      ASSERT_TEXT (counts_of (second), "rows 3: new 0, duplicates 0, already 3, rejected 0; imported 0");
      ASSERT_TEXT (database_state (fixture), state);
    }
}

/* A file imported by an earlier Escale is recognised too: the fingerprints
 * are those it stored for this file, spaces of every kind trimmed and
 * collapsed as escale_normalize_text() does. */
static void
test_reimport_from_earlier_version (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char file[] =
    "Prénom;Nom;Courriel;Ville;Régions\n"
    "  Marie \xc2\xa0" "Ève ;Tremblay  Roy;marie@example.org;\tLévis;Bas-Saint-Laurent, 02\n"
    "Jean;Roy;;Rimouski;\n";
  g_autoptr(EscaleParticipantImport) import = import_text (file);
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

  ASSERT_TEXT (counts_of (report), "rows 2: new 2, duplicates 0, already 0, rejected 0; imported 2");
  ASSERT_TEXT (sql_text (fixture, "SELECT group_concat (fingerprint, ' ') FROM "
                                  "(SELECT fingerprint FROM participant_import_row ORDER BY participant_id)"),
               "692019cf07ead5df8272379c59e6538b44468c3661133b6c4442630fccb2326c "
               "c68bdf3e1986d60c7f21a2cec68ba2abd83c48bebd4fe5c61cf0ef179fb37740");
}

/* Duplicates */

/* Saves Marie Tremblay (#1) and Jean Roy (#2) as a counsellor typed them. */
static void
save_known_people (Fixture *fixture)
{
  g_autoptr(EscaleParticipant) marie =
    new_participant ("Marie", "Tremblay",
                     ESCALE_PARTICIPANT_FIELD_EMAIL, "Marie.Tremblay@Example.org",
                     ESCALE_PARTICIPANT_FIELD_PHONE, "514 555-0101",
                     ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                     END_OF_FIELDS);
  g_autoptr(EscaleParticipant) jean =
    new_participant ("Jean", "Roy", ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, "418 555-0199", END_OF_FIELDS);

  g_assert_cmpint (save_ok (fixture, marie), ==, 1);
  g_assert_cmpint (save_ok (fixture, jean), ==, 2);
}

static const char duplicates_file[] =
  "Prénom,Nom,Courriel,Téléphone,Année de naissance\n"
  "Maria,Tremblay-Roy,MARIE.TREMBLAY@example.ORG,,\n"       /* 2: Marie's email */
  "Pierre,Lavoie,,(514) 555.0101,\n"                         /* 3: Marie's phone */
  "marie,TREMBLAY,m.t@example.org,,1990\n"                   /* 4: Marie's name and year */
  "Tremblay,Marie,,,1990\n"                                  /* 5: the same, swapped */
  "Sophie,Gagnon,sophie@example.org,,\n"                     /* 6: new */
  "Sophie G.,Gagnon,SOPHIE@example.org,,\n"                  /* 7: line 6's email */
  "Luc,Gagnon,,1-418-555-0199,\n"                            /* 8: Jean's other phone */
  "Sophie,Gagnon,sophie@example.org,,\n";                    /* 9: line 6 again */

#define DUPLICATE_OUTCOMES \
  "2:duplicate(#1, same email address) 3:duplicate(#1, same phone number) " \
  "4:duplicate(#1, same name and year of birth) 5:duplicate(#1, same name and year of birth) " \
  "6:new 7:duplicate(line 6, same email address) 8:duplicate(#2, same phone number) " \
  "9:duplicate(line 6, the same row)"

static void
test_duplicates_left_out (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import = import_text (duplicates_file);
  g_autoptr(EscaleImportReport) check = NULL;
  g_autoptr(EscaleImportReport) report = NULL;

  save_known_people (fixture);
  check = check_ok (fixture, import);
  ASSERT_TEXT (outcomes_of (check), DUPLICATE_OUTCOMES);

  /* The run says what the check said. */
  report = run_ok (fixture, import);
  ASSERT_TEXT (outcomes_of (report), DUPLICATE_OUTCOMES);
  ASSERT_TEXT (counts_of (report), "rows 8: new 1, duplicates 7, already 0, rejected 0; imported 1");
  g_assert_cmpint (escale_participant_repository_count (fixture->participants), ==, 3);
  assert_imported_with (fixture, report, 4, "given-name=Sophie\nfamily-name=Gagnon\nemail=sophie@example.org");
  for (guint i = 0; i < report->rows->len; i++)
    {
      if (i != 4)
        g_assert_cmpint (((EscaleImportRow *) report->rows->pdata[i])->imported_id, ==, 0);
    }
}

/* Asked to, the import takes them too, for the counsellor to merge. */
static void
test_duplicates_included (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import = import_text (duplicates_file);
  g_autoptr(EscaleImportReport) report = NULL;

  save_known_people (fixture);
  escale_participant_import_set_include_duplicates (import, TRUE);
  report = run_ok (fixture, import);

  ASSERT_TEXT (outcomes_of (report), DUPLICATE_OUTCOMES);
  ASSERT_TEXT (counts_of (report), "rows 8: new 1, duplicates 7, already 0, rejected 0; imported 8");
  g_assert_cmpint (escale_participant_repository_count (fixture->participants), ==, 10);
  assert_imported_with (fixture, report, 3, "given-name=Tremblay\nfamily-name=Marie\nemail=");
}

/* Consent and audit */

/* A "Consentement" column is no consent: it is recorded with the person,
 * with the notice they were shown. */
static void
test_no_consent_from_import (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EscaleParticipantImport) import =
    import_text ("Prénom,Nom,Consentement,Consent\nMarie,Tremblay,Oui,Yes\nJean,Roy,oui,x\n");
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);

  ASSERT_TEXT (mapping_of (import), "given-name,family-name,-,-");
  g_assert_cmpuint (report->n_imported, ==, 2);
  for (guint i = 0; i < report->rows->len; i++)
    {
      g_autoptr(EscaleParticipant) participant = imported_at (fixture, report, i);

      if (participant == NULL)
        continue;
      g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_consents (participant)), ==, 0);
      for (guint purpose = 0; purpose < ESCALE_N_CONSENT_PURPOSES; purpose++)
        g_assert_false (escale_participant_has_consent (participant, purpose));
    }
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM consent"), ==, 0);
}

/* Rejected rows */

/* The rejected rows as they were, after their line and before their
 * problems, each under its header, for a spreadsheet. */
static void
test_write_rejected (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char file[] =
    "Prénom;Nom;Courriel\n"                                  /* 1 */
    "Marie;Tremblay;marie@example.org\n"                     /* 2 */
    "Jean;Roy\n"                                             /* 3: short */
    "Paul;Côté;pas-un-courriel\n"                            /* 4 */
    "Luc;Gagnon;luc@example.org;surplus\n"                   /* 5: long */
    ";\"Silva\nda Costa\";ana@;;\n"                          /* 6–7: two problems */
    "Zoé;Roy;zoe@example.org\n";                             /* 8 */
  static const char *const expected[][5] = {
    { "Line", "Prénom", "Nom", "Courriel", "Problems" },
    { "3", "Jean", "Roy", "", "This row has 2 cells where the first line names 3 columns; "
                              "it was left out so that no value lands in the wrong column" },
    { "4", "Paul", "Côté", "pas-un-courriel", "Column “Courriel”: Enter an email address such as name@example.org" },
    { "5", "Luc", "Gagnon", "luc@example.org", "This row has 4 cells where the first line names 3 columns; "
                                               "it was left out so that no value lands in the wrong column" },
    { "6", "", "Silva\nda Costa", "ana@", "Column “Prénom”: This field is required\n"
                                          "Column “Courriel”: Enter an email address such as name@example.org" },
  };
  g_autoptr(EscaleParticipantImport) import = import_text (file);
  g_autoptr(EscaleImportReport) report = run_ok (fixture, import);
  g_autofree char *path = g_build_filename (fixture->folder, "rejetés.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint width;

  ASSERT_TEXT (outcomes_of (report), "2:new 3:rejected 4:rejected 5:rejected 6:rejected 8:new");
  g_assert_true (escale_participant_import_write_rejected (import, report, path, ';', &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  records = test_csv_read (contents, ';');

  /* Every row is as wide as the header, its problems under "Problems",
   * last; a surplus cell is kept, not lost. */
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (expected));
  width = g_strv_length (records->pdata[0]);
  for (guint r = 0; r < records->len && r < G_N_ELEMENTS (expected); r++)
    {
      char **cells = records->pdata[r];

      g_test_message ("row %u", r);
      g_assert_cmpuint (g_strv_length (cells), ==, width);
      for (guint c = 0; c < 4 && cells[c] != NULL; c++)
        g_assert_cmpstr (cells[c], ==, expected[r][c]);
      g_assert_cmpstr (cells[width - 1], ==, expected[r][4]);
    }
  g_assert_nonnull (strstr (contents, ";surplus;"));
}

/* Files that cannot be read at all */

static void
test_unreadable_files (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *contents;
    gssize      length;
    int         code;
  } cases[] = {
    { "absent.csv", NULL, 0, G_FILE_ERROR_NOENT },
    { "vide.csv", "", 0, ESCALE_IMPORT_ERROR_EMPTY },
    { "blancs.csv", "\xEF\xBB\xBF\r\n\r\n", -1, ESCALE_IMPORT_ERROR_EMPTY },
    { "classeur.xlsx", "PK\x03\x04\0\0\0\x14", 8, ESCALE_IMPORT_ERROR_NOT_TEXT },
    { "ouvert.csv", "Prénom,Nom\n\"Marie,Tremblay\n", -1, ESCALE_IMPORT_ERROR_MALFORMED },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->folder, cases[i].name, NULL);
      g_autoptr(GError) refused = NULL;

      g_test_message ("%s", cases[i].name);
      if (cases[i].contents != NULL)
        g_assert_true (g_file_set_contents (path, cases[i].contents, cases[i].length, NULL));
      g_assert_null (escale_participant_import_new_for_file (path, &refused));
      g_assert_error (refused, (i == 0 ? G_FILE_ERROR : ESCALE_IMPORT_ERROR), cases[i].code);
    }
}

/* Export */

static GArray *
all_ids (Fixture *fixture)
{
  EscaleParticipantQuery query;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  escale_participant_query_init (&query);
  ids = escale_participant_repository_search (fixture->participants, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* Cells a spreadsheet would run as formulas get an apostrophe; numbers
 * stay numbers. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie =
    new_participant ("Marie", "Tremblay",
                     ESCALE_PARTICIPANT_FIELD_OCCUPATION, "=HYPERLINK(\"http://x\")",
                     ESCALE_PARTICIPANT_FIELD_CITY, "@SUM(A1)",
                     ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES, "+ espagnol",
                     ESCALE_PARTICIPANT_FIELD_SOURCE, "-ami",
                     ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN, "-12",
                     ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS, "12",
                     END_OF_FIELDS);
  g_autoptr(EscaleParticipant) jean = new_participant ("Jean", "Roy", END_OF_FIELDS);
  g_autofree char *path = g_build_filename (fixture->folder, "participants.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  save_ok (fixture, marie);
  save_ok (fixture, jean);
  ids = all_ids (fixture);

  g_assert_true (escale_participant_export_csv_file (fixture->participants, ids, region_list (fixture),
                                                     path, ';', &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  /* A byte order mark, CRLF and nothing but, the separator asked for. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "ID;Given name;Family name;Preferred name;"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  for (const char *p = strchr (contents, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  records = test_csv_read (contents, ';');
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpuint (g_strv_length (records->pdata[0]), ==, ESCALE_N_PARTICIPANT_FIELDS + 1);

  /* Sorted by family name: Roy, then Tremblay. */
  g_assert_cmpstr (test_csv_cell (records, 1, 2), ==, "Roy");
#define CELL(field) test_csv_cell (records, 2, (field) + 1)
  g_assert_cmpstr (CELL (ESCALE_PARTICIPANT_FIELD_OCCUPATION), ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (CELL (ESCALE_PARTICIPANT_FIELD_CITY), ==, "'@SUM(A1)");
  g_assert_cmpstr (CELL (ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES), ==, "'+ espagnol");
  g_assert_cmpstr (CELL (ESCALE_PARTICIPANT_FIELD_SOURCE), ==, "'-ami");
  g_assert_cmpstr (CELL (ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN), ==, "-12");
  g_assert_cmpstr (CELL (ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS), ==, "12");
#undef CELL

  /* Personal information, for its owner's eyes only. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0077, ==, 0);

  /* Personal information leaving Escale leaves a trace. */
  audit = escale_audit_log_list_for (fixture->database, "participant", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((EscaleAuditEntry *) audit->pdata[0])->action, ==, "export");
  g_assert_cmpstr (((EscaleAuditEntry *) audit->pdata[0])->details, ==, "2 participants");

  /* Tabs and carriage returns cannot start a stored value, but a cell
   * starting with one is neutralised too. */
  ASSERT_TEXT (escale_csv_escape_cell ("\t=1+1", ','), "'\t=1+1");
  ASSERT_TEXT (escale_csv_escape_cell ("\r=1+1", ','), "\"'\r=1+1\"");
  ASSERT_TEXT (escale_csv_escape_cell ("-68.52", ','), "-68.52");
}

static void
on_exported (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window's export: the same file, written from another thread with a
 * connection of its own, and the same trace in the audit log. */
static void
test_export_csv_async (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay", END_OF_FIELDS);
  g_autofree char *path = g_build_filename (fixture->folder, "participants.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (fixture, marie);
  ids = all_ids (fixture);

  escale_participant_export_csv_file_async (fixture->participants, ids, region_list (fixture), path, ',',
                                            NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (escale_participant_export_csv_file_finish (result, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  records = test_csv_read (contents, ',');
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (test_csv_cell (records, 1, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME + 1), ==, "Tremblay");

  audit = escale_audit_log_list_for (fixture->database, "participant", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((EscaleAuditEntry *) audit->pdata[0])->details, ==, "1 participants");
}

/* What Escale exports, Escale imports as it was: every field of every file,
 * into another database. */
static void
test_export_import_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscaleParticipant) full =
    new_participant ("Marie-Ève", "Tremblay",
                     ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "Marivé",
                     ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1988",
                     ESCALE_PARTICIPANT_FIELD_EMAIL, "Marie.T@exemple.ca",
                     ESCALE_PARTICIPANT_FIELD_PHONE, "514 555-0101 x204",
                     ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, "418 555-0199",
                     ESCALE_PARTICIPANT_FIELD_CITY, "Saint-Jean-sur-Richelieu",
                     ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE, "en",
                     ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "Résident permanent",
                     ESCALE_PARTICIPANT_FIELD_ARRIVED_ON, "2023-05-01",
                     ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN, "Maroc",
                     ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL, "7",
                     ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL, "5",
                     ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES, "Arabe; espagnol",
                     ESCALE_PARTICIPANT_FIELD_EDUCATION, "Maîtrise",
                     ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Ingénieure, génie civil",
                     ESCALE_PARTICIPANT_FIELD_NOC_CODE, "21300",
                     ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS, "0",
                     ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE, "oui",
                     ESCALE_PARTICIPANT_FIELD_REGIONS, "01, 11, 06",
                     ESCALE_PARTICIPANT_FIELD_SOURCE, "Salon \"Destination Québec\" 2024",
                     END_OF_FIELDS);
  g_autoptr(EscaleParticipant) bare = new_participant ("Jean", "Roy", END_OF_FIELDS);
  g_autofree char *path = g_build_filename (fixture->folder, "export.csv", NULL);
  g_autoptr(GString) expected_mapping = g_string_new ("-");
  g_autoptr(EscaleParticipantImport) import = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  Fixture other = { NULL, };

  save_ok (fixture, full);
  save_ok (fixture, bare);
  ids = all_ids (fixture);
  g_assert_true (escale_participant_export_csv_file (fixture->participants, ids, region_list (fixture),
                                                     path, ',', &error));
  g_assert_no_error (error);

  /* Every column but the ID is read back as the field it came from. */
  import = escale_participant_import_new_for_file (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    g_string_append_printf (expected_mapping, ",%s", escale_participant_field_get_name (i));
  ASSERT_TEXT (mapping_of (import), expected_mapping->str);

  fixture_set_up (&other, NULL);
  report = run_ok (&other, import);
  g_assert_cmpuint (report->n_imported, ==, 2);

  /* Field by field, as the editor shows them; only the ids differ. */
  for (guint r = 0; r < report->rows->len && r < ids->len; r++)
    {
      g_autoptr(EscaleParticipant) original = load_ok (fixture, g_array_index (ids, gint64, r));
      g_autoptr(EscaleParticipant) copy = imported_at (&other, report, r);
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      if (copy == NULL)
        continue;
      expected = describe_participant (original, region_list (fixture));
      actual = describe_participant (copy, region_list (&other));
      g_assert_cmpstr (strchr (actual, '\n'), ==, strchr (expected, '\n'));
    }
  g_assert_cmpstr (((EscaleImportRow *) report->rows->pdata[1])->name, ==, "Marie-Ève Tremblay");
  fixture_tear_down (&other, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A wrong value fails its test and the suite goes on, so that one bug
   * does not hide the tests after it. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/participant-import/encoding/unicode", test_unicode);
  ADD ("/participant-import/encoding/windows-1252", test_windows_1252);
  ADD ("/participant-import/quoted-cells", test_quoted_cells);
  ADD ("/participant-import/ragged-rows", test_ragged_rows);
  ADD ("/participant-import/headers", test_headers);
  ADD ("/participant-import/mapping/missing-name-column", test_missing_name_column);
  ADD ("/participant-import/mapping/set-column-field", test_set_column_field);
  ADD ("/participant-import/mapping/set-separator", test_set_separator);
  ADD ("/participant-import/row-problems", test_row_problems);
  ADD ("/participant-import/check-then-run", test_check_then_run);
  ADD ("/participant-import/cancel-leaves-database-unchanged", test_cancel_leaves_database_unchanged);
  ADD ("/participant-import/changed-and-progress", test_changed_and_progress);
  ADD ("/participant-import/reimport-adds-nobody", test_reimport_adds_nobody);
  ADD ("/participant-import/reimport-from-earlier-version", test_reimport_from_earlier_version);
  ADD ("/participant-import/duplicates/left-out", test_duplicates_left_out);
  ADD ("/participant-import/duplicates/included", test_duplicates_included);
  ADD ("/participant-import/no-consent", test_no_consent_from_import);
  ADD ("/participant-import/write-rejected", test_write_rejected);
  ADD ("/participant-import/unreadable-files", test_unreadable_files);
  ADD ("/participant-export/csv", test_export_csv);
  ADD ("/participant-export/csv-async", test_export_csv_async);
  ADD ("/participant-export/round-trip", test_export_import_round_trip);
#undef ADD

  return g_test_run ();
}
