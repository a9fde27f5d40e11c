/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-event-series.h"
#include "escale-record-accessors.h"

/* A recurring information session: the rule that made its occurrences,
 * each an event of its own (escale-event-series-repository.c writes
 * them). The first date is the rule's anchor (its weekday, its place in
 * the month) and stays even when that occurrence is removed; removed dates
 * stay out when the series is extended. */
struct _EscaleEventSeries
{
  EscaleRecord  parent_instance;

  GStrv         excluded;   /* split from "excluded-on" for the last rule asked */
};

G_DEFINE_FINAL_TYPE (EscaleEventSeries, escale_event_series, ESCALE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_FREQUENCY,
  PROP_INTERVAL,
  PROP_FIRST_ON,
  PROP_UNTIL_ON,
  PROP_EXCLUDED_ON,
  PROP_ICAL_UID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
};

static EscaleRecordField fields[] = {
  { "id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "frequency", G_TYPE_INVALID },   /* an EscaleSeriesFrequency, set in class_init */
  { "interval", G_TYPE_INT, 1, ESCALE_SERIES_MAX_INTERVAL },
  { "first-on", G_TYPE_STRING },
  { "until-on", G_TYPE_STRING },
  /* ISO dates, in order, separated by commas, as the database keeps them */
  { "excluded-on", G_TYPE_STRING },
  /* what calendars know the whole series by, set when it is created */
  { "ical-uid", G_TYPE_STRING },
  { "created-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "updated-at", G_TYPE_INT64, 0, G_MAXINT64 },
};

static void
escale_event_series_finalize (GObject *object)
{
  EscaleEventSeries *self = (EscaleEventSeries *)object;

  g_clear_pointer (&self->excluded, g_strfreev);

  G_OBJECT_CLASS (escale_event_series_parent_class)->finalize (object);
}

static void
escale_event_series_class_init (EscaleEventSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_event_series_finalize;

  fields[PROP_FREQUENCY - 1].type = ESCALE_TYPE_SERIES_FREQUENCY;
  _escale_record_class_install (ESCALE_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
escale_event_series_init (EscaleEventSeries *self)
{
}

/**
 * escale_event_series_new:
 * @interval: every @interval weeks or months, 1 to 12
 * @until_on: the last day an occurrence may fall on, "YYYY-MM-DD"
 *
 * Returns: (transfer full): a rule for
 *   escale_event_series_repository_create(), which takes the first date
 *   from the model event
 */
EscaleEventSeries *
escale_event_series_new (EscaleSeriesFrequency  frequency,
                         guint                  interval,
                         const char            *until_on)
{
  g_return_val_if_fail (interval >= 1 && interval <= ESCALE_SERIES_MAX_INTERVAL, NULL);

  return g_object_new (ESCALE_TYPE_EVENT_SERIES,
                       "frequency", frequency,
                       "interval", (int) interval,
                       "until-on", until_on,
                       NULL);
}

EscaleEventSeries *
escale_event_series_copy (EscaleEventSeries *self)
{
  EscaleEventSeries *copy;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), NULL);

  copy = g_object_new (ESCALE_TYPE_EVENT_SERIES, NULL);
  _escale_record_copy_fields (copy, self);
  return copy;
}

ESCALE_RECORD_NUMBER_GETTER (EscaleEventSeries, escale_event_series, ESCALE_IS_EVENT_SERIES, gint64, id, PROP_ID)
ESCALE_RECORD_NUMBER (EscaleEventSeries, escale_event_series, ESCALE_IS_EVENT_SERIES, EscaleSeriesFrequency, frequency,
                      PROP_FREQUENCY)
ESCALE_RECORD_NUMBER (EscaleEventSeries, escale_event_series, ESCALE_IS_EVENT_SERIES, guint, interval, PROP_INTERVAL)
ESCALE_RECORD_TEXT (EscaleEventSeries, escale_event_series, ESCALE_IS_EVENT_SERIES, until_on, PROP_UNTIL_ON)
ESCALE_RECORD_NUMBER_GETTER (EscaleEventSeries, escale_event_series, ESCALE_IS_EVENT_SERIES, gint64, created_at,
                             PROP_CREATED_AT)
ESCALE_RECORD_NUMBER_GETTER (EscaleEventSeries, escale_event_series, ESCALE_IS_EVENT_SERIES, gint64, updated_at,
                             PROP_UPDATED_AT)

/**
 * escale_event_series_get_first_on:
 *
 * Returns: (nullable): the date of the first occurrence, "YYYY-MM-DD";
 *   %NULL until the series is created
 */
const char *
escale_event_series_get_first_on (EscaleEventSeries *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), NULL);
  return _escale_record_get_string (self, PROP_FIRST_ON);
}

/**
 * escale_event_series_get_ical_uid:
 *
 * Returns: (nullable): the UID of the series' recurring calendar entry,
 *   which stays when its first session goes; %NULL until the series is
 *   created
 */
const char *
escale_event_series_get_ical_uid (EscaleEventSeries *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), NULL);
  return _escale_record_get_string (self, PROP_ICAL_UID);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
split_excluded (EscaleEventSeries *self)
{
  const char *text = _escale_record_get_string (self, PROP_EXCLUDED_ON);

  return text != NULL ? g_strsplit (text, ",", -1) : g_new0 (char *, 1);
}

/**
 * escale_event_series_dup_excluded_on:
 *
 * Returns: (transfer full): the dates removed from the series, in order
 */
char **
escale_event_series_dup_excluded_on (EscaleEventSeries *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), NULL);
  return split_excluded (self);
}

gboolean
escale_event_series_is_excluded (EscaleEventSeries *self,
                                 const char        *date)
{
  g_auto(GStrv) excluded = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  excluded = split_excluded (self);
  return g_strv_contains ((const char * const *) excluded, date);
}

/**
 * escale_event_series_exclude:
 * @date: "YYYY-MM-DD"
 *
 * Adds @date to the removed dates, in order, once.
 */
void
escale_event_series_exclude (EscaleEventSeries *self,
                             const char        *date)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  g_auto(GStrv) excluded = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (ESCALE_IS_EVENT_SERIES (self));
  g_return_if_fail (date != NULL);

  excluded = split_excluded (self);
  if (g_strv_contains ((const char * const *) excluded, date))
    return;

  for (guint i = 0; excluded[i] != NULL; i++)
    g_ptr_array_add (dates, excluded[i]);
  g_ptr_array_add (dates, (gpointer) date);
  /* ISO dates sort as the days do. */
  g_ptr_array_sort (dates, compare_dates);
  g_ptr_array_add (dates, NULL);

  joined = g_strjoinv (",", (char **) dates->pdata);
  _escale_record_set_string (self, PROP_EXCLUDED_ON, joined);
}

/**
 * escale_event_series_get_rule:
 * @rule: (out): the rule; its excluded dates belong to @self until the
 *   next call
 *
 * Returns: whether the series has a first date and a valid end; %FALSE
 *   with an error naming the field otherwise
 */
gboolean
escale_event_series_get_rule (EscaleEventSeries  *self,
                              EscaleSeriesRule   *rule,
                              GError            **error)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  g_clear_pointer (&self->excluded, g_strfreev);
  self->excluded = split_excluded (self);

  rule->frequency = escale_event_series_get_frequency (self);
  rule->interval = escale_event_series_get_interval (self);
  rule->excluded = (const char * const *) self->excluded;
  g_date_clear (&rule->first, 1);
  g_date_clear (&rule->until, 1);

  if (!escale_calendar_date_parse (escale_event_series_get_first_on (self), &rule->first))
    {
      g_set_error_literal (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                           _("Start: choose the day of the first session"));
      return FALSE;
    }

  if (!escale_calendar_date_parse (escale_event_series_get_until_on (self), &rule->until))
    {
      g_set_error_literal (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                           _("Until: write the last day of the series as YYYY-MM-DD"));
      return FALSE;
    }

  return TRUE;
}

/**
 * escale_event_series_describe:
 *
 * Returns: (transfer full) (nullable): the rule in words, as
 *   escale_series_rule_describe(); %NULL before the series is created
 */
char *
escale_event_series_describe (EscaleEventSeries *self)
{
  EscaleSeriesRule rule;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), NULL);

  if (!escale_event_series_get_rule (self, &rule, NULL))
    return NULL;

  return escale_series_rule_describe (&rule);
}

/**
 * escale_event_series_dup_nick:
 *
 * Returns: (transfer full): "weekly", "every-2-weeks", "monthly"…, see
 *   escale_series_rule_to_nick()
 */
char *
escale_event_series_dup_nick (EscaleEventSeries *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (self), NULL);

  return escale_series_rule_to_nick (escale_event_series_get_frequency (self),
                                     escale_event_series_get_interval (self));
}

/**
 * escale_event_series_describe_move:
 * @occurrence: a session of a series
 *
 * Returns: (transfer full) (nullable): "Moved from 2026-12-08, its date in
 *   the series" when the session is no longer on the day its series gave
 *   it; %NULL when it is, or when it is not part of a series
 */
char *
escale_event_series_describe_move (EscaleEvent *occurrence)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *day = NULL;
  const char *series_date;
  GDate start;

  g_return_val_if_fail (ESCALE_IS_EVENT (occurrence), NULL);

  series_date = escale_event_get_series_date (occurrence);
  if (escale_event_get_series_id (occurrence) == 0 || series_date == NULL)
    return NULL;

  zone = escale_event_dup_time_zone (occurrence);
  escale_series_local_date (zone, escale_event_get_starts_at (occurrence), &start);
  day = escale_calendar_date_format (&start);
  if (g_strcmp0 (day, series_date) == 0)
    return NULL;

  /* Translators: the date the series gave a session that was moved */
  return g_strdup_printf (_("Moved from %s, its date in the series"), series_date);
}

void
_escale_event_series_set_identity (EscaleEventSeries *self,
                                   gint64             id,
                                   const char        *first_on,
                                   const char        *ical_uid)
{
  _escale_record_set_integer (self, PROP_ID, id);
  _escale_record_set_string (self, PROP_FIRST_ON, first_on);
  _escale_record_set_string (self, PROP_ICAL_UID, ical_uid);
}

void
_escale_event_series_set_timestamps (EscaleEventSeries *self,
                                     gint64             created_at,
                                     gint64             updated_at)
{
  _escale_record_set_integer (self, PROP_CREATED_AT, created_at);
  _escale_record_set_integer (self, PROP_UPDATED_AT, updated_at);
}
