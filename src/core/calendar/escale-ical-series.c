/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-calendar-date.h"
#include "escale-ical-private.h"
#include "escale-series-rule.h"

/* A series of information sessions as ONE recurring entry (RFC 5545
 * 3.8.5): the rule as an RRULE from the first date at the series' time,
 * the removed dates as EXDATEs, and each session that was moved or
 * cancelled as an override with the same UID and a RECURRENCE-ID. */

/* What the whole series shares: its time of day and length, taken from
 * the first session that is where the rule put it, and its zone. */
typedef struct
{
  EscaleEvent *pattern;     /* borrowed */
  GTimeZone   *zone;        /* owned */
  const char  *tzid;
  int          hour, minute, second;
  gint64       duration;
} SeriesTime;

static gint64
at_series_time (const SeriesTime *time,
                const GDate      *date,
                int               hour,
                int               minute,
                int               second)
{
  g_autoptr(GDateTime) local = g_date_time_new (time->zone, g_date_get_year (date), g_date_get_month (date),
                                                g_date_get_day (date), hour, minute, second);

  return local != NULL ? g_date_time_to_unix (local) : 0;
}

static gint64
series_start (const SeriesTime *time,
              const GDate      *date)
{
  return at_series_time (time, date, time->hour, time->minute, time->second);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  g_date_clear (date, 1);
  return text != NULL && escale_calendar_date_parse (text, date);
}

static gboolean
is_in_place (EscaleEvent *occurrence)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (occurrence);
  GDate date, local;

  if (!parse_date (escale_event_get_series_date (occurrence), &date))
    return FALSE;
  escale_series_local_date (zone, escale_event_get_starts_at (occurrence), &local);
  return g_date_compare (&date, &local) == 0 && escale_event_get_status (occurrence) != ESCALE_EVENT_STATUS_CANCELLED;
}

static void
find_series_time (GPtrArray  *occurrences,
                  SeriesTime *time)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) local = NULL;

  time->pattern = occurrences->pdata[0];
  for (guint i = 0; i < occurrences->len; i++)
    {
      if (is_in_place (occurrences->pdata[i]))
        {
          time->pattern = occurrences->pdata[i];
          break;
        }
    }

  time->zone = escale_event_dup_time_zone (time->pattern);
  time->tzid = escale_event_get_tzid (time->pattern);
  start = g_date_time_new_from_unix_utc (escale_event_get_starts_at (time->pattern));
  local = g_date_time_to_timezone (start, time->zone);
  time->hour = g_date_time_get_hour (local);
  time->minute = g_date_time_get_minute (local);
  time->second = g_date_time_get_second (local);
  time->duration = MAX (escale_event_get_ends_at (time->pattern) - escale_event_get_starts_at (time->pattern), 0);
}

/* RRULE's UNTIL is in UTC when DTSTART has a zone: the end of the last
 * day, so that a session on that day is in. */
static char *
format_rule (const EscaleSeriesRule *rule,
             const SeriesTime       *time)
{
  static const char * const days[] = { "", "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (at_series_time (time, &rule->until, 23, 59, 59));
  g_autofree char *until_text = g_date_time_format (until, "%Y%m%dT%H%M%SZ");

  if (rule->frequency == ESCALE_SERIES_FREQUENCY_MONTHLY)
    return g_strdup_printf ("FREQ=MONTHLY;INTERVAL=%u;BYDAY=%d%s;UNTIL=%s", rule->interval,
                            escale_series_rule_get_week_of_month (rule), days[g_date_get_weekday (&rule->first)],
                            until_text);

  return g_strdup_printf ("FREQ=WEEKLY;INTERVAL=%u;UNTIL=%s", rule->interval, until_text);
}

/* The occurrence the rule put on @date, if it is still in the series. */
static EscaleEvent *
occurrence_on (GPtrArray   *occurrences,
               const GDate *date)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      GDate on;

      if (parse_date (escale_event_get_series_date (occurrences->pdata[i]), &on) && g_date_compare (&on, date) == 0)
        return occurrences->pdata[i];
    }

  return NULL;
}

static void
replace_time (icalcomponent     *entry,
              icalproperty_kind  kind,
              gint64             instant,
              const char        *tzid)
{
  icalproperty *old;

  while ((old = icalcomponent_get_first_property (entry, kind)) != NULL)
    {
      icalcomponent_remove_property (entry, old);
      icalproperty_free (old);
    }
  _escale_ical_set_time (entry, kind, instant, tzid);
}

static void
set_sequence (icalcomponent *entry,
              int            sequence)
{
  icalproperty *property = icalcomponent_get_first_property (entry, ICAL_SEQUENCE_PROPERTY);

  icalproperty_set_sequence (property, sequence);
}

typedef struct
{
  EscaleIcalEntryContext  context;
  GPtrArray              *occurrences;
  EscaleSeriesRule        rule;
  SeriesTime              time;
  GArray                 *dates;       /* the rule's dates, excluded ones left out */
  const char             *uid;
} SeriesWriter;

/* A session away from where the rule put it, or cancelled: it needs its
 * own entry. */
static gboolean
needs_override (const SeriesWriter *writer,
                EscaleEvent        *occurrence,
                const GDate        *date)
{
  gint64 expected = series_start (&writer->time, date);

  return escale_event_get_status (occurrence) == ESCALE_EVENT_STATUS_CANCELLED ||
         escale_event_get_starts_at (occurrence) != expected ||
         escale_event_get_ends_at (occurrence) != expected + writer->time.duration;
}

/* SEQUENCE of the whole series: it must grow when a recipient's copy
 * changes, and the series keeps no counter of its own: the highest of its
 * sessions (a move raises one) plus one per removed date. */
static int
series_sequence (const SeriesWriter *writer)
{
  guint sequence = 0;

  for (guint i = 0; i < writer->occurrences->len; i++)
    sequence = MAX (sequence, escale_event_get_ical_sequence (writer->occurrences->pdata[i]));
  for (guint i = 0; writer->rule.excluded != NULL && writer->rule.excluded[i] != NULL; i++)
    sequence++;

  return (int) MIN (sequence, G_MAXINT);
}

static icalcomponent *
master_entry (SeriesWriter  *writer,
              GError       **error)
{
  g_autoptr(icalcomponent) entry = _escale_ical_event_entry (&writer->context, writer->time.pattern, error);
  g_autofree char *rule = NULL;
  gint64 first = series_start (&writer->time, &writer->rule.first);

  if (entry == NULL)
    return NULL;

  icalcomponent_set_uid (entry, writer->uid);
  set_sequence (entry, series_sequence (writer));
  if (icalcomponent_get_status (entry) == ICAL_STATUS_CANCELLED && writer->context.method != ESCALE_ICAL_METHOD_CANCEL)
    icalcomponent_set_status (entry, ICAL_STATUS_CONFIRMED);
  replace_time (entry, ICAL_DTSTART_PROPERTY, first, writer->time.tzid);
  replace_time (entry, ICAL_DTEND_PROPERTY, first + writer->time.duration, writer->time.tzid);
  rule = format_rule (&writer->rule, &writer->time);
  icalcomponent_add_property (entry, icalproperty_new_rrule (icalrecurrencetype_from_string (rule)));

  /* The removed dates, and any date of the rule that lost its session. */
  for (guint i = 0; writer->rule.excluded != NULL && writer->rule.excluded[i] != NULL; i++)
    {
      GDate date;

      if (parse_date (writer->rule.excluded[i], &date))
        _escale_ical_set_time (entry, ICAL_EXDATE_PROPERTY, series_start (&writer->time, &date), writer->time.tzid);
    }
  for (guint i = 0; i < writer->dates->len; i++)
    {
      const GDate *date = &g_array_index (writer->dates, GDate, i);

      if (occurrence_on (writer->occurrences, date) == NULL)
        _escale_ical_set_time (entry, ICAL_EXDATE_PROPERTY, series_start (&writer->time, date), writer->time.tzid);
    }

  return g_steal_pointer (&entry);
}

/* A cancellation (METHOD:CANCEL) withdraws the whole series: every
 * session must be cancelled. One session cancelled is an override of the
 * series, sent as an update. */
static gboolean
check_cancelled (const SeriesWriter  *writer,
                 GError             **error)
{
  guint n_on = 0;

  if (writer->context.method != ESCALE_ICAL_METHOD_CANCEL)
    return TRUE;
  for (guint i = 0; i < writer->occurrences->len; i++)
    n_on += escale_event_get_status (writer->occurrences->pdata[i]) != ESCALE_EVENT_STATUS_CANCELLED;
  if (n_on == 0)
    return TRUE;

  g_set_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_CANCELLED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u session of the series is not cancelled: cancel it first, then send the cancellation, "
                            "or send the series as an update",
                            "%u sessions of the series are not cancelled: cancel them first, then send the "
                            "cancellation, or send the series as an update",
                            n_on),
               n_on);
  return FALSE;
}

static gboolean
write_series (SeriesWriter      *writer,
              EscaleIcalExport  *export,
              GOutputStream     *stream,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(EscaleIcalZones) zones = _escale_ical_zones_new ();
  g_autoptr(icalcomponent) master = NULL;

  _escale_ical_zones_add (zones, writer->time.tzid, series_start (&writer->time, &writer->rule.first),
                          at_series_time (&writer->time, &writer->rule.until, 23, 59, 59));
  for (guint i = 0; i < writer->occurrences->len; i++)
    _escale_ical_zones_add (zones, writer->time.tzid, escale_event_get_starts_at (writer->occurrences->pdata[i]),
                            escale_event_get_ends_at (writer->occurrences->pdata[i]));

  master = master_entry (writer, error);
  if (master == NULL ||
      !_escale_ical_export_write_head (export, zones, stream, cancellable, error) ||
      !_escale_ical_write_component (stream, master, cancellable, error))
    return FALSE;

  for (guint i = 0; i < writer->dates->len; i++)
    {
      const GDate *date = &g_array_index (writer->dates, GDate, i);
      EscaleEvent *occurrence = occurrence_on (writer->occurrences, date);
      g_autoptr(icalcomponent) entry = NULL;

      if (occurrence == NULL || !needs_override (writer, occurrence, date))
        continue;
      entry = _escale_ical_event_entry (&writer->context, occurrence, error);
      if (entry == NULL)
        return FALSE;
      icalcomponent_set_uid (entry, writer->uid);
      _escale_ical_set_time (entry, ICAL_RECURRENCEID_PROPERTY, series_start (&writer->time, date), writer->time.tzid);
      if (!_escale_ical_write_component (stream, entry, cancellable, error))
        return FALSE;
    }

  return g_output_stream_write_all (stream, "END:VCALENDAR\r\n", 15, NULL, cancellable, error);
}

/**
 * escale_ical_export_series:
 * @series: where the series and its sessions are read
 * @series_id: a series of information sessions
 * @stream: where the calendar is written; left open
 *
 * Writes a series as one recurring entry: DTSTART and DTEND of its first
 * date at the series' time, an RRULE (weekly or monthly by weekday, until
 * its last day), an EXDATE per removed date, and an override with the
 * same UID and a RECURRENCE-ID for each session that was moved or
 * cancelled. The UID is the series' own, stored with it. No attendees:
 * people register for one session.
 *
 * Returns: %FALSE with @error when the series does not exist, has no
 *   session left (%ESCALE_ICAL_ERROR_NO_DATE), is to be cancelled with
 *   sessions still on (%ESCALE_ICAL_ERROR_NOT_CANCELLED), or writing fails
 */
gboolean
escale_ical_export_series (EscaleIcalExport             *self,
                           EscaleEventSeriesRepository  *series,
                           gint64                        series_id,
                           GOutputStream                *stream,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  g_autoptr(EscaleEventSeries) loaded = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GArray) dates = NULL;
  SeriesWriter writer = { 0, };
  gboolean written;

  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES_REPOSITORY (series), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  loaded = escale_event_series_repository_load (series, series_id, error);
  if (loaded == NULL)
    return FALSE;
  occurrences = escale_event_series_repository_list_occurrences (series, series_id, error);
  if (occurrences == NULL)
    return FALSE;
  if (occurrences->len == 0)
    {
      g_set_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NO_DATE,
                   _("Series number %lld has no session left"), (long long) series_id);
      return FALSE;
    }

  writer.context = _escale_ical_export_entry_context (self);
  writer.context.registrations = NULL;
  writer.occurrences = occurrences;
  if (!check_cancelled (&writer, error))
    return FALSE;
  if (!escale_event_series_get_rule (loaded, &writer.rule, error))
    return FALSE;
  dates = escale_series_rule_list_dates (&writer.rule, error);
  if (dates == NULL)
    return FALSE;
  writer.dates = dates;
  writer.uid = escale_event_series_get_ical_uid (loaded);
  find_series_time (occurrences, &writer.time);

  written = write_series (&writer, self, stream, cancellable, error);
  g_time_zone_unref (writer.time.zone);

  return written;
}
