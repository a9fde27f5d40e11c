/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_INTERACTION_CHANNEL_MEETING,
  ESCALE_INTERACTION_CHANNEL_PHONE,
  ESCALE_INTERACTION_CHANNEL_EMAIL,
  ESCALE_INTERACTION_CHANNEL_VISIT,
  ESCALE_INTERACTION_CHANNEL_EVENT,
  ESCALE_INTERACTION_CHANNEL_OTHER,
} EscaleInteractionChannel;

#define ESCALE_N_INTERACTION_CHANNELS (ESCALE_INTERACTION_CHANNEL_OTHER + 1)

#define ESCALE_TYPE_INTERACTION (escale_interaction_get_type ())

G_DECLARE_FINAL_TYPE (EscaleInteraction, escale_interaction, ESCALE, INTERACTION, GObject)

const char               *escale_interaction_channel_to_string   (EscaleInteractionChannel  channel);
gboolean                  escale_interaction_channel_from_string (const char               *string,
                                                                  EscaleInteractionChannel *channel);
const char               *escale_interaction_channel_get_label   (EscaleInteractionChannel  channel);

EscaleInteraction        *escale_interaction_new                 (void);
EscaleInteraction        *escale_interaction_copy                (EscaleInteraction        *self);
gint64                    escale_interaction_get_id              (EscaleInteraction        *self);
gint64                    escale_interaction_get_contact_id      (EscaleInteraction        *self);
const char               *escale_interaction_get_occurred_on     (EscaleInteraction        *self);
EscaleInteractionChannel  escale_interaction_get_channel         (EscaleInteraction        *self);
const char               *escale_interaction_get_summary         (EscaleInteraction        *self);
const char               *escale_interaction_get_next_step       (EscaleInteraction        *self);
const char               *escale_interaction_get_due_on          (EscaleInteraction        *self);
gboolean                  escale_interaction_get_done            (EscaleInteraction        *self);
gboolean                  escale_interaction_is_pending          (EscaleInteraction        *self);

G_END_DECLS
