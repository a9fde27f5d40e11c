/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-ical-feed.h"
#include "escale-ical-private.h"

/* Subscription feeds: the calendars listed in calendar_feed, rewritten in
 * a folder the user chose (synced, or served on the web) so that people
 * subscribe once and see every change. Each file is replaced whole
 * (escale_ical_selection_write_file()), never half-written. Feeds are
 * published: no participant is ever listed as an attendee. */

/* How far back and ahead the "upcoming events" feed reaches. */
#define UPCOMING_BEFORE (31 * 24 * 3600)
#define UPCOMING_AFTER  (2 * 366 * 24 * 3600)

void
escale_ical_feed_result_free (EscaleIcalFeedResult *result)
{
  if (result == NULL)
    return;

  g_free (result->file_name);
  g_free (result->description);
  g_free (result->problem);
  g_free (result);
}

/* What a feed publishes, as a calendar to write. A visit is published
 * with its itinerary. */
static gboolean
select_feed (EscaleEventRepository   *events,
             const EscaleCalendarFeed *feed,
             gint64                    now,
             EscaleIcalSelection      *selection,
             GError                  **error)
{
  selection->id = feed->target_id;

  switch (feed->scope)
    {
    case ESCALE_FEED_SCOPE_UPCOMING:
      selection->scope = ESCALE_ICAL_SCOPE_RANGE;
      selection->from = now - UPCOMING_BEFORE;
      selection->to = now + UPCOMING_AFTER;
      return TRUE;
    case ESCALE_FEED_SCOPE_EVENT:
      {
        g_autoptr(EscaleEvent) event = escale_event_repository_load (events, feed->target_id, error);

        if (event == NULL)
          return FALSE;
        selection->scope = escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT
                           ? ESCALE_ICAL_SCOPE_VISIT : ESCALE_ICAL_SCOPE_EVENT;
        return TRUE;
      }
    case ESCALE_FEED_SCOPE_SERIES:
      selection->scope = ESCALE_ICAL_SCOPE_SERIES;
      return TRUE;
    case ESCALE_FEED_SCOPE_PARTICIPANT:
      selection->scope = ESCALE_ICAL_SCOPE_PARTICIPANT;
      return TRUE;
    case ESCALE_FEED_SCOPE_PARTNER:
      selection->scope = ESCALE_ICAL_SCOPE_PARTNER;
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* What is deleted leaves an empty calendar behind, so that subscribers'
 * copies of it go at their next refresh: a participant removed from
 * Escale must not stay in a published calendar. */
static gboolean
write_empty (gconstpointer   export,
             GOutputStream  *stream,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(EscaleIcalZones) zones = _escale_ical_zones_new ();

  return _escale_ical_export_write_head ((EscaleIcalExport *) export, zones, stream, cancellable, error) &&
         g_output_stream_write_all (stream, "END:VCALENDAR\r\n", strlen ("END:VCALENDAR\r\n"), NULL,
                                    cancellable, error);
}

static EscaleIcalFeedResult *
write_feed (const EscaleIcalSources   *sources,
            EscaleEventRepository     *events,
            const EscaleCalendarFeed  *feed,
            const char                *folder,
            gint64                     now,
            GCancellable              *cancellable)
{
  g_autoptr(EscaleIcalFeedResult) result = g_new0 (EscaleIcalFeedResult, 1);
  g_autofree char *path = g_build_filename (folder, feed->file_name, NULL);
  g_autoptr(GError) error = NULL;
  EscaleIcalSelection selection = { 0, };

  result->file_name = g_strdup (feed->file_name);
  result->description = escale_calendar_feed_describe (feed);

  if (feed->scope != ESCALE_FEED_SCOPE_UPCOMING && feed->target_name == NULL)
    _escale_ical_write_file (path, write_empty, sources->export, cancellable, &error);
  else if (select_feed (events, feed, now, &selection, &error))
    escale_ical_selection_write_file (&selection, sources, path, cancellable, &error);

  if (error != NULL)
    result->problem = g_strdup (error->message);

  return g_steal_pointer (&result);
}

/**
 * escale_ical_feeds_write:
 * @folder: the feed folder
 * @now: the time of writing, unix seconds: the "upcoming events" feed
 *   starts a month before it
 *
 * Writes every feed of the database into @folder. A feed that cannot be
 * written is reported and the others are still written; a file already
 * there stays as it was until its new version is whole.
 *
 * Returns: (transfer container) (element-type EscaleIcalFeedResult): one
 *   result per feed, by file name; %NULL with @error when the folder is
 *   not there or the feeds cannot be read
 */
GPtrArray *
escale_ical_feeds_write (EscaleEventRepository         *events,
                         EscaleEventSeriesRepository   *series,
                         EscaleRegistrationRepository  *registrations,
                         const char                    *folder,
                         gint64                         now,
                         GCancellable                  *cancellable,
                         GError                       **error)
{
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) results = NULL;
  EscaleIcalSources sources;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The feed folder “%s” does not exist"), display);
      return NULL;
    }

  feeds = escale_calendar_feed_list (escale_event_repository_get_database (events), error);
  if (feeds == NULL)
    return NULL;

  export = escale_ical_export_new (events);
  escale_ical_export_set_stamp (export, now);
  sources = (EscaleIcalSources) { export, series, registrations };

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_ical_feed_result_free);
  for (guint i = 0; i < feeds->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_ptr_array_add (results, write_feed (&sources, events, feeds->pdata[i], folder, now, cancellable));
    }

  return g_steal_pointer (&results);
}

typedef struct
{
  char *database_path;
  char *folder;
} FeedJob;

static void
feed_job_free (FeedJob *job)
{
  g_free (job->database_path);
  g_free (job->folder);
  g_free (job);
}

/* In a worker thread, on a connection of its own: WAL lets the window
 * go on reading and writing while the feeds are written. */
static void
write_feeds_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  FeedJob *job = task_data;
  g_autoptr(GError) error = NULL;
  EscaleIcalStore store;
  GPtrArray *results = NULL;

  if (_escale_ical_store_open (&store, job->database_path, &error))
    results = escale_ical_feeds_write (store.events, store.series, store.registrations, job->folder,
                                       g_get_real_time () / G_USEC_PER_SEC, cancellable, &error);
  _escale_ical_store_clear (&store);
  /* libical's ring of temporary strings is this thread's own; its zone
   * cache is shared, and stays for the program's end. */
  icalmemory_free_ring ();

  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * escale_ical_feeds_write_async:
 * @database_path: the database file, opened again in a worker thread
 * @folder: the feed folder
 *
 * Writes every feed in a worker thread; see escale_ical_feeds_write().
 */
void
escale_ical_feeds_write_async (const char          *database_path,
                               const char          *folder,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FeedJob *job;

  g_return_if_fail (database_path != NULL && folder != NULL);

  job = g_new0 (FeedJob, 1);
  job->database_path = g_strdup (database_path);
  job->folder = g_strdup (folder);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, job, (GDestroyNotify) feed_job_free);
  g_task_run_in_thread (task, write_feeds_in_thread);
}

/**
 * escale_ical_feeds_write_finish:
 *
 * Returns: (transfer container) (element-type EscaleIcalFeedResult): one
 *   result per feed; %NULL with @error
 */
GPtrArray *
escale_ical_feeds_write_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
