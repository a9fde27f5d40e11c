/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"
#include "escale-ical-file.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_EXPORT_DIALOG (escale_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EscaleExportDialog, escale_export_dialog, ESCALE, EXPORT_DIALOG, AdwWindow)

EscaleExportDialog *escale_export_dialog_new       (GtkWindow                 *parent,
                                                    EscaleContext             *context,
                                                    const EscaleIcalSelection *selection,
                                                    const char                *what,
                                                    const char                *file_name);
void                escale_export_dialog_export_to (EscaleExportDialog        *self,
                                                    const char                *path);

G_END_DECLS
