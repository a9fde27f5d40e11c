/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-field-rows.h"
#include "escale-needs-group.h"

/* What a participant needs to come: the same four fields when registering
 * someone and when their needs change later ("Edit Needs…"). */
struct _EscaleNeedsGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Children */
  AdwEntryRow         *diet_row;
  AdwEntryRow         *accessibility_row;
  AdwActionRow        *lodging_row;
  GtkSwitch           *lodging_switch;
  AdwEntryRow         *notes_row;
};

G_DEFINE_FINAL_TYPE (EscaleNeedsGroup, escale_needs_group, ADW_TYPE_PREFERENCES_GROUP)

static AdwEntryRow *
add_entry (EscaleNeedsGroup *self,
           const char       *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));

  return row;
}

static void
escale_needs_group_class_init (EscaleNeedsGroupClass *klass)
{
}

static void
escale_needs_group_init (EscaleNeedsGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Needs"));

  self->diet_row = add_entry (self, _("Diet"));
  self->accessibility_row = add_entry (self, _("Accessibility"));

  self->lodging_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->lodging_switch), GTK_ALIGN_CENTER);
  self->lodging_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lodging_row), _("Needs lodging"));
  adw_action_row_set_subtitle (self->lodging_row, _("A bed for the nights of the visit"));
  adw_action_row_add_suffix (self->lodging_row, GTK_WIDGET (self->lodging_switch));
  adw_action_row_set_activatable_widget (self->lodging_row, GTK_WIDGET (self->lodging_switch));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lodging_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Needs lodging"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->lodging_row));

  self->notes_row = add_entry (self, _("Notes for the organisers"));
}

GtkWidget *
escale_needs_group_new (void)
{
  return g_object_new (ESCALE_TYPE_NEEDS_GROUP, NULL);
}

/**
 * escale_needs_group_set_lodging_visible:
 *
 * Shows the lodging switch: only a visit has nights.
 */
void
escale_needs_group_set_lodging_visible (EscaleNeedsGroup *self,
                                        gboolean          visible)
{
  g_return_if_fail (ESCALE_IS_NEEDS_GROUP (self));

  gtk_widget_set_visible (GTK_WIDGET (self->lodging_row), visible);
}

/**
 * escale_needs_group_set_registration:
 *
 * Fills the fields with what @registration needs.
 */
void
escale_needs_group_set_registration (EscaleNeedsGroup   *self,
                                     EscaleRegistration *registration)
{
  g_return_if_fail (ESCALE_IS_NEEDS_GROUP (self));
  g_return_if_fail (ESCALE_IS_REGISTRATION (registration));

  escale_entry_row_set_text (self->diet_row, escale_registration_get_diet (registration));
  escale_entry_row_set_text (self->accessibility_row, escale_registration_get_accessibility (registration));
  gtk_switch_set_active (self->lodging_switch, escale_registration_get_needs_lodging (registration));
  escale_entry_row_set_text (self->notes_row, escale_registration_get_notes (registration));
}

static gboolean
is_blank (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/**
 * escale_needs_group_is_empty:
 *
 * Returns: whether nothing is needed, so a new registration has nothing
 *   more to write
 */
gboolean
escale_needs_group_is_empty (EscaleNeedsGroup *self)
{
  g_return_val_if_fail (ESCALE_IS_NEEDS_GROUP (self), TRUE);

  return is_blank (self->diet_row) && is_blank (self->accessibility_row) && is_blank (self->notes_row) &&
         !gtk_switch_get_active (self->lodging_switch);
}

/**
 * escale_needs_group_save:
 *
 * Writes the fields to a registration; the repository trims and clears.
 */
gboolean
escale_needs_group_save (EscaleNeedsGroup              *self,
                         EscaleRegistrationRepository  *registrations,
                         gint64                         registration_id,
                         GError                       **error)
{
  g_return_val_if_fail (ESCALE_IS_NEEDS_GROUP (self), FALSE);

  /* A lodging switch hidden for an event without nights asks for none. */
  return escale_registration_repository_set_needs (registrations, registration_id,
                                                   gtk_editable_get_text (GTK_EDITABLE (self->diet_row)),
                                                   gtk_editable_get_text (GTK_EDITABLE (self->accessibility_row)),
                                                   gtk_widget_get_visible (GTK_WIDGET (self->lodging_row)) &&
                                                   gtk_switch_get_active (self->lodging_switch),
                                                   gtk_editable_get_text (GTK_EDITABLE (self->notes_row)),
                                                   error);
}
