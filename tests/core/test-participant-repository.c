/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-enums.h"

#include "participant-fixture.h"

/* A participant's file as a counsellor relies on it: everything typed comes
 * back after a restart, a failed save writes nothing, consent is a history
 * that is never rewritten, a deletion can be undone, and the audit log names
 * what changed, never the values. */

#define NBSP "\u00a0"

/* Every field filled as people type them, a household, three regions in
 * order of preference, two consents, two notes and two follow-ups (one
 * done), all in date order. */
static EscaleParticipant *
full_participant (void)
{
  EscaleParticipant *participant =
    new_participant ("Marie-Ève", "Tremblay",
                     ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "Marivé",
                     ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1988-04-12",
                     ESCALE_PARTICIPANT_FIELD_EMAIL, "Marie.T@Exemple.CA",
                     ESCALE_PARTICIPANT_FIELD_PHONE, "(514) 555-0123 poste 204",
                     ESCALE_PARTICIPANT_FIELD_OTHER_PHONE, "1-418-555-0199",
                     ESCALE_PARTICIPANT_FIELD_CITY, "Longueuil",
                     ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE, "English",
                     ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "PTO",
                     ESCALE_PARTICIPANT_FIELD_ARRIVED_ON, "2024/03/15",
                     ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN, "Colombie",
                     ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL, "NCLC 7",
                     ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL, "9/12",
                     ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES, "Espagnol, portugais",
                     ESCALE_PARTICIPANT_FIELD_EDUCATION, "Baccalauréat",
                     ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Soudeuse",
                     ESCALE_PARTICIPANT_FIELD_NOC_CODE, "CNP 72106",
                     ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS, "0",
                     ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE, "oui",
                     ESCALE_PARTICIPANT_FIELD_REGIONS, "11; 02, 8",
                     ESCALE_PARTICIPANT_FIELD_SOURCE, "Salon de l'emploi",
                     END_OF_FIELDS);
  g_autoptr(EscaleHouseholdMember) spouse = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_SPOUSE, "Andrés", 1986);
  g_autoptr(EscaleHouseholdMember) child = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_CHILD, "Sofía", 2015);
  g_autoptr(EscaleHouseholdMember) other = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_OTHER, NULL, 0);
  g_autoptr(EscaleConsent) registration = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02",
                                                              "2026-1", "conseillere");
  g_autoptr(EscaleConsent) employers = escale_consent_new (ESCALE_CONSENT_PURPOSE_EMPLOYERS, TRUE, "2026-11-02",
                                                           "2026-1", "conseillere");
  g_autoptr(EscaleCaseNote) first_note = escale_case_note_new ("2026-11-02", "conseillere", "Première rencontre");
  g_autoptr(EscaleCaseNote) second_note = escale_case_note_new ("2026-11-16", "conseillere", "CV envoyé à Soudure Matane");
  g_autoptr(EscaleFollowUp) call = escale_follow_up_new ("2026-11-20", ESCALE_FOLLOW_UP_KIND_CALL);
  g_autoptr(EscaleFollowUp) meeting = escale_follow_up_new ("2026-12-01", ESCALE_FOLLOW_UP_KIND_MEETING);

  escale_participant_add_household_member (participant, spouse);
  escale_participant_add_household_member (participant, child);
  escale_participant_add_household_member (participant, other);
  escale_participant_add_consent (participant, registration);
  escale_participant_add_consent (participant, employers);
  escale_participant_add_note (participant, first_note);
  escale_participant_add_note (participant, second_note);
  escale_follow_up_set_notes (call, "Rappeler après l'entrevue");
  escale_follow_up_complete (call, ESCALE_FOLLOW_UP_OUTCOME_INTERVIEW, "2026-11-19");
  escale_participant_add_follow_up (participant, call);
  escale_participant_add_follow_up (participant, meeting);

  return participant;
}

/* full_participant() as the first file saved, with region names. */
static const char full_description[] =
  "id=1\n"
  "given-name=Marie-Ève\n"
  "family-name=Tremblay\n"
  "preferred-name=Marivé\n"
  "birth-year=1988\n"
  "email=Marie.T@exemple.ca\n"
  "phone=514 555-0123 x204\n"
  "other-phone=418 555-0199\n"
  "city=Longueuil\n"
  "preferred-language=English\n"
  "immigration-status=Open work permit\n"
  "arrived-on=2024-03-15\n"
  "country-of-origin=Colombie\n"
  "french-level=7\n"
  "english-level=9\n"
  "other-languages=Espagnol, portugais\n"
  "education=Bachelor’s degree\n"
  "occupation=Soudeuse\n"
  "noc-code=72106\n"
  "experience-years=0\n"
  "driving-licence=Yes\n"
  "regions=Gaspésie–Îles-de-la-Madeleine, Saguenay–Lac-Saint-Jean, Abitibi-Témiscamingue\n"
  "source=Salon de l'emploi\n"
  "household spouse Andrés 1986\n"
  "household child Sofía 2015\n"
  "household other ∅ 0\n"
  "consent 1 registration granted 2026-11-02 2026-1 conseillere\n"
  "consent 2 employers granted 2026-11-02 2026-1 conseillere\n"
  "note 1 2026-11-02 conseillere Première rencontre\n"
  "note 2 2026-11-16 conseillere CV envoyé à Soudure Matane\n"
  "follow-up 1 2026-11-20 call interview 2026-11-19 Rappeler après l'entrevue\n"
  "follow-up 2 2026-12-01 meeting pending ∅ ∅\n";

static void
assert_described (Fixture           *fixture,
                  EscaleParticipant *participant,
                  const char        *expected)
{
  g_autofree char *description = describe_participant (participant, region_list (fixture));

  g_assert_cmpstr (description, ==, expected);
}

/* Saving and loading */

static void
test_save_load_search (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = NULL;
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02",
                                                         "2026-1", "conseillere");
  g_autofree char *regions = NULL;
  const char *searches[][2] = {
    { "trem", "1" }, { "5145550", "1" }, { "555-01", "1" }, { "soud 721", "1" }, { "tremblax", "" },
  };

  marie = new_participant ("Marie", "Tremblay",
                           ESCALE_PARTICIPANT_FIELD_EMAIL, "Marie.T@exemple.ca",
                           ESCALE_PARTICIPANT_FIELD_PHONE, "514-555-0123",
                           ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR, "1988-04-12",
                           ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Soudeuse",
                           ESCALE_PARTICIPANT_FIELD_NOC_CODE, "72106",
                           ESCALE_PARTICIPANT_FIELD_REGIONS, "02, 8",
                           ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS, "Résidente permanente",
                           END_OF_FIELDS);
  escale_participant_add_consent (marie, consent);
  g_assert_cmpint (save_ok (fixture, marie), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  loaded = load_ok (fixture, 1);
  g_assert_cmpstr (escale_participant_get_text (loaded, ESCALE_PARTICIPANT_FIELD_PHONE), ==, "514 555-0123");
  g_assert_cmpint (escale_participant_get_number (loaded, ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR), ==, 1988);
  g_assert_cmpint (escale_participant_get_immigration_status (loaded), ==, ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT);
  regions = join_strv (escale_participant_get_regions (loaded));
  g_assert_cmpstr (regions, ==, "02,08");
  g_assert_true (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_false (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS));

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *found = search_ids (fixture, searches[i][0]);

      g_assert_cmpstr (found, ==, searches[i][1]);
    }
}

static void
test_round_trip_every_field (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = full_participant ();
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleParticipant) reopened = NULL;
  g_autofree char *stored = NULL;

  g_assert_cmpint (save_ok (fixture, saved), ==, 1);
  assert_described (fixture, saved, full_description);
  g_assert_cmpint (escale_participant_get_created_at (saved), >, 0);
  g_assert_cmpint (escale_participant_get_updated_at (saved), ==, escale_participant_get_created_at (saved));

  loaded = load_ok (fixture, 1);
  assert_described (fixture, loaded, full_description);
  g_assert_cmpint (escale_participant_get_created_at (loaded), ==, escale_participant_get_created_at (saved));
  g_assert_cmpint (escale_participant_get_updated_at (loaded), ==, escale_participant_get_updated_at (saved));

  /* Typed values, in the forms the schema keeps: nicks, not labels, and a
   * known zero years of experience, not an unknown. */
  stored = sql_text (fixture, "SELECT preferred_language, immigration_status, education, experience_years, "
                              "driving_licence, birth_year, noc_code FROM participant");
  g_assert_cmpstr (stored, ==, "en|open-work-permit|bachelor|0|1|1988|72106");

  reopen (fixture);
  reopened = load_ok (fixture, 1);
  assert_described (fixture, reopened, full_description);
}

static void
test_round_trip_empty_fields (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = new_participant ("Ahmed", "Benali", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autofree char *stored = NULL;

  save_ok (fixture, saved);
  loaded = load_ok (fixture, 1);

  /* Unknown stays unknown: no year 0, no "0 years of experience", no
   * status, no regions. */
  g_assert_null (escale_participant_get_text (loaded, ESCALE_PARTICIPANT_FIELD_EMAIL));
  g_assert_null (escale_participant_get_text (loaded, ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME));
  g_assert_cmpint (escale_participant_get_number (loaded, ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR), ==, 0);
  g_assert_cmpint (escale_participant_get_number (loaded, ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS), ==, -1);
  g_assert_cmpint (escale_participant_get_number (loaded, ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL), ==, 0);
  g_assert_cmpstr (escale_participant_get_text (loaded, ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE), ==, "fr");
  g_assert_cmpint (escale_participant_get_immigration_status (loaded), ==, ESCALE_IMMIGRATION_STATUS_UNKNOWN);
  g_assert_cmpint (escale_participant_get_education (loaded), ==, ESCALE_EDUCATION_UNKNOWN);
  g_assert_false (escale_participant_get_driving_licence (loaded));
  g_assert_null (escale_participant_get_regions (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_household (loaded)), ==, 0);

  stored = sql_text (fixture, "SELECT birth_year, experience_years, immigration_status, education, "
                              "preferred_language, driving_licence, email FROM participant");
  g_assert_cmpstr (stored, ==, "∅|∅|∅|∅|fr|0|∅");
}

static void
test_ids_after_commit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleParticipant) first = new_participant ("Ahmed", "Benali", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) second = full_participant ();
  g_autoptr(EscaleCaseNote) note = escale_case_note_new ("2026-11-30", "conseillere", "Visite du Saguenay");
  g_autoptr(EscaleCaseNote) later_note = escale_case_note_new ("2026-12-02", "conseillere", "Retour de visite");
  g_autoptr(EscaleFollowUp) follow_up = escale_follow_up_new ("2026-12-05", ESCALE_FOLLOW_UP_KIND_VISIT);
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_SURVEYS, TRUE, "2026-11-30",
                                                         "2026-1", "conseillere");
  g_autofree char *note_ids = NULL;

  escale_participant_add_note (first, note);
  escale_participant_add_follow_up (first, follow_up);
  escale_participant_add_consent (first, consent);
  g_assert_cmpint (escale_participant_get_id (first), ==, 0);
  g_assert_cmpint (escale_case_note_get_id (note), ==, 0);
  g_assert_cmpint (escale_follow_up_get_id (follow_up), ==, 0);
  g_assert_cmpint (escale_consent_get_id (consent), ==, 0);

  save_ok (fixture, first);
  g_assert_cmpint (escale_participant_get_id (first), ==, 1);
  g_assert_cmpint (escale_case_note_get_id (note), ==, 1);
  g_assert_cmpint (escale_follow_up_get_id (follow_up), ==, 1);
  g_assert_cmpint (escale_consent_get_id (consent), ==, 1);

  /* The next file's items are numbered after them. */
  save_ok (fixture, second);
  g_assert_cmpint (escale_participant_get_id (second), ==, 2);
  g_assert_cmpint (escale_case_note_get_id (note_at (second, 0)), ==, 2);
  g_assert_cmpint (escale_case_note_get_id (note_at (second, 1)), ==, 3);
  g_assert_cmpint (escale_follow_up_get_id (follow_up_at (second, 1)), ==, 3);
  g_assert_cmpint (escale_consent_get_id (consent_at (second, 1)), ==, 3);

  /* A note added to a saved file gets its id; the others keep theirs. */
  escale_participant_add_note (first, later_note);
  save_ok (fixture, first);
  g_assert_cmpint (escale_case_note_get_id (note), ==, 1);
  g_assert_cmpint (escale_case_note_get_id (later_note), ==, 4);
  note_ids = sql_text (fixture, "SELECT id, participant_id, body FROM case_note ORDER BY id");
  g_assert_cmpstr (note_ids, ==,
                   "1|1|Visite du Saguenay\n2|2|Première rencontre\n3|2|CV envoyé à Soudure Matane\n4|1|Retour de visite");
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

/* A batch is saved whole or not at all. */
static void
test_save_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscaleFollowUp) undated = escale_follow_up_new ("bientôt", ESCALE_FOLLOW_UP_KIND_CALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *names = NULL;

  g_ptr_array_add (batch, new_participant ("Ahmed", "Benali", END_OF_FIELDS));
  g_ptr_array_add (batch, full_participant ());
  g_ptr_array_add (batch, new_participant ("Zoé", "Roy", END_OF_FIELDS));
  escale_participant_add_follow_up (g_ptr_array_index (batch, 2), undated);

  g_assert_false (escale_participant_repository_save_many (fixture->participants, batch, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "A follow-up needs a due date");
  g_clear_error (&error);
  counts = row_counts (fixture);
  g_assert_cmpstr (counts, ==, "0/0/0/0/0/0/0/0");
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (escale_participant_get_id (g_ptr_array_index (batch, i)), ==, 0);

  escale_participant_remove_follow_up (g_ptr_array_index (batch, 2), undated);
  g_assert_true (escale_participant_repository_save_many (fixture->participants, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (escale_participant_get_id (g_ptr_array_index (batch, i)), ==, i + 1);
  g_assert_cmpint (escale_case_note_get_id (note_at (g_ptr_array_index (batch, 1), 1)), ==, 2);
  names = sql_text (fixture, "SELECT p.id, given_name, action FROM participant p "
                             "JOIN audit_log a ON a.entity = 'participant' AND a.entity_id = p.id ORDER BY p.id");
  g_assert_cmpstr (names, ==, "1|Ahmed|create\n2|Marie-Ève|create\n3|Zoé|create");
}

/* Failed saves */

static void
assert_save_fails (Fixture           *fixture,
                   EscaleParticipant *participant,
                   int                code,
                   const char        *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = row_counts (fixture);
  g_autofree char *counts_after = NULL;
  g_autofree char *description_before = describe_participant (participant, NULL);
  g_autofree char *description_after = NULL;
  guint n_changed = fixture->n_changed;

  g_assert_false (escale_participant_repository_save (fixture->participants, participant, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, code);
  if (error != NULL && message != NULL)
    g_assert_cmpstr (error->message, ==, message);

  /* Nothing written, nobody told, no id given. */
  counts_after = row_counts (fixture);
  g_assert_cmpstr (counts_after, ==, counts_before);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed);
  description_after = describe_participant (participant, NULL);
  g_assert_cmpstr (description_after, ==, description_before);
}

static void
test_failed_save_follow_up_without_due_date (Fixture       *fixture,
                                             gconstpointer  data)
{
  const char *bad_due_dates[] = { NULL, "", "2026-11-31", "20/11/2026", "2026-11-20 " };

  for (guint i = 0; i < G_N_ELEMENTS (bad_due_dates); i++)
    {
      g_autoptr(EscaleParticipant) participant = full_participant ();
      g_autoptr(EscaleFollowUp) follow_up = escale_follow_up_new (bad_due_dates[i], ESCALE_FOLLOW_UP_KIND_CALL);

      escale_participant_add_follow_up (participant, follow_up);
      assert_save_fails (fixture, participant, ESCALE_STORE_ERROR_CONSTRAINT, "A follow-up needs a due date");
      g_assert_cmpint (escale_participant_get_id (participant), ==, 0);
      g_assert_cmpint (escale_consent_get_id (consent_at (participant, 0)), ==, 0);
      g_assert_cmpint (escale_case_note_get_id (note_at (participant, 0)), ==, 0);
      g_assert_cmpint (escale_follow_up_get_id (follow_up_at (participant, 0)), ==, 0);
    }

  g_assert_cmpuint (escale_participant_repository_count (fixture->participants), ==, 0);
}

static void
test_failed_save_consent_without_notice (Fixture       *fixture,
                                         gconstpointer  data)
{
  const char *consent_message = "A consent record needs its date, the version of the notice and who recorded it";
  const char *bad_notices[] = { NULL, "", "   " };

  for (guint i = 0; i < G_N_ELEMENTS (bad_notices); i++)
    {
      g_autoptr(EscaleParticipant) participant = full_participant ();
      g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_PARTNERS, TRUE, "2026-11-02",
                                                             bad_notices[i], "conseillere");

      g_test_message ("notice version “%s”", bad_notices[i] != NULL ? bad_notices[i] : "(null)");
      escale_participant_add_consent (participant, consent);
      assert_save_fails (fixture, participant, ESCALE_STORE_ERROR_CONSTRAINT, consent_message);
      g_assert_cmpint (escale_consent_get_id (consent), ==, 0);
      g_assert_cmpint (escale_participant_get_id (participant), ==, 0);
    }

  {
    g_autoptr(EscaleParticipant) participant = full_participant ();
    g_autoptr(EscaleConsent) undated = escale_consent_new (ESCALE_CONSENT_PURPOSE_PARTNERS, TRUE, NULL, "2026-1",
                                                           "conseillere");

    escale_participant_add_consent (participant, undated);
    assert_save_fails (fixture, participant, ESCALE_STORE_ERROR_CONSTRAINT, consent_message);
  }
}

static void
test_failed_save_blank_note (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EscaleParticipant) participant = full_participant ();
  g_autoptr(EscaleCaseNote) blank = escale_case_note_new ("2026-11-20", "conseillere", " \n ");

  escale_participant_add_note (participant, blank);
  assert_save_fails (fixture, participant, ESCALE_STORE_ERROR_CONSTRAINT, "A case note needs a date, an author and some text");
  g_assert_cmpint (escale_case_note_get_id (blank), ==, 0);
}

/* Names that only look filled, as pasted from a word processor. */
static void
test_failed_save_blank_names (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *blank_names[] = { "", "  \t", NBSP NBSP, " " NBSP "\t", "\u2009" };

  for (guint i = 0; i < G_N_ELEMENTS (blank_names); i++)
    {
      g_autoptr(EscaleParticipant) given = full_participant ();
      g_autoptr(EscaleParticipant) family = full_participant ();

      g_test_message ("blank name %u", i);
      g_object_set (given, "given-name", blank_names[i], NULL);
      assert_save_fails (fixture, given, ESCALE_STORE_ERROR_CONSTRAINT, "Given name: this field is required");
      g_object_set (family, "family-name", blank_names[i], NULL);
      assert_save_fails (fixture, family, ESCALE_STORE_ERROR_CONSTRAINT, "Family name: this field is required");
      g_assert_cmpint (escale_participant_get_id (given), ==, 0);
      g_assert_cmpint (escale_participant_get_id (family), ==, 0);
    }
}

/* A region the database does not know fails after the file's own row and
 * its search row are written: the transaction takes them back. */
static void
test_failed_save_unknown_region (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(EscaleParticipant) participant = full_participant ();
  const char *unknown_region[] = { "02", "99", NULL };
  g_autofree char *found = NULL;

  g_object_set (participant, "regions", unknown_region, NULL);
  assert_save_fails (fixture, participant, ESCALE_STORE_ERROR_CONSTRAINT, NULL);
  g_assert_cmpint (escale_participant_get_id (participant), ==, 0);
  found = search_ids (fixture, "tremblay");
  g_assert_cmpstr (found, ==, "");
}

static void
test_failed_update_writes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = full_participant ();
  g_autoptr(EscaleParticipant) editor = NULL;
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleCaseNote) note = escale_case_note_new ("2026-11-25", "conseillere", "Nouvelle adresse");
  g_autoptr(EscaleFollowUp) undated = escale_follow_up_new (NULL, ESCALE_FOLLOW_UP_KIND_CALL);
  g_autofree char *actions = NULL;

  save_ok (fixture, saved);
  editor = load_ok (fixture, 1);
  g_object_set (editor, "email", "marie@autre.ca", "city", "Saguenay", NULL);
  escale_participant_add_note (editor, note);
  escale_participant_add_follow_up (editor, undated);
  assert_save_fails (fixture, editor, ESCALE_STORE_ERROR_CONSTRAINT, "A follow-up needs a due date");
  g_assert_cmpint (escale_case_note_get_id (note), ==, 0);

  loaded = load_ok (fixture, 1);
  assert_described (fixture, loaded, full_description);
  actions = audit_actions (fixture, 1);
  g_assert_cmpstr (actions, ==, "create");

  /* Saved from an editor left open while the file was deleted. */
  escale_participant_remove_follow_up (editor, undated);
  g_assert_true (escale_participant_repository_delete (fixture->participants, loaded, NULL));
  assert_save_fails (fixture, editor, ESCALE_STORE_ERROR_NOT_FOUND, NULL);
  assert_not_found (fixture, 1);
}

/* Consent */

static void
test_consent_is_a_history (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleConsent) granted = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-11-02",
                                                         "2026-1", "conseillere");
  g_autoptr(EscaleConsent) withdrawn = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, FALSE, "2026-12-01",
                                                           "2026-1", "conseillere");
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *details = NULL;
  const char *rewrites[] = {
    "UPDATE consent SET granted = 1 WHERE id = 2",
    "UPDATE consent SET given_on = '2026-12-02' WHERE id = 2",
    "UPDATE consent SET notice_version = '2027-1' WHERE id = 1",
    "UPDATE consent SET recorded_by = 'quelquun' WHERE id = 1",
    "UPDATE consent SET purpose = 'surveys' WHERE id = 1",
    "UPDATE consent SET created_at = 0 WHERE id = 1",
  };

  escale_participant_add_consent (marie, granted);
  save_ok (fixture, marie);
  loaded = load_ok (fixture, 1);
  g_assert_true (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_true (escale_participant_require_consent (loaded, ESCALE_CONSENT_PURPOSE_REGISTRATION, &error));
  g_assert_no_error (error);

  g_assert_false (escale_participant_require_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS, &error));
  g_assert_error (error, ESCALE_CONSENT_ERROR, ESCALE_CONSENT_ERROR_NEVER_GIVEN);
  g_assert_cmpstr (error->message, ==,
                   "Marie Tremblay has not given consent for “Sharing with employers”. Record their consent first.");
  g_clear_error (&error);

  /* A withdrawal is a new record; the first one stays as it was. */
  escale_participant_add_consent (loaded, withdrawn);
  save_ok (fixture, loaded);
  g_assert_cmpint (escale_consent_get_id (withdrawn), ==, 2);
  g_clear_object (&loaded);
  loaded = load_ok (fixture, 1);
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_consents (loaded)), ==, 2);
  g_assert_false (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_REGISTRATION));
  g_assert_false (escale_participant_require_consent (loaded, ESCALE_CONSENT_PURPOSE_REGISTRATION, &error));
  g_assert_error (error, ESCALE_CONSENT_ERROR, ESCALE_CONSENT_ERROR_WITHDRAWN);
  g_assert_cmpstr (error->message, ==, "Marie Tremblay withdrew consent for “Registration and follow-up” on 2026-12-01.");
  g_clear_error (&error);

  rows = sql_text (fixture, "SELECT id, participant_id, purpose, granted, given_on, notice_version, recorded_by "
                            "FROM consent ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "1|1|registration|1|2026-11-02|2026-1|conseillere\n"
                   "2|1|registration|0|2026-12-01|2026-1|conseillere");
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "consents");

  /* Saving again adds nothing. */
  g_object_set (loaded, "city", "Alma", NULL);
  save_ok (fixture, loaded);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM consent"), ==, 2);

  /* Not even SQL can rewrite the history. */
  for (guint i = 0; i < G_N_ELEMENTS (rewrites); i++)
    {
      g_assert_false (_escale_database_exec (fixture->database, rewrites[i], &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error != NULL ? error->message : "", "consent history cannot be rewritten"));
      g_clear_error (&error);
    }
  rows_after = sql_text (fixture, "SELECT id, participant_id, purpose, granted, given_on, notice_version, recorded_by "
                                  "FROM consent ORDER BY id");
  g_assert_cmpstr (rows_after, ==, rows);
}

static void
test_consent_latest_record_wins (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay",
                                                        ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "Marivé",
                                                        END_OF_FIELDS);
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleConsent) granted = escale_consent_new (ESCALE_CONSENT_PURPOSE_EMPLOYERS, TRUE, "2026-12-05",
                                                         "2026-1", "conseillere");
  g_autoptr(EscaleConsent) withdrawn = escale_consent_new (ESCALE_CONSENT_PURPOSE_EMPLOYERS, FALSE, "2026-12-05",
                                                           "2026-1", "conseillere");
  g_autoptr(EscaleConsent) granted_again = escale_consent_new (ESCALE_CONSENT_PURPOSE_EMPLOYERS, TRUE, "2027-01-10",
                                                               "2027-1", "conseillere");
  g_autoptr(GError) error = NULL;

  /* Given then withdrawn on the same day, in that order. */
  escale_participant_add_consent (marie, granted);
  escale_participant_add_consent (marie, withdrawn);
  g_assert_false (escale_participant_has_consent (marie, ESCALE_CONSENT_PURPOSE_EMPLOYERS));
  save_ok (fixture, marie);
  g_assert_cmpint (escale_consent_get_id (granted), <, escale_consent_get_id (withdrawn));

  loaded = load_ok (fixture, 1);
  g_assert_false (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS));
  g_assert_false (escale_participant_require_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS, &error));
  g_assert_cmpstr (error->message, ==, "Marivé Tremblay withdrew consent for “Sharing with employers” on 2026-12-05.");
  g_clear_error (&error);

  escale_participant_add_consent (loaded, granted_again);
  save_ok (fixture, loaded);
  g_clear_object (&loaded);
  loaded = load_ok (fixture, 1);
  g_assert_true (escale_participant_has_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS));
  g_assert_true (escale_participant_require_consent (loaded, ESCALE_CONSENT_PURPOSE_EMPLOYERS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_consents (loaded)), ==, 3);
}

/* Notes and follow-ups */

static void
test_notes_edit_and_remove (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = full_participant ();
  g_autoptr(EscaleParticipant) editor = NULL;
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *details = NULL;

  save_ok (fixture, saved);
  editor = escale_participant_copy (saved);
  escale_case_note_set_body (note_at (editor, 0), "Première rencontre : CV à revoir");
  escale_participant_remove_note (editor, note_at (editor, 1));
  save_ok (fixture, editor);

  /* The editor worked on a copy. */
  g_assert_cmpstr (escale_case_note_get_body (note_at (saved, 0)), ==, "Première rencontre");
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_notes (saved)), ==, 2);

  loaded = load_ok (fixture, 1);
  g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_notes (loaded)), ==, 1);
  g_assert_cmpint (escale_case_note_get_id (note_at (loaded, 0)), ==, 1);
  g_assert_cmpstr (escale_case_note_get_written_on (note_at (loaded, 0)), ==, "2026-11-02");
  g_assert_cmpstr (escale_case_note_get_author (note_at (loaded, 0)), ==, "conseillere");
  g_assert_cmpstr (escale_case_note_get_body (note_at (loaded, 0)), ==, "Première rencontre : CV à revoir");
  rows = sql_text (fixture, "SELECT id, body FROM case_note ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|Première rencontre : CV à revoir");
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "notes");
}

static void
test_follow_up_complete_reopen_remove (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = new_participant ("Ahmed", "Benali", END_OF_FIELDS);
  g_autoptr(EscaleFollowUp) call = escale_follow_up_new ("2026-11-20", ESCALE_FOLLOW_UP_KIND_CALL);
  g_autofree char *details = NULL;
  g_autofree char *row = NULL;

  escale_follow_up_set_notes (call, "Demander des nouvelles de l'entrevue");
  escale_participant_add_follow_up (saved, call);
  save_ok (fixture, saved);

  {
    g_autoptr(EscaleParticipant) editor = load_ok (fixture, 1);
    g_autoptr(EscaleParticipant) loaded = NULL;

    escale_follow_up_complete (follow_up_at (editor, 0), ESCALE_FOLLOW_UP_OUTCOME_JOB, "2026-11-19");
    save_ok (fixture, editor);
    loaded = load_ok (fixture, 1);
    g_assert_cmpint (escale_follow_up_get_id (follow_up_at (loaded, 0)), ==, 1);
    g_assert_cmpint (escale_follow_up_get_outcome (follow_up_at (loaded, 0)), ==, ESCALE_FOLLOW_UP_OUTCOME_JOB);
    g_assert_cmpstr (escale_follow_up_get_done_on (follow_up_at (loaded, 0)), ==, "2026-11-19");
    g_assert_cmpstr (escale_follow_up_get_notes (follow_up_at (loaded, 0)), ==, "Demander des nouvelles de l'entrevue");
    row = sql_text (fixture, "SELECT id, due_on, kind, outcome, done_on FROM follow_up");
    g_assert_cmpstr (row, ==, "1|2026-11-20|call|job|2026-11-19");
    details = last_audit_details (fixture, 1);
    g_assert_cmpstr (details, ==, "follow-ups");
  }

  {
    g_autoptr(EscaleParticipant) editor = load_ok (fixture, 1);
    g_autoptr(EscaleParticipant) loaded = NULL;

    escale_follow_up_reopen (follow_up_at (editor, 0));
    save_ok (fixture, editor);
    loaded = load_ok (fixture, 1);
    g_assert_cmpint (escale_follow_up_get_outcome (follow_up_at (loaded, 0)), ==, ESCALE_FOLLOW_UP_OUTCOME_PENDING);
    g_assert_null (escale_follow_up_get_done_on (follow_up_at (loaded, 0)));
    g_clear_pointer (&row, g_free);
    row = sql_text (fixture, "SELECT id, due_on, kind, outcome, done_on FROM follow_up");
    g_assert_cmpstr (row, ==, "1|2026-11-20|call|∅|∅");
  }

  {
    g_autoptr(EscaleParticipant) editor = load_ok (fixture, 1);
    g_autoptr(EscaleParticipant) loaded = NULL;

    escale_participant_remove_follow_up (editor, follow_up_at (editor, 0));
    save_ok (fixture, editor);
    loaded = load_ok (fixture, 1);
    g_assert_cmpuint (g_list_model_get_n_items (escale_participant_get_follow_ups (loaded)), ==, 0);
    g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM follow_up"), ==, 0);
    g_clear_pointer (&details, g_free);
    details = last_audit_details (fixture, 1);
    g_assert_cmpstr (details, ==, "follow-ups");
  }
}

/* Audit */

static void
test_audit_names_fields_never_values (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = full_participant ();
  g_autoptr(EscaleParticipant) editor = NULL;
  g_autoptr(EscaleCaseNote) note = escale_case_note_new ("2026-11-25", "conseillere", "Déménage à Rimouski");
  g_autoptr(EscaleHouseholdMember) spouse = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *everything = NULL;
  const char *regions[] = { "08", "02", NULL };
  const char *personal[] = {
    "Marie", "Tremblay", "Marivé", "exemple", "autre.ca", "555", "5145550123", "Longueuil", "Rimouski",
    "Colombie", "Soudeuse", "72106", "1988", "Andrés", "Sofía", "rencontre", "Déménage", "Rappeler",
    "Mexique", "2026-1",
  };

  save_ok (fixture, saved);
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "∅");

  editor = load_ok (fixture, 1);
  g_object_set (editor, "email", "m.tremblay@autre.ca", "city", "Rimouski", "regions", regions, NULL);
  escale_participant_add_note (editor, note);
  spouse = g_list_model_get_item (escale_participant_get_household (editor), 0);
  escale_participant_remove_household_member (editor, spouse);
  save_ok (fixture, editor);
  g_clear_pointer (&details, g_free);
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "city,email,household,notes,regions");

  /* Saving what is stored changes nothing, and says so. */
  save_ok (fixture, editor);
  g_clear_pointer (&details, g_free);
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "∅");

  g_assert_true (escale_participant_repository_record_override (fixture->participants, 1, "Programme soudure",
                                                                "Expérience équivalente au Mexique", &error));
  g_assert_no_error (error);
  g_assert_true (escale_participant_repository_delete (fixture->participants, editor, &error));
  g_assert_no_error (error);
  g_assert_true (escale_participant_repository_restore (fixture->participants, editor, &error));
  g_assert_no_error (error);

  actions = audit_actions (fixture, 1);
  g_assert_cmpstr (actions, ==, "create update update override delete restore");

  everything = all_audit_details (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      if (strstr (everything, personal[i]) != NULL)
        g_test_fail_printf ("The audit log holds “%s”: %s", personal[i], everything);
    }
}

/* The editor keeps the file it saved and the counsellor saves again: lists
 * that did not change are not named, whatever order the items were added in. */
static void
test_audit_ignores_list_order (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EscaleParticipant) editor = new_participant ("Ahmed", "Benali", END_OF_FIELDS);
  g_autoptr(EscaleCaseNote) recent = escale_case_note_new ("2026-11-16", "conseillere", "Appel");
  g_autoptr(EscaleCaseNote) backdated = escale_case_note_new ("2026-11-02", "conseillere", "Rencontre au salon");
  g_autoptr(EscaleFollowUp) later = escale_follow_up_new ("2026-12-01", ESCALE_FOLLOW_UP_KIND_MEETING);
  g_autoptr(EscaleFollowUp) sooner = escale_follow_up_new ("2026-11-20", ESCALE_FOLLOW_UP_KIND_CALL);
  g_autofree char *details = NULL;

  escale_participant_add_note (editor, recent);
  escale_participant_add_note (editor, backdated);
  escale_participant_add_follow_up (editor, later);
  escale_participant_add_follow_up (editor, sooner);
  save_ok (fixture, editor);

  g_object_set (editor, "city", "Alma", NULL);
  save_ok (fixture, editor);
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "city");
}

/* Deleting and restoring */

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EscaleParticipant) saved = full_participant ();
  g_autoptr(EscaleParticipant) loaded = NULL;
  g_autoptr(EscaleParticipant) restored = NULL;
  g_autoptr(EscaleParticipant) next = new_participant ("Ahmed", "Benali", END_OF_FIELDS);
  g_autoptr(GError) error = NULL;
  g_autofree char *trigger = NULL;
  g_autofree char *consents = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *follow_ups = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *found = NULL;
  const char *consents_sql = "SELECT * FROM consent ORDER BY id";
  const char *notes_sql = "SELECT id, participant_id, written_on, author, body FROM case_note ORDER BY id";
  const char *follow_ups_sql = "SELECT id, participant_id, due_on, kind, outcome, done_on, notes FROM follow_up "
                               "ORDER BY id";

  save_ok (fixture, saved);

  /* A file opened long after it was created, with consent recorded then. */
  trigger = sql_text (fixture, "SELECT sql FROM sqlite_master WHERE name = 'consent_history_is_kept'");
  exec_sql (fixture, "DROP TRIGGER consent_history_is_kept");
  exec_sql (fixture, "UPDATE consent SET created_at = 1700000100");
  exec_sql (fixture, trigger);
  exec_sql (fixture, "UPDATE participant SET created_at = 1700000000");
  consents = sql_text (fixture, consents_sql);
  notes = sql_text (fixture, notes_sql);
  follow_ups = sql_text (fixture, follow_ups_sql);
  loaded = load_ok (fixture, 1);
  fixture->n_changed = 0;

  g_assert_true (escale_participant_repository_delete (fixture->participants, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  assert_not_found (fixture, 1);
  counts = row_counts (fixture);
  g_assert_cmpstr (counts, ==, "0/0/0/0/0/0/0/2");
  found = search_ids (fixture, "tremblay");
  g_assert_cmpstr (found, ==, "");

  /* Twice is once too many. */
  g_assert_false (escale_participant_repository_delete (fixture->participants, loaded, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_assert_true (escale_participant_repository_restore (fixture->participants, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_cmpint (escale_participant_get_id (loaded), ==, 1);

  restored = load_ok (fixture, 1);
  assert_described (fixture, restored, full_description);
  g_assert_cmpint (escale_participant_get_created_at (restored), ==, 1700000000);
  {
    g_autofree char *consents_after = sql_text (fixture, consents_sql);
    g_autofree char *notes_after = sql_text (fixture, notes_sql);
    g_autofree char *follow_ups_after = sql_text (fixture, follow_ups_sql);

    g_assert_cmpstr (consents_after, ==, consents);
    g_assert_nonnull (strstr (consents_after, "|1700000100"));
    g_assert_cmpstr (notes_after, ==, notes);
    g_assert_cmpstr (follow_ups_after, ==, follow_ups);
  }

  g_clear_pointer (&found, g_free);
  found = search_ids (fixture, "tremblay 514555");
  g_assert_cmpstr (found, ==, "1");
  actions = audit_actions (fixture, 1);
  g_assert_cmpstr (actions, ==, "create delete restore");

  /* Numbers are never given twice. */
  g_assert_cmpint (save_ok (fixture, next), ==, 2);
}

/* Overrides */

static void
test_record_override (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay", END_OF_FIELDS);
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *details = NULL;
  const char *blanks[] = { NULL, "", "   ", "\t\n", NBSP, " " NBSP " " };

  save_ok (fixture, marie);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_test_message ("justification %u", i);
      g_assert_false (escale_participant_repository_record_override (fixture->participants, 1, "Programme soudure",
                                                                     blanks[i], &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
      if (error != NULL)
        g_assert_cmpstr (error->message, ==, "Say why this person is accepted although the rules refuse them");
      g_clear_error (&error);
      g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM eligibility_override"), ==, 0);
      g_clear_pointer (&actions, g_free);
      actions = audit_actions (fixture, 1);
      g_assert_cmpstr (actions, ==, "create");
    }

  g_assert_true (escale_participant_repository_record_override (fixture->participants, 1, "Programme soudure",
                                                                "  Expérience équivalente au Mexique \n", &error));
  g_assert_no_error (error);
  row = sql_text (fixture, "SELECT participant_id, rules, justification, decided_by FROM eligibility_override");
  expected = g_strdup_printf ("1|Programme soudure|Expérience équivalente au Mexique|%s", g_get_user_name ());
  g_assert_cmpstr (row, ==, expected);
  g_clear_pointer (&actions, g_free);
  actions = audit_actions (fixture, 1);
  g_assert_cmpstr (actions, ==, "create override");
  details = last_audit_details (fixture, 1);
  g_assert_cmpstr (details, ==, "Programme soudure");

  /* Nobody to accept. */
  g_assert_false (escale_participant_repository_record_override (fixture->participants, 99, "Programme soudure",
                                                                 "Expérience équivalente", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM eligibility_override"), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity_id = 99"), ==, 0);
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
  ADD ("/participant-repository/save-load-search", test_save_load_search);
  ADD ("/participant-repository/round-trip-every-field", test_round_trip_every_field);
  ADD ("/participant-repository/round-trip-empty-fields", test_round_trip_empty_fields);
  ADD ("/participant-repository/ids-after-commit", test_ids_after_commit);
  ADD ("/participant-repository/save-many", test_save_many);
  ADD ("/participant-repository/failed-save/follow-up-without-due-date", test_failed_save_follow_up_without_due_date);
  ADD ("/participant-repository/failed-save/consent-without-notice", test_failed_save_consent_without_notice);
  ADD ("/participant-repository/failed-save/blank-note", test_failed_save_blank_note);
  ADD ("/participant-repository/failed-save/blank-names", test_failed_save_blank_names);
  ADD ("/participant-repository/failed-save/unknown-region", test_failed_save_unknown_region);
  ADD ("/participant-repository/failed-save/update", test_failed_update_writes_nothing);
  ADD ("/participant-repository/consent-is-a-history", test_consent_is_a_history);
  ADD ("/participant-repository/consent-latest-record-wins", test_consent_latest_record_wins);
  ADD ("/participant-repository/notes-edit-and-remove", test_notes_edit_and_remove);
  ADD ("/participant-repository/follow-up-complete-reopen-remove", test_follow_up_complete_reopen_remove);
  ADD ("/participant-repository/audit-names-fields-never-values", test_audit_names_fields_never_values);
  ADD ("/participant-repository/audit-ignores-list-order", test_audit_ignores_list_order);
  ADD ("/participant-repository/delete-and-restore", test_delete_and_restore);
  ADD ("/participant-repository/record-override", test_record_override);
#undef ADD

  return g_test_run ();
}
