/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-event-private.h"
#include "escale-event-repository-private.h"
#include "escale-event-series-repository-private.h"

/* The occurrences of a series, written, cancelled and deleted for
 * escale-event-series-repository.c inside its transactions, through the
 * event repository so that each keeps its calendar identity and audit
 * entry. */

#define EVENT_ENTITY "event"

/* What a change to an occurrence carries to the ones after it; each keeps
 * its own day, and takes the new hours. */
static const char * const following_fields[] = {
  "title", "place-name", "address", "has-coordinates", "latitude", "longitude", "online-url", "tzid",
  "description", "capacity",
};

/* Writes the occurrence of @model on @occurrence's date. A registration
 * deadline keeps its distance to the session ("the day before"), counted
 * from @model_date. */
gboolean
_escale_series_write_occurrence (EscaleEventRepository         *events,
                                 EscaleEvent                   *model,
                                 const GDate                   *model_date,
                                 gint64                         series_id,
                                 const EscaleSeriesOccurrence  *occurrence,
                                 gint64                         now,
                                 GError                       **error)
{
  g_autoptr(EscaleEvent) event = escale_event_copy (model);
  g_autofree char *date = escale_calendar_date_format (&occurrence->date);
  const char *deadline = escale_event_get_text (model, "registration-deadline");
  GDate day;

  _escale_event_set_identity (event, 0, NULL, 0);
  escale_event_set_times (event, occurrence->starts_at, occurrence->ends_at);
  _escale_event_set_series (event, series_id, date);

  if (deadline != NULL && escale_calendar_date_parse (deadline, &day))
    {
      int offset = g_date_days_between (model_date, &day);
      g_autofree char *moved = NULL;

      day = occurrence->date;
      if (offset >= 0)
        g_date_add_days (&day, (guint) offset);
      else
        g_date_subtract_days (&day, (guint) -offset);
      moved = escale_calendar_date_format (&day);
      escale_event_set_text (event, "registration-deadline", moved);
    }

  return _escale_event_repository_write (events, event, NULL, now, error);
}

/* How many registrations an occurrence has, and how many still hold a
 * seat or wait for one. */
gboolean
_escale_series_count_registrations (EscaleDatabase  *database,
                                    gint64           event_id,
                                    guint           *all,
                                    guint           *active,
                                    GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database,
                                          "SELECT count(*), coalesce(sum(status != 'cancelled'), 0) "
                                          "FROM registration WHERE event_id = ?",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _escale_database_set_error (database, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *all = (guint) sqlite3_column_int (stmt, 0);
  *active = (guint) sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_escale_series_delete_occurrence (EscaleEventRepository  *events,
                                  EscaleEvent            *event,
                                  GError                **error)
{
  EscaleDatabase *database = escale_event_repository_get_database (events);
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database, "DELETE FROM event WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_event_get_id (event));

  return _escale_database_step_done (database, stmt, error) &&
         escale_audit_log_record (database, EVENT_ENTITY, escale_event_get_id (event), "delete",
                                  escale_event_get_title (event), error);
}

/* Cancelled, with its registrations as they are, as
 * escale_event_repository_cancel() does. */
gboolean
_escale_series_cancel_occurrence (EscaleEventRepository  *events,
                                  EscaleEvent            *event,
                                  gint64                  now,
                                  GError                **error)
{
  g_autoptr(EscaleEvent) before = _escale_event_repository_read (events, escale_event_get_id (event), error);
  g_autoptr(EscaleEvent) after = NULL;

  if (before == NULL)
    return FALSE;

  after = escale_event_copy (before);
  escale_event_set_status (after, ESCALE_EVENT_STATUS_CANCELLED);
  return _escale_event_repository_write (events, after, before, now, error);
}

static gboolean
starts_on_its_date (EscaleEvent *event)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (event);
  g_autofree char *day = NULL;
  GDate date;

  escale_series_local_date (zone, escale_event_get_starts_at (event), &date);
  day = escale_calendar_date_format (&date);
  return g_strcmp0 (day, escale_event_get_series_date (event)) == 0;
}

/* What new occurrences copy: the last one still held on its own date and
 * hour, so that one session moved or cancelled does not become the rule. */
static EscaleEvent *
read_model (EscaleEventRepository  *events,
            GPtrArray              *occurrences,
            GError                **error)
{
  EscaleEvent *chosen = NULL;

  for (guint i = occurrences->len; i > 0 && chosen == NULL; i--)
    {
      EscaleEvent *event = g_ptr_array_index (occurrences, i - 1);

      if (escale_event_get_status (event) != ESCALE_EVENT_STATUS_CANCELLED && starts_on_its_date (event))
        chosen = event;
    }

  if (chosen == NULL && occurrences->len > 0)
    chosen = g_ptr_array_index (occurrences, occurrences->len - 1);

  if (chosen == NULL)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                           _("Until: this series has no session left to copy; make a new series instead"));
      return NULL;
    }

  return _escale_event_repository_read (events, escale_event_get_id (chosen), error);
}

gboolean
_escale_series_add_after (EscaleEventRepository  *events,
                          gint64                  series_id,
                          GPtrArray              *occurrences,
                          GArray                 *dates,
                          const GDate            *after,
                          gint64                  now,
                          GError                **error)
{
  g_autoptr(EscaleEvent) model = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  GDate model_date;

  model = read_model (events, occurrences, error);
  if (model == NULL)
    return FALSE;

  zone = escale_event_dup_time_zone (model);
  if (!escale_calendar_date_parse (escale_event_get_series_date (model), &model_date))
    escale_series_local_date (zone, escale_event_get_starts_at (model), &model_date);
  if (escale_event_get_status (model) != ESCALE_EVENT_STATUS_DRAFT)
    escale_event_set_status (model, ESCALE_EVENT_STATUS_PUBLISHED);

  for (guint i = 0; i < occurrences->len; i++)
    g_hash_table_add (existing, (gpointer) escale_event_get_series_date (g_ptr_array_index (occurrences, i)));

  for (guint i = 0; i < dates->len; i++)
    {
      EscaleSeriesOccurrence occurrence = { .date = g_array_index (dates, GDate, i) };
      g_autofree char *date = escale_calendar_date_format (&occurrence.date);

      if (g_date_compare (&occurrence.date, after) <= 0 || g_hash_table_contains (existing, date))
        continue;

      escale_series_occurrence_place (&occurrence, zone, escale_event_get_starts_at (model),
                                      escale_event_get_ends_at (model));
      if (!_escale_series_write_occurrence (events, model, &model_date, series_id, &occurrence, now, error))
        return FALSE;
    }

  return TRUE;
}

/* Drops the occurrences after @until, as the comment at the top of
 * escale-event-series-repository.c says. */
gboolean
_escale_series_drop_after (EscaleEventRepository  *events,
                           GPtrArray              *occurrences,
                           const GDate            *until,
                           gint64                  now,
                           GError                **error)
{
  g_autofree char *last = escale_calendar_date_format (until);
  g_autoptr(GPtrArray) held = g_ptr_array_new ();

  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (occurrences, i);
      gboolean cancelled = escale_event_get_status (event) == ESCALE_EVENT_STATUS_CANCELLED;
      guint all, active;

      if (strcmp (escale_event_get_series_date (event), last) <= 0)
        continue;
      if (!_escale_series_count_registrations (escale_event_repository_get_database (events),
                                               escale_event_get_id (event), &all, &active, error))
        return FALSE;

      if (active > 0 && !cancelled)
        g_ptr_array_add (held, (gpointer) escale_event_get_series_date (event));
      else if (all == 0 && !_escale_series_delete_occurrence (events, event, error))
        return FALSE;
      else if (all > 0 && !cancelled && !_escale_series_cancel_occurrence (events, event, now, error))
        return FALSE;
    }

  if (held->len > 0)
    {
      g_autofree char *dates = NULL;

      g_ptr_array_add (held, NULL);
      dates = g_strjoinv (", ", (char **) held->pdata);
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   ngettext ("Until: people are registered for the session of %s; remove it from the series first "
                             "(their registrations are kept) or end the series after it",
                             "Until: people are registered for the sessions of %s; remove them from the series "
                             "first (their registrations are kept) or end the series after them",
                             held->len - 1),
                   dates);
      return FALSE;
    }

  return TRUE;
}

EscaleEvent *
_escale_series_find_occurrence (GPtrArray  *occurrences,
                                const char *date)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (occurrences, i);

      if (g_strcmp0 (escale_event_get_series_date (event), date) == 0)
        return event;
    }

  return NULL;
}

/* @target takes the fields of @edited that the following occurrences
 * share, and its hours on its own day. */
void
_escale_series_apply_fields (EscaleEvent *target,
                             EscaleEvent *edited)
{
  g_autoptr(GTimeZone) zone = NULL;
  EscaleSeriesOccurrence occurrence;

  g_object_freeze_notify (G_OBJECT (target));
  for (guint i = 0; i < G_N_ELEMENTS (following_fields); i++)
    _escale_record_set_value (target, _escale_record_find_property (target, following_fields[i]),
                              _escale_record_get_value (edited, _escale_record_find_property (edited,
                                                                                              following_fields[i])));

  zone = escale_event_dup_time_zone (target);
  escale_series_local_date (zone, escale_event_get_starts_at (target), &occurrence.date);
  escale_series_occurrence_place (&occurrence, zone, escale_event_get_starts_at (edited),
                                  escale_event_get_ends_at (edited));
  escale_event_set_times (target, occurrence.starts_at, occurrence.ends_at);
  g_object_thaw_notify (G_OBJECT (target));
}
