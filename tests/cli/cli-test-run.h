/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "test-csv.h"

G_BEGIN_DECLS

/* Runs the real escale-cli, as a script would, and reads what a user reads:
 * the exit status (0 success, 1 a problem with the data or a file, 2 a
 * mistake in the command), standard output, one clear line on standard
 * error, and the files it writes or must leave alone. Shared by the cli
 * suites. */

#define TODAY "2026-11-23"

typedef struct
{
  char *folder;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

/* How to start escale-cli when the plain environment is not enough. */
typedef struct
{
  const char        *cwd;
  const char *const *environment;      /* NAME, VALUE, …, NULL */
  gsize              file_size_limit;  /* bytes; 0 for none */
} RunSetup;

typedef struct
{
  const char *code;
  const char *label;
} Kind;

#define N_KINDS 9
extern const Kind kinds[N_KINDS];

void         cli_test_init               (int                 *argc,
                                         char              ***argv);
int          cli_test_run                (void);

void         fixture_set_up              (Fixture             *fixture,
                                          gconstpointer        data);
void         fixture_tear_down           (Fixture             *fixture,
                                          gconstpointer        data);

void         run_argv                    (Run                 *run,
                                          const RunSetup      *setup,
                                          const char * const  *argv);
void         run_clear                   (Run                 *run);
void         assert_data_error           (const Run           *run,
                                          const char          *fragment);
void         assert_usage_error          (const Run           *run,
                                          const char          *fragment);
void         assert_one_line_usage_error (const Run           *run,
                                          const char          *fragment);
guint        count_lines                 (const char          *text);

char        *read_file                   (const char          *path,
                                          gsize               *length);
void         write_file                  (const char          *path,
                                          const char          *contents,
                                          gssize               length);
char        *folder_listing              (const char          *folder);
void         assert_folder_holds         (const char          *folder,
                                          const char          *listing);
void         fill_demo                   (const char          *db);

JsonNode    *parse_json                  (const char          *text);
JsonObject  *check_ics                   (const char          *path);
JsonArray   *list_json                   (const char          *db,
                                          const char          *first_option,
                                          ...);
JsonObject  *show_json                   (const char          *db,
                                          gint64               id);
JsonObject  *series_json                 (const char          *db,
                                          gint64               id);
gint64       sql_number                  (const char          *db,
                                          const char          *sql);
JsonNode    *member                      (JsonObject          *object,
                                          const char          *name);
void         assert_members              (JsonObject          *object,
                                          const char * const  *names,
                                          gsize                n_names);
const char  *string_member               (JsonObject          *object,
                                          const char          *name);
gint64       int_member                  (JsonObject          *object,
                                          const char          *name);
gboolean     boolean_member              (JsonObject          *object,
                                          const char          *name);
JsonArray   *array_member                (JsonObject          *object,
                                          const char          *name);
JsonObject  *item                        (JsonArray           *array,
                                          guint                index_);
char        *utf8_prefix                 (const char          *text,
                                          glong                n);
const char  *kind_label                  (const char          *code);
gboolean     is_date                     (const char          *text);
char        *list_ids                    (JsonArray           *partners);
gboolean     has_id                      (JsonArray           *partners,
                                          gint64               id);

void         assert_csv_rows             (GPtrArray           *records,
                                          JsonArray           *partners);

#define RUN(run, ...) run_argv ((run), NULL, (const char *const[]) { __VA_ARGS__, NULL })
#define RUN_WITH(run, setup, ...) run_argv ((run), (setup), (const char *const[]) { __VA_ARGS__, NULL })

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_END_DECLS
