/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-conflicts-window.h"
#include "escale-conflicts.h"
#include "escale-event-editor.h"

/* Every conflict still to come, from the main menu: each row names the
 * event (or its stop), what it clashes with and the overlap, and opens the
 * event. The list is made off the main thread, on a database connection of
 * its own, since it checks every upcoming event; it is made again when an
 * event is saved, and with Look Again for a partner's agenda just
 * imported. */
struct _EscaleConflictsWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkListBox     *list;

  /* Owned */
  EscaleContext  *context;
  GCancellable   *cancellable;
  GPtrArray      *conflicts;   /* (element-type EscaleConflict) */
  gboolean        again;       /* a change came while the list was made */
};

G_DEFINE_FINAL_TYPE (EscaleConflictsWindow, escale_conflicts_window, ADW_TYPE_WINDOW)

typedef struct
{
  char   *path;
  gint64  now;
} Listing;

static void
listing_free (Listing *listing)
{
  g_free (listing->path);
  g_free (listing);
}

static void
list_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Listing *listing = task_data;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  database = escale_database_open (listing->path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  conflicts = escale_conflicts_list_upcoming (database, listing->now, cancellable, &error);
  if (conflicts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, conflicts, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
create_row (EscaleConflict *conflict)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = escale_conflict_describe (conflict);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->event_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "event-id", g_memdup2 (&conflict->event_id, sizeof conflict->event_id),
                          g_free);
  return row;
}

static void
show_conflicts (EscaleConflictsWindow *self)
{
  GtkWidget *child;
  guint n = self->conflicts->len;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (self->conflicts, i)));

  if (n > 0)
    count = g_strdup_printf (ngettext ("%u conflict to come", "%u conflicts to come", n), n);
  adw_window_title_set_subtitle (self->window_title, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  EscaleConflictsWindow *self = ESCALE_CONFLICTS_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (conflicts == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      g_clear_pointer (&self->conflicts, g_ptr_array_unref);
      self->conflicts = conflicts;
      show_conflicts (self);
    }

  if (self->again)
    escale_conflicts_window_refresh (self);
}

static void
on_refresh_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  escale_conflicts_window_refresh (ESCALE_CONFLICTS_WINDOW (widget));
}

static void
on_list_row_activated (GtkListBox            *list,
                       GtkListBoxRow         *row,
                       EscaleConflictsWindow *self)
{
  gint64 *event_id = g_object_get_data (G_OBJECT (row), "event-id");
  g_autoptr(GError) error = NULL;

  g_assert (event_id != NULL);
  if (!escale_event_editor_present_event (self->context, GTK_WINDOW (self), *event_id, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
}

static void
escale_conflicts_window_dispose (GObject *object)
{
  EscaleConflictsWindow *self = (EscaleConflictsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (escale_context_get_events (self->context), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_CONFLICTS_WINDOW);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_conflicts_window_parent_class)->dispose (object);
}

static void
escale_conflicts_window_class_init (EscaleConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_conflicts_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escale/Escale/ui/events/escale-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleConflictsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleConflictsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EscaleConflictsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleConflictsWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated);

  gtk_widget_class_install_action (widget_class, "conflicts.refresh", NULL, on_refresh_activated);
}

static void
escale_conflicts_window_init (EscaleConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->conflicts = g_ptr_array_new ();
}

/**
 * escale_conflicts_window_new:
 *
 * The window starts listing the conflicts at once.
 */
EscaleConflictsWindow *
escale_conflicts_window_new (EscaleContext *context)
{
  EscaleConflictsWindow *self;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);

  self = g_object_new (ESCALE_TYPE_CONFLICTS_WINDOW, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (escale_context_get_events (context), "changed",
                           G_CALLBACK (escale_conflicts_window_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "agenda-changed", G_CALLBACK (escale_conflicts_window_refresh), self,
                           G_CONNECT_SWAPPED);
  escale_conflicts_window_refresh (self);
  return self;
}

/**
 * escale_conflicts_window_refresh:
 *
 * Lists the conflicts again, in another thread; a refresh asked for while
 * one runs follows it.
 */
void
escale_conflicts_window_refresh (EscaleConflictsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Listing *listing;

  g_return_if_fail (ESCALE_IS_CONFLICTS_WINDOW (self));

  if (self->cancellable != NULL)
    {
      self->again = TRUE;
      return;
    }

  self->again = FALSE;
  self->cancellable = g_cancellable_new ();
  listing = g_new0 (Listing, 1);
  listing->path = g_strdup (escale_database_get_path (escale_context_get_database (self->context)));
  listing->now = g_get_real_time () / G_USEC_PER_SEC;

  /* The list on screen stays until the new one is ready, unless there is
   * none yet. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading"))
    gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_listed, NULL);
  g_task_set_task_data (task, listing, (GDestroyNotify) listing_free);
  g_task_run_in_thread (task, list_in_thread);
}

/**
 * escale_conflicts_window_is_loading:
 *
 * Returns: whether the list is being made
 */
gboolean
escale_conflicts_window_is_loading (EscaleConflictsWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_CONFLICTS_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * escale_conflicts_window_get_conflicts:
 *
 * Returns: (transfer none) (element-type EscaleConflict): the conflicts
 *   shown
 */
GPtrArray *
escale_conflicts_window_get_conflicts (EscaleConflictsWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_CONFLICTS_WINDOW (self), NULL);
  return self->conflicts;
}
