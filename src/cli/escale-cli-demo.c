/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-cli-private.h"
#include "escale-calendar-date.h"
#include "escale-demo.h"

int
escale_cli_demo (EscaleCli  *cli,
                 int         argc,
                 char      **argv)
{
  int seed = 1;
  int scale = 1;
  int extra_events = 0;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The random seed; the same seed gives the same data (default 1)"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, N_("Multiply the volumes: 100 partners, 1,000 participants and 34 events per unit (default 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Build the data around this day instead of today"), N_("YYYY-MM-DD") },
    { "events", 0, 0, G_OPTION_ARG_INT, &extra_events,
      N_("Add this many sessions, fairs and visits with their stops, without registrations, for measurements"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  EscaleDemoCounts counts;
  int status = ESCALE_CLI_EXIT_OK;
  GDate today;

  g_option_context_set_summary (context,
                                _("Fill an empty database with realistic, fictitious demonstration data."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (seed < 0)
    return escale_cli_usage_error (context, _("--seed: use a number from 0"));
  if (scale < 1 || scale > 1000)
    return escale_cli_usage_error (context, _("--scale: use a number from 1 to 1000"));
  if (extra_events < 0 || extra_events > 1000000)
    return escale_cli_usage_error (context, _("--events: use a number from 0 to 1000000"));

  if (today_text == NULL)
    today_text = escale_calendar_date_today ();
  if (!escale_calendar_date_parse (today_text, &today))
    return escale_cli_usage_error (context, _("--today: “%s” is not a date written YYYY-MM-DD"), today_text);

  /* Participants and events are checked first: escale_demo_generate()
   * refuses a database with partners before writing anything, but one with
   * only participants or events would otherwise get its partners before
   * the refusal. Events come last: people register for them. */
  if (!escale_cli_open (cli, &error) ||
      !escale_demo_check_participants_empty (cli->participants, &error) ||
      !escale_demo_check_events_empty (cli->events, &error) ||
      !escale_demo_generate (cli->partners, (guint32) seed, (guint) scale, &today, &counts, &error) ||
      !escale_demo_generate_participants (cli->participants, (guint32) seed, (guint) scale, &today, &counts, &error) ||
      !escale_demo_generate_events (cli->events, cli->registrations, cli->partners, cli->participants,
                                    (guint32) seed, (guint) scale, &today, &counts, &error) ||
      !escale_demo_generate_extra_events (cli->events, (guint32) seed, (guint) extra_events, &today, &counts, &error))
    return escale_cli_fail (error);

  /* One line, the path last, as scripts read it. */
  g_print (_("Created %u partners, %u contacts and %u interactions, %u participants with "
             "%u consent records, %u case notes and %u follow-ups, and %u events with "
             "%u registrations in %s\n"),
           counts.partners, counts.contacts, counts.interactions,
           counts.participants, counts.consents, counts.notes, counts.follow_ups,
           counts.sessions + counts.fairs + counts.visits, counts.registrations,
           escale_database_get_path (cli->database));

  return ESCALE_CLI_EXIT_OK;
}
