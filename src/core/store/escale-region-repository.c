/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include "escale-database-private.h"
#include "escale-region-repository.h"

/* The 17 administrative regions never change while Escale runs: they are
 * read once, in code order. */
struct _EscaleRegionRepository
{
  GObject     parent_instance;

  GListStore *regions;
  GHashTable *by_code;
};

G_DEFINE_FINAL_TYPE (EscaleRegionRepository, escale_region_repository, G_TYPE_OBJECT)

static void
escale_region_repository_finalize (GObject *object)
{
  EscaleRegionRepository *self = (EscaleRegionRepository *)object;

  g_clear_object (&self->regions);
  g_clear_pointer (&self->by_code, g_hash_table_unref);

  G_OBJECT_CLASS (escale_region_repository_parent_class)->finalize (object);
}

static void
escale_region_repository_class_init (EscaleRegionRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_region_repository_finalize;
}

static void
escale_region_repository_init (EscaleRegionRepository *self)
{
  self->regions = g_list_store_new (ESCALE_TYPE_REGION);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

EscaleRegionRepository *
escale_region_repository_new (EscaleDatabase  *database,
                              GError         **error)
{
  g_autoptr(EscaleRegionRepository) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  stmt = _escale_database_prepare (database, "SELECT code, name_fr, name_en FROM region ORDER BY code", error);
  if (stmt == NULL)
    return NULL;

  self = g_object_new (ESCALE_TYPE_REGION_REPOSITORY, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EscaleRegion) region = escale_region_new (_escale_column_text (stmt, 0),
                                                          _escale_column_text (stmt, 1),
                                                          _escale_column_text (stmt, 2));

      g_list_store_append (self->regions, region);
      g_hash_table_insert (self->by_code, (gpointer) escale_region_get_code (region), region);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * escale_region_repository_get_regions:
 *
 * Returns: (transfer none): the regions, a list of #EscaleRegion by code
 */
GListModel *
escale_region_repository_get_regions (EscaleRegionRepository *self)
{
  g_return_val_if_fail (ESCALE_IS_REGION_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->regions);
}

/**
 * escale_region_repository_lookup:
 * @code: (nullable): a region code such as "01"
 *
 * Returns: (transfer none) (nullable): the region, or %NULL if unknown
 */
EscaleRegion *
escale_region_repository_lookup (EscaleRegionRepository *self,
                                 const char             *code)
{
  g_return_val_if_fail (ESCALE_IS_REGION_REPOSITORY (self), NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_code, code);
}
