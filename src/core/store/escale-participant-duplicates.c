/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-database-private.h"
#include "escale-participant-repository-private.h"

/* The same person registers at a fair and again on the web, with an
 * accent missing or the names swapped. Likely duplicates share an email
 * address or a phone number, or the same name (in either order) and year
 * of birth, accents and case ignored. */

void
escale_duplicate_free (EscaleDuplicate *duplicate)
{
  if (duplicate == NULL)
    return;

  g_free (duplicate->display_name);
  g_free (duplicate);
}

/**
 * escale_duplicate_describe:
 *
 * Returns: (transfer full): why the two files look like one person, such as
 *   "Same email address and phone number"
 */
char *
escale_duplicate_describe (const EscaleDuplicate *duplicate)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  g_return_val_if_fail (duplicate != NULL, NULL);

  if (duplicate->same_email)
    g_ptr_array_add (reasons, (gpointer) _("same email address"));
  if (duplicate->same_phone)
    g_ptr_array_add (reasons, (gpointer) _("same phone number"));
  if (duplicate->same_name)
    g_ptr_array_add (reasons, (gpointer) _("same name and year of birth"));
  g_ptr_array_add (reasons, NULL);

  /* Translators: joins the reasons, as in “same email address, same phone number” */
  return g_strjoinv (_(", "), (char **) reasons->pdata);
}

/**
 * escale_participant_repository_find_duplicates:
 * @participant: a file, saved or not
 *
 * Returns: (transfer full) (element-type EscaleDuplicate): the other files
 *   that may be the same person, except pairs a counsellor dismissed
 */
GPtrArray *
escale_participant_repository_find_duplicates (EscaleParticipantRepository  *self,
                                               EscaleParticipant            *participant,
                                               GError                      **error)
{
  EscaleDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  const char *given;
  const char *family;
  g_autofree char *name_key = NULL;
  g_autofree char *swapped_key = NULL;
  g_autofree char *email_key = NULL;
  g_autofree char *phone_key = NULL;
  g_autofree char *other_phone_key = NULL;
  int birth_year;
  gint64 id;
  int rc;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), NULL);

  database = escale_participant_repository_get_database (self);
  given = escale_participant_get_given_name (participant);
  family = escale_participant_get_family_name (participant);
  name_key = _escale_participant_name_key (given, family);
  swapped_key = _escale_participant_name_key (family, given);
  email_key = _escale_email_key (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_EMAIL));
  phone_key = _escale_phone_key (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_PHONE));
  other_phone_key = _escale_phone_key (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_OTHER_PHONE));
  birth_year = escale_participant_get_number (participant, ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR);
  id = escale_participant_get_id (participant);

  stmt = _escale_database_prepare (database,
                                   "SELECT id, coalesce (preferred_name, given_name) || ' ' || family_name, "
                                   "  coalesce (email_key = ?1, 0), "
                                   "  coalesce (phone_key IN (?2, ?3) OR other_phone_key IN (?2, ?3), 0), "
                                   "  coalesce (name_key IN (?4, ?5) AND birth_year = ?6, 0) "
                                   "FROM participant "
                                   "WHERE id IS NOT ?7 "
                                   "  AND (email_key = ?1 OR phone_key IN (?2, ?3) OR other_phone_key IN (?2, ?3) "
                                   "       OR (name_key IN (?4, ?5) AND birth_year = ?6)) "
                                   "  AND NOT EXISTS (SELECT 1 FROM duplicate_dismissal d "
                                   "    WHERE d.participant_id = min (id, ?7) AND d.other_id = max (id, ?7)) "
                                   "ORDER BY id",
                                   error);
  if (stmt == NULL)
    return NULL;

  _escale_bind_text (stmt, 1, email_key);
  _escale_bind_text (stmt, 2, phone_key);
  _escale_bind_text (stmt, 3, other_phone_key);
  _escale_bind_text (stmt, 4, name_key);
  _escale_bind_text (stmt, 5, swapped_key);
  if (birth_year > 0)
    sqlite3_bind_int (stmt, 6, birth_year);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 7, id);

  duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_duplicate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscaleDuplicate *duplicate = g_new0 (EscaleDuplicate, 1);

      duplicate->id = sqlite3_column_int64 (stmt, 0);
      duplicate->display_name = g_strdup (_escale_column_text (stmt, 1));
      duplicate->same_email = sqlite3_column_int (stmt, 2) == 1;
      duplicate->same_phone = sqlite3_column_int (stmt, 3) == 1;
      duplicate->same_name = sqlite3_column_int (stmt, 4) == 1;
      g_ptr_array_add (duplicates, duplicate);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&duplicates);
}

/**
 * escale_participant_repository_dismiss_duplicate:
 *
 * Records that two files the rules pair are two different people, so that
 * they are no longer offered for merging.
 */
gboolean
escale_participant_repository_dismiss_duplicate (EscaleParticipantRepository  *self,
                                                 gint64                        id,
                                                 gint64                        other_id,
                                                 GError                      **error)
{
  EscaleDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (id != other_id, FALSE);

  database = escale_participant_repository_get_database (self);
  stmt = _escale_database_prepare (database,
                                   "INSERT OR IGNORE INTO duplicate_dismissal (participant_id, other_id) VALUES (?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, MIN (id, other_id));
  sqlite3_bind_int64 (stmt, 2, MAX (id, other_id));
  return _escale_database_step_done (database, stmt, error);
}

/* The kept file's values win; the other file fills what it leaves empty,
 * and adds its regions of interest after the kept file's own. */
static void
fill_gaps (EscaleParticipant *kept,
           EscaleParticipant *merged)
{
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      const GValue *mine = escale_participant_get_value (kept, i);
      const GValue *theirs = escale_participant_get_value (merged, i);
      const char *name = escale_participant_field_get_name (i);
      gboolean empty;

      if (G_VALUE_HOLDS_STRING (mine))
        empty = g_value_get_string (mine) == NULL;
      else if (G_VALUE_HOLDS_INT (mine))
        empty = g_value_get_int (mine) <= 0 && !(i == ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS && g_value_get_int (mine) == 0);
      else if (G_VALUE_HOLDS_ENUM (mine))
        empty = g_value_get_enum (mine) == 0;
      else if (G_VALUE_HOLDS_BOOLEAN (mine))
        empty = !g_value_get_boolean (mine);
      else
        {
          const char * const *regions = g_value_get_boxed (mine);
          const char * const *other_regions = g_value_get_boxed (theirs);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) all = NULL;

          if (regions != NULL)
            g_strv_builder_addv (builder, (const char **) regions);
          for (guint j = 0; other_regions != NULL && other_regions[j] != NULL; j++)
            {
              if (regions == NULL || !g_strv_contains (regions, other_regions[j]))
                g_strv_builder_add (builder, other_regions[j]);
            }
          all = g_strv_builder_end (builder);
          g_object_set (kept, name, all, NULL);
          continue;
        }

      if (empty)
        g_object_set_property (G_OBJECT (kept), name, theirs);
    }

  if (g_list_model_get_n_items (escale_participant_get_household (kept)) == 0)
    {
      GListModel *household = escale_participant_get_household (merged);

      for (guint i = 0; i < g_list_model_get_n_items (household); i++)
        {
          g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (household, i);
          g_autoptr(EscaleHouseholdMember) copy = escale_household_member_copy (member);

          escale_participant_add_household_member (kept, copy);
        }
    }
}

static gboolean
move_rows (EscaleDatabase  *database,
           const char      *table,
           gint64           kept_id,
           gint64           merged_id,
           GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET participant_id = ? WHERE participant_id = ?", table);
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kept_id);
  sqlite3_bind_int64 (stmt, 2, merged_id);
  return _escale_database_step_done (database, stmt, error);
}

static gboolean
delete_merged (EscaleDatabase  *database,
               gint64           merged_id,
               GError         **error)
{
  const char *statements[] = {
    "DELETE FROM participant_search WHERE rowid = ?",
    "DELETE FROM participant WHERE id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, merged_id);
      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * escale_participant_repository_merge:
 * @kept: the file that stays, as the counsellor sees it (it may have
 *   unsaved changes)
 * @merged_id: the file merged into it, then deleted
 *
 * Merges two files of the same person in one transaction: every consent
 * record, case note, follow-up and import trace of @merged_id moves to
 * @kept, its fields fill those @kept leaves empty, and a note records the
 * merge.
 *
 * Returns: (transfer full): the merged file as now stored, or %NULL
 */
EscaleParticipant *
escale_participant_repository_merge (EscaleParticipantRepository  *self,
                                     EscaleParticipant            *kept,
                                     gint64                        merged_id,
                                     GError                      **error)
{
  EscaleDatabase *database;
  g_autoptr(EscaleParticipant) merged = NULL;
  g_autoptr(EscaleParticipant) result = NULL;
  g_autoptr(EscaleCaseNote) note = NULL;
  g_autoptr(GArray) pending = _escale_participant_repository_new_pending ();
  g_autofree char *merged_name = NULL;
  g_autofree char *merged_number = NULL;
  g_autofree char *today = escale_calendar_date_today ();
  g_autofree char *body = NULL;
  g_autofree char *details = NULL;
  const char *tables[] = { "consent", "case_note", "follow_up", "eligibility_override", "participant_import_row" };
  gint64 kept_id;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (kept), NULL);
  g_return_val_if_fail (escale_participant_get_id (kept) != 0, NULL);
  g_return_val_if_fail (escale_participant_get_id (kept) != merged_id, NULL);

  database = escale_participant_repository_get_database (self);
  kept_id = escale_participant_get_id (kept);

  if (!escale_database_begin (database, error))
    return NULL;

  merged = escale_participant_repository_load (self, merged_id, error);
  if (merged == NULL)
    goto failed;

  /* The kept file is saved first, with its own lists; only then do the
   * other file's rows move to it, so that saving does not delete them. */
  result = escale_participant_copy (kept);
  fill_gaps (result, merged);
  merged_name = escale_participant_dup_display_name (merged);
  merged_number = g_strdup_printf ("%" G_GINT64_FORMAT, merged_id);
  /* Translators: a name, then the number of the file merged into this one */
  body = g_strdup_printf (_("Merged with the file of %s (no. %s)."), merged_name, merged_number);
  note = escale_case_note_new (today, g_get_user_name (), body);
  escale_participant_add_note (result, note);

  if (!_escale_participant_repository_write (self, result, "update", now, pending, NULL, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (!move_rows (database, tables[i], kept_id, merged_id, error))
        goto failed;
    }

  details = g_strdup_printf ("participant %" G_GINT64_FORMAT, merged_id);
  if (!delete_merged (database, merged_id, error) ||
      !escale_audit_log_record (database, "participant", kept_id, "merge", details, error) ||
      !escale_audit_log_record (database, "participant", merged_id, "merge", NULL, error) ||
      !escale_database_commit (database, error))
    goto failed;

  _escale_participant_repository_apply_ids (self, pending, now);
  g_clear_object (&result);

  /* Read back, with the moved rows in their places. */
  return escale_participant_repository_load (self, kept_id, error);

failed:
  escale_database_rollback (database);
  return NULL;
}
