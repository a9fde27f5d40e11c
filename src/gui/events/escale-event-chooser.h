/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_EVENT_CHOOSER (escale_event_chooser_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEventChooser, escale_event_chooser, ESCALE, EVENT_CHOOSER, AdwWindow)

EscaleEventChooser *escale_event_chooser_new (GtkWindow     *parent,
                                              EscaleContext *context,
                                              gint64         participant_id);

G_END_DECLS
