/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "escale-csv-writer.h"

/* CSV for the spreadsheet a counsellor will open it in: RFC 4180 quoting,
 * CRLF line ends, and a UTF-8 byte order mark without which Excel reads
 * "Montréal" as "MontrÃ©al". */
struct _EscaleCsvWriter
{
  GOutputStream *stream;
  char           separator;
  gboolean       started;
};

/* "-68.523" and, in French, "-68,523" are numbers, not formulas. */
static gboolean
is_plain_number (const char *cell)
{
  g_autofree char *number = g_strdelimit (g_strdup (cell), ",", '.');
  char *end = NULL;

  g_ascii_strtod (number, &end);
  return end != number && *end == '\0';
}

/**
 * escale_csv_escape_cell:
 * @cell: (nullable): the text of one cell
 *
 * Quotes @cell when it holds the separator, a quote or a line break, and
 * neutralises it when a spreadsheet would run it as a formula: a cell
 * starting with =, +, -, @, a tab or a carriage return gets a leading
 * apostrophe (OWASP's advice against CSV injection). Plain numbers such as
 * a longitude of -68.52 stay numbers.
 *
 * Returns: (transfer full): the cell as written in the file
 */
char *
escale_csv_escape_cell (const char *cell,
                        char        separator)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean needs_quotes;

  if (cell == NULL)
    return g_strdup ("");

  if (strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0' && !is_plain_number (cell))
    g_string_append_c (out, '\'');
  g_string_append (out, cell);

  needs_quotes = strchr (out->str, separator) != NULL || strpbrk (out->str, "\"\r\n") != NULL;
  if (needs_quotes)
    {
      g_string_replace (out, "\"", "\"\"", 0);
      g_string_prepend_c (out, '"');
      g_string_append_c (out, '"');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * escale_csv_writer_new:
 * @separator: ',' or ';' (French Excel expects ';'), or '\t'
 */
EscaleCsvWriter *
escale_csv_writer_new (GOutputStream *stream,
                       char           separator)
{
  EscaleCsvWriter *writer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (separator != '"' && separator != '\r' && separator != '\n', NULL);

  writer = g_new0 (EscaleCsvWriter, 1);
  writer->stream = g_object_ref (stream);
  writer->separator = separator;

  return writer;
}

gboolean
escale_csv_writer_write_row (EscaleCsvWriter     *writer,
                             const char * const  *cells,
                             guint                n_cells,
                             GError             **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (writer != NULL, FALSE);

  if (!writer->started)
    {
      g_string_append (line, "\xEF\xBB\xBF");
      writer->started = TRUE;
    }

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *escaped = escale_csv_escape_cell (cells[i], writer->separator);

      if (i > 0)
        g_string_append_c (line, writer->separator);
      g_string_append (line, escaped);
    }
  g_string_append (line, "\r\n");

  return g_output_stream_write_all (writer->stream, line->str, line->len, NULL, NULL, error);
}

void
escale_csv_writer_free (EscaleCsvWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->stream);
  g_free (writer);
}

/**
 * escale_csv_separator_for_locale:
 *
 * Where numbers are written with a decimal comma, as in French, spreadsheets
 * split CSV columns on semicolons.
 *
 * Returns: ';' or ','
 */
char
escale_csv_separator_for_locale (void)
{
  const struct lconv *conventions = localeconv ();

  return g_strcmp0 (conventions->decimal_point, ",") == 0 ? ';' : ',';
}

/**
 * escale_csv_write_file:
 * @path: the spreadsheet to write, in the filename encoding
 * @contents: the whole file
 *
 * Writes beside @path and renames over it, readable by its owner only: a
 * write that fails halfway (a full disk) leaves neither a truncated
 * spreadsheet nor a damaged earlier one, and personal information is not
 * left readable by other users of the computer.
 */
gboolean
escale_csv_write_file (const char  *path,
                       GBytes      *contents,
                       GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  data = g_bytes_get_data (contents, &length);
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
