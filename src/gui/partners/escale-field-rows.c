/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include "escale-field-rows.h"

AdwActionRow *
escale_field_message_row_new (void)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "field-message");
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_visible (GTK_WIDGET (row), FALSE);

  return row;
}

/**
 * escale_field_message_row_show:
 * @message: (nullable): what is wrong, or %NULL to hide the row
 */
void
escale_field_message_row_show (AdwActionRow *row,
                               const char   *message)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row), message != NULL);
}

void
escale_entry_row_set_text (AdwEntryRow *row,
                           const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * escale_expander_row_add_entry:
 * @on_changed: called as `on_changed (data)` when the text changes
 *
 * Adds a field to the rows an expander row opens on.
 */
AdwEntryRow *
escale_expander_row_add_entry (AdwExpanderRow *expander,
                               const char     *title,
                               const char     *text,
                               GCallback       on_changed,
                               gpointer        data)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  g_return_val_if_fail (ADW_IS_EXPANDER_ROW (expander), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  escale_entry_row_set_text (row, text);
  g_signal_connect_object (row, "changed", on_changed, data, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

/**
 * escale_expander_row_add_remove_button:
 * @label: what the button does, for its tooltip and screen readers
 * @on_clicked: called as `on_clicked (data)`
 *
 * Puts a bin button in the header of an expander row that stands for one
 * item of a list (a follow-up, a household member, a task).
 */
void
escale_expander_row_add_remove_button (AdwExpanderRow *expander,
                                       const char     *label,
                                       GCallback       on_clicked,
                                       gpointer        data)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_if_fail (ADW_IS_EXPANDER_ROW (expander));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (remove, "clicked", on_clicked, data, G_CONNECT_SWAPPED);
  adw_expander_row_add_action (expander, remove);
}
