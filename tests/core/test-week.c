/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-event-repository.h"
#include "escale-week.h"
#include "agenda-fixture.h"

/* A partner's week next to Escale's: whole days in Québec's zone across
 * the change of time of March 2027 (Sunday 14 lasts 23 hours), whole-day
 * entries, items across midnight on both days, overlaps only where the
 * partner takes part, and a free week. The agenda is written with SQL, as
 * an import leaves it. */

static EscaleEvent *
new_event (EscaleEventKind    kind,
           const char        *title,
           gint64             starts_at,
           gint64             ends_at,
           EscaleEventStatus  status)
{
  EscaleEvent *event = escale_event_new (kind);

  escale_event_set_text (event, "title", title);
  escale_event_set_times (event, starts_at, ends_at);
  escale_event_set_status (event, status);
  return event;
}

static gint64
save_event (Fixture     *fixture,
            EscaleEvent *event)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (fixture->database);
  g_autoptr(GError) error = NULL;

  escale_event_repository_save (events, event, &error);
  g_assert_no_error (error);
  return escale_event_get_id (event);
}

static EscaleWeek *
load_week (Fixture    *fixture,
           gint64      organization_id,
           const char *iso_day)
{
  g_autoptr(GError) error = NULL;
  GDate day;
  EscaleWeek *week;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, iso_day);
  g_assert_true (g_date_valid (&day));
  week = escale_week_load (fixture->database, organization_id, &day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (week);
  return week;
}

/* "day HH:MM-HH:MM source title flags", one line per item; flags: a for
 * a whole day, t tentative, c cancelled, p with the partner, ! overlaps. */
static char *
summarise (const EscaleWeek *week)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < week->items->len; i++)
    {
      EscaleWeekItem *item = week->items->pdata[i];
      g_autofree char *from = local (item->starts_at);
      g_autofree char *to = local (item->ends_at);

      g_string_append_printf (text, "%s%u %s-%s %s %s %s%s%s%s%s", i > 0 ? "\n" : "", item->day, from, to,
                              item->source == ESCALE_WEEK_SOURCE_AGENDA ? "agenda" : "escale",
                              item->title,
                              item->all_day ? "a" : "",
                              item->state == ESCALE_WEEK_STATE_TENTATIVE ? "t" : "",
                              item->state == ESCALE_WEEK_STATE_CANCELLED ? "c" : "",
                              item->with_partner ? "p" : "",
                              item->overlaps ? "!" : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Monday 8 to Sunday 14 March 2027: clocks go forward at 2:00 on Sunday. */
static void
test_dst_week (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  g_autoptr(EscaleWeek) week = NULL;
  g_autoptr(EscaleEvent) night = NULL;
  g_autofree char *summary = NULL;
  GDate monday;

  add_entry (fixture, cegep, "Veille", at ("2027-03-13", "22:00"), at ("2027-03-14", "04:00"), FALSE, "confirmed");
  night = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Nuit blanche", at ("2027-03-14", "23:00"),
                     at ("2027-03-15", "01:00"), ESCALE_EVENT_STATUS_PUBLISHED);
  save_event (fixture, night);

  /* Any day finds its week. */
  week = load_week (fixture, cegep, "2027-03-11");
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 8, G_DATE_MARCH, 2027);
  g_assert_cmpint (g_date_compare (&week->monday, &monday), ==, 0);
  g_assert_cmpint (week->day_starts[0], ==, at ("2027-03-08", "00:00"));
  g_assert_cmpint (week->day_starts[6], ==, at ("2027-03-14", "00:00"));
  g_assert_cmpint (week->day_starts[7] - week->day_starts[6], ==, 23 * 3600);
  g_assert_cmpint (week->day_starts[7] - week->day_starts[0], ==, 167 * 3600);
  g_assert_cmpint (week->day_starts[7], ==, at ("2027-03-15", "00:00"));

  /* Saturday night across midnight and the change of time; the event of
   * Sunday night is cut at the week's end. */
  summary = summarise (week);
  g_assert_cmpstr (summary, ==,
                   "5 22:00-00:00 agenda Veille \n"
                   "6 00:00-04:00 agenda Veille \n"
                   "6 23:00-00:00 escale Nuit blanche ");
  g_assert_cmpint (((EscaleWeekItem *) week->items->pdata[1])->ends_at
                   - ((EscaleWeekItem *) week->items->pdata[1])->starts_at, ==, 3 * 3600);
  g_assert_cmpint (((EscaleWeekItem *) week->items->pdata[1])->item_starts_at, ==, at ("2027-03-13", "22:00"));
  g_assert_cmpint (escale_week_count_day (week, 5), ==, 1);
  g_assert_cmpint (escale_week_count_day (week, 0), ==, 0);
  g_clear_pointer (&week, escale_week_free);
  g_clear_pointer (&summary, g_free);

  /* The next week starts with the end of that night. */
  week = load_week (fixture, cegep, "2027-03-21");
  summary = summarise (week);
  g_assert_cmpstr (summary, ==, "0 00:00-01:00 escale Nuit blanche ");
  g_assert_cmpint (week->day_starts[1] - week->day_starts[0], ==, 24 * 3600);
}

static void
test_all_day (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  g_autoptr(EscaleWeek) week = NULL;
  g_autofree char *summary = NULL;

  /* Saturday and Sunday, written as 2 × 86,400 s from Saturday's
   * midnight: it ends at 1:00 on Monday by the clock, yet covers two
   * days. */
  add_entry (fixture, cegep, "Congrès", at ("2027-03-13", "00:00"), at ("2027-03-13", "00:00") + 2 * 86400,
             TRUE, "tentative");
  add_entry (fixture, cegep, "Fermeture", at ("2027-03-08", "00:00"), at ("2027-03-09", "00:00"), TRUE, "confirmed");
  add_entry (fixture, cegep, "Réunion", at ("2027-03-08", "09:00"), at ("2027-03-08", "10:00"), FALSE, "confirmed");
  /* From the week before, into Monday and Tuesday. */
  add_entry (fixture, cegep, "Relâche", at ("2027-03-04", "00:00"), at ("2027-03-04", "00:00") + 6 * 86400,
             TRUE, "confirmed");

  week = load_week (fixture, cegep, "2027-03-08");
  summary = summarise (week);
  g_assert_cmpstr (summary, ==,
                   "0 00:00-00:00 agenda Fermeture a\n"
                   "0 00:00-00:00 agenda Relâche a\n"
                   "0 09:00-10:00 agenda Réunion \n"
                   "1 00:00-00:00 agenda Relâche a\n"
                   "5 00:00-00:00 agenda Congrès at\n"
                   "6 00:00-00:00 agenda Congrès at");
  g_assert_cmpint (((EscaleWeekItem *) week->items->pdata[5])->ends_at
                   - ((EscaleWeekItem *) week->items->pdata[5])->starts_at, ==, 23 * 3600);
}

static void
test_overlaps (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  gint64 other = add_partner (fixture, "CJE de Matane");
  g_autoptr(EscaleEvent) hosted = NULL;
  g_autoptr(EscaleEvent) elsewhere = NULL;
  g_autoptr(EscaleEvent) visit = NULL;
  g_autoptr(EscaleEvent) cancelled = NULL;
  g_autoptr(EscaleItineraryStop) stop = NULL;
  g_autoptr(EscaleWeek) week = NULL;
  g_autofree char *summary = NULL;
  const char *day = "2027-03-16";

  add_entry (fixture, cegep, "Comité", at (day, "11:00"), at (day, "12:30"), FALSE, "confirmed");
  add_entry (fixture, cegep, "Dîner", at (day, "12:30"), at (day, "13:30"), FALSE, "confirmed");  /* touches */
  add_entry (fixture, cegep, "Jury", at ("2027-03-17", "14:00"), at ("2027-03-17", "16:00"), FALSE, "tentative");
  add_entry (fixture, cegep, "Formation", at ("2027-03-18", "00:00"), at ("2027-03-19", "00:00"), TRUE, "confirmed");
  add_entry (fixture, other, "Ailleurs", at (day, "10:00"), at (day, "11:00"), FALSE, "confirmed");

  /* Named on the session: the partner is there all along. */
  hosted = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Séance", at (day, "10:00"), at (day, "12:30"),
                      ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_partner_ids (hosted, &cegep, 1);
  save_event (fixture, hosted);
  /* Without the partner: shown, never overlapping. */
  elsewhere = new_event (ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION, "Webinaire", at (day, "11:00"), at (day, "12:00"),
                         ESCALE_EVENT_STATUS_DRAFT);
  save_event (fixture, elsewhere);
  /* A visit meets the partner by its stop only: 15:00–15:30. */
  visit = new_event (ESCALE_EVENT_KIND_EXPLORATORY_VISIT, "Visite", at ("2027-03-17", "08:00"),
                     at ("2027-03-17", "18:00"), ESCALE_EVENT_STATUS_PUBLISHED);
  stop = escale_itinerary_stop_new (ESCALE_STOP_KIND_PRESENTATION, "Présentation", at ("2027-03-17", "15:00"),
                                    at ("2027-03-17", "15:30"));
  escale_itinerary_stop_set_organization_id (stop, cegep);
  escale_event_add_stop (visit, stop);
  save_event (fixture, visit);
  /* Cancelled: shown as such, never overlapping. */
  cancelled = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Annulée", at ("2027-03-18", "09:00"),
                         at ("2027-03-18", "10:00"), ESCALE_EVENT_STATUS_CANCELLED);
  escale_event_set_partner_ids (cancelled, &cegep, 1);
  save_event (fixture, cancelled);

  week = load_week (fixture, cegep, day);
  summary = summarise (week);
  g_assert_cmpstr (summary, ==,
                   "1 10:00-12:30 escale Séance p!\n"
                   "1 11:00-12:00 escale Webinaire t\n"
                   "1 11:00-12:30 agenda Comité !\n"
                   "1 12:30-13:30 agenda Dîner \n"
                   "2 08:00-18:00 escale Visite p!\n"
                   "2 14:00-16:00 agenda Jury t!\n"
                   "3 00:00-00:00 agenda Formation a\n"
                   "3 09:00-10:00 escale Annulée c");
  g_assert_cmpint (escale_week_count_overlaps (week), ==, 2);
  g_assert_cmpint (((EscaleWeekItem *) week->items->pdata[0])->event_id, ==, escale_event_get_id (hosted));
  g_assert_cmpstr (((EscaleWeekItem *) week->items->pdata[2])->uid, ==, "Comité");
  g_clear_pointer (&week, escale_week_free);
  g_clear_pointer (&summary, g_free);

  /* The other partner's week: its own entry, Escale's events, no
   * overlap since it takes part in none. */
  week = load_week (fixture, other, day);
  g_assert_cmpint (escale_week_count_day (week, 1), ==, 3);
  g_assert_cmpint (escale_week_count_overlaps (week), ==, 0);
  for (guint i = 0; i < week->items->len; i++)
    g_assert_false (((EscaleWeekItem *) week->items->pdata[i])->with_partner);
}

static void
test_empty_week (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 cegep = add_partner (fixture, "Cégep de Rimouski");
  g_autoptr(EscaleWeek) week = NULL;
  g_autoptr(EscaleEvent) before = NULL;
  g_autoptr(EscaleEvent) after = NULL;

  /* What ends as the week starts, or starts as it ends, is not in it. */
  before = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Dimanche", at ("2027-03-07", "22:00"),
                      at ("2027-03-08", "00:00"), ESCALE_EVENT_STATUS_PUBLISHED);
  save_event (fixture, before);
  after = new_event (ESCALE_EVENT_KIND_INFORMATION_SESSION, "Lundi", at ("2027-03-15", "00:00"),
                     at ("2027-03-15", "02:00"), ESCALE_EVENT_STATUS_PUBLISHED);
  save_event (fixture, after);
  add_entry (fixture, cegep, "Avant", at ("2027-03-07", "10:00"), at ("2027-03-08", "00:00"), FALSE, "confirmed");
  add_entry (fixture, cegep, "Après", at ("2027-03-15", "00:00"), at ("2027-03-15", "01:00"), FALSE, "confirmed");

  week = load_week (fixture, cegep, "2027-03-14");
  g_assert_cmpuint (week->items->len, ==, 0);
  for (guint day = 0; day < 7; day++)
    g_assert_cmpint (escale_week_count_day (week, day), ==, 0);
  g_assert_cmpint (escale_week_count_overlaps (week), ==, 0);
  g_clear_pointer (&week, escale_week_free);

  /* A partner with no agenda at all. */
  week = load_week (fixture, add_partner (fixture, "Sans agenda"), "2027-03-14");
  g_assert_cmpuint (week->items->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/week/dst", test_dst_week);
  ADD ("/week/all-day", test_all_day);
  ADD ("/week/overlaps", test_overlaps);
  ADD ("/week/empty", test_empty_week);
#undef ADD

  return g_test_run ();
}
