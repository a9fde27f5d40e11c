/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-feed-row.h"

/* "Publish Calendar", a switch in a participant's or a partner's file: the
 * calendar is kept current in the feed folder while it is on. The row
 * follows the database, so withdrawing it in Preferences turns it off. */
struct _EscaleFeedRow
{
  AdwActionRow         parent_instance;

  GtkSwitch           *toggle;

  EscaleFeedPublisher *publisher;
  EscaleFeedScope      scope;
  gint64               target_id;
  gboolean             refreshing;
};

G_DEFINE_FINAL_TYPE (EscaleFeedRow, escale_feed_row, ADW_TYPE_ACTION_ROW)

static void
show_message (EscaleFeedRow *self,
              const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
refresh (EscaleFeedRow *self)
{
  g_autoptr(EscaleCalendarFeed) feed = escale_feed_publisher_find (self->publisher, self->scope, self->target_id);
  gboolean folder_chosen = *escale_feed_publisher_get_folder (self->publisher) != '\0';
  g_autofree char *subtitle = NULL;

  if (feed == NULL)
    subtitle = g_strdup (_("Kept current in the feed folder, for people who subscribe"));
  else if (folder_chosen)
    /* Translators: the feed's file name */
    subtitle = g_strdup_printf (_("Published as %s"), feed->file_name);
  else
    /* Translators: the feed's file name */
    subtitle = g_strdup_printf (_("Published as %s once a feed folder is chosen in Preferences"), feed->file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  self->refreshing = TRUE;
  gtk_switch_set_active (self->toggle, feed != NULL);
  self->refreshing = FALSE;
}

static void
on_toggled (EscaleFeedRow *self)
{
  g_autoptr(EscaleCalendarFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->refreshing)
    return;

  if (gtk_switch_get_active (self->toggle))
    {
      feed = escale_feed_publisher_add (self->publisher, self->scope, self->target_id, &error);
    }
  else
    {
      feed = escale_feed_publisher_find (self->publisher, self->scope, self->target_id);
      if (feed != NULL)
        escale_feed_publisher_remove (self->publisher, feed->file_name, &error);
    }

  if (error != NULL)
    show_message (self, error->message);
  refresh (self);
}

static void
escale_feed_row_dispose (GObject *object)
{
  EscaleFeedRow *self = (EscaleFeedRow *)object;

  if (self->publisher != NULL)
    g_signal_handlers_disconnect_by_data (self->publisher, self);
  g_clear_object (&self->publisher);

  G_OBJECT_CLASS (escale_feed_row_parent_class)->dispose (object);
}

static void
escale_feed_row_class_init (EscaleFeedRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_feed_row_dispose;
}

static void
escale_feed_row_init (EscaleFeedRow *self)
{
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("P_ublish Calendar"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (on_toggled), self);
}

/**
 * escale_feed_row_new:
 * @scope: a participant's or a partner's calendar, or an event
 * @target_id: the participant, partner or event
 */
GtkWidget *
escale_feed_row_new (EscaleFeedPublisher *publisher,
                     EscaleFeedScope      scope,
                     gint64               target_id)
{
  EscaleFeedRow *self;

  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (publisher), NULL);
  g_return_val_if_fail (scope != ESCALE_FEED_SCOPE_UPCOMING && target_id > 0, NULL);

  self = g_object_new (ESCALE_TYPE_FEED_ROW, NULL);
  self->publisher = g_object_ref (publisher);
  self->scope = scope;
  self->target_id = target_id;

  g_signal_connect_swapped (publisher, "feeds-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (publisher, "notify::folder", G_CALLBACK (refresh), self);
  refresh (self);

  return GTK_WIDGET (self);
}
