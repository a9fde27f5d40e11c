/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The closed lists of a participant file. Each value's GEnum nick ("open-work-permit")
 * is what the database stores and escale-cli prints; UNKNOWN/PENDING values
 * are stored as NULL. */

typedef enum
{
  ESCALE_IMMIGRATION_STATUS_UNKNOWN,
  ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT,
  ESCALE_IMMIGRATION_STATUS_CITIZEN,
  ESCALE_IMMIGRATION_STATUS_OPEN_WORK_PERMIT,
  ESCALE_IMMIGRATION_STATUS_CLOSED_WORK_PERMIT,
  ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY,
  ESCALE_IMMIGRATION_STATUS_STUDENT,
  ESCALE_IMMIGRATION_STATUS_REFUGEE,
  ESCALE_IMMIGRATION_STATUS_ASYLUM_SEEKER,
  ESCALE_IMMIGRATION_STATUS_OTHER,
} EscaleImmigrationStatus;

typedef enum
{
  ESCALE_EDUCATION_UNKNOWN,
  ESCALE_EDUCATION_SECONDARY,
  ESCALE_EDUCATION_VOCATIONAL,
  ESCALE_EDUCATION_COLLEGE,
  ESCALE_EDUCATION_BACHELOR,
  ESCALE_EDUCATION_MASTER,
  ESCALE_EDUCATION_DOCTORATE,
} EscaleEducation;

typedef enum
{
  ESCALE_HOUSEHOLD_RELATION_SPOUSE,
  ESCALE_HOUSEHOLD_RELATION_CHILD,
  ESCALE_HOUSEHOLD_RELATION_OTHER,
} EscaleHouseholdRelation;

typedef enum
{
  ESCALE_CONSENT_PURPOSE_REGISTRATION,
  ESCALE_CONSENT_PURPOSE_EMPLOYERS,
  ESCALE_CONSENT_PURPOSE_PARTNERS,
  ESCALE_CONSENT_PURPOSE_SURVEYS,
} EscaleConsentPurpose;

#define ESCALE_N_CONSENT_PURPOSES (ESCALE_CONSENT_PURPOSE_SURVEYS + 1)

typedef enum
{
  ESCALE_FOLLOW_UP_KIND_CALL,
  ESCALE_FOLLOW_UP_KIND_EMAIL,
  ESCALE_FOLLOW_UP_KIND_MEETING,
  ESCALE_FOLLOW_UP_KIND_VISIT,
  ESCALE_FOLLOW_UP_KIND_OTHER,
} EscaleFollowUpKind;

typedef enum
{
  ESCALE_FOLLOW_UP_OUTCOME_PENDING,
  ESCALE_FOLLOW_UP_OUTCOME_NONE,
  ESCALE_FOLLOW_UP_OUTCOME_INTERVIEW,
  ESCALE_FOLLOW_UP_OUTCOME_JOB,
  ESCALE_FOLLOW_UP_OUTCOME_INTERNSHIP,
  ESCALE_FOLLOW_UP_OUTCOME_SETTLED,
  ESCALE_FOLLOW_UP_OUTCOME_NOT_PURSUING,
} EscaleFollowUpOutcome;

const char *escale_choice_get_nick   (GType        enum_type,
                                      int          value);
gboolean    escale_choice_from_nick  (GType        enum_type,
                                      const char  *nick,
                                      int         *value);
const char *escale_choice_get_label  (GType        enum_type,
                                      int          value);
gboolean    escale_choice_parse      (GType        enum_type,
                                      const char  *text,
                                      int         *value);
guint       escale_choice_get_count  (GType        enum_type);

G_END_DECLS
