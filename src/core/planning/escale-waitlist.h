/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-event-choices.h"

G_BEGIN_DECLS

/**
 * EscaleEventFill:
 * @capacity: the event's seats, or -1 for no limit
 * @seats_taken: seats held: registered, confirmed, there or not there,
 *   household members included
 * @n_holding: registrations holding seats
 * @n_waitlisted: registrations on the waitlist
 * @waitlisted_seats: the seats they wait for
 *
 * How full an event is: "18 / 20, 3 waiting".
 */
typedef struct
{
  int   capacity;
  guint seats_taken;
  guint n_holding;
  guint n_waitlisted;
  guint waitlisted_seats;
} EscaleEventFill;

guint                    escale_event_fill_get_free_seats         (const EscaleEventFill    *fill);
char                    *escale_event_fill_describe               (const EscaleEventFill    *fill);
EscaleRegistrationStatus escale_waitlist_place                    (const EscaleEventFill    *fill,
                                                                   guint                     seats);
GArray                  *escale_waitlist_promote                  (guint                     free_seats,
                                                                   const guint              *waitlisted_seats,
                                                                   guint                     n_waitlisted);
gboolean                 escale_waitlist_take_seats               (guint                    *free_seats,
                                                                   guint                     seats);
gboolean                 escale_registration_status_can_change    (EscaleRegistrationStatus  from,
                                                                   EscaleRegistrationStatus  to);

G_END_DECLS
