/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-context.h"
#include "escale-event.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ITINERARY_EDITOR (escale_itinerary_editor_get_type ())

G_DECLARE_FINAL_TYPE (EscaleItineraryEditor, escale_itinerary_editor, ESCALE, ITINERARY_EDITOR, AdwBin)

GtkWidget *escale_itinerary_editor_new          (void);
/* partners for the stop's partner chooser (escale_context_get_partners) */
void       escale_itinerary_editor_set_context  (EscaleItineraryEditor *self,
                                                 EscaleContext         *context);
/* edits the event's stops IN PLACE (escale_event_add_stop / remove_stop / move_stop and the stop setters) */
void       escale_itinerary_editor_set_event    (EscaleItineraryEditor *self,
                                                 EscaleEvent           *event);
/* GPtrArray of EscalePlanWarning* (escale-plan-check.h): a warning whose ->stop >= 0 marks that stop's row
 * with a warning icon and the messages as tooltip/accessible description; NULL or empty clears the marks */
void       escale_itinerary_editor_set_warnings (EscaleItineraryEditor *self,
                                                 GPtrArray             *warnings,
                                                 GPtrArray             *conflicts);
/* signal "changed" (G_SIGNAL_RUN_LAST, no arguments): emitted after any stop is added, removed, moved or edited,
 * so the window can re-run the plan checks and mark itself unsaved */

G_END_DECLS
