/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_IMPORT_ERROR (escale_import_error_quark ())

/* Bigger than any registrant list; past this, the file is surely not one. */
#define ESCALE_CSV_MAX_BYTES ((gsize) 256 * 1024 * 1024)

/* Messages are translated and meant for the counsellor. Cancellation is
 * the caller's: it checks its GCancellable between records and reports
 * G_IO_ERROR_CANCELLED. */
typedef enum
{
  /* No record at all: 0 bytes, only a BOM, only blank lines. Reported by
   * the first escale_csv_reader_next(), not by escale_text_decode(), so
   * that every way of being empty takes the same path. */
  ESCALE_IMPORT_ERROR_EMPTY,
  /* NUL bytes without a UTF-16 BOM: a workbook, a PDF, a picture. */
  ESCALE_IMPORT_ERROR_NOT_TEXT,
  /* Bytes that break the encoding the BOM announced (UTF-16, UTF-8). */
  ESCALE_IMPORT_ERROR_ENCODING,
  /* Over ESCALE_CSV_MAX_BYTES. */
  ESCALE_IMPORT_ERROR_TOO_LARGE,
  /* A quoted field never closed; the message names the line it opens on. */
  ESCALE_IMPORT_ERROR_MALFORMED,
} EscaleImportError;

/* What escale_text_decode() found, for the import dialog to show. */
typedef enum
{
  ESCALE_TEXT_ENCODING_UTF8,
  ESCALE_TEXT_ENCODING_UTF8_BOM,
  ESCALE_TEXT_ENCODING_UTF16LE,       /* with a BOM */
  ESCALE_TEXT_ENCODING_UTF16BE,       /* with a BOM */
  ESCALE_TEXT_ENCODING_WINDOWS_1252,  /* what is not UTF-8, undefined bytes as C1 controls */
} EscaleTextEncoding;

typedef struct _EscaleCsvReader EscaleCsvReader;

GQuark           escale_import_error_quark      (void);

const char      *escale_text_encoding_get_label (EscaleTextEncoding   encoding);
char            *escale_text_decode             (GBytes              *bytes,
                                                 EscaleTextEncoding  *encoding,
                                                 GError             **error);

char             escale_csv_sniff_separator     (const char          *text);

EscaleCsvReader *escale_csv_reader_new          (const char          *text,
                                                 char                 separator);
void             escale_csv_reader_free         (EscaleCsvReader     *reader);
gboolean         escale_csv_reader_next         (EscaleCsvReader     *reader,
                                                 GStrv               *cells,
                                                 guint               *line,
                                                 GError             **error);
gboolean         escale_csv_reader_next_packed  (EscaleCsvReader     *reader,
                                                 char              ***cells,
                                                 guint               *line,
                                                 GError             **error);
double           escale_csv_reader_get_progress (EscaleCsvReader     *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCsvReader, escale_csv_reader_free)

G_END_DECLS
