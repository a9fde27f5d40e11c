/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-event-documents-private.h"
#include "escale-event-json.h"
#include "escale-participant-choices.h"
#include "escale-registration.h"

/* The lists of people: the bus manifest and the attendance sheet. They
 * hold personal information, so they print only what the day needs: the
 * name, the household's seats, the phone, diet and accessibility; never
 * a registration's notes, an email or an immigration status. */

/* The manifest */

/* "Diet: vegetarian\nAccessibility: wheelchair" */
static char *
describe_needs (EscaleRegistration *registration)
{
  const char *diet = escale_registration_get_diet (registration);
  const char *accessibility = escale_registration_get_accessibility (registration);
  g_autoptr(GString) text = g_string_new (NULL);

  if (diet != NULL)
    /* Translators: what a participant can eat, on the bus manifest */
    g_string_append_printf (text, _("Diet: %s"), diet);
  if (accessibility != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: what a participant needs to get around, on the bus manifest */
      g_string_append_printf (text, _("Accessibility: %s"), accessibility);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_passengers (EscalePageFlow                *flow,
                const EscaleEventDocumentData *data,
                GPtrArray                     *holders,
                guint                          first,
                guint                          last,
                const char                    *caption)
{
  const EscalePageColumn columns[] = {
    { "#", 24, ESCALE_PAGE_CELL_NUMBER },
    { _("Name"), 0, ESCALE_PAGE_CELL_TEXT },
    { _("Seats"), 38, ESCALE_PAGE_CELL_NUMBER },
    { _("Phone"), 92, ESCALE_PAGE_CELL_TEXT },
    { _("Diet and accessibility"), 0, ESCALE_PAGE_CELL_TEXT },
    { _("Emergency contact"), 112, ESCALE_PAGE_CELL_WRITE_IN },
  };
  g_autofree char *count = _escale_event_document_describe_holders (holders, first, last);

  escale_page_flow_begin_table (flow, columns, G_N_ELEMENTS (columns), caption, 24);
  for (guint i = first; i < last; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (holders, i);
      g_autofree char *number = g_strdup_printf ("%u", i - first + 1);
      g_autofree char *seats = g_strdup_printf ("%d", escale_registration_get_seats (registration));
      g_autofree char *needs = describe_needs (registration);
      gint64 participant_id = escale_registration_get_participant_id (registration);
      const char *phone = _escale_event_document_lookup (data->participant_phones, participant_id);

      escale_page_flow_add_row (flow, (const char *const[]) {
        number, escale_registration_get_participant_name (registration), seats, phone != NULL ? phone : "", needs, ""
      });
    }
  escale_page_flow_end_table (flow);
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE, count);
}

static char *
describe_vehicle (EscaleVehicle *vehicle,
                  guint          position,
                  guint          n_vehicles)
{
  const char *kind = escale_choice_get_label (ESCALE_TYPE_VEHICLE_KIND, escale_vehicle_get_kind (vehicle));
  const char *provider = escale_vehicle_get_provider (vehicle);
  g_autofree char *name = provider != NULL ? g_strdup_printf ("%s · %s", kind, provider) : g_strdup (kind);

  if (n_vehicles == 1)
    return g_steal_pointer (&name);
  /* Translators: the vehicle's number, how many there are, then the vehicle, such as “Coach · Autocars Fortin” */
  return g_strdup_printf (_("Vehicle %u of %u: %s"), position + 1, n_vehicles, name);
}

static void
add_vehicle_fields (EscalePageFlow *flow,
                    EscaleEvent    *event,
                    EscaleVehicle  *vehicle)
{
  const char *driver = escale_vehicle_get_driver (vehicle);
  const char *driver_phone = escale_vehicle_get_driver_phone (vehicle);
  const char *points[2] = { escale_vehicle_get_departure_place (vehicle), escale_vehicle_get_return_place (vehicle) };
  gint64 instants[2] = { escale_vehicle_get_departs_at (vehicle), escale_vehicle_get_returns_at (vehicle) };
  const char *labels[2] = { _("Departure"), _("Return") };
  g_autofree char *driver_text = NULL;

  if (driver != NULL || driver_phone != NULL)
    driver_text = driver != NULL && driver_phone != NULL ? g_strdup_printf ("%s, %s", driver, driver_phone)
                                                         : g_strdup (driver != NULL ? driver : driver_phone);
  escale_page_flow_add_field (flow, _("Driver"), driver_text);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *moment = instants[i] > 0 ? _escale_event_document_format_moment (event, instants[i]) : NULL;
      g_autofree char *text = NULL;

      if (moment != NULL && points[i] != NULL)
        text = g_strdup_printf ("%s\n%s", moment, points[i]);
      else
        text = g_strdup (moment != NULL ? moment : points[i]);
      escale_page_flow_add_field (flow, labels[i], text);
    }
}

/* The model does not say who rides in which vehicle: households fill the
 * vehicles in the list's order, never split, and the manifest says so. */
void
_escale_event_document_add_manifest (EscalePageFlow                *flow,
                                     const EscaleEventDocumentData *data)
{
  EscaleEvent *event = data->event;
  GListModel *vehicles = escale_event_get_vehicles (event);
  guint n_vehicles = g_list_model_get_n_items (vehicles);
  g_autoptr(GPtrArray) holders = _escale_event_document_dup_holders (data);
  g_autofree char *total = _escale_event_document_describe_holders (holders, 0, holders->len);
  guint next = 0;

  _escale_event_document_add_title (flow, event, _("Bus manifest"));
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE,
                             _("Confidential: for the people in charge of the trip. "
                               "Destroy it once everyone is back."));
  escale_page_flow_add_field (flow, _("Passengers"), total);
  escale_page_flow_add_field (flow, _("Your contact"), escale_event_get_text (event, "organizer"));
  if (n_vehicles > 1)
    escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE,
                               _("Households are seated together, vehicle after vehicle, in the order of this list."));

  if (n_vehicles == 0)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Passengers"));
      add_passengers (flow, data, holders, 0, holders->len, _("Passengers"));
      return;
    }

  for (guint v = 0; v < n_vehicles; v++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, v);
      g_autofree char *caption = describe_vehicle (vehicle, v, n_vehicles);
      int seats = escale_vehicle_get_seats (vehicle);
      guint first = next;
      guint taken = 0;

      for (; next < holders->len; next++)
        {
          guint household = (guint) escale_registration_get_seats (g_ptr_array_index (holders, next));

          if (seats > 0 && taken + household > (guint) seats)
            break;
          taken += household;
        }

      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, caption);
      add_vehicle_fields (flow, event, vehicle);
      add_passengers (flow, data, holders, first, next, caption);
    }

  if (next < holders->len)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Without a seat in a vehicle"));
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE,
                                 _("The vehicles have fewer seats than these households need."));
      add_passengers (flow, data, holders, next, holders->len, _("Without a seat in a vehicle"));
    }
}

/* The attendance sheet */

/* The number, name, seats and signature columns, and the width of a box
 * column: its header gives the roll call's number and time. */
#define ATTENDANCE_FIXED_WIDTH   (24.0 + 150.0 + 36.0 + 100.0)
#define ATTENDANCE_BOX_MIN_WIDTH 32.0
#define ATTENDANCE_BOX_MAX_WIDTH 48.0

static void
add_stop_legend (EscalePageFlow *flow,
                 EscaleEvent    *event,
                 GListModel     *stops)
{
  const EscalePageColumn columns[] = {
    { "#", 24, ESCALE_PAGE_CELL_NUMBER },
    { _("When"), 120, ESCALE_PAGE_CELL_TEXT },
    { _("Stop"), 0, ESCALE_PAGE_CELL_TEXT },
    { _("Place"), 0, ESCALE_PAGE_CELL_TEXT },
  };

  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Roll calls"));
  _escale_event_document_add_zone_note (flow, event);
  escale_page_flow_begin_table (flow, columns, G_N_ELEMENTS (columns), _("Roll calls"), 0);
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *day = _escale_event_document_format_short_day (event, starts_at);
      g_autofree char *time = _escale_event_document_format_time (event, starts_at);
      g_autofree char *when = g_strdup_printf ("%s · %s", day, time);
      const char *place = escale_itinerary_stop_get_place_name (stop);

      escale_page_flow_add_row (flow, (const char *const[]) {
        number, when, escale_itinerary_stop_get_title (stop), place != NULL ? place : ""
      });
    }
  escale_page_flow_end_table (flow);
}

/* The roll calls of [@first, @last) side by side, or one "Present" box
 * when the event has no stops. */
static void
add_attendance_table (EscalePageFlow *flow,
                      EscaleEvent    *event,
                      GPtrArray      *holders,
                      GListModel     *stops,
                      guint           first,
                      guint           last,
                      const char     *caption)
{
  guint n_boxes = MAX (last - first, 1);
  double box_width = MIN (ATTENDANCE_BOX_MAX_WIDTH,
                          (escale_page_flow_get_width (flow) - ATTENDANCE_FIXED_WIDTH) / n_boxes);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (EscalePageColumn));
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  EscalePageColumn column = { "#", 24, ESCALE_PAGE_CELL_NUMBER };

  g_array_append_val (columns, column);
  column = (EscalePageColumn) { _("Name"), 0, ESCALE_PAGE_CELL_TEXT };
  g_array_append_val (columns, column);
  column = (EscalePageColumn) { _("Seats"), 36, ESCALE_PAGE_CELL_NUMBER };
  g_array_append_val (columns, column);
  for (guint i = first; i < first + n_boxes; i++)
    {
      g_autoptr(EscaleItineraryStop) stop = i < last ? g_list_model_get_item (stops, i) : NULL;
      g_autofree char *time = NULL;
      char *title;

      if (stop != NULL)
        {
          time = _escale_event_document_format_time (event, escale_itinerary_stop_get_starts_at (stop));
          title = g_strdup_printf ("%u\n%s", i + 1, time);
        }
      else
        title = g_strdup (_("Present"));

      g_ptr_array_add (titles, title);
      column = (EscalePageColumn) { title, box_width, ESCALE_PAGE_CELL_CHECKBOX };
      g_array_append_val (columns, column);
    }
  column = (EscalePageColumn) { _("Signature"), 100, ESCALE_PAGE_CELL_WRITE_IN };
  g_array_append_val (columns, column);

  escale_page_flow_begin_table (flow, (EscalePageColumn *) columns->data, columns->len, caption, 22);
  for (guint i = 0; i < holders->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (holders, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *seats = g_strdup_printf ("%d", escale_registration_get_seats (registration));

      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, number);
      g_ptr_array_add (cells, (gpointer) escale_registration_get_participant_name (registration));
      g_ptr_array_add (cells, seats);
      for (guint j = 0; j <= n_boxes; j++)
        g_ptr_array_add (cells, (gpointer) "");
      escale_page_flow_add_row (flow, (const char *const *) cells->pdata);
    }
  escale_page_flow_end_table (flow);
}

/* A visit has ten to twenty stops: more boxes than a line can hold beside
 * the names. The roll calls go a day at a time, a few per table. */
void
_escale_event_document_add_attendance (EscalePageFlow                *flow,
                                       const EscaleEventDocumentData *data)
{
  EscaleEvent *event = data->event;
  GListModel *stops = escale_event_get_stops (event);
  guint n_stops = g_list_model_get_n_items (stops);
  guint max_boxes = MAX ((guint) ((escale_page_flow_get_width (flow) - ATTENDANCE_FIXED_WIDTH) /
                                  ATTENDANCE_BOX_MIN_WIDTH), 1);
  g_autoptr(GPtrArray) holders = _escale_event_document_dup_holders (data);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *count = _escale_event_document_describe_holders (holders, 0, holders->len);

  _escale_event_document_add_title (flow, event, _("Attendance sheet"));
  escale_page_flow_add_field (flow, _("Participants"), count);
  if (n_stops == 0)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Participants"));
      add_attendance_table (flow, event, holders, stops, 0, 0, _("Participants"));
      return;
    }

  add_stop_legend (flow, event, stops);

  /* Where each table's roll calls start: a day, cut in even parts when it
   * has more roll calls than a table holds. */
  for (guint first = 0, last; first < n_stops; first = last)
    {
      g_autoptr(EscaleItineraryStop) first_stop = g_list_model_get_item (stops, first);
      g_autofree char *day = escale_event_format_time (event, escale_itinerary_stop_get_starts_at (first_stop), "%F");
      guint n_parts;

      for (last = first + 1; last < n_stops; last++)
        {
          g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, last);
          g_autofree char *stop_day = escale_event_format_time (event, escale_itinerary_stop_get_starts_at (stop), "%F");

          if (!g_str_equal (day, stop_day))
            break;
        }

      n_parts = (last - first + max_boxes - 1) / max_boxes;
      for (guint part = 0; part < n_parts; part++)
        {
          guint start = first + part * (last - first) / n_parts;

          g_array_append_val (starts, start);
        }
    }

  for (guint t = 0; t < starts->len; t++)
    {
      guint first = g_array_index (starts, guint, t);
      guint last = t + 1 < starts->len ? g_array_index (starts, guint, t + 1) : n_stops;
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, first);
      gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
      g_autofree char *caption = NULL;

      if (starts->len == 1)
        caption = g_strdup (_("Participants"));
      else
        {
          g_autofree char *first_day = _escale_event_document_format_day (event, starts_at);

          if (last == first + 1)
            /* Translators: a day, then the number of its one roll call */
            caption = g_strdup_printf (_("%s · roll call %u"), first_day, last);
          else
            /* Translators: a day, then the numbers of its first and last roll calls */
            caption = g_strdup_printf (_("%s · roll calls %u to %u"), first_day, first + 1, last);
        }

      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, caption);
      if (t == 0)
        escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE,
                                   _("Tick the box of each person present at each roll call, numbered as above."));
      add_attendance_table (flow, event, holders, stops, first, last, caption);
    }
}

