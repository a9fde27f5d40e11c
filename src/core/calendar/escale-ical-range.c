/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-event-range.h"
#include "escale-ical-private.h"
#include "escale-region-repository.h"

/* Every event of a date range, of any size: the rows are read one at a
 * time (escale_event_repository_read_range()) and each entry is written
 * and freed before the next row, so memory stays flat at 100,000 events.
 * The VTIMEZONEs, which must come first, are known from a summary query
 * read before the rows. For a window, the same runs in a thread of its own
 * with its own connection, into a temporary file renamed at the end. */

typedef void (*ProgressHook) (guint    done,
                              guint    total,
                              gpointer data);

typedef struct
{
  EscaleIcalExport       *export;
  EscaleIcalEntryContext  context;
  GOutputStream          *stream;
  GCancellable           *cancellable;
  ProgressHook            progress;
  gpointer                progress_data;
  guint                   done;
  guint                   total;
} RangeWriter;

static gboolean
on_range_summary (const EscaleEventRangeSummary  *summary,
                  gpointer                        user_data,
                  GError                        **error)
{
  RangeWriter *writer = user_data;
  g_autoptr(EscaleIcalZones) zones = _escale_ical_zones_new ();

  if (writer->context.method == ESCALE_ICAL_METHOD_CANCEL && summary->n_not_cancelled > 0)
    {
      g_set_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_CANCELLED,
                   ngettext ("%u event of the range is not cancelled: cancel it first, then send the cancellation",
                             "%u events of the range are not cancelled: cancel them first, then send the cancellation",
                             summary->n_not_cancelled),
                   summary->n_not_cancelled);
      return FALSE;
    }

  for (guint i = 0; i < summary->n_zones; i++)
    _escale_ical_zones_add (zones, summary->zones[i].tzid, summary->zones[i].first, summary->zones[i].last);
  writer->total = summary->n_entries;

  return _escale_ical_export_write_head (writer->export, zones, writer->stream, writer->cancellable, error);
}

static gboolean
on_range_event (EscaleEvent            *event,
                const EscaleEventHost  *host,
                gpointer                user_data,
                GError                **error)
{
  RangeWriter *writer = user_data;
  GListModel *stops = escale_event_get_stops (event);

  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error) ||
      !_escale_ical_write_range_event (&writer->context, event, host, writer->stream, writer->cancellable, error))
    return FALSE;

  writer->done += 1;
  if (escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT)
    {
      for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
        {
          g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

          writer->done += escale_itinerary_stop_get_starts_at (stop) > 0;
        }
    }
  if (writer->progress != NULL)
    writer->progress (MIN (writer->done, writer->total), writer->total, writer->progress_data);

  return TRUE;
}

static gboolean
write_range (EscaleIcalExport  *self,
             gint64             from,
             gint64             to,
             GOutputStream     *stream,
             ProgressHook       progress,
             gpointer           progress_data,
             GCancellable      *cancellable,
             GError           **error)
{
  static const EscaleEventRangeReader reader = {
    .summary = on_range_summary,
    .event = on_range_event,
  };
  RangeWriter writer = {
    .export = self,
    .context = _escale_ical_export_entry_context (self),
    .stream = stream,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
  };

  return escale_event_repository_read_range (_escale_ical_export_get_events (self), from, to, &reader, &writer, error) &&
         _escale_ical_write_text (stream, "END:VCALENDAR\r\n", cancellable, error);
}

/**
 * escale_ical_export_range:
 * @from: the first instant an event may end at (unix seconds)
 * @to: the last instant an event may start at
 * @stream: where the calendar is written; left open
 *
 * Writes every dated event that overlaps @from to @to, by start, each
 * followed by its stops when it is a visit (their own entries, with a
 * RELATED-TO the visit, as in escale_ical_export_visit()). The events are
 * read one row at a time and written as they come: memory does not grow
 * with the range. @cancellable is checked between entries. The calendar
 * may be empty. With %ESCALE_ICAL_METHOD_CANCEL, every event of the range
 * must be cancelled (%ESCALE_ICAL_ERROR_NOT_CANCELLED otherwise, before
 * anything is written).
 */
gboolean
escale_ical_export_range (EscaleIcalExport  *self,
                          gint64             from,
                          gint64             to,
                          GOutputStream     *stream,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (from <= to, FALSE);

  return write_range (self, from, to, stream, NULL, NULL, cancellable, error);
}

/* What the thread needs; nothing in it is shared with the caller's
 * thread but the progress report's target, used only in the caller's
 * main context. */
typedef struct
{
  char                   *database_path;
  EscaleIcalMethod        method;
  gint64                  stamp;
  gboolean                attendees;
  gint64                  from;
  gint64                  to;
  GFile                  *file;
  GMainContext           *context;
  EscaleIcalProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_notify;
  guint                   reported;      /* per mille, in the thread */
} RangeWork;

static void
range_work_free (gpointer data)
{
  RangeWork *work = data;

  g_free (work->database_path);
  g_object_unref (work->file);
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
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->task);
  g_free (report);
}

/* In the caller's main context; a report still queued when the export
 * ended is dropped, so the caller hears nothing after its callback. */
static gboolean
deliver_report (gpointer data)
{
  Report *report = data;
  RangeWork *work = g_task_get_task_data (report->task);

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
  GTask *task = data;
  RangeWork *work = g_task_get_task_data (task);
  guint per_mille = total > 0 ? (guint) ((guint64) done * 1000 / total) : 1000;
  Report *report;

  if (per_mille <= work->reported && done < total)
    return;
  work->reported = per_mille;

  report = g_new (Report, 1);
  report->task = g_object_ref (task);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (work->context, G_PRIORITY_DEFAULT, deliver_report, report, report_free);
}

/* A file next to @file, of a name nobody else uses. GLib's own
 * g_file_replace() writes a file that does not exist yet in place, so that
 * a cancelled export would leave half a calendar there. */
static GFileOutputStream *
create_temporary (GFile   *file,
                  GFile  **temporary,
                  GError **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);

  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream = g_file_create (candidate, G_FILE_CREATE_NONE, NULL, &local_error);

      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&candidate);
          return stream;
        }
      if (attempt >= 8 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *display = g_file_get_parse_name (file);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Cannot write “%s”: %s"), display, local_error->message);
          return NULL;
        }
    }
}

static EscaleIcalExport *
open_export (RangeWork  *work,
             GError    **error)
{
  g_autoptr(EscaleDatabase) database = escale_database_open (work->database_path, error);
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleIcalExport) export = NULL;

  if (database == NULL || !escale_database_limit_memory (database, error))
    return NULL;
  events = escale_event_repository_new (database);
  export = escale_ical_export_new (events);
  escale_ical_export_set_method (export, work->method);
  escale_ical_export_set_stamp (export, work->stamp);
  if (work->attendees)
    {
      g_autoptr(EscaleParticipantRepository) participants = escale_participant_repository_new (database, error);
      g_autoptr(EscaleRegionRepository) regions = NULL;
      g_autoptr(EscaleRegistrationRepository) registrations = NULL;

      if (participants == NULL || (regions = escale_region_repository_new (database, error)) == NULL)
        return NULL;
      registrations = escale_registration_repository_new (participants, escale_region_repository_get_regions (regions));
      escale_ical_export_set_attendees (export, registrations, participants);
    }

  return g_steal_pointer (&export);
}

static void
export_range_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  RangeWork *work = task_data;
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  GError *error = NULL;
  gboolean written;

  export = open_export (work, &error);
  if (export == NULL || (file_stream = create_temporary (work->file, &temporary, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 256 * 1024);
  written = write_range (export, work->from, work->to, stream, work->progress != NULL ? queue_report : NULL, task,
                         cancellable, &error) &&
            g_output_stream_close (stream, cancellable, &error) &&
            g_file_move (temporary, work->file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                         cancellable, NULL, NULL, &error);
  if (!written)
    {
      g_output_stream_close (stream, NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * escale_ical_export_range_async:
 * @from: as escale_ical_export_range() takes it
 * @to: as escale_ical_export_range() takes it
 * @file: the calendar file, created or replaced
 * @progress: (nullable) (scope notified): told of the entries written,
 *   in the thread-default main context of the caller, at most a thousand
 *   times, and never after @callback
 * @progress_data: (closure progress): for @progress
 * @progress_notify: (destroy progress_data): frees @progress_data
 *
 * Like escale_ical_export_range(), for a window: the range is written in
 * another thread, with a connection of its own to the same database
 * file, into a temporary file next to @file that is renamed over it at
 * the end. An export that fails or is cancelled leaves @file as it was
 * and no temporary file behind. The export's method, stamp and attendees
 * are those set when this is called.
 */
void
escale_ical_export_range_async (EscaleIcalExport       *self,
                                gint64                  from,
                                gint64                  to,
                                GFile                  *file,
                                EscaleIcalProgressFunc  progress,
                                gpointer                progress_data,
                                GDestroyNotify          progress_notify,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  EscaleIcalEntryContext context;
  RangeWork *work;

  g_return_if_fail (ESCALE_IS_ICAL_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (from <= to);

  context = _escale_ical_export_entry_context (self);
  work = g_new0 (RangeWork, 1);
  work->database_path = g_strdup (escale_database_get_path (escale_event_repository_get_database (_escale_ical_export_get_events (self))));
  work->method = context.method;
  work->stamp = context.stamp;
  work->attendees = context.registrations != NULL;
  work->from = from;
  work->to = to;
  work->file = g_object_ref (file);
  work->context = g_main_context_ref_thread_default ();
  work->progress = progress;
  work->progress_data = progress_data;
  work->progress_notify = progress_notify;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_task_data (task, work, range_work_free);
  g_task_run_in_thread (task, export_range_in_thread);
}

/**
 * escale_ical_export_range_finish:
 *
 * Returns: %TRUE when the file was written, %FALSE with @error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
gboolean
escale_ical_export_range_finish (EscaleIcalExport  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
