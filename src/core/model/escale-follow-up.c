/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-follow-up.h"
#include "escale-model-private.h"
#include "escale-participant-private.h"

/* Something to do for a participant by a date (call back, meet, check on an
 * application) and, once done, what came of it: the outcomes funders count. */
struct _EscaleFollowUp
{
  GObject                parent_instance;

  gint64                 id;
  char                  *due_on;
  EscaleFollowUpKind     kind;
  char                  *notes;
  EscaleFollowUpOutcome  outcome;
  char                  *done_on;
};

G_DEFINE_FINAL_TYPE (EscaleFollowUp, escale_follow_up, G_TYPE_OBJECT)

static void
escale_follow_up_finalize (GObject *object)
{
  EscaleFollowUp *self = (EscaleFollowUp *)object;

  g_free (self->due_on);
  g_free (self->notes);
  g_free (self->done_on);

  G_OBJECT_CLASS (escale_follow_up_parent_class)->finalize (object);
}

static void
escale_follow_up_class_init (EscaleFollowUpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_follow_up_finalize;
}

static void
escale_follow_up_init (EscaleFollowUp *self)
{
}

/**
 * escale_follow_up_new:
 * @due_on: the ISO date by which to do it
 */
EscaleFollowUp *
escale_follow_up_new (const char         *due_on,
                      EscaleFollowUpKind  kind)
{
  EscaleFollowUp *self = g_object_new (ESCALE_TYPE_FOLLOW_UP, NULL);

  self->due_on = g_strdup (due_on);
  self->kind = kind;

  return self;
}

EscaleFollowUp *
escale_follow_up_copy (EscaleFollowUp *self)
{
  EscaleFollowUp *copy;

  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), NULL);

  copy = escale_follow_up_new (self->due_on, self->kind);
  copy->id = self->id;
  copy->notes = g_strdup (self->notes);
  copy->outcome = self->outcome;
  copy->done_on = g_strdup (self->done_on);
  return copy;
}

void
_escale_follow_up_set_id (EscaleFollowUp *self,
                          gint64          id)
{
  self->id = id;
}

gint64
escale_follow_up_get_id (EscaleFollowUp *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), 0);
  return self->id;
}

const char *
escale_follow_up_get_due_on (EscaleFollowUp *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), NULL);
  return self->due_on;
}

void
escale_follow_up_set_due_on (EscaleFollowUp *self,
                             const char     *due_on)
{
  g_return_if_fail (ESCALE_IS_FOLLOW_UP (self));
  _escale_set_string (&self->due_on, due_on);
}

EscaleFollowUpKind
escale_follow_up_get_kind (EscaleFollowUp *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), ESCALE_FOLLOW_UP_KIND_OTHER);
  return self->kind;
}

void
escale_follow_up_set_kind (EscaleFollowUp     *self,
                           EscaleFollowUpKind  kind)
{
  g_return_if_fail (ESCALE_IS_FOLLOW_UP (self));
  self->kind = kind;
}

const char *
escale_follow_up_get_notes (EscaleFollowUp *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), NULL);
  return self->notes;
}

void
escale_follow_up_set_notes (EscaleFollowUp *self,
                            const char     *notes)
{
  g_return_if_fail (ESCALE_IS_FOLLOW_UP (self));
  _escale_set_string (&self->notes, notes);
}

/**
 * escale_follow_up_get_outcome:
 *
 * Returns: %ESCALE_FOLLOW_UP_OUTCOME_PENDING until the follow-up is done
 */
EscaleFollowUpOutcome
escale_follow_up_get_outcome (EscaleFollowUp *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), ESCALE_FOLLOW_UP_OUTCOME_PENDING);
  return self->outcome;
}

const char *
escale_follow_up_get_done_on (EscaleFollowUp *self)
{
  g_return_val_if_fail (ESCALE_IS_FOLLOW_UP (self), NULL);
  return self->done_on;
}

/**
 * escale_follow_up_complete:
 * @outcome: what came of it; not %ESCALE_FOLLOW_UP_OUTCOME_PENDING
 * @done_on: the ISO date it was done
 */
void
escale_follow_up_complete (EscaleFollowUp        *self,
                           EscaleFollowUpOutcome  outcome,
                           const char            *done_on)
{
  g_return_if_fail (ESCALE_IS_FOLLOW_UP (self));
  g_return_if_fail (outcome != ESCALE_FOLLOW_UP_OUTCOME_PENDING && done_on != NULL);

  self->outcome = outcome;
  _escale_set_string (&self->done_on, done_on);
}

void
escale_follow_up_reopen (EscaleFollowUp *self)
{
  g_return_if_fail (ESCALE_IS_FOLLOW_UP (self));

  self->outcome = ESCALE_FOLLOW_UP_OUTCOME_PENDING;
  g_clear_pointer (&self->done_on, g_free);
}
