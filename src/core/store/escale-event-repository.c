/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-event-repository.h"
#include "escale-event-repository-private.h"
#include "escale-participant-choices.h"
#include "escale-record-columns.h"

/* Events and what a visit carries (stops, vehicles, checklist, partners,
 * written by escale-event-parts.c) are saved together, in one
 * transaction, checked first in a counsellor's words. */

#define ENTITY "event"

struct _EscaleEventRepository
{
  GObject         parent_instance;

  EscaleDatabase *database;
};

G_DEFINE_FINAL_TYPE (EscaleEventRepository, escale_event_repository, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The columns that are a property of the same name; coordinates, the
 * calendar identity and the timestamps are written apart. */
static const char * const event_columns[] = {
  "kind", "status", "title", "region-code", "organizer", "presenters", "place-name", "address", "online-url",
  "starts-at", "ends-at", "tzid", "capacity", "registration-deadline", "description", "internal-notes",
  "materials", "eligibility-rules", "series-id", "series-date",
};

/* The fields only the store sets, read after the columns above. */
static const char * const event_stored[] = {
  "has-coordinates", "latitude", "longitude", "id", "ical-uid", "ical-sequence", "created-at", "updated-at",
};

/* What a recipient of the calendar must learn about: a new time, a new
 * place, a cancellation. Their calendars take a change only when the
 * SEQUENCE grows. */
static const char * const event_announced[] = {
  "starts-at", "ends-at", "tzid", "place-name", "address", "online-url", "status",
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

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped == '\0';
}

/* The schema refuses the same things; these say it in a counsellor's
 * words, naming the field or the stop, before anything is written. */
gboolean
_escale_event_check (EscaleEvent  *event,
                     GError      **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (escale_event_get_tzid (event));
  GListModel *stops = escale_event_get_stops (event);
  GListModel *tasks = escale_event_get_tasks (event);
  const char *deadline = escale_event_get_text (event, "registration-deadline");
  GDate date;

  if (is_blank (escale_event_get_title (event)))
    return fail (error, _("Title: this field is required"));

  if (zone == NULL)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("Time zone: “%s” is not a time zone this computer knows; use a name such as America/Toronto"),
                   escale_event_get_tzid (event));
      return FALSE;
    }

  if (escale_event_get_starts_at (event) == 0 || escale_event_get_ends_at (event) == 0)
    return fail (error, _("Start and end: choose when the event takes place"));

  if (escale_event_get_ends_at (event) < escale_event_get_starts_at (event))
    return fail (error, _("End: the event ends before it starts"));

  if (deadline != NULL && !escale_calendar_date_parse (deadline, &date))
    return fail (error, _("Registration deadline: write the date as YYYY-MM-DD"));

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      if (is_blank (escale_itinerary_stop_get_title (stop)))
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Stop %u of the itinerary needs a title"), i + 1);
          return FALSE;
        }

      if (escale_itinerary_stop_get_starts_at (stop) == 0 || escale_itinerary_stop_get_ends_at (stop) == 0)
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Stop “%s”: choose when it starts and ends"), escale_itinerary_stop_get_title (stop));
          return FALSE;
        }

      if (escale_itinerary_stop_get_ends_at (stop) < escale_itinerary_stop_get_starts_at (stop))
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Stop “%s” ends before it starts"), escale_itinerary_stop_get_title (stop));
          return FALSE;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (tasks, i);
      const char *due_on = escale_logistics_task_get_due_on (task);

      if (is_blank (escale_logistics_task_get_title (task)))
        return fail (error, _("Each task of the checklist needs a title"));

      if (due_on != NULL && !escale_calendar_date_parse (due_on, &date))
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Task “%s”: write the due date as YYYY-MM-DD"), escale_logistics_task_get_title (task));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_event_row (EscaleEventRepository  *self,
                 EscaleEvent            *event,
                 EscaleEvent            *before,
                 gint64                  now,
                 GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt;
  double latitude = 0, longitude = 0;
  gboolean located = escale_event_get_coordinates (event, &latitude, &longitude);
  guint sequence = 0;
  int param = G_N_ELEMENTS (event_columns) + 1;

  if (before == NULL)
    {
      g_string_append (sql, "INSERT INTO event (");
      _escale_record_append_columns (sql, event_columns, G_N_ELEMENTS (event_columns), ", ", "");
      g_string_append (sql, ", latitude, longitude, ical_uid, ical_sequence, created_at, updated_at) VALUES (");
      for (guint i = 0; i < G_N_ELEMENTS (event_columns) + 6; i++)
        g_string_append (sql, i > 0 ? ", ?" : "?");
      g_string_append (sql, ")");
      uid = _escale_event_new_ical_uid ();
    }
  else
    {
      g_string_append (sql, "UPDATE event SET ");
      _escale_record_append_columns (sql, event_columns, G_N_ELEMENTS (event_columns), ", ", " = ?");
      g_string_append (sql, ", latitude = ?, longitude = ?, ical_uid = ?, ical_sequence = ?, updated_at = ? "
                            "WHERE id = ?");
      uid = g_strdup (escale_event_get_ical_uid (before));
      sequence = escale_event_get_ical_sequence (before) +
                 (_escale_record_differs (before, event, event_announced, G_N_ELEMENTS (event_announced)) ? 1 : 0);
    }

  stmt = _escale_database_prepare_cached (self->database, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  _escale_record_bind_columns (stmt, 1, event, event_columns, G_N_ELEMENTS (event_columns));
  _escale_bind_coordinates (stmt, param, located, latitude, longitude);
  param += 2;
  _escale_bind_text (stmt, param++, uid);
  sqlite3_bind_int64 (stmt, param++, sequence);
  if (before == NULL)
    sqlite3_bind_int64 (stmt, param++, now);
  sqlite3_bind_int64 (stmt, param++, now);
  if (before != NULL)
    sqlite3_bind_int64 (stmt, param, escale_event_get_id (event));

  if (!_escale_database_step_done (self->database, stmt, error))
    return FALSE;

  _escale_event_set_identity (event,
                              before == NULL ? sqlite3_last_insert_rowid (_escale_database_get_handle (self->database))
                                             : escale_event_get_id (event),
                              uid, sequence);
  _escale_event_set_timestamps (event, before == NULL ? now : escale_event_get_created_at (before), now);
  return TRUE;
}

/* Reads an event and what it carries; NULL with NOT_FOUND when gone. */
static EscaleEvent *
read_event (EscaleEventRepository  *self,
            gint64                  id,
            gboolean                with_children,
            GError                **error);

/* Writes @event (new when @before is NULL) with what it carries, and its
 * audit entry, inside the caller's transaction. */
gboolean
_escale_event_repository_write (EscaleEventRepository  *self,
                                EscaleEvent            *event,
                                EscaleEvent            *before,
                                gint64                  now,
                                GError                **error)
{
  g_autofree char *changes = NULL;

  if (before != NULL)
    changes = escale_audit_describe_changes (G_OBJECT (before), G_OBJECT (event));

  return write_event_row (self, event, before, now, error) &&
         _escale_event_write_parts (self->database, event, before, now, error) &&
         escale_audit_log_record (self->database, ENTITY, escale_event_get_id (event),
                                  before == NULL ? "create" : "update", changes, error);
}

/**
 * escale_event_repository_save:
 *
 * Creates or updates @event with its itinerary, vehicles, checklist and
 * partners, in one transaction. Its calendar SEQUENCE (and each stop's)
 * grows when a time, a place or its status changed.
 */
gboolean
escale_event_repository_save (EscaleEventRepository  *self,
                              EscaleEvent            *event,
                              GError                **error)
{
  g_autoptr(EscaleEvent) before = NULL;
  gint64 now = now_in_seconds ();
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);

  if (!_escale_event_check (event, error) || !escale_database_begin (self->database, error))
    return FALSE;

  id = escale_event_get_id (event);
  if (id != 0)
    {
      before = read_event (self, id, TRUE, error);
      if (before == NULL)
        goto failed;
    }

  /* Only the series repository puts an event in a series: a copy of an
   * occurrence saved as new is an event of its own, and an occurrence
   * keeps its series and date whatever its editor did. */
  if (before == NULL)
    _escale_event_set_series (event, 0, NULL);
  else
    _escale_event_set_series (event, escale_event_get_series_id (before), escale_event_get_series_date (before));

  if (!_escale_event_repository_write (self, event, before, now, error) ||
      !escale_database_commit (self->database, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;

failed:
  escale_database_rollback (self->database);
  /* A new event that failed has no id yet. */
  if (before == NULL)
    _escale_event_set_identity (event, 0, NULL, 0);
  return FALSE;
}

const char *
_escale_event_select_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, _escale_select_sql ("event", event_columns, G_N_ELEMENTS (event_columns),
                                                 "latitude IS NOT NULL, latitude, longitude, id, ical_uid, "
                                                 "ical_sequence, created_at, updated_at",
                                                 ""));
  return sql;
}

/* Reads a row of _escale_event_select_sql() into @event, every column
 * of it, so that one event can be reused row after row. Returns the
 * number of columns read. */
int
_escale_event_read_row (sqlite3_stmt *stmt,
                        EscaleEvent  *event)
{
  int more = G_N_ELEMENTS (event_columns);

  _escale_record_read_columns (stmt, 0, event, event_columns, G_N_ELEMENTS (event_columns));
  _escale_record_read_columns (stmt, more, event, event_stored, G_N_ELEMENTS (event_stored));
  return more + G_N_ELEMENTS (event_stored);
}

static EscaleEvent *
event_from_row (sqlite3_stmt *stmt)
{
  EscaleEvent *event = g_object_new (ESCALE_TYPE_EVENT, NULL);

  _escale_event_read_row (stmt, event);
  return event;
}

static EscaleEvent *
read_event (EscaleEventRepository  *self,
            gint64                  id,
            gboolean                with_children,
            GError                **error)
{
  g_autofree char *sql = g_strconcat (_escale_event_select_sql (), " WHERE id = ?", NULL);
  g_autoptr(EscaleEvent) event = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _escale_database_prepare_cached (self->database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event = event_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no event number %lld"), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  if (with_children && !_escale_event_read_parts (self->database, event, error))
    return NULL;

  return g_steal_pointer (&event);
}

EscaleEvent *
_escale_event_repository_read (EscaleEventRepository  *self,
                               gint64                  id,
                               GError                **error)
{
  return read_event (self, id, TRUE, error);
}

/* The events @where selects, with @value bound to its ?, without what
 * they carry. */
static GPtrArray *
list_where (EscaleEventRepository  *self,
            const char             *where,
            gint64                  value,
            GError                **error)
{
  g_autofree char *sql = g_strconcat (_escale_event_select_sql (), where, NULL);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _escale_database_prepare_cached (self->database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/* The occurrences of a series by their dates, without what they carry,
 * inside the caller's transaction. */
GPtrArray *
_escale_event_repository_list_series (EscaleEventRepository  *self,
                                      gint64                  series_id,
                                      GError                **error)
{
  return list_where (self, " WHERE series_id = ? ORDER BY series_date, id", series_id, error);
}

/* The events a participant has a registration for, cancelled or not,
 * without what they carry, inside the caller's transaction. */
GPtrArray *
_escale_event_repository_list_for_participant (EscaleEventRepository  *self,
                                               gint64                  participant_id,
                                               GError                **error)
{
  return list_where (self, " WHERE id IN (SELECT event_id FROM registration WHERE participant_id = ?) "
                     "ORDER BY starts_at DESC, id DESC",
                     participant_id, error);
}

/**
 * escale_event_repository_load:
 *
 * Returns: (transfer full): the event with its itinerary, vehicles,
 *   checklist and partners, or %NULL (NOT_FOUND when there is none)
 */
EscaleEvent *
escale_event_repository_load (EscaleEventRepository  *self,
                              gint64                  id,
                              GError                **error)
{
  EscaleEvent *event;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), NULL);

  if (!_escale_database_begin_read (self->database, error))
    return NULL;
  event = read_event (self, id, TRUE, error);
  escale_database_rollback (self->database);

  return event;
}

/* The events a partner takes part in, each with what it carries, inside
 * the caller's transaction. */
static GPtrArray *
read_for_partner (EscaleEventRepository  *self,
                  gint64                  organization_id,
                  GError                **error)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) events = NULL;

  listed = list_where (self, " WHERE id IN (SELECT event_id FROM event_partner WHERE organization_id = ?1 "
                       "UNION SELECT event_id FROM itinerary_stop WHERE organization_id = ?1) "
                       "ORDER BY starts_at, id",
                       organization_id, error);
  if (listed == NULL)
    return NULL;

  events = g_ptr_array_new_full (listed->len, g_object_unref);
  for (guint i = 0; i < listed->len; i++)
    {
      EscaleEvent *event = read_event (self, escale_event_get_id (listed->pdata[i]), TRUE, error);

      if (event == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }

  return g_steal_pointer (&events);
}

/**
 * escale_event_repository_list_for_partner:
 * @organization_id: a partner organisation
 *
 * The events that name the partner as a host or presenter, or at one of
 * their itinerary's stops.
 *
 * Returns: (transfer full) (element-type EscaleEvent): those events by
 *   start, each with its itinerary and partners
 */
GPtrArray *
escale_event_repository_list_for_partner (EscaleEventRepository  *self,
                                          gint64                  organization_id,
                                          GError                **error)
{
  GPtrArray *events;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), NULL);

  if (!_escale_database_begin_read (self->database, error))
    return NULL;
  events = read_for_partner (self, organization_id, error);
  escale_database_rollback (self->database);

  return events;
}

/**
 * escale_event_repository_list:
 *
 * Returns: (transfer full) (element-type EscaleEvent): the events of
 *   @query by start, without their itineraries (load one for those)
 */
GPtrArray *
escale_event_repository_list (EscaleEventRepository  *self,
                              const EscaleEventQuery *query,
                              GError                **error)
{
  g_autoptr(GString) sql = g_string_new (_escale_event_select_sql ());
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int param = 1;
  int rc;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_string_append (sql, " WHERE 1");
  if (query->kind >= 0)
    g_string_append (sql, " AND kind = ?");
  if (query->from != 0)
    g_string_append (sql, " AND ends_at >= ?");
  if (query->to != 0)
    g_string_append (sql, " AND starts_at <= ?");
  g_string_append (sql, " ORDER BY starts_at, id");

  stmt = _escale_database_prepare (self->database, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (query->kind >= 0)
    sqlite3_bind_text (stmt, param++, escale_choice_get_nick (ESCALE_TYPE_EVENT_KIND, query->kind), -1, SQLITE_STATIC);
  if (query->from != 0)
    sqlite3_bind_int64 (stmt, param++, query->from);
  if (query->to != 0)
    sqlite3_bind_int64 (stmt, param++, query->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/**
 * escale_event_repository_list_open_for_registration:
 * @now: unix seconds
 *
 * The events a participant can still be registered for: neither cancelled
 * nor over, and not started at @now. Drafts and full events are among
 * them: a full event takes people on its waitlist.
 *
 * Returns: (transfer full) (element-type EscaleEvent): those events,
 *   soonest first, without their itineraries
 */
GPtrArray *
escale_event_repository_list_open_for_registration (EscaleEventRepository  *self,
                                                    gint64                  now,
                                                    GError                **error)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), NULL);

  return list_where (self, " WHERE status NOT IN ('cancelled', 'done') AND starts_at > ? ORDER BY starts_at, id",
                     now, error);
}

/**
 * escale_event_repository_cancel:
 *
 * Marks @event cancelled, with its registrations kept as they are: who was
 * coming is still known, and their calendars learn of the cancellation.
 */
gboolean
escale_event_repository_cancel (EscaleEventRepository  *self,
                                EscaleEvent            *event,
                                GError                **error)
{
  g_autoptr(EscaleEvent) copy = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);

  copy = escale_event_repository_load (self, escale_event_get_id (event), error);
  if (copy == NULL)
    return FALSE;

  escale_event_set_status (copy, ESCALE_EVENT_STATUS_CANCELLED);
  if (!escale_event_repository_save (self, copy, error))
    return FALSE;

  escale_event_set_status (event, ESCALE_EVENT_STATUS_CANCELLED);
  _escale_event_set_identity (event, escale_event_get_id (copy), escale_event_get_ical_uid (copy),
                              escale_event_get_ical_sequence (copy));
  return TRUE;
}

/**
 * escale_event_repository_delete:
 *
 * Deletes an event nobody registered for (a draft made by mistake); one
 * with registrations is cancelled instead, so that nobody's history is
 * lost. An occurrence of a series leaves its date among the series'
 * removed dates, so that extending the series does not bring it back.
 */
gboolean
escale_event_repository_delete (EscaleEventRepository  *self,
                                EscaleEvent            *event,
                                GError                **error)
{
  g_autoptr(EscaleEvent) stored = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);

  id = escale_event_get_id (event);
  if (!escale_database_begin (self->database, error))
    return FALSE;

  stored = read_event (self, id, FALSE, error);
  if (stored == NULL)
    goto failed;

  stmt = _escale_database_prepare_cached (self->database, "SELECT count(*) FROM registration WHERE event_id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      goto failed;
    }
  if (sqlite3_column_int (stmt, 0) > 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("People registered for “%s”: cancel it instead, to keep their registrations"),
                   escale_event_get_title (event));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);

  stmt = _escale_database_prepare_cached (self->database, "DELETE FROM event WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_escale_database_step_done (self->database, stmt, error))
    goto failed;

  if (sqlite3_changes (_escale_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no event number %lld"), (long long) id);
      goto failed;
    }

  if (escale_event_get_series_id (stored) != 0 &&
      !_escale_event_series_exclude_date (self->database, escale_event_get_series_id (stored),
                                          escale_event_get_series_date (stored), now_in_seconds (), error))
    goto failed;

  if (!escale_audit_log_record (self->database, ENTITY, id, "delete", escale_event_get_title (event), error) ||
      !escale_database_commit (self->database, error))
    goto failed;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;

failed:
  escale_database_rollback (self->database);
  return FALSE;
}

static void
escale_event_repository_finalize (GObject *object)
{
  EscaleEventRepository *self = (EscaleEventRepository *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (escale_event_repository_parent_class)->finalize (object);
}

static void
escale_event_repository_class_init (EscaleEventRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_event_repository_finalize;

  /**
   * EscaleEventRepository::changed:
   *
   * Events were saved, cancelled or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
escale_event_repository_init (EscaleEventRepository *self)
{
}

EscaleEventRepository *
escale_event_repository_new (EscaleDatabase *database)
{
  EscaleEventRepository *self;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  self = g_object_new (ESCALE_TYPE_EVENT_REPOSITORY, NULL);
  self->database = g_object_ref (database);
  return self;
}

EscaleDatabase *
escale_event_repository_get_database (EscaleEventRepository *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (self), NULL);
  return self->database;
}
