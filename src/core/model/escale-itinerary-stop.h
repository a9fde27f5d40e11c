/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-event-choices.h"
#include "escale-record.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ITINERARY_STOP (escale_itinerary_stop_get_type ())

G_DECLARE_FINAL_TYPE (EscaleItineraryStop, escale_itinerary_stop, ESCALE, ITINERARY_STOP, EscaleRecord)

EscaleItineraryStop *escale_itinerary_stop_new                   (EscaleStopKind       kind,
                                                                  const char          *title,
                                                                  gint64               starts_at,
                                                                  gint64               ends_at);
EscaleItineraryStop *escale_itinerary_stop_copy                  (EscaleItineraryStop *self);

gint64               escale_itinerary_stop_get_id                (EscaleItineraryStop *self);
EscaleStopKind       escale_itinerary_stop_get_kind              (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_kind              (EscaleItineraryStop *self,
                                                                  EscaleStopKind       kind);
const char          *escale_itinerary_stop_get_title             (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_title             (EscaleItineraryStop *self,
                                                                  const char          *title);
gint64               escale_itinerary_stop_get_starts_at         (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_starts_at         (EscaleItineraryStop *self,
                                                                  gint64               starts_at);
gint64               escale_itinerary_stop_get_ends_at           (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_ends_at           (EscaleItineraryStop *self,
                                                                  gint64               ends_at);
const char          *escale_itinerary_stop_get_place_name        (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_place_name        (EscaleItineraryStop *self,
                                                                  const char          *place_name);
const char          *escale_itinerary_stop_get_address           (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_address           (EscaleItineraryStop *self,
                                                                  const char          *address);
gboolean             escale_itinerary_stop_get_coordinates       (EscaleItineraryStop *self,
                                                                  double              *latitude,
                                                                  double              *longitude);
void                 escale_itinerary_stop_set_coordinates       (EscaleItineraryStop *self,
                                                                  double               latitude,
                                                                  double               longitude);
void                 escale_itinerary_stop_clear_coordinates     (EscaleItineraryStop *self);
gint64               escale_itinerary_stop_get_organization_id   (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_organization_id   (EscaleItineraryStop *self,
                                                                  gint64               organization_id);
gint64               escale_itinerary_stop_get_contact_id        (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_contact_id        (EscaleItineraryStop *self,
                                                                  gint64               contact_id);
gboolean             escale_itinerary_stop_get_partner_confirmed (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_partner_confirmed (EscaleItineraryStop *self,
                                                                  gboolean             confirmed);
const char          *escale_itinerary_stop_get_notes             (EscaleItineraryStop *self);
void                 escale_itinerary_stop_set_notes             (EscaleItineraryStop *self,
                                                                  const char          *notes);
const char          *escale_itinerary_stop_get_ical_uid          (EscaleItineraryStop *self);
guint                escale_itinerary_stop_get_ical_sequence     (EscaleItineraryStop *self);

G_END_DECLS
