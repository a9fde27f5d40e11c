/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include "escale-calendar-date.h"
#include "escale-demo-events-private.h"

/* An exploratory visit of escale-demo-itineraries.c made real: the
 * partners of the directory who receive the group in each town, the
 * regional host who organises it, a coach (or, on the islands, a minibus
 * that meets the plane) and the checklist of what must be booked, on time
 * except when the visit is meant to show a late task. */

/* Carriers and drivers are fictitious; islanders drive on the islands. */
static const char *const carrier_names[] = { "Bélanger", "Fortin", "Lessard", "Poirier", "Caron", "Gagné" };
static const char *const island_names[] = { "Arseneau", "Cormier", "Leblanc", "Cyr", "Bourgeois" };
static const char *const drivers[] = {
  "Réjean", "Sylvie", "Denis", "Manon", "Gilles", "Johanne", "Alain", "Chantal",
};

static const struct
{
  const char *title;
  int         due;           /* days from the first day */
  gboolean    lodging;       /* only for visits with nights away */
} checklist[] = {
  { "Réserver le transport", -45, FALSE },
  { "Réserver l’hébergement", -40, TRUE },
  { "Confirmer les entreprises et les employeurs", -14, FALSE },
  { "Envoyer la convocation et le programme aux participants", -10, FALSE },
  { "Transmettre les restrictions alimentaires aux restaurants", -5, FALSE },
  { "Imprimer les listes de présence", -2, FALSE },
  { "Envoyer le sondage de satisfaction", 2, FALSE },
};

/* The task a visit with EscaleDemoVisit.late_task has not done in time. */
#define LATE_TASK 2

static const EscalePartnerKind employers[] = { ESCALE_PARTNER_KIND_EMPLOYER };
/* A hospital, a school board, a town or a cooperative hire too. */
static const EscalePartnerKind other_employers[] = {
  ESCALE_PARTNER_KIND_HEALTH, ESCALE_PARTNER_KIND_EDUCATION, ESCALE_PARTNER_KIND_MUNICIPALITY,
  ESCALE_PARTNER_KIND_OTHER,
};
static const EscalePartnerKind organisations[] = {
  ESCALE_PARTNER_KIND_REGIONAL_HOST, ESCALE_PARTNER_KIND_CHAMBER_OF_COMMERCE,
  ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT, ESCALE_PARTNER_KIND_MUNICIPALITY,
};
static const EscalePartnerKind hosts[] = { ESCALE_PARTNER_KIND_REGIONAL_HOST };

/* Who receives the group at a stop, and what the stop becomes. */
typedef struct
{
  EscalePartner  *partner;
  EscaleStopKind  kind;
  const char     *title;     /* “{host}” and “{city}” are the partner’s */
} Host;

/* A company of the town, or else an employer of another town of the visit
 * who comes to meet the group, or else the town's economic developers who
 * show the group around; an organisation of the town, else of the region,
 * for a presentation. A small directory may have nobody: a draft's stop
 * then waits for a partner, and the checks say so; elsewhere the group
 * has free time instead. */
static void
find_host (EscaleDemoPlanner    *planner,
           const EscaleDemoStop *stop,
           const char           *region,
           gboolean              draft,
           GPtrArray            *nearby,
           GHashTable           *used,
           Host                 *host)
{
  GPtrArray *town = g_hash_table_lookup (planner->by_town, stop->town->name);
  GPtrArray *region_partners = g_hash_table_lookup (planner->by_region, region);

  host->kind = stop->kind;
  host->title = stop->title;

  if (stop->host == ESCALE_DEMO_HOST_ORGANISATION)
    {
      host->partner = _escale_demo_pick_partner (planner, town, organisations, G_N_ELEMENTS (organisations), NULL);
      if (host->partner == NULL)
        host->partner = _escale_demo_pick_partner (planner, region_partners, organisations,
                                                   G_N_ELEMENTS (organisations), NULL);
      return;
    }

  host->partner = _escale_demo_pick_partner (planner, town, employers, G_N_ELEMENTS (employers), used);
  if (host->partner == NULL)
    host->partner = _escale_demo_pick_partner (planner, town, other_employers, G_N_ELEMENTS (other_employers), used);
  if (host->partner != NULL)
    return;

  host->partner = _escale_demo_pick_partner (planner, nearby, employers, G_N_ELEMENTS (employers), used);
  if (host->partner == NULL)
    host->partner = _escale_demo_pick_partner (planner, nearby, other_employers, G_N_ELEMENTS (other_employers),
                                               used);
  if (host->partner != NULL)
    {
      host->kind = ESCALE_STOP_KIND_EMPLOYER_MEETING;
      host->title = "Rencontre avec {host} ({city})";
      return;
    }

  host->partner = _escale_demo_pick_partner (planner, town, organisations, G_N_ELEMENTS (organisations), used);
  if (host->partner != NULL)
    {
      host->title = "Visite d’entreprises avec {host}";
    }
  else if (draft)
    {
      host->title = "Visite\u00a0: entreprise à trouver";
    }
  else
    {
      host->kind = ESCALE_STOP_KIND_FREE_TIME;
      host->title = "Temps libre à {town}";
    }
}

static EscaleItineraryStop *
make_stop (EscaleDemoPlanner     *planner,
           const EscaleDemoVisit *visit,
           const EscaleDemoStop  *template,
           GTimeZone             *zone,
           const GDate           *first_day,
           GPtrArray             *nearby,
           GHashTable            *used)
{
  g_autoptr(EscaleItineraryStop) stop = NULL;
  Host found = { NULL, template->kind, template->title };
  EscalePartner *host;
  gboolean in_town;
  GString *title;
  double latitude, longitude;

  if (template->host != ESCALE_DEMO_HOST_NONE)
    find_host (planner, template, visit->region_code, visit->draft, nearby, used, &found);
  host = found.partner;
  in_town = host != NULL && g_strcmp0 (escale_partner_get_city (host), template->town->name) == 0;

  title = g_string_new (found.title);
  if (template->town != NULL)
    g_string_replace (title, "{town}", template->town->name, 0);
  if (host != NULL)
    {
      g_string_replace (title, "{host}", escale_partner_get_name (host), 0);
      g_string_replace (title, "{city}", escale_partner_get_city (host), 0);
    }
  stop = escale_itinerary_stop_new (found.kind, title->str,
                                    _escale_demo_local_instant (zone, first_day, template->starts),
                                    _escale_demo_local_instant (zone, first_day, template->ends));
  g_string_free (title, TRUE);

  if (template->place != NULL)
    escale_itinerary_stop_set_place_name (stop, template->place);
  else if (in_town)
    escale_itinerary_stop_set_place_name (stop, escale_partner_get_name (host));
  else if (template->town != NULL)
    escale_itinerary_stop_set_place_name (stop, template->town->name);

  if (in_town && escale_partner_get_coordinates (host, &latitude, &longitude))
    {
      g_autofree char *address = g_strdup_printf ("%s, %s", escale_partner_get_address (host),
                                                  escale_partner_get_city (host));

      escale_itinerary_stop_set_address (stop, address);
      escale_itinerary_stop_set_coordinates (stop, latitude, longitude);
    }
  else if (template->town != NULL)
    escale_itinerary_stop_set_coordinates (stop, template->town->latitude, template->town->longitude);

  if (host != NULL)
    {
      GListModel *contacts = escale_partner_get_contacts (host);

      escale_itinerary_stop_set_organization_id (stop, escale_partner_get_id (host));
      if (g_list_model_get_n_items (contacts) > 0)
        {
          g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, 0);

          escale_itinerary_stop_set_contact_id (stop, escale_contact_get_id (contact));
        }
      /* A draft's partners have not been asked yet. */
      escale_itinerary_stop_set_partner_confirmed (stop, !visit->draft && !template->unconfirmed);
    }

  return g_steal_pointer (&stop);
}

static EscaleVehicle *
make_vehicle (EscaleDemoPlanner     *planner,
              const EscaleDemoVisit *visit,
              EscaleEvent           *event)
{
  GListModel *stops = escale_event_get_stops (event);
  guint n_stops = g_list_model_get_n_items (stops);
  g_autoptr(EscaleItineraryStop) first = g_list_model_get_item (stops, visit->by_air ? 1 : 0);
  g_autoptr(EscaleItineraryStop) last = g_list_model_get_item (stops, n_stops - (visit->by_air ? 2 : 1));
  const char *surname = visit->by_air ? PICK_ARRAY (planner->rand, island_names) : PICK_ARRAY (planner->rand, carrier_names);
  g_autofree char *provider = g_strdup_printf (visit->by_air ? "Transport %s" : "Autocars %s", surname);
  g_autofree char *driver = g_strdup_printf ("%s %s", PICK_ARRAY (planner->rand, drivers),
                                             visit->by_air ? PICK_ARRAY (planner->rand, island_names)
                                                           : PICK_ARRAY (planner->rand, carrier_names));
  g_autofree char *phone = g_strdup_printf ("%s 555-01%02d", visit->by_air ? "418" : "514",
                                            g_rand_int_range (planner->rand, 0, 100));
  EscaleVehicle *vehicle;

  /* On the islands, the minibus meets the plane and takes it back. */
  vehicle = escale_vehicle_new (visit->by_air ? ESCALE_VEHICLE_KIND_MINIBUS : ESCALE_VEHICLE_KIND_BUS,
                                visit->by_air ? 24 : 56);
  escale_vehicle_set_provider (vehicle, provider);
  escale_vehicle_set_driver (vehicle, driver);
  escale_vehicle_set_driver_phone (vehicle, phone);
  escale_vehicle_set_departure_place (vehicle, escale_itinerary_stop_get_place_name (first));
  escale_vehicle_set_departs_at (vehicle, visit->by_air ? escale_itinerary_stop_get_ends_at (first)
                                                        : escale_itinerary_stop_get_starts_at (first));
  escale_vehicle_set_return_place (vehicle, escale_itinerary_stop_get_place_name (last));
  escale_vehicle_set_returns_at (vehicle, visit->by_air ? escale_itinerary_stop_get_starts_at (last)
                                                        : escale_itinerary_stop_get_ends_at (last));
  if (visit->by_air)
    escale_vehicle_set_notes (vehicle, "Vols réservés pour le groupe; le minibus attend à l’aéroport.");

  return vehicle;
}

/* Done on time before today, except the late one; nothing ahead is done. */
static void
add_checklist (EscaleDemoPlanner     *planner,
               const EscaleDemoVisit *visit,
               EscaleEvent           *event,
               const GDate           *first_day,
               gboolean               lodging)
{
  for (guint i = 0; i < G_N_ELEMENTS (checklist); i++)
    {
      g_autoptr(EscaleLogisticsTask) task = NULL;
      g_autofree char *due_on = NULL;
      GDate due = *first_day;
      gboolean late = visit->late_task && i == LATE_TASK;

      if (checklist[i].lodging && !lodging)
        continue;

      if (checklist[i].due >= 0)
        g_date_add_days (&due, (guint) checklist[i].due);
      else
        g_date_subtract_days (&due, (guint) -checklist[i].due);
      /* Late by a few days, whatever the day the visit falls on. */
      if (late && g_date_days_between (&planner->today, &due) > -3)
        {
          due = planner->today;
          g_date_subtract_days (&due, 3);
        }

      due_on = escale_calendar_date_format (&due);
      task = escale_logistics_task_new (checklist[i].title, due_on);
      if (!late && g_date_compare (&due, &planner->today) < 0)
        {
          g_autofree char *done_on = _escale_demo_format_day (&due, -g_rand_int_range (planner->rand, 0, 6));

          escale_logistics_task_complete (task, done_on, _escale_demo_pick_counsellor (planner));
        }
      escale_event_add_task (event, task);
    }
}

/* The partners of the region in the towns the visit goes through. */
static GPtrArray *
find_nearby (EscaleDemoPlanner     *planner,
             const EscaleDemoVisit *visit)
{
  GPtrArray *region_partners = g_hash_table_lookup (planner->by_region, visit->region_code);
  GPtrArray *nearby = g_ptr_array_new ();

  for (guint i = 0; region_partners != NULL && i < region_partners->len; i++)
    {
      EscalePartner *partner = g_ptr_array_index (region_partners, i);

      for (guint j = 0; j < visit->n_stops; j++)
        {
          if (visit->stops[j].town != NULL &&
              g_strcmp0 (escale_partner_get_city (partner), visit->stops[j].town->name) == 0)
            {
              g_ptr_array_add (nearby, partner);
              break;
            }
        }
    }

  return nearby;
}

/* The regional host of the main town, else of a town on the way, else of
 * the region. */
static EscalePartner *
choose_organiser (EscaleDemoPlanner     *planner,
                  const EscaleDemoVisit *visit,
                  GPtrArray             *nearby)
{
  GPtrArray *region_partners = g_hash_table_lookup (planner->by_region, visit->region_code);
  EscalePartner *organiser;

  organiser = _escale_demo_pick_partner (planner, g_hash_table_lookup (planner->by_town, visit->main_town->name),
                                         hosts, G_N_ELEMENTS (hosts), NULL);
  if (organiser == NULL)
    organiser = _escale_demo_pick_partner (planner, nearby, hosts, G_N_ELEMENTS (hosts), NULL);
  if (organiser == NULL)
    organiser = _escale_demo_pick_partner (planner, nearby, organisations, G_N_ELEMENTS (organisations), NULL);
  if (organiser == NULL)
    organiser = _escale_demo_pick_partner (planner, region_partners, hosts, G_N_ELEMENTS (hosts), NULL);
  if (organiser == NULL)
    organiser = _escale_demo_pick_partner (planner, region_partners, organisations, G_N_ELEMENTS (organisations), NULL);

  return organiser;
}

static void
add_partner_id (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return;
    }

  g_array_append_val (ids, id);
}

/**
 * _escale_demo_make_visit:
 * @unit: which unit of the scale, from 0
 *
 * Plans @visit around today with partners of the directory, a vehicle and
 * a checklist, then registers people and closes it as
 * _escale_demo_schedule() does.
 */
gboolean
_escale_demo_make_visit (EscaleDemoPlanner      *planner,
                         guint                   unit,
                         const EscaleDemoVisit  *visit,
                         GError                **error)
{
  g_autoptr(EscaleEvent) event = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (visit->tzid);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) nearby = NULL;
  g_autoptr(EscaleVehicle) vehicle = NULL;
  g_autofree char *deadline = NULL;
  EscalePartner *organiser;
  gboolean lodging = FALSE;
  int capacity = g_rand_int_range (planner->rand, 9, 12) * 2;
  int week = visit->week;
  EscaleDemoPlan plan = { .households = TRUE, .attend = 92 };
  GDate first_day;

  g_assert (zone != NULL);

  /* The units of a large scale spread over the weeks around, without a
   * past visit moving to the future or the other way. */
  if (unit > 0)
    week += g_rand_int_range (planner->rand, -1, 2);
  week = visit->week < 0 ? MIN (week, -1) : MAX (week, 1);
  _escale_demo_day_of_week (planner, week, visit->first_day, &first_day);

  nearby = find_nearby (planner, visit);
  organiser = choose_organiser (planner, visit, nearby);
  if (organiser != NULL)
    {
      escale_event_set_text (event, "organizer", escale_partner_get_name (organiser));
      add_partner_id (partner_ids, escale_partner_get_id (organiser));
    }

  for (guint i = 0; i < visit->n_stops; i++)
    {
      g_autoptr(EscaleItineraryStop) stop = make_stop (planner, visit, &visit->stops[i], zone, &first_day, nearby, used);
      gint64 id = escale_itinerary_stop_get_organization_id (stop);

      if (id != 0)
        add_partner_id (partner_ids, id);
      lodging |= visit->stops[i].kind == ESCALE_STOP_KIND_LODGING;
      escale_event_add_stop (event, stop);
    }
  escale_event_set_partner_ids (event, (const gint64 *) partner_ids->data, partner_ids->len);

  deadline = _escale_demo_format_day (&first_day, -14);
  escale_event_set_text (event, "title", visit->title);
  escale_event_set_text (event, "region-code", visit->region_code);
  escale_event_set_text (event, "tzid", visit->tzid);
  escale_event_set_text (event, "place-name", visit->place_name);
  escale_event_set_text (event, "description", visit->description);
  escale_event_set_text (event, "registration-deadline", deadline);
  escale_event_set_text (event, "materials", "Programme détaillé, carte de la région, liste des entreprises, "
                                             "formulaire de sondage de satisfaction");
  escale_event_set_coordinates (event, visit->main_town->latitude, visit->main_town->longitude);
  escale_event_set_times (event, _escale_demo_local_instant (zone, &first_day, visit->stops[0].starts),
                          _escale_demo_local_instant (zone, &first_day, visit->stops[visit->n_stops - 1].ends));
  escale_event_set_capacity (event, capacity);
  escale_event_set_text (event, "internal-notes", visit->internal_notes);
  plan.draft = visit->draft;

  vehicle = make_vehicle (planner, visit, event);
  escale_event_add_vehicle (event, vehicle);
  add_checklist (planner, visit, event, &first_day, lodging);

  plan.wanted_seats = (guint) capacity * visit->fill / 100;
  plan.pool = _escale_demo_get_pool_for (planner, visit->region_code, plan.wanted_seats, error);
  planner->counts->visits++;
  return plan.pool != NULL && _escale_demo_schedule (planner, event, &plan, error);
}
