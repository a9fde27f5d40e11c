/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ical-import-fixture.h"

gint64
import_partner (Fixture *fixture)
{
  /* Borrowed: the live list keeps it. */
  EscalePartner *partner = save_new (fixture, "Carrefour jeunesse-emploi", "04", "Trois-Rivières");

  return escale_partner_get_id (partner);
}

char *
write_ics (Fixture    *fixture,
           const char *name,
           const char *text,
           gssize      length)
{
  char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

EscaleIcalImportReport *
import_path (Fixture   *fixture,
             gint64     partner,
             const char *path,
             gboolean   dry_run,
             GError   **error)
{
  g_autoptr(EscaleIcalImport) import = escale_ical_import_new (fixture->database);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  escale_ical_import_set_now (import, IMPORT_NOW);
  return escale_ical_import_file (import, file, partner, dry_run, NULL, error);
}

EscaleIcalImportReport *
import_ok (Fixture    *fixture,
           gint64      partner,
           const char *text,
           gssize      length)
{
  g_autofree char *path = write_ics (fixture, "agenda.ics", text, length);
  g_autoptr(GError) error = NULL;
  EscaleIcalImportReport *report = import_path (fixture, partner, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

void
assert_counts (EscaleIcalImportReport *report,
               guint                   added,
               guint                   updated,
               guint                   removed,
               guint                   unchanged)
{
  g_autofree char *expected = g_strdup_printf ("%u/%u/%u/%u", added, updated, removed, unchanged);
  g_autofree char *counts = g_strdup_printf ("%u/%u/%u/%u", escale_ical_import_report_get_added (report),
                                             escale_ical_import_report_get_updated (report),
                                             escale_ical_import_report_get_removed (report),
                                             escale_ical_import_report_get_unchanged (report));

  g_assert_cmpstr (counts, ==, expected);
}

guint
n_warnings (EscaleIcalImportReport *report)
{
  return escale_ical_import_report_get_warnings (report)->len;
}

/* A warning about @uid (NULL: the file) whose message holds @fragment. */
void
assert_warning (EscaleIcalImportReport *report,
                const char             *uid,
                const char             *fragment)
{
  GPtrArray *warnings = escale_ical_import_report_get_warnings (report);

  for (guint i = 0; i < warnings->len; i++)
    {
      EscaleIcalImportWarning *warning = warnings->pdata[i];

      if (g_strcmp0 (warning->uid, uid) == 0 && strstr (warning->message, fragment) != NULL)
        return;
    }
  for (guint i = 0; i < warnings->len; i++)
    {
      EscaleIcalImportWarning *warning = warnings->pdata[i];

      g_printerr ("warning: %s line %u: %s\n", warning->uid, warning->line, warning->message);
    }
  g_error ("no warning about %s saying “%s”", uid, fragment);
}

static void
append_rows (Fixture    *fixture,
             GString    *dump,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (fixture->database, sql, &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "∅");
      g_string_append_c (dump, '\n');
    }
}

/* Every row of the agendas and of the audit log, to tell that a refused
 * file changed nothing. */
char *
agenda_dump (Fixture *fixture)
{
  GString *dump = g_string_new (NULL);

  append_rows (fixture, dump, "SELECT * FROM external_calendar ORDER BY id");
  append_rows (fixture, dump, "SELECT * FROM external_event ORDER BY id");
  append_rows (fixture, dump, "SELECT * FROM external_occurrence ORDER BY event_id, starts_at");
  append_rows (fixture, dump, "SELECT * FROM audit_log ORDER BY id");
  return g_string_free (dump, FALSE);
}

gint64
at_local (const char *local,
          const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autofree char *iso = g_strconcat (local, ":00", NULL);
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (tz);
  g_strdelimit (iso, " ", 'T');
  time = g_date_time_new_from_iso8601 (iso, tz);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* "start-end start-end …" in UTC ISO 8601, for every occurrence of @uid
 * and its overrides. */
char *
occurrences_of (Fixture    *fixture,
                const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *text = g_string_new (NULL);

  stmt = _escale_database_prepare (fixture->database,
                                   "SELECT strftime('%Y-%m-%dT%H:%M', o.starts_at, 'unixepoch'), "
                                   "strftime('%H:%M', o.ends_at, 'unixepoch') FROM external_occurrence o "
                                   "JOIN external_event e ON e.id = o.event_id WHERE e.uid = ? ORDER BY o.starts_at",
                                   &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s-%s", text->len > 0 ? " " : "", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1));
  return g_string_free (text, FALSE);
}

static sqlite3_stmt *
event_column (Fixture    *fixture,
              const char *uid,
              const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM external_event WHERE uid = ? AND recurrence_id IS NULL", column);
  sqlite3_stmt *stmt = _escale_database_prepare (fixture->database, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

char *
event_text (Fixture    *fixture,
            const char *uid,
            const char *column)
{
  g_autoptr(sqlite3_stmt) stmt = event_column (fixture, uid, column);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gint64
event_number (Fixture    *fixture,
              const char *uid,
              const char *column)
{
  g_autoptr(sqlite3_stmt) stmt = event_column (fixture, uid, column);

  return sqlite3_column_int64 (stmt, 0);
}
