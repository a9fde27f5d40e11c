/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"
#include "escale-participant.h"
#include "escale-participant-query.h"
#include "escale-participant-summary.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT_REPOSITORY (escale_participant_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantRepository, escale_participant_repository, ESCALE, PARTICIPANT_REPOSITORY, GObject)

/**
 * EscaleDuplicate:
 * @id: the participant who may be the same person
 * @display_name: their name
 * @same_email: the same email address
 * @same_phone: a phone number in common
 * @same_name: the same name (in either order) and year of birth
 */
typedef struct
{
  gint64    id;
  char     *display_name;
  gboolean  same_email;
  gboolean  same_phone;
  gboolean  same_name;
} EscaleDuplicate;

void                         escale_duplicate_free                   (EscaleDuplicate              *duplicate);
char                        *escale_duplicate_describe               (const EscaleDuplicate        *duplicate);

EscaleParticipantRepository *escale_participant_repository_new       (EscaleDatabase               *database,
                                                                      GError                      **error);
EscaleDatabase              *escale_participant_repository_get_database (EscaleParticipantRepository *self);
guint                        escale_participant_repository_count     (EscaleParticipantRepository  *self);
void                         escale_participant_repository_notify_changed (EscaleParticipantRepository *self);

EscaleParticipant           *escale_participant_repository_load      (EscaleParticipantRepository  *self,
                                                                      gint64                        id,
                                                                      GError                      **error);
gboolean                     escale_participant_repository_save      (EscaleParticipantRepository  *self,
                                                                      EscaleParticipant            *participant,
                                                                      GError                      **error);
gboolean                     escale_participant_repository_save_many (EscaleParticipantRepository  *self,
                                                                      GPtrArray                    *participants,
                                                                      GError                      **error);
gboolean                     escale_participant_repository_delete    (EscaleParticipantRepository  *self,
                                                                      EscaleParticipant            *participant,
                                                                      GError                      **error);
gboolean                     escale_participant_repository_restore   (EscaleParticipantRepository  *self,
                                                                      EscaleParticipant            *participant,
                                                                      GError                      **error);

GArray                      *escale_participant_repository_search    (EscaleParticipantRepository  *self,
                                                                      const EscaleParticipantQuery *query,
                                                                      GError                      **error);
GPtrArray                   *escale_participant_repository_summarize (EscaleParticipantRepository  *self,
                                                                      const gint64                 *ids,
                                                                      guint                         n_ids,
                                                                      GError                      **error);

GPtrArray                   *escale_participant_repository_find_duplicates (EscaleParticipantRepository *self,
                                                                            EscaleParticipant           *participant,
                                                                            GError                     **error);
gboolean                     escale_participant_repository_dismiss_duplicate (EscaleParticipantRepository *self,
                                                                              gint64                       id,
                                                                              gint64                       other_id,
                                                                              GError                     **error);
EscaleParticipant           *escale_participant_repository_merge     (EscaleParticipantRepository  *self,
                                                                      EscaleParticipant            *kept,
                                                                      gint64                        merged_id,
                                                                      GError                      **error);

gboolean                     escale_participant_repository_record_override (EscaleParticipantRepository *self,
                                                                            gint64                       participant_id,
                                                                            const char                  *rules,
                                                                            const char                  *justification,
                                                                            GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleDuplicate, escale_duplicate_free)

G_END_DECLS
