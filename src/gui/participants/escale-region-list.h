/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_REGION_LIST (escale_region_list_get_type ())

G_DECLARE_FINAL_TYPE (EscaleRegionList, escale_region_list, ESCALE, REGION_LIST, AdwBin)

void  escale_region_list_set_regions (EscaleRegionList   *self,
                                      GListModel         *regions);
void  escale_region_list_set_codes   (EscaleRegionList   *self,
                                      const char * const *codes);
char *escale_region_list_dup_text    (EscaleRegionList   *self);

G_END_DECLS
