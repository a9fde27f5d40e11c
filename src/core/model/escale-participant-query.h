/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_PARTICIPANT_SORT_NAME,
  ESCALE_PARTICIPANT_SORT_CITY,
  ESCALE_PARTICIPANT_SORT_CREATED,
  ESCALE_PARTICIPANT_SORT_NEXT_FOLLOW_UP,
} EscaleParticipantSort;

typedef enum
{
  ESCALE_CONSENT_FILTER_ANY,
  ESCALE_CONSENT_FILTER_GIVEN,
  ESCALE_CONSENT_FILTER_MISSING,
} EscaleConsentFilter;

typedef enum
{
  ESCALE_FOLLOW_UP_FILTER_ANY,
  ESCALE_FOLLOW_UP_FILTER_DUE,
  ESCALE_FOLLOW_UP_FILTER_OVERDUE,
} EscaleFollowUpFilter;

/**
 * EscaleParticipantQuery:
 * @text: (nullable): words typed in the search entry; each must start a
 *   word of a name, an email, a phone number, an occupation or a NOC code
 * @status: an #EscaleImmigrationStatus, or -1 for any
 * @region_code: (nullable): a region of interest
 * @consent: whether consent to registration and follow-up is on file
 * @follow_up: an open follow-up due by the end of this week, or already late
 * @today: (nullable): the ISO date "this week" and "late" count from;
 *   today when %NULL
 * @sort: the order of the results
 * @descending: reverses @sort
 * @limit: the most ids to return, the first ones in order; 0 for all
 *
 * What the participants page asks the database for. Zero-initialise it with
 * escale_participant_query_init().
 */
typedef struct
{
  const char            *text;
  int                    status;
  const char            *region_code;
  EscaleConsentFilter    consent;
  EscaleFollowUpFilter   follow_up;
  const char            *today;
  EscaleParticipantSort  sort;
  gboolean               descending;
  guint                  limit;
} EscaleParticipantQuery;

void   escale_participant_query_init         (EscaleParticipantQuery *query);
char  *escale_participant_query_match_string (const char             *text);

G_END_DECLS
