/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the CSV that Escale writes the way a strict spreadsheet would, and
 * fails the test on anything Excel could misread. */
GPtrArray  *test_csv_read (const char *text,
                           char        separator);
const char *test_csv_cell (GPtrArray  *rows,
                           guint       row,
                           guint       column);

G_END_DECLS
