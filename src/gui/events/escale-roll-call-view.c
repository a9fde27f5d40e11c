/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-participant-choices.h"
#include "escale-placeholder.h"
#include "escale-roll-call-view.h"
#include "escale-search-text.h"
#include "escale-toast.h"

/* The roll call, taken on a laptop in a bus: the whole event (who came)
 * or one stop of the itinerary (who is back on board). Big rows with a
 * check each, Space or Enter on a row to mark it, a name filter, and the
 * heads counted as they are marked. Nothing is written until Save Roll
 * Call, which hands the present ones to the registration repository;
 * what is not saved is never lost without asking. */
struct _EscaleRollCallView
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *stop_dropdown;
  GtkSearchEntry  *search_entry;
  GtkListBox      *people_list;
  GtkLabel        *count_label;

  /* Owned */
  EscaleContext   *context;
  EscaleEvent     *event;
  GArray          *stop_ids;      /* menu position → stop id, 0 for the whole event */
  GHashTable      *saved;         /* participant ids present, as saved */
  GHashTable      *marked;        /* participant ids present, as marked now */
  GStrv            terms;
  GtkLabel        *placeholder;
  AdwToast        *toast;         /* weak: the last one shown */
  gulong           registrations_handler;
  gulong           events_handler;

  gint64           shown_stop;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (EscaleRollCallView, escale_roll_call_view, ADW_TYPE_BIN)

static void
show_toast (EscaleRollCallView *self,
            const char         *title)
{
  escale_toast_show (GTK_WIDGET (self), self->toast_overlay, &self->toast, title);
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gboolean
is_dirty (EscaleRollCallView *self)
{
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (self->saved) != g_hash_table_size (self->marked))
    return TRUE;

  g_hash_table_iter_init (&iter, self->marked);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      if (!g_hash_table_contains (self->saved, id))
        return TRUE;
    }

  return FALSE;
}

static gint64
row_participant_id (GtkListBoxRow *row)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (row), "participant-id");
}

/* Heads, not registrations: a family of three marked present is three
 * people on the bus. */
static void
update_count (EscaleRollCallView *self)
{
  g_autofree char *text = NULL;
  guint present = 0;
  guint total = 0;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->people_list, i)) != NULL; i++)
    {
      guint seats = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "seats"));

      total += seats;
      if (g_hash_table_contains (self->marked, g_object_get_data (G_OBJECT (row), "participant-id")))
        present += seats;
    }

  /* Translators: people marked present out of those holding seats,
   * household members included */
  text = g_strdup_printf (ngettext ("%u of %u present", "%u of %u present", total), present, total);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roll-call.save", is_dirty (self));
}

static void
on_check_toggled (GtkCheckButton     *check,
                  EscaleRollCallView *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  gint64 id = row_participant_id (GTK_LIST_BOX_ROW (row));

  if (self->filling)
    return;

  if (gtk_check_button_get_active (check))
    id_set_add (self->marked, id);
  else
    g_hash_table_remove (self->marked, &id);
  update_count (self);
}

static GtkWidget *
person_row_new (EscaleRollCallView *self,
                EscaleRegistration *registration)
{
  const char *name = escale_registration_get_participant_name (registration);
  int seats = escale_registration_get_seats (registration);
  gint64 id = escale_registration_get_participant_id (registration);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (name);

  /* The row takes the focus and the keys; the check only shows. */
  gtk_widget_set_focusable (check, FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->marked, &id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  gtk_box_append (GTK_BOX (box), check);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_box_append (GTK_BOX (box), label);

  if (seats > 1)
    {
      g_autofree char *household = g_strdup_printf ("+%d", seats - 1);
      g_autofree char *spoken = NULL;
      GtkWidget *tag = gtk_label_new (household);

      /* Translators: the household members who come with a participant */
      spoken = g_strdup_printf (ngettext ("%d household member", "%d household members", seats - 1), seats - 1);
      gtk_widget_set_tooltip_text (tag, spoken);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "tag");
      gtk_box_append (GTK_BOX (box), tag);
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "participant-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (row), "seats", GINT_TO_POINTER (seats));
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "folded-name", escale_search_fold (name), g_free);

  return row;
}

/* Who is present as saved: "attended" for the event, the stop's own roll
 * call for a stop. */
static GHashTable *
read_saved (EscaleRollCallView  *self,
            GPtrArray           *holders,
            GError             **error)
{
  g_autoptr(GHashTable) saved = id_set_new ();
  g_autoptr(GHashTable) at_stop = NULL;

  if (self->shown_stop != 0)
    {
      at_stop = escale_registration_repository_get_stop_roll_call (escale_context_get_registrations (self->context),
                                                                   self->shown_stop, error);
      if (at_stop == NULL)
        return NULL;
    }

  for (guint i = 0; i < holders->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (holders, i);
      gint64 registration_id = escale_registration_get_id (registration);
      gboolean present = at_stop != NULL
                         ? GPOINTER_TO_INT (g_hash_table_lookup (at_stop, &registration_id))
                         : escale_registration_get_status (registration) == ESCALE_REGISTRATION_STATUS_ATTENDED;

      if (present)
        id_set_add (saved, escale_registration_get_participant_id (registration));
    }

  return g_steal_pointer (&saved);
}

/* Reads who holds seats and what was saved. The marks not saved yet stay
 * when @keep_marks, for those who still hold a seat. */
static void
reload (EscaleRollCallView *self,
        gboolean            keep_marks)
{
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GPtrArray) holders = g_ptr_array_new ();
  g_autoptr(GHashTable) marked = id_set_new ();
  g_autoptr(GHashTable) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  registrations = escale_registration_repository_list (escale_context_get_registrations (self->context),
                                                       escale_event_get_id (self->event), &error);
  for (guint i = 0; registrations != NULL && i < registrations->len; i++)
    {
      if (escale_registration_holds_seats (g_ptr_array_index (registrations, i)))
        g_ptr_array_add (holders, g_ptr_array_index (registrations, i));
    }
  if (registrations == NULL || (saved = read_saved (self, holders, &error)) == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_hash_table_unref (self->saved);
  self->saved = g_steal_pointer (&saved);

  for (guint i = 0; i < holders->len; i++)
    {
      gint64 id = escale_registration_get_participant_id (g_ptr_array_index (holders, i));

      if (keep_marks ? g_hash_table_contains (self->marked, &id) : g_hash_table_contains (self->saved, &id))
        id_set_add (marked, id);
    }
  g_hash_table_unref (self->marked);
  self->marked = g_steal_pointer (&marked);

  while ((row = gtk_list_box_get_row_at_index (self->people_list, 0)) != NULL)
    gtk_list_box_remove (self->people_list, GTK_WIDGET (row));
  for (guint i = 0; i < holders->len; i++)
    gtk_list_box_append (self->people_list, person_row_new (self, g_ptr_array_index (holders, i)));

  update_count (self);
}

static void
on_registrations_changed (EscaleRollCallView *self)
{
  reload (self, is_dirty (self));
}

/* Returns: (transfer none) (nullable): the stop, which the event holds */
static EscaleItineraryStop *
find_stop (EscaleRollCallView *self,
           gint64              stop_id)
{
  GListModel *stops = escale_event_get_stops (self->event);
  EscaleItineraryStop *found = NULL;

  for (guint i = 0; found == NULL && stop_id != 0 && i < g_list_model_get_n_items (stops); i++)
    {
      EscaleItineraryStop *stop = g_list_model_get_item (stops, i);

      if (escale_itinerary_stop_get_id (stop) == stop_id)
        found = stop;
      g_object_unref (stop);
    }

  return found;
}

/* "Day 1 · 07:30 · Departure — Métro Berri-UQAM", in the event's zone. */
static char *
describe_stop (EscaleEvent         *event,
               EscaleItineraryStop *stop)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *title = escale_itinerary_stop_get_title (stop);
  const char *place = escale_itinerary_stop_get_place_name (stop);
  gint64 starts_at = escale_itinerary_stop_get_starts_at (stop);

  if (starts_at != 0)
    {
      g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (event);
      g_autoptr(GDateTime) event_start = escale_event_dup_start (event);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (starts_at);
      g_autoptr(GDateTime) start = g_date_time_to_timezone (utc, zone);
      g_autofree char *time = NULL;
      GDate event_day, stop_day;

      g_date_clear (&event_day, 1);
      g_date_clear (&stop_day, 1);
      g_date_set_dmy (&event_day, g_date_time_get_day_of_month (event_start), g_date_time_get_month (event_start),
                      g_date_time_get_year (event_start));
      g_date_set_dmy (&stop_day, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                      g_date_time_get_year (start));
      /* Translators: the day of a visit a stop is on, from 1 */
      g_string_append_printf (text, _("Day %d"), g_date_days_between (&event_day, &stop_day) + 1);
      time = g_date_time_format (start, "%H:%M");
      g_string_append_printf (text, " · %s · ", time);
    }

  g_string_append (text, title != NULL ? title
                                       : escale_choice_get_label (ESCALE_TYPE_STOP_KIND,
                                                                  escale_itinerary_stop_get_kind (stop)));
  if (place != NULL)
    g_string_append_printf (text, " — %s", place);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The menu: the whole event, then each saved stop in order. */
static void
fill_stops (EscaleRollCallView *self)
{
  GListModel *stops = escale_event_get_stops (self->event);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 whole_event = 0;
  guint shown = 0;

  g_array_set_size (self->stop_ids, 0);
  g_array_append_val (self->stop_ids, whole_event);
  gtk_string_list_append (labels, _("Whole event"));
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autofree char *label = NULL;
      gint64 id = escale_itinerary_stop_get_id (stop);

      if (id == 0)
        continue;
      label = describe_stop (self->event, stop);
      gtk_string_list_append (labels, label);
      if (id == self->shown_stop)
        shown = self->stop_ids->len;
      g_array_append_val (self->stop_ids, id);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->stop_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->stop_dropdown, shown);
  self->filling = FALSE;
  /* A stop removed from the itinerary: back to the whole event. */
  if (shown == 0 && self->shown_stop != 0)
    {
      self->shown_stop = 0;
      reload (self, FALSE);
    }
}

static void
show_stop (EscaleRollCallView *self,
           gint64              stop_id)
{
  self->shown_stop = stop_id;
  reload (self, FALSE);
}

static void
select_shown_stop (EscaleRollCallView *self)
{
  for (guint i = 0; i < self->stop_ids->len; i++)
    {
      if (g_array_index (self->stop_ids, gint64, i) == self->shown_stop)
        {
          self->filling = TRUE;
          gtk_drop_down_set_selected (self->stop_dropdown, i);
          self->filling = FALSE;
        }
    }
}

static gboolean
save (EscaleRollCallView *self)
{
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  EscaleItineraryStop *stop = find_stop (self, self->shown_stop);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->marked);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (present, *(gint64 *) id);

  if (!escale_registration_repository_take_roll_call (escale_context_get_registrations (self->context),
                                                      escale_event_get_id (self->event), self->shown_stop,
                                                      (const gint64 *) (gpointer) present->data, present->len,
                                                      &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  if (stop != NULL)
    /* Translators: the title of a stop of the itinerary, such as “Departure” */
    title = g_strdup_printf (_("Roll call saved for %s"), escale_itinerary_stop_get_title (stop));
  show_toast (self, title != NULL ? title : _("Roll call saved for the whole event"));
  return TRUE;
}

static void
on_leave_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   EscaleRollCallView *self)
{
  gint64 next_stop = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "next-stop");

  if (g_str_equal (response, "discard") || (g_str_equal (response, "save") && save (self)))
    show_stop (self, next_stop);
  else
    select_shown_stop (self);
}

/* Another stop with marks not saved: save them, drop them, or stay. */
static void
ask_before_leaving (EscaleRollCallView *self,
                    gint64              next_stop)
{
  EscaleItineraryStop *stop = find_stop (self, self->shown_stop);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);

  if (stop != NULL)
    /* Translators: the title of a stop of the itinerary */
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Save the Roll Call of %s?"),
                                       escale_itinerary_stop_get_title (stop));
  else
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Save the Roll Call of the Whole Event?"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), _("Some marks are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "stay", _("_Stay"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "stay");
  g_object_set_data_full (G_OBJECT (dialog), "next-stop", g_memdup2 (&next_stop, sizeof next_stop), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_stop_selected (EscaleRollCallView *self)
{
  guint position = gtk_drop_down_get_selected (self->stop_dropdown);
  gint64 stop_id;

  if (self->filling || self->event == NULL || position >= self->stop_ids->len)
    return;

  stop_id = g_array_index (self->stop_ids, gint64, position);
  if (stop_id == self->shown_stop)
    return;

  if (is_dirty (self))
    ask_before_leaving (self, stop_id);
  else
    show_stop (self, stop_id);
}

static void
on_row_activated (EscaleRollCallView *self,
                  GtkListBoxRow      *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
on_search_changed (EscaleRollCallView *self)
{
  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = escale_search_terms (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_list_box_invalidate_filter (self->people_list);
}

static gboolean
filter_person (GtkListBoxRow *row,
               gpointer       user_data)
{
  EscaleRollCallView *self = user_data;

  return self->terms == NULL ||
         escale_search_terms_match ((const char * const *) self->terms, g_object_get_data (G_OBJECT (row), "folded-name"));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (ESCALE_ROLL_CALL_VIEW (widget)->search_entry));
}

static void
mark_all_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EscaleRollCallView *self = ESCALE_ROLL_CALL_VIEW (widget);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->people_list, i)) != NULL; i++)
    gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (ESCALE_ROLL_CALL_VIEW (widget));
}

static void
disconnect (EscaleRollCallView *self)
{
  if (self->context == NULL)
    return;

  g_clear_signal_handler (&self->registrations_handler, escale_context_get_registrations (self->context));
  g_clear_signal_handler (&self->events_handler, escale_context_get_events (self->context));
}

static void
escale_roll_call_view_dispose (GObject *object)
{
  EscaleRollCallView *self = (EscaleRollCallView *)object;

  disconnect (self);
  /* The toast overlay is both AdwBin's child and a template child: AdwBin
   * lets go of it first, or it would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_ROLL_CALL_VIEW);
  g_clear_pointer (&self->stop_ids, g_array_unref);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->context);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (escale_roll_call_view_parent_class)->dispose (object);
}

static void
escale_roll_call_view_class_init (EscaleRollCallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_roll_call_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escale/Escale/ui/events/escale-roll-call-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleRollCallView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleRollCallView, stop_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleRollCallView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleRollCallView, people_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleRollCallView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "roll-call.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "roll-call.mark-all", NULL, mark_all_activated);
  gtk_widget_class_install_action (widget_class, "roll-call.save", NULL, save_activated);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
escale_roll_call_view_init (EscaleRollCallView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stop_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->saved = id_set_new ();
  self->marked = id_set_new ();

  /* Long stop names are cut in the button, on a narrow screen, and shown
   * whole in the menu. */
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), NULL);
  gtk_drop_down_set_factory (self->stop_dropdown, factory);

  self->placeholder = escale_placeholder_add (self->people_list, _("Nobody holds a seat yet."));
  gtk_list_box_set_filter_func (self->people_list, filter_person, self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roll-call.save", FALSE);
}

GtkWidget *
escale_roll_call_view_new (void)
{
  return g_object_new (ESCALE_TYPE_ROLL_CALL_VIEW, NULL);
}

/**
 * escale_roll_call_view_set_event:
 * @event: a saved event
 *
 * Takes the roll call of @event, the whole event first.
 */
void
escale_roll_call_view_set_event (EscaleRollCallView *self,
                                 EscaleContext      *context,
                                 EscaleEvent        *event)
{
  g_return_if_fail (ESCALE_IS_ROLL_CALL_VIEW (self));
  g_return_if_fail (ESCALE_IS_CONTEXT (context));
  g_return_if_fail (ESCALE_IS_EVENT (event) && escale_event_get_id (event) > 0);

  disconnect (self);
  g_set_object (&self->context, context);
  g_set_object (&self->event, event);
  self->shown_stop = 0;

  /* Stops get their ids when the event is saved. */
  self->events_handler = g_signal_connect_object (escale_context_get_events (context), "changed",
                                                  G_CALLBACK (fill_stops), self, G_CONNECT_SWAPPED);
  self->registrations_handler = g_signal_connect_object (escale_context_get_registrations (context), "changed",
                                                         G_CALLBACK (on_registrations_changed), self,
                                                         G_CONNECT_SWAPPED);
  fill_stops (self);
  reload (self, FALSE);
}

/**
 * escale_roll_call_view_has_unsaved_marks:
 *
 * Returns: whether the roll call shown has marks not saved yet
 */
gboolean
escale_roll_call_view_has_unsaved_marks (EscaleRollCallView *self)
{
  g_return_val_if_fail (ESCALE_IS_ROLL_CALL_VIEW (self), FALSE);

  return is_dirty (self);
}

/**
 * escale_roll_call_view_save:
 *
 * Saves the marks of the roll call shown, as Save Roll Call does.
 *
 * Returns: whether they were saved; a toast says why not
 */
gboolean
escale_roll_call_view_save (EscaleRollCallView *self)
{
  g_return_val_if_fail (ESCALE_IS_ROLL_CALL_VIEW (self), FALSE);
  g_return_val_if_fail (self->event != NULL, FALSE);

  return save (self);
}
