/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  at;
  char   *actor;
  char   *entity;
  gint64  entity_id;
  char   *action;
  char   *details;
} EscaleAuditEntry;

EscaleAuditEntry *escale_audit_entry_copy          (const EscaleAuditEntry *entry);
void              escale_audit_entry_free          (EscaleAuditEntry       *entry);

gboolean          escale_audit_log_record          (EscaleDatabase         *database,
                                                    const char             *entity,
                                                    gint64                  entity_id,
                                                    const char             *action,
                                                    const char             *details,
                                                    GError                **error);
GPtrArray        *escale_audit_log_list_for        (EscaleDatabase         *database,
                                                    const char             *entity,
                                                    gint64                  entity_id,
                                                    GError                **error);
char             *escale_audit_describe_changes    (GObject                *before,
                                                    GObject                *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleAuditEntry, escale_audit_entry_free)

G_END_DECLS
