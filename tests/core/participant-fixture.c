/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>

#include "escale-enums.h"
#include "test-folder.h"

#include "participant-fixture.h"

/* Fixture */

static void
on_participants_changed (EscaleParticipantRepository *participants,
                         Fixture                     *fixture)
{
  fixture->n_changed++;
}

static void
open_repositories (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->regions = escale_region_repository_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->participants = escale_participant_repository_new (fixture->database, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->participants, "changed", G_CALLBACK (on_participants_changed), fixture);
}

static void
close_repositories (Fixture *fixture)
{
  g_clear_object (&fixture->participants);
  g_clear_object (&fixture->regions);
  g_clear_object (&fixture->database);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *parent_folder = g_getenv ("ESCALE_TEST_PARENT_FOLDER");

  /* A subprocess works inside its parent's folder, which the parent removes
   * even when the subprocess aborts. */
  if (g_test_subprocess () && parent_folder != NULL)
    {
      fixture->folder = g_build_filename (parent_folder, "subprocess", NULL);
      g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
    }
  else
    {
      fixture->folder = test_folder_new ();
    }
  fixture->path = g_build_filename (fixture->folder, "escale.db", NULL);
  open_repositories (fixture);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_repositories (fixture);
  test_folder_remove (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* What a counsellor sees after closing Escale and opening it again. */
void
reopen (Fixture *fixture)
{
  close_repositories (fixture);
  open_repositories (fixture);
  fixture->n_changed = 0;
}

/* Runs the current test again in a subprocess, for a test that changes the
 * process's language: GLib decides once per process whether to translate.
 * Returns TRUE in the parent, which has nothing more to do. */
gboolean
run_in_subprocess (Fixture *fixture)
{
  if (g_test_subprocess ())
    return FALSE;

  g_setenv ("ESCALE_TEST_PARENT_FOLDER", fixture->folder, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("ESCALE_TEST_PARENT_FOLDER");

  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("%s failed in its subprocess: see the message above", g_test_get_path ());

  return TRUE;
}

GListModel *
region_list (Fixture *fixture)
{
  return escale_region_repository_get_regions (fixture->regions);
}

/* Building and saving */

/**
 * new_participant:
 * @...: pairs of an #EscaleParticipantField and its text, ending with
 *   %END_OF_FIELDS
 *
 * A file made from a form, as the editor and the import make them, with
 * region codes only.
 */
EscaleParticipant *
new_participant (const char *given,
                 const char *family,
                 ...)
{
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int field;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family;

  va_start (args, family);
  while ((field = va_arg (args, int)) != (int) END_OF_FIELDS)
    {
      g_assert_cmpint (field, >=, 0);
      g_assert_cmpint (field, <, ESCALE_N_PARTICIPANT_FIELDS);
      form.values[field] = va_arg (args, const char *);
    }
  va_end (args);

  escale_participant_form_apply (&form, NULL, participant, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&participant);
}

/* Returns: the id the file was given */
gint64
save_ok (Fixture           *fixture,
         EscaleParticipant *participant)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = escale_participant_repository_save (fixture->participants, participant, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_cmpint (escale_participant_get_id (participant), >, 0);
  return escale_participant_get_id (participant);
}

EscaleParticipant *
load_ok (Fixture *fixture,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  EscaleParticipant *participant = escale_participant_repository_load (fixture->participants, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (participant);
  g_assert_cmpint (escale_participant_get_id (participant), ==, id);
  return participant;
}

void
assert_not_found (Fixture *fixture,
                  gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleParticipant) participant = escale_participant_repository_load (fixture->participants, id,
                                                                                &error);

  g_assert_null (participant);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* Searching */

/* The ids @query finds, in its order, separated by spaces. */
char *
query_ids (Fixture                      *fixture,
           const EscaleParticipantQuery *query)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  ids = escale_participant_repository_search (fixture->participants, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  if (ids == NULL)
    return g_strdup ("(error)");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
search_ids (Fixture    *fixture,
            const char *text)
{
  EscaleParticipantQuery query;

  escale_participant_query_init (&query);
  query.text = text;
  return query_ids (fixture, &query);
}

/* SQL */

void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_escale_database_exec (fixture->database, sql, &error));
  g_assert_no_error (error);
}

/* The first column of the first row of @sql, as a number. */
gint64
sql_int (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (fixture->database, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Every row of @sql, its columns separated by "|" and its rows by "\n",
 * with "∅" for NULL. */
char *
sql_text (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (fixture->database, sql, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  int rc;

  g_assert_no_error (error);
  g_assert_nonnull (stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", value != NULL ? value : "∅");
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Rows in each table of a file, as
 * "participant/household/region/consent/note/follow-up/search/audit". */
char *
row_counts (Fixture *fixture)
{
  const char *tables[] = {
    "participant", "household_member", "participant_region", "consent", "case_note", "follow_up",
    "participant_search", "audit_log",
  };
  g_autoptr(GString) counts = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_string_append_printf (counts, "%s%" G_GINT64_FORMAT, i > 0 ? "/" : "", sql_int (fixture, sql));
    }

  return g_string_free (g_steal_pointer (&counts), FALSE);
}

/* Audit */

static GPtrArray *
audit_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = escale_audit_log_list_for (fixture->database, "participant", id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* The actions recorded for participant @id, oldest first, separated by " ". */
char *
audit_actions (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GPtrArray) entries = audit_of (fixture, id);
  g_autoptr(GString) actions = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      EscaleAuditEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (actions, "%s%s", i > 0 ? " " : "", entry->action);
    }

  return g_string_free (g_steal_pointer (&actions), FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The details of the last entry for participant @id, the names it lists
 * sorted and separated by ",", or "∅" when it names none. */
char *
last_audit_details (Fixture *fixture,
                    gint64   id)
{
  g_autoptr(GPtrArray) entries = audit_of (fixture, id);
  EscaleAuditEntry *entry;
  g_auto(GStrv) names = NULL;

  g_assert_cmpuint (entries->len, >, 0);
  entry = g_ptr_array_index (entries, entries->len - 1);
  if (entry->details == NULL)
    return g_strdup ("∅");

  names = g_strsplit (entry->details, ", ", -1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  return g_strjoinv (",", names);
}

/* The details of every entry of the log, whatever it is about. */
char *
all_audit_details (Fixture *fixture)
{
  return sql_text (fixture, "SELECT coalesce (details, '') FROM audit_log ORDER BY id");
}

/* Describing */

char *
join_strv (const char * const *strv)
{
  if (strv == NULL)
    return g_strdup ("∅");
  return g_strjoinv (",", (char **) strv);
}

static const char *
or_none (const char *text)
{
  return text != NULL ? text : "∅";
}

/* Everything a counsellor entered in a file, one line per field and per
 * item of its lists, with the ids that the repository gives. */
char *
describe_participant (EscaleParticipant *participant,
                      GListModel        *regions)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *list;

  g_string_append_printf (text, "id=%" G_GINT64_FORMAT "\n", escale_participant_get_id (participant));
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *value = escale_participant_field_format (i, escale_participant_get_value (participant, i),
                                                                regions);

      g_string_append_printf (text, "%s=%s\n", escale_participant_field_get_name (i), value);
    }

  list = escale_participant_get_household (participant);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleHouseholdMember) member = g_list_model_get_item (list, i);

      g_string_append_printf (text, "household %s %s %d\n",
                              escale_choice_get_nick (ESCALE_TYPE_HOUSEHOLD_RELATION,
                                                      escale_household_member_get_relation (member)),
                              or_none (escale_household_member_get_given_name (member)),
                              escale_household_member_get_birth_year (member));
    }

  list = escale_participant_get_consents (participant);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (list, i);

      g_string_append_printf (text, "consent %" G_GINT64_FORMAT " %s %s %s %s %s\n",
                              escale_consent_get_id (consent),
                              escale_choice_get_nick (ESCALE_TYPE_CONSENT_PURPOSE,
                                                      escale_consent_get_purpose (consent)),
                              escale_consent_get_granted (consent) ? "granted" : "withdrawn",
                              or_none (escale_consent_get_given_on (consent)),
                              or_none (escale_consent_get_notice_version (consent)),
                              or_none (escale_consent_get_recorded_by (consent)));
    }

  list = escale_participant_get_notes (participant);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleCaseNote) note = g_list_model_get_item (list, i);

      g_string_append_printf (text, "note %" G_GINT64_FORMAT " %s %s %s\n",
                              escale_case_note_get_id (note),
                              or_none (escale_case_note_get_written_on (note)),
                              or_none (escale_case_note_get_author (note)),
                              or_none (escale_case_note_get_body (note)));
    }

  list = escale_participant_get_follow_ups (participant);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (list, i);

      g_string_append_printf (text, "follow-up %" G_GINT64_FORMAT " %s %s %s %s %s\n",
                              escale_follow_up_get_id (follow_up),
                              or_none (escale_follow_up_get_due_on (follow_up)),
                              escale_choice_get_nick (ESCALE_TYPE_FOLLOW_UP_KIND,
                                                      escale_follow_up_get_kind (follow_up)),
                              escale_choice_get_nick (ESCALE_TYPE_FOLLOW_UP_OUTCOME,
                                                      escale_follow_up_get_outcome (follow_up)),
                              or_none (escale_follow_up_get_done_on (follow_up)),
                              or_none (escale_follow_up_get_notes (follow_up)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Returns: (transfer none): the item, which @participant keeps */
EscaleConsent *
consent_at (EscaleParticipant *participant,
            guint              position)
{
  g_autoptr(EscaleConsent) consent = g_list_model_get_item (escale_participant_get_consents (participant), position);

  g_assert_nonnull (consent);
  return consent;
}

EscaleCaseNote *
note_at (EscaleParticipant *participant,
         guint              position)
{
  g_autoptr(EscaleCaseNote) note = g_list_model_get_item (escale_participant_get_notes (participant), position);

  g_assert_nonnull (note);
  return note;
}

EscaleFollowUp *
follow_up_at (EscaleParticipant *participant,
              guint              position)
{
  g_autoptr(EscaleFollowUp) follow_up = g_list_model_get_item (escale_participant_get_follow_ups (participant),
                                                               position);

  g_assert_nonnull (follow_up);
  return follow_up;
}
