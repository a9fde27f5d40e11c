/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "escale-participant.h"

G_BEGIN_DECLS

#define ESCALE_ELIGIBILITY_ERROR (escale_eligibility_error_quark ())

typedef enum
{
  ESCALE_ELIGIBILITY_ERROR_INVALID_RULES,
} EscaleEligibilityError;

/**
 * EscaleEligibilityRules:
 * @name: the programme or event the rules belong to
 * @statuses: (nullable): the accepted #EscaleImmigrationStatus values,
 *   ended by -1; %NULL accepts every status
 * @max_years_since_arrival: 0 for no limit
 * @min_french_level: from 1 to 12; 0 for no minimum
 * @regions: (nullable): region codes, one of which must be among the
 *   person's regions of interest; %NULL for any
 */
typedef struct
{
  char  *name;
  int   *statuses;
  int    max_years_since_arrival;
  int    min_french_level;
  GStrv  regions;
} EscaleEligibilityRules;

typedef enum
{
  ESCALE_ELIGIBILITY_RULE_STATUS,
  ESCALE_ELIGIBILITY_RULE_ARRIVAL,
  ESCALE_ELIGIBILITY_RULE_FRENCH,
  ESCALE_ELIGIBILITY_RULE_REGION,
} EscaleEligibilityRule;

/**
 * EscaleEligibilityReason:
 * @met: whether the person meets the rule
 * @text_fr: the reason in French
 * @text_en: the reason in English
 *
 * One rule's verdict, in both languages: the reason is told to the person
 * in their language of communication, whatever the counsellor's.
 */
typedef struct
{
  EscaleEligibilityRule  rule;
  gboolean               met;
  char                  *text_fr;
  char                  *text_en;
} EscaleEligibilityReason;

typedef struct
{
  gboolean   eligible;
  GPtrArray *reasons;
} EscaleEligibilityVerdict;

GQuark                    escale_eligibility_error_quark     (void);

EscaleEligibilityRules   *escale_eligibility_rules_from_json (JsonNode                       *node,
                                                              GError                        **error);
EscaleEligibilityRules   *escale_eligibility_rules_load      (const char                     *path,
                                                              GError                        **error);
void                      escale_eligibility_rules_free      (EscaleEligibilityRules         *rules);

EscaleEligibilityVerdict *escale_eligibility_check           (const EscaleEligibilityRules   *rules,
                                                              EscaleParticipant              *participant,
                                                              GListModel                     *regions,
                                                              const GDate                    *today);
void                      escale_eligibility_verdict_free    (EscaleEligibilityVerdict       *verdict);
const char               *escale_eligibility_reason_get_text (const EscaleEligibilityReason  *reason,
                                                              const char                     *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleEligibilityRules, escale_eligibility_rules_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleEligibilityVerdict, escale_eligibility_verdict_free)

G_END_DECLS
