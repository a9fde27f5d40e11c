/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-repository.h"
#include "escale-cli-private.h"
#include "escale-event.h"
#include "escale-ical-export.h"
#include "escale-ical-import.h"

/* escale-cli ics import, refresh and agenda: partners' agendas, read from
 * their .ics files, kept apart from Escale's events, and listed. */

static JsonNode *
report_to_json (EscaleIcalImportReport *report,
                const char             *path,
                gint64                  partner_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *warnings = escale_ical_import_report_get_warnings (report);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "partner_id");
  json_builder_add_int_value (builder, partner_id);
  json_builder_set_member_name (builder, "calendar");
  json_builder_add_string_value (builder, escale_ical_import_report_get_calendar_name (report));
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, escale_ical_import_report_get_dry_run (report));
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, escale_ical_import_report_get_added (report));
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, escale_ical_import_report_get_updated (report));
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, escale_ical_import_report_get_removed (report));
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, escale_ical_import_report_get_unchanged (report));
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      EscaleIcalImportWarning *warning = warnings->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, warning->uid);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, warning->summary);
      json_builder_set_member_name (builder, "line");
      if (warning->line > 0)
        json_builder_add_int_value (builder, warning->line);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_report (EscaleIcalImportReport *report,
              const char             *path)
{
  GPtrArray *warnings = escale_ical_import_report_get_warnings (report);

  g_print (_("Agenda “%s”, from %s\n"), escale_ical_import_report_get_calendar_name (report), path);
  g_print (_("%u added, %u updated, %u removed, %u unchanged\n"),
           escale_ical_import_report_get_added (report), escale_ical_import_report_get_updated (report),
           escale_ical_import_report_get_removed (report), escale_ical_import_report_get_unchanged (report));
  if (escale_ical_import_report_get_dry_run (report))
    g_print ("%s\n", _("Dry run: nothing was saved."));
  if (warnings->len == 0)
    return;

  g_print ("\n%s\n", _("Warnings:"));
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *described = escale_ical_import_warning_describe (warnings->pdata[i]);

      g_print ("- %s\n", described);
    }
}

static int
run_import (EscaleCli  *cli,
            GFile      *file,
            gint64      partner_id,
            gboolean    dry_run,
            gboolean    json)
{
  g_autoptr(EscaleIcalImport) import = NULL;
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_parse_name (file);
  const char *now = g_getenv ("ESCALE_NOW");

  import = escale_ical_import_new (cli->database);
  /* Tests pin the clock the recurrences are expanded from. */
  if (now != NULL)
    escale_ical_import_set_now (import, g_ascii_strtoll (now, NULL, 10));
  report = escale_ical_import_file (import, file, partner_id, dry_run, NULL, &error);
  g_clear_object (&import);
  escale_ical_export_release_zones ();
  if (report == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = report_to_json (report, path, partner_id);

      escale_cli_print_json (node);
    }
  else
    {
      print_report (report, path);
    }
  return ESCALE_CLI_EXIT_OK;
}

static gboolean
parse_partner (GOptionContext *context,
               const char     *partner,
               gint64         *id,
               int            *status)
{
  if (partner == NULL)
    {
      *status = escale_cli_usage_error (context, _("Say whose agenda it is: --partner ID"));
      return FALSE;
    }
  return escale_cli_parse_id (partner, "--partner", id, status);
}

int
escale_cli_ics_import (EscaleCli  *cli,
                       int         argc,
                       char      **argv)
{
  g_autofree char *partner = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("The partner whose agenda the file is"), N_("ID") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what would change, and change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.ics"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status = ESCALE_CLI_EXIT_OK;
  gint64 partner_id;

  g_option_context_set_summary (context, _("Import a partner’s agenda from an iCalendar (.ics) file, as exported by "
                                           "Outlook, Google Calendar or any calendar application. The agenda stays "
                                           "apart from Escale’s events and is read-only; importing again updates it: "
                                           "changed entries are updated, cancelled ones marked, removed ones removed.\n\n"
                                           "The report counts the entries and lists every warning with its entry: "
                                           "time zones that could not be resolved, broken repeat rules, repeated UIDs."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one .ics file"));
  if (!parse_partner (context, partner, &partner_id, &status))
    return status;
  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  file = g_file_new_for_commandline_arg (argv[1]);
  return run_import (cli, file, partner_id, dry_run, json);
}

int
escale_cli_ics_refresh (EscaleCli  *cli,
                        int         argc,
                        char      **argv)
{
  g_autofree char *partner = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("The partner whose agenda to refresh"), N_("ID") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what would change, and change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(EscaleAgendaRepository) agendas = NULL;
  g_autoptr(EscaleAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status = ESCALE_CLI_EXIT_OK;
  gint64 partner_id;

  g_option_context_set_summary (context, _("Import a partner’s agenda again from the file it was last imported from."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (!parse_partner (context, partner, &partner_id, &status))
    return status;
  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  agendas = escale_agenda_repository_new (cli->database);
  agenda = escale_agenda_repository_load (agendas, partner_id, &error);
  if (agenda == NULL)
    return escale_cli_fail (error);
  if (agenda->source_path == NULL)
    {
      g_set_error (&error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("The agenda of the partner %s was not imported from a file on this computer: "
                     "use ics import FILE --partner %s"),
                   partner, partner);
      return escale_cli_fail (error);
    }

  file = g_file_new_for_path (agenda->source_path);
  return run_import (cli, file, partner_id, dry_run, json);
}

static char *
local_time (gint64      instant,
            const char *format)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ESCALE_DEFAULT_TZID);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return format != NULL ? g_date_time_format (local, format) : g_date_time_format_iso8601 (local);
}

static JsonNode *
agenda_to_json (EscaleAgenda *agenda,
                GPtrArray    *occurrences)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *imported_at = local_time (agenda->imported_at, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "partner_id");
  json_builder_add_int_value (builder, agenda->organization_id);
  json_builder_set_member_name (builder, "calendar");
  json_builder_add_string_value (builder, agenda->name);
  json_builder_set_member_name (builder, "source_path");
  json_builder_add_string_value (builder, agenda->source_path);
  json_builder_set_member_name (builder, "imported_at");
  json_builder_add_string_value (builder, imported_at);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, agenda->n_entries);
  json_builder_set_member_name (builder, "occurrences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleAgendaOccurrence *occurrence = occurrences->pdata[i];
      g_autofree char *starts_at = local_time (occurrence->starts_at, NULL);
      g_autofree char *ends_at = local_time (occurrence->ends_at, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, occurrence->uid);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, occurrence->summary);
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, occurrence->location);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, occurrence->status);
      json_builder_set_member_name (builder, "all_day");
      json_builder_add_boolean_value (builder, occurrence->all_day);
      json_builder_set_member_name (builder, "starts_at");
      json_builder_add_string_value (builder, starts_at);
      json_builder_set_member_name (builder, "ends_at");
      json_builder_add_string_value (builder, ends_at);
      json_builder_set_member_name (builder, "tzid");
      json_builder_add_string_value (builder, occurrence->tzid);
      json_builder_set_member_name (builder, "problem");
      json_builder_add_string_value (builder, occurrence->problem);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_agenda (EscaleAgenda *agenda,
              GPtrArray    *occurrences)
{
  g_autofree char *imported_at = local_time (agenda->imported_at, "%Y-%m-%d %H:%M");

  g_print (_("Agenda “%s”, imported %s\n"), agenda->name, imported_at);
  if (occurrences->len == 0)
    g_print ("%s\n", _("Nothing in this period."));
  for (guint i = 0; i < occurrences->len; i++)
    {
      EscaleAgendaOccurrence *occurrence = occurrences->pdata[i];
      g_autofree char *day = local_time (occurrence->starts_at, "%Y-%m-%d");
      g_autofree char *from = local_time (occurrence->starts_at, "%H:%M");
      g_autofree char *to = local_time (occurrence->ends_at, "%H:%M");
      g_autofree char *hours = occurrence->all_day ? g_strdup (_("all day")) : g_strdup_printf ("%s–%s", from, to);

      g_print ("%s %-11s %s", day, hours, occurrence->summary != NULL ? occurrence->summary : _("(no title)"));
      if (occurrence->location != NULL)
        g_print (" · %s", occurrence->location);
      if (g_str_equal (occurrence->status, "tentative"))
        g_print (" %s", _("(tentative)"));
      g_print ("\n");
      if (occurrence->problem != NULL)
        g_print ("    ⚠ %s\n", occurrence->problem);
    }
}

int
escale_cli_ics_agenda (EscaleCli  *cli,
                       int         argc,
                       char      **argv)
{
  g_autofree char *partner = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("The partner whose agenda to list"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("From this day (default: today)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("To this day, included (default: four weeks on)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the agenda as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(EscaleAgendaRepository) agendas = NULL;
  g_autoptr(EscaleAgenda) agenda = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  int status = ESCALE_CLI_EXIT_OK;
  gint64 partner_id;
  gint64 from;
  gint64 to;

  g_option_context_set_summary (context, _("List what a partner’s imported agenda holds between two days, in Eastern "
                                           "time, with what its import could not resolve."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (!parse_partner (context, partner, &partner_id, &status))
    return status;
  if (from_text != NULL && !escale_cli_parse_day (from_text, FALSE, &from))
    return escale_cli_usage_error (context, _("--from: write the date as YYYY-MM-DD"));
  if (from_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      escale_cli_parse_day (today, FALSE, &from);
    }
  if (to_text != NULL && !escale_cli_parse_day (to_text, TRUE, &to))
    return escale_cli_usage_error (context, _("--to: write the date as YYYY-MM-DD"));
  if (to_text == NULL)
    to = from + 28 * 86400;
  if (to < from)
    return escale_cli_usage_error (context, _("--to: the last day comes before --from"));
  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  agendas = escale_agenda_repository_new (cli->database);
  agenda = escale_agenda_repository_load (agendas, partner_id, &error);
  if (agenda == NULL)
    return escale_cli_fail (error);
  occurrences = escale_agenda_repository_list_occurrences (agendas, partner_id, from, to + 1, &error);
  if (occurrences == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = agenda_to_json (agenda, occurrences);

      escale_cli_print_json (node);
    }
  else
    {
      print_agenda (agenda, occurrences);
    }
  return ESCALE_CLI_EXIT_OK;
}
