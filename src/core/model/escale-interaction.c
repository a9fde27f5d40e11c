/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-interaction.h"
#include "escale-model-private.h"

/* One dated exchange with a partner, and the next step it calls for.
 * Dates are calendar days in ISO form ("2026-11-23"), not instants. */
struct _EscaleInteraction
{
  GObject                   parent_instance;

  gint64                    id;
  gint64                    contact_id;
  char                     *occurred_on;
  EscaleInteractionChannel  channel;
  char                     *summary;
  char                     *next_step;
  char                     *due_on;
  gboolean                  done;
};

G_DEFINE_FINAL_TYPE (EscaleInteraction, escale_interaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTACT_ID,
  PROP_OCCURRED_ON,
  PROP_CHANNEL,
  PROP_SUMMARY,
  PROP_NEXT_STEP,
  PROP_DUE_ON,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *id;
  const char *label;
} channels[ESCALE_N_INTERACTION_CHANNELS] = {
  [ESCALE_INTERACTION_CHANNEL_MEETING] = { "meeting", N_("Meeting") },
  [ESCALE_INTERACTION_CHANNEL_PHONE] = { "phone", N_("Phone call") },
  [ESCALE_INTERACTION_CHANNEL_EMAIL] = { "email", N_("Email") },
  [ESCALE_INTERACTION_CHANNEL_VISIT] = { "visit", N_("Visit") },
  [ESCALE_INTERACTION_CHANNEL_EVENT] = { "event", N_("Event") },
  [ESCALE_INTERACTION_CHANNEL_OTHER] = { "other", N_("Other") },
};

static char **
string_field (EscaleInteraction *self,
              guint              prop_id)
{
  switch (prop_id)
    {
    case PROP_OCCURRED_ON: return &self->occurred_on;
    case PROP_SUMMARY: return &self->summary;
    case PROP_NEXT_STEP: return &self->next_step;
    case PROP_DUE_ON: return &self->due_on;
    default: return NULL;
    }
}

static void
escale_interaction_finalize (GObject *object)
{
  EscaleInteraction *self = (EscaleInteraction *)object;

  g_clear_pointer (&self->occurred_on, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->next_step, g_free);
  g_clear_pointer (&self->due_on, g_free);

  G_OBJECT_CLASS (escale_interaction_parent_class)->finalize (object);
}

static void
escale_interaction_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EscaleInteraction *self = ESCALE_INTERACTION (object);
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
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_interaction_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EscaleInteraction *self = ESCALE_INTERACTION (object);
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
        case PROP_CONTACT_ID:
          changed = self->contact_id != g_value_get_int64 (value);
          self->contact_id = g_value_get_int64 (value);
          break;
        case PROP_CHANNEL:
          changed = self->channel != (EscaleInteractionChannel) g_value_get_enum (value);
          self->channel = g_value_get_enum (value);
          break;
        case PROP_DONE:
          changed = self->done != g_value_get_boolean (value);
          self->done = g_value_get_boolean (value);
          break;
        default:
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
escale_interaction_class_init (EscaleInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = escale_interaction_finalize;
  object_class->get_property = escale_interaction_get_property;
  object_class->set_property = escale_interaction_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CONTACT_ID] = g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OCCURRED_ON] = g_param_spec_string ("occurred-on", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       ESCALE_TYPE_INTERACTION_CHANNEL, ESCALE_INTERACTION_CHANNEL_MEETING, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_STEP] = g_param_spec_string ("next-step", NULL, NULL, NULL, flags);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_interaction_init (EscaleInteraction *self)
{
}

const char *
escale_interaction_channel_to_string (EscaleInteractionChannel channel)
{
  g_return_val_if_fail (channel < ESCALE_N_INTERACTION_CHANNELS, NULL);

  return channels[channel].id;
}

gboolean
escale_interaction_channel_from_string (const char               *string,
                                        EscaleInteractionChannel *channel)
{
  g_return_val_if_fail (channel != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      if (g_strcmp0 (string, channels[i].id) == 0)
        {
          *channel = (EscaleInteractionChannel) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
escale_interaction_channel_get_label (EscaleInteractionChannel channel)
{
  g_return_val_if_fail (channel < ESCALE_N_INTERACTION_CHANNELS, NULL);

  return _(channels[channel].label);
}

EscaleInteraction *
escale_interaction_new (void)
{
  return g_object_new (ESCALE_TYPE_INTERACTION, NULL);
}

/**
 * escale_interaction_copy:
 *
 * Returns: (transfer full): an independent copy, for an editor to change
 */
EscaleInteraction *
escale_interaction_copy (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), NULL);

  return g_object_new (ESCALE_TYPE_INTERACTION,
                       "id", self->id,
                       "contact-id", self->contact_id,
                       "occurred-on", self->occurred_on,
                       "channel", self->channel,
                       "summary", self->summary,
                       "next-step", self->next_step,
                       "due-on", self->due_on,
                       "done", self->done,
                       NULL);
}

gint64
escale_interaction_get_id (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), 0);
  return self->id;
}

gint64
escale_interaction_get_contact_id (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), 0);
  return self->contact_id;
}

const char *
escale_interaction_get_occurred_on (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), NULL);
  return self->occurred_on;
}

EscaleInteractionChannel
escale_interaction_get_channel (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), ESCALE_INTERACTION_CHANNEL_OTHER);
  return self->channel;
}

const char *
escale_interaction_get_summary (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), NULL);
  return self->summary;
}

const char *
escale_interaction_get_next_step (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), NULL);
  return self->next_step;
}

const char *
escale_interaction_get_due_on (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), NULL);
  return self->due_on;
}

gboolean
escale_interaction_get_done (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), FALSE);
  return self->done;
}

/**
 * escale_interaction_is_pending:
 *
 * Returns: whether a next step with a due date still waits to be done
 */
gboolean
escale_interaction_is_pending (EscaleInteraction *self)
{
  g_return_val_if_fail (ESCALE_IS_INTERACTION (self), FALSE);

  return !self->done && self->due_on != NULL && self->next_step != NULL;
}
