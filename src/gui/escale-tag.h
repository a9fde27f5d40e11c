/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *escale_tag_new (const char *text,
                           const char *style);

G_END_DECLS
