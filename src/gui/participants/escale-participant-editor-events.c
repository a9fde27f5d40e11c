/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-event-chooser.h"
#include "escale-event-editor.h"
#include "escale-event-json.h"
#include "escale-export-row.h"
#include "escale-feed-row.h"
#include "escale-participant-choices.h"
#include "escale-participant-editor-private.h"
#include "escale-placeholder.h"
#include "escale-register-dialog.h"
#include "escale-tag.h"

/* The events of a saved file: each event the person was registered for,
 * the latest first, with its day and where the person stands; and
 * Register for an Event…, which chooses the event (EscaleEventChooser)
 * and then registers them through the register dialog, as from the
 * event, with their household's seats, their needs and the event's rules.
 * A registration is written at once by the registration repository, whose
 * "changed" signal redraws the list: it does not wait for Save, and
 * Cancel does not undo it. */

/* Where the person stands, in a tag: "Waitlisted (number 2)", "Did not
 * come", or the event's cancellation, which says more than a seat at it. */
static GtkWidget *
status_tag_new (EscaleParticipantRegistration *entry)
{
  EscaleRegistration *registration = escale_participant_registration_get_registration (entry);
  EscaleEvent *event = escale_participant_registration_get_event (entry);
  EscaleRegistrationStatus status = escale_registration_get_status (registration);
  guint position = escale_participant_registration_get_waitlist_position (entry);
  g_autofree char *text = NULL;

  if (escale_event_get_status (event) == ESCALE_EVENT_STATUS_CANCELLED && status != ESCALE_REGISTRATION_STATUS_CANCELLED)
    return escale_tag_new (_("Event cancelled"), "error");

  switch (status)
    {
    case ESCALE_REGISTRATION_STATUS_WAITLISTED:
      if (position > 0)
        /* Translators: a place on the waitlist, from 1 */
        text = g_strdup_printf (_("Waitlisted (number %u)"), position);
      return escale_tag_new (text != NULL ? text : escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status), "warning");
    case ESCALE_REGISTRATION_STATUS_CONFIRMED:
    case ESCALE_REGISTRATION_STATUS_ATTENDED:
      return escale_tag_new (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status), "accent");
    case ESCALE_REGISTRATION_STATUS_NO_SHOW:
      return escale_tag_new (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status), "error");
    case ESCALE_REGISTRATION_STATUS_CANCELLED:
      {
        GtkWidget *tag = escale_tag_new (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status), NULL);

        gtk_widget_add_css_class (tag, "dim-label");
        return tag;
      }
    case ESCALE_REGISTRATION_STATUS_REGISTERED:
    default:
      return escale_tag_new (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status), NULL);
    }
}

/* “Thursday, December 3, 2026 · Exploratory visit · 3 seats” */
static GtkWidget *
event_row_new (EscaleParticipantRegistration *entry)
{
  EscaleRegistration *registration = escale_participant_registration_get_registration (entry);
  EscaleEvent *event = escale_participant_registration_get_event (entry);
  int seats = escale_registration_get_seats (registration);
  /* Translators: an event's day, as in “Thursday, December 3, 2026”; see g_date_time_format() */
  g_autofree char *day = escale_event_format_time (event, escale_event_get_starts_at (event), _("%A, %B %-d, %Y"));
  g_autoptr(GString) subtitle = g_string_new (day);
  GtkWidget *row = adw_action_row_new ();

  g_string_append_printf (subtitle, " · %s",
                          escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)));
  if (seats > 1)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the participant and the household members who come */
      g_string_append_printf (subtitle, ngettext ("%d seat", "%d seats", seats), seats);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escale_event_get_title (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_tag_new (entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* GtkListBox has no remove_all before GTK 4.12. */
static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static gint64
saved_id (EscaleParticipantEditor *self)
{
  return self->saved != NULL ? escale_participant_get_id (self->saved) : 0;
}

/* Reads the person's events again; a new file has none to show yet. */
void
_escale_participant_editor_update_events (EscaleParticipantEditor *self)
{
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = saved_id (self);

  gtk_widget_set_visible (GTK_WIDGET (self->events_group), id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.register-for-event", id > 0);
  if (id <= 0 || self->context == NULL)
    return;

  /* The person's own calendar, to send them or for them to subscribe to. */
  if (gtk_list_box_get_row_at_index (self->publish_list, 0) == NULL)
    {
      EscaleIcalSelection selection = { .scope = ESCALE_ICAL_SCOPE_PARTICIPANT, .id = id };
      g_autofree char *name = escale_participant_dup_display_name (self->saved);
      /* Translators: a participant's name */
      g_autofree char *what = g_strdup_printf (_("Calendar of %s"), name);
      /* Translators: the file name proposed for a participant's calendar */
      g_autofree char *file_name = g_strdup_printf (_("Calendar of %s.ics"), name);

      g_strdelimit (file_name, "/\\:*?\"<>|", '-');
      gtk_list_box_append (self->publish_list, escale_export_row_new (self->context, &selection, what, file_name));
      gtk_list_box_append (self->publish_list,
                           escale_feed_row_new (escale_context_get_feeds (self->context), ESCALE_FEED_SCOPE_PARTICIPANT, id));
    }

  registrations = escale_registration_repository_list_for_participant (escale_context_get_registrations (self->context),
                                                                       id, &error);
  if (registrations == NULL)
    {
      _escale_participant_editor_show_message (self, error->message);
      return;
    }

  g_clear_pointer (&self->registrations, g_ptr_array_unref);
  self->registrations = g_steal_pointer (&registrations);
  remove_rows (self->events_list);
  for (guint i = 0; i < self->registrations->len; i++)
    gtk_list_box_append (self->events_list, event_row_new (g_ptr_array_index (self->registrations, i)));
}

static EscaleParticipantRegistration *
find_shown (EscaleParticipantEditor *self,
            gint64                   registration_id)
{
  for (guint i = 0; self->registrations != NULL && i < self->registrations->len; i++)
    {
      EscaleParticipantRegistration *entry = g_ptr_array_index (self->registrations, i);

      if (escale_registration_get_id (escale_participant_registration_get_registration (entry)) == registration_id)
        return entry;
    }

  return NULL;
}

static void
show_toast (EscaleParticipantEditor *self,
            const char              *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The list is already read again (the repository said it changed): it
 * gives the event's title and the place on the waitlist. */
static void
on_registered (EscaleParticipantEditor *self,
               EscaleRegistration      *registration,
               GPtrArray               *unused)
{
  EscaleParticipantRegistration *entry = find_shown (self, escale_registration_get_id (registration));
  const char *title;
  guint position;
  g_autofree char *text = NULL;

  if (entry == NULL)
    {
      show_toast (self, escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS,
                                                 escale_registration_get_status (registration)));
      return;
    }

  title = escale_event_get_title (escale_participant_registration_get_event (entry));
  position = escale_participant_registration_get_waitlist_position (entry);
  if (escale_registration_get_status (registration) == ESCALE_REGISTRATION_STATUS_WAITLISTED)
    /* Translators: an event's title, then a place on the waitlist, from 1 */
    text = g_strdup_printf (_("On the waitlist for “%s” (number %u)"), title, position);
  else
    /* Translators: an event's title */
    text = g_strdup_printf (_("Registered for “%s”"), title);
  show_toast (self, text);
}

/* The rest is the register dialog's, as from the event: seats, needs,
 * the rules and a justified exception. */
static void
on_event_chosen (EscaleParticipantEditor *self,
                 EscaleEvent             *event)
{
  EscaleRegisterDialog *dialog = escale_register_dialog_new (GTK_WINDOW (self), self->context, event);

  escale_register_dialog_set_participant (dialog, saved_id (self));
  g_signal_connect_object (dialog, "registered", G_CALLBACK (on_registered), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EscaleParticipantEditor *self = ESCALE_PARTICIPANT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  EscaleEventChooser *chooser;

  g_return_if_fail (self->saved != NULL);

  /* The repository reads the stored file: consent recorded here but not
   * saved yet would be refused after the event is chosen. */
  if (!escale_participant_require_consent (self->saved, ESCALE_CONSENT_PURPOSE_REGISTRATION, &error))
    {
      if (escale_participant_has_consent (self->participant, ESCALE_CONSENT_PURPOSE_REGISTRATION))
        _escale_participant_editor_show_message (self, _("Save the file first: the consent to registration recorded "
                                                         "here is not saved yet."));
      else
        _escale_participant_editor_show_message (self, error->message);
      return;
    }

  chooser = escale_event_chooser_new (GTK_WINDOW (self), self->context, saved_id (self));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_event_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* The event opens in its own window, as from the Events page. */
static void
on_event_row_activated (EscaleParticipantEditor *self,
                        GtkListBoxRow           *row)
{
  EscaleParticipantRegistration *entry = g_ptr_array_index (self->registrations, gtk_list_box_row_get_index (row));
  EscaleEvent *listed = escale_participant_registration_get_event (entry);
  g_autoptr(EscaleEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  EscaleEventEditor *editor;

  event = escale_event_repository_load (escale_context_get_events (self->context), escale_event_get_id (listed),
                                        &error);
  if (event == NULL)
    {
      _escale_participant_editor_show_message (self, error->message);
      return;
    }

  editor = escale_event_editor_new (self->context, event);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

void
_escale_participant_editor_bind_events (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, events_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, events_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantEditor, publish_list);

  gtk_widget_class_bind_template_callback (widget_class, on_event_row_activated);
  gtk_widget_class_install_action (widget_class, "editor.register-for-event", NULL, register_activated);
}

/* Called once the editor has its context. */
void
_escale_participant_editor_follow_events (EscaleParticipantEditor *self)
{
  escale_placeholder_add (self->events_list,
                          _("Not registered for any event yet. Register them with Register for an Event…"));

  self->registrations_handler = g_signal_connect_swapped (escale_context_get_registrations (self->context), "changed",
                                                          G_CALLBACK (_escale_participant_editor_update_events), self);
  _escale_participant_editor_update_events (self);
}

void
_escale_participant_editor_unfollow_events (EscaleParticipantEditor *self)
{
  if (self->context != NULL)
    g_clear_signal_handler (&self->registrations_handler, escale_context_get_registrations (self->context));
  g_clear_pointer (&self->registrations, g_ptr_array_unref);
}
