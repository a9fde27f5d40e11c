/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-event.h"
#include "escale-registration.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT_REGISTRATION (escale_participant_registration_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantRegistration, escale_participant_registration, ESCALE, PARTICIPANT_REGISTRATION, GObject)

EscaleParticipantRegistration *escale_participant_registration_new                   (EscaleEvent                   *event,
                                                                                      EscaleRegistration            *registration,
                                                                                      guint                          waitlist_position);
EscaleEvent                   *escale_participant_registration_get_event             (EscaleParticipantRegistration *self);
EscaleRegistration            *escale_participant_registration_get_registration      (EscaleParticipantRegistration *self);
guint                          escale_participant_registration_get_waitlist_position (EscaleParticipantRegistration *self);

G_END_DECLS
