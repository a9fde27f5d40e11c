/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-event-private.h"
#include "escale-event-repository-private.h"
#include "escale-event-series-repository.h"
#include "escale-event-series-repository-private.h"
#include "escale-record-columns.h"

/* Recurring sessions: the rule in event_series, and each occurrence an
 * event of its own, written through the event repository inside one
 * transaction per change, after which its "changed" is emitted once.
 *
 * People register for one occurrence, so nobody's registration is lost:
 * an occurrence nobody registered for is deleted, one with registrations
 * is cancelled and kept. Shortening a series is refused, naming the dates,
 * while people still hold a place in a session it would drop: a
 * counsellor has to tell them first, and removing those sessions one by
 * one (which cancels them) is how. */

#define ENTITY "event-series"

struct _EscaleEventSeriesRepository
{
  GObject                parent_instance;

  EscaleEventRepository *events;
  EscaleDatabase        *database;   /* the events' */
};

G_DEFINE_FINAL_TYPE (EscaleEventSeriesRepository, escale_event_series_repository, G_TYPE_OBJECT)

static const char * const series_columns[] = {
  "frequency", "interval", "first-on", "until-on", "excluded-on",
};

static gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT, message);
  return FALSE;
}

static EscaleEventSeries *
read_series (EscaleDatabase  *database,
             gint64           id,
             GError         **error)
{
  g_autoptr(EscaleEventSeries) series = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _escale_database_prepare_cached (database,
                                          "SELECT frequency, interval, first_on, until_on, excluded_on, id, "
                                          "created_at, updated_at, ical_uid FROM event_series WHERE id = ?",
                                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      series = g_object_new (ESCALE_TYPE_EVENT_SERIES, NULL);
      _escale_record_read_columns (stmt, 0, series, series_columns, G_N_ELEMENTS (series_columns));
      _escale_event_series_set_identity (series, sqlite3_column_int64 (stmt, 5), _escale_column_text (stmt, 2),
                                         _escale_column_text (stmt, 8));
      _escale_event_series_set_timestamps (series, sqlite3_column_int64 (stmt, 6), sqlite3_column_int64 (stmt, 7));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no series number %lld"), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&series);
}

static gboolean
insert_series (EscaleDatabase     *database,
               EscaleEventSeries  *series,
               gint64              now,
               GError            **error)
{
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database,
                                          "INSERT INTO event_series (frequency, interval, first_on, until_on, "
                                          "excluded_on, created_at, updated_at, ical_uid) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;

  uid = _escale_event_new_ical_uid ();
  _escale_record_bind_columns (stmt, 1, series, series_columns, G_N_ELEMENTS (series_columns));
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_text (stmt, 8, uid, -1, SQLITE_TRANSIENT);
  if (!_escale_database_step_done (database, stmt, error))
    return FALSE;

  _escale_event_series_set_identity (series, sqlite3_last_insert_rowid (_escale_database_get_handle (database)),
                                     escale_event_series_get_first_on (series), uid);
  return escale_audit_log_record (database, ENTITY, escale_event_series_get_id (series), "create", NULL, error);
}

/* Writes what a series can change after it is made: its end and its
 * removed dates. */
static gboolean
update_series (EscaleDatabase     *database,
               EscaleEventSeries  *series,
               const char         *changed,
               gint64              now,
               GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database,
                                          "UPDATE event_series SET until_on = ?, excluded_on = ?, updated_at = ? "
                                          "WHERE id = ?",
                                          error);
  if (stmt == NULL)
    return FALSE;

  _escale_record_bind_columns (stmt, 1, series, (const char * const[]) { "until-on", "excluded-on" }, 2);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, escale_event_series_get_id (series));
  if (!_escale_database_step_done (database, stmt, error))
    return FALSE;

  _escale_event_series_set_timestamps (series, escale_event_series_get_created_at (series), now);
  return escale_audit_log_record (database, ENTITY, escale_event_series_get_id (series), "update", changed, error);
}

/* Adds @date to the removed dates of the series, for the event repository
 * when it deletes an occurrence, inside its transaction. */
gboolean
_escale_event_series_exclude_date (EscaleDatabase  *database,
                                   gint64           series_id,
                                   const char      *date,
                                   gint64           now,
                                   GError         **error)
{
  g_autoptr(EscaleEventSeries) series = read_series (database, series_id, error);

  if (series == NULL)
    return FALSE;
  if (date == NULL || escale_event_series_is_excluded (series, date))
    return TRUE;

  escale_event_series_exclude (series, date);
  return update_series (database, series, "excluded_on", now, error);
}

/* A series repeats sessions; a visit's itinerary, vehicles and checklist
 * are planned for one trip. */
static gboolean
check_model (EscaleEvent  *model,
             GError      **error)
{
  if (g_list_model_get_n_items (escale_event_get_stops (model)) > 0 ||
      g_list_model_get_n_items (escale_event_get_vehicles (model)) > 0 ||
      g_list_model_get_n_items (escale_event_get_tasks (model)) > 0)
    return fail (error, _("Itinerary: a series repeats a session without an itinerary, vehicles or checklist; "
                          "plan each visit on its own"));

  return TRUE;
}

static void
escale_event_series_repository_finalize (GObject *object)
{
  EscaleEventSeriesRepository *self = (EscaleEventSeriesRepository *)object;

  g_clear_object (&self->events);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (escale_event_series_repository_parent_class)->finalize (object);
}

static void
escale_event_series_repository_class_init (EscaleEventSeriesRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_event_series_repository_finalize;
}

static void
escale_event_series_repository_init (EscaleEventSeriesRepository *self)
{
}

/**
 * escale_event_series_repository_new:
 * @events: the repository that writes the occurrences, and emits
 *   "changed" for them
 */
EscaleEventSeriesRepository *
escale_event_series_repository_new (EscaleEventRepository *events)
{
  EscaleEventSeriesRepository *self;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), NULL);

  self = g_object_new (ESCALE_TYPE_EVENT_SERIES_REPOSITORY, NULL);
  self->events = g_object_ref (events);
  self->database = g_object_ref (escale_event_repository_get_database (events));
  return self;
}

/**
 * escale_event_series_repository_create:
 * @series: the rule (frequency, interval, end, dates already excluded);
 *   it takes its id and first date
 * @model: an unsaved session whose date is the first of the series and
 *   whose fields every occurrence copies
 *
 * Writes the series and one event per date of its rule, each with its own
 * calendar UID and the date the rule gave it, in one transaction: all of
 * them, or nothing.
 */
gboolean
escale_event_series_repository_create (EscaleEventSeriesRepository  *self,
                                       EscaleEventSeries            *series,
                                       EscaleEvent                  *model,
                                       GError                      **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autofree char *first_on = NULL;
  EscaleSeriesRule rule;
  GDate first;
  gint64 now = now_in_seconds ();

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (series) && escale_event_series_get_id (series) == 0, FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (model) && escale_event_get_id (model) == 0, FALSE);

  if (!_escale_event_check (model, error) || !check_model (model, error))
    return FALSE;

  zone = escale_event_dup_time_zone (model);
  escale_series_local_date (zone, escale_event_get_starts_at (model), &first);
  first_on = escale_calendar_date_format (&first);
  _escale_event_series_set_identity (series, 0, first_on, NULL);

  if (!escale_event_series_get_rule (series, &rule, error))
    goto refused;
  occurrences = escale_series_rule_expand (&rule, zone, escale_event_get_starts_at (model),
                                           escale_event_get_ends_at (model), error);
  if (occurrences == NULL)
    goto refused;
  if (occurrences->len == 0)
    {
      fail (error, _("Excluded dates: they leave no session in the series"));
      goto refused;
    }

  if (!escale_database_begin (self->database, error))
    goto refused;

  if (!insert_series (self->database, series, now, error))
    goto failed;
  for (guint i = 0; i < occurrences->len; i++)
    {
      if (!_escale_series_write_occurrence (self->events, model, &first, escale_event_series_get_id (series),
                             &g_array_index (occurrences, EscaleSeriesOccurrence, i), now, error))
        goto failed;
    }
  if (!escale_database_commit (self->database, error))
    goto failed;

  _escale_event_series_set_timestamps (series, now, now);
  g_signal_emit_by_name (self->events, "changed");
  return TRUE;

failed:
  escale_database_rollback (self->database);
refused:
  _escale_event_series_set_identity (series, 0, NULL, NULL);
  return FALSE;
}

/**
 * escale_event_series_repository_load:
 *
 * Returns: (transfer full): the series, or %NULL (NOT_FOUND when there is
 *   none)
 */
EscaleEventSeries *
escale_event_series_repository_load (EscaleEventSeriesRepository  *self,
                                     gint64                        id,
                                     GError                      **error)
{
  EscaleEventSeries *series;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (self), NULL);

  if (!_escale_database_begin_read (self->database, error))
    return NULL;
  series = read_series (self->database, id, error);
  escale_database_rollback (self->database);

  return series;
}

/**
 * escale_event_series_repository_list_occurrences:
 *
 * Returns: (transfer full) (element-type EscaleEvent): the occurrences
 *   still in the series, cancelled ones included, by the date the rule
 *   gave them
 */
GPtrArray *
escale_event_series_repository_list_occurrences (EscaleEventSeriesRepository  *self,
                                                 gint64                        series_id,
                                                 GError                      **error)
{
  g_autoptr(EscaleEventSeries) series = NULL;
  GPtrArray *occurrences = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (self), NULL);

  if (!_escale_database_begin_read (self->database, error))
    return NULL;
  series = read_series (self->database, series_id, error);
  if (series != NULL)
    occurrences = _escale_event_repository_list_series (self->events, series_id, error);
  escale_database_rollback (self->database);

  return occurrences;
}

/**
 * escale_event_series_repository_set_until:
 * @until_on: the new last day, "YYYY-MM-DD"
 *
 * Extends the series, with occurrences on its dates that are not excluded,
 * copied from the last one held as the rule says; or shortens it, deleting
 * the occurrences after @until_on that nobody registered for and
 * cancelling those whose registrations were all cancelled. It refuses,
 * naming the dates, while people hold a place in one of them.
 */
gboolean
escale_event_series_repository_set_until (EscaleEventSeriesRepository  *self,
                                          EscaleEventSeries            *series,
                                          const char                   *until_on,
                                          GError                      **error)
{
  g_autoptr(EscaleEventSeries) stored = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GArray) dates = NULL;
  EscaleSeriesRule rule;
  GDate until, before;
  gint64 now = now_in_seconds ();
  gboolean done;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (series), FALSE);

  if (!escale_calendar_date_parse (until_on, &until))
    {
      g_set_error_literal (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                           _("Until: write the last day of the series as YYYY-MM-DD"));
      return FALSE;
    }

  if (!escale_database_begin (self->database, error))
    return FALSE;

  stored = read_series (self->database, escale_event_series_get_id (series), error);
  done = stored != NULL && escale_event_series_get_rule (stored, &rule, error);
  if (done)
    {
      before = rule.until;
      rule.until = until;
      dates = escale_series_rule_list_dates (&rule, error);
      occurrences = dates != NULL ? _escale_event_repository_list_series (self->events,
                                                                         escale_event_series_get_id (stored), error)
                                  : NULL;
      done = occurrences != NULL;
    }

  if (done && g_date_compare (&until, &before) > 0)
    done = _escale_series_add_after (self->events, escale_event_series_get_id (stored), occurrences, dates, &before, now, error);
  else if (done && g_date_compare (&until, &before) < 0)
    done = _escale_series_drop_after (self->events, occurrences, &until, now, error);

  if (done)
    {
      escale_event_series_set_until_on (stored, until_on);
      done = update_series (self->database, stored, "until_on", now, error) &&
             escale_database_commit (self->database, error);
    }

  if (!done)
    {
      escale_database_rollback (self->database);
      return FALSE;
    }

  _escale_record_copy_fields (series, stored);
  g_signal_emit_by_name (self->events, "changed");
  return TRUE;
}

/**
 * escale_event_series_repository_remove_occurrence:
 * @date: the date the rule gave the occurrence ("YYYY-MM-DD"), even if it
 *   was moved
 * @removal: (out) (optional): what was done
 *
 * Removes one occurrence: its date joins the excluded ones, so that
 * extending the series does not bring it back. It is deleted when nobody
 * registered, cancelled with its registrations kept otherwise. A session
 * that is over stays, with its roll call.
 */
gboolean
escale_event_series_repository_remove_occurrence (EscaleEventSeriesRepository  *self,
                                                  EscaleEventSeries            *series,
                                                  const char                   *date,
                                                  EscaleOccurrenceRemoval      *removal,
                                                  GError                      **error)
{
  g_autoptr(EscaleEventSeries) stored = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  EscaleEvent *event = NULL;
  gint64 now = now_in_seconds ();
  guint all = 0, active = 0;
  GDate day;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (series), FALSE);

  if (!escale_calendar_date_parse (date, &day))
    {
      g_set_error_literal (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                           _("Date: write the date of the session as YYYY-MM-DD"));
      return FALSE;
    }

  if (!escale_database_begin (self->database, error))
    return FALSE;

  stored = read_series (self->database, escale_event_series_get_id (series), error);
  if (stored == NULL)
    goto failed;
  occurrences = _escale_event_repository_list_series (self->events, escale_event_series_get_id (stored), error);
  if (occurrences == NULL)
    goto failed;

  event = _escale_series_find_occurrence (occurrences, date);
  if (event == NULL)
    {
      if (escale_event_series_is_excluded (stored, date))
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                     _("The session of %s was already removed from this series"), date);
      else
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                     _("This series has no session on %s; give the date the series gave it, even if it was moved"),
                     date);
      goto failed;
    }

  if (escale_event_get_status (event) == ESCALE_EVENT_STATUS_DONE)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("The session of %s is over: it stays in the series with its roll call"), date);
      goto failed;
    }

  if (!_escale_series_count_registrations (self->database, escale_event_get_id (event), &all, &active, error))
    goto failed;
  if (all == 0 && !_escale_series_delete_occurrence (self->events, event, error))
    goto failed;
  if (all > 0 && escale_event_get_status (event) != ESCALE_EVENT_STATUS_CANCELLED &&
      !_escale_series_cancel_occurrence (self->events, event, now, error))
    goto failed;

  escale_event_series_exclude (stored, date);
  if (!update_series (self->database, stored, "excluded_on", now, error) ||
      !escale_database_commit (self->database, error))
    goto failed;

  if (removal != NULL)
    *removal = all == 0 ? ESCALE_OCCURRENCE_DELETED : ESCALE_OCCURRENCE_CANCELLED;
  _escale_record_copy_fields (series, stored);
  g_signal_emit_by_name (self->events, "changed");
  return TRUE;

failed:
  escale_database_rollback (self->database);
  return FALSE;
}

/**
 * escale_event_series_repository_apply_to_following:
 * @edited: an occurrence, changed by the counsellor
 *
 * Saves @edited, and gives the occurrences after it in the series that
 * have not started yet and are not cancelled its title, place, address,
 * link, time zone, description, capacity and hours, each on its own day.
 * Their calendar SEQUENCE grows where the time or the place changed.
 */
gboolean
escale_event_series_repository_apply_to_following (EscaleEventSeriesRepository  *self,
                                                   EscaleEvent                  *edited,
                                                   GError                      **error)
{
  g_autoptr(EscaleEvent) before = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  gint64 now = now_in_seconds ();

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (edited) && escale_event_get_id (edited) != 0, FALSE);

  if (!_escale_event_check (edited, error) || !escale_database_begin (self->database, error))
    return FALSE;

  before = _escale_event_repository_read (self->events, escale_event_get_id (edited), error);
  if (before == NULL)
    goto failed;
  if (escale_event_get_series_id (before) == 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("“%s” is not part of a series"), escale_event_get_title (before));
      goto failed;
    }

  _escale_event_set_series (edited, escale_event_get_series_id (before), escale_event_get_series_date (before));
  occurrences = _escale_event_repository_list_series (self->events, escale_event_get_series_id (before), error);
  if (occurrences == NULL || !_escale_event_repository_write (self->events, edited, before, now, error))
    goto failed;

  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (occurrences, i);
      EscaleEventStatus status = escale_event_get_status (event);
      g_autoptr(EscaleEvent) stored = NULL;
      g_autoptr(EscaleEvent) changed = NULL;

      if (strcmp (escale_event_get_series_date (event), escale_event_get_series_date (before)) <= 0 ||
          status == ESCALE_EVENT_STATUS_CANCELLED || status == ESCALE_EVENT_STATUS_DONE ||
          escale_event_get_starts_at (event) < now)
        continue;

      stored = _escale_event_repository_read (self->events, escale_event_get_id (event), error);
      if (stored == NULL)
        goto failed;
      changed = escale_event_copy (stored);
      _escale_series_apply_fields (changed, edited);
      if (!_escale_event_repository_write (self->events, changed, stored, now, error))
        goto failed;
    }

  if (!escale_database_commit (self->database, error))
    goto failed;

  g_signal_emit_by_name (self->events, "changed");
  return TRUE;

failed:
  escale_database_rollback (self->database);
  return FALSE;
}
