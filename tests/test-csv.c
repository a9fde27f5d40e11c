/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>

#include "test-csv.h"

/* A strict RFC 4180 reader: the file must start with one byte order mark,
 * every row must end with CRLF, and a quote may only open or close a quoted
 * cell. Returns one GStrv per row. */
GPtrArray *
test_csv_read (const char *text,
               char        separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *p;

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  p = text + 3;
  g_assert_false (g_str_has_prefix (p, "\xEF\xBB\xBF"));

  while (*p != '\0')
    {
      GPtrArray *cells = g_ptr_array_new ();

      for (;;)
        {
          GString *cell = g_string_new (NULL);

          if (*p == '"')
            {
              p++;
              for (;;)
                {
                  g_assert_true (*p != '\0');
                  if (p[0] == '"' && p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      p += 2;
                    }
                  else if (p[0] == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    {
                      g_string_append_c (cell, *p++);
                    }
                }
            }
          else
            {
              while (*p != '\0' && *p != separator && *p != '\r' && *p != '\n')
                {
                  g_assert_cmpint (*p, !=, '"');
                  g_string_append_c (cell, *p++);
                }
            }

          g_ptr_array_add (cells, g_string_free (cell, FALSE));
          if (*p == separator)
            {
              p++;
              continue;
            }

          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          break;
        }

      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
    }

  return rows;
}

const char *
test_csv_cell (GPtrArray *rows,
               guint      row,
               guint      column)
{
  char **cells = g_ptr_array_index (rows, row);

  g_assert_cmpuint (g_strv_length (cells), >, column);
  return cells[column];
}
