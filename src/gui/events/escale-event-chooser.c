/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-event-chooser.h"
#include "escale-event-json.h"
#include "escale-participant-choices.h"
#include "escale-placeholder.h"
#include "escale-search-text.h"
#include "escale-tag.h"

/* Which event to register a participant for, from their file: the events
 * that still take registrations (neither cancelled nor over, not started),
 * the soonest first, each with its day, kind, region and how full it is.
 * The events the person already holds a seat or a place on the waitlist
 * for are shown, greyed, with their status. Enter or a click on a row
 * chooses it; typing searches the titles, kinds and regions; Escape
 * closes. What comes next (the register dialog) is the caller's. A few
 * hundred events at most: rows in a list box, filtered in place. */
struct _EscaleEventChooser
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkStack       *content_stack;
  GtkListBox     *events_list;

  /* Owned */
  EscaleContext  *context;
  GtkLabel       *placeholder;
  GStrv           terms;

  gint64          participant_id;
  int             seats;          /* the person and their household */
};

G_DEFINE_FINAL_TYPE (EscaleEventChooser, escale_event_chooser, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The day in a block, as on the events page: a repeat of the subtitle
 * for the eye, so screen readers skip it. */
static GtkWidget *
day_block_new (EscaleEvent *event)
{
  g_autofree char *day = escale_event_format_time (event, escale_event_get_starts_at (event), "%e");
  g_autofree char *month = escale_event_format_time (event, escale_event_get_starts_at (event), "%b");
  GtkWidget *block = g_object_new (GTK_TYPE_BOX,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   "valign", GTK_ALIGN_CENTER,
                                   "width-request", 40,
                                   NULL);
  GtkWidget *number = gtk_label_new (g_strstrip (day));
  GtkWidget *name = gtk_label_new (month);

  gtk_widget_add_css_class (number, "title-3");
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_box_append (GTK_BOX (block), number);
  gtk_box_append (GTK_BOX (block), name);

  return block;
}

/* “Thursday, December 3, 2026 · 06:30 · Exploratory visit · Abitibi-Témiscamingue” */
static char *
describe_event (EscaleEventChooser *self,
                EscaleEvent        *event)
{
  const char *code = escale_event_get_region_code (event);
  EscaleRegion *region = code != NULL ? escale_region_repository_lookup (escale_context_get_regions (self->context), code)
                                      : NULL;
  /* Translators: an event's day, as in “Thursday, December 3, 2026”; see g_date_time_format() */
  g_autofree char *day = escale_event_format_time (event, escale_event_get_starts_at (event), _("%A, %B %-d, %Y"));
  g_autofree char *clock = escale_event_format_time (event, escale_event_get_starts_at (event), "%H:%M");
  GString *text = g_string_new (day);

  g_string_append_printf (text, " · %s · %s", clock,
                          escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)));
  if (region != NULL)
    g_string_append_printf (text, " · %s", escale_region_get_name (region));

  return g_string_free (text, FALSE);
}

/* Whether the day registrations were to close on is behind us, in the
 * event's zone. */
static gboolean
deadline_passed (EscaleEvent *event,
                 gint64       now)
{
  const char *deadline = escale_event_get_text (event, "registration-deadline");
  g_autofree char *today = NULL;

  if (deadline == NULL)
    return FALSE;

  today = escale_event_format_time (event, now, "%Y-%m-%d");
  return g_strcmp0 (deadline, today) < 0;
}

static GtkWidget *
fill_box_new (EscaleEventChooser *self,
              EscaleEvent        *event)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  GtkWidget *level;
  EscaleEventFill fill;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (!escale_registration_repository_get_fill (escale_context_get_registrations (self->context),
                                                escale_event_get_id (event), &fill, &error))
    {
      g_warning ("Could not count the registrations: %s", error->message);
      return box;
    }

  text = escale_event_fill_describe (&fill);
  label = gtk_label_new (text);
  /* Said before the register dialog: not even promotion at once would
   * give them the seats. */
  if (escale_event_fill_get_free_seats (&fill) < (guint) self->seats)
    {
      GtkWidget *tag = escale_tag_new (_("Waitlist only"), "warning");

      gtk_widget_set_halign (tag, GTK_ALIGN_END);
      gtk_widget_set_tooltip_text (tag, _("Not enough seats are free for them and their household: they would join "
                                          "the waitlist."));
      gtk_box_append (GTK_BOX (box), tag);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  if (fill.capacity > 0)
    {
      level = gtk_level_bar_new_for_interval (0, 1);
      /* Narrow enough to leave the title room in a narrow window. */
      gtk_widget_set_size_request (level, 96, -1);
      gtk_widget_set_halign (level, GTK_ALIGN_END);
      /* A full event is good news, not a warning. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (level), MIN (1.0, (double) fill.seats_taken / fill.capacity));
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_box_append (GTK_BOX (box), level);
    }

  return box;
}

/* "Registered", or "Waitlisted (number 2)". */
static char *
describe_status (EscaleParticipantRegistration *entry)
{
  EscaleRegistration *registration = escale_participant_registration_get_registration (entry);
  guint position = escale_participant_registration_get_waitlist_position (entry);

  if (position > 0)
    /* Translators: a place on the waitlist, from 1 */
    return g_strdup_printf (_("Waitlisted (number %u)"), position);

  return g_strdup (escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS,
                                            escale_registration_get_status (registration)));
}

/* @existing: the person's registration for @event, if they have one that
 * is not cancelled. */
static GtkWidget *
event_row_new (EscaleEventChooser            *self,
               EscaleEvent                   *event,
               EscaleParticipantRegistration *existing,
               gint64                         now)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_event (self, event);
  g_autofree char *haystack = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escale_event_get_title (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), day_block_new (event));

  if (escale_event_get_status (event) == ESCALE_EVENT_STATUS_DRAFT)
    {
      GtkWidget *tag = escale_tag_new (escale_choice_get_label (ESCALE_TYPE_EVENT_STATUS, ESCALE_EVENT_STATUS_DRAFT),
                                "warning");

      gtk_widget_set_tooltip_text (tag, _("Not published yet"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  if (deadline_passed (event, now))
    {
      g_autofree char *tooltip = NULL;
      GtkWidget *tag = escale_tag_new (_("Deadline passed"), "warning");

      /* Translators: an ISO date */
      tooltip = g_strdup_printf (_("Registrations were to close on %s"),
                                 escale_event_get_text (event, "registration-deadline"));
      gtk_widget_set_tooltip_text (tag, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  if (existing != NULL)
    {
      g_autofree char *status = describe_status (existing);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), escale_tag_new (status, "accent"));
      gtk_widget_set_tooltip_text (row, _("Already registered for this event"));
      gtk_widget_set_sensitive (row, FALSE);
    }
  else
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), fill_box_new (self, event));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }

  haystack = g_strconcat (escale_event_get_title (event), " ", subtitle, " ",
                          escale_event_get_text (event, "place-name"), NULL);
  g_object_set_data_full (G_OBJECT (row), "search-text", escale_search_fold (haystack), g_free);
  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);

  return row;
}

/* The person's registration for @event_id that is not cancelled, if any:
 * a file lists a handful of events. */
static EscaleParticipantRegistration *
find_registration (GPtrArray *theirs,
                   gint64     event_id)
{
  for (guint i = 0; i < theirs->len; i++)
    {
      EscaleParticipantRegistration *entry = g_ptr_array_index (theirs, i);
      EscaleRegistration *registration = escale_participant_registration_get_registration (entry);

      if (escale_registration_get_event_id (registration) == event_id &&
          escale_registration_get_status (registration) != ESCALE_REGISTRATION_STATUS_CANCELLED)
        return entry;
    }

  return NULL;
}

static void
load (EscaleEventChooser *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  events = escale_event_repository_list_open_for_registration (escale_context_get_events (self->context), now, &error);
  if (events != NULL)
    theirs = escale_registration_repository_list_for_participant (escale_context_get_registrations (self->context),
                                                                  self->participant_id, &error);
  if (theirs == NULL)
    {
      gtk_label_set_text (self->placeholder, error->message);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (events, i);

      gtk_list_box_append (self->events_list,
                           event_row_new (self, event, find_registration (theirs, escale_event_get_id (event)), now));
    }

  gtk_stack_set_visible_child_name (self->content_stack, events->len > 0 ? "list" : "empty");
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  EscaleEventChooser *self = data;

  return self->terms == NULL ||
         escale_search_terms_match ((const char * const *) self->terms, g_object_get_data (G_OBJECT (row), "search-text"));
}

static void
on_search_changed (EscaleEventChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *nothing = NULL;

  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = escale_search_terms (text);
  gtk_list_box_invalidate_filter (self->events_list);

  /* Translators: what was typed in the search entry */
  nothing = g_strdup_printf (_("No upcoming event matches “%s”."), text);
  gtk_label_set_text (self->placeholder, nothing);
}

static void
choose (EscaleEventChooser *self,
        GtkListBoxRow      *row)
{
  g_autoptr(EscaleEvent) event = NULL;

  g_assert (GTK_IS_LIST_BOX_ROW (row));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (row)))
    return;

  /* Told before the window closes: closing destroys it, and its handlers
   * with it. */
  event = g_object_ref (g_object_get_data (G_OBJECT (row), "event"));
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, event);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_activated (EscaleEventChooser *self,
                  GtkListBoxRow      *row)
{
  choose (self, row);
}

/* The first event shown that can be chosen. */
static GtkListBoxRow *
first_choice (EscaleEventChooser *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->events_list, i)) != NULL; i++)
    {
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)) && gtk_widget_get_sensitive (GTK_WIDGET (row)))
        return row;
    }

  return NULL;
}

/* Enter in the search: the first event that matches. */
static void
on_search_activate (EscaleEventChooser *self)
{
  GtkListBoxRow *row = first_choice (self);

  if (row != NULL)
    choose (self, row);
}

/* Escape in the search: first what was typed, then the window. */
static void
on_stop_search (EscaleEventChooser *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
escale_event_chooser_dispose (GObject *object)
{
  EscaleEventChooser *self = (EscaleEventChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_EVENT_CHOOSER);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_event_chooser_parent_class)->dispose (object);
}

static void
escale_event_chooser_class_init (EscaleEventChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_event_chooser_dispose;

  /**
   * EscaleEventChooser::chosen:
   * @event: the event chosen, without its itinerary
   *
   * An event was chosen; the chooser is closed.
   */
  signals[SIGNAL_CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ESCALE_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escale/Escale/ui/events/escale-event-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleEventChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventChooser, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventChooser, events_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
escale_event_chooser_init (EscaleEventChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->placeholder = escale_placeholder_add (self->events_list, NULL);
  gtk_list_box_set_filter_func (self->events_list, filter_row, self, NULL);

  /* Typing anywhere searches; arrows and Enter stay with the rows. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/**
 * escale_event_chooser_new:
 * @participant_id: the saved file of the person to register
 *
 * Returns: (transfer none): the chooser, transient for @parent; present it
 */
EscaleEventChooser *
escale_event_chooser_new (GtkWindow     *parent,
                          EscaleContext *context,
                          gint64         participant_id)
{
  EscaleEventChooser *self;
  g_autoptr(EscaleParticipant) participant = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *first;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (participant_id > 0, NULL);

  self = g_object_new (ESCALE_TYPE_EVENT_CHOOSER, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->participant_id = participant_id;
  self->seats = 1;

  /* The seats the register dialog will propose. */
  participant = escale_participant_repository_load (escale_context_get_participants (context), participant_id, &error);
  if (participant != NULL)
    {
      g_autofree char *name = escale_participant_dup_display_name (participant);

      adw_window_title_set_subtitle (self->window_title, name);
      self->seats = MIN (1 + g_list_model_get_n_items (escale_participant_get_household (participant)), 20);
    }

  load (self);

  /* Enter chooses the soonest event at once. */
  first = first_choice (self);
  gtk_window_set_focus (GTK_WINDOW (self), first != NULL ? GTK_WIDGET (first) : GTK_WIDGET (self->search_entry));

  return self;
}
