/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-itinerary-stop.h"
#include "escale-record-accessors.h"

/* A timed stop of an exploratory visit: where the group is, from when to
 * when, with which partner. Its place in the itinerary is its position in
 * the event's list. */
struct _EscaleItineraryStop
{
  EscaleRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleItineraryStop, escale_itinerary_stop, ESCALE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_PLACE_NAME,
  PROP_ADDRESS,
  PROP_HAS_COORDINATES,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_ORGANIZATION_ID,
  PROP_CONTACT_ID,
  PROP_PARTNER_CONFIRMED,
  PROP_NOTES,
  PROP_ICAL_UID,
  PROP_ICAL_SEQUENCE,
};

static EscaleRecordField fields[] = {
  { "id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "kind", G_TYPE_INVALID },   /* an EscaleStopKind, set in class_init */
  { "title", G_TYPE_STRING },
  { "starts-at", G_TYPE_INT64, 0, G_MAXINT64 },   /* 0: not chosen yet */
  { "ends-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "place-name", G_TYPE_STRING },
  { "address", G_TYPE_STRING },
  { "has-coordinates", G_TYPE_BOOLEAN },
  { "latitude", G_TYPE_DOUBLE },
  { "longitude", G_TYPE_DOUBLE },
  { "organization-id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "contact-id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "partner-confirmed", G_TYPE_BOOLEAN },
  { "notes", G_TYPE_STRING },
  { "ical-uid", G_TYPE_STRING },
  { "ical-sequence", G_TYPE_INT, 0, G_MAXINT },
};

static void
escale_itinerary_stop_class_init (EscaleItineraryStopClass *klass)
{
  fields[PROP_KIND - 1].type = ESCALE_TYPE_STOP_KIND;
  _escale_record_class_install (ESCALE_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
escale_itinerary_stop_init (EscaleItineraryStop *self)
{
}

EscaleItineraryStop *
escale_itinerary_stop_new (EscaleStopKind  kind,
                           const char     *title,
                           gint64          starts_at,
                           gint64          ends_at)
{
  return g_object_new (ESCALE_TYPE_ITINERARY_STOP,
                       "kind", kind,
                       "title", title,
                       "starts-at", starts_at,
                       "ends-at", ends_at,
                       NULL);
}

EscaleItineraryStop *
escale_itinerary_stop_copy (EscaleItineraryStop *self)
{
  EscaleItineraryStop *copy;

  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (self), NULL);

  copy = g_object_new (ESCALE_TYPE_ITINERARY_STOP, NULL);
  _escale_record_copy_fields (copy, self);
  return copy;
}

ESCALE_RECORD_NUMBER_GETTER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, gint64, id, PROP_ID)
ESCALE_RECORD_NUMBER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, EscaleStopKind, kind, PROP_KIND)
ESCALE_RECORD_TEXT (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, title, PROP_TITLE)
ESCALE_RECORD_NUMBER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, gint64, starts_at, PROP_STARTS_AT)
ESCALE_RECORD_NUMBER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, gint64, ends_at, PROP_ENDS_AT)
ESCALE_RECORD_TEXT (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, place_name, PROP_PLACE_NAME)
ESCALE_RECORD_TEXT (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, address, PROP_ADDRESS)
ESCALE_RECORD_NUMBER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, gint64, organization_id, PROP_ORGANIZATION_ID)
ESCALE_RECORD_NUMBER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, gint64, contact_id, PROP_CONTACT_ID)
ESCALE_RECORD_NUMBER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, gboolean, partner_confirmed, PROP_PARTNER_CONFIRMED)
ESCALE_RECORD_TEXT (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, notes, PROP_NOTES)
ESCALE_RECORD_NUMBER_GETTER (EscaleItineraryStop, escale_itinerary_stop, ESCALE_IS_ITINERARY_STOP, guint, ical_sequence, PROP_ICAL_SEQUENCE)

const char *
escale_itinerary_stop_get_ical_uid (EscaleItineraryStop *self)
{
  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (self), NULL);
  return _escale_record_get_string (self, PROP_ICAL_UID);
}

gboolean
escale_itinerary_stop_get_coordinates (EscaleItineraryStop *self,
                                       double              *latitude,
                                       double              *longitude)
{
  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (self), FALSE);
  return _escale_record_get_coordinates (self, PROP_HAS_COORDINATES, latitude, longitude);
}

void
escale_itinerary_stop_set_coordinates (EscaleItineraryStop *self,
                                       double               latitude,
                                       double               longitude)
{
  g_return_if_fail (ESCALE_IS_ITINERARY_STOP (self));
  _escale_record_set_coordinates (self, PROP_HAS_COORDINATES, latitude, longitude);
}

void
escale_itinerary_stop_clear_coordinates (EscaleItineraryStop *self)
{
  g_return_if_fail (ESCALE_IS_ITINERARY_STOP (self));
  _escale_record_set_integer (self, PROP_HAS_COORDINATES, FALSE);
}

void
_escale_itinerary_stop_set_identity (EscaleItineraryStop *self,
                                     gint64               id,
                                     const char          *ical_uid,
                                     guint                ical_sequence)
{
  _escale_record_set_integer (self, PROP_ID, id);
  _escale_record_set_string (self, PROP_ICAL_UID, ical_uid);
  _escale_record_set_integer (self, PROP_ICAL_SEQUENCE, ical_sequence);
}
