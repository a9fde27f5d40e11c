/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-field-rows.h"
#include "escale-moment-row.h"
#include "escale-participant-choices.h"
#include "escale-validation.h"
#include "escale-vehicle-row.h"

/* One vehicle of a visit, edited in place: what it is, how many seats, who
 * drives, and where and when it leaves and comes back, in the event's
 * zone. What reads well reaches the vehicle as it is typed; a message
 * under the field says what does not. */
struct _EscaleVehicleRow
{
  AdwExpanderRow   parent_instance;

  EscaleEvent     *event;
  EscaleVehicle   *vehicle;

  AdwComboRow     *kind_row;
  AdwEntryRow     *seats_row;
  AdwEntryRow     *provider_row;
  AdwEntryRow     *driver_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *departure_place_row;
  EscaleMomentRow *departure_row;
  AdwEntryRow     *return_place_row;
  EscaleMomentRow *return_row;
  AdwEntryRow     *notes_row;
  AdwActionRow    *message_row;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (EscaleVehicleRow, escale_vehicle_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* “Bus · 56 seats”, then “Autobus Maheux · leaves 07:30, Berri-UQAM” */
static void
update_title (EscaleVehicleRow *self)
{
  int seats = escale_vehicle_get_seats (self->vehicle);
  const char *kind = escale_choice_get_label (ESCALE_TYPE_VEHICLE_KIND, escale_vehicle_get_kind (self->vehicle));
  g_autofree char *title = g_strdup_printf (ngettext ("%s · %d seat", "%s · %d seats", seats), kind, seats);
  g_autoptr(GString) subtitle = g_string_new (escale_vehicle_get_provider (self->vehicle));
  gint64 departs_at = escale_vehicle_get_departs_at (self->vehicle);

  if (departs_at != 0)
    {
      g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (self->event);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (departs_at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
      g_autofree char *clock = g_date_time_format (local, "%H:%M");
      const char *place = escale_vehicle_get_departure_place (self->vehicle);
      g_autofree char *leaves = NULL;

      if (place != NULL)
        /* Translators: when a vehicle leaves, then from where */
        leaves = g_strdup_printf (_("leaves %s, %s"), clock, place);
      else
        /* Translators: when a vehicle leaves */
        leaves = g_strdup_printf (_("leaves %s"), clock);
      g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", leaves);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

static void
set_text (EscaleVehicleRow *self,
          AdwEntryRow      *row,
          void            (*setter) (EscaleVehicle *, const char *))
{
  g_autofree char *text = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (row)));

  setter (self->vehicle, text);
}

static void
on_changed (EscaleVehicleRow *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seats_text = NULL;
  g_autofree char *message = NULL;
  guint64 seats;
  gint64 departs_at, returns_at;

  if (self->filling)
    return;

  zone = escale_event_dup_time_zone (self->event);
  escale_vehicle_set_kind (self->vehicle, adw_combo_row_get_selected (self->kind_row));
  set_text (self, self->provider_row, escale_vehicle_set_provider);
  set_text (self, self->driver_row, escale_vehicle_set_driver);
  set_text (self, self->phone_row, escale_vehicle_set_driver_phone);
  set_text (self, self->departure_place_row, escale_vehicle_set_departure_place);
  set_text (self, self->return_place_row, escale_vehicle_set_return_place);
  set_text (self, self->notes_row, escale_vehicle_set_notes);

  seats_text = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->seats_row)));
  if (seats_text == NULL || !g_ascii_string_to_unsigned (seats_text, 10, 1, 120, &seats, NULL))
    message = g_strdup (_("Seats: write the number of passenger seats, from 1 to 120"));
  else
    escale_vehicle_set_seats (self->vehicle, (int) seats);

  if (!escale_moment_row_get_instant (self->departure_row, zone, &departs_at, &error))
    /* Translators: what is wrong with the time a vehicle leaves */
    message = g_strdup_printf (_("Departure: %s"), error->message);
  else if (!escale_moment_row_get_instant (self->return_row, zone, &returns_at, &error))
    /* Translators: what is wrong with the time a vehicle comes back */
    message = g_strdup_printf (_("Return: %s"), error->message);
  else
    {
      escale_vehicle_set_departs_at (self->vehicle, departs_at);
      escale_vehicle_set_returns_at (self->vehicle, returns_at);
    }

  escale_field_message_row_show (self->message_row, message);
  update_title (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static AdwEntryRow *
add_entry (EscaleVehicleRow *self,
           const char       *title,
           const char       *text)
{
  return escale_expander_row_add_entry (ADW_EXPANDER_ROW (self), title, text, G_CALLBACK (on_changed), self);
}

static EscaleMomentRow *
add_moment (EscaleVehicleRow *self,
            const char       *title,
            gint64            instant,
            GTimeZone        *zone)
{
  EscaleMomentRow *row = ESCALE_MOMENT_ROW (escale_moment_row_new (title));

  escale_moment_row_set_instant (row, instant, zone);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));
  return row;
}

static void
on_remove_clicked (EscaleVehicleRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
build (EscaleVehicleRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (self->event);
  g_autofree char *seats = g_strdup_printf ("%d", escale_vehicle_get_seats (self->vehicle));

  self->filling = TRUE;

  for (guint i = 0; i < escale_choice_get_count (ESCALE_TYPE_VEHICLE_KIND); i++)
    gtk_string_list_append (kinds, escale_choice_get_label (ESCALE_TYPE_VEHICLE_KIND, i));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Vehicle"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, escale_vehicle_get_kind (self->vehicle));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->kind_row));

  self->seats_row = add_entry (self, _("Passenger seats"), seats);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->seats_row), 4);
  self->message_row = escale_field_message_row_new ();
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->message_row));
  self->provider_row = add_entry (self, _("Provider"), escale_vehicle_get_provider (self->vehicle));
  self->driver_row = add_entry (self, _("Driver"), escale_vehicle_get_driver (self->vehicle));
  self->phone_row = add_entry (self, _("Driver’s phone"), escale_vehicle_get_driver_phone (self->vehicle));
  self->departure_place_row = add_entry (self, _("Leaves from"), escale_vehicle_get_departure_place (self->vehicle));
  self->departure_row = add_moment (self, _("Leaves at"), escale_vehicle_get_departs_at (self->vehicle), zone);
  self->return_place_row = add_entry (self, _("Comes back to"), escale_vehicle_get_return_place (self->vehicle));
  self->return_row = add_moment (self, _("Comes back at"), escale_vehicle_get_returns_at (self->vehicle), zone);
  self->notes_row = add_entry (self, _("Notes"), escale_vehicle_get_notes (self->vehicle));

  escale_expander_row_add_remove_button (ADW_EXPANDER_ROW (self), _("Remove Vehicle"), G_CALLBACK (on_remove_clicked),
                                         self);

  update_title (self);
  self->filling = FALSE;
}

static void
escale_vehicle_row_dispose (GObject *object)
{
  EscaleVehicleRow *self = (EscaleVehicleRow *)object;

  g_clear_object (&self->vehicle);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (escale_vehicle_row_parent_class)->dispose (object);
}

static void
escale_vehicle_row_class_init (EscaleVehicleRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_vehicle_row_dispose;

  /**
   * EscaleVehicleRow::changed:
   *
   * A field of the vehicle was edited.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
  /**
   * EscaleVehicleRow::remove:
   *
   * The counsellor asked to remove the vehicle.
   */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);
}

static void
escale_vehicle_row_init (EscaleVehicleRow *self)
{
}

GtkWidget *
escale_vehicle_row_new (EscaleEvent   *event,
                        EscaleVehicle *vehicle)
{
  EscaleVehicleRow *self;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);
  g_return_val_if_fail (ESCALE_IS_VEHICLE (vehicle), NULL);

  self = g_object_new (ESCALE_TYPE_VEHICLE_ROW, NULL);
  self->event = g_object_ref (event);
  self->vehicle = g_object_ref (vehicle);
  build (self);
  return GTK_WIDGET (self);
}

EscaleVehicle *
escale_vehicle_row_get_vehicle (EscaleVehicleRow *self)
{
  g_return_val_if_fail (ESCALE_IS_VEHICLE_ROW (self), NULL);
  return self->vehicle;
}
