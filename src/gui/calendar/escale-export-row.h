/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"
#include "escale-ical-file.h"

G_BEGIN_DECLS

GtkWidget *escale_export_row_new (EscaleContext             *context,
                                  const EscaleIcalSelection *selection,
                                  const char                *what,
                                  const char                *file_name);

G_END_DECLS
