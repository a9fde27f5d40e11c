/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-event-choices.h"
#include "escale-itinerary-stop.h"
#include "escale-logistics-task.h"
#include "escale-record.h"
#include "escale-vehicle.h"

G_BEGIN_DECLS

/* Québec's own zone, and the one an event has unless it says otherwise. */
#define ESCALE_DEFAULT_TZID "America/Toronto"

#define ESCALE_TYPE_EVENT (escale_event_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEvent, escale_event, ESCALE, EVENT, EscaleRecord)

EscaleEvent       *escale_event_new                       (EscaleEventKind    kind);
EscaleEvent       *escale_event_copy                      (EscaleEvent       *self);

gint64             escale_event_get_id                    (EscaleEvent       *self);
EscaleEventKind    escale_event_get_kind                  (EscaleEvent       *self);
void               escale_event_set_kind                  (EscaleEvent       *self,
                                                           EscaleEventKind    kind);
EscaleEventStatus  escale_event_get_status                (EscaleEvent       *self);
void               escale_event_set_status                (EscaleEvent       *self,
                                                           EscaleEventStatus  status);
const char        *escale_event_get_text                  (EscaleEvent       *self,
                                                           const char        *property);
void               escale_event_set_text                  (EscaleEvent       *self,
                                                           const char        *property,
                                                           const char        *text);
const char        *escale_event_get_title                 (EscaleEvent       *self);
const char        *escale_event_get_region_code           (EscaleEvent       *self);
const char        *escale_event_get_tzid                  (EscaleEvent       *self);
GTimeZone         *escale_event_dup_time_zone             (EscaleEvent       *self);
gint64             escale_event_get_starts_at             (EscaleEvent       *self);
gint64             escale_event_get_ends_at               (EscaleEvent       *self);
void               escale_event_set_times                 (EscaleEvent       *self,
                                                           gint64             starts_at,
                                                           gint64             ends_at);
GDateTime         *escale_event_dup_start                 (EscaleEvent       *self);
GDateTime         *escale_event_dup_end                   (EscaleEvent       *self);
int                escale_event_get_capacity              (EscaleEvent       *self);
void               escale_event_set_capacity              (EscaleEvent       *self,
                                                           int                capacity);
gboolean           escale_event_get_coordinates           (EscaleEvent       *self,
                                                           double            *latitude,
                                                           double            *longitude);
void               escale_event_set_coordinates           (EscaleEvent       *self,
                                                           double             latitude,
                                                           double             longitude);
void               escale_event_clear_coordinates         (EscaleEvent       *self);
gint64             escale_event_get_series_id             (EscaleEvent       *self);
const char        *escale_event_get_series_date           (EscaleEvent       *self);
const char        *escale_event_get_ical_uid              (EscaleEvent       *self);
guint              escale_event_get_ical_sequence         (EscaleEvent       *self);
gint64             escale_event_get_created_at            (EscaleEvent       *self);
gint64             escale_event_get_updated_at            (EscaleEvent       *self);

const gint64      *escale_event_get_partner_ids           (EscaleEvent       *self,
                                                           guint             *n_ids);
void               escale_event_set_partner_ids           (EscaleEvent       *self,
                                                           const gint64      *ids,
                                                           guint              n_ids);

GListModel        *escale_event_get_stops                 (EscaleEvent       *self);
void               escale_event_add_stop                  (EscaleEvent       *self,
                                                           EscaleItineraryStop *stop);
void               escale_event_remove_stop               (EscaleEvent       *self,
                                                           EscaleItineraryStop *stop);
void               escale_event_move_stop                 (EscaleEvent       *self,
                                                           guint              from,
                                                           guint              to);
GListModel        *escale_event_get_vehicles              (EscaleEvent       *self);
void               escale_event_add_vehicle               (EscaleEvent       *self,
                                                           EscaleVehicle     *vehicle);
void               escale_event_remove_vehicle            (EscaleEvent       *self,
                                                           EscaleVehicle     *vehicle);
GListModel        *escale_event_get_tasks                 (EscaleEvent       *self);
void               escale_event_add_task                  (EscaleEvent       *self,
                                                           EscaleLogisticsTask *task);
void               escale_event_remove_task               (EscaleEvent       *self,
                                                           EscaleLogisticsTask *task);

G_END_DECLS
