/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-participant-editor.h"
#include "escale-participant-form.h"
#include "escale-region-list.h"

G_BEGIN_DECLS

/* The editor is split by concern: the window and its lists in
 * escale-participant-editor.c, the rows built from the field table in
 * -fields.c, the duplicates banner and merging in -duplicates.c, the
 * person's events and registering them for one in -events.c. */
struct _EscaleParticipantEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwPreferencesPage  *page;
  GtkRevealer         *duplicates_revealer;
  GtkLabel            *duplicates_label;
  AdwPreferencesGroup *identity_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *immigration_group;
  AdwPreferencesGroup *work_group;
  EscaleRegionList    *region_list;
  AdwPreferencesGroup *household_group;
  AdwPreferencesGroup *consent_group;
  GtkListBox          *notes_list;
  GtkTextView         *new_note_view;
  GtkWidget           *add_note_button;
  AdwPreferencesGroup *follow_ups_group;
  AdwPreferencesGroup *events_group;
  GtkListBox          *events_list;
  GtkListBox          *publish_list;
  AdwPreferencesGroup *manage_group;

  /* Built from the field table */
  GtkWidget           *field_rows[ESCALE_N_PARTICIPANT_FIELDS];
  AdwActionRow        *messages[ESCALE_N_PARTICIPANT_FIELDS];

  /* Owned */
  EscaleContext       *context;
  EscaleParticipant   *saved;       /* the stored version, or NULL */
  EscaleParticipant   *participant; /* the copy being edited */
  GPtrArray           *household_rows;
  GPtrArray           *consent_rows;
  GPtrArray           *follow_up_rows;
  GArray              *dismissed;   /* ids said to be someone else */
  EscaleDuplicate     *duplicate;   /* the one the banner offers */
  guint                duplicates_source;
  GPtrArray           *registrations; /* EscaleParticipantRegistration, as shown */
  gulong               registrations_handler;

  gboolean             names_touched[2];
  gboolean             filling;
};

static inline GListModel *
_escale_participant_editor_get_regions (EscaleParticipantEditor *self)
{
  return escale_region_repository_get_regions (escale_context_get_regions (self->context));
}

static inline EscaleParticipantRepository *
_escale_participant_editor_get_repository (EscaleParticipantEditor *self)
{
  return escale_context_get_participants (self->context);
}

/* escale-participant-editor.c */
void     _escale_participant_editor_show_message       (EscaleParticipantEditor  *self,
                                                        const char               *message);
gboolean _escale_participant_editor_apply_edits        (EscaleParticipantEditor  *self,
                                                        GError                  **error);
void     _escale_participant_editor_set_stored         (EscaleParticipantEditor  *self,
                                                        EscaleParticipant        *stored);
void     _escale_participant_editor_emit_deleted       (EscaleParticipantEditor  *self,
                                                        EscaleParticipant        *participant);

/* escale-participant-editor-fields.c */
void     _escale_participant_editor_build_fields       (EscaleParticipantEditor  *self);
void     _escale_participant_editor_fill_fields        (EscaleParticipantEditor  *self);
void     _escale_participant_editor_read_form          (EscaleParticipantEditor  *self,
                                                        EscaleParticipantForm    *form,
                                                        char                    **regions_text);
gboolean _escale_participant_editor_check_fields       (EscaleParticipantEditor  *self,
                                                        gboolean                  saving);

/* escale-participant-editor-duplicates.c */
void     _escale_participant_editor_bind_duplicates    (GtkWidgetClass           *widget_class);
void     _escale_participant_editor_update_duplicates  (EscaleParticipantEditor  *self);
void     _escale_participant_editor_schedule_duplicates (EscaleParticipantEditor *self);

/* escale-participant-editor-events.c */
void     _escale_participant_editor_bind_events        (GtkWidgetClass           *widget_class);
void     _escale_participant_editor_follow_events      (EscaleParticipantEditor  *self);
void     _escale_participant_editor_unfollow_events    (EscaleParticipantEditor  *self);
void     _escale_participant_editor_update_events      (EscaleParticipantEditor  *self);

G_END_DECLS
