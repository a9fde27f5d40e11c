/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"

#include "participant-fixture.h"

/* Finding a person among thousands as a counsellor types, the rows of the
 * participants list, and the duplicates a fair and a web form make of one
 * person, merged into one file. */

/* Five files, numbered 1 to 5, their names in the order 4 1 2 3 5; "today"
 * is Wednesday 2026-11-18, whose week ends on Sunday 2026-11-22. */
#define TODAY "2026-11-18"

static void
add_consent (EscaleParticipant    *participant,
             EscaleConsentPurpose  purpose,
             gboolean              granted,
             const char           *given_on)
{
  g_autoptr(EscaleConsent) consent = escale_consent_new (purpose, granted, given_on, "2026-1", "conseillere");

  escale_participant_add_consent (participant, consent);
}

static EscaleFollowUp *
add_follow_up (EscaleParticipant *participant,
               const char        *due_on)
{
  g_autoptr(EscaleFollowUp) follow_up = escale_follow_up_new (due_on, ESCALE_FOLLOW_UP_KIND_CALL);

  escale_participant_add_follow_up (participant, follow_up);
  return follow_up;
}

static void
populate (Fixture *fixture)
{
  g_autoptr(EscaleParticipant) elodie = NULL;
  g_autoptr(EscaleParticipant) jf = NULL;
  g_autoptr(EscaleParticipant) andree = NULL;
  g_autoptr(EscaleParticipant) ahmed = NULL;
  g_autoptr(EscaleParticipant) zoe = NULL;

  elodie = new_participant ("Elodie", "Côté",
                            ESCALE_PARTICIPANT_FIELD_EMAIL, "elodie.cote@exemple.ca",
                            ESCALE_PARTICIPANT_FIELD_PHONE, "418 555-0101",
                            ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, "581-555-0202",
                            ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Infirmière auxiliaire",
                            ESCALE_PARTICIPANT_FIELD_NOC_CODE, "32101",
                            ESCALE_PARTICIPANT_FIELD_CITY, "Rimouski",
                            ESCALE_PARTICIPANT_FIELD_REGIONS, "01, 03",
                            ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "RP",
                            END_OF_FIELDS);
  add_consent (elodie, ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-10-01");
  add_follow_up (elodie, "2026-11-22");

  jf = new_participant ("Jean-François", "Gagnon",
                        ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "Jeff",
                        ESCALE_PARTICIPANT_FIELD_EMAIL, "jf.gagnon@courriel.com",
                        ESCALE_PARTICIPANT_FIELD_PHONE, "514 555-0303",
                        ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Soudeur",
                        ESCALE_PARTICIPANT_FIELD_NOC_CODE, "72106",
                        ESCALE_PARTICIPANT_FIELD_CITY, "Alma",
                        ESCALE_PARTICIPANT_FIELD_REGIONS, "02",
                        ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "PTO",
                        END_OF_FIELDS);
  /* Given, then withdrawn the same day. */
  add_consent (jf, ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-10-05");
  add_consent (jf, ESCALE_CONSENT_PURPOSE_REGISTRATION, FALSE, "2026-10-05");
  add_follow_up (jf, "2026-11-17");
  add_follow_up (jf, "2026-11-30");

  andree = new_participant ("Andrée", "Lavoie",
                            ESCALE_PARTICIPANT_FIELD_EMAIL, "andree@exemple.ca",
                            ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Comptable",
                            ESCALE_PARTICIPANT_FIELD_NOC_CODE, "11100",
                            ESCALE_PARTICIPANT_FIELD_CITY, "Gaspé",
                            ESCALE_PARTICIPANT_FIELD_REGIONS, "11, 02",
                            ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "citoyenne",
                            END_OF_FIELDS);
  /* Withdrawn, then given again; other purposes do not count. */
  add_consent (andree, ESCALE_CONSENT_PURPOSE_REGISTRATION, FALSE, "2026-09-01");
  add_consent (andree, ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-10-12");
  add_consent (andree, ESCALE_CONSENT_PURPOSE_EMPLOYERS, FALSE, "2026-10-13");
  escale_follow_up_complete (add_follow_up (andree, "2026-11-10"), ESCALE_FOLLOW_UP_OUTCOME_NONE, "2026-11-10");
  add_follow_up (andree, "2026-11-23");

  ahmed = new_participant ("Ahmed", "Benali",
                           ESCALE_PARTICIPANT_FIELD_CITY, "Baie-Comeau",
                           END_OF_FIELDS);
  add_consent (ahmed, ESCALE_CONSENT_PURPOSE_EMPLOYERS, TRUE, "2026-10-01");
  add_follow_up (ahmed, TODAY);

  zoe = new_participant ("Zoé", "Roy",
                         ESCALE_PARTICIPANT_FIELD_CITY, "Trois-Rivières",
                         ESCALE_PARTICIPANT_FIELD_REGIONS, "04",
                         ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "autre",
                         END_OF_FIELDS);

  g_assert_cmpint (save_ok (fixture, elodie), ==, 1);
  g_assert_cmpint (save_ok (fixture, jf), ==, 2);
  g_assert_cmpint (save_ok (fixture, andree), ==, 3);
  g_assert_cmpint (save_ok (fixture, ahmed), ==, 4);
  g_assert_cmpint (save_ok (fixture, zoe), ==, 5);
}

static void
assert_search (Fixture    *fixture,
               const char *text,
               const char *expected)
{
  g_autofree char *found = search_ids (fixture, text);

  /* Every search is tried, and each one that finds the wrong people said. */
  if (g_strcmp0 (found, expected) != 0)
    {
      g_test_message ("Searching “%s” found “%s”, not “%s”", text, found, expected);
      g_test_fail ();
    }
}

/* Search */

static void
test_search_prefix_words (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *searches[][2] = {
    /* Names, preferred name included */
    { "elo", "1" }, { "cot", "1" }, { "gagn", "2" }, { "jeff", "2" }, { "jean", "2" }, { "franc", "2" },
    { "andr", "3" }, { "lav", "3" }, { "benali", "4" },
    /* Email */
    { "elodie.cote@", "1" }, { "courriel", "2" }, { "exemple.ca", "1 3" },
    /* Phones, with or without punctuation, whole or partly, both fields */
    { "418", "1" }, { "4185550101", "1" }, { "418555", "1" }, { "418-555-01", "1" }, { "(418) 555", "1" },
    { "418.555.0101", "1" }, { "5815550202", "1" }, { "581 555", "1" }, { "555-0303", "2" }, { "555", "1 2" },
    /* Occupation and NOC code */
    { "infirm", "1" }, { "auxil", "1" }, { "soud", "2" }, { "comptable", "3" }, { "721", "2" }, { "32101", "1" },
    /* Every word must start a word */
    { "gagnon soud", "2" }, { "cote 418", "1" }, { "gagnon comptable", "" }, { "agnon", "" }, { "0101", "1" },
    { "oudeur", "" }, { "zzz", "" },
  };

  populate (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    assert_search (fixture, searches[i][0], searches[i][1]);
}

static void
test_search_ignores_accents_and_case (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *searches[][2] = {
    { "cote", "1" }, { "CÔTÉ", "1" }, { "Côte", "1" }, { "ÉLODIE", "1" }, { "élodie", "1" }, { "ELODIE", "1" },
    { "andree", "3" }, { "ANDRÉE", "3" }, { "FRANÇOIS", "2" }, { "jean-francois", "2" }, { "JEAN FRANÇOIS", "2" },
    { "INFIRMIERE", "1" }, { "zoe", "5" }, { "Zoé", "5" },
  };

  populate (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    assert_search (fixture, searches[i][0], searches[i][1]);
}

/* Letters that are not an accented letter: typing the name as it is
 * written, or as it is spelt on a keyboard without them, finds the person. */
static void
test_search_letters_beyond_accents (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EscaleParticipant) laetitia = new_participant ("Lætitia", "Mbappé", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) hans = new_participant ("Hans", "Strauß", END_OF_FIELDS);

  save_ok (fixture, laetitia);
  save_ok (fixture, hans);
  assert_search (fixture, "Lætitia", "1");
  assert_search (fixture, "laetitia", "1");
  assert_search (fixture, "LÆTI", "1");
  assert_search (fixture, "Strauß", "2");
  assert_search (fixture, "strauss", "2");
}

/* What people type, including what FTS5 would read as its own syntax, is
 * only ever words to look for. */
static void
test_search_syntax_is_never_an_error (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (2000, 'a');
  const char *searches[][2] = {
    { "\"", "4 1 2 3 5" }, { "\"elodie", "1" }, { "elodie\"", "1" }, { "\"elodie cote\"", "1" },
    { "*", "4 1 2 3 5" }, { "elo*", "1" }, { "*elo", "1" }, { "elo**", "1" },
    { "NEAR", "" }, { "NEAR(elodie cote)", "" }, { "elodie NEAR cote", "" },
    { "-", "4 1 2 3 5" }, { "-cote", "1" }, { "elodie -cote", "1" }, { "jean-françois", "2" },
    { ":", "4 1 2 3 5" }, { "names:gagnon", "" }, { "gagnon:", "2" }, { "{names}: gagnon", "" },
    { "(", "4 1 2 3 5" }, { "(gagnon", "2" }, { "gagnon)", "2" }, { "((", "4 1 2 3 5" },
    { "AND", "3" }, { "OR", "" }, { "NOT gagnon", "" }, { "elodie OR gagnon", "" }, { "elodie AND cote", "" },
    { "^gagnon", "2" }, { "+gagnon", "2" }, { "'", "4 1 2 3 5" }, { "l'elodie", "" }, { "gagnon;", "2" },
    { "🙂 gagnon", "2" }, { "王", "" }, { "\u0301", "4 1 2 3 5" }, { "½", "" }, { "\\", "4 1 2 3 5" },
    { "%", "4 1 2 3 5" }, { "gagnon%", "2" }, { "_", "4 1 2 3 5" }, { "?", "4 1 2 3 5" },
    { long_text, "" },
  };

  populate (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    assert_search (fixture, searches[i][0], searches[i][1]);
}

/* Filters and sorting */

#define ASSERT_QUERY(query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = query_ids (fixture, &(query)); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  EscaleParticipantQuery query;

  populate (fixture);

  escale_participant_query_init (&query);
  g_assert_cmpint (query.status, ==, -1);
  ASSERT_QUERY (query, "4 1 2 3 5");

  query.status = ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT;
  ASSERT_QUERY (query, "1");
  query.status = ESCALE_IMMIGRATION_STATUS_CITIZEN;
  ASSERT_QUERY (query, "3");
  query.status = ESCALE_IMMIGRATION_STATUS_UNKNOWN;
  ASSERT_QUERY (query, "4");
  query.status = ESCALE_IMMIGRATION_STATUS_REFUGEE;
  ASSERT_QUERY (query, "");

  escale_participant_query_init (&query);
  query.region_code = "02";
  ASSERT_QUERY (query, "2 3");
  query.region_code = "01";
  ASSERT_QUERY (query, "1");
  query.region_code = "17";
  ASSERT_QUERY (query, "");

  /* Registration consent only, the latest record of it winning. */
  escale_participant_query_init (&query);
  query.consent = ESCALE_CONSENT_FILTER_GIVEN;
  ASSERT_QUERY (query, "1 3");
  query.consent = ESCALE_CONSENT_FILTER_MISSING;
  ASSERT_QUERY (query, "4 2 5");

  /* Open follow-ups due by Sunday, or before today. */
  escale_participant_query_init (&query);
  query.today = TODAY;
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_DUE;
  ASSERT_QUERY (query, "4 1 2");
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_OVERDUE;
  ASSERT_QUERY (query, "2");

  /* On the Sunday itself, the week ends that day; on Monday, a new one. */
  query.today = "2026-11-22";
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_DUE;
  ASSERT_QUERY (query, "4 1 2");
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_OVERDUE;
  ASSERT_QUERY (query, "4 2");
  query.today = "2026-11-23";
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_DUE;
  ASSERT_QUERY (query, "4 1 2 3");
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_OVERDUE;
  ASSERT_QUERY (query, "4 1 2");

  /* Together, and with words. */
  escale_participant_query_init (&query);
  query.today = TODAY;
  query.region_code = "02";
  query.consent = ESCALE_CONSENT_FILTER_GIVEN;
  ASSERT_QUERY (query, "3");
  query.consent = ESCALE_CONSENT_FILTER_ANY;
  query.follow_up = ESCALE_FOLLOW_UP_FILTER_OVERDUE;
  query.text = "jeff";
  ASSERT_QUERY (query, "2");
  query.text = "andree";
  ASSERT_QUERY (query, "");
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  const struct
  {
    EscaleParticipantSort  sort;
    const char            *ascending;
    const char            *descending;
  } sorts[] = {
    { ESCALE_PARTICIPANT_SORT_NAME, "4 1 2 3 5", "5 3 2 1 4" },
    { ESCALE_PARTICIPANT_SORT_CITY, "2 4 3 1 5", "5 1 3 4 2" },
    { ESCALE_PARTICIPANT_SORT_CREATED, "1 2 3 4 5", "5 4 3 2 1" },
    /* Those with nothing left to do come last either way. */
    { ESCALE_PARTICIPANT_SORT_NEXT_FOLLOW_UP, "2 4 1 3 5", "3 1 4 2 5" },
  };
  EscaleParticipantQuery query;

  populate (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      escale_participant_query_init (&query);
      query.sort = sorts[i].sort;
      ASSERT_QUERY (query, sorts[i].ascending);
      query.descending = TRUE;
      ASSERT_QUERY (query, sorts[i].descending);
    }

  /* Sorting a search's results. */
  escale_participant_query_init (&query);
  query.text = "555";
  query.sort = ESCALE_PARTICIPANT_SORT_CITY;
  ASSERT_QUERY (query, "2 1");

  /* The first page of a long list. */
  escale_participant_query_init (&query);
  query.limit = 2;
  ASSERT_QUERY (query, "4 1");
  query.descending = TRUE;
  ASSERT_QUERY (query, "5 3");
  query.limit = 10;
  ASSERT_QUERY (query, "5 3 2 1 4");
}

/* Cities sort as the names do, whatever their first letter's accent. */
static void
test_sort_city_ignores_accents (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *cities[] = { "Gaspé", "Évain", "alma", "Îles-de-la-Madeleine", "Baie-Comeau" };
  EscaleParticipantQuery query;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autoptr(EscaleParticipant) participant = new_participant ("Ahmed", "Benali",
                                                                  ESCALE_PARTICIPANT_FIELD_CITY, cities[i],
                                                                  END_OF_FIELDS);
      save_ok (fixture, participant);
    }

  escale_participant_query_init (&query);
  query.sort = ESCALE_PARTICIPANT_SORT_CITY;
  ASSERT_QUERY (query, "3 5 2 1 4");
}

/* Summaries */

static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  const gint64 ids[] = { 3, 99, 2, 1, 4 };
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  EscaleParticipantSummary *summary;
  g_autoptr(EscaleParticipant) ahmed = NULL;

  populate (fixture);
  ahmed = load_ok (fixture, 4);
  g_assert_true (escale_participant_repository_delete (fixture->participants, ahmed, &error));
  g_assert_no_error (error);

  summaries = escale_participant_repository_summarize (fixture->participants, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 3);
  if (summaries->len != 3)
    return;

  summary = g_ptr_array_index (summaries, 0);
  g_assert_cmpint (escale_participant_summary_get_id (summary), ==, 3);
  g_assert_cmpstr (escale_participant_summary_get_display_name (summary), ==, "Andrée Lavoie");
  g_assert_cmpstr (escale_participant_summary_get_sort_name (summary), ==, "Lavoie, Andrée");
  g_assert_cmpstr (escale_participant_summary_get_email (summary), ==, "andree@exemple.ca");
  g_assert_null (escale_participant_summary_get_phone (summary));
  g_assert_cmpstr (escale_participant_summary_get_city (summary), ==, "Gaspé");
  g_assert_cmpstr (escale_participant_summary_get_occupation (summary), ==, "Comptable");
  g_assert_cmpstr (escale_participant_summary_get_regions (summary), ==, "11, 02");
  g_assert_true (escale_participant_summary_get_has_consent (summary));
  /* The follow-up done on 2026-11-10 is not next. */
  g_assert_cmpstr (escale_participant_summary_get_next_follow_up (summary), ==, "2026-11-23");

  summary = g_ptr_array_index (summaries, 1);
  g_assert_cmpint (escale_participant_summary_get_id (summary), ==, 2);
  g_assert_cmpstr (escale_participant_summary_get_display_name (summary), ==, "Jeff Gagnon");
  g_assert_cmpstr (escale_participant_summary_get_sort_name (summary), ==, "Gagnon, Jean-François");
  g_assert_cmpstr (escale_participant_summary_get_phone (summary), ==, "514 555-0303");
  g_assert_cmpstr (escale_participant_summary_get_regions (summary), ==, "02");
  g_assert_false (escale_participant_summary_get_has_consent (summary));
  g_assert_cmpstr (escale_participant_summary_get_next_follow_up (summary), ==, "2026-11-17");

  summary = g_ptr_array_index (summaries, 2);
  g_assert_cmpint (escale_participant_summary_get_id (summary), ==, 1);
  g_assert_cmpstr (escale_participant_summary_get_display_name (summary), ==, "Elodie Côté");
  g_assert_cmpstr (escale_participant_summary_get_regions (summary), ==, "01, 03");
  g_assert_true (escale_participant_summary_get_has_consent (summary));
  g_assert_cmpstr (escale_participant_summary_get_next_follow_up (summary), ==, "2026-11-22");

  none = escale_participant_repository_summarize (fixture->participants, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Duplicates */

static EscaleDuplicate *
only_duplicate (Fixture           *fixture,
                EscaleParticipant *participant,
                GPtrArray        **duplicates)
{
  g_autoptr(GError) error = NULL;

  *duplicates = escale_participant_repository_find_duplicates (fixture->participants, participant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*duplicates);
  g_assert_cmpuint ((*duplicates)->len, ==, 1);
  return (*duplicates)->len > 0 ? g_ptr_array_index (*duplicates, 0) : NULL;
}

static char *
duplicate_ids (Fixture           *fixture,
               EscaleParticipant *participant)
{
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  duplicates = escale_participant_repository_find_duplicates (fixture->participants, participant, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < duplicates->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            ((EscaleDuplicate *) g_ptr_array_index (duplicates, i))->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define ASSERT_DUPLICATES(participant, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = duplicate_ids (fixture, participant); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

static void
test_duplicates_by_email_and_phone (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay",
                                                        ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "Marivé",
                                                        ESCALE_PARTICIPANT_FIELD_EMAIL, "Marie.Tremblay@Exemple.ca",
                                                        ESCALE_PARTICIPANT_FIELD_PHONE, "418-555-0100",
                                                        ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, "581 555-0177",
                                                        END_OF_FIELDS);
  g_autoptr(EscaleParticipant) same_email = new_participant ("Maria", "Lopez",
                                                             ESCALE_PARTICIPANT_FIELD_EMAIL, "marie.tremblay@exemple.CA",
                                                             END_OF_FIELDS);
  g_autoptr(EscaleParticipant) same_phone = new_participant ("M.", "T.",
                                                             ESCALE_PARTICIPANT_FIELD_PHONE, "(418) 555 0100 poste 12",
                                                             END_OF_FIELDS);
  g_autoptr(EscaleParticipant) phone_in_other = new_participant ("Mario", "Tremblay",
                                                                 ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, "1 418 555-0100",
                                                                 END_OF_FIELDS);
  g_autoptr(EscaleParticipant) other_in_phone = new_participant ("Mario", "Tremblay",
                                                                 ESCALE_PARTICIPANT_FIELD_PHONE, "581.555.0177",
                                                                 END_OF_FIELDS);
  g_autoptr(EscaleParticipant) nobody = new_participant ("Marie", "Tremblay",
                                                         ESCALE_PARTICIPANT_FIELD_EMAIL, "marie.tremblay@exemple.com",
                                                         ESCALE_PARTICIPANT_FIELD_PHONE, "418 555-0101",
                                                         END_OF_FIELDS);
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autofree char *reasons = NULL;
  EscaleDuplicate *duplicate;

  save_ok (fixture, marie);

  duplicate = only_duplicate (fixture, same_email, &duplicates);
  if (duplicate == NULL)
    return;
  g_assert_cmpint (duplicate->id, ==, 1);
  g_assert_cmpstr (duplicate->display_name, ==, "Marivé Tremblay");
  g_assert_true (duplicate->same_email);
  g_assert_false (duplicate->same_phone);
  g_assert_false (duplicate->same_name);
  reasons = escale_duplicate_describe (duplicate);
  g_assert_cmpstr (reasons, ==, "same email address");
  g_clear_pointer (&duplicates, g_ptr_array_unref);

  for (guint i = 0; i < 3; i++)
    {
      EscaleParticipant *candidates[] = { same_phone, phone_in_other, other_in_phone };

      duplicate = only_duplicate (fixture, candidates[i], &duplicates);
      if (duplicate == NULL)
        return;
      g_assert_cmpint (duplicate->id, ==, 1);
      g_assert_true (duplicate->same_phone);
      g_assert_false (duplicate->same_name);
      g_clear_pointer (&duplicates, g_ptr_array_unref);
    }

  ASSERT_DUPLICATES (nobody, "");

  /* Never one's own duplicate, saved or reloaded. */
  ASSERT_DUPLICATES (marie, "");
  {
    g_autoptr(EscaleParticipant) loaded = load_ok (fixture, 1);

    ASSERT_DUPLICATES (loaded, "");
  }
}

static void
test_duplicates_by_name_and_year (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(EscaleParticipant) jf = new_participant ("Jean-François", "Côté",
                                                     ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                     END_OF_FIELDS);
  g_autoptr(EscaleParticipant) unknown_year = new_participant ("Andrée", "Lavoie", END_OF_FIELDS);
  const struct
  {
    const char *given;
    const char *family;
    const char *birth_year;
    const char *expected;
  } candidates[] = {
    { "JEAN FRANCOIS", "cote", "1990-06-01", "1" },
    { "Jean  François", "Côté", "1990", "1" },
    { "jean-francois", "CÔTÉ", "1990", "1" },
    /* Names swapped, as forms in other countries write them */
    { "Côté", "Jean-François", "1990", "1" },
    { "Cote", "Jean Francois", "1990", "1" },
    /* Another year, or none known: two people */
    { "Jean-François", "Côté", "1991", "" },
    { "Jean-François", "Côté", NULL, "" },
    { "Jean", "Côté", "1990", "" },
    { "Andrée", "Lavoie", NULL, "" },
    { "Andrée", "Lavoie", "1985", "" },
  };

  save_ok (fixture, jf);
  save_ok (fixture, unknown_year);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(EscaleParticipant) candidate = new_participant (candidates[i].given, candidates[i].family,
                                                                ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, candidates[i].birth_year,
                                                                END_OF_FIELDS);
      g_autoptr(GPtrArray) duplicates = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %s %s", candidates[i].given, candidates[i].family, candidates[i].birth_year);
      ASSERT_DUPLICATES (candidate, candidates[i].expected);
      duplicates = escale_participant_repository_find_duplicates (fixture->participants, candidate, &error);
      for (guint j = 0; j < duplicates->len; j++)
        {
          EscaleDuplicate *duplicate = g_ptr_array_index (duplicates, j);

          g_assert_true (duplicate->same_name);
          g_assert_false (duplicate->same_phone);
        }
    }
}

/* The reasons given are the ones that hold: no email on either side is not
 * the same email, no year on either side not the same year. */
static void
test_duplicate_reasons_need_values (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = new_participant ("Andrée", "Lavoie",
                                                        ESCALE_PARTICIPANT_FIELD_PHONE, "418 555-0100",
                                                        END_OF_FIELDS);
  g_autoptr(EscaleParticipant) same_phone = new_participant ("Andrée", "Lavoie",
                                                             ESCALE_PARTICIPANT_FIELD_PHONE, "418-555-0100",
                                                             END_OF_FIELDS);
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autofree char *reasons = NULL;
  EscaleDuplicate *duplicate;

  save_ok (fixture, saved);
  duplicate = only_duplicate (fixture, same_phone, &duplicates);
  if (duplicate == NULL)
    return;
  g_assert_true (duplicate->same_phone);
  g_assert_false (duplicate->same_email);
  g_assert_false (duplicate->same_name);
  reasons = escale_duplicate_describe (duplicate);
  g_assert_cmpstr (reasons, ==, "same phone number");
}

static void
test_dismissed_duplicates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EscaleParticipant) first = new_participant ("Jean-François", "Côté",
                                                        ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                        END_OF_FIELDS);
  g_autoptr(EscaleParticipant) second = new_participant ("Jean-Francois", "Cote",
                                                         ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                         END_OF_FIELDS);
  g_autoptr(EscaleParticipant) third = new_participant ("Côté", "Jean-François",
                                                        ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                        END_OF_FIELDS);
  g_autoptr(EscaleParticipant) unsaved = new_participant ("Jean François", "Côté",
                                                          ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                          END_OF_FIELDS);
  g_autoptr(GError) error = NULL;

  save_ok (fixture, first);
  save_ok (fixture, second);
  save_ok (fixture, third);
  ASSERT_DUPLICATES (first, "2 3");
  ASSERT_DUPLICATES (unsaved, "1 2 3");

  /* In either order, once or twice. */
  g_assert_true (escale_participant_repository_dismiss_duplicate (fixture->participants, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_true (escale_participant_repository_dismiss_duplicate (fixture->participants, 1, 2, &error));
  g_assert_no_error (error);

  ASSERT_DUPLICATES (first, "3");
  ASSERT_DUPLICATES (second, "3");
  ASSERT_DUPLICATES (third, "1 2");
  ASSERT_DUPLICATES (unsaved, "1 2 3");

  reopen (fixture);
  ASSERT_DUPLICATES (second, "3");
}

/* Merging */

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EscaleParticipant) kept = new_participant ("Jean-François", "Côté",
                                                       ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                       ESCALE_PARTICIPANT_FIELD_PHONE, "418 555-0100",
                                                       ESCALE_PARTICIPANT_FIELD_CITY, "Alma",
                                                       ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Soudeur",
                                                       ESCALE_PARTICIPANT_FIELD_REGIONS, "02, 08",
                                                       END_OF_FIELDS);
  g_autoptr(EscaleParticipant) other = new_participant ("Cote", "Jean Francois",
                                                        ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1990",
                                                        ESCALE_PARTICIPANT_FIELD_EMAIL, "jf@exemple.ca",
                                                        ESCALE_PARTICIPANT_FIELD_PHONE, "418 555-0199",
                                                        ESCALE_PARTICIPANT_FIELD_CITY, "Rimouski",
                                                        ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Machiniste",
                                                        ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL, "7",
                                                        ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS, "0",
                                                        ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE, "oui",
                                                        ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "RP",
                                                        ESCALE_PARTICIPANT_FIELD_REGIONS, "08, 11, 01",
                                                        END_OF_FIELDS);
  g_autoptr(EscaleParticipant) merged = NULL;
  g_autoptr(EscaleCaseNote) kept_note = escale_case_note_new ("2026-11-02", "conseillere", "Rencontre au salon");
  g_autoptr(EscaleCaseNote) other_note = escale_case_note_new ("2026-11-05", "conseillere", "Inscrit sur le web");
  g_autoptr(EscaleHouseholdMember) child = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_CHILD, "Léa", 2018);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *expected_note = NULL;
  g_autofree char *consents = NULL;
  g_autofree char *follow_ups = NULL;
  g_autofree char *overrides = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *details = NULL;
  g_autofree char *found = NULL;
  g_autofree char *everything = NULL;
  GListModel *notes;
  guint n_changed;

  escale_participant_add_note (kept, kept_note);
  add_consent (kept, ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02");
  add_follow_up (kept, "2026-11-20");
  escale_participant_add_note (other, other_note);
  escale_participant_add_household_member (other, child);
  add_consent (other, ESCALE_CONSENT_PURPOSE_EMPLOYERS, TRUE, "2026-11-05");
  add_follow_up (other, "2026-12-01");
  save_ok (fixture, kept);
  save_ok (fixture, other);
  g_assert_true (escale_participant_repository_record_override (fixture->participants, 2, "Programme soudure",
                                                                "Expérience équivalente", &error));
  g_assert_no_error (error);

  /* The counsellor corrected the city in the editor before merging. */
  g_object_set (kept, "city", "Saguenay", NULL);
  n_changed = fixture->n_changed;
  merged = escale_participant_repository_merge (fixture->participants, kept, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
  if (merged == NULL)
    return;
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);

  /* Kept values win; empty ones are filled. */
  g_assert_cmpint (escale_participant_get_id (merged), ==, 1);
  g_assert_cmpstr (escale_participant_get_given_name (merged), ==, "Jean-François");
  g_assert_cmpstr (escale_participant_get_family_name (merged), ==, "Côté");
  g_assert_cmpstr (escale_participant_get_text (merged, ESCALE_PARTICIPANT_FIELD_PHONE), ==, "418 555-0100");
  g_assert_cmpstr (escale_participant_get_text (merged, ESCALE_PARTICIPANT_FIELD_CITY), ==, "Saguenay");
  g_assert_cmpstr (escale_participant_get_text (merged, ESCALE_PARTICIPANT_FIELD_OCCUPATION), ==, "Soudeur");
  g_assert_cmpstr (escale_participant_get_text (merged, ESCALE_PARTICIPANT_FIELD_EMAIL), ==, "jf@exemple.ca");
  g_assert_cmpint (escale_participant_get_number (merged, ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL), ==, 7);
  g_assert_cmpint (escale_participant_get_number (merged, ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS), ==, 0);
  g_assert_true (escale_participant_get_driving_licence (merged));
  g_assert_cmpint (escale_participant_get_immigration_status (merged), ==, ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT);
  regions = join_strv (escale_participant_get_regions (merged));
  g_assert_cmpstr (regions, ==, "02,08,11,01");
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_household (merged)), ==, 1);

  /* Both histories, and a note of the merge. */
  g_assert_true (escale_participant_has_consent (merged, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_true (escale_participant_has_consent (merged, ESCALE_CONSENT_PURPOSE_EMPLOYERS));
  consents = sql_text (fixture, "SELECT id, participant_id, purpose FROM consent ORDER BY id");
  g_assert_cmpstr (consents, ==, "1|1|registration\n2|1|employers");
  follow_ups = sql_text (fixture, "SELECT id, participant_id, due_on FROM follow_up ORDER BY id");
  g_assert_cmpstr (follow_ups, ==, "1|1|2026-11-20\n2|1|2026-12-01");
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_follow_ups (merged)), ==, 2);
  overrides = sql_text (fixture, "SELECT participant_id, rules FROM eligibility_override");
  g_assert_cmpstr (overrides, ==, "1|Programme soudure");

  notes = escale_participant_get_notes (merged);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 3);
  g_assert_cmpstr (escale_case_note_get_body (note_at (merged, 0)), ==, "Rencontre au salon");
  g_assert_cmpstr (escale_case_note_get_body (note_at (merged, 1)), ==, "Inscrit sur le web");
  today = escale_calendar_date_today ();
  g_assert_cmpstr (escale_case_note_get_written_on (note_at (merged, 2)), ==, today);
  g_assert_cmpstr (escale_case_note_get_author (note_at (merged, 2)), ==, g_get_user_name ());
  expected_note = g_strdup ("Merged with the file of Cote Jean Francois (no. 2).");
  g_assert_cmpstr (escale_case_note_get_body (note_at (merged, 2)), ==, expected_note);

  /* The other file is gone, from the search too. */
  assert_not_found (fixture, 2);
  g_assert_cmpuint (escale_participant_repository_count (fixture->participants), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM participant_search WHERE rowid = 2"), ==, 0);
  found = search_ids (fixture, "4185550199");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = search_ids (fixture, "jf@exemple");
  g_assert_cmpstr (found, ==, "1");
  g_clear_pointer (&found, g_free);
  found = search_ids (fixture, "machiniste");
  g_assert_cmpstr (found, ==, "");

  actions = audit_actions (fixture, 1);
  g_assert_cmpstr (actions, ==, "create update merge");
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "participant 2");
  g_clear_pointer (&actions, g_free);
  actions = audit_actions (fixture, 2);
  g_assert_cmpstr (actions, ==, "create override merge");

  /* The log names what changed, never the values. */
  everything = all_audit_details (fixture);
  g_assert_null (strstr (everything, "jf@"));
  g_assert_null (strstr (everything, "Cote"));
  g_assert_null (strstr (everything, "Saguenay"));
  g_assert_null (strstr (everything, "quivalente"));
}

static void
test_failed_merge_changes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EscaleParticipant) kept = new_participant ("Jean-François", "Côté",
                                                       ESCALE_PARTICIPANT_FIELD_PHONE, "418 555-0100",
                                                       END_OF_FIELDS);
  g_autoptr(EscaleParticipant) merged = NULL;
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *description_after = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_after = NULL;
  guint n_changed;

  add_consent (kept, ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02");
  save_ok (fixture, kept);
  g_object_set (kept, "city", "Saguenay", NULL);
  counts = row_counts (fixture);
  description = describe_participant (kept, NULL);
  loaded = load_ok (fixture, 1);
  stored = describe_participant (loaded, NULL);
  n_changed = fixture->n_changed;

  merged = escale_participant_repository_merge (fixture->participants, kept, 99, &error);
  g_assert_null (merged);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);

  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts);
  description_after = describe_participant (kept, NULL);
  g_assert_cmpstr (description_after, ==, description);
  g_clear_object (&loaded);
  loaded = load_ok (fixture, 1);
  stored_after = describe_participant (loaded, NULL);
  g_assert_cmpstr (stored_after, ==, stored);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A wrong value fails its test and the suite goes on, so that one bug
   * does not hide the tests after it. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/participant-search/prefix-words", test_search_prefix_words);
  ADD ("/participant-search/ignores-accents-and-case", test_search_ignores_accents_and_case);
  ADD ("/participant-search/letters-beyond-accents", test_search_letters_beyond_accents);
  ADD ("/participant-search/syntax-is-never-an-error", test_search_syntax_is_never_an_error);
  ADD ("/participant-search/filters", test_filters);
  ADD ("/participant-search/sorts", test_sorts);
  ADD ("/participant-search/sort-city-ignores-accents", test_sort_city_ignores_accents);
  ADD ("/participant-search/summaries", test_summaries);
  ADD ("/participant-duplicates/email-and-phone", test_duplicates_by_email_and_phone);
  ADD ("/participant-duplicates/name-and-year", test_duplicates_by_name_and_year);
  ADD ("/participant-duplicates/reasons-need-values", test_duplicate_reasons_need_values);
  ADD ("/participant-duplicates/dismissed", test_dismissed_duplicates);
  ADD ("/participant-merge/merge", test_merge);
  ADD ("/participant-merge/failed-merge-changes-nothing", test_failed_merge_changes_nothing);
#undef ADD

  return g_test_run ();
}
