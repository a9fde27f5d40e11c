/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-plan-check.h"

G_BEGIN_DECLS

/* One run of escale_plan_check(), shared by the rules of the event
 * (escale-plan-check.c) and those of its itinerary
 * (escale-plan-itinerary.c). */
typedef struct
{
  EscaleEvent *event;
  GTimeZone   *zone;
  GPtrArray   *stops;      /* (element-type EscaleItineraryStop) */
  GPtrArray   *warnings;   /* (element-type EscalePlanWarning) */
  double       road_speed_kmh;
  gboolean     show_days;  /* the plan spans more than one local day */
} EscalePlanRun;

gboolean   _escale_plan_is_known        (gint64                 instant);
gboolean   _escale_plan_event_is_sound  (EscaleEvent           *event);
GDateTime *_escale_plan_local_time      (EscalePlanRun         *run,
                                         gint64                 instant);
char      *_escale_plan_format_time     (EscalePlanRun         *run,
                                         gint64                 instant);
char      *_escale_plan_format_day      (GDateTime             *day);
char      *_escale_plan_format_duration (gint64                 minutes);
char      *_escale_plan_describe_stop   (EscalePlanRun         *run,
                                         EscaleItineraryStop   *stop,
                                         gint64                 instant);
void       _escale_plan_warn            (EscalePlanRun         *run,
                                         EscalePlanWarningKind  kind,
                                         int                    stop,
                                         int                    other_stop,
                                         char                  *message);

void       _escale_plan_check_stop      (EscalePlanRun         *run,
                                         guint                  position);
void       _escale_plan_check_nights    (EscalePlanRun         *run);

G_END_DECLS
