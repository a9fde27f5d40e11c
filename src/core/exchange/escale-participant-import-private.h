/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the participant import only. */

#include "escale-participant-import.h"
#include "escale-participant-repository-private.h"

G_BEGIN_DECLS

struct _EscaleParticipantImport
{
  GObject             parent_instance;

  char               *text;
  EscaleTextEncoding  encoding;
  char                separator;
  GStrv               header;
  GPtrArray          *records;
  int                *fields;
  gboolean            include_duplicates;
};

/* A data row of the file as read, before any check. */
typedef struct
{
  guint   line;
  char  **cells;  /* from escale_csv_reader_next_packed(): one block */
} EscaleImportRecord;

gboolean _escale_import_cells_are_blank (const char * const *cells);
void     _escale_import_row_free        (gpointer            data);

/* escale-participant-import-check.c: what a row of the file is, and the
 * person it describes. */

/* The person a row describes, as the import writes them. A candidate
 * serves one row after another: the columns read give their fields a new
 * value at each row, and the other fields keep the defaults they got at
 * the first. */
typedef struct
{
  GValue                values[ESCALE_N_PARTICIPANT_FIELDS];
  EscaleParticipantRow  stored;
  gboolean              has_values;
  gboolean              has_keys;
  /* The SHA-256 of the row, in hexadecimal, as participant_import_row
   * keeps it. */
  char                  fingerprint[65];
} EscaleImportCandidate;

void _escale_import_candidate_prepare (EscaleImportCandidate *candidate);
void _escale_import_candidate_clear   (EscaleImportCandidate *candidate);

typedef struct _EscaleImportChecker EscaleImportChecker;

EscaleImportChecker *_escale_import_checker_new            (EscaleParticipantImport  *import,
                                                            GListModel               *regions);
gboolean             _escale_import_checker_load_known     (EscaleImportChecker      *checker,
                                                            EscaleDatabase           *database,
                                                            GError                  **error);
gboolean             _escale_import_checker_load_imported  (EscaleImportChecker      *checker,
                                                            EscaleDatabase           *database,
                                                            GError                  **error);
gboolean             _escale_import_checker_check          (EscaleImportChecker      *checker,
                                                            const EscaleImportRecord *record,
                                                            EscaleImportRow          *row,
                                                            EscaleImportCandidate    *candidate);
void                 _escale_import_checker_free           (EscaleImportChecker      *checker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleImportChecker, _escale_import_checker_free)

/* escale-participant-import-pass.c: one pass over the rows, checking them
 * or importing them. */
EscaleImportReport  *_escale_participant_import_pass        (EscaleParticipantImport      *self,
                                                            EscaleImportChecker          *checker,
                                                            EscaleParticipantRepository  *participants,
                                                            gboolean                      import,
                                                            gint64                        now,
                                                            GCancellable                 *cancellable,
                                                            EscaleImportProgress          progress,
                                                            gpointer                      user_data,
                                                            GError                      **error);

G_END_DECLS
