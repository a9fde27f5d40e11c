/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include "escale-case-note.h"
#include "escale-model-private.h"
#include "escale-participant-private.h"

/* A dated note in a participant's file. Only its text can be corrected; its
 * date and author stay as they were written. */
struct _EscaleCaseNote
{
  GObject  parent_instance;

  gint64   id;
  char    *written_on;
  char    *author;
  char    *body;
};

G_DEFINE_FINAL_TYPE (EscaleCaseNote, escale_case_note, G_TYPE_OBJECT)

static void
escale_case_note_finalize (GObject *object)
{
  EscaleCaseNote *self = (EscaleCaseNote *)object;

  g_free (self->written_on);
  g_free (self->author);
  g_free (self->body);

  G_OBJECT_CLASS (escale_case_note_parent_class)->finalize (object);
}

static void
escale_case_note_class_init (EscaleCaseNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_case_note_finalize;
}

static void
escale_case_note_init (EscaleCaseNote *self)
{
}

EscaleCaseNote *
escale_case_note_new (const char *written_on,
                      const char *author,
                      const char *body)
{
  EscaleCaseNote *self = g_object_new (ESCALE_TYPE_CASE_NOTE, NULL);

  self->written_on = g_strdup (written_on);
  self->author = g_strdup (author);
  self->body = g_strdup (body);

  return self;
}

EscaleCaseNote *
escale_case_note_copy (EscaleCaseNote *self)
{
  EscaleCaseNote *copy;

  g_return_val_if_fail (ESCALE_IS_CASE_NOTE (self), NULL);

  copy = escale_case_note_new (self->written_on, self->author, self->body);
  copy->id = self->id;
  return copy;
}

void
_escale_case_note_set_id (EscaleCaseNote *self,
                          gint64          id)
{
  self->id = id;
}

gint64
escale_case_note_get_id (EscaleCaseNote *self)
{
  g_return_val_if_fail (ESCALE_IS_CASE_NOTE (self), 0);
  return self->id;
}

const char *
escale_case_note_get_written_on (EscaleCaseNote *self)
{
  g_return_val_if_fail (ESCALE_IS_CASE_NOTE (self), NULL);
  return self->written_on;
}

const char *
escale_case_note_get_author (EscaleCaseNote *self)
{
  g_return_val_if_fail (ESCALE_IS_CASE_NOTE (self), NULL);
  return self->author;
}

const char *
escale_case_note_get_body (EscaleCaseNote *self)
{
  g_return_val_if_fail (ESCALE_IS_CASE_NOTE (self), NULL);
  return self->body;
}

void
escale_case_note_set_body (EscaleCaseNote *self,
                           const char     *body)
{
  g_return_if_fail (ESCALE_IS_CASE_NOTE (self));
  _escale_set_string (&self->body, body);
}
