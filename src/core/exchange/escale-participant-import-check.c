/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-database-private.h"
#include "escale-participant-form.h"
#include "escale-participant-import-private.h"

/* What each row of a file is: rejected for a wrong cell, a row imported
 * before, a likely duplicate of someone known or of an earlier row, or a
 * new person. The checker reads people and fingerprints from the database
 * once, before the rows; after that it needs no database at all, so that
 * an import checks its rows in one thread while another writes them. Rows
 * must be checked in the order of the file: each one is compared with the
 * rows before it. */

#define DIGEST_SIZE 32

/* A status, a level or a list of regions takes a few distinct values over
 * thousands of rows; each is read once. The limit bounds the memory a file
 * of odd values takes. */
#define MAX_REMEMBERED 1024

/* What a cell's text reads as: a value, or what is wrong with it. */
typedef struct
{
  GValue  value;
  char   *message;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  if (G_IS_VALUE (&reading->value))
    g_value_unset (&reading->value);
  g_free (reading->message);
  g_free (reading);
}

struct _EscaleImportChecker
{
  /* Borrowed */
  EscaleParticipantImport *import;
  GListModel              *regions;

  /* Owned */
  GHashTable              *known;        /* "e:email", "p:phone", "n:name year" → participant id */
  GHashTable              *lines;        /* the same keys → line of an earlier row of the file */
  GHashTable              *imported;     /* digest → participant id, for rows imported before */
  GHashTable              *fingerprints; /* digest → line, for rows repeated in the file */
  GHashTable              *readings[ESCALE_N_PARTICIPANT_FIELDS]; /* cell → Reading, or NULL */
  GStringChunk            *keys_text;    /* the keys of known, lines, imported and fingerprints */
  GChecksum               *checksum;
  GString                 *keys;         /* the keys of the row being checked */
  GValue                   defaults[ESCALE_N_PARTICIPANT_FIELDS];
  guint                    n_columns;
};

gboolean
_escale_import_cells_are_blank (const char * const *cells)
{
  /* Blank as escale_normalize_text() sees it: nothing but spaces of any
   * kind, without copying every cell to find out. */
  for (guint i = 0; cells[i] != NULL; i++)
    {
      for (const char *p = cells[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          if ((guchar) *p < 0x80 ? !g_ascii_isspace (*p) : !g_unichar_isspace (g_utf8_get_char (p)))
            return FALSE;
        }
    }

  return TRUE;
}

/* SHA-256 digests are spread evenly: their first bytes are a hash. */
static guint
digest_hash (gconstpointer key)
{
  guint hash;

  memcpy (&hash, key, sizeof hash);
  return hash;
}

static gboolean
digest_equal (gconstpointer a,
              gconstpointer b)
{
  return memcmp (a, b, DIGEST_SIZE) == 0;
}

static gboolean
digest_from_hex (const char *hex,
                 guint8      digest[DIGEST_SIZE])
{
  if (hex == NULL || strlen (hex) != 2 * DIGEST_SIZE)
    return FALSE;

  for (guint i = 0; i < DIGEST_SIZE; i++)
    {
      int high = g_ascii_xdigit_value (hex[2 * i]);
      int low = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      digest[i] = (guint8) (high << 4 | low);
    }

  return TRUE;
}

/* The hexadecimal text g_checksum_get_string() gives. */
static void
digest_to_hex (const guint8 digest[DIGEST_SIZE],
               char         hex[2 * DIGEST_SIZE + 1])
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < DIGEST_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * DIGEST_SIZE] = '\0';
}

typedef enum
{
  KEY_EMAIL,
  KEY_PHONE,
  KEY_NAME,
} KeyKind;

/* Appends the key and its NUL to @keys; returns whether there is one. */
static gboolean
append_key (GString    *keys,
            KeyKind     kind,
            const char *value,
            int         birth_year)
{
  if (value == NULL || *value == '\0')
    return FALSE;

  switch (kind)
    {
    case KEY_EMAIL:
      g_string_append (keys, "e:");
      g_string_append (keys, value);
      break;
    case KEY_PHONE:
      g_string_append (keys, "p:");
      g_string_append (keys, value);
      break;
    case KEY_NAME:
    default:
      if (birth_year <= 0)
        return FALSE;
      g_string_append_printf (keys, "n:%s %d", value, birth_year);
      break;
    }

  g_string_append_c (keys, '\0');
  return TRUE;
}

EscaleImportChecker *
_escale_import_checker_new (EscaleParticipantImport *import,
                            GListModel              *regions)
{
  EscaleImportChecker *self = g_new0 (EscaleImportChecker, 1);
  g_autoptr(EscaleParticipant) blank = escale_participant_new ();

  self->import = import;
  self->regions = regions;
  self->n_columns = g_strv_length (import->header);
  /* Hundreds of thousands of keys, kept until the end of the pass: they
   * are stored end to end, and freed at once. */
  self->keys_text = g_string_chunk_new (64 * 1024);
  self->known = g_hash_table_new (g_str_hash, g_str_equal);
  self->lines = g_hash_table_new (g_str_hash, g_str_equal);
  self->imported = g_hash_table_new (digest_hash, digest_equal);
  self->fingerprints = g_hash_table_new (digest_hash, digest_equal);
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->keys = g_string_sized_new (256);

  /* A row starts as a new participant does: French, years of experience
   * unknown, and so on. */
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      const GValue *value = escale_participant_get_value (blank, i);

      g_value_init (&self->defaults[i], G_VALUE_TYPE (value));
      g_value_copy (value, &self->defaults[i]);

      /* Free text is different on every row; choices, numbers and
       * lists of regions are not. */
      if (!G_VALUE_HOLDS_STRING (value) || i == ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE)
        self->readings[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, reading_free);
    }

  return self;
}

void
_escale_import_checker_free (EscaleImportChecker *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->known);
  g_hash_table_unref (self->lines);
  g_hash_table_unref (self->imported);
  g_hash_table_unref (self->fingerprints);
  g_string_chunk_free (self->keys_text);
  g_checksum_free (self->checksum);
  g_string_free (self->keys, TRUE);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_value_unset (&self->defaults[i]);
      g_clear_pointer (&self->readings[i], g_hash_table_unref);
    }
  g_free (self);
}

/* The keys of people already known, to find duplicates with hash lookups
 * rather than a query per row. */
gboolean
_escale_import_checker_load_known (EscaleImportChecker  *self,
                                   EscaleDatabase       *database,
                                   GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _escale_database_prepare (database,
                                   "SELECT id, email_key, phone_key, other_phone_key, name_key, birth_year FROM participant",
                                   error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer id = GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0));
      const char *key;

      g_string_truncate (self->keys, 0);
      append_key (self->keys, KEY_EMAIL, _escale_column_text (stmt, 1), 0);
      append_key (self->keys, KEY_PHONE, _escale_column_text (stmt, 2), 0);
      append_key (self->keys, KEY_PHONE, _escale_column_text (stmt, 3), 0);
      append_key (self->keys, KEY_NAME, _escale_column_text (stmt, 4), sqlite3_column_int (stmt, 5));

      for (key = self->keys->str; key < self->keys->str + self->keys->len; key += strlen (key) + 1)
        {
          if (!g_hash_table_contains (self->known, key))
            g_hash_table_insert (self->known, g_string_chunk_insert (self->keys_text, key), id);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  return TRUE;
}

/* The fingerprints of the rows imported before, read in the transaction of
 * the pass: a row whose fingerprint is there was imported already. */
gboolean
_escale_import_checker_load_imported (EscaleImportChecker  *self,
                                      EscaleDatabase       *database,
                                      GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _escale_database_prepare (database, "SELECT fingerprint, participant_id FROM participant_import_row", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint8 digest[DIGEST_SIZE];

      /* Anything but a fingerprint this import computes can match no row. */
      if (digest_from_hex (_escale_column_text (stmt, 0), digest))
        g_hash_table_insert (self->imported, g_string_chunk_insert_len (self->keys_text, (const char *) digest, DIGEST_SIZE),
                             GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return FALSE;
    }

  return TRUE;
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

/* Fills @row's duplicate fields when @stored is likely someone known or an
 * earlier row; otherwise remembers its keys for the rows after it. */
static gboolean
find_duplicate (EscaleImportChecker        *self,
                const EscaleParticipantRow *stored,
                EscaleImportRow            *row)
{
  int birth_year = g_value_get_int (stored->values[ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR]);
  const char *end;
  const char *key;

  g_string_truncate (self->keys, 0);
  append_key (self->keys, KEY_EMAIL, stored->email_key, 0);
  append_key (self->keys, KEY_PHONE, stored->phone_key, 0);
  append_key (self->keys, KEY_PHONE, stored->other_phone_key, 0);
  append_key (self->keys, KEY_NAME, stored->name_key, birth_year);
  append_key (self->keys, KEY_NAME, stored->sort_key, birth_year);
  end = self->keys->str + self->keys->len;

  for (key = self->keys->str; key < end; key += strlen (key) + 1)
    {
      gpointer value;

      if (g_hash_table_lookup_extended (self->known, key, NULL, &value))
        row->duplicate_of = (gint64) GPOINTER_TO_SIZE (value);
      else if (g_hash_table_lookup_extended (self->lines, key, NULL, &value))
        row->duplicate_of_line = GPOINTER_TO_UINT (value);
      else
        continue;

      row->duplicate_reason = g_strdup (reason_of_key (key));
      return TRUE;
    }

  for (key = self->keys->str; key < end; key += strlen (key) + 1)
    {
      if (!g_hash_table_contains (self->lines, key))
        g_hash_table_insert (self->lines, g_string_chunk_insert (self->keys_text, key), GUINT_TO_POINTER (row->line));
    }

  return FALSE;
}

/* Feeds @text to the checksum as escale_normalize_text() gives it, spaces
 * of every kind trimmed and collapsed into one, without copying it: the
 * fingerprints of the rows imported before are made of these bytes. */
static void
update_normalized (GChecksum  *checksum,
                   const char *text)
{
  const char *run = NULL;
  gboolean space = FALSE;
  gboolean any = FALSE;
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *next = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
      gboolean is_space = (guchar) *p < 0x80 ? g_ascii_isspace (*p) : g_unichar_isspace (g_utf8_get_char (p));

      if (is_space)
        {
          if (run != NULL)
            g_checksum_update (checksum, (const guchar *) run, p - run);
          run = NULL;
          space = TRUE;
        }
      else if (run == NULL)
        {
          if (space && any)
            g_checksum_update (checksum, (const guchar *) " ", 1);
          run = p;
          any = TRUE;
          space = FALSE;
        }
      p = next;
    }

  if (run != NULL)
    g_checksum_update (checksum, (const guchar *) run, p - run);
}

/* The same person in the same words, whatever the order of the columns. */
static void
fingerprint_of (EscaleImportChecker         *self,
                const EscaleParticipantForm *form,
                guint8                       digest[DIGEST_SIZE])
{
  gsize size = DIGEST_SIZE;

  g_checksum_reset (self->checksum);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      update_normalized (self->checksum, form->values[i]);
      g_checksum_update (self->checksum, (const guchar *) "\x1f", 1);
    }

  g_checksum_get_digest (self->checksum, digest, &size);
  g_assert (size == DIGEST_SIZE);
}

/* A parsed value as EscaleParticipant stores it: empty text is no text and
 * an empty list no list. */
static void
normalize_value (GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value) && g_strcmp0 (g_value_get_string (value), "") == 0)
    g_value_set_string (value, NULL);
  else if (G_VALUE_HOLDS (value, G_TYPE_STRV) &&
           (g_value_get_boxed (value) == NULL || *(char **) g_value_get_boxed (value) == NULL))
    g_value_set_boxed (value, NULL);
}

/* Points @slot at @value, which outlives it: the checker's defaults and
 * remembered readings outlive the candidates. */
static void
borrow_value (GValue       *slot,
              const GValue *value)
{
  g_value_init (slot, G_VALUE_TYPE (value));
  if (G_VALUE_HOLDS_STRING (value))
    g_value_set_static_string (slot, g_value_get_string (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    g_value_set_static_boxed (slot, g_value_get_boxed (value));
  else
    g_value_copy (value, slot);
}

/* Reads a cell into @slot; %FALSE with @message when it is wrong. */
static gboolean
read_cell (EscaleImportChecker     *self,
           EscaleParticipantField   field,
           const char              *text,
           GValue                  *slot,
           const char             **message,
           GError                 **error)
{
  GHashTable *readings = text != NULL ? self->readings[field] : NULL;
  GValue parsed = G_VALUE_INIT;
  Reading *reading;

  if (readings != NULL && (reading = g_hash_table_lookup (readings, text)) != NULL)
    {
      *message = reading->message;
      if (reading->message != NULL)
        return FALSE;

      g_value_unset (slot);
      borrow_value (slot, &reading->value);
      return TRUE;
    }

  if (!escale_participant_field_parse (field, text, self->regions, &parsed, error))
    {
      *message = (*error)->message;
      if (readings != NULL && g_hash_table_size (readings) < MAX_REMEMBERED)
        {
          reading = g_new0 (Reading, 1);
          reading->message = g_strdup ((*error)->message);
          g_hash_table_insert (readings, g_strdup (text), reading);
        }
      return FALSE;
    }

  normalize_value (&parsed);
  g_value_unset (slot);
  if (readings != NULL && g_hash_table_size (readings) < MAX_REMEMBERED)
    {
      reading = g_new0 (Reading, 1);
      reading->value = parsed;
      g_hash_table_insert (readings, g_strdup (text), reading);
      borrow_value (slot, &reading->value);
    }
  else
    {
      /* The value moves into the slot. */
      *slot = parsed;
    }

  return TRUE;
}

/**
 * _escale_import_checker_check:
 * @row: a report row to fill
 * @candidate: where to put the person the row describes
 *
 * Checks the next row of the file.
 *
 * Returns: whether the row describes someone to import: a new person or a
 *   likely duplicate; then @candidate holds them
 */
gboolean
_escale_import_checker_check (EscaleImportChecker      *self,
                              const EscaleImportRecord *record,
                              EscaleImportRow          *row,
                              EscaleImportCandidate    *candidate)
{
  const char * const *header = (const char * const *) self->import->header;
  const int *fields = self->import->fields;
  EscaleParticipantForm form = { { NULL } };
  const GValue *values[ESCALE_N_PARTICIPANT_FIELDS];
  guint8 digest[DIGEST_SIZE];
  guint n_columns = self->n_columns;
  guint n_cells = g_strv_length (record->cells);
  gpointer value;

  row->line = record->line;
  row->problems = g_ptr_array_new_with_free_func (g_free);

  for (guint column = 0; column < n_columns && column < n_cells; column++)
    {
      if (fields[column] >= 0)
        form.values[fields[column]] = record->cells[column];
    }
  row->name = g_strjoin (" ",
                         form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] ? form.values[ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] : "",
                         form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] ? form.values[ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] : "",
                         NULL);
  g_strstrip (row->name);

  /* Extra empty cells at the end are what some spreadsheets write; any
   * other difference means the cells would land in the wrong columns. */
  if (n_cells < n_columns ||
      (n_cells > n_columns && !_escale_import_cells_are_blank ((const char * const *) record->cells + n_columns)))
    {
      g_ptr_array_add (row->problems,
                       g_strdup_printf (_("This row has %u cells where the first line names %u columns; "
                                          "it was left out so that no value lands in the wrong column"),
                                        n_cells, n_columns));
      row->outcome = ESCALE_IMPORT_OUTCOME_REJECTED;
      return FALSE;
    }

  if (!candidate->has_values)
    {
      for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
        borrow_value (&candidate->values[i], &self->defaults[i]);
      candidate->has_values = TRUE;
    }
  _escale_participant_row_clear (&candidate->stored);
  candidate->has_keys = FALSE;

  for (guint column = 0; column < n_columns; column++)
    {
      g_autoptr(GError) error = NULL;
      const char *message = NULL;
      int field = fields[column];

      if (field < 0)
        continue;

      if (!read_cell (self, field, form.values[field], &candidate->values[field], &message, &error))
        g_ptr_array_add (row->problems,
                         /* Translators: a column header, then what is wrong with its cell */
                         g_strdup_printf (_("Column “%s”: %s"), header[column], message));
    }

  if (row->problems->len > 0)
    {
      row->outcome = ESCALE_IMPORT_OUTCOME_REJECTED;
      return FALSE;
    }

  /* A row repeated in the file is found first: during the import the first
   * copy's fingerprint is already written, and the check, which writes
   * nothing, must say the same as the import. */
  fingerprint_of (self, &form, digest);
  digest_to_hex (digest, candidate->fingerprint);
  if (g_hash_table_lookup_extended (self->fingerprints, digest, NULL, &value))
    {
      row->outcome = ESCALE_IMPORT_OUTCOME_DUPLICATE;
      row->duplicate_of_line = GPOINTER_TO_UINT (value);
      row->duplicate_reason = g_strdup (_("the same row"));
      return TRUE;
    }
  g_hash_table_insert (self->fingerprints, g_string_chunk_insert_len (self->keys_text, (const char *) digest, DIGEST_SIZE),
                       GUINT_TO_POINTER (row->line));

  if (g_hash_table_lookup_extended (self->imported, digest, NULL, &value))
    {
      row->outcome = ESCALE_IMPORT_OUTCOME_ALREADY_IMPORTED;
      row->duplicate_of = (gint64) GPOINTER_TO_SIZE (value);
      return FALSE;
    }

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    values[i] = &candidate->values[i];
  _escale_participant_row_init (&candidate->stored, values);
  candidate->has_keys = TRUE;

  row->outcome = find_duplicate (self, &candidate->stored, row)
                   ? ESCALE_IMPORT_OUTCOME_DUPLICATE : ESCALE_IMPORT_OUTCOME_NEW;
  return TRUE;
}

/**
 * _escale_import_candidate_prepare:
 *
 * Computes what writing the person needs and checking them did not.
 */
void
_escale_import_candidate_prepare (EscaleImportCandidate *candidate)
{
  if (!candidate->has_keys)
    {
      const GValue *values[ESCALE_N_PARTICIPANT_FIELDS];

      for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
        values[i] = &candidate->values[i];
      _escale_participant_row_init (&candidate->stored, values);
      candidate->has_keys = TRUE;
    }

  _escale_participant_row_fold_search (&candidate->stored);
}

void
_escale_import_candidate_clear (EscaleImportCandidate *candidate)
{
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      if (G_IS_VALUE (&candidate->values[i]))
        g_value_unset (&candidate->values[i]);
    }

  _escale_participant_row_clear (&candidate->stored);
  candidate->has_values = FALSE;
  candidate->has_keys = FALSE;
}
