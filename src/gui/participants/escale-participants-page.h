/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANTS_PAGE (escale_participants_page_get_type ())

G_DECLARE_FINAL_TYPE (EscaleParticipantsPage, escale_participants_page, ESCALE, PARTICIPANTS_PAGE, GtkWidget)

void        escale_participants_page_set_context (EscaleParticipantsPage *self,
                                                  EscaleContext          *context);
GListModel *escale_participants_page_get_model   (EscaleParticipantsPage *self);

G_END_DECLS
