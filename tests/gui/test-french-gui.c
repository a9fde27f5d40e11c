/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include <string.h>

#include "escale-event-editor.h"
#include "escale-locale.h"
#include "escale-plan-check.h"
#include "escale-partner-editor.h"
#include "escale-participants-page.h"
#include "escale-partners-page.h"
#include "escale-week-view.h"

#include "gui-test-driver.h"

/* French is Escale's first language: under a French locale, the window, the
 * counts and the messages under the fields are all French. The README's
 * screenshots come from this test. */

static void
test_directory_in_french (GuiTestFixture *fixture,
                          gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_widget (page, ADW_TYPE_WINDOW_TITLE, NULL));
  guint shown = g_list_model_get_n_items (gui_test_shown_partners (fixture));
  g_autofree char *count = g_strdup_printf ("%u\u00a0partenaires", shown);

  g_assert_cmpuint (shown, >, 1);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Partenaires");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, count);
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-fr.png");
}

static void
test_editor_in_french (GuiTestFixture *fixture,
                       gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTNERS_PAGE, NULL);
  GListModel *shown = gui_test_shown_partners (fixture);
  GtkWidget *list = gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, ".partner-list");
  GtkWindow *editor;
  AdwWindowTitle *title;
  GtkWidget *email;
  GtkWidget *message;
  guint with_contacts = GTK_INVALID_LIST_POSITION;

  /* A partner with people and a history shows the whole editor. */
  for (guint i = 0; i < g_list_model_get_n_items (shown) && with_contacts == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (shown, i);

      if (g_list_model_get_n_items (escale_partner_get_contacts (partner)) > 0 &&
          g_list_model_get_n_items (escale_partner_get_interactions (partner)) > 0)
        with_contacts = i;
    }
  g_assert_cmpuint (with_contacts, !=, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (page);
  g_signal_emit_by_name (list, "activate", with_contacts);
  gui_test_spin (200);

  editor = gui_test_find_toplevel (ESCALE_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);
  title = ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Modifier le partenaire");
  gtk_window_set_default_size (editor, 640, 900);
  gui_test_save_screenshot (GTK_WIDGET (editor), "partner-editor-fr.png");

  /* The message under a wrong field is French too. */
  email = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Courriel");
  g_assert_nonnull (email);
  gtk_editable_set_text (GTK_EDITABLE (email), "pas une adresse");
  message = gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                  "Entrez une adresse courriel comme nom@exemple.org");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));

  gtk_window_destroy (editor);
}

static void
test_participants_in_french (GuiTestFixture *fixture,
                             gconstpointer   data)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_PARTICIPANTS_PAGE, NULL);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_widget (page, ADW_TYPE_WINDOW_TITLE, NULL));
  GListModel *shown = escale_participants_page_get_model (ESCALE_PARTICIPANTS_PAGE (page));
  g_autofree char *count = NULL;

  gui_test_show_section (fixture, "participants");
  gui_test_spin (150);

  count = g_strdup_printf ("%u\u00a0participants", g_list_model_get_n_items (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1000);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Participants");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, count);
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "participants-fr.png");
}

/* A weekend on the Îles-de-la-Madeleine, in their own zone, with a
 * company visit not confirmed yet and no lodging. */
static EscaleEvent *
save_visit (GuiTestFixture *fixture)
{
  EscaleEventRepository *events = escale_context_get_events (escale_window_get_context (fixture->window));
  g_autoptr(EscaleEvent) visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleItineraryStop) departure = NULL;
  g_autoptr(EscaleItineraryStop) cheese = NULL;
  g_autoptr(EscaleItineraryStop) back = NULL;
  g_autoptr(GError) error = NULL;
  EscaleEvent *stored;

  escale_event_set_text (visit, "title", "Une fin de semaine aux Îles-de-la-Madeleine");
  escale_event_set_text (visit, "tzid", "America/Halifax");
  escale_event_set_times (visit, 1812625200, 1812834000);
  escale_event_set_capacity (visit, 12);
  departure = escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Aéroport des Îles", 1812625200, 1812627000);
  cheese = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Fromagerie du Pied-de-Vent", 1812632400,
                                      1812637800);
  back = escale_itinerary_stop_new (ESCALE_STOP_KIND_RETURN, "Aéroport des Îles", 1812830400, 1812834000);
  escale_event_add_stop (visit, departure);
  escale_event_add_stop (visit, cheese);
  escale_event_add_stop (visit, back);
  g_assert_true (escale_event_repository_save (events, visit, &error));
  g_assert_no_error (error);

  stored = escale_event_repository_load (events, escale_event_get_id (visit), &error);
  g_assert_no_error (error);
  return stored;
}

static void
test_event_window_in_french (GuiTestFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(EscaleEvent) visit = save_visit (fixture);
  EscaleEventEditor *editor = escale_event_editor_new (escale_window_get_context (fixture->window), visit);
  AdwViewStack *stack = ADW_VIEW_STACK (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_VIEW_STACK, NULL));
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (gui_test_find_widget (GTK_WIDGET (editor),
                                                                               ADW_TYPE_VIEW_SWITCHER_TITLE, NULL));
  g_autoptr(GString) pages = g_string_new (NULL);
  g_autoptr(GString) messages = g_string_new (NULL);
  GPtrArray *warnings;
  g_autoptr(GtkSelectionModel) children = adw_view_stack_get_pages (stack);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (editor));
  escale_event_editor_get_warnings (editor);
  gui_test_spin (200);

  /* The day in the French order, in the islands' own time (the names of
   * days and months follow LC_TIME, which is C here); the pages in French. */
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "Thursday 10 June 2027");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (children)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (children), i);

      if (adw_view_stack_page_get_visible (page))
        g_string_append_printf (pages, "%s%s", pages->len > 0 ? " | " : "", adw_view_stack_page_get_title (page));
    }
  g_assert_cmpstr (pages->str, ==, "Événement | Itinéraire | Logistique | Inscriptions | Appel");
  gui_test_assert_label_shown (GTK_WIDGET (editor), "Fuseau horaire");
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-window-fr.png");

  /* The plan's warnings: in French, the night in the islands' time. */
  gui_test_assert_label_shown (GTK_WIDGET (editor), "3 points à vérifier dans ce plan");
  warnings = escale_event_editor_get_warnings (editor);
  g_assert_cmpuint (warnings->len, ==, 3);
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (messages, "%s\n", ((EscalePlanWarning *) g_ptr_array_index (warnings, i))->message);
  g_assert_nonnull (strstr (messages->str, "Aucun hébergement n’est prévu pour la nuit du"));

  adw_view_stack_set_visible_child_name (stack, "itinerary");
  gui_test_assert_label_shown (GTK_WIDGET (editor),
                               "Jour 1 · 10:00–11:30 · Visite d’entreprise\u00a0: Fromagerie du Pied-de-Vent");
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-window-itinerary-fr.png");

  /* Nobody registered yet: the pages say what to do, in French. */
  adw_view_stack_set_visible_child_name (stack, "registrations");
  gui_test_assert_label_shown (GTK_WIDGET (editor), "Personne n’est encore inscrit. Inscrivez des participants "
                                                    "du répertoire avec Inscrire un participant…");
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-window-registrations-fr.png");
  adw_view_stack_set_visible_child_name (stack, "roll-call");
  gui_test_spin (100);
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-window-roll-call-fr.png");

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The week view's dates follow the French formats: the day headers and
 * their tooltips go through the catalogue (the names of days and months
 * follow LC_TIME, C here). */
static void
test_week_in_french (GuiTestFixture *fixture,
                     gconstpointer   data)
{
  EscaleContext *context = escale_window_get_context (fixture->window);
  g_autoptr(EscalePartner) partner = g_list_model_get_item (escale_partner_repository_get_partners (
                                                              escale_context_get_partners (context)), 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autoptr(GDateTime) monday = g_date_time_new (zone, 2027, 3, 15, 0, 0, 0);
  g_autofree char *header = g_date_time_format (monday, g_dpgettext2 (GETTEXT_PACKAGE, "week day header", "%a %-d"));
  gint64 id = escale_partner_get_id (partner);
  GtkWidget *view;
  GtkWidget *days;
  GtkWidget *monday_header;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 17, G_DATE_MARCH, 2027);
  view = escale_week_view_present (context, GTK_WINDOW (fixture->window), &id, 1, &day);
  gui_test_spin (100);
  days = gui_test_find_widget (view, GTK_TYPE_BOX, ".week-days");
  monday_header = gui_test_find_widget (gtk_widget_get_first_child (days), GTK_TYPE_LABEL, ".week-day-header");
  g_assert_nonnull (monday_header);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (monday_header)), ==, header);
  /* "%A, %B %-d" is "%A %-d %B" in French. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (monday_header), ==, "Monday 15 March");
  gui_test_save_screenshot (view, "week-view-fr.png");
  gtk_window_destroy (GTK_WINDOW (view));
}

int
main (int    argc,
      char **argv)
{
  /* Messages follow LANGUAGE, as under a user's fr_CA locale. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  escale_locale_init ();
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/french/directory", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_directory_in_french, gui_test_fixture_tear_down);
  g_test_add ("/gui/french/editor", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_editor_in_french, gui_test_fixture_tear_down);

  g_test_add ("/gui/french/participants", GuiTestFixture, GINT_TO_POINTER (GUI_TEST_DEMO_WITH_PARTICIPANTS),
              gui_test_fixture_set_up, test_participants_in_french, gui_test_fixture_tear_down);

  g_test_add ("/gui/french/week", GuiTestFixture, GINT_TO_POINTER (TRUE),
              gui_test_fixture_set_up, test_week_in_french, gui_test_fixture_tear_down);

  g_test_add ("/gui/french/event-window", GuiTestFixture, GINT_TO_POINTER (FALSE),
              gui_test_fixture_set_up, test_event_window_in_french, gui_test_fixture_tear_down);

  return gui_test_run ();
}
