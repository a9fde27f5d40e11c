/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include "escale-calendar-date.h"
#include "escale-partner-form.h"
#include "escale-search-text.h"
#include "escale-validation.h"

/* What a counsellor types into the partner editor, and what Escale keeps. */

typedef gboolean (*Normalizer) (const char *input, char **normalized, GError **error);

typedef struct
{
  const char *input;
  const char *expected;   /* NULL: refused */
} Case;

static void
check_cases (Normalizer  normalize,
             const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean accepted = normalize (cases[i].input, &normalized, &error);

      g_test_message ("input “%s”", cases[i].input);
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
          g_assert_null (normalized);
        }
    }
}

static void
test_empty_fields_are_allowed (void)
{
  const Normalizer normalizers[] = {
    escale_normalize_email, escale_normalize_phone,
    escale_normalize_postal_code, escale_normalize_website,
  };

  for (guint i = 0; i < G_N_ELEMENTS (normalizers); i++)
    {
      g_autoptr(GError) error = NULL;
      char *normalized = (char *) "untouched";

      g_assert_true (normalizers[i] ("   ", &normalized, &error));
      g_assert_no_error (error);
      g_assert_null (normalized);
      g_assert_true (normalizers[i] (NULL, &normalized, &error));
      g_assert_null (normalized);
    }
}

static void
test_text (void)
{
  g_autofree char *spaced = escale_normalize_text ("  Place  aux jeunes\tRimouski \n");
  g_autofree char *blank = escale_normalize_text (" \t\n ");

  g_assert_cmpstr (spaced, ==, "Place aux jeunes Rimouski");
  g_assert_null (blank);
}

static void
test_email (void)
{
  const Case cases[] = {
    { "info@cldc-rimouski.ca", "info@cldc-rimouski.ca" },
    { "  Marie.Tremblay@CJE-Matane.QC.CA ", "Marie.Tremblay@cje-matane.qc.ca" },
    { "élise@accueil-gaspé.example", "élise@accueil-gaspé.example" },
    { "info@localhost", NULL },
    { "info.cldc-rimouski.ca", NULL },
    { "info@@cldc.ca", NULL },
    { "marie tremblay@cldc.ca", NULL },
    { "info@cldc.c", NULL },
  };

  check_cases (escale_normalize_email, cases, G_N_ELEMENTS (cases));
}

static void
test_phone (void)
{
  const Case cases[] = {
    { "4185550123", "418 555-0123" },
    { "(418) 555-0123", "418 555-0123" },
    { "418.555.0123", "418 555-0123" },
    { "+1 418 555-0123", "418 555-0123" },
    { "1-800-555-0199", "800 555-0199" },
    { "514 555-0123 poste 204", "514 555-0123 x204" },
    { "514-555-0123, ext. 12", "514 555-0123 x12" },
    { "514 555 0123 #7", "514 555-0123 x7" },
    { "555-0123", NULL },
    { "014 555-0123", NULL },
    { "514 155-0123", NULL },
    { "418 555-01234", NULL },
    { "418 CJE-0123", NULL },
  };

  check_cases (escale_normalize_phone, cases, G_N_ELEMENTS (cases));
}

static void
test_postal_code (void)
{
  const Case cases[] = {
    { "G5L 3A1", "G5L 3A1" },
    { "g5l3a1", "G5L 3A1" },
    { " h2x-1y4 ", "H2X 1Y4" },
    { "D5L 3A1", NULL },    /* Canada Post never uses D */
    { "W5L 3A1", NULL },    /* nor W in first position */
    { "G5L 3A", NULL },
    { "12345", NULL },
    { "G5L 3A1 0", NULL },
  };

  check_cases (escale_normalize_postal_code, cases, G_N_ELEMENTS (cases));
}

static void
test_website (void)
{
  const Case cases[] = {
    { "https://www.cldc-rimouski.ca", "https://www.cldc-rimouski.ca" },
    { "cldc-rimouski.ca", "https://cldc-rimouski.ca" },
    { "http://ville.matane.qc.ca/emplois", "http://ville.matane.qc.ca/emplois" },
    { "ftp://cldc-rimouski.ca", NULL },
    { "cldc rimouski.ca", NULL },
    { "localhost", NULL },
    { "https://.ca", NULL },
  };

  check_cases (escale_normalize_website, cases, G_N_ELEMENTS (cases));
}

static void
test_coordinates (void)
{
  g_autoptr(GError) error = NULL;
  gboolean present;
  double value;

  g_assert_true (escale_parse_coordinate ("48.4490", 90, &present, &value, &error));
  g_assert_true (present);
  g_assert_cmpfloat_with_epsilon (value, 48.449, 1e-9);

  /* French keyboards type a decimal comma. */
  g_assert_true (escale_parse_coordinate (" -68,5230 ", 180, &present, &value, &error));
  g_assert_cmpfloat_with_epsilon (value, -68.523, 1e-9);

  g_assert_true (escale_parse_coordinate ("", 90, &present, &value, &error));
  g_assert_no_error (error);
  g_assert_false (present);

  g_assert_false (escale_parse_coordinate ("91", 90, &present, &value, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_assert_false (present);
  g_clear_error (&error);

  g_assert_false (escale_parse_coordinate ("48°27′N", 90, &present, &value, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (escale_parse_coordinate ("nan", 90, &present, &value, &error));
  g_assert_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID);
}

static void
test_partner_form_reports_each_field (void)
{
  EscalePartnerForm form = {
    .name = "   ",
    .kind = ESCALE_PARTNER_KIND_EMPLOYER,
    .postal_code = "D5L 3A1",
    .latitude = "48.45",
    .longitude = "",
    .website = "cldc rimouski",
    .phone = "555-0123",
    .email = "info@",
  };
  char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };

  g_assert_false (escale_partner_form_check (&form, messages));

  /* Every wrong field gets its own message, and only those. */
  g_assert_nonnull (messages[ESCALE_PARTNER_FIELD_NAME]);
  g_assert_nonnull (messages[ESCALE_PARTNER_FIELD_POSTAL_CODE]);
  g_assert_nonnull (messages[ESCALE_PARTNER_FIELD_WEBSITE]);
  g_assert_nonnull (messages[ESCALE_PARTNER_FIELD_PHONE]);
  g_assert_nonnull (messages[ESCALE_PARTNER_FIELD_EMAIL]);
  g_assert_cmpstr (messages[ESCALE_PARTNER_FIELD_EMAIL], ==, "Enter an email address such as name@example.org");
  /* Half a position is a mistake too. */
  g_assert_true (messages[ESCALE_PARTNER_FIELD_LATITUDE] != NULL || messages[ESCALE_PARTNER_FIELD_LONGITUDE] != NULL);

  escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);
  for (guint i = 0; i < ESCALE_N_PARTNER_FIELDS; i++)
    g_assert_null (messages[i]);
}

static void
test_partner_form_apply (void)
{
  EscalePartnerForm form = {
    .name = "  Place aux jeunes  Rimouski-Neigette ",
    .kind = ESCALE_PARTNER_KIND_REGIONAL_HOST,
    .region_code = "01",
    .city = "Rimouski",
    .postal_code = "g5l3a1",
    .latitude = "48,449",
    .longitude = "-68.523",
    .website = "placeauxjeunes.example",
    .phone = "(418) 555-0142",
    .email = "Info@PlaceAuxJeunes.example",
    .tags = "logement, emploi",
  };
  char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL };
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER, NULL);
  g_autoptr(GError) error = NULL;
  double latitude, longitude;

  g_assert_true (escale_partner_form_check (&form, messages));
  for (guint i = 0; i < ESCALE_N_PARTNER_FIELDS; i++)
    g_assert_null (messages[i]);

  g_assert_true (escale_partner_form_apply (&form, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_partner_get_name (partner), ==, "Place aux jeunes Rimouski-Neigette");
  g_assert_cmpint (escale_partner_get_kind (partner), ==, ESCALE_PARTNER_KIND_REGIONAL_HOST);
  g_assert_cmpstr (escale_partner_get_region_code (partner), ==, "01");
  g_assert_cmpstr (escale_partner_get_postal_code (partner), ==, "G5L 3A1");
  g_assert_cmpstr (escale_partner_get_phone (partner), ==, "418 555-0142");
  g_assert_cmpstr (escale_partner_get_email (partner), ==, "Info@placeauxjeunes.example");
  g_assert_cmpstr (escale_partner_get_website (partner), ==, "https://placeauxjeunes.example");
  g_assert_true (escale_partner_get_coordinates (partner, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, 48.449, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, -68.523, 1e-9);
}

static void
test_partner_form_apply_refuses (void)
{
  EscalePartnerForm form = { .name = "CLD", .email = "not an address" };
  g_autoptr(EscalePartner) partner = g_object_new (ESCALE_TYPE_PARTNER, "name", "Before", NULL);
  g_autoptr(GError) error = NULL;

  /* The error names the field; the partner is left as it was. */
  g_assert_false (escale_partner_form_apply (&form, partner, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Email: "));
  g_assert_cmpstr (escale_partner_get_name (partner), ==, "Before");
}

static void
test_contact_form (void)
{
  EscaleContactForm missing_name = { .name = " ", .email = "marie@cje.example" };
  EscaleContactForm good = { .name = "Marie Tremblay", .role = "Agente de migration", .phone = "418-555-0170 p. 3" };
  char *messages[ESCALE_N_CONTACT_FIELDS] = { NULL };
  g_autoptr(EscaleContact) contact = g_object_new (ESCALE_TYPE_CONTACT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_contact_form_check (&missing_name, messages));
  g_assert_cmpstr (messages[ESCALE_CONTACT_FIELD_NAME], ==, "Enter the person’s name");
  g_assert_null (messages[ESCALE_CONTACT_FIELD_EMAIL]);
  escale_form_messages_clear (messages, ESCALE_N_CONTACT_FIELDS);

  g_assert_true (escale_contact_form_apply (&good, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_contact_get_phone (contact), ==, "418 555-0170 x3");
}

static void
test_interaction_form (void)
{
  EscaleInteractionForm bad = {
    .occurred_on = "2026-02-30",
    .channel = ESCALE_INTERACTION_CHANNEL_PHONE,
    .summary = "",
    .due_on = "next week",
  };
  EscaleInteractionForm good = {
    .occurred_on = "2026-11-20",
    .channel = ESCALE_INTERACTION_CHANNEL_MEETING,
    .summary = "Rencontre avec la directrice",
    .next_step = "Envoyer la liste des candidats",
    .due_on = "2026-11-27",
  };
  char *messages[ESCALE_N_INTERACTION_FIELDS] = { NULL };
  g_autoptr(EscaleInteraction) interaction = g_object_new (ESCALE_TYPE_INTERACTION, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_interaction_form_check (&bad, messages));
  g_assert_nonnull (messages[ESCALE_INTERACTION_FIELD_DATE]);
  g_assert_nonnull (messages[ESCALE_INTERACTION_FIELD_SUMMARY]);
  g_assert_nonnull (messages[ESCALE_INTERACTION_FIELD_DUE]);
  escale_form_messages_clear (messages, ESCALE_N_INTERACTION_FIELDS);

  g_assert_true (escale_interaction_form_check (&good, messages));
  g_assert_true (escale_interaction_form_apply (&good, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_interaction_get_due_on (interaction), ==, "2026-11-27");
  g_assert_cmpstr (escale_interaction_get_next_step (interaction), ==, "Envoyer la liste des candidats");
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *formatted = NULL;

  g_assert_true (escale_calendar_date_parse ("2028-02-29", &date));
  formatted = escale_calendar_date_format (&date);
  g_assert_cmpstr (formatted, ==, "2028-02-29");

  g_assert_false (escale_calendar_date_parse ("2026-02-29", &date));
  g_assert_false (escale_calendar_date_parse ("2026-11-3", &date));
  g_assert_false (escale_calendar_date_parse ("23/11/2026", &date));
  g_assert_false (escale_calendar_date_parse ("2026-11-23T10:00", &date));
  g_assert_false (escale_calendar_date_parse (NULL, &date));
}

static void
test_due_state (void)
{
  GDate wednesday;

  /* The week runs Monday to Sunday: on Wednesday 2026-11-25, Sunday the
   * 29th is this week and Monday the 30th is not. */
  g_assert_true (escale_calendar_date_parse ("2026-11-25", &wednesday));
  g_assert_cmpint (escale_due_state_classify ("2026-11-24", &wednesday), ==, ESCALE_DUE_STATE_OVERDUE);
  g_assert_cmpint (escale_due_state_classify ("2026-11-25", &wednesday), ==, ESCALE_DUE_STATE_THIS_WEEK);
  g_assert_cmpint (escale_due_state_classify ("2026-11-29", &wednesday), ==, ESCALE_DUE_STATE_THIS_WEEK);
  g_assert_cmpint (escale_due_state_classify ("2026-11-30", &wednesday), ==, ESCALE_DUE_STATE_LATER);
  g_assert_cmpint (escale_due_state_classify (NULL, &wednesday), ==, ESCALE_DUE_STATE_NONE);
}

static void
test_due_state_on_sunday (void)
{
  GDate sunday;

  g_assert_true (escale_calendar_date_parse ("2026-11-29", &sunday));
  g_assert_cmpint (escale_due_state_classify ("2026-11-29", &sunday), ==, ESCALE_DUE_STATE_THIS_WEEK);
  g_assert_cmpint (escale_due_state_classify ("2026-11-30", &sunday), ==, ESCALE_DUE_STATE_LATER);
}

static void
test_search_ignores_accents_and_case (void)
{
  g_autofree char *folded = escale_search_fold ("Société de développement de LÉVIS · Québec");
  g_auto(GStrv) terms = escale_search_terms ("  levis   QUEBEC ");
  g_auto(GStrv) missing = escale_search_terms ("levis montreal");
  g_auto(GStrv) nothing = escale_search_terms ("   ");

  g_assert_cmpstrv (terms, ((const char *[]) { "levis", "quebec", NULL }));
  g_assert_true (escale_search_terms_match ((const char * const *) terms, folded));
  /* Every word must match, not just one. */
  g_assert_false (escale_search_terms_match ((const char * const *) missing, folded));
  /* An empty search shows everything. */
  g_assert_cmpuint (g_strv_length (nothing), ==, 0);
  g_assert_true (escale_search_terms_match ((const char * const *) nothing, folded));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/empty-fields-are-allowed", test_empty_fields_are_allowed);
  g_test_add_func ("/validation/text", test_text);
  g_test_add_func ("/validation/email", test_email);
  g_test_add_func ("/validation/phone", test_phone);
  g_test_add_func ("/validation/postal-code", test_postal_code);
  g_test_add_func ("/validation/website", test_website);
  g_test_add_func ("/validation/coordinates", test_coordinates);
  g_test_add_func ("/validation/partner-form/reports-each-field", test_partner_form_reports_each_field);
  g_test_add_func ("/validation/partner-form/apply", test_partner_form_apply);
  g_test_add_func ("/validation/partner-form/apply-refuses", test_partner_form_apply_refuses);
  g_test_add_func ("/validation/contact-form", test_contact_form);
  g_test_add_func ("/validation/interaction-form", test_interaction_form);
  g_test_add_func ("/validation/dates", test_dates);
  g_test_add_func ("/validation/due-state", test_due_state);
  g_test_add_func ("/validation/due-state-on-sunday", test_due_state_on_sunday);
  g_test_add_func ("/validation/search", test_search_ignores_accents_and_case);

  return g_test_run ();
}
