/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-locale.h"
#include "escale-partner-form.h"
#include "escale-validation.h"

#include "participant-fixture.h"

/* The participant editor and the import read what people type the same
 * way: these are the rules, field by field, with the messages shown under
 * a field, and the text each value is written back as. */

#define NBSP "\u00a0"

#define GIVEN ESCALE_PARTICIPANT_FIELD_GIVEN_NAME
#define FAMILY ESCALE_PARTICIPANT_FIELD_FAMILY_NAME
#define BIRTH ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR
#define FRENCH ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL
#define ENGLISH ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL
#define EXPERIENCE ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS
#define ARRIVAL ESCALE_PARTICIPANT_FIELD_ARRIVED_ON
#define LANGUAGE ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE
#define LICENCE ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE
#define NOC ESCALE_PARTICIPANT_FIELD_NOC_CODE
#define EMAIL ESCALE_PARTICIPANT_FIELD_EMAIL
#define PHONE ESCALE_PARTICIPANT_FIELD_PHONE
#define OTHER_PHONE ESCALE_PARTICIPANT_FIELD_OTHER_PHONE
#define CITY ESCALE_PARTICIPANT_FIELD_CITY
#define STATUS ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS
#define EDUCATION ESCALE_PARTICIPANT_FIELD_EDUCATION
#define REGIONS ESCALE_PARTICIPANT_FIELD_REGIONS

/* A refusal, as opposed to the text a value is written back as. */
#define REFUSED NULL

typedef struct
{
  EscaleParticipantField  field;
  const char             *text;
  const char             *formatted;
  const char             *message;
} ParseCase;

/* Reads each case, then writes the value back: the text a counsellor sees
 * once the field is read, or the message under the field. Every case is
 * tried, and every wrong one is said. */
static void
check_parse_cases (const ParseCase *cases,
                   guint            n_cases,
                   GListModel      *regions)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const ParseCase *c = &cases[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      const char *field = escale_participant_field_get_name (c->field);
      gboolean parsed = escale_participant_field_parse (c->field, c->text, regions, &value, &error);

      if (parsed)
        {
          g_assert_no_error (error);
          g_assert_true (G_VALUE_HOLDS (&value, escale_participant_field_get_value_type (c->field)));
          formatted = escale_participant_field_format (c->field, &value, regions);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == ESCALE_VALIDATION_ERROR);
          g_assert_false (G_IS_VALUE (&value));
        }

      if (c->formatted != NULL && !parsed)
        {
          g_test_message ("%s “%s” was refused (%s), expected “%s”", field, c->text, error->message, c->formatted);
          g_test_fail ();
        }
      else if (c->formatted != NULL && g_strcmp0 (formatted, c->formatted) != 0)
        {
          g_test_message ("%s “%s” was read as “%s”, expected “%s”", field, c->text, formatted, c->formatted);
          g_test_fail ();
        }
      else if (c->formatted == NULL && parsed)
        {
          g_test_message ("%s “%s” was read as “%s”, expected “%s”", field, c->text, formatted, c->message);
          g_test_fail ();
        }
      else if (c->formatted == NULL && error != NULL && g_strcmp0 (error->message, c->message) != 0)
        {
          g_test_message ("%s “%s” was refused with “%s”, expected “%s”", field, c->text, error->message, c->message);
          g_test_fail ();
        }
    }
}

#define CHECK_CASES(cases, regions) check_parse_cases (cases, G_N_ELEMENTS (cases), regions)

/* Parsing, field by field */

static void
test_parse_names_and_text (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *longest = g_strnfill (500, 'a');
  g_autofree char *too_long = g_strnfill (501, 'a');
  g_autoptr(GString) accented = g_string_new (NULL);
  const char *required = "This field is required";
  const char *too_long_message = "Keep this under 500 characters";
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; i < 500; i++)
    g_string_append (accented, "é");

  {
    const ParseCase cases[] = {
      { GIVEN, "Marie", "Marie" },
      { GIVEN, "  Marie   Ève ", "Marie Ève" },
      { GIVEN, "Marie" NBSP NBSP "Ève" NBSP, "Marie Ève" },
      { GIVEN, "Marie\tÈve\n", "Marie Ève" },
      { FAMILY, "Côté-Tremblay", "Côté-Tremblay" },
      { GIVEN, NULL, REFUSED, required },
      { GIVEN, "", REFUSED, required },
      { GIVEN, " \t\n ", REFUSED, required },
      { GIVEN, NBSP NBSP, REFUSED, required },
      { FAMILY, NBSP " \u202f", REFUSED, required },
      { FAMILY, "\u2009", REFUSED, required },
      { ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "", "" },
      { ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, NBSP, "" },
      { CITY, "  Baie-Saint-Paul ", "Baie-Saint-Paul" },
      { CITY, "Saint" NBSP "-Jean", "Saint -Jean" },
      { CITY, longest, longest },
      { CITY, accented->str, accented->str },
      { CITY, too_long, REFUSED, too_long_message },
      { ESCALE_PARTICIPANT_FIELD_SOURCE, too_long, REFUSED, too_long_message },
      { ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Soudeuse", "Soudeuse" },
    };

    CHECK_CASES (cases, NULL);
  }

  /* Missing names are "required", not "invalid". */
  g_assert_false (escale_participant_field_parse (GIVEN, NBSP, NULL, &value, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (escale_participant_field_parse (CITY, too_long, NULL, &value, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);

  /* Empty text is no text. */
  g_assert_true (escale_participant_field_parse (CITY, "   ", NULL, &value, NULL));
  g_assert_null (g_value_get_string (&value));
}

static void
test_parse_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_autofree char *next_year = g_strdup_printf ("%d", g_date_time_get_year (now) + 1);
  const char *year_message = "Enter a year of birth such as 1988";
  const char *level_message = "Enter a level from 1 to 12";
  const char *experience_message = "Enter a number of years from 0 to 60";
  const ParseCase cases[] = {
    { BIRTH, "1988", "1988" },
    { BIRTH, " 1988 ", "1988" },
    { BIRTH, "1988-04-12", "1988" },
    { BIRTH, "1988/04/12", "1988" },
    { BIRTH, "1988-04-12T00:00:00", "1988" },
    { BIRTH, "1988-04-12 08:30", "1988" },
    { BIRTH, "1900", "1900" },
    { BIRTH, this_year, this_year },
    { BIRTH, "", "" },
    { BIRTH, NULL, "" },
    { BIRTH, next_year, REFUSED, year_message },
    { BIRTH, "1899", REFUSED, year_message },
    { BIRTH, "88", REFUSED, year_message },
    { BIRTH, "12/04/1988", REFUSED, year_message },
    { BIRTH, "1988-02-30", REFUSED, year_message },
    { BIRTH, "19880", REFUSED, year_message },
    { BIRTH, "vers 1988", REFUSED, year_message },
    { BIRTH, "abcd", REFUSED, year_message },
    { FRENCH, "7", "7" },
    { FRENCH, "NCLC 7", "7" },
    { FRENCH, "7/12", "7" },
    { FRENCH, "niveau 12", "12" },
    { FRENCH, "1", "1" },
    { FRENCH, "", "" },
    { FRENCH, "0", REFUSED, level_message },
    { FRENCH, "13", REFUSED, level_message },
    { FRENCH, "débutant", REFUSED, level_message },
    { FRENCH, "12345", REFUSED, level_message },
    { ENGLISH, "CLB 9", "9" },
    { ENGLISH, "13", REFUSED, level_message },
    { EXPERIENCE, "5 ans", "5" },
    { EXPERIENCE, "0", "0" },
    { EXPERIENCE, "60", "60" },
    { EXPERIENCE, "10+", "10" },
    { EXPERIENCE, "", "" },
    { EXPERIENCE, "61", REFUSED, experience_message },
    { EXPERIENCE, "aucune", REFUSED, experience_message },
  };
  g_auto(GValue) value = G_VALUE_INIT;

  CHECK_CASES (cases, NULL);

  /* No answer and "none" are two answers. */
  g_assert_true (escale_participant_field_parse (EXPERIENCE, "", NULL, &value, NULL));
  g_assert_cmpint (g_value_get_int (&value), ==, -1);
  g_value_unset (&value);
  g_assert_true (escale_participant_field_parse (EXPERIENCE, "0", NULL, &value, NULL));
  g_assert_cmpint (g_value_get_int (&value), ==, 0);
  g_value_unset (&value);
  g_assert_true (escale_participant_field_parse (BIRTH, "", NULL, &value, NULL));
  g_assert_cmpint (g_value_get_int (&value), ==, 0);
}

static void
test_parse_arrival (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *today = escale_calendar_date_today ();
  g_autofree char *tomorrow = NULL;
  const char *future = "The arrival date cannot be in the future";
  const char *format = "Enter the date as year-month-day, such as 2024-03-15";
  GDate date;

  g_assert_true (escale_calendar_date_parse (today, &date));
  g_date_add_days (&date, 1);
  tomorrow = escale_calendar_date_format (&date);

  {
    const ParseCase cases[] = {
      { ARRIVAL, "2024-03-15", "2024-03-15" },
      { ARRIVAL, "2024/03/15", "2024-03-15" },
      { ARRIVAL, "2024-03-15T14:30:00", "2024-03-15" },
      { ARRIVAL, "2024-03-15 14:30", "2024-03-15" },
      { ARRIVAL, today, today },
      { ARRIVAL, "", "" },
      { ARRIVAL, tomorrow, REFUSED, future },
      { ARRIVAL, "2999-01-01", REFUSED, future },
      { ARRIVAL, "15/03/2024", REFUSED, format },
      { ARRIVAL, "03/15/2024", REFUSED, format },
      { ARRIVAL, "2024-02-30", REFUSED, format },
      { ARRIVAL, "2024-3-15", REFUSED, format },
      { ARRIVAL, "mars 2024", REFUSED, format },
      { ARRIVAL, "2024", REFUSED, format },
    };

    CHECK_CASES (cases, NULL);
  }
}

static void
test_parse_language_licence_noc (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *language_message = "Choose French or English";
  const char *licence_message = "Answer yes or no";
  const char *noc_message = "A NOC 2021 code has 5 digits, such as 21231";
  const ParseCase cases[] = {
    { LANGUAGE, "fr", "French" }, { LANGUAGE, "FR", "French" }, { LANGUAGE, "Français", "French" },
    { LANGUAGE, "francais", "French" }, { LANGUAGE, "French", "French" }, { LANGUAGE, "F", "French" },
    { LANGUAGE, "", "French" }, { LANGUAGE, NULL, "French" },
    { LANGUAGE, "en", "English" }, { LANGUAGE, "Anglais", "English" }, { LANGUAGE, "ENGLISH", "English" },
    { LANGUAGE, "A", "English" }, { LANGUAGE, "e", "English" },
    { LANGUAGE, "espagnol", REFUSED, language_message }, { LANGUAGE, "bilingue", REFUSED, language_message },
    { LICENCE, "oui", "Yes" }, { LICENCE, "Oui ", "Yes" }, { LICENCE, "O", "Yes" }, { LICENCE, "Yes", "Yes" },
    { LICENCE, "y", "Yes" }, { LICENCE, "Vrai", "Yes" }, { LICENCE, "TRUE", "Yes" }, { LICENCE, "1", "Yes" },
    { LICENCE, "x", "Yes" }, { LICENCE, "X", "Yes" },
    { LICENCE, "non", "No" }, { LICENCE, "N", "No" }, { LICENCE, "No", "No" }, { LICENCE, "faux", "No" },
    { LICENCE, "false", "No" }, { LICENCE, "0", "No" }, { LICENCE, "", "No" },
    { LICENCE, "peut-être", REFUSED, licence_message }, { LICENCE, "2", REFUSED, licence_message },
    { NOC, "21231", "21231" }, { NOC, "CNP 21231", "21231" }, { NOC, "21231 – Ingénieurs logiciels", "21231" },
    { NOC, "NOC: 72106", "72106" }, { NOC, "", "" },
    { NOC, "2123", REFUSED, noc_message }, { NOC, "212311", REFUSED, noc_message },
    { NOC, "21231 / 72106", REFUSED, noc_message }, { NOC, "soudeur", REFUSED, noc_message },
  };

  CHECK_CASES (cases, NULL);
}

static void
test_parse_email_and_phones (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *email_message = "Enter an email address such as name@example.org";
  const char *phone_message = "Enter a 10-digit Canadian phone number such as 514 555-0123";
  const ParseCase cases[] = {
    { EMAIL, "Marie.T@Exemple.CA", "Marie.T@exemple.ca" },
    { EMAIL, " marie@exemple.ca" NBSP, "marie@exemple.ca" },
    { EMAIL, "", "" },
    { EMAIL, "marie@", REFUSED, email_message },
    { EMAIL, "marie exemple.ca", REFUSED, email_message },
    { EMAIL, "marie@exemple", REFUSED, email_message },
    { PHONE, "(514) 555-0123", "514 555-0123" },
    { PHONE, "514.555.0123", "514 555-0123" },
    { PHONE, "5145550123", "514 555-0123" },
    { PHONE, "1-514-555-0123", "514 555-0123" },
    { PHONE, "+1 514 555 0123", "514 555-0123" },
    { PHONE, "514" NBSP "555-0123", "514 555-0123" },
    { PHONE, "514 555-0123 poste 204", "514 555-0123 x204" },
    { PHONE, "514-555-0123 ext. 7", "514 555-0123 x7" },
    { PHONE, "", "" },
    { PHONE, "555-0123", REFUSED, phone_message },
    { PHONE, "014 555 0123", REFUSED, phone_message },
    { PHONE, "514 055 0123", REFUSED, phone_message },
    { PHONE, "514-555-O123", REFUSED, phone_message },
    { OTHER_PHONE, "418 555-0199", "418 555-0199" },
    { OTHER_PHONE, "555", REFUSED, phone_message },
  };

  CHECK_CASES (cases, NULL);
}

static void
test_parse_choices (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *choice_message = "“touriste” is not one of the choices";
  const ParseCase cases[] = {
    { STATUS, "Résidente permanente", "Permanent resident" },
    { STATUS, "RÉSIDENT PERMANENT", "Permanent resident" },
    { STATUS, "Résident(e) permanent(e)", "Permanent resident" },
    { STATUS, "RP", "Permanent resident" },
    { STATUS, "pr", "Permanent resident" },
    { STATUS, "permanent-resident", "Permanent resident" },
    { STATUS, "Permanent resident", "Permanent resident" },
    { STATUS, "citoyenne canadienne", "Canadian citizen" },
    { STATUS, "PTO", "Open work permit" },
    { STATUS, "Permis de travail fermé", "Employer-specific work permit" },
    { STATUS, "PVT", "Working holiday permit" },
    { STATUS, "Étudiante étrangère", "International student" },
    { STATUS, "Réfugiée", "Protected person or refugee" },
    { STATUS, "Demandeur d’asile", "Asylum seeker" },
    { STATUS, "demandeuse d'asile", "Asylum seeker" },
    { STATUS, "Autre", "Other status" },
    { STATUS, "inconnu", "" },
    { STATUS, "", "" },
    { STATUS, "touriste", REFUSED, choice_message },
    { EDUCATION, "Baccalauréat", "Bachelor’s degree" },
    { EDUCATION, "BAC", "Bachelor’s degree" },
    { EDUCATION, "Master’s degree", "Master’s degree" },
    { EDUCATION, "maîtrise", "Master’s degree" },
    { EDUCATION, "MBA", "Master’s degree" },
    { EDUCATION, "DEC", "College (CEGEP)" },
    { EDUCATION, "Cégep", "College (CEGEP)" },
    { EDUCATION, "College (CEGEP)", "College (CEGEP)" },
    { EDUCATION, "DEP", "Vocational training" },
    { EDUCATION, "DES", "Secondary school" },
    { EDUCATION, "Ph.D.", "Doctorate" },
    { EDUCATION, "doctorat", "Doctorate" },
    { EDUCATION, "aucun", REFUSED, "“aucun” is not one of the choices" },
  };

  CHECK_CASES (cases, NULL);
}

static void
test_choice_parse (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct
  {
    GType       type;
    const char *text;
    int         expected;
  } cases[] = {
    { ESCALE_TYPE_HOUSEHOLD_RELATION, "Conjointe", ESCALE_HOUSEHOLD_RELATION_SPOUSE },
    { ESCALE_TYPE_HOUSEHOLD_RELATION, "époux", ESCALE_HOUSEHOLD_RELATION_SPOUSE },
    { ESCALE_TYPE_HOUSEHOLD_RELATION, "fils", ESCALE_HOUSEHOLD_RELATION_CHILD },
    { ESCALE_TYPE_HOUSEHOLD_RELATION, "Daughter", ESCALE_HOUSEHOLD_RELATION_CHILD },
    { ESCALE_TYPE_HOUSEHOLD_RELATION, "Other relative", ESCALE_HOUSEHOLD_RELATION_OTHER },
    { ESCALE_TYPE_CONSENT_PURPOSE, "Inscription", ESCALE_CONSENT_PURPOSE_REGISTRATION },
    { ESCALE_TYPE_CONSENT_PURPOSE, "EMPLOYEURS", ESCALE_CONSENT_PURPOSE_EMPLOYERS },
    { ESCALE_TYPE_CONSENT_PURPOSE, "Sharing with regional partners", ESCALE_CONSENT_PURPOSE_PARTNERS },
    { ESCALE_TYPE_CONSENT_PURPOSE, "sondages", ESCALE_CONSENT_PURPOSE_SURVEYS },
    { ESCALE_TYPE_FOLLOW_UP_KIND, "Appel", ESCALE_FOLLOW_UP_KIND_CALL },
    { ESCALE_TYPE_FOLLOW_UP_KIND, "Téléphone", ESCALE_FOLLOW_UP_KIND_CALL },
    { ESCALE_TYPE_FOLLOW_UP_KIND, "courriel", ESCALE_FOLLOW_UP_KIND_EMAIL },
    { ESCALE_TYPE_FOLLOW_UP_KIND, "Rencontre", ESCALE_FOLLOW_UP_KIND_MEETING },
    { ESCALE_TYPE_FOLLOW_UP_KIND, "visite", ESCALE_FOLLOW_UP_KIND_VISIT },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "À faire", ESCALE_FOLLOW_UP_OUTCOME_PENDING },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "Embauché", ESCALE_FOLLOW_UP_OUTCOME_JOB },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "Entrevue", ESCALE_FOLLOW_UP_OUTCOME_INTERVIEW },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "stage", ESCALE_FOLLOW_UP_OUTCOME_INTERNSHIP },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "Établi en région", ESCALE_FOLLOW_UP_OUTCOME_SETTLED },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "ne poursuit pas", ESCALE_FOLLOW_UP_OUTCOME_NOT_PURSUING },
    { ESCALE_TYPE_FOLLOW_UP_OUTCOME, "not-pursuing", ESCALE_FOLLOW_UP_OUTCOME_NOT_PURSUING },
  };
  const struct
  {
    GType type;
    guint count;
  } types[] = {
    { ESCALE_TYPE_IMMIGRATION_STATUS, 10 }, { ESCALE_TYPE_EDUCATION, 7 }, { ESCALE_TYPE_HOUSEHOLD_RELATION, 3 },
    { ESCALE_TYPE_CONSENT_PURPOSE, 4 }, { ESCALE_TYPE_FOLLOW_UP_KIND, 5 }, { ESCALE_TYPE_FOLLOW_UP_OUTCOME, 7 },
  };
  int value;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      value = -1;
      if (!escale_choice_parse (cases[i].type, cases[i].text, &value) || value != cases[i].expected)
        {
          g_test_message ("“%s” was read as %d, expected %d", cases[i].text, value, cases[i].expected);
          g_test_fail ();
        }
    }

  /* Every label and every nick reads back as its value. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_cmpuint (escale_choice_get_count (types[i].type), ==, types[i].count);
      for (guint j = 0; j < types[i].count; j++)
        {
          const char *label = escale_choice_get_label (types[i].type, j);
          const char *nick = escale_choice_get_nick (types[i].type, j);

          g_assert_true (escale_choice_parse (types[i].type, label, &value));
          g_assert_cmpint (value, ==, j);
          g_assert_true (escale_choice_parse (types[i].type, nick, &value));
          g_assert_cmpint (value, ==, j);
          g_assert_true (escale_choice_from_nick (types[i].type, nick, &value));
          g_assert_cmpint (value, ==, j);
        }
    }

  value = 42;
  g_assert_false (escale_choice_parse (ESCALE_TYPE_FOLLOW_UP_KIND, NULL, &value));
  g_assert_false (escale_choice_parse (ESCALE_TYPE_FOLLOW_UP_KIND, "", &value));
  g_assert_false (escale_choice_parse (ESCALE_TYPE_FOLLOW_UP_KIND, "télépathie", &value));
  g_assert_false (escale_choice_from_nick (ESCALE_TYPE_FOLLOW_UP_KIND, NULL, &value));
  g_assert_cmpint (value, ==, 42);
}

/* Regions */

static void
test_parse_regions_by_code (Fixture       *fixture,
                            gconstpointer  data)
{
  const ParseCase cases[] = {
    { REGIONS, "02", "02" },
    { REGIONS, "2", "02" },
    { REGIONS, "02, 8", "02, 08" },
    { REGIONS, "11;2/8|17;1", "11, 02, 08, 17, 01" },
    { REGIONS, "02, 2, 02", "02" },
    { REGIONS, " , 02 ,, ", "02" },
    { REGIONS, "", "" },
    { REGIONS, "0", REFUSED, "“0” is not one of Québec’s 17 regions" },
    { REGIONS, "18", REFUSED, "“18” is not one of Québec’s 17 regions" },
    { REGIONS, "02, 018", REFUSED, "“018” is not one of Québec’s 17 regions" },
    { REGIONS, "Gaspésie", REFUSED, "“Gaspésie” is not one of Québec’s 17 regions" },
  };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *codes = NULL;

  CHECK_CASES (cases, NULL);

  g_assert_true (escale_participant_field_parse (REGIONS, "8, 02", NULL, &value, NULL));
  codes = join_strv (g_value_get_boxed (&value));
  g_assert_cmpstr (codes, ==, "08,02");
}

static void
test_parse_regions_by_name (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *gaspesie = "Gaspésie–Îles-de-la-Madeleine";
  const char *saguenay = "Saguenay–Lac-Saint-Jean";
  const char *abitibi = "Abitibi-Témiscamingue";
  const ParseCase cases[] = {
    { REGIONS, "Gaspésie", gaspesie },
    { REGIONS, "GASPESIE", gaspesie },
    { REGIONS, "Gaspésie–Îles-de-la-Madeleine", gaspesie },
    { REGIONS, "Saguenay", saguenay },
    { REGIONS, "Saguenay-Lac-Saint-Jean", saguenay },
    { REGIONS, "Abitibi-Témiscamingue", abitibi },
    { REGIONS, "abitibi", abitibi },
    { REGIONS, "02", saguenay },
    { REGIONS, "8", abitibi },
    { REGIONS, "Montréal", "Montréal" },
    { REGIONS, "MONTREAL", "Montréal" },
    { REGIONS, "Laval", "Laval" },
    { REGIONS, "Côte", "Côte-Nord" },
    { REGIONS, "Northern Québec", "Northern Québec" },
    { REGIONS, "Gaspésie, Saguenay; 8", "Gaspésie–Îles-de-la-Madeleine, Saguenay–Lac-Saint-Jean, Abitibi-Témiscamingue" },
    { REGIONS, "02, Saguenay, 2", saguenay },
    { REGIONS, "Laurentie", REFUSED, "“Laurentie” is not one of Québec’s 17 regions" },
    /* Two regions start so: Montréal and Montérégie; Laval, Lanaudière
     * and Laurentides; four regions start with C. */
    { REGIONS, "Mont", REFUSED, "“Mont” is not one of Québec’s 17 regions" },
    { REGIONS, "La", REFUSED, "“La” is not one of Québec’s 17 regions" },
    { REGIONS, "C", REFUSED, "“C” is not one of Québec’s 17 regions" },
    { REGIONS, "Saguenay, 18", REFUSED, "“18” is not one of Québec’s 17 regions" },
  };

  CHECK_CASES (cases, region_list (fixture));
}

/* A French registration form imported in an English window, or the
 * reverse: Nord-du-Québec is region 10 whatever the interface speaks. */
static void
test_parse_regions_in_either_language (Fixture       *fixture,
                                       gconstpointer  data)
{
  const ParseCase cases[] = {
    { REGIONS, "Nord-du-Québec", "Northern Québec" },
    { REGIONS, "NORD-DU-QUEBEC", "Northern Québec" },
    { REGIONS, "Nord-du-Québec, Gaspésie", "Northern Québec, Gaspésie–Îles-de-la-Madeleine" },
  };

  CHECK_CASES (cases, region_list (fixture));
}

/* A spreadsheet cell with one region per line (Alt+Enter in a spreadsheet). */
static void
test_parse_regions_on_separate_lines (Fixture       *fixture,
                                      gconstpointer  data)
{
  const ParseCase by_code[] = {
    { REGIONS, "11\n02", "11, 02" },
    { REGIONS, "11\r\n02\r\n", "11, 02" },
  };
  const ParseCase by_name[] = {
    { REGIONS, "Saguenay\nGaspésie", "Saguenay–Lac-Saint-Jean, Gaspésie–Îles-de-la-Madeleine" },
  };

  CHECK_CASES (by_code, NULL);
  CHECK_CASES (by_name, region_list (fixture));
}

/* Writing back */

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (G_VALUE_HOLDS_ENUM (a))
    return g_value_get_enum (a) == g_value_get_enum (b);
  {
    const char * const empty[] = { NULL };
    const char * const *strv_a = g_value_get_boxed (a);
    const char * const *strv_b = g_value_get_boxed (b);

    return g_strv_equal (strv_a != NULL ? strv_a : empty, strv_b != NULL ? strv_b : empty);
  }
}

/* Each field of @participant, written and read back, is the same value. */
static void
assert_round_trip (EscaleParticipant *participant,
                   GListModel        *regions)
{
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      const GValue *value = escale_participant_get_value (participant, i);
      g_autofree char *text = escale_participant_field_format (i, value, regions);
      g_auto(GValue) read = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      if (!escale_participant_field_parse (i, text, regions, &read, &error))
        {
          g_test_message ("%s “%s” is refused: %s", escale_participant_field_get_name (i), text, error->message);
          g_test_fail ();
        }
      else if (!values_equal (value, &read))
        {
          g_autofree char *again = escale_participant_field_format (i, &read, regions);

          g_test_message ("%s “%s” reads back as “%s”", escale_participant_field_get_name (i), text, again);
          g_test_fail ();
        }
    }
}

static EscaleParticipant *
every_field (void)
{
  return new_participant ("Marie-Ève", "Tremblay",
                          ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME, "Marivé",
                          BIRTH, "1988",
                          EMAIL, "Marie.T@exemple.ca",
                          PHONE, "514 555-0123 x204",
                          OTHER_PHONE, "418 555-0199",
                          CITY, "Longueuil",
                          LANGUAGE, "en",
                          STATUS, "PTO",
                          ARRIVAL, "2024-03-15",
                          ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN, "Colombie",
                          FRENCH, "7",
                          ENGLISH, "12",
                          ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES, "Espagnol, portugais",
                          EDUCATION, "maîtrise",
                          ESCALE_PARTICIPANT_FIELD_OCCUPATION, "Soudeuse",
                          NOC, "72106",
                          EXPERIENCE, "0",
                          LICENCE, "oui",
                          REGIONS, "11, 02, 10, 8",
                          ESCALE_PARTICIPANT_FIELD_SOURCE, "Salon de l'emploi; site web",
                          END_OF_FIELDS);
}

static void
test_format_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EscaleParticipant) full = every_field ();
  g_autoptr(EscaleParticipant) empty = new_participant ("Ahmed", "Benali", END_OF_FIELDS);
  const struct
  {
    EscaleParticipantField  field;
    const char             *with_names;
    const char             *with_codes;
  } texts[] = {
    { BIRTH, "1988", "1988" },
    { LANGUAGE, "English", "English" },
    { STATUS, "Open work permit", "Open work permit" },
    { EDUCATION, "Master’s degree", "Master’s degree" },
    { EXPERIENCE, "0", "0" },
    { LICENCE, "Yes", "Yes" },
    { REGIONS, "Gaspésie–Îles-de-la-Madeleine, Saguenay–Lac-Saint-Jean, Northern Québec, Abitibi-Témiscamingue",
      "11, 02, 10, 08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const GValue *value = escale_participant_get_value (full, texts[i].field);
      g_autofree char *with_names = escale_participant_field_format (texts[i].field, value, region_list (fixture));
      g_autofree char *with_codes = escale_participant_field_format (texts[i].field, value, NULL);

      g_assert_cmpstr (with_names, ==, texts[i].with_names);
      g_assert_cmpstr (with_codes, ==, texts[i].with_codes);
    }

  assert_round_trip (full, region_list (fixture));
  assert_round_trip (full, NULL);
  assert_round_trip (empty, region_list (fixture));
  assert_round_trip (empty, NULL);

  /* Unknown values are written as nothing. */
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *text = escale_participant_field_format (i, escale_participant_get_value (empty, i), NULL);
      const char *expected = i == GIVEN ? "Ahmed" : i == FAMILY ? "Benali" : i == LANGUAGE ? "French" : i == LICENCE ? "No" : "";

      g_assert_cmpstr (text, ==, expected);
    }

  /* Every status and every level of education. */
  for (int i = 0; i < (int) escale_choice_get_count (ESCALE_TYPE_IMMIGRATION_STATUS); i++)
    {
      g_autoptr(EscaleParticipant) participant = new_participant ("Ahmed", "Benali", END_OF_FIELDS);

      g_object_set (participant, "immigration-status", i, NULL);
      assert_round_trip (participant, NULL);
    }
  for (int i = 0; i < (int) escale_choice_get_count (ESCALE_TYPE_EDUCATION); i++)
    {
      g_autoptr(EscaleParticipant) participant = new_participant ("Ahmed", "Benali", END_OF_FIELDS);

      g_object_set (participant, "education", i, NULL);
      assert_round_trip (participant, NULL);
    }
}

/* A French-speaking counsellor's window writes French, and reads it back. */
static void
test_format_round_trip_in_french (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(EscaleParticipant) full = NULL;
  g_autoptr(GError) error = NULL;
  EscaleParticipantForm form = { { NULL } };
  const struct
  {
    EscaleParticipantField  field;
    const char             *text;
  } texts[] = {
    { LANGUAGE, "Anglais" },
    { STATUS, "Permis de travail ouvert" },
    { EDUCATION, "Maîtrise" },
    { LICENCE, "Oui" },
    { REGIONS, "Gaspésie–Îles-de-la-Madeleine, Saguenay–Lac-Saint-Jean, Nord-du-Québec, Abitibi-Témiscamingue" },
  };

  if (run_in_subprocess (fixture))
    return;

  g_setenv ("LANGUAGE", "fr", TRUE);
  escale_locale_init ();

  full = every_field ();
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = escale_participant_field_format (texts[i].field,
                                                               escale_participant_get_value (full, texts[i].field),
                                                               region_list (fixture));

      g_assert_cmpstr (text, ==, texts[i].text);
    }
  assert_round_trip (full, region_list (fixture));

  /* And says what is wrong in French. */
  form.values[GIVEN] = "Marie";
  form.values[BIRTH] = "88";
  g_assert_false (escale_participant_form_apply (&form, NULL, full, &error));
  g_assert_cmpstr (error->message, ==, "Nom de famille" NBSP ": Ce champ est obligatoire");
}

/* Forms */

static void
test_form_check (Fixture       *fixture,
                 gconstpointer  data)
{
  EscaleParticipantForm form = { { NULL } };
  char *messages[ESCALE_N_PARTICIPANT_FIELDS];
  g_autofree char *next_year = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  next_year = g_strdup_printf ("%d", g_date_time_get_year (now) + 1);
  form.values[FAMILY] = NBSP;
  form.values[BIRTH] = next_year;
  form.values[EMAIL] = "marie@";
  form.values[PHONE] = "555-0123";
  form.values[FRENCH] = "13";
  form.values[REGIONS] = "Gaspésie, Laurentie";
  form.values[NOC] = "123";
  form.values[CITY] = "Rimouski";

  g_assert_false (escale_participant_form_check (&form, region_list (fixture), messages));
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      const char *expected = NULL;

      switch (i)
        {
        case GIVEN:
        case FAMILY: expected = "This field is required"; break;
        case BIRTH: expected = "Enter a year of birth such as 1988"; break;
        case EMAIL: expected = "Enter an email address such as name@example.org"; break;
        case PHONE: expected = "Enter a 10-digit Canadian phone number such as 514 555-0123"; break;
        case FRENCH: expected = "Enter a level from 1 to 12"; break;
        case REGIONS: expected = "“Laurentie” is not one of Québec’s 17 regions"; break;
        case NOC: expected = "A NOC 2021 code has 5 digits, such as 21231"; break;
        default: break;
        }

      if (g_strcmp0 (messages[i], expected) != 0)
        {
          g_test_message ("%s: “%s”, expected “%s”", escale_participant_field_get_name (i), messages[i], expected);
          g_test_fail ();
        }
    }
  escale_form_messages_clear (messages, ESCALE_N_PARTICIPANT_FIELDS);

  form.values[GIVEN] = "Marie";
  form.values[FAMILY] = "Tremblay";
  form.values[BIRTH] = "1988";
  form.values[EMAIL] = "marie@exemple.ca";
  form.values[PHONE] = "514 555-0123";
  form.values[FRENCH] = "NCLC 7";
  form.values[REGIONS] = "Gaspésie, 02";
  form.values[NOC] = "CNP 72106";
  g_assert_true (escale_participant_form_check (&form, region_list (fixture), messages));
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    g_assert_null (messages[i]);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *notified)
{
  g_string_append_printf (notified, "%s%s", notified->len > 0 ? " " : "", pspec->name);
}

static void
test_form_apply (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EscaleParticipant) participant = every_field ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notified = g_string_new (NULL);
  g_autofree char *before = describe_participant (participant, NULL);
  g_autofree char *after = NULL;
  g_autofree char *regions = NULL;
  EscaleParticipantForm form = { { NULL } };

  g_signal_connect (participant, "notify", G_CALLBACK (on_notify), notified);

  /* All or nothing: the first wrong field is named, nothing is changed. */
  form.values[GIVEN] = "Marie";
  form.values[FAMILY] = "Gagnon";
  form.values[EMAIL] = "marie@";
  form.values[PHONE] = "555";
  form.values[REGIONS] = "Laurentie";
  g_assert_false (escale_participant_form_apply (&form, region_list (fixture), participant, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Email: Enter an email address such as name@example.org");
  g_clear_error (&error);
  after = describe_participant (participant, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (notified->str, ==, "");

  form.values[EMAIL] = NULL;
  form.values[PHONE] = NULL;
  g_assert_false (escale_participant_form_apply (&form, region_list (fixture), participant, &error));
  g_assert_cmpstr (error->message, ==, "Regions of interest: “Laurentie” is not one of Québec’s 17 regions");
  g_clear_error (&error);

  form.values[GIVEN] = NBSP " ";
  g_assert_false (escale_participant_form_apply (&form, region_list (fixture), participant, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "Given name: This field is required");
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = describe_participant (participant, NULL);
  g_assert_cmpstr (after, ==, before);

  /* The form is the whole file: what it leaves empty is emptied. */
  form.values[GIVEN] = " Marie ";
  form.values[REGIONS] = "Saguenay, Gaspésie";
  form.values[CITY] = "Longueuil";
  g_assert_true (escale_participant_form_apply (&form, region_list (fixture), participant, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_participant_get_given_name (participant), ==, "Marie");
  g_assert_cmpstr (escale_participant_get_family_name (participant), ==, "Gagnon");
  g_assert_null (escale_participant_get_text (participant, EMAIL));
  g_assert_cmpstr (escale_participant_get_text (participant, CITY), ==, "Longueuil");
  g_assert_cmpint (escale_participant_get_number (participant, EXPERIENCE), ==, -1);
  g_assert_false (escale_participant_get_driving_licence (participant));
  regions = join_strv (escale_participant_get_regions (participant));
  g_assert_cmpstr (regions, ==, "02,11");

  /* Each changed property is notified once; unchanged ones are not. */
  g_assert_null (strstr (notified->str, "city"));
  g_assert_nonnull (strstr (notified->str, "given-name"));
  g_assert_nonnull (strstr (notified->str, "regions"));
  g_assert_null (strstr (strstr (notified->str, "regions") + 1, "regions"));
  g_string_truncate (notified, 0);
  g_assert_true (escale_participant_form_apply (&form, region_list (fixture), participant, &error));
  g_assert_cmpstr (notified->str, ==, "");
}

/* Column headers */

static void
test_field_guess (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct
  {
    const char *header;
    int         field;
  } headers[] = {
    { "Prénom", GIVEN }, { "PRÉNOM :", GIVEN }, { "Prénom" NBSP ":", GIVEN }, { "First name", GIVEN },
    { "given-name", GIVEN }, { "  Given   name ", GIVEN },
    { "Nom de famille", FAMILY }, { "Nom", FAMILY }, { "Last Name", FAMILY }, { "Surname", FAMILY },
    { "Nom d’usage", ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME },
    { "Date de naissance", BIRTH }, { "Year of birth", BIRTH }, { "Année de naissance", BIRTH },
    { "Courriel", EMAIL }, { "E-mail", EMAIL }, { "Adresse électronique", EMAIL },
    { "Téléphone", PHONE }, { "Tél.", PHONE }, { "Cellulaire", PHONE }, { "Phone number", PHONE },
    { "Téléphone 2", OTHER_PHONE }, { "Other phone", OTHER_PHONE },
    { "Ville", CITY }, { "Municipalité", CITY },
    { "Langue de communication", LANGUAGE },
    { "Statut d’immigration", STATUS }, { "Immigration status", STATUS },
    { "Date d’arrivée au Québec" NBSP ":", ARRIVAL }, { "Arrival date", ARRIVAL },
    { "Pays d'origine", ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN },
    { "Niveau de français", FRENCH }, { "French level (1–12)", FRENCH }, { "Niveau d'anglais", ENGLISH },
    { "Autres langues", ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES },
    { "Scolarité", EDUCATION }, { "Plus haut diplôme", EDUCATION },
    { "Profession", ESCALE_PARTICIPANT_FIELD_OCCUPATION }, { "Métier", ESCALE_PARTICIPANT_FIELD_OCCUPATION },
    { "CNP", NOC }, { "Code CNP", NOC }, { "NOC 2021", NOC },
    { "Années d’expérience", EXPERIENCE }, { "Years of experience", EXPERIENCE },
    { "Permis de conduire", LICENCE }, { "Driver's licence", LICENCE },
    { "Régions d’intérêt", REGIONS }, { "Regions of interest", REGIONS },
    { "Comment nous avez-vous connus ?", ESCALE_PARTICIPANT_FIELD_SOURCE },
    { "How did you hear about us?", ESCALE_PARTICIPANT_FIELD_SOURCE },
    { "Remarques", -1 }, { "Numéro d’assurance sociale", -1 }, { "", -1 }, { " : ", -1 }, { NULL, -1 },
  };
  EscaleParticipantField field;

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      gboolean found;

      field = (EscaleParticipantField) 99;
      found = escale_participant_field_guess (headers[i].header, &field);
      if (found != (headers[i].field >= 0) || (found && (int) field != headers[i].field))
        {
          g_test_message ("“%s” was read as %d, expected %d", headers[i].header, found ? (int) field : -1,
                          headers[i].field);
          g_test_fail ();
        }
    }

  /* Every field's own name and label. */
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_assert_true (escale_participant_field_guess (escale_participant_field_get_name (i), &field));
      g_assert_cmpint (field, ==, i);
      g_assert_true (escale_participant_field_guess (escale_participant_field_get_label (i), &field));
      g_assert_cmpint (field, ==, i);
      g_assert_true (escale_participant_field_from_name (escale_participant_field_get_name (i), &field));
      g_assert_cmpint (field, ==, i);
      g_assert_cmpint (escale_participant_field_is_sensitive (i), ==, i == STATUS);
    }
  g_assert_false (escale_participant_field_from_name ("prenom", &field));
  g_assert_false (escale_participant_field_from_name (NULL, &field));

  g_assert_true (escale_participant_field_get_value_type (GIVEN) == G_TYPE_STRING);
  g_assert_true (escale_participant_field_get_value_type (BIRTH) == G_TYPE_INT);
  g_assert_true (escale_participant_field_get_value_type (STATUS) == ESCALE_TYPE_IMMIGRATION_STATUS);
  g_assert_true (escale_participant_field_get_value_type (EDUCATION) == ESCALE_TYPE_EDUCATION);
  g_assert_true (escale_participant_field_get_value_type (LICENCE) == G_TYPE_BOOLEAN);
  g_assert_true (escale_participant_field_get_value_type (REGIONS) == G_TYPE_STRV);
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
  ADD ("/participant-form/parse/names-and-text", test_parse_names_and_text);
  ADD ("/participant-form/parse/numbers", test_parse_numbers);
  ADD ("/participant-form/parse/arrival", test_parse_arrival);
  ADD ("/participant-form/parse/language-licence-noc", test_parse_language_licence_noc);
  ADD ("/participant-form/parse/email-and-phones", test_parse_email_and_phones);
  ADD ("/participant-form/parse/choices", test_parse_choices);
  ADD ("/participant-form/parse/regions-by-code", test_parse_regions_by_code);
  ADD ("/participant-form/parse/regions-by-name", test_parse_regions_by_name);
  ADD ("/participant-form/parse/regions-in-either-language", test_parse_regions_in_either_language);
  ADD ("/participant-form/parse/regions-on-separate-lines", test_parse_regions_on_separate_lines);
  ADD ("/participant-form/choice-parse", test_choice_parse);
  ADD ("/participant-form/format/round-trip", test_format_round_trip);
  ADD ("/participant-form/format/round-trip-in-french", test_format_round_trip_in_french);
  ADD ("/participant-form/check", test_form_check);
  ADD ("/participant-form/apply", test_form_apply);
  ADD ("/participant-form/field-guess", test_field_guess);
#undef ADD

  return g_test_run ();
}
