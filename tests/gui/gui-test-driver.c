/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-calendar-date.h"
#include "escale-demo.h"
#include "escale-participant-form.h"
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

/* A new person with consent to registration, "@given_name Essai",
 * registered for one seat at @event_id.
 *
 * Returns: the person's id */
gint64
gui_test_register_new_person (EscaleContext *context,
                              gint64         event_id,
                              const char    *given_name)
{
  EscaleParticipantForm form = { { NULL } };
  EscaleRegisterOptions options = { .seats = 1 };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Conseillère");
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given_name;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = "Essai";
  g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
  escale_participant_add_consent (participant, consent);
  g_assert_true (escale_participant_repository_save (escale_context_get_participants (context), participant, &error));
  registration = escale_registration_repository_register (escale_context_get_registrations (context), event_id,
                                                          escale_participant_get_id (participant), &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (registration);
  return escale_participant_get_id (participant);
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

/* Shows a section of the main window as a click in its sidebar does;
 * @name is the row's, "partners", "participants" or "events". */
void
gui_test_show_section (GuiTestFixture *fixture,
                       const char     *name)
{
  GtkListBox *sections = GTK_LIST_BOX (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX,
                                                             ".navigation-sidebar"));
  GtkListBoxRow *row;

  g_assert_nonnull (sections);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (sections, i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        {
          g_signal_emit_by_name (sections, "row-activated", row);
          gui_test_spin (50);
          return;
        }
    }

  g_error ("The sidebar has no section “%s”", name);
}

/* A click: gtk_widget_activate() on a button waits 250 ms to show it
 * pressed before it acts. */
void
gui_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (50);
}

/* Clicks the button labelled @button ("_Discard") in the message dialog
 * that is open, and checks that the dialog closed. */
void
gui_test_respond (const char *button)
{
  GtkWindow *dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  gui_test_click (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, button));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Chooses the item reading @label in a drop-down or a combo row whose
 * items are strings. */
void
gui_test_choose (GtkWidget  *menu,
                 const char *label)
{
  GListModel *model;

  g_assert_true (GTK_IS_DROP_DOWN (menu) || ADW_IS_COMBO_ROW (menu));
  model = GTK_IS_DROP_DOWN (menu) ? gtk_drop_down_get_model (GTK_DROP_DOWN (menu))
                                  : adw_combo_row_get_model (ADW_COMBO_ROW (menu));

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!GTK_IS_STRING_OBJECT (item) || g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), label) != 0)
        continue;
      if (GTK_IS_DROP_DOWN (menu))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (menu), i);
      else
        adw_combo_row_set_selected (ADW_COMBO_ROW (menu), i);
      gui_test_spin (20);
      return;
    }

  g_error ("The menu has no “%s”", label);
}

static gboolean
activate_item_in (GtkWidget  *button,
                  GMenuModel *menu,
                  const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      if (section != NULL)
        {
          if (activate_item_in (button, section, label))
            return TRUE;
          continue;
        }
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) ||
          g_strcmp0 (item_label, label) != 0)
        continue;
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_assert_true (gtk_widget_activate_action_variant (button, action, target));
      return TRUE;
    }

  return FALSE;
}

/* Activates the item labelled @label ("Cancel Registration…") of a menu
 * button's menu, as a click on it would. */
void
gui_test_activate_menu_item (GtkMenuButton *button,
                             const char    *label)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);

  g_assert_nonnull (menu);
  if (!activate_item_in (GTK_WIDGET (button), menu, label))
    g_error ("The menu has no “%s”", label);
  gui_test_spin (50);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static gboolean
controller_holds (GtkShortcutController *controller,
                  GtkShortcut           *shortcut)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (controller), i);

      if (item == (GObject *) shortcut)
        return TRUE;
    }

  return FALSE;
}

/* The widget whose managed shortcut controller holds @shortcut: the
 * window gathers those controllers into one of its own. */
static GtkWidget *
find_managed_owner (GtkWidget   *root,
                    GtkShortcut *shortcut)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_MANAGED &&
          controller_holds (GTK_SHORTCUT_CONTROLLER (controller), shortcut))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *owner = find_managed_owner (child, shortcut);

      if (owner != NULL)
        return owner;
    }

  return NULL;
}

/* What GtkShortcutController does with a key press: the shortcuts that
 * match, of widgets mapped and sensitive, are tried in order until one's
 * action runs (a disabled action does not). */
static GtkWidget *
run_shortcuts (GtkWidget             *window,
               GtkShortcutController *controller,
               guint                  keyval,
               GdkModifierType        modifiers)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();

  if (gtk_shortcut_controller_get_scope (controller) != GTK_SHORTCUT_SCOPE_LOCAL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (controller), i);
      GtkWidget *owner;

      if (!GTK_IS_SHORTCUT (item) || !trigger_matches (gtk_shortcut_get_trigger (GTK_SHORTCUT (item)), keyval, modifiers))
        continue;
      owner = find_managed_owner (window, GTK_SHORTCUT (item));
      if (owner == NULL)
        owner = widget;
      if (!gtk_widget_is_sensitive (owner) || !gtk_widget_get_mapped (owner))
        continue;
      g_ptr_array_add (matches, g_steal_pointer (&item));
      g_ptr_array_add (owners, owner);
    }

  for (guint i = 0; i < matches->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (matches, i);

      if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                        i + 1 == matches->len ? GTK_SHORTCUT_ACTION_EXCLUSIVE : 0,
                                        g_ptr_array_index (owners, i), gtk_shortcut_get_arguments (shortcut)))
        return g_ptr_array_index (owners, i);
    }

  return NULL;
}

static GtkWidget *
run_phase (GtkWidget           *window,
           GtkWidget           *widget,
           GtkPropagationPhase  phase,
           guint                keyval,
           GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkWidget *handled;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) || gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      handled = run_shortcuts (window, GTK_SHORTCUT_CONTROLLER (controller), keyval, modifiers);
      if (handled != NULL)
        return handled;
    }

  return NULL;
}

/* Presses @accelerator ("<Control>s") in @window and returns the widget
 * whose shortcut took it, or NULL. GTK 4 cannot make a key event outside
 * GDK: this follows a key press as GTK does, the shortcut controllers
 * from the window down to the focus (capture), then back up (bubble),
 * with the window's managed shortcuts in the order GTK keeps them. */
GtkWidget *
gui_test_press_shortcut (GtkWindow  *window,
                         const char *accelerator)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GdkModifierType modifiers;
  GtkWidget *handled = NULL;
  guint keyval;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  if (focus == NULL || !gtk_widget_get_mapped (focus))
    focus = GTK_WIDGET (window);
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; handled == NULL && i < path->len; i++)
    handled = run_phase (GTK_WIDGET (window), g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, modifiers);
  for (guint i = path->len; handled == NULL && i > 0; i--)
    handled = run_phase (GTK_WIDGET (window), g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers);
  gui_test_spin (50);

  return handled;
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
  g_setenv ("HOME", home, TRUE);
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
