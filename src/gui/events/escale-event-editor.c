/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-event-documents.h"
#include "escale-event-editor-private.h"
#include "escale-event-print.h"
#include "escale-plan-check.h"
#include "escale-toast.h"

/* One window per event: its fields, a visit's itinerary, the logistics,
 * and, once it is saved, its registrations and roll calls. The plan is
 * edited on a copy and stored at Save; the plan checks and the conflicts
 * (escale-event-editor-conflicts.c) run on the copy as the counsellor
 * types and show above every page. Registrations are
 * stored as they are taken, like the paper lists they replace; a roll
 * call at Save Roll Call.
 * The struct is in escale-event-editor-private.h, shared with -fields.c
 * and -series.c. */
G_DEFINE_FINAL_TYPE (EscaleEventEditor, escale_event_editor, ADW_TYPE_WINDOW)

/* Typing moves the checks along without running them on each key. */
#define CHECK_DELAY_MS 150

/* The toasts of every page show here, the newest at once. The window's
 * own replace each other: "Some fields need attention" is over once the
 * event is saved. */
void
_escale_event_editor_show_toast (EscaleEventEditor *self,
                                 const char        *message)
{
  escale_toast_show (GTK_WIDGET (self), self->toast_overlay, &self->toast, message);
}

static void
update_title (EscaleEventEditor *self)
{
  const char *title = escale_event_get_title (self->event);
  g_autofree char *when = NULL;

  if (escale_event_get_starts_at (self->event) != 0)
    {
      g_autoptr(GDateTime) start = escale_event_dup_start (self->event);

      /* Translators: the day an event starts, in the window's subtitle; see strftime */
      when = g_date_time_format (start, _("%A, %B %-d, %Y"));
    }

  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("New Event"));
  adw_view_switcher_title_set_title (self->switcher_title, title != NULL ? title : _("New Event"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, when);
}

static void
update_pages (EscaleEventEditor *self)
{
  gboolean visit = escale_event_get_kind (self->event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT;
  gboolean saved = self->saved != NULL;

  adw_view_stack_page_set_visible (self->itinerary_page, visit);
  adw_view_stack_page_set_visible (self->registrations_page, saved);
  adw_view_stack_page_set_visible (self->roll_call_page, saved);
  escale_logistics_editor_set_transport_visible (self->logistics_editor, visit);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->modified || !saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-event",
                                 saved && escale_event_get_status (self->saved) != ESCALE_EVENT_STATUS_CANCELLED);
  _escale_event_editor_publish_update (self);
}

static GtkWidget *
create_warning_row (EscalePlanWarning *warning)
{
  GtkWidget *label = gtk_label_new (warning->message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  return label;
}

static void
show_warnings (EscaleEventEditor *self)
{
  GtkWidget *child;
  guint n_warnings = self->warnings->len;
  guint n = n_warnings + self->conflicts->len;
  gboolean listed = FALSE;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);
  for (guint i = 0; i < n_warnings; i++)
    gtk_list_box_append (self->warnings_list, create_warning_row (g_ptr_array_index (self->warnings, i)));
  for (guint i = 0; i < self->conflicts->len; i++)
    gtk_list_box_append (self->warnings_list,
                         _escale_event_editor_create_conflict_row (self, g_ptr_array_index (self->conflicts, i)));

  /* The only warning says itself; several are counted and listed, and so
   * is a conflict with an event, for its Open button. */
  if (n == 1 && n_warnings == 1)
    summary = g_strdup (((EscalePlanWarning *) g_ptr_array_index (self->warnings, 0))->message);
  else if (n == 1 && ((EscaleConflict *) g_ptr_array_index (self->conflicts, 0))->other_event_id == 0)
    summary = escale_conflict_describe (g_ptr_array_index (self->conflicts, 0));
  else
    listed = n > 0;
  if (summary == NULL)
    summary = g_strdup_printf (ngettext ("%u thing to check in this plan", "%u things to check in this plan", n), n);
  gtk_label_set_text (self->warnings_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), listed);
  gtk_revealer_set_reveal_child (self->warnings_revealer, n > 0);

  escale_itinerary_editor_set_warnings (self->itinerary_editor, self->warnings, self->conflicts);
  _escale_event_editor_partner_week_update (self);
}

static gboolean
run_checks (gpointer data)
{
  EscaleEventEditor *self = data;
  g_autofree char *today = escale_calendar_date_today ();
  EscalePlanContext context = { .today = today, .seats_taken = self->seats_taken };

  self->check_source = 0;
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  /* Until it has its times, an event has nothing to check. */
  if (escale_event_get_starts_at (self->event) != 0)
    self->warnings = escale_plan_check (self->event, &context);
  else
    self->warnings = g_ptr_array_new ();
  self->conflicts = _escale_event_editor_find_conflicts (self);
  show_warnings (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_checks (EscaleEventEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, run_checks, self);
}

static void
read_seats_taken (EscaleEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  EscaleEventFill fill;

  if (self->saved == NULL)
    return;

  if (!escale_registration_repository_get_fill (escale_context_get_registrations (self->context),
                                                escale_event_get_id (self->saved), &fill, &error))
    {
      g_warning ("Could not count the registrations: %s", error->message);
      return;
    }
  self->seats_taken = fill.seats_taken;
  schedule_checks (self);
}

void
_escale_event_editor_mark_modified (EscaleEventEditor *self)
{
  if (self->filling)
    return;

  _escale_event_editor_fields_apply (self, self->show_messages);
  self->modified = TRUE;
  update_title (self);
  update_pages (self);
  schedule_checks (self);
}

static void
on_field_changed (EscaleEventEditor *self)
{
  _escale_event_editor_mark_modified (self);
}

static void
on_part_changed (EscaleEventEditor *self)
{
  self->modified = TRUE;
  update_pages (self);
  schedule_checks (self);
}

/* The registrations and roll calls follow the stored event. */
static void
bind_saved (EscaleEventEditor *self)
{
  escale_registrations_view_set_event (self->registrations_view, self->context, self->saved);
  escale_roll_call_view_set_event (self->roll_call_view, self->context, self->saved);
  read_seats_taken (self);
}

/**
 * _escale_event_editor_show_event:
 * @stored: an event loaded with its parts, or a new one (id 0)
 *
 * Puts @stored in the window, to edit on a copy: at the start, and when
 * the window goes on with another session of a series.
 */
void
_escale_event_editor_show_event (EscaleEventEditor *self,
                                 EscaleEvent       *stored)
{
  g_set_object (&self->event, NULL);
  g_set_object (&self->saved, NULL);
  self->event = escale_event_copy (stored);
  if (escale_event_get_id (stored) != 0)
    self->saved = g_object_ref (stored);

  self->filling = TRUE;
  _escale_event_editor_fields_fill (self);
  escale_itinerary_editor_set_event (self->itinerary_editor, self->event);
  escale_logistics_editor_set_event (self->logistics_editor, self->event);
  if (self->saved != NULL)
    bind_saved (self);
  self->filling = FALSE;

  self->modified = FALSE;
  update_title (self);
  update_pages (self);
  schedule_checks (self);
}

/* @message: (out) (optional): what to tell the counsellor once saved */
static gboolean
save (EscaleEventEditor  *self,
      char              **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_message = NULL;

  if (!_escale_event_editor_fields_apply (self, TRUE))
    {
      self->show_messages = TRUE;
      adw_view_stack_set_visible_child_name (self->view_stack, "event");
      _escale_event_editor_show_toast (self, _("Some fields need attention before saving"));
      return FALSE;
    }

  if (!_escale_event_editor_series_save (self, &saved_message, &error))
    {
      _escale_event_editor_show_toast (self, error->message);
      return FALSE;
    }

  /* The stops and vehicles being edited now have their numbers. */
  g_set_object (&self->saved, NULL);
  self->saved = escale_event_copy (self->event);
  self->modified = FALSE;
  bind_saved (self);
  update_title (self);
  update_pages (self);
  if (message != NULL)
    *message = g_steal_pointer (&saved_message);
  return TRUE;
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (widget);
  g_autofree char *message = NULL;

  if (save (self, &message))
    _escale_event_editor_show_toast (self, message);
}

static void
on_print_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (widget);
  EscaleEventDocument document;
  g_autoptr(GError) error = NULL;

  if (!escale_event_document_from_nick (g_variant_get_string (parameter, NULL), &document))
    g_return_if_reached ();

  /* The paper says what is stored, not what might still be abandoned. */
  if (self->modified && !save (self, NULL))
    return;

  if (!escale_event_print (GTK_WINDOW (self), self->context, self->saved, document, &error))
    _escale_event_editor_show_toast (self, error->message);
}

static void
on_cancel_event_response (AdwMessageDialog  *dialog,
                          const char        *response,
                          EscaleEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "cancel-event"))
    return;

  /* Only the status is stored; edits not saved stay in the window. */
  if (!escale_event_repository_cancel (escale_context_get_events (self->context), self->saved, &error))
    {
      _escale_event_editor_show_toast (self, error->message);
      return;
    }

  self->filling = TRUE;
  escale_event_set_status (self->event, ESCALE_EVENT_STATUS_CANCELLED);
  adw_combo_row_set_selected (self->status_row, ESCALE_EVENT_STATUS_CANCELLED);
  self->filling = FALSE;
  update_pages (self);
  _escale_event_editor_show_toast (self, _("Event cancelled; its registrations are kept"));
}

AdwMessageDialog *
_escale_event_editor_create_question (EscaleEventEditor *self,
                                     const char        *heading,
                                     const char        *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  return dialog;
}

static void
on_cancel_event_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the title of an event */
  heading = g_strdup_printf (_("Cancel “%s”?"), escale_event_get_title (self->saved));
  dialog = _escale_event_editor_create_question (self, heading,
                                                 _("The event stays in the list, marked cancelled, with its "
                                                   "registrations. Escale does not tell the participants: let them "
                                                   "know."));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Event"), "cancel-event", _("_Cancel Event"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-event", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_event_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_later (gpointer data)
{
  g_autoptr(GtkWindow) window = data;

  gtk_window_destroy (window);
}

/* From a dialog's response: the dialog still refers to its parent while it
 * emits it. */
void
_escale_event_editor_close_soon (EscaleEventEditor *self)
{
  /* The event may be gone: nothing is read for it any more. */
  g_signal_handlers_disconnect_by_data (escale_context_get_registrations (self->context), self);
  g_signal_handlers_disconnect_by_data (escale_context_get_events (self->context), self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (close_later, g_object_ref (self));
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    EscaleEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!escale_event_repository_delete (escale_context_get_events (self->context), self->saved, &error))
    {
      _escale_event_editor_show_toast (self, error->message);
      return;
    }

  _escale_event_editor_close_soon (self);
}

static void
on_delete_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the title of an event */
  heading = g_strdup_printf (_("Delete “%s”?"), escale_event_get_title (self->saved));
  dialog = _escale_event_editor_create_question (self, heading,
                                                 _("Its itinerary, transport and checklist are deleted with it. An "
                                                   "event people registered for cannot be deleted: cancel it "
                                                   "instead."));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Event"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A calendar says what is stored, as paper does. */
static void
on_export_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (widget);

  if (self->modified && !save (self, NULL))
    return;

  _escale_event_editor_export (self);
}

static void
on_remove_from_series_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _escale_event_editor_series_remove (ESCALE_EVENT_EDITOR (widget));
}

static void
on_close_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   EscaleEventEditor *self)
{
  if (g_str_equal (response, "keep"))
    return;
  if (g_str_equal (response, "save"))
    {
      if (self->modified && !save (self, NULL))
        return;
      if (escale_roll_call_view_has_unsaved_marks (self->roll_call_view) &&
          !escale_roll_call_view_save (self->roll_call_view))
        return;
    }

  self->modified = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (close_later, g_object_ref (self));
}

static gboolean
escale_event_editor_close_request (GtkWindow *window)
{
  EscaleEventEditor *self = ESCALE_EVENT_EDITOR (window);
  gboolean marks = escale_roll_call_view_has_unsaved_marks (self->roll_call_view);
  AdwMessageDialog *dialog;
  const char *body;

  /* The roll call's marks are stored at Save Roll Call, not as they are
   * taken: closing must not drop them without asking either. */
  if (!self->modified && !marks)
    return GTK_WINDOW_CLASS (escale_event_editor_parent_class)->close_request (window);

  if (self->modified && marks)
    body = _("The event and the roll call have changes that are not saved.");
  else if (marks)
    body = _("The roll call has marks that are not saved.");
  else
    body = _("The event has changes that are not saved. Registrations and roll calls are already stored.");
  dialog = _escale_event_editor_create_question (self, _("Save Changes?"), body);
  adw_message_dialog_add_responses (dialog, "keep", _("_Cancel"), "discard", _("_Discard"), "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
escale_event_editor_dispose (GObject *object)
{
  EscaleEventEditor *self = (EscaleEventEditor *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_EVENT_EDITOR);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->event);
  g_clear_object (&self->saved);
  g_clear_object (&self->context);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (escale_event_editor_parent_class)->dispose (object);
}

static void
escale_event_editor_class_init (EscaleEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = escale_event_editor_dispose;
  window_class->close_request = escale_event_editor_close_request;

  g_type_ensure (ESCALE_TYPE_ITINERARY_EDITOR);
  g_type_ensure (ESCALE_TYPE_LOGISTICS_EDITOR);
  g_type_ensure (ESCALE_TYPE_MOMENT_ROW);
  g_type_ensure (ESCALE_TYPE_REGISTRATIONS_VIEW);
  g_type_ensure (ESCALE_TYPE_ROLL_CALL_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/escale/Escale/ui/events/escale-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, warnings_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, title_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, organizer_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, presenters_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, times_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, deadline_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, skip_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, repeat_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, series_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, following_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, following_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, coordinates_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, coordinates_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, online_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, capacity_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, materials_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, itinerary_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, registrations_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, roll_call_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, itinerary_editor);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, logistics_editor);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, registrations_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventEditor, roll_call_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_part_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", "s", on_print_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel-event", NULL, on_cancel_event_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, on_delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove-from-series", NULL, on_remove_from_series_activated);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, on_export_activated);
  gtk_widget_class_install_action (widget_class, "editor.partner-week", NULL,
                                   _escale_event_editor_partner_week_activated);
}

static void
escale_event_editor_init (EscaleEventEditor *self)
{
  /* The template's menus and entries announce themselves as it is built. */
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _escale_event_editor_publish_init (self);
  self->warnings = g_ptr_array_new ();
  self->conflicts = g_ptr_array_new ();
}

/**
 * escale_event_editor_new:
 * @event: (nullable): a stored event, loaded with its parts, or a new one
 *   (id 0) to fill in; the editor works on a copy
 */
EscaleEventEditor *
escale_event_editor_new (EscaleContext *context,
                         EscaleEvent   *event)
{
  EscaleEventEditor *self;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);

  self = g_object_new (ESCALE_TYPE_EVENT_EDITOR, NULL);
  self->context = g_object_ref (context);
  _escale_event_editor_fields_init (self);
  escale_itinerary_editor_set_context (self->itinerary_editor, context);
  g_signal_connect_object (escale_context_get_registrations (context), "changed", G_CALLBACK (read_seats_taken),
                           self, G_CONNECT_SWAPPED);
  /* Another window's saved event may clash with this one, or stop to. */
  g_signal_connect_object (escale_context_get_events (context), "changed", G_CALLBACK (schedule_checks),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "agenda-changed", G_CALLBACK (schedule_checks), self, G_CONNECT_SWAPPED);

  _escale_event_editor_show_event (self, event);
  return self;
}

/**
 * escale_event_editor_get_event:
 *
 * Returns: (transfer none): the event as edited, saved or not
 */
EscaleEvent *
escale_event_editor_get_event (EscaleEventEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_EDITOR (self), NULL);
  return self->event;
}

gboolean
escale_event_editor_get_modified (EscaleEventEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_EDITOR (self), FALSE);
  return self->modified;
}

/**
 * escale_event_editor_get_warnings:
 *
 * Checks the plan now if a check is waiting for the typing to stop.
 *
 * Returns: (transfer none) (element-type EscalePlanWarning): what the plan
 *   checks find in the event as edited
 */
GPtrArray *
escale_event_editor_get_warnings (EscaleEventEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_EDITOR (self), NULL);

  if (self->check_source != 0)
    {
      g_clear_handle_id (&self->check_source, g_source_remove);
      run_checks (self);
    }
  return self->warnings;
}

/**
 * escale_event_editor_get_conflicts:
 *
 * Looks for conflicts now if a check is waiting for the typing to stop.
 *
 * Returns: (transfer none) (element-type EscaleConflict): what the event,
 *   as edited, clashes with
 */
GPtrArray *
escale_event_editor_get_conflicts (EscaleEventEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENT_EDITOR (self), NULL);

  if (self->check_source != 0)
    {
      g_clear_handle_id (&self->check_source, g_source_remove);
      run_checks (self);
    }
  return self->conflicts;
}

/**
 * escale_event_editor_present_event:
 * @transient_for: (nullable): the window the editor belongs with
 * @event_id: a stored event
 *
 * Shows the event's window: the one already open for it, or a new one.
 *
 * Returns: %FALSE with @error set if the event cannot be read
 */
gboolean
escale_event_editor_present_event (EscaleContext  *context,
                                   GtkWindow      *transient_for,
                                   gint64          event_id,
                                   GError        **error)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(EscaleEvent) event = NULL;
  EscaleEventEditor *editor;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (event_id > 0, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ESCALE_IS_EVENT_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          escale_event_get_id (ESCALE_EVENT_EDITOR (window)->event) == event_id)
        {
          gtk_window_present (window);
          return TRUE;
        }
    }

  event = escale_event_repository_load (escale_context_get_events (context), event_id, error);
  if (event == NULL)
    return FALSE;

  editor = escale_event_editor_new (context, event);
  gtk_window_set_transient_for (GTK_WINDOW (editor), transient_for);
  gtk_window_present (GTK_WINDOW (editor));
  return TRUE;
}
