/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>

#include "escale-cli-private.h"
#include "escale-ical-file.h"

/* escale-cli ics: iCalendar files of events and itineraries, for calendar
 * applications and invitations. */

static gboolean
parse_method (const char       *text,
              EscaleIcalMethod *method)
{
  static const char * const names[] = {
    [ESCALE_ICAL_METHOD_PUBLISH] = "publish",
    [ESCALE_ICAL_METHOD_REQUEST] = "request",
    [ESCALE_ICAL_METHOD_CANCEL] = "cancel",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i]) == 0)
        {
          *method = (EscaleIcalMethod) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Reads which calendar to write from the options, or says which is wrong. */
static gboolean
select_calendar (GOptionContext *context,
                 const char     *event,
                 const char     *visit,
                 const char     *series,
                 const char     *participant,
                 const char     *partner,
                 const char     *from,
                 const char     *to,
                 EscaleIcalSelection *selection,
                 int            *status)
{
  guint n_forms = (event != NULL) + (visit != NULL) + (series != NULL) + (participant != NULL) + (partner != NULL) + (from != NULL || to != NULL);

  if (n_forms != 1)
    {
      *status = escale_cli_usage_error (context, n_forms == 0 ? _("Say what to export: --event ID, --visit ID, --series ID, --participant ID, --partner ID "
                                                                "or --from DATE --to DATE")
                                                              : _("Export one thing at a time: --event, --visit, --series, --participant, "
                                                                  "--partner or --from and --to"));
      return FALSE;
    }

  if (event != NULL)
    {
      selection->scope = ESCALE_ICAL_SCOPE_EVENT;
      return escale_cli_parse_id (event, "--event", &selection->id, status);
    }
  if (visit != NULL)
    {
      selection->scope = ESCALE_ICAL_SCOPE_VISIT;
      return escale_cli_parse_id (visit, "--visit", &selection->id, status);
    }
  if (series != NULL)
    {
      selection->scope = ESCALE_ICAL_SCOPE_SERIES;
      return escale_cli_parse_id (series, "--series", &selection->id, status);
    }
  if (participant != NULL)
    {
      selection->scope = ESCALE_ICAL_SCOPE_PARTICIPANT;
      return escale_cli_parse_id (participant, "--participant", &selection->id, status);
    }
  if (partner != NULL)
    {
      selection->scope = ESCALE_ICAL_SCOPE_PARTNER;
      return escale_cli_parse_id (partner, "--partner", &selection->id, status);
    }

  selection->scope = ESCALE_ICAL_SCOPE_RANGE;
  if (from == NULL || to == NULL)
    {
      *status = escale_cli_usage_error (context, from == NULL ? _("--to: give --from DATE too") : _("--from: give --to DATE too"));
      return FALSE;
    }
  if (!escale_cli_parse_day (from, FALSE, &selection->from))
    {
      *status = escale_cli_usage_error (context, _("--from: write the date as YYYY-MM-DD"));
      return FALSE;
    }
  if (!escale_cli_parse_day (to, TRUE, &selection->to))
    {
      *status = escale_cli_usage_error (context, _("--to: write the date as YYYY-MM-DD"));
      return FALSE;
    }
  if (selection->to < selection->from)
    {
      *status = escale_cli_usage_error (context, _("--to: the last day comes before --from"));
      return FALSE;
    }

  return TRUE;
}

/* An unknown participant would otherwise get an empty calendar. */
static gboolean
participant_exists (EscaleCli  *cli,
                    gint64      id,
                    GError    **error)
{
  g_autoptr(EscaleParticipant) participant = escale_participant_repository_load (cli->participants, id, error);

  return participant != NULL;
}

static int
ics_export (EscaleCli  *cli,
            int         argc,
            char      **argv)
{
  g_autofree char *event = NULL;
  g_autofree char *visit = NULL;
  g_autofree char *series = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *method_name = NULL;
  g_autofree char *output = NULL;
  gboolean attendees = FALSE;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("Export this event"), N_("ID") },
    { "visit", 0, 0, G_OPTION_ARG_STRING, &visit, N_("Export this visit’s itinerary: the whole trip and each stop"), N_("ID") },
    { "series", 0, 0, G_OPTION_ARG_STRING, &series,
      N_("Export a series of sessions as one repeating entry, with its moved and cancelled sessions"), N_("ID") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, &participant,
      N_("Export a participant’s own calendar: what they hold a seat for, wait for or withdrew from"), N_("ID") },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner,
      N_("Export a partner’s calendar: the events it hosts or presents at, and the visits that stop there"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Export every event that ends on or after this day (with --to)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("… and starts on or before this day"), N_("YYYY-MM-DD") },
    { "attendees", 0, 0, G_OPTION_ARG_NONE, &attendees, N_("List the registered participants who have an email address as attendees"), NULL },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_name, N_("publish (default), request for an invitation, cancel to withdraw"), N_("METHOD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(EscaleIcalExport) export = NULL;
  g_autoptr(GError) error = NULL;
  EscaleIcalMethod method = ESCALE_ICAL_METHOD_PUBLISH;
  EscaleIcalSelection selection = { 0, };
  EscaleIcalSources sources = { 0, };
  int status = ESCALE_CLI_EXIT_OK;
  gboolean written;

  g_option_context_set_summary (context, _("Export an event, a visit’s itinerary, a series of sessions, a participant’s or a "
                                           "partner’s calendar, or every event between two days as an iCalendar (.ics) file, in each event’s own time zone.\n\n"
                                           "Participants’ names and addresses are included only with --attendees. "
                                           "A participant’s calendar shows a waitlisted place as tentative and a withdrawal as "
                                           "cancelled; a partner’s shows a visit as a whole and only its stops at that partner."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (!select_calendar (context, event, visit, series, participant, partner, from, to, &selection, &status))
    return status;
  if (attendees && selection.scope == ESCALE_ICAL_SCOPE_PARTICIPANT)
    return escale_cli_usage_error (context, _("--attendees: a participant’s calendar never lists the other participants"));
  if (attendees && selection.scope == ESCALE_ICAL_SCOPE_SERIES)
    return escale_cli_usage_error (context, _("--attendees: people register for one session, not for a whole series"));
  if (attendees && selection.scope == ESCALE_ICAL_SCOPE_PARTNER)
    return escale_cli_usage_error (context, _("--attendees: a partner’s calendar never lists participants"));
  if (method_name != NULL && !parse_method (method_name, &method))
    return escale_cli_usage_error (context, _("--method: “%s” is not a method; use publish, request or cancel"), method_name);
  if (output != NULL && *output == '\0')
    return escale_cli_usage_error (context, _("--output: give the path of a file"));

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);
  if (selection.scope == ESCALE_ICAL_SCOPE_PARTICIPANT && !participant_exists (cli, selection.id, &error))
    return escale_cli_fail (error);
  if (selection.scope == ESCALE_ICAL_SCOPE_PARTNER && escale_partner_repository_find (cli->partners, selection.id) == NULL)
    {
      g_set_error (&error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("--partner: no partner has the ID %s"), partner);
      return escale_cli_fail (error);
    }

  /* A range of any size is streamed: its memory should not grow with
   * the database either. */
  if (selection.scope == ESCALE_ICAL_SCOPE_RANGE && !escale_database_limit_memory (cli->database, &error))
    return escale_cli_fail (error);
  export = escale_ical_export_new (cli->events);
  escale_ical_export_set_method (export, method);
  if (attendees)
    escale_ical_export_set_attendees (export, cli->registrations, cli->participants);
  sources.export = export;
  sources.series = cli->series;
  sources.registrations = cli->registrations;

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
      g_autoptr(GOutputStream) stream = g_buffered_output_stream_new_sized (out, 64 * 1024);

      written = escale_ical_selection_write (&selection, &sources, stream, NULL, &error) &&
                g_output_stream_close (stream, NULL, &error);
    }
  else
    {
      written = escale_ical_selection_write_file (&selection, &sources, output, NULL, &error);
    }

  g_clear_object (&export);
  escale_ical_export_release_zones ();

  return written ? ESCALE_CLI_EXIT_OK : escale_cli_fail (error);
}

static const EscaleCliSubcommand subcommands[] = {
  { "export", ics_export, N_("Export an event, a visit’s itinerary, a series, a participant’s or a partner’s calendar, or a date range as iCalendar") },
  { "import", escale_cli_ics_import, N_("Import a partner’s agenda from an .ics file") },
  { "refresh", escale_cli_ics_refresh, N_("Import a partner’s agenda again from the file it came from") },
  { "agenda", escale_cli_ics_agenda, N_("List what a partner’s imported agenda holds") },
  { "feed", escale_cli_ics_feed, N_("Publish calendars in a feed folder that people subscribe to") },
};

int
escale_cli_ics (EscaleCli  *cli,
                int         argc,
                char      **argv)
{
  return escale_cli_dispatch (cli, "ics", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
