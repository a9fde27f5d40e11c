/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "escale-cli-private.h"
#include "escale-conflicts.h"

/* escale-cli conflicts: what overlaps in the partners' agendas and in
 * Escale's own events, for one event or every one still to come. The
 * rules are the core's (escale-conflicts.c); a conflict is news, not an
 * error, so the exit status is 0 whether there are any or not. */

/* RFC 3339 in the event's zone, with its offset, as `events --json` has
 * its instants. */
static char *
format_instant (const EscaleConflict *conflict,
                gint64                instant)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (conflict->tzid);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
add_id (JsonBuilder *builder,
        const char  *member,
        gint64       id)
{
  json_builder_set_member_name (builder, member);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
conflicts_to_json (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      EscaleConflict *conflict = conflicts->pdata[i];
      g_autofree char *starts_at = format_instant (conflict, conflict->starts_at);
      g_autofree char *ends_at = format_instant (conflict, conflict->ends_at);
      g_autofree char *description = escale_conflict_describe (conflict);

      json_builder_begin_object (builder);
      add_text (builder, "kind", escale_conflict_kind_get_nick (conflict->kind));
      add_id (builder, "event_id", conflict->event_id);
      add_text (builder, "event_title", conflict->event_title);
      /* Numbered from 1, as `events check --json` numbers stops. */
      json_builder_set_member_name (builder, "stop");
      if (conflict->stop >= 0)
        json_builder_add_int_value (builder, conflict->stop + 1);
      else
        json_builder_add_null_value (builder);
      add_text (builder, "stop_title", conflict->stop_title);
      add_id (builder, "other_event_id", conflict->other_event_id);
      add_id (builder, "agenda_entry_id", conflict->entry_id);
      add_text (builder, "other_title", conflict->other_title);
      add_id (builder, "partner_id", conflict->partner_id);
      add_text (builder, "partner_name", conflict->partner_name);
      add_text (builder, "shared", conflict->shared);
      json_builder_set_member_name (builder, "participant_ids");
      json_builder_begin_array (builder);
      for (guint j = 0; conflict->participant_ids != NULL && j < conflict->participant_ids->len; j++)
        json_builder_add_int_value (builder, g_array_index (conflict->participant_ids, gint64, j));
      json_builder_end_array (builder);
      add_text (builder, "starts_at", starts_at);
      add_text (builder, "ends_at", ends_at);
      add_text (builder, "tzid", conflict->tzid);
      add_text (builder, "description", description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Under each event, its conflicts; an Escale event by its id, for
 * `escale-cli events show`. */
static void
print_conflicts (GPtrArray *conflicts)
{
  gint64 current = -1;

  if (conflicts->len == 0)
    {
      printf ("%s\n", _("No conflicts."));
      return;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      EscaleConflict *conflict = conflicts->pdata[i];
      g_autofree char *description = escale_conflict_describe (conflict);
      g_autofree char *line = NULL;

      if (conflict->event_id != current || i == 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, conflict->event_id);

          current = conflict->event_id;
          printf ("%s", i > 0 ? "\n" : "");
          /* Translators: an event's title and its id */
          printf (_("“%s” (event %s)\n"), conflict->event_title, id);
        }

      if (conflict->other_event_id != 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, conflict->other_event_id);

          /* Translators: a conflict's description and the id of the event it clashes with */
          line = g_strdup_printf (_("%s (event %s)"), description, id);
        }
      printf ("  %s\n", line != NULL ? line : description);
    }
}

int
escale_cli_conflicts (EscaleCli  *cli,
                      int         argc,
                      char      **argv)
{
  g_autofree char *event_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text, N_("Only this event’s conflicts, past or to come"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  int status = ESCALE_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("List what overlaps, in the partners’ imported agendas and in Escale’s own "
                                           "events (the same presenter, partner, vehicle or participants), for every "
                                           "event still to come, or for one event."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);

  if (event_text != NULL)
    {
      g_autoptr(EscaleEvent) event = NULL;
      gint64 id;

      if (!escale_cli_parse_id (event_text, _("Event"), &id, &status))
        return status;
      if (!escale_cli_open (cli, &error))
        return escale_cli_fail (error);
      event = escale_event_repository_load (cli->events, id, &error);
      if (event == NULL)
        return escale_cli_fail (error);
      conflicts = escale_conflicts_find (cli->database, event, &error);
    }
  else
    {
      if (!escale_cli_open (cli, &error))
        return escale_cli_fail (error);
      conflicts = escale_conflicts_list_upcoming (cli->database, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
    }
  if (conflicts == NULL)
    return escale_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) root = conflicts_to_json (conflicts);

      escale_cli_print_json (root);
    }
  else
    print_conflicts (conflicts);
  return ESCALE_CLI_EXIT_OK;
}
