/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-household-member.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HOUSEHOLD_ROW (escale_household_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleHouseholdRow, escale_household_row, ESCALE, HOUSEHOLD_ROW, AdwExpanderRow)

GtkWidget             *escale_household_row_new          (EscaleHouseholdMember *member);
gboolean               escale_household_row_check        (EscaleHouseholdRow    *self);
EscaleHouseholdMember *escale_household_row_dup_member   (EscaleHouseholdRow    *self);

G_END_DECLS
