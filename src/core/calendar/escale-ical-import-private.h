/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "escale-agenda-repository-private.h"
#include "escale-ical-import.h"

G_BEGIN_DECLS

/* Shared by the escale-ical-import*.c files only. The file is read by a
 * small content-line reader of our own (line numbers, hostile bytes, and
 * speed: libical's parser takes as long as the whole import), and libical
 * does what it is good at: recurrence rules and time zones. */

/* The counsellor's zone: floating times, all-day dates and zones nobody
 * can resolve are read in it. */
#define ESCALE_ICAL_IMPORT_HOME_TZID "America/Toronto"

/* A DATE or DATE-TIME value as written, with its TZID parameter. */
typedef struct
{
  const char *value;
  const char *tzid;
  const char *period_end;    /* RDATE;VALUE=PERIOD: the end or the duration after the '/' */
} IcsTime;

/* One VEVENT as the file has it; the strings point into the file's text. */
typedef struct
{
  guint       line;
  const char *uid;
  const char *summary;
  const char *location;
  const char *description;
  const char *status;
  const char *rrule;
  const char *duration;
  const char *last_modified;
  IcsTime     start;
  IcsTime     end;
  IcsTime     recurrence_id;
  gint64      sequence;
  GArray     *exdates;       /* IcsTime; NULL when there is none */
  GArray     *rdates;        /* IcsTime; NULL when there is none */
} IcsEvent;

typedef struct
{
  GArray     *events;        /* IcsEvent */
  GHashTable *vtimezones;    /* TZID → the VTIMEZONE's text (GString) */
  char       *name;          /* X-WR-CALNAME, or NULL */
  guint       n_calendars;
} IcsFile;

void      _escale_ical_import_file_clear (IcsFile                *file);
char     *_escale_ical_import_decode     (char                   *bytes,
                                          gsize                   length,
                                          const char             *display_name,
                                          EscaleIcalImportReport *report,
                                          GError                **error);
gboolean  _escale_ical_import_read       (char                   *text,
                                          const char             *display_name,
                                          IcsFile                *file,
                                          EscaleIcalImportReport *report,
                                          GError                **error);

/* Time zones: Windows names, libical's prefix, the file's own VTIMEZONEs. */
typedef struct _ImportZones ImportZones;

typedef struct
{
  icaltimezone *zone;        /* never NULL */
  const char   *tzid;        /* what is stored: an IANA name, or NULL for UTC */
  gboolean      unresolved;  /* read in the home zone, flagged */
} ImportZone;

ImportZones      *_escale_ical_import_zones_new     (GHashTable   *vtimezones);
void              _escale_ical_import_zones_free    (ImportZones  *zones);
const ImportZone *_escale_ical_import_zones_resolve (ImportZones  *zones,
                                                     const char   *tzid);
const char       *_escale_ical_import_windows_zone  (const char   *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportZones, _escale_ical_import_zones_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcsFile, _escale_ical_import_file_clear)

/* What every entry of one import shares. */
typedef struct
{
  EscaleIcalImportReport *report;
  ImportZones            *zones;
  GStringChunk           *strings;
  ImportZone              home;          /* floating times, dates, the unresolved */
  ImportZone              utc;
  gint64                  now;
  gint64                  window_start;  /* occurrences that end before are left out */
  gint64                  horizon;       /* … and those that start after */
} ImportContext;

#define ESCALE_ICAL_IMPORT_MAX_OCCURRENCES 1000

/* An entry read and resolved, before its occurrences. */
typedef struct
{
  IcsEvent                 *event;
  const char               *uid;
  const char               *summary;
  gboolean                  has_recurrence_id;
  gint64                    recurrence_id;
  gint64                    last_modified;
  gboolean                  all_day;
  icaltimetype              start;         /* local, with its zone */
  const ImportZone         *zone;
  gint64                    starts_at;
  gint64                    duration;      /* seconds; whole days when all_day */
  const char               *status;
  gboolean                  repeats;       /* a rule to expand, in event->rrule */
  const char               *problem;
} ImportItem;

gboolean  _escale_ical_import_resolve    (ImportContext          *context,
                                          IcsEvent               *event,
                                          ImportItem             *item);
void      _escale_ical_import_expand     (ImportContext          *context,
                                          ImportItem             *item,
                                          GHashTable             *overridden,
                                          GArray                 *occurrences);

/* The report, filled as the import goes. */
EscaleIcalImportReport *_escale_ical_import_report_new   (gboolean                dry_run);
void      _escale_ical_import_report_warn        (EscaleIcalImportReport *self,
                                                  const char             *uid,
                                                  const char             *summary,
                                                  guint                   line,
                                                  const char             *format,
                                                  ...) G_GNUC_PRINTF (5, 6);
void      _escale_ical_import_report_set_counts  (EscaleIcalImportReport *self,
                                                  const char             *calendar_name,
                                                  guint                   added,
                                                  guint                   updated,
                                                  guint                   removed,
                                                  guint                   unchanged);

G_END_DECLS
