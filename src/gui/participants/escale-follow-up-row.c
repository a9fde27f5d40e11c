/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-field-rows.h"
#include "escale-follow-up-row.h"
#include "escale-validation.h"

/* One follow-up of a participant: when, how and what for, and once done,
 * what came of it. Choosing an outcome completes it today; choosing “To do”
 * again reopens it. The date, kind and notes reach the follow-up when the
 * editor saves. */
struct _EscaleFollowUpRow
{
  AdwExpanderRow  parent_instance;

  /* Owned */
  EscaleFollowUp *follow_up;

  /* Children */
  AdwEntryRow    *due_row;
  AdwActionRow   *due_message;
  AdwComboRow    *kind_row;
  AdwEntryRow    *notes_row;
  AdwComboRow    *outcome_row;
  GtkLabel       *state_label;

  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (EscaleFollowUpRow, escale_follow_up_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_state (EscaleFollowUpRow *self,
            const char        *text,
            const char        *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "accent");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), style);

  gtk_label_set_text (self->state_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), text != NULL);
}

static void
update_title (EscaleFollowUpRow *self)
{
  const char *due_on = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  EscaleFollowUpKind kind = adw_combo_row_get_selected (self->kind_row);
  EscaleFollowUpOutcome outcome = escale_follow_up_get_outcome (self->follow_up);
  g_autofree char *notes = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  g_autofree char *today_text = escale_calendar_date_today ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GDate today;

  /* Translators: a follow-up's due date, then its kind ("Phone call") */
  title = g_strdup_printf (_("%s · %s"), due_on, escale_choice_get_label (ESCALE_TYPE_FOLLOW_UP_KIND, kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  if (outcome != ESCALE_FOLLOW_UP_OUTCOME_PENDING)
    /* Translators: the date a follow-up was done, then its outcome ("Hired") */
    subtitle = g_strdup_printf (_("Done on %s: %s"), escale_follow_up_get_done_on (self->follow_up),
                                escale_choice_get_label (ESCALE_TYPE_FOLLOW_UP_OUTCOME, outcome));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 subtitle != NULL ? subtitle : notes != NULL ? notes : "");

  escale_calendar_date_parse (today_text, &today);
  if (outcome != ESCALE_FOLLOW_UP_OUTCOME_PENDING)
    show_state (self, _("Done"), NULL);
  else
    switch (escale_due_state_classify (due_on, &today))
      {
      case ESCALE_DUE_STATE_OVERDUE:
        show_state (self, _("Overdue"), "error");
        break;
      case ESCALE_DUE_STATE_THIS_WEEK:
        show_state (self, _("This week"), "accent");
        break;
      case ESCALE_DUE_STATE_LATER:
      case ESCALE_DUE_STATE_NONE:
      default:
        show_state (self, NULL, NULL);
        break;
      }
}

static void
on_field_changed (EscaleFollowUpRow *self)
{
  if (self->filling)
    return;

  update_title (self);
  escale_follow_up_row_check (self);
}

static void
on_outcome_changed (EscaleFollowUpRow *self)
{
  guint outcome = adw_combo_row_get_selected (self->outcome_row);
  g_autofree char *today = NULL;

  if (self->filling || outcome == GTK_INVALID_LIST_POSITION ||
      outcome == (guint) escale_follow_up_get_outcome (self->follow_up))
    return;

  if (outcome == ESCALE_FOLLOW_UP_OUTCOME_PENDING)
    {
      escale_follow_up_reopen (self->follow_up);
    }
  else
    {
      today = escale_calendar_date_today ();
      escale_follow_up_complete (self->follow_up, outcome, today);
    }

  update_title (self);
}

static void
on_remove_clicked (EscaleFollowUpRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static AdwComboRow *
add_choice (EscaleFollowUpRow *self,
            const char        *title,
            GType              enum_type,
            GCallback          on_changed)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  guint n = escale_choice_get_count (enum_type);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, escale_choice_get_label (enum_type, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", on_changed, self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));

  return row;
}

static AdwEntryRow *
add_entry (EscaleFollowUpRow *self,
           const char        *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_field_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));

  return row;
}

static void
escale_follow_up_row_dispose (GObject *object)
{
  EscaleFollowUpRow *self = (EscaleFollowUpRow *)object;

  g_clear_object (&self->follow_up);

  G_OBJECT_CLASS (escale_follow_up_row_parent_class)->dispose (object);
}

static void
escale_follow_up_row_class_init (EscaleFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_follow_up_row_dispose;

  /**
   * EscaleFollowUpRow::remove:
   *
   * The user asked to remove this follow-up.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_follow_up_row_init (EscaleFollowUpRow *self)
{

  self->filling = TRUE;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->due_row = add_entry (self, _("Due date (YYYY-MM-DD)"));
  self->due_message = escale_field_message_row_new ();
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->due_message));
  self->kind_row = add_choice (self, _("Kind"), ESCALE_TYPE_FOLLOW_UP_KIND, G_CALLBACK (on_field_changed));
  self->notes_row = add_entry (self, _("Notes"));
  self->outcome_row = add_choice (self, _("Outcome"), ESCALE_TYPE_FOLLOW_UP_OUTCOME, G_CALLBACK (on_outcome_changed));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "tag");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "caption");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->state_label));

  escale_expander_row_add_remove_button (ADW_EXPANDER_ROW (self), _("Remove Follow-up"), G_CALLBACK (on_remove_clicked),
                                         self);
}

GtkWidget *
escale_follow_up_row_new (EscaleFollowUp *follow_up)
{
  EscaleFollowUpRow *self;

  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (follow_up), NULL);

  self = g_object_new (ESCALE_TYPE_FOLLOW_UP_ROW, NULL);
  self->follow_up = g_object_ref (follow_up);

  escale_entry_row_set_text (self->due_row, escale_follow_up_get_due_on (follow_up));
  adw_combo_row_set_selected (self->kind_row, escale_follow_up_get_kind (follow_up));
  escale_entry_row_set_text (self->notes_row, escale_follow_up_get_notes (follow_up));
  adw_combo_row_set_selected (self->outcome_row, escale_follow_up_get_outcome (follow_up));
  self->filling = FALSE;
  update_title (self);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), escale_follow_up_get_id (follow_up) == 0);

  return GTK_WIDGET (self);
}

EscaleFollowUp *
escale_follow_up_row_get_follow_up (EscaleFollowUpRow *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP_ROW (self), NULL);

  return self->follow_up;
}

gboolean
escale_follow_up_row_check (EscaleFollowUpRow *self)
{
  g_autofree char *due_on = NULL;
  GDate date;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP_ROW (self), FALSE);

  due_on = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  ok = due_on != NULL && escale_calendar_date_parse (due_on, &date);
  escale_field_message_row_show (self->due_message,
                                 ok ? NULL : _("Enter the date as year-month-day, such as 2024-03-15"));
  if (!ok)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return ok;
}

/**
 * escale_follow_up_row_apply:
 *
 * Copies the date, kind and notes into the follow-up; call after
 * escale_follow_up_row_check() said the row is right.
 */
void
escale_follow_up_row_apply (EscaleFollowUpRow *self)
{
  g_autofree char *due_on = NULL;
  g_autofree char *notes = NULL;

  g_return_if_fail (ESCALE_IS_FOLLOW_UP_ROW (self));

  due_on = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  notes = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  escale_follow_up_set_due_on (self->follow_up, due_on);
  escale_follow_up_set_kind (self->follow_up, adw_combo_row_get_selected (self->kind_row));
  escale_follow_up_set_notes (self->follow_up, notes);
}
