/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-record-accessors.h"

/* An information session, a virtual presentation, a fair or an exploratory
 * visit. A visit also has its itinerary, its vehicles and its checklist,
 * edited here as lists and saved with the event in one transaction. Times
 * are instants (unix seconds); the event's zone says how to show them. */
struct _EscaleEvent
{
  EscaleRecord  parent_instance;

  GListStore   *stops;
  GListStore   *vehicles;
  GListStore   *tasks;
  GArray       *partner_ids;
};

G_DEFINE_FINAL_TYPE (EscaleEvent, escale_event, ESCALE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_TITLE,
  PROP_REGION_CODE,
  PROP_ORGANIZER,
  PROP_PRESENTERS,
  PROP_PLACE_NAME,
  PROP_ADDRESS,
  PROP_HAS_COORDINATES,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_ONLINE_URL,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_TZID,
  PROP_CAPACITY,
  PROP_REGISTRATION_DEADLINE,
  PROP_DESCRIPTION,
  PROP_INTERNAL_NOTES,
  PROP_MATERIALS,
  PROP_ELIGIBILITY_RULES,
  PROP_SERIES_ID,
  PROP_SERIES_DATE,
  PROP_ICAL_UID,
  PROP_ICAL_SEQUENCE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
};

static EscaleRecordField fields[] = {
  { "id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "kind", G_TYPE_INVALID },     /* an EscaleEventKind, set in class_init */
  { "status", G_TYPE_INVALID },   /* an EscaleEventStatus, likewise */
  { "title", G_TYPE_STRING },
  { "region-code", G_TYPE_STRING },
  { "organizer", G_TYPE_STRING },
  { "presenters", G_TYPE_STRING },
  { "place-name", G_TYPE_STRING },
  { "address", G_TYPE_STRING },
  { "has-coordinates", G_TYPE_BOOLEAN },
  { "latitude", G_TYPE_DOUBLE },
  { "longitude", G_TYPE_DOUBLE },
  { "online-url", G_TYPE_STRING },
  { "starts-at", G_TYPE_INT64, 0, G_MAXINT64 },   /* 0: not chosen yet */
  { "ends-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "tzid", G_TYPE_STRING },
  /* -1: no limit */
  { "capacity", G_TYPE_INT, -1, 100000 },
  { "registration-deadline", G_TYPE_STRING },
  { "description", G_TYPE_STRING },
  { "internal-notes", G_TYPE_STRING },
  { "materials", G_TYPE_STRING },
  { "eligibility-rules", G_TYPE_STRING },
  { "series-id", G_TYPE_INT64, 0, G_MAXINT64 },
  /* The local date the series' rule gave this occurrence, ISO, kept when
   * it moves: a calendar knows a moved occurrence by it (RECURRENCE-ID). */
  { "series-date", G_TYPE_STRING },
  { "ical-uid", G_TYPE_STRING },
  { "ical-sequence", G_TYPE_INT, 0, G_MAXINT },
  { "created-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "updated-at", G_TYPE_INT64, 0, G_MAXINT64 },
};

static void
escale_event_finalize (GObject *object)
{
  EscaleEvent *self = (EscaleEvent *)object;

  g_clear_object (&self->stops);
  g_clear_object (&self->vehicles);
  g_clear_object (&self->tasks);
  g_clear_pointer (&self->partner_ids, g_array_unref);

  G_OBJECT_CLASS (escale_event_parent_class)->finalize (object);
}

static void
escale_event_class_init (EscaleEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_event_finalize;

  fields[PROP_KIND - 1].type = ESCALE_TYPE_EVENT_KIND;
  fields[PROP_STATUS - 1].type = ESCALE_TYPE_EVENT_STATUS;
  _escale_record_class_install (ESCALE_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
escale_event_init (EscaleEvent *self)
{
  self->stops = g_list_store_new (ESCALE_TYPE_ITINERARY_STOP);
  self->vehicles = g_list_store_new (ESCALE_TYPE_VEHICLE);
  self->tasks = g_list_store_new (ESCALE_TYPE_LOGISTICS_TASK);
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  _escale_record_set_string (self, PROP_TZID, ESCALE_DEFAULT_TZID);
}

EscaleEvent *
escale_event_new (EscaleEventKind kind)
{
  return g_object_new (ESCALE_TYPE_EVENT, "kind", kind, NULL);
}

static void
copy_list (GListStore *destination,
           GListModel *source,
           gpointer  (*copy) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, i);
      g_autoptr(GObject) copied = copy (item);

      g_list_store_append (destination, copied);
    }
}

/**
 * escale_event_copy:
 *
 * Returns: (transfer full): a deep copy, stops, vehicles and tasks
 *   included, for an editor to change and save or throw away
 */
EscaleEvent *
escale_event_copy (EscaleEvent *self)
{
  EscaleEvent *copy;

  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);

  copy = g_object_new (ESCALE_TYPE_EVENT, NULL);
  _escale_record_copy_fields (copy, self);
  copy_list (copy->stops, G_LIST_MODEL (self->stops), (gpointer (*) (gpointer)) escale_itinerary_stop_copy);
  copy_list (copy->vehicles, G_LIST_MODEL (self->vehicles), (gpointer (*) (gpointer)) escale_vehicle_copy);
  copy_list (copy->tasks, G_LIST_MODEL (self->tasks), (gpointer (*) (gpointer)) escale_logistics_task_copy);
  g_array_append_vals (copy->partner_ids, self->partner_ids->data, self->partner_ids->len);

  return copy;
}

ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, gint64, id, PROP_ID)
ESCALE_RECORD_NUMBER (EscaleEvent, escale_event, ESCALE_IS_EVENT, EscaleEventKind, kind, PROP_KIND)
ESCALE_RECORD_NUMBER (EscaleEvent, escale_event, ESCALE_IS_EVENT, EscaleEventStatus, status, PROP_STATUS)
ESCALE_RECORD_NUMBER (EscaleEvent, escale_event, ESCALE_IS_EVENT, int, capacity, PROP_CAPACITY)
ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, gint64, starts_at, PROP_STARTS_AT)
ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, gint64, ends_at, PROP_ENDS_AT)
ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, gint64, series_id, PROP_SERIES_ID)
ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, guint, ical_sequence, PROP_ICAL_SEQUENCE)
ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, gint64, created_at, PROP_CREATED_AT)
ESCALE_RECORD_NUMBER_GETTER (EscaleEvent, escale_event, ESCALE_IS_EVENT, gint64, updated_at, PROP_UPDATED_AT)

static guint
text_property (EscaleEvent *self,
               const char  *property)
{
  guint prop_id = _escale_record_find_property (self, property);

  g_return_val_if_fail (prop_id != 0 && fields[prop_id - 1].type == G_TYPE_STRING, 0);
  return prop_id;
}

/**
 * escale_event_get_text:
 * @property: the name of a text property: "title", "place-name",
 *   "description"…
 */
const char *
escale_event_get_text (EscaleEvent *self,
                       const char  *property)
{
  guint prop_id;

  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);

  prop_id = text_property (self, property);
  return prop_id != 0 ? _escale_record_get_string (self, prop_id) : NULL;
}

/**
 * escale_event_set_text:
 * @text: (nullable): the new text; empty clears it
 */
void
escale_event_set_text (EscaleEvent *self,
                       const char  *property,
                       const char  *text)
{
  guint prop_id;

  g_return_if_fail (ESCALE_IS_EVENT (self));

  prop_id = text_property (self, property);
  if (prop_id != 0)
    _escale_record_set_string (self, prop_id, text);
}

const char *
escale_event_get_title (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return _escale_record_get_string (self, PROP_TITLE);
}

const char *
escale_event_get_region_code (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return _escale_record_get_string (self, PROP_REGION_CODE);
}

const char *
escale_event_get_tzid (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return _escale_record_get_string (self, PROP_TZID);
}

/**
 * escale_event_dup_time_zone:
 *
 * Returns: (transfer full): the event's zone; Québec's when its name is
 *   not one this system knows (the repository refuses to save those)
 */
GTimeZone *
escale_event_dup_time_zone (EscaleEvent *self)
{
  GTimeZone *zone;

  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);

  zone = g_time_zone_new_identifier (escale_event_get_tzid (self));
  return zone != NULL ? zone : g_time_zone_new_identifier (ESCALE_DEFAULT_TZID);
}

void
escale_event_set_times (EscaleEvent *self,
                        gint64       starts_at,
                        gint64       ends_at)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  _escale_record_set_integer (self, PROP_STARTS_AT, starts_at);
  _escale_record_set_integer (self, PROP_ENDS_AT, ends_at);
  g_object_thaw_notify (G_OBJECT (self));
}

static GDateTime *
local_time (EscaleEvent *self,
            gint64       instant)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (self);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

/**
 * escale_event_dup_start:
 *
 * Returns: (transfer full): the start, in the event's zone
 */
GDateTime *
escale_event_dup_start (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return local_time (self, escale_event_get_starts_at (self));
}

/**
 * escale_event_dup_end:
 *
 * Returns: (transfer full): the end, in the event's zone
 */
GDateTime *
escale_event_dup_end (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return local_time (self, escale_event_get_ends_at (self));
}

gboolean
escale_event_get_coordinates (EscaleEvent *self,
                              double      *latitude,
                              double      *longitude)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), FALSE);
  return _escale_record_get_coordinates (self, PROP_HAS_COORDINATES, latitude, longitude);
}

void
escale_event_set_coordinates (EscaleEvent *self,
                              double       latitude,
                              double       longitude)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));
  _escale_record_set_coordinates (self, PROP_HAS_COORDINATES, latitude, longitude);
}

void
escale_event_clear_coordinates (EscaleEvent *self)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));
  _escale_record_set_integer (self, PROP_HAS_COORDINATES, FALSE);
}

/**
 * escale_event_get_series_date:
 *
 * Returns: (nullable): for an occurrence of a series, the date ("YYYY-MM-DD")
 *   the series' rule gave it, which stays when the occurrence is moved
 */
const char *
escale_event_get_series_date (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return _escale_record_get_string (self, PROP_SERIES_DATE);
}

const char *
escale_event_get_ical_uid (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return _escale_record_get_string (self, PROP_ICAL_UID);
}

/**
 * escale_event_get_partner_ids:
 * @n_ids: (out): how many
 *
 * Returns: (array length=n_ids): the partners who host or present
 */
const gint64 *
escale_event_get_partner_ids (EscaleEvent *self,
                              guint       *n_ids)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->partner_ids->len;
  return (const gint64 *) self->partner_ids->data;
}

void
escale_event_set_partner_ids (EscaleEvent  *self,
                              const gint64 *ids,
                              guint         n_ids)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_array_set_size (self->partner_ids, 0);
  g_array_append_vals (self->partner_ids, ids, n_ids);
}

GListModel *
escale_event_get_stops (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return G_LIST_MODEL (self->stops);
}

void
escale_event_add_stop (EscaleEvent         *self,
                       EscaleItineraryStop *stop)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));
  g_return_if_fail (ESCALE_IS_ITINERARY_STOP (stop));
  g_list_store_append (self->stops, stop);
}

void
escale_event_remove_stop (EscaleEvent         *self,
                          EscaleItineraryStop *stop)
{
  guint position;

  g_return_if_fail (ESCALE_IS_EVENT (self));

  if (g_list_store_find (self->stops, stop, &position))
    g_list_store_remove (self->stops, position);
}

/**
 * escale_event_move_stop:
 * @from: the stop's position
 * @to: its new position, counted once it is taken out
 *
 * Reorders the itinerary: what a drag and drop or Alt+Up/Down does.
 */
void
escale_event_move_stop (EscaleEvent *self,
                        guint        from,
                        guint        to)
{
  g_autoptr(EscaleItineraryStop) stop = NULL;
  guint n;

  g_return_if_fail (ESCALE_IS_EVENT (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stops));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  stop = g_list_model_get_item (G_LIST_MODEL (self->stops), from);
  g_list_store_remove (self->stops, from);
  g_list_store_insert (self->stops, to, stop);
}

GListModel *
escale_event_get_vehicles (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return G_LIST_MODEL (self->vehicles);
}

void
escale_event_add_vehicle (EscaleEvent   *self,
                          EscaleVehicle *vehicle)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));
  g_return_if_fail (ESCALE_IS_VEHICLE (vehicle));
  g_list_store_append (self->vehicles, vehicle);
}

void
escale_event_remove_vehicle (EscaleEvent   *self,
                             EscaleVehicle *vehicle)
{
  guint position;

  g_return_if_fail (ESCALE_IS_EVENT (self));

  if (g_list_store_find (self->vehicles, vehicle, &position))
    g_list_store_remove (self->vehicles, position);
}

GListModel *
escale_event_get_tasks (EscaleEvent *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

void
escale_event_add_task (EscaleEvent         *self,
                       EscaleLogisticsTask *task)
{
  g_return_if_fail (ESCALE_IS_EVENT (self));
  g_return_if_fail (ESCALE_IS_LOGISTICS_TASK (task));
  g_list_store_append (self->tasks, task);
}

void
escale_event_remove_task (EscaleEvent         *self,
                          EscaleLogisticsTask *task)
{
  guint position;

  g_return_if_fail (ESCALE_IS_EVENT (self));

  if (g_list_store_find (self->tasks, task, &position))
    g_list_store_remove (self->tasks, position);
}

void
_escale_event_set_identity (EscaleEvent *self,
                            gint64       id,
                            const char  *ical_uid,
                            guint        ical_sequence)
{
  _escale_record_set_integer (self, PROP_ID, id);
  _escale_record_set_string (self, PROP_ICAL_UID, ical_uid);
  _escale_record_set_integer (self, PROP_ICAL_SEQUENCE, ical_sequence);
}

/* @series_date: NULL when @series_id is 0 */
void
_escale_event_set_series (EscaleEvent *self,
                          gint64       series_id,
                          const char  *series_date)
{
  g_object_freeze_notify (G_OBJECT (self));
  _escale_record_set_integer (self, PROP_SERIES_ID, series_id);
  _escale_record_set_string (self, PROP_SERIES_DATE, series_date);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_escale_event_set_timestamps (EscaleEvent *self,
                              gint64       created_at,
                              gint64       updated_at)
{
  _escale_record_set_integer (self, PROP_CREATED_AT, created_at);
  _escale_record_set_integer (self, PROP_UPDATED_AT, updated_at);
}

/* Keeps the first @n_stops stops of an event read again, whose rows had
 * fewer than its previous ones. */
void
_escale_event_truncate_stops (EscaleEvent *self,
                              guint        n_stops)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->stops));

  if (n_stops < n_items)
    g_list_store_splice (self->stops, n_stops, n_items - n_stops, NULL, 0);
}
