/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-participant-repository.h"

G_BEGIN_DECLS

/* Shared by the repository's files and the participant import, which writes
 * many files in one transaction of its own. */
GArray   *_escale_participant_repository_new_pending  (void);
gboolean  _escale_participant_repository_write        (EscaleParticipantRepository  *self,
                                                       EscaleParticipant            *participant,
                                                       const char                   *action,
                                                       gint64                        now,
                                                       GArray                       *pending,
                                                       gint64                       *id,
                                                       GError                      **error);
void      _escale_participant_repository_apply_ids    (EscaleParticipantRepository  *self,
                                                       GArray                       *pending,
                                                       gint64                        now);
void      _escale_participant_repository_emit_changed (EscaleParticipantRepository  *self);

/* escale-participant-records.c: the lists of a file, for the repository. */
void      _escale_participant_pending_add             (GArray                       *pending,
                                                       gpointer                      object,
                                                       gint64                        id);
void      _escale_participant_pending_apply           (GArray                       *pending,
                                                       gint64                        now);
gboolean  _escale_participant_write_lists             (EscaleDatabase               *database,
                                                       gint64                        id,
                                                       EscaleParticipant            *participant,
                                                       gboolean                      is_new,
                                                       gboolean                      restoring,
                                                       gint64                        now,
                                                       GArray                       *pending,
                                                       GError                      **error);
gboolean  _escale_participant_load_lists              (EscaleDatabase               *database,
                                                       EscaleParticipant            *participant,
                                                       gint64                        id,
                                                       GError                      **error);
void      _escale_participant_describe_lists          (EscaleParticipant            *before,
                                                       EscaleParticipant            *after,
                                                       GString                      *details);

char     *_escale_participant_name_key                (const char                   *first,
                                                       const char                   *second);
char     *_escale_phone_key                           (const char                   *phone);
char     *_escale_email_key                           (const char                   *email);

G_END_DECLS
