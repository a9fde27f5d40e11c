/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-event.h"

G_BEGIN_DECLS

/* The itinerary editor reads a stop's fields into an EscaleStopForm: a day
 * of the visit and clock times as typed ("9 h 30"), in the event's zone,
 * and coordinates as one pair. The rules that turn them into instants and
 * degrees live here, testable without a display. */

typedef enum
{
  ESCALE_STOP_FIELD_DAY,
  ESCALE_STOP_FIELD_STARTS,
  ESCALE_STOP_FIELD_ENDS,
  ESCALE_STOP_FIELD_COORDINATES,
} EscaleStopField;

#define ESCALE_N_STOP_FIELDS (ESCALE_STOP_FIELD_COORDINATES + 1)

/**
 * EscaleStopForm:
 * @day: (nullable): the local day the stop starts on, in the event's zone
 * @starts: the start as typed, "09:30"
 * @ends: the end as typed; earlier than the start means the next day
 * @coordinates: "46.81, -71.21", or empty
 * @organization_id: the partner, or 0
 */
typedef struct
{
  EscaleStopKind  kind;
  const char     *title;
  const GDate    *day;
  const char     *starts;
  const char     *ends;
  const char     *place_name;
  const char     *address;
  const char     *coordinates;
  gint64          organization_id;
  gboolean        partner_confirmed;
  const char     *notes;
} EscaleStopForm;

gboolean  escale_stop_form_apply               (const EscaleStopForm  *form,
                                                EscaleEvent           *event,
                                                EscaleItineraryStop   *stop,
                                                char                  *messages[ESCALE_N_STOP_FIELDS]);
char     *escale_stop_form_format_coordinates  (EscaleItineraryStop   *stop);
GArray   *escale_stop_form_list_days           (EscaleEvent           *event,
                                                gint64                 instant);
gboolean  escale_stop_form_get_day             (EscaleEvent           *event,
                                                gint64                 instant,
                                                GDate                 *day);
char     *escale_stop_form_describe            (EscaleEvent           *event,
                                                EscaleItineraryStop   *stop);

G_END_DECLS
