/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui-test"

#include "config.h"

#include "escale-agenda-row.h"
#include "escale-conflicts-window.h"
#include "escale-conflicts.h"
#include "escale-database-private.h"
#include "escale-event-editor.h"
#include "escale-partner-editor.h"

#include "gui-test-driver.h"

/* Conflicts under Xvfb: a session moved onto a partner's agenda and onto
 * a presenter's other session warns in its window before it is saved, and
 * the warning goes when it moves away; the other session opens from the
 * warning. The Conflicts window says when there are none and lists them
 * once there are. A partner's agenda imported while a session is open
 * shows its clash in the session's window and in the Conflicts window. */

#define DAY "2027-05-12"

static EscaleContext *
context_of (GuiTestFixture *fixture)
{
  return escale_window_get_context (fixture->window);
}

static gint64
at (const char *hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autofree char *iso = g_strdup_printf ("%sT%s:00", DAY, hour);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, zone);

  return g_date_time_to_unix (time);
}

static void
exec_sql (EscaleContext *context,
          const char    *sql)
{
  sqlite3 *handle = _escale_database_get_handle (escale_context_get_database (context));

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A partner with one entry in its imported agenda. Returns the partner. */
static gint64
add_partner_with_agenda (EscaleContext *context,
                         gint64         starts_at,
                         gint64         ends_at)
{
  sqlite3 *handle = _escale_database_get_handle (escale_context_get_database (context));
  g_autofree char *sql = NULL;
  gint64 partner;

  exec_sql (context, "INSERT INTO organization (name, kind, created_at, updated_at) "
                     "VALUES ('Cégep de Rimouski', 'education', 0, 0)");
  partner = sqlite3_last_insert_rowid (handle);
  sql = g_strdup_printf ("INSERT INTO external_calendar (organization_id, name, imported_at, created_at, updated_at) "
                         "VALUES (%" G_GINT64_FORMAT ", 'Agenda', 0, 0, 0);"
                         "INSERT INTO external_event (calendar_id, uid, summary, starts_at, ends_at, created_at, "
                         "updated_at) VALUES (last_insert_rowid (), 'salon', 'Salon de l’emploi', %" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ", 0, 0);"
                         "INSERT INTO external_occurrence (event_id, starts_at, ends_at) "
                         "VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                         partner, starts_at, ends_at, starts_at, ends_at);
  exec_sql (context, sql);
  return partner;
}

static EscaleEvent *
save_session (EscaleContext *context,
              const char    *title,
              gint64         starts_at,
              gint64         ends_at,
              gint64         partner)
{
  EscaleEvent *event = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "presenters", "Julie Roy");
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (event, starts_at, ends_at);
  if (partner != 0)
    escale_event_set_partner_ids (event, &partner, 1);
  g_assert_true (escale_event_repository_save (escale_context_get_events (context), event, &error));
  g_assert_no_error (error);
  return event;
}

/* A moment row's two entries: the day, then the time. */
static void
type_moment (GtkWidget  *root,
             const char *row_title,
             const char *clock)
{
  GtkWidget *row = gui_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_title);
  GtkWidget *date_entry, *time_entry;

  g_assert_nonnull (row);
  date_entry = gui_test_find_widget (row, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (date_entry);
  time_entry = gtk_widget_get_next_sibling (date_entry);
  g_assert_true (GTK_IS_ENTRY (time_entry));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), DAY);
  gtk_editable_set_text (GTK_EDITABLE (time_entry), clock);
}

static GtkWidget *
find_widget_with_class (GtkWidget  *root,
                        GType       type,
                        const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
label_is_shown (gconstpointer data)
{
  const Shown *shown = data;

  return gui_test_label_shown (shown->root, shown->text);
}

static gboolean
warnings_hidden (gconstpointer data)
{
  EscaleEventEditor *editor = (EscaleEventEditor *) data;
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (find_widget_with_class (GTK_WIDGET (editor),
                                                                                           GTK_TYPE_EXPANDER,
                                                                                           "plan-warnings"),
                                                                  GTK_TYPE_REVEALER));

  return !gtk_revealer_get_child_revealed (revealer) && escale_event_editor_get_conflicts (editor)->len == 0;
}

static gboolean
other_editor_open (gconstpointer data)
{
  EscaleEvent *other = (EscaleEvent *) data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ESCALE_IS_EVENT_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          escale_event_get_id (escale_event_editor_get_event (ESCALE_EVENT_EDITOR (window))) == escale_event_get_id (other))
        return TRUE;
    }
  return FALSE;
}

static void
close_event_editors (void)
{
  GtkWindow *editor;

  while ((editor = gui_test_find_toplevel (ESCALE_TYPE_EVENT_EDITOR)) != NULL)
    gtk_window_destroy (editor);
}

static void
test_move_onto_clash (GuiTestFixture *fixture,
                      gconstpointer   data)
{
  EscaleContext *context = context_of (fixture);
  gint64 partner = add_partner_with_agenda (context, at ("10:00"), at ("12:00"));
  g_autoptr(EscaleEvent) other = save_session (context, "Autre séance", at ("14:00"), at ("16:00"), 0);
  g_autoptr(EscaleEvent) session = save_session (context, "Séance d’information", at ("08:00"), at ("09:00"), partner);
  EscaleEventEditor *editor = escale_event_editor_new (context, session);
  Shown agenda = {
    GTK_WIDGET (editor),
    "Overlaps “Salon de l’emploi” in the agenda of Cégep de Rimouski, Wednesday, May 12, 11:00 – 12:00 (1 hour)"
  };
  Shown presenter = {
    GTK_WIDGET (editor),
    "Julie Roy also presents at “Autre séance”, Wednesday, May 12, 14:00 – 14:30 (30 minutes)"
  };
  Shown summary = { GTK_WIDGET (editor), "2 things to check in this plan" };
  GtkExpander *expander;
  GtkButton *open;

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_cmpuint (escale_event_editor_get_conflicts (editor)->len, ==, 0);
  expander = GTK_EXPANDER (find_widget_with_class (GTK_WIDGET (editor), GTK_TYPE_EXPANDER, "plan-warnings"));
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (expander, TRUE);

  /* Moved onto the partner's fair and the presenter's other session:
   * both show, before anything is saved. */
  type_moment (GTK_WIDGET (editor), "Starts", "11:00");
  type_moment (GTK_WIDGET (editor), "Ends", "14:30");
  g_assert_true (gui_test_wait_until (label_is_shown, &summary));
  g_assert_true (gui_test_wait_until (label_is_shown, &agenda));
  g_assert_true (gui_test_wait_until (label_is_shown, &presenter));
  g_assert_true (escale_event_editor_get_modified (editor));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscaleEvent) stored = escale_event_repository_load (escale_context_get_events (context),
                                                                  escale_event_get_id (session), &error);

    g_assert_no_error (error);
    g_assert_cmpint (escale_event_get_starts_at (stored), ==, at ("08:00"));
  }
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-editor-conflicts.png");

  /* The other session opens from its warning. */
  open = find_button (GTK_WIDGET (editor), "_Open");
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  g_assert_true (gui_test_wait_until (other_editor_open, other));
  gtk_window_present (GTK_WINDOW (editor));

  /* Moved away, the warnings go. */
  type_moment (GTK_WIDGET (editor), "Starts", "16:00");
  type_moment (GTK_WIDGET (editor), "Ends", "17:00");
  g_assert_true (gui_test_wait_until (warnings_hidden, editor));
  g_assert_false (gui_test_label_shown (GTK_WIDGET (editor), agenda.text));

  close_event_editors ();
}

typedef struct
{
  EscaleConflictsWindow *window;
  guint                  n_conflicts;
} Listed;

static gboolean
listed (gconstpointer data)
{
  const Listed *expected = data;

  return !escale_conflicts_window_is_loading (expected->window) &&
         escale_conflicts_window_get_conflicts (expected->window)->len == expected->n_conflicts;
}

static void
test_conflicts_window (GuiTestFixture *fixture,
                       gconstpointer   data)
{
  EscaleContext *context = context_of (fixture);
  g_autoptr(EscaleEvent) first = NULL;
  g_autoptr(EscaleEvent) second = NULL;
  EscaleConflictsWindow *window;
  Listed none, one;
  Shown empty, row;
  g_autofree char *description = NULL;
  GtkWidget *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.conflicts", NULL));
  window = ESCALE_CONFLICTS_WINDOW (gui_test_find_toplevel (ESCALE_TYPE_CONFLICTS_WINDOW));
  g_assert_nonnull (window);

  none = (Listed) { window, 0 };
  g_assert_true (gui_test_wait_until (listed, &none));
  empty = (Shown) { GTK_WIDGET (window), "No Conflicts" };
  g_assert_true (gui_test_wait_until (label_is_shown, &empty));
  gui_test_save_screenshot (GTK_WIDGET (window), "conflicts-empty.png");

  /* Two sessions a month from now with the same presenter: saving them
   * lists their clash, once. */
  first = save_session (context, "Séance du matin", gui_test_days_from_now (30, 9, 0),
                        gui_test_days_from_now (30, 11, 0), 0);
  second = save_session (context, "Séance de fin de matinée", gui_test_days_from_now (30, 10, 0),
                         gui_test_days_from_now (30, 12, 0), 0);
  one = (Listed) { window, 1 };
  g_assert_true (gui_test_wait_until (listed, &one));
  description = escale_conflict_describe (g_ptr_array_index (escale_conflicts_window_get_conflicts (window), 0));
  row = (Shown) { GTK_WIDGET (window), description };
  g_assert_true (gui_test_wait_until (label_is_shown, &row));
  gui_test_assert_label_shown (GTK_WIDGET (window), "Séance du matin");
  gui_test_save_screenshot (GTK_WIDGET (window), "conflicts-window.png");

  /* A row opens its event. */
  list = find_widget_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "boxed-list");
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (gui_test_wait_until (other_editor_open, first));

  close_event_editors ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
report_shown (gconstpointer data)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_agenda_imported (GuiTestFixture *fixture,
                      gconstpointer   data)
{
  EscaleContext *context = context_of (fixture);
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER, "name", "Cégep de Rimouski",
                                                   "kind", ESCALE_PARTNER_KIND_EDUCATION, "region-code", "01",
                                                   "city", "Rimouski", NULL);
  g_autoptr(EscaleEvent) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "cegep.ics", NULL);
  EscaleEventEditor *editor;
  EscalePartnerEditor *partner_editor;
  EscaleConflictsWindow *window;
  Shown agenda;
  Listed none, one;
  gint64 partner_id;

  g_assert_true (escale_partner_repository_save (escale_context_get_partners (context), partner, &error));
  g_assert_no_error (error);
  partner_id = escale_partner_get_id (partner);
  session = save_session (context, "Séance d’information", at ("10:00"), at ("11:00"), partner_id);

  editor = escale_event_editor_new (context, session);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.conflicts", NULL));
  window = ESCALE_CONFLICTS_WINDOW (gui_test_find_toplevel (ESCALE_TYPE_CONFLICTS_WINDOW));
  none = (Listed) { window, 0 };
  g_assert_true (gui_test_wait_until (listed, &none));
  g_assert_cmpuint (escale_event_editor_get_conflicts (editor)->len, ==, 0);

  /* The partner's agenda arrives, with a meeting over the session. */
  g_assert_true (g_file_set_contents (path,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                                      "BEGIN:VEVENT\r\nUID:comite@cegep\r\nDTSTAMP:20261101T120000Z\r\n"
                                      "SUMMARY:Comité régional\r\n"
                                      "DTSTART;TZID=America/Toronto:20270512T103000\r\n"
                                      "DTEND;TZID=America/Toronto:20270512T113000\r\n"
                                      "END:VEVENT\r\nEND:VCALENDAR\r\n",
                                      -1, NULL));
  partner_editor = escale_partner_editor_new (context, partner);
  gtk_window_present (GTK_WINDOW (partner_editor));
  file = g_file_new_for_path (path);
  escale_agenda_row_import (ESCALE_AGENDA_ROW (gui_test_find_widget (GTK_WIDGET (partner_editor), ESCALE_TYPE_AGENDA_ROW,
                                                                     NULL)),
                            file);
  g_assert_true (gui_test_wait_until (report_shown, NULL));
  gui_test_respond ("_Close");

  /* Without touching the session: its window and the Conflicts window
   * read the agenda again. */
  agenda = (Shown) {
    GTK_WIDGET (editor),
    "Overlaps “Comité régional” in the agenda of Cégep de Rimouski, Wednesday, May 12, 10:30 – 11:00 (30 minutes)"
  };
  g_assert_true (gui_test_wait_until (label_is_shown, &agenda));
  gui_test_save_screenshot (GTK_WIDGET (editor), "event-editor-agenda-imported.png");
  one = (Listed) { window, 1 };
  g_assert_true (gui_test_wait_until (listed, &one));

  gtk_window_destroy (GTK_WINDOW (partner_editor));
  gtk_window_destroy (GTK_WINDOW (window));
  close_event_editors ();
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, test) \
  g_test_add (path, GuiTestFixture, GINT_TO_POINTER (FALSE), gui_test_fixture_set_up, test, gui_test_fixture_tear_down)
  ADD ("/conflicts-gui/move-onto-clash", test_move_onto_clash);
  ADD ("/conflicts-gui/conflicts-window", test_conflicts_window);
  ADD ("/conflicts-gui/agenda-imported", test_agenda_imported);
#undef ADD

  return gui_test_run ();
}
