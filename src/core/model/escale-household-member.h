/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-participant-choices.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HOUSEHOLD_MEMBER (escale_household_member_get_type ())

G_DECLARE_FINAL_TYPE (EscaleHouseholdMember, escale_household_member, ESCALE, HOUSEHOLD_MEMBER, GObject)

EscaleHouseholdMember   *escale_household_member_new            (EscaleHouseholdRelation  relation,
                                                                 const char              *given_name,
                                                                 int                      birth_year);
EscaleHouseholdMember   *escale_household_member_copy           (EscaleHouseholdMember   *self);
EscaleHouseholdRelation  escale_household_member_get_relation   (EscaleHouseholdMember   *self);
const char              *escale_household_member_get_given_name (EscaleHouseholdMember   *self);
int                      escale_household_member_get_birth_year (EscaleHouseholdMember   *self);
int                      escale_household_member_get_age        (EscaleHouseholdMember   *self,
                                                                 int                      year);

G_END_DECLS
