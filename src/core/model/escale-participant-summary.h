/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT_SUMMARY (escale_participant_summary_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantSummary, escale_participant_summary, ESCALE, PARTICIPANT_SUMMARY, GObject)

/**
 * EscaleParticipantSummaryData:
 *
 * What a row of a participants list shows. Sensitive fields (immigration
 * status, household) are not part of it.
 */
typedef struct
{
  gint64      id;
  const char *display_name;
  const char *sort_name;
  const char *email;
  const char *phone;
  const char *city;
  const char *occupation;
  const char *regions;
  gboolean    has_consent;
  const char *next_follow_up;
} EscaleParticipantSummaryData;

EscaleParticipantSummary *escale_participant_summary_new                (const EscaleParticipantSummaryData *data);
void                      escale_participant_summary_update_from        (EscaleParticipantSummary           *self,
                                                                         EscaleParticipantSummary           *source);
gint64                    escale_participant_summary_get_id             (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_display_name   (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_sort_name      (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_email          (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_phone          (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_city           (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_occupation     (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_regions        (EscaleParticipantSummary *self);
gboolean                  escale_participant_summary_get_has_consent    (EscaleParticipantSummary *self);
const char               *escale_participant_summary_get_next_follow_up (EscaleParticipantSummary *self);

G_END_DECLS
