/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-conflicts.h"
#include "escale-event-repository.h"
#include "agenda-fixture.h"

/* Conflicts of each kind, with the rules that keep them honest: touching
 * intervals do not clash, cancelled things never do, nor the sessions of
 * one series; a visit meets a partner by its stops; an event is checked as
 * edited, before it is saved; and the list of every conflict still to come
 * names each clash once. The partners' agendas are written with SQL, as an
 * import leaves them. */

#define DAY "2030-03-12"

static EscaleEventRepository *
events_of (Fixture *fixture)
{
  return escale_event_repository_new (fixture->database);
}

static EscaleEvent *
new_session (const char *title,
             const char *from,
             const char *to)
{
  EscaleEvent *event = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);

  escale_event_set_text (event, "title", title);
  escale_event_set_times (event, at (DAY, from), at (DAY, to));
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  return event;
}

static gint64
save_event (Fixture     *fixture,
            EscaleEvent *event)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(GError) error = NULL;

  escale_event_repository_save (events, event, &error);
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static EscaleEvent *
load_event (Fixture *fixture,
            gint64   id)
{
  g_autoptr(EscaleEventRepository) events = events_of (fixture);
  g_autoptr(GError) error = NULL;
  EscaleEvent *event = escale_event_repository_load (events, id, &error);

  g_assert_no_error (error);
  return event;
}

static GPtrArray *
find (Fixture     *fixture,
      EscaleEvent *event)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = escale_conflicts_find (fixture->database, event, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);
  return conflicts;
}

/* "kind:other title:stop:HH:MM-HH:MM", one line per conflict. */
static char *
summarise (GPtrArray *conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      EscaleConflict *conflict = conflicts->pdata[i];
      g_autofree char *from = local (conflict->starts_at);
      g_autofree char *to = local (conflict->ends_at);

      g_string_append_printf (text, "%s%s:%s:%d:%s-%s", i > 0 ? "\n" : "",
                              escale_conflict_kind_get_nick (conflict->kind), conflict->other_title,
                              conflict->stop, from, to);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
find_summary (Fixture     *fixture,
              EscaleEvent *event)
{
  g_autoptr(GPtrArray) conflicts = find (fixture, event);

  return summarise (conflicts);
}

static void
test_agenda (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  gint64 other = add_partner (fixture, "CJE de Matane");
  g_autoptr(EscaleEvent) session = new_session ("Séance", "10:00", "12:00");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  EscaleConflict *conflict;
  gint64 fair;

  escale_event_set_partner_ids (session, &cegep, 1);
  fair = add_entry (fixture, cegep, "Salon de l’emploi", at (DAY, "11:30"), at (DAY, "13:00"), FALSE, "tentative");
  add_entry (fixture, cegep, "Réunion", at (DAY, "08:00"), at (DAY, "10:00"), FALSE, "confirmed");       /* touches */
  add_entry (fixture, cegep, "Portes ouvertes", at (DAY, "12:00"), at (DAY, "14:00"), FALSE, "confirmed"); /* touches */
  add_entry (fixture, cegep, "Annulé", at (DAY, "10:00"), at (DAY, "11:00"), FALSE, "cancelled");
  add_entry (fixture, other, "Ailleurs", at (DAY, "10:00"), at (DAY, "11:00"), FALSE, "confirmed");
  save_event (fixture, session);

  conflicts = find (fixture, session);
  summary = summarise (conflicts);
  g_assert_cmpstr (summary, ==, "agenda:Salon de l’emploi:-1:11:30-12:00");

  conflict = conflicts->pdata[0];
  g_assert_cmpint (conflict->entry_id, ==, fair);
  g_assert_cmpint (conflict->other_event_id, ==, 0);
  g_assert_cmpint (conflict->partner_id, ==, cegep);
  g_assert_cmpint (conflict->event_id, ==, escale_event_get_id (session));
  description = escale_conflict_describe (conflict);
  g_assert_cmpstr (description, ==, "Overlaps “Salon de l’emploi” in the agenda of Cégep de Rimouski, "
                                    "Tuesday, March 12, 11:30 – 12:00 (30 minutes)");

  /* A partner's long entry, begun the day before, is found too. */
  add_entry (fixture, cegep, "Congrès", at ("2030-03-11", "08:00"), at (DAY, "10:30"), FALSE, "confirmed");
  g_clear_pointer (&summary, g_free);
  summary = find_summary (fixture, session);
  g_assert_cmpstr (summary, ==, "agenda:Congrès:-1:10:00-10:30\nagenda:Salon de l’emploi:-1:11:30-12:00");

  /* A cancelled event clashes with nothing. */
  escale_event_set_status (session, ESCALE_EVENT_STATUS_CANCELLED);
  g_clear_pointer (&summary, g_free);
  summary = find_summary (fixture, session);
  g_assert_cmpstr (summary, ==, "");
}

static void
test_presenter (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscaleEvent) ours = new_session ("Ours", "13:00", "15:00");
  g_autoptr(EscaleEvent) theirs = new_session ("Theirs", "14:00", "16:00");
  g_autoptr(EscaleEvent) touching = new_session ("Touching", "15:00", "16:00");
  g_autoptr(EscaleEvent) cancelled = new_session ("Cancelled", "13:00", "14:00");
  g_autoptr(EscaleEvent) stranger = new_session ("Stranger", "13:00", "14:00");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  escale_event_set_text (ours, "presenters", "Julie Roy, Marc Côté");
  escale_event_set_text (theirs, "presenters", "  MARC   cote et Ana Silva");
  escale_event_set_text (touching, "presenters", "Julie Roy");
  escale_event_set_text (cancelled, "presenters", "Julie Roy");
  escale_event_set_status (cancelled, ESCALE_EVENT_STATUS_CANCELLED);
  escale_event_set_text (stranger, "presenters", "Julien Roy; Marc");
  save_event (fixture, ours);
  save_event (fixture, theirs);
  save_event (fixture, touching);
  save_event (fixture, cancelled);
  save_event (fixture, stranger);

  conflicts = find (fixture, ours);
  summary = summarise (conflicts);
  g_assert_cmpstr (summary, ==, "presenter:Theirs:-1:14:00-15:00");
  g_assert_cmpstr (((EscaleConflict *) conflicts->pdata[0])->shared, ==, "Marc Côté");
  g_assert_cmpint (((EscaleConflict *) conflicts->pdata[0])->other_event_id, ==, escale_event_get_id (theirs));
  description = escale_conflict_describe (conflicts->pdata[0]);
  g_assert_cmpstr (description, ==, "Marc Côté also presents at “Theirs”, Tuesday, March 12, 14:00 – 15:00 (1 hour)");
}

static void
test_partner (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  gint64 other = add_partner (fixture, "CJE de Matane");
  g_autoptr(EscaleEvent) ours = new_session ("Ours", "09:00", "11:00");
  g_autoptr(EscaleEvent) theirs = new_session ("Theirs", "10:00", "12:00");
  g_autoptr(EscaleEvent) elsewhere = new_session ("Elsewhere", "10:00", "12:00");
  gint64 both[] = { other, cegep };
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  escale_event_set_partner_ids (ours, &cegep, 1);
  escale_event_set_partner_ids (theirs, both, 2);
  escale_event_set_partner_ids (elsewhere, &other, 1);
  save_event (fixture, ours);
  save_event (fixture, theirs);
  save_event (fixture, elsewhere);

  conflicts = find (fixture, ours);
  summary = summarise (conflicts);
  g_assert_cmpstr (summary, ==, "partner:Theirs:-1:10:00-11:00");
  description = escale_conflict_describe (conflicts->pdata[0]);
  g_assert_cmpstr (description, ==, "Cégep de Rimouski also takes part in “Theirs”, Tuesday, March 12, 10:00 – 11:00 "
                                    "(1 hour)");
}

static EscaleEvent *
new_visit (const char *title,
           const char *from,
           const char *to)
{
  EscaleEvent *visit = new_session (title, from, to);

  escale_event_set_kind (visit, ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  return visit;
}

static EscaleItineraryStop *
add_stop (EscaleEvent    *visit,
          EscaleStopKind  kind,
          const char     *title,
          const char     *from,
          const char     *to,
          gint64          organization_id)
{
  EscaleItineraryStop *stop = escale_itinerary_stop_new (kind, title, at (DAY, from), at (DAY, to));

  escale_itinerary_stop_set_organization_id (stop, organization_id);
  escale_event_add_stop (visit, stop);
  g_object_unref (stop);
  return stop;
}

/* A visit meets a partner during its stops there, not all day; another
 * visit's stop at the same partner clashes by its own times. */
static void
test_visit_stops (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 plant = add_partner (fixture, "Usine Bombardier");
  gint64 host = add_partner (fixture, "Place aux jeunes");
  g_autoptr(EscaleEvent) visit = new_visit ("Visite", "08:00", "18:00");
  g_autoptr(EscaleEvent) other = new_visit ("Autre visite", "07:00", "19:00");
  g_autofree char *summary = NULL;

  escale_event_set_partner_ids (visit, &plant, 1);
  add_stop (visit, ESCALE_STOP_KIND_DEPARTURE, "Départ", "08:00", "08:30", 0);
  add_stop (visit, ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de l’usine", "13:00", "14:00", plant);
  add_stop (visit, ESCALE_STOP_KIND_MEAL, "Dîner", "12:00", "13:00", host);
  save_event (fixture, visit);
  add_stop (other, ESCALE_STOP_KIND_EMPLOYER_MEETING, "Rencontre", "13:45", "15:00", plant);
  add_stop (other, ESCALE_STOP_KIND_MEAL, "Souper", "17:00", "18:00", host);
  save_event (fixture, other);

  add_entry (fixture, plant, "Inventaire", at (DAY, "09:00"), at (DAY, "10:00"), FALSE, "confirmed");
  add_entry (fixture, plant, "Quart de soir", at (DAY, "13:30"), at (DAY, "15:00"), FALSE, "confirmed");
  add_entry (fixture, host, "Conseil", at (DAY, "12:30"), at (DAY, "16:00"), FALSE, "confirmed");

  summary = find_summary (fixture, visit);
  g_assert_cmpstr (summary, ==,
                   "agenda:Conseil:2:12:30-13:00\n"
                   "agenda:Quart de soir:1:13:30-14:00\n"
                   "partner:Autre visite:1:13:45-14:00");

  {
    g_autoptr(GPtrArray) conflicts = find (fixture, visit);
    g_autofree char *description = escale_conflict_describe (conflicts->pdata[1]);

    g_assert_cmpstr (((EscaleConflict *) conflicts->pdata[1])->stop_title, ==, "Visite de l’usine");
    g_assert_cmpstr (description, ==, "Stop “Visite de l’usine”: Overlaps “Quart de soir” in the agenda of Usine "
                                      "Bombardier, Tuesday, March 12, 13:30 – 14:00 (30 minutes)");
  }
}

static EscaleVehicle *
add_vehicle (EscaleEvent *visit,
             const char  *provider,
             const char  *driver)
{
  EscaleVehicle *vehicle = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, 40);

  escale_vehicle_set_provider (vehicle, provider);
  escale_vehicle_set_driver (vehicle, driver);
  escale_event_add_vehicle (visit, vehicle);
  g_object_unref (vehicle);
  return vehicle;
}

static void
test_vehicle (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EscaleEvent) ours = new_visit ("Ours", "08:00", "18:00");
  g_autoptr(EscaleEvent) same = new_visit ("Same bus", "17:00", "22:00");
  g_autoptr(EscaleEvent) other_driver = new_visit ("Other driver", "08:00", "18:00");
  g_autoptr(EscaleEvent) unknown_driver = new_visit ("Unknown driver", "08:00", "18:00");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *summary = NULL;

  add_vehicle (ours, "Autobus Maheux", "Marc Roy");
  add_vehicle (ours, "Taxi Côté", NULL);
  add_vehicle (same, "autobus  MAHEUX ", "marc roy");
  add_vehicle (same, "Autobus Maheux", "Marc Roy");
  add_vehicle (other_driver, "Autobus Maheux", "Luc Roy");
  add_vehicle (unknown_driver, "Taxi Côté", NULL);
  save_event (fixture, ours);
  save_event (fixture, same);
  save_event (fixture, other_driver);
  save_event (fixture, unknown_driver);

  conflicts = find (fixture, ours);
  summary = summarise (conflicts);
  g_assert_cmpstr (summary, ==, "vehicle:Same bus:-1:17:00-18:00");
  g_assert_cmpstr (((EscaleConflict *) conflicts->pdata[0])->shared, ==, "Marc Roy, Autobus Maheux");
}

static void
register_sql (Fixture    *fixture,
              gint64      event_id,
              gint64      participant_id,
              const char *status)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO registration (event_id, participant_id, status, waitlisted_at, "
                                          "created_at, updated_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                          ", '%s', %s, 0, 0)",
                                          event_id, participant_id, status,
                                          g_str_equal (status, "waitlisted") ? "1" : "NULL");

  exec_sql (fixture, sql);
}

static void
test_participant (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EscaleParticipant) ana = new_participant ("Ana", "Silva", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) bo = new_participant ("Bo", "Chen", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) cy = new_participant ("Cy", "Diallo", END_OF_FIELDS);
  g_autoptr(EscaleEvent) ours = new_visit ("Ours", "08:00", "18:00");
  g_autoptr(EscaleEvent) theirs = new_session ("Theirs", "17:00", "19:00");
  g_autoptr(EscaleEvent) waiting = new_session ("Waiting", "09:00", "10:00");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  EscaleConflict *conflict;
  gint64 ids[3];

  ids[0] = save_ok (fixture, ana);
  ids[1] = save_ok (fixture, bo);
  ids[2] = save_ok (fixture, cy);
  save_event (fixture, ours);
  save_event (fixture, theirs);
  save_event (fixture, waiting);
  register_sql (fixture, escale_event_get_id (ours), ids[0], "registered");
  register_sql (fixture, escale_event_get_id (ours), ids[1], "confirmed");
  register_sql (fixture, escale_event_get_id (ours), ids[2], "cancelled");
  register_sql (fixture, escale_event_get_id (theirs), ids[0], "attended");
  register_sql (fixture, escale_event_get_id (theirs), ids[1], "registered");
  register_sql (fixture, escale_event_get_id (theirs), ids[2], "registered");
  register_sql (fixture, escale_event_get_id (waiting), ids[0], "waitlisted");

  conflicts = find (fixture, ours);
  summary = summarise (conflicts);
  g_assert_cmpstr (summary, ==, "participant:Theirs:-1:17:00-18:00");
  conflict = conflicts->pdata[0];
  g_assert_cmpuint (conflict->participant_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (conflict->participant_ids, gint64, 0), ==, ids[0]);
  g_assert_cmpint (g_array_index (conflict->participant_ids, gint64, 1), ==, ids[1]);
  description = escale_conflict_describe (conflict);
  g_assert_cmpstr (description, ==, "2 participants are also registered for “Theirs”, Tuesday, March 12, "
                                    "17:00 – 18:00 (1 hour)");
}

/* The sessions of one series never clash with each other; another event
 * with the same presenter does. */
static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EscaleEvent) first = new_session ("Session 1", "10:00", "12:00");
  g_autoptr(EscaleEvent) second = new_session ("Session 2", "11:00", "13:00");
  g_autoptr(EscaleEvent) outside = new_session ("Outside", "11:00", "13:00");
  g_autoptr(EscaleEvent) loaded = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *summary = NULL;

  escale_event_set_text (first, "presenters", "Julie Roy");
  escale_event_set_text (second, "presenters", "Julie Roy");
  escale_event_set_text (outside, "presenters", "Julie Roy");
  save_event (fixture, first);
  save_event (fixture, second);
  save_event (fixture, outside);
  exec_sql (fixture, "INSERT INTO event_series (id, frequency, until_on, first_on, ical_uid, created_at, updated_at) "
                     "VALUES (7, 'weekly', '2030-06-01', '2030-03-12', 'series-7', 0, 0)");
  sql = g_strdup_printf ("UPDATE event SET series_id = 7, series_date = '2030-03-' || (11 + id - %" G_GINT64_FORMAT
                         ") WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         escale_event_get_id (first), escale_event_get_id (first), escale_event_get_id (second));
  exec_sql (fixture, sql);

  loaded = load_event (fixture, escale_event_get_id (first));
  g_assert_cmpint (escale_event_get_series_id (loaded), ==, 7);
  summary = find_summary (fixture, loaded);
  g_assert_cmpstr (summary, ==, "presenter:Outside:-1:11:00-12:00");
}

/* The window checks the event as edited: a stored session moved onto a
 * clash, not saved, shows it; the stored one does not; a new event too. */
static void
test_unsaved_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  g_autoptr(EscaleEvent) stored = new_session ("Stored", "08:00", "09:00");
  g_autoptr(EscaleEvent) edited = NULL;
  g_autoptr(EscaleEvent) created = new_session ("New", "15:00", "16:00");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(EscaleItineraryStop) stop = NULL;

  escale_event_set_partner_ids (stored, &cegep, 1);
  save_event (fixture, stored);
  add_entry (fixture, cegep, "Examens", at (DAY, "14:00"), at (DAY, "16:00"), FALSE, "confirmed");

  edited = load_event (fixture, escale_event_get_id (stored));
  before = find_summary (fixture, edited);
  g_assert_cmpstr (before, ==, "");
  escale_event_set_times (edited, at (DAY, "13:00"), at (DAY, "14:30"));
  after = find_summary (fixture, edited);
  g_assert_cmpstr (after, ==, "agenda:Examens:-1:14:00-14:30");

  /* A new visit, its stop at the partner only just typed in. */
  escale_event_set_kind (created, ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_PRESENTATION, "Présentation", at (DAY, "15:00"), at (DAY, "15:30"));
  escale_event_add_stop (created, stop);
  fresh = find_summary (fixture, created);
  g_assert_cmpstr (fresh, ==, "");
  escale_itinerary_stop_set_organization_id (stop, cegep);
  g_clear_pointer (&fresh, g_free);
  fresh = find_summary (fixture, created);
  g_assert_cmpstr (fresh, ==, "agenda:Examens:0:15:00-15:30");
  g_assert_cmpint (escale_event_get_id (created), ==, 0);
}

/* Every conflict still to come, each clash between two events once, under
 * the first one; those over by now are left out. */
static void
test_list_upcoming (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  g_autoptr(EscaleEvent) morning = new_session ("Morning", "09:00", "11:00");
  g_autoptr(EscaleEvent) late = new_session ("Late morning", "10:00", "12:00");
  g_autoptr(EscaleEvent) afternoon = new_session ("Afternoon", "14:00", "16:00");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *later_summary = NULL;

  escale_event_set_text (morning, "presenters", "Julie Roy");
  escale_event_set_text (late, "presenters", "Julie Roy");
  escale_event_set_partner_ids (afternoon, &cegep, 1);
  save_event (fixture, morning);
  save_event (fixture, late);
  save_event (fixture, afternoon);
  add_entry (fixture, cegep, "Examens", at (DAY, "15:00"), at (DAY, "17:00"), FALSE, "confirmed");

  conflicts = escale_conflicts_list_upcoming (fixture->database, at ("2030-01-01", "00:00"), NULL, &error);
  g_assert_no_error (error);
  summary = summarise (conflicts);
  g_assert_cmpstr (summary, ==, "presenter:Late morning:-1:10:00-11:00\nagenda:Examens:-1:15:00-16:00");
  g_assert_cmpint (((EscaleConflict *) conflicts->pdata[0])->event_id, ==, escale_event_get_id (morning));

  /* At noon the morning's clash is over. */
  later = escale_conflicts_list_upcoming (fixture->database, at (DAY, "12:00"), NULL, &error);
  g_assert_no_error (error);
  later_summary = summarise (later);
  g_assert_cmpstr (later_summary, ==, "agenda:Examens:-1:15:00-16:00");

  none = escale_conflicts_list_upcoming (fixture->database, at (DAY, "16:00"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The longest duration bounds the time index's window, and is kept
 * between checks: a longer entry written since, by this connection or by
 * another (an import in its thread), is still found. */
static void
test_longer_since (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  g_autoptr(EscaleEvent) session = new_session ("Séance", "10:00", "12:00");
  g_autoptr(EscaleDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *sql = NULL;

  escale_event_set_partner_ids (session, &cegep, 1);
  add_entry (fixture, cegep, "Réunion", at (DAY, "11:00"), at (DAY, "11:30"), FALSE, "confirmed");
  first = find_summary (fixture, session);
  g_assert_cmpstr (first, ==, "agenda:Réunion:-1:11:00-11:30");

  add_entry (fixture, cegep, "Congrès", at ("2030-03-10", "08:00"), at (DAY, "10:30"), FALSE, "confirmed");
  second = find_summary (fixture, session);
  g_assert_cmpstr (second, ==, "agenda:Congrès:-1:10:00-10:30\nagenda:Réunion:-1:11:00-11:30");

  other = escale_database_open (fixture->path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO external_event (calendar_id, uid, summary, starts_at, ends_at, created_at, "
                         "updated_at) SELECT id, 'stage', 'Stage', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0, 0 "
                         "FROM external_calendar;"
                         "INSERT INTO external_occurrence (event_id, starts_at, ends_at) "
                         "VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                         at ("2030-02-01", "08:00"), at (DAY, "10:15"), at ("2030-02-01", "08:00"), at (DAY, "10:15"));
  g_assert_cmpint (sqlite3_exec (_escale_database_get_handle (other), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  third = find_summary (fixture, session);
  g_assert_cmpstr (third, ==, "agenda:Stage:-1:10:00-10:15\nagenda:Congrès:-1:10:00-10:30\n"
                              "agenda:Réunion:-1:11:00-11:30");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/conflicts/agenda", test_agenda);
  ADD ("/conflicts/presenter", test_presenter);
  ADD ("/conflicts/partner", test_partner);
  ADD ("/conflicts/visit-stops", test_visit_stops);
  ADD ("/conflicts/vehicle", test_vehicle);
  ADD ("/conflicts/participant", test_participant);
  ADD ("/conflicts/series", test_series);
  ADD ("/conflicts/unsaved-edits", test_unsaved_edits);
  ADD ("/conflicts/list-upcoming", test_list_upcoming);
  ADD ("/conflicts/longer-since", test_longer_since);
#undef ADD

  return g_test_run ();
}
