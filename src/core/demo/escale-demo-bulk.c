/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include "escale-demo.h"
#include "escale-event-repository-private.h"

/* Many more events than a counsellor would plan, for measuring what runs
 * over a whole database (exports, lists): information sessions, virtual
 * presentations, fairs and exploratory visits with their stops, in the
 * three zones of Québec, written straight as rows in one transaction with
 * prepared statements, so that 100,000 events take seconds. They are not
 * meant to make sense together: no registrations, no checklist. */

typedef struct
{
  const char *tzid;
  const char *town;
  const char *address;
  double      latitude;
  double      longitude;
} Place;

static const Place places[] = {
  { "America/Toronto", "Trois-Rivières", "1325, place de l’Hôtel-de-Ville, Trois-Rivières (Québec) G9A 5L1", 46.343, -72.543 },
  { "America/Toronto", "Rimouski", "205, avenue de la Cathédrale, Rimouski (Québec) G5L 5J1", 48.449, -68.524 },
  { "America/Toronto", "Saguenay", "201, rue Racine Est, Saguenay (Québec) G7H 1R9", 48.428, -71.068 },
  { "America/Toronto", "Rouyn-Noranda", "100, rue Taschereau Est, Rouyn-Noranda (Québec) J9X 3P7", 48.239, -79.019 },
  { "America/Toronto", "Montréal", "1200, boulevard Saint-Laurent, Montréal (Québec) H2X 2S5", 45.508, -73.561 },
  { "America/Toronto", "Sherbrooke", "191, rue du Palais, Sherbrooke (Québec) J1H 5H9", 45.404, -71.893 },
  { "America/Halifax", "Cap-aux-Meules", "460, chemin Principal, Cap-aux-Meules (Québec) G4T 1E1", 47.377, -61.862 },
  { "America/Blanc-Sablon", "Blanc-Sablon", "1149, boulevard Docteur-Camille-Marcoux, Blanc-Sablon (Québec) G0G 1W0",
    51.426, -57.131 },
};

static const char * const session_titles[] = {
  "Séance d’information : s’établir en région",
  "Présentation virtuelle — « Vivre et travailler en Mauricie »",
  "Salon de la régionalisation, édition d’été",
  "Atelier : reconnaissance des diplômes; emploi, logement",
};

static const char * const stop_titles[] = {
  "Départ de Montréal, métro Berri-UQAM",
  "Visite d’une usine de transformation",
  "Rencontre avec des employeurs",
  "Dîner avec des acteurs du milieu",
  "Présentation du milieu de vie",
  "Retour à Montréal",
};

static const char * const stop_kinds[] = {
  "departure", "company-visit", "employer-meeting", "meal", "presentation", "return",
};

static const char event_sql[] =
  "INSERT INTO event (kind, status, title, region_code, organizer, place_name, address, latitude, longitude, "
  "online_url, starts_at, ends_at, tzid, capacity, description, materials, ical_uid, ical_sequence, created_at, "
  "updated_at) VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 30, ?13, ?14, ?15, ?16, ?17, ?17)";

static const char stop_sql[] =
  "INSERT INTO itinerary_stop (event_id, position, kind, title, starts_at, ends_at, place_name, address, "
  "latitude, longitude, ical_uid, ical_sequence, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?12)";

static const char partner_sql[] =
  "INSERT OR IGNORE INTO event_partner (event_id, organization_id) VALUES (?, ?)";

static gboolean
step (EscaleDatabase  *database,
      sqlite3_stmt    *stmt,
      GError         **error)
{
  gboolean done = _escale_database_step_done (database, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return done;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
}

/* The partners events can be linked to: those with a contact, so that
 * some events have a host with an address. */
static GArray *
read_partner_ids (EscaleDatabase  *database,
                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = _escale_database_prepare (database, "SELECT DISTINCT organization_id FROM contact "
                                                                     "ORDER BY organization_id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
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

static gboolean
insert_stops (EscaleDatabase  *database,
              sqlite3_stmt    *stmt,
              gint64           event_id,
              gint64           starts_at,
              const Place     *place,
              gint64           now,
              GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_titles); i++)
    {
      g_autofree char *uid = _escale_event_new_ical_uid ();
      gint64 stop_start = starts_at + (gint64) i * 2 * 3600;

      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, stop_kinds[i]);
      bind_text (stmt, 4, stop_titles[i]);
      sqlite3_bind_int64 (stmt, 5, stop_start);
      sqlite3_bind_int64 (stmt, 6, stop_start + 90 * 60);
      bind_text (stmt, 7, place->town);
      bind_text (stmt, 8, place->address);
      sqlite3_bind_double (stmt, 9, place->latitude);
      sqlite3_bind_double (stmt, 10, place->longitude);
      bind_text (stmt, 11, uid);
      sqlite3_bind_int64 (stmt, 12, now);
      if (!step (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_events (EscaleDatabase    *database,
               GRand             *rand,
               guint              n_events,
               const GDate       *today,
               EscaleDemoCounts  *counts,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) event = _escale_database_prepare (database, event_sql, error);
  g_autoptr(sqlite3_stmt) stop = event != NULL ? _escale_database_prepare (database, stop_sql, error) : NULL;
  g_autoptr(sqlite3_stmt) partner = stop != NULL ? _escale_database_prepare (database, partner_sql, error) : NULL;
  g_autoptr(GArray) partner_ids = partner != NULL ? read_partner_ids (database, error) : NULL;
  g_autoptr(GDateTime) midnight = NULL;
  sqlite3 *handle = _escale_database_get_handle (database);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 first_day;

  if (partner_ids == NULL)
    return FALSE;

  /* From a year before today to two years after, at local office hours. */
  midnight = g_date_time_new_utc (g_date_get_year (today), g_date_get_month (today), g_date_get_day (today), 0, 0, 0);
  first_day = g_date_time_to_unix (midnight) - 365 * 86400;

  for (guint i = 0; i < n_events; i++)
    {
      const Place *place = &places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];
      gboolean visit = i % 5 == 4;
      guint title = g_rand_int_range (rand, 0, G_N_ELEMENTS (session_titles));
      const char *kind = visit ? "exploratory-visit"
                         : title == 1 ? "virtual-presentation"
                         : title == 2 ? "fair" : "information-session";
      gint64 starts_at = first_day + (gint64) g_rand_int_range (rand, 0, 3 * 365) * 86400 +
                         (gint64) g_rand_int_range (rand, 12, 23) * 3600;
      gint64 ends_at = starts_at + (visit ? 11 * 3600 : 2 * 3600);
      g_autofree char *uid = _escale_event_new_ical_uid ();
      g_autofree char *text = NULL;
      gint64 id;

      bind_text (event, 1, kind);
      bind_text (event, 2, g_rand_int_range (rand, 0, 20) == 0 ? "cancelled" : "published");
      text = g_strdup_printf ("%s, %s", visit ? "Visite exploratoire" : session_titles[title], place->town);
      bind_text (event, 3, text);
      if (g_rand_int_range (rand, 0, 3) == 0)
        bind_text (event, 4, "Carrefour d’intégration <accueil@carrefour.example>");
      bind_text (event, 5, place->town);
      bind_text (event, 6, place->address);
      sqlite3_bind_double (event, 7, place->latitude);
      sqlite3_bind_double (event, 8, place->longitude);
      if (title == 1 && !visit)
        bind_text (event, 9, "https://visio.example/escale?salle=régions");
      sqlite3_bind_int64 (event, 10, starts_at);
      sqlite3_bind_int64 (event, 11, ends_at);
      bind_text (event, 12, place->tzid);
      bind_text (event, 13, "Découvrez la région, ses emplois et ses services : logement, écoles, santé.\n"
                            "Questions bienvenues; « en français » ou in English.");
      bind_text (event, 14, "Pièce d’identité, curriculum vitæ");
      bind_text (event, 15, uid);
      sqlite3_bind_int (event, 16, g_rand_int_range (rand, 0, 3));
      sqlite3_bind_int64 (event, 17, now);
      if (!step (database, event, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (handle);

      if (visit && !insert_stops (database, stop, id, starts_at, place, now, error))
        return FALSE;
      if (partner_ids->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          sqlite3_bind_int64 (partner, 1, id);
          sqlite3_bind_int64 (partner, 2, g_array_index (partner_ids, gint64, g_rand_int_range (rand, 0, partner_ids->len)));
          if (!step (database, partner, error))
            return FALSE;
        }

      if (visit)
        counts->visits++;
      else if (title == 2)
        counts->fairs++;
      else
        counts->sessions++;
    }

  return TRUE;
}

/**
 * escale_demo_generate_extra_events:
 * @n_events: how many events to add
 *
 * Adds @n_events events to the demonstration data, a fifth of them
 * exploratory visits with six stops, in America/Toronto, America/Halifax
 * and America/Blanc-Sablon, around @today, in one transaction. For
 * measurements over many events; they have no registrations.
 */
gboolean
escale_demo_generate_extra_events (EscaleEventRepository  *events,
                                   guint32                 seed,
                                   guint                   n_events,
                                   const GDate            *today,
                                   EscaleDemoCounts       *counts,
                                   GError                **error)
{
  EscaleDatabase *database;
  g_autoptr(GRand) rand = NULL;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), FALSE);
  g_return_val_if_fail (today != NULL && counts != NULL, FALSE);

  database = escale_event_repository_get_database (events);
  rand = g_rand_new_with_seed (seed ^ 0x5eed);
  if (!escale_database_begin (database, error))
    return FALSE;
  if (!insert_events (database, rand, n_events, today, counts, error) || !escale_database_commit (database, error))
    {
      escale_database_rollback (database);
      return FALSE;
    }

  return TRUE;
}
