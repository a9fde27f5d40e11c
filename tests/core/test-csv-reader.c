/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "escale-csv-reader.h"

/* Registrant lists as Excel, LibreOffice and web forms write them: every
 * encoding they use, every line end, and the quoting mistakes the reader
 * forgives. Each case checks every cell and every line number. */

#define NOT_TEXT_MESSAGE "This is not a text file: it may be a workbook, a PDF or a picture. " \
                         "Open it in the spreadsheet and save it as “CSV UTF-8”."
#define UTF16_MESSAGE "The file starts like UTF-16 text but is not valid UTF-16. " \
                      "Save it again from the spreadsheet as “CSV UTF-8”."
#define EMPTY_MESSAGE "The file is empty: it holds no rows to import."

/* An encoding escale_text_decode() never reports, to see it left alone. */
#define UNTOUCHED ((EscaleTextEncoding) 99)

/* A literal that may hold NUL bytes, and its length. */
#define BYTES(literal) literal, sizeof (literal) - 1

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static char *
decode (const char          *data,
        gsize                length,
        EscaleTextEncoding  *encoding,
        GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return escale_text_decode (bytes, encoding, error);
}

/* Reads @text to its end and renders the records as "LINE:[cell][cell]\n",
 * with line breaks and tabs inside cells written \n and \t, so that one
 * comparison checks every cell, every count and every line number. On an
 * error, returns what was read before it. */
static char *
read_all (const char  *text,
          char         separator,
          GError     **error)
{
  g_autoptr(EscaleCsvReader) reader = escale_csv_reader_new (text, separator);
  g_autoptr(GString) out = g_string_new (NULL);

  for (;;)
    {
      g_auto(GStrv) cells = NULL;
      guint line = 0;

      if (!escale_csv_reader_next (reader, &cells, &line, error))
        {
          g_assert_null (cells);
          break;
        }

      g_string_append_printf (out, "%u:", line);
      for (guint i = 0; cells[i] != NULL; i++)
        {
          g_string_append_c (out, '[');
          for (const char *c = cells[i]; *c != '\0'; c++)
            {
              if (*c == '\n')
                g_string_append (out, "\\n");
              else if (*c == '\r')
                g_string_append (out, "\\r");
              else if (*c == '\t')
                g_string_append (out, "\\t");
              else
                g_string_append_c (out, *c);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_reads (const Case *cases,
             gsize       n_cases,
             char        separator)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *records = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("text \"%s\"", escaped);
      records = read_all (cases[i].text, separator, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (records, ==, cases[i].expected);
    }
}

static void
test_encoding_labels (void)
{
  g_assert_cmpstr (escale_text_encoding_get_label (ESCALE_TEXT_ENCODING_UTF8), ==, "UTF-8");
  g_assert_cmpstr (escale_text_encoding_get_label (ESCALE_TEXT_ENCODING_UTF8_BOM), ==, "UTF-8 with BOM");
  g_assert_cmpstr (escale_text_encoding_get_label (ESCALE_TEXT_ENCODING_UTF16LE), ==, "UTF-16 little-endian");
  g_assert_cmpstr (escale_text_encoding_get_label (ESCALE_TEXT_ENCODING_UTF16BE), ==, "UTF-16 big-endian");
  g_assert_cmpstr (escale_text_encoding_get_label (ESCALE_TEXT_ENCODING_WINDOWS_1252), ==,
                   "Windows-1252 (Excel, Western Europe)");
}

static void
test_decode_utf8 (void)
{
  const char *csv = "Nom;Ville\r\nÉlise Côté;Montréal\r\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", csv, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *bom_text = NULL;
  EscaleTextEncoding encoding = UNTOUCHED;

  plain_text = decode (csv, strlen (csv), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain_text, ==, csv);
  g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_UTF8);

  /* Excel's “CSV UTF-8” starts with a BOM that must not reach the first
   * header. */
  bom_text = decode (bom, strlen (bom), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom_text, ==, csv);
  g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_UTF8_BOM);
}

static void
test_decode_utf8_bom_held_to (void)
{
  const char *mixed = "\xEF\xBB\xBFNom;Ville\r\nA;B\rC;D\nMontr\xe9" "al;QC\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EscaleTextEncoding encoding = UNTOUCHED;

  /* The mark says UTF-8, so a Windows-1252 é on line 4 is an error that
   * names the line, not a reason to garble the rest. */
  text = decode (mixed, strlen (mixed), &encoding, &error);
  g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "Line 4 is not valid UTF-8, although the file says it is. "
                   "Save it again from the spreadsheet as “CSV UTF-8”.");
  g_assert_null (text);
  g_assert_cmpint (encoding, ==, UNTOUCHED);
}

static void
check_utf16 (const char         *charset,
             const char         *bom,
             EscaleTextEncoding  expected)
{
  /* The maple leaf is outside the BMP: a surrogate pair in UTF-16. */
  const char *csv = "Nom;Ville\r\nÉlise;Trois-Rivières 🍁\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  EscaleTextEncoding encoding = UNTOUCHED;
  gsize length = 0;

  body = g_convert (csv, -1, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 2 * (g_utf8_strlen (csv, -1) + 1));
  data = g_malloc (length + 2);
  memcpy (data, bom, 2);
  memcpy (data + 2, body, length);

  text = decode (data, length + 2, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, csv);
  g_assert_cmpint (encoding, ==, expected);
}

static void
test_decode_utf16 (void)
{
  check_utf16 ("UTF-16LE", "\xFF\xFE", ESCALE_TEXT_ENCODING_UTF16LE);
  check_utf16 ("UTF-16BE", "\xFE\xFF", ESCALE_TEXT_ENCODING_UTF16BE);
}

static void
test_decode_invalid_utf16 (void)
{
  static const struct
  {
    const char *data;
    gsize       length;
  } cases[] = {
    /* An odd number of bytes: glibc drops the last one silently unless
     * asked. */
    { BYTES ("\xFF\xFE" "N\x00o\x00m") },
    { BYTES ("\xFE\xFF" "\x00N\x00o\x00") },
    /* A high surrogate without its low half, then a low one alone. */
    { BYTES ("\xFF\xFE" "a\x00\x00\xD8" "b\x00") },
    { BYTES ("\xFE\xFF" "\xDC\x00\x00" "a") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      EscaleTextEncoding encoding = UNTOUCHED;

      g_test_message ("case %u", i);
      text = decode (cases[i].data, cases[i].length, &encoding, &error);
      g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_ENCODING);
      g_assert_cmpstr (error->message, ==, UTF16_MESSAGE);
      g_assert_null (text);
      g_assert_cmpint (encoding, ==, UNTOUCHED);
    }
}

static void
test_decode_windows_1252 (void)
{
  /* What a French Excel writes for “CSV (séparateur : point-virgule)”. */
  const char *csv = "Nom;Ville;Note\r\nH\xe9l\xe8ne;Montr\xe9" "al;\x93quoted\x94 \x80 5\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EscaleTextEncoding encoding = UNTOUCHED;

  text = decode (csv, strlen (csv), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Nom;Ville;Note\r\nHélène;Montréal;“quoted” € 5\r\n");
  g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_WINDOWS_1252);
}

static void
test_decode_windows_1252_every_byte (void)
{
  /* Every byte from 0x80 agrees with glibc's WINDOWS-1252 where glibc
   * defines it; the five it refuses become the C1 controls of the same
   * number, as in ISO-8859-1. */
  for (guint byte = 0x80; byte <= 0xFF; byte++)
    {
      char data[] = { 'x', (char) byte };
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *text = NULL;
      g_autofree char *glibc = NULL;
      EscaleTextEncoding encoding = UNTOUCHED;

      glibc = g_convert (data, sizeof data, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (glibc != NULL)
        {
          expected = g_steal_pointer (&glibc);
        }
      else
        {
          g_test_message ("glibc refuses 0x%02X", byte);
          g_assert_true (byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D);
          expected = g_ucs4_to_utf8 ((gunichar[]) { 'x', byte }, 2, NULL, NULL, NULL);
        }

      text = decode (data, sizeof data, &encoding, &error);
      g_assert_no_error (error);
      g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_WINDOWS_1252);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_decode_windows_1252_undefined_byte (void)
{
  const char *csv = "Prix;Code;Ville\r\n\x80 5;A\x81" "B;Montr\xe9" "al\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EscaleTextEncoding encoding = UNTOUCHED;

  /* One byte that Windows-1252 leaves undefined costs nothing else: the
   * euro sign before it and the é after it stay right. */
  text = decode (csv, strlen (csv), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Prix;Code;Ville\r\n€ 5;A\xC2\x81" "B;Montréal\r\n");
  g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_WINDOWS_1252);
}

static void
test_decode_not_text (void)
{
  static const struct
  {
    const char *name;
    const char *data;
    gsize       length;
  } cases[] = {
    { "xlsx", BYTES ("PK\x03\x04\x14\x00\x06\x00\x08\x00") },
    { "pdf", BYTES ("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 5 0 R >>\x00") },
    { "png", BYTES ("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR") },
    { "nul in text", BYTES ("Nom;Ville\r\nMarie\x00;Rimouski\r\n") },
    { "nul after a UTF-8 BOM", BYTES ("\xEF\xBB\xBFNom\x00") },
    { "UTF-16 without a BOM", BYTES ("N\x00o\x00m\x00;\x00") },
    /* U+0000 in UTF-16, and UTF-32 read as UTF-16 for its FF FE start. */
    { "UTF-16 NUL", BYTES ("\xFF\xFE" "a\x00\x00\x00" "b\x00") },
    { "UTF-32LE", BYTES ("\xFF\xFE\x00\x00" "N\x00\x00\x00") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      EscaleTextEncoding encoding = UNTOUCHED;

      g_test_message ("%s", cases[i].name);
      text = decode (cases[i].data, cases[i].length, &encoding, &error);
      g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_NOT_TEXT);
      g_assert_cmpstr (error->message, ==, NOT_TEXT_MESSAGE);
      g_assert_null (text);
      g_assert_cmpint (encoding, ==, UNTOUCHED);
    }
}

static void
test_decode_too_large (void)
{
  gsize size = ESCALE_CSV_MAX_BYTES + 1;
  void *zeros;

  /* Untouched anonymous pages cost no memory. */
  zeros = mmap (NULL, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  g_assert_true (zeros != MAP_FAILED);

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (zeros, size);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    EscaleTextEncoding encoding = UNTOUCHED;

    text = escale_text_decode (bytes, &encoding, &error);
    g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==,
                     "The file is larger than 256 MB. "
                     "Split it into several files and import them one after the other.");
    g_assert_null (text);
    g_assert_cmpint (encoding, ==, UNTOUCHED);
  }

  /* At the limit exactly, the size is fine and the zeros are the problem. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (zeros, size - 1);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    text = escale_text_decode (bytes, NULL, &error);
    g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_NOT_TEXT);
    g_assert_null (text);
  }

  g_assert_cmpint (munmap (zeros, size), ==, 0);
}

static void
test_empty (void)
{
  static const struct
  {
    const char         *data;
    gsize               length;
    const char         *decoded;
    EscaleTextEncoding  encoding;
  } cases[] = {
    { BYTES (""), "", ESCALE_TEXT_ENCODING_UTF8 },
    { BYTES ("\xEF\xBB\xBF"), "", ESCALE_TEXT_ENCODING_UTF8_BOM },
    { BYTES ("\xFF\xFE"), "", ESCALE_TEXT_ENCODING_UTF16LE },
    { BYTES ("\xFE\xFF"), "", ESCALE_TEXT_ENCODING_UTF16BE },
    { BYTES ("\r\n"), "\r\n", ESCALE_TEXT_ENCODING_UTF8 },
    { BYTES ("\n\n\n"), "\n\n\n", ESCALE_TEXT_ENCODING_UTF8 },
    { BYTES ("\r\r"), "\r\r", ESCALE_TEXT_ENCODING_UTF8 },
    { BYTES ("\xEF\xBB\xBF\r\n\r\n\n"), "\r\n\r\n\n", ESCALE_TEXT_ENCODING_UTF8_BOM },
    { BYTES ("\xFF\xFE\r\x00\n\x00\n\x00"), "\r\n\n", ESCALE_TEXT_ENCODING_UTF16LE },
  };

  /* The file decodes; its emptiness is the reader's to report, on the
   * first record, so that the caller has one error path. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleCsvReader) reader = NULL;
      g_autofree char *text = NULL;
      EscaleTextEncoding encoding = UNTOUCHED;
      GStrv cells = (GStrv) "untouched";
      guint line = 42;

      g_test_message ("case %u", i);
      text = decode (cases[i].data, cases[i].length, &encoding, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, cases[i].decoded);
      g_assert_cmpint (encoding, ==, cases[i].encoding);

      reader = escale_csv_reader_new (text, escale_csv_sniff_separator (text));
      g_assert_false (escale_csv_reader_next (reader, &cells, &line, &error));
      g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_EMPTY);
      g_assert_cmpstr (error->message, ==, EMPTY_MESSAGE);
      g_assert_null (cells);
      g_assert_cmpuint (line, ==, 42);
      g_clear_error (&error);

      g_assert_false (escale_csv_reader_next (reader, &cells, &line, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (escale_csv_reader_get_progress (reader), ==, 1.0);
    }
}

static void
test_not_empty (void)
{
  const Case cases[] = {
    /* Separators alone are a record of empty cells: the caller decides. */
    { "\n\n;\n", "3:[][]\n" },
    { " \r\n", "1:[ ]\n" },
    { "\"\"", "1:[]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_sniff (void)
{
  static const struct
  {
    const char *text;
    char        expected;
  } cases[] = {
    { "Nom,Prénom,Courriel\r\nTremblay,Marie,m@example.org\r\n", ',' },
    { "Nom;Prénom;Courriel\r\nTremblay;Marie;m@example.org\r\n", ';' },
    { "Nom\tPrénom\tCourriel\nTremblay\tMarie\tm@example.org\n", '\t' },
    /* French Excel leaves commas unquoted in a ';' file. */
    { "Nom;Adresse\r\nDupont, Marie;12, rue Principale, Rimouski\r\nRoy, Luc;3, rue B\r\n", ';' },
    { "\"Dupont, Marie\";Rimouski;m@example.org\r\n\"Roy, Luc\";Matane;l@example.org\r\n", ';' },
    /* Two cells either way: ';' wins the tie. */
    { "Nom, prénom;Ville\r\nDupont, Marie;Rimouski\r\nRoy, Luc;Matane\r\n", ';' },
    /* Quoted separators do not count. */
    { "\"a;b\",c\r\n\"d;e\",f\r\n", ',' },
    { "\"a\tb\";c,d,e\n\"f\tg\";h,i,j\n", ',' },
    /* More cells win, but only if the rows agree. */
    { "a,b;c,d\ne,f;g,h\n", ',' },
    { "a,b,c;d\ne;f\ng;h\n", ';' },
    /* A ragged row or two does not disqualify. */
    { "Nom;Prénom;Ville\nA;B;C\nD;E\nF;G;H\nI;J;K\n", ';' },
    { "\r\n\r\nNom;Ville\r\nA;B\r\n", ';' },
    { "Nom;Prénom", ';' },
    { "Nom\tPrénom;Ville\nA\tB;C\n", '\t' },
    /* One column, or nothing at all. */
    { "Courriel\r\nm@example.org\r\nl@example.org\r\n", ',' },
    { "Courriel", ',' },
    { "", ',' },
    { "\n\n", ',' },
    { "\"never closed;a;b\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("text \"%s\"", escaped);
      g_assert_cmpint (escale_csv_sniff_separator (cases[i].text), ==, cases[i].expected);
    }
}

static void
test_sniff_long_records (void)
{
  g_autoptr(GString) text = g_string_new ("Notes;Nom\r\n");
  g_autoptr(GString) cut = g_string_new ("Notes;Nom\r\n");
  g_autofree char *notes = g_strnfill (30000, 'x');

  /* Records past the 64 KiB the sniffer reads. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (text, "%s, %s;Roy, Luc\r\n", notes, notes);
  g_assert_cmpint (escale_csv_sniff_separator (text->str), ==, ';');

  /* The one row that the limit cuts before its ';' does not count against
   * it. */
  g_string_append_printf (cut, "%s%s%s;Roy\r\n", notes, notes, notes);
  g_assert_cmpint (escale_csv_sniff_separator (cut->str), ==, ';');
}

static void
test_quoted_separators (void)
{
  const Case cases[] = {
    { "\"Dupont; Marie\";\"Rimouski, QC\";x\r\n", "1:[Dupont; Marie][Rimouski, QC][x]\n" },
    { "\";\";\";;\";\n", "1:[;][;;][]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_escaped_quotes (void)
{
  const Case cases[] = {
    { "\"Le \"\"Bic\"\"\";\"\"\"\";\"\";x\r\n", "1:[Le \"Bic\"][\"][][x]\n" },
    { "\"\"\"\"\"\"\r\n", "1:[\"\"]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_quoted_line_breaks (void)
{
  const Case cases[] = {
    { "Nom;Adresse;Ville\r\n"
      "Roy;\"12, rue A\r\napp. 3\";Matane\r\n"
      "Luc;\"1\nB\rC\";Gaspé\r\n"
      "Fin;\"\r\n\r\n\";y\r\n"
      "Après;x;y\r\n",
      "1:[Nom][Adresse][Ville]\n"
      "2:[Roy][12, rue A\\napp. 3][Matane]\n"
      "4:[Luc][1\\nB\\nC][Gaspé]\n"
      "7:[Fin][\\n\\n][y]\n"
      "10:[Après][x][y]\n" },
    /* A line break right before the closing quote, and CR LF split by it. */
    { "\"a\r\";b\n\"c\r\"\nd", "1:[a\\n][b]\n3:[c\\n]\n5:[d]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_line_ends (void)
{
  const Case cases[] = {
    /* Old Mac Excel ends lines with CR alone. */
    { "a;b\rc;d\r\re;f", "1:[a][b]\n2:[c][d]\n4:[e][f]\n" },
    { "a\r\nb\nc\rd\r\n\re\n\r\nf", "1:[a]\n2:[b]\n3:[c]\n4:[d]\n6:[e]\n8:[f]\n" },
    /* LF CR is two line ends, CR CR LF too. */
    { "a\n\rb\r\r\nc", "1:[a]\n3:[b]\n5:[c]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_final_line_break (void)
{
  const char *texts[] = { "a;b\r\nc", "a;b\r\nc\r\n", "a;b\r\nc\n", "a;b\r\nc\r", "a;b\r\nc\r\n\r\n\n" };

  /* With or without a final line break, or with blank lines after it,
   * there is no phantom record at the end. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const Case c = { texts[i], "1:[a][b]\n2:[c]\n" };

      check_reads (&c, 1, ';');
    }
}

static void
test_blank_lines (void)
{
  const Case cases[] = {
    { "Nom;Ville\r\n\r\nA;B\r\n\r\n\r\nC;D\r\n", "1:[Nom][Ville]\n3:[A][B]\n6:[C][D]\n" },
    { "\n\nNom;Ville\n", "3:[Nom][Ville]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_ragged_rows (void)
{
  const Case cases[] = {
    { "a;b;c\nd\ne;f;g;h\n;\n;;;\n", "1:[a][b][c]\n2:[d]\n3:[e][f][g][h]\n4:[][]\n5:[][][][]\n" },
    /* Excel's trailing separators: each opens one more empty cell. */
    { "a;b;\r\nc;;\r\n;d\r\na;b;", "1:[a][b][]\n2:[c][][]\n3:[][d]\n4:[a][b][]\n" },
    { "\"a\";\"\"\n\"b\";\n", "1:[a][]\n2:[b][]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_stray_quotes (void)
{
  const Case cases[] = {
    /* Kept as written in an unquoted field; text after a closing quote is
     * appended, as Excel does. */
    { "5\" écran;ab\"c;\"abc\"def;\"a\"b\"c;x \"y\";\"q\" \n",
      "1:[5\" écran][ab\"c][abcdef][ab\"c][x \"y\"][q ]\n" },
    { "a\"\nb", "1:[a\"]\n2:[b]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_cells_not_trimmed (void)
{
  const Case cases[] = {
    { " a ; b \t;\"c\" ; \"d\"\r\n", "1:[ a ][ b \\t][c ][ \"d\"]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_other_separators (void)
{
  const char *text = "a,b;c\t\"d,e\"\r\n";
  g_autofree char *commas = read_all (text, ',', NULL);
  g_autofree char *tabs = read_all (text, '\t', NULL);
  g_autofree char *semicolons = read_all (text, ';', NULL);

  g_assert_cmpstr (commas, ==, "1:[a][b;c\\t\"d][e\"]\n");
  g_assert_cmpstr (tabs, ==, "1:[a,b;c][d,e]\n");
  g_assert_cmpstr (semicolons, ==, "1:[a,b][c\\t\"d,e\"]\n");
}

static void
test_reader_skips_bom (void)
{
  const Case cases[] = {
    { "\xEF\xBB\xBFNom;Ville\nA;B\n", "1:[Nom][Ville]\n2:[A][B]\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ';');
}

static void
test_unterminated_quote (void)
{
  static const struct
  {
    const char *text;
    const char *read;
    const char *message;
  } cases[] = {
    { "Nom;Note\r\nRoy;\"ok\"\r\nLuc;\"début\r\nsuite\r\nfin;x\r\n",
      "1:[Nom][Note]\n2:[Roy][ok]\n",
      "Line 3: a quoted field starts here and is never closed." },
    /* The line where the quote opens, not where its record starts. */
    { "h\n\nx;\"ok\nfine\";\"bad\nmore",
      "1:[h]\n",
      "Line 4: a quoted field starts here and is never closed." },
    { "\"a\rb\";c\r\"d\r\ne\n",
      "1:[a\\nb][c]\n",
      "Line 3: a quoted field starts here and is never closed." },
    { "\"", "", "Line 1: a quoted field starts here and is never closed." },
    { "a;\"\"\"", "", "Line 1: a quoted field starts here and is never closed." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EscaleCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *read = NULL;
      GStrv cells = NULL;

      g_test_message ("case %u", i);
      read = read_all (cases[i].text, ';', &error);
      g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpstr (read, ==, cases[i].read);
      g_clear_error (&error);

      /* After the error, the reader stays at the end. */
      reader = escale_csv_reader_new (cases[i].text, ';');
      while (escale_csv_reader_next (reader, &cells, NULL, &error))
        g_strfreev (cells);
      g_assert_error (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_MALFORMED);
      g_clear_error (&error);
      g_assert_false (escale_csv_reader_next (reader, &cells, NULL, &error));
      g_assert_no_error (error);
      g_assert_null (cells);
      g_assert_cmpfloat (escale_csv_reader_get_progress (reader), ==, 1.0);
    }
}

static void
test_progress (void)
{
  const double expected[] = { 0.25, 0.5, 1.0 };
  g_autoptr(EscaleCsvReader) reader = escale_csv_reader_new ("ab;c\r\nd;\"\"\r\n\n\n\nxyz;\"\n\n\"\n", ';');
  g_autoptr(EscaleCsvReader) empty = escale_csv_reader_new ("", ';');
  GStrv cells = NULL;

  /* 24 bytes: the first record ends at 6, the second at 12, the third,
   * after the blank lines, at the end. */
  g_assert_cmpfloat (escale_csv_reader_get_progress (reader), ==, 0.0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (escale_csv_reader_next (reader, &cells, NULL, NULL));
      g_clear_pointer (&cells, g_strfreev);
      g_assert_cmpfloat (escale_csv_reader_get_progress (reader), ==, expected[i]);
    }
  g_assert_false (escale_csv_reader_next (reader, &cells, NULL, NULL));
  g_assert_cmpfloat (escale_csv_reader_get_progress (reader), ==, 1.0);

  g_assert_cmpfloat (escale_csv_reader_get_progress (empty), ==, 1.0);
}

static void
test_windows_1252_export (void)
{
  const char *file = "Nom;Pr\xe9nom;Ville\r\n"
                     "C\xf4t\xe9;H\xe9l\xe8ne;Montr\xe9" "al\r\n"
                     "\"Dupont, Marie\";\"L'\x93" "Escale\x94\";Qu\xe9" "bec\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *records = NULL;
  EscaleTextEncoding encoding = UNTOUCHED;

  /* A French Excel export from start to finish. */
  text = decode (file, strlen (file), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_WINDOWS_1252);
  g_assert_cmpint (escale_csv_sniff_separator (text), ==, ';');
  records = read_all (text, ';', &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==,
                   "1:[Nom][Prénom][Ville]\n"
                   "2:[Côté][Hélène][Montréal]\n"
                   "3:[Dupont, Marie][L'“Escale”][Québec]\n");
}

static void
test_large_file (void)
{
  const guint n_rows = 100000;
  g_autoptr(GString) file = g_string_new ("\xEF\xBB\xBFNo;Nom;Prénom;Courriel;Adresse;Ville;Code postal;Note\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCsvReader) reader = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) header = NULL;
  GStrv rest = (GStrv) "untouched";
  EscaleTextEncoding encoding = UNTOUCHED;
  guint expected_line = 2;
  guint line = 0;

  /* About 15 MB, as a big regional fair's registrations would be; every
   * thousandth note spans two lines. */
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (file,
                            "%u;Tremblay-Côté;Marie-Ève;marie-eve.tremblay.%u@example.org;"
                            "\"%u, rue Saint-Germain Est; app. 3\";Rimouski;G5L 1A1;%s\r\n",
                            i, i, i,
                            i % 1000 == 0 ? "\"Arrivée en mars,\r\ncherche un emploi\""
                                          : "Étudiante en soins infirmiers, arrivée en 2023");
  g_assert_cmpuint (file->len, >, 14000000);
  bytes = g_string_free_to_bytes (g_steal_pointer (&file));

  timer = g_timer_new ();
  text = escale_text_decode (bytes, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, ESCALE_TEXT_ENCODING_UTF8_BOM);
  g_assert_cmpint (escale_csv_sniff_separator (text), ==, ';');

  reader = escale_csv_reader_new (text, ';');
  g_assert_true (escale_csv_reader_next (reader, &header, &line, &error));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (g_strv_length (header), ==, 8);
  g_assert_cmpstr (header[0], ==, "No");

  for (guint i = 0; i < n_rows; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *number = g_strdup_printf ("%u", i);

      g_assert_true (escale_csv_reader_next (reader, &cells, &line, &error));
      if (line != expected_line || g_strv_length (cells) != 8 || g_strcmp0 (cells[0], number) != 0)
        {
          g_assert_cmpuint (line, ==, expected_line);
          g_assert_cmpuint (g_strv_length (cells), ==, 8);
          g_assert_cmpstr (cells[0], ==, number);
        }
      expected_line += i % 1000 == 0 ? 2 : 1;

      if (i == n_rows - 1)
        {
          g_assert_cmpstr (cells[4], ==, "99999, rue Saint-Germain Est; app. 3");
          g_assert_cmpstr (cells[7], ==, "Étudiante en soins infirmiers, arrivée en 2023");
        }
      if (i == 99000)
        g_assert_cmpstr (cells[7], ==, "Arrivée en mars,\ncherche un emploi");
    }
  /* The header, the rows, and the hundred notes' second lines. */
  g_assert_cmpuint (line, ==, 1 + n_rows + n_rows / 1000);
  g_assert_false (escale_csv_reader_next (reader, &rest, &line, &error));
  g_assert_no_error (error);
  g_assert_null (rest);
  g_assert_cmpfloat (escale_csv_reader_get_progress (reader), ==, 1.0);

  g_test_message ("decoded, sniffed and read %u rows in %.3f s", n_rows, g_timer_elapsed (timer, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/encoding-labels", test_encoding_labels);
  g_test_add_func ("/csv-reader/decode/utf8", test_decode_utf8);
  g_test_add_func ("/csv-reader/decode/utf8-bom-held-to", test_decode_utf8_bom_held_to);
  g_test_add_func ("/csv-reader/decode/utf16", test_decode_utf16);
  g_test_add_func ("/csv-reader/decode/invalid-utf16", test_decode_invalid_utf16);
  g_test_add_func ("/csv-reader/decode/windows-1252", test_decode_windows_1252);
  g_test_add_func ("/csv-reader/decode/windows-1252-every-byte", test_decode_windows_1252_every_byte);
  g_test_add_func ("/csv-reader/decode/windows-1252-undefined-byte", test_decode_windows_1252_undefined_byte);
  g_test_add_func ("/csv-reader/decode/not-text", test_decode_not_text);
  g_test_add_func ("/csv-reader/decode/too-large", test_decode_too_large);
  g_test_add_func ("/csv-reader/empty", test_empty);
  g_test_add_func ("/csv-reader/not-empty", test_not_empty);
  g_test_add_func ("/csv-reader/sniff", test_sniff);
  g_test_add_func ("/csv-reader/sniff-long-records", test_sniff_long_records);
  g_test_add_func ("/csv-reader/quoted-separators", test_quoted_separators);
  g_test_add_func ("/csv-reader/escaped-quotes", test_escaped_quotes);
  g_test_add_func ("/csv-reader/quoted-line-breaks", test_quoted_line_breaks);
  g_test_add_func ("/csv-reader/line-ends", test_line_ends);
  g_test_add_func ("/csv-reader/final-line-break", test_final_line_break);
  g_test_add_func ("/csv-reader/blank-lines", test_blank_lines);
  g_test_add_func ("/csv-reader/ragged-rows", test_ragged_rows);
  g_test_add_func ("/csv-reader/stray-quotes", test_stray_quotes);
  g_test_add_func ("/csv-reader/cells-not-trimmed", test_cells_not_trimmed);
  g_test_add_func ("/csv-reader/other-separators", test_other_separators);
  g_test_add_func ("/csv-reader/reader-skips-bom", test_reader_skips_bom);
  g_test_add_func ("/csv-reader/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv-reader/progress", test_progress);
  g_test_add_func ("/csv-reader/windows-1252-export", test_windows_1252_export);
  g_test_add_func ("/csv-reader/large-file", test_large_file);

  return g_test_run ();
}
