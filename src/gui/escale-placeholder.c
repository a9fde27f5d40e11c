/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-placeholder.h"

/**
 * escale_placeholder_add:
 * @list: a boxed list
 * @text: (nullable): what the empty list says, such as what to do to fill
 *   it; it may change later with gtk_label_set_text()
 *
 * Gives @list the dim, centred line it shows while it has no rows.
 *
 * Returns: (transfer none): the line
 */
GtkLabel *
escale_placeholder_add (GtkListBox *list,
                        const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (list, label);

  return GTK_LABEL (label);
}
