/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every test works in a folder of its own, removed with all it holds. */
char *test_folder_new    (void);
void  test_folder_remove (const char *path);

G_END_DECLS
