/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-conflicts.h"
#include "escale-event-editor-private.h"
#include "escale-week-view.h"

/* The conflicts of the event as edited: found by the core with the plan
 * checks, as the counsellor types, and shown in the same card as their
 * warnings, each naming what it clashes with and the overlap. A clash
 * with another Escale event has a button that opens it; one with a
 * partner's agenda, a button that opens the partner's week, as the menu's
 * Partner's Week… does for the partners the event involves. */

/* The partners named on the event, then those at its stops, once each. */
static GArray *
involved_partners (EscaleEventEditor *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *stops = escale_event_get_stops (self->event);
  guint n_named = 0;
  const gint64 *named = escale_event_get_partner_ids (self->event, &n_named);

  for (guint i = 0; i < n_named + g_list_model_get_n_items (stops); i++)
    {
      gint64 id = 0;
      gboolean known = FALSE;

      if (i < n_named)
        {
          id = named[i];
        }
      else
        {
          g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i - n_named);

          id = escale_itinerary_stop_get_organization_id (stop);
        }
      for (guint j = 0; j < ids->len && !known; j++)
        known = g_array_index (ids, gint64, j) == id;
      if (id > 0 && !known)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* The week of @instant, or of today when the event has no times yet. */
static void
open_week (EscaleEventEditor *self,
           GArray            *ids,
           gint64             instant)
{
  GDate day;

  escale_week_local_date (instant != 0 ? instant : g_get_real_time () / G_USEC_PER_SEC, &day);
  escale_week_view_present (self->context, GTK_WINDOW (self), (const gint64 *) (gpointer) ids->data, ids->len, &day);
}

void
_escale_event_editor_partner_week_activated (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (widget);
  g_autoptr(GArray) ids = involved_partners (self);

  if (ids->len == 0)
    {
      _escale_event_editor_show_toast (self, _("Name a partner on the event, or at a stop, to see its week."));
      return;
    }
  open_week (self, ids, escale_event_get_starts_at (self->event));
}

/* Partner's Week… is there when the event involves a partner. */
void
_escale_event_editor_partner_week_update (EscaleEventEditor *self)
{
  g_autoptr(GArray) ids = involved_partners (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.partner-week", ids->len > 0);
}

static void
on_week_clicked (GtkButton         *button,
                 EscaleEventEditor *self)
{
  EscaleConflict *conflict = g_object_get_data (G_OBJECT (button), "conflict");
  g_autoptr(GArray) ids = involved_partners (self);

  /* The partner of the clash first, the others to choose from. */
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == conflict->partner_id)
      g_array_remove_index (ids, i);
  g_array_prepend_val (ids, conflict->partner_id);
  open_week (self, ids, conflict->starts_at);
}

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
  if (conflict->kind == ESCALE_CONFLICT_AGENDA && conflict->partner_id > 0)
    {
      EscaleConflict *copy = g_new0 (EscaleConflict, 1);

      button = gtk_button_new_with_mnemonic (_("See the _Week"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: a partner's name */
      tooltip = g_strdup_printf (_("The week of “%s”, next to Escale’s events"), conflict->partner_name);
      gtk_widget_set_tooltip_text (button, tooltip);
      /* The list of conflicts is replaced as the counsellor types: the
       * button keeps what it needs. */
      copy->partner_id = conflict->partner_id;
      copy->starts_at = conflict->starts_at;
      g_object_set_data_full (G_OBJECT (button), "conflict", copy, (GDestroyNotify) escale_conflict_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_week_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      return box;
    }
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
