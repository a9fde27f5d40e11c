/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"
#include "escale-event-repository.h"
#include "escale-event-series-repository.h"
#include "escale-feed-publisher.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CONTEXT (escale_context_get_type ())

G_DECLARE_FINAL_TYPE (EscaleContext, escale_context, ESCALE, CONTEXT, GObject)

EscaleContext                *escale_context_open              (const char    *path,
                                                                GError       **error);
EscaleDatabase               *escale_context_get_database      (EscaleContext *self);
EscaleRegionRepository       *escale_context_get_regions       (EscaleContext *self);
EscalePartnerRepository      *escale_context_get_partners      (EscaleContext *self);
EscaleParticipantRepository  *escale_context_get_participants  (EscaleContext *self);
EscaleEventRepository        *escale_context_get_events        (EscaleContext *self);
EscaleEventSeriesRepository  *escale_context_get_series        (EscaleContext *self);
EscaleRegistrationRepository *escale_context_get_registrations (EscaleContext *self);
EscaleFeedPublisher          *escale_context_get_feeds         (EscaleContext *self);
void                          escale_context_agenda_changed    (EscaleContext *self,
                                                                gint64         organization_id);

G_END_DECLS
