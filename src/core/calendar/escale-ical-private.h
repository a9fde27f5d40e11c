/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "escale-event.h"
#include "escale-event-range.h"
#include "escale-ical-export.h"
#include "escale-region-repository.h"

G_BEGIN_DECLS

/* Shared by the files of src/core/calendar/ only: libical's types stay out
 * of the public headers, so nothing above the core ever sees them. */

typedef struct _EscaleIcalZones EscaleIcalZones;

/* What every entry of one calendar shares. */
typedef struct
{
  EscaleIcalMethod              method;
  gint64                        stamp;           /* DTSTAMP, unix seconds */
  EscaleRegistrationRepository *registrations;   /* NULL: no ATTENDEE */
  EscaleParticipantRepository  *participants;
} EscaleIcalEntryContext;

icalcomponent   *_escale_ical_event_entry      (const EscaleIcalEntryContext *context,
                                                EscaleEvent      *event,
                                                GError          **error);
icalcomponent   *_escale_ical_event_entry_hosted (const EscaleIcalEntryContext *context,
                                                  EscaleEvent           *event,
                                                  const EscaleEventHost *host,
                                                  GError               **error);
icalcomponent   *_escale_ical_stop_entry       (const EscaleIcalEntryContext *context,
                                                EscaleEvent      *visit,
                                                EscaleItineraryStop *stop);

EscaleIcalZones *_escale_ical_zones_new        (void);
void             _escale_ical_zones_free       (EscaleIcalZones  *zones);
void             _escale_ical_zones_forget     (void);
void             _escale_ical_zones_add        (EscaleIcalZones  *zones,
                                                const char       *tzid,
                                                gint64            starts_at,
                                                gint64            ends_at);
gboolean         _escale_ical_zones_write      (EscaleIcalZones  *zones,
                                                GOutputStream    *stream,
                                                GCancellable     *cancellable,
                                                GError          **error);
void             _escale_ical_set_time         (icalcomponent    *component,
                                                icalproperty_kind kind,
                                                gint64            instant,
                                                const char       *tzid);
icaltimetype     _escale_ical_utc              (gint64            instant);

EscaleIcalEntryContext _escale_ical_export_entry_context (EscaleIcalExport *self);
EscaleEventRepository *_escale_ical_export_get_events    (EscaleIcalExport *self);
gboolean         _escale_ical_check_cancelled  (EscaleIcalExport *self,
                                                EscaleEvent      *event,
                                                GError          **error);
gboolean         _escale_ical_write_range_event (const EscaleIcalEntryContext *context,
                                                 EscaleEvent           *event,
                                                 const EscaleEventHost *host,
                                                 GOutputStream         *stream,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
gboolean         _escale_ical_export_write_head (EscaleIcalExport *self,
                                                EscaleIcalZones  *zones,
                                                GOutputStream    *stream,
                                                GCancellable     *cancellable,
                                                GError          **error);

void             _escale_ical_append_component (GString          *out,
                                                icalcomponent    *component);
gboolean         _escale_ical_write_component  (GOutputStream    *stream,
                                                icalcomponent    *component,
                                                GCancellable     *cancellable,
                                                GError          **error);
gboolean         _escale_ical_write_text       (GOutputStream    *stream,
                                                const char       *text,
                                                GCancellable     *cancellable,
                                                GError          **error);
char            *_escale_ical_clean_text       (const char       *text);

typedef gboolean (*EscaleIcalWriter) (gconstpointer   data,
                                      GOutputStream  *stream,
                                      GCancellable   *cancellable,
                                      GError        **error);

/* The repositories a calendar is read from, opened on a connection of its
 * own for a worker thread. */
typedef struct
{
  EscaleDatabase               *database;
  EscaleRegionRepository       *regions;
  EscaleParticipantRepository  *participants;
  EscaleEventRepository        *events;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
} EscaleIcalStore;

gboolean         _escale_ical_store_open       (EscaleIcalStore  *store,
                                                const char       *database_path,
                                                GError          **error);
void             _escale_ical_store_clear      (EscaleIcalStore  *store);

gboolean         _escale_ical_export_range_with_progress (EscaleIcalExport       *self,
                                                          gint64                  from,
                                                          gint64                  to,
                                                          GOutputStream          *stream,
                                                          EscaleIcalProgressFunc  progress,
                                                          gpointer                progress_data,
                                                          GCancellable           *cancellable,
                                                          GError                **error);

gboolean         _escale_ical_write_file       (const char       *path,
                                                EscaleIcalWriter  writer,
                                                gconstpointer     data,
                                                GCancellable     *cancellable,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleIcalZones, _escale_ical_zones_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

G_END_DECLS
