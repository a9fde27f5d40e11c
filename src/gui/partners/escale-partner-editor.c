/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-agenda-row.h"
#include "escale-contact-editor-row.h"
#include "escale-export-row.h"
#include "escale-feed-row.h"
#include "escale-field-rows.h"
#include "escale-interaction-editor-row.h"
#include "escale-partner-editor.h"
#include "escale-partner-form.h"
#include "escale-week-view.h"

/* Edits a copy of a partner. The entries are read into an EscalePartnerForm
 * that the core checks and applies; this file only moves text between the
 * widgets and the form, and asks the repository to save. */
struct _EscalePartnerEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwPreferencesPage   *page;
  AdwEntryRow          *name_row;
  AdwActionRow         *name_message;
  AdwComboRow          *kind_row;
  AdwComboRow          *region_row;
  AdwEntryRow          *tags_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *city_row;
  AdwEntryRow          *postal_code_row;
  AdwActionRow         *postal_code_message;
  AdwEntryRow          *latitude_row;
  AdwActionRow         *latitude_message;
  AdwEntryRow          *longitude_row;
  AdwActionRow         *longitude_message;
  AdwEntryRow          *phone_row;
  AdwActionRow         *phone_message;
  AdwEntryRow          *email_row;
  AdwActionRow         *email_message;
  AdwEntryRow          *website_row;
  AdwActionRow         *website_message;
  GtkTextView          *notes_view;
  AdwPreferencesGroup  *contacts_group;
  AdwPreferencesGroup  *interactions_group;
  AdwPreferencesGroup  *calendar_group;
  AdwPreferencesGroup  *manage_group;
  GtkButton            *archive_button;

  /* Owned */
  EscaleContext        *context;
  EscalePartner        *saved;      /* the version in the list, or NULL */
  EscalePartner        *partner;    /* the copy being edited */
  GPtrArray            *contact_rows;
  GPtrArray            *interaction_rows;
  gboolean              name_touched;
};

G_DEFINE_FINAL_TYPE (EscalePartnerEditor, escale_partner_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EscalePartnerForm
read_form (EscalePartnerEditor *self,
           char               **notes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GListModel *regions = escale_region_repository_get_regions (escale_context_get_regions (self->context));
  guint region = adw_combo_row_get_selected (self->region_row);
  GtkTextIter start, end;
  EscalePartnerForm form = {
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .kind = (EscalePartnerKind) adw_combo_row_get_selected (self->kind_row),
    .address = gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
    .city = gtk_editable_get_text (GTK_EDITABLE (self->city_row)),
    .postal_code = gtk_editable_get_text (GTK_EDITABLE (self->postal_code_row)),
    .latitude = gtk_editable_get_text (GTK_EDITABLE (self->latitude_row)),
    .longitude = gtk_editable_get_text (GTK_EDITABLE (self->longitude_row)),
    .website = gtk_editable_get_text (GTK_EDITABLE (self->website_row)),
    .phone = gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
    .email = gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
    .tags = gtk_editable_get_text (GTK_EDITABLE (self->tags_row)),
  };

  /* Position 0 of the region menu is "No region". */
  if (region != 0 && region != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(EscaleRegion) chosen = g_list_model_get_item (regions, region - 1);

      form.region_code = escale_region_get_code (chosen);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  *notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  form.notes = *notes;

  return form;
}

/* Shows what is wrong under each field; the name's absence only once the
 * user has typed in it or tried to save, not on an empty new form. */
static gboolean
check_fields (EscalePartnerEditor *self,
              gboolean             saving)
{
  AdwActionRow *message_rows[ESCALE_N_PARTNER_FIELDS] = {
    [ESCALE_PARTNER_FIELD_NAME] = self->name_message,
    [ESCALE_PARTNER_FIELD_POSTAL_CODE] = self->postal_code_message,
    [ESCALE_PARTNER_FIELD_LATITUDE] = self->latitude_message,
    [ESCALE_PARTNER_FIELD_LONGITUDE] = self->longitude_message,
    [ESCALE_PARTNER_FIELD_WEBSITE] = self->website_message,
    [ESCALE_PARTNER_FIELD_PHONE] = self->phone_message,
    [ESCALE_PARTNER_FIELD_EMAIL] = self->email_message,
  };
  char *messages[ESCALE_N_PARTNER_FIELDS];
  g_autofree char *notes = NULL;
  EscalePartnerForm form = read_form (self, &notes);
  gboolean ok;

  ok = escale_partner_form_check (&form, messages);

  if (!saving && !self->name_touched)
    g_clear_pointer (&messages[ESCALE_PARTNER_FIELD_NAME], g_free);

  for (guint i = 0; i < ESCALE_N_PARTNER_FIELDS; i++)
    escale_field_message_row_show (message_rows[i], messages[i]);
  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);

  return ok;
}

static void
on_field_changed (EscalePartnerEditor *self)
{
  if (self->context == NULL)
    return;

  if (gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] != '\0')
    self->name_touched = TRUE;

  check_fields (self, FALSE);
}

static void
remove_child_row (EscalePartnerEditor *self,
                  AdwPreferencesGroup *group,
                  GPtrArray           *rows,
                  GtkWidget           *row)
{
  adw_preferences_group_remove (group, row);
  g_ptr_array_remove (rows, row);
}

static void
on_contact_row_remove (EscalePartnerEditor    *self,
                       EscaleContactEditorRow *row)
{
  escale_partner_remove_contact (self->partner, escale_contact_editor_row_get_contact (row));
  remove_child_row (self, self->contacts_group, self->contact_rows, GTK_WIDGET (row));
}

static void
on_interaction_row_remove (EscalePartnerEditor        *self,
                           EscaleInteractionEditorRow *row)
{
  escale_partner_remove_interaction (self->partner, escale_interaction_editor_row_get_interaction (row));
  remove_child_row (self, self->interactions_group, self->interaction_rows, GTK_WIDGET (row));
}

static GtkWidget *
add_contact_row (EscalePartnerEditor *self,
                 EscaleContact       *contact)
{
  GtkWidget *row = escale_contact_editor_row_new (contact);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_contact_row_remove), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->contacts_group, row);
  g_ptr_array_add (self->contact_rows, row);

  return row;
}

static GtkWidget *
add_interaction_row (EscalePartnerEditor *self,
                     EscaleInteraction   *interaction)
{
  GtkWidget *row = escale_interaction_editor_row_new (interaction);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_interaction_row_remove), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->interactions_group, row);
  g_ptr_array_add (self->interaction_rows, row);

  return row;
}

static void
on_add_contact_clicked (EscalePartnerEditor *self)
{
  g_autoptr(EscaleContact) contact = escale_contact_new ();

  escale_partner_add_contact (self->partner, contact);
  gtk_widget_grab_focus (add_contact_row (self, contact));
}

static void
on_add_interaction_clicked (EscalePartnerEditor *self)
{
  g_autoptr(EscaleInteraction) interaction = escale_interaction_new ();
  g_autofree char *today = escale_calendar_date_today ();

  g_object_set (interaction, "occurred-on", today, NULL);
  escale_partner_add_interaction (self->partner, interaction);
  gtk_widget_grab_focus (add_interaction_row (self, interaction));
}

static void
show_error (EscalePartnerEditor *self,
            const GError        *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  EscalePartnerForm form;
  gboolean ok;

  ok = check_fields (self, TRUE);
  for (guint i = 0; i < self->contact_rows->len; i++)
    ok &= escale_contact_editor_row_check (g_ptr_array_index (self->contact_rows, i));
  for (guint i = 0; i < self->interaction_rows->len; i++)
    ok &= escale_interaction_editor_row_check (g_ptr_array_index (self->interaction_rows, i));

  if (!ok)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Some fields need attention before saving"));
      show_error (self, error);
      return;
    }

  form = read_form (self, &notes);
  if (!escale_partner_form_apply (&form, self->partner, &error))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < self->contact_rows->len; i++)
    escale_contact_editor_row_apply (g_ptr_array_index (self->contact_rows, i), NULL);
  for (guint i = 0; i < self->interaction_rows->len; i++)
    escale_interaction_editor_row_apply (g_ptr_array_index (self->interaction_rows, i), NULL);

  if (!escale_partner_repository_save (escale_context_get_partners (self->context), self->partner, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_archive_clicked (EscalePartnerEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!escale_partner_repository_set_archived (escale_context_get_partners (self->context), self->saved,
                                               !escale_partner_get_archived (self->saved), &error))
    {
      show_error (self, error);
      return;
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
on_delete_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    EscalePartnerEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePartner) deleted = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  deleted = g_object_ref (self->saved);
  if (!escale_partner_repository_delete (escale_context_get_partners (self->context), deleted, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DELETED], 0, deleted);

  /* The dialog still refers to its parent while it emits this response:
   * close the editor once the dialog is gone. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (close_later, g_object_ref (self));
}

static void
on_delete_clicked (EscalePartnerEditor *self)
{
  GtkWidget *dialog;

  /* Translators: a partner's name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     escale_partner_get_name (self->saved));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its contacts and interaction log are deleted with it. "
                                 "To keep its history, archive it instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_week_clicked (EscalePartnerEditor *self)
{
  gint64 id = escale_partner_get_id (self->saved);
  GDate today;

  escale_week_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  escale_week_view_present (self->context, GTK_WINDOW (self), &id, 1, &today);
}

/* The partner's week next to Escale's events, from this week on. */
static GtkWidget *
create_week_row (EscalePartnerEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("See the _Week…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Week"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The partner’s agenda next to Escale’s events, a week at a time, to find a free slot."));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_week_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

/* The partner's calendar, to send or for subscribers. */
static void
add_calendar_rows (EscalePartnerEditor *self)
{
  gint64 id = escale_partner_get_id (self->saved);
  EscaleIcalSelection selection = { .scope = ESCALE_ICAL_SCOPE_PARTNER, .id = id };
  /* Translators: a partner's name */
  g_autofree char *what = g_strdup_printf (_("Partner “%s”"), escale_partner_get_name (self->saved));
  g_autofree char *file_name = g_strconcat (escale_partner_get_name (self->saved), ".ics", NULL);

  g_strdelimit (file_name, "/\\:*?\"<>|", '-');
  adw_preferences_group_add (self->calendar_group, escale_agenda_row_new (self->context, id));
  adw_preferences_group_add (self->calendar_group, create_week_row (self));
  adw_preferences_group_add (self->calendar_group, escale_export_row_new (self->context, &selection, what, file_name));
  adw_preferences_group_add (self->calendar_group,
                             escale_feed_row_new (escale_context_get_feeds (self->context), ESCALE_FEED_SCOPE_PARTNER, id));
}

static void
fill (EscalePartnerEditor *self)
{
  GListModel *regions = escale_region_repository_get_regions (escale_context_get_regions (self->context));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  const char *region_code = escale_partner_get_region_code (self->partner);
  double latitude, longitude;
  guint n;

  for (guint i = 0; i < ESCALE_N_PARTNER_KINDS; i++)
    gtk_string_list_append (kinds, escale_partner_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, escale_partner_get_kind (self->partner));

  gtk_string_list_append (region_names, _("No region"));
  n = g_list_model_get_n_items (regions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);

      gtk_string_list_append (region_names, escale_region_get_name (region));
    }
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);

      if (g_strcmp0 (region_code, escale_region_get_code (region)) == 0)
        adw_combo_row_set_selected (self->region_row, i + 1);
    }

  escale_entry_row_set_text (self->name_row, escale_partner_get_name (self->partner));
  escale_entry_row_set_text (self->tags_row, escale_partner_get_tags (self->partner));
  escale_entry_row_set_text (self->address_row, escale_partner_get_address (self->partner));
  escale_entry_row_set_text (self->city_row, escale_partner_get_city (self->partner));
  escale_entry_row_set_text (self->postal_code_row, escale_partner_get_postal_code (self->partner));
  escale_entry_row_set_text (self->phone_row, escale_partner_get_phone (self->partner));
  escale_entry_row_set_text (self->email_row, escale_partner_get_email (self->partner));
  escale_entry_row_set_text (self->website_row, escale_partner_get_website (self->partner));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            escale_partner_get_notes (self->partner) ? escale_partner_get_notes (self->partner) : "",
                            -1);

  /* Degrees in the user's own notation (a decimal comma in French); the
   * form reads either. */
  if (escale_partner_get_coordinates (self->partner, &latitude, &longitude))
    {
      g_autofree char *latitude_text = g_strdup_printf ("%.6f", latitude);
      g_autofree char *longitude_text = g_strdup_printf ("%.6f", longitude);

      escale_entry_row_set_text (self->latitude_row, latitude_text);
      escale_entry_row_set_text (self->longitude_row, longitude_text);
    }

  n = g_list_model_get_n_items (escale_partner_get_contacts (self->partner));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (escale_partner_get_contacts (self->partner), i);

      add_contact_row (self, contact);
    }

  n = g_list_model_get_n_items (escale_partner_get_interactions (self->partner));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction =
        g_list_model_get_item (escale_partner_get_interactions (self->partner), i);

      add_interaction_row (self, interaction);
    }

  if (self->saved != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Partner"));
      adw_window_title_set_subtitle (self->window_title, escale_partner_get_name (self->saved));
      gtk_button_set_label (self->archive_button,
                            escale_partner_get_archived (self->saved) ? _("_Restore from Archive") : _("_Archive"));
      self->name_touched = TRUE;
      add_calendar_rows (self);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Partner"));
      gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->manage_group), FALSE);
    }
}

static void
escale_partner_editor_dispose (GObject *object)
{
  EscalePartnerEditor *self = (EscalePartnerEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTNER_EDITOR);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->interaction_rows, g_ptr_array_unref);
  g_clear_object (&self->partner);
  g_clear_object (&self->saved);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_partner_editor_parent_class)->dispose (object);
}

static void
escale_partner_editor_class_init (EscalePartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_partner_editor_dispose;

  /**
   * EscalePartnerEditor::deleted:
   * @partner: the deleted partner, which escale_partner_repository_restore()
   *   can bring back
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ESCALE_TYPE_PARTNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/partners/escale-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, page);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, postal_code_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, latitude_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, longitude_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, phone_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, email_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, website_message);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, interactions_group);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, manage_group);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, archive_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_contact_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_interaction_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_archive_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_activated);
}

static void
escale_partner_editor_init (EscalePartnerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->contact_rows = g_ptr_array_new ();
  self->interaction_rows = g_ptr_array_new ();
}

/**
 * escale_partner_editor_new:
 * @partner: (nullable): the saved partner to edit, or %NULL for a new one
 */
EscalePartnerEditor *
escale_partner_editor_new (EscaleContext *context,
                           EscalePartner *partner)
{
  EscalePartnerEditor *self;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (partner == NULL || ESCALE_IS_PARTNER (partner), NULL);

  self = g_object_new (ESCALE_TYPE_PARTNER_EDITOR, NULL);
  self->context = g_object_ref (context);
  self->saved = partner != NULL ? g_object_ref (partner) : NULL;
  self->partner = partner != NULL ? escale_partner_copy (partner) : escale_partner_new ();

  fill (self);
  check_fields (self, FALSE);

  return self;
}

/**
 * escale_partner_editor_get_partner:
 *
 * Returns: (transfer none): the copy being edited
 */
EscalePartner *
escale_partner_editor_get_partner (EscalePartnerEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), NULL);

  return self->partner;
}
