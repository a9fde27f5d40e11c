/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "escale-event-repository.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"
#include "escale-registration-repository.h"

#include "cli-test-run.h"

/* escale-cli events print: each document of a visit written as a PDF, and
 * the mistakes a counsellor can make on the command line (a document that
 * does not exist, no file, a folder that does not exist) answered with one
 * clear line and no file left behind. What the documents say is checked
 * in tests/core/test-event-documents.c. */

/* A visit with a partnered stop, a coach, a task, and two people
 * registered, one with a phone and an email. Returns the visit's ID. */
static gint64
build_database (const char *db)
{
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscalePartnerRepository) partners = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleRegistrationRepository) registrations = NULL;
  g_autoptr(EscalePartner) foundry = NULL;
  g_autoptr(EscaleEvent) visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleItineraryStop) stop = NULL;
  g_autoptr(EscaleVehicle) coach = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, 20);
  g_autoptr(EscaleLogisticsTask) task = escale_logistics_task_new ("Réserver l’autocar", "2026-11-01");
  g_autoptr(GError) error = NULL;
  const char *people[][3] = {
    { "Ana", "Alves", "514 555-0101" },
    { "Bao", "Bui", NULL },
  };

  database = escale_database_open (db, &error);
  g_assert_no_error (error);
  regions = escale_region_repository_new (database, &error);
  g_assert_no_error (error);
  partners = escale_partner_repository_new (database, regions, &error);
  g_assert_no_error (error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);
  events = escale_event_repository_new (database);
  registrations = escale_registration_repository_new (participants, escale_region_repository_get_regions (regions));

  foundry = g_object_new (ESCALE_TYPE_PARTNER, "name", "Fonderie Horne", "kind", ESCALE_PARTNER_KIND_EMPLOYER,
                          "region-code", "08", NULL);
  g_assert_true (escale_partner_repository_save (partners, foundry, &error));
  g_assert_no_error (error);

  escale_event_set_text (visit, "title", "Visite en Abitibi");
  escale_event_set_status (visit, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (visit, 1796214600, 1796346000);
  escale_event_set_capacity (visit, 20);
  stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de la fonderie", 1796245200, 1796250600);
  escale_itinerary_stop_set_organization_id (stop, escale_partner_get_id (foundry));
  escale_event_add_stop (visit, stop);
  escale_event_add_vehicle (visit, coach);
  escale_event_add_task (visit, task);
  g_assert_true (escale_event_repository_save (events, visit, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(EscaleParticipant) participant = escale_participant_new ();
      g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                             "2026-01", "Geneviève");
      g_autoptr(EscaleRegistration) registration = NULL;
      EscaleRegisterOptions options = { .seats = 1, .today = TODAY };

      g_object_set (participant, "given-name", people[i][0], "family-name", people[i][1], "phone", people[i][2],
                    "email", "personne@example.org", NULL);
      escale_participant_add_consent (participant, consent);
      g_assert_true (escale_participant_repository_save (participants, participant, &error));
      g_assert_no_error (error);

      registration = escale_registration_repository_register (registrations, escale_event_get_id (visit),
                                                              escale_participant_get_id (participant), &options,
                                                              &error);
      g_assert_no_error (error);
      g_assert_nonnull (registration);
    }

  return escale_event_get_id (visit);
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_file (path, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  const char *documents[][2] = {
    { "sheet", "Information sheet" },
    { "manifest", "Bus manifest" },
    { "attendance", "Attendance sheet" },
    { "partners", "Partner confirmations" },
  };
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, build_database (fixture->db));

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", documents[i][0]);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_autofree char *message = g_strdup_printf ("%s written to %s\n", documents[i][1], path);
      g_auto(Run) run = { 0, };

      RUN (&run, "--db", fixture->db, "events", "print", id, "--document", documents[i][0], "-o", path);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, message);
      assert_pdf (path);
    }

  assert_folder_holds (fixture->folder, "attendance.pdf escale.db manifest.pdf partners.pdf sheet.pdf");
}

static void
test_print_mistakes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, build_database (fixture->db));
  g_autofree char *path = g_build_filename (fixture->folder, "document.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->folder, "absent", "document.pdf", NULL);
  g_autofree char *listing = NULL;
  g_auto(Run) unknown = { 0, };
  g_auto(Run) no_document = { 0, };
  g_auto(Run) no_output = { 0, };
  g_auto(Run) no_id = { 0, };
  g_auto(Run) bad_id = { 0, };
  g_auto(Run) no_event = { 0, };
  g_auto(Run) no_folder = { 0, };

  listing = folder_listing (fixture->folder);

  RUN (&unknown, "--db", fixture->db, "events", "print", id, "--document", "badges", "-o", path);
  assert_usage_error (&unknown, "--document: “badges” is not a document; use sheet, manifest, attendance or partners");

  RUN (&no_document, "--db", fixture->db, "events", "print", id, "-o", path);
  assert_usage_error (&no_document, "--document: say what to print: sheet, manifest, attendance or partners");

  RUN (&no_output, "--db", fixture->db, "events", "print", id, "--document", "sheet");
  assert_usage_error (&no_output, "-o FILE");

  RUN (&no_id, "--db", fixture->db, "events", "print", "--document", "sheet", "-o", path);
  assert_usage_error (&no_id, "Give exactly one event ID");

  RUN (&bad_id, "--db", fixture->db, "events", "print", "visite", "--document", "sheet", "-o", path);
  assert_usage_error (&bad_id, "“visite” is not an ID");

  RUN (&no_event, "--db", fixture->db, "events", "print", "999", "--document", "sheet", "-o", path);
  g_assert_cmpint (no_event.status, ==, 1);
  g_assert_cmpstr (no_event.out, ==, "");
  g_assert_true (g_str_has_prefix (no_event.err, "escale-cli: "));
  g_assert_cmpuint (count_lines (no_event.err), ==, 1);

  RUN (&no_folder, "--db", fixture->db, "events", "print", id, "--document", "manifest", "-o", missing);
  assert_data_error (&no_folder, missing);

  /* Nothing was written by any of them. */
  assert_folder_holds (fixture->folder, listing);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add ("/cli/events/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/cli/events/print/mistakes", Fixture, NULL, fixture_set_up, test_print_mistakes, fixture_tear_down);

  return cli_test_run ();
}
