/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-calendar-feed.h"
#include "escale-ical-file.h"

G_BEGIN_DECLS

/**
 * EscaleIcalFeedResult:
 * @file_name: the feed's file in the folder
 * @description: what the feed publishes, in words
 * @problem: (nullable): why it was not written as it should be; %NULL
 *   when it was
 *
 * What became of one feed when the folder was written.
 */
typedef struct
{
  char *file_name;
  char *description;
  char *problem;
} EscaleIcalFeedResult;

void       escale_ical_feed_result_free    (EscaleIcalFeedResult  *result);

GPtrArray *escale_ical_feeds_write         (EscaleEventRepository         *events,
                                            EscaleEventSeriesRepository   *series,
                                            EscaleRegistrationRepository  *registrations,
                                            const char                    *folder,
                                            gint64                         now,
                                            GCancellable                  *cancellable,
                                            GError                       **error);
void       escale_ical_feeds_write_async   (const char                    *database_path,
                                            const char                    *folder,
                                            GCancellable                  *cancellable,
                                            GAsyncReadyCallback            callback,
                                            gpointer                       user_data);
GPtrArray *escale_ical_feeds_write_finish  (GAsyncResult                  *result,
                                            GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleIcalFeedResult, escale_ical_feed_result_free)

G_END_DECLS
