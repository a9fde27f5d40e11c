/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-application.h"
#include "escale-context.h"
#include "escale-preferences-window.h"
#include "escale-window.h"

struct _EscaleApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  char           *db_path;       /* from --db, for this run only */
};

G_DEFINE_FINAL_TYPE (EscaleApplication, escale_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database instead of the usual one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
  { NULL }
};

/* The database for this run: --db, then $ESCALE_DB, then the one chosen in
 * Preferences, then the default in the user's data folder. */
static char *
choose_database_path (EscaleApplication *self)
{
  g_autofree char *remembered = NULL;

  if (self->db_path != NULL || g_getenv ("ESCALE_DB") != NULL)
    return escale_database_resolve_path (self->db_path);

  remembered = g_settings_get_string (self->settings, "database-path");
  return escale_database_resolve_path (remembered);
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EscaleApplication *self = user_data;
  const char *developers[] = { "The Escale developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", "Escale",
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Escale developers"),
                         "developers", developers,
                         "comments", _("Plan regionalisation activities with partners and participants"),
                         "website", "https://github.com/escale/escale",
                         "issue-url", "https://github.com/escale/escale/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
on_preferences_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  EscaleApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  EscaleContext *context = NULL;
  GtkWindow *preferences;

  if (ESCALE_IS_WINDOW (parent))
    context = escale_window_get_context (ESCALE_WINDOW (parent));

  preferences = GTK_WINDOW (escale_preferences_window_new (self, context));
  gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", on_about_activated },
  { "preferences", on_preferences_activated },
  { "quit", on_quit_activated },
};

static int
escale_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  EscaleApplication *self = ESCALE_APPLICATION (application);
  const char *db_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("escale %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path))
    self->db_path = g_strdup (db_path);

  return -1;
}

static void
escale_application_startup (GApplication *application)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  EscaleApplication *self = ESCALE_APPLICATION (application);

  G_APPLICATION_CLASS (escale_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
escale_application_activate (GApplication *application)
{
  EscaleApplication *self = ESCALE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = choose_database_path (self);
  escale_application_open_database (self, path, FALSE);
}

static void
escale_application_finalize (GObject *object)
{
  EscaleApplication *self = (EscaleApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (escale_application_parent_class)->finalize (object);
}

static void
escale_application_class_init (EscaleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = escale_application_finalize;

  application_class->handle_local_options = escale_application_handle_local_options;
  application_class->startup = escale_application_startup;
  application_class->activate = escale_application_activate;
}

static void
escale_application_init (EscaleApplication *self)
{
  /* The schema carries the application id, so a development build keeps
   * its own window size and database choice beside the installed one. */
  self->settings = g_settings_new (APPLICATION_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

EscaleApplication *
escale_application_new (void)
{
  return g_object_new (ESCALE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
escale_application_get_settings (EscaleApplication *self)
{
  g_return_val_if_fail (ESCALE_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * escale_application_open_database:
 * @remember: whether the next start opens this database too
 *
 * Opens @path in a new main window, which replaces the current ones. A
 * database that cannot be opened gives a window that says why.
 */
void
escale_application_open_database (EscaleApplication *self,
                                  const char        *path,
                                  gboolean           remember)
{
  g_autoptr(EscaleContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) previous = NULL;
  EscaleWindow *window;

  g_return_if_fail (ESCALE_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  previous = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  context = escale_context_open (path, &error);
  if (context != NULL && remember)
    g_settings_set_string (self->settings, "database-path", path);
  if (context != NULL)
    g_settings_bind (self->settings, "feed-folder", escale_context_get_feeds (context), "folder", G_SETTINGS_BIND_DEFAULT);

  window = escale_window_new (self, context, error);
  gtk_window_present (GTK_WINDOW (window));

  for (GList *l = previous; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
}
