/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-event-choices.h"
#include "escale-record.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REGISTRATION (escale_registration_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegistration, escale_registration, ESCALE, REGISTRATION, EscaleRecord)

gint64                    escale_registration_get_id               (EscaleRegistration       *self);
gint64                    escale_registration_get_event_id         (EscaleRegistration       *self);
gint64                    escale_registration_get_participant_id   (EscaleRegistration       *self);
const char               *escale_registration_get_participant_name (EscaleRegistration       *self);
EscaleRegistrationStatus  escale_registration_get_status           (EscaleRegistration       *self);
int                       escale_registration_get_seats            (EscaleRegistration       *self);
gint64                    escale_registration_get_waitlisted_at    (EscaleRegistration       *self);
gboolean                  escale_registration_get_needs_lodging    (EscaleRegistration       *self);
void                      escale_registration_set_needs_lodging    (EscaleRegistration       *self,
                                                                    gboolean                  needs_lodging);
const char               *escale_registration_get_diet             (EscaleRegistration       *self);
void                      escale_registration_set_diet             (EscaleRegistration       *self,
                                                                    const char               *diet);
const char               *escale_registration_get_accessibility    (EscaleRegistration       *self);
void                      escale_registration_set_accessibility    (EscaleRegistration       *self,
                                                                    const char               *accessibility);
const char               *escale_registration_get_notes            (EscaleRegistration       *self);
void                      escale_registration_set_notes            (EscaleRegistration       *self,
                                                                    const char               *notes);
gboolean                  escale_registration_holds_seats          (EscaleRegistration       *self);

G_END_DECLS
