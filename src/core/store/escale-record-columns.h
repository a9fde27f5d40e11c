/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-database-private.h"
#include "escale-record.h"

G_BEGIN_DECLS

/* Binds and reads the fields of an EscaleRecord to and from the columns
 * of the same names ("place-name" is place_name). Text is NULL when
 * empty; an integer whose field allows -1 or 0 as "not set" is NULL when
 * unset; an enumeration is stored as its nick. */

void _escale_record_bind_columns (sqlite3_stmt       *stmt,
                                  int                 first_param,
                                  gpointer            record,
                                  const char * const *properties,
                                  guint               n_properties);
void _escale_record_read_columns (sqlite3_stmt       *stmt,
                                  int                 first_column,
                                  gpointer            record,
                                  const char * const *properties,
                                  guint               n_properties);
void _escale_record_append_columns (GString          *sql,
                                    const char * const *properties,
                                    guint               n_properties,
                                    const char         *separator,
                                    const char         *suffix);

G_END_DECLS
