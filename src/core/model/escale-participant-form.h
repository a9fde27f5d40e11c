/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-participant.h"

G_BEGIN_DECLS

/* A participant's fields as text, the way the editor's entries and the cells
 * of an imported file hold them. The same pure functions check a form for
 * the editor (a message under each field), for the import (a problem per
 * cell) and for the repository. @regions, where asked for, is the list of
 * EscaleRegion that region names are read from and written with; without it
 * only region codes are understood. */
typedef struct
{
  const char *values[ESCALE_N_PARTICIPANT_FIELDS];
} EscaleParticipantForm;

gboolean  escale_participant_form_check  (const EscaleParticipantForm *form,
                                          GListModel                  *regions,
                                          char                        *messages[ESCALE_N_PARTICIPANT_FIELDS]);
gboolean  escale_participant_form_apply  (const EscaleParticipantForm *form,
                                          GListModel                  *regions,
                                          EscaleParticipant           *participant,
                                          GError                     **error);
gboolean  escale_participant_field_parse (EscaleParticipantField       field,
                                          const char                  *text,
                                          GListModel                  *regions,
                                          GValue                      *value,
                                          GError                     **error);
char     *escale_participant_field_format (EscaleParticipantField      field,
                                           const GValue               *value,
                                           GListModel                 *regions);

G_END_DECLS
