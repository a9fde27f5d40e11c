/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libical/ical.h>

#include "escale-event-repository.h"
#include "escale-ical-file.h"

G_BEGIN_DECLS

/* What the iCalendar export suites share: events made and saved in a
 * zone's local time, a calendar written and checked line by line (CRLF,
 * 75 octets, whole UTF-8 characters, plain IANA zone names), then read
 * back with libical. */

gint64         at              (const char            *local,
                                const char            *zone);
EscaleEvent   *new_event       (EscaleEventKind        kind,
                                const char            *title,
                                const char            *zone,
                                const char            *from,
                                const char            *to);
void           add_stop        (EscaleEvent           *visit,
                                EscaleStopKind         kind,
                                const char            *title,
                                gint64                 starts_at,
                                gint64                 ends_at);
gint64         save_event_ok   (EscaleEventRepository *events,
                                EscaleEvent           *event);
EscaleEvent   *load_event_ok   (EscaleEventRepository *events,
                                gint64                 id);
char          *write_calendar_ok (const EscaleIcalSources   *sources,
                                  const EscaleIcalSelection *selection);
char          *export_ok       (EscaleIcalExport      *export,
                                EscaleIcalScope        scope,
                                gint64                 id);
char          *export_range_ok (EscaleIcalExport      *export,
                                gint64                 from,
                                gint64                 to);
icalcomponent *parse           (const char            *text);
icalcomponent *entry_with_uid  (icalcomponent         *calendar,
                                const char            *uid);
int            sequence_of     (icalcomponent         *entry);

G_END_DECLS
