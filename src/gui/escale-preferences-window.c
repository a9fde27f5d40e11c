/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-feeds-page.h"
#include "escale-preferences-window.h"

/* Where the data lives: the database in use, opening another one, and a
 * backup copy made with SQLite's online backup API; then the calendars
 * published for subscribers (escale-feeds-page.c). */
struct _EscalePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *location_row;
  GtkButton            *backup_button;

  /* Owned */
  EscaleApplication    *application;
  EscaleContext        *context;
};

G_DEFINE_FINAL_TYPE (EscalePreferencesWindow, escale_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_open_response (GtkNativeDialog         *dialog,
                  int                      response,
                  EscalePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        escale_application_open_database (self->application, path, TRUE);
    }

  g_object_unref (dialog);
}

static void
on_open_clicked (EscalePreferencesWindow *self)
{
  GtkFileChooserNative *dialog;

  /* CREATE_FOLDER-style saving lets the user name a new, empty database too. */
  dialog = gtk_file_chooser_native_new (_("Open or Create a Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "escale.db");
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_backup_response (GtkNativeDialog         *dialog,
                    int                      response,
                    EscalePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (escale_database_backup (escale_context_get_database (self->context), path, &error))
        message = g_strdup_printf (_("Backup copy saved to %s"), path);
      else
        message = g_strdup (error->message);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }

  g_object_unref (dialog);
}

static void
on_backup_clicked (EscalePreferencesWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "escale-%Y-%m-%d.db");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save a Backup Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_backup_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
escale_preferences_window_dispose (GObject *object)
{
  EscalePreferencesWindow *self = (EscalePreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (escale_preferences_window_parent_class)->dispose (object);
}

static void
escale_preferences_window_class_init (EscalePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/escale-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, backup_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_clicked);
}

static void
escale_preferences_window_init (EscalePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * escale_preferences_window_new:
 * @context: (nullable): the open database, if any
 */
EscalePreferencesWindow *
escale_preferences_window_new (EscaleApplication *application,
                               EscaleContext     *context)
{
  EscalePreferencesWindow *self;

  g_return_val_if_fail (ESCALE_IS_APPLICATION (application), NULL);

  self = g_object_new (ESCALE_TYPE_PREFERENCES_WINDOW, NULL);
  self->application = g_object_ref (application);
  self->context = context != NULL ? g_object_ref (context) : NULL;

  if (context != NULL)
    adw_action_row_set_subtitle (self->location_row,
                                 escale_database_get_path (escale_context_get_database (context)));
  else
    adw_action_row_set_subtitle (self->location_row, _("No database is open"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), context != NULL);

  if (context != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (escale_feeds_page_new (escale_context_get_feeds (context),
                                                                             escale_application_get_settings (application))));

  return self;
}
