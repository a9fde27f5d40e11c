/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "escale-feeds-page.h"
#include "escale-placeholder.h"

/* Preferences › Calendars: the feed folder, when it was last written, and
 * the published calendars. The upcoming events are a switch; the other
 * calendars are published from their own windows and can be withdrawn
 * here. */
struct _EscaleFeedsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwActionRow        *folder_row;
  GtkButton           *clear_button;
  AdwActionRow        *status_row;
  GtkButton           *write_button;
  GtkSwitch           *upcoming_switch;
  AdwActionRow        *upcoming_row;
  GtkListBox          *feed_list;

  /* Owned */
  EscaleFeedPublisher *publisher;
  GSettings           *settings;
  gboolean             refreshing;   /* the switch follows the database */
};

G_DEFINE_FINAL_TYPE (EscaleFeedsPage, escale_feeds_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_error (EscaleFeedsPage *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (error->message));
}

static void
on_remove_clicked (GtkButton       *button,
                   EscaleFeedsPage *self)
{
  const char *file_name = g_object_get_data (G_OBJECT (button), "file-name");
  g_autoptr(GError) error = NULL;

  if (!escale_feed_publisher_remove (self->publisher, file_name, &error))
    show_error (self, error);
}

static GtkWidget *
feed_row_new (EscaleFeedsPage          *self,
              const EscaleCalendarFeed *feed)
{
  g_autofree char *description = escale_calendar_feed_describe (feed);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), feed->file_name);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Stop Publishing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop Publishing"), -1);
  g_object_set_data_full (G_OBJECT (remove), "file-name", g_strdup (feed->file_name), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
refresh_feeds (EscaleFeedsPage *self)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upcoming_file = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feed_list))) != NULL)
    gtk_list_box_remove (self->feed_list, child);
  escale_placeholder_add (self->feed_list,
                          _("To publish a participant’s or a partner’s calendar, turn on Publish Calendar "
                            "in their file; for an event, choose it in the event’s menu."));

  feeds = escale_feed_publisher_list (self->publisher, &error);
  if (feeds == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      EscaleCalendarFeed *feed = feeds->pdata[i];

      if (feed->scope == ESCALE_FEED_SCOPE_UPCOMING)
        upcoming_file = g_strdup (feed->file_name);
      else
        gtk_list_box_append (self->feed_list, feed_row_new (self, feed));
    }

  self->refreshing = TRUE;
  gtk_switch_set_active (self->upcoming_switch, upcoming_file != NULL);
  self->refreshing = FALSE;
  if (upcoming_file != NULL)
    {
      /* Translators: the file of the upcoming events' feed */
      g_autofree char *subtitle = g_strdup_printf (_("Every event from a month ago on, in %s"), upcoming_file);

      adw_action_row_set_subtitle (self->upcoming_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->upcoming_row, _("Every event from a month ago on"));
    }
}

/* The folder as its owner would name it: "~/Nextcloud/Calendriers" for
 * one in their home folder. */
static char *
display_folder (const char *folder)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);

  if (home_length > 1 && strncmp (folder, home, home_length) == 0 && folder[home_length] == G_DIR_SEPARATOR)
    {
      g_autofree char *inside = g_filename_display_name (folder + home_length + 1);

      return g_strconcat ("~" G_DIR_SEPARATOR_S, inside, NULL);
    }
  return g_filename_display_name (folder);
}

static void
refresh_folder (EscaleFeedsPage *self)
{
  const char *folder = escale_feed_publisher_get_folder (self->publisher);
  const char *status = escale_feed_publisher_get_status (self->publisher);
  gboolean chosen = *folder != '\0';
  g_autofree char *display = chosen ? display_folder (folder) : NULL;

  adw_action_row_set_subtitle (self->folder_row, chosen ? display : _("None: calendars are not published"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button), chosen);

  adw_action_row_set_subtitle (self->status_row, status != NULL ? status
                                                 : chosen ? _("Not yet") : _("Choose a folder first"));
  if (escale_feed_publisher_get_failed (self->publisher))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
}

static void
on_upcoming_toggled (EscaleFeedsPage *self)
{
  g_autoptr(EscaleCalendarFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->refreshing)
    return;

  if (gtk_switch_get_active (self->upcoming_switch))
    {
      feed = escale_feed_publisher_add (self->publisher, ESCALE_FEED_SCOPE_UPCOMING, 0, &error);
    }
  else
    {
      feed = escale_feed_publisher_find (self->publisher, ESCALE_FEED_SCOPE_UPCOMING, 0);
      if (feed != NULL)
        escale_feed_publisher_remove (self->publisher, feed->file_name, &error);
    }

  if (error != NULL)
    {
      show_error (self, error);
      refresh_feeds (self);
    }
}

static void
on_folder_response (GtkNativeDialog *dialog,
                    int              response,
                    EscaleFeedsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "feed-folder", path);
    }

  g_object_unref (dialog);
}

static void
on_choose_clicked (EscaleFeedsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose the Feed Folder"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_clear_clicked (EscaleFeedsPage *self)
{
  g_settings_set_string (self->settings, "feed-folder", "");
}

static void
on_write_clicked (EscaleFeedsPage *self)
{
  escale_feed_publisher_write_now (self->publisher);
}

static void
escale_feeds_page_dispose (GObject *object)
{
  EscaleFeedsPage *self = (EscaleFeedsPage *)object;

  if (self->publisher != NULL)
    g_signal_handlers_disconnect_by_data (self->publisher, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_FEEDS_PAGE);
  g_clear_object (&self->publisher);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (escale_feeds_page_parent_class)->dispose (object);
}

static void
escale_feeds_page_class_init (EscaleFeedsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_feeds_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/calendar/escale-feeds-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, write_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, upcoming_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, upcoming_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedsPage, feed_list);
  gtk_widget_class_bind_template_callback (widget_class, on_upcoming_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_write_clicked);
}

static void
escale_feeds_page_init (EscaleFeedsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * escale_feeds_page_new:
 * @settings: where the feed folder is kept ("feed-folder")
 */
EscaleFeedsPage *
escale_feeds_page_new (EscaleFeedPublisher *publisher,
                       GSettings           *settings)
{
  EscaleFeedsPage *self;

  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (publisher), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ESCALE_TYPE_FEEDS_PAGE, NULL);
  self->publisher = g_object_ref (publisher);
  self->settings = g_object_ref (settings);

  g_signal_connect_swapped (publisher, "feeds-changed", G_CALLBACK (refresh_feeds), self);
  g_signal_connect_swapped (publisher, "notify::folder", G_CALLBACK (refresh_folder), self);
  g_signal_connect_swapped (publisher, "notify::status", G_CALLBACK (refresh_folder), self);
  g_signal_connect_swapped (publisher, "notify::failed", G_CALLBACK (refresh_folder), self);
  refresh_feeds (self);
  refresh_folder (self);

  return self;
}
