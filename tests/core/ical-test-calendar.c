/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "ical-test-calendar.h"

/* @local is "YYYY-MM-DD HH:MM" in @zone. */
gint64
at (const char *local,
    const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autofree char *iso = g_strconcat (local, ":00", NULL);
  g_autoptr(GDateTime) time = NULL;

  g_strdelimit (iso, " ", 'T');
  time = g_date_time_new_from_iso8601 (iso, tz);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* A published event of 30 seats, in the Montréal region. */
EscaleEvent *
new_event (EscaleEventKind  kind,
           const char      *title,
           const char      *zone,
           const char      *from,
           const char      *to)
{
  EscaleEvent *event = escale_event_new (kind);

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "region-code", "06");
  escale_event_set_text (event, "tzid", zone);
  escale_event_set_times (event, at (from, zone), at (to, zone));
  escale_event_set_capacity (event, 30);
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  return event;
}

/* A stop of @visit, between two instants. */
void
add_stop (EscaleEvent    *visit,
          EscaleStopKind  kind,
          const char     *title,
          gint64          starts_at,
          gint64          ends_at)
{
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (kind, title, starts_at, ends_at);

  escale_event_add_stop (visit, stop);
}

gint64
save_event_ok (EscaleEventRepository *events,
               EscaleEvent           *event)
{
  g_autoptr(GError) error = NULL;

  escale_event_repository_save (events, event, &error);
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

EscaleEvent *
load_event_ok (EscaleEventRepository *events,
               gint64                 id)
{
  g_autoptr(GError) error = NULL;
  EscaleEvent *event = escale_event_repository_load (events, id, &error);

  g_assert_no_error (error);
  return event;
}

/* The calendar as written; checks the line structure every export owes. */
char *
write_calendar_ok (const EscaleIcalSources   *sources,
                   const EscaleIcalSelection *selection)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  char *text;

  g_assert_true (escale_ical_selection_write (selection, sources, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* At most 75 octets, never half a character, no stray line end. */
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strpbrk (lines[i], "\r\n"));
      if (lines[i + 1] != NULL)
        g_assert_cmpuint (strlen (lines[i]), >, 0);
    }
  g_assert_null (strstr (text, "freeassociation"));

  return text;
}

/* @scope: an event, or a visit's itinerary */
char *
export_ok (EscaleIcalExport *export,
           EscaleIcalScope   scope,
           gint64            id)
{
  return write_calendar_ok (&(EscaleIcalSources) { export, NULL, NULL },
                            &(EscaleIcalSelection) { .scope = scope, .id = id });
}

char *
export_range_ok (EscaleIcalExport *export,
                 gint64            from,
                 gint64            to)
{
  return write_calendar_ok (&(EscaleIcalSources) { export, NULL, NULL },
                            &(EscaleIcalSelection) { .scope = ESCALE_ICAL_SCOPE_RANGE, .from = from, .to = to });
}

icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

icalcomponent *
entry_with_uid (icalcomponent *calendar,
                const char    *uid)
{
  for (icalcomponent *entry = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       entry != NULL; entry = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (icalcomponent_get_uid (entry), uid) == 0)
        return entry;
    }

  g_assert_not_reached ();
}

int
sequence_of (icalcomponent *entry)
{
  icalproperty *sequence = icalcomponent_get_first_property (entry, ICAL_SEQUENCE_PROPERTY);

  g_assert_nonnull (sequence);
  return icalproperty_get_sequence (sequence);
}
