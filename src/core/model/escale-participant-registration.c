/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-participant-registration.h"

/* One line of the events in a participant's file: the event (as listed,
 * without its itinerary), the person's registration for it, and their
 * place on the waitlist when they wait. Read-only: registrations change
 * through the registration repository. */
struct _EscaleParticipantRegistration
{
  GObject             parent_instance;

  EscaleEvent        *event;
  EscaleRegistration *registration;
  guint               waitlist_position;
};

G_DEFINE_FINAL_TYPE (EscaleParticipantRegistration, escale_participant_registration, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_REGISTRATION,
  PROP_WAITLIST_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
escale_participant_registration_dispose (GObject *object)
{
  EscaleParticipantRegistration *self = (EscaleParticipantRegistration *)object;

  g_clear_object (&self->event);
  g_clear_object (&self->registration);

  G_OBJECT_CLASS (escale_participant_registration_parent_class)->dispose (object);
}

static void
escale_participant_registration_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  EscaleParticipantRegistration *self = ESCALE_PARTICIPANT_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_REGISTRATION:
      g_value_set_object (value, self->registration);
      break;
    case PROP_WAITLIST_POSITION:
      g_value_set_uint (value, self->waitlist_position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_participant_registration_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  EscaleParticipantRegistration *self = ESCALE_PARTICIPANT_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      self->event = g_value_dup_object (value);
      break;
    case PROP_REGISTRATION:
      self->registration = g_value_dup_object (value);
      break;
    case PROP_WAITLIST_POSITION:
      self->waitlist_position = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_participant_registration_class_init (EscaleParticipantRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_participant_registration_dispose;
  object_class->get_property = escale_participant_registration_get_property;
  object_class->set_property = escale_participant_registration_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, ESCALE_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRATION] =
    g_param_spec_object ("registration", NULL, NULL, ESCALE_TYPE_REGISTRATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAITLIST_POSITION] =
    g_param_spec_uint ("waitlist-position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_participant_registration_init (EscaleParticipantRegistration *self)
{
}

/**
 * escale_participant_registration_new:
 * @event: the event, as listed
 * @registration: the participant's registration for @event
 * @waitlist_position: from 1 when the registration waits, 0 otherwise
 */
EscaleParticipantRegistration *
escale_participant_registration_new (EscaleEvent        *event,
                                     EscaleRegistration *registration,
                                     guint               waitlist_position)
{
  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);
  g_return_val_if_fail (ESCALE_IS_REGISTRATION (registration), NULL);

  return g_object_new (ESCALE_TYPE_PARTICIPANT_REGISTRATION,
                       "event", event,
                       "registration", registration,
                       "waitlist-position", waitlist_position,
                       NULL);
}

/**
 * escale_participant_registration_get_event:
 *
 * Returns: (transfer none): the event, without its itinerary, vehicles
 *   and checklist
 */
EscaleEvent *
escale_participant_registration_get_event (EscaleParticipantRegistration *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REGISTRATION (self), NULL);
  return self->event;
}

/**
 * escale_participant_registration_get_registration:
 *
 * Returns: (transfer none): the registration, cancelled or not
 */
EscaleRegistration *
escale_participant_registration_get_registration (EscaleParticipantRegistration *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REGISTRATION (self), NULL);
  return self->registration;
}

/**
 * escale_participant_registration_get_waitlist_position:
 *
 * Returns: the person's place on the waitlist, from 1; 0 when they do not
 *   wait
 */
guint
escale_participant_registration_get_waitlist_position (EscaleParticipantRegistration *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REGISTRATION (self), 0);
  return self->waitlist_position;
}
