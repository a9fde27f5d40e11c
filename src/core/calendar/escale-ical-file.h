/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-ical-export.h"

G_BEGIN_DECLS

/**
 * EscaleIcalScope:
 * @ESCALE_ICAL_SCOPE_EVENT: one event, as one entry
 * @ESCALE_ICAL_SCOPE_VISIT: a visit's itinerary: the whole trip and each stop
 * @ESCALE_ICAL_SCOPE_SERIES: a series of sessions, as one repeating entry
 * @ESCALE_ICAL_SCOPE_PARTICIPANT: what a participant holds a seat or waits for
 * @ESCALE_ICAL_SCOPE_PARTNER: what a partner hosts, presents at or is visited for
 * @ESCALE_ICAL_SCOPE_RANGE: every event between two instants
 */
typedef enum
{
  ESCALE_ICAL_SCOPE_EVENT,
  ESCALE_ICAL_SCOPE_VISIT,
  ESCALE_ICAL_SCOPE_SERIES,
  ESCALE_ICAL_SCOPE_PARTICIPANT,
  ESCALE_ICAL_SCOPE_PARTNER,
  ESCALE_ICAL_SCOPE_RANGE,
} EscaleIcalScope;

/**
 * EscaleIcalSelection:
 * @scope: what kind of calendar
 * @id: the event, series, participant or partner
 * @from: with %ESCALE_ICAL_SCOPE_RANGE, the first instant (unix seconds)
 * @to: with %ESCALE_ICAL_SCOPE_RANGE, the last instant
 *
 * One calendar Escale can write.
 */
typedef struct
{
  EscaleIcalScope scope;
  gint64          id;
  gint64          from;
  gint64          to;
} EscaleIcalSelection;

/**
 * EscaleIcalSources:
 * @export: writes the entries, with its method and attendees
 * @series: where series are read
 * @registrations: where a participant's registrations are read
 *
 * What writing any calendar needs.
 */
typedef struct
{
  EscaleIcalExport             *export;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
} EscaleIcalSources;

gboolean escale_ical_selection_write      (const EscaleIcalSelection  *selection,
                                           const EscaleIcalSources    *sources,
                                           GOutputStream              *stream,
                                           GCancellable               *cancellable,
                                           GError                    **error);
gboolean escale_ical_selection_write_file (const EscaleIcalSelection  *selection,
                                           const EscaleIcalSources    *sources,
                                           const char                 *path,
                                           GCancellable               *cancellable,
                                           GError                    **error);

void     escale_ical_export_write_file_async  (EscaleIcalExport           *self,
                                               const EscaleIcalSelection  *selection,
                                               const char                 *path,
                                               EscaleIcalProgressFunc      progress,
                                               gpointer                    progress_data,
                                               GDestroyNotify              progress_notify,
                                               GCancellable               *cancellable,
                                               GAsyncReadyCallback         callback,
                                               gpointer                    user_data);
gboolean escale_ical_export_write_file_finish (EscaleIcalExport           *self,
                                               GAsyncResult               *result,
                                               GError                    **error);

G_END_DECLS
