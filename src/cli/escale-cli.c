/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-cli-private.h"
#include "escale-locale.h"

/* escale-cli: the same core as the window, for scripts and automation. It
 * never links GTK. */

static const struct
{
  const char       *name;
  EscaleCliCommand  run;
  const char       *summary;
} commands[] = {
  { "demo", escale_cli_demo, N_("Fill an empty database with realistic demonstration data") },
  { "partners", escale_cli_partners, N_("List, show and export the partner directory") },
  { "participants", escale_cli_participants, N_("List, show, import and export participant files") },
  { "events", escale_cli_events, N_("Plan events and visits, register participants, take the roll call") },
  { "ics", escale_cli_ics, N_("Export events and itineraries as iCalendar files") },
  { "conflicts", escale_cli_conflicts, N_("List what overlaps in partners’ agendas and Escale’s own events") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  escale-cli [--db PATH] %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n  --db PATH   %s\n  --version   %s\n  --help      %s\n\n%s\n",
           _("Options:"),
           _("The database to use (default: $ESCALE_DB, then the application’s database)"),
           _("Show the version"),
           _("Show this help"),
           _("Run “escale-cli COMMAND --help” for a command’s options."));
}

gboolean
escale_cli_open (EscaleCli  *cli,
                 GError    **error)
{
  g_autofree char *path = NULL;

  if (cli->registrations != NULL)
    return TRUE;

  path = escale_database_resolve_path (cli->db_path);
  cli->database = escale_database_open (path, error);
  if (cli->database == NULL)
    return FALSE;

  cli->regions = escale_region_repository_new (cli->database, error);
  if (cli->regions == NULL)
    return FALSE;

  cli->partners = escale_partner_repository_new (cli->database, cli->regions, error);
  if (cli->partners == NULL)
    return FALSE;

  cli->participants = escale_participant_repository_new (cli->database, error);
  if (cli->participants == NULL)
    return FALSE;

  cli->events = escale_event_repository_new (cli->database);
  cli->series = escale_event_series_repository_new (cli->events);
  cli->registrations = escale_registration_repository_new (cli->participants,
                                                           escale_region_repository_get_regions (cli->regions));
  return TRUE;
}

/* Pads by characters, not bytes, so that accented names stay aligned. */
void
escale_cli_print_cell (GString    *line,
                       const char *text,
                       guint       width)
{
  glong length;

  text = text != NULL ? text : "";
  length = g_utf8_strlen (text, -1);

  if ((guint) length > width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);

      g_string_append_len (line, text, cut - text);
      g_string_append (line, "…");
    }
  else
    {
      g_string_append (line, text);
      for (glong i = length; i < (glong) width; i++)
        g_string_append_c (line, ' ');
    }
  g_string_append (line, "  ");
}

/* "Label      value", the labels padded by characters to @width. */
void
escale_cli_print_field (const char *label,
                        const char *value,
                        guint       width)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;

  line = g_string_new (label);
  for (glong i = g_utf8_strlen (label, -1); i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_print ("%s %s\n", line->str, value);
}

/**
 * escale_cli_dispatch:
 * @group: the command the subcommands belong to, such as "partners"
 *
 * Runs the subcommand named by argv[1], or prints the group's help: on
 * stdout when asked for, on stderr with status 2 when no command is given.
 */
int
escale_cli_dispatch (EscaleCli                 *cli,
                     const char                *group,
                     const EscaleCliSubcommand *subcommands,
                     guint                      n_subcommands,
                     int                        argc,
                     char                     **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *stream = argc < 2 ? stderr : stdout;

      fprintf (stream, "%s\n  escale-cli %s %s\n\n%s\n", _("Usage:"), group, _("COMMAND [OPTION…]"), _("Commands:"));
      for (guint i = 0; i < n_subcommands; i++)
        fprintf (stream, "  %-12s %s\n", subcommands[i].name, _(subcommands[i].summary));
      return argc < 2 ? ESCALE_CLI_EXIT_USAGE : ESCALE_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n_subcommands; i++)
    {
      if (g_str_equal (argv[1], subcommands[i].name))
        {
          g_autofree char *parent = g_steal_pointer (&cli->command);

          cli->command = g_strconcat (parent, " ", subcommands[i].name, NULL);
          return subcommands[i].run (cli, argc - 1, argv + 1);
        }
    }

  return escale_cli_usage_error (NULL, _("Unknown command “%s %s”; run “escale-cli %s --help”"),
                                 group, argv[1], group);
}

/* Midnight at the start of @date in Québec's zone; with @end, the last
 * second of that day. */
gboolean
escale_cli_parse_day (const char *date,
                      gboolean    end,
                      gint64     *instant)
{
  return escale_calendar_day_instant (date, end, instant);
}

/* One clear line on stderr, and the status for a data or user error. */
int
escale_cli_fail (GError *error)
{
  g_printerr ("escale-cli: %s\n", error->message);
  return ESCALE_CLI_EXIT_ERROR;
}

int
escale_cli_usage_error (GOptionContext *context,
                        const char     *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("escale-cli: %s\n", message);
  if (context != NULL)
    g_printerr ("%s\n", _("Run with --help to see the options."));

  return ESCALE_CLI_EXIT_USAGE;
}

/**
 * escale_cli_parse:
 * @status: (out): the exit status when parsing fails or only help was asked
 *
 * Parses a command's options, with --db accepted after the command too.
 */
gboolean
escale_cli_parse (EscaleCli        *cli,
                  GOptionContext   *context,
                  GOptionEntry     *entries,
                  int              *argc,
                  char           ***argv,
                  int              *status)
{
  g_autofree char *db_path = NULL;
  GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to use"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  /* The usage line of --help names the whole command. GOption would take
   * argv[0], the last word only; the name can be set once per process, and
   * each run parses one command. */
  if (g_get_prgname () == NULL)
    g_set_prgname (cli->command);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = escale_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }

  if (db_path != NULL && *db_path == '\0')
    {
      *status = escale_cli_usage_error (context, _("--db: give the path of a database file"));
      return FALSE;
    }

  /* --db after the command wins over one before it. */
  if (db_path != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = g_steal_pointer (&db_path);
    }

  return TRUE;
}

void
escale_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
escale_cli_clear (EscaleCli *cli)
{
  g_clear_object (&cli->registrations);
  g_clear_object (&cli->series);
  g_clear_object (&cli->events);
  g_clear_object (&cli->participants);
  g_clear_object (&cli->partners);
  g_clear_object (&cli->regions);
  g_clear_object (&cli->database);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->command, g_free);
}

int
main (int    argc,
      char **argv)
{
  EscaleCli cli = { NULL, };
  int first = 1;
  int status;

  escale_locale_init ();

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (stdout);
          return ESCALE_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("escale-cli %s\n", PACKAGE_VERSION);
          return ESCALE_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--db") && first + 1 < argc)
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (arg + strlen ("--db="));
          first += 1;
        }
      else
        {
          g_free (cli.db_path);
          return escale_cli_usage_error (NULL, _("Unknown option “%s”; run “escale-cli --help”"), arg);
        }
    }

  if (first >= argc)
    {
      g_free (cli.db_path);
      print_help (stderr);
      return ESCALE_CLI_EXIT_USAGE;
    }

  /* "--db $UNSET" must not fall back to the user's own database. */
  if (cli.db_path != NULL && *cli.db_path == '\0')
    {
      g_free (cli.db_path);
      return escale_cli_usage_error (NULL, _("--db: give the path of a database file"));
    }

  status = -1;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[first], commands[i].name))
        {
          cli.command = g_strconcat ("escale-cli ", commands[i].name, NULL);
          status = commands[i].run (&cli, argc - first, argv + first);
          break;
        }
    }

  if (status == -1)
    status = escale_cli_usage_error (NULL, _("Unknown command “%s”; run “escale-cli --help”"), argv[first]);

  escale_cli_clear (&cli);
  return status;
}
