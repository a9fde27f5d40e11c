/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-consent-row.h"
#include "escale-enums.h"
#include "escale-field-rows.h"
#include "escale-validation.h"

/* The version of the privacy notice counsellors hand out today. */
#define CURRENT_NOTICE_VERSION "2026-01"

/* One purpose of consent: the person's latest choice in the header, the
 * buttons to record a new one and every record underneath. Records are only ever added, never edited or removed:
 * a change of mind is a new record. A record joins the edited file at once
 * and is stored when the editor saves. */
struct _EscaleConsentRow
{
  AdwExpanderRow        parent_instance;

  /* Owned */
  EscaleParticipant    *participant;
  GPtrArray            *history_rows;

  /* Children */
  GtkLabel             *state_label;
  GtkWidget            *withdraw_button;

  EscaleConsentPurpose  purpose;
};

G_DEFINE_FINAL_TYPE (EscaleConsentRow, escale_consent_row, ADW_TYPE_EXPANDER_ROW)

/* What the counsellor types in the small form of a new record. */
typedef struct
{
  EscaleConsentRow *row;
  gboolean          granted;
  AdwEntryRow      *date_row;
  AdwActionRow     *date_message;
  AdwEntryRow      *notice_row;
  AdwEntryRow      *recorded_by_row;
} ConsentForm;

static void
consent_form_free (ConsentForm *form)
{
  g_clear_object (&form->row);
  g_free (form);
}

static const char *
default_recorder (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && *name != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

static GtkWidget *
history_row_new (EscaleConsent *consent)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  title = g_strdup_printf (escale_consent_get_granted (consent) ? _("Given on %s") : _("Withdrawn on %s"),
                           escale_consent_get_given_on (consent));
  if (escale_consent_get_id (consent) == 0)
    /* Translators: a version of the privacy notice ("2026-01"), then a person */
    subtitle = g_strdup_printf (_("Notice %s, recorded by %s; stored when you save"),
                                escale_consent_get_notice_version (consent), escale_consent_get_recorded_by (consent));
  else
    /* Translators: a version of the privacy notice ("2026-01"), then a person */
    subtitle = g_strdup_printf (_("Notice %s, recorded by %s"),
                                escale_consent_get_notice_version (consent), escale_consent_get_recorded_by (consent));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);

  return GTK_WIDGET (row);
}

static void
refresh (EscaleConsentRow *self)
{
  GListModel *consents = escale_participant_get_consents (self->participant);
  EscaleConsent *current = escale_participant_get_current_consent (self->participant, self->purpose);
  g_autofree char *subtitle = NULL;
  guint n = g_list_model_get_n_items (consents);

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  /* The latest first, under the buttons that add the next one. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (consents, i - 1);
      GtkWidget *row;

      if (escale_consent_get_purpose (consent) != self->purpose)
        continue;

      row = history_row_new (consent);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->history_rows, row);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");

  if (current == NULL)
    {
      gtk_label_set_text (self->state_label, _("Not recorded"));
      subtitle = g_strdup ("");
    }
  else
    {
      gboolean granted = escale_consent_get_granted (current);

      gtk_label_set_text (self->state_label, granted ? _("Given") : _("Withdrawn"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), granted ? "accent" : "error");
      /* Translators: the date of the latest record, then the version of the privacy notice */
      subtitle = g_strdup_printf (_("Since %s, notice %s"), escale_consent_get_given_on (current),
                                  escale_consent_get_notice_version (current));
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_visible (self->withdraw_button, escale_participant_has_consent (self->participant, self->purpose));
}

/* A date as it was written on the form, never in the future. */
static gboolean
read_date (ConsentForm *form,
           char       **date)
{
  g_autofree char *text = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (form->date_row)));
  g_autofree char *today = escale_calendar_date_today ();
  GDate parsed;

  if (text == NULL || !escale_calendar_date_parse (text, &parsed))
    {
      escale_field_message_row_show (form->date_message, _("Enter the date as year-month-day, such as 2024-03-15"));
      return FALSE;
    }
  if (g_strcmp0 (text, today) > 0)
    {
      escale_field_message_row_show (form->date_message, _("The date cannot be in the future"));
      return FALSE;
    }

  escale_field_message_row_show (form->date_message, NULL);
  if (date != NULL)
    *date = g_steal_pointer (&text);
  return TRUE;
}

static void
on_form_changed (AdwMessageDialog *dialog)
{
  ConsentForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *notice = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (form->notice_row)));
  g_autofree char *recorded_by = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (form->recorded_by_row)));
  gboolean valid = read_date (form, NULL);

  adw_message_dialog_set_response_enabled (dialog, "record", valid && notice != NULL && recorded_by != NULL);
}

static void
on_dialog_response (AdwMessageDialog *dialog,
                    const char       *response)
{
  ConsentForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(EscaleConsent) consent = NULL;
  g_autofree char *date = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *recorded_by = NULL;

  if (!g_str_equal (response, "record") || !read_date (form, &date))
    return;

  notice = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (form->notice_row)));
  recorded_by = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (form->recorded_by_row)));
  if (notice == NULL || recorded_by == NULL)
    return;

  consent = escale_consent_new (form->row->purpose, form->granted, date, notice, recorded_by);
  escale_participant_add_consent (form->row->participant, consent);
}

static AdwEntryRow *
add_form_entry (GtkListBox       *list,
                AdwMessageDialog *dialog,
                const char       *title,
                const char       *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  escale_entry_row_set_text (row, text);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_form_changed), dialog, G_CONNECT_SWAPPED);
  gtk_list_box_append (list, GTK_WIDGET (row));

  return row;
}

static void
open_form (EscaleConsentRow *self,
           gboolean          granted)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *purpose = escale_choice_get_label (ESCALE_TYPE_CONSENT_PURPOSE, self->purpose);
  g_autofree char *today = escale_calendar_date_today ();
  g_autofree char *body = NULL;
  ConsentForm *form = g_new0 (ConsentForm, 1);
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   granted ? _("Record Consent") : _("Withdraw Consent"), NULL);
  /* Translators: a purpose such as “Sharing with employers” */
  body = g_strdup_printf (granted ? _("The person agrees to “%s”. The record is stored when you save the file, "
                                      "and is never changed afterwards.")
                                  : _("The person withdraws their consent to “%s”. The record is stored when you "
                                      "save the file, and is never changed afterwards."),
                          purpose);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);

  form->row = g_object_ref (self);
  form->granted = granted;
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) consent_form_free);

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  form->date_row = add_form_entry (list, ADW_MESSAGE_DIALOG (dialog), _("Date (YYYY-MM-DD)"), today);
  form->date_message = escale_field_message_row_new ();
  gtk_list_box_append (list, GTK_WIDGET (form->date_message));
  form->notice_row = add_form_entry (list, ADW_MESSAGE_DIALOG (dialog), _("Version of the privacy notice"),
                                     CURRENT_NOTICE_VERSION);
  form->recorded_by_row = add_form_entry (list, ADW_MESSAGE_DIALOG (dialog), _("Recorded by"), default_recorder ());
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (list));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", granted ? _("_Record") : _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              granted ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_record_clicked (EscaleConsentRow *self)
{
  open_form (self, TRUE);
}

static void
on_withdraw_clicked (EscaleConsentRow *self)
{
  open_form (self, FALSE);
}

static GtkWidget *
add_button (EscaleConsentRow *self,
            GtkBox           *box,
            const char       *label,
            GCallback         on_clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", on_clicked, self);
  gtk_box_append (box, button);

  return button;
}

static void
escale_consent_row_dispose (GObject *object)
{
  EscaleConsentRow *self = (EscaleConsentRow *)object;

  g_clear_object (&self->participant);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_consent_row_parent_class)->dispose (object);
}

static void
escale_consent_row_class_init (EscaleConsentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_consent_row_dispose;
}

static void
escale_consent_row_init (EscaleConsentRow *self)
{
  GtkWidget *actions_row;
  GtkBox *actions;

  self->history_rows = g_ptr_array_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "tag");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "caption");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->state_label));

  /* The header says where things stand; what to do next is underneath,
   * above the history. */
  actions = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_halign (GTK_WIDGET (actions), GTK_ALIGN_END);
  gtk_widget_set_margin_top (GTK_WIDGET (actions), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (actions), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (actions), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (actions), 12);
  self->withdraw_button = add_button (self, actions, _("_Withdraw…"), G_CALLBACK (on_withdraw_clicked));
  add_button (self, actions, _("_Record Consent…"), G_CALLBACK (on_record_clicked));

  actions_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), GTK_WIDGET (actions));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), actions_row);
}

GtkWidget *
escale_consent_row_new (EscaleParticipant    *participant,
                        EscaleConsentPurpose  purpose)
{
  EscaleConsentRow *self;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), NULL);
  g_return_val_if_fail (purpose < ESCALE_N_CONSENT_PURPOSES, NULL);

  self = g_object_new (ESCALE_TYPE_CONSENT_ROW, NULL);
  self->participant = g_object_ref (participant);
  self->purpose = purpose;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 escale_choice_get_label (ESCALE_TYPE_CONSENT_PURPOSE, purpose));
  g_signal_connect_object (escale_participant_get_consents (participant), "items-changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);

  /* A new file needs this consent first: show how to record it. */
  if (purpose == ESCALE_CONSENT_PURPOSE_REGISTRATION &&
      escale_participant_get_current_consent (participant, purpose) == NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return GTK_WIDGET (self);
}
