/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-model-private.h"
#include "escale-participant-private.h"

/* A participant's file: the fields a person types, kept as one GValue each
 * in the order of EscaleParticipantField (so that the editor, the import,
 * the export and the audit log all walk the same list), and the lists that
 * grow over months of follow-up. EscaleParticipantRepository saves the whole
 * file in one transaction. */
struct _EscaleParticipant
{
  GObject     parent_instance;

  gint64      id;
  gint64      created_at;
  gint64      updated_at;
  GValue      values[ESCALE_N_PARTICIPANT_FIELDS];

  /* Owned */
  GListStore *household;
  GListStore *consents;
  GListStore *notes;
  GListStore *follow_ups;
};

G_DEFINE_FINAL_TYPE (EscaleParticipant, escale_participant, G_TYPE_OBJECT)

/* The fields' properties come first, numbered field + 1. */
enum {
  PROP_0,
  PROP_ID = ESCALE_N_PARTICIPANT_FIELDS + 1,
  PROP_UPDATED_AT,
  PROP_HOUSEHOLD,
  PROP_CONSENTS,
  PROP_NOTES,
  PROP_FOLLOW_UPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GParamSpec *
field_param_spec (EscaleParticipantField field)
{
  const char *name = escale_participant_field_get_name (field);
  GType type = escale_participant_field_get_value_type (field);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  if (type == G_TYPE_STRING)
    return g_param_spec_string (name, NULL, NULL, NULL, flags);
  if (type == G_TYPE_BOOLEAN)
    return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
  if (type == G_TYPE_STRV)
    return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
  if (G_TYPE_IS_ENUM (type))
    return g_param_spec_enum (name, NULL, NULL, type, 0, flags);
  if (field == ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS)
    return g_param_spec_int (name, NULL, NULL, -1, 60, -1, flags);

  g_assert (type == G_TYPE_INT);
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, flags);
}

static void
copy_list (GListStore        *from,
           GListStore        *to,
           gpointer (*copy) (gpointer))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_autoptr(GObject) item_copy = copy != NULL ? copy (item) : g_object_ref (item);

      g_list_store_append (to, item_copy);
    }
}

static void
remove_item (GListStore *store,
             gpointer    item)
{
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_remove (store, position);
}

static int
compare_consents (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return escale_consent_compare ((EscaleConsent *) a, (EscaleConsent *) b);
}

static gboolean
is_empty_list (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

static void
escale_participant_finalize (GObject *object)
{
  EscaleParticipant *self = (EscaleParticipant *)object;

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    g_value_unset (&self->values[i]);

  g_clear_object (&self->household);
  g_clear_object (&self->consents);
  g_clear_object (&self->notes);
  g_clear_object (&self->follow_ups);

  G_OBJECT_CLASS (escale_participant_parent_class)->finalize (object);
}

static void
escale_participant_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EscaleParticipant *self = ESCALE_PARTICIPANT (object);

  if (prop_id >= 1 && prop_id <= ESCALE_N_PARTICIPANT_FIELDS)
    {
      g_value_copy (&self->values[prop_id - 1], value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_HOUSEHOLD:
      g_value_set_object (value, self->household);
      break;
    case PROP_CONSENTS:
      g_value_set_object (value, self->consents);
      break;
    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;
    case PROP_FOLLOW_UPS:
      g_value_set_object (value, self->follow_ups);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_participant_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EscaleParticipant *self = ESCALE_PARTICIPANT (object);
  GValue *field_value;

  if (prop_id == PROP_ID)
    {
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }

  if (prop_id < 1 || prop_id > ESCALE_N_PARTICIPANT_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field_value = &self->values[prop_id - 1];
  if (_escale_param_values_equal (pspec, field_value, value))
    return;

  /* Empty text is no text and an empty list no list, so that "" and NULL
   * compare equal everywhere. */
  if (G_VALUE_HOLDS_STRING (value) && g_strcmp0 (g_value_get_string (value), "") == 0)
    g_value_set_string (field_value, NULL);
  else if (G_VALUE_HOLDS (value, G_TYPE_STRV) && is_empty_list (g_value_get_boxed (value)))
    g_value_set_boxed (field_value, NULL);
  else
    {
      g_value_copy (value, field_value);
    }

  g_object_notify_by_pspec (object, pspec);
}

static void
escale_participant_class_init (EscaleParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = escale_participant_finalize;
  object_class->get_property = escale_participant_get_property;
  object_class->set_property = escale_participant_set_property;

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    properties[i + 1] = field_param_spec ((EscaleParticipantField) i);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_HOUSEHOLD] = g_param_spec_object ("household", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_CONSENTS] = g_param_spec_object ("consents", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_NOTES] = g_param_spec_object ("notes", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_FOLLOW_UPS] = g_param_spec_object ("follow-ups", NULL, NULL, G_TYPE_LIST_MODEL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_participant_init (EscaleParticipant *self)
{
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      GParamSpec *pspec = properties[i + 1];

      g_value_init (&self->values[i], pspec->value_type);
      g_param_value_set_default (pspec, &self->values[i]);
    }
  g_value_set_string (&self->values[ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE], "fr");

  self->household = g_list_store_new (ESCALE_TYPE_HOUSEHOLD_MEMBER);
  self->consents = g_list_store_new (ESCALE_TYPE_CONSENT);
  self->notes = g_list_store_new (ESCALE_TYPE_CASE_NOTE);
  self->follow_ups = g_list_store_new (ESCALE_TYPE_FOLLOW_UP);
}

EscaleParticipant *
escale_participant_new (void)
{
  return g_object_new (ESCALE_TYPE_PARTICIPANT, NULL);
}

/**
 * escale_participant_copy:
 *
 * Copies the file with its lists, so that an editor changes the copy while
 * the saved version stays as it is until the repository saves the copy.
 * Consent records never change, so both files share them.
 *
 * Returns: (transfer full): an independent copy
 */
EscaleParticipant *
escale_participant_copy (EscaleParticipant *self)
{
  EscaleParticipant *copy;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);

  copy = escale_participant_new ();
  copy->id = self->id;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    g_value_copy (&self->values[i], &copy->values[i]);

  copy_list (self->household, copy->household, (gpointer (*) (gpointer)) escale_household_member_copy);
  copy_list (self->consents, copy->consents, NULL);
  copy_list (self->notes, copy->notes, (gpointer (*) (gpointer)) escale_case_note_copy);
  copy_list (self->follow_ups, copy->follow_ups, (gpointer (*) (gpointer)) escale_follow_up_copy);

  return copy;
}

void
_escale_participant_set_stored (EscaleParticipant *self,
                                gint64             id,
                                gint64             created_at,
                                gint64             updated_at)
{
  self->created_at = created_at;
  self->updated_at = updated_at;
  g_object_set (self, "id", id, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gint64
escale_participant_get_id (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), 0);
  return self->id;
}

/**
 * escale_participant_get_value:
 *
 * Returns: (transfer none): the value of @field, of the type that
 *   escale_participant_field_get_value_type() gives
 */
const GValue *
escale_participant_get_value (EscaleParticipant      *self,
                              EscaleParticipantField  field)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, NULL);
  return &self->values[field];
}

/**
 * escale_participant_get_text:
 * @field: a text field
 *
 * Returns: (nullable): the text, or %NULL when the field is empty
 */
const char *
escale_participant_get_text (EscaleParticipant      *self,
                             EscaleParticipantField  field)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, NULL);
  g_return_val_if_fail (G_VALUE_HOLDS_STRING (&self->values[field]), NULL);
  return g_value_get_string (&self->values[field]);
}

/**
 * escale_participant_get_number:
 * @field: a number field
 *
 * Returns: the number; 0 when unknown (-1 for years of experience, where 0
 *   is an answer)
 */
int
escale_participant_get_number (EscaleParticipant      *self,
                               EscaleParticipantField  field)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), 0);
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, 0);
  g_return_val_if_fail (G_VALUE_HOLDS_INT (&self->values[field]), 0);
  return g_value_get_int (&self->values[field]);
}

const char *
escale_participant_get_given_name (EscaleParticipant *self)
{
  return escale_participant_get_text (self, ESCALE_PARTICIPANT_FIELD_GIVEN_NAME);
}

const char *
escale_participant_get_family_name (EscaleParticipant *self)
{
  return escale_participant_get_text (self, ESCALE_PARTICIPANT_FIELD_FAMILY_NAME);
}

/**
 * escale_participant_dup_display_name:
 *
 * Returns: (transfer full): "Preferred-or-given Family", the name people
 *   are called by
 */
char *
escale_participant_dup_display_name (EscaleParticipant *self)
{
  const char *given;
  const char *family;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);

  given = escale_participant_get_text (self, ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME);
  if (given == NULL)
    given = escale_participant_get_given_name (self);
  family = escale_participant_get_family_name (self);

  return g_strjoin (" ", given != NULL ? given : "", family != NULL ? family : "", NULL);
}

EscaleImmigrationStatus
escale_participant_get_immigration_status (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), ESCALE_IMMIGRATION_STATUS_UNKNOWN);
  return g_value_get_enum (&self->values[ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS]);
}

EscaleEducation
escale_participant_get_education (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), ESCALE_EDUCATION_UNKNOWN);
  return g_value_get_enum (&self->values[ESCALE_PARTICIPANT_FIELD_EDUCATION]);
}

gboolean
escale_participant_get_driving_licence (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), FALSE);
  return g_value_get_boolean (&self->values[ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE]);
}

/**
 * escale_participant_get_regions:
 *
 * Returns: (transfer none) (nullable): the codes of the regions of
 *   interest, the first choice first
 */
const char * const *
escale_participant_get_regions (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  return g_value_get_boxed (&self->values[ESCALE_PARTICIPANT_FIELD_REGIONS]);
}

gint64
escale_participant_get_created_at (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), 0);
  return self->created_at;
}

gint64
escale_participant_get_updated_at (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), 0);
  return self->updated_at;
}

GListModel *
escale_participant_get_household (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  return G_LIST_MODEL (self->household);
}

void
escale_participant_add_household_member (EscaleParticipant     *self,
                                         EscaleHouseholdMember *member)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  g_return_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (member));
  g_list_store_append (self->household, member);
}

void
escale_participant_remove_household_member (EscaleParticipant     *self,
                                            EscaleHouseholdMember *member)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  remove_item (self->household, member);
}

/**
 * escale_participant_get_consents:
 *
 * Returns: (transfer none): every consent record, in the order they happened
 */
GListModel *
escale_participant_get_consents (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  return G_LIST_MODEL (self->consents);
}

/**
 * escale_participant_add_consent:
 *
 * Adds a record to the history, granted or withdrawn; it is stored with the
 * next save. Records are never removed.
 */
void
escale_participant_add_consent (EscaleParticipant *self,
                                EscaleConsent     *consent)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  g_return_if_fail (ESCALE_IS_CONSENT (consent));
  g_list_store_insert_sorted (self->consents, consent, compare_consents, NULL);
}

/**
 * escale_participant_get_current_consent:
 *
 * Returns: (transfer none) (nullable): the latest record for @purpose
 */
EscaleConsent *
escale_participant_get_current_consent (EscaleParticipant    *self,
                                        EscaleConsentPurpose  purpose)
{
  guint n;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->consents));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(EscaleConsent) consent = g_list_model_get_item (G_LIST_MODEL (self->consents), i - 1);

      if (escale_consent_get_purpose (consent) == purpose)
        return consent;
    }

  return NULL;
}

gboolean
escale_participant_has_consent (EscaleParticipant    *self,
                                EscaleConsentPurpose  purpose)
{
  EscaleConsent *consent = escale_participant_get_current_consent (self, purpose);

  return consent != NULL && escale_consent_get_granted (consent);
}

/**
 * escale_participant_require_consent:
 *
 * The gate in front of every use of personal information that needs a
 * purpose: putting someone forward to an employer, sharing a list with a
 * regional partner, sending a survey.
 *
 * Returns: %TRUE when the person's latest choice for @purpose is consent;
 *   otherwise an #ESCALE_CONSENT_ERROR that says why, in plain words
 */
gboolean
escale_participant_require_consent (EscaleParticipant     *self,
                                    EscaleConsentPurpose   purpose,
                                    GError               **error)
{
  EscaleConsent *consent;
  g_autofree char *name = NULL;
  const char *label;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), FALSE);

  consent = escale_participant_get_current_consent (self, purpose);
  if (consent != NULL && escale_consent_get_granted (consent))
    return TRUE;

  name = escale_participant_dup_display_name (self);
  label = escale_choice_get_label (ESCALE_TYPE_CONSENT_PURPOSE, purpose);

  if (consent == NULL)
    g_set_error (error, ESCALE_CONSENT_ERROR, ESCALE_CONSENT_ERROR_NEVER_GIVEN,
                 /* Translators: the second %s is a purpose such as “Sharing with employers” */
                 _("%s has not given consent for “%s”. Record their consent first."),
                 name, label);
  else
    g_set_error (error, ESCALE_CONSENT_ERROR, ESCALE_CONSENT_ERROR_WITHDRAWN,
                 /* Translators: the second %s is a purpose, the third an ISO date */
                 _("%s withdrew consent for “%s” on %s."),
                 name, label, escale_consent_get_given_on (consent));

  return FALSE;
}

GListModel *
escale_participant_get_notes (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  return G_LIST_MODEL (self->notes);
}

void
escale_participant_add_note (EscaleParticipant *self,
                             EscaleCaseNote    *note)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  g_return_if_fail (ESCALE_IS_CASE_NOTE (note));
  g_list_store_append (self->notes, note);
}

void
escale_participant_remove_note (EscaleParticipant *self,
                                EscaleCaseNote    *note)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  remove_item (self->notes, note);
}

GListModel *
escale_participant_get_follow_ups (EscaleParticipant *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (self), NULL);
  return G_LIST_MODEL (self->follow_ups);
}

void
escale_participant_add_follow_up (EscaleParticipant *self,
                                  EscaleFollowUp    *follow_up)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  g_return_if_fail (ESCALE_IS_FOLLOW_UP (follow_up));
  g_list_store_append (self->follow_ups, follow_up);
}

void
escale_participant_remove_follow_up (EscaleParticipant *self,
                                     EscaleFollowUp    *follow_up)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT (self));
  remove_item (self->follow_ups, follow_up);
}
