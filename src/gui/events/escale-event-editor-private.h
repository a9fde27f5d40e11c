/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-conflicts.h"
#include "escale-event-editor.h"
#include "escale-itinerary-editor.h"
#include "escale-logistics-editor.h"
#include "escale-moment-row.h"
#include "escale-registrations-view.h"
#include "escale-roll-call-view.h"

G_BEGIN_DECLS

/* Shared by escale-event-editor.c (the window, saving, warnings, printing),
 * escale-event-editor-fields.c (the fields of the Event page) and
 * escale-event-editor-series.c (its Repeats group),
 * escale-event-editor-export.c (Export to Calendar…) and
 * escale-event-editor-conflicts.c (what the event clashes with). */
struct _EscaleEventEditor
{
  AdwWindow                parent_instance;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  AdwViewSwitcherTitle    *switcher_title;
  AdwViewStack            *view_stack;
  GtkRevealer             *warnings_revealer;
  GtkLabel                *warnings_label;
  GtkListBox              *warnings_list;
  AdwEntryRow             *title_row;
  AdwActionRow            *title_message;
  AdwComboRow             *kind_row;
  AdwComboRow             *status_row;
  AdwComboRow             *region_row;
  AdwEntryRow             *organizer_row;
  AdwEntryRow             *presenters_row;
  EscaleMomentRow         *starts_row;
  EscaleMomentRow         *ends_row;
  AdwActionRow            *times_message;
  AdwComboRow             *zone_row;
  AdwEntryRow             *deadline_row;
  AdwActionRow            *deadline_message;
  AdwPreferencesGroup     *repeat_group;
  AdwComboRow             *repeat_row;
  AdwEntryRow             *until_row;
  AdwEntryRow             *skip_row;
  AdwActionRow            *repeat_message;
  AdwActionRow            *series_row;
  AdwActionRow            *following_row;
  GtkSwitch               *following_switch;
  AdwEntryRow             *place_row;
  AdwEntryRow             *address_row;
  AdwEntryRow             *coordinates_row;
  AdwActionRow            *coordinates_message;
  AdwEntryRow             *online_row;
  AdwEntryRow             *capacity_row;
  AdwActionRow            *capacity_message;
  GtkTextView             *description_view;
  GtkTextView             *materials_view;
  GtkTextView             *notes_view;
  AdwViewStackPage        *itinerary_page;
  AdwViewStackPage        *registrations_page;
  AdwViewStackPage        *roll_call_page;
  EscaleItineraryEditor   *itinerary_editor;
  EscaleLogisticsEditor   *logistics_editor;
  EscaleRegistrationsView *registrations_view;
  EscaleRollCallView      *roll_call_view;

  /* Owned */
  EscaleContext           *context;
  EscaleEvent             *saved;
  EscaleEvent             *event;
  GPtrArray               *warnings;
  GSimpleAction           *publish_action;   /* feed.publish, held by its group */
  GPtrArray               *conflicts;  /* (element-type EscaleConflict) */
  AdwToast                *toast;      /* weak: the one on screen */
  guint                    check_source;
  guint                    seats_taken;
  gboolean                 filling;
  gboolean                 modified;
  gboolean                 show_messages;
  gboolean                 left_series;  /* a session taken out of its series */
};

void     _escale_event_editor_fields_init   (EscaleEventEditor  *self);
void     _escale_event_editor_fields_fill   (EscaleEventEditor  *self);
gboolean _escale_event_editor_fields_apply  (EscaleEventEditor  *self,
                                             gboolean            show_messages);
void     _escale_event_editor_mark_modified (EscaleEventEditor  *self);
void     _escale_event_editor_show_event    (EscaleEventEditor  *self,
                                             EscaleEvent        *stored);
void     _escale_event_editor_show_toast    (EscaleEventEditor  *self,
                                             const char         *message);
AdwMessageDialog *_escale_event_editor_create_question (EscaleEventEditor *self,
                                                       const char        *heading,
                                                       const char        *body);
void     _escale_event_editor_close_soon    (EscaleEventEditor  *self);
void     _escale_event_editor_export        (EscaleEventEditor  *self);
void     _escale_event_editor_publish_init  (EscaleEventEditor  *self);
void     _escale_event_editor_publish_update (EscaleEventEditor *self);

GPtrArray *_escale_event_editor_find_conflicts      (EscaleEventEditor *self);
GtkWidget *_escale_event_editor_create_conflict_row (EscaleEventEditor *self,
                                                    EscaleConflict    *conflict);
void       _escale_event_editor_partner_week_update (EscaleEventEditor *self);
void       _escale_event_editor_partner_week_activated (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *parameter);

void     _escale_event_editor_series_init   (EscaleEventEditor  *self);
void     _escale_event_editor_series_fill   (EscaleEventEditor  *self);
void     _escale_event_editor_series_update (EscaleEventEditor  *self);
gboolean _escale_event_editor_series_apply  (EscaleEventEditor  *self,
                                             gboolean            show_messages);
gboolean _escale_event_editor_series_save   (EscaleEventEditor  *self,
                                             char              **message,
                                             GError            **error);
void     _escale_event_editor_series_remove (EscaleEventEditor  *self);

G_END_DECLS
