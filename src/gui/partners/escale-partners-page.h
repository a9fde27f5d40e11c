/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNERS_PAGE (escale_partners_page_get_type ())

G_DECLARE_FINAL_TYPE (EscalePartnersPage, escale_partners_page, ESCALE, PARTNERS_PAGE, GtkWidget)

void escale_partners_page_set_context (EscalePartnersPage *self,
                                       EscaleContext      *context);

G_END_DECLS
