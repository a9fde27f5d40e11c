/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-application.h"
#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PREFERENCES_WINDOW (escale_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EscalePreferencesWindow, escale_preferences_window, ESCALE, PREFERENCES_WINDOW, AdwPreferencesWindow)

EscalePreferencesWindow *escale_preferences_window_new (EscaleApplication *application,
                                                        EscaleContext     *context);

G_END_DECLS
