/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_APPLICATION (escale_application_get_type ())

G_DECLARE_FINAL_TYPE (EscaleApplication, escale_application, ESCALE, APPLICATION, AdwApplication)

EscaleApplication *escale_application_new           (void);
GSettings         *escale_application_get_settings  (EscaleApplication *self);
void               escale_application_open_database (EscaleApplication *self,
                                                     const char        *path,
                                                     gboolean           remember);

G_END_DECLS
