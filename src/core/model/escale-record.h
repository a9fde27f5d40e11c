/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* EscaleRecord: the base of the event's objects (the event, its stops,
 * vehicles and tasks, a registration), whose fields are GObject properties
 * declared by a table. Getters and setters of the subclasses read and
 * write the values here; a setter notifies only real changes, so the
 * editors can follow an object with property bindings. Internal to the
 * core: the subclasses' headers are the API. */

#define ESCALE_TYPE_RECORD (escale_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (EscaleRecord, escale_record, ESCALE, RECORD, GObject)

/**
 * EscaleRecordField:
 * @name: the property's name
 * @type: G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DOUBLE,
 *   G_TYPE_BOOLEAN or an enumeration
 * @minimum: for integers, the smallest value (the default, too)
 * @maximum: for integers, the largest value
 */
typedef struct
{
  const char *name;
  GType       type;
  gint64      minimum;
  gint64      maximum;
} EscaleRecordField;

struct _EscaleRecordClass
{
  GObjectClass             parent_class;

  /*< private >*/
  const EscaleRecordField *fields;
  guint                    n_fields;
  GParamSpec             **properties;   /* indexed by property id, from 1 */
};

void          _escale_record_class_install (EscaleRecordClass       *klass,
                                            const EscaleRecordField *fields,
                                            guint                    n_fields);
const GValue *_escale_record_get_value     (gpointer                 self,
                                            guint                    prop_id);
void          _escale_record_set_value     (gpointer                 self,
                                            guint                    prop_id,
                                            const GValue            *value);
GValue       *_escale_record_load_value    (gpointer                 self,
                                            guint                    prop_id);
const char   *_escale_record_get_string    (gpointer                 self,
                                            guint                    prop_id);
void          _escale_record_set_string    (gpointer                 self,
                                            guint                    prop_id,
                                            const char              *text);
gint64        _escale_record_get_integer   (gpointer                 self,
                                            guint                    prop_id);
void          _escale_record_set_integer   (gpointer                 self,
                                            guint                    prop_id,
                                            gint64                   number);
double        _escale_record_get_double    (gpointer                 self,
                                            guint                    prop_id);
void          _escale_record_set_double    (gpointer                 self,
                                            guint                    prop_id,
                                            double                   number);
gboolean      _escale_record_get_coordinates (gpointer               self,
                                              guint                  has_coordinates,
                                              double                *latitude,
                                              double                *longitude);
void          _escale_record_set_coordinates (gpointer               self,
                                              guint                  has_coordinates,
                                              double                 latitude,
                                              double                 longitude);
guint         _escale_record_find_property (gpointer                 self,
                                            const char              *name);
void          _escale_record_copy_fields   (gpointer                 destination,
                                            gpointer                 source);

G_END_DECLS
