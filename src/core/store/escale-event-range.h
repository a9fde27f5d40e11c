/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-event-repository.h"

G_BEGIN_DECLS

/**
 * EscaleEventZoneSpan:
 * @tzid: an IANA time zone the range's events use
 * @first: the earliest start of an event or stop in that zone
 * @last: the latest end
 */
typedef struct
{
  const char *tzid;
  gint64      first;
  gint64      last;
} EscaleEventZoneSpan;

/**
 * EscaleEventRangeSummary:
 * @zones: the zones in use, by name
 * @n_zones: how many
 * @n_events: the dated events of the range
 * @n_entries: those events plus their visits' dated stops
 * @n_not_cancelled: the events of the range that are not cancelled
 *
 * What a range holds, read before its rows in the same snapshot.
 */
typedef struct
{
  const EscaleEventZoneSpan *zones;
  guint                      n_zones;
  guint                      n_events;
  guint                      n_entries;
  guint                      n_not_cancelled;
} EscaleEventRangeSummary;

/**
 * EscaleEventHost:
 * @name: (nullable): the name of the host partner's contact
 * @email: (nullable): their address
 *
 * Who a host partner puts forward for an event: the first partner of the
 * event (by id) with a contact who has an address, and that contact (the
 * first by id).
 */
typedef struct
{
  const char *name;
  const char *email;
} EscaleEventHost;

/**
 * EscaleEventRangeReader:
 * @summary: called once, before any row
 * @event: called for each event by start, with its itinerary when it is a
 *   visit; the event and its stops are filled again for the next row, so
 *   copy them (escale_event_copy()) to keep them
 *
 * Either callback returns %FALSE with an error to stop the reading.
 */
typedef struct
{
  gboolean (*summary) (const EscaleEventRangeSummary  *summary,
                       gpointer                        user_data,
                       GError                        **error);
  gboolean (*event)   (EscaleEvent                    *event,
                       const EscaleEventHost          *host,
                       gpointer                        user_data,
                       GError                        **error);
} EscaleEventRangeReader;

gboolean escale_event_repository_read_range (EscaleEventRepository         *self,
                                             gint64                         from,
                                             gint64                         to,
                                             const EscaleEventRangeReader  *reader,
                                             gpointer                       user_data,
                                             GError                       **error);
gboolean escale_event_repository_find_host  (EscaleEventRepository         *self,
                                             gint64                         event_id,
                                             char                         **name,
                                             char                         **email,
                                             GError                       **error);

G_END_DECLS
