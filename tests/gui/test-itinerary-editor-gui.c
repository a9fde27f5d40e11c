/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <string.h>

#include "escale-enums.h"
#include "escale-event-json.h"
#include "escale-itinerary-editor.h"
#include "escale-participant-choices.h"
#include "escale-plan-check.h"
#include "escale-stop-row.h"

#include "gui-test-driver.h"

/* The itinerary of a visit to the Îles-de-la-Madeleine, on Halifax time,
 * planned through the editor's widgets as a counsellor would under Xvfb:
 * five stops typed in, reordered with the keyboard and by dropping, marked
 * by the plan checks, removed and brought back, saved and read again. */

#define ZONE "America/Halifax"

typedef struct
{
  GuiTestFixture         base;
  GtkWindow             *window;
  AdwToastOverlay       *overlay;
  EscaleItineraryEditor *editor;
  EscaleEvent           *event;
  guint                  changes;
} EditorFixture;

static gint64
may (int day,
     int hour,
     int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, 5, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
on_changed (EditorFixture *fixture)
{
  fixture->changes++;
}

static void
editor_fixture_set_up (EditorFixture *fixture,
                       gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gui_test_fixture_set_up (&fixture->base, GINT_TO_POINTER (TRUE));

  fixture->event = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  escale_event_set_text (fixture->event, "title", "Trois jours aux Îles-de-la-Madeleine");
  escale_event_set_text (fixture->event, "tzid", ZONE);
  escale_event_set_times (fixture->event, may (14, 7, 0), may (16, 19, 0));
  escale_event_set_capacity (fixture->event, 20);

  fixture->editor = ESCALE_ITINERARY_EDITOR (escale_itinerary_editor_new ());
  escale_itinerary_editor_set_context (fixture->editor, escale_window_get_context (fixture->base.window));
  escale_itinerary_editor_set_event (fixture->editor, fixture->event);
  g_signal_connect_swapped (fixture->editor, "changed", G_CALLBACK (on_changed), fixture);

  gtk_widget_set_margin_top (GTK_WIDGET (fixture->editor), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->editor), 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (fixture->editor));
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (fixture->overlay, scrolled);

  fixture->window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->overlay));
  gtk_window_set_default_size (fixture->window, 820, 1000);
  gtk_window_present (fixture->window);
  gui_test_spin (200);
}

static void
editor_fixture_tear_down (EditorFixture *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  gui_test_spin (50);
  g_assert_finalize_object (fixture->event);
  gui_test_fixture_tear_down (&fixture->base, GINT_TO_POINTER (TRUE));
}

static GListModel *
stops_of (EditorFixture *fixture)
{
  return escale_event_get_stops (fixture->event);
}

static EscaleStopRow *
row_at (EditorFixture *fixture,
        guint          position)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_LIST_BOX, ".itinerary"));
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (list, position);
  g_assert_true (ESCALE_IS_STOP_ROW (row));
  return ESCALE_STOP_ROW (row);
}

static GtkWidget *
field (EscaleStopRow *row,
       GType          type,
       const char    *title)
{
  GtkWidget *widget = gui_test_find_widget (GTK_WIDGET (row), type, title);

  g_assert_nonnull (widget);
  return widget;
}

/* Types as a person does, one character after the other, so that every
 * half-typed state goes through the editor. */
static void
type_into (EscaleStopRow *row,
           const char    *title,
           const char    *text)
{
  GtkEditable *entry = GTK_EDITABLE (field (row, ADW_TYPE_ENTRY_ROW, title));

  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *typed = g_strndup (text, g_utf8_next_char (p) - text);

      gtk_editable_set_text (entry, typed);
    }
}

static void
choose (EscaleStopRow *row,
        const char    *title,
        guint          position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (row, ADW_TYPE_COMBO_ROW, title)), position);
}

static gboolean
focus_is_in (EditorFixture *fixture,
             GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Adds a stop with the button a counsellor sees, and returns its row. */
static EscaleStopRow *
add_stop (EditorFixture *fixture)
{
  guint n = g_list_model_get_n_items (stops_of (fixture));
  GtkWidget *button = n == 0 ? gui_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON, "_Add Stop")
                             : gui_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON,
                                                     "Add a Stop After the Last One");
  EscaleStopRow *row;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (stops_of (fixture)), ==, n + 1);
  row = row_at (fixture, n);
  /* It opens, ready for the title. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (focus_is_in (fixture, field (row, ADW_TYPE_ENTRY_ROW, "Title")));
  return row;
}

static void
plan_times (EscaleStopRow *row,
            guint          day,
            const char    *starts,
            const char    *ends)
{
  choose (row, "Day", day);
  type_into (row, "Starts at (HH:MM)", starts);
  type_into (row, "Ends at (HH:MM)", ends);
}

static char *
local (EditorFixture *fixture,
       gint64         instant)
{
  return escale_event_format_time (fixture->event, instant, "%a %H:%M");
}

/* "Departure: Aéroport … Thu 07:00–Thu 07:30; …" */
static char *
describe_stops (EditorFixture *fixture,
                GListModel    *stops)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autofree char *from = local (fixture, escale_itinerary_stop_get_starts_at (stop));
      g_autofree char *until = local (fixture, escale_itinerary_stop_get_ends_at (stop));

      g_string_append_printf (text, "%s%s: %s %s–%s", i > 0 ? "; " : "",
                              escale_choice_get_label (ESCALE_TYPE_STOP_KIND, escale_itinerary_stop_get_kind (stop)),
                              escale_itinerary_stop_get_title (stop), from, until);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
titles_of (GListModel *stops)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", escale_itinerary_stop_get_title (stop));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_titles (EditorFixture *fixture,
               const char    *expected)
{
  g_autofree char *titles = titles_of (stops_of (fixture));

  g_assert_cmpstr (titles, ==, expected);
}

static gint64
partner_id_named (EditorFixture *fixture,
                  const char    *name)
{
  EscaleContext *context = escale_window_get_context (fixture->base.window);
  GListModel *partners = escale_partner_repository_get_partners (escale_context_get_partners (context));

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (escale_partner_get_name (partner), name) == 0)
        return escale_partner_get_id (partner);
    }

  g_assert_not_reached ();
}

static gboolean
message_shown (EscaleStopRow *row,
               const char    *message)
{
  GtkWidget *widget = gui_test_find_widget (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, message);

  return widget != NULL && gtk_widget_get_visible (widget) && gtk_widget_has_css_class (widget, "field-message");
}

static void
plan_five_stops (EditorFixture *fixture)
{
  EscaleStopRow *row;
  GtkDropDown *partner;
  GtkWidget *confirmed;
  GListModel *days;
  const char *partner_name;
  g_autofree char *heading = NULL;
  g_autofree char *plan = NULL;
  double latitude, longitude;

  /* The departure, when the visit starts, as the first stop is. */
  row = add_stop (fixture);
  days = adw_combo_row_get_model (ADW_COMBO_ROW (field (row, ADW_TYPE_COMBO_ROW, "Day")));
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (days), 0), ==, "Thu, May 14");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (days), 2), ==, "Sat, May 16");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Day 1 · 07:00–08:00 · Departure");
  type_into (row, "Title", "Aéroport des Îles");
  type_into (row, "Place", "Havre-aux-Maisons");
  plan_times (row, 0, "7:00", "7 h 30");

  /* A company visit, with a partner of the directory who confirmed. */
  row = add_stop (fixture);
  type_into (row, "Title", "Fromagerie du Pied-de-Vent");
  plan_times (row, 0, "09:30", "11:00");
  partner = GTK_DROP_DOWN (field (row, GTK_TYPE_DROP_DOWN, "Partner"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (partner)), 0), ==, "None");
  gtk_drop_down_set_selected (partner, 3);
  partner_name = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (partner)), 3);
  confirmed = field (row, ADW_TYPE_ACTION_ROW, "Partner confirmed");
  g_assert_true (gtk_widget_get_visible (confirmed));
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_widget (confirmed, GTK_TYPE_SWITCH, NULL)), TRUE);
  heading = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (heading, ==, "Day 1 · 09:30–11:00 · Company visit: Fromagerie du Pied-de-Vent");

  /* A meal, where a mistyped time says what is wrong until it is right. */
  row = add_stop (fixture);
  choose (row, "Kind", ESCALE_STOP_KIND_MEAL);
  g_assert_false (gtk_widget_get_visible (field (row, ADW_TYPE_ACTION_ROW, "Partner confirmed")));
  type_into (row, "Title", "Café de la Grave");
  type_into (row, "Place", "Site historique de La Grave & port");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Site historique de La Grave & port");
  plan_times (row, 0, "12:00", "25:30");
  g_assert_true (message_shown (row, "Enter a time between 00:00 and 23:59"));
  type_into (row, "Ends at (HH:MM)", "13:30");
  g_assert_false (message_shown (row, "Enter a time between 00:00 and 23:59"));
  type_into (row, "Coordinates (latitude, longitude)", "47,2441 -61,8212");
  g_assert_false (message_shown (row, "Enter the latitude and the longitude in degrees, such as 46.81, -71.21"));

  /* The night at the inn ends the next morning. */
  row = add_stop (fixture);
  choose (row, "Kind", ESCALE_STOP_KIND_LODGING);
  type_into (row, "Title", "Auberge Havre-sur-Mer");
  plan_times (row, 0, "21:00", "7:30");

  /* The flight home on the third day. */
  row = add_stop (fixture);
  choose (row, "Kind", ESCALE_STOP_KIND_RETURN);
  type_into (row, "Title", "Aéroport des Îles");
  plan_times (row, 2, "17:00", "18:00");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Day 3 · 17:00–18:00 · Return: Aéroport des Îles");

  plan = describe_stops (fixture, stops_of (fixture));
  g_assert_cmpstr (plan, ==,
                   "Departure: Aéroport des Îles Thu 07:00–Thu 07:30; "
                   "Company visit: Fromagerie du Pied-de-Vent Thu 09:30–Thu 11:00; "
                   "Meal: Café de la Grave Thu 12:00–Thu 13:30; "
                   "Lodging: Auberge Havre-sur-Mer Thu 21:00–Fri 07:30; "
                   "Return: Aéroport des Îles Sat 17:00–Sat 18:00");

  {
    g_autoptr(EscaleItineraryStop) departure = g_list_model_get_item (stops_of (fixture), 0);
    g_autoptr(EscaleItineraryStop) visit = g_list_model_get_item (stops_of (fixture), 1);
    g_autoptr(EscaleItineraryStop) meal = g_list_model_get_item (stops_of (fixture), 2);

    g_assert_cmpint (escale_itinerary_stop_get_starts_at (departure), ==, may (14, 7, 0));
    g_assert_cmpstr (escale_itinerary_stop_get_place_name (departure), ==, "Havre-aux-Maisons");
    g_assert_cmpint (escale_itinerary_stop_get_organization_id (visit), ==, partner_id_named (fixture, partner_name));
    g_assert_true (escale_itinerary_stop_get_partner_confirmed (visit));
    g_assert_cmpint (escale_itinerary_stop_get_organization_id (meal), ==, 0);
    g_assert_true (escale_itinerary_stop_get_coordinates (meal, &latitude, &longitude));
    g_assert_cmpfloat_with_epsilon (latitude, 47.2441, 1e-9);
    g_assert_cmpfloat_with_epsilon (longitude, -61.8212, 1e-9);
  }
}

/* The shortcut a row installs for @trigger ("<Alt>Down"), as the key
 * press would find it. */
static GtkShortcutAction *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return gtk_shortcut_get_action (shortcut);
        }
    }

  return NULL;
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* What GTK does when a stop dragged by its handle is let go over @row, in
 * its upper or lower half. */
static gboolean
drop_on (EditorFixture *fixture,
         guint          dragged,
         guint          target,
         gboolean       below)
{
  g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops_of (fixture), dragged);
  EscaleStopRow *row = row_at (fixture, target);
  GtkDropTarget *drop = find_drop_target (GTK_WIDGET (row));
  double height = gtk_widget_get_height (GTK_WIDGET (row));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);
  g_assert_cmpfloat (height, >, 10);
  g_value_init (&value, ESCALE_TYPE_ITINERARY_STOP);
  g_value_set_object (&value, stop);
  g_signal_emit_by_name (drop, "drop", &value, 20.0, below ? height - 4 : 4.0, &accepted);
  gui_test_spin (50);
  return accepted;
}

static gboolean
warning_shown (EscaleStopRow *row,
               const char    *text)
{
  GtkWidget *icon = gui_test_find_widget (GTK_WIDGET (row), GTK_TYPE_IMAGE, ".warning");
  const char *tooltip;

  g_assert_nonnull (icon);
  tooltip = gtk_widget_get_tooltip_text (icon);
  return gtk_widget_get_visible (icon) && tooltip != NULL && strstr (tooltip, text) != NULL;
}

static void
check_plan (EditorFixture *fixture)
{
  EscalePlanContext context = { .seats_taken = 0 };
  g_autoptr(GPtrArray) warnings = escale_plan_check (fixture->event, &context);

  escale_itinerary_editor_set_warnings (fixture->editor, warnings, NULL);
}

/* The five stops, one open, from the top, with what the checks found. */
static void
take_screenshot (EditorFixture *fixture,
                 guint          open,
                 const char    *name)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gui_test_find_widget (GTK_WIDGET (fixture->window),
                                                                           GTK_TYPE_SCROLLED_WINDOW, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (stops_of (fixture)); i++)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_at (fixture, i)), i == open);
  gui_test_spin (50);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), name);
}

static void
test_plan_reorder_and_save (EditorFixture *fixture,
                            gconstpointer  data)
{
  EscaleContext *context = escale_window_get_context (fixture->base.window);
  GtkWidget *empty;
  GtkShortcutAction *move_down;
  EscaleStopRow *row;
  GtkWidget *undo;
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_plan = NULL;
  g_autofree char *loaded_plan = NULL;
  g_autofree char *loaded_titles = NULL;
  guint changes;
  int minimum;

  /* An empty itinerary says what to do. */
  empty = gui_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No stops yet");
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "itinerary-editor-empty.png");

  plan_five_stops (fixture);
  g_assert_false (gtk_widget_get_visible (empty));
  /* Open, the rows still fit a folded window, partners' names included. */
  gtk_widget_measure (GTK_WIDGET (fixture->editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpuint (fixture->changes, >, 20);

  /* Alt+Down on the meal's row: it goes after the inn, keeps its times,
   * and the keyboard stays with it. */
  row = row_at (fixture, 2);
  escale_stop_row_focus (row);
  g_assert_true (focus_is_in (fixture, GTK_WIDGET (row)));
  move_down = find_shortcut (GTK_WIDGET (row), "<Alt>Down");
  g_assert_nonnull (move_down);
  changes = fixture->changes;
  g_assert_true (gtk_shortcut_action_activate (move_down, GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               gtk_root_get_focus (GTK_ROOT (fixture->window)), NULL));
  gui_test_spin (50);
  assert_titles (fixture, "Aéroport des Îles, Fromagerie du Pied-de-Vent, Auberge Havre-sur-Mer, "
                          "Café de la Grave, Aéroport des Îles");
  g_assert_cmpuint (fixture->changes, ==, changes + 1);
  g_assert_true (focus_is_in (fixture, GTK_WIDGET (row_at (fixture, 3))));
  /* The last row cannot go further down; the first not up. */
  gtk_widget_activate_action (GTK_WIDGET (row_at (fixture, 4)), "stop.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (row_at (fixture, 0)), "stop.move-up", NULL);
  gui_test_spin (50);
  g_assert_cmpuint (fixture->changes, ==, changes + 1);

  /* The plan checks now find the meal out of order, on its row only. */
  check_plan (fixture);
  g_assert_true (warning_shown (row_at (fixture, 3), "which comes before it in the itinerary"));
  g_assert_false (gtk_widget_get_visible (gui_test_find_widget (GTK_WIDGET (row_at (fixture, 1)), GTK_TYPE_IMAGE,
                                                                ".warning")));
  take_screenshot (fixture, 3, "itinerary-editor.png");

  /* Dropped back above the inn, the meal is in its place and the warning
   * goes with the next check. */
  g_assert_true (drop_on (fixture, 3, 2, FALSE));
  assert_titles (fixture, "Aéroport des Îles, Fromagerie du Pied-de-Vent, Café de la Grave, "
                          "Auberge Havre-sur-Mer, Aéroport des Îles");
  g_assert_true (focus_is_in (fixture, GTK_WIDGET (row_at (fixture, 2))));
  check_plan (fixture);
  g_assert_false (warning_shown (row_at (fixture, 2), "which comes before it"));

  /* Dropped below the visit, the departure comes second: the row is
   * marked; dropped back on the visit's upper half, it is first again. */
  g_assert_true (drop_on (fixture, 0, 1, TRUE));
  assert_titles (fixture, "Fromagerie du Pied-de-Vent, Aéroport des Îles, Café de la Grave, "
                          "Auberge Havre-sur-Mer, Aéroport des Îles");
  check_plan (fixture);
  g_assert_true (warning_shown (row_at (fixture, 1), "which comes before it in the itinerary"));
  g_assert_true (drop_on (fixture, 1, 0, FALSE));
  check_plan (fixture);
  g_assert_false (warning_shown (row_at (fixture, 0), "which comes before it"));
  escale_itinerary_editor_set_warnings (fixture->editor, NULL, NULL);

  /* Removed without a question, and back with Undo in the toast. */
  row = row_at (fixture, 2);
  g_signal_emit_by_name (field (row, GTK_TYPE_BUTTON, "_Remove"), "clicked");
  gui_test_spin (100);
  assert_titles (fixture, "Aéroport des Îles, Fromagerie du Pied-de-Vent, Auberge Havre-sur-Mer, Aéroport des Îles");
  undo = gui_test_find_widget (GTK_WIDGET (fixture->overlay), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gui_test_spin (100);
  assert_titles (fixture, "Aéroport des Îles, Fromagerie du Pied-de-Vent, Café de la Grave, "
                          "Auberge Havre-sur-Mer, Aéroport des Îles");

  /* The visit is shown in another zone: the same instants, other hours. */
  escale_event_set_text (fixture->event, "tzid", "America/Toronto");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (fixture, 1))), ==,
                   "Day 1 · 08:30–10:00 · Company visit: Fromagerie du Pied-de-Vent");
  escale_event_set_text (fixture->event, "tzid", ZONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (row_at (fixture, 1), ADW_TYPE_ENTRY_ROW,
                                                               "Starts at (HH:MM)"))), ==, "09:30");

  /* Saved and read again, in the same order. */
  saved_plan = describe_stops (fixture, stops_of (fixture));
  g_assert_true (escale_event_repository_save (escale_context_get_events (context), fixture->event, &error));
  g_assert_no_error (error);
  loaded = escale_event_repository_load (escale_context_get_events (context), escale_event_get_id (fixture->event),
                                         &error);
  g_assert_no_error (error);
  loaded_plan = describe_stops (fixture, escale_event_get_stops (loaded));
  g_assert_cmpstr (loaded_plan, ==, saved_plan);
  loaded_titles = titles_of (escale_event_get_stops (loaded));
  g_assert_cmpstr (loaded_titles, ==, "Aéroport des Îles, Fromagerie du Pied-de-Vent, Café de la Grave, "
                                      "Auberge Havre-sur-Mer, Aéroport des Îles");

  /* As narrow as a folded window. */
  gtk_window_set_default_size (fixture->window, 380, 1000);
  /* Slow builds (sanitizers) take a while to resize. */
  for (guint i = 0; i < 50 && gtk_widget_get_width (GTK_WIDGET (fixture->window)) >= 500; i++)
    gui_test_spin (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <, 500);
  take_screenshot (fixture, 1, "itinerary-editor-narrow.png");
}

static void
test_empty_visit_without_dates (EditorFixture *fixture,
                                gconstpointer  data)
{
  EscaleStopRow *row;

  /* A visit whose dates are not chosen yet: the stop waits for a day. */
  escale_event_set_times (fixture->event, 0, 0);
  row = add_stop (fixture);
  g_assert_cmpint (escale_itinerary_stop_get_starts_at (escale_stop_row_get_stop (row)), ==, 0);
  type_into (row, "Starts at (HH:MM)", "08:00");
  g_assert_true (message_shown (row, "Choose the day of the stop"));

  /* Once the visit has dates, the day menu offers them. */
  escale_event_set_times (fixture->event, may (14, 7, 0), may (15, 19, 0));
  choose (row, "Day", 1);
  type_into (row, "Starts at (HH:MM)", "08:00");
  type_into (row, "Ends at (HH:MM)", "08:45");
  g_assert_false (message_shown (row, "Choose the day of the stop"));
  g_assert_cmpint (escale_itinerary_stop_get_starts_at (escale_stop_row_get_stop (row)), ==, may (15, 8, 0));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/itinerary-editor/plan-reorder-and-save", EditorFixture, NULL,
              editor_fixture_set_up, test_plan_reorder_and_save, editor_fixture_tear_down);
  g_test_add ("/itinerary-editor/visit-without-dates", EditorFixture, NULL,
              editor_fixture_set_up, test_empty_visit_without_dates, editor_fixture_tear_down);

  return gui_test_run ();
}
