/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-event.h"
#include "escale-event-choices.h"
#include "escale-record.h"
#include "escale-series-rule.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_EVENT_SERIES (escale_event_series_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEventSeries, escale_event_series, ESCALE, EVENT_SERIES, EscaleRecord)

EscaleEventSeries     *escale_event_series_new            (EscaleSeriesFrequency  frequency,
                                                           guint                  interval,
                                                           const char            *until_on);
EscaleEventSeries     *escale_event_series_copy           (EscaleEventSeries     *self);

gint64                 escale_event_series_get_id         (EscaleEventSeries     *self);
EscaleSeriesFrequency  escale_event_series_get_frequency  (EscaleEventSeries     *self);
void                   escale_event_series_set_frequency  (EscaleEventSeries     *self,
                                                           EscaleSeriesFrequency  frequency);
guint                  escale_event_series_get_interval   (EscaleEventSeries     *self);
void                   escale_event_series_set_interval   (EscaleEventSeries     *self,
                                                           guint                  interval);
const char            *escale_event_series_get_first_on   (EscaleEventSeries     *self);
const char            *escale_event_series_get_ical_uid   (EscaleEventSeries     *self);
const char            *escale_event_series_get_until_on   (EscaleEventSeries     *self);
void                   escale_event_series_set_until_on   (EscaleEventSeries     *self,
                                                           const char            *until_on);
char                 **escale_event_series_dup_excluded_on (EscaleEventSeries    *self);
gboolean               escale_event_series_is_excluded    (EscaleEventSeries     *self,
                                                           const char            *date);
void                   escale_event_series_exclude        (EscaleEventSeries     *self,
                                                           const char            *date);
gint64                 escale_event_series_get_created_at (EscaleEventSeries     *self);
gint64                 escale_event_series_get_updated_at (EscaleEventSeries     *self);

gboolean               escale_event_series_get_rule       (EscaleEventSeries     *self,
                                                           EscaleSeriesRule      *rule,
                                                           GError               **error);
char                  *escale_event_series_describe       (EscaleEventSeries     *self);
char                  *escale_event_series_dup_nick       (EscaleEventSeries     *self);

char                  *escale_event_series_describe_move  (EscaleEvent           *occurrence);

G_END_DECLS
