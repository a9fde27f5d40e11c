/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-event-private.h"
#include "escale-logistics-task.h"
#include "escale-record-accessors.h"

/* A line of a visit's checklist: the bus booked, the lodging booked, each
 * company confirmed. Done on a date, and by whom it was confirmed. */
struct _EscaleLogisticsTask
{
  EscaleRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleLogisticsTask, escale_logistics_task, ESCALE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DUE_ON,
  PROP_DONE_ON,
  PROP_CONFIRMED_BY,
};

static const EscaleRecordField fields[] = {
  { "id", G_TYPE_INT64, 0, G_MAXINT64 },
  { "title", G_TYPE_STRING },
  { "due-on", G_TYPE_STRING },
  { "done-on", G_TYPE_STRING },
  { "confirmed-by", G_TYPE_STRING },
};

static void
escale_logistics_task_class_init (EscaleLogisticsTaskClass *klass)
{
  _escale_record_class_install (ESCALE_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
escale_logistics_task_init (EscaleLogisticsTask *self)
{
}

/**
 * escale_logistics_task_new:
 * @due_on: (nullable): the ISO date by which it must be done
 */
EscaleLogisticsTask *
escale_logistics_task_new (const char *title,
                           const char *due_on)
{
  return g_object_new (ESCALE_TYPE_LOGISTICS_TASK, "title", title, "due-on", due_on, NULL);
}

EscaleLogisticsTask *
escale_logistics_task_copy (EscaleLogisticsTask *self)
{
  EscaleLogisticsTask *copy;

  g_return_val_if_fail (ESCALE_IS_LOGISTICS_TASK (self), NULL);

  copy = g_object_new (ESCALE_TYPE_LOGISTICS_TASK, NULL);
  _escale_record_copy_fields (copy, self);
  return copy;
}

ESCALE_RECORD_NUMBER_GETTER (EscaleLogisticsTask, escale_logistics_task, ESCALE_IS_LOGISTICS_TASK, gint64, id, PROP_ID)
ESCALE_RECORD_TEXT (EscaleLogisticsTask, escale_logistics_task, ESCALE_IS_LOGISTICS_TASK, title, PROP_TITLE)
ESCALE_RECORD_TEXT (EscaleLogisticsTask, escale_logistics_task, ESCALE_IS_LOGISTICS_TASK, due_on, PROP_DUE_ON)

const char *
escale_logistics_task_get_done_on (EscaleLogisticsTask *self)
{
  g_return_val_if_fail (ESCALE_IS_LOGISTICS_TASK (self), NULL);
  return _escale_record_get_string (self, PROP_DONE_ON);
}

const char *
escale_logistics_task_get_confirmed_by (EscaleLogisticsTask *self)
{
  g_return_val_if_fail (ESCALE_IS_LOGISTICS_TASK (self), NULL);
  return _escale_record_get_string (self, PROP_CONFIRMED_BY);
}

/**
 * escale_logistics_task_complete:
 * @done_on: the ISO date it was done
 * @confirmed_by: (nullable): who confirmed it: the partner, the carrier
 */
void
escale_logistics_task_complete (EscaleLogisticsTask *self,
                                const char          *done_on,
                                const char          *confirmed_by)
{
  g_return_if_fail (ESCALE_IS_LOGISTICS_TASK (self));
  g_return_if_fail (done_on != NULL);

  _escale_record_set_string (self, PROP_DONE_ON, done_on);
  _escale_record_set_string (self, PROP_CONFIRMED_BY, confirmed_by);
}

void
escale_logistics_task_reopen (EscaleLogisticsTask *self)
{
  g_return_if_fail (ESCALE_IS_LOGISTICS_TASK (self));

  _escale_record_set_string (self, PROP_DONE_ON, NULL);
  _escale_record_set_string (self, PROP_CONFIRMED_BY, NULL);
}

/**
 * escale_logistics_task_is_late:
 * @today: the ISO date of today
 *
 * Returns: whether the task is not done and its due date has passed
 */
gboolean
escale_logistics_task_is_late (EscaleLogisticsTask *self,
                               const char          *today)
{
  const char *due_on;

  g_return_val_if_fail (ESCALE_IS_LOGISTICS_TASK (self), FALSE);

  due_on = _escale_record_get_string (self, PROP_DUE_ON);
  /* ISO dates compare as text. */
  return _escale_record_get_string (self, PROP_DONE_ON) == NULL && due_on != NULL && g_strcmp0 (due_on, today) < 0;
}

void
_escale_logistics_task_set_id (EscaleLogisticsTask *self,
                               gint64               id)
{
  _escale_record_set_integer (self, PROP_ID, id);
}
