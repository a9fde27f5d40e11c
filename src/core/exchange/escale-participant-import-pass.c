/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-database-private.h"
#include "escale-participant-import-private.h"

/* One pass over the rows of a file, in their order. A check reads them in
 * the calling thread. An import spends most of its time in SQLite, so a
 * worker thread checks the rows, which needs no database, while the calling
 * thread writes the ones checked before: each thread gets a chunk of rows
 * from the other through a queue, in the order of the file, and the report
 * is the one a single thread would write. */

/* Chunks of rows go round between the two threads: enough of them that
 * neither waits for the other, few enough to stay small in memory. */
#define CHUNK_ROWS 256
#define N_CHUNKS   4

typedef struct
{
  guint                  n_rows;
  EscaleImportRow       *rows[CHUNK_ROWS];
  gboolean               write[CHUNK_ROWS];
  EscaleImportCandidate  candidates[CHUNK_ROWS];
} Chunk;

/* Frees the rows that did not reach the report. */
static void
chunk_drop_rows (Chunk *chunk)
{
  for (guint i = 0; i < chunk->n_rows; i++)
    g_clear_pointer (&chunk->rows[i], _escale_import_row_free);
  chunk->n_rows = 0;
}

static void
chunk_free (Chunk *chunk)
{
  chunk_drop_rows (chunk);
  for (guint i = 0; i < CHUNK_ROWS; i++)
    _escale_import_candidate_clear (&chunk->candidates[i]);
  g_free (chunk);
}

typedef struct
{
  /* Borrowed */
  EscaleParticipantImport     *self;
  EscaleImportChecker         *checker;
  EscaleDatabase              *database;

  /* Owned */
  EscaleParticipantBatch      *batch;
  sqlite3_stmt                *add_fingerprint;
  GAsyncQueue                 *empty;   /* chunks for the worker to fill */
  GAsyncQueue                 *full;    /* chunks for the writer, in order */
  Chunk                       *chunks[N_CHUNKS];
  GThread                     *worker;

  gint                         stop;
} Pass;

static void
pass_clear (Pass *pass)
{
  if (pass->worker != NULL)
    {
      Chunk *chunk;

      /* The worker stops at the next chunk it gets. It may be waiting for
       * one, with every chunk checked and waiting for the writer. */
      g_atomic_int_set (&pass->stop, TRUE);
      while ((chunk = g_async_queue_try_pop (pass->full)) != NULL)
        g_async_queue_push (pass->empty, chunk);
      g_clear_pointer (&pass->worker, g_thread_join);
    }

  for (guint i = 0; i < N_CHUNKS; i++)
    g_clear_pointer (&pass->chunks[i], chunk_free);
  g_clear_pointer (&pass->empty, g_async_queue_unref);
  g_clear_pointer (&pass->full, g_async_queue_unref);
  g_clear_pointer (&pass->add_fingerprint, sqlite3_finalize);
  g_clear_pointer (&pass->batch, _escale_participant_batch_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pass, pass_clear)

static void
file_problems (EscaleParticipantImport *self,
               GPtrArray               *problems)
{
  EscaleParticipantField required[] = { ESCALE_PARTICIPANT_FIELD_GIVEN_NAME, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean mapped = FALSE;

      for (guint column = 0; self->header[column] != NULL; column++)
        mapped |= self->fields[column] == (int) required[i];

      if (!mapped)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("No column is read as “%s”: choose the column that holds it"),
                                          escale_participant_field_get_label (required[i])));
    }
}

static void
count_outcome (EscaleImportReport    *report,
               const EscaleImportRow *row)
{
  switch (row->outcome)
    {
    case ESCALE_IMPORT_OUTCOME_NEW: report->n_new++; break;
    case ESCALE_IMPORT_OUTCOME_DUPLICATE: report->n_duplicates++; break;
    case ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED: report->n_already_imported++; break;
    case ESCALE_IMPORT_OUTCOME_REJECTED: report->n_rejected++; break;
    default: g_assert_not_reached ();
    }
}

/* Every 256 rows, as the pass goes: whether to go on. */
static gboolean
go_on (guint                  i,
       guint                  n,
       GCancellable          *cancellable,
       EscaleImportProgress   progress,
       gpointer               user_data,
       GError               **error)
{
  if ((i & 255) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress ((double) i / n, user_data);
    }

  return TRUE;
}

static gboolean
check_in_this_thread (Pass                  *pass,
                      EscaleImportReport    *report,
                      GCancellable          *cancellable,
                      EscaleImportProgress   progress,
                      gpointer               user_data,
                      GError               **error)
{
  GPtrArray *records = pass->self->records;
  EscaleImportCandidate candidate = { { G_VALUE_INIT } };
  gboolean ok = TRUE;

  for (guint i = 0; i < records->len && ok; i++)
    {
      EscaleImportRow *row = g_new0 (EscaleImportRow, 1);

      g_ptr_array_add (report->rows, row);
      _escale_import_checker_check (pass->checker, records->pdata[i], row, &candidate);
      count_outcome (report, row);
      ok = go_on (i, records->len, cancellable, progress, user_data, error);
    }

  _escale_import_candidate_clear (&candidate);
  return ok;
}

/* The worker: checks the rows, a chunk at a time, and readies those to
 * write. */
static gpointer
check_in_worker (gpointer data)
{
  Pass *pass = data;
  GPtrArray *records = pass->self->records;
  gboolean include_duplicates = pass->self->include_duplicates;

  for (guint first = 0; first < records->len; first += CHUNK_ROWS)
    {
      Chunk *chunk = g_async_queue_pop (pass->empty);

      if (g_atomic_int_get (&pass->stop))
        break;

      /* Its rows are in the report now; its candidates serve again. */
      chunk_drop_rows (chunk);
      chunk->n_rows = MIN (CHUNK_ROWS, records->len - first);
      for (guint i = 0; i < chunk->n_rows; i++)
        {
          EscaleImportRow *row = g_new0 (EscaleImportRow, 1);
          EscaleImportCandidate *candidate = &chunk->candidates[i];

          chunk->rows[i] = row;
          chunk->write[i] = _escale_import_checker_check (pass->checker, records->pdata[first + i], row, candidate) &&
                            (row->outcome == ESCALE_IMPORT_OUTCOME_NEW || include_duplicates);
          if (chunk->write[i])
            _escale_import_candidate_prepare (candidate);
        }

      g_async_queue_push (pass->full, chunk);
    }

  return NULL;
}

/* Writes the people of a chunk, and the fingerprints of their rows. */
static gboolean
write_chunk (Pass    *pass,
             Chunk   *chunk,
             GError **error)
{
  EscaleParticipantRow *stored[CHUNK_ROWS] = { NULL };
  EscaleImportRow *rows[CHUNK_ROWS];
  const char *fingerprints[CHUNK_ROWS];
  gint64 ids[CHUNK_ROWS];
  guint n = 0;

  for (guint i = 0; i < chunk->n_rows; i++)
    {
      if (!chunk->write[i])
        continue;

      stored[n] = &chunk->candidates[i].stored;
      fingerprints[n] = chunk->candidates[i].fingerprint;
      rows[n] = chunk->rows[i];
      n++;
    }

  if (!_escale_participant_batch_insert (pass->batch, stored, n, ids, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_text (pass->add_fingerprint, 1, fingerprints[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (pass->add_fingerprint, 2, ids[i]);
      if (!_escale_database_step_done (pass->database, pass->add_fingerprint, error))
        return FALSE;
      sqlite3_reset (pass->add_fingerprint);

      rows[i]->imported_id = ids[i];
    }

  return TRUE;
}

static gboolean
import_with_worker (Pass                         *pass,
                    EscaleParticipantRepository  *participants,
                    EscaleImportReport           *report,
                    gint64                        now,
                    GCancellable                 *cancellable,
                    EscaleImportProgress          progress,
                    gpointer                      user_data,
                    GError                      **error)
{
  guint n = pass->self->records->len;
  guint i = 0;
  gboolean ok = TRUE;

  pass->database = escale_participant_repository_get_database (participants);
  pass->batch = _escale_participant_batch_new (participants, "import", now, error);
  if (pass->batch == NULL)
    return FALSE;
  pass->add_fingerprint = _escale_database_prepare (pass->database,
                                                    "INSERT OR IGNORE INTO participant_import_row "
                                                    "(fingerprint, participant_id) VALUES (?, ?)",
                                                    error);
  if (pass->add_fingerprint == NULL)
    return FALSE;

  pass->empty = g_async_queue_new ();
  pass->full = g_async_queue_new ();
  for (guint c = 0; c < N_CHUNKS; c++)
    {
      pass->chunks[c] = g_new0 (Chunk, 1);
      g_async_queue_push (pass->empty, pass->chunks[c]);
    }
  pass->worker = g_thread_new ("escale-import", check_in_worker, pass);

  while (ok && i < n)
    {
      Chunk *chunk = g_async_queue_pop (pass->full);

      ok = write_chunk (pass, chunk, error);
      for (guint j = 0; ok && j < chunk->n_rows; j++, i++)
        {
          EscaleImportRow *row = g_steal_pointer (&chunk->rows[j]);

          g_ptr_array_add (report->rows, row);
          count_outcome (report, row);
          if (chunk->write[j])
            report->n_imported++;

          ok = go_on (i, n, cancellable, progress, user_data, error);
        }

      /* SQLite reads the text bound without copies until here. */
      _escale_participant_batch_forget (pass->batch);
      sqlite3_clear_bindings (pass->add_fingerprint);
      g_async_queue_push (pass->empty, chunk);
    }

  return ok;
}

/**
 * _escale_participant_import_pass:
 * @checker: loaded with the people and fingerprints of the database
 * @import: whether to write the rows, inside the caller's transaction
 *
 * Returns: (transfer full): the report, or %NULL with @error
 */
EscaleImportReport *
_escale_participant_import_pass (EscaleParticipantImport      *self,
                                 EscaleImportChecker          *checker,
                                 EscaleParticipantRepository  *participants,
                                 gboolean                      import,
                                 gint64                        now,
                                 GCancellable                 *cancellable,
                                 EscaleImportProgress          progress,
                                 gpointer                      user_data,
                                 GError                      **error)
{
  g_auto(Pass) pass = { self, checker };
  g_autoptr(EscaleImportReport) report = g_new0 (EscaleImportReport, 1);
  guint n = self->records->len;
  gboolean ok;

  report->rows = g_ptr_array_new_full (n, _escale_import_row_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);

  file_problems (self, report->problems);
  if (report->problems->len > 0)
    return g_steal_pointer (&report);

  ok = import ? import_with_worker (&pass, participants, report, now, cancellable, progress, user_data, error)
              : check_in_this_thread (&pass, report, cancellable, progress, user_data, error);
  if (!ok)
    return NULL;

  /* A cancel between the last check and here still wins. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&report);
}
