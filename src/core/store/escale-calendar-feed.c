/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-calendar-feed.h"
#include "escale-database-private.h"

/* The calendars published in the feed folder. The folder belongs to the
 * computer (a synced or served folder), so it is a setting of the
 * application or an option of the command line; which calendars are
 * published belongs to the data, shared by both. */

#define ENTITY "calendar_feed"
#define MAX_FILE_NAME 100

static const char * const scope_names[] = {
  [ESCALE_FEED_SCOPE_UPCOMING] = "upcoming",
  [ESCALE_FEED_SCOPE_EVENT] = "event",
  [ESCALE_FEED_SCOPE_SERIES] = "series",
  [ESCALE_FEED_SCOPE_PARTICIPANT] = "participant",
  [ESCALE_FEED_SCOPE_PARTNER] = "partner",
};

void
escale_calendar_feed_free (EscaleCalendarFeed *feed)
{
  if (feed == NULL)
    return;

  g_free (feed->file_name);
  g_free (feed->target_name);
  g_free (feed);
}

/**
 * escale_calendar_feed_describe:
 *
 * Returns: (transfer full): what the feed publishes, in words: "Upcoming
 *   events", "Partner “Cégep de Rimouski”"
 */
char *
escale_calendar_feed_describe (const EscaleCalendarFeed *feed)
{
  g_return_val_if_fail (feed != NULL, NULL);

  if (feed->scope == ESCALE_FEED_SCOPE_UPCOMING)
    return g_strdup (_("Upcoming events"));
  if (feed->target_name == NULL)
    return g_strdup (_("Nothing: what it published was deleted"));

  switch (feed->scope)
    {
    case ESCALE_FEED_SCOPE_EVENT:
      return g_strdup_printf (_("Event “%s”"), feed->target_name);
    case ESCALE_FEED_SCOPE_SERIES:
      return g_strdup_printf (_("Series “%s”"), feed->target_name);
    case ESCALE_FEED_SCOPE_PARTICIPANT:
      return g_strdup_printf (_("Calendar of %s"), feed->target_name);
    case ESCALE_FEED_SCOPE_PARTNER:
      return g_strdup_printf (_("Partner “%s”"), feed->target_name);
    case ESCALE_FEED_SCOPE_UPCOMING:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The name of what a feed publishes, or NULL when it no longer exists.
 * A series is named by its first session. */
#define TARGET_NAME_SQL \
  "CASE scope " \
  "WHEN 'event' THEN (SELECT title FROM event WHERE id = target_id) " \
  "WHEN 'series' THEN (SELECT title FROM event WHERE series_id = target_id ORDER BY starts_at LIMIT 1) " \
  "WHEN 'participant' THEN (SELECT given_name || ' ' || family_name FROM participant WHERE id = target_id) " \
  "WHEN 'partner' THEN (SELECT name FROM organization WHERE id = target_id) END"

static EscaleFeedScope
parse_scope (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
    {
      if (g_strcmp0 (name, scope_names[i]) == 0)
        return (EscaleFeedScope) i;
    }

  g_return_val_if_reached (ESCALE_FEED_SCOPE_UPCOMING);
}

static EscaleCalendarFeed *
read_feed (sqlite3_stmt *stmt)
{
  EscaleCalendarFeed *feed = g_new0 (EscaleCalendarFeed, 1);

  feed->id = sqlite3_column_int64 (stmt, 0);
  feed->scope = parse_scope (_escale_column_text (stmt, 1));
  feed->target_id = sqlite3_column_int64 (stmt, 2);
  feed->file_name = g_strdup (_escale_column_text (stmt, 3));
  feed->target_name = g_strdup (_escale_column_text (stmt, 4));

  return feed;
}

/**
 * escale_calendar_feed_list:
 *
 * Returns: (transfer container) (element-type EscaleCalendarFeed): the
 *   feeds, by file name
 */
GPtrArray *
escale_calendar_feed_list (EscaleDatabase  *database,
                           GError         **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_calendar_feed_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  stmt = _escale_database_prepare_cached (database,
                                          "SELECT id, scope, target_id, file_name, " TARGET_NAME_SQL " "
                                          "FROM calendar_feed ORDER BY file_name",
                                          error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, read_feed (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&feeds);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT, message);
  return FALSE;
}

/* A plain file name a web server serves as is: no folder, not hidden,
 * ending in .ics. */
static gboolean
check_file_name (const char  *name,
                 GError     **error)
{
  if (name == NULL || *name == '\0')
    return refuse (error, _("File name: give the name of the feed’s file"));
  if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    return refuse (error, _("File name: write a name without a folder"));
  if (name[0] == '.')
    return refuse (error, _("File name: a name starting with a dot would be hidden"));
  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > MAX_FILE_NAME)
    return refuse (error, _("File name: write at most 100 characters"));
  if (!g_str_has_suffix (name, ".ics") || strlen (name) == strlen (".ics"))
    return refuse (error, _("File name: end the name with .ics"));

  return TRUE;
}

/* The file a new feed gets, without personal information: a participant's
 * calendar is named by number, not by name. */
static char *
default_file_name (EscaleFeedScope scope,
                   gint64          target_id)
{
  if (scope == ESCALE_FEED_SCOPE_UPCOMING)
    return g_strdup ("escale.ics");

  return g_strdup_printf ("%s-%" G_GINT64_FORMAT ".ics", scope_names[scope], target_id);
}

static gboolean
target_exists (EscaleDatabase  *database,
               EscaleFeedScope  scope,
               gint64           target_id,
               GError         **error)
{
  static const char * const queries[] = {
    [ESCALE_FEED_SCOPE_EVENT] = "SELECT 1 FROM event WHERE id = ?",
    [ESCALE_FEED_SCOPE_SERIES] = "SELECT 1 FROM event_series WHERE id = ?",
    [ESCALE_FEED_SCOPE_PARTICIPANT] = "SELECT 1 FROM participant WHERE id = ?",
    [ESCALE_FEED_SCOPE_PARTNER] = "SELECT 1 FROM organization WHERE id = ?",
  };
  sqlite3_stmt *stmt;
  int rc;

  if (scope == ESCALE_FEED_SCOPE_UPCOMING)
    return TRUE;

  stmt = _escale_database_prepare_cached (database, queries[scope], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  switch (scope)
    {
    case ESCALE_FEED_SCOPE_EVENT:
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no event number %lld"), (long long) target_id);
      break;
    case ESCALE_FEED_SCOPE_SERIES:
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no series number %lld"), (long long) target_id);
      break;
    case ESCALE_FEED_SCOPE_PARTICIPANT:
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no participant number %lld"), (long long) target_id);
      break;
    case ESCALE_FEED_SCOPE_PARTNER:
    case ESCALE_FEED_SCOPE_UPCOMING:
    default:
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no partner number %lld"), (long long) target_id);
      break;
    }
  return FALSE;
}

#define FEED_SELECT "SELECT id, scope, target_id, file_name, " TARGET_NAME_SQL " FROM calendar_feed "

static EscaleCalendarFeed *
step_feed (sqlite3_stmt *stmt)
{
  EscaleCalendarFeed *feed = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    feed = read_feed (stmt);
  sqlite3_reset (stmt);

  return feed;
}

static EscaleCalendarFeed *
find_by_file_name (EscaleDatabase *database,
                   const char     *file_name)
{
  sqlite3_stmt *stmt = _escale_database_prepare_cached (database, FEED_SELECT "WHERE file_name = ?", NULL);

  if (stmt == NULL)
    return NULL;
  _escale_bind_text (stmt, 1, file_name);
  return step_feed (stmt);
}

static EscaleCalendarFeed *
find_by_target (EscaleDatabase  *database,
                EscaleFeedScope  scope,
                gint64           target_id)
{
  sqlite3_stmt *stmt = _escale_database_prepare_cached (database, FEED_SELECT "WHERE scope = ? AND target_id IS ?", NULL);

  if (stmt == NULL)
    return NULL;
  _escale_bind_text (stmt, 1, scope_names[scope]);
  if (target_id == 0)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int64 (stmt, 2, target_id);
  return step_feed (stmt);
}

/**
 * escale_calendar_feed_add:
 * @target_id: the event, series, participant or partner; 0 for upcoming
 * @file_name: (nullable): the file's name in the feed folder; %NULL for
 *   a name made of the scope and number, such as "partner-12.ics"
 *
 * Publishes a calendar in the feed folder. A calendar is published once:
 * adding it again returns the feed it already has.
 *
 * Returns: (transfer full): the feed, or %NULL with @error when the file
 *   name is not usable or taken, or the target does not exist
 */
EscaleCalendarFeed *
escale_calendar_feed_add (EscaleDatabase   *database,
                          EscaleFeedScope   scope,
                          gint64            target_id,
                          const char       *file_name,
                          GError          **error)
{
  g_autofree char *name = NULL;
  g_autoptr(EscaleCalendarFeed) existing = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (scope <= ESCALE_FEED_SCOPE_PARTNER, NULL);
  g_return_val_if_fail ((scope == ESCALE_FEED_SCOPE_UPCOMING) == (target_id == 0), NULL);

  name = file_name != NULL ? g_strstrip (g_strdup (file_name)) : default_file_name (scope, target_id);
  if (!check_file_name (name, error) || !target_exists (database, scope, target_id, error))
    return NULL;

  existing = find_by_target (database, scope, target_id);
  if (existing != NULL)
    return g_steal_pointer (&existing);

  existing = find_by_file_name (database, name);
  if (existing != NULL)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("File name: another feed already writes “%s”"), name);
      return NULL;
    }

  if (!escale_database_begin (database, error))
    return NULL;

  stmt = _escale_database_prepare_cached (database,
                                          "INSERT INTO calendar_feed (scope, target_id, file_name, created_at, updated_at) "
                                          "VALUES (?, ?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    goto failed;
  _escale_bind_text (stmt, 1, scope_names[scope]);
  if (scope == ESCALE_FEED_SCOPE_UPCOMING)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int64 (stmt, 2, target_id);
  _escale_bind_text (stmt, 3, name);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!_escale_database_step_done (database, stmt, error) ||
      !escale_audit_log_record (database, ENTITY, sqlite3_last_insert_rowid (_escale_database_get_handle (database)),
                                "create", NULL, error) ||
      !escale_database_commit (database, error))
    goto failed;

  return find_by_file_name (database, name);

failed:
  escale_database_rollback (database);
  return NULL;
}

/**
 * escale_calendar_feed_remove:
 * @file_name: the feed's file
 *
 * Stops publishing a feed. Its file is left in the folder: subscribers
 * keep what they last received until the person serving the folder
 * removes it.
 *
 * Returns: %FALSE with @error when no feed writes @file_name
 */
gboolean
escale_calendar_feed_remove (EscaleDatabase  *database,
                             const char      *file_name,
                             GError         **error)
{
  g_autoptr(EscaleCalendarFeed) feed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), FALSE);

  feed = find_by_file_name (database, file_name);
  if (feed == NULL)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("No feed writes “%s”"), file_name);
      return FALSE;
    }

  if (!escale_database_begin (database, error))
    return FALSE;
  stmt = _escale_database_prepare_cached (database, "DELETE FROM calendar_feed WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, feed->id);
  if (!_escale_database_step_done (database, stmt, error) ||
      !escale_audit_log_record (database, ENTITY, feed->id, "delete", NULL, error) ||
      !escale_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  escale_database_rollback (database);
  return FALSE;
}
