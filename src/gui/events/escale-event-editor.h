/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_EVENT_EDITOR (escale_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (EscaleEventEditor, escale_event_editor, ESCALE, EVENT_EDITOR, AdwWindow)

EscaleEventEditor *escale_event_editor_new       (EscaleContext     *context,
                                                  EscaleEvent       *event);
EscaleEvent       *escale_event_editor_get_event (EscaleEventEditor *self);
gboolean           escale_event_editor_get_modified (EscaleEventEditor *self);
GPtrArray         *escale_event_editor_get_warnings (EscaleEventEditor *self);
GPtrArray         *escale_event_editor_get_conflicts (EscaleEventEditor *self);
gboolean           escale_event_editor_present_event (EscaleContext     *context,
                                                      GtkWindow         *transient_for,
                                                      gint64             event_id,
                                                      GError           **error);

G_END_DECLS
