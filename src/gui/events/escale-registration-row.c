/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-participant-choices.h"
#include "escale-registration-row.h"
#include "escale-tag.h"
#include "escale-waitlist.h"

/* One registration in the registrations view: the name, the household
 * ("+2"), the status, what the person needs, and a menu with only the
 * changes the waitlist rules allow from where it stands. The menu's
 * actions are the view's ("registrations.confirm" …), aimed at the
 * registration by its id. */
struct _EscaleRegistrationRow
{
  AdwActionRow        parent_instance;

  /* Owned */
  EscaleRegistration *registration;
};

G_DEFINE_FINAL_TYPE (EscaleRegistrationRow, escale_registration_row, ADW_TYPE_ACTION_ROW)

/* "Diet: Halal · Accessibility: wheelchair · Needs lodging" */
static char *
describe_needs (EscaleRegistration *registration)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *diet = escale_registration_get_diet (registration);
  const char *accessibility = escale_registration_get_accessibility (registration);

  if (diet != NULL)
    /* Translators: what a participant eats, as they said it */
    g_string_append_printf (text, _("Diet: %s"), diet);
  if (accessibility != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: what a participant needs to get around, as they said it */
      g_string_append_printf (text, _("Accessibility: %s"), accessibility);
    }
  if (escale_registration_get_needs_lodging (registration))
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", _("Needs lodging"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_item (GMenu              *menu,
          EscaleRegistration *registration,
          const char         *label,
          const char         *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action,
                                           g_variant_new_int64 (escale_registration_get_id (registration)));
  g_menu_append_item (menu, item);
}

static gboolean
can_become (EscaleRegistration       *registration,
            EscaleRegistrationStatus  status)
{
  return escale_registration_status_can_change (escale_registration_get_status (registration), status);
}

static void
add_menu (EscaleRegistrationRow *self)
{
  EscaleRegistration *registration = self->registration;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) changes = g_menu_new ();
  g_autoptr(GMenu) ending = g_menu_new ();
  g_autofree char *label = NULL;
  GtkWidget *button;

  if (can_become (registration, ESCALE_REGISTRATION_STATUS_CONFIRMED) &&
      escale_registration_get_status (registration) == ESCALE_REGISTRATION_STATUS_REGISTERED)
    add_item (changes, registration, _("Confirm"), "registrations.confirm");
  if (can_become (registration, ESCALE_REGISTRATION_STATUS_REGISTERED))
    add_item (changes, registration, _("Back to Registered"), "registrations.back-to-registered");
  add_item (changes, registration, _("Edit Needs…"), "registrations.edit-needs");
  if (can_become (registration, ESCALE_REGISTRATION_STATUS_CANCELLED))
    add_item (ending, registration, _("Cancel Registration…"), "registrations.cancel");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (changes));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (ending));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Registration Actions"));
  /* Translators: the accessible name of a person's menu, with their name */
  label = g_strdup_printf (_("Actions for %s"), escale_registration_get_participant_name (registration));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
}

static void
fill (EscaleRegistrationRow *self,
      guint                  waitlist_position)
{
  EscaleRegistration *registration = self->registration;
  EscaleRegistrationStatus status = escale_registration_get_status (registration);
  int seats = escale_registration_get_seats (registration);
  g_autofree char *needs = describe_needs (registration);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escale_registration_get_participant_name (registration));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), escale_registration_get_notes (registration));

  if (waitlist_position > 0)
    {
      g_autofree char *position = g_strdup_printf (_("%u."), waitlist_position);
      GtkWidget *label = gtk_label_new (position);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_size_request (label, 32, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self), label);
      /* Translators: the seats someone on the waitlist waits for */
      g_string_append_printf (subtitle, ngettext ("Waits for %d seat", "Waits for %d seats", seats), seats);
    }
  else if (seats > 1)
    {
      g_autofree char *household = g_strdup_printf ("+%d", seats - 1);
      g_autofree char *spoken = NULL;
      GtkWidget *tag = escale_tag_new (household, NULL);

      /* Translators: the household members who come with a participant */
      spoken = g_strdup_printf (ngettext ("%d household member", "%d household members", seats - 1), seats - 1);
      gtk_widget_set_tooltip_text (tag, spoken);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tag), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), tag);
    }

  if (escale_registration_holds_seats (registration))
    adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                               escale_tag_new (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status),
                                        status == ESCALE_REGISTRATION_STATUS_CONFIRMED ? "accent" :
                                        status == ESCALE_REGISTRATION_STATUS_NO_SHOW ? "error" : NULL));

  if (*needs != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", needs);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  if (status != ESCALE_REGISTRATION_STATUS_CANCELLED)
    add_menu (self);
}

static void
escale_registration_row_dispose (GObject *object)
{
  EscaleRegistrationRow *self = (EscaleRegistrationRow *)object;

  g_clear_object (&self->registration);

  G_OBJECT_CLASS (escale_registration_row_parent_class)->dispose (object);
}

static void
escale_registration_row_class_init (EscaleRegistrationRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_registration_row_dispose;
}

static void
escale_registration_row_init (EscaleRegistrationRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

/**
 * escale_registration_row_new:
 * @waitlist_position: from 1 for someone waiting, 0 otherwise
 */
GtkWidget *
escale_registration_row_new (EscaleRegistration *registration,
                             guint               waitlist_position)
{
  EscaleRegistrationRow *self;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION (registration), NULL);

  self = g_object_new (ESCALE_TYPE_REGISTRATION_ROW, NULL);
  self->registration = g_object_ref (registration);
  fill (self, waitlist_position);

  return GTK_WIDGET (self);
}

EscaleRegistration *
escale_registration_row_get_registration (EscaleRegistrationRow *self)
{
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_ROW (self), NULL);

  return self->registration;
}
