/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-record-accessors.h"
#include "escale-registration.h"

/* A participant's place at an event, as the registration repository reads
 * it: the status and seats change only through the repository, which
 * keeps the capacity and the waitlist right; the needs are the
 * participant's to tell. */
struct _EscaleRegistration
{
  EscaleRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleRegistration, escale_registration, ESCALE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_PARTICIPANT_ID,
  PROP_PARTICIPANT_NAME,
  PROP_STATUS,
  PROP_SEATS,
  PROP_WAITLISTED_AT,
  PROP_NEEDS_LODGING,
  PROP_DIET,
  PROP_ACCESSIBILITY,
  PROP_NOTES,
};

static EscaleRecordField fields[] = {
  { "id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "event-id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "participant-id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "participant-name", G_TYPE_STRING },
  { "status", G_TYPE_INVALID },   /* an EscaleRegistrationStatus, set in class_init */
  { "seats", G_TYPE_INT, 1, 20 },
  { "waitlisted-at", G_TYPE_INT64, 0, G_MAXINT64 },
  { "needs-lodging", G_TYPE_BOOLEAN },
  { "diet", G_TYPE_STRING },
  { "accessibility", G_TYPE_STRING },
  { "notes", G_TYPE_STRING },
};

static void
escale_registration_class_init (EscaleRegistrationClass *klass)
{
  fields[PROP_STATUS - 1].type = ESCALE_TYPE_REGISTRATION_STATUS;
  _escale_record_class_install (ESCALE_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
escale_registration_init (EscaleRegistration *self)
{
}

ESCALE_RECORD_NUMBER_GETTER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, gint64, id, PROP_ID)
ESCALE_RECORD_NUMBER_GETTER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, gint64, event_id, PROP_EVENT_ID)
ESCALE_RECORD_NUMBER_GETTER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, gint64, participant_id, PROP_PARTICIPANT_ID)
ESCALE_RECORD_NUMBER_GETTER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, EscaleRegistrationStatus, status, PROP_STATUS)
ESCALE_RECORD_NUMBER_GETTER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, int, seats, PROP_SEATS)
ESCALE_RECORD_NUMBER_GETTER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, gint64, waitlisted_at, PROP_WAITLISTED_AT)
ESCALE_RECORD_NUMBER (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, gboolean, needs_lodging, PROP_NEEDS_LODGING)
ESCALE_RECORD_TEXT (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, diet, PROP_DIET)
ESCALE_RECORD_TEXT (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, accessibility, PROP_ACCESSIBILITY)
ESCALE_RECORD_TEXT (EscaleRegistration, escale_registration, ESCALE_IS_REGISTRATION, notes, PROP_NOTES)

const char *
escale_registration_get_participant_name (EscaleRegistration *self)
{
  g_return_val_if_fail (ESCALE_IS_REGISTRATION (self), NULL);
  return _escale_record_get_string (self, PROP_PARTICIPANT_NAME);
}

/**
 * escale_registration_holds_seats:
 *
 * Returns: whether the registration counts against the event's capacity:
 *   registered, confirmed, or there (attended)
 */
gboolean
escale_registration_holds_seats (EscaleRegistration *self)
{
  g_return_val_if_fail (ESCALE_IS_REGISTRATION (self), FALSE);
  return escale_registration_status_holds_seats (escale_registration_get_status (self));
}

/* For the repository, which alone decides a registration's status. */
EscaleRegistration *
_escale_registration_new (const EscaleRegistrationData *data)
{
  return g_object_new (ESCALE_TYPE_REGISTRATION,
                       "id", data->id,
                       "event-id", data->event_id,
                       "participant-id", data->participant_id,
                       "participant-name", data->participant_name,
                       "status", data->status,
                       "seats", data->seats,
                       "waitlisted-at", data->waitlisted_at,
                       "needs-lodging", data->needs_lodging,
                       "diet", data->diet,
                       "accessibility", data->accessibility,
                       "notes", data->notes,
                       NULL);
}
