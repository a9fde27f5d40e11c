/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-consent.h"
#include "escale-participant-private.h"

/* One record of a person's choice for one purpose, as the privacy law asks
 * it be kept: when, under which version of the notice, and who wrote it
 * down. Records never change; a withdrawal is a new record. */
struct _EscaleConsent
{
  GObject               parent_instance;

  gint64                id;
  EscaleConsentPurpose  purpose;
  gboolean              granted;
  char                 *given_on;
  char                 *notice_version;
  char                 *recorded_by;
  gint64                created_at;
};

G_DEFINE_FINAL_TYPE (EscaleConsent, escale_consent, G_TYPE_OBJECT)

G_DEFINE_QUARK (escale-consent-error-quark, escale_consent_error)

static void
escale_consent_finalize (GObject *object)
{
  EscaleConsent *self = (EscaleConsent *)object;

  g_free (self->given_on);
  g_free (self->notice_version);
  g_free (self->recorded_by);

  G_OBJECT_CLASS (escale_consent_parent_class)->finalize (object);
}

static void
escale_consent_class_init (EscaleConsentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_consent_finalize;
}

static void
escale_consent_init (EscaleConsent *self)
{
}

/**
 * escale_consent_new:
 * @granted: %FALSE to record a withdrawal
 * @given_on: the ISO date on which the person gave or withdrew consent
 * @notice_version: the version of the privacy notice they were shown
 * @recorded_by: who recorded it
 */
EscaleConsent *
escale_consent_new (EscaleConsentPurpose  purpose,
                    gboolean              granted,
                    const char           *given_on,
                    const char           *notice_version,
                    const char           *recorded_by)
{
  EscaleConsent *self;

  g_return_val_if_fail (purpose < ESCALE_N_CONSENT_PURPOSES, NULL);

  self = g_object_new (ESCALE_TYPE_CONSENT, NULL);
  self->purpose = purpose;
  self->granted = !!granted;
  self->given_on = g_strdup (given_on);
  self->notice_version = g_strdup (notice_version);
  self->recorded_by = g_strdup (recorded_by);

  return self;
}

void
_escale_consent_set_stored (EscaleConsent *self,
                            gint64         id,
                            gint64         created_at)
{
  self->id = id;
  self->created_at = created_at;
}

gint64
_escale_consent_get_created_at (EscaleConsent *self)
{
  return self->created_at;
}

gint64
escale_consent_get_id (EscaleConsent *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT (self), 0);
  return self->id;
}

EscaleConsentPurpose
escale_consent_get_purpose (EscaleConsent *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT (self), ESCALE_CONSENT_PURPOSE_REGISTRATION);
  return self->purpose;
}

gboolean
escale_consent_get_granted (EscaleConsent *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT (self), FALSE);
  return self->granted;
}

const char *
escale_consent_get_given_on (EscaleConsent *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT (self), NULL);
  return self->given_on;
}

const char *
escale_consent_get_notice_version (EscaleConsent *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT (self), NULL);
  return self->notice_version;
}

const char *
escale_consent_get_recorded_by (EscaleConsent *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT (self), NULL);
  return self->recorded_by;
}

/**
 * escale_consent_compare:
 *
 * Orders records as they happened: by date, then in the order they were
 * recorded (records not saved yet come last).
 */
int
escale_consent_compare (EscaleConsent *a,
                        EscaleConsent *b)
{
  int by_date = g_strcmp0 (a->given_on, b->given_on);

  if (by_date != 0)
    return by_date;
  if (a->id == 0 || b->id == 0)
    return (a->id == 0) - (b->id == 0);
  return (a->id > b->id) - (a->id < b->id);
}
