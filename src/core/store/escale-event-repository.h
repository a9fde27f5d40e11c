/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"
#include "escale-event.h"

G_BEGIN_DECLS

/**
 * EscaleEventQuery:
 * @kind: an #EscaleEventKind, or -1 for every kind
 * @from: the first instant (unix seconds) an event may end at, or 0
 * @to: the last instant an event may start at, or 0
 *
 * Which events escale_event_repository_list() returns, by start.
 */
typedef struct
{
  int    kind;
  gint64 from;
  gint64 to;
} EscaleEventQuery;

#define ESCALE_TYPE_EVENT_REPOSITORY (escale_event_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEventRepository, escale_event_repository, ESCALE, EVENT_REPOSITORY, GObject)

EscaleEventRepository *escale_event_repository_new           (EscaleDatabase          *database);
EscaleDatabase        *escale_event_repository_get_database  (EscaleEventRepository   *self);

gboolean               escale_event_repository_save          (EscaleEventRepository   *self,
                                                              EscaleEvent             *event,
                                                              GError                 **error);
EscaleEvent           *escale_event_repository_load          (EscaleEventRepository   *self,
                                                              gint64                   id,
                                                              GError                 **error);
GPtrArray             *escale_event_repository_list          (EscaleEventRepository   *self,
                                                              const EscaleEventQuery  *query,
                                                              GError                 **error);
GPtrArray             *escale_event_repository_list_for_partner (EscaleEventRepository  *self,
                                                                 gint64                  organization_id,
                                                                 GError                **error);
GPtrArray             *escale_event_repository_list_open_for_registration (EscaleEventRepository  *self,
                                                                           gint64                  now,
                                                                           GError                **error);
gboolean               escale_event_repository_cancel        (EscaleEventRepository   *self,
                                                              EscaleEvent             *event,
                                                              GError                 **error);
gboolean               escale_event_repository_delete        (EscaleEventRepository   *self,
                                                              EscaleEvent             *event,
                                                              GError                 **error);

G_END_DECLS
