/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_REGION (escale_region_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegion, escale_region, ESCALE, REGION, GObject)

EscaleRegion *escale_region_new     (const char   *code,
                                     const char   *name_fr,
                                     const char   *name_en);
const char   *escale_region_get_code (EscaleRegion *self);
const char   *escale_region_get_name (EscaleRegion *self);

typedef enum
{
  ESCALE_REGION_MATCH_NONE,
  ESCALE_REGION_MATCH_START,
  ESCALE_REGION_MATCH_WHOLE,
} EscaleRegionMatch;

EscaleRegionMatch escale_region_match_name (EscaleRegion *self,
                                            const char   *folded);

G_END_DECLS
