/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-event-repository.h"
#include "escale-event-series.h"

G_BEGIN_DECLS

/**
 * EscaleOccurrenceRemoval:
 * @ESCALE_OCCURRENCE_DELETED: nobody had registered: the occurrence is gone
 * @ESCALE_OCCURRENCE_CANCELLED: people had registered: the occurrence is
 *   cancelled and their registrations are kept
 *
 * What escale_event_series_repository_remove_occurrence() did.
 */
typedef enum
{
  ESCALE_OCCURRENCE_DELETED,
  ESCALE_OCCURRENCE_CANCELLED,
} EscaleOccurrenceRemoval;

#define ESCALE_TYPE_EVENT_SERIES_REPOSITORY (escale_event_series_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEventSeriesRepository, escale_event_series_repository, ESCALE, EVENT_SERIES_REPOSITORY,
                      GObject)

EscaleEventSeriesRepository *escale_event_series_repository_new                (EscaleEventRepository        *events);

gboolean                     escale_event_series_repository_create             (EscaleEventSeriesRepository  *self,
                                                                                EscaleEventSeries            *series,
                                                                                EscaleEvent                  *model,
                                                                                GError                      **error);
EscaleEventSeries           *escale_event_series_repository_load               (EscaleEventSeriesRepository  *self,
                                                                                gint64                        id,
                                                                                GError                      **error);
GPtrArray                   *escale_event_series_repository_list_occurrences   (EscaleEventSeriesRepository  *self,
                                                                                gint64                        series_id,
                                                                                GError                      **error);
gboolean                     escale_event_series_repository_set_until          (EscaleEventSeriesRepository  *self,
                                                                                EscaleEventSeries            *series,
                                                                                const char                   *until_on,
                                                                                GError                      **error);
gboolean                     escale_event_series_repository_remove_occurrence  (EscaleEventSeriesRepository  *self,
                                                                                EscaleEventSeries            *series,
                                                                                const char                   *date,
                                                                                EscaleOccurrenceRemoval      *removal,
                                                                                GError                      **error);
gboolean                     escale_event_series_repository_apply_to_following (EscaleEventSeriesRepository  *self,
                                                                                EscaleEvent                  *edited,
                                                                                GError                      **error);

G_END_DECLS
