/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "escale-participant.h"
#include "escale-participant-summary.h"

G_BEGIN_DECLS

JsonNode *escale_participant_to_json         (EscaleParticipant        *participant);
JsonNode *escale_participant_summary_to_json (EscaleParticipantSummary *summary);

G_END_DECLS
