/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-application.h"
#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WINDOW (escale_window_get_type ())

G_DECLARE_FINAL_TYPE (EscaleWindow, escale_window, ESCALE, WINDOW, AdwApplicationWindow)

EscaleWindow  *escale_window_new         (EscaleApplication *application,
                                          EscaleContext     *context,
                                          const GError      *error);
EscaleContext *escale_window_get_context (EscaleWindow      *self);
void           escale_window_add_toast   (EscaleWindow      *self,
                                          AdwToast          *toast);

G_END_DECLS
