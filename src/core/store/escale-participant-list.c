/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-participant-list.h"

/* The participants page's model: a GListModel of EscaleParticipantSummary
 * that holds only the ordered ids of the current query (800 kB for 100,000
 * people) and reads rows from the database a page at a time, when the view
 * asks for them. Searching, filtering and sorting are the database's work.
 *
 * The first rows are kept across queries. GTK 4.8's list views keep about
 * 200 row widgets alive, and build them again for any item that is not the
 * very object they showed: a new result of new objects cost about 100 ms of
 * widgets per keystroke. So the kept rows take the content of the new
 * result in place (escale_participant_summary_update_from() notifies the
 * cells), and only the rows after them are announced as changed. */

#define PAGE_SIZE 50
#define MAX_PAGES 64
/* Five pages: more than the 200 rows (and a few) of GTK's list view. */
#define KEPT_ROWS 250

struct _EscaleParticipantList
{
  GObject                      parent_instance;

  /* Owned */
  EscaleParticipantRepository *repository;
  EscaleParticipantQuery       query;
  char                        *text;
  char                        *region_code;
  char                        *today;
  GArray                      *ids;
  GPtrArray                   *kept;    /* the summaries of positions 0 to kept->len - 1 */
  GHashTable                  *pages;   /* page number → GPtrArray of summaries, after the kept rows */

  /* What the view was last told: ids->len, except while a change is told
   * in two signals. */
  guint                        n_items;
};

static void escale_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleParticipantList, escale_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, escale_participant_list_model_init))

/* The summaries of ids[first] to ids[first + n - 1], one per position: a
 * row deleted since the search is an empty row until the next refresh. */
static GPtrArray *
summarize_range (EscaleParticipantList  *self,
                 guint                   first,
                 guint                   n,
                 GError                **error)
{
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint next = 0;

  found = escale_participant_repository_summarize (self->repository, ids, n, error);
  if (found == NULL)
    return NULL;

  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      EscaleParticipantSummary *summary = next < found->len ? g_ptr_array_index (found, next) : NULL;

      if (summary != NULL && escale_participant_summary_get_id (summary) == ids[i])
        {
          g_ptr_array_add (rows, g_object_ref (summary));
          next++;
        }
      else
        {
          EscaleParticipantSummaryData gone = { .id = ids[i] };

          g_ptr_array_add (rows, escale_participant_summary_new (&gone));
        }
    }

  return g_steal_pointer (&rows);
}

static GPtrArray *
load_page (EscaleParticipantList *self,
           guint                  page)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint first = page * PAGE_SIZE;

  rows = summarize_range (self, first, MIN (PAGE_SIZE, self->ids->len - first), &error);
  if (rows == NULL)
    {
      g_warning ("Could not read participants: %s", error->message);
      return NULL;
    }

  /* Scrolling through 100,000 rows keeps a bounded number of pages. */
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (rows));

  return rows;
}

/* Reads the kept rows up to the end of @position's page. */
static gboolean
keep_rows (EscaleParticipantList *self,
           guint                  position)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint end = MIN (MIN ((position / PAGE_SIZE + 1) * PAGE_SIZE, KEPT_ROWS), self->ids->len);

  rows = summarize_range (self, self->kept->len, end - self->kept->len, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read participants: %s", error->message);
      return FALSE;
    }

  g_ptr_array_extend_and_steal (self->kept, g_steal_pointer (&rows));
  return TRUE;
}

static GType
escale_participant_list_get_item_type (GListModel *model)
{
  return ESCALE_TYPE_PARTICIPANT_SUMMARY;
}

static guint
escale_participant_list_get_n_items (GListModel *model)
{
  return ESCALE_PARTICIPANT_LIST (model)->n_items;
}

static gpointer
escale_participant_list_get_item (GListModel *model,
                                  guint       position)
{
  EscaleParticipantList *self = ESCALE_PARTICIPANT_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  if (position < KEPT_ROWS)
    {
      if (position >= self->kept->len && !keep_rows (self, position))
        return NULL;
      return g_object_ref (g_ptr_array_index (self->kept, position));
    }

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL && (rows = load_page (self, page)) == NULL)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
escale_participant_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = escale_participant_list_get_item_type;
  iface->get_n_items = escale_participant_list_get_n_items;
  iface->get_item = escale_participant_list_get_item;
}

static void
on_repository_changed (EscaleParticipantRepository *repository,
                       EscaleParticipantList       *self)
{
  g_autoptr(GError) error = NULL;

  if (!escale_participant_list_refresh (self, &error))
    g_warning ("Could not read participants: %s", error->message);
}

static void
escale_participant_list_finalize (GObject *object)
{
  EscaleParticipantList *self = (EscaleParticipantList *)object;

  g_signal_handlers_disconnect_by_data (self->repository, self);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->kept, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (escale_participant_list_parent_class)->finalize (object);
}

static void
escale_participant_list_class_init (EscaleParticipantListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_participant_list_finalize;
}

static void
escale_participant_list_init (EscaleParticipantList *self)
{
  escale_participant_query_init (&self->query);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->kept = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * escale_participant_list_new:
 *
 * Returns: (transfer full): a list of every participant by name, until
 *   escale_participant_list_set_query() asks for others; it follows the
 *   repository's changes
 */
EscaleParticipantList *
escale_participant_list_new (EscaleParticipantRepository *repository)
{
  EscaleParticipantList *self;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (repository), NULL);

  self = g_object_new (ESCALE_TYPE_PARTICIPANT_LIST, NULL);
  self->repository = g_object_ref (repository);
  g_signal_connect (repository, "changed", G_CALLBACK (on_repository_changed), self);
  on_repository_changed (repository, self);

  return self;
}

const EscaleParticipantQuery *
escale_participant_list_get_query (EscaleParticipantList *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_LIST (self), NULL);
  return &self->query;
}

/**
 * escale_participant_list_set_query:
 * @query: what to show; copied
 *
 * Runs @query and replaces the list's items with its results.
 */
gboolean
escale_participant_list_set_query (EscaleParticipantList        *self,
                                   const EscaleParticipantQuery *query,
                                   GError                      **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  g_free (self->text);
  g_free (self->region_code);
  g_free (self->today);
  self->query = *query;
  self->query.text = self->text = g_strdup (query->text);
  self->query.region_code = self->region_code = g_strdup (query->region_code);
  self->query.today = self->today = g_strdup (query->today);
  self->query.limit = 0;

  return escale_participant_list_refresh (self, error);
}

/**
 * escale_participant_list_refresh:
 *
 * Runs the query again, after changes the repository did not signal.
 */
gboolean
escale_participant_list_refresh (EscaleParticipantList  *self,
                                 GError                **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint removed = self->n_items;
  guint kept;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_LIST (self), FALSE);

  ids = escale_participant_repository_search (self->repository, &self->query, error);
  if (ids == NULL)
    return FALSE;

  old_ids = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&ids);
  kept = MIN (self->kept->len, self->ids->len);
  rows = summarize_range (self, 0, kept, error);
  if (rows == NULL)
    {
      self->ids = g_steal_pointer (&old_ids);
      return FALSE;
    }

  /* The kept rows show the new result at once; the view keeps them. */
  for (guint i = 0; i < kept; i++)
    escale_participant_summary_update_from (g_ptr_array_index (self->kept, i), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (self->kept, kept);
  g_hash_table_remove_all (self->pages);

  /* The rest is emptied, then filled, in two signals: told of a
   * replacement in one, GTK 4.8's list views look up every added item to
   * find the rows of removed ones again, which would read all 100,000 rows
   * from the database. Each signal describes the list as it is when it is
   * emitted. */
  if (removed > kept)
    {
      self->n_items = kept;
      g_list_model_items_changed (G_LIST_MODEL (self), kept, removed - kept, 0);
    }
  if (self->ids->len > kept)
    {
      self->n_items = self->ids->len;
      g_list_model_items_changed (G_LIST_MODEL (self), kept, 0, self->ids->len - kept);
    }

  return TRUE;
}

/**
 * escale_participant_list_get_id:
 *
 * Returns: the id of the participant at @position, without reading the row
 */
gint64
escale_participant_list_get_id (EscaleParticipantList *self,
                                guint                  position)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_LIST (self), 0);
  g_return_val_if_fail (position < self->n_items, 0);

  return g_array_index (self->ids, gint64, position);
}
