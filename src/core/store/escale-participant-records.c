/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-database-private.h"
#include "escale-enums.h"
#include "escale-participant-private.h"
#include "escale-participant-repository-private.h"

/* The lists of a participant's file: household and regions, rewritten at
 * each save; consent records, only ever added; notes and follow-ups, kept
 * by id. Written and read inside the repository's transactions, with the
 * ids SQLite gives applied to the objects only after the commit. */

/* Ids that SQLite gives inside the transaction reach the objects only after
 * the commit, so that a failed save leaves the editor's objects as they were. */
typedef struct
{
  GObject *object;
  gint64   id;
} PendingId;

static void
pending_id_clear (gpointer data)
{
  g_clear_object (&((PendingId *) data)->object);
}

/* The participant itself or one of its records, to get @id at the commit. */
void
_escale_participant_pending_add (GArray   *pending,
                                 gpointer  object,
                                 gint64    id)
{
  PendingId item = { g_object_ref (object), id };

  g_array_append_val (pending, item);
}

void
_escale_participant_pending_apply (GArray *pending,
                                   gint64  now)
{
  for (guint i = 0; i < pending->len; i++)
    {
      PendingId *item = &g_array_index (pending, PendingId, i);

      if (ESCALE_IS_PARTICIPANT (item->object))
        {
          EscaleParticipant *participant = ESCALE_PARTICIPANT (item->object);
          gint64 created_at = escale_participant_get_id (participant) == item->id
                                ? escale_participant_get_created_at (participant) : now;

          _escale_participant_set_stored (participant, item->id, created_at != 0 ? created_at : now, now);
        }
      else if (ESCALE_IS_CONSENT (item->object))
        _escale_consent_set_stored (ESCALE_CONSENT (item->object), item->id, now);
      else if (ESCALE_IS_CASE_NOTE (item->object))
        _escale_case_note_set_id (ESCALE_CASE_NOTE (item->object), item->id);
      else if (ESCALE_IS_FOLLOW_UP (item->object))
        _escale_follow_up_set_id (ESCALE_FOLLOW_UP (item->object), item->id);
      else
        g_assert_not_reached ();
    }
}

static gboolean
delete_children (EscaleDatabase  *database,
                 const char      *table,
                 gint64           participant_id,
                 GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE participant_id = ?", table);
  sqlite3_stmt *stmt = _escale_database_prepare_cached (database, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, participant_id);
  return _escale_database_step_done (database, stmt, error);
}

/* Household and regions have no identity of their own: they are rewritten. */
static gboolean
write_household_and_regions (EscaleDatabase     *database,
                             gint64              id,
                             EscaleParticipant  *participant,
                             gboolean            is_new,
                             GError            **error)
{
  GListModel *household = escale_participant_get_household (participant);
  const char * const *regions = escale_participant_get_regions (participant);
  sqlite3_stmt *member_stmt;
  sqlite3_stmt *region_stmt;

  if (!is_new &&
      (!delete_children (database, "household_member", id, error) ||
       !delete_children (database, "participant_region", id, error)))
    return FALSE;

  member_stmt = _escale_database_prepare_cached (database,
                                                 "INSERT INTO household_member (participant_id, relation, given_name, birth_year) "
                                                 "VALUES (?, ?, ?, ?)",
                                                 error);
  if (member_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (household); i++)
    {
      g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (household, i);
      int birth_year = escale_household_member_get_birth_year (member);

      sqlite3_reset (member_stmt);
      sqlite3_bind_int64 (member_stmt, 1, id);
      _escale_bind_text (member_stmt, 2, escale_choice_get_nick (ESCALE_TYPE_HOUSEHOLD_RELATION,
                                                                 escale_household_member_get_relation (member)));
      _escale_bind_text (member_stmt, 3, escale_household_member_get_given_name (member));
      if (birth_year > 0)
        sqlite3_bind_int (member_stmt, 4, birth_year);
      else
        sqlite3_bind_null (member_stmt, 4);

      if (!_escale_database_step_done (database, member_stmt, error))
        return FALSE;
    }

  region_stmt = _escale_database_prepare_cached (database, ESCALE_PARTICIPANT_REGION_INSERT_SQL, error);
  if (region_stmt == NULL)
    return FALSE;

  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      sqlite3_reset (region_stmt);
      sqlite3_bind_int64 (region_stmt, 1, id);
      sqlite3_bind_int (region_stmt, 2, (int) i + 1);
      _escale_bind_text (region_stmt, 3, regions[i]);

      if (!_escale_database_step_done (database, region_stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Consent records are only ever added. On a restore they come back with
 * their ids and their dates of recording. */
static gboolean
write_consents (EscaleDatabase     *database,
                gint64              id,
                EscaleParticipant  *participant,
                gboolean            restoring,
                gint64              now,
                GArray             *pending,
                GError            **error)
{
  GListModel *consents = escale_participant_get_consents (participant);
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (database,
                                          "INSERT INTO consent (participant_id, purpose, granted, given_on, notice_version, "
                                          "recorded_by, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (consents, i);
      gint64 consent_id = escale_consent_get_id (consent);

      if (consent_id != 0 && !restoring)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      _escale_bind_text (stmt, 2, escale_choice_get_nick (ESCALE_TYPE_CONSENT_PURPOSE,
                                                          escale_consent_get_purpose (consent)));
      sqlite3_bind_int (stmt, 3, escale_consent_get_granted (consent));
      _escale_bind_text (stmt, 4, escale_consent_get_given_on (consent));
      _escale_bind_text (stmt, 5, escale_consent_get_notice_version (consent));
      _escale_bind_text (stmt, 6, escale_consent_get_recorded_by (consent));
      sqlite3_bind_int64 (stmt, 7, consent_id != 0 ? _escale_consent_get_created_at (consent) : now);
      if (consent_id != 0)
        sqlite3_bind_int64 (stmt, 8, consent_id);
      else
        sqlite3_bind_null (stmt, 8);

      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;

      if (consent_id == 0)
        _escale_participant_pending_add (pending, consent, sqlite3_last_insert_rowid (_escale_database_get_handle (database)));
    }

  return TRUE;
}

static gint64
item_id (gpointer item)
{
  if (ESCALE_IS_CONSENT (item))
    return escale_consent_get_id (item);
  if (ESCALE_IS_CASE_NOTE (item))
    return escale_case_note_get_id (item);
  return escale_follow_up_get_id (item);
}

/* Notes and follow-ups keep their ids: those no longer in @items are
 * deleted, the others are inserted or updated in place. */
static gboolean
delete_removed (EscaleDatabase  *database,
                const char      *table,
                gint64           participant_id,
                GListModel      *items,
                GError         **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_kept = 0;

  g_string_printf (sql, "DELETE FROM %s WHERE participant_id = ? AND id NOT IN (", table);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gint64 id = item_id (item);

      if (id != 0)
        g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, n_kept++ > 0 ? ", " : "", id);
    }
  g_string_append (sql, ")");

  stmt = _escale_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, participant_id);
  return _escale_database_step_done (database, stmt, error);
}

static gboolean
write_notes (EscaleDatabase     *database,
             gint64              id,
             EscaleParticipant  *participant,
             gboolean            is_new,
             gint64              now,
             GArray             *pending,
             GError            **error)
{
  GListModel *notes = escale_participant_get_notes (participant);
  sqlite3_stmt *stmt;

  if (!is_new && !delete_removed (database, "case_note", id, notes, error))
    return FALSE;

  stmt = _escale_database_prepare_cached (database,
                                          "INSERT INTO case_note (id, participant_id, written_on, author, body, created_at, updated_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at "
                                          "WHERE body IS NOT excluded.body",
                                          error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(EscaleCaseNote) note = g_list_model_get_item (notes, i);
      gint64 note_id = escale_case_note_get_id (note);

      sqlite3_reset (stmt);
      if (note_id != 0)
        sqlite3_bind_int64 (stmt, 1, note_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, id);
      _escale_bind_text (stmt, 3, escale_case_note_get_written_on (note));
      _escale_bind_text (stmt, 4, escale_case_note_get_author (note));
      _escale_bind_text (stmt, 5, escale_case_note_get_body (note));
      sqlite3_bind_int64 (stmt, 6, now);
      sqlite3_bind_int64 (stmt, 7, now);

      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;

      if (note_id == 0)
        _escale_participant_pending_add (pending, note, sqlite3_last_insert_rowid (_escale_database_get_handle (database)));
    }

  return TRUE;
}

static gboolean
write_follow_ups (EscaleDatabase     *database,
                  gint64              id,
                  EscaleParticipant  *participant,
                  gboolean            is_new,
                  gint64              now,
                  GArray             *pending,
                  GError            **error)
{
  GListModel *follow_ups = escale_participant_get_follow_ups (participant);
  sqlite3_stmt *stmt;

  if (!is_new && !delete_removed (database, "follow_up", id, follow_ups, error))
    return FALSE;

  stmt = _escale_database_prepare_cached (database,
                                          "INSERT INTO follow_up (id, participant_id, due_on, kind, outcome, done_on, notes, "
                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (id) DO UPDATE SET due_on = excluded.due_on, kind = excluded.kind, "
                                          "outcome = excluded.outcome, done_on = excluded.done_on, notes = excluded.notes, "
                                          "updated_at = excluded.updated_at "
                                          "WHERE (due_on, kind, outcome, done_on, notes) IS NOT "
                                          "(excluded.due_on, excluded.kind, excluded.outcome, excluded.done_on, excluded.notes)",
                                          error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (follow_ups); i++)
    {
      g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (follow_ups, i);
      gint64 follow_up_id = escale_follow_up_get_id (follow_up);
      EscaleFollowUpOutcome outcome = escale_follow_up_get_outcome (follow_up);

      sqlite3_reset (stmt);
      if (follow_up_id != 0)
        sqlite3_bind_int64 (stmt, 1, follow_up_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, id);
      _escale_bind_text (stmt, 3, escale_follow_up_get_due_on (follow_up));
      _escale_bind_text (stmt, 4, escale_choice_get_nick (ESCALE_TYPE_FOLLOW_UP_KIND,
                                                          escale_follow_up_get_kind (follow_up)));
      _escale_bind_text (stmt, 5, outcome != ESCALE_FOLLOW_UP_OUTCOME_PENDING
                                    ? escale_choice_get_nick (ESCALE_TYPE_FOLLOW_UP_OUTCOME, outcome) : NULL);
      _escale_bind_text (stmt, 6, escale_follow_up_get_done_on (follow_up));
      _escale_bind_text (stmt, 7, escale_follow_up_get_notes (follow_up));
      sqlite3_bind_int64 (stmt, 8, now);
      sqlite3_bind_int64 (stmt, 9, now);

      if (!_escale_database_step_done (database, stmt, error))
        return FALSE;

      if (follow_up_id == 0)
        _escale_participant_pending_add (pending, follow_up, sqlite3_last_insert_rowid (_escale_database_get_handle (database)));
    }

  return TRUE;
}

/**
 * _escale_participant_load_lists:
 *
 * Reads the household, regions, consent history, notes and follow-ups of
 * participant @id into @participant.
 */
gboolean
_escale_participant_load_lists (EscaleDatabase     *database,
                                EscaleParticipant  *participant,
                                gint64              id,
                                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();
  g_auto(GStrv) region_codes = NULL;
  int rc;

#define QUERY(sql) \
  g_clear_pointer (&stmt, sqlite3_finalize); \
  if ((stmt = _escale_database_prepare (database, sql, error)) == NULL) \
    return FALSE; \
  sqlite3_bind_int64 (stmt, 1, id);

  QUERY ("SELECT region_code FROM participant_region WHERE participant_id = ? ORDER BY rank");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (regions, _escale_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    goto failed;
  region_codes = g_strv_builder_end (regions);
  g_object_set (participant, "regions", region_codes, NULL);

  QUERY ("SELECT relation, given_name, birth_year FROM household_member WHERE participant_id = ? ORDER BY id");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleHouseholdMember) member = NULL;
      int relation = ESCALE_HOUSEHOLD_RELATION_OTHER;

      escale_choice_from_nick (ESCALE_TYPE_HOUSEHOLD_RELATION, _escale_column_text (stmt, 0), &relation);
      member = escale_household_member_new (relation, _escale_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
      escale_participant_add_household_member (participant, member);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  QUERY ("SELECT id, purpose, granted, given_on, notice_version, recorded_by, created_at FROM consent "
         "WHERE participant_id = ? ORDER BY given_on, id");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleConsent) consent = NULL;
      int purpose = ESCALE_CONSENT_PURPOSE_REGISTRATION;

      escale_choice_from_nick (ESCALE_TYPE_CONSENT_PURPOSE, _escale_column_text (stmt, 1), &purpose);
      consent = escale_consent_new (purpose, sqlite3_column_int (stmt, 2), _escale_column_text (stmt, 3),
                                    _escale_column_text (stmt, 4), _escale_column_text (stmt, 5));
      _escale_consent_set_stored (consent, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 6));
      escale_participant_add_consent (participant, consent);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  QUERY ("SELECT id, written_on, author, body FROM case_note WHERE participant_id = ? ORDER BY written_on, id");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleCaseNote) note = escale_case_note_new (_escale_column_text (stmt, 1),
                                                             _escale_column_text (stmt, 2),
                                                             _escale_column_text (stmt, 3));

      _escale_case_note_set_id (note, sqlite3_column_int64 (stmt, 0));
      escale_participant_add_note (participant, note);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  QUERY ("SELECT id, due_on, kind, outcome, done_on, notes FROM follow_up WHERE participant_id = ? "
         "ORDER BY due_on, id");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleFollowUp) follow_up = NULL;
      int kind = ESCALE_FOLLOW_UP_KIND_OTHER;
      int outcome = ESCALE_FOLLOW_UP_OUTCOME_PENDING;

      escale_choice_from_nick (ESCALE_TYPE_FOLLOW_UP_KIND, _escale_column_text (stmt, 2), &kind);
      follow_up = escale_follow_up_new (_escale_column_text (stmt, 1), kind);
      _escale_follow_up_set_id (follow_up, sqlite3_column_int64 (stmt, 0));
      escale_follow_up_set_notes (follow_up, _escale_column_text (stmt, 5));
      if (escale_choice_from_nick (ESCALE_TYPE_FOLLOW_UP_OUTCOME, _escale_column_text (stmt, 3), &outcome))
        escale_follow_up_complete (follow_up, outcome, _escale_column_text (stmt, 4));
      escale_participant_add_follow_up (participant, follow_up);
    }
  if (rc != SQLITE_DONE)
    goto failed;

#undef QUERY

  return TRUE;

failed:
  _escale_database_set_error (database, error);
  return FALSE;
}

static gboolean
same_member (EscaleHouseholdMember *a,
             EscaleHouseholdMember *b)
{
  return escale_household_member_get_relation (a) == escale_household_member_get_relation (b) &&
         g_strcmp0 (escale_household_member_get_given_name (a), escale_household_member_get_given_name (b)) == 0 &&
         escale_household_member_get_birth_year (a) == escale_household_member_get_birth_year (b);
}

static gboolean
same_note (EscaleCaseNote *a,
           EscaleCaseNote *b)
{
  return g_strcmp0 (escale_case_note_get_body (a), escale_case_note_get_body (b)) == 0;
}

static gboolean
same_follow_up (EscaleFollowUp *a,
                EscaleFollowUp *b)
{
  return g_strcmp0 (escale_follow_up_get_due_on (a), escale_follow_up_get_due_on (b)) == 0 &&
         escale_follow_up_get_kind (a) == escale_follow_up_get_kind (b) &&
         escale_follow_up_get_outcome (a) == escale_follow_up_get_outcome (b) &&
         g_strcmp0 (escale_follow_up_get_done_on (a), escale_follow_up_get_done_on (b)) == 0 &&
         g_strcmp0 (escale_follow_up_get_notes (a), escale_follow_up_get_notes (b)) == 0;
}

/* Consents, notes and follow-ups are matched by id, whatever their order
 * in the editor; the household, which has no ids, in order. */
static gboolean
list_changed (GListModel *before,
              GListModel *after)
{
  guint n = g_list_model_get_n_items (after);
  g_autoptr(GHashTable) stored = NULL;

  if (g_list_model_get_n_items (before) != n)
    return TRUE;

  if (g_list_model_get_item_type (after) == ESCALE_TYPE_HOUSEHOLD_MEMBER)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EscaleHouseholdMember) a = g_list_model_get_item (before, i);
          g_autoptr(EscaleHouseholdMember) b = g_list_model_get_item (after, i);

          if (!same_member (a, b))
            return TRUE;
        }
      return FALSE;
    }

  stored = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (before, i);

      g_hash_table_insert (stored, g_memdup2 (&(gint64) { item_id (item) }, sizeof (gint64)), item);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (after, i);
      gint64 id = item_id (item);
      gpointer previous = g_hash_table_lookup (stored, &id);

      if (previous == NULL ||
          (ESCALE_IS_CASE_NOTE (item) && !same_note (previous, ESCALE_CASE_NOTE (item))) ||
          (ESCALE_IS_FOLLOW_UP (item) && !same_follow_up (previous, ESCALE_FOLLOW_UP (item))))
        return TRUE;
    }

  return FALSE;
}

/* What a person checking the file would call a change of each list. */
void
_escale_participant_describe_lists (EscaleParticipant *before,
                                    EscaleParticipant *after,
                                    GString           *details)
{
  GListModel *lists[][2] = {
    { escale_participant_get_household (before), escale_participant_get_household (after) },
    { escale_participant_get_consents (before), escale_participant_get_consents (after) },
    { escale_participant_get_notes (before), escale_participant_get_notes (after) },
    { escale_participant_get_follow_ups (before), escale_participant_get_follow_ups (after) },
  };
  const char *names[] = { "household", "consents", "notes", "follow-ups" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      if (list_changed (lists[i][0], lists[i][1]))
        g_string_append_printf (details, "%s%s", details->len > 0 ? ", " : "", names[i]);
    }
}

GArray *
_escale_participant_repository_new_pending (void)
{
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (PendingId));

  g_array_set_clear_func (pending, pending_id_clear);
  return pending;
}

/**
 * _escale_participant_write_lists:
 * @is_new: the participant's row was just inserted: nothing to delete
 * @restoring: records come back with their ids
 *
 * Writes the household, regions, new consent records, notes and follow-ups
 * of participant @id, inside the caller's transaction.
 */
gboolean
_escale_participant_write_lists (EscaleDatabase     *database,
                                 gint64              id,
                                 EscaleParticipant  *participant,
                                 gboolean            is_new,
                                 gboolean            restoring,
                                 gint64              now,
                                 GArray             *pending,
                                 GError            **error)
{
  return write_household_and_regions (database, id, participant, is_new, error) &&
         write_consents (database, id, participant, restoring, now, pending, error) &&
         write_notes (database, id, participant, is_new, now, pending, error) &&
         write_follow_ups (database, id, participant, is_new, now, pending, error);
}
