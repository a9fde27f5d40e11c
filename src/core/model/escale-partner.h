/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-contact.h"
#include "escale-interaction.h"
#include "escale-partner-kind.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER (escale_partner_get_type ())

G_DECLARE_FINAL_TYPE (EscalePartner, escale_partner, ESCALE, PARTNER, GObject)

EscalePartner     *escale_partner_new                    (void);
EscalePartner     *escale_partner_copy                   (EscalePartner     *self);

gint64             escale_partner_get_id                 (EscalePartner     *self);
const char        *escale_partner_get_name               (EscalePartner     *self);
EscalePartnerKind  escale_partner_get_kind               (EscalePartner     *self);
const char        *escale_partner_get_region_code        (EscalePartner     *self);
const char        *escale_partner_get_address            (EscalePartner     *self);
const char        *escale_partner_get_city               (EscalePartner     *self);
const char        *escale_partner_get_postal_code        (EscalePartner     *self);
gboolean           escale_partner_get_coordinates        (EscalePartner     *self,
                                                          double            *latitude,
                                                          double            *longitude);
void               escale_partner_set_coordinates        (EscalePartner     *self,
                                                          double             latitude,
                                                          double             longitude);
void               escale_partner_clear_coordinates      (EscalePartner     *self);
const char        *escale_partner_get_website            (EscalePartner     *self);
const char        *escale_partner_get_phone              (EscalePartner     *self);
const char        *escale_partner_get_email              (EscalePartner     *self);
const char        *escale_partner_get_notes              (EscalePartner     *self);
const char        *escale_partner_get_tags               (EscalePartner     *self);
GStrv              escale_partner_dup_tag_list           (EscalePartner     *self);
gboolean           escale_partner_get_archived           (EscalePartner     *self);
gint64             escale_partner_get_created_at         (EscalePartner     *self);
gint64             escale_partner_get_updated_at         (EscalePartner     *self);

GListModel        *escale_partner_get_contacts           (EscalePartner     *self);
void               escale_partner_add_contact            (EscalePartner     *self,
                                                          EscaleContact     *contact);
void               escale_partner_remove_contact         (EscalePartner     *self,
                                                          EscaleContact     *contact);
GListModel        *escale_partner_get_interactions       (EscalePartner     *self);
void               escale_partner_add_interaction        (EscalePartner     *self,
                                                          EscaleInteraction *interaction);
void               escale_partner_remove_interaction     (EscalePartner     *self,
                                                          EscaleInteraction *interaction);
EscaleInteraction *escale_partner_get_next_action        (EscalePartner     *self);

const char        *escale_partner_get_search_key         (EscalePartner     *self);

G_END_DECLS
