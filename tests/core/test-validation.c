/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include "escale-calendar-date.h"
#include "escale-partner-form.h"
#include "escale-partner-private.h"
#include "escale-partner-query.h"
#include "escale-search-text.h"
#include "escale-validation.h"

/* What a counsellor types into the editors, what Escale keeps of it, and how
 * the directory finds and orders partners: all without a database. */

#define EMAIL_MESSAGE "Enter an email address such as name@example.org"
#define PHONE_MESSAGE "Enter a 10-digit Canadian phone number such as 514 555-0123"
#define POSTAL_MESSAGE "Enter a Canadian postal code such as G5L 3A1"
#define WEBSITE_MESSAGE "Enter a web address such as https://example.org"
#define DEGREES_MESSAGE "Enter a number of degrees such as 48.45"
#define BOTH_MESSAGE "Enter both the latitude and the longitude, or neither"
#define NAME_MESSAGE "Enter the organisation’s name"

typedef gboolean (*Normalizer) (const char  *input,
                                char       **normalized,
                                GError     **error);

typedef struct
{
  const char *input;
  const char *expected;   /* NULL: refused */
} Case;

/* Runs every case; a refused input leaves no value behind and explains
 * itself with @refusal, the message shown under the field. */
static void
check_cases (Normalizer  normalize,
             const Case *cases,
             gsize       n_cases,
             const char *refusal)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean accepted;

      g_test_message ("input “%s”", cases[i].input);
      accepted = normalize (cases[i].input, &normalized, &error);

      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (accepted);
          g_assert_cmpstr (normalized, ==, cases[i].expected);
        }
      else
        {
          g_assert_false (accepted);
          g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, refusal);
          g_assert_null (normalized);
        }
    }
}

static void
test_text (void)
{
  const Case cases[] = {
    { "Place aux jeunes", "Place aux jeunes" },
    { "  Place  aux jeunes\tRimouski \n", "Place aux jeunes Rimouski" },
    { "\r\nCégep\r\nde   Matane\r\n", "Cégep de Matane" },
    { "Îles-de-la-Madeleine", "Îles-de-la-Madeleine" },
    { "", NULL },
    { " \t\r\n ", NULL },
  };
  g_autofree char *missing = escale_normalize_text (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = escale_normalize_text (cases[i].input);

      g_test_message ("input “%s”", cases[i].input);
      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }
  g_assert_null (missing);
}

static void
test_empty_fields_are_allowed (void)
{
  const Normalizer normalizers[] = {
    escale_normalize_email,
    escale_normalize_phone,
    escale_normalize_postal_code,
    escale_normalize_website,
  };
  const char *blanks[] = { NULL, "", "   ", " \t " };

  /* An optional field left empty is fine, and stored as nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (normalizers); i++)
    {
      for (guint b = 0; b < G_N_ELEMENTS (blanks); b++)
        {
          g_autoptr(GError) error = NULL;
          char *normalized = (char *) "untouched";

          g_assert_true (normalizers[i] (blanks[b], &normalized, &error));
          g_assert_no_error (error);
          g_assert_null (normalized);
        }
    }
}

static void
test_email (void)
{
  const Case cases[] = {
    { "info@cldc-rimouski.ca", "info@cldc-rimouski.ca" },
    /* The domain is lowered, the mailbox kept as typed. */
    { "  Marie.Tremblay@CJE-Matane.QC.CA ", "Marie.Tremblay@cje-matane.qc.ca" },
    { "josee+emplois@example.org", "josee+emplois@example.org" },
    { "élise@accueil-gaspé.example", "élise@accueil-gaspé.example" },
    { "info@localhost", NULL },
    { "info.cldc-rimouski.ca", NULL },
    { "info@@cldc.ca", NULL },
    { "info@cldc@rimouski.ca", NULL },
    { "marie tremblay@cldc.ca", NULL },
    { "@cldc.ca", NULL },
    { "info@", NULL },
    { "info@cldc.c", NULL },
    { "info@cldc.ca.", NULL },
    { "info@cldc..ca", NULL },
    { "info@.cldc.ca", NULL },
    { "info@cldc.c4", NULL },
  };

  check_cases (escale_normalize_email, cases, G_N_ELEMENTS (cases), EMAIL_MESSAGE);
}

static void
test_phone (void)
{
  const Case cases[] = {
    { "5145550123", "514 555-0123" },
    { "4185550123", "418 555-0123" },
    { "(418) 555-0123", "418 555-0123" },
    { "418.555.0123", "418 555-0123" },
    { "418-555-0123", "418 555-0123" },
    { " 418   555 0123 ", "418 555-0123" },
    /* The country code is dropped: every number is Canadian. */
    { "+1 418 555-0123", "418 555-0123" },
    { "1-800-555-0199", "800 555-0199" },
    { "14185550123", "418 555-0123" },
    /* Extensions, however they are written, become " x…". */
    { "514 555-0123 x204", "514 555-0123 x204" },
    { "514 555-0123 X204", "514 555-0123 x204" },
    { "514 555-0123 poste 204", "514 555-0123 x204" },
    { "514 555-0123 Poste204", "514 555-0123 x204" },
    { "514-555-0123, ext. 12", "514 555-0123 x12" },
    { "514 555-0123 EXT 12", "514 555-0123 x12" },
    { "514 555-0123 extension 5", "514 555-0123 x5" },
    { "418-555-0170 p. 3", "418 555-0170 x3" },
    { "418-555-0170 post. 3", "418 555-0170 x3" },
    { "514 555 0123 #7", "514 555-0123 x7" },
    { "514 555-0123 x123456", "514 555-0123 x123456" },
    { "555-0123", NULL },
    { "014 555-0123", NULL },
    { "114 555-0123", NULL },
    { "514 155-0123", NULL },
    { "514 055-0123", NULL },
    { "418 555-01234", NULL },
    { "24185550123", NULL },
    { "418 CJE-0123", NULL },
    { "418/555/0123", NULL },
    { "514 555-0123 x", NULL },
    { "514 555-0123 x1234567", NULL },
    { "x204", NULL },
  };

  check_cases (escale_normalize_phone, cases, G_N_ELEMENTS (cases), PHONE_MESSAGE);
}

static void
test_postal_code (void)
{
  const Case cases[] = {
    { "G5L 3A1", "G5L 3A1" },
    { "g5l3a1", "G5L 3A1" },
    { " h2x-1y4 ", "H2X 1Y4" },
    { "G5L\t3A1", "G5L 3A1" },
    { "g 5 l 3 a 1", "G5L 3A1" },
    { "X0A 0H0", "X0A 0H0" },
    /* W and Z may follow the first letter. */
    { "K1W 0Z9", "K1W 0Z9" },
    { "D5L 3A1", NULL },    /* Canada Post never uses D */
    { "F5L 3A1", NULL },
    { "I5L 3A1", NULL },
    { "O5L 3A1", NULL },
    { "Q5L 3A1", NULL },
    { "U5L 3A1", NULL },
    { "W5L 3A1", NULL },    /* nor W or Z in first position */
    { "Z5L 3A1", NULL },
    { "G5O 3A1", NULL },
    { "G5L 3U1", NULL },
    { "G5L 3A", NULL },
    { "G5L 3A1 0", NULL },
    { "5GL 3A1", NULL },
    { "12345", NULL },
    { "90210-1234", NULL },
  };

  check_cases (escale_normalize_postal_code, cases, G_N_ELEMENTS (cases), POSTAL_MESSAGE);
}

static void
test_website (void)
{
  const Case cases[] = {
    { "https://www.cldc-rimouski.ca", "https://www.cldc-rimouski.ca" },
    /* People type the bare name, as in a browser. */
    { "cldc-rimouski.ca", "https://cldc-rimouski.ca" },
    { " www.cldc-rimouski.ca/emplois ", "https://www.cldc-rimouski.ca/emplois" },
    { "http://ville.matane.qc.ca/emplois", "http://ville.matane.qc.ca/emplois" },
    { "https://cldc.example:8443/offres?region=01", "https://cldc.example:8443/offres?region=01" },
    { "ftp://cldc-rimouski.ca", NULL },
    { "javascript://cldc.ca/%0Aalert(1)", NULL },
    { "cldc rimouski.ca", NULL },
    { "https://cldc rimouski.ca", NULL },
    { "localhost", NULL },
    { "https://localhost/", NULL },
    { "https://.ca", NULL },
    { "https://cldc.ca.", NULL },
    { "https://", NULL },
    /* An email address in the wrong field, and malformed names. */
    { "info@cldc-rimouski.ca", NULL },
    { "https://cldc..ca", NULL },
    { "https://-cldc.ca", NULL },
    { "https://cldc-.ca", NULL },
  };

  check_cases (escale_normalize_website, cases, G_N_ELEMENTS (cases), WEBSITE_MESSAGE);
}

static void
test_coordinates (void)
{
  const struct
  {
    const char *input;
    double      limit;
    double      expected;
  } accepted[] = {
    { "48.4490", 90, 48.449 },
    /* French keyboards type a decimal comma. */
    { " -68,5230 ", 180, -68.523 },
    { "46,81", 90, 46.81 },
    { "90", 90, 90 },
    { "-90", 90, -90 },
    { "-180", 180, -180 },
    { "0", 90, 0 },
  };
  const struct
  {
    const char *input;
    double      limit;
    const char *message;
  } refused[] = {
    { "91", 90, "Enter a number between -90 and 90" },
    { "-90.0001", 90, "Enter a number between -90 and 90" },
    { "-180", 90, "Enter a number between -90 and 90" },
    { "180,5", 180, "Enter a number between -180 and 180" },
    { "48°27′N", 90, DEGREES_MESSAGE },
    { "48.45 N", 90, DEGREES_MESSAGE },
    { "1,234.5", 90, DEGREES_MESSAGE },
    { "48,4,5", 90, DEGREES_MESSAGE },
    { "nord", 90, DEGREES_MESSAGE },
    { "nan", 90, DEGREES_MESSAGE },
    { "inf", 180, DEGREES_MESSAGE },
  };
  const char *blanks[] = { NULL, "", "  " };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean present = FALSE;
      double value = 1000;

      g_test_message ("input “%s”", accepted[i].input);
      g_assert_true (escale_parse_coordinate (accepted[i].input, accepted[i].limit, &present, &value, &error));
      g_assert_no_error (error);
      g_assert_true (present);
      g_assert_cmpfloat_with_epsilon (value, accepted[i].expected, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean present = TRUE;
      double value = 1000;

      g_test_message ("input “%s”", refused[i].input);
      g_assert_false (escale_parse_coordinate (refused[i].input, refused[i].limit, &present, &value, &error));
      g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_assert_false (present);
    }

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean present = TRUE;
      double value = 1000;

      g_assert_true (escale_parse_coordinate (blanks[i], 90, &present, &value, &error));
      g_assert_no_error (error);
      g_assert_false (present);
    }
}

/* A form as a counsellor fills it in when everything is right. */
static EscalePartnerForm
good_partner_form (void)
{
  EscalePartnerForm form = {
    .name = "  Place aux jeunes  Rimouski-Neigette ",
    .kind = ESCALE_PARTNER_KIND_REGIONAL_HOST,
    .region_code = "01",
    .address = " 120, rue  Saint-Germain Est ",
    .city = " Rimouski ",
    .postal_code = "g5l3a1",
    .latitude = "48,449",
    .longitude = "-68.523",
    .website = "placeauxjeunes.example",
    .phone = "(418) 555-0142 poste 204",
    .email = "Info@PlaceAuxJeunes.example",
    .tags = " logement,  emploi ",
    .notes = "\n  Rencontre annuelle en mai.\nApporter les dépliants.  \n",
  };

  return form;
}

static void
assert_no_messages (char  **messages,
                    guint   n_messages)
{
  for (guint i = 0; i < n_messages; i++)
    {
      g_test_message ("field %u", i);
      g_assert_null (messages[i]);
    }
}

static void
test_partner_form_accepts_good_form (void)
{
  EscalePartnerForm form = good_partner_form ();
  char *messages[ESCALE_N_PARTNER_FIELDS];

  /* Whatever the array held before, a good form leaves it empty. */
  for (guint i = 0; i < ESCALE_N_PARTNER_FIELDS; i++)
    messages[i] = (char *) "stale";

  g_assert_true (escale_partner_form_check (&form, messages));
  assert_no_messages (messages, ESCALE_N_PARTNER_FIELDS);
}

static void
test_partner_form_requires_name (void)
{
  const char *names[] = { NULL, "", "   ", "\t\n" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EscalePartnerForm form = { .name = names[i], .kind = ESCALE_PARTNER_KIND_EMPLOYER };
      char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };

      g_assert_false (escale_partner_form_check (&form, messages));
      g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_NAME], ==, NAME_MESSAGE);
      for (guint field = ESCALE_PARTNER_FIELD_POSTAL_CODE; field < ESCALE_N_PARTNER_FIELDS; field++)
        g_assert_null (messages[field]);
      escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);
    }

  /* The name is the only thing a partner needs. */
  {
    EscalePartnerForm form = { .name = "CLD", .kind = ESCALE_PARTNER_KIND_OTHER };
    char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };

    g_assert_true (escale_partner_form_check (&form, messages));
    assert_no_messages (messages, ESCALE_N_PARTNER_FIELDS);
  }
}

static void
test_partner_form_reports_each_field (void)
{
  EscalePartnerForm form = {
    .name = "   ",
    .kind = ESCALE_PARTNER_KIND_EMPLOYER,
    .postal_code = "D5L 3A1",
    .latitude = "48.45 N",
    .longitude = "-200",
    .website = "cldc rimouski",
    .phone = "555-0123",
    .email = "info@",
  };
  char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };

  g_assert_false (escale_partner_form_check (&form, messages));

  /* Every wrong field gets its own message, all at once. */
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_NAME], ==, NAME_MESSAGE);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_POSTAL_CODE], ==, POSTAL_MESSAGE);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_LATITUDE], ==, DEGREES_MESSAGE);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_LONGITUDE], ==, "Enter a number between -180 and 180");
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_WEBSITE], ==, WEBSITE_MESSAGE);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_PHONE], ==, PHONE_MESSAGE);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_EMAIL], ==, EMAIL_MESSAGE);

  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);
  assert_no_messages (messages, ESCALE_N_PARTNER_FIELDS);
}

static void
test_partner_form_only_wrong_fields (void)
{
  EscalePartnerForm form = good_partner_form ();
  char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };

  form.phone = "418 555-01";
  g_assert_false (escale_partner_form_check (&form, messages));
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_PHONE], ==, PHONE_MESSAGE);
  for (guint field = 0; field < ESCALE_N_PARTNER_FIELDS; field++)
    {
      if (field != ESCALE_PARTNER_FIELD_PHONE)
        g_assert_null (messages[field]);
    }
  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);
}

static void
test_partner_form_half_a_position (void)
{
  EscalePartnerForm latitude_only = { .name = "CLD", .latitude = "48.45", .longitude = " " };
  EscalePartnerForm longitude_only = { .name = "CLD", .longitude = "-68,52" };
  EscalePartnerForm wrong_and_missing = { .name = "CLD", .latitude = "480" };
  EscalePartnerForm wrong_and_right = { .name = "CLD", .latitude = "480", .longitude = "-68.5" };
  char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };

  /* The message goes under the field that is missing. */
  g_assert_false (escale_partner_form_check (&latitude_only, messages));
  g_assert_null (messages[ESCALE_PARTNER_FIELD_LATITUDE]);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_LONGITUDE], ==, BOTH_MESSAGE);
  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);

  g_assert_false (escale_partner_form_check (&longitude_only, messages));
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_LATITUDE], ==, BOTH_MESSAGE);
  g_assert_null (messages[ESCALE_PARTNER_FIELD_LONGITUDE]);
  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);

  /* A wrong value is reported as wrong, not as missing its partner. */
  g_assert_false (escale_partner_form_check (&wrong_and_missing, messages));
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_LATITUDE], ==, "Enter a number between -90 and 90");
  g_assert_null (messages[ESCALE_PARTNER_FIELD_LONGITUDE]);
  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);

  g_assert_false (escale_partner_form_check (&wrong_and_right, messages));
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_LATITUDE], ==, "Enter a number between -90 and 90");
  g_assert_null (messages[ESCALE_PARTNER_FIELD_LONGITUDE]);
  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);
}

static void
test_partner_form_apply (void)
{
  EscalePartnerForm form = good_partner_form ();
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  double latitude = 0, longitude = 0;

  g_assert_true (escale_partner_form_apply (&form, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_partner_get_name (partner), ==, "Place aux jeunes Rimouski-Neigette");
  g_assert_cmpint (escale_partner_get_kind (partner), ==, ESCALE_PARTNER_KIND_REGIONAL_HOST);
  g_assert_cmpstr (escale_partner_get_region_code (partner), ==, "01");
  g_assert_cmpstr (escale_partner_get_address (partner), ==, "120, rue Saint-Germain Est");
  g_assert_cmpstr (escale_partner_get_city (partner), ==, "Rimouski");
  g_assert_cmpstr (escale_partner_get_postal_code (partner), ==, "G5L 3A1");
  g_assert_cmpstr (escale_partner_get_phone (partner), ==, "418 555-0142 x204");
  g_assert_cmpstr (escale_partner_get_email (partner), ==, "Info@placeauxjeunes.example");
  g_assert_cmpstr (escale_partner_get_website (partner), ==, "https://placeauxjeunes.example");
  g_assert_cmpstr (escale_partner_get_tags (partner), ==, "logement, emploi");
  /* Notes keep their inner line break, not the blank space around. */
  g_assert_cmpstr (escale_partner_get_notes (partner), ==, "Rencontre annuelle en mai.\nApporter les dépliants.");
  g_assert_true (escale_partner_get_coordinates (partner, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, 48.449, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, -68.523, 1e-9);

  tags = escale_partner_dup_tag_list (partner);
  g_assert_cmpstrv (tags, ((const char *[]) { "logement", "emploi", NULL }));
}

static void
test_partner_form_apply_clears_emptied_fields (void)
{
  EscalePartnerForm full = good_partner_form ();
  EscalePartnerForm emptied = {
    .name = "Place aux jeunes",
    .kind = ESCALE_PARTNER_KIND_OTHER,
    .region_code = "",
    .address = " ",
    .postal_code = "",
    .latitude = "",
    .longitude = " ",
    .website = "",
    .phone = "  ",
    .email = NULL,
    .tags = " ",
    .notes = " \n ",
  };
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_partner_form_apply (&full, partner, &error));
  g_assert_true (escale_partner_get_coordinates (partner, NULL, NULL));

  /* Emptying a field in the editor removes the value. */
  g_assert_true (escale_partner_form_apply (&emptied, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_partner_get_name (partner), ==, "Place aux jeunes");
  g_assert_cmpint (escale_partner_get_kind (partner), ==, ESCALE_PARTNER_KIND_OTHER);
  g_assert_null (escale_partner_get_region_code (partner));
  g_assert_null (escale_partner_get_address (partner));
  g_assert_null (escale_partner_get_city (partner));
  g_assert_null (escale_partner_get_postal_code (partner));
  g_assert_null (escale_partner_get_website (partner));
  g_assert_null (escale_partner_get_phone (partner));
  g_assert_null (escale_partner_get_email (partner));
  g_assert_null (escale_partner_get_tags (partner));
  g_assert_null (escale_partner_get_notes (partner));
  g_assert_false (escale_partner_get_coordinates (partner, NULL, NULL));
}

static void
test_partner_form_apply_refuses (void)
{
  EscalePartnerForm bad_email = good_partner_form ();
  EscalePartnerForm no_name = { .name = " ", .email = "not an address", .phone = "123" };
  EscalePartnerForm half_position = { .name = "CLD", .longitude = "-68.5" };
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER,
                                                   "name", "Before",
                                                   "email", "before@cldc.example",
                                                   "city", "Matane",
                                                   NULL);
  g_autoptr(GError) error = NULL;

  /* The error names the field; the partner is left as it was. */
  bad_email.email = "info@placeauxjeunes";
  g_assert_false (escale_partner_form_apply (&bad_email, partner, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Email: " EMAIL_MESSAGE);
  g_assert_cmpstr (escale_partner_get_name (partner), ==, "Before");
  g_assert_cmpstr (escale_partner_get_email (partner), ==, "before@cldc.example");
  g_assert_cmpstr (escale_partner_get_city (partner), ==, "Matane");
  g_assert_null (escale_partner_get_phone (partner));
  g_assert_false (escale_partner_get_coordinates (partner, NULL, NULL));
  g_clear_error (&error);

  /* With several mistakes, the first field of the form is named. */
  g_assert_false (escale_partner_form_apply (&no_name, partner, &error));
  g_assert_cmpstr (error->message, ==, "Name: " NAME_MESSAGE);
  g_clear_error (&error);

  g_assert_false (escale_partner_form_apply (&half_position, partner, &error));
  g_assert_cmpstr (error->message, ==, "Latitude: " BOTH_MESSAGE);
  g_assert_cmpstr (escale_partner_get_name (partner), ==, "Before");
}

static void
test_contact_form (void)
{
  EscaleContactForm missing_name = { .name = " ", .email = "marie@cje.example" };
  EscaleContactForm wrong = { .name = "Marie", .email = "marie@cje", .phone = "555-0170" };
  EscaleContactForm good = {
    .name = " Marie  Tremblay ",
    .role = " Agente de migration ",
    .email = "Marie.Tremblay@CJE.example",
    .phone = "418-555-0170 p. 3",
  };
  char *messages[ESCALE_N_CONTACT_FIELDS] = { NULL };
  g_autoptr(EscaleContact) contact = escale_contact_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_contact_form_check (&missing_name, messages));
  g_assert_cmpstr (messages[ESCALE_CONTACT_FIELD_NAME], ==, "Enter the person’s name");
  g_assert_null (messages[ESCALE_CONTACT_FIELD_EMAIL]);
  g_assert_null (messages[ESCALE_CONTACT_FIELD_PHONE]);
  escale_form_messages_clear (messages, ESCALE_N_CONTACT_FIELDS);

  g_assert_false (escale_contact_form_check (&wrong, messages));
  g_assert_null (messages[ESCALE_CONTACT_FIELD_NAME]);
  g_assert_cmpstr (messages[ESCALE_CONTACT_FIELD_EMAIL], ==, EMAIL_MESSAGE);
  g_assert_cmpstr (messages[ESCALE_CONTACT_FIELD_PHONE], ==, PHONE_MESSAGE);
  escale_form_messages_clear (messages, ESCALE_N_CONTACT_FIELDS);

  g_assert_true (escale_contact_form_check (&good, messages));
  assert_no_messages (messages, ESCALE_N_CONTACT_FIELDS);

  g_assert_false (escale_contact_form_apply (&wrong, contact, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Contact email: " EMAIL_MESSAGE);
  g_assert_null (escale_contact_get_name (contact));
  g_clear_error (&error);

  g_assert_true (escale_contact_form_apply (&good, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_contact_get_name (contact), ==, "Marie Tremblay");
  g_assert_cmpstr (escale_contact_get_role (contact), ==, "Agente de migration");
  g_assert_cmpstr (escale_contact_get_email (contact), ==, "Marie.Tremblay@cje.example");
  g_assert_cmpstr (escale_contact_get_phone (contact), ==, "418 555-0170 x3");
}

static void
test_interaction_form (void)
{
  EscaleInteractionForm bad = {
    .occurred_on = "2026-02-30",
    .channel = ESCALE_INTERACTION_CHANNEL_PHONE,
    .summary = "  ",
    .due_on = "next week",
  };
  EscaleInteractionForm good = {
    .occurred_on = " 2026-11-20 ",
    .channel = ESCALE_INTERACTION_CHANNEL_MEETING,
    .summary = " Rencontre avec  la directrice ",
    .next_step = "Envoyer la liste  des candidats ",
    .due_on = "2026-11-27",
    .done = TRUE,
  };
  EscaleInteractionForm no_due = {
    .occurred_on = "2026-11-20",
    .channel = ESCALE_INTERACTION_CHANNEL_EMAIL,
    .summary = "Courriel de suivi",
    .due_on = " ",
  };
  char *messages[ESCALE_N_INTERACTION_FIELDS] = { NULL };
  g_autoptr(EscaleInteraction) interaction = escale_interaction_new ();
  g_autoptr(EscaleInteraction) quick = escale_interaction_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_interaction_form_check (&bad, messages));
  g_assert_cmpstr (messages[ESCALE_INTERACTION_FIELD_DATE], ==, "Enter the date it took place, such as 2026-11-23");
  g_assert_cmpstr (messages[ESCALE_INTERACTION_FIELD_SUMMARY], ==, "Say in a few words what was said or done");
  g_assert_cmpstr (messages[ESCALE_INTERACTION_FIELD_DUE], ==, "Enter a due date such as 2026-11-30, or leave it empty");
  escale_form_messages_clear (messages, ESCALE_N_INTERACTION_FIELDS);

  g_assert_false (escale_interaction_form_apply (&bad, interaction, &error));
  g_assert_cmpstr (error->message, ==, "Date: Enter the date it took place, such as 2026-11-23");
  g_assert_null (escale_interaction_get_summary (interaction));
  g_clear_error (&error);

  g_assert_true (escale_interaction_form_check (&good, messages));
  assert_no_messages (messages, ESCALE_N_INTERACTION_FIELDS);
  g_assert_true (escale_interaction_form_apply (&good, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_interaction_get_occurred_on (interaction), ==, "2026-11-20");
  g_assert_cmpint (escale_interaction_get_channel (interaction), ==, ESCALE_INTERACTION_CHANNEL_MEETING);
  g_assert_cmpstr (escale_interaction_get_summary (interaction), ==, "Rencontre avec la directrice");
  g_assert_cmpstr (escale_interaction_get_next_step (interaction), ==, "Envoyer la liste des candidats");
  g_assert_cmpstr (escale_interaction_get_due_on (interaction), ==, "2026-11-27");
  g_assert_true (escale_interaction_get_done (interaction));
  g_assert_false (escale_interaction_is_pending (interaction));

  /* The due date is optional. */
  g_assert_true (escale_interaction_form_apply (&no_due, quick, &error));
  g_assert_no_error (error);
  g_assert_null (escale_interaction_get_due_on (quick));
  g_assert_null (escale_interaction_get_next_step (quick));
  g_assert_false (escale_interaction_get_done (quick));
}

static void
test_dates_parse_and_format (void)
{
  const struct
  {
    const char *iso;
    guint       year;
    guint       month;
    guint       day;
  } real[] = {
    { "2026-11-23", 2026, 11, 23 },
    { "2026-01-01", 2026, 1, 1 },
    { "2026-12-31", 2026, 12, 31 },
    { "2028-02-29", 2028, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
  };
  const char *refused[] = {
    NULL, "", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00",
    "2026-11-3", "26-11-23", "2026/11/23", "23/11/2026", "2026-11-23T10:00", "2026-11-23 ",
    " 2026-11-23", "2026-1123", "20261123", "aaaa-bb-cc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (real); i++)
    {
      g_autofree char *formatted = NULL;
      GDate date;

      g_test_message ("date “%s”", real[i].iso);
      g_assert_true (escale_calendar_date_parse (real[i].iso, &date));
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, real[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, real[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, real[i].day);

      formatted = escale_calendar_date_format (&date);
      g_assert_cmpstr (formatted, ==, real[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GDate date;

      g_test_message ("date “%s”", refused[i]);
      g_assert_false (escale_calendar_date_parse (refused[i], &date));
    }

  /* Days and months get their leading zero, years four digits. */
  {
    GDate date;
    g_autofree char *formatted = NULL;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 5, G_DATE_MARCH, 987);
    formatted = escale_calendar_date_format (&date);
    g_assert_cmpstr (formatted, ==, "0987-03-05");
  }
}

/* escale_calendar_date_parse() promises "a real calendar day in that exact
 * form", but sscanf()'s %u lets spaces and signs through. The interaction
 * editor then accepts the due date "2026-11- 3", stores it as typed, and the
 * database, which checks date(due_on) IS due_on, refuses the save. Every
 * input is checked before the test fails, and the test is registered last:
 * after a failure, g_test_run() runs nothing more. */
static void
test_dates_refuse_loose_forms (void)
{
  const char *loose[] = {
    "2026-11- 3",
    "2026- 1-23",
    "2026-+1-23",
    "+026-11-23",
    " 026-11-23",
    "-026-11-23",
  };
  g_autoptr(GString) accepted = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (loose); i++)
    {
      EscaleInteractionForm form = {
        .occurred_on = "2026-11-20",
        .summary = "Appel",
        .next_step = "Rappeler",
        .due_on = loose[i],
      };
      char *messages[ESCALE_N_INTERACTION_FIELDS] = { NULL };
      GDate date;

      if (escale_calendar_date_parse (loose[i], &date))
        {
          g_autofree char *read_as = escale_calendar_date_format (&date);

          g_test_message ("“%s” was read as %s", loose[i], read_as);
          g_string_append_printf (accepted, "%s“%s”", accepted->len > 0 ? ", " : "", loose[i]);
        }

      if (escale_interaction_form_check (&form, messages))
        g_test_message ("the interaction form accepts the due date “%s”", loose[i]);
      escale_form_messages_clear (messages, ESCALE_N_INTERACTION_FIELDS);
    }

  if (accepted->len > 0)
    g_test_fail_printf ("escale_calendar_date_parse() accepted %s", accepted->str);
}

static void
test_dates_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *today = escale_calendar_date_today ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  GDate date;
  gboolean same_as_before, same_as_after;

  g_assert_true (escale_calendar_date_parse (today, &date));
  same_as_before = g_date_get_year (&date) == (guint) g_date_time_get_year (before) &&
                   g_date_get_month (&date) == (guint) g_date_time_get_month (before) &&
                   g_date_get_day (&date) == (guint) g_date_time_get_day_of_month (before);
  same_as_after = g_date_get_year (&date) == (guint) g_date_time_get_year (after) &&
                  g_date_get_month (&date) == (guint) g_date_time_get_month (after) &&
                  g_date_get_day (&date) == (guint) g_date_time_get_day_of_month (after);
  /* Either side of midnight, it is one of the two. */
  g_assert_true (same_as_before || same_as_after);
}

static void
test_due_state_through_the_week (void)
{
  /* Monday 2026-11-23 to Sunday 2026-11-29: whatever the day, Sunday the
   * 29th is this week, Monday the 30th is not, and yesterday is overdue. */
  for (guint day = 23; day <= 29; day++)
    {
      g_autofree char *yesterday = g_strdup_printf ("2026-11-%02u", day - 1);
      g_autofree char *iso_today = g_strdup_printf ("2026-11-%02u", day);
      GDate today;

      g_test_message ("today %s", iso_today);
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) day, G_DATE_NOVEMBER, 2026);

      g_assert_cmpint (escale_due_state_classify ("2026-11-01", &today), ==, ESCALE_DUE_STATE_OVERDUE);
      g_assert_cmpint (escale_due_state_classify (yesterday, &today), ==, ESCALE_DUE_STATE_OVERDUE);
      g_assert_cmpint (escale_due_state_classify (iso_today, &today), ==, ESCALE_DUE_STATE_THIS_WEEK);
      g_assert_cmpint (escale_due_state_classify ("2026-11-29", &today), ==, ESCALE_DUE_STATE_THIS_WEEK);
      g_assert_cmpint (escale_due_state_classify ("2026-11-30", &today), ==, ESCALE_DUE_STATE_LATER);
      g_assert_cmpint (escale_due_state_classify ("2027-01-15", &today), ==, ESCALE_DUE_STATE_LATER);
    }
}

static void
test_due_state_edges (void)
{
  GDate new_years_eve;
  GDate sunday;

  /* Thursday 2026-12-31: the week ends on Sunday 2027-01-03. */
  g_date_clear (&new_years_eve, 1);
  g_date_set_dmy (&new_years_eve, 31, G_DATE_DECEMBER, 2026);
  g_assert_cmpint (escale_due_state_classify ("2026-12-30", &new_years_eve), ==, ESCALE_DUE_STATE_OVERDUE);
  g_assert_cmpint (escale_due_state_classify ("2027-01-03", &new_years_eve), ==, ESCALE_DUE_STATE_THIS_WEEK);
  g_assert_cmpint (escale_due_state_classify ("2027-01-04", &new_years_eve), ==, ESCALE_DUE_STATE_LATER);

  /* On a Sunday, only that day is left of the week. */
  g_date_clear (&sunday, 1);
  g_date_set_dmy (&sunday, 29, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (escale_due_state_classify ("2026-11-28", &sunday), ==, ESCALE_DUE_STATE_OVERDUE);
  g_assert_cmpint (escale_due_state_classify ("2026-11-29", &sunday), ==, ESCALE_DUE_STATE_THIS_WEEK);
  g_assert_cmpint (escale_due_state_classify ("2026-11-30", &sunday), ==, ESCALE_DUE_STATE_LATER);

  /* Nothing due, or nothing readable, is no state at all. */
  g_assert_cmpint (escale_due_state_classify (NULL, &sunday), ==, ESCALE_DUE_STATE_NONE);
  g_assert_cmpint (escale_due_state_classify ("", &sunday), ==, ESCALE_DUE_STATE_NONE);
  g_assert_cmpint (escale_due_state_classify ("2026-11-31", &sunday), ==, ESCALE_DUE_STATE_NONE);
  g_assert_cmpint (escale_due_state_classify ("29/11/2026", &sunday), ==, ESCALE_DUE_STATE_NONE);
}

static void
test_search_fold (void)
{
  const Case cases[] = {
    { "Montréal", "montreal" },
    { "QUÉBEC", "quebec" },
    { "Côte-Nord", "cote-nord" },
    { "Société de développement de LÉVIS", "societe de developpement de levis" },
    /* Typographic marks are searched as the keys people type. */
    { "Gaspésie–Îles-de-la-Madeleine", "gaspesie-iles-de-la-madeleine" },
    { "L’Islet", "l'islet" },
    { "Œuvre des Cœurs", "oeuvre des coeurs" },
    { "Çà et là", "ca et la" },
    { "Saint-Jérôme", "saint-jerome" },
    { "", "" },
  };
  g_autofree char *missing = escale_search_fold (NULL);
  g_autofree char *broken = escale_search_fold ("Qu\xff\xfe" "bec");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = escale_search_fold (cases[i].input);

      g_assert_cmpstr (folded, ==, cases[i].expected);
    }

  /* Nothing to fold is an empty text, never NULL. */
  g_assert_cmpstr (missing, ==, "");
  g_assert_cmpstr (broken, ==, "");
}

static void
test_search_terms (void)
{
  g_auto(GStrv) terms = escale_search_terms ("  Lévis \t QUÉBEC\nemploi ");
  g_auto(GStrv) one = escale_search_terms ("Montréal");
  g_auto(GStrv) blank = escale_search_terms (" \t\n ");
  g_auto(GStrv) missing = escale_search_terms (NULL);

  g_assert_cmpstrv (terms, ((const char *[]) { "levis", "quebec", "emploi", NULL }));
  g_assert_cmpstrv (one, ((const char *[]) { "montreal", NULL }));
  g_assert_nonnull (blank);
  g_assert_cmpuint (g_strv_length (blank), ==, 0);
  g_assert_nonnull (missing);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
}

static gboolean
search_finds (const char *query,
              const char *text)
{
  g_auto(GStrv) terms = escale_search_terms (query);
  g_autofree char *folded = escale_search_fold (text);

  return escale_search_terms_match ((const char * const *) terms, folded);
}

static void
test_search_match (void)
{
  const char *empty[] = { NULL };
  const char *levis[] = { "levis", NULL };

  /* Accents and case do not matter, on either side. */
  g_assert_true (search_finds ("montreal", "Carrefour jeunesse-emploi de Montréal"));
  g_assert_true (search_finds ("QUEBEC", "Ville de Québec"));
  g_assert_true (search_finds ("Québec", "VILLE DE QUEBEC"));
  g_assert_true (search_finds ("cote", "Côte-Nord"));
  /* A word may be the start or the middle of a longer one. */
  g_assert_true (search_finds ("rimou", "Place aux jeunes Rimouski-Neigette"));
  g_assert_true (search_finds ("neigette", "Place aux jeunes Rimouski-Neigette"));
  /* Every word must be found, in any order. */
  g_assert_true (search_finds ("matane cld", "CLD de la Matanie, Matane"));
  g_assert_false (search_finds ("levis montreal", "Société de développement de Lévis"));
  g_assert_false (search_finds ("gaspe", "Cégep de Matane"));
  g_assert_false (search_finds ("saint jean", "Saint-Jérôme"));

  /* An empty search shows everything, even a partner without text. */
  g_assert_true (escale_search_terms_match (empty, "cldc"));
  g_assert_true (escale_search_terms_match (empty, NULL));
  g_assert_false (escale_search_terms_match (levis, NULL));
}

/* A partner as the repository hands it out, with the search key it builds:
 * folded name first, then city. */
static EscalePartner *
query_partner (const char        *name,
               EscalePartnerKind  kind,
               const char        *region_code,
               const char        *city,
               gboolean           archived)
{
  EscalePartner *partner = g_object_new (ESCALE_TYPE_PARTNER,
                                         "name", name,
                                         "kind", kind,
                                         "region-code", region_code,
                                         "city", city,
                                         "archived", archived,
                                         NULL);
  g_autofree char *text = g_strdup_printf ("%s\n%s\n", name, city != NULL ? city : "");

  _escale_partner_set_search_key (partner, escale_search_fold (text));
  return partner;
}

static guint
count_matches (const EscalePartnerQuery  *query,
               EscalePartner            **partners,
               guint                      n_partners)
{
  guint matches = 0;

  for (guint i = 0; i < n_partners; i++)
    matches += escale_partner_query_matches (query, partners[i]) ? 1 : 0;

  return matches;
}

static void
test_query_filters (void)
{
  g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();
  g_autoptr(EscalePartner) rimouski = query_partner ("Place aux jeunes Rimouski-Neigette",
                                                     ESCALE_PARTNER_KIND_REGIONAL_HOST, "01", "Rimouski", FALSE);
  g_autoptr(EscalePartner) levis = query_partner ("Usinage Lévis", ESCALE_PARTNER_KIND_EMPLOYER,
                                                  "12", "Lévis", FALSE);
  g_autoptr(EscalePartner) fonderie = query_partner ("Ancienne fonderie", ESCALE_PARTNER_KIND_EMPLOYER,
                                                     "12", "Lévis", TRUE);
  g_autoptr(EscalePartner) montreal = query_partner ("Accueil Montréal", ESCALE_PARTNER_KIND_REGIONALISATION,
                                                     NULL, "Montréal", FALSE);
  EscalePartner *all[4];

  all[0] = rimouski;
  all[1] = levis;
  all[2] = fonderie;
  all[3] = montreal;

  /* A new query shows every partner but the archived ones. */
  g_assert_true (escale_partner_query_matches (query, rimouski));
  g_assert_false (escale_partner_query_matches (query, fonderie));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 3);

  g_assert_true (escale_partner_query_set_with_archived (query, TRUE));
  g_assert_true (escale_partner_query_matches (query, fonderie));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 4);

  g_assert_true (escale_partner_query_set_region (query, "12"));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 2);
  g_assert_false (escale_partner_query_matches (query, montreal));

  g_assert_true (escale_partner_query_set_with_archived (query, FALSE));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 1);
  g_assert_true (escale_partner_query_matches (query, levis));

  /* "" is every region, as NULL is. */
  g_assert_true (escale_partner_query_set_region (query, ""));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 3);

  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_EMPLOYER));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 1);
  g_assert_true (escale_partner_query_matches (query, levis));
  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_REGIONALISATION));
  g_assert_true (escale_partner_query_matches (query, montreal));
  g_assert_false (escale_partner_query_matches (query, levis));
  /* The first kind is a kind like the others, not "any kind". */
  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_REGIONAL_HOST));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 1);
  g_assert_true (escale_partner_query_matches (query, rimouski));
  g_assert_true (escale_partner_query_set_kind (query, -1));

  /* Search words are folded as the key is. */
  g_assert_true (escale_partner_query_set_search (query, "MONTREAL"));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 1);
  g_assert_true (escale_partner_query_matches (query, montreal));
  g_assert_true (escale_partner_query_set_search (query, "levis"));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 1);
  g_assert_true (escale_partner_query_set_search (query, "levis usinage"));
  g_assert_true (escale_partner_query_matches (query, levis));
  g_assert_true (escale_partner_query_set_search (query, "levis rimouski"));
  g_assert_cmpuint (count_matches (query, all, G_N_ELEMENTS (all)), ==, 0);

  /* Filters add up. */
  g_assert_true (escale_partner_query_set_search (query, "jeunes"));
  g_assert_true (escale_partner_query_set_region (query, "01"));
  g_assert_true (escale_partner_query_matches (query, rimouski));
  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_HEALTH));
  g_assert_false (escale_partner_query_matches (query, rimouski));
}

static void
test_query_setters_report_changes (void)
{
  g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();

  /* A view refilters only when the answer is TRUE. */
  g_assert_false (escale_partner_query_set_search (query, NULL));
  g_assert_false (escale_partner_query_set_search (query, "   "));
  g_assert_true (escale_partner_query_set_search (query, "Lévis"));
  g_assert_false (escale_partner_query_set_search (query, " LEVIS "));
  g_assert_true (escale_partner_query_set_search (query, "levis emploi"));
  g_assert_true (escale_partner_query_set_search (query, ""));

  g_assert_false (escale_partner_query_set_region (query, NULL));
  g_assert_false (escale_partner_query_set_region (query, ""));
  g_assert_true (escale_partner_query_set_region (query, "01"));
  g_assert_false (escale_partner_query_set_region (query, "01"));
  g_assert_true (escale_partner_query_set_region (query, "11"));
  g_assert_true (escale_partner_query_set_region (query, NULL));

  g_assert_false (escale_partner_query_set_kind (query, -1));
  g_assert_true (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_REGIONAL_HOST));
  g_assert_false (escale_partner_query_set_kind (query, ESCALE_PARTNER_KIND_REGIONAL_HOST));
  g_assert_true (escale_partner_query_set_kind (query, -1));

  g_assert_false (escale_partner_query_set_with_archived (query, FALSE));
  g_assert_true (escale_partner_query_set_with_archived (query, TRUE));
  g_assert_false (escale_partner_query_set_with_archived (query, 2));
  g_assert_true (escale_partner_query_set_with_archived (query, FALSE));
}

static void
add_pending (EscalePartner *partner,
             const char    *next_step,
             const char    *due_on,
             gboolean       done)
{
  g_autoptr(EscaleInteraction) interaction = g_object_new (ESCALE_TYPE_INTERACTION,
                                                           "occurred-on", "2026-11-02",
                                                           "summary", "Appel",
                                                           "next-step", next_step,
                                                           "due-on", due_on,
                                                           "done", done,
                                                           NULL);

  escale_partner_add_interaction (partner, interaction);
}

static void
test_query_compare (void)
{
  g_autoptr(EscalePartner) ecole = query_partner ("École de foresterie", ESCALE_PARTNER_KIND_EDUCATION,
                                                  "09", "Baie-Comeau", FALSE);
  g_autoptr(EscalePartner) entreprise = query_partner ("Entreprise Fortin", ESCALE_PARTNER_KIND_EMPLOYER,
                                                       "09", "Sept-Îles", FALSE);
  g_autoptr(EscalePartner) dion = query_partner ("Dion transport", ESCALE_PARTNER_KIND_EMPLOYER,
                                                 "01", "Rimouski", FALSE);
  g_autoptr(EscalePartner) dion_matane = query_partner ("Dion transport", ESCALE_PARTNER_KIND_EMPLOYER,
                                                        "01", "Matane", FALSE);
  g_autoptr(EscalePartner) zinc = query_partner ("Zinc du Bas-Saint-Laurent", ESCALE_PARTNER_KIND_EMPLOYER,
                                                 "01", "Rimouski", FALSE);

  /* By name: "École" sorts with the E's, as French readers expect. */
  g_assert_cmpint (escale_partner_compare (dion, ecole, ESCALE_PARTNER_SORT_NAME), <, 0);
  g_assert_cmpint (escale_partner_compare (ecole, entreprise, ESCALE_PARTNER_SORT_NAME), <, 0);
  g_assert_cmpint (escale_partner_compare (entreprise, ecole, ESCALE_PARTNER_SORT_NAME), >, 0);
  g_assert_cmpint (escale_partner_compare (ecole, ecole, ESCALE_PARTNER_SORT_NAME), ==, 0);
  /* Same name: the city decides. */
  g_assert_cmpint (escale_partner_compare (dion_matane, dion, ESCALE_PARTNER_SORT_NAME), <, 0);

  /* By region code, then by name within a region. */
  g_assert_cmpint (escale_partner_compare (dion, ecole, ESCALE_PARTNER_SORT_REGION), <, 0);
  g_assert_cmpint (escale_partner_compare (entreprise, dion, ESCALE_PARTNER_SORT_REGION), >, 0);
  g_assert_cmpint (escale_partner_compare (ecole, entreprise, ESCALE_PARTNER_SORT_REGION), <, 0);
  g_assert_cmpint (escale_partner_compare (entreprise, ecole, ESCALE_PARTNER_SORT_REGION), >, 0);
  /* The region wins over the name. */
  g_assert_cmpint (escale_partner_compare (zinc, ecole, ESCALE_PARTNER_SORT_REGION), <, 0);
  g_assert_cmpint (escale_partner_compare (ecole, zinc, ESCALE_PARTNER_SORT_REGION), >, 0);
  g_assert_cmpint (escale_partner_compare (zinc, ecole, ESCALE_PARTNER_SORT_NAME), >, 0);

  /* By update: the most recent first, then by name. */
  _escale_partner_set_timestamps (ecole, 1000, 3000);
  _escale_partner_set_timestamps (entreprise, 1000, 2000);
  _escale_partner_set_timestamps (dion, 1000, 2000);
  g_assert_cmpint (escale_partner_compare (ecole, entreprise, ESCALE_PARTNER_SORT_RECENTLY_UPDATED), <, 0);
  g_assert_cmpint (escale_partner_compare (entreprise, ecole, ESCALE_PARTNER_SORT_RECENTLY_UPDATED), >, 0);
  g_assert_cmpint (escale_partner_compare (dion, entreprise, ESCALE_PARTNER_SORT_RECENTLY_UPDATED), <, 0);
}

static void
test_query_compare_next_due (void)
{
  g_autoptr(EscalePartner) soon = query_partner ("Zinc Matane", ESCALE_PARTNER_KIND_EMPLOYER, "01", "Matane", FALSE);
  g_autoptr(EscalePartner) later = query_partner ("Acier Rimouski", ESCALE_PARTNER_KIND_EMPLOYER, "01", "Rimouski", FALSE);
  g_autoptr(EscalePartner) nothing = query_partner ("Alu Gaspé", ESCALE_PARTNER_KIND_EMPLOYER, "11", "Gaspé", FALSE);
  g_autoptr(EscalePartner) also_nothing = query_partner ("Bois Amqui", ESCALE_PARTNER_KIND_EMPLOYER, "01", "Amqui", FALSE);

  /* Only pending steps count: a done one, however early, does not. */
  add_pending (soon, "Rappeler", "2026-12-01", FALSE);
  add_pending (soon, "Envoyer l’offre", "2026-11-24", FALSE);
  add_pending (later, "Visite", "2026-11-02", TRUE);
  add_pending (later, "Confirmer", "2026-11-30", FALSE);
  add_pending (nothing, "Déjà fait", "2026-11-20", TRUE);
  add_pending (nothing, NULL, "2026-11-20", FALSE);

  g_assert_cmpint (escale_partner_compare (soon, later, ESCALE_PARTNER_SORT_NEXT_DUE), <, 0);
  g_assert_cmpint (escale_partner_compare (later, soon, ESCALE_PARTNER_SORT_NEXT_DUE), >, 0);
  /* Partners with nothing due come last, by name among themselves. */
  g_assert_cmpint (escale_partner_compare (nothing, later, ESCALE_PARTNER_SORT_NEXT_DUE), >, 0);
  g_assert_cmpint (escale_partner_compare (later, nothing, ESCALE_PARTNER_SORT_NEXT_DUE), <, 0);
  g_assert_cmpint (escale_partner_compare (nothing, also_nothing, ESCALE_PARTNER_SORT_NEXT_DUE), <, 0);
  g_assert_cmpint (escale_partner_compare (also_nothing, nothing, ESCALE_PARTNER_SORT_NEXT_DUE), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/text", test_text);
  g_test_add_func ("/validation/empty-fields-are-allowed", test_empty_fields_are_allowed);
  g_test_add_func ("/validation/email", test_email);
  g_test_add_func ("/validation/phone", test_phone);
  g_test_add_func ("/validation/postal-code", test_postal_code);
  g_test_add_func ("/validation/website", test_website);
  g_test_add_func ("/validation/coordinates", test_coordinates);
  g_test_add_func ("/validation/partner-form/accepts-good-form", test_partner_form_accepts_good_form);
  g_test_add_func ("/validation/partner-form/requires-name", test_partner_form_requires_name);
  g_test_add_func ("/validation/partner-form/reports-each-field", test_partner_form_reports_each_field);
  g_test_add_func ("/validation/partner-form/only-wrong-fields", test_partner_form_only_wrong_fields);
  g_test_add_func ("/validation/partner-form/half-a-position", test_partner_form_half_a_position);
  g_test_add_func ("/validation/partner-form/apply", test_partner_form_apply);
  g_test_add_func ("/validation/partner-form/apply-clears-emptied-fields", test_partner_form_apply_clears_emptied_fields);
  g_test_add_func ("/validation/partner-form/apply-refuses", test_partner_form_apply_refuses);
  g_test_add_func ("/validation/contact-form", test_contact_form);
  g_test_add_func ("/validation/interaction-form", test_interaction_form);
  g_test_add_func ("/validation/dates/parse-and-format", test_dates_parse_and_format);
  g_test_add_func ("/validation/dates/today", test_dates_today);
  g_test_add_func ("/validation/due-state/through-the-week", test_due_state_through_the_week);
  g_test_add_func ("/validation/due-state/edges", test_due_state_edges);
  g_test_add_func ("/validation/search/fold", test_search_fold);
  g_test_add_func ("/validation/search/terms", test_search_terms);
  g_test_add_func ("/validation/search/match", test_search_match);
  g_test_add_func ("/validation/query/filters", test_query_filters);
  g_test_add_func ("/validation/query/setters-report-changes", test_query_setters_report_changes);
  g_test_add_func ("/validation/query/compare", test_query_compare);
  g_test_add_func ("/validation/query/compare-next-due", test_query_compare_next_due);
  /* Last: it shows a bug, and nothing runs after a failed test. */
  g_test_add_func ("/validation/date-exact-form/refuses-spaces-and-signs", test_dates_refuse_loose_forms);

  return g_test_run ();
}
