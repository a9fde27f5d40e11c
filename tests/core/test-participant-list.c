/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-participant-list.h"
#include "participant-fixture.h"

/* The participants page's lazy model: what it holds, what it tells the
 * view, and that it follows the repository. */

typedef struct
{
  GString *changes;   /* "position:removed:added " for each items-changed */
  guint    n_items;   /* as the last signal left the list */
} Recorder;

/* Each signal must describe the list as it is when it is emitted: GTK reads
 * the items while it handles the signal. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  g_string_append_printf (recorder->changes, "%u:%u:%u ", position, removed, added);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, recorder->n_items - removed + added);
  recorder->n_items = g_list_model_get_n_items (model);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static char *
names_of (GListModel *model)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EscaleParticipantSummary) summary = g_list_model_get_item (model, i);

      g_assert_nonnull (summary);
      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "", escale_participant_summary_get_display_name (summary));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_query_and_changes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EscaleParticipantList) list = escale_participant_list_new (fixture->participants);
  g_autoptr(EscaleParticipant) marie = new_participant ("Marie", "Tremblay", END_OF_FIELDS);
  g_autoptr(EscaleParticipant) jose = new_participant ("José", "Ramírez", END_OF_FIELDS);
  g_autoptr(GError) error = NULL;
  Recorder recorder = { g_string_new (NULL), 0 };
  EscaleParticipantQuery query;
  g_autofree char *names = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &recorder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ESCALE_TYPE_PARTICIPANT_SUMMARY);

  save_ok (fixture, marie);
  save_ok (fixture, jose);

  /* A new list asks for everyone, by name, after each save; a new result
   * empties the list, then fills it (see escale_participant_list_refresh()). */
  g_assert_cmpstr (recorder.changes->str, ==, "0:0:1 0:1:0 0:0:2 ");
  escale_participant_query_init (&query);
  g_assert_true (escale_participant_list_set_query (list, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (recorder.changes->str, ==, "0:0:1 0:1:0 0:0:2 0:2:0 0:0:2 ");
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "José Ramírez; Marie Tremblay");
  g_clear_pointer (&names, g_free);
  g_assert_cmpint (escale_participant_list_get_id (list, 1), ==, escale_participant_get_id (marie));

  /* The query is copied: the caller's text can go. The rows read so far
   * are kept: the first one takes Marie's content in place and says so,
   * and only the rest of the list is announced as removed. */
  {
    g_autofree char *text = g_strdup ("trem");
    g_autoptr(EscaleParticipantSummary) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(EscaleParticipantSummary) again = NULL;
    guint notified = 0;

    g_signal_connect_swapped (first, "notify::sort-name", G_CALLBACK (count_notify), &notified);
    query.text = text;
    g_assert_true (escale_participant_list_set_query (list, &query, &error));
    g_assert_cmpuint (notified, ==, 1);
    again = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (again == first);
    g_assert_cmpstr (escale_participant_summary_get_sort_name (first), ==, "Tremblay, Marie");
    g_signal_handlers_disconnect_by_data (first, &notified);
  }
  g_assert_cmpstr (escale_participant_list_get_query (list)->text, ==, "trem");
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Marie Tremblay");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (recorder.changes->str, ==, "0:0:1 0:1:0 0:0:2 0:2:0 0:0:2 1:1:0 ");

  /* A save anywhere refreshes it: the kept row stays, the new one comes
   * after it. */
  g_string_truncate (recorder.changes, 0);
  g_object_set (jose, "family-name", "Tremblay-Ramírez", NULL);
  save_ok (fixture, jose);
  g_assert_cmpstr (recorder.changes->str, ==, "1:0:1 ");
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Marie Tremblay; José Tremblay-Ramírez");
  g_clear_pointer (&names, g_free);

  /* And so does a deletion: José moves up into Marie's row. */
  g_string_truncate (recorder.changes, 0);
  g_assert_true (escale_participant_repository_delete (fixture->participants, marie, &error));
  g_assert_cmpstr (recorder.changes->str, ==, "1:1:0 ");
  names = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "José Tremblay-Ramírez");
  g_clear_pointer (&names, g_free);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));

  /* A search that finds nobody empties it. */
  g_string_truncate (recorder.changes, 0);
  query.text = "zzz";
  g_assert_true (escale_participant_list_set_query (list, &query, &error));
  g_assert_cmpstr (recorder.changes->str, ==, "0:1:0 ");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  g_string_free (recorder.changes, TRUE);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(EscaleParticipantList) list = escale_participant_list_new (fixture->participants);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EscaleParticipantQuery query;

  /* 320 people: the rows kept across queries, then pages of 50 after
   * them, read in any order. */
  for (guint i = 0; i < 320; i++)
    {
      g_autofree char *family = g_strdup_printf ("Famille%03u", i);

      g_ptr_array_add (people, new_participant ("Ana", family, END_OF_FIELDS));
    }
  g_assert_true (escale_participant_repository_save_many (fixture->participants, people, &error));
  g_assert_no_error (error);

  escale_participant_query_init (&query);
  query.descending = TRUE;
  g_assert_true (escale_participant_list_set_query (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 320);

  for (guint i = 0; i < 320; i += 7)
    {
      guint position = (i * 37) % 320;
      g_autoptr(EscaleParticipantSummary) summary = g_list_model_get_item (G_LIST_MODEL (list), position);
      g_autofree char *expected = g_strdup_printf ("Famille%03u, Ana", 319 - position);

      g_assert_cmpstr (escale_participant_summary_get_sort_name (summary), ==, expected);
      g_assert_cmpint (escale_participant_summary_get_id (summary), ==, escale_participant_list_get_id (list, position));
    }

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 320));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, test) g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/participant-list/query-and-changes", test_query_and_changes);
  ADD ("/participant-list/pages", test_pages);
#undef ADD

  return g_test_run ();
}
