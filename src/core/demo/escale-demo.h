/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-event-repository.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

typedef struct
{
  guint partners;
  guint contacts;
  guint interactions;
  guint participants;
  guint consents;      /* consent records, withdrawals included */
  guint notes;
  guint follow_ups;
  guint sessions;      /* information sessions and virtual presentations */
  guint fairs;
  guint visits;
  guint registrations; /* waitlisted and cancelled ones included */
} EscaleDemoCounts;

gboolean escale_demo_generate (EscalePartnerRepository  *partners,
                               guint32                   seed,
                               guint                     scale,
                               const GDate              *today,
                               EscaleDemoCounts         *counts,
                               GError                  **error);

gboolean escale_demo_check_participants_empty (EscaleParticipantRepository  *participants,
                                               GError                      **error);
gboolean escale_demo_generate_participants    (EscaleParticipantRepository  *participants,
                                               guint32                       seed,
                                               guint                         scale,
                                               const GDate                  *today,
                                               EscaleDemoCounts             *counts,
                                               GError                      **error);

gboolean escale_demo_check_events_empty (EscaleEventRepository         *events,
                                         GError                       **error);
gboolean escale_demo_generate_events    (EscaleEventRepository         *events,
                                         EscaleRegistrationRepository  *registrations,
                                         EscalePartnerRepository       *partners,
                                         EscaleParticipantRepository   *participants,
                                         guint32                        seed,
                                         guint                          scale,
                                         const GDate                   *today,
                                         EscaleDemoCounts              *counts,
                                         GError                       **error);
gboolean escale_demo_generate_extra_events (EscaleEventRepository  *events,
                                            guint32                 seed,
                                            guint                   n_events,
                                            const GDate            *today,
                                            EscaleDemoCounts       *counts,
                                            GError                **error);

G_END_DECLS
