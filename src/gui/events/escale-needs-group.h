/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-registration-repository.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_NEEDS_GROUP (escale_needs_group_get_type ())

G_DECLARE_FINAL_TYPE (EscaleNeedsGroup, escale_needs_group, ESCALE, NEEDS_GROUP, AdwPreferencesGroup)

GtkWidget *escale_needs_group_new                 (void);
void       escale_needs_group_set_lodging_visible (EscaleNeedsGroup              *self,
                                                   gboolean                       visible);
void       escale_needs_group_set_registration    (EscaleNeedsGroup              *self,
                                                   EscaleRegistration            *registration);
gboolean   escale_needs_group_is_empty            (EscaleNeedsGroup              *self);
gboolean   escale_needs_group_save                (EscaleNeedsGroup              *self,
                                                   EscaleRegistrationRepository  *registrations,
                                                   gint64                         registration_id,
                                                   GError                       **error);

G_END_DECLS
