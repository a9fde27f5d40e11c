/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-database.h"
#include "escale-region.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REGION_REPOSITORY (escale_region_repository_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegionRepository, escale_region_repository, ESCALE, REGION_REPOSITORY, GObject)

EscaleRegionRepository *escale_region_repository_new         (EscaleDatabase          *database,
                                                              GError                 **error);
GListModel             *escale_region_repository_get_regions (EscaleRegionRepository  *self);
EscaleRegion           *escale_region_repository_lookup      (EscaleRegionRepository  *self,
                                                              const char              *code);

G_END_DECLS
