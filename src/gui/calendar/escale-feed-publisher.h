/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-calendar-feed.h"
#include "escale-event-repository.h"
#include "escale-participant-repository.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FEED_PUBLISHER (escale_feed_publisher_get_type ())

G_DECLARE_FINAL_TYPE (EscaleFeedPublisher, escale_feed_publisher, ESCALE, FEED_PUBLISHER, GObject)

EscaleFeedPublisher *escale_feed_publisher_new          (EscaleEventRepository        *events,
                                                         EscaleRegistrationRepository *registrations,
                                                         EscaleParticipantRepository  *participants);
const char          *escale_feed_publisher_get_folder   (EscaleFeedPublisher          *self);
void                 escale_feed_publisher_set_folder   (EscaleFeedPublisher          *self,
                                                         const char                   *folder);
const char          *escale_feed_publisher_get_status   (EscaleFeedPublisher          *self);
gboolean             escale_feed_publisher_get_failed   (EscaleFeedPublisher          *self);
GPtrArray           *escale_feed_publisher_list         (EscaleFeedPublisher          *self,
                                                         GError                      **error);
EscaleCalendarFeed  *escale_feed_publisher_find         (EscaleFeedPublisher          *self,
                                                         EscaleFeedScope               scope,
                                                         gint64                        target_id);
EscaleCalendarFeed  *escale_feed_publisher_add          (EscaleFeedPublisher          *self,
                                                         EscaleFeedScope               scope,
                                                         gint64                        target_id,
                                                         GError                      **error);
gboolean             escale_feed_publisher_remove       (EscaleFeedPublisher          *self,
                                                         const char                   *file_name,
                                                         GError                      **error);
void                 escale_feed_publisher_write_now    (EscaleFeedPublisher          *self);

G_END_DECLS
