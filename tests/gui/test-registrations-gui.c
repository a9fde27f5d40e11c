/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include "escale-participant-form.h"
#include "escale-register-dialog.h"
#include "escale-registration-row.h"
#include "escale-registrations-view.h"
#include "escale-roll-call-view.h"

#include "gui-test-driver.h"

/* The registrations of an event and its roll call under Xvfb, driven as a
 * counsellor does: search and choose in the register dialog, the row
 * menus, the confirmation before a cancellation, a justification for
 * someone the rules leave out, and the roll call of a stop with the
 * keyboard. The events and participants are made through the
 * repositories; everything after, through the widgets. */

static EscaleContext *
context_of (GuiTestFixture *fixture)
{
  return escale_window_get_context (fixture->window);
}

/* A window of its own for a view, as the event editor will hold it. */
static GtkWindow *
host_new (GuiTestFixture *fixture,
          GtkWidget      *view,
          int             width,
          int             height)
{
  GtkWidget *host = adw_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (host), GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (host), width, height);
  adw_window_set_content (ADW_WINDOW (host), view);
  gtk_window_present (GTK_WINDOW (host));
  gui_test_spin (100);

  return GTK_WINDOW (host);
}

static gint64
add_participant (GuiTestFixture *fixture,
                 const char     *given,
                 const char     *family,
                 const char     *status,
                 guint           household,
                 gboolean        consenting)
{
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family;
  form.values[ESCALE_PARTICIPANT_FIELD_CITY] = "Montréal";
  form.values[ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS] = status;
  g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < household; i++)
    {
      g_autoptr(EscaleHouseholdMember) child = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_CHILD, "Enfant",
                                                                            2015);

      escale_participant_add_household_member (participant, child);
    }
  if (consenting)
    {
      g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-01-10",
                                                             "2026-01", "Conseillère");

      escale_participant_add_consent (participant, consent);
    }
  g_assert_true (escale_participant_repository_save (escale_context_get_participants (context_of (fixture)),
                                                     participant, &error));
  g_assert_no_error (error);

  return escale_participant_get_id (participant);
}

static EscaleEvent *
save_visit (GuiTestFixture *fixture,
            int             capacity,
            gboolean        with_stops)
{
  g_autoptr(EscaleEvent) visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (visit, "title", "Deux jours en Abitibi");
  escale_event_set_times (visit, gui_test_days_from_now (20, 7, 0), gui_test_days_from_now (21, 20, 0));
  escale_event_set_capacity (visit, capacity);
  escale_event_set_status (visit, ESCALE_EVENT_STATUS_PUBLISHED);
  if (with_stops)
    {
      g_autoptr(EscaleItineraryStop) departure =
        escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Departure", gui_test_days_from_now (20, 7, 30),
                                   gui_test_days_from_now (20, 7, 45));
      g_autoptr(EscaleItineraryStop) lunch =
        escale_itinerary_stop_new (ESCALE_STOP_KIND_MEAL, "Dîner à Amos", gui_test_days_from_now (21, 12, 0),
                                   gui_test_days_from_now (21, 13, 0));

      escale_itinerary_stop_set_place_name (departure, "Métro Berri-UQAM");
      escale_event_add_stop (visit, departure);
      escale_event_add_stop (visit, lunch);
    }
  g_assert_true (escale_event_repository_save (escale_context_get_events (context_of (fixture)), visit, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&visit);
}

static EscaleRegistration *
find_registration (GuiTestFixture *fixture,
                   EscaleEvent    *event,
                   gint64          participant_id)
{
  g_autoptr(GError) error = NULL;
  EscaleRegistration *registration =
    escale_registration_repository_find (escale_context_get_registrations (context_of (fixture)),
                                         escale_event_get_id (event), participant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registration);
  return registration;
}

/* "Seats: Amina Diallo, Bao Tran | Waitlist: Elif Yilmaz | Cancelled: …",
 * from the rows, in the order shown. */
static void
collect_rows (GtkWidget *root,
              GString   *seats,
              GString   *waitlist,
              GString   *cancelled)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ESCALE_IS_REGISTRATION_ROW (child))
        {
          GtkWidget *group = gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_GROUP);
          const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
          GString *list = gtk_widget_get_ancestor (child, ADW_TYPE_EXPANDER_ROW) != NULL ? cancelled
                          : g_strcmp0 (title, "Waitlist") == 0 ? waitlist : seats;

          g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "",
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
        }
      else
        collect_rows (child, seats, waitlist, cancelled);
    }
}

static char *
describe_rows (GtkWidget *view)
{
  g_autoptr(GString) seats = g_string_new (NULL);
  g_autoptr(GString) waitlist = g_string_new (NULL);
  g_autoptr(GString) cancelled = g_string_new (NULL);

  collect_rows (view, seats, waitlist, cancelled);
  return g_strdup_printf ("Seats: %s | Waitlist: %s | Cancelled: %s", seats->str, waitlist->str, cancelled->str);
}

static EscaleRegisterDialog *
open_register_dialog (GtkWidget *view)
{
  GtkWidget *button = gui_test_find_widget (view, GTK_TYPE_BUTTON, "_Register Participant…");
  GtkWindow *dialog;

  gui_test_click (button);
  dialog = gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG);
  g_assert_nonnull (dialog);

  return ESCALE_REGISTER_DIALOG (dialog);
}

/* Types @search, chooses @name among the matches, and says how many
 * seats; returns the seats the dialog proposed first. */
static int
choose_participant (EscaleRegisterDialog *dialog,
                    const char           *search,
                    const char           *name,
                    int                   seats)
{
  GtkWidget *entry = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL));
  GtkWidget *row;
  int proposed;

  gui_test_search (GTK_SEARCH_ENTRY (entry), search);
  row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, name);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  proposed = gtk_spin_button_get_value_as_int (spin);
  gtk_spin_button_set_value (spin, seats);

  return proposed;
}

/* Registers through the dialog and waits for it to close: Enter in the
 * search entry, or in the Diet field after typing it there. */
static void
register_participant (GtkWidget  *view,
                      const char *search,
                      const char *name,
                      int         seats,
                      const char *diet)
{
  EscaleRegisterDialog *dialog = open_register_dialog (view);
  GtkWidget *entry = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);

  /* The dialog opens ready to type a name. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), entry));
  choose_participant (dialog, search, name, seats);
  if (diet != NULL)
    {
      GtkWidget *diet_row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Diet");

      gtk_editable_set_text (GTK_EDITABLE (diet_row), diet);
      gtk_widget_grab_focus (diet_row);
      gtk_widget_activate_default (gtk_root_get_focus (GTK_ROOT (dialog)));
    }
  else
    g_signal_emit_by_name (entry, "activate");
  /* The button shows itself pressed for a moment before it acts. */
  for (guint waited = 0; gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG) != NULL && waited < 2000; waited += 50)
    gui_test_spin (50);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG));
  gui_test_spin (50);
}

/* The dialog's message after a refusal. */
static const char *
problem_of (EscaleRegisterDialog *dialog)
{
  GtkWidget *label = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, ".error");

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The row menu's item @label, activated as a click on it would. */
static void
activate_row_action (GtkWidget  *view,
                     const char *name,
                     const char *label)
{
  GtkWidget *row = gui_test_find_widget (view, ESCALE_TYPE_REGISTRATION_ROW, name);

  g_assert_nonnull (row);
  gui_test_activate_menu_item (GTK_MENU_BUTTON (gui_test_find_widget (row, GTK_TYPE_MENU_BUTTON, "Registration Actions")),
                               label);
}

static gboolean
row_menu_has (GtkWidget  *view,
              const char *name,
              const char *label)
{
  GtkWidget *row = gui_test_find_widget (view, ESCALE_TYPE_REGISTRATION_ROW, name);
  GMenuModel *menu = gtk_menu_button_get_menu_model (
    GTK_MENU_BUTTON (gui_test_find_widget (row, GTK_TYPE_MENU_BUTTON, "Registration Actions")));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *item_label = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
          if (g_strcmp0 (item_label, label) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_register_and_cancel (GuiTestFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(EscaleEvent) visit = save_visit (fixture, 3, FALSE);
  GtkWidget *view = escale_registrations_view_new ();
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autofree char *rows = NULL;
  EscaleRegisterDialog *dialog;
  AdwMessageDialog *confirmation;
  GtkWindow *host;
  gint64 bao, carlos, ingrid;

  add_participant (fixture, "Amina", "Diallo", NULL, 0, TRUE);
  bao = add_participant (fixture, "Bao", "Tran", NULL, 0, TRUE);
  carlos = add_participant (fixture, "Carlos", "Mendes", NULL, 0, TRUE);
  add_participant (fixture, "Dana", "Kowalski", NULL, 0, TRUE);
  add_participant (fixture, "Elif", "Yilmaz", NULL, 1, TRUE);
  add_participant (fixture, "Hugo", "Hébert", NULL, 0, FALSE);
  ingrid = add_participant (fixture, "Ingrid", "Ibarra", "student", 0, TRUE);

  escale_registrations_view_set_event (ESCALE_REGISTRATIONS_VIEW (view), context_of (fixture), visit);
  host = host_new (fixture, view, 1024, 700);
  gui_test_assert_label_shown (view, "Nobody is registered yet. Register participants from the directory with Register "
                               "Participant…");
  gui_test_assert_label_shown (view, "0 of 3 seats");

  /* Amina, who eats halal, and Bao take two of the three seats. */
  register_participant (view, "amina", "Amina Diallo", 1, "Halal");
  gui_test_assert_label_shown (view, "Amina Diallo is registered");
  g_assert_cmpstr (gui_test_row_subtitle (view, "Amina Diallo"), ==, "Diet: Halal");
  register_participant (view, "tran", "Bao Tran", 1, NULL);
  gui_test_assert_label_shown (view, "2 of 3 seats");

  /* Elif comes with her child: the dialog proposes two seats, one is
   * left, she waits. */
  dialog = open_register_dialog (view);
  g_assert_cmpint (choose_participant (dialog, "yilmaz", "Elif Yilmaz", 2), ==, 2);
  gui_test_click (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Register"));
  gui_test_assert_label_shown (view, "Elif Yilmaz is number 1 on the waitlist");
  gui_test_assert_label_shown (view, "2 of 3 seats · 1 waiting");
  g_assert_cmpstr (gui_test_row_subtitle (view, "Elif Yilmaz"), ==, "Waits for 2 seats");

  /* Carlos fits in the last seat, which Elif's family does not; Dana,
   * the fourth alone, waits behind Elif. */
  register_participant (view, "carlos", "Carlos Mendes", 1, NULL);
  gui_test_assert_label_shown (view, "Carlos Mendes is registered");
  register_participant (view, "kowalski", "Dana Kowalski", 1, NULL);
  gui_test_assert_label_shown (view, "Dana Kowalski is number 2 on the waitlist");
  gui_test_assert_label_shown (view, "3 of 3 seats · 2 waiting");
  rows = describe_rows (view);
  g_assert_cmpstr (rows, ==, "Seats: Amina Diallo, Carlos Mendes, Bao Tran | Waitlist: Elif Yilmaz, Dana Kowalski | "
                             "Cancelled: ");
  g_clear_pointer (&rows, g_free);

  /* Twice, and without consent: refused, the dialog says why. */
  dialog = open_register_dialog (view);
  choose_participant (dialog, "amina", "Amina Diallo", 1);
  gui_test_click (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Register"));
  g_assert_nonnull (strstr (problem_of (dialog), "already registered"));
  choose_participant (dialog, "hugo", "Hugo Hébert", 1);
  g_assert_false (gtk_widget_get_mapped (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, ".error")));
  gui_test_click (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Register"));
  g_assert_nonnull (strstr (problem_of (dialog), "has not given consent"));
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_spin (50);

  /* Bao confirms; then only going back is offered. */
  g_assert_false (row_menu_has (view, "Bao Tran", "Back to Registered"));
  activate_row_action (view, "Bao Tran", "Confirm");
  gui_test_assert_label_shown (view, "Bao Tran is confirmed");
  gui_test_assert_label_shown (view, "Confirmed");
  g_assert_false (row_menu_has (view, "Bao Tran", "Confirm"));
  g_assert_true (row_menu_has (view, "Bao Tran", "Back to Registered"));
  registration = find_registration (fixture, visit, bao);
  g_assert_cmpint (escale_registration_get_status (registration), ==, ESCALE_REGISTRATION_STATUS_CONFIRMED);
  g_clear_object (&registration);

  /* Amina cancels, after a question naming her: her seat goes to Dana,
   * the first waiting whom it fits, and the toast names Dana. */
  activate_row_action (view, "Amina Diallo", "Cancel Registration…");
  confirmation = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirmation);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirmation), ==, "Cancel the Registration of Amina Diallo?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirmation), "waitlist"));
  gui_test_respond ("Cancel _Registration");
  gui_test_assert_label_shown (view, "Promoted from the waitlist: Dana Kowalski (1 seat)");
  rows = describe_rows (view);
  g_assert_cmpstr (rows, ==, "Seats: Dana Kowalski, Carlos Mendes, Bao Tran | Waitlist: Elif Yilmaz | "
                             "Cancelled: Amina Diallo");
  g_clear_pointer (&rows, g_free);
  gui_test_assert_label_shown (view, "3 of 3 seats · 1 waiting");

  /* Carlos needs a wheelchair: told after registering. */
  activate_row_action (view, "Carlos Mendes", "Edit Needs…");
  confirmation = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirmation);
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (GTK_WIDGET (confirmation), ADW_TYPE_ENTRY_ROW,
                                                             "Accessibility")), "Fauteuil roulant");
  gui_test_respond ("_Save");
  g_assert_cmpstr (gui_test_row_subtitle (view, "Carlos Mendes"), ==, "Accessibility: Fauteuil roulant");
  registration = find_registration (fixture, visit, carlos);
  g_assert_cmpstr (escale_registration_get_accessibility (registration), ==, "Fauteuil roulant");
  g_clear_object (&registration);

  /* The visit takes permanent residents only: Ingrid, a student, is
   * refused with the reasons, then registered with a justification. */
  {
    g_autoptr(EscaleEvent) saved = NULL;
    g_autoptr(GError) error = NULL;

    saved = escale_event_repository_load (escale_context_get_events (context_of (fixture)),
                                          escale_event_get_id (visit), &error);
    escale_event_set_text (saved, "eligibility-rules",
                           "{\"name\": \"Visites 2026\", \"statuses\": [\"permanent-resident\"]}");
    g_assert_true (escale_event_repository_save (escale_context_get_events (context_of (fixture)), saved, &error));
    g_assert_no_error (error);
  }
  dialog = open_register_dialog (view);
  choose_participant (dialog, "ingrid", "Ingrid Ibarra", 1);
  gui_test_click (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Register"));
  g_test_message ("%s", problem_of (dialog));
  g_assert_nonnull (strstr (problem_of (dialog), "Ingrid Ibarra does not meet the rules"));
  {
    GtkWidget *anyway = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Register _Anyway");

    g_assert_true (gtk_widget_get_mapped (anyway));
    g_assert_false (gtk_widget_get_sensitive (anyway));
    g_assert_false (gtk_widget_get_sensitive (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                                    "_Register")));
    gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                               "Justification")),
                           "Résidence permanente accordée la semaine prochaine");
    g_assert_true (gtk_widget_get_sensitive (anyway));
    gui_test_save_screenshot (GTK_WIDGET (dialog), "register-dialog.png");
    gui_test_click (anyway);
  }
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG));
  gui_test_assert_label_shown (view, "Ingrid Ibarra is number 2 on the waitlist");
  registration = find_registration (fixture, visit, ingrid);
  g_assert_cmpint (escale_registration_get_status (registration), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);

  gui_test_save_screenshot (GTK_WIDGET (host), "registrations.png");
  gtk_window_destroy (host);
}

/* Rows filtered out are there, unmapped. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static GtkListBoxRow *
person_row (GtkWidget  *view,
            const char *name)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_widget (view, GTK_TYPE_LIST_BOX, NULL));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (has_label (GTK_WIDGET (row), name))
        return row;
    }

  g_error ("%s has no row", name);
}

static gboolean
row_is_laid_out (gconstpointer row)
{
  return gtk_widget_get_height (GTK_WIDGET (row)) > 0;
}

/* Save Roll Call is sensitive only with marks to save. */
static gboolean
can_save (GtkWidget *view)
{
  GtkWidget *button = gui_test_find_widget (view, GTK_TYPE_BUTTON, "_Save Roll Call");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
row_checked (GtkListBoxRow *row)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (gui_test_find_widget (GTK_WIDGET (row),
                                                                              GTK_TYPE_CHECK_BUTTON, NULL)));
}

/* Space or Enter on the focused row. */
static void
press_on (GtkListBoxRow *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  gui_test_spin (20);
}

/* The view's own search entry, not the one in the stop menu's popover. */
static GtkWidget *
name_filter (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root))
    return gtk_widget_get_ancestor (root, GTK_TYPE_POPOVER) == NULL ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = name_filter (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
menu_labels (GtkDropDown *menu)
{
  GListModel *model = gtk_drop_down_get_model (menu);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " | " : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_roll_call (GuiTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(EscaleEvent) visit = save_visit (fixture, 10, TRUE);
  GtkWidget *view = escale_roll_call_view_new ();
  EscaleRegistrationRepository *registrations = escale_context_get_registrations (context_of (fixture));
  EscaleRegisterOptions one = { .seats = 1 };
  EscaleRegisterOptions family = { .seats = 3 };
  g_autoptr(GHashTable) at_departure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  gint64 amina, bao, carlos;
  GtkDropDown *menu;
  GtkWidget *search;
  GtkWindow *host;
  gint64 departure_id;

  amina = add_participant (fixture, "Amina", "Diallo", NULL, 0, TRUE);
  bao = add_participant (fixture, "Bao", "Tran", NULL, 2, TRUE);
  carlos = add_participant (fixture, "Carlos", "Mendes", NULL, 0, TRUE);
  g_object_unref (escale_registration_repository_register (registrations, escale_event_get_id (visit), amina, &one,
                                                           &error));
  g_object_unref (escale_registration_repository_register (registrations, escale_event_get_id (visit), bao, &family,
                                                           &error));
  g_object_unref (escale_registration_repository_register (registrations, escale_event_get_id (visit), carlos, &one,
                                                           &error));
  g_assert_no_error (error);
  {
    g_autoptr(EscaleItineraryStop) departure = g_list_model_get_item (escale_event_get_stops (visit), 0);

    departure_id = escale_itinerary_stop_get_id (departure);
  }

  /* A laptop's screen. */
  escale_roll_call_view_set_event (ESCALE_ROLL_CALL_VIEW (view), context_of (fixture), visit);
  host = host_new (fixture, view, 1024, 600);

  menu = GTK_DROP_DOWN (gui_test_find_widget (view, GTK_TYPE_DROP_DOWN, "Roll call of"));
  labels = menu_labels (menu);
  g_assert_cmpstr (labels, ==, "Whole event | Day 1 · 07:30 · Departure — Métro Berri-UQAM | "
                               "Day 2 · 12:00 · Dîner à Amos");

  /* The departure: nobody marked yet; Bao's family counts three. */
  gtk_drop_down_set_selected (menu, 1);
  gui_test_spin (20);
  gui_test_assert_label_shown (view, "0 of 5 present");
  g_assert_false (can_save (view));
  /* Big targets for a laptop on a bumpy road. */
  g_assert_true (gui_test_wait_until (row_is_laid_out, person_row (view, "Amina Diallo")));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (person_row (view, "Amina Diallo"))), >=, 48);

  /* Amina with the keyboard, then Bao found by name. */
  press_on (person_row (view, "Amina Diallo"));
  g_assert_true (row_checked (person_row (view, "Amina Diallo")));
  gui_test_assert_label_shown (view, "1 of 5 present");
  g_assert_true (can_save (view));
  search = name_filter (view);
  g_assert_true (gtk_widget_activate_action (view, "roll-call.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (host)), search));
  gui_test_search (GTK_SEARCH_ENTRY (search), "tran");
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (person_row (view, "Amina Diallo"))));
  press_on (person_row (view, "Bao Tran"));
  gui_test_search (GTK_SEARCH_ENTRY (search), "");
  gui_test_assert_label_shown (view, "4 of 5 present");
  gui_test_save_screenshot (GTK_WIDGET (host), "roll-call.png");

  /* Another stop with marks not saved: asked, and staying keeps them. */
  gtk_drop_down_set_selected (menu, 2);
  gui_test_spin (20);
  gui_test_respond ("_Stay");
  g_assert_cmpuint (gtk_drop_down_get_selected (menu), ==, 1);
  gui_test_assert_label_shown (view, "4 of 5 present");

  /* Saved (Ctrl+S): the stop's own roll call, and nothing left to save. */
  g_assert_true (gtk_widget_activate_action (view, "roll-call.save", NULL));
  gui_test_spin (20);
  gui_test_assert_label_shown (view, "Roll call saved for Departure");
  g_assert_false (can_save (view));
  at_departure = escale_registration_repository_get_stop_roll_call (registrations, departure_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (at_departure), ==, 3);
  {
    g_autoptr(EscaleRegistration) a = find_registration (fixture, visit, amina);
    g_autoptr(EscaleRegistration) b = find_registration (fixture, visit, bao);
    g_autoptr(EscaleRegistration) c = find_registration (fixture, visit, carlos);
    gint64 a_id = escale_registration_get_id (a), b_id = escale_registration_get_id (b);
    gint64 c_id = escale_registration_get_id (c);

    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (at_departure, &a_id)));
    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (at_departure, &b_id)));
    g_assert_false (GPOINTER_TO_INT (g_hash_table_lookup (at_departure, &c_id)));
    /* A stop's roll call leaves the registrations as they were. */
    g_assert_cmpint (escale_registration_get_status (c), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  }

  /* The whole event: everybody, then Carlos did not come after all. */
  gtk_drop_down_set_selected (menu, 0);
  gui_test_spin (20);
  gui_test_assert_label_shown (view, "0 of 5 present");
  g_assert_true (gtk_widget_activate_action (view, "roll-call.mark-all", NULL));
  gui_test_assert_label_shown (view, "5 of 5 present");
  press_on (person_row (view, "Carlos Mendes"));
  g_assert_false (row_checked (person_row (view, "Carlos Mendes")));
  g_assert_true (gtk_widget_activate_action (view, "roll-call.save", NULL));
  gui_test_spin (20);
  gui_test_assert_label_shown (view, "Roll call saved for the whole event");
  {
    g_autoptr(EscaleRegistration) a = find_registration (fixture, visit, amina);
    g_autoptr(EscaleRegistration) c = find_registration (fixture, visit, carlos);

    g_assert_cmpint (escale_registration_get_status (a), ==, ESCALE_REGISTRATION_STATUS_ATTENDED);
    g_assert_cmpint (escale_registration_get_status (c), ==, ESCALE_REGISTRATION_STATUS_NO_SHOW);
  }
  /* Read back as saved. */
  g_assert_true (row_checked (person_row (view, "Amina Diallo")));
  g_assert_false (row_checked (person_row (view, "Carlos Mendes")));
  gui_test_assert_label_shown (view, "4 of 5 present");

  gtk_window_destroy (host);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, demo, test) \
  g_test_add (path, GuiTestFixture, GINT_TO_POINTER (demo), gui_test_fixture_set_up, test, gui_test_fixture_tear_down)
  ADD ("/registrations-gui/register-and-cancel", FALSE, test_register_and_cancel);
  ADD ("/registrations-gui/roll-call", FALSE, test_roll_call);
#undef ADD

  return gui_test_run ();
}
