/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by escale-registration-repository.c,
 * escale-registration-roll-call.c, escale-registration-needs.c and
 * escale-registration-by-participant.c. */

#include "escale-database-private.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

/* The statuses that hold seats, as SQL; see
 * escale_registration_status_holds_seats(). */
#define ESCALE_HOLDS_SEATS_SQL "status IN ('registered', 'confirmed', 'attended', 'no-show')"

struct _EscaleRegistrationRepository
{
  GObject                      parent_instance;

  EscaleParticipantRepository *participants;
  EscaleDatabase              *database;
  GListModel                  *regions;
};

GPtrArray *_escale_registration_read_all     (EscaleRegistrationRepository  *self,
                                              const char                    *where,
                                              gint64                         id,
                                              gint64                         other_id,
                                              GError                       **error);
gboolean   _escale_registration_write_status (EscaleRegistrationRepository  *self,
                                              EscaleRegistration            *registration,
                                              EscaleRegistrationStatus       status,
                                              const char                    *why,
                                              gint64                         now,
                                              GError                       **error);
gboolean   _escale_registration_finish       (EscaleRegistrationRepository  *self,
                                              gboolean                       ok,
                                              GError                       **error);

G_END_DECLS
