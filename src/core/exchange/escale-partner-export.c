/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-csv-writer.h"
#include "escale-partner-export.h"

/* The JSON field names are an interface for counsellors' scripts: they are
 * documented in README.md and never change meaning. */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_timestamp (JsonBuilder *builder,
               const char  *name,
               gint64       unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (unix_seconds > 0)
    {
      time = g_date_time_new_from_unix_utc (unix_seconds);
      text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
    }
  add_string (builder, name, text);
}

static void
add_contacts (JsonBuilder   *builder,
              EscalePartner *partner)
{
  GListModel *contacts = escale_partner_get_contacts (partner);
  guint n = g_list_model_get_n_items (contacts);

  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, escale_contact_get_id (contact));
      add_string (builder, "name", escale_contact_get_name (contact));
      add_string (builder, "role", escale_contact_get_role (contact));
      add_string (builder, "email", escale_contact_get_email (contact));
      add_string (builder, "phone", escale_contact_get_phone (contact));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_interactions (JsonBuilder   *builder,
                  EscalePartner *partner)
{
  GListModel *interactions = escale_partner_get_interactions (partner);
  guint n = g_list_model_get_n_items (interactions);

  json_builder_set_member_name (builder, "interactions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (interactions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, escale_interaction_get_id (interaction));
      add_string (builder, "date", escale_interaction_get_occurred_on (interaction));
      add_string (builder, "channel",
                  escale_interaction_channel_to_string (escale_interaction_get_channel (interaction)));
      json_builder_set_member_name (builder, "contact_id");
      if (escale_interaction_get_contact_id (interaction) != 0)
        json_builder_add_int_value (builder, escale_interaction_get_contact_id (interaction));
      else
        json_builder_add_null_value (builder);
      add_string (builder, "summary", escale_interaction_get_summary (interaction));
      add_string (builder, "next_step", escale_interaction_get_next_step (interaction));
      add_string (builder, "due_on", escale_interaction_get_due_on (interaction));
      json_builder_set_member_name (builder, "done");
      json_builder_add_boolean_value (builder, escale_interaction_get_done (interaction));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * escale_partner_to_json:
 * @detail: %ESCALE_PARTNER_JSON_SUMMARY for lists, %ESCALE_PARTNER_JSON_FULL
 *   to add the address, notes, contacts and interactions
 *
 * Returns: (transfer full): a JSON object describing @partner
 */
JsonNode *
escale_partner_to_json (EscalePartner           *partner,
                        EscaleRegionRepository  *regions,
                        EscalePartnerJsonDetail  detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  EscaleInteraction *next = NULL;
  EscaleRegion *region;
  g_auto(GStrv) tags = NULL;
  double latitude, longitude;

  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (ESCALE_IS_REGION_REPOSITORY (regions), NULL);

  region = escale_region_repository_lookup (regions, escale_partner_get_region_code (partner));
  next = escale_partner_get_next_action (partner);
  tags = escale_partner_dup_tag_list (partner);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, escale_partner_get_id (partner));
  add_string (builder, "name", escale_partner_get_name (partner));
  add_string (builder, "kind", escale_partner_kind_to_string (escale_partner_get_kind (partner)));
  add_string (builder, "region_code", escale_partner_get_region_code (partner));
  add_string (builder, "region", region != NULL ? escale_region_get_name (region) : NULL);
  add_string (builder, "city", escale_partner_get_city (partner));
  add_string (builder, "phone", escale_partner_get_phone (partner));
  add_string (builder, "email", escale_partner_get_email (partner));
  add_string (builder, "website", escale_partner_get_website (partner));

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, escale_partner_get_archived (partner));
  add_string (builder, "next_step", next != NULL ? escale_interaction_get_next_step (next) : NULL);
  add_string (builder, "next_due", next != NULL ? escale_interaction_get_due_on (next) : NULL);

  if (detail == ESCALE_PARTNER_JSON_FULL)
    {
      add_string (builder, "address", escale_partner_get_address (partner));
      add_string (builder, "postal_code", escale_partner_get_postal_code (partner));

      if (escale_partner_get_coordinates (partner, &latitude, &longitude))
        {
          json_builder_set_member_name (builder, "latitude");
          json_builder_add_double_value (builder, latitude);
          json_builder_set_member_name (builder, "longitude");
          json_builder_add_double_value (builder, longitude);
        }
      else
        {
          add_string (builder, "latitude", NULL);
          add_string (builder, "longitude", NULL);
        }

      add_string (builder, "notes", escale_partner_get_notes (partner));
      add_timestamp (builder, "created_at", escale_partner_get_created_at (partner));
      add_timestamp (builder, "updated_at", escale_partner_get_updated_at (partner));
      add_contacts (builder, partner);
      add_interactions (builder, partner);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
describe_contacts (EscalePartner *partner)
{
  GListModel *contacts = escale_partner_get_contacts (partner);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (contacts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, i);
      const char *parts[] = {
        escale_contact_get_name (contact),
        escale_contact_get_role (contact),
        escale_contact_get_email (contact),
        escale_contact_get_phone (contact),
      };

      if (text->len > 0)
        g_string_append (text, "\n");
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          if (parts[p] != NULL)
            g_string_append_printf (text, "%s%s", p > 0 ? ", " : "", parts[p]);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * escale_partner_export_csv:
 * @partners: (element-type EscalePartner): the partners to write, in order
 *
 * Writes one line per partner, with a header line in the user's language,
 * for a spreadsheet.
 */
gboolean
escale_partner_export_csv (GListModel              *partners,
                           EscaleRegionRepository  *regions,
                           GOutputStream           *stream,
                           char                     separator,
                           GError                 **error)
{
  g_autoptr(EscaleCsvWriter) writer = NULL;
  const char *header[] = {
    _("Id"), _("Name"), _("Kind"), _("Region"), _("Address"), _("City"), _("Postal code"),
    _("Latitude"), _("Longitude"), _("Website"), _("Phone"), _("Email"), _("Tags"),
    _("Contacts"), _("Next step"), _("Due"), _("Archived"), _("Notes"),
  };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (partners), FALSE);
  g_return_val_if_fail (ESCALE_IS_REGION_REPOSITORY (regions), FALSE);

  writer = escale_csv_writer_new (stream, separator);
  if (!escale_csv_writer_write_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;

  n = g_list_model_get_n_items (partners);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (partners, i);
      EscaleRegion *region = escale_region_repository_lookup (regions, escale_partner_get_region_code (partner));
      EscaleInteraction *next = escale_partner_get_next_action (partner);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, escale_partner_get_id (partner));
      g_autofree char *contacts = describe_contacts (partner);
      char latitude[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char longitude[G_ASCII_DTOSTR_BUF_SIZE] = "";
      double lat, lon;
      const char *row[G_N_ELEMENTS (header)];

      /* A spreadsheet that splits on semicolons reads decimal commas. */
      if (escale_partner_get_coordinates (partner, &lat, &lon))
        {
          g_ascii_formatd (latitude, sizeof latitude, "%.6f", lat);
          g_ascii_formatd (longitude, sizeof longitude, "%.6f", lon);
          if (separator == ';')
            {
              g_strdelimit (latitude, ".", ',');
              g_strdelimit (longitude, ".", ',');
            }
        }

      row[0] = id;
      row[1] = escale_partner_get_name (partner);
      row[2] = escale_partner_kind_get_label (escale_partner_get_kind (partner));
      row[3] = region != NULL ? escale_region_get_name (region) : NULL;
      row[4] = escale_partner_get_address (partner);
      row[5] = escale_partner_get_city (partner);
      row[6] = escale_partner_get_postal_code (partner);
      row[7] = latitude;
      row[8] = longitude;
      row[9] = escale_partner_get_website (partner);
      row[10] = escale_partner_get_phone (partner);
      row[11] = escale_partner_get_email (partner);
      row[12] = escale_partner_get_tags (partner);
      row[13] = contacts;
      row[14] = next != NULL ? escale_interaction_get_next_step (next) : NULL;
      row[15] = next != NULL ? escale_interaction_get_due_on (next) : NULL;
      row[16] = escale_partner_get_archived (partner) ? _("yes") : _("no");
      row[17] = escale_partner_get_notes (partner);

      if (!escale_csv_writer_write_row (writer, row, G_N_ELEMENTS (row), error))
        return FALSE;
    }

  return g_output_stream_flush (stream, NULL, error);
}

/* The CSV of @partners, in memory: building it reads the partners, which
 * belong to the main thread. */
static GBytes *
export_csv_bytes (GListModel              *partners,
                  EscaleRegionRepository  *regions,
                  char                     separator,
                  GError                 **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!escale_partner_export_csv (partners, regions, stream, separator, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/**
 * escale_partner_export_csv_file:
 * @path: the spreadsheet to write, in the filename encoding
 *
 * Writes the CSV of escale_partner_export_csv() to @path, readable by its
 * owner only. The file is built in memory, written beside @path and renamed
 * over it: an export that fails halfway (a full disk) leaves neither a
 * truncated spreadsheet nor a damaged earlier one.
 */
gboolean
escale_partner_export_csv_file (GListModel              *partners,
                                EscaleRegionRepository  *regions,
                                const char              *path,
                                char                     separator,
                                GError                 **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  contents = export_csv_bytes (partners, regions, separator, error);
  return contents != NULL && escale_csv_write_file (path, contents, error);
}

static void
write_file_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (escale_csv_write_file (path, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * escale_partner_export_csv_file_async:
 *
 * Like escale_partner_export_csv_file(), for a window: the CSV is built at
 * once, and the disk is written from another thread, so that a slow or
 * network-mounted folder never freezes the window.
 */
void
escale_partner_export_csv_file_async (GListModel              *partners,
                                      EscaleRegionRepository  *regions,
                                      const char              *path,
                                      char                     separator,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  GBytes *contents;

  g_return_if_fail (path != NULL);

  contents = export_csv_bytes (partners, regions, separator, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_set_task_data (task, contents, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_file_in_thread);
}

gboolean
escale_partner_export_csv_file_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
