/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _EscaleCsvWriter EscaleCsvWriter;

EscaleCsvWriter *escale_csv_writer_new       (GOutputStream       *stream,
                                              char                 separator);
gboolean         escale_csv_writer_write_row (EscaleCsvWriter     *writer,
                                              const char * const  *cells,
                                              guint                n_cells,
                                              GError             **error);
void             escale_csv_writer_free      (EscaleCsvWriter     *writer);
char            *escale_csv_escape_cell      (const char          *cell,
                                              char                 separator);
char             escale_csv_separator_for_locale (void);
gboolean         escale_csv_write_file       (const char          *path,
                                              GBytes              *contents,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCsvWriter, escale_csv_writer_free)

G_END_DECLS
