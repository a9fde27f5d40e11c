/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  escale_clock_time_parse     (const char  *text,
                                       int         *hour,
                                       int         *minute,
                                       GError     **error);
gboolean  escale_local_time_parse     (const char  *date,
                                       const char  *clock,
                                       GTimeZone   *zone,
                                       gint64      *instant,
                                       GError     **error);
char     *escale_local_time_format_date  (gint64      instant,
                                          GTimeZone  *zone);
char     *escale_local_time_format_clock (gint64      instant,
                                          GTimeZone  *zone);

G_END_DECLS
