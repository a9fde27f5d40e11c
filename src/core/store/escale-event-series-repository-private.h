/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by escale-event-series-repository.c and
 * escale-event-series-occurrences.c, inside the former's transactions. */

#include "escale-database-private.h"
#include "escale-event-repository.h"
#include "escale-series-rule.h"

G_BEGIN_DECLS

gboolean     _escale_series_write_occurrence    (EscaleEventRepository         *events,
                                                 EscaleEvent                   *model,
                                                 const GDate                   *model_date,
                                                 gint64                         series_id,
                                                 const EscaleSeriesOccurrence  *occurrence,
                                                 gint64                         now,
                                                 GError                       **error);
gboolean     _escale_series_count_registrations (EscaleDatabase                *database,
                                                 gint64                         event_id,
                                                 guint                         *all,
                                                 guint                         *active,
                                                 GError                       **error);
gboolean     _escale_series_delete_occurrence   (EscaleEventRepository         *events,
                                                 EscaleEvent                   *event,
                                                 GError                       **error);
gboolean     _escale_series_cancel_occurrence   (EscaleEventRepository         *events,
                                                 EscaleEvent                   *event,
                                                 gint64                         now,
                                                 GError                       **error);
gboolean     _escale_series_add_after           (EscaleEventRepository         *events,
                                                 gint64                         series_id,
                                                 GPtrArray                     *occurrences,
                                                 GArray                        *dates,
                                                 const GDate                   *after,
                                                 gint64                         now,
                                                 GError                       **error);
gboolean     _escale_series_drop_after          (EscaleEventRepository         *events,
                                                 GPtrArray                     *occurrences,
                                                 const GDate                   *until,
                                                 gint64                         now,
                                                 GError                       **error);
EscaleEvent *_escale_series_find_occurrence     (GPtrArray                     *occurrences,
                                                 const char                    *date);
void         _escale_series_apply_fields        (EscaleEvent                   *target,
                                                 EscaleEvent                   *edited);

G_END_DECLS
