/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-ical-import-private.h"

/* One entry of a partner's file made into instants: its zone resolved (or
 * flagged), its UID made up when missing, its rule checked, and its
 * occurrences expanded within bounds: from a year ago to two years ahead,
 * at most ESCALE_ICAL_IMPORT_MAX_OCCURRENCES, and a cap on the steps of
 * the rule so that FREQ=SECONDLY;COUNT=2147483647 ends in milliseconds. */

#define MAX_STEPS 200000

static gboolean
digits (const char *text,
        guint       n,
        int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* DATE (20270315) or DATE-TIME (20270315T100000, with Z for UTC). */
static gboolean
parse_time (const char   *value,
            icaltimetype *time,
            gboolean     *utc)
{
  gsize length;

  if (value == NULL)
    return FALSE;
  length = strlen (value);
  *time = icaltime_null_time ();
  *utc = FALSE;
  if (!digits (value, 4, &time->year) || !digits (value + 4, 2, &time->month) || !digits (value + 6, 2, &time->day))
    return FALSE;
  if (time->year < 1900 || time->year > 2200 || time->month < 1 || time->month > 12 || time->day < 1 ||
      time->day > icaltime_days_in_month (time->month, time->year))
    return FALSE;
  if (length == 8)
    {
      time->is_date = 1;
      return TRUE;
    }
  if ((length != 15 && length != 16) || (value[8] != 'T' && value[8] != 't') ||
      !digits (value + 9, 2, &time->hour) || !digits (value + 11, 2, &time->minute) || !digits (value + 13, 2, &time->second))
    return FALSE;
  if (length == 16)
    {
      if (value[15] != 'Z' && value[15] != 'z')
        return FALSE;
      *utc = TRUE;
    }
  return time->hour < 24 && time->minute < 60 && time->second <= 60;
}

/* The zone @time is read in; %NULL when it is floating. */
static const ImportZone *
zone_of (ImportContext *context,
         const IcsTime *written,
         icaltimetype   time,
         gboolean       utc)
{
  if (time.is_date)
    return &context->home;
  if (utc)
    return &context->utc;
  if (written->tzid != NULL && *written->tzid != '\0')
    return _escale_ical_import_zones_resolve (context->zones, written->tzid);
  return NULL;
}

static gint64
instant (icaltimetype      time,
         const ImportZone *zone)
{
  return icaltime_as_timet_with_zone (time, zone->zone);
}

static void
add_problem (ImportContext *context,
             GString       *problems,
             ImportItem    *item,
             const char    *problem)
{
  _escale_ical_import_report_warn (context->report, item->uid, item->summary, item->event->line, "%s", problem);
  if (problems->len > 0)
    g_string_append_c (problems, ' ');
  g_string_append (problems, problem);
}

/* Stable across imports of the same entry, as long as its start and title
 * stay as they are. */
static const char *
made_up_uid (ImportContext *context,
             IcsEvent      *event)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *uid = NULL;

  g_checksum_update (checksum, (const guchar *) (event->start.value ? event->start.value : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (event->start.tzid ? event->start.tzid : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (event->summary ? event->summary : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (event->recurrence_id.value ? event->recurrence_id.value : ""), -1);
  uid = g_strdup_printf ("escale-import-%.32s", g_checksum_get_string (checksum));
  return g_string_chunk_insert_const (context->strings, uid);
}

static gint64
utc_stamp (const char *value)
{
  icaltimetype time;
  gboolean utc;

  if (!parse_time (value, &time, &utc) || time.is_date)
    return 0;
  return icaltime_as_timet_with_zone (time, icaltimezone_get_utc_timezone ());
}

static const char *
status_of (const char *status)
{
  if (status != NULL && g_ascii_strcasecmp (status, "CANCELLED") == 0)
    return "cancelled";
  if (status != NULL && g_ascii_strcasecmp (status, "TENTATIVE") == 0)
    return "tentative";
  return "confirmed";
}

/* How long each occurrence lasts: seconds, or whole days when all day. */
static gint64
duration_of (ImportContext *context,
             ImportItem    *item,
             GString       *problems)
{
  IcsEvent *event = item->event;
  icaltimetype end;
  gboolean utc;

  if (event->end.value != NULL && parse_time (event->end.value, &end, &utc))
    {
      gint64 length;

      if (item->all_day)
        {
          GDate from, to;

          g_date_clear (&from, 1);
          g_date_clear (&to, 1);
          g_date_set_dmy (&from, item->start.day, item->start.month, item->start.year);
          g_date_set_dmy (&to, end.day, end.month, end.year);
          length = g_date_days_between (&from, &to);
        }
      else
        {
          const ImportZone *zone = zone_of (context, &event->end, end, utc);

          length = instant (end, zone != NULL ? zone : item->zone) - item->starts_at;
        }
      if (length < 0)
        {
          add_problem (context, problems, item, _("The entry ends before it starts: its end was set to its start."));
          length = 0;
        }
      return item->all_day ? MAX (length, 1) : length;
    }

  if (event->duration != NULL)
    {
      struct icaldurationtype duration = icaldurationtype_from_string (event->duration);

      if (!icaldurationtype_is_bad_duration (duration) && !duration.is_neg)
        {
          gint64 seconds = icaldurationtype_as_int (duration);

          return item->all_day ? MAX (seconds / 86400, 1) : seconds;
        }
    }
  return item->all_day ? 1 : 0;
}

static gboolean
has (const short *by)
{
  return by[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/* Whether some BYMONTHDAY exists in some BYMONTH: FEB;30 never does. */
static gboolean
month_days_exist (const struct icalrecurrencetype *rule)
{
  if (!has (rule->by_month_day))
    return TRUE;
  for (guint d = 0; d < ICAL_BY_MONTHDAY_SIZE && rule->by_month_day[d] != ICAL_RECURRENCE_ARRAY_MAX; d++)
    {
      int day = ABS (rule->by_month_day[d]);

      if (!has (rule->by_month))
        {
          if (day <= 31)
            return TRUE;
          continue;
        }
      for (guint m = 0; m < ICAL_BY_MONTH_SIZE && rule->by_month[m] != ICAL_RECURRENCE_ARRAY_MAX; m++)
        {
          int month = icalrecurrencetype_month_month (rule->by_month[m]);

          if (month >= 1 && month <= 12 && day <= icaltime_days_in_month (month, 2028))
            return TRUE;
        }
    }
  return FALSE;
}

/* libical looks for the next time one step of the rule's frequency at a
 * time, for centuries if nothing matches: a rule every second or minute
 * filtered by dates, or one on a date that does not exist, would run for
 * minutes inside a single call. Those are not expanded. */
static gboolean
expandable (const struct icalrecurrencetype *rule)
{
  gboolean by_date = has (rule->by_month) || has (rule->by_month_day) || has (rule->by_year_day) ||
                     has (rule->by_week_no) || has (rule->by_set_pos);

  if (!month_days_exist (rule))
    return FALSE;
  if (rule->freq == ICAL_SECONDLY_RECURRENCE)
    return !by_date && !has (rule->by_day);
  if (rule->freq == ICAL_MINUTELY_RECURRENCE)
    return !by_date;
  return TRUE;
}

/**
 * _escale_ical_import_resolve:
 *
 * Reads @event into @item. Returns %FALSE, with a warning in the report,
 * when the entry cannot be placed in time at all.
 */
gboolean
_escale_ical_import_resolve (ImportContext *context,
                             IcsEvent      *event,
                             ImportItem    *item)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean utc;

  memset (item, 0, sizeof *item);
  item->event = event;
  item->summary = event->summary;
  item->uid = event->uid;
  if (item->uid == NULL)
    {
      item->uid = made_up_uid (context, event);
      _escale_ical_import_report_warn (context->report, item->uid, item->summary, event->line,
                                       _("The entry has no UID: it was given one made of its start and title, "
                                         "so that the next import finds it again."));
    }

  if (event->start.value == NULL)
    {
      _escale_ical_import_report_warn (context->report, item->uid, item->summary, event->line,
                                       _("The entry has no start (DTSTART): it was left out."));
      return FALSE;
    }
  if (!parse_time (event->start.value, &item->start, &utc))
    {
      _escale_ical_import_report_warn (context->report, item->uid, item->summary, event->line,
                                       _("The start “%s” is not a date or a time: the entry was left out."),
                                       event->start.value);
      return FALSE;
    }

  item->all_day = item->start.is_date;
  item->zone = zone_of (context, &event->start, item->start, utc);
  if (item->zone == NULL)
    {
      item->zone = &context->home;
      add_problem (context, problems, item,
                   _("The times of the entry carry no time zone: they were read as Toronto time (America/Toronto)."));
    }
  else if (item->zone->unresolved)
    {
      g_autofree char *problem = g_strdup_printf (_("The time zone “%s” is unknown: the times were read as Toronto time "
                                                    "(America/Toronto). Check them with the partner."),
                                                  event->start.tzid);

      add_problem (context, problems, item, problem);
    }
  if (!item->all_day)
    item->start.zone = item->zone->zone;
  item->starts_at = instant (item->start, item->zone);
  item->duration = duration_of (context, item, problems);

  if (event->recurrence_id.value != NULL)
    {
      icaltimetype recurrence_id;
      const ImportZone *zone;

      if (!parse_time (event->recurrence_id.value, &recurrence_id, &utc))
        {
          _escale_ical_import_report_warn (context->report, item->uid, item->summary, event->line,
                                           _("The RECURRENCE-ID “%s” is not a date or a time: the entry was left out."),
                                           event->recurrence_id.value);
          return FALSE;
        }
      zone = zone_of (context, &event->recurrence_id, recurrence_id, utc);
      item->has_recurrence_id = TRUE;
      item->recurrence_id = instant (recurrence_id, zone != NULL ? zone : item->zone);
    }

  item->last_modified = utc_stamp (event->last_modified);
  item->status = status_of (event->status);

  if (event->rrule != NULL && !item->has_recurrence_id)
    {
      struct icalrecurrencetype rule = icalrecurrencetype_from_string (event->rrule);

      icalerror_clear_errno ();
      if (rule.freq != ICAL_NO_RECURRENCE && !expandable (&rule))
        {
          g_autofree char *problem = g_strdup_printf (_("The repeat rule “%s” never happens, or only on dates too "
                                                        "far apart to look for every second or minute: only the first "
                                                        "time of the entry was kept."),
                                                      event->rrule);

          add_problem (context, problems, item, problem);
        }
      else if (rule.freq == ICAL_NO_RECURRENCE)
        {
          g_autofree char *problem = g_strdup_printf (_("The repeat rule “%s” cannot be read: only the first time "
                                                        "of the entry was kept."),
                                                      event->rrule);

          add_problem (context, problems, item, problem);
        }
      else
        {
          /* Read again when the entry is expanded: a rule is some 2,800
           * bytes, too many to keep for each of thousands of entries. */
          item->repeats = TRUE;
        }
      icalmemory_free_buffer (rule.rscale);
    }

  if (problems->len > 0)
    item->problem = g_string_chunk_insert (context->strings, problems->str);
  return TRUE;
}

typedef struct
{
  icaltimetype time;
  gint64       instant;
} Excluded;

static GArray *
excluded_times (ImportContext *context,
                ImportItem    *item)
{
  GArray *excluded = g_array_new (FALSE, FALSE, sizeof (Excluded));
  GArray *exdates = item->event->exdates;

  for (guint i = 0; exdates != NULL && i < exdates->len; i++)
    {
      IcsTime *written = &g_array_index (exdates, IcsTime, i);
      Excluded one = { 0, };
      const ImportZone *zone;
      gboolean utc;

      if (!parse_time (written->value, &one.time, &utc))
        continue;
      zone = zone_of (context, written, one.time, utc);
      one.instant = instant (one.time, zone != NULL ? zone : item->zone);
      g_array_append_val (excluded, one);
    }
  return excluded;
}

static gboolean
is_excluded (GArray       *excluded,
             icaltimetype  time,
             gint64        at)
{
  for (guint i = 0; i < excluded->len; i++)
    {
      Excluded *one = &g_array_index (excluded, Excluded, i);

      /* An EXDATE given as a date removes that day's occurrence. */
      if (one->time.is_date ? (one->time.year == time.year && one->time.month == time.month && one->time.day == time.day)
                            : one->instant == at)
        return TRUE;
    }
  return FALSE;
}

static gint64
end_of (ImportItem   *item,
        icaltimetype  time,
        gint64        at)
{
  if (!item->all_day)
    return at + item->duration;
  icaltime_adjust (&time, (int) item->duration, 0, 0, 0);
  return instant (time, item->zone);
}

static void
add_occurrence (GArray *occurrences,
                gint64  starts_at,
                gint64  ends_at)
{
  gint64 pair[2] = { starts_at, MAX (starts_at, ends_at) };

  g_array_append_vals (occurrences, pair, 2);
}

/* The times of a rule, one after the other. A rule every day or every N
 * weeks on the start's own weekday, with nothing but COUNT and UNTIL
 * (most agendas' repeating entries) is stepped here on the local date:
 * libical's iterator goes through ICU's calendar at every step, which
 * costs more than the rest of an import. Everything else is libical's. */
typedef struct
{
  icalrecur_iterator              *iterator;
  struct icalrecurrencetype        rule;
  icaltimetype                     next;
  int                              step_days;
  int                              count;
} Steps;

static gboolean
steps_simple (const struct icalrecurrencetype *rule,
              icaltimetype                     start,
              int                             *step_days)
{
  if ((rule->freq != ICAL_DAILY_RECURRENCE && rule->freq != ICAL_WEEKLY_RECURRENCE) || rule->rscale != NULL ||
      has (rule->by_second) || has (rule->by_minute) || has (rule->by_hour) || has (rule->by_month_day) ||
      has (rule->by_year_day) || has (rule->by_week_no) || has (rule->by_month) || has (rule->by_set_pos))
    return FALSE;
  if (has (rule->by_day) &&
      (rule->freq != ICAL_WEEKLY_RECURRENCE || rule->by_day[1] != ICAL_RECURRENCE_ARRAY_MAX ||
       icalrecurrencetype_day_position (rule->by_day[0]) != 0 ||
       (int) icalrecurrencetype_day_day_of_week (rule->by_day[0]) != icaltime_day_of_week (start)))
    return FALSE;
  *step_days = MAX (rule->interval, 1) * (rule->freq == ICAL_WEEKLY_RECURRENCE ? 7 : 1);
  return TRUE;
}

static void
steps_clear (Steps *steps)
{
  g_clear_pointer (&steps->iterator, icalrecur_iterator_free);
  g_clear_pointer (&steps->rule.rscale, icalmemory_free_buffer);
  icalerror_clear_errno ();
}

static gboolean
steps_init (Steps      *steps,
            ImportItem *item)
{
  memset (steps, 0, sizeof *steps);
  steps->rule = icalrecurrencetype_from_string (item->event->rrule);
  icalerror_clear_errno ();
  if (steps_simple (&steps->rule, item->start, &steps->step_days))
    {
      steps->next = item->start;
      return TRUE;
    }
  steps->iterator = icalrecur_iterator_new (steps->rule, item->start);
  icalerror_clear_errno ();
  if (steps->iterator == NULL)
    {
      steps_clear (steps);
      return FALSE;
    }
  return TRUE;
}

static gboolean
after_until (const struct icalrecurrencetype *rule,
             icaltimetype                     time,
             const ImportZone                *zone)
{
  icaltimetype until = rule->until;

  if (icaltime_is_null_time (until))
    return FALSE;
  if (until.is_date)
    return icaltime_compare_date_only (time, until) > 0;
  if (icaltime_is_utc (until))
    return instant (time, zone) > icaltime_as_timet_with_zone (until, icaltimezone_get_utc_timezone ());
  until.zone = time.zone;
  return icaltime_compare (time, until) > 0;
}

/* The next time, or a null time at the end of the rule. */
static icaltimetype
steps_next (Steps      *steps,
            ImportItem *item)
{
  icaltimetype time;

  if (steps->iterator != NULL)
    return icalrecur_iterator_next (steps->iterator);

  time = steps->next;
  if ((steps->rule.count > 0 && steps->count >= steps->rule.count) ||
      after_until (&steps->rule, time, item->zone))
    return icaltime_null_time ();
  steps->count++;
  icaltime_adjust (&steps->next, steps->step_days, 0, 0, 0);
  return time;
}

/* One entry's expansion under way. */
typedef struct
{
  ImportContext *context;
  ImportItem    *item;
  GHashTable    *overridden;    /* nullable */
  GArray        *excluded;      /* Excluded */
  GArray        *occurrences;   /* start, end pairs */
  guint          n;
  gboolean       capped;
} Expansion;

/* Adds the occurrence at @at, @time in local time, unless it is outside
 * the window, replaced by an override or excluded. %FALSE once the cap is
 * reached. */
static gboolean
take (Expansion    *expansion,
      icaltimetype  time,
      gint64        at,
      gint64        ends_at)
{
  if (ends_at < expansion->context->window_start || at > expansion->context->horizon ||
      (expansion->overridden != NULL && g_hash_table_contains (expansion->overridden, &at)) ||
      (expansion->excluded->len > 0 && is_excluded (expansion->excluded, time, at)))
    return TRUE;
  if (expansion->n == ESCALE_ICAL_IMPORT_MAX_OCCURRENCES)
    {
      expansion->capped = TRUE;
      return FALSE;
    }
  add_occurrence (expansion->occurrences, at, ends_at);
  expansion->n++;
  return TRUE;
}

/* The end of an RDATE period: a time, or a duration from @at. */
static gboolean
period_end (ImportContext *context,
            ImportItem    *item,
            const IcsTime *written,
            gint64         at,
            gint64        *ends_at)
{
  icaltimetype end;
  gboolean utc;

  if (written->period_end[0] == 'P' || written->period_end[0] == '+')
    {
      struct icaldurationtype duration = icaldurationtype_from_string (written->period_end);

      icalerror_clear_errno ();
      if (icaldurationtype_is_bad_duration (duration) || duration.is_neg)
        return FALSE;
      *ends_at = at + icaldurationtype_as_int (duration);
      return TRUE;
    }
  if (parse_time (written->period_end, &end, &utc) && !end.is_date)
    {
      const ImportZone *zone = zone_of (context, written, end, utc);

      *ends_at = instant (end, zone != NULL ? zone : item->zone);
      return *ends_at >= at;
    }
  return FALSE;
}

/* The times RDATE adds to the rule's, or to the start when there is no
 * rule: each lasts as long as the entry, or its own period. */
static void
add_extra_dates (Expansion *expansion)
{
  ImportContext *context = expansion->context;
  ImportItem *item = expansion->item;
  GArray *rdates = item->event->rdates;

  for (guint i = 0; i < rdates->len; i++)
    {
      const IcsTime *written = &g_array_index (rdates, IcsTime, i);
      const ImportZone *zone;
      icaltimetype time;
      gboolean utc;
      gint64 at;
      gint64 ends_at;

      if (!parse_time (written->value, &time, &utc))
        {
          _escale_ical_import_report_warn (context->report, item->uid, item->summary, item->event->line,
                                           _("The added date “%s” (RDATE) is not a date or a time: it was left out."),
                                           written->value);
          continue;
        }
      zone = zone_of (context, written, time, utc);
      at = instant (time, zone != NULL ? zone : item->zone);
      ends_at = end_of (item, time, at);
      if (written->period_end != NULL && !period_end (context, item, written, at, &ends_at))
        _escale_ical_import_report_warn (context->report, item->uid, item->summary, item->event->line,
                                         _("The end of the added period “%s/%s” (RDATE) cannot be read: it lasts as "
                                           "long as the entry."),
                                         written->value, written->period_end);
      if (!take (expansion, time, at, ends_at))
        break;
    }
}

/* The rule's times from the start, bounded. */
static void
add_rule_times (Expansion *expansion,
                Steps     *steps)
{
  ImportItem *item = expansion->item;
  icaltimetype next;
  guint n_steps = 0;

  while (!icaltime_is_null_time (next = steps_next (steps, item)))
    {
      gint64 at = instant (next, item->zone);

      if (++n_steps > MAX_STEPS)
        {
          expansion->capped = TRUE;
          break;
        }
      if (at > expansion->context->horizon)
        break;
      if (!take (expansion, next, at, end_of (item, next, at)))
        break;
    }
}

/**
 * _escale_ical_import_expand:
 * @overridden: (nullable): the RECURRENCE-IDs of @item's UID in the file
 *   (gint64 keys): their own entries replace those occurrences
 * @occurrences: (element-type gint64): receives start, end pairs
 *
 * The times @item takes place, bounded: its start, or its rule's times,
 * and the times RDATE adds, less EXDATE's. Cancelled entries take none.
 */
void
_escale_ical_import_expand (ImportContext *context,
                            ImportItem    *item,
                            GHashTable    *overridden,
                            GArray        *occurrences)
{
  g_autoptr(GArray) excluded = NULL;
  gboolean extra = item->event->rdates != NULL && !item->has_recurrence_id;
  Expansion expansion = { context, item, overridden, NULL, occurrences, 0, FALSE };
  gboolean stepping;
  Steps steps;

  if (g_str_equal (item->status, "cancelled"))
    return;
  stepping = item->repeats && steps_init (&steps, item);
  if (!stepping && !extra)
    {
      add_occurrence (occurrences, item->starts_at, end_of (item, item->start, item->starts_at));
      return;
    }

  excluded = excluded_times (context, item);
  expansion.excluded = excluded;
  if (stepping)
    {
      add_rule_times (&expansion, &steps);
      steps_clear (&steps);
    }
  else
    {
      add_occurrence (occurrences, item->starts_at, end_of (item, item->start, item->starts_at));
      expansion.n = 1;
    }
  if (extra && !expansion.capped)
    add_extra_dates (&expansion);

  if (expansion.capped)
    _escale_ical_import_report_warn (context->report, item->uid, item->summary, item->event->line,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "The entry repeats too often to keep every time: only the first %u time "
                                                  "from a year ago to two years ahead was kept.",
                                                  "The entry repeats too often to keep every time: only the first %u times "
                                                  "from a year ago to two years ahead were kept.",
                                                  expansion.n),
                                     expansion.n);
}
