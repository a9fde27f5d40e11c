/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-model-private.h"
#include "escale-record.h"

typedef struct
{
  GValue *values;   /* indexed by property id - 1 */
} EscaleRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EscaleRecord, escale_record, G_TYPE_OBJECT)

/* The values are made on first use: while EscaleRecord's own init runs,
 * the instance still has EscaleRecord's class, which has no fields. */
static GValue *
value_of (gpointer self,
          guint    prop_id)
{
  /* @self is a record: the public accessors check it, and the store
   * hands only records. A checked cast would be paid again on each field
   * of each record read or written. */
  EscaleRecordPrivate *priv = escale_record_get_instance_private ((EscaleRecord *) self);
  EscaleRecordClass *klass = ESCALE_RECORD_GET_CLASS (self);

  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          GParamSpec *pspec = klass->properties[i + 1];

          g_value_init (&priv->values[i], pspec->value_type);
          g_param_value_set_default (pspec, &priv->values[i]);
        }
    }

  return &priv->values[prop_id - 1];
}

static void
escale_record_finalize (GObject *object)
{
  EscaleRecordPrivate *priv = escale_record_get_instance_private (ESCALE_RECORD (object));
  guint n_fields = ESCALE_RECORD_GET_CLASS (object)->n_fields;

  for (guint i = 0; priv->values != NULL && i < n_fields; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (escale_record_parent_class)->finalize (object);
}

static void
escale_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  g_value_copy (value_of (object, prop_id), value);
}

static void
escale_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  _escale_record_set_value (object, prop_id, value);
}

static void
escale_record_class_init (EscaleRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_record_finalize;
}

static void
escale_record_init (EscaleRecord *self)
{
}

/**
 * _escale_record_class_install:
 * @fields: (array length=n_fields): the fields, whose property ids are
 *   their index + 1
 *
 * For the class_init of a subclass.
 */
void
_escale_record_class_install (EscaleRecordClass       *klass,
                              const EscaleRecordField *fields,
                              guint                    n_fields)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* GObject does not pass these on to subclasses: each gets its own. */
  G_OBJECT_CLASS (klass)->get_property = escale_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = escale_record_set_property;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->properties = g_new0 (GParamSpec *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    {
      const EscaleRecordField *field = &fields[i];
      GParamSpec *pspec;

      if (field->type == G_TYPE_STRING)
        pspec = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
      else if (field->type == G_TYPE_INT)
        pspec = g_param_spec_int (field->name, NULL, NULL, (int) field->minimum, (int) field->maximum,
                                  (int) field->minimum, flags);
      else if (field->type == G_TYPE_INT64)
        pspec = g_param_spec_int64 (field->name, NULL, NULL, field->minimum, field->maximum, field->minimum, flags);
      else if (field->type == G_TYPE_DOUBLE)
        pspec = g_param_spec_double (field->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
      else if (field->type == G_TYPE_BOOLEAN)
        pspec = g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
      else if (G_TYPE_IS_ENUM (field->type))
        pspec = g_param_spec_enum (field->name, NULL, NULL, field->type, (int) field->minimum, flags);
      else
        g_assert_not_reached ();

      klass->properties[i + 1] = pspec;
    }

  g_object_class_install_properties (G_OBJECT_CLASS (klass), n_fields + 1, klass->properties);
}

const GValue *
_escale_record_get_value (gpointer self,
                          guint    prop_id)
{
  return value_of (self, prop_id);
}

void
_escale_record_set_value (gpointer      self,
                          guint         prop_id,
                          const GValue *value)
{
  GValue *stored = value_of (self, prop_id);
  GParamSpec *pspec = ESCALE_RECORD_GET_CLASS (self)->properties[prop_id];

  if (g_param_values_cmp (pspec, stored, value) == 0)
    return;

  g_value_copy (value, stored);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* The stored value of a field, to be filled in place while the record is
 * read from storage and nobody observes it yet: no comparison and no
 * notification, which cost more than the reading itself. */
GValue *
_escale_record_load_value (gpointer self,
                           guint    prop_id)
{
  return value_of (self, prop_id);
}

const char *
_escale_record_get_string (gpointer self,
                           guint    prop_id)
{
  return g_value_get_string (value_of (self, prop_id));
}

/* Empty text is no text: a cleared entry stores NULL. */
void
_escale_record_set_string (gpointer    self,
                           guint       prop_id,
                           const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text != NULL && *text != '\0' ? text : NULL);
  _escale_record_set_value (self, prop_id, &value);
}

gint64
_escale_record_get_integer (gpointer self,
                            guint    prop_id)
{
  const GValue *value = value_of (self, prop_id);

  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (value);
    case G_TYPE_INT:
      return g_value_get_int (value);
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (value);
    case G_TYPE_ENUM:
      return g_value_get_enum (value);
    default:
      g_assert_not_reached ();
    }
}

void
_escale_record_set_integer (gpointer self,
                            guint    prop_id,
                            gint64   number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_VALUE_TYPE (value_of (self, prop_id)));
  if (G_VALUE_HOLDS_INT64 (&value))
    g_value_set_int64 (&value, number);
  else if (G_VALUE_HOLDS_INT (&value))
    g_value_set_int (&value, (int) number);
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    g_value_set_boolean (&value, number != 0);
  else if (G_VALUE_HOLDS_ENUM (&value))
    g_value_set_enum (&value, (int) number);
  else
    g_assert_not_reached ();
  _escale_record_set_value (self, prop_id, &value);
}

double
_escale_record_get_double (gpointer self,
                           guint    prop_id)
{
  return g_value_get_double (value_of (self, prop_id));
}

void
_escale_record_set_double (gpointer self,
                           guint    prop_id,
                           double   number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  _escale_record_set_value (self, prop_id, &value);
}

/* Coordinates are three fields in a row: whether there are any, the
 * latitude and the longitude. */
gboolean
_escale_record_get_coordinates (gpointer  self,
                                guint     has_coordinates,
                                double   *latitude,
                                double   *longitude)
{
  if (!_escale_record_get_integer (self, has_coordinates))
    return FALSE;

  if (latitude != NULL)
    *latitude = _escale_record_get_double (self, has_coordinates + 1);
  if (longitude != NULL)
    *longitude = _escale_record_get_double (self, has_coordinates + 2);
  return TRUE;
}

void
_escale_record_set_coordinates (gpointer self,
                                guint    has_coordinates,
                                double   latitude,
                                double   longitude)
{
  g_object_freeze_notify (G_OBJECT (self));
  _escale_record_set_double (self, has_coordinates + 1, latitude);
  _escale_record_set_double (self, has_coordinates + 2, longitude);
  _escale_record_set_integer (self, has_coordinates, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Returns: the property id of @name, or 0 */
guint
_escale_record_find_property (gpointer    self,
                              const char *name)
{
  EscaleRecordClass *klass = ESCALE_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (g_str_equal (klass->fields[i].name, name))
        return i + 1;
    }

  return 0;
}

/* Copies every field of @source, which is of the same type. */
void
_escale_record_copy_fields (gpointer destination,
                            gpointer source)
{
  guint n_fields = ESCALE_RECORD_GET_CLASS (source)->n_fields;

  g_return_if_fail (G_OBJECT_TYPE (destination) == G_OBJECT_TYPE (source));

  for (guint i = 1; i <= n_fields; i++)
    g_value_copy (value_of (source, i), value_of (destination, i));
}
