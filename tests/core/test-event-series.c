/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "escale-enums.h"
#include "escale-event-repository.h"
#include "escale-event-series-repository.h"
#include "escale-registration-repository.h"
#include "montreal-time.h"
#include "participant-fixture.h"

/* Series of information sessions in the database (the rule alone is
 * test-series-rule.c's): made in one transaction or not at all, extended
 * and shortened, an occurrence removed with and without registrations, and
 * a change carried to the sessions that follow. */

typedef struct
{
  EscaleEventRepository        *events;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
  guint                         n_changed;
} Store;

static void
on_events_changed (EscaleEventRepository *events,
                   Store                 *store)
{
  store->n_changed++;
}

static void
store_init (Store   *store,
            Fixture *fixture)
{
  store->events = escale_event_repository_new (fixture->database);
  store->series = escale_event_series_repository_new (store->events);
  store->registrations = escale_registration_repository_new (fixture->participants, region_list (fixture));
  store->n_changed = 0;
  g_signal_connect (store->events, "changed", G_CALLBACK (on_events_changed), store);
}

static void
store_clear (Store *store)
{
  g_clear_object (&store->series);
  g_clear_object (&store->events);
  g_clear_object (&store->registrations);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Store, store_clear)

/* The Tuesday @weeks weeks after next week's, as "YYYY-MM-DD"; negative
 * for the past. Registrations need sessions to come. */
static char *
tuesday (int weeks)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  int to_next = (G_DATE_TUESDAY - g_date_time_get_day_of_week (now) + 7) % 7 + 7;
  g_autoptr(GDateTime) day = g_date_time_add_days (now, to_next + 7 * weeks);

  return g_date_time_format (day, "%Y-%m-%d");
}

static char *
day_after (const char *iso,
           int         days)
{
  GDate date;

  set_day (&date, iso);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return escale_calendar_date_format (&date);
}

static EscaleEvent *
new_session (Fixture    *fixture,
             const char *day)
{
  EscaleEvent *session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autofree char *deadline = day_after (day, -1);
  gint64 partner;

  exec_sql (fixture, "INSERT INTO organization (name, kind, region_code, created_at, updated_at) "
                     "VALUES ('Accueil Mauricie', 'regional-host', '04', 0, 0)");
  partner = sql_int (fixture, "SELECT max(id) FROM organization");

  escale_event_set_text (session, "title", "Séance d’information : la Mauricie");
  escale_event_set_text (session, "place-name", "Maison de la régionalisation");
  escale_event_set_text (session, "registration-deadline", deadline);
  escale_event_set_times (session, at (day, "13:30"), at (day, "15:00"));
  escale_event_set_capacity (session, 30);
  escale_event_set_status (session, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_partner_ids (session, &partner, 1);
  return session;
}

static EscaleEventSeries *
create_ok (Store       *store,
           Fixture     *fixture,
           const char  *first,
           const char  *until,
           guint        interval)
{
  g_autoptr(EscaleEvent) model = new_session (fixture, first);
  g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, interval, until);
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_event_series_repository_create (store->series, series, model, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_event_series_get_id (series), >, 0);
  g_assert_cmpstr (escale_event_series_get_first_on (series), ==, first);
  return g_steal_pointer (&series);
}

static GPtrArray *
occurrences_of (Store             *store,
                EscaleEventSeries *series)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = escale_event_series_repository_list_occurrences (store->series,
                                                                       escale_event_series_get_id (series), &error);

  g_assert_no_error (error);
  return events;
}

/* "2026-12-01 2026-12-08:cancelled", the series dates and any status but
 * published. */
static char *
describe_occurrences (Store             *store,
                      EscaleEventSeries *series)
{
  g_autoptr(GPtrArray) events = occurrences_of (store, series);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (events, i);
      EscaleEventStatus status = escale_event_get_status (event);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", escale_event_get_series_date (event));
      if (status != ESCALE_EVENT_STATUS_PUBLISHED)
        g_string_append_printf (text, ":%s", escale_choice_get_nick (ESCALE_TYPE_EVENT_STATUS, status));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "d1 d2 d3" from the Tuesdays @weeks, ending with -1000. */
static char *
tuesdays (int first,
          ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (int week = first; week != -1000; week = va_arg (args, int))
    {
      g_autofree char *day = tuesday (week);

      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", day);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
occurrence_id (Store             *store,
               EscaleEventSeries *series,
               const char        *date)
{
  g_autoptr(GPtrArray) events = occurrences_of (store, series);

  for (guint i = 0; i < events->len; i++)
    {
      if (g_str_equal (escale_event_get_series_date (g_ptr_array_index (events, i)), date))
        return escale_event_get_id (g_ptr_array_index (events, i));
    }

  g_error ("No occurrence on %s", date);
}

static void
register_someone (Fixture    *fixture,
                  Store      *store,
                  gint64      event_id,
                  const char *given)
{
  g_autoptr(EscaleParticipant) participant = new_participant (given, "Tremblay", END_OF_FIELDS);
  g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-01-05",
                                                         "2026-01", "Conseillère");
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  EscaleRegisterOptions options = { .seats = 1 };

  escale_participant_add_consent (participant, consent);
  registration = escale_registration_repository_register (store->registrations, event_id, save_ok (fixture, participant),
                                                          &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (registration);
}

/* The rule's sessions, each an event of the series with its own calendar
 * identity, what the model had, and its deadline the day before. */
static void
test_store_create (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *until = tuesday (4);
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(EscaleEventSeries) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EscaleEvent) full = NULL;
  g_autofree char *expected = tuesdays (0, 1, 2, 3, 4, -1000);
  g_autofree char *dates = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  guint n_partners;

  store_init (&store, fixture);
  series = create_ok (&store, fixture, first, until, 1);
  g_assert_cmpuint (store.n_changed, ==, 1);

  dates = describe_occurrences (&store, series);
  g_assert_cmpstr (dates, ==, expected);
  events = occurrences_of (&store, series);
  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (events, i);
      const char *date = escale_event_get_series_date (event);
      g_autofree char *start = local (escale_event_get_starts_at (event));
      g_autofree char *end = local (escale_event_get_ends_at (event));
      g_autofree char *deadline = day_after (date, -1);

      g_assert_cmpint (escale_event_get_series_id (event), ==, escale_event_series_get_id (series));
      g_assert_true (g_str_has_prefix (start, date));
      g_assert_true (g_str_has_prefix (start + 10, " 13:30"));
      g_assert_true (g_str_has_prefix (end + 10, " 15:00"));
      g_assert_cmpstr (escale_event_get_title (event), ==, "Séance d’information : la Mauricie");
      g_assert_cmpstr (escale_event_get_text (event, "place-name"), ==, "Maison de la régionalisation");
      g_assert_cmpint (escale_event_get_capacity (event), ==, 30);
      g_assert_cmpint (escale_event_get_status (event), ==, ESCALE_EVENT_STATUS_PUBLISHED);
      g_assert_cmpstr (escale_event_get_text (event, "registration-deadline"), ==, deadline);
      g_assert_true (g_hash_table_add (uids, (gpointer) escale_event_get_ical_uid (event)));
    }

  full = escale_event_repository_load (store.events, escale_event_get_id (g_ptr_array_index (events, 2)), &error);
  g_assert_no_error (error);
  escale_event_get_partner_ids (full, &n_partners);
  g_assert_cmpuint (n_partners, ==, 1);

  loaded = escale_event_series_repository_load (store.series, escale_event_series_get_id (series), &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_event_series_get_frequency (loaded), ==, ESCALE_SERIES_FREQUENCY_WEEKLY);
  g_assert_cmpuint (escale_event_series_get_interval (loaded), ==, 1);
  g_assert_cmpstr (escale_event_series_get_first_on (loaded), ==, first);
  g_assert_cmpstr (escale_event_series_get_until_on (loaded), ==, until);
  description = escale_event_series_describe (loaded);
  g_assert_true (g_str_has_prefix (description, "Every week on Tuesday until "));

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'event-series' "
                                     "AND action = 'create'"), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'event' AND action = 'create'"),
                   ==, 5);
}

/* An occurrence that cannot be written leaves neither the series nor the
 * occurrences before it. */
static void
test_store_create_all_or_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *until = tuesday (4);
  g_autoptr(EscaleEvent) model = new_session (fixture, first);
  g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, until);
  g_autoptr(EscaleEventSeries) again = NULL;
  g_autoptr(GError) error = NULL;

  store_init (&store, fixture);
  exec_sql (fixture, "CREATE TEMP TRIGGER third_fails BEFORE INSERT ON event "
                     "WHEN (SELECT count(*) FROM event WHERE series_id = NEW.series_id) >= 2 "
                     "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END");

  g_assert_false (escale_event_series_repository_create (store.series, series, model, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_cmpint (escale_event_series_get_id (series), ==, 0);
  g_assert_null (escale_event_series_get_first_on (series));
  g_assert_cmpint (escale_event_get_id (model), ==, 0);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 0);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event_series"), ==, 0);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity LIKE 'event%'"), ==, 0);
  g_assert_cmpuint (store.n_changed, ==, 0);

  exec_sql (fixture, "DROP TRIGGER third_fails");
  again = create_ok (&store, fixture, first, until, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 5);
  g_assert_cmpuint (store.n_changed, ==, 1);
}

static void
assert_create_refused (Store       *store,
                       EscaleEvent *model,
                       const char  *until,
                       const char  *excluded,
                       GQuark       domain,
                       int          code,
                       const char  *message)
{
  g_autoptr(EscaleEventSeries) series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, 1, until);
  g_autoptr(GError) error = NULL;

  if (excluded != NULL)
    escale_event_series_exclude (series, excluded);
  g_assert_false (escale_event_series_repository_create (store->series, series, model, &error));
  g_assert_error (error, domain, code);
  /* A message ending with "…" is the start of the one expected. */
  if (g_str_has_suffix (message, "…"))
    {
      g_autofree char *start = g_strndup (message, strlen (message) - strlen ("…"));

      g_assert_true (g_str_has_prefix (error->message, start));
    }
  else
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (escale_event_series_get_id (series), ==, 0);
}

/* Refused before anything is written, naming the field. */
static void
test_store_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *until = tuesday (4);
  g_autofree char *before = day_after (first, -1);
  g_autofree char *in_three_years = day_after (first, 3 * 366);
  g_autoptr(EscaleEvent) model = new_session (fixture, first);
  g_autoptr(EscaleEvent) untitled = new_session (fixture, first);
  g_autoptr(EscaleEvent) visit = new_session (fixture, first);
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_DEPARTURE, "Départ",
                                                                   at (first, "13:30"), at (first, "14:00"));

  store_init (&store, fixture);
  escale_event_set_text (untitled, "title", " ");
  escale_event_add_stop (visit, stop);

  assert_create_refused (&store, untitled, until, NULL, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                         "Title: this field is required");
  assert_create_refused (&store, visit, until, NULL, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                         "Itinerary: a series repeats a session without an itinerary, vehicles or checklist; "
                         "plan each visit on its own");
  assert_create_refused (&store, model, before, NULL, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                         "Until: the series would end before its first session, on …");
  assert_create_refused (&store, model, "le 15 décembre", NULL, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                         "Until: write the last day of the series as YYYY-MM-DD");
  assert_create_refused (&store, model, in_three_years, NULL, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_TOO_LONG,
                         "Until: a series lasts at most two years; end it on …");
  assert_create_refused (&store, model, first, first, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                         "Excluded dates: they leave no session in the series");

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 0);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event_series"), ==, 0);
  g_assert_cmpuint (store.n_changed, ==, 0);
}

static void
set_until_ok (Store             *store,
              EscaleEventSeries *series,
              const char        *until)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_event_series_repository_set_until (store->series, series, until, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_event_series_get_until_on (series), ==, until);
}

static EscaleOccurrenceRemoval
remove_ok (Store             *store,
           EscaleEventSeries *series,
           const char        *date)
{
  g_autoptr(GError) error = NULL;
  EscaleOccurrenceRemoval removal = -1;

  g_assert_true (escale_event_series_repository_remove_occurrence (store->series, series, date, &removal, &error));
  g_assert_no_error (error);
  g_assert_true (escale_event_series_is_excluded (series, date));
  return removal;
}

/* New sessions on the dates that were not removed, like the others. */
static void
test_store_extend (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *removed = tuesday (1);
  g_autofree char *until = tuesday (2);
  g_autofree char *later = tuesday (5);
  g_autofree char *expected = tuesdays (0, 2, 3, 4, 5, -1000);
  g_autofree char *deadline = day_after (later, -1);
  g_autofree char *too_far = day_after (first, 2 * 366);
  g_autofree char *dates = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *start = NULL;
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(EscaleEventSeries) stored = NULL;
  g_autoptr(EscaleEvent) last = NULL;
  g_autoptr(GError) error = NULL;
  guint n_partners;

  store_init (&store, fixture);
  series = create_ok (&store, fixture, first, until, 1);
  g_assert_cmpint (remove_ok (&store, series, removed), ==, ESCALE_OCCURRENCE_DELETED);

  store.n_changed = 0;
  set_until_ok (&store, series, later);
  g_assert_cmpuint (store.n_changed, ==, 1);
  dates = describe_occurrences (&store, series);
  g_assert_cmpstr (dates, ==, expected);

  last = escale_event_repository_load (store.events, occurrence_id (&store, series, later), &error);
  g_assert_no_error (error);
  start = local (escale_event_get_starts_at (last));
  g_assert_true (g_str_has_prefix (start, later));
  g_assert_true (g_str_has_prefix (start + 10, " 13:30"));
  g_assert_cmpstr (escale_event_get_title (last), ==, "Séance d’information : la Mauricie");
  g_assert_cmpstr (escale_event_get_text (last, "registration-deadline"), ==, deadline);
  escale_event_get_partner_ids (last, &n_partners);
  g_assert_cmpuint (n_partners, ==, 1);

  /* Again: nothing twice. */
  set_until_ok (&store, series, later);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 5);

  /* Past the bounds: refused, and nothing changed. */
  g_assert_false (escale_event_series_repository_set_until (store.series, series, too_far, &error));
  g_assert_error (error, ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_TOO_LONG);
  unchanged = describe_occurrences (&store, series);
  g_assert_cmpstr (unchanged, ==, expected);
  stored = escale_event_series_repository_load (store.series, escale_event_series_get_id (series), NULL);
  g_assert_cmpstr (escale_event_series_get_until_on (stored), ==, later);
  g_assert_cmpstr (escale_event_series_get_until_on (series), ==, later);
}

static void
test_store_shorten (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *until = tuesday (5);
  g_autofree char *sooner = tuesday (2);
  g_autofree char *expected = tuesdays (0, 1, 2, -1000);
  g_autofree char *dates = NULL;
  g_autoptr(EscaleEventSeries) series = NULL;

  store_init (&store, fixture);
  series = create_ok (&store, fixture, first, until, 1);

  store.n_changed = 0;
  set_until_ok (&store, series, sooner);
  g_assert_cmpuint (store.n_changed, ==, 1);
  dates = describe_occurrences (&store, series);
  g_assert_cmpstr (dates, ==, expected);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 3);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'event' AND action = 'delete'"),
                   ==, 3);
}

/* Nobody loses a place without the counsellor knowing: refused, naming
 * the session; once it is removed (cancelled, registrations kept), the
 * series can end sooner. */
static void
test_store_shorten_with_registrations (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *until = tuesday (5);
  g_autofree char *sooner = tuesday (2);
  g_autofree char *held = tuesday (4);
  g_autofree char *given_up = tuesday (5);
  g_autofree char *all = tuesdays (0, 1, 2, 3, 4, 5, -1000);
  g_autofree char *kept = tuesdays (0, 1, 2, -1000);
  g_autofree char *message = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(GPtrArray) promoted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bruno_event;

  store_init (&store, fixture);
  series = create_ok (&store, fixture, first, until, 1);
  register_someone (fixture, &store, occurrence_id (&store, series, held), "Ana");
  bruno_event = occurrence_id (&store, series, given_up);
  register_someone (fixture, &store, bruno_event, "Bruno");
  g_assert_true (escale_registration_repository_cancel (store.registrations, bruno_event,
                                                        sql_int (fixture, "SELECT max(id) FROM participant"),
                                                        &promoted, &error));
  g_assert_no_error (error);

  store.n_changed = 0;
  g_assert_false (escale_event_series_repository_set_until (store.series, series, sooner, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  message = g_strdup_printf ("Until: people are registered for the session of %s; remove it from the series first "
                             "(their registrations are kept) or end the series after it", held);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  dates = describe_occurrences (&store, series);
  g_assert_cmpstr (dates, ==, all);
  g_assert_cmpstr (escale_event_series_get_until_on (series), ==, until);
  g_assert_cmpuint (store.n_changed, ==, 0);

  g_assert_cmpint (remove_ok (&store, series, held), ==, ESCALE_OCCURRENCE_CANCELLED);
  set_until_ok (&store, series, sooner);
  /* The third is gone; the fourth and fifth stay, cancelled, with who
   * had registered. */
  after = describe_occurrences (&store, series);
  expected = g_strdup_printf ("%s %s:cancelled %s:cancelled", kept, held, given_up);
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM registration"), ==, 2);
}

static void
assert_remove_refused (Store             *store,
                       EscaleEventSeries *series,
                       const char        *date,
                       GQuark             domain,
                       int                code,
                       const char        *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_event_series_repository_remove_occurrence (store->series, series, date, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Removed: gone when nobody registered, cancelled with its registrations
 * otherwise; either way its date stays out of the series. */
static void
test_store_exclude (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (0);
  g_autofree char *empty = tuesday (1);
  g_autofree char *held = tuesday (2);
  g_autofree char *deleted = tuesday (3);
  g_autofree char *later = tuesday (4);
  g_autofree char *wednesday = day_after (first, 1);
  g_autofree char *already = NULL;
  g_autofree char *no_session = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(EscaleEventSeries) stored = NULL;
  g_autoptr(EscaleEvent) cancelled = NULL;
  g_autoptr(EscaleEvent) third = NULL;
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) excluded = NULL;

  store_init (&store, fixture);
  series = create_ok (&store, fixture, first, deleted, 1);
  register_someone (fixture, &store, occurrence_id (&store, series, held), "Ana");

  store.n_changed = 0;
  g_assert_cmpint (remove_ok (&store, series, empty), ==, ESCALE_OCCURRENCE_DELETED);
  g_assert_cmpuint (store.n_changed, ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM event"), ==, 3);

  g_assert_cmpint (remove_ok (&store, series, held), ==, ESCALE_OCCURRENCE_CANCELLED);
  cancelled = escale_event_repository_load (store.events, occurrence_id (&store, series, held), &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_event_get_status (cancelled), ==, ESCALE_EVENT_STATUS_CANCELLED);
  registrations = escale_registration_repository_list (store.registrations, escale_event_get_id (cancelled), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (registrations->len, ==, 1);

  excluded = escale_event_series_dup_excluded_on (series);
  g_assert_cmpuint (g_strv_length (excluded), ==, 2);
  g_assert_cmpstr (excluded[0], ==, empty);
  g_assert_cmpstr (excluded[1], ==, held);

  already = g_strdup_printf ("The session of %s was already removed from this series", empty);
  assert_remove_refused (&store, series, empty, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND, already);
  no_session = g_strdup_printf ("This series has no session on %s; give the date the series gave it, even if it "
                                "was moved", wednesday);
  assert_remove_refused (&store, series, wednesday, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND, no_session);
  assert_remove_refused (&store, series, "mardi", ESCALE_SERIES_ERROR, ESCALE_SERIES_ERROR_INVALID,
                         "Date: write the date of the session as YYYY-MM-DD");

  /* Deleted from the event repository: out of the series too. */
  third = escale_event_repository_load (store.events, occurrence_id (&store, series, deleted), &error);
  g_assert_no_error (error);
  g_assert_true (escale_event_repository_delete (store.events, third, &error));
  g_assert_no_error (error);
  stored = escale_event_series_repository_load (store.series, escale_event_series_get_id (series), &error);
  g_assert_no_error (error);
  g_assert_true (escale_event_series_is_excluded (stored, deleted));

  set_until_ok (&store, stored, later);
  dates = describe_occurrences (&store, stored);
  expected = g_strdup_printf ("%s %s:cancelled %s", first, held, later);
  g_assert_cmpstr (dates, ==, expected);
}

static void
assert_session (Store      *store,
                gint64      id,
                const char *title,
                const char *starts,
                guint       sequence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleEvent) event = escale_event_repository_load (store->events, id, &error);
  g_autofree char *start = NULL;

  g_assert_no_error (error);
  start = local (escale_event_get_starts_at (event));
  g_assert_cmpstr (escale_event_get_title (event), ==, title);
  g_assert_true (g_str_has_prefix (start, starts));
  g_assert_cmpuint (escale_event_get_ical_sequence (event), ==, sequence);
}

/* A change to one session and those after it that have not started: each
 * keeps its own day, even one moved to the Wednesday, and takes the new
 * hour; the past and a cancelled session stay as they were. */
static void
test_store_apply_to_following (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(Store) store;
  g_autofree char *first = tuesday (-3);
  g_autofree char *edited_day = tuesday (-2);
  g_autofree char *moved_day = tuesday (0);
  g_autofree char *cancelled_day = tuesday (1);
  g_autofree char *last_day = tuesday (2);
  g_autofree char *wednesday = day_after (moved_day, 1);
  g_autofree char *first_at = g_strdup_printf ("%s 13:30", first);
  g_autofree char *edited_at = g_strdup_printf ("%s 14:00", edited_day);
  g_autofree char *moved_at = g_strdup_printf ("%s 14:00", wednesday);
  g_autofree char *cancelled_at = g_strdup_printf ("%s 13:30", cancelled_day);
  g_autofree char *last_at = g_strdup_printf ("%s 14:00", last_day);
  const char *old_title = "Séance d’information : la Mauricie";
  const char *new_title = "Séance d’information : la Mauricie et le Centre-du-Québec";
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(EscaleEvent) moved = NULL;
  g_autoptr(EscaleEvent) cancelled = NULL;
  g_autoptr(EscaleEvent) edited = NULL;
  g_autoptr(EscaleEvent) last = NULL;
  g_autoptr(EscaleEvent) alone = new_session (fixture, moved_day);
  g_autoptr(GError) error = NULL;

  store_init (&store, fixture);
  series = create_ok (&store, fixture, first, last_day, 1);

  /* The room is taken that Tuesday: the session moves to the Wednesday,
   * and keeps its date in the series. */
  moved = escale_event_repository_load (store.events, occurrence_id (&store, series, moved_day), &error);
  g_assert_no_error (error);
  escale_event_set_times (moved, at (wednesday, "13:30"), at (wednesday, "15:00"));
  /* Whatever an editor sets, only the series repository places a session
   * in its series. */
  g_object_set (moved, "series-date", wednesday, "series-id", (gint64) 0, NULL);
  g_assert_true (escale_event_repository_save (store.events, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (escale_event_get_series_date (moved), ==, moved_day);
  g_assert_cmpint (escale_event_get_series_id (moved), ==, escale_event_series_get_id (series));
  cancelled = escale_event_repository_load (store.events, occurrence_id (&store, series, cancelled_day), &error);
  g_assert_no_error (error);
  g_assert_true (escale_event_repository_cancel (store.events, cancelled, &error));
  g_assert_no_error (error);

  edited = escale_event_repository_load (store.events, occurrence_id (&store, series, edited_day), &error);
  g_assert_no_error (error);
  escale_event_set_text (edited, "title", new_title);
  escale_event_set_text (edited, "place-name", "Bibliothèque Père-Ambroise");
  escale_event_set_capacity (edited, 40);
  escale_event_set_times (edited, at (edited_day, "14:00"), at (edited_day, "15:30"));

  store.n_changed = 0;
  g_assert_true (escale_event_series_repository_apply_to_following (store.series, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (store.n_changed, ==, 1);

  assert_session (&store, occurrence_id (&store, series, first), old_title, first_at, 0);
  assert_session (&store, escale_event_get_id (edited), new_title, edited_at, 1);
  assert_session (&store, escale_event_get_id (moved), new_title, moved_at, 2);
  assert_session (&store, escale_event_get_id (cancelled), old_title, cancelled_at, 1);
  assert_session (&store, occurrence_id (&store, series, last_day), new_title, last_at, 1);

  last = escale_event_repository_load (store.events, occurrence_id (&store, series, last_day), &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_event_get_capacity (last), ==, 40);
  g_assert_cmpstr (escale_event_get_text (last, "place-name"), ==, "Bibliothèque Père-Ambroise");
  g_assert_cmpstr (escale_event_get_series_date (last), ==, last_day);
  {
    g_autofree char *end = local (escale_event_get_ends_at (last));

    g_assert_true (g_str_has_prefix (end + 10, " 15:30"));
  }

  /* An event of its own has no following sessions. */
  g_assert_true (escale_event_repository_save (store.events, alone, &error));
  g_assert_no_error (error);
  g_assert_false (escale_event_series_repository_apply_to_following (store.series, alone, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“Séance d’information : la Mauricie” is not part of a series");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/event-series/store/create", test_store_create);
  ADD ("/event-series/store/create-all-or-nothing", test_store_create_all_or_nothing);
  ADD ("/event-series/store/refusals", test_store_refusals);
  ADD ("/event-series/store/extend", test_store_extend);
  ADD ("/event-series/store/shorten", test_store_shorten);
  ADD ("/event-series/store/shorten-with-registrations", test_store_shorten_with_registrations);
  ADD ("/event-series/store/exclude", test_store_exclude);
  ADD ("/event-series/store/apply-to-following", test_store_apply_to_following);
#undef ADD

  return g_test_run ();
}
