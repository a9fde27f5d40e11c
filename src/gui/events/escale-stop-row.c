/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-event-json.h"
#include "escale-field-rows.h"
#include "escale-participant-choices.h"
#include "escale-partner-form.h"
#include "escale-stop-form.h"
#include "escale-stop-row.h"

/* One stop of a visit's itinerary: its heading reads like the printed
 * programme, and expanded, every field of the stop. The row edits the
 * stop as the counsellor types (escale_stop_form_apply() keeps what is
 * right and says what is not); moving, dropping and removing are asked of
 * the itinerary editor, which owns the order. */
struct _EscaleStopRow
{
  AdwExpanderRow       parent_instance;

  /* Template widgets */
  GtkImage            *drag_handle;
  GtkImage            *warning_icon;
  AdwComboRow         *kind_row;
  AdwEntryRow         *title_row;
  AdwComboRow         *day_row;
  AdwActionRow        *day_message;
  AdwEntryRow         *starts_row;
  AdwActionRow        *starts_message;
  AdwEntryRow         *ends_row;
  AdwActionRow        *ends_message;
  AdwEntryRow         *place_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *coordinates_row;
  AdwActionRow        *coordinates_message;
  AdwActionRow        *partner_row;
  GtkDropDown         *partner_dropdown;
  AdwActionRow        *confirmed_row;
  GtkSwitch           *confirmed_switch;
  AdwEntryRow         *notes_row;

  /* Owned */
  EscaleEvent         *event;
  EscaleItineraryStop *stop;
  GArray              *days;          /* GDate, those of day_row */
  GArray              *partner_ids;   /* gint64, those of partner_dropdown; 0 is "None" */

  /* The stop's partner, kept apart from the menu: a partner the menu does
   * not list (archived since, or the directory not read yet) survives. */
  gint64               organization_id;
  gboolean             filling;
  gboolean             stop_changed;
};

G_DEFINE_FINAL_TYPE (EscaleStopRow, escale_stop_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_MOVE,
  SIGNAL_REMOVE,
  SIGNAL_DROP_STOP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
kind_has_partner (EscaleStopKind kind)
{
  return kind == ESCALE_STOP_KIND_COMPANY_VISIT || kind == ESCALE_STOP_KIND_EMPLOYER_MEETING;
}

static void
update_heading (EscaleStopRow *self)
{
  g_autofree char *title = escale_stop_form_describe (self->event, self->stop);
  const char *place = escale_itinerary_stop_get_place_name (self->stop);

  if (place == NULL)
    place = escale_itinerary_stop_get_address (self->stop);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), place != NULL ? place : "");
}

/* "Thu, May 14": the days a visit lasts are few and close, and the menu
 * shares its row with the title. */
static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 12, 0, 0);

  /* Translators: a day of a visit, in g_date_time_format()'s notation */
  return g_date_time_format (time, _("%a, %b %-d"));
}

static void
fill_days (EscaleStopRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GDate own;
  guint selected = 0;

  g_clear_pointer (&self->days, g_array_unref);
  self->days = escale_stop_form_list_days (self->event, escale_itinerary_stop_get_starts_at (self->stop));
  escale_stop_form_get_day (self->event, escale_itinerary_stop_get_starts_at (self->stop), &own);

  for (guint i = 0; i < self->days->len; i++)
    {
      const GDate *day = &g_array_index (self->days, GDate, i);
      g_autofree char *label = format_day (day);

      gtk_string_list_append (labels, label);
      if (g_date_valid (&own) && g_date_compare (day, &own) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->day_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->day_row, self->days->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
}

static void
fill_time (EscaleStopRow *self,
           AdwEntryRow   *row,
           gint64         instant)
{
  g_autofree char *text = instant > 0 ? escale_event_format_time (self->event, instant, "%H:%M") : NULL;

  escale_entry_row_set_text (row, text);
}

static void
select_partner (EscaleStopRow *self)
{
  guint selected = 0;

  for (guint i = 0; self->partner_ids != NULL && i < self->partner_ids->len; i++)
    {
      if (g_array_index (self->partner_ids, gint64, i) == self->organization_id)
        selected = i;
    }

  gtk_drop_down_set_selected (self->partner_dropdown, selected);
}

static void
show_messages (EscaleStopRow *self,
               char          *messages[ESCALE_N_STOP_FIELDS])
{
  escale_field_message_row_show (self->day_message, messages[ESCALE_STOP_FIELD_DAY]);
  escale_field_message_row_show (self->starts_message, messages[ESCALE_STOP_FIELD_STARTS]);
  escale_field_message_row_show (self->ends_message, messages[ESCALE_STOP_FIELD_ENDS]);
  escale_field_message_row_show (self->coordinates_message, messages[ESCALE_STOP_FIELD_COORDINATES]);
}

/* The widgets from the stop, without writing back. */
static void
fill (EscaleStopRow *self)
{
  g_autofree char *coordinates = escale_stop_form_format_coordinates (self->stop);
  char *messages[ESCALE_N_STOP_FIELDS] = { NULL, };
  EscaleStopKind kind = escale_itinerary_stop_get_kind (self->stop);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  escale_entry_row_set_text (self->title_row, escale_itinerary_stop_get_title (self->stop));
  fill_days (self);
  fill_time (self, self->starts_row, escale_itinerary_stop_get_starts_at (self->stop));
  fill_time (self, self->ends_row, escale_itinerary_stop_get_ends_at (self->stop));
  escale_entry_row_set_text (self->place_row, escale_itinerary_stop_get_place_name (self->stop));
  escale_entry_row_set_text (self->address_row, escale_itinerary_stop_get_address (self->stop));
  escale_entry_row_set_text (self->coordinates_row, coordinates);
  self->organization_id = escale_itinerary_stop_get_organization_id (self->stop);
  select_partner (self);
  gtk_switch_set_active (self->confirmed_switch, escale_itinerary_stop_get_partner_confirmed (self->stop));
  gtk_widget_set_visible (GTK_WIDGET (self->confirmed_row), kind_has_partner (kind));
  escale_entry_row_set_text (self->notes_row, escale_itinerary_stop_get_notes (self->stop));
  show_messages (self, messages);
  self->filling = FALSE;

  update_heading (self);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The widgets into the stop; "changed" only when the stop did change. */
static void
apply (EscaleStopRow *self)
{
  char *messages[ESCALE_N_STOP_FIELDS] = { NULL, };
  guint day = adw_combo_row_get_selected (self->day_row);
  EscaleStopForm form = {
    .kind = adw_combo_row_get_selected (self->kind_row),
    .title = text_of (self->title_row),
    .day = day < self->days->len ? &g_array_index (self->days, GDate, day) : NULL,
    .starts = text_of (self->starts_row),
    .ends = text_of (self->ends_row),
    .place_name = text_of (self->place_row),
    .address = text_of (self->address_row),
    .coordinates = text_of (self->coordinates_row),
    .organization_id = self->organization_id,
    .partner_confirmed = gtk_switch_get_active (self->confirmed_switch),
    .notes = text_of (self->notes_row),
  };

  self->stop_changed = FALSE;
  escale_stop_form_apply (&form, self->event, self->stop, messages);
  show_messages (self, messages);
  escale_form_messages_clear (messages, ESCALE_N_STOP_FIELDS);

  gtk_widget_set_visible (GTK_WIDGET (self->confirmed_row), kind_has_partner (form.kind));
  if (self->stop_changed)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_field_changed (EscaleStopRow *self)
{
  if (!self->filling)
    apply (self);
}

static void
on_partner_changed (EscaleStopRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->partner_dropdown);

  if (self->filling || self->partner_ids == NULL || selected >= self->partner_ids->len)
    return;

  self->organization_id = g_array_index (self->partner_ids, gint64, selected);
  apply (self);
}

static void
on_stop_notify (EscaleStopRow *self)
{
  self->stop_changed = TRUE;
  update_heading (self);
}

static void
on_move_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(EscaleStopRow) self = g_object_ref (ESCALE_STOP_ROW (widget));

  /* The editor rebuilds the row once the stop has moved. */
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, g_str_equal (action_name, "stop.move-up") ? -1 : 1);
}

static void
on_remove_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(EscaleStopRow) self = g_object_ref (ESCALE_STOP_ROW (widget));

  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static GdkContentProvider *
on_drag_prepare (EscaleStopRow *self,
                 double         x,
                 double         y)
{
  return gdk_content_provider_new_typed (ESCALE_TYPE_ITINERARY_STOP, self->stop);
}

static void
on_drag_begin (EscaleStopRow *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
show_drop_side (EscaleStopRow *self,
                const char    *side)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-above");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-below");
  if (side != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), side);
}

static gboolean
is_below (EscaleStopRow *self,
          double         y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static GdkDragAction
on_drop_motion (EscaleStopRow *self,
                double         x,
                double         y)
{
  show_drop_side (self, is_below (self, y) ? "drop-below" : "drop-above");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (EscaleStopRow *self)
{
  show_drop_side (self, NULL);
}

static gboolean
on_drop (EscaleStopRow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  g_autoptr(EscaleStopRow) keep = g_object_ref (self);
  EscaleItineraryStop *dragged;
  gboolean accepted = FALSE;

  show_drop_side (self, NULL);
  if (!G_VALUE_HOLDS (value, ESCALE_TYPE_ITINERARY_STOP))
    return FALSE;

  dragged = g_value_get_object (value);
  if (dragged == NULL || dragged == self->stop)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_DROP_STOP], 0, dragged, is_below (self, y), &accepted);
  return accepted;
}

static void
escale_stop_row_dispose (GObject *object)
{
  EscaleStopRow *self = (EscaleStopRow *)object;

  if (self->stop != NULL)
    g_signal_handlers_disconnect_by_data (self->stop, self);
  g_clear_object (&self->stop);
  g_clear_object (&self->event);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->partner_ids, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_STOP_ROW);

  G_OBJECT_CLASS (escale_stop_row_parent_class)->dispose (object);
}

static void
escale_stop_row_class_init (EscaleStopRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_stop_row_dispose;

  /**
   * EscaleStopRow::changed:
   *
   * The counsellor changed the stop.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * EscaleStopRow::move:
   * @delta: -1 to move the stop up, 1 to move it down
   */
  signals[SIGNAL_MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * EscaleStopRow::remove:
   *
   * The counsellor asked to remove the stop.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * EscaleStopRow::drop-stop:
   * @stop: the stop dropped on this row
   * @below: whether it goes after this row's stop rather than before
   *
   * Returns: whether the stop was moved
   */
  signals[SIGNAL_DROP_STOP] =
    g_signal_new ("drop-stop", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, ESCALE_TYPE_ITINERARY_STOP, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/escale/Escale/ui/events/escale-stop-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, day_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, day_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, starts_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, starts_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, ends_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, ends_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, place_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, address_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, coordinates_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, coordinates_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, partner_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, confirmed_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleStopRow, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_changed);

  gtk_widget_class_install_action (widget_class, "stop.move-up", NULL, on_move_activated);
  gtk_widget_class_install_action (widget_class, "stop.move-down", NULL, on_move_activated);
  gtk_widget_class_install_action (widget_class, "stop.remove", NULL, on_remove_activated);
  /* Wherever the focus is in the row, as in GNOME's own reorderable lists. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "stop.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "stop.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "stop.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "stop.move-down", NULL);
}

static void
escale_stop_row_init (EscaleStopRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkDragSource *drag;
  GtkDropTarget *drop;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < escale_choice_get_count (ESCALE_TYPE_STOP_KIND); i++)
    gtk_string_list_append (kinds, escale_choice_get_label (ESCALE_TYPE_STOP_KIND, i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Entry rows name their text field for screen readers. */
  for (GtkWidget *row = GTK_WIDGET (self->title_row); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ENTRY_ROW (row))
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
    }

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drag_handle), GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (ESCALE_TYPE_ITINERARY_STOP, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
escale_stop_row_new (EscaleEvent         *event,
                     EscaleItineraryStop *stop)
{
  EscaleStopRow *self;

  g_return_val_if_fail (ESCALE_IS_EVENT (event), NULL);
  g_return_val_if_fail (ESCALE_IS_ITINERARY_STOP (stop), NULL);

  self = g_object_new (ESCALE_TYPE_STOP_ROW, NULL);
  self->event = g_object_ref (event);
  self->stop = g_object_ref (stop);
  g_signal_connect_object (stop, "notify", G_CALLBACK (on_stop_notify), self, G_CONNECT_SWAPPED);
  fill (self);

  return GTK_WIDGET (self);
}

EscaleItineraryStop *
escale_stop_row_get_stop (EscaleStopRow *self)
{
  g_return_val_if_fail (ESCALE_IS_STOP_ROW (self), NULL);

  return self->stop;
}

/**
 * escale_stop_row_set_partners:
 * @names: (element-type GtkStringObject): "None", then the partners' names
 * @ids: (element-type gint64): the id of each, 0 for "None"
 *
 * The partners a stop can be with, shared by every row of the itinerary.
 */
void
escale_stop_row_set_partners (EscaleStopRow *self,
                              GListModel    *names,
                              GArray        *ids)
{
  g_return_if_fail (ESCALE_IS_STOP_ROW (self));
  g_return_if_fail (G_IS_LIST_MODEL (names) && ids != NULL);

  self->filling = TRUE;
  g_clear_pointer (&self->partner_ids, g_array_unref);
  self->partner_ids = g_array_ref (ids);
  gtk_drop_down_set_model (self->partner_dropdown, names);
  select_partner (self);
  self->filling = FALSE;
}

/**
 * escale_stop_row_refresh:
 *
 * Reads the stop again, in the event's zone and among its days: for when
 * the event's dates or zone changed.
 */
void
escale_stop_row_refresh (EscaleStopRow *self)
{
  g_return_if_fail (ESCALE_IS_STOP_ROW (self));

  fill (self);
}

/**
 * escale_stop_row_set_warnings:
 * @messages: (nullable): what the plan checks found about the stop, one a
 *   line, or %NULL
 */
void
escale_stop_row_set_warnings (EscaleStopRow *self,
                              const char    *messages)
{
  g_return_if_fail (ESCALE_IS_STOP_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), messages != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icon), messages);
  if (messages != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, messages, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, messages, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->warning_icon), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
escale_stop_row_set_movable (EscaleStopRow *self,
                             gboolean       up,
                             gboolean       down)
{
  g_return_if_fail (ESCALE_IS_STOP_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stop.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stop.move-down", down);
}

/* Focuses the row's heading, from where the keyboard opens it or moves it. */
void
escale_stop_row_focus (EscaleStopRow *self)
{
  g_return_if_fail (ESCALE_IS_STOP_ROW (self));

  if (!gtk_widget_grab_focus (GTK_WIDGET (self)))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

void
escale_stop_row_focus_title (EscaleStopRow *self)
{
  g_return_if_fail (ESCALE_IS_STOP_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
