/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-conflicts.h"
#include "escale-event-editor-private.h"

/* The conflicts of the event as edited: found by the core with the plan
 * checks, as the counsellor types, and shown in the same card as their
 * warnings, each naming what it clashes with and the overlap. A clash
 * with another Escale event has a button that opens it. */

static void
on_open_clicked (GtkButton         *button,
                 EscaleEventEditor *self)
{
  gint64 *event_id = g_object_get_data (G_OBJECT (button), "event-id");
  g_autoptr(GError) error = NULL;

  g_assert (event_id != NULL);
  if (!escale_event_editor_present_event (self->context, gtk_window_get_transient_for (GTK_WINDOW (self)),
                                          *event_id, &error))
    _escale_event_editor_show_toast (self, error->message);
}

/**
 * _escale_event_editor_find_conflicts:
 *
 * Returns: (transfer full) (element-type EscaleConflict): what the event,
 *   as edited, clashes with; none until it has its times
 */
GPtrArray *
_escale_event_editor_find_conflicts (EscaleEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = NULL;

  if (escale_event_get_starts_at (self->event) != 0)
    conflicts = escale_conflicts_find (escale_context_get_database (self->context), self->event, &error);
  if (error != NULL)
    g_warning ("Could not look for conflicts: %s", error->message);
  if (conflicts == NULL)
    conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_conflict_free);
  return conflicts;
}

GtkWidget *
_escale_event_editor_create_conflict_row (EscaleEventEditor *self,
                                          EscaleConflict    *conflict)
{
  g_autofree char *description = escale_conflict_describe (conflict);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (description);
  GtkWidget *button;
  g_autofree char *tooltip = NULL;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), label);
  if (conflict->other_event_id == 0)
    return box;

  button = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the title of the event a conflict is with */
  tooltip = g_strdup_printf (_("Open “%s”"), conflict->other_title);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "event-id",
                          g_memdup2 (&conflict->other_event_id, sizeof conflict->other_event_id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}
