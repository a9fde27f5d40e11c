/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-csv-writer.h"
#include "escale-database-private.h"
#include "escale-participant-import-private.h"

/* Registrants exported from a web form or a fair's spreadsheet. The file is
 * decoded and read once; the counsellor corrects the column mapping, sees
 * every row's problems in a check that writes nothing, then imports in one
 * transaction. Rows are never shifted: a row with the wrong number of cells
 * is rejected with its line number. The rows are checked in
 * escale-participant-import-check.c, and gone over, checked or imported,
 * in escale-participant-import-pass.c. */

G_DEFINE_FINAL_TYPE (EscaleParticipantImport, escale_participant_import, G_TYPE_OBJECT)

static void
record_free (gpointer data)
{
  EscaleImportRecord *record = data;

  g_free (record->cells);
  g_free (record);
}

void
_escale_import_row_free (gpointer data)
{
  EscaleImportRow *row = data;

  g_free (row->name);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
  g_free (row->duplicate_reason);
  g_free (row);
}

void
escale_import_report_free (EscaleImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->rows);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

/* Reads the header and the rows with the current separator, and guesses
 * which column holds which field. */
static gboolean
read_records (EscaleParticipantImport  *self,
              GError                  **error)
{
  g_autoptr(EscaleCsvReader) reader = escale_csv_reader_new (self->text, self->separator);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_auto(GStrv) header = NULL;
  char **cells = NULL;
  guint line;
  guint n_columns;

  if (!escale_csv_reader_next (reader, &header, &line, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }

  while (escale_csv_reader_next_packed (reader, &cells, &line, error))
    {
      EscaleImportRecord *record;

      if (_escale_import_cells_are_blank ((const char * const *) cells))
        {
          g_free (cells);
          continue;
        }

      record = g_new0 (EscaleImportRecord, 1);
      record->line = line;
      record->cells = cells;
      g_ptr_array_add (records, record);
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_free);

  n_columns = g_strv_length (header);
  self->fields = g_new (int, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      EscaleParticipantField field;

      self->fields[i] = -1;
      if (!escale_participant_field_guess (header[i], &field))
        continue;

      /* A second "Téléphone" column is the other phone; any other field
       * named twice keeps its first column. */
      for (guint j = 0; j < i; j++)
        {
          if (self->fields[j] == (int) field)
            field = field == ESCALE_PARTICIPANT_FIELD_PHONE ? ESCALE_PARTICIPANT_FIELD_OTHER_PHONE
                                                            : ESCALE_N_PARTICIPANT_FIELDS;
        }
      for (guint j = 0; j < i && field != ESCALE_N_PARTICIPANT_FIELDS; j++)
        {
          if (self->fields[j] == (int) field)
            field = ESCALE_N_PARTICIPANT_FIELDS;
        }

      if (field != ESCALE_N_PARTICIPANT_FIELDS)
        self->fields[i] = field;
    }

  self->header = g_steal_pointer (&header);
  self->records = g_steal_pointer (&records);
  return TRUE;
}

static void
escale_participant_import_finalize (GObject *object)
{
  EscaleParticipantImport *self = (EscaleParticipantImport *)object;

  g_free (self->text);
  g_strfreev (self->header);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_free (self->fields);

  G_OBJECT_CLASS (escale_participant_import_parent_class)->finalize (object);
}

static void
escale_participant_import_class_init (EscaleParticipantImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_participant_import_finalize;
}

static void
escale_participant_import_init (EscaleParticipantImport *self)
{
}

/**
 * escale_participant_import_new:
 * @contents: the file as it is on disk
 *
 * Decodes the file (UTF-8 with or without BOM, UTF-16 with BOM,
 * Windows-1252), guesses its separator and its columns.
 *
 * Returns: (transfer full): the import, or %NULL with an
 *   #ESCALE_IMPORT_ERROR when the file cannot be read at all
 */
EscaleParticipantImport *
escale_participant_import_new (GBytes  *contents,
                               GError **error)
{
  g_autoptr(EscaleParticipantImport) self = NULL;

  g_return_val_if_fail (contents != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_IMPORT, NULL);
  self->text = escale_text_decode (contents, &self->encoding, error);
  if (self->text == NULL)
    return NULL;

  self->separator = escale_csv_sniff_separator (self->text);
  if (!read_records (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

EscaleParticipantImport *
escale_participant_import_new_for_file (const char  *path,
                                        GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  contents = g_mapped_file_get_bytes (file);
  return escale_participant_import_new (contents, error);
}

EscaleTextEncoding
escale_participant_import_get_encoding (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), ESCALE_TEXT_ENCODING_UTF8);
  return self->encoding;
}

char
escale_participant_import_get_separator (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), ',');
  return self->separator;
}

/**
 * escale_participant_import_set_separator:
 *
 * Reads the file again with another separator, when the guess was wrong.
 * The column mapping is guessed again.
 */
gboolean
escale_participant_import_set_separator (EscaleParticipantImport  *self,
                                         char                      separator,
                                         GError                  **error)
{
  char previous;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), FALSE);
  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', FALSE);

  previous = self->separator;
  self->separator = separator;
  if (!read_records (self, error))
    {
      self->separator = previous;
      return FALSE;
    }

  return TRUE;
}

guint
escale_participant_import_get_n_columns (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), 0);
  return g_strv_length (self->header);
}

guint
escale_participant_import_get_n_rows (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), 0);
  return self->records->len;
}

const char *
escale_participant_import_get_header (EscaleParticipantImport *self,
                                      guint                    column)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (column < g_strv_length (self->header), NULL);
  return self->header[column];
}

/**
 * escale_participant_import_get_cell:
 * @row: a data row, from 0
 *
 * Returns: (nullable): the cell as read, for a preview; %NULL past the
 *   end of a short row
 */
const char *
escale_participant_import_get_cell (EscaleParticipantImport *self,
                                    guint                    row,
                                    guint                    column)
{
  const EscaleImportRecord *record;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->records->len, NULL);

  record = g_ptr_array_index (self->records, row);
  return column < g_strv_length (record->cells) ? record->cells[column] : NULL;
}

/**
 * escale_participant_import_get_column_field:
 *
 * Returns: the #EscaleParticipantField the column is read into, or -1 when
 *   the column is left out
 */
int
escale_participant_import_get_column_field (EscaleParticipantImport *self,
                                            guint                    column)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), -1);
  g_return_val_if_fail (column < g_strv_length (self->header), -1);
  return self->fields[column];
}

/**
 * escale_participant_import_set_column_field:
 * @field: an #EscaleParticipantField, or -1 to leave the column out
 *
 * Corrects the guessed mapping. A field goes to one column only: another
 * column that had it is left out.
 */
void
escale_participant_import_set_column_field (EscaleParticipantImport *self,
                                            guint                    column,
                                            int                      field)
{
  guint n_columns;

  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  n_columns = g_strv_length (self->header);
  g_return_if_fail (column < n_columns);
  g_return_if_fail (field >= -1 && field < ESCALE_N_PARTICIPANT_FIELDS);

  for (guint i = 0; i < n_columns && field >= 0; i++)
    {
      if (self->fields[i] == field)
        self->fields[i] = -1;
    }
  self->fields[column] = field;
}

/**
 * escale_participant_import_set_include_duplicates:
 * @include: whether rows that look like known people are imported too,
 *   so that the counsellor merges them afterwards
 */
void
escale_participant_import_set_include_duplicates (EscaleParticipantImport *self,
                                                  gboolean                 include)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  self->include_duplicates = !!include;
}

/**
 * escale_participant_import_check:
 * @regions: (nullable): the list of EscaleRegion, to read region names
 * @progress: (nullable): told how far the check is
 *
 * Reads every row as the import would, and writes nothing: the preview.
 *
 * Returns: (transfer full): the report, or %NULL when cancelled or when the
 *   database cannot be read
 */
EscaleImportReport *
escale_participant_import_check (EscaleParticipantImport      *self,
                                 EscaleParticipantRepository  *participants,
                                 GListModel                   *regions,
                                 GCancellable                 *cancellable,
                                 EscaleImportProgress          progress,
                                 gpointer                      user_data,
                                 GError                      **error)
{
  g_autoptr(EscaleImportChecker) checker = NULL;
  EscaleDatabase *database;
  EscaleImportReport *report;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), NULL);

  database = escale_participant_repository_get_database (participants);
  checker = _escale_import_checker_new (self, regions);

  /* One read transaction: a consistent view, and no lock taken per row. */
  if (!_escale_import_checker_load_known (checker, database, error) ||
      !_escale_database_begin_read (database, error))
    return NULL;

  report = _escale_import_checker_load_imported (checker, database, error)
             ? _escale_participant_import_pass (self, checker, participants, FALSE, 0,
                                                cancellable, progress, user_data, error)
             : NULL;
  escale_database_rollback (database);

  return report;
}

/**
 * escale_participant_import_run:
 *
 * Imports the rows without problems in one transaction: new people, and
 * likely duplicates when asked for. Rows imported before are skipped, so
 * importing the same file twice adds nobody the second time. Nobody gets
 * consent from an import: it is recorded later, with the person.
 *
 * Returns: (transfer full): the report, or %NULL with nothing written
 */
EscaleImportReport *
escale_participant_import_run (EscaleParticipantImport      *self,
                               EscaleParticipantRepository  *participants,
                               GListModel                   *regions,
                               GCancellable                 *cancellable,
                               EscaleImportProgress          progress,
                               gpointer                      user_data,
                               GError                      **error)
{
  g_autoptr(EscaleImportChecker) checker = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  EscaleDatabase *database;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), NULL);

  database = escale_participant_repository_get_database (participants);
  checker = _escale_import_checker_new (self, regions);

  if (!_escale_import_checker_load_known (checker, database, error) ||
      !escale_database_begin (database, error))
    return NULL;

  if (_escale_import_checker_load_imported (checker, database, error))
    report = _escale_participant_import_pass (self, checker, participants, TRUE, now,
                                              cancellable, progress, user_data, error);
  if (report == NULL || report->problems->len > 0)
    {
      escale_database_rollback (database);
      return g_steal_pointer (&report);
    }

  if (!escale_database_commit (database, error))
    {
      escale_database_rollback (database);
      return NULL;
    }

  report->committed = TRUE;
  _escale_participant_repository_emit_changed (participants);
  return g_steal_pointer (&report);
}

typedef struct
{
  char                 *database_path;
  GListModel           *regions;
  gboolean              import;
  EscaleImportProgress  progress;
  gpointer              progress_data;
} ThreadWork;

static void
thread_work_free (gpointer data)
{
  ThreadWork *work = data;

  g_free (work->database_path);
  g_clear_object (&work->regions);
  g_free (work);
}

/* The worker has a connection of its own: the window's connection keeps
 * reading committed data while the import writes. */
static void
work_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EscaleParticipantImport *self = source_object;
  ThreadWork *work = task_data;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  EscaleImportReport *report = NULL;
  GError *error = NULL;

  database = escale_database_open (work->database_path, &error);
  if (database != NULL)
    participants = escale_participant_repository_new (database, &error);
  if (participants != NULL)
    report = work->import
               ? escale_participant_import_run (self, participants, work->regions, cancellable,
                                                work->progress, work->progress_data, &error)
               : escale_participant_import_check (self, participants, work->regions, cancellable,
                                                  work->progress, work->progress_data, &error);

  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) escale_import_report_free);
  else
    g_task_return_error (task, error);
}

static void
start_in_thread (EscaleParticipantImport *self,
                 gboolean                 import,
                 EscaleDatabase          *database,
                 GListModel              *regions,
                 GCancellable            *cancellable,
                 EscaleImportProgress     progress,
                 gpointer                 progress_data,
                 GAsyncReadyCallback      callback,
                 gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ThreadWork *work = g_new0 (ThreadWork, 1);

  work->database_path = g_strdup (escale_database_get_path (database));
  work->regions = regions != NULL ? g_object_ref (regions) : NULL;
  work->import = import;
  work->progress = progress;
  work->progress_data = progress_data;

  g_task_set_task_data (task, work, thread_work_free);
  g_task_run_in_thread (task, work_in_thread);
}

/**
 * escale_participant_import_check_async:
 * @database: the open database; the check reads it through a connection
 *   of its own, in another thread
 * @progress: (nullable): called from that thread
 *
 * Like escale_participant_import_check(), for a window. Do not change the
 * import until the check is finished.
 */
void
escale_participant_import_check_async (EscaleParticipantImport *self,
                                       EscaleDatabase          *database,
                                       GListModel              *regions,
                                       GCancellable            *cancellable,
                                       EscaleImportProgress     progress,
                                       gpointer                 progress_data,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (ESCALE_IS_DATABASE (database));

  start_in_thread (self, FALSE, database, regions, cancellable, progress, progress_data, callback, user_data);
}

/**
 * escale_participant_import_run_async:
 *
 * Like escale_participant_import_run(), in another thread with its own
 * connection. Once it is finished, call
 * escale_participant_repository_notify_changed() on the window's
 * repository so that its lists show the new people.
 */
void
escale_participant_import_run_async (EscaleParticipantImport *self,
                                     EscaleDatabase          *database,
                                     GListModel              *regions,
                                     GCancellable            *cancellable,
                                     EscaleImportProgress     progress,
                                     gpointer                 progress_data,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (ESCALE_IS_DATABASE (database));

  start_in_thread (self, TRUE, database, regions, cancellable, progress, progress_data, callback, user_data);
}

/**
 * escale_participant_import_finish:
 *
 * Ends a check or an import started in another thread.
 *
 * Returns: (transfer full): the report, or %NULL with the error
 */
EscaleImportReport *
escale_participant_import_finish (EscaleParticipantImport  *self,
                                  GAsyncResult             *result,
                                  GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
join_problems (const EscaleImportRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) row->problems->pdata[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * escale_participant_import_write_rejected:
 * @path: the CSV file to write
 *
 * Writes the rejected rows as they were, after their line number and
 * before what is wrong with them, so that the counsellor fixes them in a
 * spreadsheet and imports the fixed file.
 */
gboolean
escale_participant_import_write_rejected (EscaleParticipantImport  *self,
                                          EscaleImportReport       *report,
                                          const char               *path,
                                          char                      separator,
                                          GError                  **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(EscaleCsvWriter) writer = escale_csv_writer_new (stream, separator);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) contents = NULL;
  guint n_columns;
  guint width;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), FALSE);
  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  n_columns = g_strv_length (self->header);
  width = n_columns;
  for (guint i = 0; i < report->rows->len; i++)
    {
      const EscaleImportRecord *record = self->records->pdata[i];
      EscaleImportRow *row = report->rows->pdata[i];

      if (row->outcome == ESCALE_IMPORT_OUTCOME_REJECTED)
        width = MAX (width, g_strv_length (record->cells));
    }

  g_ptr_array_add (cells, g_strdup (_("Line")));
  for (guint i = 0; i < width; i++)
    g_ptr_array_add (cells, g_strdup (i < n_columns ? self->header[i] : ""));
  g_ptr_array_add (cells, g_strdup (_("Problems")));
  if (!escale_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error))
    return FALSE;

  for (guint i = 0; i < report->rows->len; i++)
    {
      EscaleImportRow *row = report->rows->pdata[i];
      const EscaleImportRecord *record = self->records->pdata[i];

      if (row->outcome != ESCALE_IMPORT_OUTCOME_REJECTED)
        continue;

      /* Every row as wide as the header, so that "Problems" stays in its
       * column: short rows are padded, the extra cells of long ones go in
       * columns of their own. */
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->line));
      for (guint j = 0; j < width; j++)
        g_ptr_array_add (cells, g_strdup (j < g_strv_length (record->cells) ? record->cells[j] : ""));
      g_ptr_array_add (cells, join_problems (row));

      if (!escale_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error))
        return FALSE;
    }

  if (!g_output_stream_close (stream, NULL, error))
    return FALSE;

  contents = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return escale_csv_write_file (path, contents, error);
}
