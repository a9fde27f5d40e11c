/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "escale-event.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

#define ESCALE_EVENT_DOCUMENT_ERROR (escale_event_document_error_quark ())

/**
 * EscaleEventDocumentError:
 * @ESCALE_EVENT_DOCUMENT_ERROR_NO_SUCH_PAGE: a page past the last one was
 *   asked for
 * @ESCALE_EVENT_DOCUMENT_ERROR_DRAWING: cairo could not draw or write the
 *   document
 */
typedef enum
{
  ESCALE_EVENT_DOCUMENT_ERROR_NO_SUCH_PAGE,
  ESCALE_EVENT_DOCUMENT_ERROR_DRAWING,
} EscaleEventDocumentError;

/**
 * EscaleEventDocument:
 * @ESCALE_EVENT_DOCUMENT_SHEET: the information sheet handed to
 *   participants: dates, itinerary in local times, meeting and return
 *   points, transport, what to bring, description, whom to call
 * @ESCALE_EVENT_DOCUMENT_MANIFEST: the bus manifest, per vehicle: who holds
 *   seats, their household's seats, phone and needs, and a column for an
 *   emergency contact written in by hand
 * @ESCALE_EVENT_DOCUMENT_ATTENDANCE: the attendance sheet: those who hold
 *   seats, a box per stop of the itinerary and a signature
 * @ESCALE_EVENT_DOCUMENT_PARTNERS: the partners' confirmations, stop by
 *   stop, and the checklist with what is done, due and late
 */
typedef enum
{
  ESCALE_EVENT_DOCUMENT_SHEET,
  ESCALE_EVENT_DOCUMENT_MANIFEST,
  ESCALE_EVENT_DOCUMENT_ATTENDANCE,
  ESCALE_EVENT_DOCUMENT_PARTNERS,
} EscaleEventDocument;

/**
 * EscaleEventDocumentData:
 * @event: the event, loaded with its stops, vehicles and tasks
 * @registrations: (element-type EscaleRegistration): its registrations, as
 *   escale_registration_repository_list() orders them
 * @partner_names: (nullable): organization id (#gint64 *) → name
 * @participant_phones: (nullable): participant id (#gint64 *) → phone
 * @today: (nullable): the ISO date tasks are late from and the pages are
 *   dated; today when %NULL
 */
typedef struct
{
  EscaleEvent *event;
  GPtrArray   *registrations;
  GHashTable  *partner_names;
  GHashTable  *participant_phones;
  const char  *today;
} EscaleEventDocumentData;

/* US Letter, the paper of Québec. */
#define ESCALE_EVENT_DOCUMENT_PAGE_WIDTH  612.0
#define ESCALE_EVENT_DOCUMENT_PAGE_HEIGHT 792.0

GQuark       escale_event_document_error_quark (void);

const char  *escale_event_document_get_nick   (EscaleEventDocument            document);
gboolean     escale_event_document_from_nick  (const char                    *nick,
                                               EscaleEventDocument           *document);
const char  *escale_event_document_get_title  (EscaleEventDocument            document);

gboolean     escale_event_document_render     (EscaleEventDocument            document,
                                               const EscaleEventDocumentData *data,
                                               cairo_t                       *cr,
                                               double                         page_width,
                                               double                         page_height,
                                               guint                         *n_pages,
                                               int                            page,
                                               GError                       **error);
gboolean     escale_event_document_data_gather (EscaleEventDocumentData      *data,
                                               EscaleEvent                   *event,
                                               EscaleRegistrationRepository  *registrations,
                                               EscaleParticipantRepository   *participants,
                                               EscalePartnerRepository       *partners,
                                               GError                       **error);
void         escale_event_document_data_clear (EscaleEventDocumentData       *data);
gboolean     escale_event_document_write_pdf  (EscaleEventDocument            document,
                                               const EscaleEventDocumentData *data,
                                               const char                    *path,
                                               GError                       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscaleEventDocumentData, escale_event_document_data_clear)

G_END_DECLS
