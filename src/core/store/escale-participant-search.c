/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-calendar-date.h"
#include "escale-database-private.h"
#include "escale-enums.h"
#include "escale-participant-repository-private.h"

/* The participants page asks the database, not a filter over objects in
 * memory: SQLite answers a prefix query over 100,000 people from its
 * full-text index in about a millisecond, where a GtkFilter would visit
 * every row on each keystroke. */

/* The Sunday that ends the week of @today: "due this week" means by then. */
static char *
end_of_week (const char *today)
{
  GDate date;

  if (!escale_calendar_date_parse (today, &date))
    g_assert_not_reached ();

  g_date_add_days (&date, G_DATE_SUNDAY - g_date_get_weekday (&date));
  return escale_calendar_date_format (&date);
}

static const char *
order_by (EscaleParticipantSort sort,
          gboolean              descending)
{
  switch (sort)
    {
    case ESCALE_PARTICIPANT_SORT_CITY:
      /* Those without a city come last either way. */
      return descending ? "p.city_key IS NULL, p.city_key DESC, p.sort_key DESC, p.id DESC"
                        : "p.city_key IS NULL, p.city_key, p.sort_key, p.id";
    case ESCALE_PARTICIPANT_SORT_CREATED:
      /* Ids grow with time: the order of creation without an index. */
      return descending ? "p.id DESC" : "p.id";
    case ESCALE_PARTICIPANT_SORT_NEXT_FOLLOW_UP:
      /* Those with nothing to do come last either way. */
      return descending ? "next_due IS NULL, next_due DESC, p.sort_key" : "next_due IS NULL, next_due, p.sort_key";
    case ESCALE_PARTICIPANT_SORT_NAME:
    default:
      return descending ? "p.sort_key DESC, p.id DESC" : "p.sort_key, p.id";
    }
}

/**
 * escale_participant_repository_search:
 *
 * Returns: (transfer full) (element-type gint64): the ids of every
 *   participant matching @query, in its order
 */
GArray *
escale_participant_repository_search (EscaleParticipantRepository  *self,
                                      const EscaleParticipantQuery *query,
                                      GError                      **error)
{
  EscaleDatabase *database;
  g_autoptr(GString) sql = g_string_new ("SELECT p.id");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *today = NULL;
  g_autofree char *due_by = NULL;
  g_autoptr(GArray) ids = NULL;
  int param = 1;
  int rc;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  database = escale_participant_repository_get_database (self);
  match = escale_participant_query_match_string (query->text);
  today = query->today != NULL ? g_strdup (query->today) : escale_calendar_date_today ();

  if (query->sort == ESCALE_PARTICIPANT_SORT_NEXT_FOLLOW_UP)
    g_string_append (sql, ", (SELECT min(due_on) FROM follow_up f WHERE f.participant_id = p.id "
                          "AND f.done_on IS NULL) AS next_due");
  g_string_append (sql, " FROM participant p");
  if (match != NULL)
    g_string_append (sql, " JOIN participant_search s ON s.rowid = p.id AND participant_search MATCH ?");
  g_string_append (sql, " WHERE 1");

  if (query->status >= 0)
    g_string_append (sql, " AND p.immigration_status IS ?");
  if (query->region_code != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM participant_region r "
                          "WHERE r.participant_id = p.id AND r.region_code = ?)");
  if (query->consent != ESCALE_CONSENT_FILTER_ANY)
    g_string_append_printf (sql, " AND (SELECT granted FROM consent c WHERE c.participant_id = p.id "
                                 "AND c.purpose = 'registration' ORDER BY given_on DESC, id DESC LIMIT 1) %s 1",
                            query->consent == ESCALE_CONSENT_FILTER_GIVEN ? "IS" : "IS NOT");
  if (query->follow_up != ESCALE_FOLLOW_UP_FILTER_ANY)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM follow_up f WHERE f.participant_id = p.id "
                                 "AND f.done_on IS NULL AND f.due_on %s ?)",
                            query->follow_up == ESCALE_FOLLOW_UP_FILTER_OVERDUE ? "<" : "<=");

  g_string_append_printf (sql, " ORDER BY %s", order_by (query->sort, query->descending));
  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  stmt = _escale_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (match != NULL)
    _escale_bind_text (stmt, param++, match);
  if (query->status >= 0)
    _escale_bind_text (stmt, param++, query->status == ESCALE_IMMIGRATION_STATUS_UNKNOWN
                                        ? NULL : escale_choice_get_nick (ESCALE_TYPE_IMMIGRATION_STATUS, query->status));
  if (query->region_code != NULL)
    _escale_bind_text (stmt, param++, query->region_code);
  if (query->follow_up == ESCALE_FOLLOW_UP_FILTER_OVERDUE)
    _escale_bind_text (stmt, param++, today);
  else if (query->follow_up == ESCALE_FOLLOW_UP_FILTER_DUE)
    {
      due_by = end_of_week (today);
      _escale_bind_text (stmt, param++, due_by);
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

#define SUMMARY_PAGE 50
#define SUMMARY_SQL \
  "SELECT p.id, p.given_name, p.family_name, p.preferred_name, p.email, p.phone, p.city, p.occupation, " \
  "(SELECT group_concat (region_code, ', ') FROM (SELECT region_code FROM participant_region r " \
  "  WHERE r.participant_id = p.id ORDER BY rank)), " \
  "(SELECT granted FROM consent c WHERE c.participant_id = p.id " \
  "  AND c.purpose = 'registration' ORDER BY given_on DESC, id DESC LIMIT 1), " \
  "(SELECT min(due_on) FROM follow_up f WHERE f.participant_id = p.id AND f.done_on IS NULL) " \
  "FROM participant p"

static EscaleParticipantSummary *
summary_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *display_name = NULL;
  g_autofree char *sort_name = NULL;
  EscaleParticipantSummaryData data = { 0 };
  const char *given = _escale_column_text (stmt, 3) != NULL ? _escale_column_text (stmt, 3) : _escale_column_text (stmt, 1);

  display_name = g_strdup_printf ("%s %s", given, _escale_column_text (stmt, 2));
  sort_name = g_strdup_printf ("%s, %s", _escale_column_text (stmt, 2), _escale_column_text (stmt, 1));

  data.id = sqlite3_column_int64 (stmt, 0);
  data.display_name = display_name;
  data.sort_name = sort_name;
  data.email = _escale_column_text (stmt, 4);
  data.phone = _escale_column_text (stmt, 5);
  data.city = _escale_column_text (stmt, 6);
  data.occupation = _escale_column_text (stmt, 7);
  data.regions = _escale_column_text (stmt, 8);
  data.has_consent = sqlite3_column_int (stmt, 9) == 1;
  data.next_follow_up = _escale_column_text (stmt, 10);

  return escale_participant_summary_new (&data);
}

/**
 * escale_participant_repository_summarize:
 * @ids: (array length=n_ids): participants, from
 *   escale_participant_repository_search()
 *
 * Returns: (transfer full) (element-type EscaleParticipantSummary): a row
 *   for each id still in the database, in the order of @ids
 */
GPtrArray *
escale_participant_repository_summarize (EscaleParticipantRepository  *self,
                                         const gint64                 *ids,
                                         guint                         n_ids,
                                         GError                      **error)
{
  EscaleDatabase *database;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  database = escale_participant_repository_get_database (self);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  /* One statement per page of rows: a query per row would take and
   * release SQLite's file lock 50 times for each page the view shows. */
  for (guint first = 0; first < n_ids; first += SUMMARY_PAGE)
    {
      guint n = MIN (SUMMARY_PAGE, n_ids - first);
      g_autoptr(GString) sql = g_string_new (SUMMARY_SQL " WHERE p.id IN (");
      sqlite3_stmt *stmt;
      int rc;

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i > 0 ? ", ?" : "?");
      g_string_append (sql, ")");

      stmt = _escale_database_prepare_cached (database, sql->str, error);
      if (stmt == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, ids[first + i]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), summary_from_row (stmt));
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          _escale_database_set_error (database, error);
          return NULL;
        }
    }

  summaries = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      EscaleParticipantSummary *summary = g_hash_table_lookup (by_id, &ids[i]);

      if (summary != NULL)
        g_ptr_array_add (summaries, g_object_ref (summary));
    }

  return g_steal_pointer (&summaries);
}
