/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include "escale-enums.h"
#include "escale-event-json.h"
#include "escale-participant-choices.h"

/* Events as JSON, for `escale-cli events … --json`: every property under
 * its name in snake_case, enumerations as their nicks, instants as ISO 8601
 * local times with their offset in the event's zone (the zone itself is
 * "tzid"), and what is not set as null. */

/**
 * escale_event_format_time:
 * @instant: unix seconds
 * @format: (nullable): a g_date_time_format() format; %NULL for RFC 3339
 *
 * Returns: (transfer full): @instant as a local time in the event's zone
 */
char *
escale_event_format_time (EscaleEvent *event,
                          gint64       instant,
                          const char  *format)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (event);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  /* RFC 3339: the offset with its minutes, "-05:00". */
  return g_date_time_format (local, format != NULL ? format : "%Y-%m-%dT%H:%M:%S%:z");
}

static gboolean
is_instant (GParamSpec *pspec)
{
  return G_IS_PARAM_SPEC_INT64 (pspec) && g_str_has_suffix (pspec->name, "-at");
}

/* The coordinates are one member, "coordinates": [latitude, longitude]. */
static void
add_record (JsonBuilder *builder,
            gpointer     record,
            EscaleEvent *zone_of)
{
  EscaleRecordClass *klass = ESCALE_RECORD_GET_CLASS (record);

  for (guint prop_id = 1; prop_id <= klass->n_fields; prop_id++)
    {
      GParamSpec *pspec = klass->properties[prop_id];
      const GValue *value = _escale_record_get_value (record, prop_id);
      g_autofree char *member = g_strdelimit (g_strdup (pspec->name), "-", '_');

      if (g_str_equal (pspec->name, "latitude") || g_str_equal (pspec->name, "longitude"))
        continue;

      if (g_str_equal (pspec->name, "has-coordinates"))
        {
          json_builder_set_member_name (builder, "coordinates");
          if (g_value_get_boolean (value))
            {
              json_builder_begin_array (builder);
              json_builder_add_double_value (builder, _escale_record_get_double (record, prop_id + 1));
              json_builder_add_double_value (builder, _escale_record_get_double (record, prop_id + 2));
              json_builder_end_array (builder);
            }
          else
            json_builder_add_null_value (builder);
          continue;
        }

      json_builder_set_member_name (builder, member);
      if (G_VALUE_HOLDS_STRING (value))
        {
          if (g_value_get_string (value) != NULL)
            json_builder_add_string_value (builder, g_value_get_string (value));
          else
            json_builder_add_null_value (builder);
        }
      else if (G_VALUE_HOLDS_ENUM (value))
        json_builder_add_string_value (builder, escale_choice_get_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      else if (is_instant (pspec) && zone_of != NULL && g_value_get_int64 (value) != 0)
        {
          g_autofree char *time = escale_event_format_time (zone_of, g_value_get_int64 (value), NULL);

          json_builder_add_string_value (builder, time);
        }
      else if (G_VALUE_HOLDS_INT64 (value) && g_value_get_int64 (value) == 0 &&
               G_PARAM_SPEC_INT64 (pspec)->minimum == 0 && !g_str_equal (pspec->name, "ical-sequence"))
        json_builder_add_null_value (builder);
      else if (G_VALUE_HOLDS_INT (value) && g_value_get_int (value) == -1 && G_PARAM_SPEC_INT (pspec)->minimum == -1)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, _escale_record_get_integer (record, prop_id));
    }
}

static void
add_list (JsonBuilder *builder,
          const char  *member,
          GListModel  *items,
          EscaleEvent *event)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      add_record (builder, item, event);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_warnings (JsonBuilder *builder,
              GPtrArray   *warnings)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      const EscalePlanWarning *warning = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, escale_plan_warning_kind_get_nick (warning->kind));
      json_builder_set_member_name (builder, "stop");
      if (warning->stop >= 0)
        json_builder_add_int_value (builder, warning->stop + 1);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "other_stop");
      if (warning->other_stop >= 0)
        json_builder_add_int_value (builder, warning->other_stop + 1);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * escale_event_to_json:
 * @with_parts: whether to write the itinerary, vehicles, checklist and
 *   partners (not read for a list: they are left out rather than empty)
 * @fill: (nullable): how full the event is
 * @warnings: (nullable) (element-type EscalePlanWarning): the plan's checks
 *
 * Returns: (transfer full): the event, with its itinerary, vehicles,
 *   checklist and partners
 */
JsonNode *
escale_event_to_json (EscaleEvent           *event,
                      gboolean               with_parts,
                      const EscaleEventFill *fill,
                      GPtrArray             *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const gint64 *partners;
  guint n_partners;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);

  json_builder_begin_object (builder);
  add_record (builder, event, event);

  if (with_parts)
    {
      partners = escale_event_get_partner_ids (event, &n_partners);
      json_builder_set_member_name (builder, "partner_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_partners; i++)
        json_builder_add_int_value (builder, partners[i]);
      json_builder_end_array (builder);

      add_list (builder, "itinerary", escale_event_get_stops (event), event);
      add_list (builder, "vehicles", escale_event_get_vehicles (event), event);
      add_list (builder, "checklist", escale_event_get_tasks (event), event);
    }

  if (fill != NULL)
    {
      json_builder_set_member_name (builder, "fill");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seats_taken");
      json_builder_add_int_value (builder, fill->seats_taken);
      json_builder_set_member_name (builder, "registrations");
      json_builder_add_int_value (builder, fill->n_holding);
      json_builder_set_member_name (builder, "waitlisted");
      json_builder_add_int_value (builder, fill->n_waitlisted);
      json_builder_set_member_name (builder, "waitlisted_seats");
      json_builder_add_int_value (builder, fill->waitlisted_seats);
      json_builder_end_object (builder);
    }

  if (warnings != NULL)
    {
      json_builder_set_member_name (builder, "warnings");
      add_warnings (builder, warnings);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * escale_event_series_to_json:
 * @occurrences: (element-type EscaleEvent): the series' occurrences
 * @fills: (array): how full each occurrence is, in the same order
 *
 * Returns: (transfer full): the series: "id", "rule" ("every-2-weeks"),
 *   "frequency", "interval", "first_on", "until_on", "excluded_on" (an
 *   array), "description" (in the user's language) and "occurrences",
 *   each as escale_event_to_json() without its parts
 */
JsonNode *
escale_event_series_to_json (EscaleEventSeries     *series,
                             GPtrArray             *occurrences,
                             const EscaleEventFill *fills)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *rule = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) excluded = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT_SERIES (series), NULL);
  g_return_val_if_fail (occurrences != NULL, NULL);
  g_return_val_if_fail (fills != NULL || occurrences->len == 0, NULL);

  rule = escale_event_series_dup_nick (series);
  description = escale_event_series_describe (series);
  excluded = escale_event_series_dup_excluded_on (series);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, escale_event_series_get_id (series));
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, rule);
  json_builder_set_member_name (builder, "frequency");
  json_builder_add_string_value (builder, escale_choice_get_nick (ESCALE_TYPE_SERIES_FREQUENCY,
                                                                  escale_event_series_get_frequency (series)));
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, escale_event_series_get_interval (series));
  json_builder_set_member_name (builder, "first_on");
  json_builder_add_string_value (builder, escale_event_series_get_first_on (series));
  json_builder_set_member_name (builder, "until_on");
  json_builder_add_string_value (builder, escale_event_series_get_until_on (series));
  json_builder_set_member_name (builder, "excluded_on");
  json_builder_begin_array (builder);
  for (guint i = 0; excluded[i] != NULL; i++)
    json_builder_add_string_value (builder, excluded[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);

  json_builder_set_member_name (builder, "occurrences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < occurrences->len; i++)
    json_builder_add_value (builder, escale_event_to_json (g_ptr_array_index (occurrences, i), FALSE, &fills[i], NULL));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * escale_plan_warnings_to_json:
 * @warnings: (element-type EscalePlanWarning): from escale_plan_check()
 *
 * Returns: (transfer full): an array of {kind, stop, other_stop, message},
 *   stops counted from 1 as printed
 */
JsonNode *
escale_plan_warnings_to_json (GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (warnings != NULL, NULL);

  add_warnings (builder, warnings);
  return json_builder_get_root (builder);
}

JsonNode *
escale_registration_to_json (EscaleRegistration *registration)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ESCALE_IS_REGISTRATION (registration), NULL);

  json_builder_begin_object (builder);
  add_record (builder, registration, NULL);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * escale_participant_registration_to_json:
 *
 * Returns: (transfer full): one event of a participant's file:
 *   "event_id", "title", "kind", "starts_at" (local, with its offset),
 *   "event_status", "status" (the registration's), "seats" (the
 *   participant and the household members who come) and
 *   "waitlist_position" (from 1, or null when not waiting)
 */
JsonNode *
escale_participant_registration_to_json (EscaleParticipantRegistration *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *starts_at = NULL;
  EscaleRegistration *registration;
  EscaleEvent *event;
  guint position;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REGISTRATION (entry), NULL);

  event = escale_participant_registration_get_event (entry);
  registration = escale_participant_registration_get_registration (entry);
  position = escale_participant_registration_get_waitlist_position (entry);
  starts_at = escale_event_format_time (event, escale_event_get_starts_at (event), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event_id");
  json_builder_add_int_value (builder, escale_event_get_id (event));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, escale_event_get_title (event));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, escale_choice_get_nick (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)));
  json_builder_set_member_name (builder, "starts_at");
  json_builder_add_string_value (builder, starts_at);
  json_builder_set_member_name (builder, "event_status");
  json_builder_add_string_value (builder,
                                 escale_choice_get_nick (ESCALE_TYPE_EVENT_STATUS, escale_event_get_status (event)));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS,
                                                                  escale_registration_get_status (registration)));
  json_builder_set_member_name (builder, "seats");
  json_builder_add_int_value (builder, escale_registration_get_seats (registration));
  json_builder_set_member_name (builder, "waitlist_position");
  if (position > 0)
    json_builder_add_int_value (builder, position);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
