/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include <stdlib.h>

#include "escale-calendar-date.h"
#include "escale-demo-events-private.h"

/* The information sessions of the demonstration: two series an organisation
 * of Montréal runs on the same weekday evening, in person one week and
 * online the next, so that there is a session every week. The in-person
 * series skips the session nearest to a holiday the counsellors take; one
 * of its sessions is cancelled once people have registered. Each session
 * then fills and closes as the other events do. */

/* Every other week. */
#define SESSION_INTERVAL 2

/* The first in-person session at or after this week is cancelled. */
#define CANCELLED_WEEK 2

/* A session has the handful of people a counsellor registers ahead; see
 * escale-demo-events.c on why not more. */
#define SESSION_REGISTRATIONS_MIN 3
#define SESSION_REGISTRATIONS_MAX 8

typedef struct
{
  const char *region;       /* NULL: every region */
  const char *title;
} Theme;

static const Theme themes[] = {
  { NULL, "S’établir en région, par où commencer" },
  { "08", "Vivre et travailler en Abitibi-Témiscamingue" },
  { "01", "Le Bas-Saint-Laurent, ses emplois et ses services" },
  { "02", "Cap sur le Saguenay–Lac-Saint-Jean" },
  { "04", "La Mauricie\u00a0: emplois, logement, écoles" },
  { "05", "Découvrir l’Estrie" },
  { "11", "La Gaspésie et les Îles-de-la-Madeleine" },
  { "12", "Travailler en Chaudière-Appalaches" },
  { "17", "Le Centre-du-Québec, au cœur du Québec" },
  { "03", "S’installer à Québec ou dans Charlevoix" },
  { NULL, "Les programmes d’aide à l’installation en région" },
};

static const int session_capacities[] = { 30, 35, 40, 45, 50, 60 };

static const EscalePartnerKind hosts[] = { ESCALE_PARTNER_KIND_REGIONAL_HOST };

/* When a community organisation closes or its counsellors are away: a
 * month and day, and how the note says it. */
static const struct
{
  GDateMonth  month;
  GDateDay    day;
  const char *name;
} holidays[] = {
  { G_DATE_DECEMBER, 25, "les Fêtes" },
  { G_DATE_MARCH, 4, "la relâche scolaire" },
  { G_DATE_JULY, 24, "les vacances de la construction" },
};

static const char *const month_names[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
  "décembre",
};

/* The week of @day, counted from today's (weeks start on Monday). */
static int
week_of (EscaleDemoPlanner *planner,
         const GDate       *day)
{
  GDate monday;
  int days;

  _escale_demo_day_of_week (planner, 0, G_DATE_MONDAY, &monday);
  days = g_date_days_between (&monday, day);
  return days >= 0 ? days / 7 : -((-days + 6) / 7);
}

/* Fewer people have registered yet for what is further away. */
static guint
wanted_seats (EscaleDemoPlanner *planner,
              int                week)
{
  guint wanted = (guint) g_rand_int_range (planner->rand, SESSION_REGISTRATIONS_MIN, SESSION_REGISTRATIONS_MAX + 1);

  if (week > 0)
    wanted = wanted * (guint) MAX (ESCALE_DEMO_LAST_WEEK + 1 - week, 0) / (ESCALE_DEMO_LAST_WEEK + 1);

  return wanted;
}

/* Of the sessions from @first to @last, the one nearest to a holiday the
 * series spans, and the note that says why there is none that day. A
 * half-year always spans one. */
static char *
pick_holiday (const GDate *first,
              const GDate *last,
              GDate       *chosen)
{
  const char *name = NULL;
  int best = G_MAXINT;

  for (GDateYear year = g_date_get_year (first); year <= g_date_get_year (last); year++)
    {
      for (guint h = 0; h < G_N_ELEMENTS (holidays); h++)
        {
          GDate holiday, day;

          g_date_clear (&holiday, 1);
          g_date_set_dmy (&holiday, holidays[h].day, holidays[h].month, year);
          if (g_date_compare (&holiday, first) < 0 || g_date_compare (&holiday, last) > 0)
            continue;

          for (day = *first; g_date_compare (&day, last) <= 0; g_date_add_days (&day, 7 * SESSION_INTERVAL))
            {
              int distance = abs (g_date_days_between (&day, &holiday));

              if (distance < best)
                {
                  best = distance;
                  *chosen = day;
                  name = holidays[h].name;
                }
            }
        }
    }

  if (name == NULL)
    return NULL;

  return g_strdup_printf ("Pas de séance le %u %s\u00a0: %s.", g_date_get_day (chosen),
                          month_names[g_date_get_month (chosen) - 1], name);
}

/* What every session of a series has: title, place or link, presenters,
 * partners, capacity, and the deadline the day before @day. */
static EscaleEvent *
new_model (EscaleDemoPlanner *planner,
           guint              unit,
           const Theme       *theme,
           gboolean           online,
           const GDate       *day)
{
  EscaleEvent *event = escale_event_new (online ? ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION
                                                : ESCALE_EVENT_KIND_INFORMATION_SESSION);
  EscalePartner *organiser = _escale_demo_pick_montreal_organiser (planner);
  EscalePartner *presenter = theme->region != NULL
                             ? _escale_demo_pick_partner (planner, g_hash_table_lookup (planner->by_region, theme->region),
                                                          hosts, G_N_ELEMENTS (hosts), NULL)
                             : NULL;
  const char *counsellor = _escale_demo_pick_counsellor (planner);
  g_autofree char *title = g_strdup_printf (online ? "Présentation virtuelle\u00a0: %s" : "Séance d’information\u00a0: %s",
                                            theme->title);
  g_autofree char *presenters = presenter != NULL
                                ? g_strdup_printf ("%s et %s", counsellor, escale_partner_get_name (presenter))
                                : g_strdup (counsellor);
  g_autofree char *deadline = _escale_demo_format_day (day, -1);
  gint64 partner_ids[2];
  guint n_partners = 0;

  escale_event_set_text (event, "title", title);
  escale_event_set_text (event, "region-code", theme->region);
  escale_event_set_text (event, "presenters", presenters);
  escale_event_set_text (event, "registration-deadline", deadline);
  escale_event_set_text (event, "description",
                         "Ce que la région offre\u00a0: emplois, logement, écoles, services et aide à "
                         "l’installation, puis les questions des participants.");
  escale_event_set_capacity (event, PICK_ARRAY (planner->rand, session_capacities));
  escale_event_set_status (event, ESCALE_EVENT_STATUS_PUBLISHED);
  if (organiser != NULL)
    {
      escale_event_set_text (event, "organizer", escale_partner_get_name (organiser));
      partner_ids[n_partners++] = escale_partner_get_id (organiser);
    }
  if (presenter != NULL)
    partner_ids[n_partners++] = escale_partner_get_id (presenter);
  escale_event_set_partner_ids (event, partner_ids, n_partners);

  if (online)
    {
      /* One link for the whole series, as a video call platform gives. */
      g_autofree char *url = g_strdup_printf ("https://visio.example/escale/serie-%u", unit + 1);

      escale_event_set_text (event, "place-name", "En ligne");
      escale_event_set_text (event, "online-url", url);
      escale_event_set_times (event,
                              _escale_demo_local_instant (planner->montreal, day, ESCALE_DEMO_AT (0, 19, 0)),
                              _escale_demo_local_instant (planner->montreal, day, ESCALE_DEMO_AT (0, 20, 15)));
    }
  else
    {
      double latitude, longitude;

      if (organiser != NULL)
        {
          g_autofree char *address = g_strdup_printf ("%s, Montréal", escale_partner_get_address (organiser));

          escale_event_set_text (event, "place-name", escale_partner_get_name (organiser));
          escale_event_set_text (event, "address", address);
          if (escale_partner_get_coordinates (organiser, &latitude, &longitude))
            escale_event_set_coordinates (event, latitude, longitude);
        }
      escale_event_set_times (event,
                              _escale_demo_local_instant (planner->montreal, day, ESCALE_DEMO_AT (0, 18, 30)),
                              _escale_demo_local_instant (planner->montreal, day, ESCALE_DEMO_AT (0, 20, 30)));
    }

  return event;
}

/* People register for each session of the series, which closes when over;
 * the first in-person one from CANCELLED_WEEK on is cancelled. */
static gboolean
fill_sessions (EscaleDemoPlanner  *planner,
               EscaleEventSeries  *series,
               const char         *region,
               gboolean            online,
               GError            **error)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  gboolean cancelled = online;

  occurrences = escale_event_series_repository_list_occurrences (planner->series, escale_event_series_get_id (series),
                                                                 error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      g_autoptr(EscaleEvent) event = NULL;
      EscaleDemoPlan plan = { .attend = (guint) g_rand_int_range (planner->rand, 60, 86) };
      GDate day;
      int week;

      /* Loaded whole: closing it saves its partners too. */
      event = escale_event_repository_load (planner->events,
                                            escale_event_get_id (g_ptr_array_index (occurrences, i)), error);
      if (event == NULL)
        return FALSE;

      escale_calendar_date_parse (escale_event_get_series_date (event), &day);
      week = week_of (planner, &day);
      plan.wanted_seats = wanted_seats (planner, week);
      plan.cancel = !cancelled && week >= CANCELLED_WEEK;
      if (plan.cancel)
        {
          cancelled = TRUE;
          escale_event_set_text (event, "internal-notes",
                                 "Annulée\u00a0: la salle n’est plus disponible. Inviter les inscrits à la séance "
                                 "suivante.");
          if (!escale_event_repository_save (planner->events, event, error))
            return FALSE;
        }

      plan.pool = _escale_demo_get_pool_for (planner, region, plan.wanted_seats, error);
      planner->counts->sessions++;
      if (plan.pool == NULL || !_escale_demo_fill_event (planner, event, &plan, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_series (EscaleDemoPlanner  *planner,
             guint               unit,
             gboolean            online,
             GError            **error)
{
  const Theme *theme = &themes[(2 * unit + (online ? 10 : 0)) % G_N_ELEMENTS (themes)];
  /* Tuesday, Wednesday or Thursday evening, one organisation each. */
  GDateWeekday weekday = (GDateWeekday) (G_DATE_TUESDAY + unit % 3);
  g_autoptr(EscaleEvent) model = NULL;
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autofree char *until = NULL;
  GDate first, last;

  /* In person from the first week, online the week after; the in-person
   * series goes a week further, as it skips a session for a holiday. */
  _escale_demo_day_of_week (planner, ESCALE_DEMO_FIRST_WEEK + (online ? 1 : 0), weekday, &first);
  _escale_demo_day_of_week (planner, ESCALE_DEMO_LAST_WEEK + (online ? 0 : 1), weekday, &last);
  until = escale_calendar_date_format (&last);

  model = new_model (planner, unit, theme, online, &first);
  series = escale_event_series_new (ESCALE_SERIES_FREQUENCY_WEEKLY, SESSION_INTERVAL, until);
  if (!online)
    {
      g_autofree char *note = NULL;
      g_autofree char *date = NULL;
      GDate holiday;

      note = pick_holiday (&first, &last, &holiday);
      g_assert (note != NULL);
      date = escale_calendar_date_format (&holiday);
      escale_event_series_exclude (series, date);
      escale_event_set_text (model, "internal-notes", note);
    }

  return escale_event_series_repository_create (planner->series, series, model, error) &&
         fill_sessions (planner, series, theme->region, online, error);
}

/* The sessions of one scale unit: a session a week, in person or online. */
gboolean
_escale_demo_make_sessions (EscaleDemoPlanner  *planner,
                            guint               unit,
                            GError            **error)
{
  return make_series (planner, unit, FALSE, error) && make_series (planner, unit, TRUE, error);
}
