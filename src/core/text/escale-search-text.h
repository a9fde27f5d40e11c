/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *escale_search_fold          (const char         *text);
GStrv     escale_search_terms         (const char         *query);
gboolean  escale_search_terms_match   (const char * const *terms,
                                       const char         *folded_text);

G_END_DECLS
