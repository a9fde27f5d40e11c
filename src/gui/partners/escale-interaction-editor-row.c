/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-field-rows.h"
#include "escale-interaction-editor-row.h"
#include "escale-partner-form.h"

/* One entry of a partner's interaction log: when, how and what, and the
 * next step it calls for with its due date. */
struct _EscaleInteractionEditorRow
{
  AdwExpanderRow     parent_instance;

  /* Owned */
  EscaleInteraction *interaction;

  /* Children */
  AdwEntryRow       *date_row;
  AdwComboRow       *channel_row;
  AdwEntryRow       *summary_row;
  AdwEntryRow       *next_step_row;
  AdwEntryRow       *due_row;
  GtkSwitch         *done_switch;
  AdwActionRow      *messages[ESCALE_N_INTERACTION_FIELDS];
};

G_DEFINE_FINAL_TYPE (EscaleInteractionEditorRow, escale_interaction_editor_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EscaleInteractionForm
read_form (EscaleInteractionEditorRow *self)
{
  EscaleInteractionForm form = {
    .occurred_on = gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
    .channel = (EscaleInteractionChannel) adw_combo_row_get_selected (self->channel_row),
    .summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row)),
    .next_step = gtk_editable_get_text (GTK_EDITABLE (self->next_step_row)),
    .due_on = gtk_editable_get_text (GTK_EDITABLE (self->due_row)),
    .done = gtk_switch_get_active (self->done_switch),
  };

  return form;
}

static void
update_title (EscaleInteractionEditorRow *self)
{
  EscaleInteractionForm form = read_form (self);
  g_autofree char *title = NULL;

  /* Translators: an interaction's date, then how it happened ("Phone call") */
  title = g_strdup_printf (_("%s · %s"), form.occurred_on, escale_interaction_channel_get_label (form.channel));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), form.summary);
}

static void
on_field_changed (EscaleInteractionEditorRow *self)
{
  update_title (self);
  escale_interaction_editor_row_check (self);
}

static void
on_remove_clicked (EscaleInteractionEditorRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static AdwEntryRow *
add_entry (EscaleInteractionEditorRow *self,
           const char                 *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_field_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));

  return row;
}

static AdwActionRow *
add_message (EscaleInteractionEditorRow *self)
{
  AdwActionRow *row = escale_field_message_row_new ();

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));
  return row;
}

static void
escale_interaction_editor_row_dispose (GObject *object)
{
  EscaleInteractionEditorRow *self = (EscaleInteractionEditorRow *)object;

  g_clear_object (&self->interaction);

  G_OBJECT_CLASS (escale_interaction_editor_row_parent_class)->dispose (object);
}

static void
escale_interaction_editor_row_class_init (EscaleInteractionEditorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_interaction_editor_row_dispose;

  /**
   * EscaleInteractionEditorRow::remove:
   *
   * The user asked to remove this interaction from the log.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_interaction_editor_row_init (EscaleInteractionEditorRow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  AdwActionRow *done_row;
  GtkWidget *remove;

  self->date_row = add_entry (self, _("Date (YYYY-MM-DD)"));
  self->messages[ESCALE_INTERACTION_FIELD_DATE] = add_message (self);

  for (guint i = 0; i < ESCALE_N_INTERACTION_CHANNELS; i++)
    gtk_string_list_append (channels, escale_interaction_channel_get_label (i));
  self->channel_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->channel_row), _("How"));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->channel_row));

  self->summary_row = add_entry (self, _("Summary"));
  self->messages[ESCALE_INTERACTION_FIELD_SUMMARY] = add_message (self);
  self->next_step_row = add_entry (self, _("Next step"));
  self->due_row = add_entry (self, _("Due date (YYYY-MM-DD)"));
  self->messages[ESCALE_INTERACTION_FIELD_DUE] = add_message (self);

  done_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (done_row), _("Next step done"));
  self->done_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->done_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (done_row, GTK_WIDGET (self->done_switch));
  adw_action_row_set_activatable_widget (done_row, GTK_WIDGET (self->done_switch));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (done_row));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Interaction"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), remove);
}

GtkWidget *
escale_interaction_editor_row_new (EscaleInteraction *interaction)
{
  EscaleInteractionEditorRow *self;

  g_return_val_if_fail (ESCALE_IS_INTERACTION (interaction), NULL);

  self = g_object_new (ESCALE_TYPE_INTERACTION_EDITOR_ROW, NULL);
  self->interaction = g_object_ref (interaction);

  escale_entry_row_set_text (self->date_row, escale_interaction_get_occurred_on (interaction));
  adw_combo_row_set_selected (self->channel_row, escale_interaction_get_channel (interaction));
  escale_entry_row_set_text (self->summary_row, escale_interaction_get_summary (interaction));
  escale_entry_row_set_text (self->next_step_row, escale_interaction_get_next_step (interaction));
  escale_entry_row_set_text (self->due_row, escale_interaction_get_due_on (interaction));
  gtk_switch_set_active (self->done_switch, escale_interaction_get_done (interaction));
  update_title (self);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), escale_interaction_get_id (interaction) == 0);

  return GTK_WIDGET (self);
}

EscaleInteraction *
escale_interaction_editor_row_get_interaction (EscaleInteractionEditorRow *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION_EDITOR_ROW (self), NULL);

  return self->interaction;
}

gboolean
escale_interaction_editor_row_check (EscaleInteractionEditorRow *self)
{
  EscaleInteractionForm form;
  char *messages[ESCALE_N_INTERACTION_FIELDS];
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_INTERACTION_EDITOR_ROW (self), FALSE);

  form = read_form (self);
  ok = escale_interaction_form_check (&form, messages);
  for (guint i = 0; i < ESCALE_N_INTERACTION_FIELDS; i++)
    escale_field_message_row_show (self->messages[i], messages[i]);
  escale_form_messages_clear (messages, ESCALE_N_INTERACTION_FIELDS);

  if (!ok)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return ok;
}

gboolean
escale_interaction_editor_row_apply (EscaleInteractionEditorRow  *self,
                                     GError                     **error)
{
  EscaleInteractionForm form;

  g_return_val_if_fail (ESCALE_IS_INTERACTION_EDITOR_ROW (self), FALSE);

  form = read_form (self);
  return escale_interaction_form_apply (&form, self->interaction, error);
}
