/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-event-editor-private.h"
#include "escale-ical-export.h"

/* Export to Calendar…: the event, or a visit with each of its stops, as an
 * iCalendar file to send to participants and partners or to open in a
 * calendar. What is written is what is stored, as on paper; the same
 * writer serves escale-cli ics export. And Publish Calendar: the same
 * calendar kept current in the feed folder (escale-feed-publisher.c). */

/* "Trois jours en Abitibi.ics": a title may hold what a file name cannot. */
static char *
suggest_name (EscaleEvent *event)
{
  g_autofree char *title = g_strdup (escale_event_get_title (event));

  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strconcat (title, ".ics", NULL);
}

/**
 * escale_event_editor_export_to_file:
 * @file: where to write; it is replaced only once the whole calendar is
 *   written
 *
 * Writes the stored event as an iCalendar file, with each stop of a visit,
 * as Export to Calendar… does once a file is chosen.
 *
 * Returns: whether the file was written
 */
gboolean
escale_event_editor_export_to_file (EscaleEventEditor  *self,
                                    GFile              *file,
                                    GError            **error)
{
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (escale_context_get_events (self->context));
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gint64 id;
  gboolean written;

  g_return_val_if_fail (ESCALE_IS_EVENT_EDITOR (self), FALSE);
  g_return_val_if_fail (self->saved != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  id = escale_event_get_id (self->saved);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (escale_event_get_kind (self->saved) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT)
    written = escale_ical_export_visit (export, id, G_OUTPUT_STREAM (stream), NULL, error);
  else
    written = escale_ical_export_event (export, id, G_OUTPUT_STREAM (stream), NULL, error);
  if (written)
    return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);

  /* Closed cancelled, the stream leaves the file as it was. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     EscaleEventEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (file);
      if (escale_event_editor_export_to_file (self, file, &error))
        /* Translators: the name of the calendar file written */
        message = g_strdup_printf (_("Exported to “%s”"), name);
      else
        /* Translators: a file name, then what went wrong */
        message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      _escale_event_editor_show_toast (self, message);
    }

  g_object_unref (chooser);
}

void
_escale_event_editor_export (EscaleEventEditor *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggest_name (self->saved);
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");

  chooser = gtk_file_chooser_native_new (_("Export to Calendar"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
