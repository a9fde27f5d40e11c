/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-participant-registration.h"
#include "escale-participant-repository.h"
#include "escale-registration.h"
#include "escale-waitlist.h"

G_BEGIN_DECLS

#define ESCALE_REGISTRATION_ERROR (escale_registration_error_quark ())

/**
 * EscaleRegistrationError:
 * @ESCALE_REGISTRATION_ERROR_ALREADY_REGISTERED: the person already has a
 *   seat or a place on the waitlist
 * @ESCALE_REGISTRATION_ERROR_EVENT_CLOSED: the event is cancelled or over
 * @ESCALE_REGISTRATION_ERROR_NOT_ELIGIBLE: the event's rules leave the
 *   person out, and no justification was given to register them anyway
 * @ESCALE_REGISTRATION_ERROR_NOT_REGISTERED: the person has no registration
 *   the change applies to
 * @ESCALE_REGISTRATION_ERROR_TRANSITION: a status the registration cannot
 *   go to from the one it has
 * @ESCALE_REGISTRATION_ERROR_NO_SEATS: more seats than the event has left
 */
typedef enum
{
  ESCALE_REGISTRATION_ERROR_ALREADY_REGISTERED,
  ESCALE_REGISTRATION_ERROR_EVENT_CLOSED,
  ESCALE_REGISTRATION_ERROR_NOT_ELIGIBLE,
  ESCALE_REGISTRATION_ERROR_NOT_REGISTERED,
  ESCALE_REGISTRATION_ERROR_TRANSITION,
  ESCALE_REGISTRATION_ERROR_NO_SEATS,
} EscaleRegistrationError;

/**
 * EscaleRegisterOptions:
 * @seats: the participant and the household members who come, 1 or more
 * @justification: (nullable): why someone the event's rules leave out is
 *   registered anyway; recorded in the audit log
 * @today: (nullable): the ISO date the rules are checked on; today when
 *   %NULL
 */
typedef struct
{
  int         seats;
  const char *justification;
  const char *today;
} EscaleRegisterOptions;

#define ESCALE_TYPE_REGISTRATION_REPOSITORY (escale_registration_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegistrationRepository, escale_registration_repository, ESCALE, REGISTRATION_REPOSITORY, GObject)

GQuark                        escale_registration_error_quark            (void);

EscaleRegistrationRepository *escale_registration_repository_new          (EscaleParticipantRepository  *participants,
                                                                           GListModel                   *regions);

EscaleRegistration           *escale_registration_repository_register     (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           gint64                        participant_id,
                                                                           const EscaleRegisterOptions  *options,
                                                                           GError                      **error);
gboolean                      escale_registration_repository_cancel       (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           gint64                        participant_id,
                                                                           GPtrArray                   **promoted,
                                                                           GError                      **error);
gboolean                      escale_registration_repository_set_status   (EscaleRegistrationRepository *self,
                                                                           gint64                        registration_id,
                                                                           EscaleRegistrationStatus      status,
                                                                           GPtrArray                   **promoted,
                                                                           GError                      **error);
gboolean                      escale_registration_repository_promote      (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           GPtrArray                   **promoted,
                                                                           GError                      **error);
gboolean                      escale_registration_repository_take_roll_call (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           gint64                        stop_id,
                                                                           const gint64                 *present,
                                                                           guint                         n_present,
                                                                           GError                      **error);
GHashTable                   *escale_registration_repository_get_stop_roll_call (EscaleRegistrationRepository *self,
                                                                           gint64                        stop_id,
                                                                           GError                      **error);
gboolean                      escale_registration_repository_set_needs    (EscaleRegistrationRepository *self,
                                                                           gint64                        registration_id,
                                                                           const char                   *diet,
                                                                           const char                   *accessibility,
                                                                           gboolean                      needs_lodging,
                                                                           const char                   *notes,
                                                                           GError                      **error);

GPtrArray                    *escale_registration_repository_list         (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           GError                      **error);
GPtrArray                    *escale_registration_repository_list_for_participant (EscaleRegistrationRepository *self,
                                                                           gint64                        participant_id,
                                                                           GError                      **error);
EscaleRegistration           *escale_registration_repository_find         (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           gint64                        participant_id,
                                                                           GError                      **error);
gboolean                      escale_registration_repository_get_fill     (EscaleRegistrationRepository *self,
                                                                           gint64                        event_id,
                                                                           EscaleEventFill              *fill,
                                                                           GError                      **error);

G_END_DECLS
