/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"
#include "escale-event.h"

G_BEGIN_DECLS

/**
 * EscaleConflictKind:
 * @ESCALE_CONFLICT_AGENDA: an entry of the imported agenda of a partner
 *   the event or stop takes part with
 * @ESCALE_CONFLICT_PRESENTER: another event with a presenter in common
 * @ESCALE_CONFLICT_PARTNER: another event with a partner in common
 * @ESCALE_CONFLICT_VEHICLE: another event with the same vehicle: the same
 *   provider and the same driver
 * @ESCALE_CONFLICT_PARTICIPANT: another event some of the same participants
 *   are registered for
 *
 * What an event clashes with.
 */
typedef enum
{
  ESCALE_CONFLICT_AGENDA,
  ESCALE_CONFLICT_PRESENTER,
  ESCALE_CONFLICT_PARTNER,
  ESCALE_CONFLICT_VEHICLE,
  ESCALE_CONFLICT_PARTICIPANT,
} EscaleConflictKind;

/**
 * EscaleConflict:
 * @kind: what the event clashes with
 * @event_id: the event concerned; 0 while it is not saved
 * @event_title: its title
 * @tzid: its zone, in which the times are told
 * @stop: the position of the stop concerned in its itinerary, or -1 when
 *   the whole event is
 * @stop_title: (nullable): the title of that stop
 * @other_event_id: the Escale event it clashes with, or 0 for an entry of
 *   a partner's agenda
 * @entry_id: the agenda entry (external_event) it clashes with, or 0
 * @other_title: (nullable): the other event's title, or the entry's
 *   summary
 * @partner_id: whose agenda the entry is in, or the partner in common; 0
 *   for the other kinds
 * @partner_name: (nullable): that partner's name
 * @shared: (nullable): the presenter in common, or the vehicle as
 *   "provider, driver"
 * @participant_ids: (element-type gint64) (nullable): the participants
 *   registered for both events
 * @starts_at: when the overlap starts, unix seconds
 * @ends_at: when it ends
 *
 * One clash of an event, or of one of its stops, with something else
 * planned at the same time.
 */
typedef struct
{
  EscaleConflictKind  kind;
  gint64              event_id;
  char               *event_title;
  char               *tzid;
  int                 stop;
  char               *stop_title;
  gint64              other_event_id;
  gint64              entry_id;
  char               *other_title;
  gint64              partner_id;
  char               *partner_name;
  char               *shared;
  GArray             *participant_ids;
  gint64              starts_at;
  gint64              ends_at;
} EscaleConflict;

void        escale_conflict_free           (EscaleConflict      *conflict);
const char *escale_conflict_kind_get_nick  (EscaleConflictKind   kind);
char       *escale_conflict_describe       (const EscaleConflict *conflict);
char       *escale_conflict_format_overlap (const EscaleConflict *conflict);

GPtrArray  *escale_conflicts_find          (EscaleDatabase      *database,
                                            EscaleEvent         *event,
                                            GError             **error);
GPtrArray  *escale_conflicts_list_upcoming (EscaleDatabase      *database,
                                            gint64               now,
                                            GCancellable        *cancellable,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleConflict, escale_conflict_free)

G_END_DECLS
