/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <stdlib.h>

#include "escale-cli-private.h"
#include "escale-partner-export.h"
#include "escale-partner-query.h"

typedef struct
{
  char     *region;
  char     *kind;
  char     *search;
  gboolean  archived;
} Selection;

static void
selection_clear (Selection *selection)
{
  g_clear_pointer (&selection->region, g_free);
  g_clear_pointer (&selection->kind, g_free);
  g_clear_pointer (&selection->search, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selection, selection_clear)

#define SELECTION_ENTRIES(selection) \
  { "region", 0, 0, G_OPTION_ARG_STRING, &(selection).region, N_("Only partners of this region (01 to 17)"), N_("CODE") }, \
  { "kind", 0, 0, G_OPTION_ARG_STRING, &(selection).kind, N_("Only partners of this kind (regional-host, employer…)"), N_("KIND") }, \
  { "search", 0, 0, G_OPTION_ARG_STRING, &(selection).search, N_("Only partners whose name, city, region, kind, contacts or tags contain these words"), N_("TEXT") }, \
  { "archived", 0, 0, G_OPTION_ARG_NONE, &(selection).archived, N_("Include archived partners"), NULL }

static char *
list_kinds (void)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint i = 0; i < ESCALE_N_PARTNER_KINDS; i++)
    g_string_append_printf (kinds, "%s%s", i > 0 ? ", " : "", escale_partner_kind_to_string (i));

  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  return escale_partner_compare (*(EscalePartner **) a, *(EscalePartner **) b, ESCALE_PARTNER_SORT_NAME);
}

/* Applies the selection options, or reports which one is wrong. */
static GListStore *
select_partners (EscaleCli       *cli,
                 GOptionContext  *context,
                 const Selection *selection,
                 int             *status)
{
  g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();
  g_autoptr(GListStore) selected = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *partners;
  guint n;

  if (selection->kind != NULL)
    {
      EscalePartnerKind kind;

      if (!escale_partner_kind_from_string (selection->kind, &kind))
        {
          g_autofree char *kinds = list_kinds ();

          *status = escale_cli_usage_error (context, _("--kind: “%s” is not a kind of partner; use one of %s"),
                                            selection->kind, kinds);
          return NULL;
        }
      escale_partner_query_set_kind (query, kind);
    }

  if (!escale_cli_open (cli, &error))
    {
      *status = escale_cli_fail (error);
      return NULL;
    }

  if (selection->region != NULL)
    {
      if (escale_region_repository_lookup (cli->regions, selection->region) == NULL)
        {
          *status = escale_cli_usage_error (context, _("--region: “%s” is not a region code; use 01 to 17"),
                                            selection->region);
          return NULL;
        }
      escale_partner_query_set_region (query, selection->region);
    }

  escale_partner_query_set_search (query, selection->search);
  escale_partner_query_set_with_archived (query, selection->archived);

  partners = escale_partner_repository_get_partners (cli->partners);
  n = g_list_model_get_n_items (partners);
  matches = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      EscalePartner *partner = g_list_model_get_item (partners, i);

      if (escale_partner_query_matches (query, partner))
        g_ptr_array_add (matches, partner);
      else
        g_object_unref (partner);
    }

  g_ptr_array_sort (matches, compare_by_name);

  selected = g_list_store_new (ESCALE_TYPE_PARTNER);
  g_list_store_splice (selected, 0, 0, matches->pdata, matches->len);
  return g_steal_pointer (&selected);
}

static int
partners_list (EscaleCli  *cli,
               int         argc,
               char      **argv)
{
  g_auto(Selection) selection = { NULL, };
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    SELECTION_ENTRIES (selection),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GListStore) selected = NULL;
  int status = ESCALE_CLI_EXIT_OK;
  guint n;

  g_option_context_set_summary (context, _("List the partners, sorted by name."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);

  selected = select_partners (cli, context, &selection, &status);
  if (selected == NULL)
    return status;

  n = g_list_model_get_n_items (G_LIST_MODEL (selected));

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EscalePartner) partner = g_list_model_get_item (G_LIST_MODEL (selected), i);

          json_array_add_element (array, escale_partner_to_json (partner, cli->regions, ESCALE_PARTNER_JSON_SUMMARY));
        }
      json_node_set_array (root, array);
      escale_cli_print_json (root);
      return ESCALE_CLI_EXIT_OK;
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    escale_cli_print_cell (line, _("ID"), 6);
    escale_cli_print_cell (line, _("Name"), 44);
    escale_cli_print_cell (line, _("Kind"), 28);
    escale_cli_print_cell (line, _("City"), 18);
    escale_cli_print_cell (line, _("Next step due"), 13);
    g_print ("%s\n", g_strchomp (line->str));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(EscalePartner) partner = g_list_model_get_item (G_LIST_MODEL (selected), i);
        EscaleInteraction *next = escale_partner_get_next_action (partner);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, escale_partner_get_id (partner));

        g_string_truncate (line, 0);
        escale_cli_print_cell (line, id, 6);
        escale_cli_print_cell (line, escale_partner_get_name (partner), 44);
        escale_cli_print_cell (line, escale_partner_kind_get_label (escale_partner_get_kind (partner)), 28);
        escale_cli_print_cell (line, escale_partner_get_city (partner), 18);
        escale_cli_print_cell (line, next != NULL ? escale_interaction_get_due_on (next) : "", 13);
        g_print ("%s\n", g_strchomp (line->str));
      }
  }

  return ESCALE_CLI_EXIT_OK;
}

static EscalePartner *
find_partner (EscaleCli   *cli,
              const char  *text,
              int         *status)
{
  g_autoptr(GError) error = NULL;
  EscalePartner *partner;
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      *status = escale_cli_usage_error (NULL, _("“%s” is not a partner ID; IDs are whole numbers from 1"), text);
      return NULL;
    }

  if (!escale_cli_open (cli, &error))
    {
      *status = escale_cli_fail (error);
      return NULL;
    }

  partner = escale_partner_repository_find (cli->partners, (gint64) id);
  if (partner == NULL)
    {
      g_set_error (&error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("No partner has the ID %s"), text);
      *status = escale_cli_fail (error);
    }

  return partner;
}

static int
partners_show (EscaleCli  *cli,
               int         argc,
               char      **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  EscalePartner *partner;
  EscaleRegion *region;
  GListModel *children;
  int status = ESCALE_CLI_EXIT_OK;
  guint n;

  g_option_context_set_summary (context, _("Show one partner with its contacts and interactions."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return escale_cli_usage_error (context, _("Give exactly one partner ID"));

  partner = find_partner (cli, argv[1], &status);
  if (partner == NULL)
    return status;

  if (json)
    {
      g_autoptr(JsonNode) node = escale_partner_to_json (partner, cli->regions, ESCALE_PARTNER_JSON_FULL);

      escale_cli_print_json (node);
      return ESCALE_CLI_EXIT_OK;
    }

  region = escale_region_repository_lookup (cli->regions, escale_partner_get_region_code (partner));
  g_print ("%s%s\n", escale_partner_get_name (partner),
           escale_partner_get_archived (partner) ? _(" (archived)") : "");
  escale_cli_print_field (_("Kind"), escale_partner_kind_get_label (escale_partner_get_kind (partner)), 16);
  escale_cli_print_field (_("Region"), region != NULL ? escale_region_get_name (region) : NULL, 16);
  escale_cli_print_field (_("Address"), escale_partner_get_address (partner), 16);
  escale_cli_print_field (_("City"), escale_partner_get_city (partner), 16);
  escale_cli_print_field (_("Postal code"), escale_partner_get_postal_code (partner), 16);
  escale_cli_print_field (_("Phone"), escale_partner_get_phone (partner), 16);
  escale_cli_print_field (_("Email"), escale_partner_get_email (partner), 16);
  escale_cli_print_field (_("Website"), escale_partner_get_website (partner), 16);
  escale_cli_print_field (_("Tags"), escale_partner_get_tags (partner), 16);
  escale_cli_print_field (_("Notes"), escale_partner_get_notes (partner), 16);

  children = escale_partner_get_contacts (partner);
  n = g_list_model_get_n_items (children);
  if (n > 0)
    g_print ("\n%s\n", _("Contacts"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (children, i);

      g_print ("  %s", escale_contact_get_name (contact));
      if (escale_contact_get_role (contact) != NULL)
        g_print (", %s", escale_contact_get_role (contact));
      if (escale_contact_get_email (contact) != NULL)
        g_print (" · %s", escale_contact_get_email (contact));
      if (escale_contact_get_phone (contact) != NULL)
        g_print (" · %s", escale_contact_get_phone (contact));
      g_print ("\n");
    }

  children = escale_partner_get_interactions (partner);
  n = g_list_model_get_n_items (children);
  if (n > 0)
    g_print ("\n%s\n", _("Interactions"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (children, i);

      g_print ("  %s  %s: %s\n",
               escale_interaction_get_occurred_on (interaction),
               escale_interaction_channel_get_label (escale_interaction_get_channel (interaction)),
               escale_interaction_get_summary (interaction));
      if (escale_interaction_get_next_step (interaction) != NULL)
        /* Translators: a next step, then its due date and whether it is done. */
        g_print ("              %s %s (%s)%s\n", _("Next step:"),
                 escale_interaction_get_next_step (interaction),
                 escale_interaction_get_due_on (interaction) ? escale_interaction_get_due_on (interaction) : _("no due date"),
                 escale_interaction_get_done (interaction) ? _(", done") : "");
    }

  return ESCALE_CLI_EXIT_OK;
}

static int
partners_export (EscaleCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_auto(Selection) selection = { NULL, };
  g_autofree char *csv = NULL;
  g_autofree char *separator = NULL;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write a CSV file for a spreadsheet (- for standard output)"), N_("FILE") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator, N_("The column separator: , ; or tab (default ,)"), N_("CHAR") },
    SELECTION_ENTRIES (selection),
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GListStore) selected = NULL;
  g_autoptr(GError) error = NULL;
  int status = ESCALE_CLI_EXIT_OK;
  char sep = ',';

  g_option_context_set_summary (context, _("Export the partners, sorted by name."));
  if (!escale_cli_parse (cli, context, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (csv == NULL)
    return escale_cli_usage_error (context, _("Say where to write with --csv FILE"));

  if (separator != NULL)
    {
      if (g_str_equal (separator, "tab") || g_str_equal (separator, "\t"))
        sep = '\t';
      else if (g_str_equal (separator, ",") || g_str_equal (separator, ";"))
        sep = separator[0];
      else
        return escale_cli_usage_error (context, _("--separator: use , ; or tab"));
    }

  selected = select_partners (cli, context, &selection, &status);
  if (selected == NULL)
    return status;

  if (g_str_equal (csv, "-"))
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (1, FALSE);

      if (!escale_partner_export_csv (G_LIST_MODEL (selected), cli->regions, stream, sep, &error) ||
          !g_output_stream_close (stream, NULL, &error))
        return escale_cli_fail (error);
    }
  else if (!escale_partner_export_csv_file (G_LIST_MODEL (selected), cli->regions, csv, sep, &error))
    {
      return escale_cli_fail (error);
    }

  if (!g_str_equal (csv, "-"))
    g_printerr (ngettext ("Exported %u partner to %s\n", "Exported %u partners to %s\n",
                          g_list_model_get_n_items (G_LIST_MODEL (selected))),
                g_list_model_get_n_items (G_LIST_MODEL (selected)), csv);

  return ESCALE_CLI_EXIT_OK;
}

static const EscaleCliSubcommand subcommands[] = {
  { "list", partners_list, N_("List partners; filter with --region, --kind, --search") },
  { "show", partners_show, N_("Show one partner with contacts and interactions") },
  { "export", partners_export, N_("Export partners to a CSV file") },
};

int
escale_cli_partners (EscaleCli  *cli,
                     int         argc,
                     char      **argv)
{
  return escale_cli_dispatch (cli, "partners", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
