/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-csv-reader.h"
#include "escale-participant-repository.h"

G_BEGIN_DECLS

/**
 * EscaleImportOutcome:
 * @ESCALE_IMPORT_OUTCOME_NEW: a person to add
 * @ESCALE_IMPORT_OUTCOME_DUPLICATE: likely someone already known, or an
 *   earlier row of the file: left out unless duplicates are included
 * @ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED: this very row was imported before
 * @ESCALE_IMPORT_OUTCOME_REJECTED: a cell is wrong; see the problems
 */
typedef enum
{
  ESCALE_IMPORT_OUTCOME_NEW,
  ESCALE_IMPORT_OUTCOME_DUPLICATE,
  ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED,
  ESCALE_IMPORT_OUTCOME_REJECTED,
} EscaleImportOutcome;

/**
 * EscaleImportRow:
 * @line: the line of the file the row starts on
 * @name: the person's name as the row gives it, for the report
 * @problems: (element-type utf8): one message per wrong cell, each naming
 *   its column
 * @duplicate_of: the participant the row is likely to be, or 0
 * @duplicate_of_line: the earlier line of the file it repeats, or 0
 * @duplicate_reason: (nullable): why it looks like a duplicate
 * @imported_id: the participant created from the row, once imported
 */
typedef struct
{
  guint                line;
  EscaleImportOutcome  outcome;
  char                *name;
  GPtrArray           *problems;
  gint64               duplicate_of;
  guint                duplicate_of_line;
  char                *duplicate_reason;
  gint64               imported_id;
} EscaleImportRow;

/**
 * EscaleImportReport:
 * @rows: (element-type EscaleImportRow): every data row, in file order
 * @problems: (element-type utf8): problems of the whole file, such as a
 *   missing name column; when there are any, nothing can be imported
 */
typedef struct
{
  GPtrArray *rows;
  GPtrArray *problems;
  guint      n_new;
  guint      n_duplicates;
  guint      n_already_imported;
  guint      n_rejected;
  guint      n_imported;
  gboolean   committed;
} EscaleImportReport;

void                escale_import_report_free (EscaleImportReport *report);

/* Called from the thread doing the work, with a fraction from 0 to 1. */
typedef void (*EscaleImportProgress) (double   fraction,
                                      gpointer user_data);

#define ESCALE_TYPE_PARTICIPANT_IMPORT (escale_participant_import_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantImport, escale_participant_import, ESCALE, PARTICIPANT_IMPORT, GObject)

EscaleParticipantImport *escale_participant_import_new          (GBytes                  *contents,
                                                                 GError                 **error);
EscaleParticipantImport *escale_participant_import_new_for_file (const char              *path,
                                                                 GError                 **error);
EscaleTextEncoding       escale_participant_import_get_encoding (EscaleParticipantImport *self);
char                     escale_participant_import_get_separator (EscaleParticipantImport *self);
gboolean                 escale_participant_import_set_separator (EscaleParticipantImport *self,
                                                                  char                     separator,
                                                                  GError                 **error);
guint                    escale_participant_import_get_n_columns (EscaleParticipantImport *self);
guint                    escale_participant_import_get_n_rows    (EscaleParticipantImport *self);
const char              *escale_participant_import_get_header    (EscaleParticipantImport *self,
                                                                  guint                    column);
const char              *escale_participant_import_get_cell      (EscaleParticipantImport *self,
                                                                  guint                    row,
                                                                  guint                    column);
int                      escale_participant_import_get_column_field (EscaleParticipantImport *self,
                                                                     guint                    column);
void                     escale_participant_import_set_column_field (EscaleParticipantImport *self,
                                                                     guint                    column,
                                                                     int                      field);
void                     escale_participant_import_set_include_duplicates (EscaleParticipantImport *self,
                                                                           gboolean                 include);

EscaleImportReport      *escale_participant_import_check        (EscaleParticipantImport      *self,
                                                                 EscaleParticipantRepository  *participants,
                                                                 GListModel                   *regions,
                                                                 GCancellable                 *cancellable,
                                                                 EscaleImportProgress          progress,
                                                                 gpointer                      user_data,
                                                                 GError                      **error);
EscaleImportReport      *escale_participant_import_run          (EscaleParticipantImport      *self,
                                                                 EscaleParticipantRepository  *participants,
                                                                 GListModel                   *regions,
                                                                 GCancellable                 *cancellable,
                                                                 EscaleImportProgress          progress,
                                                                 gpointer                      user_data,
                                                                 GError                      **error);
void                     escale_participant_import_check_async  (EscaleParticipantImport      *self,
                                                                 EscaleDatabase               *database,
                                                                 GListModel                   *regions,
                                                                 GCancellable                 *cancellable,
                                                                 EscaleImportProgress          progress,
                                                                 gpointer                      progress_data,
                                                                 GAsyncReadyCallback           callback,
                                                                 gpointer                      user_data);
void                     escale_participant_import_run_async    (EscaleParticipantImport      *self,
                                                                 EscaleDatabase               *database,
                                                                 GListModel                   *regions,
                                                                 GCancellable                 *cancellable,
                                                                 EscaleImportProgress          progress,
                                                                 gpointer                      progress_data,
                                                                 GAsyncReadyCallback           callback,
                                                                 gpointer                      user_data);
EscaleImportReport      *escale_participant_import_finish       (EscaleParticipantImport      *self,
                                                                 GAsyncResult                 *result,
                                                                 GError                      **error);
gboolean                 escale_participant_import_write_rejected (EscaleParticipantImport  *self,
                                                                   EscaleImportReport       *report,
                                                                   const char               *path,
                                                                   char                      separator,
                                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleImportReport, escale_import_report_free)

G_END_DECLS
