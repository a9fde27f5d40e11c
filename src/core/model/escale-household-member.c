/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-household-member.h"

/* Someone who would move with the participant: seats on the bus, a school
 * for the children, a job for the spouse. A year of birth is enough to know
 * a child's age; nothing more is kept. */
struct _EscaleHouseholdMember
{
  GObject                  parent_instance;

  EscaleHouseholdRelation  relation;
  char                    *given_name;
  int                      birth_year;
};

G_DEFINE_FINAL_TYPE (EscaleHouseholdMember, escale_household_member, G_TYPE_OBJECT)

static void
escale_household_member_finalize (GObject *object)
{
  EscaleHouseholdMember *self = (EscaleHouseholdMember *)object;

  g_free (self->given_name);

  G_OBJECT_CLASS (escale_household_member_parent_class)->finalize (object);
}

static void
escale_household_member_class_init (EscaleHouseholdMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_household_member_finalize;
}

static void
escale_household_member_init (EscaleHouseholdMember *self)
{
}

/**
 * escale_household_member_new:
 * @given_name: (nullable): a first name, if the family gave one
 * @birth_year: the year of birth, or 0 when unknown
 */
EscaleHouseholdMember *
escale_household_member_new (EscaleHouseholdRelation  relation,
                             const char              *given_name,
                             int                      birth_year)
{
  EscaleHouseholdMember *self = g_object_new (ESCALE_TYPE_HOUSEHOLD_MEMBER, NULL);

  self->relation = relation;
  self->given_name = g_strdup (given_name);
  self->birth_year = birth_year;

  return self;
}

EscaleHouseholdMember *
escale_household_member_copy (EscaleHouseholdMember *self)
{
  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (self), NULL);
  return escale_household_member_new (self->relation, self->given_name, self->birth_year);
}

EscaleHouseholdRelation
escale_household_member_get_relation (EscaleHouseholdMember *self)
{
  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (self), ESCALE_HOUSEHOLD_RELATION_OTHER);
  return self->relation;
}

const char *
escale_household_member_get_given_name (EscaleHouseholdMember *self)
{
  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (self), NULL);
  return self->given_name;
}

int
escale_household_member_get_birth_year (EscaleHouseholdMember *self)
{
  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (self), 0);
  return self->birth_year;
}

/**
 * escale_household_member_get_age:
 * @year: the current year
 *
 * Returns: the age the person reaches in @year, or -1 when the year of birth
 *   is unknown
 */
int
escale_household_member_get_age (EscaleHouseholdMember *self,
                                 int                    year)
{
  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_MEMBER (self), -1);

  if (self->birth_year == 0)
    return -1;
  return MAX (0, year - self->birth_year);
}
