/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-locale.h"

#include "partner-fixture.h"

/* The partner directory as a counsellor relies on it: a live list that
 * changes only once a change is safely on disk, the same list after a
 * restart, and one audit entry per change that names fields, never values. */

/* Regions */

static const struct
{
  const char *code;
  const char *name_fr;
  const char *name_en;
} quebec_regions[] = {
  { "01", "Bas-Saint-Laurent", "Bas-Saint-Laurent" },
  { "02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean" },
  { "03", "Capitale-Nationale", "Capitale-Nationale" },
  { "04", "Mauricie", "Mauricie" },
  { "05", "Estrie", "Estrie" },
  { "06", "Montréal", "Montréal" },
  { "07", "Outaouais", "Outaouais" },
  { "08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue" },
  { "09", "Côte-Nord", "Côte-Nord" },
  { "10", "Nord-du-Québec", "Northern Québec" },
  { "11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine" },
  { "12", "Chaudière-Appalaches", "Chaudière-Appalaches" },
  { "13", "Laval", "Laval" },
  { "14", "Lanaudière", "Lanaudière" },
  { "15", "Laurentides", "Laurentides" },
  { "16", "Montérégie", "Montérégie" },
  { "17", "Centre-du-Québec", "Centre-du-Québec" },
};

static void
assert_region_names (Fixture  *fixture,
                     gboolean  french)
{
  GListModel *regions = escale_region_repository_get_regions (fixture->regions);

  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, G_N_ELEMENTS (quebec_regions));
  for (guint i = 0; i < G_N_ELEMENTS (quebec_regions); i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);
      g_autofree char *name_property = NULL;

      /* In code order, and the same object as a lookup by code. */
      g_assert_cmpstr (escale_region_get_code (region), ==, quebec_regions[i].code);
      g_assert_true (escale_region_repository_lookup (fixture->regions, quebec_regions[i].code) == region);
      g_assert_cmpstr (escale_region_get_name (region), ==,
                       french ? quebec_regions[i].name_fr : quebec_regions[i].name_en);
      g_object_get (region, "name", &name_property, NULL);
      g_assert_cmpstr (name_property, ==, escale_region_get_name (region));
    }
}

static void
test_regions_seeded (Fixture       *fixture,
                     gconstpointer  data)
{
  EscaleRegion *montreal;

  /* The tests run in English. */
  assert_region_names (fixture, FALSE);
  montreal = escale_region_repository_lookup (fixture->regions, "06");
  g_assert_nonnull (montreal);
  g_assert_cmpstr (escale_region_get_code (montreal), ==, "06");

  g_assert_null (escale_region_repository_lookup (fixture->regions, NULL));
  g_assert_null (escale_region_repository_lookup (fixture->regions, "00"));
  g_assert_null (escale_region_repository_lookup (fixture->regions, "18"));
  g_assert_null (escale_region_repository_lookup (fixture->regions, "6"));
  g_assert_null (escale_region_repository_lookup (fixture->regions, ""));

  /* The seed is written once: a second opening does not add regions. */
  reopen (fixture);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM region"), ==, 17);
  assert_region_names (fixture, FALSE);
}

static void
test_regions_in_french (Fixture       *fixture,
                        gconstpointer  data)
{
  EscaleRegion *north;

  if (run_in_subprocess (fixture))
    return;

  north = escale_region_repository_lookup (fixture->regions, "10");
  g_assert_cmpstr (escale_region_get_name (north), ==, "Northern Québec");

  /* As Escale starts under a French-speaking user's locale: the same
   * objects answer in French. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  escale_locale_init ();
  assert_region_names (fixture, TRUE);
  g_assert_cmpstr (escale_region_get_name (north), ==, "Nord-du-Québec");
}

/* Creating */

static void
test_create_notifies_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EscalePartner) first = new_partner ("Soudure Matane inc.", "01", "Matane");
  g_autoptr(EscalePartner) second = new_partner ("Boulangerie Gagnon", "03", "Baie-Saint-Paul");
  g_autoptr(EscalePartner) item = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  EscaleAuditEntry *entry;
  gint64 before, after;

  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_assert_cmpint (escale_partner_get_id (first), ==, 0);

  before = now_in_seconds ();
  save_ok (fixture, first);
  after = now_in_seconds ();

  /* Exactly one item appears, at the end. */
  g_assert_cmpstr (fixture->changes->str, ==, "0:0:1");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 1);
  item = g_list_model_get_item (list_of (fixture), 0);
  g_assert_true (item == first);

  /* It has an id, and so have its contact and interaction. */
  g_assert_cmpint (escale_partner_get_id (first), >, 0);
  g_assert_true (escale_partner_repository_find (fixture->partners, escale_partner_get_id (first)) == first);
  g_assert_cmpint (escale_contact_get_id (contact_at (first, 0)), >, 0);
  g_assert_cmpint (escale_interaction_get_id (interaction_at (first, 0)), >, 0);
  g_assert_cmpint (escale_partner_get_created_at (first), >=, before);
  g_assert_cmpint (escale_partner_get_created_at (first), <=, after);
  g_assert_cmpint (escale_partner_get_updated_at (first), ==, escale_partner_get_created_at (first));

  /* One audit entry: who and when, and no field values. */
  audit = audit_of (fixture, escale_partner_get_id (first));
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->entity, ==, "organization");
  g_assert_cmpint (entry->entity_id, ==, escale_partner_get_id (first));
  g_assert_cmpstr (entry->actor, ==, g_get_user_name ());
  g_assert_cmpint (entry->at, >=, before);
  g_assert_cmpint (entry->at, <=, after);
  g_assert_null (entry->details);

  /* The second comes after the first, with an id of its own. */
  save_ok (fixture, second);
  g_assert_cmpstr (fixture->changes->str, ==, "0:0:1 1:0:1");
  g_assert_cmpint (escale_partner_get_id (second), >, escale_partner_get_id (first));
  g_assert_cmpint (escale_contact_get_id (contact_at (second, 0)), !=, escale_contact_get_id (contact_at (first, 0)));
  g_assert_true (escale_partner_repository_find (fixture->partners, escale_partner_get_id (second)) == second);
  g_assert_null (escale_partner_repository_find (fixture->partners, 0));
  g_assert_null (escale_partner_repository_find (fixture->partners, escale_partner_get_id (second) + 1));

  {
    g_autofree char *counts = row_counts (fixture);

    g_assert_cmpstr (counts, ==, "2/2/2/2");
  }
}

static void
test_create_survives_reopen (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EscalePartner) partner = plain_partner ("Coopérative forestière de la Matapédia",
                                                    ESCALE_PARTNER_KIND_EDUCATION, "01", "Amqui");
  g_autoptr(EscalePartner) bare = plain_partner ("Municipalité de Sayabec", ESCALE_PARTNER_KIND_MUNICIPALITY,
                                                 NULL, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *expected_bare = NULL;
  g_autofree char *reloaded = NULL;
  g_autofree char *reloaded_bare = NULL;
  EscalePartner *found;
  EscaleContact *contact;
  EscaleInteraction *interaction;
  double latitude, longitude;
  gint64 id;

  g_object_set (partner,
                "address", "12, rue Principale Ouest",
                "postal-code", "G5J 1A1",
                "website", "https://coop.example.org",
                "phone", "418 555-0123",
                "email", "info@coop.example.org",
                "notes", "Rencontre annuelle en mai",
                "tags", "foresterie, emplois saisonniers",
                NULL);
  escale_partner_set_coordinates (partner, 48.4631, -67.4319);
  add_contact (partner, "Josée Lévesque", "Directrice RH", "josee@coop.example.org", "418 555-0170");
  add_contact (partner, "Paul Gagné", NULL, NULL, NULL);
  add_interaction (partner, "2026-10-02", ESCALE_INTERACTION_CHANNEL_VISIT, "Visite de l’usine", NULL, NULL, FALSE);
  add_interaction (partner, "2026-11-16", ESCALE_INTERACTION_CHANNEL_PHONE, "Besoin de trois soudeurs",
                   "Envoyer des candidatures", "2026-11-27", FALSE);
  add_interaction (partner, "2026-09-01", ESCALE_INTERACTION_CHANNEL_EMAIL, "Premier contact",
                   "Relancer", "2026-09-15", TRUE);

  save_ok (fixture, partner);
  save_ok (fixture, bare);
  id = escale_partner_get_id (partner);
  expected = describe_partner (partner);
  expected_bare = describe_partner (bare);

  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 2);
  found = escale_partner_repository_find (fixture->partners, id);
  g_assert_nonnull (found);
  reloaded = describe_partner (found);
  g_assert_cmpstr (reloaded, ==, expected);
  reloaded_bare = describe_partner (escale_partner_repository_find (fixture->partners,
                                                                   escale_partner_get_id (bare)));
  g_assert_cmpstr (reloaded_bare, ==, expected_bare);

  /* Spelled out, so that the comparison above cannot pass on empty text. */
  g_assert_cmpstr (escale_partner_get_name (found), ==, "Coopérative forestière de la Matapédia");
  g_assert_cmpint (escale_partner_get_kind (found), ==, ESCALE_PARTNER_KIND_EDUCATION);
  g_assert_cmpstr (escale_partner_get_region_code (found), ==, "01");
  g_assert_cmpstr (escale_partner_get_postal_code (found), ==, "G5J 1A1");
  g_assert_cmpstr (escale_partner_get_email (found), ==, "info@coop.example.org");
  g_assert_cmpstr (escale_partner_get_tags (found), ==, "foresterie, emplois saisonniers");
  g_assert_true (escale_partner_get_coordinates (found, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, 48.4631, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, -67.4319, 1e-9);
  g_assert_false (escale_partner_get_archived (found));
  g_assert_cmpuint (n_contacts (found), ==, 2);
  contact = contact_at (found, 0);
  g_assert_cmpstr (escale_contact_get_name (contact), ==, "Josée Lévesque");
  g_assert_cmpstr (escale_contact_get_phone (contact), ==, "418 555-0170");
  g_assert_null (escale_contact_get_role (contact_at (found, 1)));

  /* Interactions come back most recent first. */
  g_assert_cmpuint (n_interactions (found), ==, 3);
  interaction = interaction_at (found, 0);
  g_assert_cmpstr (escale_interaction_get_occurred_on (interaction), ==, "2026-11-16");
  g_assert_cmpint (escale_interaction_get_channel (interaction), ==, ESCALE_INTERACTION_CHANNEL_PHONE);
  g_assert_cmpstr (escale_interaction_get_due_on (interaction), ==, "2026-11-27");
  g_assert_cmpstr (escale_interaction_get_occurred_on (interaction_at (found, 1)), ==, "2026-10-02");
  g_assert_cmpstr (escale_interaction_get_occurred_on (interaction_at (found, 2)), ==, "2026-09-01");
  g_assert_true (escale_interaction_get_done (interaction_at (found, 2)));
  g_assert_false (escale_interaction_get_done (interaction));

  /* Empty fields stay empty. */
  found = escale_partner_repository_find (fixture->partners, escale_partner_get_id (bare));
  g_assert_null (escale_partner_get_region_code (found));
  g_assert_null (escale_partner_get_city (found));
  g_assert_false (escale_partner_get_coordinates (found, NULL, NULL));
  g_assert_cmpuint (n_contacts (found), ==, 0);
}

/* Editing */

static void
test_update_replaces_in_place (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscalePartner) copy = NULL;
  g_autoptr(EscalePartner) item = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *names = NULL;
  EscalePartner *saved;
  gint64 id, before;

  save_new (fixture, "Boulangerie Gagnon", "03", "Baie-Saint-Paul");
  saved = save_new (fixture, "Fromagerie Côté", "01", "Rimouski");
  save_new (fixture, "Garage Roy", "08", "Rouyn-Noranda");
  id = escale_partner_get_id (saved);

  /* Written long ago, as the reloaded list shows. */
  exec_sql (fixture, "UPDATE organization SET created_at = 1000, updated_at = 2000");
  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpint (escale_partner_get_created_at (saved), ==, 1000);

  /* The editor works on a copy: the list keeps the saved version until the
   * copy is saved. */
  copy = escale_partner_copy (saved);
  g_object_set (copy, "city", "Matane", "phone", "418 555-0199", NULL);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_cmpstr (escale_partner_get_city (escale_partner_repository_find (fixture->partners, id)), ==, "Rimouski");

  before = now_in_seconds ();
  save_ok (fixture, copy);

  g_assert_cmpstr (fixture->changes->str, ==, "1:1:1");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 3);
  item = g_list_model_get_item (list_of (fixture), 1);
  g_assert_true (item == copy);
  g_assert_true (escale_partner_repository_find (fixture->partners, id) == copy);
  g_assert_cmpint (escale_partner_get_id (copy), ==, id);
  g_assert_cmpint (escale_partner_get_created_at (copy), ==, 1000);
  g_assert_cmpint (escale_partner_get_updated_at (copy), >=, before);
  names = list_names (fixture);
  g_assert_cmpstr (names, ==, "Boulangerie Gagnon|Fromagerie Côté|Garage Roy");

  fields = last_audit_fields (fixture, id);
  g_assert_cmpstr (fields, ==, "city,phone");

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpstr (escale_partner_get_city (saved), ==, "Matane");
  g_assert_cmpstr (escale_partner_get_phone (saved), ==, "418 555-0199");
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "Fromagerie Côté");
  g_assert_cmpint (escale_partner_get_created_at (saved), ==, 1000);
  g_assert_cmpint (escale_partner_get_updated_at (saved), >=, before);
  g_assert_cmpuint (n_contacts (saved), ==, 1);
  g_assert_cmpuint (n_interactions (saved), ==, 1);
  {
    g_autofree char *counts = row_counts (fixture);

    g_assert_cmpstr (counts, ==, "3/3/3/4");
  }
}

static void
test_update_contacts_and_interactions (Fixture       *fixture,
                                       gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Scierie Neigette", "01", "Rimouski");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autofree char *fields = NULL;
  g_autofree char *all_details = NULL;
  EscaleContact *kept, *added;
  EscaleInteraction *recorded;
  gint64 id = escale_partner_get_id (saved);
  gint64 kept_id, added_id, old_interaction_id;

  /* A new email address for Josée, a new colleague, the phone call marked
   * done and an older visit logged. */
  kept = contact_at (copy, 0);
  kept_id = escale_contact_get_id (kept);
  old_interaction_id = escale_interaction_get_id (interaction_at (copy, 0));
  g_object_set (kept, "email", "j.levesque.personnel@example.net", NULL);
  added = add_contact (copy, "Marc-André Bélanger", "Contremaître", NULL, "418 555-0111");
  g_object_set (interaction_at (copy, 0), "done", TRUE, NULL);
  recorded = add_interaction (copy, "2026-10-05", ESCALE_INTERACTION_CHANNEL_VISIT, "Visite de la scierie",
                              NULL, NULL, FALSE);
  g_string_truncate (fixture->changes, 0);
  save_ok (fixture, copy);

  g_assert_cmpstr (fixture->changes->str, ==, "0:1:1");
  g_assert_cmpint (escale_contact_get_id (kept), ==, kept_id);
  added_id = escale_contact_get_id (added);
  g_assert_cmpint (added_id, >, kept_id);
  g_assert_cmpint (escale_interaction_get_id (recorded), >, old_interaction_id);

  /* The audit says what kind of thing changed, not the new address. */
  fields = last_audit_fields (fixture, id);
  g_assert_cmpstr (fields, ==, "contacts,interactions");
  all_details = g_strdup_printf ("%" G_GINT64_FORMAT, sql_int (fixture, "SELECT count(*) FROM audit_log "
                                                                        "WHERE details LIKE '%personnel%' "
                                                                        "OR details LIKE '%Bélanger%' "
                                                                        "OR details LIKE '%scierie%'"));
  g_assert_cmpstr (all_details, ==, "0");

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpuint (n_contacts (saved), ==, 2);
  g_assert_cmpint (escale_contact_get_id (contact_at (saved, 0)), ==, kept_id);
  g_assert_cmpstr (escale_contact_get_email (contact_at (saved, 0)), ==, "j.levesque.personnel@example.net");
  g_assert_cmpint (escale_contact_get_id (contact_at (saved, 1)), ==, added_id);
  g_assert_cmpstr (escale_contact_get_role (contact_at (saved, 1)), ==, "Contremaître");
  g_assert_cmpuint (n_interactions (saved), ==, 2);
  g_assert_cmpint (escale_interaction_get_id (interaction_at (saved, 0)), ==, old_interaction_id);
  g_assert_true (escale_interaction_get_done (interaction_at (saved, 0)));
  g_assert_cmpstr (escale_interaction_get_summary (interaction_at (saved, 1)), ==, "Visite de la scierie");

  /* Removing a contact and an interaction deletes their rows. */
  g_clear_object (&copy);
  copy = escale_partner_copy (saved);
  escale_partner_remove_contact (copy, contact_at (copy, 0));
  escale_partner_remove_interaction (copy, interaction_at (copy, 1));
  save_ok (fixture, copy);
  g_clear_pointer (&fields, g_free);
  fields = last_audit_fields (fixture, id);
  g_assert_cmpstr (fields, ==, "contacts,interactions");

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpuint (n_contacts (saved), ==, 1);
  g_assert_cmpstr (escale_contact_get_name (contact_at (saved, 0)), ==, "Marc-André Bélanger");
  g_assert_cmpuint (n_interactions (saved), ==, 1);
  g_assert_cmpint (escale_interaction_get_id (interaction_at (saved, 0)), ==, old_interaction_id);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM contact"), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM interaction"), ==, 1);
}

/* An interaction can name the person it was with; once that person leaves
 * the partner's contacts, the interaction stays in the history without
 * them, as the schema's ON DELETE SET NULL says. */
static void
test_remove_contact_named_by_interaction (Fixture       *fixture,
                                          gconstpointer  data)
{
  EscalePartner *saved;
  g_autoptr(EscalePartner) copy = NULL;
  gint64 id, contact_id;

  saved = save_new (fixture, "Pêcheries de Gaspé", "11", "Gaspé");
  copy = escale_partner_copy (saved);
  id = escale_partner_get_id (saved);
  contact_id = escale_contact_get_id (contact_at (saved, 0));
  g_object_set (interaction_at (copy, 0), "contact-id", contact_id, NULL);
  save_ok (fixture, copy);
  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpint (escale_interaction_get_contact_id (interaction_at (saved, 0)), ==, contact_id);

  /* Josée leaves the company. */
  g_clear_object (&copy);
  copy = escale_partner_copy (saved);
  escale_partner_remove_contact (copy, contact_at (copy, 0));
  save_ok (fixture, copy);

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_cmpuint (n_contacts (saved), ==, 0);
  g_assert_cmpuint (n_interactions (saved), ==, 1);
  g_assert_cmpint (escale_interaction_get_contact_id (interaction_at (saved, 0)), ==, 0);
}

/* Two editors opened on the same partner: the second save is refused,
 * and the live list shows what is on disk. */
static void
test_second_stale_copy_keeps_list_true (Fixture       *fixture,
                                        gconstpointer  data)
{
  EscalePartner *saved;
  g_autoptr(EscalePartner) first = NULL;
  g_autoptr(EscalePartner) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *on_disk = NULL;
  gint64 id;

  saved = save_new (fixture, "Transport Bérubé", "01", "Mont-Joli");
  id = escale_partner_get_id (saved);
  first = escale_partner_copy (saved);
  add_contact (first, "Lucie Bérubé", "Propriétaire", NULL, NULL);
  save_ok (fixture, first);
  saved = escale_partner_repository_find (fixture->partners, id);

  g_clear_object (&first);
  first = escale_partner_copy (saved);
  second = escale_partner_copy (saved);

  /* The first editor removes Lucie; the second, opened before, changes the
   * phone number. */
  escale_partner_remove_contact (first, contact_at (first, 1));
  save_ok (fixture, first);
  g_object_set (second, "phone", "418 555-0142", NULL);
  g_assert_false (escale_partner_repository_save (fixture->partners, second, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);

  shown = describe_partner (escale_partner_repository_find (fixture->partners, id));
  reopen (fixture);
  on_disk = describe_partner (escale_partner_repository_find (fixture->partners, id));
  g_assert_cmpstr (shown, ==, on_disk);
}

/* Archiving */

static void
test_archive_and_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  EscalePartner *saved;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *actions = NULL;
  gint64 id;

  save_new (fixture, "Aliments Simard", "02", "Alma");
  saved = save_new (fixture, "Garage Roy", "08", "Rouyn-Noranda");
  id = escale_partner_get_id (saved);
  g_string_truncate (fixture->changes, 0);

  g_assert_true (escale_partner_repository_set_archived (fixture->partners, saved, TRUE, &error));
  g_assert_no_error (error);

  /* Archived, the partner stays in the list (views filter it out), in its
   * place, with its history. */
  g_assert_cmpstr (fixture->changes->str, ==, "1:1:1");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 2);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_nonnull (saved);
  g_assert_true (escale_partner_get_archived (saved));
  g_assert_cmpuint (n_contacts (saved), ==, 1);
  g_assert_cmpuint (n_interactions (saved), ==, 1);
  fields = last_audit_fields (fixture, id);
  g_assert_cmpstr (fields, ==, "archived");

  /* Archiving again changes nothing and records nothing. */
  g_string_truncate (fixture->changes, 0);
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, saved, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  actions = audit_actions (fixture, id);
  g_assert_cmpstr (actions, ==, "create update");

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_true (escale_partner_get_archived (saved));
  g_assert_cmpuint (n_interactions (saved), ==, 1);
  g_assert_false (escale_partner_get_archived (find_by_name (fixture, "Aliments Simard")));

  g_assert_true (escale_partner_repository_set_archived (fixture->partners, saved, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "1:1:1");
  g_assert_false (escale_partner_get_archived (escale_partner_repository_find (fixture->partners, id)));
  g_clear_pointer (&fields, g_free);
  fields = last_audit_fields (fixture, id);
  g_assert_cmpstr (fields, ==, "archived");

  reopen (fixture);
  saved = escale_partner_repository_find (fixture->partners, id);
  g_assert_false (escale_partner_get_archived (saved));
  g_assert_cmpstr (escale_partner_get_city (saved), ==, "Rouyn-Noranda");
  g_assert_cmpuint (n_contacts (saved), ==, 1);
  g_clear_pointer (&actions, g_free);
  actions = audit_actions (fixture, id);
  g_assert_cmpstr (actions, ==, "create update update");
}

/* Deleting */

static void
test_delete_removes_from_list (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscalePartner) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *counts = NULL;
  gint64 id;

  save_new (fixture, "Aliments Simard", "02", "Alma");
  deleted = g_object_ref (save_new (fixture, "Métal Saguenay", "02", "Saguenay"));
  save_new (fixture, "Hôtel Chicoutimi", "02", "Saguenay");
  id = escale_partner_get_id (deleted);
  g_string_truncate (fixture->changes, 0);

  g_assert_true (escale_partner_repository_delete (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "1:1:0");
  g_assert_null (escale_partner_repository_find (fixture->partners, id));
  names = list_names (fixture);
  g_assert_cmpstr (names, ==, "Aliments Simard|Hôtel Chicoutimi");
  actions = audit_actions (fixture, id);
  g_assert_cmpstr (actions, ==, "create delete");

  /* The deleted partner keeps its values, for undo. */
  g_assert_cmpint (escale_partner_get_id (deleted), ==, id);
  g_assert_cmpuint (n_contacts (deleted), ==, 1);

  /* Deleting twice says it is gone, and changes nothing. */
  g_string_truncate (fixture->changes, 0);
  g_assert_false (escale_partner_repository_delete (fixture->partners, deleted, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Métal Saguenay"));
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_clear_pointer (&actions, g_free);
  actions = audit_actions (fixture, id);
  g_assert_cmpstr (actions, ==, "create delete");

  /* Gone from disk too, with its contacts and interactions. */
  reopen (fixture);
  g_assert_null (escale_partner_repository_find (fixture->partners, id));
  g_clear_pointer (&names, g_free);
  names = list_names (fixture);
  g_assert_cmpstr (names, ==, "Aliments Simard|Hôtel Chicoutimi");
  counts = row_counts (fixture);
  g_assert_cmpstr (counts, ==, "2/2/2/4");
}

static void
test_delete_then_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscalePartner) deleted = NULL;
  g_autoptr(EscalePartner) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_restore = NULL;
  g_autofree char *actions = NULL;
  EscalePartner *restored;
  gint64 id, contact_id, interaction_id, undo_time;

  save_new (fixture, "Aliments Simard", "02", "Alma");
  restored = save_new (fixture, "Métal Saguenay", "02", "Saguenay");
  id = escale_partner_get_id (restored);

  /* A second contact, who the interaction was with. */
  copy = escale_partner_copy (restored);
  add_contact (copy, "Marc-André Bélanger", NULL, "mab@example.org", NULL);
  save_ok (fixture, copy);
  g_clear_object (&copy);
  copy = escale_partner_copy (escale_partner_repository_find (fixture->partners, id));
  contact_id = escale_contact_get_id (contact_at (copy, 1));
  g_object_set (interaction_at (copy, 0), "contact-id", contact_id, NULL);
  save_ok (fixture, copy);
  g_clear_object (&copy);

  exec_sql (fixture, "UPDATE organization SET created_at = 1000, updated_at = 2000");
  reopen (fixture);
  deleted = g_object_ref (escale_partner_repository_find (fixture->partners, id));
  interaction_id = escale_interaction_get_id (interaction_at (deleted, 0));
  before_delete = describe_partner (deleted);

  g_assert_true (escale_partner_repository_delete (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "1:1:0");
  g_string_truncate (fixture->changes, 0);

  /* Undo brings it back under the same ids, with its people and history. */
  undo_time = now_in_seconds ();
  g_assert_true (escale_partner_repository_restore (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "1:0:1");
  restored = escale_partner_repository_find (fixture->partners, id);
  g_assert_nonnull (restored);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 2);
  g_assert_cmpint (escale_partner_get_updated_at (restored), >=, undo_time);
  actions = audit_actions (fixture, id);
  g_assert_cmpstr (actions, ==, "create update update delete restore");

  reopen (fixture);
  restored = escale_partner_repository_find (fixture->partners, id);
  g_assert_nonnull (restored);
  after_restore = describe_partner (restored);
  g_assert_cmpstr (after_restore, ==, before_delete);
  g_assert_cmpstr (escale_partner_get_name (restored), ==, "Métal Saguenay");
  g_assert_cmpint (escale_partner_get_created_at (restored), ==, 1000);
  g_assert_cmpuint (n_contacts (restored), ==, 2);
  g_assert_cmpint (escale_contact_get_id (contact_at (restored, 1)), ==, contact_id);
  g_assert_cmpuint (n_interactions (restored), ==, 1);
  g_assert_cmpint (escale_interaction_get_id (interaction_at (restored, 0)), ==, interaction_id);
  g_assert_cmpint (escale_interaction_get_contact_id (interaction_at (restored, 0)), ==, contact_id);

  /* A new partner never takes a deleted partner's id, so undo stays
   * possible. */
  g_assert_true (escale_partner_repository_delete (fixture->partners, restored, &error));
  g_assert_no_error (error);
  {
    EscalePartner *later = save_new (fixture, "Nouveau partenaire", "02", "Alma");

    g_assert_cmpint (escale_partner_get_id (later), >, id);
  }
}

/* The list keeps the order in which partners were created; undoing a
 * deletion puts the partner back where a restart would show it. */
static void
test_undo_keeps_list_order (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EscalePartner) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *live = NULL;
  g_autofree char *reloaded = NULL;

  save_new (fixture, "Aliments Simard", "02", "Alma");
  deleted = g_object_ref (save_new (fixture, "Métal Saguenay", "02", "Saguenay"));
  save_new (fixture, "Hôtel Chicoutimi", "02", "Saguenay");

  g_assert_true (escale_partner_repository_delete (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  g_assert_true (escale_partner_repository_restore (fixture->partners, deleted, &error));
  g_assert_no_error (error);
  live = list_names (fixture);

  reopen (fixture);
  reloaded = list_names (fixture);
  g_assert_cmpstr (reloaded, ==, "Aliments Simard|Métal Saguenay|Hôtel Chicoutimi");
  g_assert_cmpstr (live, ==, reloaded);
}

/* Audit */

static void
test_audit_names_fields_not_values (Fixture       *fixture,
                                    gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Clinique du Littoral", "09", "Sept-Îles");
  EscalePartner *other = save_new (fixture, "Marina de Sept-Îles", "09", "Sept-Îles");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *other_actions = NULL;
  gint64 id = escale_partner_get_id (saved);
  gint64 other_id = escale_partner_get_id (other);
  const char *secrets[] = {
    "secret.address", "418 555-0987", "Dossier confidentiel", "santé mentale", "48.2", "66.3",
    "Port-Cartier", "Clinique", "Littoral",
  };

  g_object_set (copy,
                "email", "secret.address@clinique.example",
                "phone", "418 555-0987",
                "notes", "Dossier confidentiel",
                "tags", "santé mentale",
                "kind", ESCALE_PARTNER_KIND_HEALTH,
                NULL);
  escale_partner_set_coordinates (copy, 48.2, -66.3);
  save_ok (fixture, copy);

  fields = last_audit_fields (fixture, id);
  g_assert_cmpstr (fields, ==, "email,has-coordinates,kind,latitude,longitude,notes,phone,tags");

  /* Exactly one entry per change, for this partner only. */
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, copy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (escale_partner_repository_delete (fixture->partners,
                                                   escale_partner_repository_find (fixture->partners, id),
                                                   &error));
  g_assert_no_error (error);
  actions = audit_actions (fixture, id);
  g_assert_cmpstr (actions, ==, "create update update delete");
  other_actions = audit_actions (fixture, other_id);
  g_assert_cmpstr (other_actions, ==, "create");

  /* No value of any field reaches the log, whatever the entry. */
  audit = audit_of (fixture, id);
  for (guint i = 0; i < audit->len; i++)
    {
      EscaleAuditEntry *entry = g_ptr_array_index (audit, i);

      for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
        {
          if (entry->details != NULL && strstr (entry->details, secrets[j]) != NULL)
            g_test_message ("The audit entry “%s” holds “%s”", entry->details, secrets[j]);
          g_assert_true (entry->details == NULL || strstr (entry->details, secrets[j]) == NULL);
        }
    }
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE details LIKE '%secret%' "
                                     "OR details LIKE '%555%' OR details LIKE '%confidentiel%' "
                                     "OR actor LIKE '%secret%'"), ==, 0);

  /* A changed name is named too, but not written. */
  g_clear_object (&copy);
  copy = escale_partner_copy (other);
  g_object_set (copy, "name", "Marina Port-Cartier", "region-code", "09", NULL);
  save_ok (fixture, copy);
  g_clear_pointer (&fields, g_free);
  fields = last_audit_fields (fixture, other_id);
  g_assert_cmpstr (fields, ==, "name");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE details LIKE '%Port-Cartier%'"), ==, 0);
}

/* Failures */

static void
test_refused_new_partner_changes_nothing (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  struct
  {
    const char *what;
    const char *message;
  } cases[] = {
    { "empty name", "Name" },
    { "blank name", "Name" },
    { "unknown region", "99" },
    { "blank contact name", "Contact 1" },
    { "no interaction date", "Interaction 1" },
    { "impossible interaction date", "Interaction 1" },
    { "blank summary", "summary" },
    { "impossible due date", "2026-02-30" },
  };

  save_new (fixture, "Déjà là", "01", "Rimouski");
  counts_before = row_counts (fixture);
  g_string_truncate (fixture->changes, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EscalePartner) partner = new_partner ("Refusé", "01", "Rimouski");
      EscaleContact *contact = contact_at (partner, 0);
      EscaleInteraction *interaction = interaction_at (partner, 0);

      g_test_message ("Case: %s", cases[i].what);
      switch (i)
        {
        case 0:
          g_object_set (partner, "name", "", NULL);
          break;
        case 1:
          g_object_set (partner, "name", " \t ", NULL);
          break;
        case 2:
          g_object_set (partner, "region-code", "99", NULL);
          break;
        case 3:
          g_object_set (contact, "name", "   ", NULL);
          break;
        case 4:
          g_object_set (interaction, "occurred-on", NULL, NULL);
          break;
        case 5:
          g_object_set (interaction, "occurred-on", "2026-02-30", NULL);
          break;
        case 6:
          g_object_set (interaction, "summary", "  ", NULL);
          break;
        case 7:
          g_object_set (interaction, "due-on", "2026-02-30", NULL);
          break;
        default:
          g_assert_not_reached ();
        }

      g_assert_false (escale_partner_repository_save (fixture->partners, partner, &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
      if (strstr (error->message, cases[i].message) == NULL)
        g_test_message ("Message: %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);

      /* The editor's objects got no id, and nothing reached the list. */
      g_assert_cmpint (escale_partner_get_id (partner), ==, 0);
      g_assert_cmpint (escale_contact_get_id (contact), ==, 0);
      g_assert_cmpint (escale_interaction_get_id (interaction), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 1);
      g_assert_cmpstr (fixture->changes->str, ==, "");
    }

  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts_before);
}

static void
test_refused_edit_changes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Fromagerie Côté", "01", "Rimouski");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe_partner (saved);
  g_autofree char *after = NULL;
  g_autofree char *counts_before = row_counts (fixture);
  g_autofree char *counts_after = NULL;
  EscaleContact *added;
  gint64 id = escale_partner_get_id (saved);

  g_string_truncate (fixture->changes, 0);
  g_object_set (copy, "city", "Matane", "region-code", "18", NULL);
  added = add_contact (copy, "Nouvelle personne", NULL, NULL, NULL);

  g_assert_false (escale_partner_repository_save (fixture->partners, copy, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_true (escale_partner_repository_find (fixture->partners, id) == saved);
  g_assert_cmpstr (escale_partner_get_city (saved), ==, "Rimouski");
  g_assert_cmpint (escale_contact_get_id (added), ==, 0);

  reopen (fixture);
  after = describe_partner (escale_partner_repository_find (fixture->partners, id));
  g_assert_cmpstr (after, ==, before);
  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts_before);
}

/* The database refuses partway through, as a full disk would: the rows
 * already written in the transaction must go with it. */
static void
test_failed_write_is_rolled_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Fromagerie Côté", "01", "Rimouski");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autoptr(EscalePartner) fresh = new_partner ("Serres Bouchard", "12", "Montmagny");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe_partner (saved);
  g_autofree char *after = NULL;
  g_autofree char *counts_before = row_counts (fixture);
  g_autofree char *counts_after = NULL;
  EscaleContact *added;
  gint64 id = escale_partner_get_id (saved);

  exec_sql (fixture, "CREATE TEMP TRIGGER refuse_contact BEFORE INSERT ON contact "
                     "BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  g_string_truncate (fixture->changes, 0);

  /* The partner's row is updated before the new contact is refused. */
  g_object_set (copy, "name", "Fromagerie Côté et fils", NULL);
  added = add_contact (copy, "Nouvelle personne", NULL, NULL, NULL);
  g_assert_false (escale_partner_repository_save (fixture->partners, copy, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == ESCALE_STORE_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (escale_contact_get_id (added), ==, 0);

  /* The new partner's row is written before its contact is refused. */
  g_assert_false (escale_partner_repository_save (fixture->partners, fresh, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (escale_partner_get_id (fresh), ==, 0);

  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 1);
  g_assert_true (escale_partner_repository_find (fixture->partners, id) == saved);
  g_assert_cmpstr (escale_partner_get_name (saved), ==, "Fromagerie Côté");
  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts_before);

  /* The repository still works after a rollback. */
  exec_sql (fixture, "DROP TRIGGER refuse_contact");
  save_ok (fixture, fresh);
  g_assert_cmpint (escale_partner_get_id (fresh), >, id);

  reopen (fixture);
  after = describe_partner (escale_partner_repository_find (fixture->partners, id));
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (find_by_name (fixture, "Serres Bouchard"));
  g_assert_null (find_by_name (fixture, "Fromagerie Côté et fils"));
}

/* A change and its audit entry are written together or not at all. */
static void
test_failed_audit_undoes_the_change (Fixture       *fixture,
                                     gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Fromagerie Côté", "01", "Rimouski");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autoptr(EscalePartner) fresh = new_partner ("Serres Bouchard", "12", "Montmagny");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe_partner (saved);
  g_autofree char *after = NULL;
  g_autofree char *counts_before = row_counts (fixture);
  g_autofree char *counts_after = NULL;
  gint64 id = escale_partner_get_id (saved);

  exec_sql (fixture, "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                     "BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  g_string_truncate (fixture->changes, 0);

  g_assert_false (escale_partner_repository_save (fixture->partners, fresh, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (escale_partner_get_id (fresh), ==, 0);
  g_assert_cmpint (escale_contact_get_id (contact_at (fresh, 0)), ==, 0);

  g_object_set (copy, "city", "Matane", NULL);
  g_assert_false (escale_partner_repository_save (fixture->partners, copy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (escale_partner_repository_set_archived (fixture->partners, saved, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (escale_partner_get_archived (escale_partner_repository_find (fixture->partners, id)));

  g_assert_false (escale_partner_repository_delete (fixture->partners, saved, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_true (escale_partner_repository_find (fixture->partners, id) == saved);
  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts_before);

  reopen (fixture);
  after = describe_partner (escale_partner_repository_find (fixture->partners, id));
  g_assert_cmpstr (after, ==, before);
}

static void
test_saving_deleted_partner_is_refused (Fixture       *fixture,
                                        gconstpointer  data)
{
  EscalePartner *saved = save_new (fixture, "Métal Saguenay", "02", "Saguenay");
  g_autoptr(EscalePartner) copy = escale_partner_copy (saved);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;

  /* An editor stays open while the partner is deleted elsewhere. */
  g_assert_true (escale_partner_repository_delete (fixture->partners, saved, &error));
  g_assert_no_error (error);
  counts_before = row_counts (fixture);
  g_string_truncate (fixture->changes, 0);

  g_object_set (copy, "city", "Alma", NULL);
  g_assert_false (escale_partner_repository_save (fixture->partners, copy, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts_before);
}

/* Saving many */

static void
test_save_many (Fixture       *fixture,
                gconstpointer  data)
{
  EscalePartner *existing = save_new (fixture, "Fromagerie Côté", "01", "Rimouski");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *counts = NULL;
  EscalePartner *first, *second, *copy;
  gint64 existing_id = escale_partner_get_id (existing);

  first = new_partner ("Serres Bouchard", "12", "Montmagny");
  second = new_partner ("Pêcheries de Gaspé", "11", "Gaspé");
  copy = escale_partner_copy (existing);
  g_object_set (copy, "city", "Matane", NULL);
  g_ptr_array_add (batch, first);
  g_ptr_array_add (batch, second);
  g_ptr_array_add (batch, copy);
  g_string_truncate (fixture->changes, 0);

  g_assert_true (escale_partner_repository_save_many (fixture->partners, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "1:0:1 2:0:1 0:1:1");
  g_assert_cmpint (escale_partner_get_id (first), >, existing_id);
  g_assert_cmpint (escale_partner_get_id (second), >, escale_partner_get_id (first));
  g_assert_cmpint (escale_contact_get_id (contact_at (second, 0)), >, 0);
  g_assert_true (escale_partner_repository_find (fixture->partners, existing_id) == copy);
  names = list_names (fixture);
  g_assert_cmpstr (names, ==, "Fromagerie Côté|Serres Bouchard|Pêcheries de Gaspé");

  /* One audit entry for each partner. */
  {
    g_autofree char *first_actions = audit_actions (fixture, escale_partner_get_id (first));
    g_autofree char *second_actions = audit_actions (fixture, escale_partner_get_id (second));
    g_autofree char *existing_actions = audit_actions (fixture, existing_id);

    g_assert_cmpstr (first_actions, ==, "create");
    g_assert_cmpstr (second_actions, ==, "create");
    g_assert_cmpstr (existing_actions, ==, "create update");
  }
  fields = last_audit_fields (fixture, existing_id);
  g_assert_cmpstr (fields, ==, "city");

  /* Nothing to save is no change. */
  g_string_truncate (fixture->changes, 0);
  g_assert_true (escale_partner_repository_save_many (fixture->partners, empty, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "");

  reopen (fixture);
  g_clear_pointer (&names, g_free);
  names = list_names (fixture);
  g_assert_cmpstr (names, ==, "Fromagerie Côté|Serres Bouchard|Pêcheries de Gaspé");
  g_assert_cmpstr (escale_partner_get_city (escale_partner_repository_find (fixture->partners, existing_id)), ==,
                   "Matane");
  counts = row_counts (fixture);
  g_assert_cmpstr (counts, ==, "3/3/3/4");
}

static void
test_save_many_invalid_saves_none (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EscalePartner *valid = new_partner ("Serres Bouchard", "12", "Montmagny");
  EscalePartner *invalid = new_partner ("Sans région", "00", "Nulle part");

  g_ptr_array_add (batch, valid);
  g_ptr_array_add (batch, invalid);

  g_assert_false (escale_partner_repository_save_many (fixture->partners, batch, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (escale_partner_get_id (valid), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM organization"), ==, 0);
}

static void
test_save_many_failure_rolls_back_all (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  EscalePartner *first = new_partner ("Serres Bouchard", "12", "Montmagny");
  EscalePartner *second = new_partner ("Pêcheries de Gaspé", "11", "Gaspé");

  /* The second partner is refused after the first is written. */
  exec_sql (fixture, "CREATE TEMP TRIGGER refuse_gaspe BEFORE INSERT ON organization "
                     "WHEN NEW.city = 'Gaspé' BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  g_ptr_array_add (batch, first);
  g_ptr_array_add (batch, second);

  g_assert_false (escale_partner_repository_save_many (fixture->partners, batch, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_cmpint (escale_partner_get_id (first), ==, 0);
  g_assert_cmpint (escale_contact_get_id (contact_at (first, 0)), ==, 0);
  counts = row_counts (fixture);
  g_assert_cmpstr (counts, ==, "0/0/0/0");

  /* Reopening drops the temporary trigger: the same batch then goes through
   * in one go. */
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);
  g_assert_true (escale_partner_repository_save_many (fixture->partners, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->changes->str, ==, "0:0:1 1:0:1");
  g_clear_pointer (&counts, g_free);
  counts = row_counts (fixture);
  g_assert_cmpstr (counts, ==, "2/2/2/2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/partner-repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("regions/seeded", test_regions_seeded);
  ADD ("regions/in-french", test_regions_in_french);
  ADD ("create/notifies-once", test_create_notifies_once);
  ADD ("create/survives-reopen", test_create_survives_reopen);
  ADD ("update/replaces-in-place", test_update_replaces_in_place);
  ADD ("update/contacts-and-interactions", test_update_contacts_and_interactions);
  ADD ("update/remove-contact-named-by-interaction", test_remove_contact_named_by_interaction);
  ADD ("update/stale-copy-keeps-list-true", test_second_stale_copy_keeps_list_true);
  ADD ("archive/archive-and-restore", test_archive_and_restore);
  ADD ("delete/removes-from-list", test_delete_removes_from_list);
  ADD ("delete/undo", test_delete_then_undo);
  ADD ("delete/undo-keeps-list-order", test_undo_keeps_list_order);
  ADD ("audit/names-fields-not-values", test_audit_names_fields_not_values);
  ADD ("failure/refused-new-partner", test_refused_new_partner_changes_nothing);
  ADD ("failure/refused-edit", test_refused_edit_changes_nothing);
  ADD ("failure/write-rolled-back", test_failed_write_is_rolled_back);
  ADD ("failure/audit-rolled-back", test_failed_audit_undoes_the_change);
  ADD ("failure/saving-deleted-partner", test_saving_deleted_partner_is_refused);
  ADD ("save-many/all", test_save_many);
  ADD ("save-many/invalid-saves-none", test_save_many_invalid_saves_none);
  ADD ("save-many/failure-rolls-back-all", test_save_many_failure_rolls_back_all);

#undef ADD

  return g_test_run ();
}
