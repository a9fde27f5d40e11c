/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-contact.h"
#include "escale-model-private.h"

/* A person at a partner organisation. */
struct _EscaleContact
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *role;
  char    *email;
  char    *phone;
};

G_DEFINE_FINAL_TYPE (EscaleContact, escale_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (EscaleContact *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_ROLE: return &self->role;
    case PROP_EMAIL: return &self->email;
    case PROP_PHONE: return &self->phone;
    default: return NULL;
    }
}

static void
escale_contact_finalize (GObject *object)
{
  EscaleContact *self = (EscaleContact *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (escale_contact_parent_class)->finalize (object);
}

static void
escale_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscaleContact *self = ESCALE_CONTACT (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
escale_contact_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscaleContact *self = ESCALE_CONTACT (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      if (_escale_set_string (field, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == PROP_ID)
    {
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
escale_contact_class_init (EscaleContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = escale_contact_finalize;
  object_class->get_property = escale_contact_get_property;
  object_class->set_property = escale_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_contact_init (EscaleContact *self)
{
}

EscaleContact *
escale_contact_new (void)
{
  return g_object_new (ESCALE_TYPE_CONTACT, NULL);
}

/**
 * escale_contact_copy:
 *
 * Returns: (transfer full): an independent copy, for an editor to change
 */
EscaleContact *
escale_contact_copy (EscaleContact *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT (self), NULL);

  return g_object_new (ESCALE_TYPE_CONTACT,
                       "id", self->id,
                       "name", self->name,
                       "role", self->role,
                       "email", self->email,
                       "phone", self->phone,
                       NULL);
}

gint64
escale_contact_get_id (EscaleContact *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT (self), 0);
  return self->id;
}

const char *
escale_contact_get_name (EscaleContact *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT (self), NULL);
  return self->name;
}

const char *
escale_contact_get_role (EscaleContact *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT (self), NULL);
  return self->role;
}

const char *
escale_contact_get_email (EscaleContact *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT (self), NULL);
  return self->email;
}

const char *
escale_contact_get_phone (EscaleContact *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTACT (self), NULL);
  return self->phone;
}
