/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by escale-event-repository.c, escale-event-parts.c and
 * escale-event-series-repository.c. */

#include "escale-database-private.h"
#include "escale-event.h"
#include "escale-event-repository.h"

G_BEGIN_DECLS

char     *_escale_event_new_ical_uid (void);
gboolean  _escale_record_differs     (gpointer             before,
                                      gpointer             after,
                                      const char * const  *properties,
                                      guint                n_properties);
void      _escale_bind_coordinates   (sqlite3_stmt        *stmt,
                                      int                  param,
                                      gboolean             known,
                                      double               latitude,
                                      double               longitude);
char     *_escale_select_sql         (const char          *table,
                                      const char * const  *columns,
                                      guint                n_columns,
                                      const char          *more,
                                      const char          *where);
gboolean  _escale_event_write_parts  (EscaleDatabase      *database,
                                      EscaleEvent         *event,
                                      EscaleEvent         *before,
                                      gint64               now,
                                      GError             **error);
gboolean  _escale_event_read_parts   (EscaleDatabase      *database,
                                      EscaleEvent         *event,
                                      GError             **error);
gboolean  _escale_event_read_stops   (EscaleDatabase      *database,
                                      EscaleEvent         *event,
                                      GError             **error);
const char *_escale_event_select_sql (void);
int       _escale_event_read_row     (sqlite3_stmt        *stmt,
                                      EscaleEvent         *event);
gboolean  _escale_event_bump_ical_sequence (EscaleDatabase *database,
                                            gint64          event_id,
                                            GError        **error);

gboolean     _escale_event_check                  (EscaleEvent            *event,
                                                   GError                **error);
gboolean     _escale_event_repository_write       (EscaleEventRepository  *self,
                                                   EscaleEvent            *event,
                                                   EscaleEvent            *before,
                                                   gint64                  now,
                                                   GError                **error);
EscaleEvent *_escale_event_repository_read        (EscaleEventRepository  *self,
                                                   gint64                  id,
                                                   GError                **error);
GPtrArray   *_escale_event_repository_list_series (EscaleEventRepository  *self,
                                                   gint64                  series_id,
                                                   GError                **error);
GPtrArray   *_escale_event_repository_list_for_participant (EscaleEventRepository *self,
                                                            gint64                 participant_id,
                                                            GError               **error);
gboolean     _escale_event_series_exclude_date    (EscaleDatabase         *database,
                                                   gint64                  series_id,
                                                   const char             *date,
                                                   gint64                  now,
                                                   GError                **error);

G_END_DECLS
