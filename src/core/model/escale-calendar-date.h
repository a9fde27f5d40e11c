/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EscaleDueState:
 * @ESCALE_DUE_STATE_NONE: nothing is due
 * @ESCALE_DUE_STATE_LATER: due after this week
 * @ESCALE_DUE_STATE_THIS_WEEK: due between today and Sunday
 * @ESCALE_DUE_STATE_OVERDUE: the due date has passed
 */
typedef enum
{
  ESCALE_DUE_STATE_NONE,
  ESCALE_DUE_STATE_LATER,
  ESCALE_DUE_STATE_THIS_WEEK,
  ESCALE_DUE_STATE_OVERDUE,
} EscaleDueState;

gboolean        escale_calendar_date_parse  (const char  *iso,
                                             GDate       *date);
char           *escale_calendar_date_format (const GDate *date);
char           *escale_calendar_date_today  (void);
gboolean        escale_calendar_day_instant (const char  *iso,
                                             gboolean     end,
                                             gint64      *instant);
EscaleDueState  escale_due_state_classify   (const char  *iso_due,
                                             const GDate *today);

G_END_DECLS
