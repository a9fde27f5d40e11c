/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REGISTRATIONS_VIEW (escale_registrations_view_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegistrationsView, escale_registrations_view, ESCALE, REGISTRATIONS_VIEW, AdwBin)

GtkWidget *escale_registrations_view_new       (void);
void       escale_registrations_view_set_event (EscaleRegistrationsView *self,
                                                EscaleContext           *context,
                                                EscaleEvent             *event);

G_END_DECLS
