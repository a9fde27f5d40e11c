/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-record.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_LOGISTICS_TASK (escale_logistics_task_get_type ())

G_DECLARE_FINAL_TYPE (EscaleLogisticsTask, escale_logistics_task, ESCALE, LOGISTICS_TASK, EscaleRecord)

EscaleLogisticsTask *escale_logistics_task_new              (const char          *title,
                                                             const char          *due_on);
EscaleLogisticsTask *escale_logistics_task_copy             (EscaleLogisticsTask *self);

gint64               escale_logistics_task_get_id           (EscaleLogisticsTask *self);
const char          *escale_logistics_task_get_title        (EscaleLogisticsTask *self);
void                 escale_logistics_task_set_title        (EscaleLogisticsTask *self,
                                                             const char          *title);
const char          *escale_logistics_task_get_due_on       (EscaleLogisticsTask *self);
void                 escale_logistics_task_set_due_on       (EscaleLogisticsTask *self,
                                                             const char          *due_on);
const char          *escale_logistics_task_get_done_on      (EscaleLogisticsTask *self);
const char          *escale_logistics_task_get_confirmed_by (EscaleLogisticsTask *self);
void                 escale_logistics_task_complete         (EscaleLogisticsTask *self,
                                                             const char          *done_on,
                                                             const char          *confirmed_by);
void                 escale_logistics_task_reopen           (EscaleLogisticsTask *self);
gboolean             escale_logistics_task_is_late          (EscaleLogisticsTask *self,
                                                             const char          *today);

G_END_DECLS
