/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CASE_NOTE (escale_case_note_get_type ())

G_DECLARE_FINAL_TYPE (EscaleCaseNote, escale_case_note, ESCALE, CASE_NOTE, GObject)

EscaleCaseNote *escale_case_note_new            (const char     *written_on,
                                                 const char     *author,
                                                 const char     *body);
EscaleCaseNote *escale_case_note_copy           (EscaleCaseNote *self);
gint64          escale_case_note_get_id         (EscaleCaseNote *self);
const char     *escale_case_note_get_written_on (EscaleCaseNote *self);
const char     *escale_case_note_get_author     (EscaleCaseNote *self);
const char     *escale_case_note_get_body       (EscaleCaseNote *self);
void            escale_case_note_set_body       (EscaleCaseNote *self,
                                                 const char     *body);

G_END_DECLS
