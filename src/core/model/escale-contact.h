/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CONTACT (escale_contact_get_type ())

G_DECLARE_FINAL_TYPE (EscaleContact, escale_contact, ESCALE, CONTACT, GObject)

EscaleContact *escale_contact_new       (void);
EscaleContact *escale_contact_copy      (EscaleContact *self);
gint64         escale_contact_get_id    (EscaleContact *self);
const char    *escale_contact_get_name  (EscaleContact *self);
const char    *escale_contact_get_role  (EscaleContact *self);
const char    *escale_contact_get_email (EscaleContact *self);
const char    *escale_contact_get_phone (EscaleContact *self);

G_END_DECLS
