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
