/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-database.h"

G_BEGIN_DECLS

/**
 * EscaleFeedScope:
 * @ESCALE_FEED_SCOPE_UPCOMING: every event from a month ago on
 * @ESCALE_FEED_SCOPE_EVENT: one event; a visit with its itinerary
 * @ESCALE_FEED_SCOPE_SERIES: a series of sessions
 * @ESCALE_FEED_SCOPE_PARTICIPANT: a participant's own calendar
 * @ESCALE_FEED_SCOPE_PARTNER: a partner's calendar
 *
 * What a subscription feed publishes.
 */
typedef enum
{
  ESCALE_FEED_SCOPE_UPCOMING,
  ESCALE_FEED_SCOPE_EVENT,
  ESCALE_FEED_SCOPE_SERIES,
  ESCALE_FEED_SCOPE_PARTICIPANT,
  ESCALE_FEED_SCOPE_PARTNER,
} EscaleFeedScope;

/**
 * EscaleCalendarFeed:
 * @id: the feed's row
 * @scope: what it publishes
 * @target_id: the event, series, participant or partner; 0 for upcoming
 * @file_name: the file in the feed folder, such as "partner-12.ics"
 * @target_name: the event's or series' title, the person's or partner's
 *   name; %NULL for upcoming events, or when the target is gone
 *
 * A calendar Escale rewrites in the feed folder after every change, for
 * the people who subscribed to it.
 */
typedef struct
{
  gint64           id;
  EscaleFeedScope  scope;
  gint64           target_id;
  char            *file_name;
  char            *target_name;
} EscaleCalendarFeed;

void                escale_calendar_feed_free         (EscaleCalendarFeed  *feed);
char               *escale_calendar_feed_describe     (const EscaleCalendarFeed *feed);

GPtrArray          *escale_calendar_feed_list         (EscaleDatabase      *database,
                                                       GError             **error);
EscaleCalendarFeed *escale_calendar_feed_add          (EscaleDatabase      *database,
                                                       EscaleFeedScope      scope,
                                                       gint64               target_id,
                                                       const char          *file_name,
                                                       GError             **error);
gboolean            escale_calendar_feed_remove       (EscaleDatabase      *database,
                                                       const char          *file_name,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCalendarFeed, escale_calendar_feed_free)

G_END_DECLS
