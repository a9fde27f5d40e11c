/* SPDX-License-Identifier: GPL-3.0-or-later */

/* escale-bench: times the core operations a counsellor waits for, on the
 * demonstration data sets that bench/run generates, and prints one table.
 * Each figure is the median of several runs; the ratio compares a data set
 * with the smallest one measured in the same run, so the table shows how an
 * operation grows with the directory, whatever the machine. */

#define G_LOG_DOMAIN "escale-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "escale-database.h"
#include "escale-participant-repository.h"
#include "escale-partner-query.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"

#define RUNS 7

/* What a counsellor types in the search field, one keystroke at a time. */
static const char * const keystrokes[] = {
  "m", "mo", "mon", "mont", "montr", "montré", "montréal",
  "r", "ri", "rim", "rimo", "rimouski",
  "employeur", "tourisme", "sag", "saguenay lac",
};

/* What a counsellor types to find a participant. */
static const char * const participant_keystrokes[] = {
  "t", "tr", "tre", "trem", "tremblay",
  "m", "ma", "mar", "mari", "marie",
  "n", "ng", "nguy", "514", "514 555", "soud", "infirm",
};

typedef double (*Measure) (const char *path);
typedef guint (*Count) (const char *path);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_ms (Measure     measure,
           const char *path)
{
  double samples[RUNS];

  for (guint i = 0; i < RUNS; i++)
    samples[i] = measure (path);
  qsort (samples, RUNS, sizeof (double), compare_doubles);

  return samples[RUNS / 2];
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static EscalePartnerRepository *
open_directory (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (path, &error);
  g_autoptr(EscaleRegionRepository) regions = NULL;
  EscalePartnerRepository *partners;

  if (database != NULL)
    regions = escale_region_repository_new (database, &error);
  if (regions == NULL)
    g_error ("%s", error->message);
  partners = escale_partner_repository_new (database, regions, &error);
  if (partners == NULL)
    g_error ("%s", error->message);

  return partners;
}

/* A first start: create the file and run every migration. */
static double
measure_create (const char *unused)
{
  g_autofree char *folder = g_dir_make_tmp ("escale-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "escale.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  EscaleDatabase *database = escale_database_open (path, &error);
  double result = elapsed_ms (start);

  if (database == NULL)
    g_error ("%s", error->message);
  g_object_unref (database);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (folder);

  return result;
}

/* Every later start: open, check, and load the directory into its list. */
static double
measure_open (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(EscalePartnerRepository) partners = open_directory (path);

  return elapsed_ms (start);
}

/* Search as you type, as the partners page filters: the median keystroke. */
static double
measure_search (const char *path)
{
  g_autoptr(EscalePartnerRepository) partners = open_directory (path);
  GListModel *list = escale_partner_repository_get_partners (partners);
  guint n_items = g_list_model_get_n_items (list);
  double per_keystroke[G_N_ELEMENTS (keystrokes)];

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      g_autoptr(EscalePartnerQuery) query = escale_partner_query_new ();
      guint found = 0;
      gint64 start = g_get_monotonic_time ();

      escale_partner_query_set_search (query, keystrokes[k]);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(EscalePartner) partner = g_list_model_get_item (list, i);

          found += escale_partner_query_matches (query, partner);
        }
      per_keystroke[k] = elapsed_ms (start);
      g_assert (found <= n_items);
    }
  qsort (per_keystroke, G_N_ELEMENTS (keystrokes), sizeof (double), compare_doubles);

  return per_keystroke[G_N_ELEMENTS (keystrokes) / 2];
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  return escale_partner_compare (*(EscalePartner **) a, *(EscalePartner **) b,
                                 ESCALE_PARTNER_SORT_NAME);
}

/* The list sorted by name, as the page shows it. */
static double
measure_sort (const char *path)
{
  g_autoptr(EscalePartnerRepository) partners = open_directory (path);
  GListModel *list = escale_partner_repository_get_partners (partners);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  start = g_get_monotonic_time ();
  g_ptr_array_sort (items, compare_by_name);

  return elapsed_ms (start);
}

static EscaleParticipantRepository *
open_participants (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleDatabase) database = escale_database_open (path, &error);
  EscaleParticipantRepository *participants = NULL;

  if (database != NULL)
    participants = escale_participant_repository_new (database, &error);
  if (participants == NULL)
    g_error ("%s", error->message);

  return participants;
}

/* One keystroke of the participants page: the ids the database finds,
 * @limit of them or all, and the summaries of the first 50 rows shown. */
static double
measure_participant_keystrokes (const char *path,
                                guint       limit)
{
  g_autoptr(EscaleParticipantRepository) participants = open_participants (path);
  double per_keystroke[G_N_ELEMENTS (participant_keystrokes)];

  for (guint k = 0; k < G_N_ELEMENTS (participant_keystrokes); k++)
    {
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      EscaleParticipantQuery query;
      gint64 start = g_get_monotonic_time ();

      escale_participant_query_init (&query);
      query.text = participant_keystrokes[k];
      query.limit = limit;
      ids = escale_participant_repository_search (participants, &query, &error);
      if (ids == NULL)
        g_error ("%s", error->message);
      rows = escale_participant_repository_summarize (participants, (const gint64 *) ids->data,
                                                      MIN (ids->len, 50), &error);
      if (rows == NULL)
        g_error ("%s", error->message);
      per_keystroke[k] = elapsed_ms (start);
    }
  qsort (per_keystroke, G_N_ELEMENTS (participant_keystrokes), sizeof (double), compare_doubles);

  return per_keystroke[G_N_ELEMENTS (participant_keystrokes) / 2];
}

static double
measure_participant_first_50 (const char *path)
{
  return measure_participant_keystrokes (path, 50);
}

static double
measure_participant_all_matches (const char *path)
{
  return measure_participant_keystrokes (path, 0);
}

static guint
count_participants (const char *path)
{
  g_autoptr(EscaleParticipantRepository) participants = open_participants (path);

  return escale_participant_repository_count (participants);
}

static guint
count_partners (const char *path)
{
  g_autoptr(EscalePartnerRepository) partners = open_directory (path);

  return g_list_model_get_n_items (escale_partner_repository_get_partners (partners));
}

static const struct
{
  const char *name;
  Measure     measure;
  Count       count;
} operations[] = {
  { "partners: open + load", measure_open, count_partners },
  { "partners: search, keystroke", measure_search, count_partners },
  { "partners: sort by name", measure_sort, count_partners },
  /* Goal: under 5 ms. */
  { "participants: first 50, keystroke", measure_participant_first_50, count_participants },
  /* What the page's lazy list asks for: every match, in order. */
  { "participants: all ids, keystroke", measure_participant_all_matches, count_participants },
};

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      g_printerr ("Usage: escale-bench DATABASE…  (smallest first; see bench/run)\n");
      return 2;
    }

  g_print ("%-36s %10s %12s %10s\n", "operation", "records", "median ms", "ratio");
  g_print ("%-36s %10u %12.3f %10s\n",
           "create + migrate a new database", 0, median_ms (measure_create, NULL), "");
  for (guint o = 0; o < G_N_ELEMENTS (operations); o++)
    {
      double baseline = 0;

      for (int d = 1; d < argc; d++)
        {
          double ms = median_ms (operations[o].measure, argv[d]);

          if (d == 1)
            baseline = ms;
          g_print ("%-36s %10u %12.3f %9.1fx\n",
                   operations[o].name, operations[o].count (argv[d]), ms, baseline > 0 ? ms / baseline : 0.0);
        }
    }

  return 0;
}
