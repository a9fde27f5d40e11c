/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-planning"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-plan-check-private.h"

/* The rules of a visit's itinerary: stops in order, with time to drive
 * from one to the next, within the visit, with partners who expect the
 * group, and a bed each night. */

/* Roads bend around lakes, rivers and hills, and go through towns: a road
 * trip in Québec is about a quarter longer than the straight line between
 * its ends (Montréal–Rouyn-Noranda: 510 km as the crow flies, 630 km by
 * road). */
#define ROAD_FACTOR 1.25

/* A night needs a bed when the group is still away at this local hour. */
#define MIDDLE_OF_THE_NIGHT 3
/* A lodging stop that starts from noon on is that evening's, even when
 * only the check-in is entered. */
#define EVENING_FROM 12
/* A typo in a year should not give a warning for each night of it. */
#define MAX_NIGHTS 31

static EscaleItineraryStop *
stop_at (EscalePlanRun *run,
         guint          position)
{
  return g_ptr_array_index (run->stops, position);
}

static gboolean
stop_has_times (EscaleItineraryStop *stop)
{
  return _escale_plan_is_known (escale_itinerary_stop_get_starts_at (stop)) &&
         _escale_plan_is_known (escale_itinerary_stop_get_ends_at (stop));
}

/* A stop whose end is before its start has no duration to compare. */
static gboolean
stop_is_sound (EscaleItineraryStop *stop)
{
  return stop_has_times (stop) &&
         escale_itinerary_stop_get_ends_at (stop) >= escale_itinerary_stop_get_starts_at (stop);
}

static void
check_stop_times (EscalePlanRun *run,
                  guint          position)
{
  EscaleItineraryStop *stop = stop_at (run, position);
  gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
  gint64 ends_at = escale_itinerary_stop_get_ends_at (stop);
  g_autofree char *name = NULL;
  g_autofree char *end = NULL;

  if (!stop_has_times (stop))
    return;

  name = _escale_plan_describe_stop (run, stop, starts_at);
  if (ends_at < starts_at)
    {
      end = _escale_plan_format_time (run, ends_at);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, position, -1,
                         g_strdup_printf (_("%s ends at %s, before it starts."), name, end));
      return;
    }

  if (!_escale_plan_event_is_sound (run->event))
    return;

  if (starts_at < escale_event_get_starts_at (run->event))
    {
      g_autofree char *event_start = _escale_plan_format_time (run, escale_event_get_starts_at (run->event));

      _escale_plan_warn (run, ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT, position, -1,
                         g_strdup_printf (_("%s starts before the visit, which starts at %s."), name, event_start));
    }
  else if (ends_at > escale_event_get_ends_at (run->event))
    {
      g_autofree char *event_end = _escale_plan_format_time (run, escale_event_get_ends_at (run->event));

      end = _escale_plan_format_time (run, ends_at);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT, position, -1,
                         g_strdup_printf (_("%s ends at %s, after the visit, which ends at %s."), name, end, event_end));
    }
}

static void
check_partner (EscalePlanRun *run,
               guint          position)
{
  EscaleItineraryStop *stop = stop_at (run, position);
  EscaleStopKind kind = escale_itinerary_stop_get_kind (stop);
  g_autofree char *name = NULL;

  if (kind != ESCALE_STOP_KIND_COMPANY_VISIT && kind != ESCALE_STOP_KIND_EMPLOYER_MEETING)
    return;

  name = _escale_plan_describe_stop (run, stop, escale_itinerary_stop_get_starts_at (stop));
  if (escale_itinerary_stop_get_organization_id (stop) == 0)
    _escale_plan_warn (run, ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED, position, -1,
                       g_strdup_printf (_("%s has no partner yet: choose the company or the employer the group will meet."), name));
  else if (!escale_itinerary_stop_get_partner_confirmed (stop))
    _escale_plan_warn (run, ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED, position, -1,
                       g_strdup_printf (_("%s is not confirmed by the partner yet."), name));
}

/* Compares a stop with the one before it in the itinerary: only the first
 * thing wrong is told, as a stop out of order also overlaps. */
static void
check_pair (EscalePlanRun *run,
            guint          position)
{
  EscaleItineraryStop *previous = stop_at (run, position - 1);
  EscaleItineraryStop *stop = stop_at (run, position);
  gint64 previous_start = escale_itinerary_stop_get_starts_at (previous);
  gint64 previous_end = escale_itinerary_stop_get_ends_at (previous);
  gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
  double lat1, lon1, lat2, lon2;
  double distance_km;
  gint64 gap, gap_minutes, drive_minutes;
  g_autofree char *name = NULL;
  g_autofree char *previous_name = NULL;
  g_autofree char *gap_text = NULL;
  g_autofree char *drive_text = NULL;

  if (!stop_is_sound (previous) || !stop_is_sound (stop))
    return;

  name = _escale_plan_describe_stop (run, stop, starts_at);
  if (starts_at < previous_start)
    {
      previous_name = _escale_plan_describe_stop (run, previous, previous_start);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_STOPS_OUT_OF_ORDER, position, position - 1,
                         g_strdup_printf (_("%s starts before %s, which comes before it in the itinerary."), name, previous_name));
      return;
    }

  previous_name = _escale_plan_describe_stop (run, previous, previous_end);
  if (starts_at < previous_end)
    {
      /* Rounded up: a 20-second overlap is still one. */
      gap_text = _escale_plan_format_duration ((previous_end - starts_at + 59) / 60);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_STOPS_OVERLAP, position, position - 1,
                         g_strdup_printf (_("%s starts %s before %s ends."), name, gap_text, previous_name));
      return;
    }

  if (!escale_itinerary_stop_get_coordinates (previous, &lat1, &lon1) ||
      !escale_itinerary_stop_get_coordinates (stop, &lat2, &lon2))
    return;

  /* To the nearest minute: two stops in the same street need no time
   * between them. */
  distance_km = escale_plan_distance_km (lat1, lon1, lat2, lon2) * ROAD_FACTOR;
  drive_minutes = (gint64) round (distance_km / run->road_speed_kmh * 60.0);
  gap = starts_at - previous_end;
  if (gap >= drive_minutes * 60)
    return;

  /* Rounded down, the gap shown is always shorter than the drive. */
  gap_minutes = gap / 60;
  drive_text = _escale_plan_format_duration (drive_minutes);
  if (gap_minutes == 0)
    {
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME, position, position - 1,
                         g_strdup_printf (_("%s starts as soon as %s ends, but the drive of about %.0f km takes about %s."),
                                          name, previous_name, distance_km, drive_text));
      return;
    }

  gap_text = _escale_plan_format_duration (gap_minutes);
  _escale_plan_warn (run, ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME, position, position - 1,
                     g_strdup_printf (_("%s starts %s after %s ends, but the drive of about %.0f km takes about %s."),
                                      name, gap_text, previous_name, distance_km, drive_text));
}

/* A return stop must come after the departure, both in the list and in
 * time; each return is compared with the first departure it precedes. */
static void
check_return (EscalePlanRun *run,
              guint          position)
{
  EscaleItineraryStop *stop = stop_at (run, position);
  gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);

  if (escale_itinerary_stop_get_kind (stop) != ESCALE_STOP_KIND_RETURN)
    return;

  for (guint i = 0; i < run->stops->len; i++)
    {
      EscaleItineraryStop *departure = stop_at (run, i);
      gint64 departs_at = escale_itinerary_stop_get_starts_at (departure);
      g_autofree char *name = NULL;
      g_autofree char *departure_name = NULL;

      if (escale_itinerary_stop_get_kind (departure) != ESCALE_STOP_KIND_DEPARTURE)
        continue;
      /* Before it in the list, a departure must also be before it in
       * time. */
      if (i < position &&
          !(_escale_plan_is_known (starts_at) && _escale_plan_is_known (departs_at) && starts_at < departs_at))
        continue;

      name = _escale_plan_describe_stop (run, stop, starts_at);
      departure_name = _escale_plan_describe_stop (run, departure, departs_at);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, position, (int) i,
                         g_strdup_printf (_("The return, %s, comes before the departure, %s."), name, departure_name));
      return;
    }
}

static gboolean
lodging_covers (EscalePlanRun *run,
                GDateTime     *evening,
                GDateTime     *night)
{
  gint64 evening_at = g_date_time_to_unix (evening);
  gint64 night_at = g_date_time_to_unix (night);

  for (guint i = 0; i < run->stops->len; i++)
    {
      EscaleItineraryStop *stop = stop_at (run, i);
      gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
      gint64 ends_at = escale_itinerary_stop_get_ends_at (stop);

      if (escale_itinerary_stop_get_kind (stop) != ESCALE_STOP_KIND_LODGING || !_escale_plan_is_known (starts_at))
        continue;
      /* Checked in that evening (even after midnight), or there all night. */
      if (starts_at <= night_at &&
          (starts_at >= evening_at || (_escale_plan_is_known (ends_at) && ends_at >= night_at)))
        return TRUE;
    }

  return FALSE;
}

/* A stop's own rules, and those it shares with the stop before it. */
void
_escale_plan_check_stop (EscalePlanRun *run,
                         guint          position)
{
  check_stop_times (run, position);
  if (position > 0)
    check_pair (run, position);
  check_return (run, position);
  check_partner (run, position);
}

/* Each night the group is away, counted in the event's zone: on the
 * Îles-de-la-Madeleine, midnight comes an hour before Montréal's. A night
 * is the group's when the visit has begun by that day and lasts until the
 * middle of the night: a return to Montréal at 1 a.m. needs no bed. */
void
_escale_plan_check_nights (EscalePlanRun *run)
{
  g_autoptr(GDateTime) start = NULL;
  gint64 ends_at = escale_event_get_ends_at (run->event);
  GDate day;
  int year, month, date;

  /* A fair over two days has no nights to plan. */
  if (escale_event_get_kind (run->event) != ESCALE_EVENT_KIND_EXPLORATORY_VISIT ||
      !_escale_plan_event_is_sound (run->event))
    return;

  start = _escale_plan_local_time (run, escale_event_get_starts_at (run->event));
  g_date_time_get_ymd (start, &year, &month, &date);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) date, (GDateMonth) month, (GDateYear) year);

  for (guint n = 0; n < MAX_NIGHTS; n++, g_date_add_days (&day, 1))
    {
      GDate morning = day;
      g_autoptr(GDateTime) evening = NULL;
      g_autoptr(GDateTime) night = NULL;
      g_autofree char *day_text = NULL;

      g_date_add_days (&morning, 1);
      night = g_date_time_new (run->zone, g_date_get_year (&morning), g_date_get_month (&morning),
                               g_date_get_day (&morning), MIDDLE_OF_THE_NIGHT, 0, 0);
      if (night == NULL || g_date_time_to_unix (night) > ends_at)
        break;

      evening = g_date_time_new (run->zone, g_date_get_year (&day), g_date_get_month (&day),
                                 g_date_get_day (&day), EVENING_FROM, 0, 0);
      if (lodging_covers (run, evening, night))
        continue;

      day_text = _escale_plan_format_day (evening);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_NO_LODGING, -1, -1,
                         g_strdup_printf (_("No lodging is planned for the night of %s."), day_text));
    }
}
