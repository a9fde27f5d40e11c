/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "escale-event.h"
#include "escale-event-series.h"
#include "escale-participant-registration.h"
#include "escale-plan-check.h"
#include "escale-registration.h"
#include "escale-waitlist.h"

G_BEGIN_DECLS

JsonNode *escale_event_to_json        (EscaleEvent           *event,
                                       gboolean               with_parts,
                                       const EscaleEventFill *fill,
                                       GPtrArray             *warnings);
JsonNode *escale_event_series_to_json (EscaleEventSeries    *series,
                                       GPtrArray            *occurrences,
                                       const EscaleEventFill *fills);
JsonNode *escale_plan_warnings_to_json (GPtrArray            *warnings);
JsonNode *escale_registration_to_json (EscaleRegistration    *registration);
JsonNode *escale_participant_registration_to_json (EscaleParticipantRegistration *entry);
char     *escale_event_format_time    (EscaleEvent           *event,
                                       gint64                 instant,
                                       const char            *format);

G_END_DECLS
