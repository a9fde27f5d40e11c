/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <string.h>

#include "escale-event-editor.h"
#include "escale-events-page.h"
#include "escale-export-dialog.h"
#include "escale-logistics-editor.h"
#include "escale-plan-check.h"

#include "gui-test-driver.h"

/* The event window under Xvfb, driven as a counsellor does: a new visit
 * from the Events page, its fields, its logistics and the warnings that
 * follow them, saving, and what happens to what is not saved. */

static EscaleContext *
context_of (GuiTestFixture *fixture)
{
  return escale_window_get_context (fixture->window);
}

static EscaleEventEditor *
open_new_event (GuiTestFixture *fixture,
                const char     *kind)
{
  GtkWidget *page;
  GtkWindow *editor;

  gui_test_show_section (fixture, "events");
  page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_EVENTS_PAGE, NULL);
  g_assert_true (gtk_widget_activate_action (page, "events.new", "s", kind));
  gui_test_spin (100);

  editor = gui_test_find_toplevel (ESCALE_TYPE_EVENT_EDITOR);
  g_assert_nonnull (editor);
  return ESCALE_EVENT_EDITOR (editor);
}

static void
type_in_row (EscaleEventEditor *editor,
             const char        *row_title,
             const char        *text)
{
  GtkWidget *row = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A moment row's two entries: the day, then the time. */
static void
type_moment (GtkWidget  *root,
             const char *row_title,
             const char *date,
             const char *clock)
{
  GtkWidget *row = gui_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_title);
  GtkWidget *date_entry, *time_entry;

  g_assert_nonnull (row);
  date_entry = gui_test_find_widget (row, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (date_entry);
  time_entry = gtk_widget_get_next_sibling (date_entry);
  g_assert_true (GTK_IS_ENTRY (time_entry));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), date);
  gtk_editable_set_text (GTK_EDITABLE (time_entry), clock);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message under a field, if one shows. */
static GtkWidget *
find_shown_message (GtkWidget *root)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_has_css_class (root, "field-message") && gtk_widget_get_visible (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_message (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save (EscaleEventEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_spin (50);
}

static gboolean
has_warning (EscaleEventEditor     *editor,
             EscalePlanWarningKind  kind)
{
  GPtrArray *warnings;

  warnings = escale_event_editor_get_warnings (editor);
  for (guint i = 0; i < warnings->len; i++)
    {
      if (((EscalePlanWarning *) g_ptr_array_index (warnings, i))->kind == kind)
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
stored_events (GuiTestFixture *fixture)
{
  EscaleEventQuery query = { .kind = -1 };
  g_autoptr(GError) error = NULL;
  GPtrArray *events = escale_event_repository_list (escale_context_get_events (context_of (fixture)), &query, &error);

  g_assert_no_error (error);
  return events;
}

static void
test_plan_visit (GuiTestFixture *fixture,
                 gconstpointer   data)
{
  EscaleEventEditor *editor = open_new_event (fixture, "exploratory-visit");
  g_autoptr(EscaleEvent) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *logistics, *add_task, *task_row, *revealer;
  EscaleEvent *event;

  /* A visit opens on its fields, with its itinerary page. */
  event = escale_event_editor_get_event (editor);
  g_assert_cmpint (escale_event_get_kind (event), ==, ESCALE_EVENT_KIND_EXPLORATORY_VISIT);

  type_in_row (editor, "Title", "Trois jours en Abitibi-Témiscamingue");
  type_moment (GTK_WIDGET (editor), "Starts", "2027-05-12", "7 h 30");
  type_moment (GTK_WIDGET (editor), "Ends", "2027-05-14", "20:00");
  type_in_row (editor, "Place", "Rouyn-Noranda");
  type_in_row (editor, "Coordinates (latitude, longitude)", "48,2395; -79,0203");
  type_in_row (editor, "Capacity (empty for no limit)", "40");

  /* Typed in Montréal's zone, kept as instants. */
  g_assert_cmpstr (escale_event_get_title (event), ==, "Trois jours en Abitibi-Témiscamingue");
  g_assert_cmpint (escale_event_get_starts_at (event), ==, 1810121400);
  g_assert_cmpint (escale_event_get_capacity (event), ==, 40);

  /* Two nights and no lodging: the plan says so above every page. */
  g_assert_true (has_warning (editor, ESCALE_PLAN_WARNING_NO_LODGING));
  revealer = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_REVEALER, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gui_test_spin (300);
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-editor.png");

  /* A checklist task already late is warned about, and marked. */
  logistics = gui_test_find_widget (GTK_WIDGET (editor), ESCALE_TYPE_LOGISTICS_EDITOR, NULL);
  add_task = gui_test_find_widget (logistics, GTK_TYPE_BUTTON, "Add _Task");
  g_assert_nonnull (add_task);
  g_signal_emit_by_name (add_task, "clicked");
  type_in_row (editor, "Task", "Réserver l’autobus");
  type_in_row (editor, "Due date (YYYY-MM-DD)", "2020-01-15");
  g_assert_true (has_warning (editor, ESCALE_PLAN_WARNING_TASK_LATE));
  task_row = gui_test_find_widget (logistics, ADW_TYPE_EXPANDER_ROW, "Réserver l’autobus");
  g_assert_nonnull (task_row);
  g_assert_true (gtk_widget_get_visible (find_label (task_row, "Late")));

  /* Ticking it done takes the warning away. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_test_find_widget (task_row, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_assert_false (has_warning (editor, ESCALE_PLAN_WARNING_TASK_LATE));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gui_test_find_widget (GTK_WIDGET (editor),
                                                                               ADW_TYPE_VIEW_STACK, NULL)),
                                         "logistics");
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-editor-logistics.png");

  save (editor);
  g_assert_false (escale_event_editor_get_modified (editor));
  events = stored_events (fixture);
  g_assert_cmpuint (events->len, ==, 1);
  stored = escale_event_repository_load (escale_context_get_events (context_of (fixture)),
                                         escale_event_get_id (g_ptr_array_index (events, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_event_get_ends_at (stored), ==, 1810339200);
  g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_tasks (stored)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_bad_fields_keep_the_database (GuiTestFixture *fixture,
                                   gconstpointer   data)
{
  EscaleEventEditor *editor = open_new_event (fixture, "information-session");
  g_autoptr(GPtrArray) events = NULL;
  GtkWidget *message;

  type_in_row (editor, "Title", "Vivre et travailler en région");
  type_moment (GTK_WIDGET (editor), "Starts", "2027-03-14", "2:30");
  type_moment (GTK_WIDGET (editor), "Ends", "2027-03-14", "4:00");
  save (editor);

  /* 2:30 does not exist that Sunday in Montréal: the field says so, nothing is stored. */
  events = stored_events (fixture);
  g_assert_cmpuint (events->len, ==, 0);
  message = find_shown_message (GTK_WIDGET (editor));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), "Start:"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), "clocks"));

  /* Fixed as typed, the message goes and the session is stored. */
  type_moment (GTK_WIDGET (editor), "Starts", "2027-03-14", "13:30");
  type_moment (GTK_WIDGET (editor), "Ends", "2027-03-14", "15:00");
  g_assert_null (find_shown_message (GTK_WIDGET (editor)));
  save (editor);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = stored_events (fixture);
  g_assert_cmpuint (events->len, ==, 1);

  /* Closing with a change not saved asks first, and keeps the window. */
  type_in_row (editor, "Place", "Bibliothèque de Rouyn-Noranda");
  gtk_window_close (GTK_WINDOW (editor));
  gui_test_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_nonnull (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "discard");
  gui_test_spin (100);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_EVENT_EDITOR));
}

/* The question @window asks, once it shows: an earlier window's answered
 * question may still be closing. */
static AdwMessageDialog *
question_of (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (dialog) && gtk_widget_get_visible (GTK_WIDGET (dialog)) &&
          gtk_window_get_transient_for (dialog) == window)
        return ADW_MESSAGE_DIALOG (dialog);
    }
  return NULL;
}

static gboolean
question_shown (gconstpointer window)
{
  return question_of ((GtkWindow *) window) != NULL;
}

static void
answer_question (EscaleEventEditor *editor,
                 const char        *response)
{
  g_assert_true (gui_test_wait_until (question_shown, editor));
  adw_message_dialog_response (question_of (GTK_WINDOW (editor)), response);
  gui_test_spin (50);
}

static gboolean
editor_gone (gconstpointer data)
{
  return gui_test_find_toplevel (ESCALE_TYPE_EVENT_EDITOR) == NULL;
}

/* Scrolls the page so that @widget is at its top, for a screenshot. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  gui_test_spin (100);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), point.y - 24);
  gui_test_spin (50);
}

static GPtrArray *
stored_titles (GuiTestFixture *fixture)
{
  g_autoptr(GPtrArray) events = stored_events (fixture);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (titles, g_strdup (escale_event_get_title (g_ptr_array_index (events, i))));
  return titles;
}

static void
test_repeat_weekly (GuiTestFixture *fixture,
                    gconstpointer   data)
{
  EscaleEventEditor *editor = open_new_event (fixture, "information-session");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(EscaleEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *repeat;
  GtkWidget *series_row, *following, *message;
  EscaleEvent *event;
  gint64 series_id;

  type_in_row (editor, "Title", "Vivre et travailler en région");
  type_moment (GTK_WIDGET (editor), "Starts", "2027-01-05", "18:30");
  type_moment (GTK_WIDGET (editor), "Ends", "2027-01-05", "20:00");

  /* Every Tuesday until the end of February, the holidays' week left out:
   * the rule reads in words, with its count, as it is typed. */
  repeat = ADW_COMBO_ROW (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Repeats"));
  g_assert_nonnull (repeat);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (repeat)));
  g_assert_false (gtk_widget_is_visible (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                               "Last day of the series (YYYY-MM-DD)")));
  adw_combo_row_set_selected (repeat, 1);
  type_in_row (editor, "Last day of the series (YYYY-MM-DD)", "2027-02-23");
  type_in_row (editor, "Excluded dates (YYYY-MM-DD, separated by commas)", "2027-01-19");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (repeat)), ==,
                   "Every week on Tuesday until February 23, 2027 · 7 sessions");
  scroll_to (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Series"));
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-editor-repeats.png");

  /* Past the two years a series may last: said under the field, nothing stored. */
  type_in_row (editor, "Last day of the series (YYYY-MM-DD)", "2030-01-01");
  save (editor);
  events = stored_events (fixture);
  g_assert_cmpuint (events->len, ==, 0);
  message = find_shown_message (GTK_WIDGET (editor));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), "Until:"));
  type_in_row (editor, "Last day of the series (YYYY-MM-DD)", "2027-02-23");
  g_assert_null (find_shown_message (GTK_WIDGET (editor)));

  /* Saved: seven sessions, and the window goes on with the first. */
  save (editor);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = stored_events (fixture);
  g_assert_cmpuint (events->len, ==, 7);
  series_id = escale_event_get_series_id (escale_event_editor_get_event (editor));
  g_assert_cmpint (series_id, !=, 0);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (escale_event_get_series_id (g_ptr_array_index (events, i)), ==, series_id);
  g_assert_cmpstr (escale_event_get_series_date (escale_event_editor_get_event (editor)), ==, "2027-01-05");
  g_assert_false (escale_event_editor_get_modified (editor));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (repeat)));
  series_row = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Part of a series");
  g_assert_true (gtk_widget_is_visible (series_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (series_row)), ==,
                   "Every week on Tuesday until February 23, 2027");

  /* A new title for this session and the following ones. */
  type_in_row (editor, "Title", "Vivre et travailler en région — hiver");
  following = gui_test_find_widget (series_row, GTK_TYPE_SWITCH, NULL);
  g_assert_null (following);
  following = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Change the following sessions too");
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_widget (following, GTK_TYPE_SWITCH, NULL)), TRUE);
  save (editor);
  titles = stored_titles (fixture);
  g_assert_cmpuint (titles->len, ==, 7);
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, "Vivre et travailler en région — hiver");

  /* Out of its series: nobody registered, the session is gone with the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-from-series", NULL));
  answer_question (editor, "remove");
  g_assert_true (gui_test_wait_until (editor_gone, NULL));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = stored_events (fixture);
  g_assert_cmpuint (events->len, ==, 6);

  /* A session someone registered for is cancelled instead, keeps its
   * registration, and can no longer leave the series again. */
  event = g_ptr_array_index (events, 0);
  gui_test_register_new_person (context_of (fixture), escale_event_get_id (event), "Amina");
  stored = escale_event_repository_load (escale_context_get_events (context_of (fixture)),
                                         escale_event_get_id (event), &error);
  g_assert_no_error (error);
  editor = escale_event_editor_new (context_of (fixture), stored);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-from-series", NULL));
  answer_question (editor, "remove");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (escale_event_get_status (escale_event_editor_get_event (editor)), ==,
                   ESCALE_EVENT_STATUS_CANCELLED);
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Taken out of its series"));
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                                                 "_Remove From Series…")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
dialog_closed (gconstpointer data)
{
  return gui_test_find_toplevel (ESCALE_TYPE_EXPORT_DIALOG) == NULL;
}

/* Export to Calendar…: the session as the file a calendar opens, written
 * by the same writer as escale-cli ics export. */
static void
test_export_to_calendar (GuiTestFixture *fixture,
                         gconstpointer   data)
{
  EscaleEventEditor *editor = open_new_event (fixture, "information-session");
  g_autofree char *path = g_build_filename (fixture->folder, "séance.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  type_in_row (editor, "Title", "Vivre et travailler en région");
  type_moment (GTK_WIDGET (editor), "Starts", "2027-03-16", "18:30");
  type_moment (GTK_WIDGET (editor), "Ends", "2027-03-16", "20:00");

  /* Unsaved changes are saved first: a calendar says what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.export", NULL);
  g_assert_false (escale_event_editor_get_modified (editor));
  dialog = GTK_WIDGET (gui_test_find_toplevel (ESCALE_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gui_test_row_subtitle (dialog, "What"), ==, "Event “Vivre et travailler en région”");
  gui_test_save_screenshot (dialog, "export-dialog.png");

  /* What Export… does once a file is chosen. The chooser itself stays out
   * of the test: it loads the desktop's cloud and volume services, whose
   * memory the sanitizers report. */
  escale_export_dialog_export_to (ESCALE_EXPORT_DIALOG (dialog), path);
  g_assert_true (gui_test_wait_until (dialog_closed, NULL));
  gui_test_assert_label_shown (GTK_WIDGET (editor), "Exported to “séance.ics”");

  /* The session in its zone, under its own UID. */
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Vivre et travailler en région\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=America/Toronto:20270316T183000\r\n"));
  g_assert_nonnull (strstr (text, escale_event_get_ical_uid (escale_event_editor_get_event (editor))));

  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, demo, test) \
  g_test_add (path, GuiTestFixture, GINT_TO_POINTER (demo), gui_test_fixture_set_up, test, gui_test_fixture_tear_down)
  ADD ("/event-editor-gui/plan-visit", FALSE, test_plan_visit);
  ADD ("/event-editor-gui/bad-fields-keep-the-database", FALSE, test_bad_fields_keep_the_database);
  ADD ("/event-editor-gui/repeat-weekly", FALSE, test_repeat_weekly);
  ADD ("/event-editor-gui/export-to-calendar", FALSE, test_export_to_calendar);
#undef ADD

  return gui_test_run ();
}
