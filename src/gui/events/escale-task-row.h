/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-logistics-task.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_TASK_ROW (escale_task_row_get_type ())

G_DECLARE_FINAL_TYPE (EscaleTaskRow, escale_task_row, ESCALE, TASK_ROW, AdwExpanderRow)

GtkWidget           *escale_task_row_new      (EscaleLogisticsTask *task);
EscaleLogisticsTask *escale_task_row_get_task (EscaleTaskRow       *self);
void                 escale_task_row_edit     (EscaleTaskRow       *self);

G_END_DECLS
