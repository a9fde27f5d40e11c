/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-cli-private.h"
#include "escale-enums.h"
#include "escale-participant-export.h"
#include "escale-participant-form.h"

static char *
list_statuses (void)
{
  g_autoptr(GString) statuses = g_string_new (NULL);

  for (guint i = 1; i < escale_choice_get_count (ESCALE_TYPE_IMMIGRATION_STATUS); i++)
    g_string_append_printf (statuses, "%s%s", i > 1 ? ", " : "",
                            escale_choice_get_nick (ESCALE_TYPE_IMMIGRATION_STATUS, i));

  return g_string_free (g_steal_pointer (&statuses), FALSE);
}

static int
participants_list (EscaleCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *region = NULL;
  g_autofree char *consent = NULL;
  gboolean due = FALSE;
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only participants with words of their name, email, phone or occupation starting so"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only participants with this immigration status"), N_("STATUS") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only participants interested in this region (01 to 17)"), N_("CODE") },
    { "consent", 0, 0, G_OPTION_ARG_STRING, &consent, N_("Only participants whose consent to registration is given or missing"), N_("given|missing") },
    { "due", 0, 0, G_OPTION_ARG_NONE, &due, N_("Only participants with a follow-up due this week or late"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only participants with a late follow-up"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Print at most N participants"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  EscaleParticipantQuery query;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("List the participants, sorted by family name. "
                                           "Immigration status and household are not shown."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (limit < 0)
    return escale_cli_usage_error (context, _("--limit: use a number from 0 (0 prints everyone)"));

  escale_participant_query_init (&query);
  query.text = search;

  if (status_text != NULL && !escale_choice_from_nick (ESCALE_TYPE_IMMIGRATION_STATUS, status_text, &query.status))
    {
      g_autofree char *statuses = list_statuses ();

      return escale_cli_usage_error (context, _("--status: “%s” is not a status; use one of %s"),
                                     status_text, statuses);
    }

  if (consent != NULL)
    {
      if (g_str_equal (consent, "given"))
        query.consent = ESCALE_CONSENT_FILTER_GIVEN;
      else if (g_str_equal (consent, "missing"))
        query.consent = ESCALE_CONSENT_FILTER_MISSING;
      else
        return escale_cli_usage_error (context, _("--consent: use given or missing"));
    }

  if (overdue)
    query.follow_up = ESCALE_FOLLOW_UP_FILTER_OVERDUE;
  else if (due)
    query.follow_up = ESCALE_FOLLOW_UP_FILTER_DUE;

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  if (region != NULL)
    {
      if (escale_region_repository_lookup (cli->regions, region) == NULL)
        return escale_cli_usage_error (context, _("--region: “%s” is not a region code; use 01 to 17"), region);
      query.region_code = region;
    }

  ids = escale_participant_repository_search (cli->participants, &query, &error);
  if (ids == NULL)
    return escale_cli_fail (error);
  if (limit > 0 && ids->len > (guint) limit)
    g_array_set_size (ids, limit);

  summaries = escale_participant_repository_summarize (cli->participants, (const gint64 *) ids->data, ids->len, &error);
  if (summaries == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (summaries->len);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < summaries->len; i++)
        json_array_add_element (array, escale_participant_summary_to_json (summaries->pdata[i]));
      json_node_set_array (root, array);
      escale_cli_print_json (root);
      return ESCALE_CLI_EXIT_OK;
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    escale_cli_print_cell (line, _("ID"), 6);
    escale_cli_print_cell (line, _("Name"), 30);
    escale_cli_print_cell (line, _("Email"), 32);
    escale_cli_print_cell (line, _("Phone"), 12);
    escale_cli_print_cell (line, _("Occupation"), 28);
    escale_cli_print_cell (line, _("Follow-up due"), 13);
    g_print ("%s\n", g_strchomp (line->str));

    for (guint i = 0; i < summaries->len; i++)
      {
        EscaleParticipantSummary *summary = summaries->pdata[i];
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, escale_participant_summary_get_id (summary));

        g_string_truncate (line, 0);
        escale_cli_print_cell (line, id, 6);
        escale_cli_print_cell (line, escale_participant_summary_get_sort_name (summary), 30);
        escale_cli_print_cell (line, escale_participant_summary_get_email (summary), 32);
        escale_cli_print_cell (line, escale_participant_summary_get_phone (summary), 12);
        escale_cli_print_cell (line, escale_participant_summary_get_occupation (summary), 28);
        escale_cli_print_cell (line, escale_participant_summary_get_next_follow_up (summary), 13);
        g_print ("%s\n", g_strchomp (line->str));
      }
  }

  return ESCALE_CLI_EXIT_OK;
}

static EscaleParticipant *
load_participant (EscaleCli  *cli,
                  const char *text,
                  int        *status)
{
  g_autoptr(GError) error = NULL;
  EscaleParticipant *participant;
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      *status = escale_cli_usage_error (NULL, _("“%s” is not a participant ID; IDs are whole numbers from 1"), text);
      return NULL;
    }

  if (!escale_cli_open (cli, &error))
    {
      *status = escale_cli_fail (error);
      return NULL;
    }

  participant = escale_participant_repository_load (cli->participants, (gint64) id, &error);
  if (participant == NULL)
    *status = escale_cli_fail (error);

  return participant;
}

static int
participants_show (EscaleCli  *cli,
                   int         argc,
                   char      **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(EscaleParticipant) participant = NULL;
  g_autofree char *name = NULL;
  GListModel *regions;
  GListModel *list;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Show one participant’s file: fields, household, consent, notes and follow-ups."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one participant ID"));

  participant = load_participant (cli, argv[1], &status);
  if (participant == NULL)
    return status;

  if (json)
    {
      g_autoptr(JsonNode) node = escale_participant_to_json (participant);

      escale_cli_print_json (node);
      return ESCALE_CLI_EXIT_OK;
    }

  regions = escale_region_repository_get_regions (cli->regions);
  name = escale_participant_dup_display_name (participant);
  g_print ("%s\n", name);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *text = escale_participant_field_format (i, escale_participant_get_value (participant, i), regions);

      escale_cli_print_field (escale_participant_field_get_label (i), text);
    }

  list = escale_participant_get_household (participant);
  if (g_list_model_get_n_items (list) > 0)
    g_print ("\n%s\n", _("Household"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (list, i);
      const char *given_name = escale_household_member_get_given_name (member);

      g_print ("  %s", escale_choice_get_label (ESCALE_TYPE_HOUSEHOLD_RELATION,
                                                escale_household_member_get_relation (member)));
      if (given_name != NULL)
        g_print (", %s", given_name);
      if (escale_household_member_get_birth_year (member) > 0)
        /* Translators: a year of birth */
        g_print (_(", born in %d"), escale_household_member_get_birth_year (member));
      g_print ("\n");
    }

  list = escale_participant_get_consents (participant);
  g_print ("\n%s\n", _("Consent"));
  if (g_list_model_get_n_items (list) == 0)
    g_print ("  %s\n", _("None recorded"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (list, i);

      /* Translators: date, purpose, "given" or "withdrawn", notice version, who recorded it */
      g_print (_("  %s  %s: %s (notice %s, recorded by %s)\n"),
               escale_consent_get_given_on (consent),
               escale_choice_get_label (ESCALE_TYPE_CONSENT_PURPOSE, escale_consent_get_purpose (consent)),
               escale_consent_get_granted (consent) ? _("given") : _("withdrawn"),
               escale_consent_get_notice_version (consent),
               escale_consent_get_recorded_by (consent));
    }

  list = escale_participant_get_notes (participant);
  if (g_list_model_get_n_items (list) > 0)
    g_print ("\n%s\n", _("Case notes"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleCaseNote) note = g_list_model_get_item (list, i);

      g_print ("  %s  %s: %s\n", escale_case_note_get_written_on (note),
               escale_case_note_get_author (note), escale_case_note_get_body (note));
    }

  list = escale_participant_get_follow_ups (participant);
  if (g_list_model_get_n_items (list) > 0)
    g_print ("\n%s\n", _("Follow-ups"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (list, i);

      g_print ("  %s  %s: %s", escale_follow_up_get_due_on (follow_up),
               escale_choice_get_label (ESCALE_TYPE_FOLLOW_UP_KIND, escale_follow_up_get_kind (follow_up)),
               escale_choice_get_label (ESCALE_TYPE_FOLLOW_UP_OUTCOME, escale_follow_up_get_outcome (follow_up)));
      if (escale_follow_up_get_notes (follow_up) != NULL)
        g_print (" · %s", escale_follow_up_get_notes (follow_up));
      g_print ("\n");
    }

  return ESCALE_CLI_EXIT_OK;
}

static const EscaleCliSubcommand subcommands[] = {
  { "list", participants_list, N_("List participants; filter with --search, --status, --region, --consent, --due") },
  { "show", participants_show, N_("Show one participant’s file") },
};

int
escale_cli_participants (EscaleCli  *cli,
                         int         argc,
                         char      **argv)
{
  return escale_cli_dispatch (cli, "participants", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
