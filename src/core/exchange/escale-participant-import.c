/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-csv-writer.h"
#include "escale-database-private.h"
#include "escale-participant-form.h"
#include "escale-participant-import.h"
#include "escale-participant-repository-private.h"
#include "escale-validation.h"

/* Registrants exported from a web form or a fair's spreadsheet. The file is
 * decoded and read once; the counsellor corrects the column mapping, sees
 * every row's problems in a check that writes nothing, then imports in one
 * transaction. Rows are never shifted: a row with the wrong number of cells
 * is rejected with its line number. */
struct _EscaleParticipantImport
{
  GObject             parent_instance;

  char               *text;
  EscaleTextEncoding  encoding;
  char                separator;
  GStrv               header;
  GPtrArray          *records;
  int                *fields;
  gboolean            include_duplicates;
};

G_DEFINE_FINAL_TYPE (EscaleParticipantImport, escale_participant_import, G_TYPE_OBJECT)

typedef struct
{
  guint  line;
  GStrv  cells;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_strfreev (record->cells);
  g_free (record);
}

static void
import_row_free (gpointer data)
{
  EscaleImportRow *row = data;

  g_free (row->name);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
  g_free (row->duplicate_reason);
  g_free (row);
}

void
escale_import_report_free (EscaleImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->rows);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

static gboolean
is_blank (const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *text = escale_normalize_text (cells[i]);

      if (text != NULL)
        return FALSE;
    }

  return TRUE;
}

/* Reads the header and the rows with the current separator, and guesses
 * which column holds which field. */
static gboolean
read_records (EscaleParticipantImport  *self,
              GError                  **error)
{
  g_autoptr(EscaleCsvReader) reader = escale_csv_reader_new (self->text, self->separator);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_auto(GStrv) header = NULL;
  GStrv cells = NULL;
  guint line;
  guint n_columns;

  if (!escale_csv_reader_next (reader, &header, &line, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ESCALE_IMPORT_ERROR, ESCALE_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }

  while (escale_csv_reader_next (reader, &cells, &line, error))
    {
      Record *record;

      if (is_blank ((const char * const *) cells))
        {
          g_strfreev (cells);
          continue;
        }

      record = g_new0 (Record, 1);
      record->line = line;
      record->cells = cells;
      g_ptr_array_add (records, record);
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_free);

  n_columns = g_strv_length (header);
  self->fields = g_new (int, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      EscaleParticipantField field;

      self->fields[i] = -1;
      if (!escale_participant_field_guess (header[i], &field))
        continue;

      /* A second "Téléphone" column is the other phone; any other field
       * named twice keeps its first column. */
      for (guint j = 0; j < i; j++)
        {
          if (self->fields[j] == (int) field)
            field = field == ESCALE_PARTICIPANT_FIELD_PHONE ? ESCALE_PARTICIPANT_FIELD_OTHER_PHONE
                                                            : ESCALE_N_PARTICIPANT_FIELDS;
        }
      for (guint j = 0; j < i && field != ESCALE_N_PARTICIPANT_FIELDS; j++)
        {
          if (self->fields[j] == (int) field)
            field = ESCALE_N_PARTICIPANT_FIELDS;
        }

      if (field != ESCALE_N_PARTICIPANT_FIELDS)
        self->fields[i] = field;
    }

  self->header = g_steal_pointer (&header);
  self->records = g_steal_pointer (&records);
  return TRUE;
}

static void
escale_participant_import_finalize (GObject *object)
{
  EscaleParticipantImport *self = (EscaleParticipantImport *)object;

  g_free (self->text);
  g_strfreev (self->header);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_free (self->fields);

  G_OBJECT_CLASS (escale_participant_import_parent_class)->finalize (object);
}

static void
escale_participant_import_class_init (EscaleParticipantImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_participant_import_finalize;
}

static void
escale_participant_import_init (EscaleParticipantImport *self)
{
}

/**
 * escale_participant_import_new:
 * @contents: the file as it is on disk
 *
 * Decodes the file (UTF-8 with or without BOM, UTF-16 with BOM,
 * Windows-1252), guesses its separator and its columns.
 *
 * Returns: (transfer full): the import, or %NULL with an
 *   #ESCALE_IMPORT_ERROR when the file cannot be read at all
 */
EscaleParticipantImport *
escale_participant_import_new (GBytes  *contents,
                               GError **error)
{
  g_autoptr(EscaleParticipantImport) self = NULL;

  g_return_val_if_fail (contents != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_IMPORT, NULL);
  self->text = escale_text_decode (contents, &self->encoding, error);
  if (self->text == NULL)
    return NULL;

  self->separator = escale_csv_sniff_separator (self->text);
  if (!read_records (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

EscaleParticipantImport *
escale_participant_import_new_for_file (const char  *path,
                                        GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  contents = g_mapped_file_get_bytes (file);
  return escale_participant_import_new (contents, error);
}

EscaleTextEncoding
escale_participant_import_get_encoding (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), ESCALE_TEXT_ENCODING_UTF8);
  return self->encoding;
}

char
escale_participant_import_get_separator (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), ',');
  return self->separator;
}

/**
 * escale_participant_import_set_separator:
 *
 * Reads the file again with another separator, when the guess was wrong.
 * The column mapping is guessed again.
 */
gboolean
escale_participant_import_set_separator (EscaleParticipantImport  *self,
                                         char                      separator,
                                         GError                  **error)
{
  char previous;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), FALSE);
  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', FALSE);

  previous = self->separator;
  self->separator = separator;
  if (!read_records (self, error))
    {
      self->separator = previous;
      return FALSE;
    }

  return TRUE;
}

guint
escale_participant_import_get_n_columns (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), 0);
  return g_strv_length (self->header);
}

guint
escale_participant_import_get_n_rows (EscaleParticipantImport *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), 0);
  return self->records->len;
}

const char *
escale_participant_import_get_header (EscaleParticipantImport *self,
                                      guint                    column)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (column < g_strv_length (self->header), NULL);
  return self->header[column];
}

/**
 * escale_participant_import_get_cell:
 * @row: a data row, from 0
 *
 * Returns: (nullable): the cell as read, for a preview; %NULL past the
 *   end of a short row
 */
const char *
escale_participant_import_get_cell (EscaleParticipantImport *self,
                                    guint                    row,
                                    guint                    column)
{
  const Record *record;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->records->len, NULL);

  record = g_ptr_array_index (self->records, row);
  return column < g_strv_length (record->cells) ? record->cells[column] : NULL;
}

/**
 * escale_participant_import_get_column_field:
 *
 * Returns: the #EscaleParticipantField the column is read into, or -1 when
 *   the column is left out
 */
int
escale_participant_import_get_column_field (EscaleParticipantImport *self,
                                            guint                    column)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), -1);
  g_return_val_if_fail (column < g_strv_length (self->header), -1);
  return self->fields[column];
}

/**
 * escale_participant_import_set_column_field:
 * @field: an #EscaleParticipantField, or -1 to leave the column out
 *
 * Corrects the guessed mapping. A field goes to one column only: another
 * column that had it is left out.
 */
void
escale_participant_import_set_column_field (EscaleParticipantImport *self,
                                            guint                    column,
                                            int                      field)
{
  guint n_columns;

  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  n_columns = g_strv_length (self->header);
  g_return_if_fail (column < n_columns);
  g_return_if_fail (field >= -1 && field < ESCALE_N_PARTICIPANT_FIELDS);

  for (guint i = 0; i < n_columns && field >= 0; i++)
    {
      if (self->fields[i] == field)
        self->fields[i] = -1;
    }
  self->fields[column] = field;
}

/**
 * escale_participant_import_set_include_duplicates:
 * @include: whether rows that look like known people are imported too,
 *   so that the counsellor merges them afterwards
 */
void
escale_participant_import_set_include_duplicates (EscaleParticipantImport *self,
                                                  gboolean                 include)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  self->include_duplicates = !!include;
}

/* The keys of people already known and of the rows read so far, to find
 * duplicates with hash lookups rather than a query per row. */
typedef struct
{
  GHashTable *known;  /* "e:email", "p:phone", "n:name year" → participant id */
  GHashTable *lines;  /* the same keys → line of an earlier row of the file */
  GHashTable *fingerprints; /* fingerprint → line, for rows repeated in the file */
} DuplicateIndex;

static void
duplicate_index_clear (DuplicateIndex *index)
{
  g_clear_pointer (&index->known, g_hash_table_unref);
  g_clear_pointer (&index->lines, g_hash_table_unref);
  g_clear_pointer (&index->fingerprints, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DuplicateIndex, duplicate_index_clear)

typedef enum
{
  KEY_EMAIL,
  KEY_PHONE,
  KEY_NAME,
} KeyKind;

static char *
make_key (KeyKind     kind,
          const char *value,
          int         birth_year)
{
  if (value == NULL || *value == '\0')
    return NULL;

  switch (kind)
    {
    case KEY_EMAIL:
      return g_strconcat ("e:", value, NULL);
    case KEY_PHONE:
      return g_strconcat ("p:", value, NULL);
    case KEY_NAME:
    default:
      return birth_year > 0 ? g_strdup_printf ("n:%s %d", value, birth_year) : NULL;
    }
}

static gboolean
duplicate_index_load (DuplicateIndex  *index,
                      EscaleDatabase  *database,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  index->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->fingerprints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _escale_database_prepare (database,
                                   "SELECT id, email_key, phone_key, other_phone_key, name_key, birth_year FROM participant",
                                   error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer id = GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0));
      char *keys[] = {
        make_key (KEY_EMAIL, _escale_column_text (stmt, 1), 0),
        make_key (KEY_PHONE, _escale_column_text (stmt, 2), 0),
        make_key (KEY_PHONE, _escale_column_text (stmt, 3), 0),
        make_key (KEY_NAME, _escale_column_text (stmt, 4), sqlite3_column_int (stmt, 5)),
      };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          if (keys[i] != NULL && !g_hash_table_contains (index->known, keys[i]))
            g_hash_table_insert (index->known, keys[i], id);
          else
            g_free (keys[i]);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  return TRUE;
}

/* The keys of a participant read from a row, with the reason each gives. */
static GPtrArray *
keys_of (EscaleParticipant *participant)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const char *given = escale_participant_get_given_name (participant);
  const char *family = escale_participant_get_family_name (participant);
  int birth_year = escale_participant_get_number (participant, ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR);
  g_autofree char *email = _escale_email_key (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_EMAIL));
  g_autofree char *phone = _escale_phone_key (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_PHONE));
  g_autofree char *other_phone =
    _escale_phone_key (escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_OTHER_PHONE));
  g_autofree char *name = _escale_participant_name_key (given, family);
  g_autofree char *swapped = _escale_participant_name_key (family, given);
  char *candidates[] = {
    make_key (KEY_EMAIL, email, 0),
    make_key (KEY_PHONE, phone, 0),
    make_key (KEY_PHONE, other_phone, 0),
    make_key (KEY_NAME, name, birth_year),
    make_key (KEY_NAME, swapped, birth_year),
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (candidates[i] != NULL)
        g_ptr_array_add (keys, candidates[i]);
    }

  return keys;
}

static const char *
reason_of_key (const char *key)
{
  switch (key[0])
    {
    case 'e': return _("same email address");
    case 'p': return _("same phone number");
    default: return _("same name and year of birth");
    }
}

/* Fills @row's duplicate fields when @participant is likely someone known
 * or an earlier row; otherwise remembers its keys for the rows after it. */
static gboolean
find_duplicate (DuplicateIndex    *index,
                EscaleParticipant *participant,
                EscaleImportRow   *row)
{
  g_autoptr(GPtrArray) keys = keys_of (participant);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      gpointer value;

      if (g_hash_table_lookup_extended (index->known, key, NULL, &value))
        row->duplicate_of = (gint64) GPOINTER_TO_SIZE (value);
      else if (g_hash_table_lookup_extended (index->lines, key, NULL, &value))
        row->duplicate_of_line = GPOINTER_TO_UINT (value);
      else
        continue;

      row->duplicate_reason = g_strdup (reason_of_key (key));
      return TRUE;
    }

  for (guint i = 0; i < keys->len; i++)
    {
      if (!g_hash_table_contains (index->lines, keys->pdata[i]))
        g_hash_table_insert (index->lines, g_strdup (keys->pdata[i]), GUINT_TO_POINTER (row->line));
    }

  return FALSE;
}

/* The same person in the same words, whatever the order of the columns. */
static char *
fingerprint_of (const EscaleParticipantForm *form)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *value = escale_normalize_text (form->values[i]);

      if (value != NULL)
        g_checksum_update (checksum, (const guchar *) value, -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

typedef struct
{
  EscaleParticipantImport     *self;
  EscaleParticipantRepository *participants;
  EscaleDatabase              *database;
  GListModel                  *regions;
  DuplicateIndex               index;
  sqlite3_stmt                *find_fingerprint;
  sqlite3_stmt                *add_fingerprint;
} Pass;

static void
pass_clear (Pass *pass)
{
  duplicate_index_clear (&pass->index);
  g_clear_pointer (&pass->find_fingerprint, sqlite3_finalize);
  g_clear_pointer (&pass->add_fingerprint, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pass, pass_clear)

static gboolean
pass_init (Pass                         *pass,
           EscaleParticipantImport      *self,
           EscaleParticipantRepository  *participants,
           GListModel                   *regions,
           GError                      **error)
{
  pass->self = self;
  pass->participants = participants;
  pass->database = escale_participant_repository_get_database (participants);
  pass->regions = regions;

  pass->find_fingerprint = _escale_database_prepare (pass->database,
                                                     "SELECT participant_id FROM participant_import_row "
                                                     "WHERE fingerprint = ?",
                                                     error);
  pass->add_fingerprint = _escale_database_prepare (pass->database,
                                                    "INSERT OR IGNORE INTO participant_import_row "
                                                    "(fingerprint, participant_id) VALUES (?, ?)",
                                                    error);

  return pass->find_fingerprint != NULL && pass->add_fingerprint != NULL &&
         duplicate_index_load (&pass->index, pass->database, error);
}

static void
file_problems (EscaleParticipantImport *self,
               GPtrArray               *problems)
{
  EscaleParticipantField required[] = { ESCALE_PARTICIPANT_FIELD_GIVEN_NAME, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean mapped = FALSE;

      for (guint column = 0; self->header[column] != NULL; column++)
        mapped |= self->fields[column] == (int) required[i];

      if (!mapped)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("No column is read as “%s”: choose the column that holds it"),
                                          escale_participant_field_get_label (required[i])));
    }
}

/* Checks one row; returns the participant it describes when it has no
 * problem, and its fingerprint. */
static EscaleParticipant *
check_row (Pass             *pass,
           const Record     *record,
           EscaleImportRow  *row,
           char            **fingerprint)
{
  EscaleParticipantImport *self = pass->self;
  EscaleParticipantForm form = { { NULL } };
  g_autoptr(EscaleParticipant) participant = NULL;
  guint n_columns = g_strv_length (self->header);
  guint n_cells = g_strv_length (record->cells);
  gpointer line;

  row->line = record->line;
  row->problems = g_ptr_array_new_with_free_func (g_free);

  for (guint column = 0; column < n_columns && column < n_cells; column++)
    {
      if (self->fields[column] >= 0)
        form.values[self->fields[column]] = record->cells[column];
    }
  row->name = g_strjoin (" ",
                         form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] ? form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] : "",
                         form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] ? form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] : "",
                         NULL);
  g_strstrip (row->name);

  /* Extra empty cells at the end are what some spreadsheets write; any
   * other difference means the cells would land in the wrong columns. */
  if (n_cells < n_columns || (n_cells > n_columns && !is_blank ((const char * const *) record->cells + n_columns)))
    {
      g_ptr_array_add (row->problems,
                       g_strdup_printf (_("This row has %u cells where the first line names %u columns; "
                                          "it was left out so that no value lands in the wrong column"),
                                        n_cells, n_columns));
      row->outcome = ESCALE_IMPORT_OUTCOME_REJECTED;
      return NULL;
    }

  participant = escale_participant_new ();
  for (guint column = 0; column < n_columns; column++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;
      int field = self->fields[column];

      if (field < 0)
        continue;

      if (escale_participant_field_parse (field, form.values[field], pass->regions, &value, &error))
        g_object_set_property (G_OBJECT (participant), escale_participant_field_get_name (field), &value);
      else
        g_ptr_array_add (row->problems,
                         /* Translators: a column header, then what is wrong with its cell */
                         g_strdup_printf (_("Column “%s”: %s"), self->header[column], error->message));
    }

  if (row->problems->len > 0)
    {
      row->outcome = ESCALE_IMPORT_OUTCOME_REJECTED;
      return NULL;
    }

  /* A row repeated in the file is found first: during the import the first
   * copy's fingerprint is already written, and the check, which writes
   * nothing, must say the same as the import. */
  *fingerprint = fingerprint_of (&form);
  if (g_hash_table_lookup_extended (pass->index.fingerprints, *fingerprint, NULL, &line))
    {
      row->outcome = ESCALE_IMPORT_OUTCOME_DUPLICATE;
      row->duplicate_of_line = GPOINTER_TO_UINT (line);
      row->duplicate_reason = g_strdup (_("the same row"));
      return g_steal_pointer (&participant);
    }
  g_hash_table_insert (pass->index.fingerprints, g_strdup (*fingerprint), GUINT_TO_POINTER (row->line));

  sqlite3_reset (pass->find_fingerprint);
  _escale_bind_text (pass->find_fingerprint, 1, *fingerprint);
  if (sqlite3_step (pass->find_fingerprint) == SQLITE_ROW)
    {
      row->outcome = ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED;
      row->duplicate_of = sqlite3_column_int64 (pass->find_fingerprint, 0);
      return NULL;
    }

  row->outcome = find_duplicate (&pass->index, participant, row)
                   ? ESCALE_IMPORT_OUTCOME_DUPLICATE : ESCALE_IMPORT_OUTCOME_NEW;
  return g_steal_pointer (&participant);
}

static gboolean
write_row (Pass               *pass,
           EscaleParticipant  *participant,
           const char         *fingerprint,
           gint64              now,
           GArray             *pending,
           EscaleImportRow    *row,
           GError            **error)
{
  gint64 id;

  if (!_escale_participant_repository_write (pass->participants, participant, "import", now, pending, &id, error))
    return FALSE;

  sqlite3_reset (pass->add_fingerprint);
  _escale_bind_text (pass->add_fingerprint, 1, fingerprint);
  sqlite3_bind_int64 (pass->add_fingerprint, 2, id);
  if (!_escale_database_step_done (pass->database, pass->add_fingerprint, error))
    return FALSE;

  row->imported_id = id;
  return TRUE;
}

/* One pass over the rows: a check, or the import itself when @pending is
 * given (the caller holds the transaction). */
static EscaleImportReport *
run_pass (Pass                  *pass,
          GArray                *pending,
          gint64                 now,
          GCancellable          *cancellable,
          EscaleImportProgress   progress,
          gpointer               user_data,
          GError               **error)
{
  EscaleParticipantImport *self = pass->self;
  g_autoptr(EscaleImportReport) report = g_new0 (EscaleImportReport, 1);
  guint n = self->records->len;

  report->rows = g_ptr_array_new_full (n, import_row_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);

  file_problems (self, report->problems);
  if (report->problems->len > 0)
    return g_steal_pointer (&report);

  for (guint i = 0; i < n; i++)
    {
      EscaleImportRow *row = g_new0 (EscaleImportRow, 1);
      g_autoptr(EscaleParticipant) participant = NULL;
      g_autofree char *fingerprint = NULL;

      g_ptr_array_add (report->rows, row);
      participant = check_row (pass, self->records->pdata[i], row, &fingerprint);

      switch (row->outcome)
        {
        case ESCALE_IMPORT_OUTCOME_NEW: report->n_new++; break;
        case ESCALE_IMPORT_OUTCOME_DUPLICATE: report->n_duplicates++; break;
        case ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED: report->n_already_imported++; break;
        case ESCALE_IMPORT_OUTCOME_REJECTED: report->n_rejected++; break;
        default: g_assert_not_reached ();
        }

      if (pending != NULL && participant != NULL &&
          (row->outcome == ESCALE_IMPORT_OUTCOME_NEW || self->include_duplicates))
        {
          if (!write_row (pass, participant, fingerprint, now, pending, row, error))
            return NULL;
          report->n_imported++;
        }

      if ((i & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress ((double) i / n, user_data);
        }
    }

  /* A cancel between the last check and here still wins. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&report);
}

/**
 * escale_participant_import_check:
 * @regions: (nullable): the list of EscaleRegion, to read region names
 * @progress: (nullable): told how far the check is
 *
 * Reads every row as the import would, and writes nothing: the preview.
 *
 * Returns: (transfer full): the report, or %NULL when cancelled or when the
 *   database cannot be read
 */
EscaleImportReport *
escale_participant_import_check (EscaleParticipantImport      *self,
                                 EscaleParticipantRepository  *participants,
                                 GListModel                   *regions,
                                 GCancellable                 *cancellable,
                                 EscaleImportProgress          progress,
                                 gpointer                      user_data,
                                 GError                      **error)
{
  g_auto(Pass) pass = { 0 };
  EscaleImportReport *report;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), NULL);

  /* One read transaction: a consistent view, and no lock taken per row. */
  if (!pass_init (&pass, self, participants, regions, error) ||
      !_escale_database_begin_read (pass.database, error))
    return NULL;

  report = run_pass (&pass, NULL, 0, cancellable, progress, user_data, error);
  escale_database_rollback (pass.database);

  return report;
}

/**
 * escale_participant_import_run:
 *
 * Imports the rows without problems in one transaction: new people, and
 * likely duplicates when asked for. Rows imported before are skipped, so
 * importing the same file twice adds nobody the second time. Nobody gets
 * consent from an import: it is recorded later, with the person.
 *
 * Returns: (transfer full): the report, or %NULL with nothing written
 */
EscaleImportReport *
escale_participant_import_run (EscaleParticipantImport      *self,
                               EscaleParticipantRepository  *participants,
                               GListModel                   *regions,
                               GCancellable                 *cancellable,
                               EscaleImportProgress          progress,
                               gpointer                      user_data,
                               GError                      **error)
{
  g_auto(Pass) pass = { 0 };
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GArray) pending = _escale_participant_repository_new_pending ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), NULL);

  if (!pass_init (&pass, self, participants, regions, error) ||
      !escale_database_begin (pass.database, error))
    return NULL;

  report = run_pass (&pass, pending, now, cancellable, progress, user_data, error);
  if (report == NULL || report->problems->len > 0)
    {
      escale_database_rollback (pass.database);
      return g_steal_pointer (&report);
    }

  if (!escale_database_commit (pass.database, error))
    {
      escale_database_rollback (pass.database);
      return NULL;
    }

  report->committed = TRUE;
  _escale_participant_repository_apply_ids (participants, pending, now);
  return g_steal_pointer (&report);
}

typedef struct
{
  char                 *database_path;
  GListModel           *regions;
  gboolean              import;
  EscaleImportProgress  progress;
  gpointer              progress_data;
} ThreadWork;

static void
thread_work_free (gpointer data)
{
  ThreadWork *work = data;

  g_free (work->database_path);
  g_clear_object (&work->regions);
  g_free (work);
}

/* The worker has a connection of its own: the window's connection keeps
 * reading committed data while the import writes. */
static void
work_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EscaleParticipantImport *self = source_object;
  ThreadWork *work = task_data;
  g_autoptr(EscaleDatabase) database = NULL;
  g_autoptr(EscaleParticipantRepository) participants = NULL;
  EscaleImportReport *report = NULL;
  GError *error = NULL;

  database = escale_database_open (work->database_path, &error);
  if (database != NULL)
    participants = escale_participant_repository_new (database, &error);
  if (participants != NULL)
    report = work->import
               ? escale_participant_import_run (self, participants, work->regions, cancellable,
                                                work->progress, work->progress_data, &error)
               : escale_participant_import_check (self, participants, work->regions, cancellable,
                                                  work->progress, work->progress_data, &error);

  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) escale_import_report_free);
  else
    g_task_return_error (task, error);
}

static void
start_in_thread (EscaleParticipantImport *self,
                 gboolean                 import,
                 EscaleDatabase          *database,
                 GListModel              *regions,
                 GCancellable            *cancellable,
                 EscaleImportProgress     progress,
                 gpointer                 progress_data,
                 GAsyncReadyCallback      callback,
                 gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ThreadWork *work = g_new0 (ThreadWork, 1);

  work->database_path = g_strdup (escale_database_get_path (database));
  work->regions = regions != NULL ? g_object_ref (regions) : NULL;
  work->import = import;
  work->progress = progress;
  work->progress_data = progress_data;

  g_task_set_task_data (task, work, thread_work_free);
  g_task_run_in_thread (task, work_in_thread);
}

/**
 * escale_participant_import_check_async:
 * @database: the open database; the check reads it through a connection
 *   of its own, in another thread
 * @progress: (nullable): called from that thread
 *
 * Like escale_participant_import_check(), for a window. Do not change the
 * import until the check is finished.
 */
void
escale_participant_import_check_async (EscaleParticipantImport *self,
                                       EscaleDatabase          *database,
                                       GListModel              *regions,
                                       GCancellable            *cancellable,
                                       EscaleImportProgress     progress,
                                       gpointer                 progress_data,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (ESCALE_IS_DATABASE (database));

  start_in_thread (self, FALSE, database, regions, cancellable, progress, progress_data, callback, user_data);
}

/**
 * escale_participant_import_run_async:
 *
 * Like escale_participant_import_run(), in another thread with its own
 * connection. Once it is finished, call
 * escale_participant_repository_notify_changed() on the window's
 * repository so that its lists show the new people.
 */
void
escale_participant_import_run_async (EscaleParticipantImport *self,
                                     EscaleDatabase          *database,
                                     GListModel              *regions,
                                     GCancellable            *cancellable,
                                     EscaleImportProgress     progress,
                                     gpointer                 progress_data,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (ESCALE_IS_DATABASE (database));

  start_in_thread (self, TRUE, database, regions, cancellable, progress, progress_data, callback, user_data);
}

/**
 * escale_participant_import_finish:
 *
 * Ends a check or an import started in another thread.
 *
 * Returns: (transfer full): the report, or %NULL with the error
 */
EscaleImportReport *
escale_participant_import_finish (EscaleParticipantImport  *self,
                                  GAsyncResult             *result,
                                  GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
join_problems (const EscaleImportRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) row->problems->pdata[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * escale_participant_import_write_rejected:
 * @path: the CSV file to write
 *
 * Writes the rejected rows as they were, after their line number and
 * before what is wrong with them, so that the counsellor fixes them in a
 * spreadsheet and imports the fixed file.
 */
gboolean
escale_participant_import_write_rejected (EscaleParticipantImport  *self,
                                          EscaleImportReport       *report,
                                          const char               *path,
                                          char                      separator,
                                          GError                  **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(EscaleCsvWriter) writer = escale_csv_writer_new (stream, separator);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) contents = NULL;
  guint n_columns;
  guint width;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_IMPORT (self), FALSE);
  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  n_columns = g_strv_length (self->header);
  width = n_columns;
  for (guint i = 0; i < report->rows->len; i++)
    {
      const Record *record = self->records->pdata[i];
      EscaleImportRow *row = report->rows->pdata[i];

      if (row->outcome == ESCALE_IMPORT_OUTCOME_REJECTED)
        width = MAX (width, g_strv_length (record->cells));
    }

  g_ptr_array_add (cells, g_strdup (_("Line")));
  for (guint i = 0; i < width; i++)
    g_ptr_array_add (cells, g_strdup (i < n_columns ? self->header[i] : ""));
  g_ptr_array_add (cells, g_strdup (_("Problems")));
  if (!escale_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error))
    return FALSE;

  for (guint i = 0; i < report->rows->len; i++)
    {
      EscaleImportRow *row = report->rows->pdata[i];
      const Record *record = self->records->pdata[i];

      if (row->outcome != ESCALE_IMPORT_OUTCOME_REJECTED)
        continue;

      /* Every row as wide as the header, so that "Problems" stays in its
       * column: short rows are padded, the extra cells of long ones go in
       * columns of their own. */
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->line));
      for (guint j = 0; j < width; j++)
        g_ptr_array_add (cells, g_strdup (j < g_strv_length (record->cells) ? record->cells[j] : ""));
      g_ptr_array_add (cells, join_problems (row));

      if (!escale_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error))
        return FALSE;
    }

  if (!g_output_stream_close (stream, NULL, error))
    return FALSE;

  contents = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return escale_csv_write_file (path, contents, error);
}
