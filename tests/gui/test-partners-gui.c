/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-partner-editor.h"
#include "escale-partners-page.h"

#include "gui-test-driver.h"

/* Drives the real window the way a counsellor would: through its widgets
 * and actions, under Xvfb. Without a display this test fails; it never
 * skips. */

static EscalePartnerRepository *
partners_of (GuiTestFixture *fixture)
{
  return escale_context_get_partners (escale_window_get_context (fixture->window));
}

static void
test_empty_state (GuiTestFixture *fixture,
                  gconstpointer   data)
{
  GtkStack *stack = gui_test_find_stack_with_page (GTK_WIDGET (fixture->window), "no-results");

  g_assert_nonnull (stack);
  /* An empty directory says what to do. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "empty.png");
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = gui_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_create_edit_delete (GuiTestFixture *fixture,
                         gconstpointer   data)
{
  EscalePartnerRepository *partners = partners_of (fixture);
  GListModel *all = escale_partner_repository_get_partners (partners);
  GtkWindow *editor;
  GtkWidget *message;
  EscalePartner *saved;
  gint64 id;
  guint before = g_list_model_get_n_items (all);
  guint shown = g_list_model_get_n_items (gui_test_shown_partners (fixture));

  /* Create */
  g_assert_true (gtk_widget_activate_action (gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL), "partners.new", NULL));
  gui_test_spin (100);
  editor = gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);

  set_row_text (GTK_WIDGET (editor), "Name", "Carrefour jeunesse-emploi Rimouski-Neigette");
  set_row_text (GTK_WIDGET (editor), "City", "Rimouski");
  set_row_text (GTK_WIDGET (editor), "Phone", "(418) 555-0199");
  set_row_text (GTK_WIDGET (editor), "Postal code", "g5l3a1");
  set_row_text (GTK_WIDGET (editor), "Email", "not an email");

  /* The wrong email is explained under its field, and nothing is saved. */
  message = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Enter an email address such as name@example.org");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  gui_test_save_screenshot (GTK_WIDGET (editor), "partner-editor-invalid.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);

  set_row_text (GTK_WIDGET (editor), "Email", "info@cje-rimouski.example");
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_spin (100);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gui_test_shown_partners (fixture)), ==, shown + 1);
  saved = g_list_model_get_item (all, before);
  g_object_unref (saved);
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "Carrefour jeunesse-emploi Rimouski-Neigette");
  g_assert_cmpstr (escale_partner_get_phone (saved), ==, "418 555-0199");
  g_assert_cmpstr (escale_partner_get_postal_code (saved), ==, "G5L 3A1");
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR));
  id = escale_partner_get_id (saved);

  /* Edit: activating the row opens its editor. */
  {
    GListModel *model = gui_test_shown_partners (fixture);
    GtkListView *list = GTK_LIST_VIEW (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list"));
    guint n = g_list_model_get_n_items (model);
    guint position = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(EscalePartner) item = g_list_model_get_item (model, i);

        if (item == saved)
          position = i;
      }
    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    g_signal_emit_by_name (list, "activate", position);
  }
  gui_test_spin (100);
  editor = gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);
  set_row_text (GTK_WIDGET (editor), "Name", "CJE Rimouski-Neigette");
  gui_test_save_screenshot (GTK_WIDGET (editor), "partner-editor.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_spin (100);
  /* Saving replaced the listed object with the edited copy. */
  saved = escale_partner_repository_find (partners, id);
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "CJE Rimouski-Neigette");

  /* Delete asks first. */
  {
    GtkListView *list = GTK_LIST_VIEW (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list"));
    GListModel *model = gui_test_shown_partners (fixture);
    guint n = g_list_model_get_n_items (model);
    GtkWidget *delete_button;
    AdwMessageDialog *dialog;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(EscalePartner) item = g_list_model_get_item (model, i);

        if (item == saved)
          g_signal_emit_by_name (list, "activate", i);
      }
    gui_test_spin (100);
    editor = gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
    delete_button = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete");
    g_assert_nonnull (delete_button);
    g_signal_emit_by_name (delete_button, "clicked");
    gui_test_spin (100);

    dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_nonnull (escale_partner_repository_find (partners, id));
    adw_message_dialog_response (dialog, "delete");
    gui_test_spin (100);

    g_assert_null (escale_partner_repository_find (partners, id));
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);
  }
}

static void
test_search (GuiTestFixture *fixture,
             gconstpointer   data)
{
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY, NULL));
  GListModel *shown = gui_test_shown_partners (fixture);
  guint everything = g_list_model_get_n_items (shown);
  guint found;

  g_assert_cmpuint (everything, >, 50);
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "partners.png");

  /* Accents do not matter: "levis" finds Lévis. */
  gui_test_search (search, "levis");
  found = g_list_model_get_n_items (shown);
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, everything);
  for (guint i = 0; i < found; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (shown, i);

      g_assert_nonnull (strstr (escale_partner_get_search_key (partner), "levis"));
    }

  gui_test_search (search, "zzzz-nothing-matches");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  gui_test_search (search, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, everything);
}

static void
test_narrow_window_folds (GuiTestFixture *fixture,
                          gconstpointer   data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gui_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_LEAFLET, NULL));

  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  gui_test_spin (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* The partner list stays on screen; the sections are one step back. */
  g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                 gui_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK, NULL));
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "narrow.png");
}

/* Ctrl+N, Ctrl+F and Ctrl+E belong to the page but must work wherever the
 * focus is in the window, the sidebar included. */
static void
test_shortcuts_reach_the_page (GuiTestFixture *fixture,
                               gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GtkShortcutTrigger) control_n = gtk_shortcut_trigger_parse_string ("<Control>n");
  GtkShortcutController *shortcuts = NULL;
  GtkShortcutAction *new_partner = NULL;
  GtkWindow *editor;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);
  g_assert_cmpint (gtk_shortcut_controller_get_scope (shortcuts), ==, GTK_SHORTCUT_SCOPE_MANAGED);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);

      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), control_n))
        new_partner = gtk_shortcut_get_action (shortcut);
    }
  g_assert_nonnull (new_partner);

  /* Focus in the sidebar, then the shortcut's action opens a new partner. */
  gtk_widget_grab_focus (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX, NULL));
  g_assert_true (gtk_shortcut_action_activate (new_partner, 0, page, NULL));
  gui_test_spin (100);
  editor = gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
}

static void
test_refused_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("escale-gui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "notes.db", NULL);
  EscaleWindow *window;
  AdwStatusPage *status;

  g_assert_true (g_file_set_contents (path, "not a database", -1, &error));

  escale_application_open_database (gui_test_get_application (), path, FALSE);
  window = ESCALE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (gui_test_get_application ())));
  g_assert_null (escale_window_get_context (window));

  /* The window says why, in words. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gui_test_find_stack_with_page (GTK_WIDGET (window), "error")), ==, "error");
  status = ADW_STATUS_PAGE (gui_test_find_widget (gtk_stack_get_child_by_name (gui_test_find_stack_with_page (GTK_WIDGET (window), "error"), "error"),
                                         ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "not an Escale database"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/empty-state", GuiTestFixture, GINT_TO_POINTER (FALSE),
              gui_test_fixture_set_up, test_empty_state, gui_test_fixture_tear_down);
  g_test_add ("/gui/create-edit-delete", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_create_edit_delete, gui_test_fixture_tear_down);
  g_test_add ("/gui/search", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_search, gui_test_fixture_tear_down);
  g_test_add ("/gui/narrow-window-folds", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_narrow_window_folds, gui_test_fixture_tear_down);
  g_test_add ("/gui/shortcuts-reach-the-page", GuiTestFixture, GINT_TO_POINTER (FALSE),
              gui_test_fixture_set_up, test_shortcuts_reach_the_page, gui_test_fixture_tear_down);
  g_test_add_func ("/gui/refused-database", test_refused_database);

  return gui_test_run ();
}
