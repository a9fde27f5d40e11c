/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "escale-conflicts.h"
#include "escale-itinerary-editor.h"
#include "escale-plan-check.h"
#include "escale-stop-row.h"

/* The itinerary of a visit, in the event editor: a row per stop in the
 * order of the event's list, which this editor changes in place. The rows
 * are made from that list (gtk_list_box_bind_model), so adding, moving,
 * removing or undoing only touches the event and the rows follow; what a
 * row cannot keep across that (open or not, the plan's warnings) is kept
 * here by stop. */
struct _EscaleItineraryEditor
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *group;
  GtkButton            *add_button;
  GtkListBox           *list_box;
  AdwStatusPage        *empty_page;

  /* Owned */
  EscaleContext        *context;
  EscaleEvent          *event;
  GSignalGroup         *event_signals;
  GSignalGroup         *stops_signals;
  GSignalGroup         *partners_signals;
  GListModel           *partner_names;
  GArray               *partner_ids;
  GHashTable           *warnings;   /* EscaleItineraryStop → its messages */
  GHashTable           *expanded;   /* the stops whose row is open */
};

G_DEFINE_FINAL_TYPE (EscaleItineraryEditor, escale_itinerary_editor, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A new stop lasts an hour, the time a company visit usually takes. */
#define NEW_STOP_SECONDS (60 * 60)

static GListModel *
stops_of (EscaleItineraryEditor *self)
{
  return escale_event_get_stops (self->event);
}

static gboolean
find_position (EscaleItineraryEditor *self,
               EscaleItineraryStop   *stop,
               guint                 *position)
{
  GListModel *stops = stops_of (self);
  guint n = g_list_model_get_n_items (stops);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleItineraryStop) item = g_list_model_get_item (stops, i);

      if (item == stop)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static EscaleStopRow *
row_at (EscaleItineraryEditor *self,
        guint                  position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, position);

  return row != NULL ? ESCALE_STOP_ROW (row) : NULL;
}

static void
emit_changed (EscaleItineraryEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The empty state, and which rows can move which way. */
static void
update_state (EscaleItineraryEditor *self)
{
  guint n = self->event != NULL ? g_list_model_get_n_items (stops_of (self)) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0);
  /* The empty state has its own button: one is enough. */
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), n > 0);

  for (guint i = 0; i < n; i++)
    escale_stop_row_set_movable (row_at (self, i), i > 0, i + 1 < n);
}

static void
focus_stop (EscaleItineraryEditor *self,
            guint                  position)
{
  EscaleStopRow *row = row_at (self, position);

  if (row != NULL)
    escale_stop_row_focus (row);
}

static void
move_stop (EscaleItineraryEditor *self,
           guint                  from,
           guint                  to)
{
  /* The times stay: the plan checks then say the stops are out of order. */
  escale_event_move_stop (self->event, from, to);
  focus_stop (self, to);
  emit_changed (self);
}

static void
on_row_changed (EscaleItineraryEditor *self)
{
  emit_changed (self);
}

static void
on_row_move (EscaleStopRow         *row,
             int                    delta,
             EscaleItineraryEditor *self)
{
  guint n = g_list_model_get_n_items (stops_of (self));
  guint from;

  if (!find_position (self, escale_stop_row_get_stop (row), &from) ||
      (delta < 0 && from == 0) || (delta > 0 && from + 1 >= n))
    return;

  move_stop (self, from, from + delta);
}

static gboolean
on_row_drop_stop (EscaleStopRow         *row,
                  EscaleItineraryStop   *dragged,
                  gboolean               below,
                  EscaleItineraryEditor *self)
{
  guint from, target, to;

  /* A stop of another visit, dragged from another window, stays there. */
  if (!find_position (self, dragged, &from) ||
      !find_position (self, escale_stop_row_get_stop (row), &target))
    return FALSE;

  /* escale_event_move_stop() counts the new place once the stop is out. */
  to = below ? target + 1 : target;
  if (from < to)
    to--;
  if (to != from)
    move_stop (self, from, to);

  return TRUE;
}

static void
on_undo_remove_clicked (AdwToast              *toast,
                        EscaleItineraryEditor *self)
{
  EscaleEvent *event = g_object_get_data (G_OBJECT (toast), "event");
  EscaleItineraryStop *stop = g_object_get_data (G_OBJECT (toast), "stop");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "position"));
  guint n, already;

  /* The editor may show another visit by now, or have the stop back. */
  if (event != self->event || find_position (self, stop, &already))
    return;

  escale_event_add_stop (self->event, stop);
  n = g_list_model_get_n_items (stops_of (self));
  position = MIN (position, n - 1);
  escale_event_move_stop (self->event, n - 1, position);
  focus_stop (self, position);
  emit_changed (self);
}

static void
offer_undo (EscaleItineraryEditor *self,
            EscaleItineraryStop   *stop,
            guint                  position)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  const char *title = escale_itinerary_stop_get_title (stop);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* Translators: a stop of the itinerary was removed; %s is its title */
  message = title != NULL ? g_strdup_printf (_("“%s” removed"), title) : g_strdup (_("Stop removed"));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "event", g_object_ref (self->event), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "stop", g_object_ref (stop), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_clicked), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_row_remove (EscaleStopRow         *row,
               EscaleItineraryEditor *self)
{
  g_autoptr(EscaleItineraryStop) stop = g_object_ref (escale_stop_row_get_stop (row));
  guint position, n;

  if (!find_position (self, stop, &position))
    return;

  escale_event_remove_stop (self->event, stop);

  /* The keyboard goes on from the next stop, or the one before the last. */
  n = g_list_model_get_n_items (stops_of (self));
  if (n > 0)
    focus_stop (self, MIN (position, n - 1));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->empty_page), GTK_DIR_TAB_FORWARD);

  emit_changed (self);
  offer_undo (self, stop, position);
}

static void
on_row_expanded (EscaleStopRow         *row,
                 GParamSpec            *pspec,
                 EscaleItineraryEditor *self)
{
  EscaleItineraryStop *stop = escale_stop_row_get_stop (row);

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_object_ref (stop));
  else
    g_hash_table_remove (self->expanded, stop);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EscaleItineraryEditor *self = user_data;
  EscaleItineraryStop *stop = item;
  GtkWidget *row = escale_stop_row_new (self->event, stop);

  if (self->partner_names != NULL)
    escale_stop_row_set_partners (ESCALE_STOP_ROW (row), self->partner_names, self->partner_ids);
  escale_stop_row_set_warnings (ESCALE_STOP_ROW (row), g_hash_table_lookup (self->warnings, stop));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, stop));

  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, 0);
  g_signal_connect_object (row, "drop-stop", G_CALLBACK (on_row_drop_stop), self, 0);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded), self, 0);

  return row;
}

static void
on_stops_changed (EscaleItineraryEditor *self)
{
  update_state (self);
}

/* The event's dates or zone changed: the days to choose and the local
 * times of every stop with them. */
static void
on_event_times_changed (EscaleItineraryEditor *self)
{
  guint n = g_list_model_get_n_items (stops_of (self));

  for (guint i = 0; i < n; i++)
    escale_stop_row_refresh (row_at (self, i));
}

typedef struct
{
  char   *key;
  char   *label;
  gint64  id;
} PartnerChoice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const PartnerChoice *) a)->key, ((const PartnerChoice *) b)->key);
}

static void
clear_choice (gpointer data)
{
  PartnerChoice *choice = data;

  g_free (choice->key);
  g_free (choice->label);
}

/* "None", then the directory by name; archived partners stay choosable so
 * that an older visit still names its hosts. */
static void
read_partners (EscaleItineraryEditor *self)
{
  GListModel *partners = escale_partner_repository_get_partners (escale_context_get_partners (self->context));
  guint n = g_list_model_get_n_items (partners);
  g_autoptr(GArray) choices = g_array_sized_new (FALSE, FALSE, sizeof (PartnerChoice), n);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n + 1);
  gint64 none = 0;

  g_array_set_clear_func (choices, clear_choice);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePartner) partner = g_list_model_get_item (partners, i);
      const char *name = escale_partner_get_name (partner);
      PartnerChoice choice = {
        .key = g_utf8_collate_key (name, -1),
        /* Translators: a partner of the directory that is archived */
        .label = escale_partner_get_archived (partner) ? g_strdup_printf (_("%s (archived)"), name) : g_strdup (name),
        .id = escale_partner_get_id (partner),
      };

      g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);

  gtk_string_list_append (names, C_("partner", "None"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < choices->len; i++)
    {
      PartnerChoice *choice = &g_array_index (choices, PartnerChoice, i);

      gtk_string_list_append (names, choice->label);
      g_array_append_val (ids, choice->id);
    }

  g_set_object (&self->partner_names, G_LIST_MODEL (names));
  g_clear_pointer (&self->partner_ids, g_array_unref);
  self->partner_ids = g_steal_pointer (&ids);

  for (guint i = 0; self->event != NULL && row_at (self, i) != NULL; i++)
    escale_stop_row_set_partners (row_at (self, i), self->partner_names, self->partner_ids);
}

static void
on_partners_changed (EscaleItineraryEditor *self)
{
  read_partners (self);
}

/* After the last stop for an hour, as a company visit; the very first stop
 * is the departure, when the visit starts. */
static EscaleItineraryStop *
new_stop (EscaleItineraryEditor *self)
{
  GListModel *stops = stops_of (self);
  guint n = g_list_model_get_n_items (stops);
  g_autoptr(EscaleItineraryStop) last = n > 0 ? g_list_model_get_item (stops, n - 1) : NULL;
  EscaleStopKind kind = ESCALE_STOP_KIND_DEPARTURE;
  gint64 starts_at = escale_event_get_starts_at (self->event);

  if (last != NULL)
    {
      kind = ESCALE_STOP_KIND_COMPANY_VISIT;
      if (escale_itinerary_stop_get_ends_at (last) > 0)
        starts_at = escale_itinerary_stop_get_ends_at (last);
      else if (escale_itinerary_stop_get_starts_at (last) > 0)
        starts_at = escale_itinerary_stop_get_starts_at (last) + NEW_STOP_SECONDS;
    }

  return escale_itinerary_stop_new (kind, NULL, starts_at, starts_at > 0 ? starts_at + NEW_STOP_SECONDS : 0);
}

static void
on_add_stop_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EscaleItineraryEditor *self = ESCALE_ITINERARY_EDITOR (widget);
  g_autoptr(EscaleItineraryStop) stop = NULL;
  EscaleStopRow *row;

  if (self->event == NULL)
    return;

  stop = new_stop (self);
  g_hash_table_add (self->expanded, g_object_ref (stop));
  escale_event_add_stop (self->event, stop);

  row = row_at (self, g_list_model_get_n_items (stops_of (self)) - 1);
  if (row != NULL)
    escale_stop_row_focus_title (row);
  emit_changed (self);
}

static void
escale_itinerary_editor_dispose (GObject *object)
{
  EscaleItineraryEditor *self = (EscaleItineraryEditor *)object;

  /* AdwBin disposes its child itself: the template is left to it, and
   * the list let go of the event's stops first. */
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  self->list_box = NULL;
  g_clear_object (&self->event_signals);
  g_clear_object (&self->stops_signals);
  g_clear_object (&self->partners_signals);
  g_clear_object (&self->event);
  g_clear_object (&self->context);
  g_clear_object (&self->partner_names);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->warnings, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (escale_itinerary_editor_parent_class)->dispose (object);
}

static void
escale_itinerary_editor_class_init (EscaleItineraryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_itinerary_editor_dispose;

  /**
   * EscaleItineraryEditor::changed:
   *
   * A stop was added, removed, moved or edited: the plan may need checking
   * again, and the event saving.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escale/Escale/ui/events/escale-itinerary-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleItineraryEditor, group);
  gtk_widget_class_bind_template_child (widget_class, EscaleItineraryEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleItineraryEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleItineraryEditor, empty_page);

  gtk_widget_class_install_action (widget_class, "itinerary.add-stop", NULL, on_add_stop_activated);
}

static void
escale_itinerary_editor_init (EscaleItineraryEditor *self)
{
  g_type_ensure (ESCALE_TYPE_STOP_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->warnings = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  self->expanded = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);

  self->event_signals = g_signal_group_new (ESCALE_TYPE_EVENT);
  g_signal_group_connect_swapped (self->event_signals, "notify::starts-at", G_CALLBACK (on_event_times_changed), self);
  g_signal_group_connect_swapped (self->event_signals, "notify::ends-at", G_CALLBACK (on_event_times_changed), self);
  g_signal_group_connect_swapped (self->event_signals, "notify::tzid", G_CALLBACK (on_event_times_changed), self);

  self->stops_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stops_signals, "items-changed", G_CALLBACK (on_stops_changed), self);

  self->partners_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->partners_signals, "items-changed", G_CALLBACK (on_partners_changed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "itinerary.add-stop", FALSE);
  update_state (self);
}

GtkWidget *
escale_itinerary_editor_new (void)
{
  return g_object_new (ESCALE_TYPE_ITINERARY_EDITOR, NULL);
}

void
escale_itinerary_editor_set_context (EscaleItineraryEditor *self,
                                     EscaleContext         *context)
{
  g_return_if_fail (ESCALE_IS_ITINERARY_EDITOR (self));
  g_return_if_fail (context == NULL || ESCALE_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  if (context == NULL)
    {
      g_signal_group_set_target (self->partners_signals, NULL);
      return;
    }

  read_partners (self);
  g_signal_group_set_target (self->partners_signals,
                             escale_partner_repository_get_partners (escale_context_get_partners (context)));
}

/**
 * escale_itinerary_editor_set_event:
 * @event: (nullable): the working copy of a visit, whose stops the editor
 *   changes in place
 */
void
escale_itinerary_editor_set_event (EscaleItineraryEditor *self,
                                   EscaleEvent           *event)
{
  g_return_if_fail (ESCALE_IS_ITINERARY_EDITOR (self));
  g_return_if_fail (event == NULL || ESCALE_IS_EVENT (event));

  if (self->event == event)
    return;

  g_signal_group_set_target (self->stops_signals, NULL);
  g_signal_group_set_target (self->event_signals, NULL);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_hash_table_remove_all (self->warnings);
  g_hash_table_remove_all (self->expanded);
  g_set_object (&self->event, event);

  if (event != NULL)
    {
      /* Bound first, so the rows exist when the list reports a change. */
      gtk_list_box_bind_model (self->list_box, escale_event_get_stops (event), create_row, self, NULL);
      g_signal_group_set_target (self->stops_signals, escale_event_get_stops (event));
      g_signal_group_set_target (self->event_signals, event);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "itinerary.add-stop", event != NULL);
  update_state (self);
}

/* Adds @message to what the row of the stop at @position says. */
static void
add_stop_message (EscaleItineraryEditor *self,
                  GListModel            *stops,
                  int                    position,
                  const char            *message)
{
  g_autoptr(EscaleItineraryStop) stop = NULL;
  const char *before;

  if (position < 0 || (guint) position >= g_list_model_get_n_items (stops))
    return;

  stop = g_list_model_get_item (stops, position);
  before = g_hash_table_lookup (self->warnings, stop);
  g_hash_table_insert (self->warnings, g_object_ref (stop),
                       before != NULL ? g_strconcat (before, "\n", message, NULL) : g_strdup (message));
}

/**
 * escale_itinerary_editor_set_warnings:
 * @warnings: (nullable) (element-type EscalePlanWarning): what
 *   escale_plan_check() found in the event
 * @conflicts: (nullable) (element-type EscaleConflict): what
 *   escale_conflicts_find() found
 *
 * Marks the rows of the stops the warnings and conflicts are about.
 */
void
escale_itinerary_editor_set_warnings (EscaleItineraryEditor *self,
                                      GPtrArray             *warnings,
                                      GPtrArray             *conflicts)
{
  GListModel *stops;
  guint n;

  g_return_if_fail (ESCALE_IS_ITINERARY_EDITOR (self));

  g_hash_table_remove_all (self->warnings);
  if (self->event == NULL)
    return;

  stops = stops_of (self);
  n = g_list_model_get_n_items (stops);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      EscalePlanWarning *warning = g_ptr_array_index (warnings, i);

      add_stop_message (self, stops, warning->stop, warning->message);
    }
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      EscaleConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *message = escale_conflict_describe (conflict);

      add_stop_message (self, stops, conflict->stop, message);
    }

  for (guint i = 0; i < n; i++)
    {
      EscaleStopRow *row = row_at (self, i);

      escale_stop_row_set_warnings (row, g_hash_table_lookup (self->warnings, escale_stop_row_get_stop (row)));
    }
}
