/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-ical-import-private.h"

/* Imports a partner's .ics file into that partner's read-only agenda, in
 * one transaction: the file read and checked whole before anything is
 * written (an empty, truncated or foreign file changes nothing), entries
 * deduplicated, overrides matched with their series, then each entry
 * added or updated by UID and RECURRENCE-ID and the ones the file no
 * longer holds removed. A dry run does all of it and rolls back. */

struct _EscaleIcalImport
{
  GObject         parent_instance;

  /* Owned */
  EscaleDatabase *database;

  gint64          now;          /* 0: the time of the import */
  goffset         max_bytes;
  guint           max_seconds;
};

G_DEFINE_FINAL_TYPE (EscaleIcalImport, escale_ical_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (escale-ical-import-error-quark, escale_ical_import_error)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DEFAULT_MAX_BYTES (50 * 1000 * 1000)
#define DEFAULT_MAX_SECONDS 120
#define CHECK_EVERY 512

/* What one run keeps while it goes. */
typedef struct
{
  EscaleIcalImport *self;
  const char       *display_name;
  GCancellable     *cancellable;
  gint64            deadline;     /* monotonic µs */
  double            reported;
} Run;

static void
progress (Run    *run,
          double  fraction)
{
  /* A hundred signals at most, whatever the size of the file. */
  if (fraction < 1.0 && fraction - run->reported < 0.01)
    return;
  run->reported = fraction;
  g_signal_emit (run->self, signals[PROGRESS], 0, fraction);
}

static gboolean
keep_going (Run     *run,
            GError **error)
{
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  if (g_get_monotonic_time () > run->deadline)
    {
      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_TOO_LONG,
                   _("Importing “%s” took longer than %u seconds: nothing was imported."),
                   run->display_name, run->self->max_seconds);
      return FALSE;
    }
  return TRUE;
}

/* The file in one buffer of its size: g_file_load_contents() grows its
 * buffer as it reads, copying megabytes over. */
static char *
read_whole (GFile         *file,
            goffset        size,
            GCancellable  *cancellable,
            gsize         *length,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree char *bytes = NULL;

  if (stream == NULL)
    return NULL;
  bytes = g_malloc (size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes, size, length, cancellable, error))
    return NULL;
  bytes[*length] = '\0';
  return g_steal_pointer (&bytes);
}

static char *
load (Run      *run,
      GFile    *file,
      gsize    *length,
      GError  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *bytes = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, run->cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_UNREADABLE,
                   _("“%s” is a folder, not a calendar file."), run->display_name);
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > run->self->max_bytes)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (run->self->max_bytes);

      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is %s: a partner’s agenda may be at most %s. Export a shorter period."),
                   run->display_name, size, limit);
      return NULL;
    }
  if (info != NULL)
    bytes = read_whole (file, g_file_info_get_size (info), run->cancellable, length, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_set_error (error, ESCALE_ICAL_IMPORT_ERROR, ESCALE_ICAL_IMPORT_ERROR_UNREADABLE,
                   _("Cannot read “%s”: %s"), run->display_name, local_error->message);
      return NULL;
    }
  return bytes;
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const EscaleIcalImportWarning *first = *(EscaleIcalImportWarning * const *) a;
  const EscaleIcalImportWarning *second = *(EscaleIcalImportWarning * const *) b;

  return (first->line > second->line) - (first->line < second->line);
}

/* TRUE when @candidate should replace @kept: the higher SEQUENCE, then the
 * later LAST-MODIFIED, then the later in the file. */
static gboolean
supersedes (const ImportItem *candidate,
            const ImportItem *kept)
{
  if (candidate->event->sequence != kept->event->sequence)
    return candidate->event->sequence > kept->event->sequence;
  return candidate->last_modified >= kept->last_modified;
}

/* By UID, then the series before its overrides, by RECURRENCE-ID. */
static int
compare_identities (const ImportItem *x,
                    const ImportItem *y)
{
  int by_uid = strcmp (x->uid, y->uid);

  if (by_uid != 0)
    return by_uid;
  if (x->has_recurrence_id != y->has_recurrence_id)
    return x->has_recurrence_id ? 1 : -1;
  return (x->recurrence_id > y->recurrence_id) - (x->recurrence_id < y->recurrence_id);
}

/* … and the same identity in the order of the file. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const ImportItem *x = a;
  const ImportItem *y = b;
  int by_identity = compare_identities (x, y);

  if (by_identity != 0)
    return by_identity;
  return (x->event->line > y->event->line) - (x->event->line < y->event->line);
}

/* Sorts the entries by UID and RECURRENCE-ID, each series followed by its
 * overrides, and keeps one entry per identity, the newest; the others are
 * marked with a NULL event and reported. In that order the agenda's
 * identity index is written from left to right rather than at random,
 * which SQLite does in a fraction of the time. */
static void
sort_and_drop_duplicates (ImportContext *context,
                          GArray        *items)
{
  ImportItem *kept = NULL;

  g_array_sort (items, compare_items);
  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = &g_array_index (items, ImportItem, i);
      ImportItem *dropped;

      if (kept == NULL || compare_identities (item, kept) != 0)
        {
          kept = item;
          continue;
        }
      /* Same identity, later in the file. */
      dropped = item;
      if (supersedes (item, kept))
        {
          dropped = kept;
          kept = item;
        }
      _escale_ical_import_report_warn (context->report, dropped->uid, dropped->summary, dropped->event->line,
                                       _("The file holds this entry twice: the version on line %u, with the higher "
                                         "SEQUENCE or the later LAST-MODIFIED, was kept."),
                                       kept->event->line);
      dropped->event = NULL;
    }
}

/* UID → the set of its RECURRENCE-IDs in the file. */
static GHashTable *
collect_overrides (GArray *items)
{
  GHashTable *overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = &g_array_index (items, ImportItem, i);
      GHashTable *ids;

      if (item->event == NULL || !item->has_recurrence_id)
        continue;
      ids = g_hash_table_lookup (overrides, item->uid);
      if (ids == NULL)
        {
          ids = g_hash_table_new (g_int64_hash, g_int64_equal);
          g_hash_table_insert (overrides, (gpointer) item->uid, ids);
        }
      g_hash_table_add (ids, &item->recurrence_id);
    }
  return overrides;
}

static gboolean
store (Run                    *run,
       ImportContext          *context,
       GArray                 *items,
       EscaleAgendaWriter     *writer,
       guint                  *counts,
       GError                **error)
{
  g_autoptr(GHashTable) overrides = collect_overrides (items);
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = &g_array_index (items, ImportItem, i);
      EscaleAgendaOutcome outcome;
      EscaleAgendaEntry entry;

      if (i % CHECK_EVERY == 0)
        {
          if (!keep_going (run, error))
            return FALSE;
          progress (run, 0.3 + 0.65 * i / items->len);
        }
      if (item->event == NULL)
        continue;

      g_array_set_size (occurrences, 0);
      _escale_ical_import_expand (context, item,
                                  item->has_recurrence_id ? NULL : g_hash_table_lookup (overrides, item->uid),
                                  occurrences);
      entry = (EscaleAgendaEntry) {
        .uid = item->uid,
        .has_recurrence_id = item->has_recurrence_id,
        .recurrence_id = item->recurrence_id,
        .sequence = item->event->sequence,
        .last_modified = item->last_modified,
        .summary = item->summary,
        .location = item->event->location,
        .description = item->event->description,
        .starts_at = item->starts_at,
        .ends_at = occurrences->len > 0 && !item->repeats ? g_array_index (occurrences, gint64, 1)
                                                          : item->starts_at + (item->all_day ? 86400 * item->duration
                                                                                             : item->duration),
        .all_day = item->all_day,
        .tzid = item->zone->tzid,
        .status = item->status,
        .rrule = item->event->rrule,
        .problem = item->problem,
        .occurrences = (const gint64 *) (gpointer) occurrences->data,
        .n_occurrences = occurrences->len / 2,
      };
      if (!_escale_agenda_writer_put (writer, &entry, &outcome, error))
        return FALSE;
      counts[outcome]++;
      if (outcome == ESCALE_AGENDA_OLDER)
        _escale_ical_import_report_warn (context->report, item->uid, item->summary, item->event->line,
                                         _("The agenda already holds a newer version of this entry than the file: "
                                           "the agenda’s was kept."));
    }
  return TRUE;
}

static EscaleIcalImportReport *
import_file (EscaleIcalImport  *self,
             GFile             *file,
             gint64             organization_id,
             gboolean           dry_run,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(EscaleIcalImportReport) report = _escale_ical_import_report_new (dry_run);
  g_autoptr(ImportZones) zones = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(EscaleAgendaWriter) writer = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_auto(IcsFile) ics = { 0, };
  Run run = { self, display_name, cancellable, 0, -1.0 };
  guint counts[ESCALE_AGENDA_OLDER + 1] = { 0, };
  ImportContext context;
  const char *name;
  guint removed = 0;
  gsize length = 0;

  run.deadline = g_get_monotonic_time () + (gint64) self->max_seconds * G_USEC_PER_SEC;
  progress (&run, 0.0);

  bytes = load (&run, file, &length, error);
  if (bytes == NULL)
    return NULL;
  text = _escale_ical_import_decode (g_steal_pointer (&bytes), length, display_name, report, error);
  if (text == NULL || !_escale_ical_import_read (text, display_name, &ics, report, error))
    return NULL;
  progress (&run, 0.1);

  zones = _escale_ical_import_zones_new (ics.vtimezones);
  context = (ImportContext) {
    .report = report,
    .zones = zones,
    .strings = strings,
    .home = { icaltimezone_get_builtin_timezone (ESCALE_ICAL_IMPORT_HOME_TZID), ESCALE_ICAL_IMPORT_HOME_TZID, FALSE },
    .utc = { icaltimezone_get_utc_timezone (), NULL, FALSE },
    .now = self->now > 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC,
  };
  context.window_start = context.now - 366 * 86400;
  context.horizon = context.now + 2 * 366 * 86400;

  items = g_array_sized_new (FALSE, TRUE, sizeof (ImportItem), ics.events->len);
  for (guint i = 0; i < ics.events->len; i++)
    {
      ImportItem item;

      if (i % CHECK_EVERY == 0)
        {
          if (!keep_going (&run, error))
            return NULL;
          progress (&run, 0.1 + 0.2 * i / ics.events->len);
        }
      if (_escale_ical_import_resolve (&context, &g_array_index (ics.events, IcsEvent, i), &item))
        g_array_append_val (items, item);
    }
  sort_and_drop_duplicates (&context, items);

  name = ics.name != NULL ? ics.name : basename;
  writer = _escale_agenda_writer_begin (self->database, organization_id, name, path, context.now, error);
  if (writer == NULL || !store (&run, &context, items, writer, counts, error) || !keep_going (&run, error))
    return NULL;

  summary = g_strdup_printf ("import: %u added, %u updated, %u unchanged", counts[ESCALE_AGENDA_ADDED],
                             counts[ESCALE_AGENDA_UPDATED], counts[ESCALE_AGENDA_UNCHANGED] + counts[ESCALE_AGENDA_OLDER]);
  if (!_escale_agenda_writer_finish (writer, !dry_run, summary, &removed, error))
    return NULL;

  _escale_ical_import_report_set_counts (report, name, counts[ESCALE_AGENDA_ADDED], counts[ESCALE_AGENDA_UPDATED], removed,
                                         counts[ESCALE_AGENDA_UNCHANGED] + counts[ESCALE_AGENDA_OLDER]);
  g_ptr_array_sort (escale_ical_import_report_get_warnings (report), compare_warnings);
  progress (&run, 1.0);
  return g_steal_pointer (&report);
}

static void
escale_ical_import_finalize (GObject *object)
{
  EscaleIcalImport *self = (EscaleIcalImport *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (escale_ical_import_parent_class)->finalize (object);
}

static void
escale_ical_import_class_init (EscaleIcalImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_ical_import_finalize;

  /**
   * EscaleIcalImport::progress:
   * @fraction: from 0 to 1
   *
   * How far the import is, emitted in the thread that runs it (a hundred
   * times at most).
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
escale_ical_import_init (EscaleIcalImport *self)
{
  self->max_bytes = DEFAULT_MAX_BYTES;
  self->max_seconds = DEFAULT_MAX_SECONDS;
}

/**
 * escale_ical_import_new:
 * @database: the database to import into; run in another thread, give the
 *   import a database of its own, opened on the same file
 */
EscaleIcalImport *
escale_ical_import_new (EscaleDatabase *database)
{
  EscaleIcalImport *self;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  self = g_object_new (ESCALE_TYPE_ICAL_IMPORT, NULL);
  self->database = g_object_ref (database);
  return self;
}

/**
 * escale_ical_import_set_now:
 * @now: unix seconds; 0 for the real time
 *
 * The time the import takes place at: it bounds the expansion of
 * recurrences (a year before, two years after) and stamps the rows.
 */
void
escale_ical_import_set_now (EscaleIcalImport *self,
                            gint64            now)
{
  g_return_if_fail (ESCALE_IS_ICAL_IMPORT (self));
  self->now = now;
}

/**
 * escale_ical_import_set_limits:
 * @max_bytes: the largest file accepted (50 MB by default)
 * @max_seconds: how long an import may run (120 s by default)
 */
void
escale_ical_import_set_limits (EscaleIcalImport *self,
                               goffset           max_bytes,
                               guint             max_seconds)
{
  g_return_if_fail (ESCALE_IS_ICAL_IMPORT (self));
  g_return_if_fail (max_bytes > 0 && max_seconds > 0);

  self->max_bytes = max_bytes;
  self->max_seconds = max_seconds;
}

/**
 * escale_ical_import_file:
 * @organization_id: the partner whose agenda the file is
 * @dry_run: report what would change, and change nothing
 *
 * Imports @file as the agenda of @organization_id, replacing what the
 * previous import of that agenda stored: entries matched by UID and
 * RECURRENCE-ID, newer versions kept, the missing ones removed. A file that
 * is empty, truncated or not iCalendar changes nothing.
 *
 * Returns: (transfer full): what was done, or %NULL with @error set
 */
EscaleIcalImportReport *
escale_ical_import_file (EscaleIcalImport  *self,
                         GFile             *file,
                         gint64             organization_id,
                         gboolean           dry_run,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_file (self, file, organization_id, dry_run, cancellable, error);
}

typedef struct
{
  GFile    *file;
  gint64    organization_id;
  gboolean  dry_run;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->file);
  g_free (request);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  EscaleIcalImportReport *report;

  report = import_file (source_object, request->file, request->organization_id, request->dry_run, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * escale_ical_import_file_async:
 *
 * Runs escale_ical_import_file() in a worker thread. The import's database
 * must not be used by anyone else meanwhile: open one for it.
 */
void
escale_ical_import_file_async (EscaleIcalImport    *self,
                               GFile               *file,
                               gint64               organization_id,
                               gboolean             dry_run,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (ESCALE_IS_ICAL_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (Request, 1);
  request->file = g_object_ref (file);
  request->organization_id = organization_id;
  request->dry_run = dry_run;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_name (task, "escale_ical_import_file_async");
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * escale_ical_import_file_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
EscaleIcalImportReport *
escale_ical_import_file_finish (EscaleIcalImport  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
