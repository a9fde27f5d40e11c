/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-participant-import-dialog.h"

/* Shows the columns Escale guessed, lets the counsellor correct them,
 * checks every row in another thread and shows what is wrong before
 * anything is written, then imports in one transaction, with progress and
 * a way to stop. The rules are the core's (EscaleParticipantImport); this
 * window only shows them. */

/* More rows than anyone reads in a window; the rest go to the CSV. */
#define MAX_ROWS_SHOWN 200

typedef enum
{
  STEP_COLUMNS,
  STEP_CHECKING,
  STEP_PREVIEW,
  STEP_IMPORTING,
  STEP_DONE,
} Step;

struct _EscaleParticipantImportDialog
{
  AdwWindow                parent_instance;

  /* Template widgets */
  AdwWindowTitle          *window_title;
  GtkButton               *cancel_button;
  GtkButton               *next_button;
  GtkStack                *stack;
  AdwActionRow            *encoding_row;
  AdwComboRow             *separator_row;
  AdwActionRow            *rows_row;
  AdwPreferencesGroup     *columns_group;
  GtkSwitch               *duplicates_switch;
  AdwStatusPage           *working_page;
  GtkProgressBar          *progress_bar;
  AdwPreferencesGroup     *problems_group;
  AdwActionRow            *new_row;
  AdwActionRow            *duplicates_row;
  AdwActionRow            *already_row;
  AdwActionRow            *rejected_row;
  GtkButton               *save_rejected_button;
  AdwStatusPage           *done_page;

  /* Owned */
  EscaleContext           *context;
  EscaleParticipantImport *import;
  EscaleImportReport      *report;
  GCancellable            *cancellable;
  GPtrArray               *column_rows;
  GPtrArray               *problem_rows;
  guint                    progress_source;
  Step                     step;

  /* Written by the worker thread, read by the progress timeout */
  int                      progress_permille;
};

G_DEFINE_FINAL_TYPE (EscaleParticipantImportDialog, escale_participant_import_dialog, ADW_TYPE_WINDOW)

static const char separators[] = { ',', ';', '\t' };

static void
set_row_count (AdwActionRow *row,
               guint         count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  adw_action_row_set_subtitle (row, text);
}

static void
show_step (EscaleParticipantImportDialog *self,
           Step                           step)
{
  const char *pages[] = { "columns", "working", "preview", "working", "done" };
  g_autofree char *import_label = NULL;

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, pages[step]);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), step != STEP_DONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), step != STEP_CHECKING && step != STEP_IMPORTING);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step != STEP_CHECKING && step != STEP_IMPORTING);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);

  switch (step)
    {
    case STEP_COLUMNS:
      gtk_button_set_label (self->next_button, _("_Check"));
      break;
    case STEP_PREVIEW:
      {
        guint n = self->report->n_new +
                  (gtk_switch_get_active (self->duplicates_switch) ? self->report->n_duplicates : 0);

        import_label = g_strdup_printf (ngettext ("_Import %u Participant", "_Import %u Participants", n), n);
        gtk_button_set_label (self->next_button, import_label);
        gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n > 0);
      }
      break;
    case STEP_DONE:
      gtk_button_set_label (self->next_button, _("_Close"));
      break;
    case STEP_CHECKING:
    case STEP_IMPORTING:
      adw_status_page_set_title (self->working_page, step == STEP_CHECKING ? _("Checking Every Row…")
                                                                          : _("Importing…"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A few values of the column, so that "Colonne 7" can be recognised. */
static char *
sample_of (EscaleParticipantImportDialog *self,
           guint                          column)
{
  g_autoptr(GString) sample = g_string_new (NULL);

  for (guint row = 0, shown = 0; row < escale_participant_import_get_n_rows (self->import) && shown < 3; row++)
    {
      const char *cell = escale_participant_import_get_cell (self->import, row, column);

      if (cell == NULL || *cell == '\0')
        continue;
      g_string_append_printf (sample, "%s%s", shown > 0 ? " · " : "", cell);
      shown++;
    }

  return g_string_free (g_steal_pointer (&sample), FALSE);
}

static void
on_column_row_selected (AdwComboRow                   *row,
                        GParamSpec                    *pspec,
                        EscaleParticipantImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  escale_participant_import_set_column_field (self->import, column, (int) selected - 1);

  /* A field goes to one column: another that had it shows "Leave out". */
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *other = g_ptr_array_index (self->column_rows, i);
      guint wanted = (guint) (escale_participant_import_get_column_field (self->import, i) + 1);

      if (adw_combo_row_get_selected (other) != wanted)
        adw_combo_row_set_selected (other, wanted);
    }
}

static void
fill_columns (EscaleParticipantImportDialog *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *rows = NULL;

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  gtk_string_list_append (choices, _("Leave out"));
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    gtk_string_list_append (choices, escale_participant_field_get_label (i));

  for (guint i = 0; i < escale_participant_import_get_n_columns (self->import); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *sample = sample_of (self, i);
      const char *header = escale_participant_import_get_header (self->import, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header != '\0' ? header : _("(no header)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, (guint) (escale_participant_import_get_column_field (self->import, i) + 1));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_row_selected), self, 0);

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  set_row_count (self->rows_row, escale_participant_import_get_n_rows (self->import));
}

static void
on_separator_row_selected (EscaleParticipantImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->separator_row);
  g_autoptr(GError) error = NULL;

  if (self->import == NULL || selected >= G_N_ELEMENTS (separators) ||
      separators[selected] == escale_participant_import_get_separator (self->import))
    return;

  if (!escale_participant_import_set_separator (self->import, separators[selected], &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  fill_columns (self);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  EscaleParticipantImportDialog *self = user_data;

  g_atomic_int_set (&self->progress_permille, (int) (fraction * 1000));
}

static gboolean
update_progress (gpointer user_data)
{
  EscaleParticipantImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (EscaleParticipantImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
}

static void
show_problem_rows (EscaleParticipantImportDialog *self)
{
  guint shown = 0;

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  for (guint i = 0; i < self->report->problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->report->problems, i));
      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  for (guint i = 0; i < self->report->rows->len && shown < MAX_ROWS_SHOWN; i++)
    {
      EscaleImportRow *import_row = g_ptr_array_index (self->report->rows, i);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      if (import_row->outcome == ESCALE_IMPORT_OUTCOME_NEW ||
          import_row->outcome == ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED)
        continue;

      /* Translators: a line number of the file, then a name */
      title = g_strdup_printf (_("Line %u · %s"), import_row->line, import_row->name);
      if (import_row->outcome == ESCALE_IMPORT_OUTCOME_REJECTED)
        {
          for (guint j = 0; j < import_row->problems->len; j++)
            g_string_append_printf (subtitle, "%s%s", j > 0 ? "\n" : "",
                                    (const char *) g_ptr_array_index (import_row->problems, j));
        }
      else if (import_row->duplicate_of != 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, import_row->duplicate_of);

          /* Translators: a participant number, then why */
          g_string_printf (subtitle, _("May be participant no. %s (%s)"), id, import_row->duplicate_reason);
        }
      else
        {
          /* Translators: a line number, then why */
          g_string_printf (subtitle, _("Repeats line %u (%s)"), import_row->duplicate_of_line,
                           import_row->duplicate_reason);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (import_row->outcome == ESCALE_IMPORT_OUTCOME_REJECTED
                                                                 ? "dialog-error-symbolic"
                                                                 : "edit-copy-symbolic"));
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
      shown++;
    }

  adw_preferences_group_set_description (self->problems_group,
                                         shown == 0 && self->report->problems->len == 0
                                           ? _("Every row can be imported.")
                                           : shown == MAX_ROWS_SHOWN ? _("The first 200 are shown; save the rejected rows to see them all.")
                                                                     : NULL);
}

static void
on_check_finished (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EscaleParticipantImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  EscaleImportReport *report;

  stop_progress (self);
  report = escale_participant_import_finish (self->import, result, &error);
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not check the file: %s", error->message);
      show_step (self, STEP_COLUMNS);
      return;
    }

  g_clear_pointer (&self->report, escale_import_report_free);
  self->report = report;

  set_row_count (self->new_row, report->n_new);
  set_row_count (self->duplicates_row, report->n_duplicates);
  set_row_count (self->already_row, report->n_already_imported);
  set_row_count (self->rejected_row, report->n_rejected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_rejected_button), report->n_rejected > 0);
  show_problem_rows (self);

  show_step (self, STEP_PREVIEW);
}

static void
on_import_finished (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EscaleParticipantImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  stop_progress (self);
  report = escale_participant_import_finish (self->import, result, &error);
  if (report == NULL)
    {
      adw_status_page_set_icon_name (self->done_page, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                                        ? "process-stop-symbolic" : "dialog-error-symbolic");
      adw_status_page_set_title (self->done_page, _("Nothing Was Imported"));
      adw_status_page_set_description (self->done_page,
                                       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                         ? _("The import was stopped before the end; the participants are as they were.")
                                         : error->message);
      show_step (self, STEP_DONE);
      return;
    }

  escale_participant_repository_notify_changed (escale_context_get_participants (self->context));

  title = g_strdup_printf (ngettext ("%u Participant Imported", "%u Participants Imported", report->n_imported),
                           report->n_imported);
  description = g_strdup_printf (_("Left out: %u likely duplicates, %u already imported, %u rejected rows. "
                                   "Record each person’s consent before sharing their file."),
                                 gtk_switch_get_active (self->duplicates_switch) ? 0 : report->n_duplicates,
                                 report->n_already_imported, report->n_rejected);
  adw_status_page_set_icon_name (self->done_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  show_step (self, STEP_DONE);
}

static void
start_work (EscaleParticipantImportDialog *self,
            gboolean                       import)
{
  GListModel *regions = escale_region_repository_get_regions (escale_context_get_regions (self->context));

  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress_permille, 0);
  self->progress_source = g_timeout_add (100, update_progress, self);
  show_step (self, import ? STEP_IMPORTING : STEP_CHECKING);

  escale_participant_import_set_include_duplicates (self->import, gtk_switch_get_active (self->duplicates_switch));
  if (import)
    escale_participant_import_run_async (self->import, escale_context_get_database (self->context), regions,
                                         self->cancellable, on_progress, self, on_import_finished,
                                         g_object_ref (self));
  else
    escale_participant_import_check_async (self->import, escale_context_get_database (self->context), regions,
                                           self->cancellable, on_progress, self, on_check_finished,
                                           g_object_ref (self));
}

static void
on_next_button_clicked (EscaleParticipantImportDialog *self)
{
  switch (self->step)
    {
    case STEP_COLUMNS:
      start_work (self, FALSE);
      break;
    case STEP_PREVIEW:
      start_work (self, TRUE);
      break;
    case STEP_DONE:
      gtk_window_close (GTK_WINDOW (self));
      break;
    case STEP_CHECKING:
    case STEP_IMPORTING:
    default:
      break;
    }
}

static void
on_cancel_button_clicked (EscaleParticipantImportDialog *self)
{
  if (self->step == STEP_PREVIEW)
    show_step (self, STEP_COLUMNS);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_stop_button_clicked (EscaleParticipantImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_rejected_chosen (GtkNativeDialog               *dialog,
                    int                            response,
                    EscaleParticipantImportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path != NULL &&
          !escale_participant_import_write_rejected (self->import, self->report, path,
                                                     escale_participant_import_get_separator (self->import), &error))
        adw_action_row_set_subtitle (self->rejected_row, error->message);
    }

  g_object_unref (dialog);
}

static void
on_save_rejected_button_clicked (EscaleParticipantImportDialog *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Rejected Rows"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of the rows an import rejected */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("rejected-rows.csv"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_rejected_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
escale_participant_import_dialog_close_request (GtkWindow *window)
{
  EscaleParticipantImportDialog *self = ESCALE_PARTICIPANT_IMPORT_DIALOG (window);

  /* Closing stops the work; the transaction is rolled back. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (escale_participant_import_dialog_parent_class)->close_request (window);
}

static void
escale_participant_import_dialog_dispose (GObject *object)
{
  EscaleParticipantImportDialog *self = (EscaleParticipantImportDialog *)object;

  stop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTICIPANT_IMPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->import);
  g_clear_pointer (&self->report, escale_import_report_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_participant_import_dialog_parent_class)->dispose (object);
}

static void
escale_participant_import_dialog_class_init (EscaleParticipantImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = escale_participant_import_dialog_dispose;
  window_class->close_request = escale_participant_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/participants/escale-participant-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, rows_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, duplicates_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, already_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, rejected_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, save_rejected_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantImportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_next_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_separator_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_save_rejected_button_clicked);
}

static void
escale_participant_import_dialog_init (EscaleParticipantImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("Commas"), _("Semicolons"), _("Tabs"), NULL });

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->separator_row, G_LIST_MODEL (names));
  self->column_rows = g_ptr_array_new ();
  self->problem_rows = g_ptr_array_new ();
}

/**
 * escale_participant_import_dialog_new:
 * @import: a file read with escale_participant_import_new()
 * @file_name: the name shown to the counsellor
 */
EscaleParticipantImportDialog *
escale_participant_import_dialog_new (EscaleContext           *context,
                                      EscaleParticipantImport *import,
                                      const char              *file_name)
{
  EscaleParticipantImportDialog *self;
  char separator;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (import), NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_IMPORT_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->import = g_object_ref (import);

  adw_window_title_set_subtitle (self->window_title, file_name);
  adw_action_row_set_subtitle (self->encoding_row,
                               escale_text_encoding_get_label (escale_participant_import_get_encoding (import)));
  separator = escale_participant_import_get_separator (import);
  adw_combo_row_set_selected (self->separator_row, separator == ';' ? 1 : separator == '\t' ? 2 : 0);
  fill_columns (self);
  show_step (self, STEP_COLUMNS);

  return self;
}

static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                EscaleContext   *context)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleParticipantImport) import = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  import = path != NULL ? escale_participant_import_new_for_file (path, &error) : NULL;

  if (import == NULL)
    {
      AdwMessageDialog *message;

      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("This File Cannot Be Imported"),
                                                            error != NULL ? error->message
                                                                          : _("Choose a file on this computer.")));
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      goto out;
    }

  {
    EscaleParticipantImportDialog *import_dialog = escale_participant_import_dialog_new (context, import, name);

    gtk_window_set_transient_for (GTK_WINDOW (import_dialog), parent);
    gtk_window_present (GTK_WINDOW (import_dialog));
  }

out:
  g_object_unref (context);
  g_object_unref (dialog);
}

/**
 * escale_participant_import_dialog_choose_file:
 * @parent: the window the dialogs belong to
 *
 * Asks for a CSV file, then shows the import dialog for it, or says why
 * the file cannot be read.
 */
void
escale_participant_import_dialog_choose_file (EscaleContext *context,
                                              GtkWindow     *parent)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();

  g_return_if_fail (ESCALE_IS_CONTEXT (context));

  dialog = gtk_file_chooser_native_new (_("Import Participants"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv_filter, _("Spreadsheet (CSV)"));
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_filter_add_suffix (csv_filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen), g_object_ref (context));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
