/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "escale-application.h"
#include "escale-calendar-date.h"
#include "escale-demo.h"
#include "escale-partner-editor.h"
#include "escale-partners-page.h"
#include "escale-window.h"

/* Drives the real window the way a counsellor would: through its widgets
 * and actions, under Xvfb. Without a display this test fails; it never
 * skips. */

typedef struct
{
  char              *folder;
  char              *path;
  EscaleWindow      *window;
} Fixture;

/* One application for the whole run, as in real life: a registered
 * application cannot register a second time on the same bus. */
static EscaleApplication *application;

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
title_matches (GtkWidget  *widget,
               const char *title)
{
  if (title == NULL)
    return TRUE;
  if (title[0] == '.')
    return gtk_widget_has_css_class (widget, title + 1);
  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), title) == 0;
  return FALSE;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && title_matches (root, title))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkStack *
find_stack_with_page (GtkWidget  *root,
                      const char *page)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), page) != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack_with_page (child, page);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  spin (300);
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);

  g_mkdir_with_parents (folder, 0755);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);
}

static EscalePartnerRepository *
partners_of (Fixture *fixture)
{
  return escale_context_get_partners (escale_window_get_context (fixture->window));
}

static GListModel *
shown_partners (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list"));

  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_list_view_get_model (list));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_demo = GPOINTER_TO_INT (data);

  fixture->folder = g_dir_make_tmp ("escale-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "escale.db", NULL);

  if (with_demo)
    {
      g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);
      g_autoptr(EscaleRegionRepository) regions = escale_region_repository_new (database, &error);
      g_autoptr(EscalePartnerRepository) partners = escale_partner_repository_new (database, regions, &error);
      g_autofree char *today_text = escale_calendar_date_today ();
      GDate today;

      g_assert_no_error (error);
      escale_calendar_date_parse (today_text, &today);
      g_assert_true (escale_demo_generate (partners, 11, 1, &today, NULL, &error));
      g_assert_no_error (error);
    }

  escale_application_open_database (application, fixture->path, FALSE);
  fixture->window = ESCALE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_nonnull (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  spin (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (50);

  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkStack *stack = find_stack_with_page (GTK_WIDGET (fixture->window), "no-results");

  g_assert_nonnull (stack);
  /* An empty directory says what to do. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  save_screenshot (GTK_WIDGET (fixture->window), "empty.png");
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_create_edit_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  EscalePartnerRepository *partners = partners_of (fixture);
  GListModel *all = escale_partner_repository_get_partners (partners);
  GtkWindow *editor;
  GtkWidget *message;
  EscalePartner *saved;
  gint64 id;
  guint before = g_list_model_get_n_items (all);
  guint shown = g_list_model_get_n_items (shown_partners (fixture));

  /* Create */
  g_assert_true (gtk_widget_activate_action (find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL), "partners.new", NULL));
  spin (100);
  editor = find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);

  set_row_text (GTK_WIDGET (editor), "Name", "Carrefour jeunesse-emploi Rimouski-Neigette");
  set_row_text (GTK_WIDGET (editor), "City", "Rimouski");
  set_row_text (GTK_WIDGET (editor), "Phone", "(418) 555-0199");
  set_row_text (GTK_WIDGET (editor), "Postal code", "g5l3a1");
  set_row_text (GTK_WIDGET (editor), "Email", "not an email");

  /* The wrong email is explained under its field, and nothing is saved. */
  message = find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Enter an email address such as name@example.org");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  save_screenshot (GTK_WIDGET (editor), "partner-editor-invalid.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);

  set_row_text (GTK_WIDGET (editor), "Email", "info@cje-rimouski.example");
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin (100);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown_partners (fixture)), ==, shown + 1);
  saved = g_list_model_get_item (all, before);
  g_object_unref (saved);
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "Carrefour jeunesse-emploi Rimouski-Neigette");
  g_assert_cmpstr (escale_partner_get_phone (saved), ==, "418 555-0199");
  g_assert_cmpstr (escale_partner_get_postal_code (saved), ==, "G5L 3A1");
  g_assert_null (find_toplevel (ESCALE_TYPE_PARTNER_EDITOR));
  id = escale_partner_get_id (saved);

  /* Edit: activating the row opens its editor. */
  {
    GListModel *model = shown_partners (fixture);
    GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list"));
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
  spin (100);
  editor = find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);
  set_row_text (GTK_WIDGET (editor), "Name", "CJE Rimouski-Neigette");
  save_screenshot (GTK_WIDGET (editor), "partner-editor.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin (100);
  /* Saving replaced the listed object with the edited copy. */
  saved = escale_partner_repository_find (partners, id);
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "CJE Rimouski-Neigette");

  /* Delete asks first. */
  {
    GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list"));
    GListModel *model = shown_partners (fixture);
    guint n = g_list_model_get_n_items (model);
    GtkWidget *delete_button;
    AdwMessageDialog *dialog;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(EscalePartner) item = g_list_model_get_item (model, i);

        if (item == saved)
          g_signal_emit_by_name (list, "activate", i);
      }
    spin (100);
    editor = find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
    delete_button = find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete");
    g_assert_nonnull (delete_button);
    g_signal_emit_by_name (delete_button, "clicked");
    spin (100);

    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_nonnull (escale_partner_repository_find (partners, id));
    adw_message_dialog_response (dialog, "delete");
    spin (100);

    g_assert_null (escale_partner_repository_find (partners, id));
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkEditable *search = GTK_EDITABLE (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY, NULL));
  GListModel *shown = shown_partners (fixture);
  guint everything = g_list_model_get_n_items (shown);
  guint found;

  g_assert_cmpuint (everything, >, 50);
  save_screenshot (GTK_WIDGET (fixture->window), "partners.png");

  /* Accents do not matter: "levis" finds Lévis. */
  gtk_editable_set_text (search, "levis");
  spin (400);
  found = g_list_model_get_n_items (shown);
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, everything);
  for (guint i = 0; i < found; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (shown, i);

      g_assert_nonnull (strstr (escale_partner_get_search_key (partner), "levis"));
    }

  gtk_editable_set_text (search, "zzzz-nothing-matches");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  gtk_editable_set_text (search, "");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, everything);
}

static void
test_narrow_window_folds (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_LEAFLET, NULL));

  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  spin (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  save_screenshot (GTK_WIDGET (fixture->window), "narrow.png");
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

  escale_application_open_database (application, path, FALSE);
  window = ESCALE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_null (escale_window_get_context (window));

  /* The window says why, in words. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (find_stack_with_page (GTK_WIDGET (window), "error")), ==, "error");
  status = ADW_STATUS_PAGE (find_widget (gtk_stack_get_child_by_name (find_stack_with_page (GTK_WIDGET (window), "error"), "error"),
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
  g_autofree char *home = g_dir_make_tmp ("escale-gui-home-XXXXXX", NULL);
  const char *const user_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  int status;

  /* The user's folders point at a throwaway one. G_TEST_OPTION_ISOLATE_DIRS
   * would also hide XDG_DATA_DIRS, and with it the MIME database that GTK
   * needs to recognise its own SVG icons. */
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    g_setenv (user_dirs[i], home, TRUE);

  if (!gtk_init_check ())
    g_error ("The gui suite needs a display: run it under xvfb-run (build-aux/test does).");

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  application = escale_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, NULL))
    g_error ("Could not register the application on the session bus");

  g_test_add ("/gui/empty-state", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/gui/create-edit-delete", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_create_edit_delete, fixture_tear_down);
  g_test_add ("/gui/search", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/gui/narrow-window-folds", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_narrow_window_folds, fixture_tear_down);
  g_test_add_func ("/gui/refused-database", test_refused_database);

  status = g_test_run ();
  g_clear_object (&application);
  g_rmdir (home);
  return status;
}
