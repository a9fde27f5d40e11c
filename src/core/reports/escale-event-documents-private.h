/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What escale-event-documents.c (the API, dates and times, the title
 * block), escale-event-programme.c (the information sheet, the partners)
 * and escale-event-rosters.c (the manifest, the attendance sheet) share,
 * and the entry point of the tests. */

#include "escale-event-documents.h"
#include "escale-page-flow.h"

G_BEGIN_DECLS

/**
 * _escale_event_document_render_texts:
 * @texts: (out) (optional) (element-type GPtrArray): per page drawn, the
 *   texts laid out on it in order, a table row's cells separated by tabs
 *   and a box to tick written "[ ]"
 *
 * escale_event_document_render() that also hands back what it laid out, so
 * that a test reads a document without a PDF text extractor.
 */
gboolean    _escale_event_document_render_texts      (EscaleEventDocument            document,
                                                      const EscaleEventDocumentData *data,
                                                      cairo_t                       *cr,
                                                      double                         page_width,
                                                      double                         page_height,
                                                      guint                         *n_pages,
                                                      int                            page,
                                                      GPtrArray                    **texts,
                                                      GError                       **error);

/* In the event's zone and the user's language */
char       *_escale_event_document_format_day        (EscaleEvent                   *event,
                                                      gint64                         instant);
char       *_escale_event_document_format_short_day  (EscaleEvent                   *event,
                                                      gint64                         instant);
char       *_escale_event_document_format_time       (EscaleEvent                   *event,
                                                      gint64                         instant);
char       *_escale_event_document_format_times      (EscaleEvent                   *event,
                                                      gint64                         starts_at,
                                                      gint64                         ends_at);
char       *_escale_event_document_format_moment     (EscaleEvent                   *event,
                                                      gint64                         instant);
char       *_escale_event_document_format_iso_date   (const char                    *iso);

const char *_escale_event_document_lookup            (GHashTable                    *table,
                                                      gint64                         id);
char       *_escale_event_document_dup_partner_name  (const EscaleEventDocumentData *data,
                                                      gint64                         organization_id);
GPtrArray  *_escale_event_document_dup_holders       (const EscaleEventDocumentData *data);
char       *_escale_event_document_describe_holders  (GPtrArray                     *holders,
                                                      guint                          first,
                                                      guint                          last);

void        _escale_event_document_add_title         (EscalePageFlow                *flow,
                                                      EscaleEvent                   *event,
                                                      const char                    *kicker);
void        _escale_event_document_add_zone_note     (EscalePageFlow                *flow,
                                                      EscaleEvent                   *event);

/* The documents */
void        _escale_event_document_add_sheet         (EscalePageFlow                *flow,
                                                      const EscaleEventDocumentData *data);
void        _escale_event_document_add_partners      (EscalePageFlow                *flow,
                                                      const EscaleEventDocumentData *data,
                                                      const char                    *today);
void        _escale_event_document_add_manifest      (EscalePageFlow                *flow,
                                                      const EscaleEventDocumentData *data);
void        _escale_event_document_add_attendance    (EscalePageFlow                *flow,
                                                      const EscaleEventDocumentData *data);

G_END_DECLS
