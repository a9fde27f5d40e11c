/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-event-repository.h"
#include "escale-event-series-repository.h"
#include "escale-participant-repository.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

#define ESCALE_ICAL_ERROR (escale_ical_error_quark ())

/**
 * EscaleIcalError:
 * @ESCALE_ICAL_ERROR_NOT_A_VISIT: an itinerary was asked of an event that
 *   is not an exploratory visit
 * @ESCALE_ICAL_ERROR_NO_DATE: the event has no date yet
 * @ESCALE_ICAL_ERROR_NOT_CANCELLED: a cancellation (METHOD:CANCEL) was
 *   asked for an event that is not cancelled
 */
typedef enum
{
  ESCALE_ICAL_ERROR_NOT_A_VISIT,
  ESCALE_ICAL_ERROR_NO_DATE,
  ESCALE_ICAL_ERROR_NOT_CANCELLED,
} EscaleIcalError;

/**
 * EscaleIcalMethod:
 * @ESCALE_ICAL_METHOD_PUBLISH: a calendar to open or subscribe to
 * @ESCALE_ICAL_METHOD_REQUEST: an invitation sent to attendees
 * @ESCALE_ICAL_METHOD_CANCEL: withdraws the entries it carries
 *
 * The iTIP method (RFC 5546) a calendar is written with.
 */
typedef enum
{
  ESCALE_ICAL_METHOD_PUBLISH,
  ESCALE_ICAL_METHOD_REQUEST,
  ESCALE_ICAL_METHOD_CANCEL,
} EscaleIcalMethod;

/**
 * EscaleIcalProgressFunc:
 * @done: the entries written so far
 * @total: the entries the calendar will hold
 * @user_data: the data given with the function
 */
typedef void (*EscaleIcalProgressFunc) (guint    done,
                                        guint    total,
                                        gpointer user_data);

#define ESCALE_TYPE_ICAL_EXPORT (escale_ical_export_get_type ())

G_DECLARE_FINAL_TYPE (EscaleIcalExport, escale_ical_export, ESCALE, ICAL_EXPORT, GObject)

GQuark            escale_ical_error_quark          (void);

EscaleIcalExport *escale_ical_export_new           (EscaleEventRepository        *events);
void              escale_ical_export_set_method    (EscaleIcalExport             *self,
                                                    EscaleIcalMethod              method);
void              escale_ical_export_set_attendees (EscaleIcalExport             *self,
                                                    EscaleRegistrationRepository *registrations,
                                                    EscaleParticipantRepository  *participants);
void              escale_ical_export_set_stamp     (EscaleIcalExport             *self,
                                                    gint64                        now);

gboolean          escale_ical_export_event         (EscaleIcalExport             *self,
                                                    gint64                        event_id,
                                                    GOutputStream                *stream,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);
gboolean          escale_ical_export_visit         (EscaleIcalExport             *self,
                                                    gint64                        event_id,
                                                    GOutputStream                *stream,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);
gboolean          escale_ical_export_range         (EscaleIcalExport             *self,
                                                    gint64                        from,
                                                    gint64                        to,
                                                    GOutputStream                *stream,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);
gboolean          escale_ical_export_participant   (EscaleIcalExport             *self,
                                                    EscaleRegistrationRepository *registrations,
                                                    gint64                        participant_id,
                                                    GOutputStream                *stream,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);
gboolean          escale_ical_export_partner       (EscaleIcalExport             *self,
                                                    gint64                        partner_id,
                                                    GOutputStream                *stream,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);
gboolean          escale_ical_export_series        (EscaleIcalExport             *self,
                                                    EscaleEventSeriesRepository  *series,
                                                    gint64                        series_id,
                                                    GOutputStream                *stream,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);

void              escale_ical_export_release_zones (void);

G_END_DECLS
