/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-partner.h"

G_BEGIN_DECLS

/* Set by the repository, which knows region names and owns the clock. */
void _escale_partner_set_search_key (EscalePartner *self,
                                     char          *search_key);
void _escale_partner_set_timestamps (EscalePartner *self,
                                     gint64         created_at,
                                     gint64         updated_at);

G_END_DECLS
