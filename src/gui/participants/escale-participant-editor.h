/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT_EDITOR (escale_participant_editor_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantEditor, escale_participant_editor, ESCALE, PARTICIPANT_EDITOR, AdwWindow)

EscaleParticipantEditor *escale_participant_editor_new                (EscaleContext           *context,
                                                                       gint64                   participant_id);
gint64                   escale_participant_editor_get_participant_id (EscaleParticipantEditor *self);

G_END_DECLS
