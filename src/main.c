/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-application.h"
#include "escale-locale.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EscaleApplication) application = NULL;

  escale_locale_init ();

  application = escale_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
