/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libical/ical.h>

#include "escale-event-repository.h"
#include "escale-event-series-repository.h"
#include "escale-ical-export.h"
#include "participant-fixture.h"

/* A series of sessions exported as one recurring entry, then expanded by
 * libical's own recurrence iterator: with the EXDATEs skipped and the
 * overrides put in place of their RECURRENCE-ID, the UTC instants are
 * those of the sessions in the database, on both sides of the change to
 * daylight-saving time. */

#define TORONTO "America/Toronto"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static gint64
at (const char *local)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (TORONTO);
  g_autofree char *iso = g_strconcat (local, ":00", NULL);
  g_autoptr(GDateTime) time = NULL;

  g_strdelimit (iso, " ", 'T');
  time = g_date_time_new_from_iso8601 (iso, tz);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static gint64
utc (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, tz);

  return g_date_time_to_unix (time);
}

static char *
export_ok (EscaleIcalExport            *export,
           EscaleEventSeriesRepository *series,
           gint64                       id)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  char *text;

  g_assert_true (escale_ical_export_series (export, series, id, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));

  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (strlen (lines[i]), <=, 75);
  g_assert_null (strstr (text, "freeassociation"));
  return text;
}

static gint64
instant_in (icalcomponent *calendar,
            icalproperty  *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  icaltimezone *zone = NULL;
  struct icaldatetimeperiodtype value = icalvalue_get_datetimeperiod (icalproperty_get_value (property));

  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, TORONTO);
  zone = icalcomponent_get_timezone (calendar, TORONTO);
  g_assert_nonnull (zone);
  return (gint64) icaltime_as_timet_with_zone (value.time, zone);
}

static gint64
start_of (icalcomponent *calendar,
          icalcomponent *entry)
{
  return instant_in (calendar, icalcomponent_get_first_property (entry, ICAL_DTSTART_PROPERTY));
}

/* The instants a calendar application shows, by libical's expansion. */
static GArray *
expand (icalcomponent *calendar,
        icalcomponent *master)
{
  g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (gint64));
  icaltimezone *zone = icalcomponent_get_timezone (calendar, TORONTO);
  struct icalrecurrencetype rule = icalproperty_get_rrule (icalcomponent_get_first_property (master, ICAL_RRULE_PROPERTY));
  icaltimetype start = icalcomponent_get_dtstart (master);
  icalrecur_iterator *iterator;
  icaltimetype next;
  guint n = 0;

  start.zone = zone;
  iterator = icalrecur_iterator_new (rule, start);
  g_assert_nonnull (iterator);
  for (next = icalrecur_iterator_next (iterator); !icaltime_is_null_time (next) && n < 200;
       next = icalrecur_iterator_next (iterator), n++)
    {
      gint64 instant = (gint64) icaltime_as_timet_with_zone (next, zone);
      gboolean excluded = FALSE;

      for (icalproperty *exdate = icalcomponent_get_first_property (master, ICAL_EXDATE_PROPERTY);
           exdate != NULL; exdate = icalcomponent_get_next_property (master, ICAL_EXDATE_PROPERTY))
        excluded |= instant_in (calendar, exdate) == instant;
      if (excluded)
        continue;

      for (icalcomponent *entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           entry != NULL; entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          icalproperty *id = icalcomponent_get_first_property (entry, ICAL_RECURRENCEID_PROPERTY);

          if (id != NULL && instant_in (calendar, id) == instant)
            {
              g_assert_cmpstr (icalcomponent_get_uid (entry), ==, icalcomponent_get_uid (master));
              instant = start_of (calendar, entry);
            }
        }
      g_array_append_val (instants, instant);
    }
  icalrecur_iterator_free (iterator);

  return g_steal_pointer (&instants);
}

static icalcomponent *
override_for (icalcomponent *calendar,
              gint64         recurrence)
{
  for (icalcomponent *entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       entry != NULL; entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *id = icalcomponent_get_first_property (entry, ICAL_RECURRENCEID_PROPERTY);

      if (id != NULL && instant_in (calendar, id) == recurrence)
        return entry;
    }

  g_assert_not_reached ();
}

static void
test_weekly_series (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEventSeriesRepository) repository = escale_event_series_repository_new (events);
  g_autoptr(EscaleEvent) model = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, "2027-04-01");
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GArray) instants = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  struct icalrecurrencetype recurrence;
  EscaleEvent *moved, *cancelled;
  icalcomponent *master = NULL;
  icalcomponent *entry;
  guint n_remaining = 0;

  /* Thursdays from 25 February to 1 April 2027: DST starts on 14 March. */
  escale_event_set_text (model, "title", "Séance d’information, Montréal; « S’établir en région »");
  escale_event_set_text (model, "tzid", TORONTO);
  escale_event_set_times (model, at ("2027-02-25 13:30"), at ("2027-02-25 15:00"));
  escale_event_set_capacity (model, 30);
  escale_event_set_status (model, ESCALE_EVENT_STATUS_PUBLISHED);
  g_assert_true (escale_event_series_repository_create (repository, series, model, &error));
  g_assert_no_error (error);
  occurrences = escale_event_series_repository_list_occurrences (repository, escale_event_series_get_id (series), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 6);
  uid = g_strdup (escale_event_series_get_ical_uid (series));
  g_assert_nonnull (uid);
  g_assert_cmpstr (uid, !=, escale_event_get_ical_uid (occurrences->pdata[0]));

  /* 4 March removed, 18 March an hour later, 25 March cancelled. */
  g_assert_true (escale_event_series_repository_remove_occurrence (repository, series, "2027-03-04", NULL, &error));
  g_assert_no_error (error);
  moved = occurrences->pdata[3];
  escale_event_set_times (moved, at ("2027-03-18 14:30"), at ("2027-03-18 16:00"));
  g_assert_true (escale_event_repository_save (events, moved, &error));
  g_assert_no_error (error);
  cancelled = occurrences->pdata[4];
  g_assert_true (escale_event_repository_cancel (events, cancelled, &error));
  g_assert_no_error (error);
  g_clear_pointer (&occurrences, g_ptr_array_unref);
  occurrences = escale_event_series_repository_list_occurrences (repository, escale_event_series_get_id (series), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 5);

  text = export_ok (export, repository, escale_event_series_get_id (series));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);

  for (entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_cmpstr (icalcomponent_get_uid (entry), ==, uid);
      if (icalcomponent_get_first_property (entry, ICAL_RRULE_PROPERTY) != NULL)
        master = entry;
    }
  g_assert_nonnull (master);
  g_assert_cmpint (start_of (calendar, master), ==, utc ("2027-02-25T18:30:00Z"));
  recurrence = icalproperty_get_rrule (icalcomponent_get_first_property (master, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (recurrence.freq, ==, ICAL_WEEKLY_RECURRENCE);
  g_assert_cmpint (recurrence.interval, ==, 1);
  /* The end of 1 April in Montréal, in UTC. */
  g_assert_true (icaltime_is_utc (recurrence.until));
  g_assert_cmpint ((gint64) icaltime_as_timet (recurrence.until), ==, utc ("2027-04-02T03:59:59Z"));
  g_assert_nonnull (strstr (text, "EXDATE;TZID=America/Toronto:20270304T133000\r\n"));
  g_assert_cmpint (icalcomponent_count_properties (master, ICAL_EXDATE_PROPERTY), ==, 1);

  /* The overrides: the moved session with its SEQUENCE, the cancelled one. */
  entry = override_for (calendar, utc ("2027-03-18T17:30:00Z"));
  g_assert_cmpint (start_of (calendar, entry), ==, utc ("2027-03-18T18:30:00Z"));
  g_assert_cmpint (icalproperty_get_sequence (icalcomponent_get_first_property (entry, ICAL_SEQUENCE_PROPERTY)), ==,
                   (int) escale_event_get_ical_sequence (occurrences->pdata[2]));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CONFIRMED);
  entry = override_for (calendar, utc ("2027-03-25T17:30:00Z"));
  g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CANCELLED);

  /* libical's expansion gives the sessions of the database, in UTC, on
   * both sides of the change of time (18:30Z before, 17:30Z after). */
  instants = expand (calendar, master);
  g_assert_cmpuint (instants->len, ==, occurrences->len);
  for (guint i = 0; i < occurrences->len; i++)
    {
      g_assert_cmpint (g_array_index (instants, gint64, i), ==, escale_event_get_starts_at (occurrences->pdata[i]));
      n_remaining += escale_event_get_status (occurrences->pdata[i]) != ESCALE_EVENT_STATUS_CANCELLED;
    }
  g_assert_cmpuint (n_remaining, ==, 4);
  g_assert_cmpint (g_array_index (instants, gint64, 1), ==, utc ("2027-03-11T18:30:00Z"));
  g_assert_cmpint (g_array_index (instants, gint64, 4), ==, utc ("2027-04-01T17:30:00Z"));

  /* Without its first session, the series is still the same entry for
   * subscribers: same UID, the rule now excluding that date. */
  g_assert_true (escale_event_series_repository_remove_occurrence (repository, series, "2027-02-25", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&calendar, icalcomponent_free);
  text = export_ok (export, repository, escale_event_series_get_id (series));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_assert_cmpstr (icalcomponent_get_uid (entry), ==, uid);
  g_assert_nonnull (strstr (text, "EXDATE;TZID=America/Toronto:20270225T133000\r\n"));

  /* An unknown series is named. */
  {
    g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();

    g_clear_error (&error);
    g_assert_false (escale_ical_export_series (export, repository, 999, sink, NULL, &error));
    g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  }

  /* A cancellation withdraws the whole series: refused while sessions
   * are on (of the four left, 25 March is cancelled and three are not),
   * sent once every session is cancelled. */
  escale_ical_export_set_method (export, ESCALE_ICAL_METHOD_CANCEL);
  {
    g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();

    g_clear_error (&error);
    g_assert_false (escale_ical_export_series (export, repository, escale_event_series_get_id (series), sink, NULL,
                                               &error));
    g_assert_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_CANCELLED);
    g_assert_nonnull (strstr (error->message, "3 sessions of the series are not cancelled"));
    g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sink)), ==, 0);
    g_clear_error (&error);
  }
  g_clear_pointer (&occurrences, g_ptr_array_unref);
  occurrences = escale_event_series_repository_list_occurrences (repository, escale_event_series_get_id (series), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < occurrences->len; i++)
    {
      if (escale_event_get_status (occurrences->pdata[i]) == ESCALE_EVENT_STATUS_CANCELLED)
        continue;
      g_assert_true (escale_event_repository_cancel (events, occurrences->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&calendar, icalcomponent_free);
  text = export_ok (export, repository, escale_event_series_get_id (series));
  g_assert_nonnull (strstr (text, "METHOD:CANCEL\r\n"));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_assert_cmpint (icalcomponent_get_status (entry), ==, ICAL_STATUS_CANCELLED);

  escale_ical_export_release_zones ();
}

/* "The 2nd Tuesday" and "the last Tuesday" (a 5th one) every month, from
 * before the change of time to after it. */
static void
test_monthly_series (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *first;
    const char *byday;
    guint       n_sessions;
  } cases[] = {
    { "2027-02-09", "BYDAY=2TU", 5 },
    { "2027-03-30", "BYDAY=-1TU", 4 },
  };
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(EscaleEventSeriesRepository) repository = escale_event_series_repository_new (events);
  g_autoptr(EscaleIcalExport) export = escale_ical_export_new (events);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EscaleEvent) model = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
      g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_MONTHLY, 1, "2027-06-30");
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autoptr(GArray) instants = NULL;
      g_autoptr(icalcomponent) calendar = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *from = g_strconcat (cases[c].first, " 18:30", NULL);
      g_autofree char *to = g_strconcat (cases[c].first, " 20:00", NULL);
      icalcomponent *master;

      escale_event_set_text (model, "title", "Séance mensuelle");
      escale_event_set_text (model, "tzid", TORONTO);
      escale_event_set_times (model, at (from), at (to));
      escale_event_set_capacity (model, 30);
      escale_event_set_status (model, ESCALE_EVENT_STATUS_PUBLISHED);
      g_assert_true (escale_event_series_repository_create (repository, series, model, &error));
      g_assert_no_error (error);
      occurrences = escale_event_series_repository_list_occurrences (repository, escale_event_series_get_id (series), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (occurrences->len, ==, cases[c].n_sessions);

      text = export_ok (export, repository, escale_event_series_get_id (series));
      g_assert_nonnull (strstr (text, cases[c].byday));
      calendar = icalparser_parse_string (text);
      g_assert_nonnull (calendar);
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
      master = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      instants = expand (calendar, master);
      g_assert_cmpuint (instants->len, ==, occurrences->len);
      for (guint i = 0; i < occurrences->len; i++)
        g_assert_cmpint (g_array_index (instants, gint64, i), ==, escale_event_get_starts_at (occurrences->pdata[i]));
    }

  escale_ical_export_release_zones ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ical-series/weekly", Fixture, NULL, fixture_set_up, test_weekly_series, fixture_tear_down);
  g_test_add ("/ical-series/monthly", Fixture, NULL, fixture_set_up, test_monthly_series, fixture_tear_down);

  return g_test_run ();
}
