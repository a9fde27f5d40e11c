/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-case-note.h"
#include "escale-consent.h"
#include "escale-follow-up.h"
#include "escale-household-member.h"
#include "escale-participant-choices.h"
#include "escale-participant-field.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT (escale_participant_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipant, escale_participant, ESCALE, PARTICIPANT, GObject)

EscaleParticipant       *escale_participant_new                (void);
EscaleParticipant       *escale_participant_copy               (EscaleParticipant      *self);

gint64                   escale_participant_get_id             (EscaleParticipant      *self);
const GValue            *escale_participant_get_value          (EscaleParticipant      *self,
                                                                EscaleParticipantField  field);
const char              *escale_participant_get_text           (EscaleParticipant      *self,
                                                                EscaleParticipantField  field);
int                      escale_participant_get_number         (EscaleParticipant      *self,
                                                                EscaleParticipantField  field);
const char              *escale_participant_get_given_name     (EscaleParticipant      *self);
const char              *escale_participant_get_family_name    (EscaleParticipant      *self);
char                    *escale_participant_dup_display_name   (EscaleParticipant      *self);
EscaleImmigrationStatus  escale_participant_get_immigration_status (EscaleParticipant  *self);
EscaleEducation          escale_participant_get_education      (EscaleParticipant      *self);
gboolean                 escale_participant_get_driving_licence (EscaleParticipant     *self);
const char * const      *escale_participant_get_regions        (EscaleParticipant      *self);
gint64                   escale_participant_get_created_at     (EscaleParticipant      *self);
gint64                   escale_participant_get_updated_at     (EscaleParticipant      *self);

GListModel              *escale_participant_get_household      (EscaleParticipant      *self);
void                     escale_participant_add_household_member    (EscaleParticipant     *self,
                                                                     EscaleHouseholdMember *member);
void                     escale_participant_remove_household_member (EscaleParticipant     *self,
                                                                     EscaleHouseholdMember *member);

GListModel              *escale_participant_get_consents       (EscaleParticipant      *self);
void                     escale_participant_add_consent        (EscaleParticipant      *self,
                                                                EscaleConsent          *consent);
EscaleConsent           *escale_participant_get_current_consent (EscaleParticipant     *self,
                                                                 EscaleConsentPurpose   purpose);
gboolean                 escale_participant_has_consent        (EscaleParticipant      *self,
                                                                EscaleConsentPurpose    purpose);
gboolean                 escale_participant_require_consent    (EscaleParticipant      *self,
                                                                EscaleConsentPurpose    purpose,
                                                                GError                **error);

GListModel              *escale_participant_get_notes          (EscaleParticipant      *self);
void                     escale_participant_add_note           (EscaleParticipant      *self,
                                                                EscaleCaseNote         *note);
void                     escale_participant_remove_note        (EscaleParticipant      *self,
                                                                EscaleCaseNote         *note);

GListModel              *escale_participant_get_follow_ups     (EscaleParticipant      *self);
void                     escale_participant_add_follow_up      (EscaleParticipant      *self,
                                                                EscaleFollowUp         *follow_up);
void                     escale_participant_remove_follow_up   (EscaleParticipant      *self,
                                                                EscaleFollowUp         *follow_up);

G_END_DECLS
