/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-cli-private.h"
#include "escale-ical-feed.h"

/* escale-cli ics feed: the calendars published in a feed folder, and
 * writing them there once (a scheduled job, or a server without the
 * application). */

static const char * const scope_keys[] = {
  [ESCALE_FEED_SCOPE_UPCOMING] = "upcoming",
  [ESCALE_FEED_SCOPE_EVENT] = "event",
  [ESCALE_FEED_SCOPE_SERIES] = "series",
  [ESCALE_FEED_SCOPE_PARTICIPANT] = "participant",
  [ESCALE_FEED_SCOPE_PARTNER] = "partner",
};

static int
list_feeds (EscaleCli *cli,
            gboolean   json)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  feeds = escale_calendar_feed_list (cli->database, &error);
  if (feeds == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < feeds->len; i++)
        {
          EscaleCalendarFeed *feed = feeds->pdata[i];
          g_autofree char *description = escale_calendar_feed_describe (feed);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, feed->file_name);
          json_builder_set_member_name (builder, "scope");
          json_builder_add_string_value (builder, scope_keys[feed->scope]);
          json_builder_set_member_name (builder, "target_id");
          if (feed->scope == ESCALE_FEED_SCOPE_UPCOMING)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, feed->target_id);
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, description);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      escale_cli_print_json (root);
      return ESCALE_CLI_EXIT_OK;
    }

  if (feeds->len == 0)
    g_print ("%s\n", _("No calendar is published. Add one with “escale-cli ics feed --add”."));
  for (guint i = 0; i < feeds->len; i++)
    {
      EscaleCalendarFeed *feed = feeds->pdata[i];
      g_autofree char *description = escale_calendar_feed_describe (feed);

      escale_cli_print_field (feed->file_name, description, 24);
    }

  return ESCALE_CLI_EXIT_OK;
}

static int
write_feeds (EscaleCli  *cli,
             const char *folder)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (folder);
  guint n_failed = 0;

  results = escale_ical_feeds_write (cli->events, cli->series, cli->registrations, folder,
                                     g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  escale_ical_export_release_zones ();
  if (results == NULL)
    return escale_cli_fail (error);

  for (guint i = 0; i < results->len; i++)
    n_failed += ((EscaleIcalFeedResult *) results->pdata[i])->problem != NULL;

  if (results->len == 0)
    g_print ("%s\n", _("No calendar is published. Add one with “escale-cli ics feed --add”."));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u calendar in %s:\n", "Wrote %u calendars in %s:\n",
                          results->len - n_failed),
             results->len - n_failed, display);

  for (guint i = 0; i < results->len; i++)
    {
      EscaleIcalFeedResult *result = results->pdata[i];

      if (result->problem == NULL)
        escale_cli_print_field (result->file_name, result->description, 24);
    }
  for (guint i = 0; i < results->len; i++)
    {
      EscaleIcalFeedResult *result = results->pdata[i];

      if (result->problem != NULL)
        /* Translators: a feed's file, then why it was not written */
        g_printerr (_("escale-cli: %s was not written: %s\n"), result->file_name, result->problem);
    }

  return n_failed == 0 ? ESCALE_CLI_EXIT_OK : ESCALE_CLI_EXIT_ERROR;
}

/* Reads which calendar --add publishes, or says what is wrong. */
static gboolean
select_feed (GOptionContext  *context,
             gboolean         upcoming,
             const char      *event,
             const char      *series,
             const char      *participant,
             const char      *partner,
             EscaleFeedScope *scope,
             gint64          *target_id,
             int             *status)
{
  guint n_forms = upcoming + (event != NULL) + (series != NULL) + (participant != NULL) + (partner != NULL);

  if (n_forms != 1)
    {
      *status = escale_cli_usage_error (context, _("--add: say which calendar, with one of --upcoming, --event ID, --series ID, "
                                                   "--participant ID or --partner ID"));
      return FALSE;
    }

  *target_id = 0;
  if (upcoming)
    {
      *scope = ESCALE_FEED_SCOPE_UPCOMING;
      return TRUE;
    }
  if (event != NULL)
    {
      *scope = ESCALE_FEED_SCOPE_EVENT;
      return escale_cli_parse_id (event, "--event", target_id, status);
    }
  if (series != NULL)
    {
      *scope = ESCALE_FEED_SCOPE_SERIES;
      return escale_cli_parse_id (series, "--series", target_id, status);
    }
  if (participant != NULL)
    {
      *scope = ESCALE_FEED_SCOPE_PARTICIPANT;
      return escale_cli_parse_id (participant, "--participant", target_id, status);
    }

  *scope = ESCALE_FEED_SCOPE_PARTNER;
  return escale_cli_parse_id (partner, "--partner", target_id, status);
}

int
escale_cli_ics_feed (EscaleCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *event = NULL;
  g_autofree char *series = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *file_name = NULL;
  gboolean list = FALSE;
  gboolean add = FALSE;
  gboolean upcoming = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("Write every published calendar in this folder"), N_("FOLDER") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the published calendars"), NULL },
    { "add", 0, 0, G_OPTION_ARG_NONE, &add, N_("Publish a calendar, chosen with one of the options below"), NULL },
    { "upcoming", 0, 0, G_OPTION_ARG_NONE, &upcoming, N_("… every event from a month ago on"), NULL },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("… this event (a visit with its itinerary)"), N_("ID") },
    { "series", 0, 0, G_OPTION_ARG_STRING, &series, N_("… this series of sessions"), N_("ID") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, &participant, N_("… this participant’s own calendar"), N_("ID") },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("… this partner’s calendar"), N_("ID") },
    { "file", 0, 0, G_OPTION_ARG_STRING, &file_name, N_("With --add, the file’s name in the folder (by default “partner-12.ics” and the like)"),
      N_("NAME") },
    { "remove", 0, 0, G_OPTION_ARG_STRING, &remove, N_("Stop publishing the calendar written to this file"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With --list, print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = ESCALE_CLI_EXIT_OK;
  guint n_actions;

  g_option_context_set_summary (context, _("Publish calendars that people subscribe to once. Escale rewrites each published "
                                           "calendar in the feed folder after every change; this command writes them "
                                           "all once, for a folder the application does not write to.\n\n"
                                           "Published calendars never list participants as attendees. A participant’s "
                                           "calendar file is named by number, not by name."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);

  n_actions = (folder != NULL) + list + add + (remove != NULL);
  if (n_actions != 1)
    return escale_cli_usage_error (context, n_actions == 0 ? _("Say what to do: --folder DIR, --list, --add or --remove NAME")
                                                           : _("Do one thing at a time: --folder, --list, --add or --remove"));
  if (!add && (upcoming || event != NULL || series != NULL || participant != NULL || partner != NULL || file_name != NULL))
    return escale_cli_usage_error (context, _("--upcoming, --event, --series, --participant, --partner and --file go with --add"));
  if (json && !list)
    return escale_cli_usage_error (context, _("--json goes with --list"));
  if (folder != NULL && *folder == '\0')
    return escale_cli_usage_error (context, _("--folder: give the path of a folder"));

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  if (folder != NULL)
    return write_feeds (cli, folder);
  if (list)
    return list_feeds (cli, json);
  if (remove != NULL)
    {
      if (!escale_calendar_feed_remove (cli->database, remove, &error))
        return escale_cli_fail (error);
      g_print (_("“%s” is no longer published; the file stays in the folder until you delete it.\n"), remove);
      return ESCALE_CLI_EXIT_OK;
    }

  {
    g_autoptr(EscaleCalendarFeed) feed = NULL;
    g_autofree char *description = NULL;
    EscaleFeedScope scope;
    gint64 target_id;

    if (!select_feed (context, upcoming, event, series, participant, partner, &scope, &target_id, &status))
      return status;
    feed = escale_calendar_feed_add (cli->database, scope, target_id, file_name, &error);
    if (feed == NULL)
      return escale_cli_fail (error);
    description = escale_calendar_feed_describe (feed);
    /* Translators: what a feed publishes, then its file */
    g_print (_("%s is published as “%s”.\n"), description, feed->file_name);
    return ESCALE_CLI_EXIT_OK;
  }
}
