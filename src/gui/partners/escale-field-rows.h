/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Editors show what is wrong with a field in a row right under it. */
AdwActionRow *escale_field_message_row_new  (void);
void          escale_field_message_row_show (AdwActionRow *row,
                                             const char   *message);
void          escale_entry_row_set_text     (AdwEntryRow  *row,
                                             const char   *text);

G_END_DECLS
