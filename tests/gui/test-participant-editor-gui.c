/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <string.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-consent-row.h"
#include "escale-follow-up-row.h"
#include "escale-locale.h"
#include "escale-participant-editor.h"
#include "escale-participant-form.h"

#include "../test-folder.h"
#include "gui-test-driver.h"

/* The participant editor, driven through its widgets the way a counsellor
 * would under Xvfb: typing, choosing, recording consent, merging and
 * deleting. Without a display this test fails; it never skips. The editor
 * needs a context, not the main window: each test opens a database of its
 * own. */

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

static EscaleContext *
context_of (EditorFixture *fixture)
{
  return fixture->context;
}

static EscaleParticipantRepository *
participants_of (EditorFixture *fixture)
{
  return escale_context_get_participants (context_of (fixture));
}

static GtkWidget *
open_editor (EditorFixture *fixture,
             gint64         id)
{
  EscaleParticipantEditor *editor = escale_participant_editor_new (context_of (fixture), id);

  gtk_window_present (GTK_WINDOW (editor));
  gui_test_spin (100);

  return GTK_WIDGET (editor);
}

/* Every file, in the order they were created. */
static GArray *
all_ids (EditorFixture *fixture)
{
  EscaleParticipantQuery query;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  escale_participant_query_init (&query);
  query.sort = ESCALE_PARTICIPANT_SORT_CREATED;
  ids = escale_participant_repository_search (participants_of (fixture), &query, &error);
  g_assert_no_error (error);

  return ids;
}

static EscaleParticipant *
load (EditorFixture *fixture,
      gint64         id)
{
  g_autoptr(GError) error = NULL;
  EscaleParticipant *participant = escale_participant_repository_load (participants_of (fixture), id, &error);

  g_assert_no_error (error);
  return participant;
}

/* A file saved the way the editor saves one. */
static gint64
save_person (EditorFixture *fixture,
             const char    *given_name,
             const char    *family_name,
             const char    *email,
             const char    *note)
{
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;
  EscaleParticipantForm form = { { NULL } };

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given_name;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family_name;
  form.values[ESCALE_PARTICIPANT_FIELD_EMAIL] = email;
  g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
  if (note != NULL)
    {
      g_autoptr(EscaleCaseNote) case_note = escale_case_note_new ("2026-01-12", "Julie Gagnon", note);

      escale_participant_add_note (participant, case_note);
    }
  g_assert_true (escale_participant_repository_save (participants_of (fixture), participant, &error));
  g_assert_no_error (error);

  return escale_participant_get_id (participant);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = gui_test_find_widget (root, type, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  return row;
}

/* However slow the machine (the sanitizer build is several times slower). */
static GtkWidget *
wait_for_row (GtkWidget  *root,
              GType       type,
              const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *row;

  while ((row = gui_test_find_widget (root, type, title)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  if (row == NULL)
    g_error ("No row titled “%s” appeared", title);
  return row;
}

static void
wait_for_banner (GtkWidget *editor,
                 gboolean   shown)
{
  GtkRevealer *banner = GTK_REVEALER (gui_test_find_widget (editor, GTK_TYPE_REVEALER, NULL));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (banner);
  while (gtk_revealer_get_reveal_child (banner) != shown && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_revealer_get_reveal_child (banner), ==, shown);
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, title)), text);
}

static void
choose (GtkWidget  *root,
        const char *title,
        const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (root, ADW_TYPE_COMBO_ROW, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item) == 0)
        {
          adw_combo_row_set_selected (row, i);
          gui_test_spin (20);
          return;
        }
    }

  g_error ("“%s” offers no “%s”", title, item);
}

/* Buttons whose text is an AdwButtonContent, as in group headers, or that
 * only have an icon and a tooltip. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (root))
    {
      child = gtk_button_get_child (GTK_BUTTON (root));
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0 ||
          g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0 ||
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

static void
click (GtkWidget  *root,
       const char *text)
{
  GtkWidget *button = find_button (root, text);

  if (button == NULL)
    g_error ("No button “%s”", text);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (50);
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

static gboolean
message_shown (GtkWidget  *root,
               const char *message)
{
  GtkWidget *row = gui_test_find_widget (root, ADW_TYPE_ACTION_ROW, message);

  return row != NULL && gtk_widget_get_visible (row);
}

/* Presses a button of the dialog that is open, which then closes. */
static void
respond (const char *button)
{
  GtkWindow *dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  click (GTK_WIDGET (dialog), button);
  gui_test_spin (100);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
save (GtkWidget *editor)
{
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  gui_test_spin (100);
}

static void
type_note (GtkWidget  *editor,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (gui_test_find_widget (editor, GTK_TYPE_TEXT_VIEW, NULL));

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
shift_today (int days)
{
  g_autofree char *today = escale_calendar_date_today ();
  GDate date;

  g_assert_true (escale_calendar_date_parse (today, &date));
  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);

  return escale_calendar_date_format (&date);
}

static void
test_create_and_edit (EditorFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(EscaleParticipant) created = NULL;
  g_autoptr(EscaleParticipant) edited = NULL;
  g_autoptr(EscaleHouseholdMember) child = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected_regions[] = { "11", "01", NULL };
  EscaleAuditEntry *last;
  GtkWidget *delete_button;
  GtkWidget *editor;
  GtkWidget *member;
  GtkWidget *licence;
  gint64 id;

  /* Create: a new file has no consent yet, and says so. */
  editor = open_editor (fixture, 0);
  g_assert_false (message_shown (editor, "This field is required"));
  delete_button = find_button (editor, "_Delete Participant…");
  g_assert_true (delete_button == NULL || !gtk_widget_is_visible (delete_button));

  set_row_text (editor, "Given name", "  Marie ");
  set_row_text (editor, "Family name", "Tremblay");
  set_row_text (editor, "Email", "Marie.Tremblay@Courriel.Example");
  set_row_text (editor, "Phone", "(418) 555-0123");
  set_row_text (editor, "NOC code", "CNP 31301");
  set_row_text (editor, "Year of birth", "1991-04-12");
  choose (editor, "Immigration status", "Permanent resident");
  choose (editor, "French level (1–12)", "9");
  choose (editor, "Education", "Master’s degree");

  /* Regions in order of preference: two added, then the second moved up. */
  choose (editor, "Add a region", "Bas-Saint-Laurent");
  wait_for_row (editor, ADW_TYPE_ACTION_ROW, "Bas-Saint-Laurent");
  choose (editor, "Add a region", "Gaspésie–Îles-de-la-Madeleine");
  click (wait_for_row (editor, ADW_TYPE_ACTION_ROW, "Gaspésie–Îles-de-la-Madeleine"), "Move Up");

  save (editor);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));

  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 1);
  id = g_array_index (ids, gint64, 0);
  created = load (fixture, id);
  g_assert_cmpstr (escale_participant_get_given_name (created), ==, "Marie");
  /* The domain is lower-cased; the mailbox is the person's own. */
  g_assert_cmpstr (escale_participant_get_text (created, ESCALE_PARTICIPANT_FIELD_EMAIL), ==,
                   "Marie.Tremblay@courriel.example");
  g_assert_cmpstr (escale_participant_get_text (created, ESCALE_PARTICIPANT_FIELD_PHONE), ==, "418 555-0123");
  g_assert_cmpstr (escale_participant_get_text (created, ESCALE_PARTICIPANT_FIELD_NOC_CODE), ==, "31301");
  g_assert_cmpint (escale_participant_get_number (created, ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR), ==, 1991);
  g_assert_cmpint (escale_participant_get_number (created, ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL), ==, 9);
  g_assert_cmpint (escale_participant_get_immigration_status (created), ==, ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT);
  g_assert_cmpint (escale_participant_get_education (created), ==, ESCALE_EDUCATION_MASTER);
  g_assert_cmpstrv (escale_participant_get_regions (created), expected_regions);
  g_assert_cmpstr (escale_participant_get_text (created, ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE), ==, "fr");
  g_assert_false (escale_participant_get_driving_licence (created));

  /* Edit: the saved values come back in the fields. */
  editor = open_editor (fixture, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "Email"))), ==,
                   "Marie.Tremblay@courriel.example");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, "Immigration status"))),
                    ==, ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT);
  g_assert_nonnull (find_button (editor, "_Delete Participant…"));
  g_assert_true (gtk_widget_is_visible (find_button (editor, "_Delete Participant…")));

  set_row_text (editor, "City", "Rimouski");
  licence = find_row (editor, ADW_TYPE_ACTION_ROW, "Driving licence");
  licence = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (licence));
  gtk_switch_set_active (GTK_SWITCH (licence), TRUE);
  click (gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW, "Bas-Saint-Laurent"), "Remove Region");
  g_assert_null (gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW, "Bas-Saint-Laurent"));

  /* A daughter joins the household; a wrong year is pointed out. */
  click (editor, "Add _Member");
  member = find_row (editor, ADW_TYPE_EXPANDER_ROW, "Unnamed member");
  choose (member, "Relation", "Child");
  set_row_text (member, "First name", "Léa");
  set_row_text (member, "Year of birth", "3018");
  g_assert_true (message_shown (member, "Enter a year of birth such as 1988"));
  save (editor);
  g_assert_nonnull (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));
  set_row_text (member, "Year of birth", "2018");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (member)), ==, "Child, born in 2018");
  save (editor);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));

  edited = load (fixture, id);
  g_assert_cmpstr (escale_participant_get_text (edited, ESCALE_PARTICIPANT_FIELD_CITY), ==, "Rimouski");
  g_assert_true (escale_participant_get_driving_licence (edited));
  g_assert_cmpuint (g_strv_length ((GStrv) escale_participant_get_regions (edited)), ==, 1);
  g_assert_cmpstr (escale_participant_get_regions (edited)[0], ==, "11");
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_household (edited)), ==, 1);
  child = g_list_model_get_item (escale_participant_get_household (edited), 0);
  g_assert_cmpint (escale_household_member_get_relation (child), ==, ESCALE_HOUSEHOLD_RELATION_CHILD);
  g_assert_cmpstr (escale_household_member_get_given_name (child), ==, "Léa");
  g_assert_cmpint (escale_household_member_get_birth_year (child), ==, 2018);

  /* The audit names the fields that changed, never their values. */
  audit = escale_audit_log_list_for (escale_context_get_database (context_of (fixture)), "participant", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  last = g_ptr_array_index (audit, 0);
  if (g_str_equal (last->action, "create"))
    last = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_nonnull (strstr (last->details, "city"));
  g_assert_nonnull (strstr (last->details, "driving-licence"));
  g_assert_nonnull (strstr (last->details, "regions"));
  g_assert_nonnull (strstr (last->details, "household"));
  g_assert_null (strstr (last->details, "Rimouski"));
  g_assert_null (strstr (last->details, "email"));
}

static void
test_field_errors (EditorFixture *fixture,
                   gconstpointer  data)
{
  GtkWidget *editor = open_editor (fixture, 0);
  g_autoptr(GArray) ids = NULL;

  /* A wrong email is explained under its field as it is typed. */
  set_row_text (editor, "Email", "pas une adresse");
  g_assert_true (message_shown (editor, "Enter an email address such as name@example.org"));
  set_row_text (editor, "Year of birth", "88");
  g_assert_true (message_shown (editor, "Enter a year of birth such as 1988"));
  /* Names untouched are not yet reproached. */
  g_assert_false (message_shown (editor, "This field is required"));

  save (editor);
  g_assert_nonnull (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));
  g_assert_true (message_shown (editor, "This field is required"));
  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 0);

  set_row_text (editor, "Email", "aicha.benali@courriel.example");
  g_assert_false (message_shown (editor, "Enter an email address such as name@example.org"));
  gui_test_save_screenshot (editor, "participant-editor-invalid.png");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_consent_notes_follow_ups (EditorFixture *fixture,
                               gconstpointer  data)
{
  gint64 id = save_person (fixture, "José", "Ramírez", "jose.ramirez@courriel.example", NULL);
  g_autoptr(EscaleParticipant) saved = NULL;
  g_autoptr(EscaleConsent) consent = NULL;
  g_autoptr(EscaleCaseNote) note = NULL;
  g_autoptr(EscaleFollowUp) follow_up = NULL;
  g_autofree char *today = escale_calendar_date_today ();
  g_autofree char *yesterday = shift_today (-1);
  GtkWidget *editor = open_editor (fixture, id);
  GtkWidget *row;
  GtkWindow *dialog;
  AdwPreferencesGroup *consent_group;

  row = find_row (editor, ESCALE_TYPE_CONSENT_ROW, "Sharing with employers");
  consent_group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
  g_assert_cmpstr (adw_preferences_group_get_description (consent_group), ==,
                   "No consent recorded: record it before sharing this file.");

  /* Consent is recorded through a small form, dated today by default. */
  row = find_row (editor, ESCALE_TYPE_CONSENT_ROW, "Registration and follow-up");
  g_assert_false (gtk_widget_get_visible (find_button (row, "_Withdraw…")));
  click (row, "_Record Consent…");
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                  "Date (YYYY-MM-DD)"))), ==, today);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                  "Version of the privacy notice"))), ==, "2026-01");
  set_row_text (GTK_WIDGET (dialog), "Recorded by", "Julie Gagnon");
  respond ("_Record");
  g_assert_true (gtk_widget_get_visible (find_button (row, "_Withdraw…")));
  g_assert_nonnull (find_label (row, "Given"));
  g_assert_cmpstr (adw_preferences_group_get_description (consent_group), !=,
                   "No consent recorded: record it before sharing this file.");

  /* A note, and a follow-up that was due yesterday. */
  type_note (editor, "Premier appel : intéressée par le Bas-Saint-Laurent.");
  click (editor, "Add _Note");
  g_assert_nonnull (gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW,
                                          "Premier appel : intéressée par le Bas-Saint-Laurent."));

  click (editor, "Add _Follow-up");
  row = gui_test_find_widget (editor, ESCALE_TYPE_FOLLOW_UP_ROW, NULL);
  g_assert_nonnull (row);
  set_row_text (row, "Due date (YYYY-MM-DD)", "2026-02-30");
  g_assert_true (message_shown (row, "Enter the date as year-month-day, such as 2024-03-15"));
  set_row_text (row, "Due date (YYYY-MM-DD)", yesterday);
  set_row_text (row, "Notes", "Rappeler après l’entrevue");
  g_assert_nonnull (find_label (row, "Overdue"));
  g_assert_true (gtk_widget_get_visible (find_label (row, "Overdue")));

  /* Choosing an outcome completes it today. */
  choose (row, "Outcome", "Job interview");
  g_assert_nonnull (find_label (row, "Done"));
  save (editor);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));

  saved = load (fixture, id);
  g_assert_true (escale_participant_has_consent (saved, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_false (escale_participant_has_consent (saved, ESCALE_CONSENT_PURPOSE_EMPLOYERS));
  consent = g_list_model_get_item (escale_participant_get_consents (saved), 0);
  g_assert_cmpstr (escale_consent_get_given_on (consent), ==, today);
  g_assert_cmpstr (escale_consent_get_notice_version (consent), ==, "2026-01");
  g_assert_cmpstr (escale_consent_get_recorded_by (consent), ==, "Julie Gagnon");

  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_notes (saved)), ==, 1);
  note = g_list_model_get_item (escale_participant_get_notes (saved), 0);
  g_assert_cmpstr (escale_case_note_get_body (note), ==, "Premier appel : intéressée par le Bas-Saint-Laurent.");
  g_assert_cmpstr (escale_case_note_get_written_on (note), ==, today);

  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_follow_ups (saved)), ==, 1);
  follow_up = g_list_model_get_item (escale_participant_get_follow_ups (saved), 0);
  g_assert_cmpstr (escale_follow_up_get_due_on (follow_up), ==, yesterday);
  g_assert_cmpstr (escale_follow_up_get_notes (follow_up), ==, "Rappeler après l’entrevue");
  g_assert_cmpint (escale_follow_up_get_outcome (follow_up), ==, ESCALE_FOLLOW_UP_OUTCOME_INTERVIEW);
  g_assert_cmpstr (escale_follow_up_get_done_on (follow_up), ==, today);

  /* Withdrawing is a new record; the first one stays as it was. */
  editor = open_editor (fixture, id);
  click (find_row (editor, ESCALE_TYPE_CONSENT_ROW, "Registration and follow-up"), "_Withdraw…");
  respond ("_Withdraw");
  g_assert_nonnull (find_label (find_row (editor, ESCALE_TYPE_CONSENT_ROW, "Registration and follow-up"), "Withdrawn"));
  /* Notes, unlike consent, can be removed. */
  click (gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW, "Premier appel : intéressée par le Bas-Saint-Laurent."),
         "Remove Note");
  save (editor);

  g_clear_object (&saved);
  saved = load (fixture, id);
  g_assert_false (escale_participant_has_consent (saved, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_consents (saved)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_notes (saved)), ==, 0);
}

static void
test_duplicates (EditorFixture *fixture,
                 gconstpointer  data)
{
  gint64 first = save_person (fixture, "Marie", "Tremblay", "marie.tremblay@courriel.example",
                              "Rencontrée au salon Destination Québec.");
  g_autoptr(EscaleParticipant) merged = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) bodies = g_string_new (NULL);
  AdwWindowTitle *title;
  GtkRevealer *banner;
  GtkWidget *editor;
  GtkWidget *other;
  gint64 kept;

  /* The same person registers again on the web, with a second email case. */
  editor = open_editor (fixture, 0);
  banner = GTK_REVEALER (gui_test_find_widget (editor, GTK_TYPE_REVEALER, NULL));
  g_assert_nonnull (banner);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  set_row_text (editor, "Given name", "Marie");
  set_row_text (editor, "Family name", "Tremblay-Roy");
  set_row_text (editor, "Email", "MARIE.TREMBLAY@courriel.example");
  set_row_text (editor, "Phone", "418 555-0199");
  wait_for_banner (editor, TRUE);
  g_assert_nonnull (find_label (editor, "This may be the same person as Marie Tremblay (same email address)."));

  /* Open shows the other file in an editor of its own. */
  click (editor, "_Open");
  other = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ESCALE_IS_PARTICIPANT_EDITOR (window) && GTK_WIDGET (window) != editor)
        other = GTK_WIDGET (window);
    }
  g_assert_nonnull (other);
  g_assert_cmpint (escale_participant_editor_get_participant_id (ESCALE_PARTICIPANT_EDITOR (other)), ==, first);
  gtk_window_destroy (GTK_WINDOW (other));
  gui_test_spin (50);

  /* Merging saves the new file first, then keeps both files' notes. */
  type_note (editor, "Inscrite de nouveau par le formulaire Web.");
  click (editor, "_Merge…");
  respond ("_Merge");

  kept = escale_participant_editor_get_participant_id (ESCALE_PARTICIPANT_EDITOR (editor));
  g_assert_cmpint (kept, !=, 0);
  g_assert_cmpint (kept, !=, first);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  title = ADW_WINDOW_TITLE (gui_test_find_widget (editor, ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Edit Participant");
  g_assert_nonnull (gui_test_find_widget (editor, ADW_TYPE_ACTION_ROW, "Rencontrée au salon Destination Québec."));

  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kept);
  merged = load (fixture, kept);
  g_assert_cmpstr (escale_participant_get_family_name (merged), ==, "Tremblay-Roy");
  g_assert_cmpstr (escale_participant_get_text (merged, ESCALE_PARTICIPANT_FIELD_PHONE), ==, "418 555-0199");
  for (guint i = 0; i < g_list_model_get_n_items (escale_participant_get_notes (merged)); i++)
    {
      g_autoptr(EscaleCaseNote) note = g_list_model_get_item (escale_participant_get_notes (merged), i);

      g_string_append_printf (bodies, "%s\n", escale_case_note_get_body (note));
    }
  g_assert_nonnull (strstr (bodies->str, "Rencontrée au salon Destination Québec."));
  g_assert_nonnull (strstr (bodies->str, "Inscrite de nouveau par le formulaire Web."));

  /* Saving after the merge updates the kept file, and nothing more. */
  set_row_text (editor, "City", "Matane");
  save (editor);
  g_array_unref (g_steal_pointer (&ids));
  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 1);
}

static void
test_not_the_same_person (EditorFixture *fixture,
                          gconstpointer  data)
{
  gint64 first = save_person (fixture, "Marie", "Tremblay", "famille.tremblay@courriel.example", NULL);
  g_autoptr(EscaleParticipant) second = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkRevealer *banner;
  GtkWidget *editor;

  /* Two sisters share the family email address. */
  editor = open_editor (fixture, 0);
  banner = GTK_REVEALER (gui_test_find_widget (editor, GTK_TYPE_REVEALER, NULL));
  set_row_text (editor, "Given name", "Sophie");
  set_row_text (editor, "Family name", "Tremblay");
  set_row_text (editor, "Email", "famille.tremblay@courriel.example");
  wait_for_banner (editor, TRUE);

  click (editor, "_Not the Same Person");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  save (editor);

  /* The pair dismissed before the file had a number is remembered. */
  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 2);
  second = load (fixture, g_array_index (ids, gint64, 0) == first ? g_array_index (ids, gint64, 1)
                                                                    : g_array_index (ids, gint64, 0));
  duplicates = escale_participant_repository_find_duplicates (participants_of (fixture), second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (duplicates->len, ==, 0);
}

static void
on_deleted (EscaleParticipantEditor  *editor,
            EscaleParticipant        *participant,
            EscaleParticipant       **deleted)
{
  g_assert_null (*deleted);
  *deleted = g_object_ref (participant);
}

static void
test_delete (EditorFixture *fixture,
             gconstpointer  data)
{
  gint64 id = save_person (fixture, "Aïcha", "Benali", "aicha.benali@courriel.example", "Dossier ouvert.");
  g_autoptr(EscaleParticipant) deleted = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = open_editor (fixture, id);

  g_signal_connect (editor, "deleted", G_CALLBACK (on_deleted), &deleted);

  /* Cancel first: nothing happens. */
  click (editor, "_Delete Participant…");
  respond ("_Cancel");
  g_assert_null (deleted);
  g_assert_nonnull (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));

  click (editor, "_Delete Participant…");
  respond ("_Delete");
  g_assert_nonnull (deleted);
  g_assert_cmpint (escale_participant_get_id (deleted), ==, id);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_PARTICIPANT_EDITOR));
  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 0);

  /* The file the signal carries is what Undo restores. */
  g_assert_true (escale_participant_repository_restore (participants_of (fixture), deleted, &error));
  g_assert_no_error (error);
  g_array_unref (g_steal_pointer (&ids));
  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 1);
}

/* A realistic file, in French, for the README. */
static gint64
save_realistic_file (EditorFixture *fixture)
{
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *consented_on = shift_today (-40);
  g_autofree char *noted_on = shift_today (-40);
  g_autofree char *due_on = shift_today (-2);
  g_autofree char *next_on = shift_today (12);
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, consented_on,
                                                         "2026-01", "Julie Gagnon");
  g_autoptr(EscaleConsent) employers = escale_consent_new (ESCALE_CONSENT_PURPOSE_EMPLOYERS, TRUE, consented_on,
                                                           "2026-01", "Julie Gagnon");
  g_autoptr(EscaleCaseNote) note = escale_case_note_new (noted_on, "Julie Gagnon",
                                                         "Rencontrée au salon Destination Québec. Cherche un poste "
                                                         "d’infirmière en région, idéalement près de la mer.");
  g_autoptr(EscaleFollowUp) call = escale_follow_up_new (due_on, ESCALE_FOLLOW_UP_KIND_CALL);
  g_autoptr(EscaleFollowUp) visit = escale_follow_up_new (next_on, ESCALE_FOLLOW_UP_KIND_VISIT);
  g_autoptr(EscaleHouseholdMember) spouse = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_SPOUSE, "Moussa", 1988);
  g_autoptr(EscaleHouseholdMember) child = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_CHILD, "Fatou", 2019);
  EscaleParticipantForm form = { { NULL } };

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = "Aminata";
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = "Diallo";
  form.values[ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME] = "Amina";
  form.values[ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR] = "1991";
  form.values[ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN] = "Sénégal";
  form.values[ESCALE_PARTICIPANT_FIELD_EMAIL] = "aminata.diallo@courriel.example";
  form.values[ESCALE_PARTICIPANT_FIELD_PHONE] = "514 555-0142";
  form.values[ESCALE_PARTICIPANT_FIELD_CITY] = "Montréal";
  form.values[ESCALE_PARTICIPANT_FIELD_SOURCE] = "Salon Destination Québec";
  form.values[ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS] = "permanent-resident";
  form.values[ESCALE_PARTICIPANT_FIELD_ARRIVED_ON] = "2023-08-14";
  form.values[ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL] = "10";
  form.values[ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL] = "6";
  form.values[ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES] = "wolof, peul";
  form.values[ESCALE_PARTICIPANT_FIELD_EDUCATION] = "bachelor";
  form.values[ESCALE_PARTICIPANT_FIELD_OCCUPATION] = "Infirmière";
  form.values[ESCALE_PARTICIPANT_FIELD_NOC_CODE] = "31301";
  form.values[ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS] = "6";
  form.values[ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE] = "oui";
  form.values[ESCALE_PARTICIPANT_FIELD_REGIONS] = "01, 11, 09";
  g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
  g_assert_no_error (error);

  escale_participant_add_consent (participant, consent);
  escale_participant_add_consent (participant, employers);
  escale_participant_add_note (participant, note);
  escale_follow_up_set_notes (call, "Suivi de l’entrevue au CISSS du Bas-Saint-Laurent");
  escale_participant_add_follow_up (participant, call);
  escale_follow_up_set_notes (visit, "Visite exploratoire à Rimouski avec sa famille");
  escale_participant_add_follow_up (participant, visit);
  escale_participant_add_household_member (participant, spouse);
  escale_participant_add_household_member (participant, child);

  g_assert_true (escale_participant_repository_save (participants_of (fixture), participant, &error));
  g_assert_no_error (error);

  return escale_participant_get_id (participant);
}

static void
scroll_to (GtkWidget *editor,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gui_test_find_widget (editor, GTK_TYPE_SCROLLED_WINDOW, NULL));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (scrolled), 0, 0, &x, &y));
  /* The viewport's coordinates move with what is already scrolled. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  gui_test_spin (100);
}

/* French comes first: the README's screenshot of the editor. GLib decides
 * once per process whether to translate, so the test runs itself again
 * under LANGUAGE=fr. */
static void
test_screenshot_in_french (EditorFixture *fixture,
                           gconstpointer  data)
{
  gint64 id;
  GtkWidget *editor;
  GtkWidget *consent;
  GtkWidget *title;

  if (!g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "fr", TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_setenv ("LANGUAGE", "en", TRUE);
      g_test_trap_assert_passed ();
      return;
    }

  id = save_realistic_file (fixture);
  /* She had also registered on the web last spring. */
  save_person (fixture, "Aminata", "Diallo", "aminata.diallo@courriel.example", NULL);

  editor = open_editor (fixture, id);
  gtk_window_set_default_size (GTK_WINDOW (editor), 720, 900);
  gui_test_spin (500);
  title = gui_test_find_widget (editor, ADW_TYPE_WINDOW_TITLE, NULL);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Modifier le participant");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gui_test_find_widget (editor, GTK_TYPE_REVEALER, NULL))));
  g_assert_nonnull (find_label (editor,
                                "Il s’agit peut-être de la même personne\u00a0: Aminata Diallo (même adresse courriel)."));
  gui_test_save_screenshot (editor, "participant-editor.png");

  scroll_to (editor, gtk_widget_get_ancestor (find_row (editor, ADW_TYPE_ENTRY_ROW, "Arrivée au Québec (AAAA-MM-JJ)"),
                                              ADW_TYPE_PREFERENCES_GROUP));
  gui_test_save_screenshot (editor, "participant-editor-immigration.png");

  consent = find_row (editor, ESCALE_TYPE_CONSENT_ROW, "Inscription et suivi");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (consent), TRUE);
  scroll_to (editor, gtk_widget_get_ancestor (consent, ADW_TYPE_PREFERENCES_GROUP));
  gui_test_save_screenshot (editor, "participant-editor-consent.png");

  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int    argc,
      char **argv)
{
  escale_locale_init ();
  gui_test_init (&argc, &argv);

#define ADD(path, function) \
  g_test_add ("/gui/participant-editor/" path, EditorFixture, NULL, \
              editor_fixture_set_up, function, editor_fixture_tear_down)

  ADD ("create-and-edit", test_create_and_edit);
  ADD ("field-errors", test_field_errors);
  ADD ("consent-notes-follow-ups", test_consent_notes_follow_ups);
  ADD ("duplicates", test_duplicates);
  ADD ("not-the-same-person", test_not_the_same_person);
  ADD ("delete", test_delete);
  ADD ("screenshot-in-french", test_screenshot_in_french);

#undef ADD

  return gui_test_run ();
}
