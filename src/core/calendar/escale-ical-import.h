/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"

G_BEGIN_DECLS

#define ESCALE_ICAL_IMPORT_ERROR (escale_ical_import_error_quark ())

/**
 * EscaleIcalImportError:
 * @ESCALE_ICAL_IMPORT_ERROR_EMPTY: the file holds nothing
 * @ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR: the file is not iCalendar at all
 * @ESCALE_ICAL_IMPORT_ERROR_TRUNCATED: the file stops in the middle of a
 *   calendar or an entry
 * @ESCALE_ICAL_IMPORT_ERROR_TOO_LARGE: the file is over the size limit
 * @ESCALE_ICAL_IMPORT_ERROR_TOO_LONG: the import ran over its time limit
 * @ESCALE_ICAL_IMPORT_ERROR_UNREADABLE: the file cannot be read
 *
 * Why a file was refused. Nothing is imported from a refused file.
 */
typedef enum
{
  ESCALE_ICAL_IMPORT_ERROR_EMPTY,
  ESCALE_ICAL_IMPORT_ERROR_NOT_A_CALENDAR,
  ESCALE_ICAL_IMPORT_ERROR_TRUNCATED,
  ESCALE_ICAL_IMPORT_ERROR_TOO_LARGE,
  ESCALE_ICAL_IMPORT_ERROR_TOO_LONG,
  ESCALE_ICAL_IMPORT_ERROR_UNREADABLE,
} EscaleIcalImportError;

/**
 * EscaleIcalImportWarning:
 * @uid: (nullable): the entry's UID; %NULL for the file as a whole
 * @summary: (nullable): the entry's title
 * @line: the line of the file where the entry starts; 0 when unknown
 * @message: what happened, in plain translated words
 *
 * Something an import had to decide or could not resolve.
 */
typedef struct
{
  char  *uid;
  char  *summary;
  guint  line;
  char  *message;
} EscaleIcalImportWarning;

#define ESCALE_TYPE_ICAL_IMPORT_WARNING (escale_ical_import_warning_get_type ())
#define ESCALE_TYPE_ICAL_IMPORT_REPORT (escale_ical_import_report_get_type ())
#define ESCALE_TYPE_ICAL_IMPORT (escale_ical_import_get_type ())

G_DECLARE_FINAL_TYPE (EscaleIcalImportReport, escale_ical_import_report, ESCALE, ICAL_IMPORT_REPORT, GObject)
G_DECLARE_FINAL_TYPE (EscaleIcalImport, escale_ical_import, ESCALE, ICAL_IMPORT, GObject)

GQuark                   escale_ical_import_error_quark        (void);

GType                    escale_ical_import_warning_get_type   (void) G_GNUC_CONST;
EscaleIcalImportWarning *escale_ical_import_warning_copy       (const EscaleIcalImportWarning *warning);
void                     escale_ical_import_warning_free       (EscaleIcalImportWarning       *warning);
char                    *escale_ical_import_warning_describe   (const EscaleIcalImportWarning *warning);

const char              *escale_ical_import_report_get_calendar_name (EscaleIcalImportReport *self);
gboolean                 escale_ical_import_report_get_dry_run (EscaleIcalImportReport *self);
guint                    escale_ical_import_report_get_added   (EscaleIcalImportReport *self);
guint                    escale_ical_import_report_get_updated (EscaleIcalImportReport *self);
guint                    escale_ical_import_report_get_removed (EscaleIcalImportReport *self);
guint                    escale_ical_import_report_get_unchanged (EscaleIcalImportReport *self);
GPtrArray               *escale_ical_import_report_get_warnings (EscaleIcalImportReport *self);

EscaleIcalImport        *escale_ical_import_new                (EscaleDatabase         *database);
void                     escale_ical_import_set_now            (EscaleIcalImport       *self,
                                                                gint64                  now);
void                     escale_ical_import_set_limits         (EscaleIcalImport       *self,
                                                                goffset                 max_bytes,
                                                                guint                   max_seconds);
EscaleIcalImportReport  *escale_ical_import_file               (EscaleIcalImport       *self,
                                                                GFile                  *file,
                                                                gint64                  organization_id,
                                                                gboolean                dry_run,
                                                                GCancellable           *cancellable,
                                                                GError                **error);
void                     escale_ical_import_file_async         (EscaleIcalImport       *self,
                                                                GFile                  *file,
                                                                gint64                  organization_id,
                                                                gboolean                dry_run,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
EscaleIcalImportReport  *escale_ical_import_file_finish        (EscaleIcalImport       *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleIcalImportWarning, escale_ical_import_warning_free)

G_END_DECLS
