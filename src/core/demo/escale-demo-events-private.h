/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-demo.h"
#include "escale-event-series-repository.h"

G_BEGIN_DECLS

/* Shared by the demonstration events (escale-demo-events.c), the series of
 * information sessions (escale-demo-sessions.c), the visits built from an
 * itinerary (escale-demo-visits.c) and the itineraries themselves
 * (escale-demo-itineraries.c) only. */

/* About three months on each side of today. */
#define ESCALE_DEMO_FIRST_WEEK (-13)
#define ESCALE_DEMO_LAST_WEEK 12

#define CHANCE(rand, percent) (g_rand_int_range ((rand), 0, 100) < (int) (percent))
#define PICK_ARRAY(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* A place of an exploratory visit; towns are named as the partner
 * directory names them, so that their partners can be found. */
typedef struct
{
  const char *name;
  double      latitude;
  double      longitude;
} EscaleDemoPlace;

/* Who receives the group at a stop, found in the partner directory. */
typedef enum
{
  ESCALE_DEMO_HOST_NONE,
  ESCALE_DEMO_HOST_EMPLOYER,
  ESCALE_DEMO_HOST_ORGANISATION,
} EscaleDemoHost;

/* Minutes from midnight of a visit's first day, in the visit's zone. */
#define ESCALE_DEMO_AT(day, hour, minute) ((day) * 24 * 60 + (hour) * 60 + (minute))

typedef struct
{
  EscaleStopKind         kind;
  guint                  starts;
  guint                  ends;
  const char            *title;        /* “{host}” is the partner’s name */
  const char            *place;        /* NULL: the partner’s name, or the town’s */
  const EscaleDemoPlace *town;         /* NULL on the road or in the air */
  EscaleDemoHost         host;
  gboolean               unconfirmed;  /* the partner has not confirmed yet */
} EscaleDemoStop;

typedef struct
{
  const char            *region_code;
  const char            *title;
  const char            *place_name;
  const EscaleDemoPlace *main_town;
  const char            *tzid;
  GDateWeekday           first_day;
  int                    week;         /* from the week of today; never 0 */
  guint                  fill;         /* percent of the seats asked for; past 100, a waitlist */
  gboolean               draft;
  gboolean               by_air;       /* a plane there, a minibus on the spot */
  gboolean               late_task;    /* partners still to confirm, and late */
  const char            *description;
  const char            *internal_notes;
  const EscaleDemoStop  *stops;
  guint                  n_stops;
} EscaleDemoVisit;

/* What the generator of events knows and where it writes. */
typedef struct
{
  GRand                        *rand;
  GDate                         today;
  char                         *today_text;
  gint64                        today_starts_at;   /* midnight, Montréal time */
  GTimeZone                    *montreal;
  EscaleEventRepository        *events;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
  EscaleParticipantRepository  *participants;
  GHashTable                   *pools;        /* region code ("" for all) → GArray of participant ids */
  GHashTable                   *by_town;      /* city → GPtrArray of EscalePartner, borrowed */
  GHashTable                   *by_region;    /* region code → GPtrArray of EscalePartner, borrowed */
  GPtrArray                    *regional;     /* partners outside Montréal, borrowed */
  EscaleDemoCounts             *counts;
} EscaleDemoPlanner;

/* What happens to an event once it is planned. */
typedef struct
{
  GArray   *pool;           /* who may register */
  guint     wanted_seats;   /* past the capacity, the rest wait */
  gboolean  households;     /* families may come along */
  guint     attend;         /* percent of those holding seats who come, when it is over */
  gboolean  draft;          /* still being planned: nobody registers yet */
  gboolean  cancel;         /* cancelled after people registered */
} EscaleDemoPlan;

const EscaleDemoVisit *_escale_demo_get_visits       (guint                    *n_visits);

gint64                 _escale_demo_local_instant    (GTimeZone                *zone,
                                                      const GDate              *day,
                                                      guint                     minutes);
void                   _escale_demo_day_of_week      (EscaleDemoPlanner        *planner,
                                                      int                       week,
                                                      GDateWeekday              weekday,
                                                      GDate                    *day);
char                  *_escale_demo_format_day       (const GDate              *day,
                                                      int                       offset);
const char            *_escale_demo_pick_counsellor  (EscaleDemoPlanner        *planner);
EscalePartner         *_escale_demo_pick_montreal_organiser (EscaleDemoPlanner  *planner);
EscalePartner         *_escale_demo_pick_partner     (EscaleDemoPlanner        *planner,
                                                      GPtrArray                *partners,
                                                      const EscalePartnerKind  *kinds,
                                                      guint                     n_kinds,
                                                      GHashTable               *used);
GArray                *_escale_demo_get_pool_for     (EscaleDemoPlanner        *planner,
                                                      const char               *region,
                                                      guint                     wanted,
                                                      GError                  **error);
gboolean               _escale_demo_schedule         (EscaleDemoPlanner        *planner,
                                                      EscaleEvent              *event,
                                                      const EscaleDemoPlan     *plan,
                                                      GError                  **error);
gboolean               _escale_demo_fill_event       (EscaleDemoPlanner        *planner,
                                                      EscaleEvent              *event,
                                                      const EscaleDemoPlan     *plan,
                                                      GError                  **error);
gboolean               _escale_demo_make_sessions    (EscaleDemoPlanner        *planner,
                                                      guint                     unit,
                                                      GError                  **error);
gboolean               _escale_demo_make_visit       (EscaleDemoPlanner        *planner,
                                                      guint                     unit,
                                                      const EscaleDemoVisit    *visit,
                                                      GError                  **error);

G_END_DECLS
