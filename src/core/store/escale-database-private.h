/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the repositories and the tests only: the rest of Escale talks to
 * the database through repositories, never through SQL. */

#include <sqlite3.h>

#include "escale-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The value of PRAGMA application_id that marks a file as Escale's ("ESCL"). */
#define ESCALE_DATABASE_APPLICATION_ID 0x4553434c

EscaleDatabase *_escale_database_open_at_version (const char      *path,
                                                  guint            version,
                                                  GError         **error);
sqlite3        *_escale_database_get_handle      (EscaleDatabase  *self);
sqlite3_stmt   *_escale_database_prepare         (EscaleDatabase  *self,
                                                  const char      *sql,
                                                  GError         **error);
sqlite3_stmt   *_escale_database_prepare_cached  (EscaleDatabase  *self,
                                                  const char      *sql,
                                                  GError         **error);
gboolean        _escale_database_begin_read      (EscaleDatabase  *self,
                                                  GError         **error);
gboolean        _escale_database_exec            (EscaleDatabase  *self,
                                                  const char      *sql,
                                                  GError         **error);
gboolean        _escale_database_step_done       (EscaleDatabase  *self,
                                                  sqlite3_stmt    *stmt,
                                                  GError         **error);
void            _escale_database_set_error       (EscaleDatabase  *self,
                                                  GError         **error);

/* Binding and reading helpers that map NULL and empty strings to SQL NULL. */
void            _escale_bind_text                (sqlite3_stmt    *stmt,
                                                  int              index,
                                                  const char      *text);
const char     *_escale_column_text              (sqlite3_stmt    *stmt,
                                                  int              index);

G_END_DECLS
