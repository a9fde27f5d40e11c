/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-conflicts-window.h"
#include "escale-events-page.h"
#include "escale-export-dialog.h"
#include "escale-participants-page.h"
#include "escale-partners-page.h"
#include "escale-window.h"

/* The main window: a sidebar of the sections that work, each section a page
 * of the view stack, and one toast overlay for every page's messages. A
 * narrow window folds the sidebar away. */
struct _EscaleWindow
{
  AdwApplicationWindow    parent_instance;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *main_stack;
  AdwLeaflet             *leaflet;
  GtkListBox             *section_list;
  AdwViewStack           *section_stack;
  EscalePartnersPage     *partners_page;
  EscaleParticipantsPage *participants_page;
  EscaleEventsPage       *events_page;
  AdwStatusPage          *error_page;

  /* Owned */
  EscaleContext          *context;
  EscaleConflictsWindow  *conflicts_window;   /* weak: the one open */
};

G_DEFINE_FINAL_TYPE (EscaleWindow, escale_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (EscaleWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return escale_application_get_settings (ESCALE_APPLICATION (application));
}

static void
show_section (EscaleWindow *self,
              const char   *name)
{
  adw_view_stack_set_visible_child_name (self->section_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_section_list_row_activated (GtkListBox    *list,
                               GtkListBoxRow *row,
                               EscaleWindow  *self)
{
  show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_show_sidebar_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* One list of conflicts, brought back to the front when asked again. */
static void
on_conflicts_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  if (self->context == NULL)
    return;

  if (self->conflicts_window == NULL)
    {
      g_set_weak_pointer (&self->conflicts_window, escale_conflicts_window_new (self->context));
      gtk_window_set_transient_for (GTK_WINDOW (self->conflicts_window), GTK_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self->conflicts_window));
}

static void
on_exported (EscaleExportDialog *dialog,
             const char         *message,
             EscaleWindow       *self)
{
  escale_window_add_toast (self, adw_toast_new (message));
}

/* Every event between two days, chosen in the dialog. */
static void
on_export_calendar_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);
  EscaleExportDialog *dialog;

  if (self->context == NULL)
    return;

  /* Translators: the file name proposed for a period's calendar */
  dialog = escale_export_dialog_new (GTK_WINDOW (self), self->context, NULL, NULL, _("Escale events.ics"));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
escale_window_constructed (GObject *object)
{
  EscaleWindow *self = (EscaleWindow *)object;

  G_OBJECT_CLASS (escale_window_parent_class)->constructed (object);

  if (self->context != NULL)
    {
      escale_partners_page_set_context (self->partners_page, self->context);
      escale_participants_page_set_context (self->participants_page, self->context);
      escale_events_page_set_context (self->events_page, self->context);
      gtk_list_box_select_row (self->section_list, gtk_list_box_get_row_at_index (self->section_list, 0));
      gtk_stack_set_visible_child_name (self->main_stack, "sections");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", self->context != NULL);

  if (g_str_has_suffix (APPLICATION_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
escale_window_dispose (GObject *object)
{
  EscaleWindow *self = (EscaleWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_WINDOW);
  g_clear_weak_pointer (&self->conflicts_window);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_window_parent_class)->dispose (object);
}

static void
escale_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_window_class_init (EscaleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_window_constructed;
  object_class->dispose = escale_window_dispose;
  object_class->get_property = escale_window_get_property;
  object_class->set_property = escale_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ESCALE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ESCALE_TYPE_PARTNERS_PAGE);
  g_type_ensure (ESCALE_TYPE_PARTICIPANTS_PAGE);
  g_type_ensure (ESCALE_TYPE_EVENTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/escale-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, partners_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, participants_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, events_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_section_list_row_activated);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, on_show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, on_export_calendar_activated);
  gtk_widget_class_install_action (widget_class, "win.conflicts", NULL, on_conflicts_activated);
}

static void
escale_window_init (EscaleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * escale_window_new:
 * @context: (nullable): the open database, or %NULL if it could not be opened
 * @error: (nullable): why the database could not be opened
 */
EscaleWindow *
escale_window_new (EscaleApplication *application,
                   EscaleContext     *context,
                   const GError      *error)
{
  EscaleWindow *self;

  g_return_val_if_fail (ESCALE_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (context == NULL || ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (context != NULL || error != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);

  if (error != NULL)
    adw_status_page_set_description (self->error_page, error->message);

  /* "application" is set after constructed(), hence here. */
  g_settings_bind (get_settings (self), "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (get_settings (self), "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (get_settings (self), "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  return self;
}

/**
 * escale_window_get_context:
 *
 * Returns: (transfer none) (nullable): the open database's services
 */
EscaleContext *
escale_window_get_context (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);

  return self->context;
}

void
escale_window_add_toast (EscaleWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ESCALE_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
