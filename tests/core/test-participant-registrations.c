/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "escale-enums.h"
#include "escale-event-json.h"
#include "escale-event-repository.h"
#include "escale-registration-repository.h"
#include "participant-fixture.h"

/* The events of a participant's file: each event they were registered
 * for, latest first, with their status and place on the waitlist; and the
 * events a counsellor can still register them for. */

/* @hour on @day in Québec. */
static gint64
at (const char *day,
    const char *hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Toronto");
  g_autofree char *iso = g_strdup_printf ("%sT%s:00", day, hour);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

typedef struct
{
  EscaleEventRepository        *events;
  EscaleRegistrationRepository *registrations;
} Stores;

static void
stores_clear (Stores *stores)
{
  g_clear_object (&stores->events);
  g_clear_object (&stores->registrations);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stores, stores_clear)

static void
stores_init (Stores  *stores,
             Fixture *fixture)
{
  stores->events = escale_event_repository_new (fixture->database);
  stores->registrations = escale_registration_repository_new (fixture->participants, region_list (fixture));
}

static gint64
save_event (Stores            *stores,
            EscaleEventKind    kind,
            const char        *title,
            const char        *day,
            int                capacity,
            EscaleEventStatus  status)
{
  g_autoptr(EscaleEvent) event = escale_event_new (kind);
  g_autoptr(GError) error = NULL;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "region-code", "08");
  escale_event_set_times (event, at (day, "18:00"), at (day, "20:00"));
  escale_event_set_capacity (event, capacity);
  escale_event_set_status (event, status);
  g_assert_true (escale_event_repository_save (stores->events, event, &error));
  g_assert_no_error (error);

  return escale_event_get_id (event);
}

static void
set_status (Stores            *stores,
            gint64             event_id,
            EscaleEventStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleEvent) event = escale_event_repository_load (stores->events, event_id, &error);

  g_assert_no_error (error);
  if (status == ESCALE_EVENT_STATUS_CANCELLED)
    g_assert_true (escale_event_repository_cancel (stores->events, event, &error));
  else
    {
      escale_event_set_status (event, status);
      g_assert_true (escale_event_repository_save (stores->events, event, &error));
    }
  g_assert_no_error (error);
}

static gint64
consenting (Fixture    *fixture,
            const char *given,
            const char *family)
{
  g_autoptr(EscaleParticipant) participant = new_participant (given, family, END_OF_FIELDS);
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                         "2026-01", "Conseillère");

  escale_participant_add_consent (participant, consent);
  return save_ok (fixture, participant);
}

static void
register_ok (Stores *stores,
             gint64  event_id,
             gint64  participant_id,
             int     seats)
{
  EscaleRegisterOptions options = { .seats = seats };
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleRegistration) registration =
    escale_registration_repository_register (stores->registrations, event_id, participant_id, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registration);
}

/* "title:status[#position]:seats[:event status]", latest first. */
static char *
describe_file (Stores *stores,
               gint64  participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = escale_registration_repository_list_for_participant (stores->registrations,
                                                                                   participant_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      EscaleParticipantRegistration *entry = g_ptr_array_index (list, i);
      EscaleRegistration *registration = escale_participant_registration_get_registration (entry);
      EscaleEvent *event = escale_participant_registration_get_event (entry);
      guint position = escale_participant_registration_get_waitlist_position (entry);

      g_assert_cmpint (escale_registration_get_event_id (registration), ==, escale_event_get_id (event));
      g_assert_cmpint (escale_registration_get_participant_id (registration), ==, participant_id);
      g_string_append_printf (text, "%s%s:%s", i > 0 ? " | " : "", escale_event_get_title (event),
                              escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS,
                                                      escale_registration_get_status (registration)));
      if (position > 0)
        g_string_append_printf (text, "#%u", position);
      g_string_append_printf (text, ":%d", escale_registration_get_seats (registration));
      if (escale_event_get_status (event) != ESCALE_EVENT_STATUS_PUBLISHED)
        g_string_append_printf (text, ":%s", escale_choice_get_nick (ESCALE_TYPE_EVENT_STATUS,
                                                                     escale_event_get_status (event)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_list_for_participant (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Stores) stores = { NULL };
  g_autoptr(GPtrArray) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chloe_file = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bao_file = NULL;
  g_autofree char *nobody = NULL;
  g_autofree char *unknown = NULL;
  gint64 session, visit, fair, presentation;
  gint64 ana, bao, chloe, dmitri;

  stores_init (&stores, fixture);
  fair = save_event (&stores, ESCALE_EVENT_KIND_FAIR, "Salon de l’emploi", "2026-10-01", 100,
                     ESCALE_EVENT_STATUS_PUBLISHED);
  session = save_event (&stores, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance à Montréal", "2026-11-25", 1,
                        ESCALE_EVENT_STATUS_PUBLISHED);
  visit = save_event (&stores, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite en Abitibi", "2026-12-03", 10,
                      ESCALE_EVENT_STATUS_PUBLISHED);
  presentation = save_event (&stores, ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION, "Présentation en ligne", "2027-01-12",
                             50, ESCALE_EVENT_STATUS_PUBLISHED);
  ana = consenting (fixture, "Ana", "Alves");
  bao = consenting (fixture, "Bao", "Bui");
  chloe = consenting (fixture, "Chloé", "Charest");
  dmitri = consenting (fixture, "Dmitri", "Dvorak");

  /* Ana takes the session's only seat; Bao, then Chloé, wait for it. */
  register_ok (&stores, session, ana, 1);
  register_ok (&stores, session, bao, 1);
  register_ok (&stores, session, chloe, 1);
  /* Chloé came to the fair, signed up for the visit with her family and
   * gave it up, and for a presentation that was then cancelled. */
  register_ok (&stores, fair, chloe, 1);
  set_status (&stores, fair, ESCALE_EVENT_STATUS_DONE);
  register_ok (&stores, visit, chloe, 3);
  g_assert_true (escale_registration_repository_cancel (stores.registrations, visit, chloe, NULL, &error));
  g_assert_no_error (error);
  register_ok (&stores, presentation, chloe, 1);
  set_status (&stores, presentation, ESCALE_EVENT_STATUS_CANCELLED);

  /* The latest first: the upcoming before the past. Cancellations stay. */
  chloe_file = describe_file (&stores, chloe);
  g_assert_cmpstr (chloe_file, ==, "Présentation en ligne:registered:1:cancelled | "
                                   "Visite en Abitibi:cancelled:3 | "
                                   "Séance à Montréal:waitlisted#2:1 | "
                                   "Salon de l’emploi:registered:1:done");
  bao_file = describe_file (&stores, bao);
  g_assert_cmpstr (bao_file, ==, "Séance à Montréal:waitlisted#1:1");

  /* Bao gives up: Chloé is first in line. */
  g_assert_true (escale_registration_repository_cancel (stores.registrations, session, bao, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted->len, ==, 0);
  after = describe_file (&stores, chloe);
  g_assert_true (strstr (after, "Séance à Montréal:waitlisted#1:1") != NULL);

  /* Nobody registered, or no such file: nothing, and no error. */
  nobody = describe_file (&stores, dmitri);
  g_assert_cmpstr (nobody, ==, "");
  unknown = describe_file (&stores, 9999);
  g_assert_cmpstr (unknown, ==, "");
}

/* What `escale-cli participants show --json` prints of one of them. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Stores) stores = { NULL };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gint64 session, ana, bao;

  stores_init (&stores, fixture);
  session = save_event (&stores, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance à Montréal", "2026-11-25", 1,
                        ESCALE_EVENT_STATUS_PUBLISHED);
  ana = consenting (fixture, "Ana", "Alves");
  bao = consenting (fixture, "Bao", "Bui");
  register_ok (&stores, session, ana, 1);
  register_ok (&stores, session, bao, 2);

  list = escale_registration_repository_list_for_participant (stores.registrations, bao, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  node = escale_participant_registration_to_json (g_ptr_array_index (list, 0));
  text = json_to_string (node, FALSE);
  expected = g_strdup_printf ("{\"event_id\":%" G_GINT64_FORMAT ",\"title\":\"Séance à Montréal\","
                              "\"kind\":\"information-session\",\"starts_at\":\"2026-11-25T18:00:00-05:00\","
                              "\"event_status\":\"published\",\"status\":\"waitlisted\","
                              "\"seats\":2,\"waitlist_position\":1}", session);
  g_assert_cmpstr (text, ==, expected);
}

static char *
describe_open (Stores *stores,
               gint64  now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = escale_event_repository_list_open_for_registration (stores->events, now, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " | " : "", escale_event_get_title (g_ptr_array_index (events, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_open_for_registration (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Stores) stores = { NULL };
  g_autofree char *monday = NULL;
  g_autofree char *wednesday = NULL;

  stores_init (&stores, fixture);
  /* Saved out of order: the list is by start. */
  save_event (&stores, ESCALE_EVENT_KIND_INFORMATION_SESSION, "En préparation", "2027-02-02", 20,
              ESCALE_EVENT_STATUS_DRAFT);
  save_event (&stores, ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite complète", "2026-12-10", 2,
              ESCALE_EVENT_STATUS_FULL);
  save_event (&stores, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance de mercredi", "2026-11-25", 20,
              ESCALE_EVENT_STATUS_PUBLISHED);
  save_event (&stores, ESCALE_EVENT_KIND_FAIR, "Salon terminé", "2026-11-30", 100, ESCALE_EVENT_STATUS_DONE);
  save_event (&stores, ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION, "Présentation annulée", "2026-11-26", 50,
              ESCALE_EVENT_STATUS_CANCELLED);
  save_event (&stores, ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance passée", "2026-11-20", 20,
              ESCALE_EVENT_STATUS_PUBLISHED);

  /* Drafts and full events take registrations (a full one, on its
   * waitlist); cancelled, done and past ones do not. */
  monday = describe_open (&stores, at ("2026-11-23", "12:00"));
  g_assert_cmpstr (monday, ==, "Séance de mercredi | Visite complète | En préparation");

  /* Once it has started, too late. */
  wednesday = describe_open (&stores, at ("2026-11-25", "18:00"));
  g_assert_cmpstr (wednesday, ==, "Visite complète | En préparation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/participant-registrations/list", test_list_for_participant);
  ADD ("/participant-registrations/json", test_json);
  ADD ("/participant-registrations/open-for-registration", test_open_for_registration);
#undef ADD

  return g_test_run ();
}
