/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <string.h>

#include "escale-event-chooser.h"
#include "escale-event-editor.h"
#include "escale-participant-editor.h"
#include "escale-participant-form.h"
#include "escale-register-dialog.h"

#include "../test-folder.h"
#include "gui-test-driver.h"

/* A participant's file registers them for an event without leaving it:
 * the Events group, Register for an Event…, the chooser of the events
 * that still take registrations (search, Enter, Escape), then the
 * register dialog with the person already chosen, a seat, then the
 * waitlist of a full event. The events and people are made through the
 * repositories; everything after, through the widgets. */

typedef struct
{
  char          *folder;
  EscaleContext *context;
} EditorFixture;

static void
editor_fixture_set_up (EditorFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = test_folder_new ();
  path = g_build_filename (fixture->folder, "escale.db", NULL);
  fixture->context = escale_context_open (path, &error);
  g_assert_no_error (error);
}

static void
editor_fixture_tear_down (EditorFixture *fixture,
                          gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* A test that failed half-way may leave an editor or a dialog open. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  gui_test_spin (50);

  g_assert_finalize_object (fixture->context);
  test_folder_remove (fixture->folder);
  g_free (fixture->folder);
}

static gint64
add_participant (EditorFixture *fixture,
                 const char    *given,
                 const char    *family,
                 guint          household,
                 gboolean       consenting)
{
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family;
  form.values[ESCALE_PARTICIPANT_FIELD_CITY] = "Montréal";
  g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < household; i++)
    {
      g_autoptr(EscaleHouseholdMember) member = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_SPOUSE, "Moussa",
                                                                             1988);

      escale_participant_add_household_member (participant, member);
    }
  if (consenting)
    {
      g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-01-10",
                                                             "2026-01", "Conseillère");

      escale_participant_add_consent (participant, consent);
    }
  g_assert_true (escale_participant_repository_save (escale_context_get_participants (fixture->context), participant,
                                                     &error));
  g_assert_no_error (error);

  return escale_participant_get_id (participant);
}

static gint64
add_event (EditorFixture     *fixture,
           EscaleEventKind    kind,
           const char        *title,
           const char        *region,
           int                days,
           int                capacity,
           EscaleEventStatus  status)
{
  g_autoptr(EscaleEvent) event = escale_event_new (kind);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "region-code", region);
  escale_event_set_times (event, gui_test_days_from_now (days, 18, 30), gui_test_days_from_now (days, 20, 30));
  escale_event_set_capacity (event, capacity);
  escale_event_set_status (event, status);
  g_assert_true (escale_event_repository_save (escale_context_get_events (fixture->context), event, &error));
  g_assert_no_error (error);

  return escale_event_get_id (event);
}

static void
register_directly (EditorFixture *fixture,
                   gint64         event_id,
                   gint64         participant_id)
{
  EscaleRegisterOptions one = { .seats = 1 };
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  registration = escale_registration_repository_register (escale_context_get_registrations (fixture->context), event_id,
                                                          participant_id, &one, &error);
  g_assert_no_error (error);
}

static GtkWidget *
open_editor (EditorFixture *fixture,
             gint64         id)
{
  EscaleParticipantEditor *editor = escale_participant_editor_new (fixture->context, id);

  gtk_window_set_default_size (GTK_WINDOW (editor), 720, 800);
  gtk_window_present (GTK_WINDOW (editor));
  gui_test_spin (100);

  return GTK_WIDGET (editor);
}

/* Buttons whose text is an AdwButtonContent, as in group headers. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (root))
    {
      child = gtk_button_get_child (GTK_BUTTON (root));
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0 ||
          (ADW_IS_BUTTON_CONTENT (child) &&
           g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), text) == 0))
        return root;
    }

  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A click: GtkButton's activate waits for its pressed look to show. */
static void
click (GtkWidget  *root,
       const char *text)
{
  GtkWidget *button = find_button (root, text);

  if (button == NULL)
    g_error ("No button “%s”", text);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (20);
}

static gboolean
toplevel_shown (gconstpointer type)
{
  return gui_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
toplevel_gone (gconstpointer type)
{
  return gui_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  g_assert_true (gui_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (type)));
  return GTK_WIDGET (gui_test_find_toplevel (type));
}

static GtkWidget *
open_chooser (GtkWidget *editor)
{
  click (editor, "Register for an _Event…");
  return wait_for_toplevel (ESCALE_TYPE_EVENT_CHOOSER);
}

static GtkListBoxRow *
chooser_row (GtkWidget  *chooser,
             const char *title)
{
  GtkWidget *row = gui_test_find_widget (chooser, ADW_TYPE_ACTION_ROW, title);

  if (row == NULL)
    g_error ("The chooser has no “%s”", title);
  return GTK_LIST_BOX_ROW (row);
}

/* The titles of the rows the chooser shows, in order, those that cannot
 * be chosen in brackets. */
static char *
chooser_titles (GtkWidget *chooser)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_widget (chooser, GTK_TYPE_LIST_BOX, NULL));
  g_autoptr(GString) text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (!gtk_widget_get_child_visible (GTK_WIDGET (row)))
        continue;
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append_printf (text, gtk_widget_get_sensitive (GTK_WIDGET (row)) ? "%s" : "[%s]", title);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The register dialog opens with the person chosen: Register. */
static void
register_in_dialog (const char *name,
                    int         proposed_seats,
                    const char *screenshot)
{
  GtkWidget *dialog = wait_for_toplevel (ESCALE_TYPE_REGISTER_DIALOG);
  GtkWidget *person = gui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, name);
  GtkSpinButton *seats = GTK_SPIN_BUTTON (gui_test_find_widget (dialog, GTK_TYPE_SPIN_BUTTON, NULL));

  g_assert_nonnull (person);
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (person)));
  /* Their household comes along, as the file says. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (seats), ==, proposed_seats);
  if (screenshot != NULL)
    gui_test_save_screenshot (dialog, screenshot);
  click (dialog, "_Register");
  g_assert_true (gui_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ESCALE_TYPE_REGISTER_DIALOG)));
}

/* The row of @title in the file's Events group shows @status. */
static void
assert_event_status (GtkWidget  *editor,
                     const char *title,
                     const char *status)
{
  GtkWidget *row;

  row = gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW, title);
  if (row == NULL)
    g_error ("The file shows no event “%s”", title);
  gui_test_assert_label_shown (row, status);
}

/* Escape, as the window's shortcut has it. */
static void
press_escape (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window, NULL));
              gui_test_spin (20);
              return;
            }
        }
    }

  g_error ("Escape does nothing in this window");
}

static void
scroll_to (GtkWidget *editor,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (scrolled), 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  gui_test_spin (100);
}

static void
test_register_from_file (EditorFixture *fixture,
                         gconstpointer  data)
{
  gint64 amina, bao;
  GtkWidget *editor;
  GtkWidget *chooser;
  GtkWidget *search;
  GtkWidget *event_window;
  g_autofree char *titles = NULL;

  amina = add_participant (fixture, "Amina", "Diallo", 1, TRUE);
  bao = add_participant (fixture, "Bao", "Tran", 0, TRUE);
  add_event (fixture, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Vivre en Abitibi-Témiscamingue", "08", 12, 30,
             ESCALE_EVENT_STATUS_PUBLISHED);
  add_event (fixture, ESCALE_EVENT_KIND_FAIR, "Salon Destination Québec", "06", 4, 200, ESCALE_EVENT_STATUS_PUBLISHED);
  {
    gint64 visit = add_event (fixture, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Deux jours au Bas-Saint-Laurent", "01", 20,
                              1, ESCALE_EVENT_STATUS_PUBLISHED);

    /* Bao took the visit's only seat. */
    register_directly (fixture, visit, bao);
  }
  add_event (fixture, ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION, "Présentation annulée", "04", 6, 50,
             ESCALE_EVENT_STATUS_CANCELLED);
  add_event (fixture, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance de la semaine dernière", "08", -7, 30,
             ESCALE_EVENT_STATUS_DONE);

  /* A file with no events says what to do. */
  editor = open_editor (fixture, amina);
  scroll_to (editor, find_button (editor, "Register for an _Event…"));
  gui_test_assert_label_shown (editor, "Not registered for any event yet. Register them with Register for an Event…");
  gui_test_save_screenshot (editor, "participant-events-empty.png");

  /* The chooser: what is still open, the soonest first, how full. */
  chooser = open_chooser (editor);
  titles = chooser_titles (chooser);
  g_assert_cmpstr (titles, ==, "Salon Destination Québec | Vivre en Abitibi-Témiscamingue | "
                               "Deux jours au Bas-Saint-Laurent");
  g_clear_pointer (&titles, g_free);
  g_assert_true (gui_test_label_shown (GTK_WIDGET (chooser_row (chooser, "Vivre en Abitibi-Témiscamingue")),
                                       "0 of 30 seats"));
  g_assert_true (gui_test_label_shown (GTK_WIDGET (chooser_row (chooser, "Deux jours au Bas-Saint-Laurent")),
                                       "1 of 1 seat"));
  /* Amina comes with her husband: the visit can only put them on its
   * waitlist, and the chooser says so. */
  g_assert_true (gui_test_label_shown (GTK_WIDGET (chooser_row (chooser, "Deux jours au Bas-Saint-Laurent")),
                                       "Waitlist only"));
  g_assert_false (gui_test_label_shown (GTK_WIDGET (chooser_row (chooser, "Vivre en Abitibi-Témiscamingue")),
                                        "Waitlist only"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (chooser_row (chooser, "Deux jours au "
                                                                                              "Bas-Saint-Laurent"))),
                            "Exploratory visit · Bas-Saint-Laurent"));
  /* It opens on the soonest event, for Enter. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chooser_row (chooser, "Salon Destination Québec"))));

  /* A region finds its events, accents or not. */
  search = gui_test_find_widget (chooser, GTK_TYPE_SEARCH_ENTRY, NULL);
  gui_test_search (GTK_SEARCH_ENTRY (search), "temiscamingue");
  titles = chooser_titles (chooser);
  g_assert_cmpstr (titles, ==, "Vivre en Abitibi-Témiscamingue");
  g_clear_pointer (&titles, g_free);
  gui_test_save_screenshot (chooser, "event-chooser-search.png");
  gui_test_search (GTK_SEARCH_ENTRY (search), "gaspesie");
  gui_test_assert_label_shown (chooser, "No upcoming event matches “gaspesie”.");
  /* Escape empties the search first. */
  g_signal_emit_by_name (search, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  gui_test_spin (50);
  gui_test_save_screenshot (chooser, "event-chooser.png");

  /* Enter on the session's row: the register dialog, Amina chosen with
   * her husband. */
  gtk_widget_grab_focus (GTK_WIDGET (chooser_row (chooser, "Vivre en Abitibi-Témiscamingue")));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (chooser_row (chooser, "Vivre en Abitibi-Témiscamingue"))));
  g_assert_true (gui_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ESCALE_TYPE_EVENT_CHOOSER)));
  register_in_dialog ("Amina Diallo", 2, "register-dialog-from-file.png");
  gui_test_assert_label_shown (editor, "Registered for “Vivre en Abitibi-Témiscamingue”");
  assert_event_status (editor, "Vivre en Abitibi-Témiscamingue", "Registered");
  g_assert_nonnull (strstr (gui_test_row_subtitle (editor, "Vivre en Abitibi-Témiscamingue"),
                            "Information session · 2 seats"));

  /* The full visit: she waits, first in line. The session is greyed in
   * the chooser, with her status. */
  chooser = open_chooser (editor);
  titles = chooser_titles (chooser);
  g_assert_cmpstr (titles, ==, "Salon Destination Québec | [Vivre en Abitibi-Témiscamingue] | "
                               "Deux jours au Bas-Saint-Laurent");
  g_clear_pointer (&titles, g_free);
  g_assert_true (gui_test_label_shown (GTK_WIDGET (chooser_row (chooser, "Vivre en Abitibi-Témiscamingue")),
                                       "Registered"));
  gui_test_save_screenshot (chooser, "event-chooser-registered.png");
  /* A narrow window keeps the titles readable. */
  gtk_window_set_default_size (GTK_WINDOW (chooser), 360, 560);
  gui_test_spin (100);
  gui_test_save_screenshot (chooser, "event-chooser-narrow.png");
  search = gui_test_find_widget (chooser, GTK_TYPE_SEARCH_ENTRY, NULL);
  gui_test_search (GTK_SEARCH_ENTRY (search), "bas-saint");
  /* Enter in the search takes the first match. */
  g_signal_emit_by_name (search, "activate");
  g_assert_true (gui_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ESCALE_TYPE_EVENT_CHOOSER)));
  register_in_dialog ("Amina Diallo", 2, NULL);
  gui_test_assert_label_shown (editor, "On the waitlist for “Deux jours au Bas-Saint-Laurent” (number 1)");
  assert_event_status (editor, "Deux jours au Bas-Saint-Laurent", "Waitlisted (number 1)");
  assert_event_status (editor, "Vivre en Abitibi-Témiscamingue", "Registered");

  /* Escape closes the chooser, and nothing is registered. */
  chooser = open_chooser (editor);
  press_escape (chooser);
  g_assert_true (gui_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ESCALE_TYPE_EVENT_CHOOSER)));
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG));

  scroll_to (editor, find_button (editor, "Register for an _Event…"));
  gui_test_save_screenshot (editor, "participant-events.png");

  /* A row opens its event in the event window. */
  g_signal_emit_by_name (gtk_widget_get_parent (gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW,
                                                                      "Deux jours au Bas-Saint-Laurent")),
                         "row-activated",
                         gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW, "Deux jours au Bas-Saint-Laurent"));
  event_window = wait_for_toplevel (ESCALE_TYPE_EVENT_EDITOR);
  g_assert_cmpstr (escale_event_get_title (escale_event_editor_get_event (ESCALE_EVENT_EDITOR (event_window))), ==,
                   "Deux jours au Bas-Saint-Laurent");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (event_window)) == GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (event_window));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* An event whose rules leave the person out: the reasons, then a
 * justification, as from the event. */
static void
test_rules_from_file (EditorFixture *fixture,
                      gconstpointer  data)
{
  gint64 ingrid = add_participant (fixture, "Ingrid", "Ibarra", 0, TRUE);
  gint64 visit = add_event (fixture, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite pour résidents permanents", "08", 15,
                            10, ESCALE_EVENT_STATUS_PUBLISHED);
  g_autoptr(EscaleEvent) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  GtkWidget *chooser;
  GtkWidget *dialog;
  GtkWidget *problem;

  saved = escale_event_repository_load (escale_context_get_events (fixture->context), visit, &error);
  g_assert_no_error (error);
  escale_event_set_text (saved, "eligibility-rules",
                         "{\"name\": \"Visites 2026\", \"statuses\": [\"permanent-resident\"]}");
  g_assert_true (escale_event_repository_save (escale_context_get_events (fixture->context), saved, &error));
  g_assert_no_error (error);

  editor = open_editor (fixture, ingrid);
  chooser = open_chooser (editor);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (chooser_row (chooser, "Visite pour résidents permanents"))));
  dialog = wait_for_toplevel (ESCALE_TYPE_REGISTER_DIALOG);
  click (dialog, "_Register");
  problem = gui_test_find_widget (dialog, GTK_TYPE_LABEL, ".error");
  g_assert_true (gtk_widget_get_mapped (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "Ingrid Ibarra does not meet the rules"));
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "Justification")),
                         "Résidence permanente accordée la semaine prochaine");
  click (dialog, "Register _Anyway");
  g_assert_true (gui_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ESCALE_TYPE_REGISTER_DIALOG)));
  assert_event_status (editor, "Visite pour résidents permanents", "Registered");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* No consent on file: said before any event is chosen. A new file has no
 * events to show. */
static void
test_without_consent (EditorFixture *fixture,
                      gconstpointer  data)
{
  gint64 hugo = add_participant (fixture, "Hugo", "Hébert", 0, FALSE);
  GtkWidget *editor;

  add_event (fixture, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Vivre en Abitibi-Témiscamingue", "08", 12, 30,
             ESCALE_EVENT_STATUS_PUBLISHED);

  editor = open_editor (fixture, hugo);
  click (editor, "Register for an _Event…");
  gui_test_assert_label_shown (editor, "Hugo Hébert has not given consent for “Registration and follow-up”. "
                                       "Record their consent first.");
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_EVENT_CHOOSER));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = open_editor (fixture, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find_button (editor, "Register for an _Event…"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, function) \
  g_test_add ("/gui/participant-events/" path, EditorFixture, NULL, \
              editor_fixture_set_up, function, editor_fixture_tear_down)

  ADD ("register-from-file", test_register_from_file);
  ADD ("rules-from-file", test_rules_from_file);
  ADD ("without-consent", test_without_consent);

#undef ADD

  return gui_test_run ();
}
