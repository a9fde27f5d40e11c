/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-planning"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-participant-choices.h"
#include "escale-plan-check-private.h"

/* The checks a counsellor wants before a visit leaves: an itinerary the
 * group can follow, a seat for everyone, partners who expect the group, a
 * bed each night, a checklist on time. They only read the event; the
 * editor shows the warnings next to the stops they name, and the CLI
 * prints them. Times are instants, so durations are real elapsed time even
 * across a change of daylight saving time; days, nights and the times
 * shown are those of the event's zone. */

/* The Earth's mean radius (IUGG), in kilometres. */
#define EARTH_RADIUS_KM 6371.0088

/* The instants a GDateTime can hold, years 1 to 9999: anything else is a
 * time nobody has entered yet (new stops and events start at the smallest
 * integer). */
#define FIRST_INSTANT G_GINT64_CONSTANT (-62135596800)
#define LAST_INSTANT G_GINT64_CONSTANT (253402300799)

static const char * const kind_nicks[] = {
  [ESCALE_PLAN_WARNING_STOPS_OVERLAP] = "stops-overlap",
  [ESCALE_PLAN_WARNING_STOPS_OUT_OF_ORDER] = "stops-out-of-order",
  [ESCALE_PLAN_WARNING_TOO_LITTLE_TRAVEL_TIME] = "too-little-travel-time",
  [ESCALE_PLAN_WARNING_STOP_OUTSIDE_EVENT] = "stop-outside-event",
  [ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE] = "return-before-departure",
  [ESCALE_PLAN_WARNING_NOT_ENOUGH_SEATS] = "not-enough-seats",
  [ESCALE_PLAN_WARNING_OVER_CAPACITY] = "over-capacity",
  [ESCALE_PLAN_WARNING_PARTNER_NOT_CONFIRMED] = "partner-not-confirmed",
  [ESCALE_PLAN_WARNING_NO_LODGING] = "no-lodging",
  [ESCALE_PLAN_WARNING_TASK_LATE] = "task-late",
};

static char *
format_seats (guint seats)
{
  return g_strdup_printf (ngettext ("%u seat", "%u seats", seats), seats);
}

/* “Coach (Autobus Maheux)”, or “Minibus 2” when the carrier is not known. */
static char *
describe_vehicle (EscaleVehicle *vehicle,
                  guint          position)
{
  const char *label = escale_choice_get_label (ESCALE_TYPE_VEHICLE_KIND, escale_vehicle_get_kind (vehicle));
  const char *provider = escale_vehicle_get_provider (vehicle);

  if (provider != NULL)
    /* Translators: a vehicle by its kind and its carrier, “Coach (Autobus Maheux)”. */
    return g_strdup_printf (C_("vehicle", "%s (%s)"), label, provider);
  /* Translators: a vehicle by its kind and its place in the list, “Minibus 2”. */
  return g_strdup_printf (C_("vehicle", "%s %u"), label, position + 1);
}


static void
widen (gint64 *first,
       gint64 *last,
       gint64  instant)
{
  if (!_escale_plan_is_known (instant))
    return;
  *first = MIN (*first, instant);
  *last = MAX (*last, instant);
}

static gboolean
spans_days (EscalePlanRun *run)
{
  GListModel *vehicles = escale_event_get_vehicles (run->event);
  gint64 first = LAST_INSTANT;
  gint64 last = FIRST_INSTANT;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) last_day = NULL;
  int y1, m1, d1, y2, m2, d2;

  widen (&first, &last, escale_event_get_starts_at (run->event));
  widen (&first, &last, escale_event_get_ends_at (run->event));
  for (guint i = 0; i < run->stops->len; i++)
    {
      EscaleItineraryStop *stop = g_ptr_array_index (run->stops, i);

      widen (&first, &last, escale_itinerary_stop_get_starts_at (stop));
      widen (&first, &last, escale_itinerary_stop_get_ends_at (stop));
    }
  for (guint i = 0; i < g_list_model_get_n_items (vehicles); i++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, i);

      if (_escale_plan_is_known (escale_vehicle_get_departs_at (vehicle)))
        widen (&first, &last, escale_vehicle_get_departs_at (vehicle));
      if (_escale_plan_is_known (escale_vehicle_get_returns_at (vehicle)))
        widen (&first, &last, escale_vehicle_get_returns_at (vehicle));
    }

  if (first > last)
    return FALSE;

  first_day = _escale_plan_local_time (run, first);
  last_day = _escale_plan_local_time (run, last);
  g_date_time_get_ymd (first_day, &y1, &m1, &d1);
  g_date_time_get_ymd (last_day, &y2, &m2, &d2);
  return y1 != y2 || m1 != m2 || d1 != d2;
}

static void
check_event_times (EscalePlanRun *run)
{
  gint64 starts_at = escale_event_get_starts_at (run->event);
  gint64 ends_at = escale_event_get_ends_at (run->event);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!_escale_plan_is_known (starts_at) || !_escale_plan_is_known (ends_at) || ends_at >= starts_at)
    return;

  start = _escale_plan_format_time (run, starts_at);
  end = _escale_plan_format_time (run, ends_at);
  _escale_plan_warn (run, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, -1, -1,
                     g_strdup_printf (_("The event ends at %s, before it starts at %s."), end, start));
}

static void
check_vehicles (EscalePlanRun           *run,
                const EscalePlanContext *context)
{
  GListModel *vehicles = escale_event_get_vehicles (run->event);
  guint n_vehicles = g_list_model_get_n_items (vehicles);
  guint seats = 0;

  for (guint i = 0; i < n_vehicles; i++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, i);
      gint64 departs_at = escale_vehicle_get_departs_at (vehicle);
      gint64 returns_at = escale_vehicle_get_returns_at (vehicle);

      seats += (guint) MAX (escale_vehicle_get_seats (vehicle), 0);

      if (_escale_plan_is_known (departs_at) && _escale_plan_is_known (returns_at) && returns_at < departs_at)
        {
          g_autofree char *name = describe_vehicle (vehicle, i);
          g_autofree char *leaves = _escale_plan_format_time (run, departs_at);
          g_autofree char *returns = _escale_plan_format_time (run, returns_at);

          _escale_plan_warn (run, ESCALE_PLAN_WARNING_RETURN_BEFORE_DEPARTURE, -1, -1,
                             g_strdup_printf (_("%s returns at %s, before it leaves at %s."), name, returns, leaves));
        }
    }

  if (n_vehicles > 0 && context->seats_taken > seats)
    {
      g_autofree char *taken = format_seats (context->seats_taken);
      g_autofree char *available = format_seats (seats);

      _escale_plan_warn (run, ESCALE_PLAN_WARNING_NOT_ENOUGH_SEATS, -1, -1,
                         g_strdup_printf (_("Registrations hold %s but the vehicles have only %s."), taken, available));
    }
}

static void
check_capacity (EscalePlanRun           *run,
                const EscalePlanContext *context)
{
  int capacity = escale_event_get_capacity (run->event);
  g_autofree char *taken = NULL;

  /* -1: no limit. */
  if (capacity < 0 || context->seats_taken <= (guint) capacity)
    return;

  taken = format_seats (context->seats_taken);
  _escale_plan_warn (run, ESCALE_PLAN_WARNING_OVER_CAPACITY, -1, -1,
                     g_strdup_printf (_("Registrations hold %s but the event is limited to %d."), taken, capacity));
}

static void
check_tasks (EscalePlanRun           *run,
             const EscalePlanContext *context)
{
  GListModel *tasks = escale_event_get_tasks (run->event);
  GDate today;

  if (context->today == NULL)
    return;

  g_date_clear (&today, 1);
  escale_calendar_date_parse (context->today, &today);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (tasks, i);
      const char *due_on = escale_logistics_task_get_due_on (task);
      const char *title = escale_logistics_task_get_title (task);
      GDate due;
      g_autoptr(GDateTime) due_time = NULL;
      g_autofree char *due_text = NULL;
      int days_late;

      if (!escale_logistics_task_is_late (task, context->today))
        continue;
      if (title == NULL)
        title = _("A task without a title");

      g_date_clear (&due, 1);
      if (!escale_calendar_date_parse (due_on, &due) || !g_date_valid (&today))
        {
          _escale_plan_warn (run, ESCALE_PLAN_WARNING_TASK_LATE, -1, -1,
                             g_strdup_printf (_("“%s” was due on %s and is not done."), title, due_on));
          continue;
        }

      due_time = g_date_time_new (run->zone, g_date_get_year (&due), g_date_get_month (&due),
                                  g_date_get_day (&due), 12, 0, 0);
      due_text = _escale_plan_format_day (due_time);
      days_late = g_date_days_between (&due, &today);
      _escale_plan_warn (run, ESCALE_PLAN_WARNING_TASK_LATE, -1, -1,
                         g_strdup_printf (ngettext ("“%s” was due on %s and is not done: %d day late.",
                                                    "“%s” was due on %s and is not done: %d days late.",
                                                    days_late),
                                          title, due_text, days_late));
    }
}

/* The event's own warnings first, then the itinerary's in its order; by
 * kind for the same stop. The sort is stable: nights and tasks stay in
 * their order. */
static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const EscalePlanWarning *first = *(EscalePlanWarning * const *) a;
  const EscalePlanWarning *second = *(EscalePlanWarning * const *) b;

  if (first->stop != second->stop)
    return first->stop < second->stop ? -1 : 1;
  if (first->kind != second->kind)
    return first->kind < second->kind ? -1 : 1;
  return 0;
}

/* Times are 0 until they are chosen. */
gboolean
_escale_plan_is_known (gint64 instant)
{
  return instant != 0 && instant >= FIRST_INSTANT && instant <= LAST_INSTANT;
}

gboolean
_escale_plan_event_is_sound (EscaleEvent *event)
{
  gint64 starts_at = escale_event_get_starts_at (event);
  gint64 ends_at = escale_event_get_ends_at (event);

  return _escale_plan_is_known (starts_at) && _escale_plan_is_known (ends_at) && ends_at >= starts_at;
}

GDateTime *
_escale_plan_local_time (EscalePlanRun *run,
                         gint64         instant)
{
  g_autoptr(GDateTime) utc = NULL;

  g_assert (_escale_plan_is_known (instant));

  utc = g_date_time_new_from_unix_utc (instant);
  return g_date_time_to_timezone (utc, run->zone);
}

/* The hour of a stop, with the day of the week when the plan spans more
 * than one day: "10:30", or "Sat 10:30" on a weekend visit. */
char *
_escale_plan_format_time (EscalePlanRun *run,
                          gint64         instant)
{
  g_autoptr(GDateTime) local = _escale_plan_local_time (run, instant);

  /* Translators: a day and an hour, in g_date_time_format()'s notation. */
  return g_date_time_format (local, run->show_days ? _("%a %H:%M") : "%H:%M");
}

char *
_escale_plan_format_day (GDateTime *day)
{
  /* Translators: a date, in g_date_time_format()'s notation. */
  return g_date_time_format (day, _("%A, %B %-d"));
}

/* "25 minutes", "2 hours", "1 h 40 min". */
char *
_escale_plan_format_duration (gint64 minutes)
{
  guint hours = (guint) (minutes / 60);
  guint rest = (guint) (minutes % 60);

  if (hours == 0)
    return g_strdup_printf (ngettext ("%u minute", "%u minutes", rest), rest);
  if (rest == 0)
    return g_strdup_printf (ngettext ("%u hour", "%u hours", hours), hours);
  /* Translators: a duration of hours and minutes. */
  return g_strdup_printf (_("%u h %02u min"), hours, rest);
}

/* “Lunch at Rouyn-Noranda” (12:00): a stop as the counsellor wrote it, at
 * the time that matters to the warning. */
char *
_escale_plan_describe_stop (EscalePlanRun       *run,
                            EscaleItineraryStop *stop,
                            gint64               instant)
{
  const char *title = escale_itinerary_stop_get_title (stop);
  g_autofree char *time = NULL;

  if (title == NULL)
    title = escale_choice_get_label (ESCALE_TYPE_STOP_KIND, escale_itinerary_stop_get_kind (stop));
  if (!_escale_plan_is_known (instant))
    /* Translators: a stop of the itinerary, by its title. */
    return g_strdup_printf (C_("stop", "“%s”"), title);

  time = _escale_plan_format_time (run, instant);
  /* Translators: a stop of the itinerary, by its title and its time. */
  return g_strdup_printf (C_("stop", "“%s” (%s)"), title, time);
}

void
_escale_plan_warn (EscalePlanRun         *run,
                   EscalePlanWarningKind  kind,
                   int                    stop,
                   int                    other_stop,
                   char                  *message)
{
  EscalePlanWarning *warning = g_new0 (EscalePlanWarning, 1);

  warning->kind = kind;
  warning->stop = stop;
  warning->other_stop = other_stop;
  warning->message = message;
  g_ptr_array_add (run->warnings, warning);
}

/**
 * escale_plan_check:
 * @event: an event; exploratory visits have the most to check
 * @context: (nullable): today, the road speed and the seats taken;
 *   %NULL for no late tasks, the default speed and no seats
 *
 * Checks the plan of an event: its itinerary, vehicles, seats, partners,
 * nights and checklist.
 *
 * Returns: (transfer full) (element-type EscalePlanWarning): the warnings,
 *   the event's first, then in the order of the itinerary and by kind
 */
GPtrArray *
escale_plan_check (EscaleEvent             *event,
                   const EscalePlanContext *context)
{
  static const EscalePlanContext defaults = { NULL, 0, 0 };
  GListModel *stops;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GPtrArray) stop_list = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  EscalePlanRun run;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);
  g_return_val_if_fail (context == NULL || context->road_speed_kmh >= 0, NULL);

  if (context == NULL)
    context = &defaults;

  zone = escale_event_dup_time_zone (event);
  stops = escale_event_get_stops (event);
  stop_list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    g_ptr_array_add (stop_list, g_list_model_get_item (stops, i));
  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_plan_warning_free);

  run.event = event;
  run.zone = zone;
  run.stops = stop_list;
  run.warnings = warnings;
  run.road_speed_kmh = context->road_speed_kmh > 0 ? context->road_speed_kmh : ESCALE_PLAN_DEFAULT_ROAD_SPEED;
  run.show_days = spans_days (&run);

  check_event_times (&run);
  for (guint i = 0; i < stop_list->len; i++)
    _escale_plan_check_stop (&run, i);
  check_vehicles (&run, context);
  check_capacity (&run, context);
  _escale_plan_check_nights (&run);
  check_tasks (&run, context);

  g_ptr_array_sort (warnings, compare_warnings);
  return g_steal_pointer (&warnings);
}

void
escale_plan_warning_free (EscalePlanWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

/**
 * escale_plan_distance_km:
 *
 * Returns: the great-circle distance between two points given in degrees,
 *   on a sphere of the Earth's mean radius
 */
double
escale_plan_distance_km (double lat1,
                         double lon1,
                         double lat2,
                         double lon2)
{
  double phi1 = lat1 * G_PI / 180.0;
  double phi2 = lat2 * G_PI / 180.0;
  double dphi = (lat2 - lat1) * G_PI / 180.0;
  double dlambda = (lon2 - lon1) * G_PI / 180.0;
  double h;

  /* Haversine: stays accurate for short distances, unlike the law of
   * cosines. */
  h = sin (dphi / 2) * sin (dphi / 2) + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);
  return 2.0 * EARTH_RADIUS_KM * asin (sqrt (MIN (h, 1.0)));
}

/**
 * escale_plan_warning_kind_get_nick:
 *
 * Returns: the stable identifier of @kind, such as "stops-overlap", for
 *   JSON and the CLI
 */
const char *
escale_plan_warning_kind_get_nick (EscalePlanWarningKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_nicks), NULL);
  return kind_nicks[kind];
}
