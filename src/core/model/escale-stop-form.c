/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "escale-enums.h"
#include "escale-local-time.h"
#include "escale-participant-choices.h"
#include "escale-stop-form.h"
#include "escale-validation.h"

/* A visit lasts one to three days; a month is already a mistake, and the
 * day menu should not grow with it. */
#define MAX_VISIT_DAYS 31

static GDateTime *
local_time (EscaleEvent *event,
            gint64       instant)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (event);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

static void
date_of (GDateTime *time,
         GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

static gint64
local_instant (EscaleEvent *event,
               const GDate *day,
               int          minutes)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (event);
  g_autoptr(GDateTime) time = g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day),
                                               g_date_get_day (day), minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (time);
}

/**
 * escale_stop_form_format_coordinates:
 *
 * Returns: (transfer full) (nullable): "46.81, -71.21", which
 *   escale_parse_coordinates() reads back, or %NULL
 */
char *
escale_stop_form_format_coordinates (EscaleItineraryStop *stop)
{
  char latitude[G_ASCII_DTOSTR_BUF_SIZE];
  char longitude[G_ASCII_DTOSTR_BUF_SIZE];
  double lat, lon;

  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (stop), NULL);

  if (!escale_itinerary_stop_get_coordinates (stop, &lat, &lon))
    return NULL;

  /* Six decimals is ten centimetres: more is noise from a map. */
  g_ascii_formatd (latitude, sizeof latitude, "%.6g", lat);
  g_ascii_formatd (longitude, sizeof longitude, "%.6g", lon);
  return g_strdup_printf ("%s, %s", latitude, longitude);
}

static void
keep_message (char   **message,
              GError  *error)
{
  if (message != NULL && error != NULL && *message == NULL)
    *message = g_strdup (error->message);
}

/* Minutes since midnight, for comparing a start and an end. */
static gboolean
parse_minutes (const char  *input,
               int         *minutes,
               GError     **error)
{
  int hour, minute;

  if (!escale_clock_time_parse (input, &hour, &minute, error))
    return FALSE;
  *minutes = hour * 60 + minute;
  return TRUE;
}

static void
apply_times (const EscaleStopForm *form,
             EscaleEvent          *event,
             EscaleItineraryStop  *stop,
             char                 *messages[ESCALE_N_STOP_FIELDS])
{
  g_autoptr(GError) starts_error = NULL;
  g_autoptr(GError) ends_error = NULL;
  int starts, ends;
  gboolean starts_ok, ends_ok;
  gint64 starts_at;
  GDate end_day;

  starts_ok = parse_minutes (form->starts, &starts, &starts_error);
  ends_ok = parse_minutes (form->ends, &ends, &ends_error);
  keep_message (&messages[ESCALE_STOP_FIELD_STARTS], starts_error);
  keep_message (&messages[ESCALE_STOP_FIELD_ENDS], ends_error);

  if (form->day == NULL || !g_date_valid (form->day))
    {
      messages[ESCALE_STOP_FIELD_DAY] = g_strdup (_("Choose the day of the stop"));
      return;
    }
  /* Without its start, an end cannot tell which day it falls on. */
  if (!starts_ok)
    return;

  starts_at = local_instant (event, form->day, starts);
  escale_itinerary_stop_set_starts_at (stop, starts_at);
  if (!ends_ok)
    return;

  /* 21:00 to 07:00 is a night at the hotel, not a stop that ends before
   * it starts. */
  end_day = *form->day;
  if (ends < starts)
    g_date_add_days (&end_day, 1);
  escale_itinerary_stop_set_ends_at (stop, local_instant (event, &end_day, ends));
}

static void
apply_text (EscaleItineraryStop *stop,
            const char          *property,
            const char          *input)
{
  g_autofree char *text = escale_normalize_text (input);

  g_object_set (stop, property, text, NULL);
}

/**
 * escale_stop_form_apply:
 * @messages: (out caller-allocates): one message per field, %NULL where the
 *   field is right; free with escale_form_messages_clear()
 *
 * Writes every field of @form that is right into @stop, the times as
 * instants in @event's zone, and leaves the wrong ones as they were: the
 * editor edits the stop as the counsellor types.
 *
 * Returns: whether every field was right
 */
gboolean
escale_stop_form_apply (const EscaleStopForm *form,
                        EscaleEvent          *event,
                        EscaleItineraryStop  *stop,
                        char                 *messages[ESCALE_N_STOP_FIELDS])
{
  g_autoptr(GError) coordinates_error = NULL;
  g_autofree char *notes = NULL;
  gboolean has_coordinates;
  double latitude, longitude;

  g_return_val_if_fail (form != NULL && messages != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);
  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (stop), FALSE);

  memset (messages, 0, sizeof (char *) * ESCALE_N_STOP_FIELDS);

  g_object_freeze_notify (G_OBJECT (stop));
  escale_itinerary_stop_set_kind (stop, form->kind);
  apply_text (stop, "title", form->title);
  apply_times (form, event, stop, messages);
  apply_text (stop, "place-name", form->place_name);
  apply_text (stop, "address", form->address);

  if (escale_parse_coordinates (form->coordinates, &has_coordinates, &latitude, &longitude,
                                          &coordinates_error))
    {
      if (has_coordinates)
        escale_itinerary_stop_set_coordinates (stop, latitude, longitude);
      else
        escale_itinerary_stop_clear_coordinates (stop);
    }
  keep_message (&messages[ESCALE_STOP_FIELD_COORDINATES], coordinates_error);

  escale_itinerary_stop_set_organization_id (stop, MAX (form->organization_id, 0));
  escale_itinerary_stop_set_partner_confirmed (stop, form->partner_confirmed);
  /* Notes keep their line breaks; only surrounding blank space goes. */
  notes = g_strstrip (g_strdup (form->notes != NULL ? form->notes : ""));
  escale_itinerary_stop_set_notes (stop, *notes != '\0' ? notes : NULL);
  g_object_thaw_notify (G_OBJECT (stop));

  for (guint i = 0; i < ESCALE_N_STOP_FIELDS; i++)
    {
      if (messages[i] != NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * escale_stop_form_get_day:
 * @instant: unix seconds, or 0
 * @day: (out): the local day of @instant in the event's zone
 *
 * Returns: whether @instant was chosen
 */
gboolean
escale_stop_form_get_day (EscaleEvent *event,
                          gint64       instant,
                          GDate       *day)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);
  if (instant <= 0)
    return FALSE;

  local = local_time (event, instant);
  date_of (local, day);
  return TRUE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return g_date_compare (a, b);
}

/**
 * escale_stop_form_list_days:
 * @instant: a stop's start, or 0
 *
 * The days a stop can be put on: every local day of the visit from its
 * first to its last, and the day of @instant when the stop lies outside
 * (so that moving the visit never silently moves its stops).
 *
 * Returns: (transfer full) (element-type GDate): the days, in order
 */
GArray *
escale_stop_form_list_days (EscaleEvent *event,
                            gint64       instant)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  gint64 starts_at, ends_at;
  GDate day, last, own;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), days);

  starts_at = escale_event_get_starts_at (event);
  ends_at = MAX (escale_event_get_ends_at (event), starts_at);
  if (escale_stop_form_get_day (event, starts_at, &day))
    {
      escale_stop_form_get_day (event, ends_at, &last);
      for (guint i = 0; i < MAX_VISIT_DAYS && g_date_compare (&day, &last) <= 0; i++)
        {
          g_array_append_val (days, day);
          g_date_add_days (&day, 1);
        }
    }

  if (escale_stop_form_get_day (event, instant, &own))
    {
      for (guint i = 0; i < days->len; i++)
        {
          if (g_date_compare (&g_array_index (days, GDate, i), &own) == 0)
            return days;
        }
      g_array_append_val (days, own);
      g_array_sort (days, compare_days);
    }

  return days;
}

/* "Day 2" within the visit, the date outside it. */
static char *
describe_day (EscaleEvent *event,
              gint64       instant)
{
  g_autoptr(GDateTime) local = local_time (event, instant);
  GDate first, last, day;
  int number;

  date_of (local, &day);
  if (escale_stop_form_get_day (event, escale_event_get_starts_at (event), &first))
    {
      escale_stop_form_get_day (event, MAX (escale_event_get_ends_at (event), escale_event_get_starts_at (event)),
                                &last);
      number = g_date_days_between (&first, &day) + 1;
      if (number >= 1 && g_date_compare (&day, &last) <= 0)
        /* Translators: the first, second… day of a visit */
        return g_strdup_printf (_("Day %d"), number);
    }

  /* Translators: a date, in g_date_time_format()'s notation. */
  return g_date_time_format (local, _("%a, %b %-d"));
}

/**
 * escale_stop_form_describe:
 *
 * A stop as the printed programme reads it: "Day 2 · 09:30–11:00 · Company
 * visit: Fromagerie du Terroir".
 *
 * Returns: (transfer full): the description
 */
char *
escale_stop_form_describe (EscaleEvent         *event,
                           EscaleItineraryStop *stop)
{
  const char *kind;
  const char *title;
  gint64 starts_at, ends_at;
  g_autofree char *what = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);
  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (stop), NULL);

  kind = escale_choice_get_label (ESCALE_TYPE_STOP_KIND, escale_itinerary_stop_get_kind (stop));
  title = escale_itinerary_stop_get_title (stop);
  /* Translators: a stop's kind, then its title: "Company visit: Fromagerie du Terroir" */
  what = title != NULL ? g_strdup_printf (_("%s: %s"), kind, title) : g_strdup (kind);

  starts_at = escale_itinerary_stop_get_starts_at (stop);
  ends_at = escale_itinerary_stop_get_ends_at (stop);
  if (starts_at > 0)
    {
      g_autofree char *day = describe_day (event, starts_at);
      g_autoptr(GDateTime) start = local_time (event, starts_at);
      g_autofree char *from = g_date_time_format (start, "%H:%M");
      g_autofree char *until = NULL;

      if (ends_at > 0)
        {
          g_autoptr(GDateTime) end = local_time (event, ends_at);
          g_autofree char *end_day = describe_day (event, ends_at);

          until = g_date_time_format (end, "%H:%M");
          if (g_strcmp0 (day, end_day) != 0)
            /* Translators: a stop over midnight, such as a night at the lodging: its day and
             * start time, the day and time it ends, then what it is */
            return g_strdup_printf (_("%s · %s – %s · %s · %s"), day, from, end_day, until, what);

          /* Translators: a stop's day, its start and end times, then what it is */
          return g_strdup_printf (_("%s · %s–%s · %s"), day, from, until, what);
        }

      /* Translators: a stop's day, its start time, then what it is */
      return g_strdup_printf (_("%s · %s · %s"), day, from, what);
    }

  return g_steal_pointer (&what);
}
