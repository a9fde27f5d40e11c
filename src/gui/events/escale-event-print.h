/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-context.h"
#include "escale-event-documents.h"

G_BEGIN_DECLS

gboolean escale_event_print (GtkWindow            *parent,
                             EscaleContext        *context,
                             EscaleEvent          *event,
                             EscaleEventDocument   document,
                             GError              **error);

G_END_DECLS
