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

typedef struct
{
  EscaleIcalSelection  selection;
  EscaleIcalMethod     method;
  gboolean             attendees;
  char                *database_path;
  char                *path;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

static void
write_file_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GError) error = NULL;
  EscaleIcalStore store;
  gboolean written = FALSE;

  if (_escale_ical_store_open (&store, job->database_path, &error))
    {
      EscaleIcalSources sources = { NULL, store.series, store.registrations };

      export = escale_ical_export_new (store.events);
      escale_ical_export_set_method (export, job->method);
      if (job->attendees)
        escale_ical_export_set_attendees (export, store.registrations, store.participants);
      sources.export = export;
      written = escale_ical_selection_write_file (&job->selection, &sources, job->path, cancellable, &error);
    }
  g_clear_object (&export);
  _escale_ical_store_clear (&store);
  icalmemory_free_ring ();

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * escale_ical_selection_write_file_async:
 * @method: the calendar's method
 * @attendees: whether registered participants with an address are listed
 * @database_path: the database file, opened again in a worker thread
 * @path: the calendar file, replaced whole or not at all
 *
 * Writes a calendar to a file in a worker thread, on a connection of its
 * own, so that the window goes on while a large calendar is written; see
 * escale_ical_selection_write_file(). Cancelling leaves @path as it was.
 */
void
escale_ical_selection_write_file_async (const EscaleIcalSelection *selection,
                                        EscaleIcalMethod           method,
                                        gboolean                   attendees,
                                        const char                *database_path,
                                        const char                *path,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (selection != NULL && database_path != NULL && path != NULL);

  job = g_new0 (FileJob, 1);
  job->selection = *selection;
  job->method = method;
  job->attendees = attendees;
  job->database_path = g_strdup (database_path);
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, write_file_in_thread);
}

gboolean
escale_ical_selection_write_file_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
