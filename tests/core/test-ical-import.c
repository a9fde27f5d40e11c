/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "ical-import-fixture.h"

/* Partners' agendas as they come: an Outlook export, re-imports that update
 * by UID and SEQUENCE, cancellations, removals, overrides and excluded
 * dates, and the messy files (line ends, encodings, several calendars,
 * missing and repeated UIDs, Windows zone names, broken and endless rules),
 * each with its report and the UTC instants stored. */

#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
#define TAIL "END:VCALENDAR\r\n"
#define EVENT(uid, extra) "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20261101T120000Z\r\n" extra "END:VEVENT\r\n"

static char *
outlook_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "core", "ics", "outlook.ics", NULL);
}

#define COMITE "040000008200E00074C5B7101A82E00800000000D0B1C3F2A1C4DA01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90"
#define PERMANENCE "040000008200E00074C5B7101A82E00800000000E1C2D4F3B2D5EB01000000000000000010000000B2C3D4E5F60718293A4B5C6D7E8F9001"
#define FERMETURE "040000008200E00074C5B7101A82E00800000000F2D3E5A4C3E6FC01000000000000000010000000C3D4E5F60718293A4B5C6D7E8F900112"
#define PARIS "040000008200E00074C5B7101A82E00800000000A3E4F6B5D4F70D02000000000000000010000000D4E5F60718293A4B5C6D7E8F90011223"

static void
test_outlook (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autofree char *path = outlook_path ();
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autoptr(EscaleIcalImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *description = NULL;
  g_autofree char *comite = NULL;
  g_autofree char *permanence = NULL;
  g_autofree char *paris = NULL;
  g_autofree char *fermeture = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_again = NULL;

  report = import_path (fixture, partner, path, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (report, 5, 0, 0, 0);
  g_assert_cmpuint (n_warnings (report), ==, 0);
  g_assert_cmpstr (escale_ical_import_report_get_calendar_name (report), ==, "Carrefour jeunesse-emploi – agenda");

  /* "Eastern Standard Time", 2027-03-15 10:00, the day after DST begins:
   * 14:00 UTC, in the IANA zone the Windows name stands for. */
  g_assert_cmpint (event_number (fixture, COMITE, "starts_at"), ==, at_local ("2027-03-15 14:00", "UTC"));
  g_assert_cmpint (event_number (fixture, COMITE, "ends_at"), ==, at_local ("2027-03-15 15:30", "UTC"));
  tzid = event_text (fixture, COMITE, "tzid");
  g_assert_cmpstr (tzid, ==, "America/New_York");
  summary = event_text (fixture, COMITE, "summary");
  g_assert_cmpstr (summary, ==, "Comité de coordination");
  description = event_text (fixture, COMITE, "description");
  g_assert_cmpstr (description, ==, "Rencontre de coordination des partenaires, salle 2. Ordre du jour : bilan de l’automne; "
                                    "plan d’hiver.\n");
  g_assert_null (event_text (fixture, COMITE, "problem"));
  comite = occurrences_of (fixture, COMITE);
  g_assert_cmpstr (comite, ==, "2027-03-15T14:00-15:30");

  /* Ten Tuesdays at 13:00 EST (18:00 UTC) but the excluded 19th, the 26th
   * moved to 14:00 by its override. */
  permanence = occurrences_of (fixture, PERMANENCE);
  g_assert_cmpstr (permanence, ==,
                   "2027-01-05T18:00-21:00 2027-01-12T18:00-21:00 2027-01-26T19:00-22:00 2027-02-02T18:00-21:00 "
                   "2027-02-09T18:00-21:00 2027-02-16T18:00-21:00 2027-02-23T18:00-21:00 2027-03-02T18:00-21:00 "
                   "2027-03-09T18:00-21:00");

  /* Paris in April is UTC+2. */
  paris = occurrences_of (fixture, PARIS);
  g_assert_cmpstr (paris, ==, "2027-04-06T07:00-10:00");

  /* A whole day, in the counsellor's zone. */
  g_assert_cmpint (event_number (fixture, FERMETURE, "all_day"), ==, 1);
  fermeture = occurrences_of (fixture, FERMETURE);
  g_assert_cmpstr (fermeture, ==, "2027-05-24T04:00-04:00");
  g_assert_cmpint (event_number (fixture, FERMETURE, "ends_at") - event_number (fixture, FERMETURE, "starts_at"), ==, 86400);

  /* The same file again: nothing duplicated, nothing touched. */
  dump = agenda_dump (fixture);
  again = import_path (fixture, partner, path, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (again, 0, 0, 0, 5);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_event"), ==, 5);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence"), ==, 12);
  dump_again = agenda_dump (fixture);
  /* Only the calendar's import time and one more audit entry differ. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'external_calendar'"), ==, 2);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'external_calendar' AND action = 'create'"), ==, 1);
}

#define V1 HEAD \
  EVENT ("a@cje", "SEQUENCE:0\r\nSUMMARY:Atelier CV\r\nDTSTART:20270301T140000Z\r\nDTEND:20270301T160000Z\r\n") \
  EVENT ("b@cje", "SEQUENCE:0\r\nSUMMARY:Salon\r\nDTSTART:20270302T140000Z\r\nDTEND:20270302T160000Z\r\n") \
  EVENT ("c@cje", "SEQUENCE:0\r\nSUMMARY:Dîner\r\nDTSTART:20270303T220000Z\r\nDTEND:20270303T233000Z\r\n") \
  EVENT ("e@cje", "SEQUENCE:3\r\nSUMMARY:Réunion\r\nDTSTART:20270304T140000Z\r\nDTEND:20270304T150000Z\r\n") \
  TAIL

#define V2 HEAD \
  EVENT ("a@cje", "SEQUENCE:1\r\nSUMMARY:Atelier CV\r\nDTSTART:20270301T150000Z\r\nDTEND:20270301T170000Z\r\n") \
  EVENT ("b@cje", "SEQUENCE:1\r\nSTATUS:CANCELLED\r\nSUMMARY:Salon\r\nDTSTART:20270302T140000Z\r\nDTEND:20270302T160000Z\r\n") \
  EVENT ("d@cje", "SUMMARY:Nouveau\r\nDTSTART:20270305T140000Z\r\nDTEND:20270305T150000Z\r\n") \
  EVENT ("e@cje", "SEQUENCE:2\r\nSUMMARY:Réunion (ancienne)\r\nDTSTART:20270304T180000Z\r\nDTEND:20270304T190000Z\r\n") \
  TAIL

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) first = import_ok (fixture, partner, V1, -1);
  g_autoptr(EscaleIcalImportReport) second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *e = NULL;
  g_autofree char *status = NULL;
  g_autofree char *summary = NULL;

  assert_counts (first, 4, 0, 0, 0);
  second = import_ok (fixture, partner, V2, -1);
  /* a moved (SEQUENCE 1), b cancelled, d new, c gone, e older: kept. */
  assert_counts (second, 1, 2, 1, 1);
  assert_warning (second, "e@cje", "already holds a newer version");

  a = occurrences_of (fixture, "a@cje");
  g_assert_cmpstr (a, ==, "2027-03-01T15:00-17:00");
  g_assert_cmpint (event_number (fixture, "a@cje", "sequence"), ==, 1);
  b = occurrences_of (fixture, "b@cje");
  g_assert_cmpstr (b, ==, "");
  status = event_text (fixture, "b@cje", "status");
  g_assert_cmpstr (status, ==, "cancelled");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_event WHERE uid = 'c@cje'"), ==, 0);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence WHERE event_id NOT IN "
                                     "(SELECT id FROM external_event)"), ==, 0);
  e = occurrences_of (fixture, "e@cje");
  g_assert_cmpstr (e, ==, "2027-03-04T14:00-15:00");
  summary = event_text (fixture, "e@cje", "summary");
  g_assert_cmpstr (summary, ==, "Réunion");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_event"), ==, 4);
}

/* Without SEQUENCE or LAST-MODIFIED, any change is an update. */
static void
test_unversioned (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) first = NULL;
  g_autoptr(EscaleIcalImportReport) second = NULL;
  g_autofree char *location = NULL;

  first = import_ok (fixture, partner, HEAD
                     EVENT ("x@cje", "SUMMARY:Visite\r\nDTSTART:20270301T140000Z\r\nDTEND:20270301T150000Z\r\n")
                     EVENT ("y@cje", "SUMMARY:Kiosque\r\nDTSTART:20270302T140000Z\r\nDTEND:20270302T150000Z\r\n")
                     TAIL, -1);
  assert_counts (first, 2, 0, 0, 0);
  second = import_ok (fixture, partner, HEAD
                      EVENT ("x@cje", "SUMMARY:Visite\r\nLOCATION:Usine\r\nDTSTART:20270301T140000Z\r\nDTEND:20270301T150000Z\r\n")
                      EVENT ("y@cje", "SUMMARY:Kiosque\r\nDTSTART:20270302T140000Z\r\nDTEND:20270302T150000Z\r\n")
                      TAIL, -1);
  assert_counts (second, 0, 1, 0, 1);
  location = event_text (fixture, "x@cje", "location");
  g_assert_cmpstr (location, ==, "Usine");
}

#define PLAIN_EVENTS \
  "BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-CALNAME:CJE\nBEGIN:VEVENT\nUID:lf@cje\nSUMMARY:Entrevue d’embauche à l’usine de\n  Bécancour\n" \
  "DTSTART;TZID=America/Toronto:20270315T100000\nDTEND;TZID=America/Toronto:20270315T110000\nEND:VEVENT\nEND:VCALENDAR\n"

/* A BOM and LF, then CR alone: the same entry either way. */
static void
test_line_endings (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", PLAIN_EVENTS, NULL);
  g_autofree char *cr = g_strdup (PLAIN_EVENTS);
  g_autoptr(EscaleIcalImportReport) first = NULL;
  g_autoptr(EscaleIcalImportReport) second = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *times = NULL;

  first = import_ok (fixture, partner, bom, -1);
  assert_counts (first, 1, 0, 0, 0);
  g_assert_cmpuint (n_warnings (first), ==, 0);
  g_assert_cmpstr (escale_ical_import_report_get_calendar_name (first), ==, "CJE");
  summary = event_text (fixture, "lf@cje", "summary");
  g_assert_cmpstr (summary, ==, "Entrevue d’embauche à l’usine de Bécancour");
  times = occurrences_of (fixture, "lf@cje");
  g_assert_cmpstr (times, ==, "2027-03-15T14:00-15:00");

  g_strdelimit (cr, "\n", '\r');
  second = import_ok (fixture, partner, cr, -1);
  assert_counts (second, 0, 0, 0, 1);
}

/* "Réunion à Québec" in Windows-1252, with NUL bytes. */
static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char text[] = HEAD EVENT ("cp@cje", "SUMMARY:R\xe9union \xe0 Qu\xe9" "bec \x96 bilan\r\n"
                                                   "DTSTART:20270301T140000Z\r\nDTEND:20270301T150000Z\r\n") TAIL;
  g_autofree char *with_nul = NULL;
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autofree char *summary = NULL;
  gsize length = sizeof text - 1;

  /* A NUL in the middle of the summary: nothing after it may be lost. */
  with_nul = g_malloc (length + 1);
  memcpy (with_nul, text, length);
  with_nul[strstr (text, "bilan") - text - 1] = '\0';
  report = import_ok (fixture, partner, with_nul, length);
  assert_counts (report, 1, 0, 0, 0);
  assert_warning (report, NULL, "Windows-1252");
  assert_warning (report, NULL, "NUL");
  summary = event_text (fixture, "cp@cje", "summary");
  g_assert_cmpstr (summary, ==, "Réunion à Québec –bilan");
}

static void
test_several_calendars (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = NULL;

  report = import_ok (fixture, partner,
                      HEAD "X-WR-CALNAME:Bureau\r\n" EVENT ("one@cje", "DTSTART:20270301T140000Z\r\n") TAIL
                      HEAD "X-WR-CALNAME:Terrain\r\n" EVENT ("two@cje", "DTSTART:20270302T140000Z\r\n")
                      EVENT ("three@cje", "DTSTART:20270303T140000Z\r\n") TAIL, -1);
  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpstr (escale_ical_import_report_get_calendar_name (report), ==, "Bureau");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence"), ==, 3);
}

#define NO_UID HEAD \
  "BEGIN:VEVENT\r\nSUMMARY:Porte ouverte\r\nDTSTART;TZID=America/Toronto:20270410T090000\r\nDTEND;TZID=America/Toronto:20270410T120000\r\nEND:VEVENT\r\n" \
  TAIL

static void
test_missing_uid (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) first = import_ok (fixture, partner, NO_UID, -1);
  g_autoptr(EscaleIcalImportReport) second = NULL;
  EscaleIcalImportWarning *warning;

  assert_counts (first, 1, 0, 0, 0);
  g_assert_cmpuint (n_warnings (first), ==, 1);
  warning = escale_ical_import_report_get_warnings (first)->pdata[0];
  g_assert_true (g_str_has_prefix (warning->uid, "escale-import-"));
  g_assert_cmpstr (warning->summary, ==, "Porte ouverte");
  g_assert_cmpuint (warning->line, ==, 4);
  g_assert_nonnull (strstr (warning->message, "no UID"));

  /* The made-up UID finds it again. */
  second = import_ok (fixture, partner, NO_UID, -1);
  assert_counts (second, 0, 0, 0, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_event"), ==, 1);
}

static void
test_duplicate_uids (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autofree char *times = NULL;
  EscaleIcalImportWarning *warning;

  report = import_ok (fixture, partner, HEAD
                      EVENT ("twice@cje", "SEQUENCE:2\r\nSUMMARY:Deuxième\r\nDTSTART:20270301T150000Z\r\n")
                      EVENT ("twice@cje", "SEQUENCE:1\r\nSUMMARY:Première\r\nDTSTART:20270301T140000Z\r\n")
                      EVENT ("same@cje", "LAST-MODIFIED:20261101T100000Z\r\nSUMMARY:Vieille\r\nDTSTART:20270302T140000Z\r\n")
                      EVENT ("same@cje", "LAST-MODIFIED:20261102T100000Z\r\nSUMMARY:Récente\r\nDTSTART:20270302T150000Z\r\n")
                      TAIL, -1);
  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpuint (n_warnings (report), ==, 2);
  warning = escale_ical_import_report_get_warnings (report)->pdata[0];
  g_assert_cmpstr (warning->uid, ==, "twice@cje");
  g_assert_cmpstr (warning->summary, ==, "Première");
  g_assert_cmpuint (warning->line, ==, 11);
  g_assert_nonnull (strstr (warning->message, "line 4"));
  assert_warning (report, "same@cje", "twice");
  times = occurrences_of (fixture, "twice@cje");
  g_assert_cmpstr (times, ==, "2027-03-01T15:00-15:00");
  g_free (g_steal_pointer (&times));
  times = occurrences_of (fixture, "same@cje");
  g_assert_cmpstr (times, ==, "2027-03-02T15:00-15:00");
}

#define ZONES HEAD \
  "BEGIN:VTIMEZONE\r\nTZID:Bureau régional\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:-0330\r\n" \
  "TZOFFSETTO:-0330\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" \
  EVENT ("est@cje", "DTSTART;TZID=Eastern Standard Time:20270315T100000\r\nDTEND;TZID=Eastern Standard Time:20270315T110000\r\n") \
  EVENT ("pst@cje", "DTSTART;TZID=\"Pacific Standard Time\":20270115T100000\r\nDURATION:PT2H\r\n") \
  EVENT ("nst@cje", "DTSTART;TZID=Newfoundland Standard Time:20270115T100000\r\n") \
  EVENT ("old@cje", "DTSTART;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":20270115T100000\r\n") \
  EVENT ("rom@cje", "DTSTART;TZID=Romance Standard Time:20270115T100000\r\n") \
  EVENT ("pre@cje", "DTSTART;TZID=/freeassociation.sourceforge.net/America/Halifax:20270115T100000\r\n") \
  EVENT ("iana@cje", "DTSTART;TZID=America/Vancouver:20270715T100000\r\n") \
  EVENT ("own@cje", "DTSTART;TZID=Bureau régional:20270115T100000\r\n") \
  EVENT ("lost@cje", "SUMMARY:Quelque part\r\nDTSTART;TZID=Mars/Olympus_Mons:20270115T100000\r\n") \
  EVENT ("float@cje", "SUMMARY:Flottante\r\nDTSTART:20270715T100000\r\n") \
  EVENT ("utc@cje", "DTSTART:20270715T100000Z\r\n") \
  EVENT ("day@cje", "DTSTART;VALUE=DATE:20270701\r\nDTEND;VALUE=DATE:20270703\r\n") \
  TAIL

static void
assert_start (Fixture    *fixture,
              const char *uid,
              const char *utc,
              const char *tzid)
{
  g_autofree char *stored = event_text (fixture, uid, "tzid");

  g_assert_cmpint (event_number (fixture, uid, "starts_at"), ==, at_local (utc, "UTC"));
  g_assert_cmpstr (stored, ==, tzid);
}

static void
test_zones (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = import_ok (fixture, partner, ZONES, -1);
  g_autofree char *problem = NULL;
  g_autofree char *floating = NULL;
  g_autofree char *day = NULL;

  assert_counts (report, 12, 0, 0, 0);
  assert_start (fixture, "est@cje", "2027-03-15 14:00", "America/New_York");
  g_assert_cmpint (event_number (fixture, "est@cje", "ends_at"), ==, at_local ("2027-03-15 15:00", "UTC"));
  assert_start (fixture, "pst@cje", "2027-01-15 18:00", "America/Los_Angeles");
  g_assert_cmpint (event_number (fixture, "pst@cje", "ends_at"), ==, at_local ("2027-01-15 20:00", "UTC"));
  assert_start (fixture, "nst@cje", "2027-01-15 13:30", "America/St_Johns");
  assert_start (fixture, "old@cje", "2027-01-15 15:00", "America/New_York");
  assert_start (fixture, "rom@cje", "2027-01-15 09:00", "Europe/Paris");
  assert_start (fixture, "pre@cje", "2027-01-15 14:00", "America/Halifax");
  assert_start (fixture, "iana@cje", "2027-07-15 17:00", "America/Vancouver");
  /* The file's own zone, read by its rules: stored as UTC instants. */
  assert_start (fixture, "own@cje", "2027-01-15 13:30", NULL);
  assert_start (fixture, "utc@cje", "2027-07-15 10:00", NULL);

  /* Unknown: Toronto time, flagged in the row and in the report. */
  assert_start (fixture, "lost@cje", "2027-01-15 15:00", "America/Toronto");
  problem = event_text (fixture, "lost@cje", "problem");
  g_assert_nonnull (strstr (problem, "“Mars/Olympus_Mons” is unknown"));
  assert_warning (report, "lost@cje", "“Mars/Olympus_Mons” is unknown");

  /* Floating: Toronto time (EDT in July), never silently. */
  assert_start (fixture, "float@cje", "2027-07-15 14:00", "America/Toronto");
  floating = event_text (fixture, "float@cje", "problem");
  g_assert_nonnull (strstr (floating, "no time zone"));
  assert_warning (report, "float@cje", "no time zone");
  g_assert_cmpuint (n_warnings (report), ==, 2);

  g_assert_cmpint (event_number (fixture, "day@cje", "all_day"), ==, 1);
  day = occurrences_of (fixture, "day@cje");
  g_assert_cmpstr (day, ==, "2027-07-01T04:00-04:00");
  g_assert_cmpint (event_number (fixture, "day@cje", "ends_at"), ==, at_local ("2027-07-03 04:00", "UTC"));
}

static void
test_invalid_rule (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autofree char *times = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *rrule = NULL;

  report = import_ok (fixture, partner, HEAD
                      EVENT ("bad@cje", "SUMMARY:Règle brisée\r\nRRULE:FREQ=SOMETIMES;COUNT=x\r\nDTSTART:20270301T140000Z\r\n")
                      TAIL, -1);
  assert_counts (report, 1, 0, 0, 0);
  assert_warning (report, "bad@cje", "The repeat rule “FREQ=SOMETIMES;COUNT=x” cannot be read");
  times = occurrences_of (fixture, "bad@cje");
  g_assert_cmpstr (times, ==, "2027-03-01T14:00-14:00");
  problem = event_text (fixture, "bad@cje", "problem");
  g_assert_nonnull (strstr (problem, "only the first time"));
  rrule = event_text (fixture, "bad@cje", "rrule");
  g_assert_cmpstr (rrule, ==, "FREQ=SOMETIMES;COUNT=x");
}

static void
test_endless_rules (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = NULL;

  /* Each would keep libical busy for minutes: the suite's timeout is the
   * check that they do not. */
  report = import_ok (fixture, partner, HEAD
                      EVENT ("second@cje", "RRULE:FREQ=SECONDLY;COUNT=2147483647\r\nDTSTART:20270301T140000Z\r\n")
                      EVENT ("never@cje", "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30\r\nDTSTART:20270301T140000Z\r\n")
                      EVENT ("feb30@cje", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\nDTSTART:20270301T140000Z\r\n")
                      EVENT ("daily@cje", "RRULE:FREQ=DAILY\r\nDTSTART;TZID=America/Toronto:20261201T090000\r\n"
                             "DTEND;TZID=America/Toronto:20261201T100000\r\n")
                      EVENT ("since@cje", "RRULE:FREQ=WEEKLY\r\nDTSTART;TZID=America/Toronto:20100104T090000\r\n")
                      EVENT ("rscale@cje", "RRULE:RSCALE=GREGORIAN;FREQ=WEEKLY;COUNT=3\r\n"
                             "DTSTART;TZID=America/Toronto:20270301T090000\r\n")
                      TAIL, -1);
  assert_counts (report, 6, 0, 0, 0);

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence o JOIN external_event e ON e.id = o.event_id "
                                     "WHERE e.uid = 'second@cje'"), ==, 1000);
  assert_warning (report, "second@cje", "only the first 1000 times");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence o JOIN external_event e ON e.id = o.event_id "
                                     "WHERE e.uid = 'never@cje'"), ==, 1);
  assert_warning (report, "never@cje", "never happens");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence o JOIN external_event e ON e.id = o.event_id "
                                     "WHERE e.uid = 'feb30@cje'"), ==, 1);
  assert_warning (report, "feb30@cje", "never happens");

  /* Two years ahead of the import, no more; no warning for that. */
  g_assert_cmpint (sql_int (fixture, "SELECT max(o.starts_at) FROM external_occurrence o JOIN external_event e ON "
                                     "e.id = o.event_id WHERE e.uid = 'daily@cje'"), <=, IMPORT_NOW + 2 * 366 * 86400);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence o JOIN external_event e ON e.id = o.event_id "
                                     "WHERE e.uid = 'daily@cje'"), >, 700);
  /* A weekly meeting since 2010: from a year ago, at 9:00 Toronto time
   * on both sides of the changes of time. */
  g_assert_cmpint (sql_int (fixture, "SELECT min(o.starts_at) FROM external_occurrence o JOIN external_event e ON "
                                     "e.id = o.event_id WHERE e.uid = 'since@cje'"), >=, IMPORT_NOW - 366 * 86400 - 7 * 86400);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence o JOIN external_event e ON e.id = o.event_id "
                                     "WHERE e.uid = 'since@cje' AND strftime('%H', o.starts_at, 'unixepoch') NOT IN ('13', '14')"),
                   ==, 0);
  /* A rule with a calendar scale (RFC 7529) is libical's to step through. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_occurrence o JOIN external_event e ON e.id = o.event_id "
                                     "WHERE e.uid = 'rscale@cje'"), ==, 3);
  g_assert_cmpuint (n_warnings (report), ==, 3);
}

#define SERIES HEAD \
  EVENT ("s@cje", "SUMMARY:Atelier\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\nDTSTART;TZID=America/Toronto:20270301T090000\r\n" \
         "DTEND;TZID=America/Toronto:20270301T100000\r\nEXDATE;TZID=America/Toronto:20270308T090000\r\n") \
  EVENT ("s@cje", "SUMMARY:Atelier (déplacé)\r\nRECURRENCE-ID;TZID=America/Toronto:20270315T090000\r\n" \
         "DTSTART;TZID=America/Toronto:20270316T130000\r\nDTEND;TZID=America/Toronto:20270316T140000\r\n") \
  EVENT ("s@cje", "SUMMARY:Atelier\r\nSTATUS:CANCELLED\r\nRECURRENCE-ID:20270322T130000Z\r\n" \
         "DTSTART;TZID=America/Toronto:20270322T090000\r\n") \
  TAIL

static void
test_exdate_overrides (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = import_ok (fixture, partner, SERIES, -1);
  g_autoptr(EscaleIcalImportReport) again = NULL;
  g_autofree char *times = NULL;

  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpuint (n_warnings (report), ==, 0);
  /* 1st; the 8th excluded; the 15th moved to the 16th; the 22nd
   * cancelled; the 29th (after the change of time, 13:00 UTC). */
  times = occurrences_of (fixture, "s@cje");
  g_assert_cmpstr (times, ==, "2027-03-01T14:00-15:00 2027-03-16T17:00-18:00 2027-03-29T13:00-14:00");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM external_event WHERE status = 'cancelled'"), ==, 1);

  /* Without its overrides, the series takes its times back. */
  again = import_ok (fixture, partner, HEAD
                     EVENT ("s@cje", "SUMMARY:Atelier\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\nDTSTART;TZID=America/Toronto:20270301T090000\r\n"
                            "DTEND;TZID=America/Toronto:20270301T100000\r\nEXDATE;TZID=America/Toronto:20270308T090000\r\n")
                     TAIL, -1);
  assert_counts (again, 0, 0, 2, 1);
  g_free (g_steal_pointer (&times));
  times = occurrences_of (fixture, "s@cje");
  g_assert_cmpstr (times, ==, "2027-03-01T14:00-15:00 2027-03-15T13:00-14:00 2027-03-22T13:00-14:00 2027-03-29T13:00-14:00");
}

/* RDATE adds times to a rule's, or to a start without a rule; EXDATE
 * takes them away again; a period lasts as long as it says. */
static void
test_added_dates (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 partner = import_partner (fixture);
  g_autoptr(EscaleIcalImportReport) report = NULL;
  g_autofree char *ruled = NULL;
  g_autofree char *listed = NULL;

  report = import_ok (fixture, partner, HEAD
                      EVENT ("r@cje", "SUMMARY:Atelier\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\n"
                             "DTSTART;TZID=America/Toronto:20270301T090000\r\nDTEND;TZID=America/Toronto:20270301T100000\r\n"
                             "RDATE;TZID=America/Toronto:20270320T090000,20270327T090000\r\n"
                             "RDATE:20270405T120000Z\r\n"
                             "EXDATE;TZID=America/Toronto:20270327T090000\r\n")
                      EVENT ("l@cje", "SUMMARY:Permanence\r\n"
                             "DTSTART;TZID=America/Toronto:20270302T130000\r\nDTEND;TZID=America/Toronto:20270302T140000\r\n"
                             "RDATE;VALUE=PERIOD:20270304T180000Z/20270304T210000Z,20270306T150000Z/PT30M\r\n"
                             "RDATE;VALUE=PERIOD:20270308T150000Z/demain\r\n"
                             "RDATE:jeudi\r\n")
                      TAIL, -1);
  assert_counts (report, 2, 0, 0, 0);

  /* The rule's 1st and 8th, the 20th added (EDT since the 14th), the
   * 27th added then excluded, 5 April in UTC. */
  ruled = occurrences_of (fixture, "r@cje");
  g_assert_cmpstr (ruled, ==, "2027-03-01T14:00-15:00 2027-03-08T14:00-15:00 2027-03-20T13:00-14:00 2027-04-05T12:00-13:00");

  /* No rule: the start, then each period with its own end; an end that
   * cannot be read gives the entry's hour, a date that cannot be read
   * is left out, each with a warning. */
  listed = occurrences_of (fixture, "l@cje");
  g_assert_cmpstr (listed, ==, "2027-03-02T18:00-19:00 2027-03-04T18:00-21:00 2027-03-06T15:00-15:30 2027-03-08T15:00-16:00");
  g_assert_cmpuint (n_warnings (report), ==, 2);
  assert_warning (report, "l@cje", "“20270308T150000Z/demain”");
  assert_warning (report, "l@cje", "“jeudi”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ical-import/outlook", Fixture, NULL, fixture_set_up, test_outlook, fixture_tear_down);
  g_test_add ("/ical-import/reimport", Fixture, NULL, fixture_set_up, test_reimport, fixture_tear_down);
  g_test_add ("/ical-import/unversioned", Fixture, NULL, fixture_set_up, test_unversioned, fixture_tear_down);
  g_test_add ("/ical-import/line-endings", Fixture, NULL, fixture_set_up, test_line_endings, fixture_tear_down);
  g_test_add ("/ical-import/windows-1252", Fixture, NULL, fixture_set_up, test_windows_1252, fixture_tear_down);
  g_test_add ("/ical-import/several-calendars", Fixture, NULL, fixture_set_up, test_several_calendars, fixture_tear_down);
  g_test_add ("/ical-import/missing-uid", Fixture, NULL, fixture_set_up, test_missing_uid, fixture_tear_down);
  g_test_add ("/ical-import/duplicate-uids", Fixture, NULL, fixture_set_up, test_duplicate_uids, fixture_tear_down);
  g_test_add ("/ical-import/zones", Fixture, NULL, fixture_set_up, test_zones, fixture_tear_down);
  g_test_add ("/ical-import/invalid-rule", Fixture, NULL, fixture_set_up, test_invalid_rule, fixture_tear_down);
  g_test_add ("/ical-import/endless-rules", Fixture, NULL, fixture_set_up, test_endless_rules, fixture_tear_down);
  g_test_add ("/ical-import/exdate-overrides", Fixture, NULL, fixture_set_up, test_exdate_overrides, fixture_tear_down);
  g_test_add ("/ical-import/added-dates", Fixture, NULL, fixture_set_up, test_added_dates, fixture_tear_down);

  return g_test_run ();
}
