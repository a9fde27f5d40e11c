/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-participant.h"

G_BEGIN_DECLS

/* Set by EscaleParticipantRepository once a write is committed: the ids
 * SQLite gave and the clock it saved with. */
void _escale_participant_set_stored (EscaleParticipant *self,
                                     gint64             id,
                                     gint64             created_at,
                                     gint64             updated_at);
void _escale_consent_set_stored     (EscaleConsent     *self,
                                     gint64             id,
                                     gint64             created_at);
gint64 _escale_consent_get_created_at (EscaleConsent   *self);
void _escale_case_note_set_id       (EscaleCaseNote    *self,
                                     gint64             id);
void _escale_follow_up_set_id       (EscaleFollowUp    *self,
                                     gint64             id);

G_END_DECLS
