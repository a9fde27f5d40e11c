/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_AGENDA_ROW (escale_agenda_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleAgendaRow, escale_agenda_row, ESCALE, AGENDA_ROW, AdwActionRow)

GtkWidget *escale_agenda_row_new    (EscaleContext   *context,
                                     gint64           organization_id);
void       escale_agenda_row_import (EscaleAgendaRow *self,
                                     GFile           *file);

G_END_DECLS
