/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-logistics-editor.h"
#include "escale-task-row.h"
#include "escale-vehicle-row.h"

/* The Logistics page: a visit's vehicles and the checklist of any event.
 * Both are parts of the event being edited: they reach the database with
 * it at Save, and closing without saving forgets them. */
struct _EscaleLogisticsEditor
{
  AdwBin               parent_instance;

  EscaleEvent         *event;

  AdwPreferencesGroup *transport_group;
  GtkWidget           *no_vehicle_row;
  AdwPreferencesGroup *checklist_group;
  GtkWidget           *no_task_row;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (EscaleLogisticsEditor, escale_logistics_editor, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A bus for the group, the size most carriers of Québec rent. */
#define DEFAULT_BUS_SEATS 56

static void
emit_changed (EscaleLogisticsEditor *self)
{
  gtk_widget_set_visible (self->no_vehicle_row,
                          g_list_model_get_n_items (escale_event_get_vehicles (self->event)) == 0);
  gtk_widget_set_visible (self->no_task_row, g_list_model_get_n_items (escale_event_get_tasks (self->event)) == 0);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
remove_row (EscaleLogisticsEditor *self,
            AdwPreferencesGroup   *group,
            GtkWidget             *row)
{
  adw_preferences_group_remove (group, row);
  g_ptr_array_remove (self->rows, row);
  emit_changed (self);
}

static void
on_vehicle_remove (EscaleLogisticsEditor *self,
                   EscaleVehicleRow      *row)
{
  escale_event_remove_vehicle (self->event, escale_vehicle_row_get_vehicle (row));
  remove_row (self, self->transport_group, GTK_WIDGET (row));
}

static void
on_task_remove (EscaleLogisticsEditor *self,
                EscaleTaskRow         *row)
{
  escale_event_remove_task (self->event, escale_task_row_get_task (row));
  remove_row (self, self->checklist_group, GTK_WIDGET (row));
}

static GtkWidget *
add_row (EscaleLogisticsEditor *self,
         AdwPreferencesGroup   *group,
         GtkWidget             *row,
         GCallback              on_remove)
{
  g_signal_connect_object (row, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", on_remove, self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
on_add_vehicle_clicked (EscaleLogisticsEditor *self)
{
  g_autoptr(EscaleVehicle) vehicle = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, DEFAULT_BUS_SEATS);
  GtkWidget *row;

  /* The bus usually leaves and comes back when the visit does. */
  escale_vehicle_set_departs_at (vehicle, escale_event_get_starts_at (self->event));
  escale_vehicle_set_returns_at (vehicle, escale_event_get_ends_at (self->event));
  escale_event_add_vehicle (self->event, vehicle);
  row = add_row (self, self->transport_group, escale_vehicle_row_new (self->event, vehicle),
                 G_CALLBACK (on_vehicle_remove));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
  emit_changed (self);
}

static void
on_add_task_clicked (EscaleLogisticsEditor *self)
{
  g_autofree char *today_text = escale_calendar_date_today ();
  g_autofree char *due_on = NULL;
  g_autoptr(EscaleLogisticsTask) task = NULL;
  GDate due;

  /* A week from now, which the counsellor changes when it matters. */
  escale_calendar_date_parse (today_text, &due);
  g_date_add_days (&due, 7);
  due_on = escale_calendar_date_format (&due);

  task = escale_logistics_task_new (_("New task"), due_on);
  escale_event_add_task (self->event, task);
  escale_task_row_edit (ESCALE_TASK_ROW (add_row (self, self->checklist_group, escale_task_row_new (task),
                                                  G_CALLBACK (on_task_remove))));
  emit_changed (self);
}

static GtkWidget *
create_add_button (const char *label,
                   GCallback   callback,
                   gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

/* What an empty group says it is for. */
static GtkWidget *
create_placeholder (AdwPreferencesGroup *group,
                    const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  return row;
}

static void
escale_logistics_editor_dispose (GObject *object)
{
  EscaleLogisticsEditor *self = (EscaleLogisticsEditor *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (escale_logistics_editor_parent_class)->dispose (object);
}

static void
escale_logistics_editor_class_init (EscaleLogisticsEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_logistics_editor_dispose;

  /**
   * EscaleLogisticsEditor::changed:
   *
   * A vehicle or a task was added, removed or edited.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
}

static void
escale_logistics_editor_init (EscaleLogisticsEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->rows = g_ptr_array_new ();

  self->transport_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->transport_group, _("Transport"));
  adw_preferences_group_set_description (self->transport_group,
                                         _("The bus or cars that take the group, and their seats."));
  adw_preferences_group_set_header_suffix (self->transport_group,
                                           create_add_button (_("Add _Vehicle"), G_CALLBACK (on_add_vehicle_clicked),
                                                              self));
  self->no_vehicle_row = create_placeholder (self->transport_group, _("No vehicle yet"));

  self->checklist_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->checklist_group, _("Checklist"));
  adw_preferences_group_set_description (self->checklist_group,
                                         _("What must be booked and confirmed, by when. Tick a task when it is "
                                           "done."));
  adw_preferences_group_set_header_suffix (self->checklist_group,
                                           create_add_button (_("Add _Task"), G_CALLBACK (on_add_task_clicked), self));
  self->no_task_row = create_placeholder (self->checklist_group,
                                          _("Nothing to do yet: add the bus, the lodging, the meals, each company"));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->transport_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->checklist_group));
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
escale_logistics_editor_new (void)
{
  return g_object_new (ESCALE_TYPE_LOGISTICS_EDITOR, NULL);
}

/**
 * escale_logistics_editor_set_event:
 *
 * Edits the vehicles and tasks of @event in place.
 */
void
escale_logistics_editor_set_event (EscaleLogisticsEditor *self,
                                   EscaleEvent           *event)
{
  GListModel *vehicles, *tasks;

  g_return_if_fail (ESCALE_IS_LOGISTICS_EDITOR (self));
  g_return_if_fail (ESCALE_IS_EVENT (event));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ESCALE_IS_VEHICLE_ROW (row) ? self->transport_group : self->checklist_group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_set_object (&self->event, event);

  vehicles = escale_event_get_vehicles (event);
  for (guint i = 0; i < g_list_model_get_n_items (vehicles); i++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, i);

      add_row (self, self->transport_group, escale_vehicle_row_new (event, vehicle), G_CALLBACK (on_vehicle_remove));
    }

  tasks = escale_event_get_tasks (event);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (tasks, i);

      add_row (self, self->checklist_group, escale_task_row_new (task), G_CALLBACK (on_task_remove));
    }

  gtk_widget_set_visible (self->no_vehicle_row, g_list_model_get_n_items (vehicles) == 0);
  gtk_widget_set_visible (self->no_task_row, g_list_model_get_n_items (tasks) == 0);
}

/**
 * escale_logistics_editor_set_transport_visible:
 *
 * Only visits travel: other events show their checklist alone.
 */
void
escale_logistics_editor_set_transport_visible (EscaleLogisticsEditor *self,
                                               gboolean               visible)
{
  g_return_if_fail (ESCALE_IS_LOGISTICS_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->transport_group), visible);
}
