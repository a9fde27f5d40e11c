/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-audit-log.h"
#include "escale-database-private.h"
#include "escale-partner-query.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"

G_BEGIN_DECLS

/* A partner directory on a throwaway database, for the repository and query
 * suites: the live list's signals recorded, reopening as after a restart,
 * and helpers to build, save and describe partners. */

typedef struct
{
  char                    *folder;
  char                    *path;
  EscaleDatabase          *database;
  EscaleRegionRepository  *regions;
  EscalePartnerRepository *partners;

  /* What the live list reported, as "position:removed:added" */
  GString                 *changes;
} Fixture;

void              reopen             (Fixture                 *fixture);
void              fixture_set_up     (Fixture                 *fixture,
                                      gconstpointer            data);
void              fixture_tear_down  (Fixture                 *fixture,
                                      gconstpointer            data);
gboolean          run_in_subprocess  (Fixture                 *fixture);
GListModel       *list_of            (Fixture                 *fixture);
gint64            now_in_seconds     (void);
void              exec_sql           (Fixture                 *fixture,
                                      const char              *sql);
gint64            sql_int            (Fixture                 *fixture,
                                      const char              *sql);
char             *row_counts         (Fixture                 *fixture);
EscalePartner    *plain_partner      (const char              *name,
                                      EscalePartnerKind        kind,
                                      const char              *region_code,
                                      const char              *city);
EscaleContact    *add_contact        (EscalePartner           *partner,
                                      const char              *name,
                                      const char              *role,
                                      const char              *email,
                                      const char              *phone);
EscaleInteraction*add_interaction   (EscalePartner           *partner,
                                      const char              *occurred_on,
                                      EscaleInteractionChannel channel,
                                      const char              *summary,
                                      const char              *next_step,
                                      const char              *due_on,
                                      gboolean                 done);
EscalePartner    *new_partner        (const char              *name,
                                      const char              *region_code,
                                      const char              *city);
void              save_ok            (Fixture                 *fixture,
                                      EscalePartner           *partner);
EscalePartner    *save_new           (Fixture                 *fixture,
                                      const char              *name,
                                      const char              *region_code,
                                      const char              *city);
EscalePartner    *find_by_name       (Fixture                 *fixture,
                                      const char              *name);
char             *list_names         (Fixture                 *fixture);
char             *describe_partner   (EscalePartner           *partner);
EscaleContact    *contact_at         (EscalePartner           *partner,
                                      guint                    position);
EscaleInteraction*interaction_at    (EscalePartner           *partner,
                                      guint                    position);
guint             n_contacts         (EscalePartner           *partner);
guint             n_interactions     (EscalePartner           *partner);
GPtrArray        *audit_of           (Fixture                 *fixture,
                                      gint64                   id);
char             *audit_actions      (Fixture                 *fixture,
                                      gint64                   id);
char             *last_audit_fields  (Fixture                 *fixture,
                                      gint64                   id);

G_END_DECLS
