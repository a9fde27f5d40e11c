/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "escale-search-text.h"

#include "cli-test-run.h"

/* escale-cli's commands: help and usage, demo, partners list and show. */

static const char *const summary_fields[] = {
  "id", "name", "kind", "region_code", "region", "city", "phone", "email",
  "website", "tags", "archived", "next_step", "next_due",
};

static const char *const full_fields[] = {
  "address", "postal_code", "latitude", "longitude", "notes", "created_at",
  "updated_at", "contacts", "interactions",
};

/* Help and usage */

static void
test_help (void)
{
  static const struct
  {
    const char *argv[4];
    const char *mentions[8];
  } helps[] = {
    { { "--help" }, { "demo", "partners", "--db", "--version", "--help" } },
    { { "-h" }, { "demo", "partners", "--db" } },
    { { "demo", "--help" }, { "--seed", "--scale", "--today", "--db" } },
    { { "demo", "-h" }, { "--seed", "--scale", "--today" } },
    { { "partners", "--help" }, { "list", "show", "export" } },
    { { "partners", "-h" }, { "list", "show", "export" } },
    { { "partners", "list", "--help" }, { "--region", "--kind", "--search", "--archived", "--json", "--db" } },
    { { "partners", "show", "--help" }, { "ID", "--json", "--db" } },
    { { "partners", "export", "--help" }, { "--csv", "--separator", "--region", "--kind", "--search", "--archived" } },
    { { "partners", "export", "-h" }, { "--csv", "--separator" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
    {
      g_auto(Run) run = { 0, };

      g_test_message ("escale-cli %s %s %s", helps[i].argv[0],
                      helps[i].argv[1] ? helps[i].argv[1] : "", helps[i].argv[2] ? helps[i].argv[2] : "");
      run_argv (&run, NULL, helps[i].argv);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "Usage:\n"));
      g_assert_cmpstr (run.err, ==, "");
      for (guint m = 0; helps[i].mentions[m] != NULL; m++)
        g_assert_nonnull (strstr (run.out, helps[i].mentions[m]));
    }
}

/* "Usage: list [OPTION…]" tells no one how to run the command. */
static void
test_help_names_the_command (void)
{
  const char *const commands[][2] = {
    { "demo", NULL },
    { "partners", "list" },
    { "partners", "show" },
    { "partners", "export" },
  };
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *expected = NULL;

      if (commands[i][1] != NULL)
        {
          RUN (&run, commands[i][0], commands[i][1], "--help");
          expected = g_strdup_printf ("Usage:\n  escale-cli %s %s ", commands[i][0], commands[i][1]);
        }
      else
        {
          RUN (&run, commands[i][0], "--help");
          expected = g_strdup_printf ("Usage:\n  escale-cli %s ", commands[i][0]);
        }
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "Usage:\n  "));
      if (!g_str_has_prefix (run.out, expected))
        g_string_append_printf (wrong, "%s“%.*s”", wrong->len > 0 ? ", " : "",
                                (int) strcspn (run.out + strlen ("Usage:\n  "), "\n"),
                                run.out + strlen ("Usage:\n  "));
    }

  /* Each command's usage line names the whole command. */
  g_assert_cmpstr (wrong->str, ==, "");
}

static void
test_version (void)
{
  g_auto(Run) run = { 0, };

  RUN (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "escale-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_unknown_command_or_option (Fixture       *fixture,
                                gconstpointer  data)
{
  const struct
  {
    const char *argv[5];
    const char *fragment;
  } mistakes[] = {
    { { "--db", fixture->db, "frobnicate" }, "Unknown command “frobnicate”" },
    { { "--db", fixture->db, "--frobnicate", "partners" }, "Unknown option “--frobnicate”" },
    { { "-x", "partners", "list" }, "“-x”" },
    { { "--db", fixture->db, "partners", "frobnicate" }, "Unknown command “partners frobnicate”" },
    { { "Partners", "list" }, "“Partners”" },
    /* --db without its path */
    { { "--db" }, "--db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_auto(Run) run = { 0, };

      g_test_message ("escale-cli %s %s %s", mistakes[i].argv[0],
                      mistakes[i].argv[1] ? mistakes[i].argv[1] : "", mistakes[i].argv[2] ? mistakes[i].argv[2] : "");
      run_argv (&run, NULL, mistakes[i].argv);
      assert_one_line_usage_error (&run, mistakes[i].fragment);
      g_assert_true (strstr (run.err, "--help") != NULL);
    }

  /* Nothing was opened, let alone created. */
  assert_folder_holds (fixture->folder, "");
}

/* Without a command, the help goes to standard error and the status says
 * the command line was wrong. */
static void
test_missing_command (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) bare = { 0, };
  g_auto(Run) db_only = { 0, };
  g_auto(Run) partners = { 0, };

  RUN (&bare, "");
  RUN (&db_only, "--db", fixture->db);
  RUN (&partners, "--db", fixture->db, "partners");

  /* An empty word is not a command either. */
  assert_one_line_usage_error (&bare, "Unknown command “”");

  g_assert_cmpint (db_only.status, ==, 2);
  g_assert_cmpstr (db_only.out, ==, "");
  g_assert_true (g_str_has_prefix (db_only.err, "Usage:\n"));
  g_assert_nonnull (strstr (db_only.err, "partners"));

  g_assert_cmpint (partners.status, ==, 2);
  g_assert_cmpstr (partners.out, ==, "");
  g_assert_true (g_str_has_prefix (partners.err, "Usage:\n"));
  g_assert_nonnull (strstr (partners.err, "export"));

  assert_folder_holds (fixture->folder, "");

  {
    g_auto(Run) nothing = { 0, };

    run_argv (&nothing, NULL, (const char *const[]) { NULL });
    g_assert_cmpint (nothing.status, ==, 2);
    g_assert_cmpstr (nothing.out, ==, "");
    g_assert_true (g_str_has_prefix (nothing.err, "Usage:\n"));
  }
}

/* Mistakes in a command's options and arguments, all found before the
 * database is opened: no database file appears. */
static void
test_option_mistakes (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *argv[6];
    const char *fragment;
  } mistakes[] = {
    { { "partners", "list", "--frobnicate" }, "--frobnicate" },
    { { "partners", "list", "Lévis" }, "Unexpected argument “Lévis”" },
    { { "partners", "list", "--search" }, "--search" },
    { { "partners", "list", "--kind", "florist" }, "--kind: “florist” is not a kind" },
    { { "partners", "show" }, "exactly one partner ID" },
    { { "partners", "show", "1", "2" }, "exactly one partner ID" },
    { { "partners", "show", "twelve" }, "“twelve” is not a partner ID" },
    { { "partners", "show", "0" }, "“0” is not a partner ID" },
    { { "partners", "show", "12abc" }, "“12abc” is not a partner ID" },
    { { "partners", "show", "-3" }, "-3" },
    { { "partners", "show", "9223372036854775808" }, "“9223372036854775808” is not a partner ID" },
    { { "partners", "show", "1", "--xml" }, "--xml" },
    { { "partners", "export" }, "--csv FILE" },
    { { "partners", "export", "--separator", ";" }, "--csv FILE" },
    { { "partners", "export", "--csv", "-", "--separator", "|" }, "--separator: use , ; or tab" },
    { { "partners", "export", "--csv", "-", "--separator", ",;" }, "--separator" },
    { { "partners", "export", "--csv", "-", "extra" }, "Unexpected argument “extra”" },
    { { "partners", "export", "--csv", "-", "--kind", "florist" }, "“florist”" },
    { { "demo", "extra" }, "Unexpected argument “extra”" },
    { { "demo", "--frobnicate" }, "--frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_auto(Run) run = { 0, };
      const char *argv[9] = { "--db", fixture->db, NULL };

      for (guint j = 0; j < G_N_ELEMENTS (mistakes[i].argv) && mistakes[i].argv[j] != NULL; j++)
        argv[2 + j] = mistakes[i].argv[j];
      g_test_message ("escale-cli … %s %s %s %s", mistakes[i].argv[0], mistakes[i].argv[1],
                      mistakes[i].argv[2] ? mistakes[i].argv[2] : "", mistakes[i].argv[3] ? mistakes[i].argv[3] : "");
      run_argv (&run, NULL, argv);
      assert_usage_error (&run, mistakes[i].fragment);
      assert_folder_holds (fixture->folder, "");
    }

  /* An unknown kind is answered with the kinds there are. */
  {
    g_auto(Run) run = { 0, };

    RUN (&run, "--db", fixture->db, "partners", "list", "--kind", "Employer");
    assert_usage_error (&run, "“Employer”");
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      g_assert_nonnull (strstr (run.err, kinds[k].code));
  }
}

/* demo */

static void
test_demo_fills_an_empty_database (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *expected_end = g_strdup_printf (" in %s\n", fixture->db);
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) export = { 0, };
  guint n_partners = 0, n_contacts = 0, n_interactions = 0, contacts_in_csv = 0;
  GStatBuf info;

  RUN (&run, "--db", fixture->db, "demo", "--seed", "1", "--scale", "1", "--today", TODAY);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (sscanf (run.out, "Created %u partners, %u contacts and %u interactions in ",
                           &n_partners, &n_contacts, &n_interactions), ==, 3);
  g_assert_true (g_str_has_suffix (run.out, expected_end));
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_cmpuint (n_partners, ==, 100);
  g_assert_cmpuint (n_contacts, >, 0);
  g_assert_cmpuint (n_interactions, >, 0);

  /* Only the database, private to its user: no -wal or -shm is left. */
  assert_folder_holds (fixture->folder, "escale.db");
  g_assert_cmpint (g_stat (fixture->db, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0077, ==, 0);

  partners = list_json (fixture->db, "--archived", NULL);
  g_assert_cmpuint (json_array_get_length (partners), ==, n_partners);
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      gint64 id = int_member (item (partners, i), "id");

      g_assert_true (g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) id)));
    }

  /* The export lists each partner's contacts, one per line. */
  RUN (&export, "--db", fixture->db, "partners", "export", "--csv", "-", "--archived");
  g_assert_cmpint (export.status, ==, 0);
  records = test_csv_read (export.out, ',');
  for (guint i = 1; i < records->len; i++)
    {
      const char *contacts = test_csv_cell (records, i, 13);

      if (*contacts != '\0')
        contacts_in_csv += count_lines (contacts) + 1;
    }
  g_assert_cmpuint (contacts_in_csv, ==, n_contacts);
}

static void
test_demo_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };

  RUN (&run, "--db", fixture->db, "demo", "--scale", "2", "--today", TODAY);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Created 200 partners, "));
  partners = list_json (fixture->db, "--archived", NULL);
  g_assert_cmpuint (json_array_get_length (partners), ==, 200);
}

/* Fills @db with `demo --seed @seed`, and returns the list and the export
 * of everything it holds. */
static void
demo_outputs (const char  *db,
              const char  *seed,
              char       **list,
              char       **export)
{
  g_auto(Run) demo = { 0, };
  g_auto(Run) list_run = { 0, };
  g_auto(Run) export_run = { 0, };

  RUN (&demo, "--db", db, "demo", "--seed", seed, "--today", TODAY);
  g_assert_cmpint (demo.status, ==, 0);
  RUN (&list_run, "--db", db, "partners", "list", "--json", "--archived");
  g_assert_cmpint (list_run.status, ==, 0);
  RUN (&export_run, "--db", db, "partners", "export", "--csv", "-", "--archived");
  g_assert_cmpint (export_run.status, ==, 0);

  *list = g_steal_pointer (&list_run.out);
  *export = g_steal_pointer (&export_run.out);
}

static void
test_demo_is_deterministic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *twin = g_build_filename (fixture->folder, "twin.db", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_autofree char *list = NULL;
  g_autofree char *export = NULL;
  g_autofree char *twin_list = NULL;
  g_autofree char *twin_export = NULL;
  g_autofree char *other_list = NULL;
  g_autofree char *other_export = NULL;

  demo_outputs (fixture->db, "7", &list, &export);
  demo_outputs (twin, "7", &twin_list, &twin_export);
  demo_outputs (other, "8", &other_list, &other_export);

  g_assert_cmpuint (strlen (list), >, 10000);
  g_assert_cmpstr (list, ==, twin_list);
  g_assert_cmpstr (export, ==, twin_export);
  g_assert_cmpstr (list, !=, other_list);
  g_assert_cmpstr (export, !=, other_export);
}

/* --today moves the pending next steps with it. */
static void
test_demo_today (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };
  guint with_due = 0;

  RUN (&run, "--db", fixture->db, "demo", "--today", "2030-01-15");
  g_assert_cmpint (run.status, ==, 0);
  partners = list_json (fixture->db, "--archived", NULL);
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      const char *due = string_member (item (partners, i), "next_due");

      if (due == NULL)
        continue;
      with_due++;
      g_assert_cmpstr (due, >, "2029-01-15");
      g_assert_cmpstr (due, <, "2031-01-15");
    }
  g_assert_cmpuint (with_due, >, 0);
}

static void
test_demo_refuses_a_filled_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_auto(Run) before = { 0, };
  g_auto(Run) same_seed = { 0, };
  g_auto(Run) other_seed = { 0, };
  g_auto(Run) after = { 0, };

  fill_demo (fixture->db);
  RUN (&before, "--db", fixture->db, "partners", "list", "--json", "--archived");
  g_assert_cmpint (before.status, ==, 0);

  RUN (&same_seed, "--db", fixture->db, "demo", "--seed", "1", "--today", TODAY);
  assert_data_error (&same_seed, "already holds data");
  RUN (&other_seed, "--db", fixture->db, "demo", "--seed", "2");
  assert_data_error (&other_seed, "already holds data");

  RUN (&after, "--db", fixture->db, "partners", "list", "--json", "--archived");
  g_assert_cmpstr (after.out, ==, before.out);
  assert_folder_holds (fixture->folder, "escale.db");
}

/* Wrong numbers and dates are mistakes in the command (status 2), found
 * before the database is created. */
static void
test_demo_bad_numbers (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    const char *option;
    const char *value;
    const char *fragment;
  } mistakes[] = {
    { "--seed", "-1", "--seed" },
    { "--seed", "seven", "“seven”" },
    { "--seed", "99999999999", "“99999999999”" },
    { "--seed", "1.5", "“1.5”" },
    { "--scale", "0", "--scale: use a number from 1 to 1000" },
    { "--scale", "-2", "--scale" },
    { "--scale", "1001", "--scale: use a number from 1 to 1000" },
    { "--scale", "ten", "“ten”" },
    { "--scale", "", "--scale" },
    { "--today", "23/11/2026", "“23/11/2026” is not a date" },
    { "--today", "2026-02-30", "“2026-02-30” is not a date" },
    { "--today", "tomorrow", "“tomorrow”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_auto(Run) run = { 0, };

      g_test_message ("demo %s %s", mistakes[i].option, mistakes[i].value);
      RUN (&run, "--db", fixture->db, "demo", mistakes[i].option, mistakes[i].value);
      assert_usage_error (&run, mistakes[i].fragment);
      assert_folder_holds (fixture->folder, "");
    }
}

/* partners list */

static void
test_list_json_fields (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(GHashTable) region_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *previous = g_strdup ("");
  guint with_region = 0, with_tags = 0, with_next = 0;

  fill_demo (fixture->db);
  partners = list_json (fixture->db, NULL);
  g_assert_cmpuint (json_array_get_length (partners), >, 90);
  g_assert_cmpuint (json_array_get_length (partners), <, 100);

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = item (partners, i);
      g_autofree char *name = NULL;
      const char *region_code, *region, *due, *website;
      JsonArray *tags;

      /* The documented fields; the full record is for `show`. */
      assert_members (partner, summary_fields, G_N_ELEMENTS (summary_fields));
      for (guint f = 0; f < G_N_ELEMENTS (full_fields); f++)
        g_assert_false (json_object_has_member (partner, full_fields[f]));

      g_assert_cmpint (int_member (partner, "id"), >, 0);
      g_assert_nonnull (string_member (partner, "name"));
      g_assert_nonnull (kind_label (string_member (partner, "kind")));
      string_member (partner, "city");
      string_member (partner, "phone");
      string_member (partner, "email");
      g_assert_false (boolean_member (partner, "archived"));

      region_code = string_member (partner, "region_code");
      region = string_member (partner, "region");
      g_assert_true ((region_code == NULL) == (region == NULL));
      if (region_code != NULL)
        {
          const char *known = g_hash_table_lookup (region_names, region_code);

          with_region++;
          g_assert_true (g_regex_match_simple ("^(0[1-9]|1[0-7])$", region_code, 0, 0));
          /* One name per code. */
          if (known != NULL)
            g_assert_cmpstr (region, ==, known);
          else
            g_hash_table_insert (region_names, g_strdup (region_code), g_strdup (region));
        }

      website = string_member (partner, "website");
      if (website != NULL)
        g_assert_true (g_str_has_prefix (website, "https://"));

      tags = array_member (partner, "tags");
      for (guint t = 0; t < json_array_get_length (tags); t++)
        {
          JsonNode *tag = json_array_get_element (tags, t);

          g_assert_true (JSON_NODE_HOLDS_VALUE (tag));
          g_assert_cmpstr (json_node_get_string (tag), !=, "");
          with_tags++;
        }

      due = string_member (partner, "next_due");
      if (due != NULL)
        {
          with_next++;
          g_assert_true (is_date (due));
          g_assert_nonnull (string_member (partner, "next_step"));
        }

      /* Sorted by name, accents aside: "École" among the E's. */
      name = escale_search_fold (string_member (partner, "name"));
      g_assert_cmpint (strcmp (previous, name), <=, 0);
      g_free (previous);
      previous = g_steal_pointer (&name);
    }

  g_assert_cmpuint (with_region, >, 0);
  g_assert_cmpuint (g_hash_table_size (region_names), >, 1);
  g_assert_cmpuint (with_tags, >, 0);
  g_assert_cmpuint (with_next, >, 0);
}

static void
test_list_region (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonArray) everything = NULL;
  g_autoptr(JsonArray) region = NULL;
  g_autoptr(JsonArray) region_and_kind = NULL;
  g_auto(Run) unknown = { 0, };
  g_auto(Run) by_name = { 0, };
  const char *kind;
  guint n, expected = 0;

  fill_demo (fixture->db);
  everything = list_json (fixture->db, NULL);
  n = json_array_get_length (everything);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (string_member (item (everything, i), "region_code"), "01") == 0)
        expected++;
    }

  region = list_json (fixture->db, "--region", "01", NULL);
  g_assert_cmpuint (json_array_get_length (region), >, 0);
  g_assert_cmpuint (json_array_get_length (region), <, n);
  g_assert_cmpuint (json_array_get_length (region), ==, expected);
  for (guint i = 0; i < json_array_get_length (region); i++)
    g_assert_cmpstr (string_member (item (region, i), "region_code"), ==, "01");
  g_assert_cmpstr (string_member (item (region, 0), "region"), ==, "Bas-Saint-Laurent");

  /* Filters add up. */
  kind = string_member (item (region, 0), "kind");
  region_and_kind = list_json (fixture->db, "--kind", kind, "--region", "01", NULL);
  g_assert_cmpuint (json_array_get_length (region_and_kind), >, 0);
  g_assert_cmpuint (json_array_get_length (region_and_kind), <, json_array_get_length (region));
  for (guint i = 0; i < json_array_get_length (region_and_kind); i++)
    {
      g_assert_cmpstr (string_member (item (region_and_kind, i), "region_code"), ==, "01");
      g_assert_cmpstr (string_member (item (region_and_kind, i), "kind"), ==, kind);
    }

  /* Regions are 01 to 17, written with two digits. */
  RUN (&unknown, "--db", fixture->db, "partners", "list", "--region", "99");
  assert_usage_error (&unknown, "--region: “99” is not a region code");
  RUN (&by_name, "--db", fixture->db, "partners", "list", "--region", "Bas-Saint-Laurent");
  assert_usage_error (&by_name, "“Bas-Saint-Laurent”");
}

/* The kinds split the partners: each one has only its kind, and together
 * they are everyone. */
static void
test_list_kind (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) everything = NULL;
  guint n, total = 0, employers = 0;

  fill_demo (fixture->db);
  everything = list_json (fixture->db, NULL);
  n = json_array_get_length (everything);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(JsonArray) partners = list_json (fixture->db, "--kind", kinds[k].code, NULL);

      g_assert_cmpuint (json_array_get_length (partners), <, n);
      for (guint i = 0; i < json_array_get_length (partners); i++)
        g_assert_cmpstr (string_member (item (partners, i), "kind"), ==, kinds[k].code);
      if (g_str_equal (kinds[k].code, "employer"))
        employers = json_array_get_length (partners);
      total += json_array_get_length (partners);
    }

  g_assert_cmpuint (employers, >, 0);
  g_assert_cmpuint (total, ==, n);
}

static void
test_list_archived (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonArray) current = NULL;
  g_autoptr(JsonArray) everyone = NULL;
  guint archived = 0;

  fill_demo (fixture->db);
  current = list_json (fixture->db, NULL);
  everyone = list_json (fixture->db, "--archived", NULL);

  for (guint i = 0; i < json_array_get_length (current); i++)
    {
      g_assert_false (boolean_member (item (current, i), "archived"));
      g_assert_true (has_id (everyone, int_member (item (current, i), "id")));
    }
  for (guint i = 0; i < json_array_get_length (everyone); i++)
    {
      if (boolean_member (item (everyone, i), "archived"))
        {
          archived++;
          g_assert_false (has_id (current, int_member (item (everyone, i), "id")));
        }
    }

  g_assert_cmpuint (archived, >, 0);
  g_assert_cmpuint (json_array_get_length (everyone), ==, json_array_get_length (current) + archived);
}

/* What --search looks through, folded as the search folds it. */
static char *
searchable_text (const char *db,
                 gint64      id)
{
  g_autoptr(JsonObject) partner = show_json (db, id);
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *tags = array_member (partner, "tags");
  JsonArray *contacts = array_member (partner, "contacts");

  g_string_append_printf (text, "%s\n%s\n%s\n%s\n",
                          string_member (partner, "name"),
                          string_member (partner, "city") ? string_member (partner, "city") : "",
                          string_member (partner, "region") ? string_member (partner, "region") : "",
                          kind_label (string_member (partner, "kind")));
  for (guint i = 0; i < json_array_get_length (tags); i++)
    g_string_append_printf (text, "%s\n", json_array_get_string_element (tags, i));
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    g_string_append_printf (text, "%s\n", string_member (item (contacts, i), "name"));

  return escale_search_fold (text->str);
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonArray) everything = NULL;
  g_autoptr(JsonArray) plain = NULL;
  g_autoptr(JsonArray) accented = NULL;
  g_autoptr(JsonArray) both_words = NULL;
  g_autoptr(JsonArray) nothing = NULL;
  g_autofree char *plain_ids = NULL;
  g_autofree char *accented_ids = NULL;
  guint n, in_levis = 0;

  fill_demo (fixture->db);
  everything = list_json (fixture->db, NULL);
  n = json_array_get_length (everything);

  /* Case and accents are ignored both ways. */
  plain = list_json (fixture->db, "--search", "LEVIS", NULL);
  accented = list_json (fixture->db, "--search", "lévis", NULL);
  plain_ids = list_ids (plain);
  accented_ids = list_ids (accented);
  g_assert_cmpstr (plain_ids, ==, accented_ids);
  g_assert_cmpuint (json_array_get_length (plain), >, 0);
  g_assert_cmpuint (json_array_get_length (plain), <, n);

  /* Everyone in Lévis is found… */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *partner = item (everything, i);
      g_autofree char *city = escale_search_fold (string_member (partner, "city"));
      g_autofree char *name = escale_search_fold (string_member (partner, "name"));

      if (strstr (city, "levis") != NULL || strstr (name, "levis") != NULL)
        {
          in_levis++;
          g_assert_true (has_id (plain, int_member (partner, "id")));
        }
    }
  g_assert_cmpuint (in_levis, >, 0);

  /* …and everyone found mentions it. */
  for (guint i = 0; i < json_array_get_length (plain); i++)
    {
      g_autofree char *text = searchable_text (fixture->db, int_member (item (plain, i), "id"));

      g_assert_nonnull (strstr (text, "levis"));
    }

  /* Every word must match. */
  both_words = list_json (fixture->db, "--search", "Boulangerie  LÉVIS", NULL);
  g_assert_cmpuint (json_array_get_length (both_words), >, 0);
  g_assert_cmpuint (json_array_get_length (both_words), <, json_array_get_length (plain));
  for (guint i = 0; i < json_array_get_length (both_words); i++)
    {
      g_autofree char *text = searchable_text (fixture->db, int_member (item (both_words, i), "id"));

      g_assert_true (has_id (plain, int_member (item (both_words, i), "id")));
      g_assert_nonnull (strstr (text, "boulangerie"));
    }

  nothing = list_json (fixture->db, "--search", "zzzz-nowhere", NULL);
  g_assert_cmpuint (json_array_get_length (nothing), ==, 0);
}

/* The table: a header, then one line per partner in the JSON's order, with
 * columns aligned by characters, not bytes. */
static void
test_list_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;
  guint n;

  fill_demo (fixture->db);
  partners = list_json (fixture->db, NULL);
  n = json_array_get_length (partners);

  RUN (&run, "--db", fixture->db, "partners", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
  g_assert_cmpstr (lines[n + 1], ==, "");

  g_assert_true (g_str_has_prefix (lines[0], "ID      Name"));
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (lines[0], 54), "Kind"));
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (lines[0], 84), "City"));
  g_assert_cmpstr (g_utf8_offset_to_pointer (lines[0], 104), ==, "Next step due");

  for (guint i = 0; i < n; i++)
    {
      JsonObject *partner = item (partners, i);
      const char *line = lines[i + 1];
      const char *city = string_member (partner, "city");
      const char *due = string_member (partner, "next_due");
      g_autofree char *id = g_strdup_printf ("%-6" G_GINT64_FORMAT "  ", int_member (partner, "id"));
      g_autofree char *name = utf8_prefix (string_member (partner, "name"), 30);
      g_autofree char *kind = utf8_prefix (kind_label (string_member (partner, "kind")), 20);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_true (g_str_has_prefix (line, id));
      g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (line, 8), name));
      g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (line, 54), kind));
      if (city != NULL)
        {
          g_autofree char *start = utf8_prefix (city, 10);

          g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (line, 84), start));
        }
      if (due != NULL)
        g_assert_cmpstr (g_utf8_offset_to_pointer (line, 104), ==, due);
      else
        g_assert_cmpuint (g_utf8_strlen (line, -1), <=, 102);
    }
}

static void
test_list_empty_database (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonArray) partners = NULL;
  g_auto(Run) run = { 0, };

  partners = list_json (fixture->db, "--archived", NULL);
  g_assert_cmpuint (json_array_get_length (partners), ==, 0);

  RUN (&run, "--db", fixture->db, "partners", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "ID      Name"));
  g_assert_cmpuint (count_lines (run.out), ==, 1);
}

/* Messages and labels follow the language; the JSON's codes never do. */
static void
test_list_in_french (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *const french[] = { "LANGUAGE", "fr", NULL };
  const RunSetup setup = { .environment = french };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) english = NULL;
  g_auto(Run) table = { 0, };
  g_auto(Run) json = { 0, };
  g_auto(Run) missing = { 0, };
  JsonArray *partners;

  fill_demo (fixture->db);
  RUN_WITH (&table, &setup, "--db", fixture->db, "partners", "list", "--kind", "employer");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_str_has_prefix (table.out, "ID      Nom"));
  g_assert_nonnull (strstr (table.out, "Employeur"));
  g_assert_null (strstr (table.out, "Employer"));

  english = list_json (fixture->db, NULL);
  RUN_WITH (&json, &setup, "--db", fixture->db, "partners", "list", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  partners = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (partners), ==, json_array_get_length (english));
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      g_assert_nonnull (kind_label (string_member (item (partners, i), "kind")));
      g_assert_cmpint (int_member (item (partners, i), "id"), ==, int_member (item (english, i), "id"));
      g_assert_cmpstr (string_member (item (partners, i), "kind"), ==, string_member (item (english, i), "kind"));
    }

  RUN_WITH (&missing, &setup, "--db", fixture->db, "partners", "show", "99999");
  assert_data_error (&missing, "Aucun partenaire n’a l’ID 99999");
}

/* partners show */

/* A partner with contacts and a pending next step. */
static JsonObject *
pick_busy_partner (JsonArray *partners)
{
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      if (string_member (item (partners, i), "next_due") != NULL)
        return item (partners, i);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_show_json (Fixture       *fixture,
                gconstpointer  data)
{
  const char *const channels[] = { "meeting", "phone", "email", "visit", "event", "other", NULL };
  const char *const contact_fields[] = { "id", "name", "role", "email", "phone" };
  const char *const interaction_fields[] = {
    "id", "date", "channel", "contact_id", "summary", "next_step", "due_on", "done",
  };
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(JsonObject) full = NULL;
  g_autoptr(GHashTable) contact_ids = g_hash_table_new (NULL, NULL);
  JsonObject *summary;
  JsonArray *contacts, *interactions;
  const char *postal_code;
  gboolean next_found = FALSE;

  fill_demo (fixture->db);
  partners = list_json (fixture->db, NULL);
  summary = pick_busy_partner (partners);
  full = show_json (fixture->db, int_member (summary, "id"));

  /* The list's fields, with the same values, and the documented others. */
  for (guint f = 0; f < G_N_ELEMENTS (summary_fields); f++)
    g_assert_true (json_node_equal (member (summary, summary_fields[f]), member (full, summary_fields[f])));
  assert_members (full, full_fields, G_N_ELEMENTS (full_fields));

  string_member (full, "address");
  string_member (full, "notes");
  postal_code = string_member (full, "postal_code");
  if (postal_code != NULL)
    g_assert_true (g_regex_match_simple ("^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$", postal_code, 0, 0));
  if (!JSON_NODE_HOLDS_NULL (member (full, "latitude")))
    {
      /* Decimal degrees, somewhere in Québec. */
      g_assert_cmpfloat (json_object_get_double_member (full, "latitude"), >, 44.0);
      g_assert_cmpfloat (json_object_get_double_member (full, "latitude"), <, 63.0);
      g_assert_cmpfloat (json_object_get_double_member (full, "longitude"), >, -80.0);
      g_assert_cmpfloat (json_object_get_double_member (full, "longitude"), <, -57.0);
    }
  else
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (member (full, "longitude")));
    }
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       string_member (full, "created_at"), 0, 0));
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       string_member (full, "updated_at"), 0, 0));
  g_assert_cmpstr (string_member (full, "created_at"), <=, string_member (full, "updated_at"));

  contacts = array_member (full, "contacts");
  g_assert_cmpuint (json_array_get_length (contacts), >, 0);
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *contact = item (contacts, i);

      assert_members (contact, contact_fields, G_N_ELEMENTS (contact_fields));
      g_assert_true (g_hash_table_add (contact_ids, GSIZE_TO_POINTER ((gsize) int_member (contact, "id"))));
      g_assert_nonnull (string_member (contact, "name"));
      string_member (contact, "role");
      string_member (contact, "email");
      string_member (contact, "phone");
    }

  interactions = array_member (full, "interactions");
  g_assert_cmpuint (json_array_get_length (interactions), >, 0);
  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      JsonObject *interaction = item (interactions, i);
      JsonNode *contact_id = member (interaction, "contact_id");

      assert_members (interaction, interaction_fields, G_N_ELEMENTS (interaction_fields));
      int_member (interaction, "id");
      g_assert_true (is_date (string_member (interaction, "date")));
      g_assert_true (g_strv_contains (channels, string_member (interaction, "channel")));
      g_assert_nonnull (string_member (interaction, "summary"));
      /* The contact spoken to is one of this partner's. */
      if (!JSON_NODE_HOLDS_NULL (contact_id))
        g_assert_true (g_hash_table_contains (contact_ids, GSIZE_TO_POINTER ((gsize) json_node_get_int (contact_id))));
      if (string_member (interaction, "due_on") != NULL)
        g_assert_true (is_date (string_member (interaction, "due_on")));

      /* The summary's next step is one of these, still to do. */
      if (!boolean_member (interaction, "done") &&
          g_strcmp0 (string_member (interaction, "next_step"), string_member (summary, "next_step")) == 0 &&
          g_strcmp0 (string_member (interaction, "due_on"), string_member (summary, "next_due")) == 0)
        next_found = TRUE;
    }
  g_assert_true (next_found);
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_autofree char *framed = g_strdup_printf ("\n%s\n", line);

  return strstr (text, framed) != NULL;
}

static void
test_show_text (Fixture       *fixture,
                gconstpointer  data)
{
  const char *const labelled[][2] = {
    { "Address", "address" },
    { "City", "city" },
    { "Postal code", "postal_code" },
    { "Phone", "phone" },
    { "Email", "email" },
    { "Website", "website" },
    { "Region", "region" },
  };
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(JsonObject) full = NULL;
  g_autofree char *id = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *kind_line = NULL;
  g_auto(Run) run = { 0, };
  JsonArray *contacts, *interactions, *tags;

  fill_demo (fixture->db);
  partners = list_json (fixture->db, NULL);
  full = show_json (fixture->db, int_member (pick_busy_partner (partners), "id"));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, int_member (full, "id"));

  RUN (&run, "--db", fixture->db, "partners", "show", id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  first_line = g_strdup_printf ("%s\n", string_member (full, "name"));
  g_assert_true (g_str_has_prefix (run.out, first_line));
  kind_line = g_strdup_printf ("%-16s %s", "Kind", kind_label (string_member (full, "kind")));
  g_assert_true (has_line (run.out, kind_line));
  for (guint f = 0; f < G_N_ELEMENTS (labelled); f++)
    {
      const char *value = string_member (full, labelled[f][1]);
      g_autofree char *start = g_strdup_printf ("\n%-16s ", labelled[f][0]);

      if (value != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s%s\n", start, value);

          g_assert_nonnull (strstr (run.out, line));
        }
      else
        {
          g_assert_null (strstr (run.out, start));
        }
    }

  tags = array_member (full, "tags");
  for (guint i = 0; i < json_array_get_length (tags); i++)
    g_assert_nonnull (strstr (run.out, json_array_get_string_element (tags, i)));

  contacts = array_member (full, "contacts");
  g_assert_true (has_line (run.out, "Contacts"));
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      g_autofree char *start = g_strdup_printf ("\n  %s", string_member (item (contacts, i), "name"));

      g_assert_nonnull (strstr (run.out, start));
    }

  interactions = array_member (full, "interactions");
  g_assert_true (has_line (run.out, "Interactions"));
  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      JsonObject *interaction = item (interactions, i);
      g_autofree char *start = g_strdup_printf ("\n  %s  ", string_member (interaction, "date"));
      g_autofree char *summary = g_strdup_printf (": %s\n", string_member (interaction, "summary"));

      g_assert_nonnull (strstr (run.out, start));
      g_assert_nonnull (strstr (run.out, summary));
    }

  /* The pending next step, with its due date. */
  {
    g_autofree char *next = g_strdup_printf ("Next step: %s (%s)\n", string_member (full, "next_step"),
                                             string_member (full, "next_due"));

    g_assert_nonnull (strstr (run.out, next));
  }
}

static void
test_show_archived (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonArray) everyone = NULL;
  g_autoptr(JsonObject) full = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0, };
  JsonObject *archived = NULL;

  fill_demo (fixture->db);
  everyone = list_json (fixture->db, "--archived", NULL);
  for (guint i = 0; i < json_array_get_length (everyone) && archived == NULL; i++)
    {
      if (boolean_member (item (everyone, i), "archived"))
        archived = item (everyone, i);
    }
  g_assert_nonnull (archived);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, int_member (archived, "id"));

  /* Archived partners are not listed by default, but can be shown. */
  RUN (&run, "--db", fixture->db, "partners", "show", id);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("%s (archived)\n", string_member (archived, "name"));
  g_assert_true (g_str_has_prefix (run.out, expected));

  full = show_json (fixture->db, int_member (archived, "id"));
  g_assert_true (boolean_member (full, "archived"));
}

static void
test_show_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->folder, "empty.db", NULL);
  g_auto(Run) missing = { 0, };
  g_auto(Run) missing_json = { 0, };
  g_auto(Run) largest = { 0, };
  g_auto(Run) in_empty = { 0, };

  fill_demo (fixture->db);
  RUN (&missing, "--db", fixture->db, "partners", "show", "99999");
  assert_data_error (&missing, "No partner has the ID 99999");
  RUN (&missing_json, "--db", fixture->db, "partners", "show", "--json", "101");
  assert_data_error (&missing_json, "No partner has the ID 101");
  RUN (&largest, "--db", fixture->db, "partners", "show", "9223372036854775807");
  assert_data_error (&largest, "No partner has the ID 9223372036854775807");
  RUN (&in_empty, "--db", empty, "partners", "show", "1");
  assert_data_error (&in_empty, "No partner has the ID 1");
}
int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help/names-the-command", test_help_names_the_command);
  g_test_add_func ("/cli/version", test_version);
  g_test_add ("/cli/usage/unknown", Fixture, NULL, fixture_set_up, test_unknown_command_or_option, fixture_tear_down);
  g_test_add ("/cli/usage/missing-command", Fixture, NULL, fixture_set_up, test_missing_command, fixture_tear_down);
  g_test_add ("/cli/usage/options", Fixture, NULL, fixture_set_up, test_option_mistakes, fixture_tear_down);
  g_test_add ("/cli/demo/fills", Fixture, NULL, fixture_set_up, test_demo_fills_an_empty_database, fixture_tear_down);
  g_test_add ("/cli/demo/scale", Fixture, NULL, fixture_set_up, test_demo_scale, fixture_tear_down);
  g_test_add ("/cli/demo/deterministic", Fixture, NULL, fixture_set_up, test_demo_is_deterministic, fixture_tear_down);
  g_test_add ("/cli/demo/today", Fixture, NULL, fixture_set_up, test_demo_today, fixture_tear_down);
  g_test_add ("/cli/demo/refuses-filled-database", Fixture, NULL, fixture_set_up, test_demo_refuses_a_filled_database, fixture_tear_down);
  g_test_add ("/cli/demo/bad-numbers", Fixture, NULL, fixture_set_up, test_demo_bad_numbers, fixture_tear_down);
  g_test_add ("/cli/list/json-fields", Fixture, NULL, fixture_set_up, test_list_json_fields, fixture_tear_down);
  g_test_add ("/cli/list/region", Fixture, NULL, fixture_set_up, test_list_region, fixture_tear_down);
  g_test_add ("/cli/list/kind", Fixture, NULL, fixture_set_up, test_list_kind, fixture_tear_down);
  g_test_add ("/cli/list/archived", Fixture, NULL, fixture_set_up, test_list_archived, fixture_tear_down);
  g_test_add ("/cli/list/search", Fixture, NULL, fixture_set_up, test_list_search, fixture_tear_down);
  g_test_add ("/cli/list/text", Fixture, NULL, fixture_set_up, test_list_text, fixture_tear_down);
  g_test_add ("/cli/list/empty-database", Fixture, NULL, fixture_set_up, test_list_empty_database, fixture_tear_down);
  g_test_add ("/cli/list/french", Fixture, NULL, fixture_set_up, test_list_in_french, fixture_tear_down);
  g_test_add ("/cli/show/json", Fixture, NULL, fixture_set_up, test_show_json, fixture_tear_down);
  g_test_add ("/cli/show/text", Fixture, NULL, fixture_set_up, test_show_text, fixture_tear_down);
  g_test_add ("/cli/show/archived", Fixture, NULL, fixture_set_up, test_show_archived, fixture_tear_down);
  g_test_add ("/cli/show/missing", Fixture, NULL, fixture_set_up, test_show_missing, fixture_tear_down);

  return cli_test_run ();
}
