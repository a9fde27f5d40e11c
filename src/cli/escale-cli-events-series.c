/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-cli-private.h"
#include "escale-enums.h"
#include "escale-event-json.h"

/* escale-cli events series and series-exclude: a series of information
 * sessions, its rule in words and its sessions, and one session taken
 * out of it. */

static EscaleEventSeries *
load_series (EscaleCli  *cli,
             const char *text,
             int        *status)
{
  g_autoptr(GError) error = NULL;
  EscaleEventSeries *series;
  gint64 id;

  if (!escale_cli_parse_id (text, _("Series"), &id, status))
    return NULL;

  if (!escale_cli_open (cli, &error))
    {
      *status = escale_cli_fail (error);
      return NULL;
    }

  series = escale_event_series_repository_load (cli->series, id, &error);
  if (series == NULL)
    *status = escale_cli_fail (error);

  return series;
}

/* The description follows a colon: "every week on Tuesday…". */
static char *
lower_first (const char *text)
{
  const char *rest = g_utf8_next_char (text);
  g_autofree char *first = g_utf8_strdown (text, rest - text);

  return g_strconcat (first, rest, NULL);
}

/**
 * escale_cli_describe_membership:
 * @membership: (out) (transfer full): %NULL for an event of its own
 *
 * For `events show`: "Part of a series: every week on Tuesday until …
 * (series 3)", and the date the series gave the session when it moved.
 */
gboolean
escale_cli_describe_membership (EscaleCli    *cli,
                                EscaleEvent  *event,
                                char        **membership,
                                GError      **error)
{
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autofree char *description = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *moved = NULL;
  GString *text;

  *membership = NULL;
  if (escale_event_get_series_id (event) == 0)
    return TRUE;

  series = escale_event_series_repository_load (cli->series, escale_event_get_series_id (event), error);
  if (series == NULL)
    return FALSE;

  description = escale_event_series_describe (series);
  rule = lower_first (description);
  text = g_string_new (NULL);
  /* Translators: the rule of the series in words (“every week on Tuesday until December 15, 2026”), then its ID */
  g_string_printf (text, _("Part of a series: %s (series %lld)"), rule, (long long) escale_event_series_get_id (series));

  moved = escale_event_series_describe_move (event);
  if (moved != NULL)
    g_string_append_printf (text, "\n%s", moved);

  *membership = g_string_free (text, FALSE);
  return TRUE;
}

static void
print_series (EscaleEventSeries     *series,
              GPtrArray             *occurrences,
              const EscaleEventFill *fills)
{
  g_autofree char *description = escale_event_series_describe (series);
  g_auto(GStrv) excluded = escale_event_series_dup_excluded_on (series);
  g_autoptr(GString) line = g_string_new (NULL);

  g_print ("%s\n", description);
  g_print (ngettext ("Series %lld: %u session\n", "Series %lld: %u sessions\n", occurrences->len),
           (long long) escale_event_series_get_id (series), occurrences->len);
  if (excluded[0] != NULL)
    {
      g_autofree char *dates = g_strjoinv (", ", excluded);

      /* Translators: dates taken out of a series, such as “2026-12-29, 2027-01-05” */
      g_print (_("Removed: %s\n"), dates);
    }

  escale_cli_print_cell (line, _("Date"), 10);
  escale_cli_print_cell (line, _("ID"), 6);
  escale_cli_print_cell (line, _("Start"), 17);
  escale_cli_print_cell (line, _("Status"), 10);
  escale_cli_print_cell (line, _("Seats"), 20);
  g_string_append (line, _("Title"));
  g_print ("\n%s\n", g_strchomp (line->str));

  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (occurrences, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, escale_event_get_id (event));
      g_autofree char *start = escale_event_format_time (event, escale_event_get_starts_at (event), "%Y-%m-%d %H:%M");
      g_autofree char *seats = escale_cli_describe_fill (&fills[i]);

      g_string_truncate (line, 0);
      escale_cli_print_cell (line, escale_event_get_series_date (event), 10);
      escale_cli_print_cell (line, id, 6);
      escale_cli_print_cell (line, start, 17);
      escale_cli_print_cell (line, escale_choice_get_label (ESCALE_TYPE_EVENT_STATUS, escale_event_get_status (event)), 10);
      escale_cli_print_cell (line, seats, 20);
      g_string_append (line, escale_event_get_title (event));
      g_print ("%s\n", g_strchomp (line->str));
    }
}

int
escale_cli_events_series (EscaleCli  *cli,
                          int         argc,
                          char      **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GArray) fills = g_array_new (FALSE, TRUE, sizeof (EscaleEventFill));
  g_autoptr(GError) error = NULL;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Show a series of sessions: its rule in words, and each session with "
                                           "the date the series gave it, its status and how full it is. The "
                                           "series’ ID is the series_id of its sessions."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one series ID"));
  if ((series = load_series (cli, argv[1], &status)) == NULL)
    return status;

  occurrences = escale_event_series_repository_list_occurrences (cli->series, escale_event_series_get_id (series),
                                                                 &error);
  if (occurrences == NULL)
    return escale_cli_fail (error);

  g_array_set_size (fills, occurrences->len);
  for (guint i = 0; i < occurrences->len; i++)
    {
      if (!escale_registration_repository_get_fill (cli->registrations,
                                                    escale_event_get_id (g_ptr_array_index (occurrences, i)),
                                                    &g_array_index (fills, EscaleEventFill, i), &error))
        return escale_cli_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) node = escale_event_series_to_json (series, occurrences,
                                                              (const EscaleEventFill *) fills->data);

      escale_cli_print_json (node);
      return ESCALE_CLI_EXIT_OK;
    }

  print_series (series, occurrences, (const EscaleEventFill *) fills->data);
  return ESCALE_CLI_EXIT_OK;
}

/* The session of @date, and how many people hold a place in it or wait
 * for one: those the counsellor has to tell. */
static gboolean
find_session (EscaleCli          *cli,
              EscaleEventSeries  *series,
              const char         *date,
              gint64             *event_id,
              guint              *n_people,
              GError            **error)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  EscaleEventFill fill;

  *event_id = 0;
  *n_people = 0;
  occurrences = escale_event_series_repository_list_occurrences (cli->series, escale_event_series_get_id (series),
                                                                 error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len && *event_id == 0; i++)
    {
      EscaleEvent *event = g_ptr_array_index (occurrences, i);

      if (g_strcmp0 (escale_event_get_series_date (event), date) == 0)
        *event_id = escale_event_get_id (event);
    }

  if (*event_id == 0)
    return TRUE;
  if (!escale_registration_repository_get_fill (cli->registrations, *event_id, &fill, error))
    return FALSE;

  *n_people = fill.n_holding + fill.n_waitlisted;
  return TRUE;
}

int
escale_cli_events_series_exclude (EscaleCli  *cli,
                                  int         argc,
                                  char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SERIES DATE"));
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  EscaleOccurrenceRemoval removal;
  int status = ESCALE_CLI_EXIT_OK;
  gint64 event_id;
  guint n_people;
  GDate day;

  g_option_context_set_summary (context, _("Remove one session from its series, such as the week of the holidays: "
                                           "deleted when nobody registered, cancelled with its registrations kept "
                                           "otherwise. DATE is the date the series gave the session, even if it "
                                           "was moved; extending the series does not bring it back."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return escale_cli_usage_error (context, _("Give a series ID and the date of the session"));
  if (!escale_calendar_date_parse (argv[2], &day))
    return escale_cli_usage_error (context, _("DATE: write the date as YYYY-MM-DD"));
  if ((series = load_series (cli, argv[1], &status)) == NULL)
    return status;

  if (!find_session (cli, series, argv[2], &event_id, &n_people, &error) ||
      !escale_event_series_repository_remove_occurrence (cli->series, series, argv[2], &removal, &error))
    return escale_cli_fail (error);

  if (removal == ESCALE_OCCURRENCE_DELETED)
    {
      /* Translators: a date, then an event ID */
      g_print (_("Deleted the session of %s (event %lld): nobody had registered.\n"), argv[2], (long long) event_id);
      return ESCALE_CLI_EXIT_OK;
    }

  /* Translators: a date, then an event ID */
  g_print (_("Cancelled the session of %s (event %lld); its registrations are kept.\n"), argv[2], (long long) event_id);
  if (n_people > 0)
    g_print (ngettext ("%u person held a place or waited for one: let them know.\n",
                       "%u people held a place or waited for one: let them know.\n", n_people),
             n_people);
  return ESCALE_CLI_EXIT_OK;
}
