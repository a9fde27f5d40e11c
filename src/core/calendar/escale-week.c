/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include "escale-agenda-repository.h"
#include "escale-conflict-query.h"
#include "escale-event-repository.h"
#include "escale-week.h"

/* A partner's week next to Escale's, for a counsellor who plans: the
 * partner's agenda shows when it is free, Escale's events of the week show
 * what is already planned, with the partner or not. The rules:
 *
 * - A week runs from Monday's local midnight to the next Monday's, in
 *   Québec's zone: 167 or 169 hours when the time changes.
 * - Every Escale event of the week is there, cancelled ones marked as
 *   such; drafts are tentative. The events the partner takes part in (at a
 *   stop, or named on the event) say so.
 * - Overlaps follow the conflicts' rules (escale-conflicts.c): an agenda
 *   entry overlaps an Escale event when it meets the partner's part in it
 *   (its stops at the partner, or the whole event), half-open, cancelled
 *   events apart. An Escale event the partner has no part in never
 *   overlaps: the partner is not needed there.
 * - An all-day entry covers its local days, whatever their length. */

/* An entry or event before it is cut into days. */
typedef struct
{
  EscaleWeekItem item;   /* starts_at/ends_at unused */
  guint          first_day_index;
  guint          n_days;  /* for a whole-day entry */
} Whole;

/* The partner's part in an Escale event. */
typedef struct
{
  gint64 event_id;
  gint64 starts_at;
  gint64 ends_at;
} Presence;

void
escale_week_item_free (EscaleWeekItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_free (item->location);
  g_free (item->uid);
  g_free (item);
}

static void
clear_whole (Whole *whole)
{
  g_free (whole->item.title);
  g_free (whole->item.location);
  g_free (whole->item.uid);
}

static GTimeZone *
week_zone (void)
{
  return g_time_zone_new_identifier (ESCALE_WEEK_ZONE);
}

/**
 * escale_week_get_monday:
 * @day: any day
 * @monday: (out caller-allocates): the Monday of its week
 */
void
escale_week_get_monday (const GDate *day,
                        GDate       *monday)
{
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (monday != NULL);

  *monday = *day;
  g_date_subtract_days (monday, g_date_get_weekday (day) - G_DATE_MONDAY);
}

/**
 * escale_week_local_midnight:
 *
 * Returns: the start of @day in Québec's zone, unix seconds
 */
gint64
escale_week_local_midnight (const GDate *day)
{
  g_autoptr(GTimeZone) zone = week_zone ();
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), 0);

  midnight = g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 0, 0, 0);
  return g_date_time_to_unix (midnight);
}

/**
 * escale_week_local_date:
 * @instant: unix seconds
 * @date: (out caller-allocates): the day it falls on in Québec's zone
 */
void
escale_week_local_date (gint64  instant,
                        GDate  *date)
{
  g_autoptr(GTimeZone) zone = week_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * escale_week_new:
 * @day: any day of the week
 * @organization_id: the partner
 *
 * Returns: (transfer full): the week of @day, with no items yet
 */
EscaleWeek *
escale_week_new (const GDate *day,
                 gint64       organization_id)
{
  EscaleWeek *week;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  week = g_new0 (EscaleWeek, 1);
  escale_week_get_monday (day, &week->monday);
  for (guint i = 0; i < G_N_ELEMENTS (week->day_starts); i++)
    {
      GDate date = week->monday;

      g_date_add_days (&date, i);
      week->day_starts[i] = escale_week_local_midnight (&date);
    }
  week->organization_id = organization_id;
  week->items = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_week_item_free);
  return week;
}

void
escale_week_free (EscaleWeek *week)
{
  if (week == NULL)
    return;

  g_clear_pointer (&week->items, g_ptr_array_unref);
  g_free (week);
}

/**
 * escale_week_count_day:
 * @day: 0 for Monday to 6 for Sunday
 *
 * Returns: how many items @day holds; 0 when it is free
 */
guint
escale_week_count_day (const EscaleWeek *week,
                       guint             day)
{
  guint count = 0;

  g_return_val_if_fail (week != NULL, 0);

  for (guint i = 0; i < week->items->len; i++)
    if (((EscaleWeekItem *) week->items->pdata[i])->day == day)
      count++;
  return count;
}

/**
 * escale_week_count_overlaps:
 *
 * Returns: how many agenda entries of the week overlap an Escale event,
 *   each counted once however many days it spans
 */
guint
escale_week_count_overlaps (const EscaleWeek *week)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint count = 0;

  g_return_val_if_fail (week != NULL, 0);

  for (guint i = 0; i < week->items->len; i++)
    {
      EscaleWeekItem *item = week->items->pdata[i];
      g_autofree char *key = NULL;

      if (item->source != ESCALE_WEEK_SOURCE_AGENDA || !item->overlaps)
        continue;
      key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, item->uid, item->item_starts_at);
      if (!g_hash_table_contains (seen, key))
        {
          g_hash_table_add (seen, g_steal_pointer (&key));
          count++;
        }
    }
  return count;
}

/* The day index (0–6, or out of the week) of a local date. */
static int
day_index (const EscaleWeek *week,
           const GDate      *date)
{
  return g_date_days_between (&week->monday, date);
}

/* The whole item cut into the days of the week it meets. */
static void
add_days (EscaleWeek  *week,
          const Whole *whole)
{
  for (guint day = 0; day < 7; day++)
    {
      gint64 day_start = week->day_starts[day];
      gint64 day_end = week->day_starts[day + 1];
      EscaleWeekItem *item;

      if (whole->item.all_day)
        {
          if ((int) day < (int) whole->first_day_index || (int) day >= (int) whole->first_day_index + (int) whole->n_days)
            continue;
        }
      else if (whole->item.item_starts_at == whole->item.item_ends_at)
        {
          /* A point in time is on the day it happens. */
          if (whole->item.item_starts_at < day_start || whole->item.item_starts_at >= day_end)
            continue;
        }
      else if (whole->item.item_starts_at >= day_end || whole->item.item_ends_at <= day_start)
        continue;

      item = g_memdup2 (&whole->item, sizeof whole->item);
      item->day = day;
      item->starts_at = whole->item.all_day ? day_start : MAX (day_start, whole->item.item_starts_at);
      item->ends_at = whole->item.all_day ? day_end : MIN (day_end, whole->item.item_ends_at);
      item->title = g_strdup (whole->item.title);
      item->location = g_strdup (whole->item.location);
      item->uid = g_strdup (whole->item.uid);
      g_ptr_array_add (week->items, item);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const EscaleWeekItem *one = *(EscaleWeekItem * const *) a;
  const EscaleWeekItem *other = *(EscaleWeekItem * const *) b;

  if (one->day != other->day)
    return one->day < other->day ? -1 : 1;
  if (one->all_day != other->all_day)
    return one->all_day ? -1 : 1;
  if (one->starts_at != other->starts_at)
    return one->starts_at < other->starts_at ? -1 : 1;
  if (one->ends_at != other->ends_at)
    return one->ends_at < other->ends_at ? -1 : 1;
  if (one->source != other->source)
    return one->source == ESCALE_WEEK_SOURCE_AGENDA ? -1 : 1;
  return g_strcmp0 (one->title, other->title);
}

/* The span an entry blocks: its local days when it is a whole-day one. */
static void
blocked_span (const Whole *whole,
              gint64      *starts_at,
              gint64      *ends_at)
{
  if (whole->item.all_day)
    {
      GDate first, after;

      escale_week_local_date (whole->item.item_starts_at, &first);
      after = first;
      g_date_add_days (&after, whole->n_days);
      *starts_at = escale_week_local_midnight (&first);
      *ends_at = escale_week_local_midnight (&after);
    }
  else
    {
      *starts_at = whole->item.item_starts_at;
      *ends_at = whole->item.item_ends_at;
    }
}

static void
mark_overlaps (GArray *wholes,
               GArray *presences)
{
  g_autoptr(GHashTable) overlapping = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < wholes->len; i++)
    {
      Whole *whole = &g_array_index (wholes, Whole, i);
      gint64 starts_at, ends_at;

      if (whole->item.source != ESCALE_WEEK_SOURCE_AGENDA)
        continue;
      blocked_span (whole, &starts_at, &ends_at);
      for (guint j = 0; j < presences->len; j++)
        {
          const Presence *presence = &g_array_index (presences, Presence, j);

          if (presence->starts_at < ends_at && presence->ends_at > starts_at)
            {
              whole->item.overlaps = TRUE;
              if (!g_hash_table_contains (overlapping, &presence->event_id))
                g_hash_table_add (overlapping, g_memdup2 (&presence->event_id, sizeof (gint64)));
            }
        }
    }

  for (guint i = 0; i < wholes->len; i++)
    {
      Whole *whole = &g_array_index (wholes, Whole, i);

      if (whole->item.source == ESCALE_WEEK_SOURCE_ESCALE &&
          g_hash_table_contains (overlapping, &whole->item.event_id))
        whole->item.overlaps = TRUE;
    }
}

static gboolean
add_agenda (EscaleWeek      *week,
            EscaleDatabase  *database,
            GArray          *wholes,
            gint64          *from,
            gint64          *to,
            GError         **error)
{
  g_autoptr(EscaleAgendaRepository) agendas = escale_agenda_repository_new (database);
  g_autoptr(GPtrArray) occurrences = NULL;

  /* A whole-day entry starts at its local midnight: the week's bounds
   * find it. */
  occurrences = escale_agenda_repository_list_occurrences (agendas, week->organization_id,
                                                           week->day_starts[0], week->day_starts[7], error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleAgendaOccurrence *occurrence = occurrences->pdata[i];
      Whole whole = { 0 };

      whole.item.item_starts_at = occurrence->starts_at;
      whole.item.item_ends_at = occurrence->ends_at;
      whole.item.title = g_strdup (occurrence->summary);
      whole.item.location = g_strdup (occurrence->location);
      whole.item.source = ESCALE_WEEK_SOURCE_AGENDA;
      whole.item.uid = g_strdup (occurrence->uid);
      whole.item.all_day = occurrence->all_day;
      whole.item.state = g_strcmp0 (occurrence->status, "tentative") == 0 ? ESCALE_WEEK_STATE_TENTATIVE
                                                                         : ESCALE_WEEK_STATE_CONFIRMED;
      if (occurrence->all_day)
        {
          GDate first;
          int index;

          /* Days, not 86,400 seconds: a day across a change of time
           * lasts 23 or 25 hours. */
          escale_week_local_date (occurrence->starts_at, &first);
          index = day_index (week, &first);
          whole.n_days = MAX (1, (occurrence->ends_at - occurrence->starts_at + 43200) / 86400);
          if (index < 0)
            {
              whole.n_days = MAX (0, (int) whole.n_days + index);
              index = 0;
            }
          whole.first_day_index = index;
        }
      g_array_append_val (wholes, whole);
      *from = MIN (*from, occurrence->starts_at);
      *to = MAX (*to, occurrence->ends_at);
    }
  return TRUE;
}

static gboolean
add_events (EscaleWeek      *week,
            EscaleDatabase  *database,
            GArray          *wholes,
            GError         **error)
{
  g_autoptr(EscaleEventRepository) repository = escale_event_repository_new (database);
  g_autoptr(GPtrArray) events = NULL;
  EscaleEventQuery query = { -1, week->day_starts[0], week->day_starts[7] };

  events = escale_event_repository_list (repository, &query, error);
  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = events->pdata[i];
      gint64 starts_at = escale_event_get_starts_at (event);
      gint64 ends_at = escale_event_get_ends_at (event);
      EscaleEventStatus status = escale_event_get_status (event);
      Whole whole = { 0 };

      /* The query's bounds are inclusive; a week is half-open. An event
       * whose times are not chosen yet is on no day. */
      if (starts_at == 0 || ends_at < starts_at || starts_at >= week->day_starts[7] ||
          (ends_at <= week->day_starts[0] && !(ends_at == starts_at && starts_at == week->day_starts[0])))
        continue;

      whole.item.item_starts_at = starts_at;
      whole.item.item_ends_at = ends_at;
      whole.item.title = g_strdup (escale_event_get_title (event));
      whole.item.source = ESCALE_WEEK_SOURCE_ESCALE;
      whole.item.event_id = escale_event_get_id (event);
      whole.item.state = status == ESCALE_EVENT_STATUS_CANCELLED ? ESCALE_WEEK_STATE_CANCELLED
                         : status == ESCALE_EVENT_STATUS_DRAFT   ? ESCALE_WEEK_STATE_TENTATIVE
                                                                 : ESCALE_WEEK_STATE_CONFIRMED;
      g_array_append_val (wholes, whole);
    }
  return TRUE;
}

/* The partner's part in Escale's events (not cancelled ones) during
 * [@from, @to). */
static GArray *
read_presences (EscaleDatabase  *database,
                gint64           organization_id,
                gint64           from,
                gint64           to,
                GError         **error)
{
  g_autoptr(EscaleConflictQuery) query = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) presences = g_array_new (FALSE, FALSE, sizeof (Presence));

  query = escale_conflict_query_new (database, error);
  if (query == NULL)
    return NULL;
  rows = escale_conflict_query_partner (query, organization_id, from, to, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      EscaleConflictRow *row = rows->pdata[i];
      Presence presence = { row->id, row->starts_at, row->ends_at };

      g_array_append_val (presences, presence);
    }
  return g_steal_pointer (&presences);
}

/**
 * escale_week_load:
 * @organization_id: the partner whose agenda is shown
 * @day: any day of the week
 *
 * Reads the week of @day: the occurrences of the partner's imported
 * agenda, and every Escale event of the week, each cut into the days it
 * meets, with the overlaps between the two marked.
 *
 * Returns: (transfer full): the week, or %NULL with @error set
 */
EscaleWeek *
escale_week_load (EscaleDatabase  *database,
                  gint64           organization_id,
                  const GDate     *day,
                  GError         **error)
{
  g_autoptr(EscaleWeek) week = NULL;
  g_autoptr(GArray) wholes = NULL;
  g_autoptr(GArray) presences = NULL;
  gint64 from, to;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  week = escale_week_new (day, organization_id);
  wholes = g_array_new (FALSE, TRUE, sizeof (Whole));
  g_array_set_clear_func (wholes, (GDestroyNotify) clear_whole);
  from = week->day_starts[0];
  to = week->day_starts[7];

  if (!add_agenda (week, database, wholes, &from, &to, error) ||
      !add_events (week, database, wholes, error))
    return NULL;

  /* Entries reaching out of the week are compared whole. */
  presences = read_presences (database, organization_id, from, to, error);
  if (presences == NULL)
    return NULL;

  for (guint i = 0; i < presences->len; i++)
    for (guint j = 0; j < wholes->len; j++)
      {
        Whole *whole = &g_array_index (wholes, Whole, j);

        if (whole->item.event_id != 0 && whole->item.event_id == g_array_index (presences, Presence, i).event_id)
          whole->item.with_partner = TRUE;
      }
  mark_overlaps (wholes, presences);

  for (guint i = 0; i < wholes->len; i++)
    add_days (week, &g_array_index (wholes, Whole, i));
  g_ptr_array_sort (week->items, compare_items);

  return g_steal_pointer (&week);
}
