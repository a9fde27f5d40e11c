/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "escale-database.h"
#include "escale-event-repository.h"
#include "escale-event-series-repository.h"
#include "escale-participant-repository.h"
#include "escale-partner-repository.h"
#include "escale-region-repository.h"
#include "escale-registration-repository.h"

G_BEGIN_DECLS

/* Exit statuses, documented in README.md. */
#define ESCALE_CLI_EXIT_OK    0
#define ESCALE_CLI_EXIT_ERROR 1   /* the data or the user's request is wrong */
#define ESCALE_CLI_EXIT_USAGE 2   /* the command line is wrong */

typedef struct
{
  char                         *db_path;   /* from --db, before resolution */
  char                         *command;   /* "escale-cli partners list", for --help */

  /* Opened on demand by escale_cli_open() */
  EscaleDatabase               *database;
  EscaleRegionRepository       *regions;
  EscalePartnerRepository      *partners;
  EscaleParticipantRepository  *participants;
  EscaleEventRepository        *events;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
} EscaleCli;

typedef int (*EscaleCliCommand) (EscaleCli  *cli,
                                 int         argc,
                                 char      **argv);

gboolean  escale_cli_open          (EscaleCli       *cli,
                                    GError         **error);
int       escale_cli_fail          (GError          *error);
int       escale_cli_usage_error   (GOptionContext  *context,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (2, 3);
gboolean  escale_cli_parse         (EscaleCli       *cli,
                                    GOptionContext  *context,
                                    GOptionEntry    *entries,
                                    int             *argc,
                                    char          ***argv,
                                    int             *status);
void      escale_cli_print_json    (JsonNode        *node);
void      escale_cli_print_cell    (GString         *line,
                                    const char      *text,
                                    guint            width);
void      escale_cli_print_field   (const char      *label,
                                    const char      *value,
                                    guint            width);

typedef struct
{
  const char       *name;
  EscaleCliCommand  run;
  const char       *summary;
} EscaleCliSubcommand;

int       escale_cli_dispatch      (EscaleCli                 *cli,
                                    const char                *group,
                                    const EscaleCliSubcommand *subcommands,
                                    guint                      n_subcommands,
                                    int                        argc,
                                    char                     **argv);

int       escale_cli_demo          (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_partners      (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_participants  (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_events        (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);

int       escale_cli_conflicts     (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_ics           (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_ics_feed      (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);

/* escale-cli-ics-import.c: partners' agendas. */
int       escale_cli_ics_import    (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_ics_refresh   (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_ics_agenda    (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);

gboolean  escale_cli_parse_day     (const char      *date,
                                    gboolean         end,
                                    gint64          *instant);

/* Shared by escale-cli-events.c and escale-cli-events-series.c. */
gboolean  escale_cli_parse_id      (const char      *text,
                                    const char      *what,
                                    gint64          *id,
                                    int             *status);
char     *escale_cli_describe_fill (const EscaleEventFill *fill);
gboolean  escale_cli_describe_membership (EscaleCli     *cli,
                                          EscaleEvent   *event,
                                          char         **membership,
                                          GError       **error);
int       escale_cli_events_series (EscaleCli       *cli,
                                    int              argc,
                                    char           **argv);
int       escale_cli_events_series_exclude (EscaleCli  *cli,
                                            int         argc,
                                            char      **argv);

G_END_DECLS
