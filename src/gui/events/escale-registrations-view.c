/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-needs-group.h"
#include "escale-placeholder.h"
#include "escale-register-dialog.h"
#include "escale-registration-row.h"
#include "escale-registrations-view.h"
#include "escale-toast.h"

/* The registrations of one event, as the counsellor handles them: how
 * full it is, who holds the seats, who waits and in what order, who
 * cancelled. Each change goes through the registration repository, which
 * promotes from the waitlist in the same transaction; the view reads the
 * list again on its "changed" signal and says in a toast what happened,
 * naming who got a seat. An event has hundreds of registrations at most:
 * rows in list boxes, rebuilt on each change. */
struct _EscaleRegistrationsView
{
  AdwBin                        parent_instance;

  /* Template widgets */
  AdwToastOverlay              *toast_overlay;
  GtkLabel                     *fill_label;
  GtkLevelBar                  *level_bar;
  GtkListBox                   *seats_list;
  GtkListBox                   *waitlist_list;
  GtkWidget                    *cancelled_group;
  AdwExpanderRow               *cancelled_row;

  /* Owned */
  EscaleContext                *context;
  EscaleEvent                  *event;
  GPtrArray                    *registrations;
  GPtrArray                    *cancelled_rows;
  GtkLabel                     *seats_placeholder;
  AdwToast                     *toast;          /* weak: the last one shown */
  gulong                        changed_handler;
};

G_DEFINE_FINAL_TYPE (EscaleRegistrationsView, escale_registrations_view, ADW_TYPE_BIN)

static void
show_toast (EscaleRegistrationsView *self,
            const char              *title)
{
  escale_toast_show (GTK_WIDGET (self), self->toast_overlay, &self->toast, title);
}

/* GtkListBox has no remove_all before GTK 4.12. */
static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* "32 of 40 seats · 5 waiting" */
static void
show_fill (EscaleRegistrationsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EscaleEventFill fill;

  if (!escale_registration_repository_get_fill (escale_context_get_registrations (self->context),
                                                escale_event_get_id (self->event), &fill, &error))
    {
      show_toast (self, error->message);
      return;
    }

  text = escale_event_fill_describe (&fill);
  gtk_label_set_text (self->fill_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->level_bar), fill.capacity > 0);
  if (fill.capacity > 0)
    gtk_level_bar_set_value (self->level_bar, MIN (1.0, (double) fill.seats_taken / fill.capacity));
}

static void
reload (EscaleRegistrationsView *self)
{
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;

  registrations = escale_registration_repository_list (escale_context_get_registrations (self->context),
                                                       escale_event_get_id (self->event), &error);
  if (registrations == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->registrations, g_ptr_array_unref);
  self->registrations = g_steal_pointer (&registrations);

  remove_rows (self->seats_list);
  remove_rows (self->waitlist_list);
  for (guint i = 0; i < self->cancelled_rows->len; i++)
    adw_expander_row_remove (self->cancelled_row, g_ptr_array_index (self->cancelled_rows, i));
  g_ptr_array_set_size (self->cancelled_rows, 0);

  /* The list comes in the view's order: seats by name, the waitlist in
   * order, then cancellations. */
  for (guint i = 0; i < self->registrations->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (self->registrations, i);
      EscaleRegistrationStatus status = escale_registration_get_status (registration);

      if (status == ESCALE_REGISTRATION_STATUS_WAITLISTED)
        gtk_list_box_append (self->waitlist_list, escale_registration_row_new (registration, ++position));
      else if (status == ESCALE_REGISTRATION_STATUS_CANCELLED)
        {
          GtkWidget *row = escale_registration_row_new (registration, 0);

          adw_expander_row_add_row (self->cancelled_row, row);
          g_ptr_array_add (self->cancelled_rows, row);
        }
      else
        gtk_list_box_append (self->seats_list, escale_registration_row_new (registration, 0));
    }

  gtk_label_set_text (self->seats_placeholder,
                      self->registrations->len == 0
                      ? _("Nobody is registered yet. Register participants from the directory with Register Participant…")
                      : _("Nobody holds a seat."));
  gtk_widget_set_visible (self->cancelled_group, self->cancelled_rows->len > 0);
  {
    guint n = self->cancelled_rows->len;
    g_autofree char *count = g_strdup_printf (ngettext ("%u person", "%u people", n), n);

    adw_expander_row_set_subtitle (self->cancelled_row, count);
  }

  show_fill (self);
}

static EscaleRegistration *
find_registration (EscaleRegistrationsView *self,
                   gint64                   registration_id)
{
  for (guint i = 0; self->registrations != NULL && i < self->registrations->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (self->registrations, i);

      if (escale_registration_get_id (registration) == registration_id)
        return registration;
    }

  return NULL;
}

/* From 1, in the order of the waitlist; 0 for someone not waiting. */
static guint
waitlist_position (EscaleRegistrationsView *self,
                   gint64                   registration_id)
{
  guint position = 0;

  for (guint i = 0; self->registrations != NULL && i < self->registrations->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (self->registrations, i);

      if (escale_registration_get_status (registration) != ESCALE_REGISTRATION_STATUS_WAITLISTED)
        continue;
      position++;
      if (escale_registration_get_id (registration) == registration_id)
        return position;
    }

  return 0;
}

static void
on_registered (EscaleRegisterDialog    *dialog,
               EscaleRegistration      *registration,
               GPtrArray               *unused,
               EscaleRegistrationsView *self)
{
  const char *name = escale_registration_get_participant_name (registration);
  g_autofree char *title = NULL;

  if (escale_registration_get_status (registration) == ESCALE_REGISTRATION_STATUS_WAITLISTED)
    /* Translators: a name, then their place on the waitlist, from 1 */
    title = g_strdup_printf (_("%s is number %u on the waitlist"), name,
                             waitlist_position (self, escale_registration_get_id (registration)));
  else
    /* Translators: a name */
    title = g_strdup_printf (_("%s is registered"), name);

  show_toast (self, title);
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EscaleRegistrationsView *self = ESCALE_REGISTRATIONS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  EscaleRegisterDialog *dialog;

  g_return_if_fail (self->event != NULL);

  dialog = escale_register_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, self->event);
  g_signal_connect_object (dialog, "registered", G_CALLBACK (on_registered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Confirm, or Back to Registered: the two changes a counsellor makes by
 * hand besides cancelling. */
static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EscaleRegistrationsView *self = ESCALE_REGISTRATIONS_VIEW (widget);
  gint64 registration_id = g_variant_get_int64 (parameter);
  EscaleRegistration *registration = find_registration (self, registration_id);
  gboolean confirm = g_str_equal (action_name, "registrations.confirm");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (registration != NULL);

  /* The list is read again during the change. */
  name = g_strdup (escale_registration_get_participant_name (registration));
  if (!escale_registration_repository_set_status (escale_context_get_registrations (self->context), registration_id,
                                                  confirm ? ESCALE_REGISTRATION_STATUS_CONFIRMED
                                                          : ESCALE_REGISTRATION_STATUS_REGISTERED,
                                                  NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (confirm)
    /* Translators: a name */
    title = g_strdup_printf (_("%s is confirmed"), name);
  else
    /* Translators: a name; the person is registered, no longer confirmed */
    title = g_strdup_printf (_("%s is back to registered"), name);
  show_toast (self, title);
}

/* "Promoted from the waitlist: Amina Diallo (2 seats)", or what was freed
 * when nobody waiting fits. */
static char *
describe_cancellation (EscaleRegistration *cancelled,
                       GPtrArray          *promoted)
{
  g_autoptr(GString) names = g_string_new (NULL);
  int seats = escale_registration_get_seats (cancelled);

  if (promoted == NULL || promoted->len == 0)
    {
      if (escale_registration_get_status (cancelled) == ESCALE_REGISTRATION_STATUS_WAITLISTED)
        /* Translators: a name */
        return g_strdup_printf (_("%s left the waitlist"), escale_registration_get_participant_name (cancelled));
      return g_strdup_printf (ngettext ("%d seat freed", "%d seats freed", seats), seats);
    }

  for (guint i = 0; i < promoted->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (promoted, i);
      int their_seats = escale_registration_get_seats (registration);

      if (i > 0)
        g_string_append (names, ", ");
      /* Translators: a name, then the seats they got */
      g_string_append_printf (names, ngettext ("%s (%d seat)", "%s (%d seats)", their_seats),
                              escale_registration_get_participant_name (registration), their_seats);
    }

  /* Translators: the names of those who got a seat */
  return g_strdup_printf (_("Promoted from the waitlist: %s"), names->str);
}

static void
on_cancel_response (AdwMessageDialog        *dialog,
                    const char              *response,
                    EscaleRegistrationsView *self)
{
  EscaleRegistration *registration = g_object_get_data (G_OBJECT (dialog), "registration");
  g_autoptr(GPtrArray) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "cancel-registration"))
    return;

  if (!escale_registration_repository_cancel (escale_context_get_registrations (self->context),
                                              escale_registration_get_event_id (registration),
                                              escale_registration_get_participant_id (registration), &promoted, &error))
    {
      show_toast (self, error->message);
      return;
    }

  title = describe_cancellation (registration, promoted);
  show_toast (self, title);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EscaleRegistrationsView *self = ESCALE_REGISTRATIONS_VIEW (widget);
  EscaleRegistration *registration = find_registration (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  int seats;
  GtkWidget *dialog;

  g_return_if_fail (registration != NULL);

  seats = escale_registration_get_seats (registration);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  /* Translators: a name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Cancel the Registration of %s?"),
                                     escale_registration_get_participant_name (registration));
  if (escale_registration_holds_seats (registration))
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    ngettext ("Their seat frees for the waitlist: it goes to the first person "
                                              "waiting whom it fits.",
                                              "Their %d seats free for the waitlist: they go to the first people "
                                              "waiting whom they fit.", seats),
                                    seats);
  else
    /* Translators: a name */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s leaves the waitlist."),
                                    escale_registration_get_participant_name (registration));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Registration"),
                                    "cancel-registration", _("Cancel _Registration"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-registration",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "registration", g_object_ref (registration), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_needs_response (AdwMessageDialog        *dialog,
                   const char              *response,
                   EscaleRegistrationsView *self)
{
  EscaleRegistration *registration = g_object_get_data (G_OBJECT (dialog), "registration");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;

  if (!escale_needs_group_save (ESCALE_NEEDS_GROUP (adw_message_dialog_get_extra_child (dialog)),
                                escale_context_get_registrations (self->context),
                                escale_registration_get_id (registration), &error))
    show_toast (self, error->message);
}

static void
edit_needs_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EscaleRegistrationsView *self = ESCALE_REGISTRATIONS_VIEW (widget);
  EscaleRegistration *registration = find_registration (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *needs = escale_needs_group_new ();
  GtkWidget *dialog;

  g_return_if_fail (registration != NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (needs), NULL);
  escale_needs_group_set_lodging_visible (ESCALE_NEEDS_GROUP (needs),
                                          escale_event_get_kind (self->event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  escale_needs_group_set_registration (ESCALE_NEEDS_GROUP (needs), registration);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  /* Translators: a name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("What %s Needs"),
                                     escale_registration_get_participant_name (registration));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), needs);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "registration", g_object_ref (registration), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_needs_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
disconnect (EscaleRegistrationsView *self)
{
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_handler, escale_context_get_registrations (self->context));
}

static void
escale_registrations_view_dispose (GObject *object)
{
  EscaleRegistrationsView *self = (EscaleRegistrationsView *)object;

  disconnect (self);
  /* The toast overlay is both AdwBin's child and a template child: AdwBin
   * lets go of it first, or it would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_REGISTRATIONS_VIEW);
  g_clear_pointer (&self->registrations, g_ptr_array_unref);
  g_clear_pointer (&self->cancelled_rows, g_ptr_array_unref);
  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->context);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (escale_registrations_view_parent_class)->dispose (object);
}

static void
escale_registrations_view_class_init (EscaleRegistrationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_registrations_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escale/Escale/ui/events/escale-registrations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, fill_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, level_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, seats_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, waitlist_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, cancelled_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegistrationsView, cancelled_row);

  gtk_widget_class_install_action (widget_class, "registrations.register", NULL, register_activated);
  gtk_widget_class_install_action (widget_class, "registrations.confirm", "x", set_status_activated);
  gtk_widget_class_install_action (widget_class, "registrations.back-to-registered", "x", set_status_activated);
  gtk_widget_class_install_action (widget_class, "registrations.cancel", "x", cancel_activated);
  gtk_widget_class_install_action (widget_class, "registrations.edit-needs", "x", edit_needs_activated);
}

static void
escale_registrations_view_init (EscaleRegistrationsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancelled_rows = g_ptr_array_new ();
  self->seats_placeholder = escale_placeholder_add (self->seats_list, NULL);
  escale_placeholder_add (self->waitlist_list, _("Nobody is waiting for a seat."));

  /* A full event is good news, not a warning. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrations.register", FALSE);
}

GtkWidget *
escale_registrations_view_new (void)
{
  return g_object_new (ESCALE_TYPE_REGISTRATIONS_VIEW, NULL);
}

/**
 * escale_registrations_view_set_event:
 * @event: a saved event
 *
 * Shows the registrations of @event, and follows them as they change.
 */
void
escale_registrations_view_set_event (EscaleRegistrationsView *self,
                                     EscaleContext           *context,
                                     EscaleEvent             *event)
{
  g_return_if_fail (ESCALE_IS_REGISTRATIONS_VIEW (self));
  g_return_if_fail (ESCALE_IS_CONTEXT (context));
  g_return_if_fail (ESCALE_IS_EVENT (event) && escale_event_get_id (event) > 0);

  disconnect (self);
  g_set_object (&self->context, context);
  g_set_object (&self->event, event);
  self->changed_handler = g_signal_connect_object (escale_context_get_registrations (context), "changed",
                                                   G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registrations.register", TRUE);
  reload (self);
}
