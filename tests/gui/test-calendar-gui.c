/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "escale-agenda-row.h"
#include "escale-event-editor.h"
#include "escale-export-dialog.h"
#include "escale-participant-form.h"
#include "escale-participant-editor.h"
#include "escale-partner-editor.h"
#include "escale-preferences-window.h"
#include "gui-test-driver.h"

/* Calendars as a counsellor sends and publishes them. Preferences ›
 * Calendars and Publish Calendar: choose the feed folder, publish the
 * upcoming events, see the file follow an edit made elsewhere, publish
 * an event, a partner's and a participant's calendar from their windows,
 * withdraw them and stop publishing. Export to Calendar: a period of days
 * as an invitation, and a participant's calendar from their file. */

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
  g_autofree char *feeds = g_build_filename (g_get_home_dir (), "Nextcloud", "Calendriers publics", NULL);
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
  g_assert_cmpint (g_mkdir_with_parents (feeds, 0700), ==, 0);

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
  g_assert_cmpstr (gui_test_row_subtitle (preferences, "Feed Folder"), ==, "~/Nextcloud/Calendriers publics");
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

static gboolean
dialog_closed (gconstpointer data)
{
  return gui_test_find_toplevel (ESCALE_TYPE_EXPORT_DIALOG) == NULL;
}

static void
test_export_period (GuiTestFixture *fixture,
                    gconstpointer   data)
{
  EscaleContext *context = escale_window_get_context (fixture->window);
  g_autoptr(EscaleEvent) session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autofree char *path = g_build_filename (fixture->folder, "invitation.ics", NULL);
  g_autofree char *second_path = g_build_filename (fixture->folder, "personnel.ics", NULL);
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *from_row;
  GtkWidget *to_row;
  GtkWidget *export_button;
  gint64 person;

  escale_event_set_times (session, gui_test_days_from_now (10, 13, 30), gui_test_days_from_now (10, 15, 0));
  escale_event_set_status (session, ESCALE_EVENT_STATUS_PUBLISHED);
  save_session (context, session, "Séance d’information, Laval");
  person = gui_test_register_new_person (context, escale_event_get_id (session), "Amina");
  {
    g_autoptr(EscaleParticipant) amina = escale_participant_repository_load (escale_context_get_participants (context),
                                                                            person, NULL);
    EscaleParticipantForm form = { { NULL } };
    g_autoptr(GError) error = NULL;

    /* Invitations go to those with an email address. */
    form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = "Amina";
    form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = "Essai";
    form.values[ESCALE_PARTICIPANT_FIELD_EMAIL] = "amina@example.org";
    g_assert_true (escale_participant_form_apply (&form, NULL, amina, &error));
    g_assert_true (escale_participant_repository_save (escale_context_get_participants (context), amina, &error));
    g_assert_no_error (error);
  }

  /* Export to Calendar… in the main menu: every event between two days. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-calendar", NULL);
  gui_test_spin (100);
  dialog = GTK_WIDGET (gui_test_find_toplevel (ESCALE_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gui_test_row_subtitle (dialog, "What"), ==, "Every event between two days");
  from_row = gui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "First day (YYYY-MM-DD)");
  to_row = gui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "Last day (YYYY-MM-DD)");
  export_button = gui_test_find_widget (dialog, GTK_TYPE_BUTTON, "_Export…");

  /* A period that ends before it starts is named, and nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (to_row), "2020-01-01");
  gui_test_assert_label_shown (dialog, "Last day: it comes before the first day");
  g_assert_false (gtk_widget_is_sensitive (export_button));
  gtk_editable_set_text (GTK_EDITABLE (to_row), "le 3 mars");
  gui_test_assert_label_shown (dialog, "Last day: write the date as YYYY-MM-DD");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
    g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");

    gtk_editable_set_text (GTK_EDITABLE (from_row), from);
    gtk_editable_set_text (GTK_EDITABLE (to_row), to);
  }
  g_assert_true (gtk_widget_is_sensitive (export_button));

  /* An invitation, listing the people registered. */
  gui_test_choose (gui_test_find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Purpose"), "Invitation");
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_widget (dialog, GTK_TYPE_SWITCH, NULL)), TRUE);
  gui_test_save_screenshot (dialog, "export-period.png");
  escale_export_dialog_export_to (ESCALE_EXPORT_DIALOG (dialog), path);
  g_assert_true (gui_test_wait_until (dialog_closed, NULL));
  gui_test_assert_label_shown (GTK_WIDGET (fixture->window), "Exported to “invitation.ics”");
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "METHOD:REQUEST\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Séance d’information\\, Laval\r\n"));
  {
    /* The attendee's line is folded at 75 octets. */
    g_auto(GStrv) folds = g_strsplit (text, "\r\n ", -1);
    g_autofree char *unfolded = g_strjoinv ("", folds);

    g_assert_nonnull (strstr (unfolded, "ATTENDEE;CN=Amina Essai;"));
    g_assert_nonnull (strstr (unfolded, ":mailto:amina@example.org\r\n"));
  }
  g_clear_pointer (&text, g_free);

  /* From a participant's file: their own calendar, never with others. */
  {
    EscaleParticipantEditor *editor = escale_participant_editor_new (context, person);

    gtk_window_present (GTK_WINDOW (editor));
    gui_test_spin (100);
    g_signal_emit_by_name (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "E_xport Calendar…"),
                           "activated");
    gui_test_spin (100);
    dialog = GTK_WIDGET (gui_test_find_toplevel (ESCALE_TYPE_EXPORT_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gui_test_row_subtitle (dialog, "What"), ==, "Calendar of Amina Essai");
    g_assert_false (gtk_widget_get_visible (gui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, "Include _Participants")));
    g_assert_false (gtk_widget_get_visible (gui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "First day (YYYY-MM-DD)")));
    escale_export_dialog_export_to (ESCALE_EXPORT_DIALOG (dialog), second_path);
    g_assert_true (gui_test_wait_until (dialog_closed, NULL));
    gui_test_assert_label_shown (GTK_WIDGET (editor), "Exported to “personnel.ics”");
    g_assert_true (g_file_get_contents (second_path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "METHOD:PUBLISH\r\n"));
    g_assert_nonnull (strstr (text, "SUMMARY:Séance d’information\\, Laval\r\n"));
    g_assert_null (strstr (text, "ATTENDEE"));
    gtk_window_destroy (GTK_WINDOW (editor));
  }
}

static gboolean
report_shown (gconstpointer data)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
import_and_read_report (GtkWidget  *row,
                        const char *path,
                        const char *heading)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  escale_agenda_row_import (ESCALE_AGENDA_ROW (row), file);
  g_assert_true (gui_test_wait_until (report_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
}

/* A partner's Outlook export, imported from its file: the report, then
 * the agenda's name and size in the row; a file that is not a calendar
 * is refused and the agenda stays as it was. */
static void
test_import_agenda (GuiTestFixture *fixture,
                    gconstpointer   data)
{
  EscaleContext *context = escale_window_get_context (fixture->window);
  g_autoptr(EscalePartner) partner = g_list_model_get_item (escale_partner_repository_get_partners (
                                                              escale_context_get_partners (context)), 0);
  EscalePartnerEditor *editor = escale_partner_editor_new (context, partner);
  g_autofree char *outlook = g_test_build_filename (G_TEST_DIST, "core", "ics", "outlook.ics", NULL);
  g_autofree char *html = g_build_filename (fixture->folder, "agenda.ics", NULL);
  g_autofree char *imported = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (editor));
  gui_test_spin (100);
  row = gui_test_find_widget (GTK_WIDGET (editor), ESCALE_TYPE_AGENDA_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "None imported."));

  import_and_read_report (row, outlook, "Agenda Imported");
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "“Carrefour jeunesse-emploi – agenda”: "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), " added, 0 updated, 0 removed, 0 unchanged."));
  gui_test_save_screenshot (GTK_WIDGET (dialog), "agenda-report.png");
  gui_test_respond ("_Close");
  imported = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_true (g_str_has_prefix (imported, "“Carrefour jeunesse-emploi – agenda”, imported on "));
  g_assert_true (gtk_widget_get_visible (gui_test_find_widget (row, GTK_TYPE_BUTTON, "_Refresh")));
  gui_test_save_screenshot (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Calendar"),
                            "partner-agenda.png");

  /* Not a calendar at all: said plainly, and the agenda is untouched. */
  g_assert_true (g_file_set_contents (html, "<html><body>Calendrier</body></html>\n", -1, NULL));
  import_and_read_report (row, html, "Agenda Not Imported");
  gui_test_respond ("_Close");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, imported);

  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/calendar/publish", GuiTestFixture, GINT_TO_POINTER (TRUE), gui_test_fixture_set_up, test_publish,
              gui_test_fixture_tear_down);
  g_test_add ("/calendar/import-agenda", GuiTestFixture, GINT_TO_POINTER (TRUE), gui_test_fixture_set_up,
              test_import_agenda, gui_test_fixture_tear_down);
  g_test_add ("/calendar/export", GuiTestFixture, GINT_TO_POINTER (FALSE), gui_test_fixture_set_up, test_export_period,
              gui_test_fixture_tear_down);

  return gui_test_run ();
}
