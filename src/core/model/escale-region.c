/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-locale.h"
#include "escale-region.h"
#include "escale-search-text.h"

/* One of Québec's 17 administrative regions, as seeded in the database. */
struct _EscaleRegion
{
  GObject  parent_instance;

  char    *code;
  char    *name_fr;
  char    *name_en;
  char    *folded_fr;
  char    *folded_en;
};

G_DEFINE_FINAL_TYPE (EscaleRegion, escale_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
escale_region_finalize (GObject *object)
{
  EscaleRegion *self = (EscaleRegion *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name_fr, g_free);
  g_clear_pointer (&self->folded_fr, g_free);
  g_clear_pointer (&self->folded_en, g_free);
  g_clear_pointer (&self->name_en, g_free);

  G_OBJECT_CLASS (escale_region_parent_class)->finalize (object);
}

static void
escale_region_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EscaleRegion *self = ESCALE_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, escale_region_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_region_class_init (EscaleRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_region_finalize;
  object_class->get_property = escale_region_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_region_init (EscaleRegion *self)
{
}

EscaleRegion *
escale_region_new (const char *code,
                   const char *name_fr,
                   const char *name_en)
{
  EscaleRegion *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name_fr != NULL, NULL);
  g_return_val_if_fail (name_en != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_REGION, NULL);
  self->code = g_strdup (code);
  self->name_fr = g_strdup (name_fr);
  self->name_en = g_strdup (name_en);
  self->folded_fr = escale_search_fold (name_fr);
  self->folded_en = escale_search_fold (name_en);

  return self;
}

/**
 * escale_region_get_code:
 *
 * Returns: the official two-digit code, "01" to "17"
 */
const char *
escale_region_get_code (EscaleRegion *self)
{
  g_return_val_if_fail (ESCALE_IS_REGION (self), NULL);

  return self->code;
}

/**
 * escale_region_get_name:
 *
 * Returns: the region's name in the language the interface speaks
 */
const char *
escale_region_get_name (EscaleRegion *self)
{
  g_return_val_if_fail (ESCALE_IS_REGION (self), NULL);

  /* In the language of the rest of the interface. */
  if (g_str_equal (escale_locale_get_language (), "fr"))
    return self->name_fr;

  return self->name_en;
}

/**
 * escale_region_match_name:
 * @folded: a word folded with escale_search_fold()
 *
 * Compares a typed word with the region's French and English names, the
 * way an import reads "Gaspésie" or "saguenay–lac-saint-jean".
 *
 * Returns: %ESCALE_REGION_MATCH_WHOLE for a whole name,
 *   %ESCALE_REGION_MATCH_START for the start of one, or
 *   %ESCALE_REGION_MATCH_NONE
 */
EscaleRegionMatch
escale_region_match_name (EscaleRegion *self,
                          const char   *folded)
{
  g_return_val_if_fail (ESCALE_IS_REGION (self), ESCALE_REGION_MATCH_NONE);
  g_return_val_if_fail (folded != NULL, ESCALE_REGION_MATCH_NONE);

  if (g_str_equal (folded, self->folded_fr) || g_str_equal (folded, self->folded_en))
    return ESCALE_REGION_MATCH_WHOLE;
  if (g_str_has_prefix (self->folded_fr, folded) || g_str_has_prefix (self->folded_en, folded))
    return ESCALE_REGION_MATCH_START;
  return ESCALE_REGION_MATCH_NONE;
}
