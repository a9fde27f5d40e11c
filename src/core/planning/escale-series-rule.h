/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-event-choices.h"

G_BEGIN_DECLS

/* The bounds of a series: past them the rule is refused, in words, rather
 * than cut short without a word. Two years of weekly sessions are 105, so
 * the count guards a rule that would be denser. */
#define ESCALE_SERIES_MAX_OCCURRENCES 120
#define ESCALE_SERIES_MAX_YEARS       2
#define ESCALE_SERIES_MAX_INTERVAL    12

#define ESCALE_SERIES_ERROR (escale_series_error_quark ())

/**
 * EscaleSeriesError:
 * @ESCALE_SERIES_ERROR_INVALID: a field of the rule is wrong; the message
 *   names it
 * @ESCALE_SERIES_ERROR_TOO_LONG: the rule goes past the bounds of a series
 */
typedef enum
{
  ESCALE_SERIES_ERROR_INVALID,
  ESCALE_SERIES_ERROR_TOO_LONG,
} EscaleSeriesError;

/**
 * EscaleSeriesRule:
 * @frequency: weekly or monthly
 * @interval: every @interval weeks or months, from 1 to 12
 * @first: the local date of the first occurrence. A weekly rule keeps its
 *   weekday; a monthly one its weekday and its place in the month ("the
 *   2nd Tuesday"), the 5th of a weekday meaning the last, like RRULE's
 *   BYDAY=-1TU
 * @until: the last day an occurrence may fall on
 * @excluded: (nullable) (array zero-terminated=1): ISO dates the rule
 *   skips, such as the week of the holidays
 *
 * The rule of a recurring session, in local dates: it is what an iCalendar
 * RRULE with EXDATEs says.
 */
typedef struct
{
  EscaleSeriesFrequency  frequency;
  guint                  interval;
  GDate                  first;
  GDate                  until;
  const char * const    *excluded;
} EscaleSeriesRule;

/**
 * EscaleSeriesOccurrence:
 * @date: the local date the rule gives it (an iCalendar RECURRENCE-ID)
 * @starts_at: unix seconds
 * @ends_at: unix seconds
 */
typedef struct
{
  GDate  date;
  gint64 starts_at;
  gint64 ends_at;
} EscaleSeriesOccurrence;

GQuark    escale_series_error_quark          (void);

gboolean  escale_series_rule_check           (const EscaleSeriesRule  *rule,
                                              GError                 **error);
int       escale_series_rule_get_week_of_month (const EscaleSeriesRule *rule);
GArray   *escale_series_rule_list_dates      (const EscaleSeriesRule  *rule,
                                              GError                 **error);
GArray   *escale_series_rule_expand          (const EscaleSeriesRule  *rule,
                                              GTimeZone               *zone,
                                              gint64                   starts_at,
                                              gint64                   ends_at,
                                              GError                 **error);
gboolean  escale_series_rule_is_excluded     (const EscaleSeriesRule  *rule,
                                              const GDate             *date);
char     *escale_series_rule_describe        (const EscaleSeriesRule  *rule);

char     *escale_series_rule_to_nick         (EscaleSeriesFrequency    frequency,
                                              guint                    interval);
gboolean  escale_series_rule_parse_nick      (const char              *nick,
                                              EscaleSeriesFrequency   *frequency,
                                              guint                   *interval);

void      escale_series_occurrence_place     (EscaleSeriesOccurrence  *occurrence,
                                              GTimeZone               *zone,
                                              gint64                   starts_at,
                                              gint64                   ends_at);
void      escale_series_local_date           (GTimeZone               *zone,
                                              gint64                   instant,
                                              GDate                   *date);

G_END_DECLS
