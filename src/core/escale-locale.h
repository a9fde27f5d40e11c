/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        escale_locale_init         (void);
const char *escale_locale_get_language (void);

G_END_DECLS
