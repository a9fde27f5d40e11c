/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "escale-locale.h"

/**
 * escale_locale_init:
 *
 * Follows the user's locale for messages, dates and numbers. An uninstalled
 * build (build-aux/run, the tests) finds its catalogues through
 * `ESCALE_LOCALEDIR`, which points at the build's po/ folder.
 */
void
escale_locale_init (void)
{
  const char *localedir = g_getenv ("ESCALE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
