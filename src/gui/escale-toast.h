/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void escale_toast_show (GtkWidget        *widget,
                        AdwToastOverlay  *fallback,
                        AdwToast        **shown,
                        const char       *title);

G_END_DECLS
