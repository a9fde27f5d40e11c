/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * EscaleParticipantField:
 *
 * The fields of a participant file that a person types: one property of
 * #EscaleParticipant each, one entry of the editor, one column of an import
 * or an export. Household, consent, notes and follow-ups are lists of their
 * own.
 */
typedef enum
{
  ESCALE_PARTICIPANT_FIELD_GIVEN_NAME,
  ESCALE_PARTICIPANT_FIELD_FAMILY_NAME,
  ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME,
  ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR,
  ESCALE_PARTICIPANT_FIELD_EMAIL,
  ESCALE_PARTICIPANT_FIELD_PHONE,
  ESCALE_PARTICIPANT_FIELD_OTHER_PHONE,
  ESCALE_PARTICIPANT_FIELD_CITY,
  ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE,
  ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS,
  ESCALE_PARTICIPANT_FIELD_ARRIVED_ON,
  ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN,
  ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL,
  ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL,
  ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES,
  ESCALE_PARTICIPANT_FIELD_EDUCATION,
  ESCALE_PARTICIPANT_FIELD_OCCUPATION,
  ESCALE_PARTICIPANT_FIELD_NOC_CODE,
  ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS,
  ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE,
  ESCALE_PARTICIPANT_FIELD_REGIONS,
  ESCALE_PARTICIPANT_FIELD_SOURCE,
} EscaleParticipantField;

#define ESCALE_N_PARTICIPANT_FIELDS (ESCALE_PARTICIPANT_FIELD_SOURCE + 1)

const char *escale_participant_field_get_name       (EscaleParticipantField  field);
const char *escale_participant_field_get_label      (EscaleParticipantField  field);
GType       escale_participant_field_get_value_type (EscaleParticipantField  field);
gboolean    escale_participant_field_is_sensitive   (EscaleParticipantField  field);
gboolean    escale_participant_field_from_name      (const char             *name,
                                                     EscaleParticipantField *field);
gboolean    escale_participant_field_guess          (const char             *header,
                                                     EscaleParticipantField *field);

G_END_DECLS
