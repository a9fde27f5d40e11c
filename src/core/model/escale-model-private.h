/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; FALSE when nothing changed, so that
 * setters notify only real changes. (g_set_str() arrives in GLib 2.76.) */
static inline gboolean
_escale_set_string (char       **field,
                    const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

G_END_DECLS
