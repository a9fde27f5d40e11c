/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-cli-private.h"
#include "escale-enums.h"
#include "escale-event-json.h"
#include "escale-event-documents.h"
#include "escale-participant-choices.h"
#include "escale-plan-check.h"

/* escale-cli events: the events and visits of the database, their checks,
 * registrations and roll calls. */

gboolean
escale_cli_parse_id (const char *text,
                     const char *what,
                     gint64     *id,
                     int        *status)
{
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &number, NULL))
    {
      /* Translators: the first %s is “Event”, “Participant”, “Stop” or “Series”, the second what was typed */
      *status = escale_cli_usage_error (NULL, _("%s: “%s” is not an ID; IDs are whole numbers from 1"), what, text);
      return FALSE;
    }

  *id = (gint64) number;
  return TRUE;
}

static EscaleEvent *
load_event (EscaleCli  *cli,
            const char *text,
            int        *status)
{
  g_autoptr(GError) error = NULL;
  EscaleEvent *event;
  gint64 id;

  if (!escale_cli_parse_id (text, _("Event"), &id, status))
    return NULL;

  if (!escale_cli_open (cli, &error))
    {
      *status = escale_cli_fail (error);
      return NULL;
    }

  event = escale_event_repository_load (cli->events, id, &error);
  if (event == NULL)
    *status = escale_cli_fail (error);

  return event;
}

/* "18/20 (3 waiting)" */
char *
escale_cli_describe_fill (const EscaleEventFill *fill)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (fill->capacity >= 0)
    g_string_append_printf (text, "%u/%d", fill->seats_taken, fill->capacity);
  else
    g_string_append_printf (text, "%u", fill->seats_taken);

  if (fill->n_waitlisted > 0)
    /* Translators: people on the waitlist */
    g_string_append_printf (text, ngettext (" (%u waiting)", " (%u waiting)", fill->n_waitlisted), fill->n_waitlisted);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
events_list (EscaleCli  *cli,
             int         argc,
             char      **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Only this kind: information-session, virtual-presentation, "
                                                        "fair or exploratory-visit"), N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only events that end on or after this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only events that start on or before this day"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  EscaleEventQuery query = { .kind = -1 };
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("List the events by start, with how full they are."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (kind_text != NULL && !escale_choice_parse (ESCALE_TYPE_EVENT_KIND, kind_text, &query.kind))
    return escale_cli_usage_error (context, _("--kind: “%s” is not a kind of event; use information-session, "
                                              "virtual-presentation, fair or exploratory-visit"),
                                   kind_text);
  if (from != NULL && !escale_cli_parse_day (from, FALSE, &query.from))
    return escale_cli_usage_error (context, _("--from: write the date as YYYY-MM-DD"));
  if (to != NULL && !escale_cli_parse_day (to, TRUE, &query.to))
    return escale_cli_usage_error (context, _("--to: write the date as YYYY-MM-DD"));

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  events = escale_event_repository_list (cli->events, &query, &error);
  if (events == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (events->len);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < events->len; i++)
        {
          EscaleEvent *event = g_ptr_array_index (events, i);
          EscaleEventFill fill;

          if (!escale_registration_repository_get_fill (cli->registrations, escale_event_get_id (event), &fill, &error))
            return escale_cli_fail (error);
          json_array_add_element (array, escale_event_to_json (event, FALSE, &fill, NULL));
        }
      json_node_set_array (root, array);
      escale_cli_print_json (root);
      return ESCALE_CLI_EXIT_OK;
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    escale_cli_print_cell (line, _("ID"), 6);
    escale_cli_print_cell (line, _("Start"), 17);
    escale_cli_print_cell (line, _("Kind"), 22);
    escale_cli_print_cell (line, _("Status"), 10);
    escale_cli_print_cell (line, _("Seats"), 20);
    g_string_append (line, _("Title"));
    g_print ("%s\n", g_strchomp (line->str));

    for (guint i = 0; i < events->len; i++)
      {
        EscaleEvent *event = g_ptr_array_index (events, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, escale_event_get_id (event));
        g_autofree char *start = escale_event_format_time (event, escale_event_get_starts_at (event), "%Y-%m-%d %H:%M");
        g_autofree char *seats = NULL;
        EscaleEventFill fill;

        if (!escale_registration_repository_get_fill (cli->registrations, escale_event_get_id (event), &fill, &error))
          return escale_cli_fail (error);
        seats = escale_cli_describe_fill (&fill);

        g_string_truncate (line, 0);
        escale_cli_print_cell (line, id, 6);
        escale_cli_print_cell (line, start, 17);
        escale_cli_print_cell (line, escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)), 22);
        escale_cli_print_cell (line, escale_choice_get_label (ESCALE_TYPE_EVENT_STATUS, escale_event_get_status (event)), 10);
        escale_cli_print_cell (line, seats, 20);
        g_string_append (line, escale_event_get_title (event));
        g_print ("%s\n", g_strchomp (line->str));
      }
  }

  return ESCALE_CLI_EXIT_OK;
}

/* The options of show and check: the day late tasks are counted from, and
 * the road speed of the travel times. */
typedef struct
{
  char   *today;
  double  road_speed;
  gboolean json;
} CheckOptions;

static void
check_options_clear (CheckOptions *options)
{
  g_clear_pointer (&options->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckOptions, check_options_clear)

static GPtrArray *
check_event (EscaleCli        *cli,
             EscaleEvent      *event,
             const char       *today,
             double            road_speed,
             EscaleEventFill  *fill,
             GError          **error)
{
  EscalePlanContext context = { .today = today, .road_speed_kmh = road_speed };

  if (!escale_registration_repository_get_fill (cli->registrations, escale_event_get_id (event), fill, error))
    return NULL;

  context.seats_taken = fill->seats_taken;
  return escale_plan_check (event, &context);
}

static gboolean
parse_check_options (EscaleCli       *cli,
                     GOptionContext  *context,
                     CheckOptions    *options,
                     int             *argc,
                     char          ***argv,
                     int             *status)
{
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &options->today, N_("Count late tasks from this day"), N_("YYYY-MM-DD") },
    { "road-speed", 0, 0, G_OPTION_ARG_DOUBLE, &options->road_speed,
      N_("Average road speed for travel times (default: 70)"), N_("KM/H") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON"), NULL },
    { NULL }
  };
  GDate date;

  if (!escale_cli_parse (cli, context, entries, argc, argv, status))
    return FALSE;
  if (*argc != 2)
    {
      *status = escale_cli_usage_error (context, _("Give exactly one event ID"));
      return FALSE;
    }
  if (options->today != NULL && !escale_calendar_date_parse (options->today, &date))
    {
      *status = escale_cli_usage_error (context, _("--today: write the date as YYYY-MM-DD"));
      return FALSE;
    }
  if (options->road_speed < 0 || options->road_speed > 130)
    {
      *status = escale_cli_usage_error (context, _("--road-speed: use a speed from 1 to 130 km/h"));
      return FALSE;
    }

  return TRUE;
}

static void
print_warnings (GPtrArray *warnings)
{
  if (warnings->len == 0)
    {
      g_print ("%s\n", _("No warnings: the plan holds together."));
      return;
    }

  for (guint i = 0; i < warnings->len; i++)
    g_print ("⚠ %s\n", ((EscalePlanWarning *) g_ptr_array_index (warnings, i))->message);
}

/* @membership: (nullable): where the event stands in its series */
static void
print_event (EscaleEvent           *event,
             const EscaleEventFill *fill,
             const char            *membership,
             const char            *today)
{
  GListModel *stops = escale_event_get_stops (event);
  GListModel *vehicles = escale_event_get_vehicles (event);
  GListModel *tasks = escale_event_get_tasks (event);
  g_autofree char *start = escale_event_format_time (event, escale_event_get_starts_at (event), "%Y-%m-%d %H:%M");
  g_autofree char *end = escale_event_format_time (event, escale_event_get_ends_at (event), "%Y-%m-%d %H:%M");
  g_autofree char *seats = escale_cli_describe_fill (fill);
  const char *texts[][2] = {
    { N_("Region"), escale_event_get_region_code (event) },
    { N_("Place"), escale_event_get_text (event, "place-name") },
    { N_("Address"), escale_event_get_text (event, "address") },
    { N_("Online"), escale_event_get_text (event, "online-url") },
    { N_("Organiser"), escale_event_get_text (event, "organizer") },
    { N_("Presenters"), escale_event_get_text (event, "presenters") },
    { N_("Registration deadline"), escale_event_get_text (event, "registration-deadline") },
  };

  g_print ("%s\n", escale_event_get_title (event));
  if (membership != NULL)
    g_print ("%s\n", membership);
  escale_cli_print_field (_("Kind"), escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)), 24);
  escale_cli_print_field (_("Status"), escale_choice_get_label (ESCALE_TYPE_EVENT_STATUS, escale_event_get_status (event)), 24);
  escale_cli_print_field (_("Start"), start, 24);
  escale_cli_print_field (_("End"), end, 24);
  escale_cli_print_field (_("Time zone"), escale_event_get_tzid (event), 24);
  escale_cli_print_field (_("Seats taken"), seats, 24);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i][1] != NULL)
        escale_cli_print_field (_(texts[i][0]), texts[i][1], 24);
    }

  if (g_list_model_get_n_items (stops) > 0)
    g_print ("\n%s\n", _("Itinerary"));
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autofree char *from = escale_event_format_time (event, escale_itinerary_stop_get_starts_at (stop), "%a %d %H:%M");
      g_autofree char *until = escale_event_format_time (event, escale_itinerary_stop_get_ends_at (stop), "%H:%M");
      const char *place = escale_itinerary_stop_get_place_name (stop);

      g_print ("  %2u. %s–%s  %s", i + 1, from, until, escale_itinerary_stop_get_title (stop));
      g_print (" [%s]", escale_choice_get_label (ESCALE_TYPE_STOP_KIND, escale_itinerary_stop_get_kind (stop)));
      if (place != NULL)
        g_print (", %s", place);
      g_print ("  (%s %" G_GINT64_FORMAT ")\n", _("stop"), escale_itinerary_stop_get_id (stop));
    }

  if (g_list_model_get_n_items (vehicles) > 0)
    g_print ("\n%s\n", _("Transport"));
  for (guint i = 0; i < g_list_model_get_n_items (vehicles); i++)
    {
      g_autoptr(EscaleVehicle) vehicle = g_list_model_get_item (vehicles, i);
      const char *provider = escale_vehicle_get_provider (vehicle);
      const char *driver = escale_vehicle_get_driver (vehicle);

      g_print ("  %s, ", escale_choice_get_label (ESCALE_TYPE_VEHICLE_KIND, escale_vehicle_get_kind (vehicle)));
      g_print (ngettext ("%d seat", "%d seats", escale_vehicle_get_seats (vehicle)), escale_vehicle_get_seats (vehicle));
      if (provider != NULL)
        g_print (", %s", provider);
      if (driver != NULL)
        g_print (", %s", driver);
      g_print ("\n");
    }

  if (g_list_model_get_n_items (tasks) > 0)
    g_print ("\n%s\n", _("Checklist"));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(EscaleLogisticsTask) task = g_list_model_get_item (tasks, i);
      const char *done_on = escale_logistics_task_get_done_on (task);
      const char *due_on = escale_logistics_task_get_due_on (task);

      g_print ("  [%s] %s", done_on != NULL ? "x" : " ", escale_logistics_task_get_title (task));
      if (done_on != NULL)
        g_print (_(", done %s"), done_on);
      else if (due_on != NULL)
        g_print (escale_logistics_task_is_late (task, today) ? _(", late since %s") : _(", due %s"), due_on);
      g_print ("\n");
    }
}

/* show and check: the same options and checks; show prints the whole
 * event around them. */
static int
show_checked_event (EscaleCli  *cli,
                    int         argc,
                    char      **argv,
                    const char *summary,
                    gboolean    whole)
{
  g_auto(CheckOptions) options = { NULL };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(EscaleEvent) event = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  EscaleEventFill fill;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, summary);
  if (!parse_check_options (cli, context, &options, &argc, &argv, &status) ||
      (event = load_event (cli, argv[1], &status)) == NULL)
    return status;

  today = options.today != NULL ? g_strdup (options.today) : escale_calendar_date_today ();
  warnings = check_event (cli, event, today, options.road_speed, &fill, &error);
  if (warnings == NULL)
    return escale_cli_fail (error);

  if (options.json)
    {
      g_autoptr(JsonNode) node = whole ? escale_event_to_json (event, TRUE, &fill, warnings)
                                       : escale_plan_warnings_to_json (warnings);

      escale_cli_print_json (node);
      return ESCALE_CLI_EXIT_OK;
    }

  if (whole)
    {
      g_autofree char *membership = NULL;

      if (!escale_cli_describe_membership (cli, event, &membership, &error))
        return escale_cli_fail (error);
      print_event (event, &fill, membership, today);
      g_print ("\n%s\n", _("Checks"));
    }
  print_warnings (warnings);
  return ESCALE_CLI_EXIT_OK;
}

static int
events_show (EscaleCli  *cli,
             int         argc,
             char      **argv)
{
  return show_checked_event (cli, argc, argv,
                             _("Show an event: its itinerary, transport, checklist, how full it is "
                               "and the warnings about its plan."),
                             TRUE);
}

static int
events_check (EscaleCli  *cli,
              int         argc,
              char      **argv)
{
  return show_checked_event (cli, argc, argv,
                             _("Check an event’s plan: stops that overlap, travel times, seats, "
                               "partners to confirm, lodging, late tasks. Warnings are not errors: "
                               "the exit status is 0."),
                             FALSE);
}

static void
print_promoted (GPtrArray *promoted)
{
  for (guint i = 0; promoted != NULL && i < promoted->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (promoted, i);

      /* Translators: a name, then the participant's ID */
      g_print (_("Promoted from the waitlist: %s (participant %lld)\n"),
               escale_registration_get_participant_name (registration),
               (long long) escale_registration_get_participant_id (registration));
    }
}

static int
events_register (EscaleCli  *cli,
                 int         argc,
                 char      **argv)
{
  int household = 0;
  g_autofree char *justification = NULL;
  GOptionEntry entries[] = {
    { "household", 0, 0, G_OPTION_ARG_INT, &household, N_("Household members who come along and need seats"), N_("N") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, &justification,
      N_("Why someone the event’s rules leave out is registered anyway"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("EVENT PARTICIPANT"));
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  EscaleRegisterOptions options = { 0 };
  gint64 event_id, participant_id;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Register a participant for an event: a seat when there are enough, "
                                           "the waitlist otherwise."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return escale_cli_usage_error (context, _("Give an event ID and a participant ID"));
  if (household < 0 || household > 19)
    return escale_cli_usage_error (context, _("--household: use a number from 0 to 19"));
  if (!escale_cli_parse_id (argv[1], _("Event"), &event_id, &status) ||
      !escale_cli_parse_id (argv[2], _("Participant"), &participant_id, &status))
    return status;

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  options.seats = household + 1;
  options.justification = justification;
  registration = escale_registration_repository_register (cli->registrations, event_id, participant_id, &options, &error);
  if (registration == NULL)
    return escale_cli_fail (error);

  /* Translators: a status such as “Registered”, a name, then a number of seats */
  g_print (ngettext ("%s: %s, %d seat\n", "%s: %s, %d seats\n", escale_registration_get_seats (registration)),
           escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, escale_registration_get_status (registration)),
           escale_registration_get_participant_name (registration), escale_registration_get_seats (registration));
  return ESCALE_CLI_EXIT_OK;
}

static int
events_cancel_registration (EscaleCli  *cli,
                            int         argc,
                            char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("EVENT PARTICIPANT"));
  g_autoptr(GPtrArray) promoted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id, participant_id;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Cancel a registration; the seats it frees go to the waitlist, "
                                           "and who got them is printed."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return escale_cli_usage_error (context, _("Give an event ID and a participant ID"));
  if (!escale_cli_parse_id (argv[1], _("Event"), &event_id, &status) ||
      !escale_cli_parse_id (argv[2], _("Participant"), &participant_id, &status))
    return status;

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  if (!escale_registration_repository_cancel (cli->registrations, event_id, participant_id, &promoted, &error))
    return escale_cli_fail (error);

  g_print ("%s\n", _("Registration cancelled."));
  print_promoted (promoted);
  return ESCALE_CLI_EXIT_OK;
}

static gboolean
parse_id_list (const char  *text,
               GArray      *ids,
               int         *status)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean known = FALSE;
      gint64 id;

      if (*g_strstrip (parts[i]) == '\0')
        continue;

      if (!escale_cli_parse_id (parts[i], _("Participant"), &id, status))
        return FALSE;
      for (guint j = 0; j < ids->len && !known; j++)
        known = g_array_index (ids, gint64, j) == id;
      if (!known)
        g_array_append_val (ids, id);
    }

  return TRUE;
}

static int
events_roll_call (EscaleCli  *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *stop_text = NULL;
  g_autofree char *attended = NULL;
  GOptionEntry entries[] = {
    { "stop", 0, 0, G_OPTION_ARG_STRING, &stop_text, N_("The roll call of this stop of the itinerary"), N_("ID") },
    { "attended", 0, 0, G_OPTION_ARG_STRING, &attended, N_("The participants who are there; the others are absent"),
      N_("ID,ID,…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("EVENT"));
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id, stop_id = 0;
  int status = ESCALE_CLI_EXIT_OK;
  guint n_holders = 0;

  g_option_context_set_summary (context, _("Take the roll call of an event, or of one stop of a visit: who is there "
                                           "among those who hold seats."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one event ID"));
  if (attended == NULL)
    return escale_cli_usage_error (context, _("--attended: list the IDs of the participants who are there "
                                              "(an empty list marks everyone absent)"));
  if (!escale_cli_parse_id (argv[1], _("Event"), &event_id, &status) ||
      (stop_text != NULL && !escale_cli_parse_id (stop_text, _("Stop"), &stop_id, &status)) ||
      !parse_id_list (attended, present, &status))
    return status;

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  if (!escale_registration_repository_take_roll_call (cli->registrations, event_id, stop_id,
                                                      (const gint64 *) present->data, present->len, &error))
    return escale_cli_fail (error);

  holders = escale_registration_repository_list (cli->registrations, event_id, &error);
  if (holders == NULL)
    return escale_cli_fail (error);
  for (guint i = 0; i < holders->len; i++)
    n_holders += escale_registration_holds_seats (g_ptr_array_index (holders, i));

  /* Translators: how many are there, then how many are not */
  g_print (_("Present: %u, absent: %u\n"), present->len, n_holders - present->len);
  return ESCALE_CLI_EXIT_OK;
}

static int
events_print (EscaleCli  *cli,
              int         argc,
              char      **argv)
{
  g_autofree char *document_nick = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING, &document_nick,
      N_("What to print: sheet, manifest, attendance or partners"), N_("DOCUMENT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to this file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(EscaleEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = escale_calendar_date_today ();
  g_auto(EscaleEventDocumentData) data = { NULL };
  EscaleEventDocument document;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Print a document of an event to a PDF (US Letter): the information "
                                           "sheet for participants, the bus manifest, the attendance sheet or the "
                                           "partners’ confirmations with the checklist."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one event ID"));
  if (document_nick == NULL)
    return escale_cli_usage_error (context, _("--document: say what to print: sheet, manifest, attendance or partners"));
  if (!escale_event_document_from_nick (document_nick, &document))
    return escale_cli_usage_error (context, _("--document: “%s” is not a document; use sheet, manifest, attendance "
                                              "or partners"), document_nick);
  if (output == NULL)
    return escale_cli_usage_error (context, _("Say where to write the PDF with -o FILE"));
  if ((event = load_event (cli, argv[1], &status)) == NULL)
    return status;

  if (!escale_event_document_data_gather (&data, event, cli->registrations, cli->participants, cli->partners,
                                          &error))
    return escale_cli_fail (error);
  data.today = today;
  if (!escale_event_document_write_pdf (document, &data, output, &error))
    return escale_cli_fail (error);

  /* Translators: a document such as “Bus manifest”, then the file it was written to */
  g_printerr (_("%s written to %s\n"), escale_event_document_get_title (document), output);
  return ESCALE_CLI_EXIT_OK;
}

static const EscaleCliSubcommand subcommands[] = {
  { "list", events_list, N_("List the events, with how full they are") },
  { "show", events_show, N_("Show an event with its itinerary, transport, checklist and checks") },
  { "check", events_check, N_("Check an event’s plan and print the warnings") },
  { "register", events_register, N_("Register a participant for an event") },
  { "cancel-registration", events_cancel_registration, N_("Cancel a registration and promote from the waitlist") },
  { "roll-call", events_roll_call, N_("Take the roll call of an event or of a stop") },
  { "print", events_print, N_("Print an event’s information sheet, manifest, attendance sheet or partners to a PDF") },
  { "series", escale_cli_events_series, N_("Show a series of sessions: its rule and each session") },
  { "series-exclude", escale_cli_events_series_exclude, N_("Remove one session from its series") },
};

int
escale_cli_events (EscaleCli  *cli,
                   int         argc,
                   char      **argv)
{
  return escale_cli_dispatch (cli, "events", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
