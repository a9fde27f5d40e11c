/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-partner.h"

G_BEGIN_DECLS

/* The partner editor reads its entries into an EscalePartnerForm, asks the
 * core what is wrong with it, and shows the answer: every rule lives here,
 * testable without a display. */

typedef enum
{
  ESCALE_PARTNER_FIELD_NAME,
  ESCALE_PARTNER_FIELD_POSTAL_CODE,
  ESCALE_PARTNER_FIELD_LATITUDE,
  ESCALE_PARTNER_FIELD_LONGITUDE,
  ESCALE_PARTNER_FIELD_WEBSITE,
  ESCALE_PARTNER_FIELD_PHONE,
  ESCALE_PARTNER_FIELD_EMAIL,
} EscalePartnerField;

#define ESCALE_N_PARTNER_FIELDS (ESCALE_PARTNER_FIELD_EMAIL + 1)

typedef struct
{
  const char        *name;
  EscalePartnerKind  kind;
  const char        *region_code;
  const char        *address;
  const char        *city;
  const char        *postal_code;
  const char        *latitude;
  const char        *longitude;
  const char        *website;
  const char        *phone;
  const char        *email;
  const char        *tags;
  const char        *notes;
} EscalePartnerForm;

typedef enum
{
  ESCALE_CONTACT_FIELD_NAME,
  ESCALE_CONTACT_FIELD_EMAIL,
  ESCALE_CONTACT_FIELD_PHONE,
} EscaleContactField;

#define ESCALE_N_CONTACT_FIELDS (ESCALE_CONTACT_FIELD_PHONE + 1)

typedef struct
{
  const char *name;
  const char *role;
  const char *email;
  const char *phone;
} EscaleContactForm;

const char *escale_partner_field_get_label (EscalePartnerField       field);
gboolean    escale_partner_form_check      (const EscalePartnerForm *form,
                                            char                    *messages[ESCALE_N_PARTNER_FIELDS]);
gboolean    escale_partner_form_apply      (const EscalePartnerForm *form,
                                            EscalePartner           *partner,
                                            GError                 **error);

const char *escale_contact_field_get_label (EscaleContactField       field);
gboolean    escale_contact_form_check      (const EscaleContactForm *form,
                                            char                    *messages[ESCALE_N_CONTACT_FIELDS]);
gboolean    escale_contact_form_apply      (const EscaleContactForm *form,
                                            EscaleContact           *contact,
                                            GError                 **error);

typedef enum
{
  ESCALE_INTERACTION_FIELD_DATE,
  ESCALE_INTERACTION_FIELD_SUMMARY,
  ESCALE_INTERACTION_FIELD_DUE,
} EscaleInteractionField;

#define ESCALE_N_INTERACTION_FIELDS (ESCALE_INTERACTION_FIELD_DUE + 1)

typedef struct
{
  const char               *occurred_on;
  EscaleInteractionChannel  channel;
  const char               *summary;
  const char               *next_step;
  const char               *due_on;
  gboolean                  done;
} EscaleInteractionForm;

const char *escale_interaction_field_get_label (EscaleInteractionField       field);
gboolean    escale_interaction_form_check      (const EscaleInteractionForm *form,
                                                char                        *messages[ESCALE_N_INTERACTION_FIELDS]);
gboolean    escale_interaction_form_apply      (const EscaleInteractionForm *form,
                                                EscaleInteraction           *interaction,
                                                GError                     **error);

void        escale_form_messages_clear     (char                   **messages,
                                            guint                    n_messages);

G_END_DECLS
