/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "escale-participant-repository.h"

G_BEGIN_DECLS

JsonNode *escale_participant_to_json         (EscaleParticipant        *participant);
JsonNode *escale_participant_summary_to_json (EscaleParticipantSummary *summary);
gboolean  escale_participant_export_csv_file (EscaleParticipantRepository *participants,
                                              GArray                      *ids,
                                              GListModel                  *regions,
                                              const char                  *path,
                                              char                         separator,
                                              GError                     **error);

void      escale_participant_export_csv_file_async  (EscaleParticipantRepository *participants,
                                                     GArray                      *ids,
                                                     GListModel                  *regions,
                                                     const char                  *path,
                                                     char                         separator,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
gboolean  escale_participant_export_csv_file_finish (GAsyncResult                *result,
                                                     GError                     **error);

G_END_DECLS
