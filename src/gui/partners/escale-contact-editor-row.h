/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-contact.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CONTACT_EDITOR_ROW (escale_contact_editor_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleContactEditorRow, escale_contact_editor_row, ESCALE, CONTACT_EDITOR_ROW, AdwExpanderRow)

GtkWidget     *escale_contact_editor_row_new         (EscaleContact          *contact);
EscaleContact *escale_contact_editor_row_get_contact (EscaleContactEditorRow *self);
gboolean       escale_contact_editor_row_check       (EscaleContactEditorRow *self);
gboolean       escale_contact_editor_row_apply       (EscaleContactEditorRow *self,
                                                      GError                **error);

G_END_DECLS
