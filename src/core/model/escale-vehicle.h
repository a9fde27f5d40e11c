/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-event-choices.h"
#include "escale-record.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_VEHICLE (escale_vehicle_get_type ())

G_DECLARE_FINAL_TYPE (EscaleVehicle, escale_vehicle, ESCALE, VEHICLE, EscaleRecord)

EscaleVehicle     *escale_vehicle_new                 (EscaleVehicleKind  kind,
                                                       int                seats);
EscaleVehicle     *escale_vehicle_copy                (EscaleVehicle     *self);

gint64             escale_vehicle_get_id              (EscaleVehicle     *self);
EscaleVehicleKind  escale_vehicle_get_kind            (EscaleVehicle     *self);
void               escale_vehicle_set_kind            (EscaleVehicle     *self,
                                                       EscaleVehicleKind  kind);
int                escale_vehicle_get_seats           (EscaleVehicle     *self);
void               escale_vehicle_set_seats           (EscaleVehicle     *self,
                                                       int                seats);
const char        *escale_vehicle_get_provider        (EscaleVehicle     *self);
void               escale_vehicle_set_provider        (EscaleVehicle     *self,
                                                       const char        *provider);
const char        *escale_vehicle_get_driver          (EscaleVehicle     *self);
void               escale_vehicle_set_driver          (EscaleVehicle     *self,
                                                       const char        *driver);
const char        *escale_vehicle_get_driver_phone    (EscaleVehicle     *self);
void               escale_vehicle_set_driver_phone    (EscaleVehicle     *self,
                                                       const char        *phone);
const char        *escale_vehicle_get_departure_place (EscaleVehicle     *self);
void               escale_vehicle_set_departure_place (EscaleVehicle     *self,
                                                       const char        *place);
gint64             escale_vehicle_get_departs_at      (EscaleVehicle     *self);
void               escale_vehicle_set_departs_at      (EscaleVehicle     *self,
                                                       gint64             departs_at);
const char        *escale_vehicle_get_return_place    (EscaleVehicle     *self);
void               escale_vehicle_set_return_place    (EscaleVehicle     *self,
                                                       const char        *place);
gint64             escale_vehicle_get_returns_at      (EscaleVehicle     *self);
void               escale_vehicle_set_returns_at      (EscaleVehicle     *self,
                                                       gint64             returns_at);
const char        *escale_vehicle_get_notes           (EscaleVehicle     *self);
void               escale_vehicle_set_notes           (EscaleVehicle     *self,
                                                       const char        *notes);

G_END_DECLS
