/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-participant-repository.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT_LIST (escale_participant_list_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantList, escale_participant_list, ESCALE, PARTICIPANT_LIST, GObject)

EscaleParticipantList        *escale_participant_list_new       (EscaleParticipantRepository  *repository);
const EscaleParticipantQuery *escale_participant_list_get_query (EscaleParticipantList        *self);
gboolean                      escale_participant_list_set_query (EscaleParticipantList        *self,
                                                                 const EscaleParticipantQuery *query,
                                                                 GError                      **error);
gboolean                      escale_participant_list_refresh   (EscaleParticipantList        *self,
                                                                 GError                      **error);
gint64                        escale_participant_list_get_id    (EscaleParticipantList        *self,
                                                                 guint                         position);

G_END_DECLS
