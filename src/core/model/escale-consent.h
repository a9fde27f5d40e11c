/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-participant-choices.h"

G_BEGIN_DECLS

#define ESCALE_CONSENT_ERROR (escale_consent_error_quark ())

/**
 * EscaleConsentError:
 * @ESCALE_CONSENT_ERROR_NEVER_GIVEN: no consent was ever recorded for the purpose
 * @ESCALE_CONSENT_ERROR_WITHDRAWN: the latest record withdraws it
 */
typedef enum
{
  ESCALE_CONSENT_ERROR_NEVER_GIVEN,
  ESCALE_CONSENT_ERROR_WITHDRAWN,
} EscaleConsentError;

#define ESCALE_TYPE_CONSENT (escale_consent_get_type ())

G_DECLARE_FINAL_TYPE (EscaleConsent, escale_consent, ESCALE, CONSENT, GObject)

GQuark                escale_consent_error_quark        (void);

EscaleConsent        *escale_consent_new                (EscaleConsentPurpose  purpose,
                                                         gboolean              granted,
                                                         const char           *given_on,
                                                         const char           *notice_version,
                                                         const char           *recorded_by);
gint64                escale_consent_get_id             (EscaleConsent        *self);
EscaleConsentPurpose  escale_consent_get_purpose        (EscaleConsent        *self);
gboolean              escale_consent_get_granted        (EscaleConsent        *self);
const char           *escale_consent_get_given_on       (EscaleConsent        *self);
const char           *escale_consent_get_notice_version (EscaleConsent        *self);
const char           *escale_consent_get_recorded_by    (EscaleConsent        *self);
int                   escale_consent_compare            (EscaleConsent        *a,
                                                         EscaleConsent        *b);

G_END_DECLS
