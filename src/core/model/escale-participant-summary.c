/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-participant-summary.h"

/* One row of the participants list, read from the database a page at a
 * time: 100,000 people never become 100,000 full files in memory. The rows
 * at the top of the list are kept across searches and take the content of
 * the new ones (see escale_participant_summary_update_from()), so the view
 * keeps their widgets. */
struct _EscaleParticipantSummary
{
  GObject   parent_instance;

  gint64    id;
  gboolean  has_consent;
  char     *texts[8];
};

G_DEFINE_FINAL_TYPE (EscaleParticipantSummary, escale_participant_summary, G_TYPE_OBJECT)

/* The text properties first, in the order of texts[]. */
enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_SORT_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_CITY,
  PROP_OCCUPATION,
  PROP_REGIONS,
  PROP_NEXT_FOLLOW_UP,
  PROP_ID,
  PROP_HAS_CONSENT,
  N_PROPS
};

#define TEXT(self, prop) ((self)->texts[(prop) - PROP_DISPLAY_NAME])

static GParamSpec *properties[N_PROPS];

static void
escale_participant_summary_finalize (GObject *object)
{
  EscaleParticipantSummary *self = (EscaleParticipantSummary *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (escale_participant_summary_parent_class)->finalize (object);
}

static void
escale_participant_summary_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  EscaleParticipantSummary *self = ESCALE_PARTICIPANT_SUMMARY (object);

  if (prop_id >= PROP_DISPLAY_NAME && prop_id <= PROP_NEXT_FOLLOW_UP)
    {
      g_value_set_string (value, TEXT (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_HAS_CONSENT:
      g_value_set_boolean (value, self->has_consent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_participant_summary_class_init (EscaleParticipantSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const char *text_names[] = {
    "display-name", "sort-name", "email", "phone", "city", "occupation", "regions", "next-follow-up",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == PROP_ID - PROP_DISPLAY_NAME);

  object_class->finalize = escale_participant_summary_finalize;
  object_class->get_property = escale_participant_summary_get_property;

  for (guint i = 0; i < G_N_ELEMENTS (text_names); i++)
    properties[PROP_DISPLAY_NAME + i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HAS_CONSENT] = g_param_spec_boolean ("has-consent", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_participant_summary_init (EscaleParticipantSummary *self)
{
}

EscaleParticipantSummary *
escale_participant_summary_new (const EscaleParticipantSummaryData *data)
{
  EscaleParticipantSummary *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_SUMMARY, NULL);
  self->id = data->id;
  self->has_consent = data->has_consent;
  TEXT (self, PROP_DISPLAY_NAME) = g_strdup (data->display_name);
  TEXT (self, PROP_SORT_NAME) = g_strdup (data->sort_name);
  TEXT (self, PROP_EMAIL) = g_strdup (data->email);
  TEXT (self, PROP_PHONE) = g_strdup (data->phone);
  TEXT (self, PROP_CITY) = g_strdup (data->city);
  TEXT (self, PROP_OCCUPATION) = g_strdup (data->occupation);
  TEXT (self, PROP_REGIONS) = g_strdup (data->regions);
  TEXT (self, PROP_NEXT_FOLLOW_UP) = g_strdup (data->next_follow_up);

  return self;
}

/**
 * escale_participant_summary_update_from:
 * @source: the row now at this one's place
 *
 * Takes the content of @source and notifies each property that changed: a
 * list that keeps its first rows across searches tells the cells that show
 * them, instead of the view building them again.
 */
void
escale_participant_summary_update_from (EscaleParticipantSummary *self,
                                        EscaleParticipantSummary *source)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANT_SUMMARY (self));
  g_return_if_fail (ESCALE_IS_PARTICIPANT_SUMMARY (source));

  g_object_freeze_notify (G_OBJECT (self));

  for (guint prop = PROP_DISPLAY_NAME; prop <= PROP_NEXT_FOLLOW_UP; prop++)
    {
      if (g_strcmp0 (TEXT (self, prop), TEXT (source, prop)) == 0)
        continue;
      g_free (TEXT (self, prop));
      TEXT (self, prop) = g_strdup (TEXT (source, prop));
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }

  if (self->id != source->id)
    {
      self->id = source->id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  if (self->has_consent != source->has_consent)
    {
      self->has_consent = source->has_consent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CONSENT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
escale_participant_summary_get_id (EscaleParticipantSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_SUMMARY (self), 0);
  return self->id;
}

gboolean
escale_participant_summary_get_has_consent (EscaleParticipantSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_SUMMARY (self), FALSE);
  return self->has_consent;
}

#define TEXT_GETTER(name, prop) \
  const char * \
  escale_participant_summary_get_##name (EscaleParticipantSummary *self) \
  { \
    g_return_val_if_fail (ESCALE_IS_PARTICIPANT_SUMMARY (self), NULL); \
    return TEXT (self, prop); \
  }

TEXT_GETTER (display_name, PROP_DISPLAY_NAME)
TEXT_GETTER (sort_name, PROP_SORT_NAME)
TEXT_GETTER (email, PROP_EMAIL)
TEXT_GETTER (phone, PROP_PHONE)
TEXT_GETTER (city, PROP_CITY)
TEXT_GETTER (occupation, PROP_OCCUPATION)
TEXT_GETTER (regions, PROP_REGIONS)
TEXT_GETTER (next_follow_up, PROP_NEXT_FOLLOW_UP)
