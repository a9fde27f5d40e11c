/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_STORE_ERROR (escale_store_error_quark ())

/**
 * EscaleStoreError:
 * @ESCALE_STORE_ERROR_CANNOT_OPEN: the file or its folder cannot be created or opened
 * @ESCALE_STORE_ERROR_NOT_ESCALE: the file exists but is not an Escale database
 * @ESCALE_STORE_ERROR_CORRUPT: the file is damaged
 * @ESCALE_STORE_ERROR_TOO_NEW: the file comes from a newer Escale
 * @ESCALE_STORE_ERROR_BUSY: another program holds the database locked
 * @ESCALE_STORE_ERROR_CONSTRAINT: a change breaks a rule of the schema
 * @ESCALE_STORE_ERROR_NOT_FOUND: the record no longer exists
 * @ESCALE_STORE_ERROR_FAILED: any other storage failure
 */
typedef enum
{
  ESCALE_STORE_ERROR_CANNOT_OPEN,
  ESCALE_STORE_ERROR_NOT_ESCALE,
  ESCALE_STORE_ERROR_CORRUPT,
  ESCALE_STORE_ERROR_TOO_NEW,
  ESCALE_STORE_ERROR_BUSY,
  ESCALE_STORE_ERROR_CONSTRAINT,
  ESCALE_STORE_ERROR_NOT_FOUND,
  ESCALE_STORE_ERROR_FAILED,
} EscaleStoreError;

#define ESCALE_TYPE_DATABASE (escale_database_get_type ())

G_DECLARE_FINAL_TYPE (EscaleDatabase, escale_database, ESCALE, DATABASE, GObject)

GQuark          escale_store_error_quark           (void);

char           *escale_database_get_default_path   (void);
char           *escale_database_resolve_path       (const char      *explicit_path);
guint           escale_database_get_latest_version (void);

EscaleDatabase *escale_database_open               (const char      *path,
                                                    GError         **error);
const char     *escale_database_get_path           (EscaleDatabase  *self);
guint           escale_database_get_version        (EscaleDatabase  *self);

gboolean        escale_database_begin              (EscaleDatabase  *self,
                                                    GError         **error);
gboolean        escale_database_commit             (EscaleDatabase  *self,
                                                    GError         **error);
void            escale_database_rollback           (EscaleDatabase  *self);

gboolean        escale_database_limit_memory       (EscaleDatabase  *self,
                                                    GError         **error);
gboolean        escale_database_backup             (EscaleDatabase  *self,
                                                    const char      *destination,
                                                    GError         **error);

G_END_DECLS
