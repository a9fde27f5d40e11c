/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-interaction.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_INTERACTION_EDITOR_ROW (escale_interaction_editor_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleInteractionEditorRow, escale_interaction_editor_row, ESCALE, INTERACTION_EDITOR_ROW, AdwExpanderRow)

GtkWidget         *escale_interaction_editor_row_new             (EscaleInteraction          *interaction);
EscaleInteraction *escale_interaction_editor_row_get_interaction (EscaleInteractionEditorRow *self);
gboolean           escale_interaction_editor_row_check           (EscaleInteractionEditorRow *self);
gboolean           escale_interaction_editor_row_apply           (EscaleInteractionEditorRow *self,
                                                                  GError                    **error);

G_END_DECLS
