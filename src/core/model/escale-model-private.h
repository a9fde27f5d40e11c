/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

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

/* GParamSpec compares boxed string arrays by address: compare their words,
 * with NULL and an empty array alike. */
static inline gboolean
_escale_param_values_equal (GParamSpec   *pspec,
                            const GValue *a,
                            const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const empty[] = { NULL };
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);

      return g_strv_equal (strv_a != NULL ? strv_a : empty, strv_b != NULL ? strv_b : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* A value of a closed list: its label for the screen, and the words that
 * forms and spreadsheets use for it, in French and in English, folded (no
 * accents, lower case) and separated by '|'. */
typedef struct
{
  const char *label;
  const char *words;
} EscaleChoice;

const EscaleChoice *_escale_event_choices_for (GType  enum_type,
                                               guint *n_choices);

G_END_DECLS
