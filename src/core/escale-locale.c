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

/**
 * escale_locale_get_language:
 *
 * Asking gettext, rather than reading the locale, keeps every choice of
 * language (region names, eligibility reasons) in step with the rest of the
 * interface, even when a French catalogue is missing.
 *
 * Returns: "fr" when Escale speaks French to the user, "en" otherwise
 */
const char *
escale_locale_get_language (void)
{
  /* Translators: the code of your language: "fr" in French */
  return C_("language code", "en");
}
