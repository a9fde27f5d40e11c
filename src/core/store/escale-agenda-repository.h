/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"

G_BEGIN_DECLS

/**
 * EscaleAgenda:
 * @id: the agenda's row
 * @organization_id: the partner it belongs to
 * @name: the calendar's name (X-WR-CALNAME, or the file's name)
 * @source_path: (nullable): the file it was last imported from
 * @imported_at: when, in unix seconds
 * @n_entries: how many entries it holds, cancelled ones included
 *
 * A partner's agenda, imported from an .ics file: read-only in Escale.
 */
typedef struct
{
  gint64  id;
  gint64  organization_id;
  char   *name;
  char   *source_path;
  gint64  imported_at;
  guint   n_entries;
} EscaleAgenda;

/**
 * EscaleAgendaOccurrence:
 * @starts_at: unix seconds
 * @ends_at: unix seconds
 * @uid: the entry's UID in the partner's calendar
 * @summary: (nullable): its title
 * @location: (nullable): where
 * @status: "confirmed" or "tentative"
 * @all_day: the entry covers whole days
 * @tzid: (nullable): the IANA zone its times were read in; %NULL for UTC
 * @problem: (nullable): what the import could not resolve, in plain words
 *
 * One time an entry of a partner's agenda takes place.
 */
typedef struct
{
  gint64    starts_at;
  gint64    ends_at;
  char     *uid;
  char     *summary;
  char     *location;
  char     *status;
  gboolean  all_day;
  char     *tzid;
  char     *problem;
} EscaleAgendaOccurrence;

#define ESCALE_TYPE_AGENDA (escale_agenda_get_type ())
#define ESCALE_TYPE_AGENDA_OCCURRENCE (escale_agenda_occurrence_get_type ())
#define ESCALE_TYPE_AGENDA_REPOSITORY (escale_agenda_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscaleAgendaRepository, escale_agenda_repository, ESCALE, AGENDA_REPOSITORY, GObject)

GType                   escale_agenda_get_type                       (void) G_GNUC_CONST;
EscaleAgenda           *escale_agenda_copy                           (const EscaleAgenda     *agenda);
void                    escale_agenda_free                           (EscaleAgenda           *agenda);

GType                   escale_agenda_occurrence_get_type            (void) G_GNUC_CONST;
EscaleAgendaOccurrence *escale_agenda_occurrence_copy                (const EscaleAgendaOccurrence *occurrence);
void                    escale_agenda_occurrence_free                (EscaleAgendaOccurrence *occurrence);

EscaleAgendaRepository *escale_agenda_repository_new                 (EscaleDatabase         *database);
EscaleAgenda           *escale_agenda_repository_load                (EscaleAgendaRepository *self,
                                                                      gint64                  organization_id,
                                                                      GError                **error);
GPtrArray              *escale_agenda_repository_list_occurrences    (EscaleAgendaRepository *self,
                                                                      gint64                  organization_id,
                                                                      gint64                  from,
                                                                      gint64                  to,
                                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleAgenda, escale_agenda_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleAgendaOccurrence, escale_agenda_occurrence_free)

G_END_DECLS
