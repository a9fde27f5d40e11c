/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-event-documents-private.h"
#include "escale-participant-choices.h"

/* The documents of an event's programme: the information sheet that
 * participants take home, and the partners' confirmations with the
 * checklist that the counsellor follows. Neither names a participant. */

/* The information sheet */

static EscaleItineraryStop *
find_stop (EscaleEvent    *event,
           EscaleStopKind  kind,
           gboolean        last)
{
  GListModel *stops = escale_event_get_stops (event);
  guint n_stops = g_list_model_get_n_items (stops);

  for (guint i = 0; i < n_stops; i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, last ? n_stops - 1 - i : i);

      if (escale_itinerary_stop_get_kind (stop) == kind)
        return g_steal_pointer (&stop);
    }

  return NULL;
}

/* "Thursday, December 3, 2026 at 06:30\nMétro Berri-UQAM\n1500, rue Berri",
 * from the stop that departs or returns, else from the first vehicle. */
static char *
describe_point (EscaleEvent *event,
                gboolean     returning)
{
  g_autoptr(EscaleItineraryStop) stop = find_stop (event, returning ? ESCALE_STOP_KIND_RETURN : ESCALE_STOP_KIND_DEPARTURE,
                                                   returning);
  g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (escale_event_get_vehicles (event), 0);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 instant = 0;
  const char *lines[2] = { NULL, NULL };

  if (stop != NULL)
    {
      instant = returning && escale_itinerary_stop_get_ends_at (stop) > 0 ? escale_itinerary_stop_get_ends_at (stop)
                                                                            : escale_itinerary_stop_get_starts_at (stop);
      lines[0] = escale_itinerary_stop_get_place_name (stop);
      lines[1] = escale_itinerary_stop_get_address (stop);
    }
  else if (vehicle != NULL)
    {
      instant = returning ? escale_vehicle_get_returns_at (vehicle) : escale_vehicle_get_departs_at (vehicle);
      lines[0] = returning ? escale_vehicle_get_return_place (vehicle) : escale_vehicle_get_departure_place (vehicle);
    }

  if (instant > 0)
    {
      g_autofree char *moment = _escale_event_document_format_moment (event, instant);

      g_string_append (text, moment);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (lines[i] != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", lines[i]);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
describe_place (EscaleEvent *event)
{
  const char *name = escale_event_get_text (event, "place-name");
  const char *address = escale_event_get_text (event, "address");

  if (name != NULL && address != NULL)
    return g_strdup_printf ("%s\n%s", name, address);
  return g_strdup (name != NULL ? name : address);
}

static char *
describe_transport (EscaleEvent *event)
{
  GListModel *vehicles = escale_event_get_vehicles (event);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (vehicles); i++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, i);
      const char *provider = escale_vehicle_get_provider (vehicle);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, escale_choice_get_label (ESCALE_TYPE_VEHICLE_KIND, escale_vehicle_get_kind (vehicle)));
      if (provider != NULL)
        g_string_append_printf (text, " (%s)", provider);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
add_itinerary (EscalePageFlow *flow,
               EscaleEvent    *event)
{
  GListModel *stops = escale_event_get_stops (event);
  double width = escale_page_flow_get_width (flow);
  const EscalePageColumn columns[] = {
    { _("Time"), 78, ESCALE_PAGE_CELL_TEXT },
    { _("Activity"), 0, ESCALE_PAGE_CELL_DETAILED },
    { _("Place"), (width - 78) * 0.45, ESCALE_PAGE_CELL_DETAILED },
  };
  g_autofree char *day = NULL;

  if (g_list_model_get_n_items (stops) == 0)
    return;

  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Itinerary"));
  _escale_event_document_add_zone_note (flow, event);
  escale_page_flow_begin_table (flow, columns, G_N_ELEMENTS (columns), _("Itinerary"), 0);
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
      g_autofree char *stop_day = _escale_event_document_format_day (event, starts_at);
      gint64 ends_at = escale_itinerary_stop_get_ends_at (stop);
      g_autofree char *times = _escale_event_document_format_times (event, starts_at, ends_at);
      g_autofree char *activity = g_strdup_printf ("%s\n%s", escale_itinerary_stop_get_title (stop),
                                                   escale_choice_get_label (ESCALE_TYPE_STOP_KIND,
                                                                            escale_itinerary_stop_get_kind (stop)));
      g_autofree char *place = NULL;
      const char *name = escale_itinerary_stop_get_place_name (stop);
      const char *address = escale_itinerary_stop_get_address (stop);

      if (g_strcmp0 (day, stop_day) != 0)
        {
          escale_page_flow_add_group (flow, stop_day);
          g_free (day);
          day = g_steal_pointer (&stop_day);
        }

      place = name != NULL && address != NULL ? g_strdup_printf ("%s\n%s", name, address)
                                              : g_strdup (name != NULL ? name : address != NULL ? address : "");
      escale_page_flow_add_row (flow, (const char *const[]) { times, activity, place });
    }
  escale_page_flow_end_table (flow);
}

void
_escale_event_document_add_sheet (EscalePageFlow                *flow,
                                  const EscaleEventDocumentData *data)
{
  EscaleEvent *event = data->event;
  g_autofree char *meeting = describe_point (event, FALSE);
  g_autofree char *back = describe_point (event, TRUE);
  g_autofree char *place = describe_place (event);
  g_autofree char *transport = describe_transport (event);
  g_autofree char *deadline = NULL;
  const char *materials = escale_event_get_text (event, "materials");
  const char *description = escale_event_get_text (event, "description");

  _escale_event_document_add_title (flow, event,
                                    escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)));

  if (escale_event_get_text (event, "registration-deadline") != NULL)
    deadline = _escale_event_document_format_iso_date (escale_event_get_text (event, "registration-deadline"));

  escale_page_flow_add_field (flow, _("Meeting point"), meeting);
  escale_page_flow_add_field (flow, _("Return"), back);
  escale_page_flow_add_field (flow, _("Place"), place);
  escale_page_flow_add_field (flow, _("Online"), escale_event_get_text (event, "online-url"));
  escale_page_flow_add_field (flow, _("Transport"), transport);
  escale_page_flow_add_field (flow, _("Presenters"), escale_event_get_text (event, "presenters"));
  escale_page_flow_add_field (flow, _("Register by"), deadline);
  escale_page_flow_add_field (flow, _("Your contact"), escale_event_get_text (event, "organizer"));

  if (description != NULL)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("About"));
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_BODY, description);
    }

  add_itinerary (flow, event);

  if (materials != NULL)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("What to bring"));
      escale_page_flow_add_bullets (flow, materials);
    }
}


/* The partners' confirmations and the checklist */

static gboolean
has_stop_with (GListModel *stops,
               gint64      organization_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      if (escale_itinerary_stop_get_organization_id (stop) == organization_id)
        return TRUE;
    }

  return FALSE;
}

static void
add_partner_stops (EscalePageFlow                *flow,
                   const EscaleEventDocumentData *data)
{
  EscaleEvent *event = data->event;
  GListModel *stops = escale_event_get_stops (event);
  const EscalePageColumn columns[] = {
    { _("When"), 78, ESCALE_PAGE_CELL_DETAILED },
    { _("Stop"), 0, ESCALE_PAGE_CELL_DETAILED },
    { _("Place"), 0, ESCALE_PAGE_CELL_TEXT },
    { _("Partner"), 0, ESCALE_PAGE_CELL_TEXT },
    { _("Confirmation"), 70, ESCALE_PAGE_CELL_TEXT },
  };
  guint n_partners = 0, n_confirmed = 0;
  g_autofree char *summary = NULL;

  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Stops with a partner"));
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      if (escale_itinerary_stop_get_organization_id (stop) == 0)
        continue;
      n_partners++;
      n_confirmed += escale_itinerary_stop_get_partner_confirmed (stop) ? 1 : 0;
    }

  if (n_partners == 0)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_BODY, _("No stop of the itinerary has a partner."));
      return;
    }

  /* Translators: how many stops with a partner are confirmed, then how many there are */
  summary = g_strdup_printf (ngettext ("%u of %u stop confirmed", "%u of %u stops confirmed", n_partners),
                             n_confirmed, n_partners);
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE, summary);
  _escale_event_document_add_zone_note (flow, event);

  escale_page_flow_begin_table (flow, columns, G_N_ELEMENTS (columns), _("Stops with a partner"), 0);
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      gint64 organization_id = escale_itinerary_stop_get_organization_id (stop);
      gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);
      g_autofree char *day = NULL;
      g_autofree char *times = NULL;
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autofree char *partner = NULL;
      const char *place = escale_itinerary_stop_get_place_name (stop);
      const char *kind = escale_choice_get_label (ESCALE_TYPE_STOP_KIND, escale_itinerary_stop_get_kind (stop));

      if (organization_id == 0)
        continue;

      day = _escale_event_document_format_short_day (event, starts_at);
      times = _escale_event_document_format_times (event, starts_at, escale_itinerary_stop_get_ends_at (stop));
      when = g_strdup_printf ("%s\n%s", day, times);
      what = g_strdup_printf ("%s\n%s", escale_itinerary_stop_get_title (stop), kind);
      partner = _escale_event_document_dup_partner_name (data, organization_id);
      escale_page_flow_add_row (flow, (const char *const[]) {
        when, what, place != NULL ? place : "", partner,
        escale_itinerary_stop_get_partner_confirmed (stop) ? C_("partner", "Confirmed") : C_("partner", "To confirm")
      });
    }
  escale_page_flow_end_table (flow);
}

/* Partners of a fair or a session take part without a stop of their own. */
static void
add_other_partners (EscalePageFlow                *flow,
                    const EscaleEventDocumentData *data)
{
  GListModel *stops = escale_event_get_stops (data->event);
  g_autoptr(GString) names = g_string_new (NULL);
  const gint64 *ids;
  guint n_ids;

  ids = escale_event_get_partner_ids (data->event, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *name = NULL;

      if (has_stop_with (stops, ids[i]))
        continue;
      name = _escale_event_document_dup_partner_name (data, ids[i]);
      g_string_append_printf (names, "%s\n", name);
    }

  if (names->len == 0)
    return;

  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Other partners of the event"));
  escale_page_flow_add_bullets (flow, names->str);
}

static void
add_checklist (EscalePageFlow                *flow,
               const EscaleEventDocumentData *data,
               const char                    *today)
{
  GListModel *tasks = escale_event_get_tasks (data->event);
  guint n_tasks = g_list_model_get_n_items (tasks);
  const EscalePageColumn columns[] = {
    { _("Task"), 0, ESCALE_PAGE_CELL_TEXT },
    { _("Due"), 112, ESCALE_PAGE_CELL_TEXT },
    { _("Status"), 150, ESCALE_PAGE_CELL_TEXT },
  };
  guint n_done = 0, n_late = 0;
  g_autofree char *summary = NULL;

  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("Checklist"));
  if (n_tasks == 0)
    {
      escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_BODY, _("The checklist is empty."));
      return;
    }

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (tasks, i);

      n_done += escale_logistics_task_get_done_on (task) != NULL;
      n_late += escale_logistics_task_is_late (task, today);
    }
  /* Translators: how many tasks are done, late and still to do */
  summary = g_strdup_printf (_("Done: %u · late: %u · to do: %u"), n_done, n_late, n_tasks - n_done - n_late);
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE, summary);

  escale_page_flow_begin_table (flow, columns, G_N_ELEMENTS (columns), _("Checklist"), 0);
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (tasks, i);
      const char *due_on = escale_logistics_task_get_due_on (task);
      const char *done_on = escale_logistics_task_get_done_on (task);
      const char *confirmed_by = escale_logistics_task_get_confirmed_by (task);
      g_autofree char *due = due_on != NULL ? _escale_event_document_format_iso_date (due_on) : g_strdup ("");
      g_autofree char *status = NULL;

      if (done_on != NULL)
        {
          g_autofree char *day = _escale_event_document_format_iso_date (done_on);

          /* Translators: a task of the checklist done on a day, and who confirmed it */
          status = confirmed_by != NULL ? g_strdup_printf (_("Done on %s (%s)"), day, confirmed_by)
                                        : g_strdup_printf (_("Done on %s"), day);
        }
      else if (escale_logistics_task_is_late (task, today))
        status = g_strdup (_("Late"));
      else
        status = g_strdup (_("To do"));

      escale_page_flow_add_row (flow, (const char *const[]) { escale_logistics_task_get_title (task), due, status });
    }
  escale_page_flow_end_table (flow);
}

void
_escale_event_document_add_partners (EscalePageFlow                *flow,
                                     const EscaleEventDocumentData *data,
                                     const char                    *today)
{
  _escale_event_document_add_title (flow, data->event, _("Partner confirmations"));
  escale_page_flow_add_field (flow, _("Your contact"), escale_event_get_text (data->event, "organizer"));
  add_partner_stops (flow, data);
  add_other_partners (flow, data);
  add_checklist (flow, data, today);
}

