/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-participant-editor-private.h"

/* The banner over the editor when the file looks like another one: open
 * the other file, merge the two, or say they are two people. */

static gboolean
is_dismissed (EscaleParticipantEditor *self,
              gint64                   id)
{
  for (guint i = 0; i < self->dismissed->len; i++)
    {
      if (g_array_index (self->dismissed, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

/* Looks for the same person among the saved files, with the fields as they
 * are typed now: each field that reads well replaces the saved value in a
 * scratch copy, so that a half-typed code elsewhere does not stop the
 * search. */
void
_escale_participant_editor_update_duplicates (EscaleParticipantEditor *self)
{
  g_autoptr(EscaleParticipant) scratch = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *regions_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  EscaleParticipantRepository *repository;
  EscaleParticipantForm form;
  GListModel *regions;

  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  g_clear_pointer (&self->duplicate, escale_duplicate_free);

  /* An editor opened from this one may close after this one. */
  if (self->participant == NULL || self->context == NULL)
    return;

  repository = _escale_participant_editor_get_repository (self);
  regions = _escale_participant_editor_get_regions (self);
  scratch = escale_participant_copy (self->participant);
  _escale_participant_editor_read_form (self, &form, &regions_text);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (escale_participant_field_parse (i, form.values[i], regions, &value, NULL))
        g_object_set_property (G_OBJECT (scratch), escale_participant_field_get_name (i), &value);
    }

  duplicates = escale_participant_repository_find_duplicates (repository, scratch, &error);
  if (duplicates == NULL)
    g_debug ("Could not look for duplicates: %s", error->message);

  for (guint i = 0; duplicates != NULL && i < duplicates->len && self->duplicate == NULL; i++)
    {
      EscaleDuplicate *duplicate = g_ptr_array_index (duplicates, i);

      if (!is_dismissed (self, duplicate->id))
        self->duplicate = g_ptr_array_steal_index (duplicates, i);
    }

  if (self->duplicate != NULL)
    {
      reason = escale_duplicate_describe (self->duplicate);
      /* Translators: a person's name, then why the files look alike, such as “same email address” */
      text = g_strdup_printf (_("This may be the same person as %s (%s)."), self->duplicate->display_name, reason);
      gtk_label_set_text (self->duplicates_label, text);
    }
  gtk_revealer_set_reveal_child (self->duplicates_revealer, self->duplicate != NULL);
}

static gboolean
on_duplicates_timeout (gpointer data)
{
  EscaleParticipantEditor *self = data;

  self->duplicates_source = 0;
  _escale_participant_editor_update_duplicates (self);

  return G_SOURCE_REMOVE;
}

/* Typing a name letter by letter would query the database at each key. */
void
_escale_participant_editor_schedule_duplicates (EscaleParticipantEditor *self)
{
  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  self->duplicates_source = g_timeout_add (300, on_duplicates_timeout, self);
}

static void
on_duplicate_dismiss_clicked (EscaleParticipantEditor *self)
{
  EscaleParticipantRepository *repository = _escale_participant_editor_get_repository (self);
  g_autoptr(GError) error = NULL;
  gint64 id = escale_participant_get_id (self->participant);

  g_return_if_fail (self->duplicate != NULL);

  /* A new file has no number yet: the pair is recorded when it is saved. */
  g_array_append_val (self->dismissed, self->duplicate->id);
  if (id != 0 && !escale_participant_repository_dismiss_duplicate (repository, id, self->duplicate->id, &error))
    _escale_participant_editor_show_message (self, error->message);

  _escale_participant_editor_update_duplicates (self);
}

static void
on_other_editor_deleted (EscaleParticipantEditor *self,
                         EscaleParticipant       *participant)
{
  _escale_participant_editor_emit_deleted (self, participant);
}

static void
on_duplicate_open_clicked (EscaleParticipantEditor *self)
{
  EscaleParticipantEditor *other;

  g_return_if_fail (self->duplicate != NULL);

  other = escale_participant_editor_new (self->context, self->duplicate->id);
  g_signal_connect_object (other, "deleted", G_CALLBACK (on_other_editor_deleted), self, G_CONNECT_SWAPPED);
  /* The other file may have changed by the time it closes. */
  g_signal_connect_object (other, "destroy", G_CALLBACK (_escale_participant_editor_update_duplicates), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (other), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (other));
}

static void
merge (EscaleParticipantEditor *self,
       gint64                   other_id)
{
  EscaleParticipantRepository *repository = _escale_participant_editor_get_repository (self);
  g_autoptr(EscaleParticipant) merged = NULL;
  g_autoptr(GError) error = NULL;

  if (!_escale_participant_editor_apply_edits (self, &error))
    {
      _escale_participant_editor_show_message (self, error->message);
      return;
    }

  /* A merge keeps a stored file: a new one is saved first. */
  if (escale_participant_get_id (self->participant) == 0)
    {
      if (!escale_participant_repository_save (repository, self->participant, &error))
        {
          _escale_participant_editor_show_message (self, error->message);
          return;
        }
      _escale_participant_editor_set_stored (self, self->participant);
    }

  merged = escale_participant_repository_merge (repository, self->participant, other_id, &error);
  if (merged == NULL)
    {
      _escale_participant_editor_show_message (self, error->message);
      return;
    }

  _escale_participant_editor_set_stored (self, merged);
  _escale_participant_editor_update_duplicates (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The two files were merged")));
}

static void
on_merge_response (AdwMessageDialog        *dialog,
                   const char              *response,
                   EscaleParticipantEditor *self)
{
  gint64 *other_id = g_object_get_data (G_OBJECT (dialog), "other-id");

  if (g_str_equal (response, "merge"))
    merge (self, *other_id);
}

static void
on_duplicate_merge_clicked (EscaleParticipantEditor *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (self->duplicate != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge the Two Files?"), NULL);
  /* Translators: the name on the other file */
  body = g_strdup_printf (_("The consent records, notes and follow-ups of the file of %s are kept in this one, "
                            "its answers fill the fields left empty here, and then that file is removed. "
                            "This file is saved first."),
                          self->duplicate->display_name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "other-id", g_memdup2 (&self->duplicate->id, sizeof (gint64)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_escale_participant_editor_bind_duplicates (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_duplicate_dismiss_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicate_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicate_merge_clicked);
}
