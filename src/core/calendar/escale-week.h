/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-database.h"

G_BEGIN_DECLS

/**
 * EscaleWeekSource:
 * @ESCALE_WEEK_SOURCE_AGENDA: an entry of the partner's imported agenda
 * @ESCALE_WEEK_SOURCE_ESCALE: one of Escale's own events
 *
 * Where an item of a week comes from.
 */
typedef enum
{
  ESCALE_WEEK_SOURCE_AGENDA,
  ESCALE_WEEK_SOURCE_ESCALE,
} EscaleWeekSource;

/**
 * EscaleWeekState:
 * @ESCALE_WEEK_STATE_CONFIRMED: it takes place
 * @ESCALE_WEEK_STATE_TENTATIVE: a tentative agenda entry, or a draft event
 * @ESCALE_WEEK_STATE_CANCELLED: a cancelled event, kept to be seen
 *
 * How sure an item of a week is.
 */
typedef enum
{
  ESCALE_WEEK_STATE_CONFIRMED,
  ESCALE_WEEK_STATE_TENTATIVE,
  ESCALE_WEEK_STATE_CANCELLED,
} EscaleWeekState;

/**
 * EscaleWeekItem:
 * @day: 0 for Monday to 6 for Sunday
 * @starts_at: when it starts on that day, unix seconds (clipped to the day)
 * @ends_at: when it ends on that day (clipped to the day)
 * @item_starts_at: when the whole entry or event starts
 * @item_ends_at: … and ends
 * @title: (nullable): the event's title or the entry's summary
 * @location: (nullable): the entry's location
 * @source: where it comes from
 * @event_id: the Escale event, or 0 for an agenda entry
 * @uid: (nullable): the agenda entry's UID, or %NULL for an Escale event
 * @all_day: it covers the whole day
 * @state: confirmed, tentative or cancelled
 * @with_partner: an Escale event the partner takes part in (at one of its
 *   stops, or named on it)
 * @overlaps: it overlaps an item of the other source: an agenda entry
 *   during the partner's part in an Escale event, or that event
 *
 * What one day of a week holds: an item spanning midnight is on both days.
 */
typedef struct
{
  guint             day;
  gint64            starts_at;
  gint64            ends_at;
  gint64            item_starts_at;
  gint64            item_ends_at;
  char             *title;
  char             *location;
  EscaleWeekSource  source;
  gint64            event_id;
  char             *uid;
  gboolean          all_day;
  EscaleWeekState   state;
  gboolean          with_partner;
  gboolean          overlaps;
} EscaleWeekItem;

/**
 * EscaleWeek:
 * @monday: the first day
 * @day_starts: the local midnights of Monday to Sunday and of the next
 *   Monday, unix seconds, in Québec's zone (a day lasts 23 or 25 hours
 *   across a change of time)
 * @organization_id: the partner
 * @items: (element-type EscaleWeekItem): by day, whole days first, then by
 *   start
 *
 * A partner's week next to Escale's: Monday to Sunday.
 */
typedef struct
{
  GDate      monday;
  gint64     day_starts[8];
  gint64     organization_id;
  GPtrArray *items;
} EscaleWeek;

#define ESCALE_WEEK_ZONE "America/Toronto"

void        escale_week_item_free      (EscaleWeekItem *item);

void        escale_week_get_monday     (const GDate    *day,
                                        GDate          *monday);
gint64      escale_week_local_midnight (const GDate    *day);
void        escale_week_local_date     (gint64          instant,
                                        GDate          *date);

EscaleWeek *escale_week_new            (const GDate    *day,
                                        gint64          organization_id);
void        escale_week_free           (EscaleWeek     *week);
guint       escale_week_count_day      (const EscaleWeek *week,
                                        guint           day);
guint       escale_week_count_overlaps (const EscaleWeek *week);

EscaleWeek *escale_week_load           (EscaleDatabase *database,
                                        gint64          organization_id,
                                        const GDate    *day,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleWeekItem, escale_week_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleWeek, escale_week_free)

G_END_DECLS
