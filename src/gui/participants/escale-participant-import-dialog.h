/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"
#include "escale-participant-import.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANT_IMPORT_DIALOG (escale_participant_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantImportDialog, escale_participant_import_dialog, ESCALE, PARTICIPANT_IMPORT_DIALOG, AdwWindow)

EscaleParticipantImportDialog *escale_participant_import_dialog_new         (EscaleContext           *context,
                                                                             EscaleParticipantImport *import,
                                                                             const char              *file_name);
void                           escale_participant_import_dialog_choose_file (EscaleContext           *context,
                                                                             GtkWindow               *parent);

G_END_DECLS
