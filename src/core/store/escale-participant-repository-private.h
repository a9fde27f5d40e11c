/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "escale-participant-repository.h"

G_BEGIN_DECLS

/* Shared by the repository's files and the participant import, which writes
 * many files in one transaction of its own. */
GArray   *_escale_participant_repository_new_pending  (void);
gboolean  _escale_participant_repository_write        (EscaleParticipantRepository  *self,
                                                       EscaleParticipant            *participant,
                                                       const char                   *action,
                                                       gint64                        now,
                                                       GArray                       *pending,
                                                       gint64                       *id,
                                                       GError                      **error);
void      _escale_participant_repository_apply_ids    (EscaleParticipantRepository  *self,
                                                       GArray                       *pending,
                                                       gint64                        now);
void      _escale_participant_repository_emit_changed (EscaleParticipantRepository  *self);
char     *_escale_participant_repository_dup_insert_sql (EscaleParticipantRepository *self,
                                                        guint                        n_rows);

/* Written by a save and by an import's batch alike. */
#define ESCALE_PARTICIPANT_SEARCH_INSERT_SQL \
  "INSERT INTO participant_search (rowid, names, contact, occupation) VALUES (?, ?, ?, ?)"
#define ESCALE_PARTICIPANT_REGION_INSERT_SQL \
  "INSERT INTO participant_region (participant_id, rank, region_code) VALUES (?, ?, ?)"

/* escale-participant-records.c: the lists of a file, for the repository. */
void      _escale_participant_pending_add             (GArray                       *pending,
                                                       gpointer                      object,
                                                       gint64                        id);
void      _escale_participant_pending_apply           (GArray                       *pending,
                                                       gint64                        now);
gboolean  _escale_participant_write_lists             (EscaleDatabase               *database,
                                                       gint64                        id,
                                                       EscaleParticipant            *participant,
                                                       gboolean                      is_new,
                                                       gboolean                      restoring,
                                                       gint64                        now,
                                                       GArray                       *pending,
                                                       GError                      **error);
gboolean  _escale_participant_load_lists              (EscaleDatabase               *database,
                                                       EscaleParticipant            *participant,
                                                       gint64                        id,
                                                       GError                      **error);
void      _escale_participant_describe_lists          (EscaleParticipant            *before,
                                                       EscaleParticipant            *after,
                                                       GString                      *details);

/* escale-participant-row.c: a participant as its rows store it. */
typedef struct
{
  /* Borrowed: one value per EscaleParticipantField */
  const GValue *values[ESCALE_N_PARTICIPANT_FIELDS];

  /* Owned: the folded keys that order and match people */
  char         *sort_key;
  char         *name_key;
  char         *email_key;
  char         *phone_key;
  char         *other_phone_key;
  char         *city_key;

  /* Owned: what the search index reads, once folded */
  char         *search_names;
  char         *search_contact;
  char         *search_occupation;
} EscaleParticipantRow;

void        _escale_participant_row_init         (EscaleParticipantRow         *row,
                                                  const GValue * const         *values);
void        _escale_participant_row_fold_search  (EscaleParticipantRow         *row);
void        _escale_participant_row_clear        (EscaleParticipantRow         *row);
const char *_escale_participant_row_get_text     (const EscaleParticipantRow   *row,
                                                  EscaleParticipantField        field);
gboolean    _escale_participant_row_check        (const EscaleParticipantRow   *row,
                                                  GError                      **error);
int         _escale_participant_row_bind         (const EscaleParticipantRow   *row,
                                                  sqlite3_stmt                 *stmt,
                                                  int                           param,
                                                  sqlite3_destructor_type       destructor);
void        _escale_participant_row_bind_search  (const EscaleParticipantRow   *row,
                                                  sqlite3_stmt                 *stmt,
                                                  int                           param,
                                                  sqlite3_destructor_type       destructor);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscaleParticipantRow, _escale_participant_row_clear)

char     *_escale_participant_name_key                (const char                   *first,
                                                       const char                   *second);
char     *_escale_phone_key                           (const char                   *phone);
char     *_escale_email_key                           (const char                   *email);

/* escale-participant-batch.c: new files without household or records, many
 * in one transaction, as an import writes them. */
typedef struct _EscaleParticipantBatch EscaleParticipantBatch;

EscaleParticipantBatch *_escale_participant_batch_new    (EscaleParticipantRepository  *repository,
                                                          const char                   *action,
                                                          gint64                        now,
                                                          GError                      **error);
gboolean                _escale_participant_batch_insert (EscaleParticipantBatch       *batch,
                                                          EscaleParticipantRow * const *rows,
                                                          guint                         n_rows,
                                                          gint64                       *ids,
                                                          GError                      **error);
void                    _escale_participant_batch_forget (EscaleParticipantBatch       *batch);
void                    _escale_participant_batch_free   (EscaleParticipantBatch       *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleParticipantBatch, _escale_participant_batch_free)

gboolean _escale_participant_repository_write_override (EscaleParticipantRepository  *self,
                                                        gint64                        participant_id,
                                                        const char                   *rules,
                                                        const char                   *justification,
                                                        GError                      **error);

G_END_DECLS
