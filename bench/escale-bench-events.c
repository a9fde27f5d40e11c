/* SPDX-License-Identifier: GPL-3.0-or-later */

/* escale-bench-events: registrations and waitlists at the size of a fair,
 * on a new database, each against a run ten times smaller in the same run;
 * then `events show` (load, count, check) on the largest visit of each
 * demonstration database given. See bench/run. */

#define G_LOG_DOMAIN "escale-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-event-repository.h"
#include "escale-participant-form.h"
#include "escale-plan-check.h"
#include "escale-region-repository.h"
#include "escale-registration-repository.h"

#define RUNS 5

typedef struct
{
  char                         *folder;
  EscaleDatabase               *database;
  EscaleRegionRepository       *regions;
  EscaleParticipantRepository  *participants;
  EscaleEventRepository        *events;
  EscaleRegistrationRepository *registrations;
  GArray                       *people;   /* participant ids */
  gint64                        event_id;
} Bench;

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A new database with @n people who consented, and a fair for @capacity. */
static void
bench_init (Bench *bench,
            guint  n,
            int    capacity)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscaleEvent) fair = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(GError) error = NULL;

  bench->folder = g_dir_make_tmp ("escale-bench-XXXXXX", NULL);
  path = g_build_filename (bench->folder, "escale.db", NULL);
  bench->database = escale_database_open (path, &error);
  if (bench->database == NULL)
    g_error ("%s", error->message);
  bench->regions = escale_region_repository_new (bench->database, &error);
  bench->participants = escale_participant_repository_new (bench->database, &error);
  bench->events = escale_event_repository_new (bench->database);
  bench->registrations = escale_registration_repository_new (bench->participants,
                                                             escale_region_repository_get_regions (bench->regions));

  for (guint i = 0; i < n; i++)
    {
      EscaleParticipantForm form = { { NULL } };
      EscaleParticipant *participant = escale_participant_new ();
      g_autoptr(EscaleConsent) consent = escale_consent_new (ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, "2026-09-01",
                                                             "2026-01", "Conseillère");
      g_autofree char *family = g_strdup_printf ("Famille %u", i);

      form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] = "Personne";
      form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] = family;
      if (!escale_participant_form_apply (&form, NULL, participant, &error))
        g_error ("%s", error->message);
      escale_participant_add_consent (participant, consent);
      g_ptr_array_add (batch, participant);
    }
  if (!escale_participant_repository_save_many (bench->participants, batch, &error))
    g_error ("%s", error->message);

  bench->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < batch->len; i++)
    {
      gint64 id = escale_participant_get_id (g_ptr_array_index (batch, i));

      g_array_append_val (bench->people, id);
    }

  escale_event_set_text (fair, "title", "Salon de la régionalisation");
  escale_event_set_times (fair, 1801310400, 1801339200);
  escale_event_set_capacity (fair, capacity);
  if (!escale_event_repository_save (bench->events, fair, &error))
    g_error ("%s", error->message);
  bench->event_id = escale_event_get_id (fair);
}

static void
bench_clear (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->folder, "escale.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&bench->registrations);
  g_clear_object (&bench->events);
  g_clear_object (&bench->participants);
  g_clear_object (&bench->regions);
  g_clear_object (&bench->database);
  g_clear_pointer (&bench->people, g_array_unref);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (bench->folder);
  g_clear_pointer (&bench->folder, g_free);
}

static void
register_all (Bench *bench,
              guint  first,
              guint  n)
{
  EscaleRegisterOptions options = { .seats = 1 };

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleRegistration) registration =
        escale_registration_repository_register (bench->registrations, bench->event_id,
                                                 g_array_index (bench->people, gint64, i), &options, &error);

      if (registration == NULL)
        g_error ("%s", error->message);
    }
}

/* @n people register, one by one as at a booth, for @n seats; then @n / 2
 * more wait, and @n / 2 seats free up one by one, each promoting the first
 * person waiting. Returns the two times. */
static void
measure_fair (guint   n,
              double *registering,
              double *promoting)
{
  Bench bench = { NULL };
  gint64 start;

  bench_init (&bench, n + n / 2, (int) n);

  start = g_get_monotonic_time ();
  register_all (&bench, 0, n);
  *registering = elapsed_ms (start);

  register_all (&bench, n, n / 2);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n / 2; i++)
    {
      g_autoptr(GPtrArray) promoted = NULL;
      g_autoptr(GError) error = NULL;

      if (!escale_registration_repository_cancel (bench.registrations, bench.event_id,
                                                  g_array_index (bench.people, gint64, i), &promoted, &error))
        g_error ("%s", error->message);
      g_assert (promoted->len == 1);
    }
  *promoting = elapsed_ms (start);

  bench_clear (&bench);
}

/* What `events show` does for the visit with the most stops of @path:
 * load it, count its seats, check its plan. */
static double
measure_show (const char *path,
              guint      *n_stops)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (path, &error);
  g_autoptr(EscaleRegionRepository) regions = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  g_autoptr(EscaleEventRepository) events = NULL;
  g_autoptr(EscaleRegistrationRepository) registrations = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  EscaleEventQuery query = { .kind = ESCALE_EVENT_KIND_EXPLORATORY_VISIT };
  double samples[RUNS];
  gint64 largest = 0;

  if (database == NULL)
    g_error ("%s", error->message);
  regions = escale_region_repository_new (database, &error);
  participants = escale_participant_repository_new (database, &error);
  events = escale_event_repository_new (database);
  registrations = escale_registration_repository_new (participants, escale_region_repository_get_regions (regions));

  *n_stops = 0;
  visits = escale_event_repository_list (events, &query, &error);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      g_autoptr(EscaleEvent) visit = escale_event_repository_load (events, escale_event_get_id (visits->pdata[i]), NULL);
      guint n = visit != NULL ? g_list_model_get_n_items (escale_event_get_stops (visit)) : 0;

      if (n > *n_stops)
        {
          *n_stops = n;
          largest = escale_event_get_id (visit);
        }
    }
  if (largest == 0)
    return 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(EscaleEvent) visit = escale_event_repository_load (events, largest, &error);
      g_autoptr(GPtrArray) warnings = NULL;
      EscalePlanContext context = { .today = "2026-11-23" };
      EscaleEventFill fill;

      if (visit == NULL || !escale_registration_repository_get_fill (registrations, largest, &fill, &error))
        g_error ("%s", error->message);
      context.seats_taken = fill.seats_taken;
      warnings = escale_plan_check (visit, &context);
      samples[r] = elapsed_ms (start);
    }
  qsort (samples, RUNS, sizeof (double), compare_doubles);

  return samples[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  double small_registering, small_promoting, registering, promoting;
  double baseline = 0;

  measure_fair (100, &small_registering, &small_promoting);
  measure_fair (1000, &registering, &promoting);

  g_print ("%-36s %10s %12s %10s\n", "registrations", "people", "ms", "ratio");
  g_print ("%-36s %10u %12.1f %10s\n", "register one by one", 100, small_registering, "1.0x");
  g_print ("%-36s %10u %12.1f %9.1fx\n", "register one by one", 1000, registering, registering / small_registering);
  g_print ("%-36s %10u %12.1f %10s\n", "cancel, promote from the waitlist", 50, small_promoting, "1.0x");
  g_print ("%-36s %10u %12.1f %9.1fx\n", "cancel, promote from the waitlist", 500, promoting,
           promoting / small_promoting);

  if (argc > 1)
    g_print ("\n%-36s %10s %12s %10s\n", "events show, largest visit", "stops", "median ms", "ratio");
  for (int d = 1; d < argc; d++)
    {
      g_autofree char *name = g_path_get_basename (argv[d]);
      guint n_stops;
      double ms = measure_show (argv[d], &n_stops);

      if (d == 1)
        baseline = ms;
      g_print ("%-36s %10u %12.3f %9.1fx\n", name, n_stops, ms,
               baseline > 0 ? ms / baseline : 0.0);
    }

  return 0;
}
