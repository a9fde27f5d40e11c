/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-event.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_VEHICLE_ROW (escale_vehicle_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleVehicleRow, escale_vehicle_row, ESCALE, VEHICLE_ROW, AdwExpanderRow)

GtkWidget     *escale_vehicle_row_new         (EscaleEvent      *event,
                                               EscaleVehicle    *vehicle);
EscaleVehicle *escale_vehicle_row_get_vehicle (EscaleVehicleRow *self);

G_END_DECLS
