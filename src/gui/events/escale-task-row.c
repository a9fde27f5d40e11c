/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-field-rows.h"
#include "escale-task-row.h"
#include "escale-validation.h"

/* One task of the checklist: a box to tick when it is done, the due date,
 * and who confirmed (the carrier, the inn, the company). A task past its
 * due date and not done says “Late” in red, as the paper checklist did
 * with a highlighter. */
struct _EscaleTaskRow
{
  AdwExpanderRow       parent_instance;

  EscaleLogisticsTask *task;

  GtkCheckButton      *done_check;
  GtkLabel            *late_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *due_row;
  AdwEntryRow         *confirmed_row;
  AdwActionRow        *message_row;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (EscaleTaskRow, escale_task_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (EscaleTaskRow *self)
{
  g_autofree char *today = escale_calendar_date_today ();
  const char *title = escale_logistics_task_get_title (self->task);
  const char *due_on = escale_logistics_task_get_due_on (self->task);
  const char *done_on = escale_logistics_task_get_done_on (self->task);
  const char *confirmed_by = escale_logistics_task_get_confirmed_by (self->task);
  g_autofree char *subtitle = NULL;

  if (done_on != NULL && confirmed_by != NULL)
    /* Translators: the day a task was done, then who confirmed it */
    subtitle = g_strdup_printf (_("Done %s, confirmed by %s"), done_on, confirmed_by);
  else if (done_on != NULL)
    /* Translators: the day a task was done */
    subtitle = g_strdup_printf (_("Done %s"), done_on);
  else if (due_on != NULL)
    /* Translators: the day a task is due */
    subtitle = g_strdup_printf (_("Due %s"), due_on);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title != NULL ? title : _("New task"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->late_label), escale_logistics_task_is_late (self->task, today));
}

static void
on_changed (EscaleTaskRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *confirmed_by = NULL;
  const char *message = NULL;
  GDate date;

  if (self->filling)
    return;

  title = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  due_on = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  confirmed_by = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->confirmed_row)));

  if (title == NULL)
    message = _("Task: say what is to be done");
  else
    escale_logistics_task_set_title (self->task, title);

  if (due_on != NULL && !escale_calendar_date_parse (due_on, &date))
    message = _("Due date: enter the date as year-month-day, such as 2024-03-15");
  else
    escale_logistics_task_set_due_on (self->task, due_on);

  if (escale_logistics_task_get_done_on (self->task) != NULL)
    escale_logistics_task_complete (self->task, escale_logistics_task_get_done_on (self->task), confirmed_by);

  escale_field_message_row_show (self->message_row, message);
  update_title (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_done_toggled (EscaleTaskRow *self)
{
  g_autofree char *confirmed_by = NULL;
  g_autofree char *today = NULL;

  if (self->filling)
    return;

  if (gtk_check_button_get_active (self->done_check))
    {
      today = escale_calendar_date_today ();
      confirmed_by = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->confirmed_row)));
      escale_logistics_task_complete (self->task, today, confirmed_by);
    }
  else
    escale_logistics_task_reopen (self->task);

  update_title (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static AdwEntryRow *
add_entry (EscaleTaskRow *self,
           const char    *title,
           const char    *text)
{
  return escale_expander_row_add_entry (ADW_EXPANDER_ROW (self), title, text, G_CALLBACK (on_changed), self);
}

static void
on_remove_clicked (EscaleTaskRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
build (EscaleTaskRow *self)
{

  self->filling = TRUE;

  self->done_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->done_check), GTK_ALIGN_CENTER);
  gtk_check_button_set_active (self->done_check, escale_logistics_task_get_done_on (self->task) != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  g_signal_connect_object (self->done_check, "toggled", G_CALLBACK (on_done_toggled), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->done_check));

  /* Translators: said of a checklist task past its due date */
  self->late_label = GTK_LABEL (gtk_label_new (_("Late")));
  gtk_widget_add_css_class (GTK_WIDGET (self->late_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->late_label), "caption-heading");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->late_label));

  self->title_row = add_entry (self, _("Task"), escale_logistics_task_get_title (self->task));
  self->due_row = add_entry (self, _("Due date (YYYY-MM-DD)"), escale_logistics_task_get_due_on (self->task));
  self->confirmed_row = add_entry (self, _("Confirmed by"), escale_logistics_task_get_confirmed_by (self->task));
  self->message_row = escale_field_message_row_new ();
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->message_row));

  escale_expander_row_add_remove_button (ADW_EXPANDER_ROW (self), _("Remove Task"), G_CALLBACK (on_remove_clicked),
                                         self);

  update_title (self);
  self->filling = FALSE;
}

static void
escale_task_row_dispose (GObject *object)
{
  EscaleTaskRow *self = (EscaleTaskRow *)object;

  g_clear_object (&self->task);

  G_OBJECT_CLASS (escale_task_row_parent_class)->dispose (object);
}

static void
escale_task_row_class_init (EscaleTaskRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_task_row_dispose;

  /**
   * EscaleTaskRow::changed:
   *
   * The task was edited, ticked or unticked.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
  /**
   * EscaleTaskRow::remove:
   *
   * The counsellor asked to remove the task.
   */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);
}

static void
escale_task_row_init (EscaleTaskRow *self)
{
}

GtkWidget *
escale_task_row_new (EscaleLogisticsTask *task)
{
  EscaleTaskRow *self;

  g_return_val_if_fail (ESCALE_IS_LOGISTICS_TASK (task), NULL);

  self = g_object_new (ESCALE_TYPE_TASK_ROW, NULL);
  self->task = g_object_ref (task);
  build (self);
  return GTK_WIDGET (self);
}

EscaleLogisticsTask *
escale_task_row_get_task (EscaleTaskRow *self)
{
  g_return_val_if_fail (ESCALE_IS_TASK_ROW (self), NULL);
  return self->task;
}

/**
 * escale_task_row_edit:
 *
 * Opens the row and puts the cursor in the task's title.
 */
void
escale_task_row_edit (EscaleTaskRow *self)
{
  g_return_if_fail (ESCALE_IS_TASK_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
