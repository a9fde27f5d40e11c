/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <string.h>

#include "escale-event-editor.h"
#include "escale-event-json.h"
#include "escale-events-page.h"
#include "escale-participant-form.h"
#include "escale-register-dialog.h"
#include "escale-registration-row.h"
#include "escale-stop-row.h"

#include "gui-test-driver.h"

/* Issue 4, end to end, through the application's own windows under Xvfb:
 * a counsellor plans a two-day visit to Rouyn-Noranda from the Events
 * page, its five stops, its bus and its checklist, reading the plan's
 * warnings as they come and go; saves; registers one person more than the
 * visit has seats, cancels one and sees who got the seat; takes the roll
 * call at the departure and for the whole visit; and closes the window
 * with a mark not saved. Only the participants, in the directory long
 * before, are made through the repository; everything after goes through
 * the widgets, and the database is read at each step. */

/* Montréal's time: the event stores it as America/Toronto, the same
 * rules, which the editor offers as Eastern time. */
#define ZONE "America/Montreal"

/* The visit is a month away, so that nobody's registration is refused
 * for an event that is over. */
#define FIRST_DAY 30

#define TITLE "Deux jours en Abitibi-Témiscamingue"

static EscaleContext *
context_of (GuiTestFixture *fixture)
{
  return escale_window_get_context (fixture->window);
}

/* An instant @day days from today, at @hour:@minute in Montréal. */
static gint64
montreal (int day,
          int hour,
          int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, day);
  g_autoptr(GDateTime) at = g_date_time_new (zone, g_date_time_get_year (then), g_date_time_get_month (then),
                                             g_date_time_get_day_of_month (then), hour, minute, 0);

  return g_date_time_to_unix (at);
}

/* "2026-06-14", as a counsellor types the day. */
static char *
day_text (int day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (montreal (day, 12, 0));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Someone of the directory who consented to be registered. */
static gint64
add_participant (GuiTestFixture *fixture,
                 const char     *given,
                 const char     *family)
{
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-01-10",
                                                         "2026-01", "Conseillère");
  g_autoptr(GError) error = NULL;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family;
  form.values[ESCALE_PARTICIPANT_FIELD_CITY] = "Montréal";
  g_assert_true (escale_participant_form_apply (&form, NULL, participant, &error));
  escale_participant_add_consent (participant, consent);
  g_assert_true (escale_participant_repository_save (escale_context_get_participants (context_of (fixture)),
                                                     participant, &error));
  g_assert_no_error (error);

  return escale_participant_get_id (participant);
}

/* The Events page's + menu, then the window it opens. */
static EscaleEventEditor *
open_new_visit (GuiTestFixture *fixture)
{
  GtkWidget *page, *menu;
  GtkWindow *editor;

  gui_test_show_section (fixture, "events");
  page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_EVENTS_PAGE, NULL);
  menu = gui_test_find_widget (page, GTK_TYPE_MENU_BUTTON, "New Event");
  g_assert_nonnull (menu);
  gui_test_activate_menu_item (GTK_MENU_BUTTON (menu), "New Exploratory _Visit");

  editor = gui_test_find_toplevel (ESCALE_TYPE_EVENT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));
  return ESCALE_EVENT_EDITOR (editor);
}

/* A page of the window, as its tab in the header bar shows it. */
static GtkWidget *
show_page (EscaleEventEditor *editor,
           const char        *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_VIEW_STACK, NULL));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, name);

  g_assert_nonnull (page);
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, page)));
  adw_view_stack_set_visible_child (stack, page);
  gui_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (page));
  return page;
}

static GtkWidget *
field (GtkWidget  *root,
       GType       type,
       const char *title)
{
  GtkWidget *widget = gui_test_find_widget (root, type, title);

  if (widget == NULL)
    g_error ("No field “%s”", title);
  return widget;
}

static void
type_in (GtkWidget  *root,
         const char *title,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (root, ADW_TYPE_ENTRY_ROW, title)), text);
}

/* A moment row's two entries: the day, then the time. */
static void
type_moment (GtkWidget  *root,
             const char *title,
             const char *date,
             const char *clock)
{
  GtkWidget *date_entry = gui_test_find_widget (field (root, ADW_TYPE_ACTION_ROW, title), GTK_TYPE_ENTRY, NULL);
  GtkWidget *time_entry = gtk_widget_get_next_sibling (date_entry);

  g_assert_true (GTK_IS_ENTRY (time_entry));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), date);
  gtk_editable_set_text (GTK_EDITABLE (time_entry), clock);
}

/* The plan's warnings, in the card above every page. */
typedef struct
{
  GtkWidget  *card;
  const char *text;
} CardText;

static gboolean
mentions (GtkWidget  *root,
          const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text))
        return TRUE;
      if (mentions (child, text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
card_mentions (gconstpointer data)
{
  const CardText *card = data;

  return gtk_revealer_get_child_revealed (GTK_REVEALER (card->card)) && mentions (card->card, card->text);
}

static gboolean
card_is_silent_on (gconstpointer data)
{
  return !card_mentions (data);
}

static GtkWidget *
warnings_card (EscaleEventEditor *editor)
{
  GtkWidget *card = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_REVEALER, NULL);

  g_assert_true (gtk_widget_has_css_class (gtk_revealer_get_child (GTK_REVEALER (card)), "plan-warnings"));
  return card;
}

static void
assert_plan_warns (EscaleEventEditor *editor,
                   const char        *text)
{
  CardText card = { warnings_card (editor), text };

  /* Opened, the card lists every warning, not only how many there are. */
  gtk_expander_set_expanded (GTK_EXPANDER (gtk_revealer_get_child (GTK_REVEALER (card.card))), TRUE);

  if (!gui_test_wait_until (card_mentions, &card))
    g_error ("The plan does not warn “%s”", text);
}

static void
assert_plan_no_longer_warns (EscaleEventEditor *editor,
                             const char        *text)
{
  CardText card = { warnings_card (editor), text };

  if (!gui_test_wait_until (card_is_silent_on, &card))
    g_error ("The plan still warns “%s”", text);
}

static gboolean
card_hidden (gconstpointer card)
{
  return !gtk_revealer_get_reveal_child (GTK_REVEALER (card));
}

/* The Event page: what, where, when, how many. */
static void
fill_event_page (EscaleEventEditor *editor)
{
  GtkWidget *page = show_page (editor, "event");
  g_autofree char *first_day = day_text (FIRST_DAY);
  g_autofree char *second_day = day_text (FIRST_DAY + 1);
  EscaleEvent *event = escale_event_editor_get_event (editor);
  AdwComboRow *zone = ADW_COMBO_ROW (field (page, ADW_TYPE_COMBO_ROW, "Time zone"));

  type_in (page, "Title", TITLE);
  gui_test_choose (field (page, ADW_TYPE_COMBO_ROW, "Status"), "Published");
  gui_test_choose (field (page, ADW_TYPE_COMBO_ROW, "Region"), "Abitibi-Témiscamingue");
  type_moment (page, "Starts", first_day, "6:30");
  type_moment (page, "Ends", second_day, "19:00");
  type_in (page, "Place", "Rouyn-Noranda");
  type_in (page, "Capacity (empty for no limit)", "3");

  /* Montréal's time, which a new event takes, read as instants. */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (zone)), ==,
                   "Eastern time (Montréal, most of Québec)");
  g_assert_cmpint (escale_event_get_starts_at (event), ==, montreal (FIRST_DAY, 6, 30));
  g_assert_cmpint (escale_event_get_ends_at (event), ==, montreal (FIRST_DAY + 1, 19, 0));
  g_assert_cmpint (escale_event_get_capacity (event), ==, 3);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, TITLE);

  /* Two days, one night, nowhere to sleep yet. */
  assert_plan_warns (editor, "No lodging is planned for the night of");
}

/* The itinerary editor's own button: "Add Stop" in the empty state, then
 * the one after the last stop. The new row opens, ready for a title. */
static EscaleStopRow *
add_stop (GtkWidget *itinerary)
{
  GtkListBox *list = GTK_LIST_BOX (field (itinerary, GTK_TYPE_LIST_BOX, ".itinerary"));
  GtkWidget *empty = gui_test_find_widget (itinerary, ADW_TYPE_STATUS_PAGE, NULL);
  guint n = 0;
  GtkWidget *row;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  gui_test_click (n == 0 ? field (empty, GTK_TYPE_BUTTON, "_Add Stop")
                         : field (itinerary, GTK_TYPE_BUTTON, "Add a Stop After the Last One"));

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, n));
  g_assert_true (ESCALE_IS_STOP_ROW (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (row)),
                                         field (row, ADW_TYPE_ENTRY_ROW, "Title")));
  return ESCALE_STOP_ROW (row);
}

/* What, on which day of the visit (0 the first), from when to when. */
static void
plan_stop (EscaleStopRow *row,
           const char    *kind,
           const char    *title,
           const char    *place,
           guint          day,
           const char    *starts,
           const char    *ends)
{
  GtkWidget *widget = GTK_WIDGET (row);

  gui_test_choose (field (widget, ADW_TYPE_COMBO_ROW, "Kind"), kind);
  type_in (widget, "Title", title);
  if (place != NULL)
    type_in (widget, "Place", place);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (widget, ADW_TYPE_COMBO_ROW, "Day")), day);
  type_in (widget, "Starts at (HH:MM)", starts);
  type_in (widget, "Ends at (HH:MM)", ends);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
}

/* The five stops of issue 4, and the warnings on the way: the company
 * visit wants a partner who confirmed, the night wants a bed. Returns the
 * partner's name. */
static char *
plan_itinerary (EscaleEventEditor *editor)
{
  GtkWidget *itinerary = show_page (editor, "itinerary");
  EscaleStopRow *visit;
  GtkDropDown *partner;
  g_autofree char *partner_name = NULL;

  plan_stop (add_stop (itinerary), "Departure", "Départ de Montréal", "Métro Berri-UQAM", 0, "6:30", "7:00");

  visit = add_stop (itinerary);
  plan_stop (visit, "Company visit", "Visite d’entreprise", "Rouyn-Noranda", 0, "14:00", "15:30");
  assert_plan_warns (editor, "has no partner yet");
  /* The row says it too, for who reads the itinerary rather than the card. */
  g_assert_true (gtk_widget_get_visible (field (GTK_WIDGET (visit), GTK_TYPE_IMAGE, ".warning")));

  /* A partner of the directory, who has not said yes yet. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (visit), TRUE);
  partner = GTK_DROP_DOWN (field (GTK_WIDGET (visit), GTK_TYPE_DROP_DOWN, "Partner"));
  gtk_drop_down_set_selected (partner, 1);
  partner_name = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (partner)));
  type_in (GTK_WIDGET (visit), "Title", partner_name);
  assert_plan_no_longer_warns (editor, "has no partner yet");
  assert_plan_warns (editor, "is not confirmed by the partner yet");
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-window-warnings.png");

  /* They called back. */
  gtk_switch_set_active (GTK_SWITCH (field (field (GTK_WIDGET (visit), ADW_TYPE_ACTION_ROW, "Partner confirmed"),
                                            GTK_TYPE_SWITCH, NULL)), TRUE);
  assert_plan_no_longer_warns (editor, "is not confirmed by the partner yet");
  g_assert_false (gtk_widget_get_visible (field (GTK_WIDGET (visit), GTK_TYPE_IMAGE, ".warning")));
  /* Left open: the screenshot shows a stop's fields. */

  plan_stop (add_stop (itinerary), "Meal", "Souper d’accueil", "Cabaret de la Dernière Chance", 0, "18:00", "19:30");
  /* The night ends the next morning. */
  plan_stop (add_stop (itinerary), "Lodging", "Hôtel Gouverneur", "Rouyn-Noranda", 0, "21:00", "7:30");
  assert_plan_no_longer_warns (editor, "No lodging is planned");
  plan_stop (add_stop (itinerary), "Return", "Retour à Montréal", "Métro Berri-UQAM", 1, "17:30", "19:00");

  /* Nothing left to check: the card goes. */
  g_assert_true (gui_test_wait_until (card_hidden, warnings_card (editor)));
  return g_steal_pointer (&partner_name);
}

/* A bus of 24 seats, and the hotel to book. */
static void
plan_logistics (EscaleEventEditor *editor)
{
  GtkWidget *logistics = show_page (editor, "logistics");
  GtkWidget *bus, *task;

  gui_test_click (field (logistics, GTK_TYPE_BUTTON, "Add _Vehicle"));
  bus = field (logistics, ADW_TYPE_EXPANDER_ROW, "Coach · 56 seats");
  type_in (bus, "Passenger seats", "24");
  type_in (bus, "Provider", "Autobus Maheux");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bus)), ==, "Coach · 24 seats");

  gui_test_click (field (logistics, GTK_TYPE_BUTTON, "Add _Task"));
  task = field (logistics, ADW_TYPE_EXPANDER_ROW, "New task");
  type_in (task, "Task", "Réserver l’Hôtel Gouverneur");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (task)), ==, "Réserver l’Hôtel Gouverneur");
}

static gboolean
editor_saved (gconstpointer editor)
{
  return !escale_event_editor_get_modified (ESCALE_EVENT_EDITOR ((gpointer) editor));
}

static char *
describe_stops (EscaleEvent *event)
{
  GListModel *stops = escale_event_get_stops (event);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autofree char *from = escale_event_format_time (event, escale_itinerary_stop_get_starts_at (stop), "%H:%M");

      g_string_append_printf (text, "%s%s %s", i > 0 ? " | " : "", from, escale_itinerary_stop_get_title (stop));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The one event stored, read back with its parts. */
static EscaleEvent *
load_stored_visit (GuiTestFixture *fixture)
{
  EscaleEventRepository *events = escale_context_get_events (context_of (fixture));
  EscaleEventQuery query = { .kind = -1 };
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  EscaleEvent *event;

  stored = escale_event_repository_list (events, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  event = escale_event_repository_load (events, escale_event_get_id (g_ptr_array_index (stored, 0)), &error);
  g_assert_no_error (error);
  return event;
}

static gint64
partner_id_named (GuiTestFixture *fixture,
                  const char     *name)
{
  GListModel *partners = escale_partner_repository_get_partners (escale_context_get_partners (context_of (fixture)));

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (escale_partner_get_name (partner), name) == 0)
        return escale_partner_get_id (partner);
    }

  g_error ("No partner is named %s", name);
}

static void
assert_visit_stored (GuiTestFixture *fixture,
                     const char     *partner)
{
  g_autoptr(EscaleEvent) visit = load_stored_visit (fixture);
  g_autofree char *stops = describe_stops (visit);
  g_autofree char *expected = g_strdup_printf ("06:30 Départ de Montréal | 14:00 %s | 18:00 Souper d’accueil | "
                                               "21:00 Hôtel Gouverneur | 17:30 Retour à Montréal", partner);
  g_autoptr(EscaleItineraryStop) company = g_list_model_get_item (escale_event_get_stops (visit), 1);
  g_autoptr(EscaleItineraryStop) lodging = g_list_model_get_item (escale_event_get_stops (visit), 3);
  g_autoptr(EscaleVehicle) bus = g_list_model_get_item (escale_event_get_vehicles (visit), 0);
  g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (escale_event_get_tasks (visit), 0);

  g_assert_cmpstr (escale_event_get_title (visit), ==, TITLE);
  g_assert_cmpint (escale_event_get_kind (visit), ==, ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_assert_cmpint (escale_event_get_status (visit), ==, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_cmpstr (escale_event_get_region_code (visit), ==, "08");
  g_assert_cmpstr (escale_event_get_tzid (visit), ==, "America/Toronto");
  g_assert_cmpint (escale_event_get_starts_at (visit), ==, montreal (FIRST_DAY, 6, 30));
  g_assert_cmpint (escale_event_get_capacity (visit), ==, 3);

  /* The five stops, in their order, the night into the next day. */
  g_assert_cmpstr (stops, ==, expected);
  g_assert_cmpint (escale_itinerary_stop_get_kind (company), ==, ESCALE_STOP_KIND_COMPANY_VISIT);
  g_assert_cmpint (escale_itinerary_stop_get_organization_id (company), ==, partner_id_named (fixture, partner));
  g_assert_true (escale_itinerary_stop_get_partner_confirmed (company));
  g_assert_cmpint (escale_itinerary_stop_get_kind (lodging), ==, ESCALE_STOP_KIND_LODGING);
  g_assert_cmpint (escale_itinerary_stop_get_ends_at (lodging), ==, montreal (FIRST_DAY + 1, 7, 30));

  g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_vehicles (visit)), ==, 1);
  g_assert_cmpint (escale_vehicle_get_seats (bus), ==, 24);
  g_assert_cmpstr (escale_vehicle_get_provider (bus), ==, "Autobus Maheux");
  g_assert_cmpuint (g_list_model_get_n_items (escale_event_get_tasks (visit)), ==, 1);
  g_assert_cmpstr (escale_logistics_task_get_title (task), ==, "Réserver l’Hôtel Gouverneur");
}

/* Registers through the real dialog: its search over the whole
 * directory, the person chosen among the matches, then Enter. */
static void
register_participant (GtkWidget  *view,
                      const char *search,
                      const char *name)
{
  GtkWindow *dialog;
  GtkWidget *entry, *row;

  gui_test_click (field (view, GTK_TYPE_BUTTON, "_Register Participant…"));
  dialog = gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG);
  g_assert_nonnull (dialog);
  entry = field (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), entry));

  gui_test_search (GTK_SEARCH_ENTRY (entry), search);
  row = field (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, name);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (entry, "activate");

  /* Enter presses Register, which shows itself pressed before it acts. */
  for (guint waited = 0; gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG) != NULL && waited < 5000; waited += 50)
    gui_test_spin (50);
  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_REGISTER_DIALOG));
}

static EscaleRegistrationStatus
status_of (GuiTestFixture *fixture,
           EscaleEvent    *event,
           gint64          participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleRegistration) registration =
    escale_registration_repository_find (escale_context_get_registrations (context_of (fixture)),
                                         escale_event_get_id (event), participant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registration);
  return escale_registration_get_status (registration);
}

static gint64
registration_id_of (GuiTestFixture *fixture,
                    EscaleEvent    *event,
                    gint64          participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleRegistration) registration =
    escale_registration_repository_find (escale_context_get_registrations (context_of (fixture)),
                                         escale_event_get_id (event), participant_id, &error);

  g_assert_no_error (error);
  return escale_registration_get_id (registration);
}

/* The row of a person in the roll call. */
static GtkListBoxRow *
person_row (GtkWidget  *view,
            const char *name)
{
  GtkListBox *list = GTK_LIST_BOX (field (view, GTK_TYPE_LIST_BOX, ".roll-call-list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *label = gui_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, ".title-3");

      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) == 0)
        return row;
    }

  g_error ("%s has no row in the roll call", name);
}

/* Space on the focused row. */
static void
press_space_on (GtkListBoxRow *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  gui_test_spin (20);
}

/* The page from its top, as it opens. */
static void
save_screenshot_of_page (EscaleEventEditor *editor,
                         const char        *page,
                         const char        *name)
{
  GtkWidget *scrolled = gui_test_find_widget (show_page (editor, page), GTK_TYPE_SCROLLED_WINDOW, NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  gui_test_save_screenshot (GTK_WIDGET (editor), name);
}

/* Who and what the story is about. */
typedef struct
{
  GuiTestFixture    *fixture;
  EscaleEventEditor *editor;
  EscaleEvent       *visit;   /* as stored */
  gint64             solene, kwame, ana, yusuf;
} Story;

/* 1 and 2: a new visit from the Events page's + menu; its fields, its
 * itinerary and its logistics; then Ctrl+S, and the Events page lists it. */
static void
plan_the_visit (Story *story)
{
  GuiTestFixture *fixture = story->fixture;
  g_autofree char *partner = NULL;
  GtkWidget *events_page;

  story->editor = open_new_visit (fixture);
  g_assert_cmpint (escale_event_get_kind (escale_event_editor_get_event (story->editor)), ==,
                   ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  fill_event_page (story->editor);
  partner = plan_itinerary (story->editor);
  save_screenshot_of_page (story->editor, "itinerary", "event-window-itinerary.png");
  plan_logistics (story->editor);

  g_assert_true (gui_test_press_shortcut (GTK_WINDOW (story->editor), "<Control>s") == GTK_WIDGET (story->editor));
  g_assert_true (gui_test_wait_until (editor_saved, story->editor));
  gui_test_assert_label_shown (GTK_WIDGET (story->editor), "Event saved");
  assert_visit_stored (fixture, partner);
  story->visit = load_stored_visit (fixture);

  events_page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_EVENTS_PAGE, NULL);
  gui_test_assert_label_shown (events_page, TITLE);
  gui_test_assert_label_shown (events_page, "Exploratory visit · Abitibi-Témiscamingue · Rouyn-Noranda · 2 days");
  gui_test_assert_label_shown (events_page, "0 of 3 seats");
}

/* 3. Three seats, four people: the fourth waits. */
static void
register_one_more_than_the_seats (Story *story)
{
  GtkWidget *editor = GTK_WIDGET (story->editor);
  GtkWidget *view = show_page (story->editor, "registrations");

  gui_test_assert_label_shown (view, "0 of 3 seats");
  register_participant (view, "bergeron", "Solène Bergeron");
  gui_test_assert_label_shown (editor, "Solène Bergeron is registered");
  register_participant (view, "mensah", "Kwame Mensah");
  register_participant (view, "paredes", "Ana Paredes");
  gui_test_assert_label_shown (view, "3 of 3 seats");
  register_participant (view, "demir", "Yusuf Demir");
  gui_test_assert_label_shown (editor, "Yusuf Demir is number 1 on the waitlist");
  gui_test_assert_label_shown (view, "3 of 3 seats · 1 waiting");
  g_assert_cmpint (status_of (story->fixture, story->visit, story->yusuf), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);
}

/* Kwame cannot come after all: his row's menu, a question naming him,
 * and the toast names who got his seat. */
static void
cancel_one_and_see_who_is_promoted (Story *story)
{
  GtkWidget *editor = GTK_WIDGET (story->editor);
  GtkWidget *view = show_page (story->editor, "registrations");
  GtkWidget *row = field (view, ESCALE_TYPE_REGISTRATION_ROW, "Kwame Mensah");
  GtkWidget *events_page = gui_test_find_widget (GTK_WIDGET (story->fixture->window), ESCALE_TYPE_EVENTS_PAGE, NULL);
  AdwMessageDialog *question;

  gui_test_activate_menu_item (GTK_MENU_BUTTON (field (row, GTK_TYPE_MENU_BUTTON, "Registration Actions")),
                               "Cancel Registration…");
  question = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Cancel the Registration of Kwame Mensah?");
  gui_test_respond ("Cancel _Registration");

  gui_test_assert_label_shown (editor, "Promoted from the waitlist: Yusuf Demir (1 seat)");
  /* In the window's toast overlay, not one of the page's own, where it
   * would lie over the window's toasts. */
  g_assert_false (gui_test_label_shown (view, "Promoted from the waitlist: Yusuf Demir (1 seat)"));
  gui_test_assert_label_shown (view, "3 of 3 seats");
  gui_test_assert_label_shown (events_page, "3 of 3 seats");
  g_assert_cmpint (status_of (story->fixture, story->visit, story->kwame), ==, ESCALE_REGISTRATION_STATUS_CANCELLED);
  g_assert_cmpint (status_of (story->fixture, story->visit, story->yusuf), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  g_assert_cmpint (status_of (story->fixture, story->visit, story->solene), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  g_assert_cmpint (status_of (story->fixture, story->visit, story->ana), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  save_screenshot_of_page (story->editor, "registrations", "event-window-registrations.png");
}

static gboolean
present_at (Story      *story,
            GHashTable *roll_call,
            gint64      participant_id)
{
  gint64 id = registration_id_of (story->fixture, story->visit, participant_id);

  return GPOINTER_TO_INT (g_hash_table_lookup (roll_call, &id));
}

/* 4. The morning of the departure, with the organiser's name changed and
 * not saved: Ctrl+S on the Roll Call page saves the marks, and pressed
 * again, the event. */
static void
take_the_roll_call_at_the_departure (Story *story)
{
  EscaleRegistrationRepository *registrations = escale_context_get_registrations (context_of (story->fixture));
  GtkWidget *editor = GTK_WIDGET (story->editor);
  g_autoptr(EscaleItineraryStop) departure = g_list_model_get_item (escale_event_get_stops (story->visit), 0);
  g_autoptr(GHashTable) at_departure = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *roll_call;

  type_in (show_page (story->editor, "event"), "Organiser", "Carrefour jeunesse-emploi de Rouyn-Noranda");
  g_assert_true (escale_event_editor_get_modified (story->editor));

  roll_call = show_page (story->editor, "roll-call");
  gui_test_choose (field (roll_call, GTK_TYPE_DROP_DOWN, "Roll call of"),
                   "Day 1 · 06:30 · Départ de Montréal — Métro Berri-UQAM");
  gui_test_assert_label_shown (roll_call, "0 of 3 present");
  press_space_on (person_row (roll_call, "Solène Bergeron"));
  press_space_on (person_row (roll_call, "Yusuf Demir"));
  gui_test_assert_label_shown (roll_call, "2 of 3 present");

  g_assert_true (gui_test_press_shortcut (GTK_WINDOW (editor), "<Control>s") == roll_call);
  gui_test_assert_label_shown (editor, "Roll call saved for Départ de Montréal");
  g_assert_true (escale_event_editor_get_modified (story->editor));
  at_departure = escale_registration_repository_get_stop_roll_call (registrations,
                                                                    escale_itinerary_stop_get_id (departure), &error);
  g_assert_no_error (error);
  g_assert_true (present_at (story, at_departure, story->solene));
  g_assert_true (present_at (story, at_departure, story->yusuf));
  g_assert_false (present_at (story, at_departure, story->ana));
  /* A stop's roll call leaves the registrations as they were. */
  g_assert_cmpint (status_of (story->fixture, story->visit, story->ana), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);

  /* Nothing left to save in the roll call: the same keys save the event. */
  g_assert_true (gui_test_press_shortcut (GTK_WINDOW (editor), "<Control>s") == editor);
  g_assert_true (gui_test_wait_until (editor_saved, editor));
  g_clear_object (&story->visit);
  story->visit = load_stored_visit (story->fixture);
  g_assert_cmpstr (escale_event_get_text (story->visit, "organizer"), ==, "Carrefour jeunesse-emploi de Rouyn-Noranda");
}

/* Back in Montréal: everybody came, but Ana. */
static void
take_the_roll_call_of_the_whole_visit (Story *story)
{
  GtkWidget *roll_call = show_page (story->editor, "roll-call");

  gui_test_choose (field (roll_call, GTK_TYPE_DROP_DOWN, "Roll call of"), "Whole event");
  gui_test_assert_label_shown (roll_call, "0 of 3 present");
  gui_test_click (field (roll_call, GTK_TYPE_BUTTON, "Mark _All Present"));
  press_space_on (person_row (roll_call, "Ana Paredes"));
  gui_test_assert_label_shown (roll_call, "2 of 3 present");
  gui_test_save_screenshot (GTK_WIDGET (story->editor), "event-window-roll-call.png");

  gui_test_click (field (roll_call, GTK_TYPE_BUTTON, "_Save Roll Call"));
  gui_test_assert_label_shown (GTK_WIDGET (story->editor), "Roll call saved for the whole event");
  g_assert_cmpint (status_of (story->fixture, story->visit, story->solene), ==, ESCALE_REGISTRATION_STATUS_ATTENDED);
  g_assert_cmpint (status_of (story->fixture, story->visit, story->yusuf), ==, ESCALE_REGISTRATION_STATUS_ATTENDED);
  g_assert_cmpint (status_of (story->fixture, story->visit, story->ana), ==, ESCALE_REGISTRATION_STATUS_NO_SHOW);
  g_assert_cmpint (status_of (story->fixture, story->visit, story->kwame), ==, ESCALE_REGISTRATION_STATUS_CANCELLED);
}

/* Ana did come after all, by her own car: marked, and the window closed
 * before Save Roll Call. The window asks, and saves the marks. */
static void
close_with_a_mark_not_saved (Story *story)
{
  GtkWidget *roll_call = show_page (story->editor, "roll-call");
  AdwMessageDialog *question;

  press_space_on (person_row (roll_call, "Ana Paredes"));
  g_assert_false (escale_event_editor_get_modified (story->editor));
  gtk_window_close (GTK_WINDOW (story->editor));
  gui_test_spin (50);
  question = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, "The roll call has marks that are not saved.");
  gui_test_respond ("_Save");

  g_assert_null (gui_test_find_toplevel (ESCALE_TYPE_EVENT_EDITOR));
  story->editor = NULL;
  g_assert_cmpint (status_of (story->fixture, story->visit, story->ana), ==, ESCALE_REGISTRATION_STATUS_ATTENDED);
}

static void
test_plan_register_and_take_the_roll_call (GuiTestFixture *fixture,
                                           gconstpointer   data)
{
  Story story = { .fixture = fixture };

  /* Four people of a directory of a thousand want to go. */
  story.solene = add_participant (fixture, "Solène", "Bergeron");
  story.kwame = add_participant (fixture, "Kwame", "Mensah");
  story.ana = add_participant (fixture, "Ana", "Paredes");
  story.yusuf = add_participant (fixture, "Yusuf", "Demir");

  plan_the_visit (&story);
  register_one_more_than_the_seats (&story);
  cancel_one_and_see_who_is_promoted (&story);
  take_the_roll_call_at_the_departure (&story);
  take_the_roll_call_of_the_whole_visit (&story);
  close_with_a_mark_not_saved (&story);

  g_clear_object (&story.visit);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  /* The partners and the thousand participants of the demonstration. */
  g_test_add ("/event-window/plan-register-and-take-the-roll-call", GuiTestFixture,
              GINT_TO_POINTER (GUI_TEST_DEMO_WITH_PARTICIPANTS), gui_test_fixture_set_up,
              test_plan_register_and_take_the_roll_call, gui_test_fixture_tear_down);

  return gui_test_run ();
}
