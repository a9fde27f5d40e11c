/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-agenda-repository.h"
#include "escale-ical-import.h"
#include "partner-fixture.h"

G_BEGIN_DECLS

/* Shared by the .ics import suites: the partner fixture, a partner to
 * import for, files written from strings, and what the database holds. */

/* The import runs on 2026-11-23 at noon UTC. */
#define IMPORT_NOW G_GINT64_CONSTANT (1795435200)

gint64                  import_partner   (Fixture                *fixture);
char                   *write_ics        (Fixture                *fixture,
                                          const char             *name,
                                          const char             *text,
                                          gssize                  length);
EscaleIcalImportReport *import_ok        (Fixture                *fixture,
                                          gint64                  partner,
                                          const char             *text,
                                          gssize                  length);
EscaleIcalImportReport *import_path      (Fixture                *fixture,
                                          gint64                  partner,
                                          const char             *path,
                                          gboolean                dry_run,
                                          GError                **error);
void                    assert_counts    (EscaleIcalImportReport *report,
                                          guint                   added,
                                          guint                   updated,
                                          guint                   removed,
                                          guint                   unchanged);
void                    assert_warning   (EscaleIcalImportReport *report,
                                          const char             *uid,
                                          const char             *fragment);
guint                   n_warnings       (EscaleIcalImportReport *report);
char                   *agenda_dump      (Fixture                *fixture);
gint64                  at_local         (const char             *local,
                                          const char             *zone);
char                   *occurrences_of   (Fixture                *fixture,
                                          const char             *uid);
char                   *event_text       (Fixture                *fixture,
                                          const char             *uid,
                                          const char             *column);
gint64                  event_number     (Fixture                *fixture,
                                          const char             *uid,
                                          const char             *column);

G_END_DECLS
