/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "escale-event-editor.h"
#include "escale-participant-editor.h"
#include "escale-partner-editor.h"
#include "escale-preferences-window.h"
#include "gui-test-driver.h"

/* Preferences › Calendars and Publish Calendar, as a counsellor uses them:
 * choose the feed folder, publish the upcoming events, see the file
 * follow an edit made elsewhere, publish one event from its window, then
 * withdraw it and stop publishing. */

typedef struct
{
  const char *path;
  const char *text;
} FileHolds;

static gboolean
file_holds (gconstpointer data)
{
  const FileHolds *holds = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (holds->path, &contents, NULL, NULL) && strstr (contents, holds->text) != NULL;
}

static void
wait_for_file (const char *path,
               const char *text)
{
  FileHolds holds = { path, text };

  g_assert_true (gui_test_wait_until (file_holds, &holds));
}

static gboolean
status_written (gconstpointer data)
{
  const char *status = gui_test_row_subtitle (GTK_WIDGET (data), "Last Written");

  return g_str_has_prefix (status, "Written at ");
}

static gboolean
row_gone (gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (gui_test_find_toplevel (ESCALE_TYPE_PREFERENCES_WINDOW));

  return gui_test_find_widget (window, ADW_TYPE_ACTION_ROW, data) == NULL;
}

static gint64
save_session (EscaleContext *context,
              EscaleEvent   *event,
              const char    *title)
{
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  g_assert_true (escale_event_repository_save (escale_context_get_events (context), event, &error));
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static void
test_publish (GuiTestFixture *fixture,
              gconstpointer   data)
{
  EscaleContext *context = escale_window_get_context (fixture->window);
  GSettings *settings = escale_application_get_settings (gui_test_get_application ());
  g_autofree char *feeds = g_build_filename (fixture->folder, "feeds", NULL);
  g_autofree char *upcoming = g_build_filename (feeds, "escale.ics", NULL);
  g_autofree char *event_file = NULL;
  g_autofree char *event_path = NULL;
  g_autofree char *event_row = NULL;
  g_autofree char *message = NULL;
  g_autofree char *folder_after = NULL;
  g_autoptr(EscaleEvent) session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  EscaleEventEditor *editor;
  GtkWidget *preferences;
  GtkWidget *upcoming_switch;
  gint64 id;

  escale_event_set_times (session, gui_test_days_from_now (3, 13, 30), gui_test_days_from_now (3, 15, 0));
  escale_event_set_status (session, ESCALE_EVENT_STATUS_PUBLISHED);
  id = save_session (context, session, "Séance d’information, Laval");
  g_assert_cmpint (g_mkdir (feeds, 0700), ==, 0);

  g_action_group_activate_action (G_ACTION_GROUP (gui_test_get_application ()), "preferences", NULL);
  gui_test_spin (100);
  preferences = GTK_WIDGET (gui_test_find_toplevel (ESCALE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "calendars");
  gui_test_spin (50);

  /* Nothing is published until a folder is chosen. */
  g_assert_cmpstr (gui_test_row_subtitle (preferences, "Feed Folder"), ==, "None: calendars are not published");
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_widget (preferences, GTK_TYPE_BUTTON, "_Write Now")));

  /* The folder chooser sets this key. */
  g_settings_set_string (settings, "feed-folder", feeds);
  g_assert_cmpstr (gui_test_row_subtitle (preferences, "Feed Folder"), ==, feeds);
  g_assert_true (gui_test_wait_until (status_written, preferences));

  /* The upcoming events, at the flick of a switch. */
  upcoming_switch = gui_test_find_widget (preferences, GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (upcoming_switch), TRUE);
  g_assert_cmpstr (gui_test_row_subtitle (preferences, "_Upcoming Events"), ==,
                   "Every event from a month ago on, in escale.ics");
  wait_for_file (upcoming, "SUMMARY:Séance d’information\\, Laval\r\n");

  /* An edit saved anywhere reaches the file a moment later. */
  save_session (context, session, "Séance d’information, Longueuil");
  wait_for_file (upcoming, "SUMMARY:Séance d’information\\, Longueuil\r\n");

  /* Publish Calendar, from the event's own window. */
  editor = escale_event_editor_new (context, session);
  gtk_window_present (GTK_WINDOW (editor));
  gui_test_spin (100);
  event_file = g_strdup_printf ("event-%" G_GINT64_FORMAT ".ics", id);
  message = g_strdup_printf ("Published as “%s” in the feed folder", event_file);
  gtk_widget_activate_action (GTK_WIDGET (editor), "feed.publish", NULL);
  gui_test_assert_label_shown (GTK_WIDGET (editor), message);
  event_path = g_build_filename (feeds, event_file, NULL);
  wait_for_file (event_path, "SUMMARY:Séance d’information\\, Longueuil\r\n");
  gtk_window_destroy (GTK_WINDOW (editor));

  event_row = g_strdup ("Event “Séance d’information, Longueuil”");
  g_assert_cmpstr (gui_test_row_subtitle (preferences, event_row), ==, event_file);
  gui_test_save_screenshot (preferences, "preferences-feeds.png");

  /* Withdrawn: the row goes, the file stays with what subscribers have. */
  gui_test_click (gui_test_find_widget (gui_test_find_widget (preferences, ADW_TYPE_ACTION_ROW, event_row),
                                        GTK_TYPE_BUTTON, "Stop Publishing"));
  g_assert_true (gui_test_wait_until (row_gone, event_row));
  g_assert_true (g_file_test (event_path, G_FILE_TEST_EXISTS));

  /* A partner's calendar, from the switch in its file. */
  {
    g_autoptr(EscalePartner) partner = g_list_model_get_item (escale_partner_repository_get_partners (
                                                                escale_context_get_partners (context)), 0);
    EscalePartnerEditor *partner_editor = escale_partner_editor_new (context, partner);
    g_autofree char *partner_file = g_strdup_printf ("partner-%" G_GINT64_FORMAT ".ics", escale_partner_get_id (partner));
    g_autofree char *partner_row = g_strdup_printf ("Partner “%s”", escale_partner_get_name (partner));
    g_autofree char *published = g_strdup_printf ("Published as %s", partner_file);
    g_autofree char *partner_path = g_build_filename (feeds, partner_file, NULL);
    GtkWidget *row;

    gtk_window_present (GTK_WINDOW (partner_editor));
    gui_test_spin (100);
    row = gui_test_find_widget (GTK_WIDGET (partner_editor), ADW_TYPE_ACTION_ROW, "P_ublish Calendar");
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "Kept current in the feed folder, for people who subscribe");
    gtk_switch_set_active (GTK_SWITCH (gui_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), TRUE);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, published);
    g_assert_cmpstr (gui_test_row_subtitle (preferences, partner_row), ==, partner_file);
    wait_for_file (partner_path, "END:VCALENDAR\r\n");

    /* Withdrawn in Preferences, the switch in the file turns off. */
    gui_test_click (gui_test_find_widget (gui_test_find_widget (preferences, ADW_TYPE_ACTION_ROW, partner_row),
                                          GTK_TYPE_BUTTON, "Stop Publishing"));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (gui_test_find_widget (row, GTK_TYPE_SWITCH, NULL))));
    gtk_window_destroy (GTK_WINDOW (partner_editor));
  }

  /* A participant's own calendar, from the switch in their file, with
   * the session they hold a seat for; the file is named by number. */
  {
    gint64 person = gui_test_register_new_person (context, id, "Amina");
    EscaleParticipantEditor *participant_editor = escale_participant_editor_new (context, person);
    g_autofree char *person_file = g_strdup_printf ("participant-%" G_GINT64_FORMAT ".ics", person);
    g_autofree char *person_path = g_build_filename (feeds, person_file, NULL);
    GtkWidget *row;

    gtk_window_present (GTK_WINDOW (participant_editor));
    gui_test_spin (100);
    row = gui_test_find_widget (GTK_WIDGET (participant_editor), ADW_TYPE_ACTION_ROW, "P_ublish Calendar");
    g_assert_nonnull (row);
    gtk_switch_set_active (GTK_SWITCH (gui_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), TRUE);
    g_assert_cmpstr (gui_test_row_subtitle (preferences, "Calendar of Amina Essai"), ==, person_file);
    wait_for_file (person_path, "SUMMARY:Séance d’information\\, Longueuil\r\n");
    gtk_window_destroy (GTK_WINDOW (participant_editor));
  }

  /* Stop publishing in this folder. */
  gui_test_click (gui_test_find_widget (preferences, GTK_TYPE_BUTTON, "Stop Publishing in This Folder"));
  folder_after = g_settings_get_string (settings, "feed-folder");
  g_assert_cmpstr (folder_after, ==, "");
  g_assert_cmpstr (gui_test_row_subtitle (preferences, "Last Written"), ==, "Choose a folder first");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/feeds/publish", GuiTestFixture, GINT_TO_POINTER (TRUE), gui_test_fixture_set_up, test_publish,
              gui_test_fixture_tear_down);

  return gui_test_run ();
}
