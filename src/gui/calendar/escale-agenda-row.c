/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-agenda-repository.h"
#include "escale-agenda-row.h"
#include "escale-ical-import.h"

/* A partner's agenda in its file: where it was imported from and when,
 * Import… a calendar file the partner sent (an Outlook or Google export),
 * and Refresh from the same file. The import runs in a worker thread on a
 * connection of its own (escale_ical_import_file_async()), with its
 * progress and Cancel, and ends with its report: what was added, updated
 * and removed, and every entry it had to guess about. */
struct _EscaleAgendaRow
{
  AdwActionRow      parent_instance;

  GtkButton        *refresh_button;
  GtkButton        *import_button;
  GtkButton        *cancel_button;

  EscaleContext    *context;
  gint64            organization_id;
  char             *source_path;    /* of the last import, for Refresh */

  /* The import under way */
  EscaleIcalImport *import;
  GCancellable     *cancellable;
  char             *file_name;
  int               percent;        /* written by the worker, atomically */
  guint             progress_id;
};

G_DEFINE_FINAL_TYPE (EscaleAgendaRow, escale_agenda_row, ADW_TYPE_ACTION_ROW)

static void
show_agenda (EscaleAgendaRow *self)
{
  g_autoptr(EscaleAgendaRepository) agendas = escale_agenda_repository_new (escale_context_get_database (self->context));
  g_autoptr(EscaleAgenda) agenda = escale_agenda_repository_load (agendas, self->organization_id, NULL);
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->source_path, g_free);
  if (agenda == NULL)
    {
      subtitle = g_strdup (_("None imported. Import the calendar file the partner sends to see clashes "
                             "with its agenda before saving an event."));
    }
  else
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (agenda->imported_at);
      /* Translators: a date, as in "23 November 2026" */
      g_autofree char *day = g_date_time_format (when, _("%-d %B %Y"));
      g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                                               agenda->n_entries),
                                                  agenda->n_entries);

      /* Translators: the agenda's name, the day it was imported, how many entries */
      subtitle = g_strdup_printf (_("“%s”, imported on %s · %s"), agenda->name, day, entries);
      self->source_path = g_strdup (agenda->source_path);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), self->source_path != NULL);
}

static void
set_importing (EscaleAgendaRow *self,
               gboolean         importing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), !importing);
}

static gboolean
show_progress (gpointer user_data)
{
  EscaleAgendaRow *self = user_data;
  /* Translators: a file name, then how far the import is */
  g_autofree char *subtitle = g_strdup_printf (_("Importing “%s”… %d %%"), self->file_name,
                                               g_atomic_int_get (&self->percent));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return G_SOURCE_CONTINUE;
}

/* In the worker thread: only the number is kept; the row reads it. */
static void
on_import_progress (EscaleIcalImport *import,
                    double            fraction,
                    EscaleAgendaRow  *self)
{
  g_atomic_int_set (&self->percent, (int) (fraction * 100));
}

static GtkWidget *
warnings_list (GPtrArray *warnings)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *text = escale_ical_import_warning_describe (warnings->pdata[i]);
      GtkWidget *label;

      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  return scrolled;
}

static void
show_report (EscaleAgendaRow        *self,
             EscaleIcalImportReport *report,
             const GError           *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (report == NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Agenda Not Imported"), error->message));
    }
  else
    {
      GPtrArray *warnings = escale_ical_import_report_get_warnings (report);

      /* Translators: the agenda's name, then how many entries were added, updated, removed, left as they were */
      body = g_strdup_printf (_("“%s”: %u added, %u updated, %u removed, %u unchanged."),
                              escale_ical_import_report_get_calendar_name (report),
                              escale_ical_import_report_get_added (report),
                              escale_ical_import_report_get_updated (report),
                              escale_ical_import_report_get_removed (report),
                              escale_ical_import_report_get_unchanged (report));
      if (warnings->len > 0)
        {
          g_autofree char *with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s One entry needs a look: it was imported as read.",
                                                                "%s %u entries need a look: they were imported as read.",
                                                                warnings->len),
                                                   body, warnings->len);

          g_free (body);
          body = g_steal_pointer (&with);
        }
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Agenda Imported"), body));
      if (warnings->len > 0)
        adw_message_dialog_set_extra_child (dialog, warnings_list (warnings));
    }

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EscaleAgendaRow) self = user_data;
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = escale_ical_import_file_finish (ESCALE_ICAL_IMPORT (source), result, &error);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (source, self);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  set_importing (self, FALSE);
  show_agenda (self);
  if (report != NULL && escale_ical_import_report_get_added (report) + escale_ical_import_report_get_updated (report) +
                        escale_ical_import_report_get_removed (report) > 0)
    escale_context_agenda_changed (self->context, self->organization_id);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  show_report (self, report, error);
}

/**
 * escale_agenda_row_import:
 * @file: the partner's calendar file
 *
 * Imports @file into the partner's agenda, as Import… does once a file
 * is chosen, and shows the report.
 */
void
escale_agenda_row_import (EscaleAgendaRow *self,
                          GFile           *file)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_AGENDA_ROW (self));
  g_return_if_fail (G_IS_FILE (file) && self->import == NULL);

  /* The import writes on a connection of its own, in its thread. */
  database = escale_database_open (escale_database_get_path (escale_context_get_database (self->context)), &error);
  if (database == NULL)
    {
      show_report (self, NULL, error);
      return;
    }

  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  g_atomic_int_set (&self->percent, 0);
  self->import = escale_ical_import_new (database);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->import, "progress", G_CALLBACK (on_import_progress), self);
  self->progress_id = g_timeout_add (100, show_progress, self);
  set_importing (self, TRUE);
  show_progress (self);
  escale_ical_import_file_async (self->import, file, self->organization_id, FALSE, self->cancellable,
                                 on_imported, g_object_ref (self));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                EscaleAgendaRow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      escale_agenda_row_import (self, file);
    }

  g_object_unref (chooser);
}

static void
on_import_clicked (EscaleAgendaRow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");

  chooser = gtk_file_chooser_native_new (_("Import the Partner’s Agenda"), GTK_WINDOW (root),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_refresh_clicked (EscaleAgendaRow *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->source_path == NULL)
    return;
  file = g_file_new_for_path (self->source_path);
  escale_agenda_row_import (self, file);
}

static void
on_cancel_clicked (EscaleAgendaRow *self)
{
  g_cancellable_cancel (self->cancellable);
}

static GtkButton *
add_button (EscaleAgendaRow *self,
            const char      *label,
            GCallback        callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  return GTK_BUTTON (button);
}

static void
escale_agenda_row_dispose (GObject *object)
{
  EscaleAgendaRow *self = (EscaleAgendaRow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_agenda_row_parent_class)->dispose (object);
}

static void
escale_agenda_row_finalize (GObject *object)
{
  EscaleAgendaRow *self = (EscaleAgendaRow *)object;

  g_free (self->source_path);
  g_free (self->file_name);

  G_OBJECT_CLASS (escale_agenda_row_parent_class)->finalize (object);
}

static void
escale_agenda_row_class_init (EscaleAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_agenda_row_dispose;
  object_class->finalize = escale_agenda_row_finalize;
}

static void
escale_agenda_row_init (EscaleAgendaRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Agenda"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  self->cancel_button = add_button (self, _("_Stop"), G_CALLBACK (on_cancel_clicked));
  self->refresh_button = add_button (self, _("_Refresh"), G_CALLBACK (on_refresh_clicked));
  self->import_button = add_button (self, _("_Import…"), G_CALLBACK (on_import_clicked));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->refresh_button), _("Import again from the same file"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
}

/**
 * escale_agenda_row_new:
 * @organization_id: the partner
 */
GtkWidget *
escale_agenda_row_new (EscaleContext *context,
                       gint64         organization_id)
{
  EscaleAgendaRow *self;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);

  self = g_object_new (ESCALE_TYPE_AGENDA_ROW, NULL);
  self->context = g_object_ref (context);
  self->organization_id = organization_id;
  show_agenda (self);

  return GTK_WIDGET (self);
}
