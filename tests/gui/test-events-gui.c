/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include "escale-events-page.h"

#include "gui-test-driver.h"

/* The events page under Xvfb: upcoming and past events, the kind and region
 * menus, and the fill level of each, as a counsellor reads them. */

static EscaleContext *
context_of (GuiTestFixture *fixture)
{
  return escale_window_get_context (fixture->window);
}

static EscaleEventsPage *
page_of (GuiTestFixture *fixture)
{
  GtkWidget *page = gui_test_find_widget (GTK_WIDGET (fixture->window), ESCALE_TYPE_EVENTS_PAGE, NULL);

  g_assert_nonnull (page);
  return ESCALE_EVENTS_PAGE (page);
}

static void
show_events (GuiTestFixture *fixture)
{
  gui_test_show_section (fixture, "events");
  gui_test_spin (50);
}

static EscaleEvent *
save_event (GuiTestFixture  *fixture,
            EscaleEventKind  kind,
            const char      *title,
            const char      *region,
            gint64           starts_at,
            gint64           ends_at,
            int              capacity)
{
  g_autoptr(EscaleEvent) event = escale_event_new (kind);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "region-code", region);
  escale_event_set_times (event, starts_at, ends_at);
  escale_event_set_capacity (event, capacity);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_true (escale_event_repository_save (escale_context_get_events (context_of (fixture)), event, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

/* Three people with consent register for a visit of two seats. */
static void
fill_visit (GuiTestFixture *fixture,
            EscaleEvent    *visit)
{
  const char *names[] = { "Marie", "José", "Aïcha" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gui_test_register_new_person (context_of (fixture), escale_event_get_id (visit), names[i]);
}

static char *
shown_titles (GuiTestFixture *fixture)
{
  GListModel *model = escale_events_page_get_model (page_of (fixture));
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EscaleEvent) event = g_list_model_get_item (model, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "; " : "", escale_event_get_title (event));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_empty (GuiTestFixture *fixture,
            gconstpointer   data)
{
  GtkStack *stack;

  show_events (fixture);
  /* (The menus have stacks with a page named "empty" too.) */
  stack = gui_test_find_stack_with_page (GTK_WIDGET (page_of (fixture)), "no-results");
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_periods_kinds_and_fill (GuiTestFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(EscaleEvent) visit = NULL;
  g_autoptr(EscaleEvent) session = NULL;
  g_autoptr(EscaleEvent) past = NULL;
  g_autofree char *titles = NULL;
  GtkDropDown *period;
  GtkDropDown *kind;
  GtkStack *stack;

  visit = save_event (fixture, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Trois jours en Abitibi-Témiscamingue", "08",
                      gui_test_days_from_now (20, 7, 0), gui_test_days_from_now (22, 20, 0), 2);
  session = save_event (fixture, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Vivre et travailler en région", NULL,
                        gui_test_days_from_now (3, 18, 0), gui_test_days_from_now (3, 20, 0), 40);
  past = save_event (fixture, ESCALE_EVENT_KIND_FAIR, "Salon de la régionalisation", NULL,
                     gui_test_days_from_now (-30, 10, 0), gui_test_days_from_now (-30, 16, 0), -1);
  fill_visit (fixture, visit);
  show_events (fixture);

  /* Upcoming, soonest first, with how full the visit is. */
  titles = shown_titles (fixture);
  g_assert_cmpstr (titles, ==, "Vivre et travailler en région; Trois jours en Abitibi-Témiscamingue");
  g_clear_pointer (&titles, g_free);
  gui_test_assert_label_shown (GTK_WIDGET (page_of (fixture)), "2 of 2 seats · 1 waiting");
  gui_test_assert_label_shown (GTK_WIDGET (page_of (fixture)), "Exploratory visit · Abitibi-Témiscamingue · 3 days");
  gui_test_assert_label_shown (GTK_WIDGET (page_of (fixture)), "0 of 40 seats");
  gui_test_save_screenshot (GTK_WIDGET (fixture->window), "events.png");

  /* The past: the fair. */
  period = GTK_DROP_DOWN (gui_test_find_widget (GTK_WIDGET (page_of (fixture)), GTK_TYPE_DROP_DOWN, "When"));
  g_assert_nonnull (period);
  gtk_drop_down_set_selected (period, 1);
  titles = shown_titles (fixture);
  g_assert_cmpstr (titles, ==, "Salon de la régionalisation");
  g_clear_pointer (&titles, g_free);

  /* Every date, visits only. */
  gtk_drop_down_set_selected (period, 2);
  kind = GTK_DROP_DOWN (gui_test_find_widget (GTK_WIDGET (page_of (fixture)), GTK_TYPE_DROP_DOWN, "Kind of event"));
  g_assert_nonnull (kind);
  gtk_drop_down_set_selected (kind, 1 + ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  titles = shown_titles (fixture);
  g_assert_cmpstr (titles, ==, "Trois jours en Abitibi-Témiscamingue");
  g_clear_pointer (&titles, g_free);

  /* Virtual presentations: none, and the page says what to change. */
  gtk_drop_down_set_selected (kind, 1 + ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION);
  stack = gui_test_find_stack_with_page (GTK_WIDGET (page_of (fixture)), "no-results");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  /* A cancellation reaches the page at once. */
  gtk_drop_down_set_selected (kind, 0);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (escale_event_repository_cancel (escale_context_get_events (context_of (fixture)), session, &error));
    g_assert_no_error (error);
  }
  gui_test_spin (50);
  gui_test_assert_label_shown (GTK_WIDGET (page_of (fixture)), "Cancelled");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, demo, test) \
  g_test_add (path, GuiTestFixture, GINT_TO_POINTER (demo), gui_test_fixture_set_up, test, gui_test_fixture_tear_down)
  ADD ("/events-gui/empty", FALSE, test_empty);
  ADD ("/events-gui/periods-kinds-and-fill", FALSE, test_periods_kinds_and_fill);
#undef ADD

  return gui_test_run ();
}
