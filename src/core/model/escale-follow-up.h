/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-participant-choices.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FOLLOW_UP (escale_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (EscaleFollowUp, escale_follow_up, ESCALE, FOLLOW_UP, GObject)

EscaleFollowUp        *escale_follow_up_new         (const char            *due_on,
                                                     EscaleFollowUpKind     kind);
EscaleFollowUp        *escale_follow_up_copy        (EscaleFollowUp        *self);
gint64                 escale_follow_up_get_id      (EscaleFollowUp        *self);
const char            *escale_follow_up_get_due_on  (EscaleFollowUp        *self);
void                   escale_follow_up_set_due_on  (EscaleFollowUp        *self,
                                                     const char            *due_on);
EscaleFollowUpKind     escale_follow_up_get_kind    (EscaleFollowUp        *self);
void                   escale_follow_up_set_kind    (EscaleFollowUp        *self,
                                                     EscaleFollowUpKind     kind);
const char            *escale_follow_up_get_notes   (EscaleFollowUp        *self);
void                   escale_follow_up_set_notes   (EscaleFollowUp        *self,
                                                     const char            *notes);
EscaleFollowUpOutcome  escale_follow_up_get_outcome (EscaleFollowUp        *self);
const char            *escale_follow_up_get_done_on (EscaleFollowUp        *self);
void                   escale_follow_up_complete    (EscaleFollowUp        *self,
                                                     EscaleFollowUpOutcome  outcome,
                                                     const char            *done_on);
void                   escale_follow_up_reopen      (EscaleFollowUp        *self);

G_END_DECLS
