/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-calendar-date.h"
#include "escale-demo.h"
#include "escale-partners-page.h"

#include "gui-test-driver.h"
#include "test-folder.h"

/* One application for the whole run, as in real life: a registered
 * application cannot register a second time on the same bus. */
static EscaleApplication *application;
static char *user_home;

void
gui_test_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_wait_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, for ten seconds at most, and
 * says whether it held: the sanitizer build is several times slower than
 * the normal one, so a test waits for what it checks, not for a delay. */
gboolean
gui_test_wait_until (GuiTestCondition condition,
                     gconstpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, on_wait_tick, NULL);
  gboolean held;

  while (!(held = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return held;
}

typedef struct
{
  const char *text;
  gboolean    searched;
} Search;

static void
on_search_changed (GtkSearchEntry *entry,
                   Search         *search)
{
  /* Replacing the text empties the entry first, and an empty entry reports
   * at once: wait for the report of the whole text. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), search->text) == 0)
    search->searched = TRUE;
}

/* Types into a search entry and returns once the entry has told the page,
 * however slow the machine (the sanitizer build is several times slower). */
void
gui_test_search (GtkSearchEntry *entry,
                 const char     *text)
{
  Search search = { text, FALSE };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &search);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (!search.searched && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, handler);
  g_assert_true (search.searched);
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
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), title) == 0;
  /* Menus and icon buttons are known by their tooltip. */
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), title) == 0;
}

GtkWidget *
gui_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && title_matches (root, title))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkStack *
gui_test_find_stack_with_page (GtkWidget  *root,
                               const char *page)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), page) != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = gui_test_find_stack_with_page (child, page);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
gui_test_find_toplevel (GType type)
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

/* Whether a label with exactly @text is on screen below @root. */
gboolean
gui_test_label_shown (GtkWidget  *root,
                      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (gui_test_label_shown (child, text))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} ShownLabel;

static gboolean
label_is_shown (gconstpointer data)
{
  const ShownLabel *label = data;

  return gui_test_label_shown (label->root, label->text);
}

/* Waits until a label reading @text is on screen under @root, and fails
 * the test, naming the text, when it never comes. */
void
gui_test_assert_label_shown (GtkWidget  *root,
                             const char *text)
{
  ShownLabel label = { root, text };

  if (!gui_test_wait_until (label_is_shown, &label))
    g_error ("“%s” is not shown", text);
}

/* The subtitle of the action row titled @title. */
const char *
gui_test_row_subtitle (GtkWidget  *root,
                       const char *title)
{
  GtkWidget *row = gui_test_find_widget (root, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* An instant @days from today at @hour:@minute in Québec. */
gint64
gui_test_days_from_now (int days,
                        int hour,
                        int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) at = g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                                             g_date_time_get_day_of_month (day), hour, minute, 0);

  return g_date_time_to_unix (at);
}

void
gui_test_save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* A widget whose layout is not done yet paints nothing: under the
   * sanitizers that can take more than the first wait. */
  gui_test_spin (300);
  for (guint waited = 0; node == NULL && waited < 5000; waited += 100)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot,
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        gui_test_spin (100);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);

  g_mkdir_with_parents (folder, 0755);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);
}

GListModel *
gui_test_shown_partners (GuiTestFixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list"));

  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_list_view_get_model (list));
}

void
gui_test_fixture_set_up (GuiTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_demo = GPOINTER_TO_INT (data);

  fixture->folder = test_folder_new ();
  fixture->path = g_build_filename (fixture->folder, "escale.db", NULL);

  if (with_demo)
    {
      g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);
      g_autoptr(EscaleRegionRepository) regions = escale_region_repository_new (database, &error);
      g_autoptr(EscalePartnerRepository) partners = escale_partner_repository_new (database, regions, &error);
      g_autoptr(EscaleParticipantRepository) participants = escale_participant_repository_new (database, &error);
      g_autofree char *today_text = escale_calendar_date_today ();
      GDate today;

      g_assert_no_error (error);
      escale_calendar_date_parse (today_text, &today);
      g_assert_true (escale_demo_generate (partners, 11, 1, &today, NULL, &error));
      /* A thousand participants only for the tests that show them: under
       * the sanitizers they take a while to make. */
      if (GPOINTER_TO_INT (data) >= GUI_TEST_DEMO_WITH_PARTICIPANTS)
        g_assert_true (escale_demo_generate_participants (participants, 11, 1, &today, NULL, &error));
      g_assert_no_error (error);
    }

  escale_application_open_database (application, fixture->path, FALSE);
  fixture->window = ESCALE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_nonnull (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gui_test_spin (200);
}

void
gui_test_fixture_tear_down (GuiTestFixture *fixture,
                            gconstpointer   data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_spin (50);

  test_folder_remove (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

EscaleApplication *
gui_test_get_application (void)
{
  return application;
}

/* Call first in main(): a display is required, so the gui suite fails
 * rather than skips without one. */
void
gui_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("escale-gui-home-XXXXXX", NULL);
  const char *const user_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  /* The user's folders point at a throwaway one. G_TEST_OPTION_ISOLATE_DIRS
   * would also hide XDG_DATA_DIRS, and with it the MIME database that GTK
   * needs to recognise its own SVG icons. */
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    g_setenv (user_dirs[i], home, TRUE);
  user_home = g_steal_pointer (&home);

  if (!gtk_init_check ())
    g_error ("The gui suite needs a display: run it under xvfb-run (build-aux/test does).");

  g_test_init (argc, argv, NULL);
  adw_init ();

  /* Without animations a test sees the final state of every transition,
   * and never closes a window in the middle of one. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = escale_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, NULL))
    g_error ("Could not register the application on the session bus");
}

int
gui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&application);
  test_folder_remove (user_home);
  g_clear_pointer (&user_home, g_free);

  return status;
}
