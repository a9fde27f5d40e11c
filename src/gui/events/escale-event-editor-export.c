/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-event-editor-private.h"
#include "escale-export-dialog.h"

/* Export to Calendar…: the event, or a visit with each of its stops, as an
 * iCalendar file to send to participants and partners or to open in a
 * calendar (escale-export-dialog.c). What is written is what is stored,
 * as on paper; the same writer serves escale-cli ics export. And Publish Calendar: the same
 * calendar kept current in the feed folder (escale-feed-publisher.c). */

/* "Trois jours en Abitibi.ics": a title may hold what a file name cannot. */
static char *
suggest_name (EscaleEvent *event)
{
  g_autofree char *title = g_strdup (escale_event_get_title (event));

  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strconcat (title, ".ics", NULL);
}

static void
on_exported (EscaleExportDialog *dialog,
             const char         *message,
             EscaleEventEditor  *self)
{
  _escale_event_editor_show_toast (self, message);
}

/* The stored event, or a visit with each of its stops. */
void
_escale_event_editor_export (EscaleEventEditor *self)
{
  gboolean visit = escale_event_get_kind (self->saved) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT;
  EscaleIcalSelection selection = {
    .scope = visit ? ESCALE_ICAL_SCOPE_VISIT : ESCALE_ICAL_SCOPE_EVENT,
    .id = escale_event_get_id (self->saved),
  };
  g_autofree char *name = suggest_name (self->saved);
  g_autofree char *what = NULL;
  EscaleExportDialog *dialog;

  if (visit)
    /* Translators: a visit's title */
    what = g_strdup_printf (_("Visit “%s”, with each of its stops"), escale_event_get_title (self->saved));
  else
    /* Translators: an event's title */
    what = g_strdup_printf (_("Event “%s”"), escale_event_get_title (self->saved));

  dialog = escale_export_dialog_new (GTK_WINDOW (self), self->context, &selection, what, name);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_publish_changed (GSimpleAction     *action,
                    GVariant          *state,
                    EscaleEventEditor *self)
{
  EscaleFeedPublisher *publisher = escale_context_get_feeds (self->context);
  g_autoptr(EscaleCalendarFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = escale_event_get_id (self->saved);

  if (g_variant_get_boolean (state))
    {
      feed = escale_feed_publisher_add (publisher, ESCALE_FEED_SCOPE_EVENT, id, &error);
      if (feed != NULL && *escale_feed_publisher_get_folder (publisher) == '\0')
        /* Translators: the feed's file name */
        message = g_strdup_printf (_("Published as “%s”; choose the feed folder in Preferences"), feed->file_name);
      else if (feed != NULL)
        /* Translators: the feed's file name */
        message = g_strdup_printf (_("Published as “%s” in the feed folder"), feed->file_name);
    }
  else
    {
      feed = escale_feed_publisher_find (publisher, ESCALE_FEED_SCOPE_EVENT, id);
      if (feed != NULL && escale_feed_publisher_remove (publisher, feed->file_name, &error))
        message = g_strdup (_("No longer published"));
    }

  if (error != NULL)
    message = g_strdup (error->message);
  _escale_event_editor_show_toast (self, message);
  _escale_event_editor_publish_update (self);
}

void
_escale_event_editor_publish_init (EscaleEventEditor *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) publish = g_simple_action_new_stateful ("publish", NULL, g_variant_new_boolean (FALSE));

  g_signal_connect (publish, "change-state", G_CALLBACK (on_publish_changed), self);
  g_simple_action_set_enabled (publish, FALSE);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (publish));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "feed", G_ACTION_GROUP (group));
  self->publish_action = publish;
}

/* The menu's check follows the database: the event may be published or
 * withdrawn from Preferences, or from another window. */
void
_escale_event_editor_publish_update (EscaleEventEditor *self)
{
  g_autoptr(EscaleCalendarFeed) feed = NULL;

  if (self->context != NULL && self->saved != NULL)
    feed = escale_feed_publisher_find (escale_context_get_feeds (self->context), ESCALE_FEED_SCOPE_EVENT,
                                       escale_event_get_id (self->saved));
  g_simple_action_set_enabled (self->publish_action, self->saved != NULL);
  g_simple_action_set_state (self->publish_action, g_variant_new_boolean (feed != NULL));
}
