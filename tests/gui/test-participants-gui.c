/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-participant-form.h"
#include "escale-participant-import-dialog.h"
#include "escale-participants-page.h"

#include "gui-test-driver.h"

/* The participants page and the import dialog, driven through their
 * widgets under Xvfb. Without a display this test fails; it never skips. */

static EscaleParticipantRepository *
participants_of (GuiTestFixture *fixture)
{
  return escale_context_get_participants (escale_window_get_context (fixture->window));
}

static EscaleParticipantsPage *
page_of (GuiTestFixture *fixture)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTICIPANTS_PAGE, NULL);

  g_assert_nonnull (page);
  return ESCALE_PARTICIPANTS_PAGE (page);
}

static void
show_participants (GuiTestFixture *fixture)
{
  gui_test_show_section (fixture, "participants");
  gui_test_spin (50);
}

/* Three people, saved as the editor would: a form applied, then saved. */
static void
add_people (GuiTestFixture *fixture)
{
  const char *people[][5] = {
    { "Marie", "Tremblay", "marie.tremblay@courriel.example", "Rimouski", "31301" },
    { "José", "Ramírez", "jose.ramirez@courriel.example", "Montréal", "72106" },
    { "Aïcha", "Benali", "aicha.benali@courriel.example", "Laval", "11100" },
  };
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscaleConsent) consent = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      EscaleParticipantForm form = { { NULL } };
      EscaleParticipant *participant = escale_participant_new ();

      form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = people[i][0];
      form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = people[i][1];
      form.values[ESCALE_PARTICIPANT_FIELD_EMAIL] = people[i][2];
      form.values[ESCALE_PARTICIPANT_FIELD_CITY] = people[i][3];
      form.values[ESCALE_PARTICIPANT_FIELD_NOC_CODE] = people[i][4];
      g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
      g_ptr_array_add (participants, participant);
    }

  /* Marie has consented; the others were imported without consent. */
  consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02", "2026-01", "Conseillère");
  escale_participant_add_consent (participants->pdata[0], consent);
  g_assert_true (escale_participant_repository_save_many (participants_of (fixture), participants, &error));
  g_assert_no_error (error);
  gui_test_spin (100);
}

/* The name cells the view shows, depth first: a box of the name and the
 * email under it. */
static void
collect_shown_names (GtkWidget *widget,
                     GString   *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *first = gtk_widget_get_first_child (child);

      if (GTK_IS_BOX (child) && GTK_IS_INSCRIPTION (first))
        g_string_append_printf (names, "%s%s", names->len > 0 ? "; " : "", gtk_inscription_get_text (GTK_INSCRIPTION (first)));
      else
        collect_shown_names (child, names);
    }
}

/* "Family, Given" of each row the view shows, in order: the rows it keeps
 * across searches must show their new content, and no more rows than the
 * list has. */
static char *
shown_names (GuiTestFixture *fixture)
{
  GListModel *model = escale_participants_page_get_model (page_of (fixture));
  GtkWidget *view = gui_test_find_widget (GTK_WIDGET (page_of (fixture)), GTK_TYPE_COLUMN_VIEW, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) listed = g_string_new (NULL);

  gui_test_spin (50);
  collect_shown_names (view, names);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EscaleParticipantSummary) summary = g_list_model_get_item (model, i);

      g_string_append_printf (listed, "%s%s", i > 0 ? "; " : "", escale_participant_summary_get_sort_name (summary));
    }
  g_assert_cmpstr (names->str, ==, listed->str);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_empty_state (GuiTestFixture *fixture,
                  gconstpointer   data)
{
  GtkStack *stack;

  show_participants (fixture);
  stack = gui_test_find_stack_with_page (GTK_WIDGET (page_of (fixture)), "no-results");
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (page_of (fixture)), GTK_TYPE_BUTTON, "_Import a Spreadsheet…"));
}

static void
test_search_filter_sort (GuiTestFixture *fixture,
                         gconstpointer   data)
{
  EscaleParticipantsPage *page;
  GtkSearchEntry *search;
  GtkColumnView *view;
  GtkDropDown *consent;
  g_autofree char *names = NULL;

  add_people (fixture);
  show_participants (fixture);
  page = page_of (fixture);

  names = shown_names (fixture);
  g_assert_cmpstr (names, ==, "Benali, Aïcha; Ramírez, José; Tremblay, Marie");
  g_clear_pointer (&names, g_free);

  /* Search as you type: the start of a word, accents ignored. */
  search = GTK_SEARCH_ENTRY (gui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL));
  gui_test_search (search, "rami");
  names = shown_names (fixture);
  g_assert_cmpstr (names, ==, "Ramírez, José");
  g_clear_pointer (&names, g_free);

  gui_test_search (search, "721");
  names = shown_names (fixture);
  g_assert_cmpstr (names, ==, "Ramírez, José");
  g_clear_pointer (&names, g_free);

  gui_test_search (search, "nobody");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gui_test_find_stack_with_page (GTK_WIDGET (page), "no-results")),
                   ==, "no-results");
  gui_test_search (search, "");

  /* The consent filter: item 2 is "Consent missing". */
  consent = GTK_DROP_DOWN (find_by_tooltip (GTK_WIDGET (page), "Consent to registration and follow-up"));
  g_assert_nonnull (consent);
  gtk_drop_down_set_selected (consent, 2);
  names = shown_names (fixture);
  g_assert_cmpstr (names, ==, "Benali, Aïcha; Ramírez, José");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (consent, 0);

  /* Clicking the City header twice sorts by city, downwards. */
  view = GTK_COLUMN_VIEW (gui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  {
    g_autoptr(GtkColumnViewColumn) city = g_list_model_get_item (gtk_column_view_get_columns (view), 2);

    g_assert_cmpstr (gtk_column_view_column_get_title (city), ==, "City");
    gtk_column_view_sort_by_column (view, city, GTK_SORT_ASCENDING);
    names = shown_names (fixture);
    g_assert_cmpstr (names, ==, "Benali, Aïcha; Ramírez, José; Tremblay, Marie");
    g_clear_pointer (&names, g_free);

    gtk_column_view_sort_by_column (view, city, GTK_SORT_DESCENDING);
    names = shown_names (fixture);
    g_assert_cmpstr (names, ==, "Tremblay, Marie; Ramírez, José; Benali, Aïcha");
  }

  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "participants.png");
}

static gboolean
stack_shows (GtkStack   *stack,
             const char *page)
{
  for (guint waited = 0; waited < 10000; waited += 50)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), page) == 0)
        return TRUE;
      gui_test_spin (50);
    }

  return FALSE;
}

/* A fair's registrants, exported by a French Excel: semicolons and
 * Windows-1252, with three rows that need fixing and a known person. */
static char *
write_fair_file (const char *folder)
{
  const char *rows =
    "Prénom;Nom;Courriel;Cellulaire;Statut;Date d'arrivée;Régions d'intérêt\r\n"
    "Fatou;Diallo;fatou.diallo@courriel.example;514 555-0150;Résidente permanente;2024-03-01;Abitibi\r\n"
    "Karim;Haddad;karim@courriel;514 555-0151;PTO;2023-09-12;Saguenay\r\n"
    "Olga;Kovalenko;olga.k@courriel.example;514 555;Citoyenne;2019-05-20;08\r\n"
    "Li;Wang;li.wang@courriel.example;438 555-0152;Étudiant;2030-01-01;Estrie\r\n"
    "Marie;Tremblay;MARIE.TREMBLAY@courriel.example;;Citoyenne;2015-02-02;Bas-Saint-Laurent\r\n"
    "Pedro;Mendoza;pedro.mendoza@courriel.example;514 555-0153;\"Permis vacances-travail\";2025-06-30;\"Gaspésie; Mauricie\"\r\n";
  g_autofree char *latin = g_convert (rows, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
  char *path = g_build_filename (folder, "salon.csv", NULL);

  g_assert_nonnull (latin);
  g_assert_true (g_file_set_contents (path, latin, -1, NULL));
  return path;
}

static void
test_import_through_dialog (GuiTestFixture *fixture,
                            gconstpointer   data)
{
  EscaleParticipantRepository *participants = participants_of (fixture);
  g_autoptr(EscaleParticipantImport) import = NULL;
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  EscaleParticipantImportDialog *dialog;
  GtkButton *next;
  GtkStack *stack;

  add_people (fixture);
  show_participants (fixture);

  path = write_fair_file (fixture->folder);
  import = escale_participant_import_new_for_file (path, &error);
  g_assert_no_error (error);
  dialog = escale_participant_import_dialog_new (escale_window_get_context (fixture->window), import, "salon.csv");
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  /* Under the sanitizers a window takes a while to show. */
  for (guint waited = 0; waited < 10000 && gtk_widget_get_width (GTK_WIDGET (dialog)) == 0; waited += 50)
    gui_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* The columns, as guessed: "Cellulaire" is the phone. */
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Encoding"), ==, "Windows-1252 (Excel, Western Europe)");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Rows"), ==, "6");
  {
    AdwComboRow *phone = ADW_COMBO_ROW (gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Cellulaire"));

    g_assert_nonnull (phone);
    g_assert_cmpuint (adw_combo_row_get_selected (phone), ==, ESCALE_PARTICIPANT_FIELD_PHONE + 1);
  }
  gui_test_save_screenshot (GTK_WIDGET (dialog), "participant-import-columns.png");

  /* Check: nothing is written, and every problem is shown. */
  next = GTK_BUTTON (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Check"));
  g_assert_nonnull (next);
  g_signal_emit_by_name (next, "clicked");
  stack = gui_test_find_stack_with_page (GTK_WIDGET (dialog), "preview");
  g_assert_true (stack_shows (stack, "preview"));
  g_assert_cmpuint (escale_participant_repository_count (participants), ==, 3);

  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "New participants"), ==, "2");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Likely duplicates"), ==, "1");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Rejected rows"), ==, "3");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Line 3 · Karim Haddad"), ==,
                   "Column “Courriel”: Enter an email address such as name@example.org");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Line 4 · Olga Kovalenko"), ==,
                   "Column “Cellulaire”: Enter a 10-digit Canadian phone number such as 514 555-0123");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Line 5 · Li Wang"), ==,
                   "Column “Date d'arrivée”: The arrival date cannot be in the future");
  g_assert_cmpstr (gui_test_row_subtitle (GTK_WIDGET (dialog), "Line 6 · Marie Tremblay"), ==,
                   "May be participant no. 1 (same email address)");
  gui_test_save_screenshot (GTK_WIDGET (dialog), "participant-import-preview.png");

  /* Import the two new people. */
  next = GTK_BUTTON (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import 2 Participants"));
  g_assert_nonnull (next);
  g_signal_emit_by_name (next, "clicked");
  g_assert_true (stack_shows (stack, "done"));
  g_assert_cmpuint (escale_participant_repository_count (participants), ==, 5);

  /* The page shows them at once, without consent. */
  names = shown_names (fixture);
  g_assert_cmpstr (names, ==, "Benali, Aïcha; Diallo, Fatou; Mendoza, Pedro; Ramírez, José; Tremblay, Marie");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, test) g_test_add (path, GuiTestFixture, GINT_TO_POINTER (FALSE), \
                                    gui_test_fixture_set_up, test, gui_test_fixture_tear_down)
  ADD ("/participants-gui/empty-state", test_empty_state);
  ADD ("/participants-gui/search-filter-sort", test_search_filter_sort);
  ADD ("/participants-gui/import-through-dialog", test_import_through_dialog);
#undef ADD

  return gui_test_run ();
}
