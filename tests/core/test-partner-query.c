/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "partner-fixture.h"

/* Finding and ordering partners as the page and `partners list` do: over
 * the live list, accents, case and typography aside. */

/* Query */

/* The names of the partners in the live list that @query keeps. */
static char *
matching_names (Fixture            *fixture,
                EscalePartnerQuery *query)
{
  GListModel *list = list_of (fixture);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (list, i);

      if (escale_partner_query_matches (query, partner))
        g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "", escale_partner_get_name (partner));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
search_names (Fixture    *fixture,
              const char *text)
{
  g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();

  escale_partner_query_set_search (query, text);
  return matching_names (fixture, query);
}

static void
assert_search (Fixture    *fixture,
               const char *text,
               const char *expected)
{
  g_autofree char *names = search_names (fixture, text);

  if (g_strcmp0 (names, expected) != 0)
    g_test_message ("Searching “%s” found “%s”, expected “%s”", text, names, expected);
  g_assert_cmpstr (names, ==, expected);
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return escale_partner_compare (*(EscalePartner * const *) a, *(EscalePartner * const *) b,
                                 (EscalePartnerSort) GPOINTER_TO_INT (data));
}

/* The names of every partner in the live list, in @sort order. */
static char *
sorted_names (Fixture           *fixture,
              EscalePartnerSort  sort)
{
  GListModel *list = list_of (fixture);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (partners, g_list_model_get_item (list, i));
  g_ptr_array_sort_with_data (partners, compare_partners, GINT_TO_POINTER (sort));

  for (guint i = 0; i < partners->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "",
                            escale_partner_get_name (g_ptr_array_index (partners, i)));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Query */

static void
add_search_partners (Fixture *fixture)
{
  g_autoptr(EscalePartner) cld = plain_partner ("CLD de la Matanie", ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT,
                                                "01", "Matane");
  g_autoptr(EscalePartner) usinage = plain_partner ("Usinage Lévis", ESCALE_PARTNER_KIND_EMPLOYER, "12", "Lévis");
  g_autoptr(EscalePartner) fonderie = plain_partner ("Ancienne fonderie", ESCALE_PARTNER_KIND_EMPLOYER,
                                                     "12", "Levis");
  g_autoptr(EscalePartner) hopital = plain_partner ("Hôpital de Chicoutimi", ESCALE_PARTNER_KIND_HEALTH,
                                                    "02", "Saguenay");
  g_autoptr(GError) error = NULL;

  g_object_set (cld, "tags", "agroalimentaire, pêches", "email", "info@cld.example.org", NULL);
  add_contact (cld, "Josée Lévesque", NULL, "josee@cld.example.org", NULL);
  add_contact (usinage, "Marc-André Bélanger", NULL, NULL, NULL);
  add_contact (fonderie, "Josée Lévesque", NULL, NULL, NULL);
  g_object_set (hopital, "tags", "santé", NULL);

  save_ok (fixture, cld);
  save_ok (fixture, usinage);
  save_ok (fixture, fonderie);
  save_ok (fixture, hopital);
  g_assert_true (escale_partner_repository_set_archived (fixture->partners, fonderie, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_query_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();
  g_autofree char *names = NULL;

  add_search_partners (fixture);

  /* Archived partners stay out unless asked for. */
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "CLD de la Matanie|Usinage Lévis|Hôpital de Chicoutimi");
  g_assert_true (escale_partner_query_set_with_archived (query, TRUE));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "CLD de la Matanie|Usinage Lévis|Ancienne fonderie|Hôpital de Chicoutimi");
  g_assert_false (escale_partner_query_set_with_archived (query, TRUE));

  /* Region */
  g_assert_true (escale_partner_query_set_region (query, "12"));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "Usinage Lévis|Ancienne fonderie");
  g_assert_false (escale_partner_query_set_region (query, "12"));
  g_assert_true (escale_partner_query_set_with_archived (query, FALSE));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "Usinage Lévis");

  /* An empty region is every region. */
  g_assert_true (escale_partner_query_set_region (query, ""));
  g_assert_false (escale_partner_query_set_region (query, NULL));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "CLD de la Matanie|Usinage Lévis|Hôpital de Chicoutimi");

  /* Kind, alone and with a region */
  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_HEALTH));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "Hôpital de Chicoutimi");
  g_assert_false (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_HEALTH));
  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_EMPLOYER));
  g_assert_true (escale_partner_query_set_with_archived (query, TRUE));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "Usinage Lévis|Ancienne fonderie");
  g_assert_true (escale_partner_query_set_region (query, "01"));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "");

  /* Every filter together with a search */
  g_assert_true (escale_partner_query_set_region (query, "12"));
  g_assert_true (escale_partner_query_set_search (query, "josee"));
  g_assert_false (escale_partner_query_set_search (query, "  JOSÉE "));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "Ancienne fonderie");

  g_assert_true (escale_partner_query_set_kind (query, -1));
  g_assert_true (escale_partner_query_set_region (query, NULL));
  g_assert_true (escale_partner_query_set_search (query, ""));
  g_clear_pointer (&names, g_free);
  names = matching_names (fixture, query);
  g_assert_cmpstr (names, ==, "CLD de la Matanie|Usinage Lévis|Ancienne fonderie|Hôpital de Chicoutimi");
}

static void
test_query_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EscalePartner) copy = NULL;

  add_search_partners (fixture);

  assert_search (fixture, NULL, "CLD de la Matanie|Usinage Lévis|Hôpital de Chicoutimi");
  assert_search (fixture, "   ", "CLD de la Matanie|Usinage Lévis|Hôpital de Chicoutimi");

  /* Name and city, with or without accents, in any case. */
  assert_search (fixture, "matanie", "CLD de la Matanie");
  assert_search (fixture, "matane", "CLD de la Matanie");
  assert_search (fixture, "levis", "Usinage Lévis");
  assert_search (fixture, "LÉVIS", "Usinage Lévis");
  assert_search (fixture, "hopital", "Hôpital de Chicoutimi");
  assert_search (fixture, "HÔPITAL chicoutimi", "Hôpital de Chicoutimi");

  /* Contact names, tags and the region's name. */
  assert_search (fixture, "belanger", "Usinage Lévis");
  assert_search (fixture, "Josée", "CLD de la Matanie");
  assert_search (fixture, "PECHES", "CLD de la Matanie");
  assert_search (fixture, "santé", "Hôpital de Chicoutimi");
  assert_search (fixture, "chaudiere-appalaches", "Usinage Lévis");
  assert_search (fixture, "bas-saint-laurent", "CLD de la Matanie");

  /* Every word must be found. */
  assert_search (fixture, "josee matane", "CLD de la Matanie");
  assert_search (fixture, "josee levis", "");
  assert_search (fixture, "introuvable", "");

  /* An edit is searchable at once, and the old values no longer are. */
  copy = escale_partner_copy (find_by_name (fixture, "CLD de la Matanie"));
  g_object_set (copy, "city", "Rimouski", "tags", "tourisme", NULL);
  add_contact (copy, "Gérald Tremblay", NULL, NULL, NULL);
  save_ok (fixture, copy);
  assert_search (fixture, "matane", "");
  assert_search (fixture, "peches", "");
  assert_search (fixture, "rimouski", "CLD de la Matanie");
  assert_search (fixture, "tremblay", "CLD de la Matanie");
  assert_search (fixture, "tourisme", "CLD de la Matanie");

  /* And so after a restart. */
  reopen (fixture);
  assert_search (fixture, "tremblay", "CLD de la Matanie");
  assert_search (fixture, "lévis", "Usinage Lévis");
  assert_search (fixture, "santé", "Hôpital de Chicoutimi");
  {
    g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();
    g_autofree char *names = NULL;

    /* An accented search finds a city stored without its accent. */
    escale_partner_query_set_with_archived (query, TRUE);
    escale_partner_query_set_search (query, "Lévis fonderie");
    names = matching_names (fixture, query);
    g_assert_cmpstr (names, ==, "Ancienne fonderie");
  }
}

/* Two regions' names hold an en dash; nobody types one in a search entry. */
static void
test_query_search_region_typed_with_hyphens (Fixture       *fixture,
                                             gconstpointer  data)
{
  add_search_partners (fixture);

  assert_search (fixture, "Saguenay–Lac-Saint-Jean", "Hôpital de Chicoutimi");
  assert_search (fixture, "saguenay-lac-saint-jean", "Hôpital de Chicoutimi");
}

static void
test_sort_orders (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct
  {
    const char *name;
    const char *region_code;
    const char *due_on;
    const char *extra;
  } partners[] = {
    { "Dion", "09", "2026-12-01", NULL },
    { "Dion transport", "02", "2026-11-20", "done" },
    { "École de foresterie", "09", NULL, "no next step" },
    { "entreprise Fortin", "01", "2026-11-05", NULL },
    { "Érablière Côté", "12", NULL, NULL },
    { "Zec Matimek", "09", "2026-11-20", NULL },
  };
  g_autofree char *names = NULL;
  g_autoptr(EscalePartner) copy = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      g_autoptr(EscalePartner) partner = plain_partner (partners[i].name, ESCALE_PARTNER_KIND_EMPLOYER,
                                                        partners[i].region_code, NULL);

      if (partners[i].due_on != NULL)
        add_interaction (partner, "2026-10-01", ESCALE_INTERACTION_CHANNEL_MEETING, "Rencontre",
                         "Rappeler", partners[i].due_on, FALSE);
      if (g_strcmp0 (partners[i].extra, "done") == 0)
        add_interaction (partner, "2026-09-01", ESCALE_INTERACTION_CHANNEL_PHONE, "Appel",
                         "Rappeler", "2026-09-10", TRUE);
      else if (g_strcmp0 (partners[i].extra, "no next step") == 0)
        add_interaction (partner, "2026-09-01", ESCALE_INTERACTION_CHANNEL_PHONE, "Appel",
                         NULL, "2026-09-10", FALSE);
      save_ok (fixture, partner);
    }

  /* Accents and case are ignored, as French readers expect. */
  names = sorted_names (fixture, ESCALE_PARTNER_SORT_NAME);
  g_assert_cmpstr (names, ==, "Dion|Dion transport|École de foresterie|entreprise Fortin|Érablière Côté|Zec Matimek");

  /* By region code, then by name. */
  g_clear_pointer (&names, g_free);
  names = sorted_names (fixture, ESCALE_PARTNER_SORT_REGION);
  g_assert_cmpstr (names, ==, "entreprise Fortin|Dion transport|Dion|École de foresterie|Zec Matimek|Érablière Côté");

  /* By the earliest pending next step; done ones and ones without a next
   * step do not count; nothing due comes last. */
  g_clear_pointer (&names, g_free);
  names = sorted_names (fixture, ESCALE_PARTNER_SORT_NEXT_DUE);
  g_assert_cmpstr (names, ==, "entreprise Fortin|Dion transport|Zec Matimek|Dion|École de foresterie|Érablière Côté");

  /* Most recently updated first. */
  exec_sql (fixture, "UPDATE organization SET updated_at = CASE name "
                     "WHEN 'Dion' THEN 300 WHEN 'Dion transport' THEN 100 WHEN 'École de foresterie' THEN 300 "
                     "WHEN 'entreprise Fortin' THEN 200 WHEN 'Érablière Côté' THEN 50 ELSE 400 END");
  reopen (fixture);
  g_clear_pointer (&names, g_free);
  names = sorted_names (fixture, ESCALE_PARTNER_SORT_RECENTLY_UPDATED);
  g_assert_cmpstr (names, ==, "Zec Matimek|Dion|École de foresterie|entreprise Fortin|Dion transport|Érablière Côté");

  /* An edit makes a partner the most recent at once. */
  copy = escale_partner_copy (find_by_name (fixture, "Érablière Côté"));
  g_object_set (copy, "city", "Lévis", NULL);
  save_ok (fixture, copy);
  g_clear_pointer (&names, g_free);
  names = sorted_names (fixture, ESCALE_PARTNER_SORT_RECENTLY_UPDATED);
  g_assert_cmpstr (names, ==, "Érablière Côté|Zec Matimek|Dion|École de foresterie|entreprise Fortin|Dion transport");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/partner-repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("query/filters", test_query_filters);
  ADD ("query/search", test_query_search);
  ADD ("query/search-region-typed-with-hyphens", test_query_search_region_typed_with_hyphens);
  ADD ("query/sort", test_sort_orders);

#undef ADD

  return g_test_run ();
}
