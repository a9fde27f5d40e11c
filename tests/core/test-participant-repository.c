/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-audit-log.h"
#include "escale-enums.h"
#include "escale-participant-form.h"
#include "escale-participant-repository.h"
#include "test-folder.h"

typedef struct
{
  char                        *folder;
  EscaleDatabase              *database;
  EscaleParticipantRepository *participants;
  guint                        n_changed;
} Fixture;

static void
on_changed (EscaleParticipantRepository *repository,
            Fixture                     *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = test_folder_new ();
  path = g_build_filename (fixture->folder, "escale.db", NULL);
  fixture->database = escale_database_open (path, &error);
  g_assert_no_error (error);
  fixture->participants = escale_participant_repository_new (fixture->database, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->participants, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->participants);
  g_clear_object (&fixture->database);
  test_folder_remove (fixture->folder);
  g_free (fixture->folder);
}

/* A participant from a form, as the editor and the import make them. */
static EscaleParticipant *
participant_from (const char *given,
                  const char *family,
                  const char *email,
                  const char *phone,
                  const char *birth_year)
{
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = given;
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family;
  form.values[ESCALE_PARTICIPANT_FIELD_EMAIL] = email;
  form.values[ESCALE_PARTICIPANT_FIELD_PHONE] = phone;
  form.values[ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR] = birth_year;
  form.values[ESCALE_PARTICIPANT_FIELD_OCCUPATION] = "Soudeuse";
  form.values[ESCALE_PARTICIPANT_FIELD_NOC_CODE] = "72106";
  form.values[ESCALE_PARTICIPANT_FIELD_REGIONS] = "02, 8";
  form.values[ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS] = "Résidente permanente";

  escale_participant_form_apply (&form, NULL, participant, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&participant);
}

static char *
search_ids (Fixture    *fixture,
            const char *text)
{
  EscaleParticipantQuery query;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  escale_participant_query_init (&query);
  query.text = text;
  ids = escale_participant_repository_search (fixture->participants, &query, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_save_load_search (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = participant_from ("Marie", "Tremblay", "Marie.T@exemple.ca", "514-555-0123", "1988-04-12");
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02", "2026-1", "conseillere");
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  escale_participant_add_consent (marie, consent);
  g_assert_true (escale_participant_repository_save (fixture->participants, marie, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_participant_get_id (marie), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  loaded = escale_participant_repository_load (fixture->participants, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_participant_get_text (loaded, ESCALE_PARTICIPANT_FIELD_PHONE), ==, "514 555-0123");
  g_assert_cmpint (escale_participant_get_number (loaded, ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR), ==, 1988);
  g_assert_cmpint (escale_participant_get_immigration_status (loaded), ==, ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT);
  g_assert_cmpstr (g_strjoinv (",", (char **) escale_participant_get_regions (loaded)), ==, "02,08");
  g_assert_true (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_false (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS));

  found = search_ids (fixture, "trem");
  g_assert_cmpstr (found, ==, "1");
  g_free (found);
  found = search_ids (fixture, "5145550");
  g_assert_cmpstr (found, ==, "1");
  g_free (found);
  found = search_ids (fixture, "555-01");
  g_assert_cmpstr (found, ==, "1");
  g_free (found);
  found = search_ids (fixture, "soud 721");
  g_assert_cmpstr (found, ==, "1");
  g_free (found);
  found = search_ids (fixture, "tremblax");
  g_assert_cmpstr (found, ==, "");
}

static void
test_duplicates_and_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EscaleParticipant) first = participant_from ("Jean-François", "Côté", NULL, "418 555-0100", "1990");
  g_autoptr(EscaleParticipant) second = participant_from ("Cote", "Jean Francois", "jf@exemple.ca", NULL, "1990");
  g_autoptr(EscaleParticipant) merged = NULL;
  g_autoptr(EscaleCaseNote) note = escale_case_note_new ("2026-11-20", "conseillere", "Appelé pour la visite");
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_participant_repository_save (fixture->participants, first, &error));
  escale_participant_add_note (second, note);
  duplicates = escale_participant_repository_find_duplicates (fixture->participants, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (duplicates->len, ==, 1);
  g_assert_true (((EscaleDuplicate *) duplicates->pdata[0])->same_name);
  g_assert_true (escale_participant_repository_save (fixture->participants, second, &error));

  merged = escale_participant_repository_merge (fixture->participants, first, escale_participant_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_participant_get_text (merged, ESCALE_PARTICIPANT_FIELD_EMAIL), ==, "jf@exemple.ca");
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_notes (merged)), ==, 2);
  g_assert_cmpuint (escale_participant_repository_count (fixture->participants), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/participant-repository/save-load-search", test_save_load_search);
  ADD ("/participant-repository/duplicates-and-merge", test_duplicates_and_merge);
#undef ADD

  return g_test_run ();
}
