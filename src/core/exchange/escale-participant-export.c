/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-csv-writer.h"
#include "escale-enums.h"
#include "escale-participant-form.h"
#include "escale-participant-export.h"

/* JSON for scripts: stable keys (the field names, in snake_case like the
 * partners'), stable values (nicks, ISO dates, region codes), whatever the
 * language of the user. */

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_field (JsonBuilder            *builder,
           EscaleParticipant      *participant,
           EscaleParticipantField  field)
{
  const GValue *value = escale_participant_get_value (participant, field);
  g_autofree char *key = g_strdelimit (g_strdup (escale_participant_field_get_name (field)), "-", '_');

  json_builder_set_member_name (builder, key);

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    json_builder_add_string_value (builder, g_value_get_string (value));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (G_VALUE_HOLDS_ENUM (value) && g_value_get_enum (value) != 0)
    json_builder_add_string_value (builder, escale_choice_get_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));
  else if (G_VALUE_HOLDS_INT (value) &&
           (g_value_get_int (value) > 0 ||
            (field == ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS && g_value_get_int (value) == 0)))
    json_builder_add_int_value (builder, g_value_get_int (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *codes = g_value_get_boxed (value);

      json_builder_begin_array (builder);
      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        json_builder_add_string_value (builder, codes[i]);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_lists (JsonBuilder       *builder,
           EscaleParticipant *participant)
{
  GListModel *list;

  list = escale_participant_get_household (participant);
  json_builder_set_member_name (builder, "household");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (list, i);
      int birth_year = escale_household_member_get_birth_year (member);

      json_builder_begin_object (builder);
      add_text (builder, "relation", escale_choice_get_nick (ESCALE_TYPE_HOUSEHOLD_RELATION,
                                                             escale_household_member_get_relation (member)));
      add_text (builder, "given_name", escale_household_member_get_given_name (member));
      json_builder_set_member_name (builder, "birth_year");
      if (birth_year > 0)
        json_builder_add_int_value (builder, birth_year);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  list = escale_participant_get_consents (participant);
  json_builder_set_member_name (builder, "consents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_text (builder, "purpose", escale_choice_get_nick (ESCALE_TYPE_CONSENT_PURPOSE,
                                                            escale_consent_get_purpose (consent)));
      json_builder_set_member_name (builder, "granted");
      json_builder_add_boolean_value (builder, escale_consent_get_granted (consent));
      add_text (builder, "date", escale_consent_get_given_on (consent));
      add_text (builder, "notice_version", escale_consent_get_notice_version (consent));
      add_text (builder, "recorded_by", escale_consent_get_recorded_by (consent));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  list = escale_participant_get_notes (participant);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleCaseNote) note = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_text (builder, "date", escale_case_note_get_written_on (note));
      add_text (builder, "author", escale_case_note_get_author (note));
      add_text (builder, "text", escale_case_note_get_body (note));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  list = escale_participant_get_follow_ups (participant);
  json_builder_set_member_name (builder, "follow_ups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (list, i);
      EscaleFollowUpOutcome outcome = escale_follow_up_get_outcome (follow_up);

      json_builder_begin_object (builder);
      add_text (builder, "due", escale_follow_up_get_due_on (follow_up));
      add_text (builder, "kind", escale_choice_get_nick (ESCALE_TYPE_FOLLOW_UP_KIND,
                                                         escale_follow_up_get_kind (follow_up)));
      add_text (builder, "outcome", outcome != ESCALE_FOLLOW_UP_OUTCOME_PENDING
                                      ? escale_choice_get_nick (ESCALE_TYPE_FOLLOW_UP_OUTCOME, outcome) : NULL);
      add_text (builder, "done", escale_follow_up_get_done_on (follow_up));
      add_text (builder, "notes", escale_follow_up_get_notes (follow_up));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * escale_participant_to_json:
 *
 * Returns: (transfer full): the whole file: every field under its name,
 *   household, consent history, notes and follow-ups
 */
JsonNode *
escale_participant_to_json (EscaleParticipant *participant)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, escale_participant_get_id (participant));
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    add_field (builder, participant, i);
  add_lists (builder, participant);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * escale_participant_summary_to_json:
 *
 * Returns: (transfer full): what a list shows of one participant, without
 *   the sensitive fields
 */
JsonNode *
escale_participant_summary_to_json (EscaleParticipantSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *regions;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_SUMMARY (summary), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, escale_participant_summary_get_id (summary));
  add_text (builder, "name", escale_participant_summary_get_display_name (summary));
  add_text (builder, "email", escale_participant_summary_get_email (summary));
  add_text (builder, "phone", escale_participant_summary_get_phone (summary));
  add_text (builder, "city", escale_participant_summary_get_city (summary));
  add_text (builder, "occupation", escale_participant_summary_get_occupation (summary));

  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  regions = escale_participant_summary_get_regions (summary);
  if (regions != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (regions, ", ", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        json_builder_add_string_value (builder, codes[i]);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "consent");
  json_builder_add_boolean_value (builder, escale_participant_summary_get_has_consent (summary));
  add_text (builder, "next_follow_up", escale_participant_summary_get_next_follow_up (summary));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The same columns the import reads back: the field labels in the user's
 * language, values written as the editor shows them. */
static gboolean
write_csv (EscaleParticipantRepository  *participants,
           GArray                       *ids,
           GListModel                   *regions,
           GOutputStream                *stream,
           char                          separator,
           GError                      **error)
{
  g_autoptr(EscaleCsvWriter) writer = escale_csv_writer_new (stream, separator);
  const char *cells[ESCALE_N_PARTICIPANT_FIELDS + 1];
  g_autofree char *texts[ESCALE_N_PARTICIPANT_FIELDS + 1] = { NULL };

  cells[0] = _("ID");
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    cells[i + 1] = escale_participant_field_get_label (i);
  if (!escale_csv_writer_write_row (writer, cells, G_N_ELEMENTS (cells), error))
    return FALSE;

  for (guint row = 0; row < ids->len; row++)
    {
      g_autoptr(EscaleParticipant) participant = NULL;
      gboolean written;

      participant = escale_participant_repository_load (participants, g_array_index (ids, gint64, row), error);
      if (participant == NULL)
        return FALSE;

      texts[0] = g_strdup_printf ("%" G_GINT64_FORMAT, escale_participant_get_id (participant));
      for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
        texts[i + 1] = escale_participant_field_format (i, escale_participant_get_value (participant, i), regions);
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        cells[i] = texts[i];

      written = escale_csv_writer_write_row (writer, cells, G_N_ELEMENTS (cells), error);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_clear_pointer (&texts[i], g_free);
      if (!written)
        return FALSE;
    }

  return TRUE;
}

/**
 * escale_participant_export_csv_file:
 * @ids: (element-type gint64): the participants to export, in order, as
 *   escale_participant_repository_search() gives them
 * @regions: (nullable): the regions, to write their names
 * @path: the spreadsheet to write
 *
 * Writes a CSV file that Excel opens as it should (UTF-8 with a byte order
 * mark, CRLF, formulas neutralised), readable by its owner only, and
 * records the export in the audit log: personal information leaving
 * Escale leaves a trace.
 */
gboolean
escale_participant_export_csv_file (EscaleParticipantRepository  *participants,
                                    GArray                       *ids,
                                    GListModel                   *regions,
                                    const char                   *path,
                                    char                          separator,
                                    GError                      **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), FALSE);
  g_return_val_if_fail (ids != NULL && path != NULL, FALSE);

  if (!write_csv (participants, ids, regions, stream, separator, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  contents = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  if (!escale_csv_write_file (path, contents, error))
    return FALSE;

  details = g_strdup_printf ("%u participants", ids->len);
  return escale_audit_log_record (escale_participant_repository_get_database (participants),
                                  "participant", 0, "export", details, error);
}

typedef struct
{
  char       *database_path;
  GArray     *ids;
  GListModel *regions;
  char       *path;
  char        separator;
} ExportWork;

static void
export_work_free (gpointer data)
{
  ExportWork *work = data;

  g_free (work->database_path);
  g_array_unref (work->ids);
  g_clear_object (&work->regions);
  g_free (work->path);
  g_free (work);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportWork *work = task_data;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  GError *error = NULL;

  database = escale_database_open (work->database_path, &error);
  if (database != NULL)
    participants = escale_participant_repository_new (database, &error);

  if (participants != NULL &&
      escale_participant_export_csv_file (participants, work->ids, work->regions, work->path, work->separator, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * escale_participant_export_csv_file_async:
 * @ids: (element-type gint64): the participants to export; copied
 *
 * Like escale_participant_export_csv_file(), for a window: 100,000 files
 * are read and written in another thread, with a connection of its own.
 */
void
escale_participant_export_csv_file_async (EscaleParticipantRepository *participants,
                                          GArray                      *ids,
                                          GListModel                  *regions,
                                          const char                  *path,
                                          char                         separator,
                                          GCancellable                *cancellable,
                                          GAsyncReadyCallback          callback,
                                          gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportWork *work;

  g_return_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants));
  g_return_if_fail (ids != NULL && path != NULL);

  work = g_new0 (ExportWork, 1);
  work->database_path = g_strdup (escale_database_get_path (escale_participant_repository_get_database (participants)));
  work->ids = g_array_copy (ids);
  work->regions = regions != NULL ? g_object_ref (regions) : NULL;
  work->path = g_strdup (path);
  work->separator = separator;

  g_task_set_task_data (task, work, export_work_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
escale_participant_export_csv_file_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
