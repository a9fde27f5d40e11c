/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-enums.h"
#include "escale-event-repository.h"
#include "escale-registration-repository.h"
#include "participant-fixture.h"

/* Registrations through the repository: seats and households, the
 * waitlist in order, promotions, the consent and eligibility gates, the
 * statuses a counsellor can set, the roll call, and two counsellors taking
 * the last seats at the same moment. */

typedef struct
{
  EscaleEventRepository        *events;
  EscaleRegistrationRepository *registrations;
  gint64                        event_id;
} Events;

static void
events_init (Events  *events,
             Fixture *fixture,
             int      capacity)
{
  g_autoptr(EscaleEvent) visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleItineraryStop) lunch = escale_itinerary_stop_new (ESCALE_STOP_KIND_MEAL, "Dîner à Amos",
                                                                    1791460800, 1791464400);
  g_autoptr(GError) error = NULL;

  events->events = escale_event_repository_new (fixture->database);
  events->registrations = escale_registration_repository_new (fixture->participants, region_list (fixture));

  escale_event_set_text (visit, "title", "Visite en Abitibi");
  escale_event_set_times (visit, 1791450000, 1791640000);
  escale_event_set_capacity (visit, capacity);
  escale_event_add_stop (visit, lunch);
  g_assert_true (escale_event_repository_save (events->events, visit, &error));
  g_assert_no_error (error);
  events->event_id = escale_event_get_id (visit);
}

static void
events_clear (Events *events)
{
  g_clear_object (&events->events);
  g_clear_object (&events->registrations);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Events, events_clear)

/* A participant who consented to registration and follow-up. */
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

static EscaleRegistrationStatus
register_ok (Events *events,
             gint64  participant_id,
             int     seats)
{
  EscaleRegisterOptions options = { .seats = seats };
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleRegistration) registration =
    escale_registration_repository_register (events->registrations, events->event_id, participant_id, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registration);
  g_assert_cmpint (escale_registration_get_seats (registration), ==, seats);
  return escale_registration_get_status (registration);
}

/* "Name:status" for each registration, in the list's order. */
static char *
describe (Events *events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = escale_registration_repository_list (events->registrations, events->event_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (list, i);

      g_string_append_printf (text, "%s%s:%s", i > 0 ? " " : "", escale_registration_get_participant_name (registration),
                              escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS,
                                                      escale_registration_get_status (registration)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
names_of (GPtrArray *registrations)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < registrations->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            escale_registration_get_participant_name (g_ptr_array_index (registrations, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_capacity_and_waitlist (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Events) events = { NULL };
  g_autoptr(GPtrArray) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *promoted_names = NULL;
  gint64 ana, bao, chloe, dmitri, emma;
  EscaleEventFill fill;

  events_init (&events, fixture, 4);
  ana = consenting (fixture, "Ana", "Alves");
  bao = consenting (fixture, "Bao", "Bui");
  chloe = consenting (fixture, "Chloé", "Charest");
  dmitri = consenting (fixture, "Dmitri", "Dvorak");
  emma = consenting (fixture, "Emma", "Eze");

  /* Ana comes alone, Bao with two children: four seats, all taken. */
  g_assert_cmpint (register_ok (&events, ana, 1), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  g_assert_cmpint (register_ok (&events, bao, 3), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  /* Chloé's family of four waits, then Dmitri and Emma. */
  g_assert_cmpint (register_ok (&events, chloe, 4), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);
  g_assert_cmpint (register_ok (&events, dmitri, 1), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);
  g_assert_cmpint (register_ok (&events, emma, 1), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);

  g_assert_true (escale_registration_repository_get_fill (events.registrations, events.event_id, &fill, &error));
  g_assert_cmpint (fill.capacity, ==, 4);
  g_assert_cmpuint (fill.seats_taken, ==, 4);
  g_assert_cmpuint (fill.n_holding, ==, 2);
  g_assert_cmpuint (fill.n_waitlisted, ==, 3);
  g_assert_cmpuint (fill.waitlisted_seats, ==, 6);

  /* Ana's seat frees: Chloé's family does not fit in it, Dmitri does. */
  g_assert_true (escale_registration_repository_cancel (events.registrations, events.event_id, ana, &promoted, &error));
  g_assert_no_error (error);
  promoted_names = names_of (promoted);
  g_assert_cmpstr (promoted_names, ==, "Dmitri Dvorak");
  described = describe (&events);
  g_assert_cmpstr (described, ==, "Bao Bui:registered Dmitri Dvorak:registered "
                                  "Chloé Charest:waitlisted Emma Eze:waitlisted Ana Alves:cancelled");
  g_clear_pointer (&described, g_free);
  g_clear_pointer (&promoted_names, g_free);
  g_clear_pointer (&promoted, g_ptr_array_unref);

  /* Bao's three seats free: still not enough for Chloé's family, and Emma
   * behind them takes one. */
  g_assert_true (escale_registration_repository_cancel (events.registrations, events.event_id, bao, &promoted, &error));
  g_assert_no_error (error);
  promoted_names = names_of (promoted);
  g_assert_cmpstr (promoted_names, ==, "Emma Eze");
  g_clear_pointer (&promoted_names, g_free);
  g_clear_pointer (&promoted, g_ptr_array_unref);
  described = describe (&events);
  g_assert_cmpstr (described, ==, "Dmitri Dvorak:registered Emma Eze:registered Chloé Charest:waitlisted "
                                  "Ana Alves:cancelled Bao Bui:cancelled");
  g_clear_pointer (&described, g_free);

  /* Ana registers again, behind Chloé's family, which the two free seats
   * cannot take: one of them is Ana's at once. */
  g_assert_cmpint (register_ok (&events, ana, 1), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);

  /* Twice is refused, with the status said. */
  {
    EscaleRegisterOptions options = { .seats = 1 };
    g_autoptr(EscaleRegistration) again =
      escale_registration_repository_register (events.registrations, events.event_id, emma, &options, &error);

    g_assert_null (again);
    g_assert_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_ALREADY_REGISTERED);
    g_assert_nonnull (strstr (error->message, "Registered"));
    g_clear_error (&error);
  }

  /* The capacity grows: the family gets the seats. */
  {
    g_autoptr(EscaleEvent) visit = escale_event_repository_load (events.events, events.event_id, &error);

    escale_event_set_capacity (visit, 7);
    g_assert_true (escale_event_repository_save (events.events, visit, &error));
    g_assert_true (escale_registration_repository_promote (events.registrations, events.event_id, &promoted, &error));
    g_assert_no_error (error);
    promoted_names = names_of (promoted);
    g_assert_cmpstr (promoted_names, ==, "Chloé Charest");
  }

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'registration' "
                                     "AND details LIKE '%promoted from the waitlist%'"),
                   ==, 4);
}

static void
test_gates (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Events) events = { NULL };
  g_autoptr(EscaleParticipant) refusing = new_participant ("Hugo", "Hébert", END_OF_FIELDS);
  g_autoptr(EscaleEvent) visit = NULL;
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  EscaleRegisterOptions options = { .seats = 1, .today = "2026-09-30" };
  gint64 student;

  events_init (&events, fixture, 20);

  /* No consent to registration: refused, with the reason. */
  save_ok (fixture, refusing);
  registration = escale_registration_repository_register (events.registrations, events.event_id,
                                                          escale_participant_get_id (refusing), &options, &error);
  g_assert_null (registration);
  g_assert_error (error, ESCALE_CONSENT_ERROR, ESCALE_CONSENT_ERROR_NEVER_GIVEN);
  g_clear_error (&error);

  /* The visit takes permanent residents only. */
  visit = escale_event_repository_load (events.events, events.event_id, &error);
  escale_event_set_text (visit, "eligibility-rules",
                         "{\"name\": \"Visites 2026\", \"statuses\": [\"permanent-resident\"]}");
  g_assert_true (escale_event_repository_save (events.events, visit, &error));
  g_assert_no_error (error);

  {
    g_autoptr(EscaleParticipant) participant = new_participant ("Ingrid", "Ibarra", ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS,
                                                                "student", END_OF_FIELDS);
    g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                           "2026-01", "Conseillère");

    escale_participant_add_consent (participant, consent);
    student = save_ok (fixture, participant);
  }

  registration = escale_registration_repository_register (events.registrations, events.event_id, student, &options, &error);
  g_assert_null (registration);
  g_assert_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_NOT_ELIGIBLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Ingrid Ibarra"));
  g_assert_nonnull (strstr (error->message, "justification"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM registration"), ==, 0);

  /* With a justification: registered, and the exception recorded. */
  options.justification = "Résidence permanente accordée la semaine prochaine";
  registration = escale_registration_repository_register (events.registrations, events.event_id, student, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_registration_get_status (registration), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM eligibility_override WHERE rules = 'Visites 2026'"), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE action = 'override'"), ==, 1);
  g_clear_object (&registration);

  /* A cancelled event takes nobody. */
  g_assert_true (escale_event_repository_cancel (events.events, visit, &error));
  registration = escale_registration_repository_register (events.registrations, events.event_id,
                                                          consenting (fixture, "Jade", "Joly"), &options, &error);
  g_assert_null (registration);
  g_assert_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_EVENT_CLOSED);
}

static gint64
registration_id_of (Events *events,
                    gint64  participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleRegistration) registration =
    escale_registration_repository_find (events->registrations, events->event_id, participant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registration);
  return escale_registration_get_id (registration);
}

static void
test_statuses_and_roll_call (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Events) events = { NULL };
  g_autoptr(EscaleEvent) visit = NULL;
  g_autoptr(GHashTable) at_lunch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  gint64 ana, bao, chloe, lunch_id;
  gint64 there[2];

  events_init (&events, fixture, 2);
  ana = consenting (fixture, "Ana", "Alves");
  bao = consenting (fixture, "Bao", "Bui");
  chloe = consenting (fixture, "Chloé", "Charest");
  register_ok (&events, ana, 1);
  register_ok (&events, bao, 1);
  register_ok (&events, chloe, 1);

  /* Waitlisted to attended is not a change anyone makes. */
  g_assert_false (escale_registration_repository_set_status (events.registrations, registration_id_of (&events, chloe),
                                                             ESCALE_REGISTRATION_STATUS_ATTENDED, NULL, &error));
  g_assert_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "Chloé Charest"));
  g_clear_error (&error);

  g_assert_true (escale_registration_repository_set_status (events.registrations, registration_id_of (&events, ana),
                                                            ESCALE_REGISTRATION_STATUS_CONFIRMED, NULL, &error));
  g_assert_no_error (error);

  /* The roll call at lunch: Ana is there, Bao is not; their registrations
   * do not change. Chloé, waitlisted, cannot be marked there. */
  visit = escale_event_repository_load (events.events, events.event_id, &error);
  {
    g_autoptr(EscaleItineraryStop) lunch = g_list_model_get_item (escale_event_get_stops (visit), 0);

    lunch_id = escale_itinerary_stop_get_id (lunch);
  }
  there[0] = chloe;
  g_assert_false (escale_registration_repository_take_roll_call (events.registrations, events.event_id, lunch_id,
                                                                 there, 1, &error));
  g_assert_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_NOT_REGISTERED);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM stop_attendance"), ==, 0);

  there[0] = ana;
  g_assert_true (escale_registration_repository_take_roll_call (events.registrations, events.event_id, lunch_id,
                                                                there, 1, &error));
  g_assert_no_error (error);
  at_lunch = escale_registration_repository_get_stop_roll_call (events.registrations, lunch_id, &error);
  {
    gint64 ana_registration = registration_id_of (&events, ana);
    gint64 bao_registration = registration_id_of (&events, bao);

    g_assert_cmpuint (g_hash_table_size (at_lunch), ==, 2);
    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (at_lunch, &ana_registration)));
    g_assert_true (g_hash_table_contains (at_lunch, &bao_registration));
    g_assert_false (GPOINTER_TO_INT (g_hash_table_lookup (at_lunch, &bao_registration)));
  }
  described = describe (&events);
  g_assert_cmpstr (described, ==, "Ana Alves:confirmed Bao Bui:registered Chloé Charest:waitlisted");
  g_clear_pointer (&described, g_free);

  /* The roll call of the visit itself: both came, in the end. A stop of
   * another event is refused. */
  g_assert_false (escale_registration_repository_take_roll_call (events.registrations, events.event_id + 1, lunch_id,
                                                                 there, 1, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  there[1] = bao;
  g_assert_true (escale_registration_repository_take_roll_call (events.registrations, events.event_id, 0,
                                                                there, 2, &error));
  g_assert_no_error (error);
  described = describe (&events);
  g_assert_cmpstr (described, ==, "Ana Alves:attended Bao Bui:attended Chloé Charest:waitlisted");
  g_clear_pointer (&described, g_free);

  /* Bao did not come after all: a correction, which frees no seat. */
  g_assert_true (escale_registration_repository_take_roll_call (events.registrations, events.event_id, 0,
                                                                there, 1, &error));
  described = describe (&events);
  g_assert_cmpstr (described, ==, "Ana Alves:attended Bao Bui:no-show Chloé Charest:waitlisted");
}

static void
on_registrations_changed (guint *n_changed)
{
  (*n_changed)++;
}

/* What a participant needs changes after registering, with an audit entry
 * naming what changed, and the lists told once. */
static void
test_needs (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Events) events = { NULL };
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  guint n_changed = 0;
  gint64 ana, id;

  events_init (&events, fixture, 4);
  ana = consenting (fixture, "Ana", "Alves");
  register_ok (&events, ana, 2);
  id = registration_id_of (&events, ana);
  g_signal_connect_swapped (events.registrations, "changed", G_CALLBACK (on_registrations_changed), &n_changed);

  g_assert_true (escale_registration_repository_set_needs (events.registrations, id, "  Halal ", "Fauteuil roulant",
                                                           TRUE, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  registration = escale_registration_repository_find (events.registrations, events.event_id, ana, &error);
  g_assert_cmpstr (escale_registration_get_diet (registration), ==, "Halal");
  g_assert_cmpstr (escale_registration_get_accessibility (registration), ==, "Fauteuil roulant");
  g_assert_true (escale_registration_get_needs_lodging (registration));
  g_assert_null (escale_registration_get_notes (registration));
  /* The seats and the status are not the needs' to change. */
  g_assert_cmpint (escale_registration_get_seats (registration), ==, 2);
  g_assert_cmpint (escale_registration_get_status (registration), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  g_clear_object (&registration);

  /* The names of the fields, never what the person needs. */
  details = sql_text (fixture, "SELECT details FROM audit_log WHERE entity = 'registration' ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (details, "diet"));
  g_assert_nonnull (strstr (details, "needs-lodging"));
  g_assert_null (strstr (details, "notes"));
  g_assert_null (strstr (details, "Halal"));

  /* The same needs again change nothing and tell nobody. */
  g_assert_true (escale_registration_repository_set_needs (events.registrations, id, "Halal", "Fauteuil roulant",
                                                           TRUE, NULL, &error));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'registration'"), ==, 2);

  /* Cleared, then a registration that does not exist. */
  g_assert_true (escale_registration_repository_set_needs (events.registrations, id, NULL, " ", FALSE,
                                                           "Arrive en retard", &error));
  registration = escale_registration_repository_find (events.registrations, events.event_id, ana, &error);
  g_assert_null (escale_registration_get_diet (registration));
  g_assert_null (escale_registration_get_accessibility (registration));
  g_assert_false (escale_registration_get_needs_lodging (registration));
  g_assert_cmpstr (escale_registration_get_notes (registration), ==, "Arrive en retard");
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_false (escale_registration_repository_set_needs (events.registrations, id + 100, "Halal", NULL, FALSE, NULL,
                                                            &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_changed, ==, 2);
}

/* Two counsellors, each with their own connection to the file, register
 * five people each for the last three seats at the same moment. */
typedef struct
{
  const char *path;
  gint64      event_id;
  gint64      participants[5];
  GMutex     *lock;
  GCond      *start;
  gboolean   *go;
} Counsellor;

static gpointer
counsellor_registers (gpointer data)
{
  Counsellor *counsellor = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (counsellor->path, &error);
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(EscaleRegistrationRepository) registrations = NULL;
  EscaleRegisterOptions options = { .seats = 1 };

  g_assert_no_error (error);
  regions = escale_region_repository_new (database, &error);
  participants = escale_participant_repository_new (database, &error);
  g_assert_no_error (error);
  registrations = escale_registration_repository_new (participants, escale_region_repository_get_regions (regions));

  g_mutex_lock (counsellor->lock);
  while (!*counsellor->go)
    g_cond_wait (counsellor->start, counsellor->lock);
  g_mutex_unlock (counsellor->lock);

  for (guint i = 0; i < G_N_ELEMENTS (counsellor->participants); i++)
    {
      g_autoptr(EscaleRegistration) registration =
        escale_registration_repository_register (registrations, counsellor->event_id, counsellor->participants[i],
                                                 &options, &error);

      g_assert_no_error (error);
      g_assert_nonnull (registration);
    }

  return NULL;
}

static void
test_capacity_race (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Events) events = { NULL };
  GMutex lock;
  GCond start;
  gboolean go = FALSE;
  Counsellor counsellors[2];
  GThread *threads[2];

  events_init (&events, fixture, 3);
  g_mutex_init (&lock);
  g_cond_init (&start);

  for (guint c = 0; c < 2; c++)
    {
      counsellors[c] = (Counsellor) { fixture->path, events.event_id, { 0 }, &lock, &start, &go };
      for (guint i = 0; i < 5; i++)
        {
          g_autofree char *given = g_strdup_printf ("Personne %u-%u", c, i);

          counsellors[c].participants[i] = consenting (fixture, given, "Course");
        }
      threads[c] = g_thread_new ("counsellor", counsellor_registers, &counsellors[c]);
    }

  g_mutex_lock (&lock);
  go = TRUE;
  g_cond_broadcast (&start);
  g_mutex_unlock (&lock);
  for (guint c = 0; c < 2; c++)
    g_thread_join (threads[c]);

  /* Three seats sold, not four or six; everybody else waits. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM registration WHERE status = 'registered'"), ==, 3);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM registration WHERE status = 'waitlisted'"), ==, 7);

  g_cond_clear (&start);
  g_mutex_clear (&lock);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/registrations/capacity-and-waitlist", test_capacity_and_waitlist);
  ADD ("/registrations/gates", test_gates);
  ADD ("/registrations/statuses-and-roll-call", test_statuses_and_roll_call);
  ADD ("/registrations/needs", test_needs);
  ADD ("/registrations/capacity-race", test_capacity_race);
#undef ADD

  return g_test_run ();
}
