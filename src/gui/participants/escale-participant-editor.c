/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-consent-row.h"
#include "escale-field-rows.h"
#include "escale-follow-up-row.h"
#include "escale-household-row.h"
#include "escale-participant-editor-private.h"
#include "escale-placeholder.h"
#include "escale-validation.h"

/* Edits a copy of a participant's file. The fields are moved as text into
 * an EscaleParticipantForm, which the core checks and applies; consent
 * records, notes and follow-ups are added to the copy as the counsellor
 * works, and the repository stores the whole file at Save. The struct is in
 * escale-participant-editor-private.h, shared with -fields.c and
 * -duplicates.c. */
G_DEFINE_FINAL_TYPE (EscaleParticipantEditor, escale_participant_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_author (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && *name != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

void
_escale_participant_editor_show_message (EscaleParticipantEditor *self,
                                         const char              *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
on_household_row_remove (EscaleParticipantEditor *self,
                         GtkWidget               *row)
{
  adw_preferences_group_remove (self->household_group, row);
  g_ptr_array_remove (self->household_rows, row);
}

static GtkWidget *
add_household_row (EscaleParticipantEditor *self,
                   EscaleHouseholdMember   *member)
{
  GtkWidget *row = escale_household_row_new (member);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_household_row_remove), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->household_group, row);
  g_ptr_array_add (self->household_rows, row);

  return row;
}

static void
on_add_member_clicked (EscaleParticipantEditor *self)
{
  EscaleHouseholdRelation relation = self->household_rows->len == 0 ? ESCALE_HOUSEHOLD_RELATION_SPOUSE
                                                                     : ESCALE_HOUSEHOLD_RELATION_CHILD;
  g_autoptr(EscaleHouseholdMember) member = escale_household_member_new (relation, NULL, 0);
  GtkWidget *row = add_household_row (self, member);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
}

static void
on_follow_up_row_remove (EscaleParticipantEditor *self,
                         EscaleFollowUpRow       *row)
{
  escale_participant_remove_follow_up (self->participant, escale_follow_up_row_get_follow_up (row));
  adw_preferences_group_remove (self->follow_ups_group, GTK_WIDGET (row));
  g_ptr_array_remove (self->follow_up_rows, row);
}

static GtkWidget *
add_follow_up_row (EscaleParticipantEditor *self,
                   EscaleFollowUp          *follow_up)
{
  GtkWidget *row = escale_follow_up_row_new (follow_up);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_follow_up_row_remove), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->follow_ups_group, row);
  g_ptr_array_add (self->follow_up_rows, row);

  return row;
}

static void
on_add_follow_up_clicked (EscaleParticipantEditor *self)
{
  g_autofree char *today_text = escale_calendar_date_today ();
  g_autofree char *due_on = NULL;
  g_autoptr(EscaleFollowUp) follow_up = NULL;
  GDate due;

  /* A week from now is when most counsellors call back. */
  escale_calendar_date_parse (today_text, &due);
  g_date_add_days (&due, 7);
  due_on = escale_calendar_date_format (&due);

  follow_up = escale_follow_up_new (due_on, ESCALE_FOLLOW_UP_KIND_CALL);
  escale_participant_add_follow_up (self->participant, follow_up);
  gtk_widget_grab_focus (add_follow_up_row (self, follow_up));
}

static void
on_note_remove_clicked (GtkButton               *button,
                        EscaleParticipantEditor *self)
{
  escale_participant_remove_note (self->participant, g_object_get_data (G_OBJECT (button), "note"));
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  EscaleCaseNote *note = item;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *subtitle = NULL;
  GtkWidget *remove;

  /* Translators: the date a note was written, then its author */
  subtitle = g_strdup_printf (_("%s · %s"), escale_case_note_get_written_on (note),
                              escale_case_note_get_author (note));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escale_case_note_get_body (note));
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_set_subtitle (row, subtitle);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Note"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "note", g_object_ref (note), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_note_remove_clicked), user_data);
  adw_action_row_add_suffix (row, remove);

  return GTK_WIDGET (row);
}

static char *
dup_new_note (EscaleParticipantEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->new_note_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return escale_normalize_text (text);
}

static void
on_new_note_changed (EscaleParticipantEditor *self)
{
  g_autofree char *text = dup_new_note (self);

  gtk_widget_set_sensitive (self->add_note_button, text != NULL);
}

/* Adds what is typed in the new note, if anything. */
static void
add_new_note (EscaleParticipantEditor *self)
{
  g_autofree char *body = dup_new_note (self);
  g_autofree char *today = NULL;
  g_autoptr(EscaleCaseNote) note = NULL;

  if (body == NULL)
    return;

  today = escale_calendar_date_today ();
  note = escale_case_note_new (today, get_author (), body);
  escale_participant_add_note (self->participant, note);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->new_note_view), "", -1);
}

static void
on_add_note_clicked (EscaleParticipantEditor *self)
{
  add_new_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_note_view));
}

static void
update_consent_description (EscaleParticipantEditor *self)
{
  if (g_list_model_get_n_items (escale_participant_get_consents (self->participant)) == 0)
    adw_preferences_group_set_description (self->consent_group,
                                           _("No consent recorded: record it before sharing this file."));
  else
    adw_preferences_group_set_description (self->consent_group,
                                           _("Each record stays as it was written; a change of mind is a new record."));
}

/* Shows the edited copy in every widget: on open, and after a merge. */
static void
fill (EscaleParticipantEditor *self)
{
  GListModel *household = escale_participant_get_household (self->participant);
  GListModel *follow_ups = escale_participant_get_follow_ups (self->participant);
  g_autofree char *name = NULL;

  self->filling = TRUE;

  _escale_participant_editor_fill_fields (self);

  clear_rows (self->household_group, self->household_rows);
  for (guint i = 0; i < g_list_model_get_n_items (household); i++)
    {
      g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (household, i);

      add_household_row (self, member);
    }

  clear_rows (self->consent_group, self->consent_rows);
  for (guint i = 0; i < ESCALE_N_CONSENT_PURPOSES; i++)
    {
      GtkWidget *row = escale_consent_row_new (self->participant, i);

      adw_preferences_group_add (self->consent_group, row);
      g_ptr_array_add (self->consent_rows, row);
    }
  g_signal_connect_object (escale_participant_get_consents (self->participant), "items-changed",
                           G_CALLBACK (update_consent_description), self, G_CONNECT_SWAPPED);
  update_consent_description (self);

  gtk_list_box_bind_model (self->notes_list, escale_participant_get_notes (self->participant),
                           create_note_row, self, NULL);

  clear_rows (self->follow_ups_group, self->follow_up_rows);
  for (guint i = 0; i < g_list_model_get_n_items (follow_ups); i++)
    {
      g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (follow_ups, i);

      add_follow_up_row (self, follow_up);
    }

  if (self->saved != NULL)
    {
      name = escale_participant_dup_display_name (self->saved);
      adw_window_title_set_title (self->window_title, _("Edit Participant"));
      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Participant"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->manage_group), self->saved != NULL);
  _escale_participant_editor_update_events (self);

  self->names_touched[0] = self->names_touched[1] = self->saved != NULL;
  self->filling = FALSE;

  _escale_participant_editor_check_fields (self, FALSE);
}

/* From now on, @stored is the saved version and the editor edits a copy. */
void
_escale_participant_editor_set_stored (EscaleParticipantEditor *self,
                                       EscaleParticipant       *stored)
{
  g_set_object (&self->saved, stored);
  g_clear_object (&self->participant);
  self->participant = escale_participant_copy (stored);
  fill (self);
}

/* The page that opened the editor offers to undo the deletion. */
void
_escale_participant_editor_emit_deleted (EscaleParticipantEditor *self,
                                         EscaleParticipant       *participant)
{
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, participant);
}

/* Moves everything the widgets hold into the edited copy, if it is right. */
gboolean
_escale_participant_editor_apply_edits (EscaleParticipantEditor  *self,
                                        GError                  **error)
{
  GListModel *household = escale_participant_get_household (self->participant);
  g_autofree char *regions_text = NULL;
  EscaleParticipantForm form;
  gboolean ok;

  /* Once the user tried to save, missing names stay pointed out. */
  self->names_touched[0] = self->names_touched[1] = TRUE;
  ok = _escale_participant_editor_check_fields (self, TRUE);
  for (guint i = 0; i < self->household_rows->len; i++)
    ok &= escale_household_row_check (g_ptr_array_index (self->household_rows, i));
  for (guint i = 0; i < self->follow_up_rows->len; i++)
    ok &= escale_follow_up_row_check (g_ptr_array_index (self->follow_up_rows, i));

  if (!ok)
    {
      g_set_error_literal (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                           _("Some fields need attention before saving"));
      return FALSE;
    }

  _escale_participant_editor_read_form (self, &form, &regions_text);
  if (!escale_participant_form_apply (&form, _escale_participant_editor_get_regions (self), self->participant, error))
    return FALSE;

  while (g_list_model_get_n_items (household) > 0)
    {
      g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (household, 0);

      escale_participant_remove_household_member (self->participant, member);
    }
  for (guint i = 0; i < self->household_rows->len; i++)
    {
      g_autoptr(EscaleHouseholdMember) member =
        escale_household_row_dup_member (g_ptr_array_index (self->household_rows, i));

      escale_participant_add_household_member (self->participant, member);
    }

  for (guint i = 0; i < self->follow_up_rows->len; i++)
    escale_follow_up_row_apply (g_ptr_array_index (self->follow_up_rows, i));

  /* A note typed but not added is not lost. */
  add_new_note (self);

  return TRUE;
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EscaleParticipantEditor *self = ESCALE_PARTICIPANT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_escale_participant_editor_apply_edits (self, &error) ||
      !escale_participant_repository_save (_escale_participant_editor_get_repository (self), self->participant, &error))
    {
      _escale_participant_editor_show_message (self, error->message);
      return;
    }

  /* Pairs dismissed before the file had a number are recorded now. */
  id = escale_participant_get_id (self->participant);
  for (guint i = 0; i < self->dismissed->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!escale_participant_repository_dismiss_duplicate (_escale_participant_editor_get_repository (self), id,
                                                            g_array_index (self->dismissed, gint64, i),
                                                            &local_error))
        g_debug ("Could not record a dismissed duplicate: %s", local_error->message);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
close_later (gpointer data)
{
  g_autoptr(GtkWindow) window = data;

  gtk_window_close (window);
}

static void
on_delete_response (AdwMessageDialog        *dialog,
                    const char              *response,
                    EscaleParticipantEditor *self)
{
  g_autoptr(EscaleParticipant) deleted = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  deleted = g_object_ref (self->saved);
  if (!escale_participant_repository_delete (_escale_participant_editor_get_repository (self), deleted, &error))
    {
      _escale_participant_editor_show_message (self, error->message);
      return;
    }

  _escale_participant_editor_emit_deleted (self, deleted);

  /* The dialog still refers to its parent while it emits this response:
   * close the editor once the dialog is gone. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (close_later, g_object_ref (self));
}

static void
on_delete_clicked (EscaleParticipantEditor *self)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_if_fail (self->saved != NULL);

  name = escale_participant_dup_display_name (self->saved);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: a person's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete the File of %s?"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Their consent records, notes and follow-ups are deleted with it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
escale_participant_editor_dispose (GObject *object)
{
  EscaleParticipantEditor *self = (EscaleParticipantEditor *)object;

  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  _escale_participant_editor_unfollow_events (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTICIPANT_EDITOR);
  g_clear_pointer (&self->household_rows, g_ptr_array_unref);
  g_clear_pointer (&self->consent_rows, g_ptr_array_unref);
  g_clear_pointer (&self->follow_up_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_array_unref);
  g_clear_pointer (&self->duplicate, escale_duplicate_free);
  g_clear_object (&self->participant);
  g_clear_object (&self->saved);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_participant_editor_parent_class)->dispose (object);
}

static void
escale_participant_editor_class_init (EscaleParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_participant_editor_dispose;

  /**
   * EscaleParticipantEditor::deleted:
   * @participant: the deleted file, which escale_participant_repository_restore()
   *   can bring back
   *
   * A file was deleted from this editor, or from the editor of a likely
   * duplicate opened from it.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ESCALE_TYPE_PARTICIPANT);

  g_type_ensure (ESCALE_TYPE_REGION_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/participants/escale-participant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, page);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, duplicates_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, immigration_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, work_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, region_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, household_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, consent_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, notes_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, new_note_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, manage_group);
  gtk_widget_class_bind_template_callback (widget_class, on_add_member_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_note_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_follow_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  _escale_participant_editor_bind_duplicates (widget_class);
  _escale_participant_editor_bind_events (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_activated);
}

static void
escale_participant_editor_init (EscaleParticipantEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->household_rows = g_ptr_array_new ();
  self->consent_rows = g_ptr_array_new ();
  self->follow_up_rows = g_ptr_array_new ();
  self->dismissed = g_array_new (FALSE, FALSE, sizeof (gint64));

  _escale_participant_editor_build_fields (self);

  escale_placeholder_add (self->notes_list, _("No notes yet"));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->new_note_view), "changed",
                            G_CALLBACK (on_new_note_changed), self);
}

/**
 * escale_participant_editor_new:
 * @participant_id: the file to edit, or 0 for a new participant
 */
EscaleParticipantEditor *
escale_participant_editor_new (EscaleContext *context,
                               gint64         participant_id)
{
  EscaleParticipantEditor *self;
  g_autoptr(EscaleParticipant) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (participant_id >= 0, NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_EDITOR, NULL);
  self->context = g_object_ref (context);
  escale_region_list_set_regions (self->region_list, _escale_participant_editor_get_regions (self));

  if (participant_id != 0)
    {
      stored = escale_participant_repository_load (_escale_participant_editor_get_repository (self), participant_id,
                                                   &error);
      if (stored == NULL)
        {
          /* Deleted or merged in the meantime: say so, and offer nothing to save. */
          _escale_participant_editor_show_message (self, error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
        }
    }

  if (stored != NULL)
    {
      _escale_participant_editor_set_stored (self, stored);
    }
  else
    {
      self->participant = escale_participant_new ();
      fill (self);
    }

  _escale_participant_editor_update_duplicates (self);
  _escale_participant_editor_follow_events (self);

  return self;
}

/**
 * escale_participant_editor_get_participant_id:
 *
 * Returns: the number of the file, or 0 until a new one is first saved
 */
gint64
escale_participant_editor_get_participant_id (EscaleParticipantEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_EDITOR (self), 0);

  return self->participant != NULL ? escale_participant_get_id (self->participant) : 0;
}
