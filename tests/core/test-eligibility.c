/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-eligibility.h"
#include "escale-participant-form.h"

/* Rules of a typical exploratory visit to Abitibi-Témiscamingue. */
#define VISIT_RULES \
  "{\"name\": \"Séjour exploratoire en Abitibi\", " \
  "\"statuses\": [\"permanent-resident\", \"citizen\", \"open-work-permit\"], " \
  "\"max-years-since-arrival\": 5, \"min-french-level\": 7, \"regions\": [\"08\"]}"

static EscaleEligibilityRules *
rules_from (const char  *json,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return escale_eligibility_rules_from_json (json_parser_get_root (parser), error);
}

static EscaleParticipant *
person (const char *status,
        const char *arrived_on,
        const char *french_level,
        const char *regions)
{
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autoptr(GError) error = NULL;

  form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = "Aïcha";
  form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = "Benali";
  form.values[ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS] = status;
  form.values[ESCALE_PARTICIPANT_FIELD_ARRIVED_ON] = arrived_on;
  form.values[ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL] = french_level;
  form.values[ESCALE_PARTICIPANT_FIELD_REGIONS] = regions;
  escale_participant_form_apply (&form, NULL, participant, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&participant);
}

/* "rule:met" for each reason, such as "status:1 arrival:0". */
static char *
describe (const EscaleEligibilityVerdict *verdict)
{
  const char *names[] = { "status", "arrival", "french", "region" };
  g_autoptr(GString) text = g_string_new (verdict->eligible ? "eligible" : "refused");

  for (guint i = 0; i < verdict->reasons->len; i++)
    {
      const EscaleEligibilityReason *reason = verdict->reasons->pdata[i];

      g_string_append_printf (text, " %s:%d", names[reason->rule], reason->met);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
check (const char *status,
       const char *arrived_on,
       const char *french_level,
       const char *regions)
{
  g_autoptr(EscaleEligibilityRules) rules = rules_from (VISIT_RULES, NULL);
  g_autoptr(EscaleParticipant) participant = person (status, arrived_on, french_level, regions);
  g_autoptr(EscaleEligibilityVerdict) verdict = NULL;
  GDate today;

  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  verdict = escale_eligibility_check (rules, participant, NULL, &today);
  return describe (verdict);
}

static void
test_each_rule (void)
{
  const struct
  {
    const char *status;
    const char *arrived_on;
    const char *french_level;
    const char *regions;
    const char *expected;
  } cases[] = {
    { "permanent-resident", "2023-05-14", "8", "02, 08", "eligible status:1 arrival:1 french:1 region:1" },
    { "student", "2023-05-14", "8", "08", "refused status:0 arrival:1 french:1 region:1" },
    { NULL, "2023-05-14", "8", "08", "refused status:0 arrival:1 french:1 region:1" },
    /* Exactly five years is still within five years; one day more is not. */
    { "citizen", "2021-11-23", "8", "08", "eligible status:1 arrival:1 french:1 region:1" },
    { "citizen", "2021-11-22", "8", "08", "refused status:1 arrival:0 french:1 region:1" },
    { "citizen", NULL, "8", "08", "refused status:1 arrival:0 french:1 region:1" },
    { "open-work-permit", "2024-01-10", "7", "08", "eligible status:1 arrival:1 french:1 region:1" },
    { "open-work-permit", "2024-01-10", "6", "08", "refused status:1 arrival:1 french:0 region:1" },
    { "open-work-permit", "2024-01-10", NULL, "08", "refused status:1 arrival:1 french:0 region:1" },
    { "open-work-permit", "2024-01-10", "9", "05, 02", "refused status:1 arrival:1 french:1 region:0" },
    { "open-work-permit", "2024-01-10", "9", NULL, "refused status:1 arrival:1 french:1 region:0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *verdict = check (cases[i].status, cases[i].arrived_on, cases[i].french_level, cases[i].regions);

      g_assert_cmpstr (verdict, ==, cases[i].expected);
    }
}

static void
test_reasons_in_both_languages (void)
{
  g_autoptr(EscaleEligibilityRules) rules = rules_from (VISIT_RULES, NULL);
  g_autoptr(EscaleParticipant) participant = person ("student", "2015-09-01", "6", "05");
  g_autoptr(EscaleEligibilityVerdict) verdict = NULL;
  const EscaleEligibilityReason *reason;
  GDate today;

  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  verdict = escale_eligibility_check (rules, participant, NULL, &today);
  g_assert_false (verdict->eligible);
  g_assert_cmpuint (verdict->reasons->len, ==, 4);

  reason = verdict->reasons->pdata[0];
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "en"), ==,
                   "The status “international student” is not eligible; accepted statuses: "
                   "permanent resident, Canadian citizen, open work permit.");
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "fr"), ==,
                   "Le statut «\xc2\xa0" "étudiant étranger\xc2\xa0» n’est pas admissible; statuts acceptés\xc2\xa0: "
                   "résident permanent, citoyen canadien, permis de travail ouvert.");

  reason = verdict->reasons->pdata[1];
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "en"), ==,
                   "Arrived in Québec on 2015-09-01, more than 5 years ago.");
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "fr"), ==,
                   "Arrivée au Québec le 2015-09-01, il y a plus de 5 ans.");

  reason = verdict->reasons->pdata[2];
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "en"), ==, "French level 6 out of 12, below the minimum of 7.");

  reason = verdict->reasons->pdata[3];
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "en"), ==,
                   "None of the regions of interest is a target region (08).");
  g_assert_cmpstr (escale_eligibility_reason_get_text (reason, "fr"), ==,
                   "Aucune des régions d’intérêt n’est une région visée (08).");
}

static void
test_no_rules_accept_everyone (void)
{
  g_autoptr(EscaleEligibilityRules) rules = rules_from ("{\"name\": \"Séance d’information\"}", NULL);
  g_autoptr(EscaleParticipant) participant = person (NULL, NULL, NULL, NULL);
  g_autoptr(EscaleEligibilityVerdict) verdict = NULL;
  GDate today;

  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  verdict = escale_eligibility_check (rules, participant, NULL, &today);
  g_assert_true (verdict->eligible);
  g_assert_cmpuint (verdict->reasons->len, ==, 0);
}

static void
test_invalid_rules_name_the_key (void)
{
  const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[1, 2]", "Eligibility rules must be a JSON object" },
    { "{\"statuses\": [\"citizen\"]}", "Eligibility rules: “name” must be the name of the programme or event" },
    { "{\"name\": \"  \"}", "Eligibility rules: “name” must be the name of the programme or event" },
    { "{\"name\": \"V\", \"nom\": 1}",
      "Eligibility rules: unknown key “nom”; use name, statuses, max-years-since-arrival, min-french-level or regions" },
    { "{\"name\": \"V\", \"statuses\": \"citizen\"}", "Eligibility rules: “statuses” must be a list" },
    { "{\"name\": \"V\", \"statuses\": [\"tourist\"]}",
      "Eligibility rules: “tourist” is not an immigration status such as permanent-resident or open-work-permit" },
    { "{\"name\": \"V\", \"min-french-level\": 13}", "Eligibility rules: “min-french-level” must be from 1 to 12" },
    { "{\"name\": \"V\", \"min-french-level\": \"7\"}", "Eligibility rules: “min-french-level” must be a whole number" },
    { "{\"name\": \"V\", \"max-years-since-arrival\": 0}", "Eligibility rules: “max-years-since-arrival” must be from 1 to 100" },
    { "{\"name\": \"V\", \"regions\": [\"8\"]}", "Eligibility rules: “8” is not a region code from 01 to 17" },
    { "{\"name\": \"V\", \"regions\": [\"18\"]}", "Eligibility rules: “18” is not a region code from 01 to 17" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleEligibilityRules) rules = rules_from (cases[i].json, &error);

      g_assert_null (rules);
      g_assert_error (error, ESCALE_ELIGIBILITY_ERROR, ESCALE_ELIGIBILITY_ERROR_INVALID_RULES);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligibility/each-rule", test_each_rule);
  g_test_add_func ("/eligibility/reasons-in-both-languages", test_reasons_in_both_languages);
  g_test_add_func ("/eligibility/no-rules-accept-everyone", test_no_rules_accept_everyone);
  g_test_add_func ("/eligibility/invalid-rules-name-the-key", test_invalid_rules_name_the_key);

  return g_test_run ();
}
