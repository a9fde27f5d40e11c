/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-agenda-repository.h"

G_BEGIN_DECLS

/* The writing half of partners' agendas, for the .ics import only
 * (src/core/calendar/): an agenda changes as a whole, in one transaction,
 * never entry by entry from the rest of Escale. */

/* One entry as an import read it; the strings belong to the caller. */
typedef struct
{
  const char *uid;
  gboolean    has_recurrence_id;
  gint64      recurrence_id;    /* UTC, unix seconds */
  gint64      sequence;
  gint64      last_modified;    /* 0: not given */
  const char *summary;
  const char *location;
  const char *description;
  gint64      starts_at;
  gint64      ends_at;
  gboolean    all_day;
  const char *tzid;             /* NULL: UTC */
  const char *status;           /* "confirmed", "tentative" or "cancelled" */
  const char *rrule;
  const char *problem;
  const gint64 *occurrences;    /* start, end, start, end … */
  guint       n_occurrences;
} EscaleAgendaEntry;

typedef enum
{
  ESCALE_AGENDA_ADDED,
  ESCALE_AGENDA_UPDATED,
  ESCALE_AGENDA_UNCHANGED,
  ESCALE_AGENDA_OLDER,          /* the agenda holds a newer version: kept */
} EscaleAgendaOutcome;

typedef struct _EscaleAgendaWriter EscaleAgendaWriter;

EscaleAgendaWriter *_escale_agenda_writer_begin  (EscaleDatabase           *database,
                                                  gint64                    organization_id,
                                                  const char               *name,
                                                  const char               *source_path,
                                                  gint64                    now,
                                                  GError                  **error);
gboolean            _escale_agenda_writer_put    (EscaleAgendaWriter       *writer,
                                                  const EscaleAgendaEntry  *entry,
                                                  EscaleAgendaOutcome      *outcome,
                                                  GError                  **error);
gboolean            _escale_agenda_writer_finish (EscaleAgendaWriter       *writer,
                                                  gboolean                  commit,
                                                  const char               *summary,
                                                  guint                    *removed,
                                                  GError                  **error);
void                _escale_agenda_writer_free   (EscaleAgendaWriter       *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleAgendaWriter, _escale_agenda_writer_free)

G_END_DECLS
