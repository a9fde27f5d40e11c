/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CONFLICTS_WINDOW (escale_conflicts_window_get_type ())

G_DECLARE_FINAL_TYPE (EscaleConflictsWindow, escale_conflicts_window, ESCALE, CONFLICTS_WINDOW, AdwWindow)

EscaleConflictsWindow *escale_conflicts_window_new           (EscaleContext         *context);
void                   escale_conflicts_window_refresh       (EscaleConflictsWindow *self);
gboolean               escale_conflicts_window_is_loading    (EscaleConflictsWindow *self);
GPtrArray             *escale_conflicts_window_get_conflicts (EscaleConflictsWindow *self);

G_END_DECLS
