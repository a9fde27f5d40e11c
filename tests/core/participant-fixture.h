/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-audit-log.h"
#include "escale-database-private.h"
#include "escale-participant-form.h"
#include "escale-participant-repository.h"
#include "escale-region-repository.h"

G_BEGIN_DECLS

/* Participant files on a throwaway database, for the repository, search and
 * form suites: the "changed" signals counted, reopening as after a restart,
 * and helpers to build, save and describe files. */

typedef struct
{
  char                        *folder;
  char                        *path;
  EscaleDatabase              *database;
  EscaleRegionRepository      *regions;
  EscaleParticipantRepository *participants;

  /* How many times "changed" was emitted */
  guint                        n_changed;
} Fixture;

/* Where a list of field/text pairs ends. */
#define END_OF_FIELDS ((EscaleParticipantField) -1)

void               fixture_set_up        (Fixture           *fixture,
                                          gconstpointer      data);
void               fixture_tear_down     (Fixture           *fixture,
                                          gconstpointer      data);
void               reopen                (Fixture           *fixture);
gboolean           run_in_subprocess     (Fixture           *fixture);
GListModel        *region_list           (Fixture           *fixture);

EscaleParticipant *new_participant       (const char        *given,
                                          const char        *family,
                                          ...);
gint64             save_ok               (Fixture           *fixture,
                                          EscaleParticipant *participant);
EscaleParticipant *load_ok               (Fixture           *fixture,
                                          gint64             id);
void               assert_not_found      (Fixture           *fixture,
                                          gint64             id);

char              *search_ids            (Fixture           *fixture,
                                          const char        *text);
char              *query_ids             (Fixture           *fixture,
                                          const EscaleParticipantQuery *query);

void               exec_sql              (Fixture           *fixture,
                                          const char        *sql);
gint64             sql_int               (Fixture           *fixture,
                                          const char        *sql);
char              *sql_text              (Fixture           *fixture,
                                          const char        *sql);
char              *row_counts            (Fixture           *fixture);

char              *audit_actions         (Fixture           *fixture,
                                          gint64             id);
char              *last_audit_details    (Fixture           *fixture,
                                          gint64             id);
char              *all_audit_details     (Fixture           *fixture);

char              *join_strv             (const char * const *strv);
char              *describe_participant  (EscaleParticipant *participant,
                                          GListModel        *regions);
EscaleConsent     *consent_at            (EscaleParticipant *participant,
                                          guint              position);
EscaleCaseNote    *note_at               (EscaleParticipant *participant,
                                          guint              position);
EscaleFollowUp    *follow_up_at          (EscaleParticipant *participant,
                                          guint              position);

G_END_DECLS
