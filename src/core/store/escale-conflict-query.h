/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-database.h"

G_BEGIN_DECLS

/**
 * EscaleConflictRow:
 * @id: the Escale event, or the partner's agenda entry (external_event)
 * @title: the event's title, or the entry's summary (%NULL if it has none)
 * @detail: an event's presenters, a vehicle's provider, or the title of
 *   the stop at the partner; %NULL otherwise
 * @detail2: a vehicle's driver, or %NULL
 * @starts_at: when the other event, stop or occurrence starts
 * @ends_at: … and ends
 * @participant_ids: (element-type gint64) (nullable): the people
 *   registered for both events
 *
 * Something that takes place at the same time as a part of an event, as
 * the database has it.
 */
typedef struct
{
  gint64  id;
  char   *title;
  char   *detail;
  char   *detail2;
  gint64  starts_at;
  gint64  ends_at;
  GArray *participant_ids;
} EscaleConflictRow;

typedef struct _EscaleConflictQuery EscaleConflictQuery;

void                 escale_conflict_row_free             (EscaleConflictRow    *row);

EscaleConflictQuery *escale_conflict_query_new            (EscaleDatabase       *database,
                                                           GError              **error);
void                 escale_conflict_query_free           (EscaleConflictQuery  *self);
void                 escale_conflict_query_exclude        (EscaleConflictQuery  *self,
                                                           gint64                event_id,
                                                           gint64                series_id);
GPtrArray           *escale_conflict_query_events         (EscaleConflictQuery  *self,
                                                           gint64                starts_at,
                                                           gint64                ends_at,
                                                           GError              **error);
GPtrArray           *escale_conflict_query_vehicles       (EscaleConflictQuery  *self,
                                                           gint64                starts_at,
                                                           gint64                ends_at,
                                                           GError              **error);
GPtrArray           *escale_conflict_query_partner        (EscaleConflictQuery  *self,
                                                           gint64                organization_id,
                                                           gint64                starts_at,
                                                           gint64                ends_at,
                                                           GError              **error);
GPtrArray           *escale_conflict_query_agenda         (EscaleConflictQuery  *self,
                                                           gint64                organization_id,
                                                           gint64                starts_at,
                                                           gint64                ends_at,
                                                           GError              **error);
GPtrArray           *escale_conflict_query_participants   (EscaleConflictQuery  *self,
                                                           gint64                event_id,
                                                           gint64                starts_at,
                                                           gint64                ends_at,
                                                           GError              **error);
char                *escale_conflict_query_partner_name   (EscaleConflictQuery  *self,
                                                           gint64                organization_id,
                                                           GError              **error);
GArray              *escale_conflict_query_upcoming       (EscaleConflictQuery  *self,
                                                           gint64                now,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleConflictRow, escale_conflict_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleConflictQuery, escale_conflict_query_free)

G_END_DECLS
