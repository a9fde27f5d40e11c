/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-csv-reader.h"

/* Registrant lists as Excel and web forms export them: RFC 4180, lenient
 * where Excel is lenient, in whatever encoding the spreadsheet chose. One
 * pass over the text, one reused buffer for the record being read. */
struct _EscaleCsvReader
{
  /* Borrowed */
  const char *start;
  const char *end;
  const char *position;

  /* Owned */
  GString    *record;   /* the cells read so far, each followed by a NUL */
  gsize      *starts;   /* where each cell starts in record */
  guint       n_cells;
  guint       n_starts_allocated;

  char        separator;
  char        plain_stops[4];  /* what ends an unquoted cell, for strcspn() */
  guint       line;
  gboolean    any_record;
  gboolean    done;
};

G_DEFINE_QUARK (escale-import-error-quark, escale_import_error)

#define UTF8_BOM "\xEF\xBB\xBF"

/* The first records are enough to tell the separator; 64 KiB bounds the
 * work when a quoted field never closes. */
#define SNIFF_RECORDS 10
#define SNIFF_BYTES   (64 * 1024)

/* Windows-1252 is ISO-8859-1 except for 0x80–0x9F. The five bytes it leaves
 * undefined map to the C1 controls, as ISO-8859-1 and the WHATWG encoding
 * standard have them, so that one stray byte cannot cost the whole file its
 * euro signs and curly quotes: glibc's iconv refuses those five bytes. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_windows_1252 (const guint8 *data,
                     gsize         length)
{
  GString *text = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] < 0x80)
        g_string_append_c (text, (char) data[i]);
      else if (data[i] < 0xA0)
        g_string_append_unichar (text, windows_1252_high[data[i] - 0x80]);
      else
        g_string_append_unichar (text, data[i]);
    }

  return g_string_free (text, FALSE);
}

static void
set_not_text_error (GError **error)
{
  g_set_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_NOT_TEXT,
               _("This is not a text file: it may be a workbook, a PDF or a picture. "
                 "Open it in the spreadsheet and save it as “CSV UTF-8”."));
}

/* The line @position is on, counted as the reader counts them. */
static guint
line_at (const char *text,
         const char *position)
{
  guint line = 1;

  for (const char *p = text; p < position; p++)
    {
      if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        line++;
    }

  return line;
}

/* g_utf8_validate_len() over the runs of non-ASCII bytes only: the plain
 * ASCII that most of a registrant list is goes by eight bytes at a time.
 * The text holds no NUL (escale_text_decode() refuses those first). */
static gboolean
validate_utf8 (const char  *text,
               gsize        length,
               const char **invalid)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;

  while (p < end)
    {
      const guchar *run;
      guint64 word;

      while (end - p >= (gssize) sizeof word)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += sizeof word;
        }
      while (p < end && *p < 0x80)
        p++;

      /* The bytes of a character are all 0x80 or more: a run of them
       * holds whole characters when the text is valid. */
      run = p;
      while (p < end && *p >= 0x80)
        p++;
      if (p > run && !g_utf8_validate_len ((const char *) run, p - run, invalid))
        return FALSE;
    }

  return TRUE;
}

static char *
decode_utf16 (const guint8  *data,
              gsize          length,
              const char    *charset,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize written = 0;

  /* Without bytes_read, g_convert() reports an odd trailing byte as
   * G_CONVERT_ERROR_PARTIAL_INPUT instead of dropping it silently. */
  text = g_convert ((const char *) data, length, "UTF-8", charset, NULL, &written, &local_error);
  if (text == NULL)
    {
      g_debug ("Cannot decode %s: %s", charset, local_error->message);
      g_set_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_ENCODING,
                   _("The file starts like UTF-16 text but is not valid UTF-16. "
                     "Save it again from the spreadsheet as “CSV UTF-8”."));
      return NULL;
    }

  /* U+0000 is no more text in UTF-16 than a NUL byte is elsewhere; it is
   * also what a UTF-32 file looks like when read as UTF-16. */
  if (memchr (text, '\0', written) != NULL)
    {
      set_not_text_error (error);
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* Steps over one line break: CRLF, LF, or the lone CR of old Mac Excel. */
static inline void
reader_take_line_end (EscaleCsvReader *reader)
{
  if (*reader->position == '\r')
    {
      reader->position++;
      if (reader->position < reader->end && *reader->position == '\n')
        reader->position++;
    }
  else
    {
      reader->position++;
    }
  reader->line++;
}

/* Appends a quoted field to reader->record and steps past its closing quote. */
static gboolean
reader_take_quoted (EscaleCsvReader  *reader,
                    GError          **error)
{
  guint opening_line = reader->line;
  const char *p = reader->position + 1;
  const char *end = reader->end;

  for (;;)
    {
      const char *run = p;

      p = MIN (run + strcspn (run, "\"\r\n"), end);
      g_string_append_len (reader->record, run, p - run);

      if (p == end)
        {
          reader->position = end;
          g_set_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_MALFORMED,
                       _("Line %u: a quoted field starts here and is never closed."),
                       opening_line);
          return FALSE;
        }

      if (*p == '"')
        {
          if (p + 1 < end && p[1] == '"')
            {
              g_string_append_c (reader->record, '"');
              p += 2;
              continue;
            }
          reader->position = p + 1;
          return TRUE;
        }

      /* The spreadsheet's line break, whichever it was, becomes "\n". */
      reader->position = p;
      reader_take_line_end (reader);
      g_string_append_c (reader->record, '\n');
      p = reader->position;
    }
}

/* Text up to the next separator or line break, taken as written: a quote
 * in the middle of an unquoted field, or after a closing quote, is kept as
 * Excel keeps it. */
static void
reader_take_plain (EscaleCsvReader *reader)
{
  const char *p = MIN (reader->position + strcspn (reader->position, reader->plain_stops), reader->end);

  g_string_append_len (reader->record, reader->position, p - reader->position);
  reader->position = p;
}

/* @text goes on to a NUL at or past @length: cells end where strcspn()
 * says, and never past @length. */
static EscaleCsvReader *
reader_new_for_length (const char *text,
                       gsize       length,
                       char        separator)
{
  EscaleCsvReader *reader = g_new0 (EscaleCsvReader, 1);

  /* Text read without escale_text_decode() may still carry Excel's BOM. */
  if (length >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  reader->start = text;
  reader->end = text + length;
  reader->position = text;
  reader->separator = separator;
  reader->plain_stops[0] = separator;
  reader->plain_stops[1] = '\r';
  reader->plain_stops[2] = '\n';
  reader->plain_stops[3] = '\0';
  reader->line = 1;
  reader->record = g_string_sized_new (1024);
  reader->n_starts_allocated = 32;
  reader->starts = g_new (gsize, reader->n_starts_allocated);

  return reader;
}

/* How many cells each of the first records has with @separator. */
static guint
count_cells (const char *text,
             gsize       length,
             gboolean    truncated,
             char        separator,
             guint      *counts)
{
  g_autoptr(EscaleCsvReader) reader = reader_new_for_length (text, length, separator);
  guint n_records = 0;

  while (n_records < SNIFF_RECORDS)
    {
      g_auto(GStrv) cells = NULL;

      if (!escale_csv_reader_next (reader, &cells, NULL, NULL))
        break;
      counts[n_records++] = g_strv_length (cells);

      /* A record that reaches the cut may have lost cells to it. */
      if (truncated && reader->position == reader->end)
        {
          n_records--;
          break;
        }
    }

  return n_records;
}

/**
 * escale_text_encoding_get_label:
 * @encoding: an encoding escale_text_decode() reported
 *
 * Returns: (transfer none): the encoding's name for the import dialog
 */
const char *
escale_text_encoding_get_label (EscaleTextEncoding encoding)
{
  switch (encoding)
    {
    case ESCALE_TEXT_ENCODING_UTF8:
      return _("UTF-8");
    case ESCALE_TEXT_ENCODING_UTF8_BOM:
      return _("UTF-8 with BOM");
    case ESCALE_TEXT_ENCODING_UTF16LE:
      return _("UTF-16 little-endian");
    case ESCALE_TEXT_ENCODING_UTF16BE:
      return _("UTF-16 big-endian");
    case ESCALE_TEXT_ENCODING_WINDOWS_1252:
      return _("Windows-1252 (Excel, Western Europe)");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * escale_text_decode:
 * @bytes: the whole file
 * @encoding: (out) (optional): where to say which encoding was found
 * @error: %ESCALE_IMPORT_ERROR_TOO_LARGE, %ESCALE_IMPORT_ERROR_NOT_TEXT or
 *   %ESCALE_IMPORT_ERROR_ENCODING
 *
 * Decodes a whole file. A UTF-8 or UTF-16 byte order mark decides the
 * encoding and is removed; without one, valid UTF-8 is UTF-8 and anything
 * else is Windows-1252, what Excel's “CSV (comma delimited)” writes in
 * Western Europe and the Americas. An empty file decodes to "": the reader
 * reports it.
 *
 * Returns: (transfer full) (nullable): valid UTF-8 without a byte order
 *   mark, or %NULL with @error set
 */
char *
escale_text_decode (GBytes              *bytes,
                    EscaleTextEncoding  *encoding,
                    GError             **error)
{
  const guint8 *data;
  gsize length;
  EscaleTextEncoding found;
  char *text;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > ESCALE_CSV_MAX_BYTES)
    {
      /* Binary megabytes called MB, as the Windows file explorer shows
       * them to the counsellor. */
      g_set_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB. Split it into several files "
                     "and import them one after the other."),
                   (guint) (ESCALE_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (length == 0)
    {
      found = ESCALE_TEXT_ENCODING_UTF8;
      text = g_strdup ("");
    }
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      found = ESCALE_TEXT_ENCODING_UTF16LE;
      text = decode_utf16 (data + 2, length - 2, "UTF-16LE", error);
    }
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      found = ESCALE_TEXT_ENCODING_UTF16BE;
      text = decode_utf16 (data + 2, length - 2, "UTF-16BE", error);
    }
  else if (memchr (data, '\0', length) != NULL)
    {
      set_not_text_error (error);
      return NULL;
    }
  else if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      const char *body = (const char *) data + 3;
      const char *invalid = NULL;

      /* The mark says UTF-8: a byte that is not is a damaged or mixed
       * file, and guessing would garble the rest of it. */
      if (!validate_utf8 (body, length - 3, &invalid))
        {
          g_set_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8, although the file says it is. "
                         "Save it again from the spreadsheet as “CSV UTF-8”."),
                       line_at (body, invalid));
          return NULL;
        }
      found = ESCALE_TEXT_ENCODING_UTF8_BOM;
      text = g_strndup (body, length - 3);
    }
  else if (validate_utf8 ((const char *) data, length, NULL))
    {
      found = ESCALE_TEXT_ENCODING_UTF8;
      text = g_strndup ((const char *) data, length);
    }
  else
    {
      found = ESCALE_TEXT_ENCODING_WINDOWS_1252;
      text = decode_windows_1252 (data, length);
    }

  if (text != NULL && encoding != NULL)
    *encoding = found;

  return text;
}

/**
 * escale_csv_sniff_separator:
 * @text: the decoded file
 *
 * Reads the first ten records as the reader would, so that quoted
 * separators do not count. A candidate must split the first record into at
 * least two cells and give that count to at least half of the next nine
 * (ragged rows happen); the one with the most cells wins. Ties go to the
 * tab, then ';', then ',': commas are common inside cells (“Dupont,
 * Marie”), semicolons rare, and a French Excel writes ';'.
 *
 * Returns: ',', ';' or '\t'; ',' for a file of one column
 */
char
escale_csv_sniff_separator (const char *text)
{
  static const char candidates[] = { '\t', ';', ',' };
  char best = ',';
  guint best_count = 1;
  gsize length;

  g_return_val_if_fail (text != NULL, ',');

  length = strnlen (text, SNIFF_BYTES + 1);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint counts[SNIFF_RECORDS];
      guint n_records;
      guint matches = 0;

      n_records = count_cells (text, MIN (length, SNIFF_BYTES), length > SNIFF_BYTES,
                               candidates[i], counts);
      if (n_records == 0 || counts[0] < 2)
        continue;

      for (guint r = 1; r < n_records; r++)
        matches += counts[r] == counts[0];
      if (matches * 2 < n_records - 1)
        continue;

      if (counts[0] > best_count)
        {
          best = candidates[i];
          best_count = counts[0];
        }
    }

  return best;
}

/**
 * escale_csv_reader_new:
 * @text: UTF-8 text, such as escale_text_decode() returns; borrowed, it
 *   must outlive the reader
 * @separator: ',', ';' or '\t', often from escale_csv_sniff_separator()
 *
 * Returns: (transfer full): a reader at the first record of @text
 */
EscaleCsvReader *
escale_csv_reader_new (const char *text,
                       char        separator)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (separator != '\0' && separator != '"' &&
                        separator != '\r' && separator != '\n', NULL);

  return reader_new_for_length (text, strlen (text), separator);
}

void
escale_csv_reader_free (EscaleCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_string_free (reader->record, TRUE);
  g_free (reader->starts);
  g_free (reader);
}

/* Starts a cell of the record being read. */
static inline void
reader_start_cell (EscaleCsvReader *reader)
{
  if (reader->n_cells == reader->n_starts_allocated)
    {
      reader->n_starts_allocated *= 2;
      reader->starts = g_renew (gsize, reader->starts, reader->n_starts_allocated);
    }
  reader->starts[reader->n_cells++] = reader->record->len;
}

/* Reads the next record into reader->record and reader->starts. */
static gboolean
reader_read_record (EscaleCsvReader  *reader,
                    guint            *line,
                    GError          **error)
{
  if (reader->done)
    return FALSE;

  while (reader->position < reader->end &&
         (*reader->position == '\r' || *reader->position == '\n'))
    reader_take_line_end (reader);

  if (reader->position == reader->end)
    {
      reader->done = TRUE;
      if (!reader->any_record)
        g_set_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_EMPTY,
                     _("The file is empty: it holds no rows to import."));
      return FALSE;
    }

  if (line != NULL)
    *line = reader->line;

  g_string_truncate (reader->record, 0);
  reader->n_cells = 0;
  for (;;)
    {
      reader_start_cell (reader);

      if (*reader->position == '"' && !reader_take_quoted (reader, error))
        {
          reader->done = TRUE;
          return FALSE;
        }
      reader_take_plain (reader);
      g_string_append_c (reader->record, '\0');

      if (reader->position == reader->end)
        break;
      if (*reader->position != reader->separator)
        {
          reader_take_line_end (reader);
          break;
        }
      /* A separator at the very end of the text still opens one last,
       * empty cell: "a;b;" has three. */
      reader->position++;
      if (reader->position == reader->end)
        {
          reader_start_cell (reader);
          g_string_append_c (reader->record, '\0');
          break;
        }
    }

  reader->any_record = TRUE;
  return TRUE;
}

/**
 * escale_csv_reader_next:
 * @reader: a reader
 * @cells: (out) (transfer full): the record's cells, as written: neither
 *   trimmed nor padded, line breaks inside a cell as "\n"
 * @line: (out) (optional): the line on which the record starts, from 1
 * @error: %ESCALE_IMPORT_ERROR_MALFORMED for a quoted field that never
 *   closes, or %ESCALE_IMPORT_ERROR_EMPTY when the text holds no record
 *   at all
 *
 * Reads the next record. Blank lines are skipped but counted, so that line
 * numbers match what the counsellor sees in a text editor. After the end
 * or an error, every call returns %FALSE without an error.
 *
 * Returns: %TRUE with a record, %FALSE at the end or on an error
 */
gboolean
escale_csv_reader_next (EscaleCsvReader  *reader,
                        GStrv            *cells,
                        guint            *line,
                        GError          **error)
{
  const gsize *starts;
  guint n_cells;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *cells = NULL;
  if (!reader_read_record (reader, line, error))
    return FALSE;

  starts = reader->starts;
  n_cells = reader->n_cells;
  *cells = g_new (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    (*cells)[i] = g_strdup (reader->record->str + starts[i]);
  (*cells)[n_cells] = NULL;

  return TRUE;
}

/**
 * escale_csv_reader_next_packed:
 * @cells: (out) (transfer full): as escale_csv_reader_next() gives them,
 *   the array and its strings in one block: free it with g_free(), not
 *   g_strfreev()
 *
 * Like escale_csv_reader_next(), with one allocation per record instead of
 * one per cell: what a file of 100,000 rows keeps in memory.
 */
gboolean
escale_csv_reader_next_packed (EscaleCsvReader  *reader,
                               char           ***cells,
                               guint            *line,
                               GError          **error)
{
  const gsize *starts;
  guint n_cells;
  char *text;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *cells = NULL;
  if (!reader_read_record (reader, line, error))
    return FALSE;

  starts = reader->starts;
  n_cells = reader->n_cells;
  *cells = g_malloc ((n_cells + 1) * sizeof (char *) + reader->record->len);
  text = (char *) (*cells + n_cells + 1);
  memcpy (text, reader->record->str, reader->record->len);
  for (guint i = 0; i < n_cells; i++)
    (*cells)[i] = text + starts[i];
  (*cells)[n_cells] = NULL;

  return TRUE;
}

/**
 * escale_csv_reader_get_progress:
 * @reader: a reader
 *
 * Returns: the share of the text read so far, from 0.0 to 1.0, for a
 *   progress bar; 1.0 for an empty text
 */
double
escale_csv_reader_get_progress (EscaleCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);

  if (reader->end == reader->start)
    return 1.0;

  return (double) (reader->position - reader->start) / (double) (reader->end - reader->start);
}
