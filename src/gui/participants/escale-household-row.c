/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-field-rows.h"
#include "escale-household-row.h"
#include "escale-participant-form.h"
#include "escale-validation.h"

/* One person who would move with the participant. Household members have
 * no setters: the row keeps the text, and the editor replaces the whole
 * household with escale_household_row_dup_member() when it saves. */
struct _EscaleHouseholdRow
{
  AdwExpanderRow  parent_instance;

  /* Children */
  AdwComboRow    *relation_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *year_row;
  AdwActionRow   *year_message;
};

G_DEFINE_FINAL_TYPE (EscaleHouseholdRow, escale_household_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The year as the participant's own year of birth is read: the same
 * words, the same message. */
static gboolean
parse_year (EscaleHouseholdRow  *self,
            int                 *year,
            GError             **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!escale_participant_field_parse (ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR,
                                       gtk_editable_get_text (GTK_EDITABLE (self->year_row)),
                                       NULL, &value, error))
    return FALSE;

  *year = g_value_get_int (&value);
  return TRUE;
}

static void
update_title (EscaleHouseholdRow *self)
{
  guint relation = adw_combo_row_get_selected (self->relation_row);
  const char *label = escale_choice_get_label (ESCALE_TYPE_HOUSEHOLD_RELATION, relation);
  g_autofree char *name = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autofree char *subtitle = NULL;
  int year = 0;

  if (parse_year (self, &year, NULL) && year > 0)
    /* Translators: a relation such as “Child”, then a year of birth */
    subtitle = g_strdup_printf (_("%s, born in %d"), label, year);
  else
    subtitle = g_strdup (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name != NULL ? name : _("Unnamed member"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
on_field_changed (EscaleHouseholdRow *self)
{
  update_title (self);
  escale_household_row_check (self);
}

static void
on_remove_clicked (EscaleHouseholdRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static AdwEntryRow *
add_entry (EscaleHouseholdRow *self,
           const char         *title)
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
escale_household_row_class_init (EscaleHouseholdRowClass *klass)
{
  /**
   * EscaleHouseholdRow::remove:
   *
   * The user asked to remove this person from the household.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_household_row_init (EscaleHouseholdRow *self)
{
  g_autoptr(GtkStringList) relations = gtk_string_list_new (NULL);
  guint n = escale_choice_get_count (ESCALE_TYPE_HOUSEHOLD_RELATION);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (relations, escale_choice_get_label (ESCALE_TYPE_HOUSEHOLD_RELATION, i));
  self->relation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->relation_row), _("Relation"));
  adw_combo_row_set_model (self->relation_row, G_LIST_MODEL (relations));
  g_signal_connect_swapped (self->relation_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->relation_row));

  self->name_row = add_entry (self, _("First name"));
  self->year_row = add_entry (self, _("Year of birth"));
  adw_entry_row_set_input_purpose (self->year_row, GTK_INPUT_PURPOSE_DIGITS);
  self->year_message = escale_field_message_row_new ();
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->year_message));

  escale_expander_row_add_remove_button (ADW_EXPANDER_ROW (self), _("Remove Member"), G_CALLBACK (on_remove_clicked),
                                         self);
}

/**
 * escale_household_row_new:
 * @member: the person as stored, or a new one
 */
GtkWidget *
escale_household_row_new (EscaleHouseholdMember *member)
{
  EscaleHouseholdRow *self;
  int year;

  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (member), NULL);

  self = g_object_new (ESCALE_TYPE_HOUSEHOLD_ROW, NULL);
  year = escale_household_member_get_birth_year (member);

  adw_combo_row_set_selected (self->relation_row, escale_household_member_get_relation (member));
  escale_entry_row_set_text (self->name_row, escale_household_member_get_given_name (member));
  if (year > 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      escale_entry_row_set_text (self->year_row, text);
    }
  update_title (self);

  return GTK_WIDGET (self);
}

gboolean
escale_household_row_check (EscaleHouseholdRow *self)
{
  g_autoptr(GError) error = NULL;
  int year;

  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_ROW (self), FALSE);

  if (parse_year (self, &year, &error))
    {
      escale_field_message_row_show (self->year_message, NULL);
      return TRUE;
    }

  escale_field_message_row_show (self->year_message, error->message);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  return FALSE;
}

/**
 * escale_household_row_dup_member:
 *
 * Returns: (transfer full): the person as the row shows them; call after
 *   escale_household_row_check() said the row is right
 */
EscaleHouseholdMember *
escale_household_row_dup_member (EscaleHouseholdRow *self)
{
  g_autofree char *name = NULL;
  int year = 0;

  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_ROW (self), NULL);

  name = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if (!parse_year (self, &year, NULL))
    year = 0;

  return escale_household_member_new (adw_combo_row_get_selected (self->relation_row), name, year);
}
