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

AdwEntryRow  *escale_expander_row_add_entry (AdwExpanderRow *expander,
                                             const char     *title,
                                             const char     *text,
                                             GCallback       on_changed,
                                             gpointer        data);
void          escale_expander_row_add_remove_button (AdwExpanderRow *expander,
                                                     const char     *label,
                                                     GCallback       on_clicked,
                                                     gpointer        data);

G_END_DECLS
