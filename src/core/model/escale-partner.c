/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-enums.h"
#include "escale-model-private.h"
#include "escale-partner-private.h"

/* A partner organisation with its contacts and interaction log: the
 * aggregate that EscalePartnerRepository saves in one transaction. */
struct _EscalePartner
{
  GObject            parent_instance;

  gint64             id;
  char              *name;
  EscalePartnerKind  kind;
  char              *region_code;
  char              *address;
  char              *city;
  char              *postal_code;
  double             latitude;
  double             longitude;
  gboolean           has_coordinates;
  char              *website;
  char              *phone;
  char              *email;
  char              *notes;
  char              *tags;
  gboolean           archived;
  gint64             created_at;
  gint64             updated_at;

  /* Owned */
  GListStore        *contacts;
  GListStore        *interactions;
  char              *search_key;
};

G_DEFINE_FINAL_TYPE (EscalePartner, escale_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_REGION_CODE,
  PROP_ADDRESS,
  PROP_CITY,
  PROP_POSTAL_CODE,
  PROP_HAS_COORDINATES,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_WEBSITE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_TAGS,
  PROP_ARCHIVED,
  PROP_UPDATED_AT,
  PROP_CONTACTS,
  PROP_INTERACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (EscalePartner *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_REGION_CODE: return &self->region_code;
    case PROP_ADDRESS: return &self->address;
    case PROP_CITY: return &self->city;
    case PROP_POSTAL_CODE: return &self->postal_code;
    case PROP_WEBSITE: return &self->website;
    case PROP_PHONE: return &self->phone;
    case PROP_EMAIL: return &self->email;
    case PROP_NOTES: return &self->notes;
    case PROP_TAGS: return &self->tags;
    default: return NULL;
    }
}

static void
escale_partner_finalize (GObject *object)
{
  EscalePartner *self = (EscalePartner *)object;

  for (guint prop_id = PROP_ID; prop_id < N_PROPS; prop_id++)
    {
      char **field = string_field (self, prop_id);

      if (field != NULL)
        g_clear_pointer (field, g_free);
    }

  g_clear_object (&self->contacts);
  g_clear_object (&self->interactions);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (escale_partner_parent_class)->finalize (object);
}

static void
escale_partner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscalePartner *self = ESCALE_PARTNER (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_HAS_COORDINATES:
      g_value_set_boolean (value, self->has_coordinates);
      break;
    case PROP_LATITUDE:
      g_value_set_double (value, self->latitude);
      break;
    case PROP_LONGITUDE:
      g_value_set_double (value, self->longitude);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_CONTACTS:
      g_value_set_object (value, self->contacts);
      break;
    case PROP_INTERACTIONS:
      g_value_set_object (value, self->interactions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_partner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscalePartner *self = ESCALE_PARTNER (object);
  char **field = string_field (self, prop_id);
  gboolean changed = FALSE;

  if (field != NULL)
    {
      changed = _escale_set_string (field, g_value_get_string (value));
    }
  else
    {
      switch (prop_id)
        {
        case PROP_ID:
          changed = self->id != g_value_get_int64 (value);
          self->id = g_value_get_int64 (value);
          break;
        case PROP_KIND:
          changed = self->kind != (EscalePartnerKind) g_value_get_enum (value);
          self->kind = g_value_get_enum (value);
          break;
        case PROP_ARCHIVED:
          changed = self->archived != g_value_get_boolean (value);
          self->archived = g_value_get_boolean (value);
          break;
        default:
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
escale_partner_class_init (EscalePartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = escale_partner_finalize;
  object_class->get_property = escale_partner_get_property;
  object_class->set_property = escale_partner_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ESCALE_TYPE_PARTNER_KIND, ESCALE_PARTNER_KIND_REGIONAL_HOST, flags);
  properties[PROP_REGION_CODE] = g_param_spec_string ("region-code", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_CITY] = g_param_spec_string ("city", NULL, NULL, NULL, flags);
  properties[PROP_POSTAL_CODE] = g_param_spec_string ("postal-code", NULL, NULL, NULL, flags);
  properties[PROP_HAS_COORDINATES] =
    g_param_spec_boolean ("has-coordinates", NULL, NULL, FALSE, read_only);
  properties[PROP_LATITUDE] = g_param_spec_double ("latitude", NULL, NULL, -90, 90, 0, read_only);
  properties[PROP_LONGITUDE] = g_param_spec_double ("longitude", NULL, NULL, -180, 180, 0, read_only);
  properties[PROP_WEBSITE] = g_param_spec_string ("website", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_TAGS] = g_param_spec_string ("tags", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_CONTACTS] =
    g_param_spec_object ("contacts", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_INTERACTIONS] =
    g_param_spec_object ("interactions", NULL, NULL, G_TYPE_LIST_MODEL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_partner_init (EscalePartner *self)
{
  self->contacts = g_list_store_new (ESCALE_TYPE_CONTACT);
  self->interactions = g_list_store_new (ESCALE_TYPE_INTERACTION);
}

EscalePartner *
escale_partner_new (void)
{
  return g_object_new (ESCALE_TYPE_PARTNER, NULL);
}

/**
 * escale_partner_copy:
 *
 * Copies the partner with its contacts and interactions, so that an editor
 * can change the copy and the live list keeps the saved version until the
 * repository stores the copy.
 *
 * Returns: (transfer full): an independent copy
 */
EscalePartner *
escale_partner_copy (EscalePartner *self)
{
  EscalePartner *copy;
  guint n;

  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);

  copy = g_object_new (ESCALE_TYPE_PARTNER,
                       "id", self->id,
                       "name", self->name,
                       "kind", self->kind,
                       "region-code", self->region_code,
                       "address", self->address,
                       "city", self->city,
                       "postal-code", self->postal_code,
                       "website", self->website,
                       "phone", self->phone,
                       "email", self->email,
                       "notes", self->notes,
                       "tags", self->tags,
                       "archived", self->archived,
                       NULL);
  copy->has_coordinates = self->has_coordinates;
  copy->latitude = self->latitude;
  copy->longitude = self->longitude;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->search_key = g_strdup (self->search_key);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), i);
      g_autoptr(EscaleContact) contact_copy = escale_contact_copy (contact);

      g_list_store_append (copy->contacts, contact_copy);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);
      g_autoptr(EscaleInteraction) interaction_copy = escale_interaction_copy (interaction);

      g_list_store_append (copy->interactions, interaction_copy);
    }

  return copy;
}

gint64
escale_partner_get_id (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), 0);
  return self->id;
}

const char *
escale_partner_get_name (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->name;
}

EscalePartnerKind
escale_partner_get_kind (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), ESCALE_PARTNER_KIND_OTHER);
  return self->kind;
}

const char *
escale_partner_get_region_code (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->region_code;
}

const char *
escale_partner_get_address (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->address;
}

const char *
escale_partner_get_city (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->city;
}

const char *
escale_partner_get_postal_code (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->postal_code;
}

/**
 * escale_partner_get_coordinates:
 * @latitude: (out) (optional): degrees north
 * @longitude: (out) (optional): degrees east (negative in Québec)
 *
 * Returns: whether the partner has coordinates
 */
gboolean
escale_partner_get_coordinates (EscalePartner *self,
                                double        *latitude,
                                double        *longitude)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), FALSE);

  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;

  return self->has_coordinates;
}

void
escale_partner_set_coordinates (EscalePartner *self,
                                double         latitude,
                                double         longitude)
{
  g_return_if_fail (ESCALE_IS_PARTNER (self));
  g_return_if_fail (latitude >= -90 && latitude <= 90);
  g_return_if_fail (longitude >= -180 && longitude <= 180);

  g_object_freeze_notify (G_OBJECT (self));
  self->latitude = latitude;
  self->longitude = longitude;
  self->has_coordinates = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATITUDE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONGITUDE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_COORDINATES]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
escale_partner_clear_coordinates (EscalePartner *self)
{
  g_return_if_fail (ESCALE_IS_PARTNER (self));

  if (!self->has_coordinates)
    return;

  self->latitude = 0;
  self->longitude = 0;
  self->has_coordinates = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_COORDINATES]);
}

const char *
escale_partner_get_website (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->website;
}

const char *
escale_partner_get_phone (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->phone;
}

const char *
escale_partner_get_email (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->email;
}

const char *
escale_partner_get_notes (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->notes;
}

/**
 * escale_partner_get_tags:
 *
 * Returns: (nullable): the tags as the counsellor typed them, separated by
 *   commas
 */
const char *
escale_partner_get_tags (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->tags;
}

/**
 * escale_partner_dup_tag_list:
 *
 * Returns: (transfer full): the tags, trimmed, without empty ones
 */
GStrv
escale_partner_dup_tag_list (EscalePartner *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);

  parts = g_strsplit (self->tags != NULL ? self->tags : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

gboolean
escale_partner_get_archived (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), FALSE);
  return self->archived;
}

/**
 * escale_partner_get_created_at:
 *
 * Returns: when the partner was first saved, in unix seconds, or 0 if never
 */
gint64
escale_partner_get_created_at (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), 0);
  return self->created_at;
}

/**
 * escale_partner_get_updated_at:
 *
 * Returns: when the partner was last saved, in unix seconds, or 0 if never
 */
gint64
escale_partner_get_updated_at (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), 0);
  return self->updated_at;
}

/**
 * escale_partner_get_contacts:
 *
 * Returns: (transfer none): a list of #EscaleContact
 */
GListModel *
escale_partner_get_contacts (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return G_LIST_MODEL (self->contacts);
}

void
escale_partner_add_contact (EscalePartner *self,
                            EscaleContact *contact)
{
  g_return_if_fail (ESCALE_IS_PARTNER (self));
  g_return_if_fail (ESCALE_IS_CONTACT (contact));

  g_list_store_append (self->contacts, contact);
}

void
escale_partner_remove_contact (EscalePartner *self,
                               EscaleContact *contact)
{
  guint position;

  g_return_if_fail (ESCALE_IS_PARTNER (self));
  g_return_if_fail (ESCALE_IS_CONTACT (contact));

  if (!g_list_store_find (self->contacts, contact, &position))
    return;

  /* Interactions with this person stay in the history, without them. */
  if (escale_contact_get_id (contact) != 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);

          if (escale_interaction_get_contact_id (interaction) == escale_contact_get_id (contact))
            g_object_set (interaction, "contact-id", (gint64) 0, NULL);
        }
    }

  g_list_store_remove (self->contacts, position);
}

/**
 * escale_partner_get_interactions:
 *
 * Returns: (transfer none): a list of #EscaleInteraction, most recent first
 *   once loaded from the database
 */
GListModel *
escale_partner_get_interactions (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return G_LIST_MODEL (self->interactions);
}

void
escale_partner_add_interaction (EscalePartner     *self,
                                EscaleInteraction *interaction)
{
  g_return_if_fail (ESCALE_IS_PARTNER (self));
  g_return_if_fail (ESCALE_IS_INTERACTION (interaction));

  g_list_store_append (self->interactions, interaction);
}

void
escale_partner_remove_interaction (EscalePartner     *self,
                                   EscaleInteraction *interaction)
{
  guint position;

  g_return_if_fail (ESCALE_IS_PARTNER (self));
  g_return_if_fail (ESCALE_IS_INTERACTION (interaction));

  if (g_list_store_find (self->interactions, interaction, &position))
    g_list_store_remove (self->interactions, position);
}

/**
 * escale_partner_get_next_action:
 *
 * Returns: (transfer none) (nullable): the pending interaction whose next
 *   step is due first
 */
EscaleInteraction *
escale_partner_get_next_action (EscalePartner *self)
{
  EscaleInteraction *next = NULL;
  guint n;

  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);

      /* ISO dates sort as strings. */
      if (escale_interaction_is_pending (interaction) &&
          (next == NULL ||
           g_strcmp0 (escale_interaction_get_due_on (interaction),
                      escale_interaction_get_due_on (next)) < 0))
        next = interaction;
    }

  return next;
}

/**
 * escale_partner_get_search_key:
 *
 * Returns: (nullable): the folded text that search-as-you-type matches:
 *   name, city, region, kind, contact names and tags
 */
const char *
escale_partner_get_search_key (EscalePartner *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER (self), NULL);
  return self->search_key;
}

void
_escale_partner_set_search_key (EscalePartner *self,
                                char          *search_key)
{
  g_assert (ESCALE_IS_PARTNER (self));

  g_free (self->search_key);
  self->search_key = search_key;
}

void
_escale_partner_set_timestamps (EscalePartner *self,
                                gint64         created_at,
                                gint64         updated_at)
{
  g_assert (ESCALE_IS_PARTNER (self));

  self->created_at = created_at;
  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}
