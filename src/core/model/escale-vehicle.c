/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-record-accessors.h"
#include "escale-vehicle.h"

/* A bus, minibus or car of a visit: its seats, its driver, where and when
 * it leaves and comes back. Times are 0 when not known yet. */
struct _EscaleVehicle
{
  EscaleRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleVehicle, escale_vehicle, ESCALE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SEATS,
  PROP_PROVIDER,
  PROP_DRIVER,
  PROP_DRIVER_PHONE,
  PROP_DEPARTURE_PLACE,
  PROP_DEPARTS_AT,
  PROP_RETURN_PLACE,
  PROP_RETURNS_AT,
  PROP_NOTES,
};

static EscaleRecordField fields[] = {
  { "id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "kind", G_TYPE_INVALID },   /* an EscaleVehicleKind, set in class_init */
  { "seats", G_TYPE_INT, 1, 200 },
  { "provider", G_TYPE_STRING },
  { "driver", G_TYPE_STRING },
  { "driver-phone", G_TYPE_STRING },
  { "departure-place", G_TYPE_STRING },
  { "departs-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "return-place", G_TYPE_STRING },
  { "returns-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "notes", G_TYPE_STRING },
};

static void
escale_vehicle_class_init (EscaleVehicleClass *klass)
{
  fields[PROP_KIND - 1].type = ESCALE_TYPE_VEHICLE_KIND;
  _escale_record_class_install (ESCALE_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
escale_vehicle_init (EscaleVehicle *self)
{
}

EscaleVehicle *
escale_vehicle_new (EscaleVehicleKind kind,
                    int               seats)
{
  return g_object_new (ESCALE_TYPE_VEHICLE, "kind", kind, "seats", seats, NULL);
}

EscaleVehicle *
escale_vehicle_copy (EscaleVehicle *self)
{
  EscaleVehicle *copy;

  g_return_val_if_fail (ESCALE_IS_VEHICLE (self), NULL);

  copy = g_object_new (ESCALE_TYPE_VEHICLE, NULL);
  _escale_record_copy_fields (copy, self);
  return copy;
}

ESCALE_RECORD_NUMBER_GETTER (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, gint64, id, PROP_ID)
ESCALE_RECORD_NUMBER (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, EscaleVehicleKind, kind, PROP_KIND)
ESCALE_RECORD_NUMBER (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, int, seats, PROP_SEATS)
ESCALE_RECORD_TEXT (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, provider, PROP_PROVIDER)
ESCALE_RECORD_TEXT (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, driver, PROP_DRIVER)
ESCALE_RECORD_TEXT (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, driver_phone, PROP_DRIVER_PHONE)
ESCALE_RECORD_TEXT (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, departure_place, PROP_DEPARTURE_PLACE)
ESCALE_RECORD_NUMBER (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, gint64, departs_at, PROP_DEPARTS_AT)
ESCALE_RECORD_TEXT (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, return_place, PROP_RETURN_PLACE)
ESCALE_RECORD_NUMBER (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, gint64, returns_at, PROP_RETURNS_AT)
ESCALE_RECORD_TEXT (EscaleVehicle, escale_vehicle, ESCALE_IS_VEHICLE, notes, PROP_NOTES)

void
_escale_vehicle_set_id (EscaleVehicle *self,
                        gint64         id)
{
  _escale_record_set_integer (self, PROP_ID, id);
}
