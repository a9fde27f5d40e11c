/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-participant-list.h"

/* The participants page's model: a GListModel of EscaleParticipantSummary
 * that holds only the ordered ids of the current query (800 kB for 100,000
 * people) and reads rows from the database a page at a time, when the view
 * asks for them. Searching, filtering and sorting are the database's work. */

#define PAGE_SIZE 50
#define MAX_PAGES 64

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
  GHashTable                  *pages;   /* page number → GPtrArray of summaries */
};

static void escale_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleParticipantList, escale_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, escale_participant_list_model_init))

static GPtrArray *
load_page (EscaleParticipantList *self,
           guint                  page)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);

  rows = escale_participant_repository_summarize (self->repository,
                                                  &g_array_index (self->ids, gint64, first), n,
                                                  &error);
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

static GType
escale_participant_list_get_item_type (GListModel *model)
{
  return ESCALE_TYPE_PARTICIPANT_SUMMARY;
}

static guint
escale_participant_list_get_n_items (GListModel *model)
{
  return ESCALE_PARTICIPANT_LIST (model)->ids->len;
}

static gpointer
escale_participant_list_get_item (GListModel *model,
                                  guint       position)
{
  EscaleParticipantList *self = ESCALE_PARTICIPANT_LIST (model);
  guint page = position / PAGE_SIZE;
  gint64 id;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL && (rows = load_page (self, page)) == NULL)
    return NULL;

  /* A row deleted since the search leaves a gap in its page: find the id. */
  id = g_array_index (self->ids, gint64, position);
  for (guint i = 0; i < rows->len; i++)
    {
      EscaleParticipantSummary *summary = g_ptr_array_index (rows, (position % PAGE_SIZE + i) % rows->len);

      if (escale_participant_summary_get_id (summary) == id)
        return g_object_ref (summary);
    }

  return NULL;
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
  guint removed;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_LIST (self), FALSE);

  ids = escale_participant_repository_search (self->repository, &self->query, error);
  if (ids == NULL)
    return FALSE;

  /* Emptied, then filled, in two signals: told of a replacement in one,
   * GTK 4.8's list views look up every added item to reuse the rows of
   * removed ones, which would read all 100,000 rows from the database.
   * Each signal describes the model as it is when it is emitted. */
  removed = self->ids->len;
  g_hash_table_remove_all (self->pages);
  if (removed > 0)
    {
      g_array_set_size (self->ids, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
    }

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  if (self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);

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
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}
