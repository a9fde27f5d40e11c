/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-contact-editor-row.h"
#include "escale-field-rows.h"
#include "escale-partner-form.h"

/* One contact in the partner editor: the person's name and role as the
 * row's title, the fields inside. It edits a copy; the editor saves. */
struct _EscaleContactEditorRow
{
  AdwExpanderRow  parent_instance;

  /* Owned */
  EscaleContact  *contact;

  /* Children */
  AdwEntryRow    *entries[4];
  AdwActionRow   *messages[ESCALE_N_CONTACT_FIELDS];
};

G_DEFINE_FINAL_TYPE (EscaleContactEditorRow, escale_contact_editor_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum { ENTRY_NAME, ENTRY_ROLE, ENTRY_EMAIL, ENTRY_PHONE };

static EscaleContactForm
read_form (EscaleContactEditorRow *self)
{
  EscaleContactForm form = {
    .name = gtk_editable_get_text (GTK_EDITABLE (self->entries[ENTRY_NAME])),
    .role = gtk_editable_get_text (GTK_EDITABLE (self->entries[ENTRY_ROLE])),
    .email = gtk_editable_get_text (GTK_EDITABLE (self->entries[ENTRY_EMAIL])),
    .phone = gtk_editable_get_text (GTK_EDITABLE (self->entries[ENTRY_PHONE])),
  };

  return form;
}

static void
update_title (EscaleContactEditorRow *self)
{
  EscaleContactForm form = read_form (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *form.name != '\0' ? form.name : _("New contact"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), form.role);
}

static void
on_entry_changed (EscaleContactEditorRow *self)
{
  update_title (self);
  escale_contact_editor_row_check (self);
}

static void
on_remove_clicked (EscaleContactEditorRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
escale_contact_editor_row_dispose (GObject *object)
{
  EscaleContactEditorRow *self = (EscaleContactEditorRow *)object;

  g_clear_object (&self->contact);

  G_OBJECT_CLASS (escale_contact_editor_row_parent_class)->dispose (object);
}

static void
escale_contact_editor_row_class_init (EscaleContactEditorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_contact_editor_row_dispose;

  /**
   * EscaleContactEditorRow::remove:
   *
   * The user asked to remove this contact from the partner.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_contact_editor_row_init (EscaleContactEditorRow *self)
{
  static const char *const titles[] = { N_("Name"), N_("Role"), N_("Email"), N_("Phone") };
  static const EscaleContactField checked[] = {
    [ENTRY_NAME] = ESCALE_CONTACT_FIELD_NAME,
    [ENTRY_EMAIL] = ESCALE_CONTACT_FIELD_EMAIL,
    [ENTRY_PHONE] = ESCALE_CONTACT_FIELD_PHONE,
  };
  GtkWidget *remove;

  for (guint i = 0; i < G_N_ELEMENTS (self->entries); i++)
    {
      self->entries[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entries[i]), _(titles[i]));
      g_signal_connect_swapped (self->entries[i], "changed", G_CALLBACK (on_entry_changed), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->entries[i]));

      if (i != ENTRY_ROLE)
        {
          self->messages[checked[i]] = escale_field_message_row_new ();
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->messages[checked[i]]));
        }
    }

  adw_entry_row_set_input_purpose (self->entries[ENTRY_EMAIL], GTK_INPUT_PURPOSE_EMAIL);
  adw_entry_row_set_input_purpose (self->entries[ENTRY_PHONE], GTK_INPUT_PURPOSE_PHONE);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Contact"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), remove);
}

GtkWidget *
escale_contact_editor_row_new (EscaleContact *contact)
{
  EscaleContactEditorRow *self;

  g_return_val_if_fail (ESCALE_IS_CONTACT (contact), NULL);

  self = g_object_new (ESCALE_TYPE_CONTACT_EDITOR_ROW, NULL);
  self->contact = g_object_ref (contact);

  escale_entry_row_set_text (self->entries[ENTRY_NAME], escale_contact_get_name (contact));
  escale_entry_row_set_text (self->entries[ENTRY_ROLE], escale_contact_get_role (contact));
  escale_entry_row_set_text (self->entries[ENTRY_EMAIL], escale_contact_get_email (contact));
  escale_entry_row_set_text (self->entries[ENTRY_PHONE], escale_contact_get_phone (contact));
  update_title (self);

  /* A new contact opens, ready to type in. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), escale_contact_get_id (contact) == 0);

  return GTK_WIDGET (self);
}

EscaleContact *
escale_contact_editor_row_get_contact (EscaleContactEditorRow *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT_EDITOR_ROW (self), NULL);

  return self->contact;
}

/**
 * escale_contact_editor_row_check:
 *
 * Shows what is wrong under each field.
 *
 * Returns: whether the contact can be saved
 */
gboolean
escale_contact_editor_row_check (EscaleContactEditorRow *self)
{
  EscaleContactForm form;
  char *messages[ESCALE_N_CONTACT_FIELDS];
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_CONTACT_EDITOR_ROW (self), FALSE);

  form = read_form (self);
  ok = escale_contact_form_check (&form, messages);
  for (guint i = 0; i < ESCALE_N_CONTACT_FIELDS; i++)
    escale_field_message_row_show (self->messages[i], messages[i]);
  escale_form_messages_clear (messages, ESCALE_N_CONTACT_FIELDS);

  if (!ok)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return ok;
}

gboolean
escale_contact_editor_row_apply (EscaleContactEditorRow  *self,
                                 GError                 **error)
{
  EscaleContactForm form;

  g_return_val_if_fail (ESCALE_IS_CONTACT_EDITOR_ROW (self), FALSE);

  form = read_form (self);
  return escale_contact_form_apply (&form, self->contact, error);
}
