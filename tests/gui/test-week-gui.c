/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include "escale-event-editor.h"
#include "escale-ical-import.h"
#include "escale-partner-editor.h"
#include "escale-week-view.h"
#include "gui-test-driver.h"

/* A partner's week next to Escale's, as a counsellor plans: the partner's
 * Outlook agenda imported, See the Week… from its file, the cards of
 * Monday 15 March 2027 (the partner's committee, our session with it, the
 * overlap said in words), the weeks before and after with the keyboard,
 * This Week; then Partner's Week… from the event's window, on the
 * event's week, with a drop-down for its two partners. */

#define ZONE "America/Toronto"

static gint64
at (const char *day,
    const char *hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autofree char *iso = g_strdup_printf ("%sT%s:00", day, hour);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static gboolean
week_view_shown (gconstpointer data)
{
  return gui_test_find_toplevel (ESCALE_TYPE_WEEK_VIEW) != NULL;
}

static EscaleWeekView *
wait_for_week_view (void)
{
  g_assert_true (gui_test_wait_until (week_view_shown, NULL));
  return ESCALE_WEEK_VIEW (gui_test_find_toplevel (ESCALE_TYPE_WEEK_VIEW));
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, text);
    }
}

static GtkWidget *
day_column (EscaleWeekView *view,
            guint           day)
{
  GtkWidget *days = gui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BOX, ".week-days");
  GtkWidget *column = gtk_widget_get_first_child (days);

  for (guint i = 0; i < day && column != NULL; i++)
    column = gtk_widget_get_next_sibling (column);
  g_assert_nonnull (column);
  return column;
}

/* The header, then one line per card, as read on screen. */
static char *
read_day (EscaleWeekView *view,
          guint           day)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (day_column (view, day)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GString) line = g_string_new (NULL);

      if (GTK_IS_LABEL (child))
        g_string_append (line, gtk_label_get_text (GTK_LABEL (child)));
      else
        collect_labels (child, line);
      if (gtk_widget_has_css_class (child, "week-overlap"))
        g_string_append (line, " [overlap]");
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line->str);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
view_title (EscaleWeekView *view)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (view), ADW_TYPE_WINDOW_TITLE,
                                                                              NULL)));
}

static const char *
view_subtitle (EscaleWeekView *view)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (view),
                                                                                 ADW_TYPE_WINDOW_TITLE, NULL)));
}

static char *
this_week_title (void)
{
  GDate today, monday;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autofree char *date = NULL;

  escale_week_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  escale_week_get_monday (&today, &monday);
  midnight = g_date_time_new (zone, g_date_get_year (&monday), g_date_get_month (&monday), g_date_get_day (&monday),
                              0, 0, 0);
  date = g_date_time_format (midnight, "%-d %B %Y");
  return g_strdup_printf ("Week of %s", date);
}

static void
import_outlook (GuiTestFixture *fixture,
                gint64          organization_id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "ics", "outlook.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (fixture->path, &error);
  g_autoptr(EscaleIcalImport) import = NULL;
  g_autoptr(EscaleIcalImportReport) report = NULL;

  g_assert_no_error (error);
  import = escale_ical_import_new (database);
  escale_ical_import_set_now (import, at ("2027-03-01", "12:00"));
  report = escale_ical_import_file (import, file, organization_id, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static gint64
save_event (EscaleContext     *context,
            EscaleEvent       *event,
            const char        *title,
            gint64             starts_at,
            gint64             ends_at)
{
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_times (event, starts_at, ends_at);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_true (escale_event_repository_save (escale_context_get_events (context), event, &error));
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static void
set_day (EscaleWeekView *view,
         const char     *iso)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, iso);
  g_assert_true (g_date_valid (&day));
  escale_week_view_set_day (view, &day);
}

static void
test_partner_week (GuiTestFixture *fixture,
                   gconstpointer   data)
{
  EscaleContext *context = escale_window_get_context (fixture->window);
  GListModel *partners = escale_partner_repository_get_partners (escale_context_get_partners (context));
  g_autoptr(EscalePartner) partner = g_list_model_get_item (partners, 0);
  g_autoptr(EscalePartner) other = g_list_model_get_item (partners, 1);
  g_autoptr(EscaleEvent) session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(EscaleEvent) fair = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(EscaleEvent) kiosk = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(EscaleEvent) workshop = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autofree char *this_week = this_week_title ();
  g_autofree char *text = NULL;
  gint64 ids[2] = { escale_partner_get_id (partner), escale_partner_get_id (other) };
  EscalePartnerEditor *partner_editor;
  EscaleEventEditor *event_editor;
  EscaleWeekView *view;
  GtkWidget *row;

  import_outlook (fixture, ids[0]);
  /* Our session with the partner, during its committee; a fair elsewhere. */
  escale_event_set_partner_ids (session, ids, 1);
  save_event (context, session, "Séance d’information, Rimouski", at ("2027-03-15", "11:00"), at ("2027-03-15", "12:00"));
  save_event (context, fair, "Salon de l’emploi de Laval", at ("2027-03-17", "09:00"), at ("2027-03-17", "16:00"));

  /* See the Week… in the partner's file, beside its agenda. */
  partner_editor = escale_partner_editor_new (context, partner);
  gtk_window_present (GTK_WINDOW (partner_editor));
  gui_test_spin (100);
  row = gui_test_find_widget (GTK_WIDGET (partner_editor), ADW_TYPE_ACTION_ROW, "Week");
  g_assert_nonnull (row);
  gui_test_click (gui_test_find_widget (row, GTK_TYPE_BUTTON, "See the _Week…"));
  view = wait_for_week_view ();
  g_assert_cmpstr (view_title (view), ==, this_week);
  g_assert_cmpstr (view_subtitle (view), ==, escale_partner_get_name (partner));
  g_assert_cmpint (escale_week_view_get_organization_id (view), ==, ids[0]);
  g_assert_false (gtk_widget_get_visible (gui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL)));

  /* The week of the committee. */
  set_day (view, "2027-03-18");
  g_assert_cmpstr (view_title (view), ==, "Week of 15 March 2027");
  text = read_day (view, 0);
  g_assert_cmpstr (text, ==,
                   "Mon 15\n"
                   "10:00–11:30 · Comité de coordination · Partner · Overlaps an Escale event [overlap]\n"
                   "11:00–12:00 · Séance d’information, Rimouski · Escale · With this partner · "
                   "Overlaps the partner’s agenda [overlap]");
  g_clear_pointer (&text, g_free);
  text = read_day (view, 1);
  g_assert_cmpstr (text, ==, "Tue 16\nFree");
  g_clear_pointer (&text, g_free);
  text = read_day (view, 2);
  g_assert_cmpstr (text, ==, "Wed 17\n09:00–16:00 · Salon de l’emploi de Laval · Escale");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (gui_test_find_widget (day_column (view, 0), GTK_TYPE_WIDGET, ".week-partner"));
  g_assert_nonnull (gui_test_find_widget (day_column (view, 0), GTK_TYPE_BUTTON, ".week-escale"));
  gui_test_assert_label_shown (GTK_WIDGET (view), "1 entry of the partner’s agenda overlaps its part in an Escale event.");
  gtk_window_set_default_size (GTK_WINDOW (view), 900, 520);
  gui_test_save_screenshot (GTK_WIDGET (view), "week-view.png");

  /* Page Up: the week before, with the change of time on Sunday 14. */
  g_assert_nonnull (gui_test_press_shortcut (GTK_WINDOW (view), "Page_Up"));
  g_assert_cmpstr (view_title (view), ==, "Week of 8 March 2027");
  text = read_day (view, 1);
  g_assert_cmpstr (text, ==, "Tue 9\n13:00–16:00 · Permanence emploi · Partner");
  g_clear_pointer (&text, g_free);
  text = read_day (view, 6);
  g_assert_cmpstr (text, ==, "Sun 14\nFree");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (escale_week_view_get_week (view)->day_starts[7] - escale_week_view_get_week (view)->day_starts[6],
                   ==, 23 * 3600);
  gui_test_assert_label_shown (GTK_WIDGET (view),
                               "No entry of the partner’s agenda overlaps its part in Escale’s events this week.");

  /* Alt+Right twice: a free week. */
  g_assert_nonnull (gui_test_press_shortcut (GTK_WINDOW (view), "<Alt>Right"));
  g_assert_cmpstr (view_title (view), ==, "Week of 15 March 2027");
  g_assert_nonnull (gui_test_press_shortcut (GTK_WINDOW (view), "Page_Down"));
  g_assert_cmpstr (view_title (view), ==, "Week of 22 March 2027");
  for (guint day = 0; day < 7; day++)
    g_assert_cmpuint (escale_week_count_day (escale_week_view_get_week (view), day), ==, 0);
  g_assert_nonnull (gui_test_find_widget (day_column (view, 3), GTK_TYPE_LABEL, ".week-free"));
  /* Narrow: the columns scroll sideways. */
  gtk_window_set_default_size (GTK_WINDOW (view), 600, 420);
  gui_test_save_screenshot (GTK_WIDGET (view), "week-view-narrow.png");

  /* This Week, and back to the partner's file. */
  gui_test_click (gui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_This Week"));
  g_assert_cmpstr (view_title (view), ==, this_week);
  g_assert_nonnull (gui_test_press_shortcut (GTK_WINDOW (view), "<Alt>Left"));
  g_assert_cmpstr (view_title (view), !=, this_week);
  g_assert_nonnull (gui_test_press_shortcut (GTK_WINDOW (view), "<Alt>Home"));
  g_assert_cmpstr (view_title (view), ==, this_week);
  gtk_window_destroy (GTK_WINDOW (view));
  gtk_window_destroy (GTK_WINDOW (partner_editor));
  gui_test_spin (50);

  /* From the event's window, when planning: the event's week, and a
   * drop-down for its partners. */
  escale_event_set_partner_ids (session, ids, 2);
  save_event (context, session, "Séance d’information, Rimouski", at ("2027-03-15", "11:00"), at ("2027-03-15", "12:00"));
  escale_event_set_partner_ids (kiosk, ids, 1);
  save_event (context, kiosk, "Kiosque", at ("2027-03-15", "11:30"), at ("2027-03-15", "12:30"));
  event_editor = escale_event_editor_new (context, session);
  gtk_window_present (GTK_WINDOW (event_editor));
  gui_test_spin (100);
  /* The clash with the partner's agenda has its own way to the week. */
  g_assert_cmpuint (escale_event_editor_get_conflicts (event_editor)->len, ==, 2);
  gtk_expander_set_expanded (GTK_EXPANDER (gui_test_find_widget (GTK_WIDGET (event_editor), GTK_TYPE_EXPANDER, NULL)),
                             TRUE);
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (event_editor), GTK_TYPE_BUTTON, "See the _Week"));
  gtk_widget_activate_action (GTK_WIDGET (event_editor), "editor.partner-week", NULL);
  view = wait_for_week_view ();
  g_assert_cmpstr (view_title (view), ==, "Week of 15 March 2027");
  g_assert_true (gtk_widget_get_visible (gui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL)));
  g_assert_cmpint (escale_week_view_get_organization_id (view), ==, ids[0]);
  gui_test_choose (gui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL), escale_partner_get_name (other));
  g_assert_cmpint (escale_week_view_get_organization_id (view), ==, ids[1]);
  g_assert_true (g_str_has_suffix (view_subtitle (view), " · no agenda imported"));
  text = read_day (view, 0);
  g_assert_cmpstr (text, ==, "Mon 15\n"
                   "11:00–12:00 · Séance d’information, Rimouski · Escale · With this partner\n"
                   "11:30–12:30 · Kiosque · Escale");
  g_clear_pointer (&text, g_free);

  /* An event saved meanwhile shows at once. */
  save_event (context, workshop, "Atelier", at ("2027-03-16", "09:00"), at ("2027-03-16", "10:00"));
  text = read_day (view, 1);
  g_assert_cmpstr (text, ==, "Tue 16\n09:00–10:00 · Atelier · Escale");
  g_clear_pointer (&text, g_free);

  gtk_window_destroy (GTK_WINDOW (view));
  gtk_window_destroy (GTK_WINDOW (event_editor));
  gui_test_spin (50);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/week/partner-week", GuiTestFixture, GINT_TO_POINTER (TRUE), gui_test_fixture_set_up,
              test_partner_week, gui_test_fixture_tear_down);

  return gui_test_run ();
}
