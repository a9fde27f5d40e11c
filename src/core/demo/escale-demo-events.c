/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-demo-events-private.h"

/* Demonstration events around today: an information session each week on a
 * Montréal evening, in person or online (two series, see
 * escale-demo-sessions.c), a regionalisation fair, and the
 * exploratory visits of escale-demo-itineraries.c, which
 * escale-demo-visits.c fills with partners, a coach and a checklist. People
 * register through the registration repository, as a counsellor would, so
 * that capacities, households and waitlists follow the real rules; past
 * events are done, with their roll calls. The same seed, scale and day give
 * the same events. */

/* Registrations are what makes the demonstration slow: each one is a
 * transaction of its own, written to disk, that reads the person's whole
 * file and the whole event, as in the application (about a millisecond, and
 * over ten under the sanitizers, where the command-line tests run the
 * demonstration a dozen times). So a session has the handful of people a
 * counsellor registers ahead, the fair a few more, and the visits are full. */
#define FAIR_REGISTRATIONS_MIN 6
#define FAIR_REGISTRATIONS_MAX 12

static const struct
{
  const char *name;
  const char *address;
  double      latitude;
  double      longitude;
} fair_venues[] = {
  { "Marché Bonsecours", "350, rue Saint-Paul Est, Montréal", 45.5088, -73.5516 },
  { "Palais des congrès de Montréal", "1001, place Jean-Paul-Riopelle, Montréal", 45.5040, -73.5610 },
};

static const char *const fair_titles[] = {
  "Salon de la régionalisation de Montréal", "Salon Emplois en région", "Salon Vivre et travailler en région",
};

static const char *const counsellors[] = {
  "Geneviève", "Karim", "Marie-Ève", "Stéphanie", "Olivier", "Nadia",
};

static const EscalePartnerKind montreal_organisations[] = { ESCALE_PARTNER_KIND_REGIONALISATION };

static void
planner_clear (EscaleDemoPlanner *planner)
{
  g_clear_pointer (&planner->rand, g_rand_free);
  g_clear_pointer (&planner->today_text, g_free);
  g_clear_pointer (&planner->montreal, g_time_zone_unref);
  g_clear_pointer (&planner->pools, g_hash_table_unref);
  g_clear_pointer (&planner->by_town, g_hash_table_unref);
  g_clear_pointer (&planner->by_region, g_hash_table_unref);
  g_clear_pointer (&planner->regional, g_ptr_array_unref);
  g_clear_object (&planner->series);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscaleDemoPlanner, planner_clear)

/* The @weekday of the week @week weeks from today's (weeks start on Monday). */
void
_escale_demo_day_of_week (EscaleDemoPlanner *planner,
                          int                week,
                          GDateWeekday       weekday,
                          GDate             *day)
{
  int offset = week * 7 + (int) weekday - (int) g_date_get_weekday (&planner->today);

  *day = planner->today;
  if (offset >= 0)
    g_date_add_days (day, (guint) offset);
  else
    g_date_subtract_days (day, (guint) -offset);
}

char *
_escale_demo_format_day (const GDate *day,
                         int          offset)
{
  GDate moved = *day;

  if (offset >= 0)
    g_date_add_days (&moved, (guint) offset);
  else
    g_date_subtract_days (&moved, (guint) -offset);

  return escale_calendar_date_format (&moved);
}

const char *
_escale_demo_pick_counsellor (EscaleDemoPlanner *planner)
{
  return PICK_ARRAY (planner->rand, counsellors);
}

/* @minutes after midnight of @day, in @zone. */
gint64
_escale_demo_local_instant (GTimeZone   *zone,
                            const GDate *day,
                            guint        minutes)
{
  GDate date = *day;
  g_autoptr(GDateTime) time = NULL;

  g_date_add_days (&date, minutes / (24 * 60));
  minutes %= 24 * 60;
  time = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                          (int) minutes / 60, (int) minutes % 60, 0);
  return g_date_time_to_unix (time);
}

static void
add_to_index (GHashTable    *index,
              const char    *key,
              EscalePartner *partner)
{
  GPtrArray *partners = g_hash_table_lookup (index, key);

  if (partners == NULL)
    {
      partners = g_ptr_array_new ();
      g_hash_table_insert (index, (gpointer) key, partners);
    }
  g_ptr_array_add (partners, partner);
}

/* Archived partners no longer receive groups. */
static void
index_partners (EscaleDemoPlanner *planner,
                GListModel        *partners)
{
  planner->by_town = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  planner->by_region = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  planner->regional = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (partners, i);
      const char *city = escale_partner_get_city (partner);
      const char *region = escale_partner_get_region_code (partner);

      /* The repository's list keeps its partners alive for the whole run. */
      if (escale_partner_get_archived (partner))
        continue;
      if (city != NULL)
        add_to_index (planner->by_town, city, partner);
      if (region != NULL)
        add_to_index (planner->by_region, region, partner);
      if (g_strcmp0 (region, "06") != 0)
        g_ptr_array_add (planner->regional, partner);
    }
}

/* A random partner of @partners of one of @kinds, not in @used; %NULL when
 * there is none. */
EscalePartner *
_escale_demo_pick_partner (EscaleDemoPlanner       *planner,
                           GPtrArray               *partners,
                           const EscalePartnerKind *kinds,
                           guint                    n_kinds,
                           GHashTable              *used)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  EscalePartner *partner;

  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      EscalePartner *candidate = g_ptr_array_index (partners, i);

      if (used != NULL && g_hash_table_contains (used, candidate))
        continue;
      for (guint k = 0; k < n_kinds; k++)
        {
          if (escale_partner_get_kind (candidate) == kinds[k])
            {
              g_ptr_array_add (found, candidate);
              break;
            }
        }
    }

  if (found->len == 0)
    return NULL;

  partner = g_ptr_array_index (found, g_rand_int_range (planner->rand, 0, (gint32) found->len));
  if (used != NULL)
    g_hash_table_add (used, partner);
  return partner;
}

/* The participants who consented to registration, interested in @region
 * (NULL: all of them), in the order of their names. */
static GArray *
get_pool (EscaleDemoPlanner  *planner,
          const char         *region,
          GError            **error)
{
  EscaleParticipantQuery query;
  GArray *ids = g_hash_table_lookup (planner->pools, region != NULL ? region : "");

  if (ids != NULL)
    return ids;

  escale_participant_query_init (&query);
  query.consent = ESCALE_CONSENT_FILTER_GIVEN;
  query.region_code = region;
  query.today = planner->today_text;
  ids = escale_participant_repository_search (planner->participants, &query, error);
  if (ids != NULL)
    g_hash_table_insert (planner->pools, g_strdup (region != NULL ? region : ""), ids);

  return ids;
}

/* Those interested in the region when they are enough to choose from,
 * everybody otherwise. */
GArray *
_escale_demo_get_pool_for (EscaleDemoPlanner  *planner,
                           const char         *region,
                           guint               wanted,
                           GError            **error)
{
  GArray *ids = region != NULL ? get_pool (planner, region, error) : NULL;

  if (ids != NULL && ids->len >= 3 * wanted)
    return ids;
  if (region != NULL && ids == NULL)
    return NULL;

  return get_pool (planner, NULL, error);
}

static gint64
pick_participant (EscaleDemoPlanner *planner,
                  GArray            *pool,
                  GHashTable        *taken)
{
  for (guint attempt = 0; pool->len > 0 && attempt < 50; attempt++)
    {
      gint64 id = g_array_index (pool, gint64, g_rand_int_range (planner->rand, 0, (gint32) pool->len));

      if (g_hash_table_add (taken, GSIZE_TO_POINTER ((gsize) id)))
        return id;
    }

  return 0;
}

/* Families come along to some visits: the participant and up to three of
 * their household, when they have one. Returns 0 on an error. */
static int
household_seats (EscaleDemoPlanner  *planner,
                 gint64              participant_id,
                 GError            **error)
{
  g_autoptr(EscaleParticipant) participant = NULL;
  guint n_members;

  /* Decided first: a file is worth reading only for a family. */
  if (!CHANCE (planner->rand, 40))
    return 1;

  participant = escale_participant_repository_load (planner->participants, participant_id, error);
  if (participant == NULL)
    return 0;

  n_members = g_list_model_get_n_items (escale_participant_get_household (participant));
  return 1 + (int) MIN (n_members, 3);
}

static gboolean
register_people (EscaleDemoPlanner     *planner,
                 gint64                 event_id,
                 const EscaleDemoPlan  *plan,
                 GError               **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  EscaleRegisterOptions options = { .today = planner->today_text };
  guint asked = 0;

  while (asked < plan->wanted_seats)
    {
      g_autoptr(EscaleRegistration) registration = NULL;
      gint64 participant_id = pick_participant (planner, plan->pool, taken);

      if (participant_id == 0)
        break;

      options.seats = plan->households ? household_seats (planner, participant_id, error) : 1;
      if (options.seats == 0)
        return FALSE;

      registration = escale_registration_repository_register (planner->registrations, event_id, participant_id,
                                                              &options, error);
      if (registration == NULL)
        return FALSE;

      asked += (guint) options.seats;
      planner->counts->registrations++;
    }

  return TRUE;
}

/* The participant ids of @registrations that hold seats. */
static GArray *
holders_of (GPtrArray *registrations)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < registrations->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (registrations, i);
      gint64 id = escale_registration_get_participant_id (registration);

      if (escale_registration_holds_seats (registration))
        g_array_append_val (ids, id);
    }

  return ids;
}

/* Someone gives up their seat; the waitlist gets it. */
static gboolean
cancel_one (EscaleDemoPlanner  *planner,
            gint64              event_id,
            GError            **error)
{
  g_autoptr(GPtrArray) registrations = escale_registration_repository_list (planner->registrations, event_id, error);
  g_autoptr(GArray) holders = NULL;
  g_autoptr(GPtrArray) promoted = NULL;

  if (registrations == NULL)
    return FALSE;

  holders = holders_of (registrations);
  if (holders->len == 0)
    return TRUE;

  return escale_registration_repository_cancel (planner->registrations, event_id,
                                                g_array_index (holders, gint64,
                                                               g_rand_int_range (planner->rand, 0, (gint32) holders->len)),
                                                &promoted, error);
}

static gboolean
is_called_at (EscaleStopKind kind)
{
  return kind == ESCALE_STOP_KIND_DEPARTURE || kind == ESCALE_STOP_KIND_COMPANY_VISIT ||
         kind == ESCALE_STOP_KIND_PRESENTATION || kind == ESCALE_STOP_KIND_EMPLOYER_MEETING ||
         kind == ESCALE_STOP_KIND_RETURN;
}

/* Who came, then, on a visit, who was there at each stop where the
 * counsellor counts heads: now and then someone skips a company. */
static gboolean
take_roll_calls (EscaleDemoPlanner  *planner,
                 EscaleEvent        *event,
                 guint               attend,
                 GError            **error)
{
  gint64 event_id = escale_event_get_id (event);
  GListModel *stops = escale_event_get_stops (event);
  g_autoptr(GPtrArray) registrations = escale_registration_repository_list (planner->registrations, event_id, error);
  g_autoptr(GArray) holders = NULL;
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (registrations == NULL)
    return FALSE;

  holders = holders_of (registrations);
  for (guint i = 0; i < holders->len; i++)
    {
      if (CHANCE (planner->rand, attend))
        g_array_append_val (present, g_array_index (holders, gint64, i));
    }

  if (!escale_registration_repository_take_roll_call (planner->registrations, event_id, 0,
                                                      (const gint64 *) present->data, present->len, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autoptr(GArray) there = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!is_called_at (escale_itinerary_stop_get_kind (stop)))
        continue;

      for (guint j = 0; j < present->len; j++)
        {
          if (!CHANCE (planner->rand, 3))
            g_array_append_val (there, g_array_index (present, gint64, j));
        }

      if (!escale_registration_repository_take_roll_call (planner->registrations, event_id,
                                                          escale_itinerary_stop_get_id (stop),
                                                          (const gint64 *) there->data, there->len, error))
        return FALSE;
    }

  return TRUE;
}

/* Registers people for the saved @event, and closes it when it is over:
 * what a counsellor does over the weeks around it. A draft stays as it
 * is. */
gboolean
_escale_demo_fill_event (EscaleDemoPlanner     *planner,
                         EscaleEvent           *event,
                         const EscaleDemoPlan  *plan,
                         GError               **error)
{
  gboolean past = escale_event_get_ends_at (event) < planner->today_starts_at;

  if (plan->draft)
    return TRUE;

  if (!register_people (planner, escale_event_get_id (event), plan, error) ||
      (CHANCE (planner->rand, 40) && !cancel_one (planner, escale_event_get_id (event), error)))
    return FALSE;

  if (plan->cancel)
    return escale_event_repository_cancel (planner->events, event, error);
  if (!past)
    return TRUE;

  if (!take_roll_calls (planner, event, plan->attend, error))
    return FALSE;
  escale_event_set_status (event, ESCALE_EVENT_STATUS_DONE);
  return escale_event_repository_save (planner->events, event, error);
}

/* Publishes @event (a draft stays one), then fills it. */
gboolean
_escale_demo_schedule (EscaleDemoPlanner     *planner,
                       EscaleEvent           *event,
                       const EscaleDemoPlan  *plan,
                       GError               **error)
{
  escale_event_set_status (event, plan->draft ? ESCALE_EVENT_STATUS_DRAFT : ESCALE_EVENT_STATUS_PUBLISHED);
  return escale_event_repository_save (planner->events, event, error) &&
         _escale_demo_fill_event (planner, event, plan, error);
}

/* One of the regionalisation organisations of Montréal. */
EscalePartner *
_escale_demo_pick_montreal_organiser (EscaleDemoPlanner *planner)
{
  return _escale_demo_pick_partner (planner, g_hash_table_lookup (planner->by_town, "Montréal"),
                                    montreal_organisations, G_N_ELEMENTS (montreal_organisations), NULL);
}

static gboolean
make_fair (EscaleDemoPlanner  *planner,
           guint               unit,
           GError            **error)
{
  int week = unit == 0 ? -5 : g_rand_int_range (planner->rand, ESCALE_DEMO_FIRST_WEEK, ESCALE_DEMO_LAST_WEEK + 1);
  guint venue = unit % G_N_ELEMENTS (fair_venues);
  g_autoptr(EscaleEvent) event = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EscalePartner *organiser = _escale_demo_pick_montreal_organiser (planner);
  g_autofree char *deadline = NULL;
  EscaleDemoPlan plan = { .attend = 75 };
  GDate day;

  _escale_demo_day_of_week (planner, week, G_DATE_SATURDAY, &day);
  deadline = _escale_demo_format_day (&day, -2);

  escale_event_set_text (event, "title", fair_titles[unit % G_N_ELEMENTS (fair_titles)]);
  escale_event_set_text (event, "place-name", fair_venues[venue].name);
  escale_event_set_text (event, "address", fair_venues[venue].address);
  escale_event_set_coordinates (event, fair_venues[venue].latitude, fair_venues[venue].longitude);
  escale_event_set_text (event, "registration-deadline", deadline);
  escale_event_set_text (event, "description",
                         "Des employeurs et des organismes de toutes les régions du Québec\u00a0: offres d’emploi, "
                         "logement, programmes d’aide à l’installation et inscriptions aux visites exploratoires.");
  escale_event_set_times (event,
                          _escale_demo_local_instant (planner->montreal, &day, ESCALE_DEMO_AT (0, 10, 0)),
                          _escale_demo_local_instant (planner->montreal, &day, ESCALE_DEMO_AT (0, 16, 0)));
  /* Some fairs count their visitors at the door, others do not. */
  escale_event_set_capacity (event, unit % 2 == 0 ? -1 : 400);
  if (organiser != NULL)
    {
      gint64 id = escale_partner_get_id (organiser);

      escale_event_set_text (event, "organizer", escale_partner_get_name (organiser));
      g_array_append_val (partner_ids, id);
    }

  /* Dozens of exhibitors from the regions. */
  for (guint i = 0; i < 30 && planner->regional->len > 0; i++)
    {
      EscalePartner *partner = g_ptr_array_index (planner->regional,
                                                  g_rand_int_range (planner->rand, 0, (gint32) planner->regional->len));
      gint64 id = escale_partner_get_id (partner);

      if (g_hash_table_add (used, partner))
        g_array_append_val (partner_ids, id);
    }
  escale_event_set_partner_ids (event, (const gint64 *) partner_ids->data, partner_ids->len);

  plan.wanted_seats = (guint) g_rand_int_range (planner->rand, FAIR_REGISTRATIONS_MIN, FAIR_REGISTRATIONS_MAX + 1) *
                      (week > 0 ? 50 : 100) / 100;
  plan.pool = get_pool (planner, NULL, error);
  planner->counts->fairs++;
  return plan.pool != NULL && _escale_demo_schedule (planner, event, &plan, error);
}

/**
 * escale_demo_check_events_empty:
 *
 * Like escale_demo_check_participants_empty(), for the events.
 *
 * Returns: %TRUE when @events holds no event
 */
gboolean
escale_demo_check_events_empty (EscaleEventRepository  *events,
                                GError                **error)
{
  EscaleEventQuery query = { .kind = -1 };
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), FALSE);

  found = escale_event_repository_list (events, &query, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("This database already holds data; demonstration data goes into a new, empty database"));
      return FALSE;
    }

  return TRUE;
}

/**
 * escale_demo_generate_events:
 * @partners: the demonstration partners, who host the visits
 * @participants: the demonstration participants, who register
 * @seed: the random seed; the same seed gives the same events
 * @scale: multiplies the volumes: per unit, 26 information sessions
 *   (two series, one of them online), a fair and 7 exploratory visits,
 *   about 200 registrations
 * @today: the day the events are planned around
 * @counts: (inout): its event counters are set; the others are left
 *
 * Plans demonstration events after escale_demo_generate() and
 * escale_demo_generate_participants(), and registers participants who
 * consented, through @registrations: one transaction per registration, as
 * in the application. A database that already holds events is refused.
 */
gboolean
escale_demo_generate_events (EscaleEventRepository         *events,
                             EscaleRegistrationRepository  *registrations,
                             EscalePartnerRepository       *partners,
                             EscaleParticipantRepository   *participants,
                             guint32                        seed,
                             guint                          scale,
                             const GDate                   *today,
                             EscaleDemoCounts              *counts,
                             GError                       **error)
{
  g_auto(EscaleDemoPlanner) planner = { NULL };
  EscaleDemoCounts local_counts = { 0 };
  guint n_visits;
  const EscaleDemoVisit *visits = _escale_demo_get_visits (&n_visits);

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), FALSE);
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (registrations), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (partners), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!escale_demo_check_events_empty (events, error))
    return FALSE;

  /* A sequence of its own, as for the participants. */
  planner.rand = g_rand_new_with_seed (seed ^ 0x85ebca6bu);
  planner.today = *today;
  planner.today_text = escale_calendar_date_format (today);
  planner.montreal = g_time_zone_new_identifier (ESCALE_DEFAULT_TZID);
  planner.today_starts_at = _escale_demo_local_instant (planner.montreal, today, 0);
  planner.events = events;
  planner.series = escale_event_series_repository_new (events);
  planner.registrations = registrations;
  planner.participants = participants;
  planner.pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  planner.counts = &local_counts;
  index_partners (&planner, escale_partner_repository_get_partners (partners));

  for (guint unit = 0; unit < scale; unit++)
    {
      if (!_escale_demo_make_sessions (&planner, unit, error) || !make_fair (&planner, unit, error))
        return FALSE;

      for (guint i = 0; i < n_visits; i++)
        {
          if (!_escale_demo_make_visit (&planner, unit, &visits[i], error))
            return FALSE;
        }
    }

  if (counts != NULL)
    {
      counts->sessions = local_counts.sessions;
      counts->fairs = local_counts.fairs;
      counts->visits = local_counts.visits;
      counts->registrations = local_counts.registrations;
    }

  return TRUE;
}
