/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include "escale-locale.h"
#include "escale-partner-editor.h"
#include "escale-participants-page.h"
#include "escale-partners-page.h"

#include "gui-test-driver.h"

/* French is Escale's first language: under a French locale, the window, the
 * counts and the messages under the fields are all French. The README's
 * screenshots come from this test. */

static void
test_directory_in_french (GuiTestFixture *fixture,
                          gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_widget (page, ADW_TYPE_WINDOW_TITLE, NULL));
  guint shown = g_list_model_get_n_items (gui_test_shown_partners (fixture));
  g_autofree char *count = g_strdup_printf ("%u\u00a0partenaires", shown);

  g_assert_cmpuint (shown, >, 1);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Partenaires");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, count);
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-fr.png");
}

static void
test_editor_in_french (GuiTestFixture *fixture,
                       gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL);
  GListModel *shown = gui_test_shown_partners (fixture);
  GtkWidget *list = gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list");
  GtkWindow *editor;
  AdwWindowTitle *title;
  GtkWidget *email;
  GtkWidget *message;
  guint with_contacts = GTK_INVALID_LIST_POSITION;

  /* A partner with people and a history shows the whole editor. */
  for (guint i = 0; i < g_list_model_get_n_items (shown) && with_contacts == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (shown, i);

      if (g_list_model_get_n_items (escale_partner_get_contacts (partner)) > 0 &&
          g_list_model_get_n_items (escale_partner_get_interactions (partner)) > 0)
        with_contacts = i;
    }
  g_assert_cmpuint (with_contacts, !=, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (page);
  g_signal_emit_by_name (list, "activate", with_contacts);
  gui_test_spin (200);

  editor = gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);
  title = ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Modifier le partenaire");
  gtk_window_set_default_size (editor, 640, 900);
  gui_test_save_screenshot (GTK_WIDGET (editor), "partner-editor-fr.png");

  /* The message under a wrong field is French too. */
  email = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Courriel");
  g_assert_nonnull (email);
  gtk_editable_set_text (GTK_EDITABLE (email), "pas une adresse");
  message = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                  "Entrez une adresse courriel comme nom@exemple.org");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));

  gtk_window_destroy (editor);
}

static void
test_participants_in_french (GuiTestFixture *fixture,
                             gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTICIPANTS_PAGE, NULL);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_widget (page, ADW_TYPE_WINDOW_TITLE, NULL));
  GListModel *shown = escale_participants_page_get_model (ESCALE_PARTICIPANTS_PAGE (page));
  g_autofree char *count = NULL;

  gui_test_show_section (fixture, "participants");
  gui_test_spin (150);

  count = g_strdup_printf ("%u\u00a0participants", g_list_model_get_n_items (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1000);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Participants");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, count);
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "participants-fr.png");
}

int
main (int    argc,
      char **argv)
{
  /* Messages follow LANGUAGE, as under a user's fr_CA locale. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  escale_locale_init ();
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/french/directory", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_directory_in_french, gui_test_fixture_tear_down);
  g_test_add ("/gui/french/editor", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_editor_in_french, gui_test_fixture_tear_down);

  g_test_add ("/gui/french/participants", GuiTestFixture, GINT_TO_POINTER (GUI_TEST_DEMO_WITH_PARTICIPANTS),
              gui_test_fixture_set_up, test_participants_in_french, gui_test_fixture_tear_down);

  return gui_test_run ();
}
