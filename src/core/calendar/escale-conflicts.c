/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-conflict-query.h"
#include "escale-conflicts.h"
#include "escale-enums.h"
#include "escale-event-repository.h"
#include "escale-participant-choices.h"
#include "escale-search-text.h"

/* Conflicts: what an event, as edited, overlaps in the partners' imported
 * agendas and in Escale's own events. The rules:
 *
 * - Intervals are half-open: an event that ends at 10:00 does not clash
 *   with one that starts at 10:00.
 * - Cancelled events, cancelled agenda entries, the event itself and the
 *   other sessions of its series never clash (escale-conflict-query.c).
 * - A partner takes part in an event during the event's stops at that
 *   partner (organization_id of a stop), or, when it is named on the event
 *   (event_partner) but at none of its stops, during the whole event. Its
 *   agenda and its other events are compared with those times: a visit
 *   clashes with a partner by its stops.
 * - Presenters, vehicles and participants are with the event from its
 *   start to its end, a visit's whole trip: they clash by the whole span.
 * - Same presenter: a name in common in the presenters field, split at
 *   commas, semicolons, slashes, ampersands, line breaks and "et"/"and",
 *   compared without case, accents or extra spaces.
 * - Same vehicle: the model has no plate, so the same provider and the same
 *   driver, compared the same way; a vehicle without both is not compared.
 * - Same participant: a registration neither cancelled nor waitlisted for
 *   both events. Only a saved event has registrations. */

static const char *kind_nicks[] = { "agenda", "presenter", "partner", "vehicle", "participant" };

/* The times a partner is with the event. */
typedef struct
{
  int         stop;
  const char *stop_title;
  gint64      organization_id;
  gint64      starts_at;
  gint64      ends_at;
} Presence;

typedef struct
{
  EscaleConflictQuery *query;
  GHashTable          *partner_names;   /* gint64* → char* */
  EscaleEvent         *event;
  GPtrArray           *stops;           /* (element-type EscaleItineraryStop) */
  GPtrArray           *conflicts;       /* (element-type EscaleConflict) */
  gint64               starts_at;       /* the whole span */
  gint64               ends_at;
} Run;

void
escale_conflict_free (EscaleConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->event_title);
  g_free (conflict->tzid);
  g_free (conflict->stop_title);
  g_free (conflict->other_title);
  g_free (conflict->partner_name);
  g_free (conflict->shared);
  g_clear_pointer (&conflict->participant_ids, g_array_unref);
  g_free (conflict);
}

/**
 * escale_conflict_kind_get_nick:
 *
 * Returns: the kind as the JSON output names it: "agenda", "presenter",
 *   "partner", "vehicle" or "participant"
 */
const char *
escale_conflict_kind_get_nick (EscaleConflictKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_nicks), NULL);
  return kind_nicks[kind];
}

/* Folded, with runs of spaces made one: how names are compared. */
static char *
normalise_name (const char *text)
{
  g_autofree char *folded = escale_search_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r\u00a0", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

/* The presenters field as typed: "Julie Roy, CJE de Rimouski et Marc Côté".
 * Returns: folded name → the name as written. */
static GHashTable *
split_presenters (const char *presenters)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) parts = NULL;

  if (presenters == NULL)
    return names;

  parts = g_regex_split_simple ("\\s*(?:[,;/&+\\n]|\\s(?:et|and)\\s)\\s*", presenters,
                                G_REGEX_CASELESS, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = normalise_name (parts[i]);

      if (*key != '\0' && !g_hash_table_contains (names, key))
        g_hash_table_insert (names, g_steal_pointer (&key), g_strstrip (g_strdup (parts[i])));
    }
  return names;
}

static char *
vehicle_key (const char *provider,
             const char *driver)
{
  g_autofree char *folded_provider = NULL;
  g_autofree char *folded_driver = NULL;

  folded_provider = normalise_name (provider);
  folded_driver = normalise_name (driver);
  if (*folded_provider == '\0' || *folded_driver == '\0')
    return NULL;
  return g_strconcat (folded_provider, "\x1f", folded_driver, NULL);
}

static EscaleConflict *
add_conflict (Run                     *run,
              EscaleConflictKind       kind,
              const Presence          *presence,
              const EscaleConflictRow *row,
              gint64                   starts_at,
              gint64                   ends_at)
{
  EscaleConflict *conflict = g_new0 (EscaleConflict, 1);

  conflict->kind = kind;
  conflict->event_id = escale_event_get_id (run->event);
  conflict->event_title = g_strdup (escale_event_get_title (run->event));
  conflict->tzid = g_strdup (escale_event_get_tzid (run->event));
  conflict->stop = presence != NULL ? presence->stop : -1;
  conflict->stop_title = presence != NULL ? g_strdup (presence->stop_title) : NULL;
  if (kind == ESCALE_CONFLICT_AGENDA)
    conflict->entry_id = row->id;
  else
    conflict->other_event_id = row->id;
  conflict->other_title = g_strdup (row->title);
  conflict->starts_at = MAX (starts_at, row->starts_at);
  conflict->ends_at = MIN (ends_at, row->ends_at);
  g_ptr_array_add (run->conflicts, conflict);
  return conflict;
}

static const char *
partner_name (Run     *run,
              gint64   organization_id,
              GError **error)
{
  char *name = g_hash_table_lookup (run->partner_names, &organization_id);

  if (name == NULL)
    {
      name = escale_conflict_query_partner_name (run->query, organization_id, error);
      if (name == NULL)
        return NULL;
      g_hash_table_insert (run->partner_names, g_memdup2 (&organization_id, sizeof organization_id), name);
    }
  return name;
}

static gboolean
is_known (gint64 starts_at,
          gint64 ends_at)
{
  return starts_at != 0 && ends_at != 0 && ends_at >= starts_at;
}

/* Stops at a partner, then partners named on the event at none of its
 * stops, for the whole event. */
static GArray *
collect_presences (Run *run)
{
  GArray *presences = g_array_new (FALSE, FALSE, sizeof (Presence));
  g_autoptr(GHashTable) at_stops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const gint64 *partner_ids;
  guint n_partners;

  for (guint i = 0; i < run->stops->len; i++)
    {
      EscaleItineraryStop *stop = g_ptr_array_index (run->stops, i);
      const char *title = escale_itinerary_stop_get_title (stop);
      Presence presence = {
        .stop = (int) i,
        /* A stop just added may not have its title yet: its kind stands in. */
        .stop_title = title != NULL ? title
                                    : escale_choice_get_label (ESCALE_TYPE_STOP_KIND,
                                                               escale_itinerary_stop_get_kind (stop)),
        .organization_id = escale_itinerary_stop_get_organization_id (stop),
        .starts_at = escale_itinerary_stop_get_starts_at (stop),
        .ends_at = escale_itinerary_stop_get_ends_at (stop),
      };

      if (presence.organization_id <= 0)
        continue;
      g_hash_table_add (at_stops, g_memdup2 (&presence.organization_id, sizeof (gint64)));
      if (is_known (presence.starts_at, presence.ends_at))
        g_array_append_val (presences, presence);
    }

  partner_ids = escale_event_get_partner_ids (run->event, &n_partners);
  for (guint i = 0; i < n_partners; i++)
    {
      Presence presence = {
        .stop = -1,
        .organization_id = partner_ids[i],
        .starts_at = escale_event_get_starts_at (run->event),
        .ends_at = escale_event_get_ends_at (run->event),
      };

      if (!g_hash_table_contains (at_stops, &partner_ids[i]))
        g_array_append_val (presences, presence);
    }
  return presences;
}

static gboolean
find_with_partners (Run     *run,
                    GError **error)
{
  g_autoptr(GArray) presences = collect_presences (run);

  for (guint i = 0; i < presences->len; i++)
    {
      const Presence *presence = &g_array_index (presences, Presence, i);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) events = NULL;
      const char *name = partner_name (run, presence->organization_id, error);

      if (name == NULL)
        return FALSE;

      entries = escale_conflict_query_agenda (run->query, presence->organization_id,
                                              presence->starts_at, presence->ends_at, error);
      if (entries == NULL)
        return FALSE;
      events = escale_conflict_query_partner (run->query, presence->organization_id,
                                              presence->starts_at, presence->ends_at, error);
      if (events == NULL)
        return FALSE;

      for (guint j = 0; j < entries->len; j++)
        {
          EscaleConflict *conflict = add_conflict (run, ESCALE_CONFLICT_AGENDA, presence, entries->pdata[j],
                                                   presence->starts_at, presence->ends_at);

          conflict->partner_id = presence->organization_id;
          conflict->partner_name = g_strdup (name);
        }
      for (guint j = 0; j < events->len; j++)
        {
          EscaleConflict *conflict = add_conflict (run, ESCALE_CONFLICT_PARTNER, presence, events->pdata[j],
                                                   presence->starts_at, presence->ends_at);

          conflict->partner_id = presence->organization_id;
          conflict->partner_name = g_strdup (name);
        }
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

static gboolean
find_with_presenters (Run     *run,
                      GError **error)
{
  g_autoptr(GHashTable) ours = split_presenters (escale_event_get_text (run->event, "presenters"));
  g_autoptr(GPtrArray) events = NULL;

  if (g_hash_table_size (ours) == 0)
    return TRUE;

  events = escale_conflict_query_events (run->query, run->starts_at, run->ends_at, error);
  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      EscaleConflictRow *row = events->pdata[i];
      g_autoptr(GHashTable) theirs = split_presenters (row->detail);
      g_autoptr(GStrvBuilder) common = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, ours);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_hash_table_contains (theirs, key))
          g_strv_builder_add (common, value);

      names = g_strv_builder_end (common);
      if (names[0] == NULL)
        continue;
      /* The hash table's order is nobody's: say them in the alphabet's. */
      g_qsort_with_data (names, (int) g_strv_length (names), sizeof (char *), compare_names, NULL);
      add_conflict (run, ESCALE_CONFLICT_PRESENTER, NULL, row, run->starts_at, run->ends_at)->shared =
        g_strjoinv (", ", names);
    }
  return TRUE;
}

static gboolean
find_with_vehicles (Run     *run,
                    GError **error)
{
  GListModel *vehicles = escale_event_get_vehicles (run->event);
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) theirs = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (vehicles); i++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, i);
      const char *provider = escale_vehicle_get_provider (vehicle);
      const char *driver = escale_vehicle_get_driver (vehicle);
      char *key = vehicle_key (provider, driver);

      if (key != NULL)
        /* Translators: a vehicle, by its driver and its provider: “Marc Roy, Autobus Maheux” */
        g_hash_table_replace (ours, key, g_strdup_printf (C_("vehicle", "%s, %s"), driver, provider));
    }
  if (g_hash_table_size (ours) == 0)
    return TRUE;

  theirs = escale_conflict_query_vehicles (run->query, run->starts_at, run->ends_at, error);
  if (theirs == NULL)
    return FALSE;

  for (guint i = 0; i < theirs->len; i++)
    {
      EscaleConflictRow *row = theirs->pdata[i];
      g_autofree char *key = vehicle_key (row->detail, row->detail2);
      const char *shared = key != NULL ? g_hash_table_lookup (ours, key) : NULL;
      char *seen;

      if (shared == NULL)
        continue;
      /* Two cars of one provider with one driver are one clash. */
      seen = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", row->id, key);
      if (!g_hash_table_add (reported, seen))
        continue;
      add_conflict (run, ESCALE_CONFLICT_VEHICLE, NULL, row, run->starts_at, run->ends_at)->shared = g_strdup (shared);
    }
  return TRUE;
}

static gboolean
find_with_participants (Run     *run,
                        GError **error)
{
  g_autoptr(GPtrArray) events = NULL;

  if (escale_event_get_id (run->event) == 0)
    return TRUE;

  events = escale_conflict_query_participants (run->query, escale_event_get_id (run->event),
                                               run->starts_at, run->ends_at, error);
  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      EscaleConflictRow *row = events->pdata[i];

      add_conflict (run, ESCALE_CONFLICT_PARTICIPANT, NULL, row, run->starts_at, run->ends_at)->participant_ids =
        g_array_ref (row->participant_ids);
    }
  return TRUE;
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const EscaleConflict *first = *(EscaleConflict * const *) a;
  const EscaleConflict *second = *(EscaleConflict * const *) b;

  if (first->starts_at != second->starts_at)
    return first->starts_at < second->starts_at ? -1 : 1;
  if (first->stop != second->stop)
    return first->stop < second->stop ? -1 : 1;
  if (first->kind != second->kind)
    return first->kind < second->kind ? -1 : 1;
  if (first->ends_at != second->ends_at)
    return first->ends_at < second->ends_at ? -1 : 1;
  return 0;
}

static GPtrArray *
find_conflicts (EscaleConflictQuery  *query,
                GHashTable           *partner_names,
                EscaleEvent          *event,
                GError              **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_conflict_free);
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = escale_event_get_stops (event);
  Run run = {
    .query = query,
    .partner_names = partner_names,
    .event = event,
    .stops = stops,
    .conflicts = conflicts,
    .starts_at = escale_event_get_starts_at (event),
    .ends_at = escale_event_get_ends_at (event),
  };

  /* Nothing is planned yet, or nothing any more. */
  if (!is_known (run.starts_at, run.ends_at) || escale_event_get_status (event) == ESCALE_EVENT_STATUS_CANCELLED)
    return g_steal_pointer (&conflicts);

  /* A visit's whole trip, even where a stop strays outside its times. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      EscaleItineraryStop *stop = g_list_model_get_item (model, i);
      gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
      gint64 ends_at = escale_itinerary_stop_get_ends_at (stop);

      g_ptr_array_add (stops, stop);
      if (is_known (starts_at, ends_at))
        {
          run.starts_at = MIN (run.starts_at, starts_at);
          run.ends_at = MAX (run.ends_at, ends_at);
        }
    }

  escale_conflict_query_exclude (query, escale_event_get_id (event), escale_event_get_series_id (event));
  if (!find_with_partners (&run, error) ||
      !find_with_presenters (&run, error) ||
      !find_with_vehicles (&run, error) ||
      !find_with_participants (&run, error))
    return NULL;

  g_ptr_array_sort (conflicts, compare_conflicts);
  return g_steal_pointer (&conflicts);
}

/**
 * escale_conflicts_find:
 * @event: an event as edited, saved or not, with its stops, vehicles and
 *   partners
 *
 * What @event, as it is now and not as it is stored, overlaps in the
 * partners' agendas and in Escale's other events (see the rules at the top
 * of escale-conflicts.c). The registrations are read from the database:
 * an event not saved yet has none.
 *
 * Returns: (transfer full) (element-type EscaleConflict): the conflicts by
 *   the start of their overlap, or %NULL on a database error
 */
GPtrArray *
escale_conflicts_find (EscaleDatabase  *database,
                       EscaleEvent     *event,
                       GError         **error)
{
  g_autoptr(EscaleConflictQuery) query = NULL;
  g_autoptr(GHashTable) partner_names = NULL;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);

  query = escale_conflict_query_new (database, error);
  if (query == NULL)
    return NULL;
  partner_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return find_conflicts (query, partner_names, event, error);
}

/**
 * escale_conflicts_list_upcoming:
 * @now: unix seconds
 *
 * Every conflict still to come: those of the events that are not
 * cancelled, whose overlap ends after @now. A clash between two Escale
 * events is listed once, under the one created first (the smaller id).
 *
 * Returns: (transfer full) (element-type EscaleConflict): the conflicts by
 *   the start of their event, then of their overlap; %NULL on an error or
 *   when @cancellable was cancelled
 */
GPtrArray *
escale_conflicts_list_upcoming (EscaleDatabase  *database,
                                gint64           now,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_conflict_free);
  g_autoptr(EscaleConflictQuery) query = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(GHashTable) partner_names = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  query = escale_conflict_query_new (database, error);
  if (query == NULL)
    return NULL;
  ids = escale_conflict_query_upcoming (query, now, error);
  if (ids == NULL)
    return NULL;

  events = escale_event_repository_new (database);
  partner_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EscaleEvent) event = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      event = escale_event_repository_load (events, g_array_index (ids, gint64, i), error);
      if (event == NULL)
        return NULL;
      found = find_conflicts (query, partner_names, event, error);
      if (found == NULL)
        return NULL;

      for (guint j = 0; j < found->len; j++)
        {
          EscaleConflict *conflict = found->pdata[j];

          if (conflict->ends_at <= now)
            continue;
          if (conflict->other_event_id != 0 && conflict->other_event_id < conflict->event_id)
            continue;
          g_ptr_array_add (all, g_steal_pointer (&found->pdata[j]));
        }
    }
  return g_steal_pointer (&all);
}

static GDateTime *
local_time (GTimeZone *zone,
            gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

/* "25 minutes", "2 hours", "1 h 40 min": the words of the plan checks. */
static char *
format_duration (gint64 seconds)
{
  gint64 minutes = (seconds + 59) / 60;
  guint hours = (guint) (minutes / 60);
  guint rest = (guint) (minutes % 60);

  if (hours == 0)
    return g_strdup_printf (ngettext ("%u minute", "%u minutes", rest), rest);
  if (rest == 0)
    return g_strdup_printf (ngettext ("%u hour", "%u hours", hours), hours);
  /* Translators: a duration of hours and minutes. */
  return g_strdup_printf (_("%u h %02u min"), hours, rest);
}

/**
 * escale_conflict_format_overlap:
 *
 * Returns: (transfer full): the overlap in the event's zone, with its
 *   length: "Tuesday, November 24, 10:00 – 11:30 (1 h 30 min)"
 */
char *
escale_conflict_format_overlap (const EscaleConflict *conflict)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  g_autofree char *duration = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  zone = g_time_zone_new_identifier (conflict->tzid != NULL ? conflict->tzid : ESCALE_DEFAULT_TZID);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  start = local_time (zone, conflict->starts_at);
  end = local_time (zone, conflict->ends_at);
  /* Translators: a date, in g_date_time_format()'s notation. */
  start_day = g_date_time_format (start, _("%A, %B %-d"));
  end_day = g_date_time_format (end, _("%A, %B %-d"));
  start_time = g_date_time_format (start, "%H:%M");
  end_time = g_date_time_format (end, "%H:%M");
  duration = format_duration (conflict->ends_at - conflict->starts_at);

  if (g_str_equal (start_day, end_day))
    /* Translators: a day, the hours an overlap starts and ends, and how long it lasts */
    return g_strdup_printf (_("%s, %s – %s (%s)"), start_day, start_time, end_time, duration);
  /* Translators: the day and hour an overlap starts, those it ends, and how long it lasts */
  return g_strdup_printf (_("%s, %s – %s, %s (%s)"), start_day, start_time, end_day, end_time, duration);
}

/**
 * escale_conflict_describe:
 *
 * The conflict in plain words, translated, for the event window, the
 * conflicts view and the command line: what it clashes with and the
 * overlap in the event's zone ("Overlaps “Salon de l’emploi” in the agenda
 * of Cégep de Rimouski, Tuesday, November 24, 10:00 – 11:30 (30 minutes)"),
 * after the stop concerned if one is.
 *
 * Returns: (transfer full): the description
 */
char *
escale_conflict_describe (const EscaleConflict *conflict)
{
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  const char *other;

  g_return_val_if_fail (conflict != NULL, NULL);

  when = escale_conflict_format_overlap (conflict);
  other = conflict->other_title;
  switch (conflict->kind)
    {
    case ESCALE_CONFLICT_AGENDA:
      /* Outlook exports what a partner keeps private as "Busy". */
      if (other == NULL)
        other = C_("agenda entry", "Busy");
      /* Translators: an entry of a partner's agenda, the partner, the overlap */
      what = g_strdup_printf (_("Overlaps “%s” in the agenda of %s, %s"), other, conflict->partner_name, when);
      break;
    case ESCALE_CONFLICT_PARTNER:
      /* Translators: a partner, another event, the overlap */
      what = g_strdup_printf (_("%s also takes part in “%s”, %s"), conflict->partner_name, other, when);
      break;
    case ESCALE_CONFLICT_PRESENTER:
      /* Translators: one or more presenters' names, another event, the overlap */
      what = g_strdup_printf (_("%s also presents at “%s”, %s"), conflict->shared, other, when);
      break;
    case ESCALE_CONFLICT_VEHICLE:
      /* Translators: a driver and their company, another event, the overlap */
      what = g_strdup_printf (_("The same vehicle (%s) is also booked for “%s”, %s"), conflict->shared, other, when);
      break;
    case ESCALE_CONFLICT_PARTICIPANT:
    default:
      {
        guint n = conflict->participant_ids != NULL ? conflict->participant_ids->len : 0;

        what = g_strdup_printf (ngettext ("%u participant is also registered for “%s”, %s",
                                          "%u participants are also registered for “%s”, %s", n),
                                n, other, when);
      }
      break;
    }

  if (conflict->stop < 0)
    return g_steal_pointer (&what);
  /* Translators: a stop of a visit's itinerary, and what it clashes with */
  return g_strdup_printf (_("Stop “%s”: %s"), conflict->stop_title, what);
}
