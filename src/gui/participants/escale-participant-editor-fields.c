/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-field-rows.h"
#include "escale-participant-editor-private.h"

/* The rows of the participant's fields, built from the field table of the
 * core: one entry, menu or switch per EscaleParticipantField, and the
 * message under each entry. They hold text; the core's form reads it. */

typedef enum
{
  GROUP_IDENTITY,
  GROUP_CONTACT,
  GROUP_IMMIGRATION,
  GROUP_WORK,
} FieldGroup;

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_LANGUAGE,
  WIDGET_CHOICE,
  WIDGET_LEVEL,
  WIDGET_SWITCH,
} FieldWidget;

/* Where each field of the table goes, and how it is typed. The regions of
 * interest have a list of their own. */
static const struct
{
  EscaleParticipantField field;
  FieldGroup             group;
  FieldWidget            widget;
  GtkInputPurpose        purpose;
  gboolean               finds_duplicates;
} layout[] = {
  { ESCALE_PARTICIPANT_FIELD_GIVEN_NAME, GROUP_IDENTITY, WIDGET_ENTRY, GTK_INPUT_PURPOSE_NAME, TRUE },
  { ESCALE_PARTICIPANT_FIELD_FAMILY_NAME, GROUP_IDENTITY, WIDGET_ENTRY, GTK_INPUT_PURPOSE_NAME, TRUE },
  { ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, GROUP_IDENTITY, WIDGET_ENTRY, GTK_INPUT_PURPOSE_NAME, FALSE },
  { ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, GROUP_IDENTITY, WIDGET_ENTRY, GTK_INPUT_PURPOSE_DIGITS, TRUE },
  { ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN, GROUP_IDENTITY, WIDGET_ENTRY, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE, GROUP_IDENTITY, WIDGET_LANGUAGE, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_EMAIL, GROUP_CONTACT, WIDGET_ENTRY, GTK_INPUT_PURPOSE_EMAIL, TRUE },
  { ESCALE_PARTICIPANT_FIELD_PHONE, GROUP_CONTACT, WIDGET_ENTRY, GTK_INPUT_PURPOSE_PHONE, TRUE },
  { ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, GROUP_CONTACT, WIDGET_ENTRY, GTK_INPUT_PURPOSE_PHONE, TRUE },
  { ESCALE_PARTICIPANT_FIELD_CITY, GROUP_CONTACT, WIDGET_ENTRY, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_SOURCE, GROUP_CONTACT, WIDGET_ENTRY, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, GROUP_IMMIGRATION, WIDGET_CHOICE, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_ARRIVED_ON, GROUP_IMMIGRATION, WIDGET_ENTRY, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL, GROUP_WORK, WIDGET_LEVEL, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL, GROUP_WORK, WIDGET_LEVEL, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES, GROUP_WORK, WIDGET_ENTRY, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_EDUCATION, GROUP_WORK, WIDGET_CHOICE, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_OCCUPATION, GROUP_WORK, WIDGET_ENTRY, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { ESCALE_PARTICIPANT_FIELD_NOC_CODE, GROUP_WORK, WIDGET_ENTRY, GTK_INPUT_PURPOSE_DIGITS, FALSE },
  { ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS, GROUP_WORK, WIDGET_ENTRY, GTK_INPUT_PURPOSE_DIGITS, FALSE },
  { ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE, GROUP_WORK, WIDGET_SWITCH, GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
};

/* The levels as the form reads them; position 0 is “Not assessed”. */
static const char * const levels[] = { NULL, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12" };

/* @regions_text owns the text of the regions for as long as @form is read. */
void
_escale_participant_editor_read_form (EscaleParticipantEditor  *self,
                                      EscaleParticipantForm    *form,
                                      char                    **regions_text)
{
  *form = (EscaleParticipantForm) { { NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      EscaleParticipantField field = layout[i].field;
      GtkWidget *row = self->field_rows[field];
      GtkWidget *toggle;
      guint selected;

      switch (layout[i].widget)
        {
        case WIDGET_ENTRY:
          form->values[field] = gtk_editable_get_text (GTK_EDITABLE (row));
          break;
        case WIDGET_LANGUAGE:
          form->values[field] = adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == 1 ? "en" : "fr";
          break;
        case WIDGET_CHOICE:
          selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
          if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
            form->values[field] = escale_choice_get_nick (escale_participant_field_get_value_type (field), selected);
          break;
        case WIDGET_LEVEL:
          selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
          if (selected < G_N_ELEMENTS (levels))
            form->values[field] = levels[selected];
          break;
        case WIDGET_SWITCH:
          toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
          form->values[field] = gtk_switch_get_active (GTK_SWITCH (toggle)) ? "yes" : "no";
          break;
        default:
          g_assert_not_reached ();
        }
    }

  *regions_text = escale_region_list_dup_text (self->region_list);
  form->values[ESCALE_PARTICIPANT_FIELD_REGIONS] = *regions_text;
}

/* Shows what is wrong under each field; the names' absence only once the
 * user has typed in them or tried to save, not on an empty new form. */
gboolean
_escale_participant_editor_check_fields (EscaleParticipantEditor *self,
                                         gboolean                 saving)
{
  char *messages[ESCALE_N_PARTICIPANT_FIELDS];
  g_autofree char *regions_text = NULL;
  EscaleParticipantForm form;
  gboolean ok;

  _escale_participant_editor_read_form (self, &form, &regions_text);
  ok = escale_participant_form_check (&form, _escale_participant_editor_get_regions (self), messages);

  for (guint i = 0; i < G_N_ELEMENTS (self->names_touched); i++)
    {
      if (!saving && !self->names_touched[i])
        g_clear_pointer (&messages[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME + i], g_free);
    }

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      if (self->messages[i] != NULL)
        escale_field_message_row_show (self->messages[i], messages[i]);
      g_free (messages[i]);
    }

  return ok;
}

static void
on_field_changed (EscaleParticipantEditor *self)
{
  if (self->filling || self->context == NULL)
    return;

  _escale_participant_editor_check_fields (self, FALSE);
}

static void
on_entry_changed (GtkEditable             *entry,
                  EscaleParticipantEditor *self)
{
  EscaleParticipantField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));

  if (self->filling || self->context == NULL)
    return;

  if (field == ESCALE_PARTICIPANT_FIELD_GIVEN_NAME || field == ESCALE_PARTICIPANT_FIELD_FAMILY_NAME)
    self->names_touched[field - ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = TRUE;

  _escale_participant_editor_check_fields (self, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      if (layout[i].field == field && layout[i].finds_duplicates)
        _escale_participant_editor_schedule_duplicates (self);
    }
}

static GtkWidget *
combo_row_new (const char * const *labels,
               guint               n_labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));

  return row;
}

static GtkWidget *
choice_row_new (GType enum_type)
{
  guint n = escale_choice_get_count (enum_type);
  g_autofree const char **labels = g_new0 (const char *, n);

  for (guint i = 0; i < n; i++)
    labels[i] = escale_choice_get_label (enum_type, i);

  return combo_row_new (labels, n);
}

static GtkWidget *
field_row_new (EscaleParticipantEditor *self,
               guint                    position)
{
  EscaleParticipantField field = layout[position].field;
  const char *title = escale_participant_field_get_label (field);
  const char *languages[] = { _("French"), _("English") };
  const char *level_labels[G_N_ELEMENTS (levels)];
  GtkWidget *row = NULL;
  GtkWidget *toggle;

  if (field == ESCALE_PARTICIPANT_FIELD_ARRIVED_ON)
    title = _("Arrival in Québec (YYYY-MM-DD)");

  switch (layout[position].widget)
    {
    case WIDGET_ENTRY:
      row = adw_entry_row_new ();
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), layout[position].purpose);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      break;
    case WIDGET_LANGUAGE:
      row = combo_row_new (languages, G_N_ELEMENTS (languages));
      break;
    case WIDGET_CHOICE:
      row = choice_row_new (escale_participant_field_get_value_type (field));
      break;
    case WIDGET_LEVEL:
      level_labels[0] = _("Not assessed");
      for (guint i = 1; i < G_N_ELEMENTS (levels); i++)
        level_labels[i] = levels[i];
      row = combo_row_new (level_labels, G_N_ELEMENTS (level_labels));
      break;
    case WIDGET_SWITCH:
      row = adw_action_row_new ();
      toggle = gtk_switch_new ();
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ADW_IS_COMBO_ROW (row))
    g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_field_changed), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

void
_escale_participant_editor_build_fields (EscaleParticipantEditor *self)
{
  AdwPreferencesGroup *groups[] = {
    [GROUP_IDENTITY] = self->identity_group,
    [GROUP_CONTACT] = self->contact_group,
    [GROUP_IMMIGRATION] = self->immigration_group,
    [GROUP_WORK] = self->work_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      EscaleParticipantField field = layout[i].field;
      AdwPreferencesGroup *group = groups[layout[i].group];

      self->field_rows[field] = field_row_new (self, i);
      adw_preferences_group_add (group, self->field_rows[field]);

      if (layout[i].widget == WIDGET_ENTRY)
        {
          self->messages[field] = escale_field_message_row_new ();
          adw_preferences_group_add (group, GTK_WIDGET (self->messages[field]));
        }
    }

  g_signal_connect_swapped (self->region_list, "changed", G_CALLBACK (on_field_changed), self);
}

void
_escale_participant_editor_fill_fields (EscaleParticipantEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      EscaleParticipantField field = layout[i].field;
      const GValue *value = escale_participant_get_value (self->participant, field);
      GtkWidget *row = self->field_rows[field];
      g_autofree char *text = NULL;

      switch (layout[i].widget)
        {
        case WIDGET_ENTRY:
          text = escale_participant_field_format (field, value, _escale_participant_editor_get_regions (self));
          escale_entry_row_set_text (ADW_ENTRY_ROW (row), text);
          break;
        case WIDGET_LANGUAGE:
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_strcmp0 (g_value_get_string (value), "en") == 0 ? 1 : 0);
          break;
        case WIDGET_CHOICE:
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_value_get_enum (value));
          break;
        case WIDGET_LEVEL:
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), CLAMP (g_value_get_int (value), 0, 12));
          break;
        case WIDGET_SWITCH:
          gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                                 g_value_get_boolean (value));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  escale_region_list_set_codes (self->region_list, escale_participant_get_regions (self->participant));
}
