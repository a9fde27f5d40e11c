/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-event-range.h"
#include "escale-ical-private.h"

/* Every event of a date range, of any size: the rows are read one at a
 * time (escale_event_repository_read_range()) and each entry is written
 * and freed before the next row, so memory stays flat at 100,000 events.
 * The VTIMEZONEs, which must come first, are known from a summary query
 * read before the rows. For a window, escale_ical_export_write_file_async()
 * runs the same in a thread of its own with its own connection. */

typedef struct
{
  EscaleIcalExport       *export;
  EscaleIcalEntryContext  context;
  GOutputStream          *stream;
  GCancellable           *cancellable;
  EscaleIcalProgressFunc  progress;
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
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u event of the range is not cancelled: cancel it first, then send the cancellation",
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

/* escale_ical_export_range(), telling @progress of each entry written,
 * in the writing thread. */
gboolean
_escale_ical_export_range_with_progress (EscaleIcalExport        *self,
                                         gint64                   from,
                                         gint64                   to,
                                         GOutputStream           *stream,
                                         EscaleIcalProgressFunc   progress,
                                         gpointer                 progress_data,
                                         GCancellable            *cancellable,
                                         GError                 **error)
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

  return _escale_ical_export_range_with_progress (self, from, to, stream, NULL, NULL, cancellable, error);
}
