/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "escale-ical-file.h"
#include "escale-ical-private.h"

/* A chosen calendar, written to a stream or to a file that is replaced
 * whole: the command line's exports and the subscription feeds share it. */

/**
 * escale_ical_selection_write:
 * @stream: where the calendar is written; left open
 *
 * Writes the calendar @selection names, with the method and attendees
 * set on @sources' export.
 *
 * Returns: %FALSE with @error when what is selected does not exist or
 *   writing fails
 */
gboolean
escale_ical_selection_write (const EscaleIcalSelection  *selection,
                             const EscaleIcalSources    *sources,
                             GOutputStream              *stream,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  g_return_val_if_fail (selection != NULL && sources != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (sources->export), FALSE);

  switch (selection->scope)
    {
    case ESCALE_ICAL_SCOPE_EVENT:
      return escale_ical_export_event (sources->export, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_VISIT:
      return escale_ical_export_visit (sources->export, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_SERIES:
      return escale_ical_export_series (sources->export, sources->series, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_PARTICIPANT:
      return escale_ical_export_participant (sources->export, sources->registrations, selection->id, stream,
                                             cancellable, error);
    case ESCALE_ICAL_SCOPE_PARTNER:
      return escale_ical_export_partner (sources->export, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_RANGE:
      return escale_ical_export_range (sources->export, selection->from, selection->to, stream, cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
_escale_ical_store_open (EscaleIcalStore  *store,
                         const char       *database_path,
                         GError          **error)
{
  *store = (EscaleIcalStore) { NULL, };

  store->database = escale_database_open (database_path, error);
  if (store->database != NULL)
    store->regions = escale_region_repository_new (store->database, error);
  if (store->regions != NULL)
    store->participants = escale_participant_repository_new (store->database, error);
  if (store->participants == NULL)
    {
      _escale_ical_store_clear (store);
      return FALSE;
    }

  store->events = escale_event_repository_new (store->database);
  store->series = escale_event_series_repository_new (store->events);
  store->registrations = escale_registration_repository_new (store->participants,
                                                             escale_region_repository_get_regions (store->regions));
  return TRUE;
}

void
_escale_ical_store_clear (EscaleIcalStore *store)
{
  g_clear_object (&store->registrations);
  g_clear_object (&store->series);
  g_clear_object (&store->events);
  g_clear_object (&store->participants);
  g_clear_object (&store->regions);
  g_clear_object (&store->database);
}

static gboolean
fail_with_errno (const char  *path,
                 int          saved,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Cannot write “%s”: %s"), display, g_strerror (saved));
  return FALSE;
}

/* Writes to a hidden file next to @path, then renames it over @path: a
 * calendar application or a web server reading the file never sees half a
 * calendar, and a failed or cancelled export leaves the previous file as
 * it was. */
gboolean
_escale_ical_write_file (const char        *path,
                         EscaleIcalWriter   writer,
                         gconstpointer      data,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *hidden = g_strconcat (".", name, ".XXXXXX", NULL);
  g_autofree char *temporary = g_build_filename (folder, hidden, NULL);
  g_autoptr(GOutputStream) file = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  gboolean written;
  int fd;

  fd = g_mkstemp_full (temporary, O_WRONLY, 0644);
  if (fd < 0)
    return fail_with_errno (path, errno, error);

  file = g_unix_output_stream_new (fd, TRUE);
  /* One write per entry otherwise: 200,000 for a large range. */
  stream = g_buffered_output_stream_new_sized (file, 256 * 1024);
  written = writer (data, stream, cancellable, error) &&
            g_output_stream_close (stream, cancellable, error);
  if (written && g_rename (temporary, path) != 0)
    written = fail_with_errno (path, errno, error);
  if (!written)
    g_unlink (temporary);

  return written;
}

typedef struct
{
  const EscaleIcalSelection *selection;
  const EscaleIcalSources   *sources;
} SelectionWriter;

static gboolean
write_selection (gconstpointer   data,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  const SelectionWriter *writer = data;

  return escale_ical_selection_write (writer->selection, writer->sources, stream, cancellable, error);
}

/**
 * escale_ical_selection_write_file:
 * @path: the calendar file, created or replaced
 *
 * Writes the calendar to @path, replacing it whole or not at all: a
 * calendar application or a web server reading the file never sees half a
 * calendar, and a failed or cancelled export leaves the previous file as
 * it was.
 *
 * Returns: %FALSE with @error, @path untouched, when writing fails
 */
gboolean
escale_ical_selection_write_file (const EscaleIcalSelection  *selection,
                                  const EscaleIcalSources    *sources,
                                  const char                 *path,
                                  GCancellable               *cancellable,
                                  GError                    **error)
{
  SelectionWriter writer = { selection, sources };

  g_return_val_if_fail (path != NULL, FALSE);

  return _escale_ical_write_file (path, write_selection, &writer, cancellable, error);
}

/* What the worker thread needs; nothing in it is shared with the caller's
 * thread but the progress report's target, used only in the caller's
 * main context. */
typedef struct
{
  EscaleIcalSelection     selection;
  char                   *database_path;
  EscaleIcalMethod        method;
  gint64                  stamp;
  gboolean                attendees;
  char                   *path;
  GMainContext           *context;
  EscaleIcalProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_notify;
  guint                   reported;      /* per mille, in the thread */
  GTask                  *task;          /* weak: the task owns this */
  EscaleIcalSources       sources;       /* in the thread */
} FileWork;

static void
file_work_free (FileWork *work)
{
  g_free (work->database_path);
  g_free (work->path);
  g_main_context_unref (work->context);
  if (work->progress_notify != NULL)
    work->progress_notify (work->progress_data);
  g_free (work);
}

typedef struct
{
  GTask *task;
  guint  done;
  guint  total;
} Report;

static void
report_free (Report *report)
{
  g_object_unref (report->task);
  g_free (report);
}

/* In the caller's main context; a report still queued when the export
 * ended is dropped, so the caller hears nothing after its callback. */
static gboolean
deliver_report (gpointer data)
{
  Report *report = data;
  FileWork *work = g_task_get_task_data (report->task);

  if (!g_task_get_completed (report->task))
    work->progress (report->done, report->total, work->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the thread: at most a thousand reports, however large the range. */
static void
queue_report (guint    done,
              guint    total,
              gpointer data)
{
  FileWork *work = data;
  guint per_mille = total > 0 ? (guint) ((guint64) done * 1000 / total) : 1000;
  Report *report;

  if (per_mille <= work->reported && done < total)
    return;
  work->reported = per_mille;

  report = g_new (Report, 1);
  report->task = g_object_ref (work->task);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (work->context, G_PRIORITY_DEFAULT, deliver_report, report,
                              (GDestroyNotify) report_free);
}

static gboolean
write_work (gconstpointer   data,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  const FileWork *work = data;

  if (work->selection.scope == ESCALE_ICAL_SCOPE_RANGE)
    return _escale_ical_export_range_with_progress (work->sources.export, work->selection.from, work->selection.to,
                                                    stream, work->progress != NULL ? queue_report : NULL,
                                                    (gpointer) work, cancellable, error);

  return escale_ical_selection_write (&work->selection, &work->sources, stream, cancellable, error);
}

static void
write_file_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  FileWork *work = task_data;
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GError) error = NULL;
  EscaleIcalStore store;
  gboolean written = FALSE;

  /* A range of any size is streamed: the connection's memory should not
   * grow with the database either. */
  if (_escale_ical_store_open (&store, work->database_path, &error) &&
      escale_database_limit_memory (store.database, &error))
    {
      export = escale_ical_export_new (store.events);
      escale_ical_export_set_method (export, work->method);
      escale_ical_export_set_stamp (export, work->stamp);
      if (work->attendees)
        escale_ical_export_set_attendees (export, store.registrations, store.participants);
      work->sources = (EscaleIcalSources) { export, store.series, store.registrations };
      written = _escale_ical_write_file (work->path, write_work, work, cancellable, &error);
      work->sources = (EscaleIcalSources) { NULL, };
    }
  g_clear_object (&export);
  _escale_ical_store_clear (&store);
  /* libical's ring of temporary strings is this thread's own. */
  icalmemory_free_ring ();

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * escale_ical_export_write_file_async:
 * @selection: the calendar to write
 * @path: the calendar file, replaced whole or not at all
 * @progress: (nullable) (scope notified): told of the entries of a range
 *   written, in the thread-default main context of the caller, at most a
 *   thousand times, and never after @callback
 * @progress_data: (closure progress): for @progress
 * @progress_notify: (destroy progress_data): frees @progress_data
 *
 * Writes a calendar to a file for a window: in a worker thread, with a
 * connection of its own to the same database file, through
 * escale_ical_selection_write_file(). A write that fails or is cancelled
 * leaves @path as it was and no temporary file behind. The export's
 * method, stamp and attendees are those set when this is called.
 */
void
escale_ical_export_write_file_async (EscaleIcalExport          *self,
                                     const EscaleIcalSelection *selection,
                                     const char                *path,
                                     EscaleIcalProgressFunc     progress,
                                     gpointer                   progress_data,
                                     GDestroyNotify             progress_notify,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  EscaleIcalEntryContext context;
  EscaleDatabase *database;
  FileWork *work;

  g_return_if_fail (ESCALE_IS_ICAL_EXPORT (self));
  g_return_if_fail (selection != NULL && path != NULL);

  context = _escale_ical_export_entry_context (self);
  database = escale_event_repository_get_database (_escale_ical_export_get_events (self));
  work = g_new0 (FileWork, 1);
  work->selection = *selection;
  work->database_path = g_strdup (escale_database_get_path (database));
  work->method = context.method;
  work->stamp = context.stamp;
  work->attendees = context.registrations != NULL;
  work->path = g_strdup (path);
  work->context = g_main_context_ref_thread_default ();
  work->progress = progress;
  work->progress_data = progress_data;
  work->progress_notify = progress_notify;

  task = g_task_new (self, cancellable, callback, user_data);
  work->task = task;
  g_task_set_task_data (task, work, (GDestroyNotify) file_work_free);
  g_task_run_in_thread (task, write_file_in_thread);
}

/**
 * escale_ical_export_write_file_finish:
 *
 * Returns: %TRUE when the file was written, %FALSE with @error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
gboolean
escale_ical_export_write_file_finish (EscaleIcalExport  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
