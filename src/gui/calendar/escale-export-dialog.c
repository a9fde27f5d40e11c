/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-export-dialog.h"

/* Export to Calendar: what (given by the window it is opened from, or a
 * period of days), for what purpose (a calendar to open or share, an
 * invitation, a cancellation), and whether the participants are listed.
 * The file is written in a worker thread (escale_ical_export_write_file
 * _async()), replaced whole or not at all, and can be cancelled. */

/* The purposes, in the order of the template's list. */
static const EscaleIcalMethod methods[] = {
  ESCALE_ICAL_METHOD_PUBLISH,
  ESCALE_ICAL_METHOD_REQUEST,
  ESCALE_ICAL_METHOD_CANCEL,
};

struct _EscaleExportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *export_button;
  AdwActionRow        *what_row;
  AdwEntryRow         *from_row;
  AdwEntryRow         *to_row;
  GtkLabel            *period_message;
  AdwComboRow         *method_row;
  AdwActionRow        *attendees_row;
  GtkSwitch           *attendees_switch;
  GtkProgressBar      *progress_bar;

  /* Owned */
  EscaleContext       *context;
  EscaleIcalSelection  selection;
  gboolean             period;        /* the days are chosen here */
  char                *file_name;     /* proposed to the file chooser */
  char                *path;          /* the file being written */
  EscaleIcalExport    *export;        /* the write under way */
  GCancellable        *cancellable;
  guint                pulse_id;
};

G_DEFINE_FINAL_TYPE (EscaleExportDialog, escale_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reads the period, or says what is wrong with it. */
static gboolean
read_period (EscaleExportDialog *self,
             const char        **problem)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));

  if (!escale_calendar_day_instant (from, FALSE, &self->selection.from))
    *problem = _("First day: write the date as YYYY-MM-DD");
  else if (!escale_calendar_day_instant (to, TRUE, &self->selection.to))
    *problem = _("Last day: write the date as YYYY-MM-DD");
  else if (self->selection.to < self->selection.from)
    *problem = _("Last day: it comes before the first day");
  else
    return TRUE;

  return FALSE;
}

static void
update (EscaleExportDialog *self)
{
  EscaleIcalScope scope = self->selection.scope;
  guint method = adw_combo_row_get_selected (self->method_row);
  gboolean writing = self->cancellable != NULL;
  gboolean lists_people = scope == ESCALE_ICAL_SCOPE_EVENT || scope == ESCALE_ICAL_SCOPE_VISIT ||
                          scope == ESCALE_ICAL_SCOPE_RANGE;
  const char *problem = NULL;
  gboolean valid = !self->period || read_period (self, &problem);

  static const char * const purposes[] = {
    N_("A calendar to open in a calendar application, or to share"),
    N_("Sent to the people it concerns: their calendar adds the events and follows later changes"),
    N_("Sent to the people who received an invitation: their calendar removes the cancelled events"),
  };

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->method_row), _(purposes[MIN (method, G_N_ELEMENTS (purposes) - 1)]));
  gtk_widget_set_visible (GTK_WIDGET (self->attendees_row), lists_people);
  gtk_label_set_text (self->period_message, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_message), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), valid && !writing);
}

static void
on_period_changed (EscaleExportDialog *self)
{
  update (self);
}

static void
on_method_changed (EscaleExportDialog *self)
{
  update (self);
}

static gboolean
pulse (gpointer user_data)
{
  EscaleExportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* A period tells how far it is; another calendar is written in a moment. */
static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  EscaleExportDialog *self = user_data;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

static void
stop_writing (EscaleExportDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  update (self);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EscaleExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean written;

  written = escale_ical_export_write_file_finish (ESCALE_ICAL_EXPORT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_writing (self);

  name = g_path_get_basename (self->path);
  if (!written)
    {
      /* Translators: a file name, then what went wrong */
      message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  /* Translators: the name of the calendar file written */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  g_signal_emit (self, signals[EXPORTED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * escale_export_dialog_export_to:
 * @path: the calendar file, replaced whole or not at all
 *
 * Writes the calendar as chosen, as Export… does once a file is chosen.
 * The dialog closes when the file is written, and emits
 * #EscaleExportDialog::exported.
 */
void
escale_export_dialog_export_to (EscaleExportDialog *self,
                                const char         *path)
{
  guint method;

  g_return_if_fail (ESCALE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);

  method = MIN (adw_combo_row_get_selected (self->method_row), G_N_ELEMENTS (methods) - 1);
  g_free (self->path);
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  self->pulse_id = g_timeout_add (100, pulse, self);
  update (self);

  self->export = escale_ical_export_new (escale_context_get_events (self->context));
  escale_ical_export_set_method (self->export, methods[method]);
  if (gtk_widget_get_visible (GTK_WIDGET (self->attendees_row)) && gtk_switch_get_active (self->attendees_switch))
    escale_ical_export_set_attendees (self->export, escale_context_get_registrations (self->context),
                                      escale_context_get_participants (self->context));
  escale_ical_export_write_file_async (self->export, &self->selection, path, on_progress, self, NULL,
                                       self->cancellable, on_written, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     EscaleExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        escale_export_dialog_export_to (self, path);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Choose a file on this computer")));
    }

  g_object_unref (chooser);
}

static void
on_export_clicked (EscaleExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");

  chooser = gtk_file_chooser_native_new (_("Export to Calendar"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancelling a write leaves any earlier file as it was. */
static void
on_cancel_clicked (EscaleExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
escale_export_dialog_dispose (GObject *object)
{
  EscaleExportDialog *self = (EscaleExportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (escale_export_dialog_parent_class)->dispose (object);
}

static void
escale_export_dialog_class_init (EscaleExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_export_dialog_dispose;

  /**
   * EscaleExportDialog::exported:
   * @message: what to tell the counsellor, "Exported to “x.ics”"
   *
   * The calendar is written; the dialog closes.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/calendar/escale-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, period_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, attendees_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, attendees_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_method_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
escale_export_dialog_init (EscaleExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The next three months from today, a counsellor's usual horizon. */
static void
propose_period (EscaleExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_months (now, 3);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

/**
 * escale_export_dialog_new:
 * @selection: (nullable): the calendar to export; %NULL to choose a period
 *   of days in the dialog
 * @what: (nullable): @selection in words, such as "Visit “Trois jours en
 *   Abitibi”, with its stops"
 * @file_name: the file name to propose, such as "Trois jours en Abitibi.ics"
 */
EscaleExportDialog *
escale_export_dialog_new (GtkWindow                 *parent,
                          EscaleContext             *context,
                          const EscaleIcalSelection *selection,
                          const char                *what,
                          const char                *file_name)
{
  EscaleExportDialog *self;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->file_name = g_strdup (file_name);
  self->period = selection == NULL;
  if (selection != NULL)
    self->selection = *selection;
  else
    self->selection.scope = ESCALE_ICAL_SCOPE_RANGE;

  adw_action_row_set_subtitle (self->what_row, what != NULL ? what : _("Every event between two days"));
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), self->period);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), self->period);
  if (self->period)
    propose_period (self);
  update (self);

  return self;
}
