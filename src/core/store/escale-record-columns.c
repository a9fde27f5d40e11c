/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-participant-choices.h"
#include "escale-record-columns.h"

/* The property ids of a list of columns, found once per list: the lists
 * are the store's static arrays, each for one type of record, and looking
 * the names up on each row cost more than reading the row. */
typedef struct
{
  GType type;
  guint ids[];
} ColumnIds;

static const guint *
find_properties (gpointer            record,
                 const char * const *properties,
                 guint               n_properties)
{
  G_LOCK_DEFINE_STATIC (found);
  static GHashTable *found;   /* properties → ColumnIds */
  ColumnIds *columns;

  G_LOCK (found);
  if (found == NULL)
    found = g_hash_table_new (NULL, NULL);
  columns = g_hash_table_lookup (found, properties);
  if (columns == NULL)
    {
      columns = g_malloc (sizeof (ColumnIds) + n_properties * sizeof (guint));
      columns->type = G_OBJECT_TYPE (record);
      for (guint i = 0; i < n_properties; i++)
        {
          columns->ids[i] = _escale_record_find_property (record, properties[i]);
          g_assert (columns->ids[i] != 0);
        }
      g_hash_table_insert (found, (gpointer) properties, columns);
    }
  G_UNLOCK (found);

  g_assert (columns->type == G_OBJECT_TYPE (record));
  return columns->ids;
}

static gboolean
is_unset (GParamSpec   *pspec,
          const GValue *value)
{
  if (G_IS_PARAM_SPEC_INT64 (pspec))
    return G_PARAM_SPEC_INT64 (pspec)->minimum >= -1 && G_PARAM_SPEC_INT64 (pspec)->minimum <= 0 &&
           g_value_get_int64 (value) == G_PARAM_SPEC_INT64 (pspec)->minimum;
  if (G_IS_PARAM_SPEC_INT (pspec))
    return G_PARAM_SPEC_INT (pspec)->minimum >= -1 && G_PARAM_SPEC_INT (pspec)->minimum <= 0 &&
           g_value_get_int (value) == G_PARAM_SPEC_INT (pspec)->minimum;
  return FALSE;
}

void
_escale_record_bind_columns (sqlite3_stmt       *stmt,
                             int                 first_param,
                             gpointer            record,
                             const char * const *properties,
                             guint               n_properties)
{
  const guint *ids = find_properties (record, properties, n_properties);

  for (guint i = 0; i < n_properties; i++)
    {
      guint prop_id = ids[i];
      GParamSpec *pspec = ESCALE_RECORD_GET_CLASS (record)->properties[prop_id];
      const GValue *value = _escale_record_get_value (record, prop_id);
      int param = first_param + (int) i;

      if (is_unset (pspec, value))
        sqlite3_bind_null (stmt, param);
      else if (G_VALUE_HOLDS_STRING (value))
        _escale_bind_text (stmt, param, g_value_get_string (value));
      else if (G_VALUE_HOLDS_ENUM (value))
        sqlite3_bind_text (stmt, param, escale_choice_get_nick (G_VALUE_TYPE (value), g_value_get_enum (value)), -1,
                           SQLITE_STATIC);
      else if (G_VALUE_HOLDS_DOUBLE (value))
        sqlite3_bind_double (stmt, param, g_value_get_double (value));
      else
        sqlite3_bind_int64 (stmt, param, _escale_record_get_integer (record, prop_id));
    }
}

/* Fills the fields of a record just made (or reused by a reader of its
 * own) from the columns of a row: nobody is notified. */
void
_escale_record_read_columns (sqlite3_stmt       *stmt,
                             int                 first_column,
                             gpointer            record,
                             const char * const *properties,
                             guint               n_properties)
{
  const guint *ids = find_properties (record, properties, n_properties);

  for (guint i = 0; i < n_properties; i++)
    {
      guint prop_id = ids[i];
      GParamSpec *pspec = ESCALE_RECORD_GET_CLASS (record)->properties[prop_id];
      GValue *value = _escale_record_load_value (record, prop_id);
      int column = first_column + (int) i;

      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        {
          g_param_value_set_default (pspec, value);
          continue;
        }

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          g_value_set_string (value, _escale_column_text (stmt, column));
          break;
        case G_TYPE_ENUM:
          {
            int choice = 0;

            if (!escale_choice_from_nick (pspec->value_type, _escale_column_text (stmt, column), &choice))
              g_warning ("Unknown value “%s” for %s", _escale_column_text (stmt, column), properties[i]);
            g_value_set_enum (value, choice);
          }
          break;
        case G_TYPE_DOUBLE:
          g_value_set_double (value, sqlite3_column_double (stmt, column));
          break;
        case G_TYPE_INT64:
          g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
          break;
        case G_TYPE_INT:
          g_value_set_int (value, sqlite3_column_int (stmt, column));
          break;
        case G_TYPE_BOOLEAN:
          g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Appends the column names of @properties, each followed by @suffix
 * (" = ?" for an UPDATE, "" for a list), separated by @separator. */
void
_escale_record_append_columns (GString            *sql,
                               const char * const *properties,
                               guint               n_properties,
                               const char         *separator,
                               const char         *suffix)
{
  for (guint i = 0; i < n_properties; i++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (properties[i]), "-", '_');

      g_string_append_printf (sql, "%s%s%s", i > 0 ? separator : "", column, suffix);
    }
}
