/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-cli-private.h"
#include "escale-calendar-date.h"
#include "escale-eligibility.h"
#include "escale-event-json.h"
#include "escale-enums.h"
#include "escale-locale.h"
#include "escale-participant-export.h"
#include "escale-participant-form.h"
#include "escale-participant-import.h"

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

  query.limit = (guint) limit;
  ids = escale_participant_repository_search (cli->participants, &query, &error);
  if (ids == NULL)
    return escale_cli_fail (error);

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

/* "Waitlisted (number 2), 3 seats · the event is cancelled" */
static char *
describe_registration (EscaleParticipantRegistration *entry)
{
  EscaleRegistration *registration = escale_participant_registration_get_registration (entry);
  EscaleEvent *event = escale_participant_registration_get_event (entry);
  guint position = escale_participant_registration_get_waitlist_position (entry);
  int seats = escale_registration_get_seats (registration);
  g_autofree char *status = NULL;
  GString *text = g_string_new (NULL);

  if (position > 0)
    /* Translators: a place on the waitlist, from 1 */
    status = g_strdup_printf (_("Waitlisted (number %u)"), position);
  else
    status = g_strdup (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS,
                                                escale_registration_get_status (registration)));
  /* Translators: a registration's status, then the seats it holds or waits for */
  g_string_printf (text, ngettext ("%s, %d seat", "%s, %d seats", seats), status, seats);
  if (escale_event_get_status (event) == ESCALE_EVENT_STATUS_CANCELLED)
    g_string_append_printf (text, " · %s", _("the event is cancelled"));

  return g_string_free (text, FALSE);
}

static void
print_registrations (GPtrArray *registrations)
{
  if (registrations->len > 0)
    g_print ("\n%s\n", _("Events"));
  for (guint i = 0; i < registrations->len; i++)
    {
      EscaleParticipantRegistration *entry = g_ptr_array_index (registrations, i);
      EscaleEvent *event = escale_participant_registration_get_event (entry);
      g_autofree char *start = escale_event_format_time (event, escale_event_get_starts_at (event), "%Y-%m-%d %H:%M");
      g_autofree char *details = describe_registration (entry);

      /* Translators: a local date and time, an event's title, its ID, then the registration */
      g_print (_("  %s  %s (event %lld): %s\n"), start, escale_event_get_title (event),
               (long long) escale_event_get_id (event), details);
    }
}

static JsonNode *
registrations_to_json (GPtrArray *registrations)
{
  g_autoptr(JsonArray) array = json_array_sized_new (registrations->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < registrations->len; i++)
    json_array_add_element (array, escale_participant_registration_to_json (g_ptr_array_index (registrations, i)));
  json_node_set_array (node, array);

  return node;
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
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GListModel *regions;
  GListModel *list;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Show one participant’s file: fields, household, consent, notes, "
                                           "follow-ups and the events they are registered for."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one participant ID"));

  participant = load_participant (cli, argv[1], &status);
  if (participant == NULL)
    return status;
  registrations = escale_registration_repository_list_for_participant (cli->registrations,
                                                                       escale_participant_get_id (participant), &error);
  if (registrations == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = escale_participant_to_json (participant);

      json_object_set_member (json_node_get_object (node), "registrations", registrations_to_json (registrations));
      escale_cli_print_json (node);
      return ESCALE_CLI_EXIT_OK;
    }

  regions = escale_region_repository_get_regions (cli->regions);
  name = escale_participant_dup_display_name (participant);
  g_print ("%s\n", name);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *text = escale_participant_field_format (i, escale_participant_get_value (participant, i), regions);

      escale_cli_print_field (escale_participant_field_get_label (i), text, 28);
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

  print_registrations (registrations);

  return ESCALE_CLI_EXIT_OK;
}

static char
parse_separator (const char *text)
{
  if (text == NULL)
    return ',';
  if (g_str_equal (text, "tab") || g_str_equal (text, "\t"))
    return '\t';
  if (g_str_equal (text, ",") || g_str_equal (text, ";"))
    return text[0];
  return '\0';
}

/* --map "Cellulaire=phone": corrects the guessed reading of a column. */
static gboolean
apply_mapping (EscaleParticipantImport  *import,
               const char               *mapping,
               GError                  **error)
{
  const char *equals = strrchr (mapping, '=');
  g_autofree char *header = NULL;
  EscaleParticipantField field;
  int value = -1;

  if (equals == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--map: write the column header, “=” and a field name, such as “Cellulaire=phone”"));
      return FALSE;
    }

  header = g_strndup (mapping, equals - mapping);
  if (g_str_equal (equals + 1, "none"))
    value = -1;
  else if (escale_participant_field_from_name (equals + 1, &field))
    value = field;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--map: “%s” is not a field; use none or a field name such as given-name, email, phone"),
                   equals + 1);
      return FALSE;
    }

  for (guint i = 0; i < escale_participant_import_get_n_columns (import); i++)
    {
      if (g_str_equal (escale_participant_import_get_header (import, i), header))
        {
          escale_participant_import_set_column_field (import, i, value);
          return TRUE;
        }
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--map: the file has no column “%s”"), header);
  return FALSE;
}

static const char *
outcome_name (EscaleImportOutcome outcome)
{
  switch (outcome)
    {
    case ESCALE_IMPORT_OUTCOME_NEW: return "new";
    case ESCALE_IMPORT_OUTCOME_DUPLICATE: return "duplicate";
    case ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED: return "already-imported";
    case ESCALE_IMPORT_OUTCOME_REJECTED: return "rejected";
    default: g_assert_not_reached ();
    }
}

static JsonNode *
report_to_json (EscaleParticipantImport *import,
                EscaleImportReport      *report,
                gboolean                 dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  json_builder_set_member_name (builder, "separator");
  json_builder_add_string_value (builder, escale_participant_import_get_separator (import) == '\t' ? "tab"
                                 : escale_participant_import_get_separator (import) == ';' ? ";" : ",");
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; i < escale_participant_import_get_n_columns (import); i++)
    {
      int field = escale_participant_import_get_column_field (import, i);

      json_builder_set_member_name (builder, escale_participant_import_get_header (import, i));
      if (field >= 0)
        json_builder_add_string_value (builder, escale_participant_field_get_name (field));
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->problems->len; i++)
    json_builder_add_string_value (builder, report->problems->pdata[i]);
  json_builder_end_array (builder);

#define COUNT(name, value) json_builder_set_member_name (builder, name); json_builder_add_int_value (builder, value)
  COUNT ("rows", report->rows->len);
  COUNT ("new", report->n_new);
  COUNT ("duplicates", report->n_duplicates);
  COUNT ("already_imported", report->n_already_imported);
  COUNT ("rejected", report->n_rejected);
  COUNT ("imported", report->n_imported);
#undef COUNT

  json_builder_set_member_name (builder, "rows_with_remarks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->rows->len; i++)
    {
      EscaleImportRow *row = report->rows->pdata[i];

      if (row->outcome == ESCALE_IMPORT_OUTCOME_NEW)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, row->line);
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, outcome_name (row->outcome));
      if (row->duplicate_of != 0)
        {
          json_builder_set_member_name (builder, "participant");
          json_builder_add_int_value (builder, row->duplicate_of);
        }
      if (row->duplicate_of_line != 0)
        {
          json_builder_set_member_name (builder, "same_as_line");
          json_builder_add_int_value (builder, row->duplicate_of_line);
        }
      if (row->duplicate_reason != NULL)
        {
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, row->duplicate_reason);
        }
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint j = 0; j < row->problems->len; j++)
        json_builder_add_string_value (builder, row->problems->pdata[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_report (EscaleImportReport *report,
              gboolean            dry_run)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      EscaleImportRow *row = report->rows->pdata[i];

      switch (row->outcome)
        {
        case ESCALE_IMPORT_OUTCOME_REJECTED:
          for (guint j = 0; j < row->problems->len; j++)
            /* Translators: a line number, then what is wrong */
            g_print (_("Line %u: %s\n"), row->line, (const char *) row->problems->pdata[j]);
          break;
        case ESCALE_IMPORT_OUTCOME_DUPLICATE:
          if (row->duplicate_of != 0)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->duplicate_of);

              /* Translators: a line, a name, a participant ID, the reason */
              g_print (_("Line %u: %s may be participant %s (%s)\n"),
                       row->line, row->name, id, row->duplicate_reason);
            }
          else
            g_print (_("Line %u: %s repeats line %u (%s)\n"),
                     row->line, row->name, row->duplicate_of_line, row->duplicate_reason);
          break;
        case ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED:
        case ESCALE_IMPORT_OUTCOME_NEW:
        default:
          break;
        }
    }

  g_print (_("Rows read: %u\n"), report->rows->len);
  g_print (dry_run ? _("To import: %u\n") : _("Imported: %u\n"), dry_run ? report->n_new : report->n_imported);
  g_print (_("Likely duplicates: %u\n"), report->n_duplicates);
  g_print (_("Already imported: %u\n"), report->n_already_imported);
  g_print (_("Rejected: %u\n"), report->n_rejected);
}

static int
participants_import (EscaleCli  *cli,
                     int         argc,
                     char      **argv)
{
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean include_duplicates = FALSE;
  g_autofree char *separator_text = NULL;
  g_autofree char *rejected = NULL;
  g_auto(GStrv) mappings = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row and report, but import nothing"), NULL },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator_text, N_("The column separator: , ; or tab (default: guessed)"), N_("CHAR") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mappings, N_("Read a column as a field, or none to leave it out (repeatable)"), N_("HEADER=FIELD") },
    { "include-duplicates", 0, 0, G_OPTION_ARG_NONE, &include_duplicates, N_("Import likely duplicates too, to merge them afterwards"), NULL },
    { "rejected", 0, 0, G_OPTION_ARG_FILENAME, &rejected, N_("Write the rejected rows and their problems to this CSV file"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(EscaleParticipantImport) import = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *regions;
  int status = ESCALE_CLI_EXIT_OK;
  char separator = '\0';

  g_option_context_set_summary (context, _("Import participants from a CSV file: UTF-8, UTF-16 or Windows-1252, "
                                           "separated by commas, semicolons or tabs, with French or English headers. "
                                           "The import is one transaction; importing the same file again adds nobody."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one CSV file"));
  if (separator_text != NULL && (separator = parse_separator (separator_text)) == '\0')
    return escale_cli_usage_error (context, _("--separator: use , ; or tab"));

  import = escale_participant_import_new_for_file (argv[1], &error);
  if (import == NULL)
    {
      g_autofree char *name = g_filename_display_name (argv[1]);

      g_prefix_error (&error, _("Cannot import “%s”: "), name);
      return escale_cli_fail (error);
    }

  if (separator != '\0' && !escale_participant_import_set_separator (import, separator, &error))
    return escale_cli_fail (error);

  for (guint i = 0; mappings != NULL && mappings[i] != NULL; i++)
    {
      if (!apply_mapping (import, mappings[i], &error))
        return escale_cli_usage_error (context, "%s", error->message);
    }
  escale_participant_import_set_include_duplicates (import, include_duplicates);

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  regions = escale_region_repository_get_regions (cli->regions);
  report = dry_run ? escale_participant_import_check (import, cli->participants, regions, NULL, NULL, NULL, &error)
                   : escale_participant_import_run (import, cli->participants, regions, NULL, NULL, NULL, &error);
  if (report == NULL)
    return escale_cli_fail (error);

  if (rejected != NULL && report->n_rejected > 0 &&
      !escale_participant_import_write_rejected (import, report, rejected, escale_participant_import_get_separator (import), &error))
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = report_to_json (import, report, dry_run);

      escale_cli_print_json (node);
      return report->problems->len > 0 ? ESCALE_CLI_EXIT_ERROR : ESCALE_CLI_EXIT_OK;
    }

  /* A problem of the whole file means nothing could be read: one line on
   * standard error, like every other failure. */
  if (report->problems->len > 0)
    {
      g_printerr ("escale-cli: %s\n", (const char *) report->problems->pdata[0]);
      return ESCALE_CLI_EXIT_ERROR;
    }

  print_report (report, dry_run);
  return ESCALE_CLI_EXIT_OK;
}

static int
participants_export (EscaleCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autofree char *csv = NULL;
  g_autofree char *separator_text = NULL;
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write a CSV file for a spreadsheet"), N_("FILE") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator_text, N_("The column separator: , ; or tab (default ,)"), N_("CHAR") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only participants with words of their name, email, phone or occupation starting so"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  EscaleParticipantQuery query;
  int status = ESCALE_CLI_EXIT_OK;
  char separator;

  g_option_context_set_summary (context, _("Export participants to a CSV file for Excel, sorted by family name. "
                                           "The export is recorded in the audit log."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (csv == NULL)
    return escale_cli_usage_error (context, _("Say where to write with --csv FILE"));
  if ((separator = parse_separator (separator_text)) == '\0')
    return escale_cli_usage_error (context, _("--separator: use , ; or tab"));

  if (!escale_cli_open (cli, &error))
    return escale_cli_fail (error);

  escale_participant_query_init (&query);
  query.text = search;
  ids = escale_participant_repository_search (cli->participants, &query, &error);
  if (ids == NULL ||
      !escale_participant_export_csv_file (cli->participants, ids,
                                           escale_region_repository_get_regions (cli->regions),
                                           csv, separator, &error))
    return escale_cli_fail (error);

  g_printerr (ngettext ("Exported %u participant to %s\n", "Exported %u participants to %s\n", ids->len),
              ids->len, csv);
  return ESCALE_CLI_EXIT_OK;
}

static JsonNode *
verdict_to_json (const EscaleEligibilityRules   *rules,
                 const EscaleEligibilityVerdict *verdict,
                 gboolean                        overridden)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *rule_names[] = { "status", "arrival", "french", "region" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules");
  json_builder_add_string_value (builder, rules->name);
  json_builder_set_member_name (builder, "eligible");
  json_builder_add_boolean_value (builder, verdict->eligible);
  json_builder_set_member_name (builder, "overridden");
  json_builder_add_boolean_value (builder, overridden);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < verdict->reasons->len; i++)
    {
      const EscaleEligibilityReason *reason = verdict->reasons->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, rule_names[reason->rule]);
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, reason->met);
      json_builder_set_member_name (builder, "fr");
      json_builder_add_string_value (builder, reason->text_fr);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, reason->text_en);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
participants_eligibility (EscaleCli  *cli,
                          int         argc,
                          char      **argv)
{
  g_autofree char *rules_path = NULL;
  g_autofree char *override = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, N_("The programme’s or event’s rules, in JSON"), N_("FILE.json") },
    { "override", 0, 0, G_OPTION_ARG_STRING, &override, N_("Accept the person anyway, for this reason (recorded in the audit log)"), N_("REASON") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Count the time since arrival to this day instead of today"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the verdict as JSON, with its reasons in French and English"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(EscaleParticipant) participant = NULL;
  g_autoptr(EscaleEligibilityRules) rules = NULL;
  g_autoptr(EscaleEligibilityVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;
  gboolean overridden = FALSE;
  int status = ESCALE_CLI_EXIT_OK;
  GDate today;

  g_option_context_set_summary (context, _("Check a participant against eligibility rules, with the reasons. "
                                           "The exit status is 0 whether or not the person is eligible."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one participant ID"));
  if (rules_path == NULL)
    return escale_cli_usage_error (context, _("Give the rules with --rules FILE.json"));

  if (today_text == NULL)
    today_text = escale_calendar_date_today ();
  if (!escale_calendar_date_parse (today_text, &today))
    return escale_cli_usage_error (context, _("--today: “%s” is not a date written YYYY-MM-DD"), today_text);

  rules = escale_eligibility_rules_load (rules_path, &error);
  if (rules == NULL)
    return escale_cli_fail (error);

  participant = load_participant (cli, argv[1], &status);
  if (participant == NULL)
    return status;

  verdict = escale_eligibility_check (rules, participant, escale_region_repository_get_regions (cli->regions), &today);

  if (override != NULL && !verdict->eligible)
    {
      if (!escale_participant_repository_record_override (cli->participants, escale_participant_get_id (participant),
                                                          rules->name, override, &error))
        return escale_cli_fail (error);
      overridden = TRUE;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = verdict_to_json (rules, verdict, overridden);

      escale_cli_print_json (node);
      return ESCALE_CLI_EXIT_OK;
    }

  {
    g_autofree char *name = escale_participant_dup_display_name (participant);

    if (verdict->eligible)
      /* Translators: a person's name, then the name of a programme or event */
      g_print (_("%s is eligible for “%s”.\n"), name, rules->name);
    else if (overridden)
      g_print (_("%s is not eligible for “%s”, and was accepted anyway; the reason is recorded.\n"), name, rules->name);
    else
      g_print (_("%s is not eligible for “%s”.\n"), name, rules->name);

    for (guint i = 0; i < verdict->reasons->len; i++)
      {
        const EscaleEligibilityReason *reason = verdict->reasons->pdata[i];

        g_print ("  %s %s\n", reason->met ? "✓" : "✗",
                 escale_eligibility_reason_get_text (reason, escale_locale_get_language ()));
      }
  }

  return ESCALE_CLI_EXIT_OK;
}

static const EscaleCliSubcommand subcommands[] = {
  { "list", participants_list, N_("List participants; filter with --search, --status, --region, --consent, --due") },
  { "show", participants_show, N_("Show one participant’s file") },
  { "import", participants_import, N_("Import participants from a CSV file, with a report") },
  { "export", participants_export, N_("Export participants to a CSV file") },
  { "eligibility", participants_eligibility, N_("Check a participant against a programme’s rules") },
};

int
escale_cli_participants (EscaleCli  *cli,
                         int         argc,
                         char      **argv)
{
  return escale_cli_dispatch (cli, "participants", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
