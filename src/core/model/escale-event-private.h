/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What only the event, series and registration repositories set:
 * identities read from the database, an occurrence's place in its series,
 * and the status of a registration. */

#include "escale-event.h"
#include "escale-event-series.h"
#include "escale-registration.h"

G_BEGIN_DECLS

typedef struct
{
  gint64                    id;
  gint64                    event_id;
  gint64                    participant_id;
  const char               *participant_name;
  EscaleRegistrationStatus  status;
  int                       seats;
  gint64                    waitlisted_at;
  gboolean                  needs_lodging;
  const char               *diet;
  const char               *accessibility;
  const char               *notes;
} EscaleRegistrationData;

EscaleRegistration *_escale_registration_new            (const EscaleRegistrationData *data);

void                _escale_event_set_identity          (EscaleEvent                  *self,
                                                         gint64                        id,
                                                         const char                   *ical_uid,
                                                         guint                         ical_sequence);
void                _escale_event_set_series            (EscaleEvent                  *self,
                                                         gint64                        series_id,
                                                         const char                   *series_date);
void                _escale_event_set_timestamps        (EscaleEvent                  *self,
                                                         gint64                        created_at,
                                                         gint64                        updated_at);
void                _escale_event_truncate_stops        (EscaleEvent                  *self,
                                                         guint                         n_stops);
void                _escale_itinerary_stop_set_identity (EscaleItineraryStop          *self,
                                                         gint64                        id,
                                                         const char                   *ical_uid,
                                                         guint                         ical_sequence);
void                _escale_event_series_set_identity   (EscaleEventSeries            *self,
                                                         gint64                        id,
                                                         const char                   *first_on,
                                                         const char                   *ical_uid);
void                _escale_event_series_set_timestamps (EscaleEventSeries            *self,
                                                         gint64                        created_at,
                                                         gint64                        updated_at);
void                _escale_vehicle_set_id              (EscaleVehicle                *self,
                                                         gint64                        id);
void                _escale_logistics_task_set_id       (EscaleLogisticsTask          *self,
                                                         gint64                        id);

G_END_DECLS
