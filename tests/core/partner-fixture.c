/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "escale-locale.h"
#include "test-folder.h"

#include "partner-fixture.h"

/* Fixture */

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_string_append_printf (fixture->changes, "%s%u:%u:%u", fixture->changes->len > 0 ? " " : "",
                          position, removed, added);
}

static void
open_repositories (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->database = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->database);
  fixture->regions = escale_region_repository_new (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->regions);
  fixture->partners = escale_partner_repository_new (fixture->database, fixture->regions, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->partners);
  g_signal_connect (escale_partner_repository_get_partners (fixture->partners), "items-changed",
                    G_CALLBACK (on_items_changed), fixture);
}

static void
close_repositories (Fixture *fixture)
{
  g_clear_object (&fixture->partners);
  g_clear_object (&fixture->regions);
  g_clear_object (&fixture->database);
}

/* What a counsellor sees after closing Escale and opening it again. */
void
reopen (Fixture *fixture)
{
  close_repositories (fixture);
  open_repositories (fixture);
  g_string_truncate (fixture->changes, 0);
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
  fixture->changes = g_string_new (NULL);
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
  g_string_free (fixture->changes, TRUE);
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

/* Helpers */

GListModel *
list_of (Fixture *fixture)
{
  return escale_partner_repository_get_partners (fixture->partners);
}

gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

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

/* Rows in each table, as "organizations/contacts/interactions/audit". */
char *
row_counts (Fixture *fixture)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          sql_int (fixture, "SELECT count(*) FROM organization"),
                          sql_int (fixture, "SELECT count(*) FROM contact"),
                          sql_int (fixture, "SELECT count(*) FROM interaction"),
                          sql_int (fixture, "SELECT count(*) FROM audit_log"));
}

EscalePartner *
plain_partner (const char        *name,
               EscalePartnerKind  kind,
               const char        *region_code,
               const char        *city)
{
  return g_object_new (ESCALE_TYPE_PARTNER,
                       "name", name,
                       "kind", kind,
                       "region-code", region_code,
                       "city", city,
                       NULL);
}

/* Returns: (transfer none): the new contact, which @partner keeps */
EscaleContact *
add_contact (EscalePartner *partner,
             const char    *name,
             const char    *role,
             const char    *email,
             const char    *phone)
{
  g_autoptr(EscaleContact) contact = g_object_new (ESCALE_TYPE_CONTACT,
                                                   "name", name,
                                                   "role", role,
                                                   "email", email,
                                                   "phone", phone,
                                                   NULL);

  escale_partner_add_contact (partner, contact);
  return contact;
}

/* Returns: (transfer none): the new interaction, which @partner keeps */
EscaleInteraction *
add_interaction (EscalePartner            *partner,
                 const char               *occurred_on,
                 EscaleInteractionChannel  channel,
                 const char               *summary,
                 const char               *next_step,
                 const char               *due_on,
                 gboolean                  done)
{
  g_autoptr(EscaleInteraction) interaction = g_object_new (ESCALE_TYPE_INTERACTION,
                                                           "occurred-on", occurred_on,
                                                           "channel", channel,
                                                           "summary", summary,
                                                           "next-step", next_step,
                                                           "due-on", due_on,
                                                           "done", done,
                                                           NULL);

  escale_partner_add_interaction (partner, interaction);
  return interaction;
}

/* An employer with one contact and one interaction with a next step. */
EscalePartner *
new_partner (const char *name,
             const char *region_code,
             const char *city)
{
  EscalePartner *partner = plain_partner (name, ESCALE_PARTNER_KIND_EMPLOYER, region_code, city);

  add_contact (partner, "Josée Lévesque", "Directrice des ressources humaines",
               "josee.levesque@example.org", "418 555-0170");
  add_interaction (partner, "2026-11-16", ESCALE_INTERACTION_CHANNEL_PHONE, "Besoin de trois soudeurs",
                   "Envoyer des candidatures", "2026-11-27", FALSE);

  return partner;
}

void
save_ok (Fixture       *fixture,
         EscalePartner *partner)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = escale_partner_repository_save (fixture->partners, partner, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_cmpint (escale_partner_get_id (partner), >, 0);
}

/* Saves a new partner and returns the saved version from the live list. */
EscalePartner *
save_new (Fixture    *fixture,
          const char *name,
          const char *region_code,
          const char *city)
{
  g_autoptr(EscalePartner) partner = new_partner (name, region_code, city);

  save_ok (fixture, partner);
  g_assert_cmpint (escale_partner_get_id (partner), >, 0);

  return escale_partner_repository_find (fixture->partners, escale_partner_get_id (partner));
}

EscalePartner *
find_by_name (Fixture    *fixture,
              const char *name)
{
  GListModel *list = list_of (fixture);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (list, i);

      if (g_strcmp0 (escale_partner_get_name (partner), name) == 0)
        return partner;
    }

  return NULL;
}

/* The names in the live list, in its order, separated by "|". */
char *
list_names (Fixture *fixture)
{
  GListModel *list = list_of (fixture);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (list, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", escale_partner_get_name (partner));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
or_none (const char *text)
{
  return text != NULL ? text : "∅";
}

static int
compare_interaction_ids (gconstpointer a,
                         gconstpointer b)
{
  gint64 id_a = escale_interaction_get_id (*(EscaleInteraction * const *) a);
  gint64 id_b = escale_interaction_get_id (*(EscaleInteraction * const *) b);

  return (id_a > id_b) - (id_a < id_b);
}

/* Everything a counsellor entered about a partner, with the ids that link to
 * it; interactions in id order, as their display order depends on loading. */
char *
describe_partner (EscalePartner *partner)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) interactions = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *contacts = escale_partner_get_contacts (partner);
  double latitude, longitude;
  gboolean has_coordinates;
  guint n;

  has_coordinates = escale_partner_get_coordinates (partner, &latitude, &longitude);
  g_string_append_printf (text,
                          "id=%" G_GINT64_FORMAT " name=%s kind=%s region=%s address=%s city=%s postal=%s "
                          "coordinates=%s%.6f,%.6f website=%s phone=%s email=%s notes=%s tags=%s archived=%d "
                          "created=%" G_GINT64_FORMAT "\n",
                          escale_partner_get_id (partner),
                          or_none (escale_partner_get_name (partner)),
                          escale_partner_kind_to_string (escale_partner_get_kind (partner)),
                          or_none (escale_partner_get_region_code (partner)),
                          or_none (escale_partner_get_address (partner)),
                          or_none (escale_partner_get_city (partner)),
                          or_none (escale_partner_get_postal_code (partner)),
                          has_coordinates ? "" : "none:", latitude, longitude,
                          or_none (escale_partner_get_website (partner)),
                          or_none (escale_partner_get_phone (partner)),
                          or_none (escale_partner_get_email (partner)),
                          or_none (escale_partner_get_notes (partner)),
                          or_none (escale_partner_get_tags (partner)),
                          escale_partner_get_archived (partner),
                          escale_partner_get_created_at (partner));

  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, i);

      g_string_append_printf (text, "contact id=%" G_GINT64_FORMAT " name=%s role=%s email=%s phone=%s\n",
                              escale_contact_get_id (contact),
                              or_none (escale_contact_get_name (contact)),
                              or_none (escale_contact_get_role (contact)),
                              or_none (escale_contact_get_email (contact)),
                              or_none (escale_contact_get_phone (contact)));
    }

  n = g_list_model_get_n_items (escale_partner_get_interactions (partner));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (interactions, g_list_model_get_item (escale_partner_get_interactions (partner), i));
  g_ptr_array_sort (interactions, compare_interaction_ids);

  for (guint i = 0; i < interactions->len; i++)
    {
      EscaleInteraction *interaction = g_ptr_array_index (interactions, i);

      g_string_append_printf (text,
                              "interaction id=%" G_GINT64_FORMAT " contact=%" G_GINT64_FORMAT " on=%s "
                              "channel=%s summary=%s next=%s due=%s done=%d\n",
                              escale_interaction_get_id (interaction),
                              escale_interaction_get_contact_id (interaction),
                              or_none (escale_interaction_get_occurred_on (interaction)),
                              escale_interaction_channel_to_string (escale_interaction_get_channel (interaction)),
                              or_none (escale_interaction_get_summary (interaction)),
                              or_none (escale_interaction_get_next_step (interaction)),
                              or_none (escale_interaction_get_due_on (interaction)),
                              escale_interaction_get_done (interaction));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

EscaleContact *
contact_at (EscalePartner *partner,
            guint          position)
{
  g_autoptr(EscaleContact) contact = g_list_model_get_item (escale_partner_get_contacts (partner), position);

  g_assert_nonnull (contact);
  /* Borrowed: the partner keeps it alive. */
  return contact;
}

EscaleInteraction *
interaction_at (EscalePartner *partner,
                guint          position)
{
  g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (escale_partner_get_interactions (partner),
                                                                    position);

  g_assert_nonnull (interaction);
  return interaction;
}

guint
n_contacts (EscalePartner *partner)
{
  return g_list_model_get_n_items (escale_partner_get_contacts (partner));
}

guint
n_interactions (EscalePartner *partner)
{
  return g_list_model_get_n_items (escale_partner_get_interactions (partner));
}

GPtrArray *
audit_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = escale_audit_log_list_for (fixture->database, "organization", id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* The actions recorded for partner @id, oldest first, separated by " ". */
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
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The details of the last entry for partner @id, its field names sorted and
 * separated by ",", or "∅" when it names none. */
char *
last_audit_fields (Fixture *fixture,
                   gint64   id)
{
  g_autoptr(GPtrArray) entries = audit_of (fixture, id);
  EscaleAuditEntry *entry;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpuint (entries->len, >, 0);
  entry = g_ptr_array_index (entries, entries->len - 1);
  if (entry->details == NULL)
    return g_strdup ("∅");

  fields = g_strsplit (entry->details, ", ", -1);
  qsort (fields, g_strv_length (fields), sizeof (char *), compare_strings);
  return g_strjoinv (",", fields);
}
