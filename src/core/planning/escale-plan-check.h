/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-event.h"

G_BEGIN_DECLS

/* A loaded coach averages about 70 km/h from Montréal to the regions once
 * the 100 km/h highways give way to 90 km/h roads, towns and a stop for the
 * driver; a counsellor can pass a speed of their own. */
#define ESCALE_PLAN_DEFAULT_ROAD_SPEED 70.0

/**
 * EscalePlanWarningKind:
 * @ESCALE_PLAN_WARNING_STOPS_OVERLAP: a stop starts before the previous one
 *   ends
 * @ESCALE_PLAN_WARNING_STOPS_OUT_OF_ORDER: a stop starts before the
 *   previous one starts
 * @ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME: the gap between two stops
 *   with coordinates is shorter than the drive between them
 * @ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT: a stop starts before the event
 *   starts or ends after it ends
 * @ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE: the event ends before it
 *   starts, a stop ends before it starts, a vehicle returns before it
 *   leaves, or a return stop comes before a departure stop
 * @ESCALE_PLAN_WARNING_NOT_ENOUGH_SEATS: registrations hold more seats than
 *   the vehicles have (only when the visit has vehicles)
 * @ESCALE_PLAN_WARNING_OVER_CAPACITY: registrations hold more seats than
 *   the event's capacity
 * @ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED: a company visit or a meeting
 *   with employers has no partner yet, or the partner has not confirmed
 * @ESCALE_PLAN_WARNING_NO_LODGING: a night of a visit, counted in the
 *   event's zone, has no lodging stop
 * @ESCALE_PLAN_WARNING_TASK_LATE: a checklist task is past its due date and
 *   not done
 *
 * What a check of a plan can find. The order is the order of the warnings
 * that concern the same stop.
 */
typedef enum
{
  ESCALE_PLAN_WARNING_STOPS_OVERLAP,
  ESCALE_PLAN_WARNING_STOPS_OUT_OF_ORDER,
  ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME,
  ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT,
  ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE,
  ESCALE_PLAN_WARNING_NOT_ENOUGH_SEATS,
  ESCALE_PLAN_WARNING_OVER_CAPACITY,
  ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED,
  ESCALE_PLAN_WARNING_NO_LODGING,
  ESCALE_PLAN_WARNING_TASK_LATE,
} EscalePlanWarningKind;

/**
 * EscalePlanWarning:
 * @kind: what is wrong
 * @stop: the position in the itinerary of the stop concerned, or -1 when
 *   the warning is about the whole event, a vehicle, a night or a task
 * @other_stop: the other stop of an overlap, an order, a travel time or a
 *   return before its departure, or -1
 * @message: the warning in plain words, translated, naming the stops by
 *   title and local time in the event's zone and giving the numbers
 */
typedef struct
{
  EscalePlanWarningKind  kind;
  int                    stop;
  int                    other_stop;
  char                  *message;
} EscalePlanWarning;

/**
 * EscalePlanContext:
 * @today: (nullable): the ISO date (YYYY-MM-DD) of today, for late tasks;
 *   %NULL leaves the checklist alone
 * @road_speed_kmh: the average road speed; 0 for
 *   %ESCALE_PLAN_DEFAULT_ROAD_SPEED
 * @seats_taken: the seats held by registrations: participants plus the
 *   members of their household who come along
 *
 * What a check needs to know beyond the event itself.
 */
typedef struct
{
  const char *today;
  double      road_speed_kmh;
  guint       seats_taken;
} EscalePlanContext;

GPtrArray  *escale_plan_check                  (EscaleEvent             *event,
                                                const EscalePlanContext *context);
void        escale_plan_warning_free           (EscalePlanWarning       *warning);
double      escale_plan_distance_km            (double                   lat1,
                                                double                   lon1,
                                                double                   lat2,
                                                double                   lon2);
const char *escale_plan_warning_kind_get_nick  (EscalePlanWarningKind    kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePlanWarning, escale_plan_warning_free)

G_END_DECLS
