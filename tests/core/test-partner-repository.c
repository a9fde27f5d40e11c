/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include "escale-audit-log.h"
#include "escale-database-private.h"
#include "escale-partner-query.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"
#include "test-folder.h"

/* The partner directory as every view sees it: a live list that changes
 * only once a change is safely on disk, with one audit entry per change. */

typedef struct
{
  char                    *folder;
  char                    *path;
  EscaleDatabase          *database;
  EscaleRegionRepository  *regions;
  EscalePartnerRepository *partners;

  /* What the list reported, as "position:removed:added" */
  GString                 *changes;
} Fixture;

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
  fixture->regions = escale_region_repository_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->partners = escale_partner_repository_new (fixture->database, fixture->regions, &error);
  g_assert_no_error (error);
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

/* What a counsellor would see after closing Escale and opening it again. */
static void
reopen (Fixture *fixture)
{
  close_repositories (fixture);
  open_repositories (fixture);
  g_string_truncate (fixture->changes, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = test_folder_new ();
  fixture->path = g_build_filename (fixture->folder, "escale.db", NULL);
  fixture->changes = g_string_new (NULL);
  open_repositories (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_repositories (fixture);
  test_folder_remove (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
  g_string_free (fixture->changes, TRUE);
}

static GListModel *
list_of (Fixture *fixture)
{
  return escale_partner_repository_get_partners (fixture->partners);
}

static EscalePartner *
new_partner (const char *name,
             const char *region_code,
             const char *city)
{
  EscalePartner *partner = g_object_new (ESCALE_TYPE_PARTNER,
                                         "name", name,
                                         "kind", ESCALE_PARTNER_KIND_EMPLOYER,
                                         "region-code", region_code,
                                         "city", city,
                                         NULL);
  g_autoptr(EscaleContact) contact = g_object_new (ESCALE_TYPE_CONTACT,
                                                   "name", "Josée Lévesque",
                                                   "role", "Directrice des ressources humaines",
                                                   "email", "josee.levesque@example.org",
                                                   "phone", "418 555-0170",
                                                   NULL);
  g_autoptr(EscaleInteraction) interaction = g_object_new (ESCALE_TYPE_INTERACTION,
                                                           "occurred-on", "2026-11-16",
                                                           "channel", ESCALE_INTERACTION_CHANNEL_PHONE,
                                                           "summary", "Besoin de trois soudeurs",
                                                           "next-step", "Envoyer des candidatures",
                                                           "due-on", "2026-11-27",
                                                           NULL);

  escale_partner_add_contact (partner, contact);
  escale_partner_add_interaction (partner, interaction);

  return partner;
}

static EscalePartner *
save_new (Fixture    *fixture,
          const char *name,
          const char *region_code,
          const char *city)
{
  g_autoptr(EscalePartner) partner = new_partner (name, region_code, city);
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_partner_repository_save (fixture->partners, partner, &error));
  g_assert_no_error (error);

  return escale_partner_repository_find (fixture->partners, escale_partner_get_id (partner));
}

static GPtrArray *
audit_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = escale_audit_log_list_for (fixture->database, "organization", id, &error);

  g_assert_no_error (error);
  return entries;
}

static void
test_regions_are_seeded (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *regions = escale_region_repository_get_regions (fixture->regions);
  EscaleRegion *gaspesie = escale_region_repository_lookup (fixture->regions, "11");

  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 17);
  g_assert_nonnull (gaspesie);
  /* The test runs in English; the French name is kept too. */
  g_assert_cmpstr (escale_region_get_name (gaspesie), ==, "Gaspésie–Îles-de-la-Madeleine");
  g_assert_null (escale_region_repository_lookup (fixture->regions, "18"));
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  EscalePartner *saved;
  g_autoptr(GPtrArray) audit = NULL;
  EscaleAuditEntry *entry;
  gint64 id;

  saved = save_new (fixture, "Soudure Matane inc.", "01", "Matane");
  g_assert_nonnull (saved);
  id = escale_partner_get_id (saved);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (fixture->changes->str, ==, "0:0:1");
  /* Contacts and interactions got their ids too, after the commit. */
  {
    g_autoptr(EscaleContact) contact = g_list_model_get_item (escale_partner_get_contacts (saved), 0);

    g_assert_cmpint (escale_contact_get_id (contact), >, 0);
  }
  g_assert_cmpint (escale_partner_get_created_at (saved), >, 0);

  audit = audit_of (fixture, id);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "create");

  /* Everything is still there after a restart. */
  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_nonnull (saved);
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "Soudure Matane inc.");
  g_assert_cmpstr (escale_partner_get_city (saved), ==, "Matane");
  g_assert_cmpuint (g_list_model_get_n_items (escale_partner_get_contacts (saved)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (escale_partner_get_interactions (saved)), ==, 1);
  {
    g_autoptr(EscaleContact) contact = g_list_model_get_item (escale_partner_get_contacts (saved), 0);
    g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (escale_partner_get_interactions (saved), 0);

    g_assert_cmpstr (escale_contact_get_name (contact), ==, "Josée Lévesque");
    g_assert_cmpstr (escale_interaction_get_due_on (interaction), ==, "2026-11-27");
    g_assert_cmpint (escale_interaction_get_channel (interaction), ==, ESCALE_INTERACTION_CHANNEL_PHONE);
  }
}

static void
test_update_replaces_in_place (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscalePartner) copy = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAuditEntry *entry;
  EscalePartner *saved;
  gint64 id;

  save_new (fixture, "Boulangerie Gagnon", "03", "Baie-Saint-Paul");
  saved = save_new (fixture, "Fromagerie Côté", "01", "Rimouski");
  id = escale_partner_get_id (saved);
  g_string_truncate (fixture->changes, 0);

  /* The editor works on a copy; the list keeps the saved version until the
   * copy is saved. */
  copy = escale_partner_copy (saved);
  g_object_set (copy, "email", "secret.address@fromagerie.example", "city", "Matane", NULL);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_true (escale_partner_repository_save (fixture->partners, copy, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (fixture->changes->str, ==, "1:1:1");
  g_assert_true (escale_partner_repository_find (fixture->partners, id) == copy);

  /* The audit names the fields, never their values: the log is not a copy of
   * personal information. */
  audit = audit_of (fixture, id);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->details, "email"));
  g_assert_nonnull (strstr (entry->details, "city"));
  g_assert_null (strstr (entry->details, "name"));
  g_assert_null (strstr (entry->details, "secret.address"));
  g_assert_null (strstr (entry->details, "Matane"));

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpstr (escale_partner_get_email (saved), ==, "secret.address@fromagerie.example");
  g_assert_cmpstr (escale_partner_get_city (saved), ==, "Matane");
}

static void
test_children_edits_are_audited (Fixture       *fixture,
                                 gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Scierie Neigette", "01", "Rimouski");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autoptr(EscaleContact) contact = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAuditEntry *entry;
  gint64 id = escale_partner_get_id (saved);

  contact = g_list_model_get_item (escale_partner_get_contacts (copy), 0);
  escale_partner_remove_contact (copy, contact);
  g_assert_true (escale_partner_repository_save (fixture->partners, copy, &error));
  g_assert_no_error (error);

  audit = audit_of (fixture, id);
  entry = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (entry->details, ==, "contacts");

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpuint (g_list_model_get_n_items (escale_partner_get_contacts (saved)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (escale_partner_get_interactions (saved)), ==, 1);
}

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Garage Roy", "08", "Rouyn-Noranda");
  g_autoptr(GError) error = NULL;
  gint64 id = escale_partner_get_id (saved);

  g_assert_true (escale_partner_repository_set_archived (fixture->partners, saved, TRUE, &error));
  g_assert_no_error (error);
  /* Archived, the partner is still in the list (views filter it out), with
   * its history. */
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_true (escale_partner_get_archived (saved));
  g_assert_cmpuint (g_list_model_get_n_items (escale_partner_get_interactions (saved)), ==, 1);

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_true (escale_partner_get_archived (saved));
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, saved, FALSE, &error));
  g_assert_false (escale_partner_get_archived (escale_partner_repository_find (fixture->partners, id)));
}

static void
test_delete_then_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscalePartner) deleted = NULL;
  g_autoptr(EscaleContact) contact = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  EscalePartner *restored;
  gint64 id, contact_id;

  save_new (fixture, "Aliments Simard", "02", "Alma");
  deleted = g_object_ref (save_new (fixture, "Métal Saguenay", "02", "Saguenay"));
  id = escale_partner_get_id (deleted);
  contact = g_list_model_get_item (escale_partner_get_contacts (deleted), 0);
  contact_id = escale_contact_get_id (contact);
  g_string_truncate (fixture->changes, 0);

  g_assert_true (escale_partner_repository_delete (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "1:1:0");
  g_assert_null (escale_partner_repository_find (fixture->partners, id));

  /* Deleting twice says it is gone, and changes nothing. */
  g_assert_false (escale_partner_repository_delete (fixture->partners, deleted, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo brings it back under the same ids, with its people and history. */
  g_assert_true (escale_partner_repository_restore (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  reopen (fixture);
  restored = escale_partner_repository_find (fixture->partners, id);
  g_assert_nonnull (restored);
  g_assert_cmpstr (escale_partner_get_name (restored), ==, "Métal Saguenay");
  g_assert_cmpuint (g_list_model_get_n_items (escale_partner_get_interactions (restored)), ==, 1);
  {
    g_autoptr(EscaleContact) back = g_list_model_get_item (escale_partner_get_contacts (restored), 0);

    g_assert_cmpint (escale_contact_get_id (back), ==, contact_id);
  }

  audit = audit_of (fixture, id);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((EscaleAuditEntry *) g_ptr_array_index (audit, 1))->action, ==, "delete");
  g_assert_cmpstr (((EscaleAuditEntry *) g_ptr_array_index (audit, 2))->action, ==, "restore");
}

static void
test_refused_save_changes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EscalePartner) nameless = new_partner ("Sans nom", "01", "Rimouski");
  g_autoptr(EscalePartner) unknown_region = new_partner ("Ailleurs", "99", "Nulle part");
  g_autoptr(GError) error = NULL;

  g_object_set (nameless, "name", "", NULL);
  g_assert_false (escale_partner_repository_save (fixture->partners, nameless, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);

  g_assert_false (escale_partner_repository_save (fixture->partners, unknown_region, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "99"));

  g_clear_error (&error);

  /* Blank is empty: a clear message, not the database's CHECK failure. */
  g_object_set (nameless, "name", "Sans nom", NULL);
  {
    g_autoptr(EscaleContact) contact = g_list_model_get_item (escale_partner_get_contacts (nameless), 0);

    g_object_set (contact, "name", "   ", NULL);
  }
  g_assert_false (escale_partner_repository_save (fixture->partners, nameless, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Contact 1: enter the person’s name");

  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_assert_cmpint (escale_partner_get_id (nameless), ==, 0);
  g_assert_cmpstr (fixture->changes->str, ==, "");
}

static void
test_failed_batch_is_rolled_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EscalePartner *first = new_partner ("Serres Bouchard", "12", "Montmagny");
  EscalePartner *second = new_partner ("Pêcheries de Gaspé", "11", "Gaspé");

  /* The database refuses the second partner after the first is written, as
   * a full disk would: the whole batch must go. */
  g_assert_true (_escale_database_exec (fixture->database,
                                        "CREATE TEMP TRIGGER refuse_gaspe BEFORE INSERT ON organization "
                                        "WHEN NEW.city = 'Gaspé' BEGIN SELECT RAISE (ABORT, 'disk full'); END",
                                        &error));
  g_assert_no_error (error);
  g_ptr_array_add (batch, first);
  g_ptr_array_add (batch, second);

  g_assert_false (escale_partner_repository_save_many (fixture->partners, batch, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == ESCALE_STORE_ERROR);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  /* The editor's objects keep no id from the rolled-back transaction. */
  g_assert_cmpint (escale_partner_get_id (first), ==, 0);

  /* Reopening drops the temporary trigger: the same batch then goes through
   * in one go, and nothing of the failed attempt is left. */
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_clear_error (&error);
  g_assert_true (escale_partner_repository_save_many (fixture->partners, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 2);
}

static guint
count_matches (Fixture            *fixture,
               EscalePartnerQuery *query)
{
  GListModel *list = list_of (fixture);
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (list, i);

      matches += escale_partner_query_matches (query, partner);
    }

  return matches;
}

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();
  g_autoptr(EscalePartner) tagged = new_partner ("CLD de la Matanie", "01", "Matane");
  g_autoptr(GError) error = NULL;
  EscalePartner *archived;

  g_object_set (tagged, "kind", ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT, "tags", "agroalimentaire, pêches", NULL);
  g_assert_true (escale_partner_repository_save (fixture->partners, tagged, &error));
  save_new (fixture, "Usinage Lévis", "12", "Lévis");
  archived = save_new (fixture, "Ancienne fonderie", "12", "Lévis");
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, archived, TRUE, &error));
  g_assert_no_error (error);

  /* Archived partners stay out unless asked for. */
  g_assert_cmpuint (count_matches (fixture, query), ==, 2);
  escale_partner_query_set_with_archived (query, TRUE);
  g_assert_cmpuint (count_matches (fixture, query), ==, 3);
  escale_partner_query_set_with_archived (query, FALSE);

  /* City without its accent, region name, tags and contact names. */
  escale_partner_query_set_search (query, "levis");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  escale_partner_query_set_search (query, "chaudiere-appalaches");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  escale_partner_query_set_search (query, "PECHES");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  escale_partner_query_set_search (query, "josee");
  g_assert_cmpuint (count_matches (fixture, query), ==, 2);
  escale_partner_query_set_search (query, "josee matane");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  escale_partner_query_set_search (query, NULL);

  escale_partner_query_set_region (query, "01");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  escale_partner_query_set_region (query, NULL);
  escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_EMPLOYER);
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);

  /* Setting the same value again reports no change: views need not refilter. */
  g_assert_false (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_EMPLOYER));
  g_assert_true (escale_partner_query_set_kind (query, -1));
}

static void
test_sort_by_name_ignores_accents (Fixture       *fixture,
                                   gconstpointer  data)
{
  EscalePartner *ecole = save_new (fixture, "École de foresterie", "09", "Baie-Comeau");
  EscalePartner *entreprise = save_new (fixture, "Entreprise Fortin", "09", "Sept-Îles");
  EscalePartner *dion = save_new (fixture, "Dion transport", "09", "Baie-Comeau");

  g_assert_cmpint (escale_partner_compare (dion, ecole, ESCALE_PARTNER_SORT_NAME), <, 0);
  g_assert_cmpint (escale_partner_compare (ecole, entreprise, ESCALE_PARTNER_SORT_NAME), <, 0);
  g_assert_cmpint (escale_partner_compare (entreprise, ecole, ESCALE_PARTNER_SORT_NAME), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/repository/regions-are-seeded", Fixture, NULL, fixture_set_up, test_regions_are_seeded, fixture_tear_down);
  g_test_add ("/repository/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/repository/update-replaces-in-place", Fixture, NULL, fixture_set_up, test_update_replaces_in_place, fixture_tear_down);
  g_test_add ("/repository/children-edits-are-audited", Fixture, NULL, fixture_set_up, test_children_edits_are_audited, fixture_tear_down);
  g_test_add ("/repository/archive", Fixture, NULL, fixture_set_up, test_archive, fixture_tear_down);
  g_test_add ("/repository/delete-then-undo", Fixture, NULL, fixture_set_up, test_delete_then_undo, fixture_tear_down);
  g_test_add ("/repository/refused-save-changes-nothing", Fixture, NULL, fixture_set_up, test_refused_save_changes_nothing, fixture_tear_down);
  g_test_add ("/repository/failed-batch-is-rolled-back", Fixture, NULL, fixture_set_up, test_failed_batch_is_rolled_back, fixture_tear_down);
  g_test_add ("/repository/query", Fixture, NULL, fixture_set_up, test_query, fixture_tear_down);
  g_test_add ("/repository/sort-by-name-ignores-accents", Fixture, NULL, fixture_set_up, test_sort_by_name_ignores_accents, fixture_tear_down);

  return g_test_run ();
}
