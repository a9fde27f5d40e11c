/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-tag.h"

/**
 * escale_tag_new:
 * @text: a word or two: "Registered", "Waitlist only"
 * @style: (nullable): a style class of style.css for its colour, such as
 *   "warning" or "success"
 *
 * Returns: (transfer floating): a small rounded label, as the rows of the
 *   registrations, the chooser of events and a participant's events show
 *   where a person or an event stands
 */
GtkWidget *
escale_tag_new (const char *text,
                const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "tag");
  gtk_widget_add_css_class (label, "caption");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}
