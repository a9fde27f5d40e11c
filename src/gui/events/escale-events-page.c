/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-enums.h"
#include "escale-event-editor.h"
#include "escale-event-json.h"
#include "escale-events-page.h"
#include "escale-participant-choices.h"

/* The events of the database, upcoming first, each with its date, what and
 * where, and how full it is: the seats taken out of the capacity and who
 * waits. Hundreds of events at most: the page lists them in a GListStore
 * and reads again when events or registrations change. */
struct _EscaleEventsPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkBox         *filter_bar;
  GtkDropDown    *period_dropdown;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *region_dropdown;
  GtkStack       *content_stack;
  GtkListView    *list_view;

  /* Owned */
  EscaleContext  *context;
  GListStore     *events;
  gboolean        folded;
};

G_DEFINE_FINAL_TYPE (EscaleEventsPage, escale_events_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Items of the period menu. */
enum {
  PERIOD_UPCOMING,
  PERIOD_PAST,
  PERIOD_ALL,
};

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      descending)
{
  gint64 x = escale_event_get_starts_at ((EscaleEvent *) a);
  gint64 y = escale_event_get_starts_at ((EscaleEvent *) b);
  int order = (x > y) - (x < y);

  return GPOINTER_TO_INT (descending) ? -order : order;
}

static void
reload (EscaleEventsPage *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  EscaleEventQuery query = { .kind = -1 };
  g_autofree char *subtitle = NULL;
  const char *region_code = NULL;
  GListModel *regions;
  guint everything;

  /* The menus announce their first selection while the page is built. */
  if (self->context == NULL)
    return;

  /* Item 0 of the kind and region menus means "all". */
  if (kind != 0 && kind != GTK_INVALID_LIST_POSITION)
    query.kind = (int) kind - 1;
  regions = escale_region_repository_get_regions (escale_context_get_regions (self->context));
  if (region != 0 && region != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(EscaleRegion) chosen = g_list_model_get_item (regions, region - 1);

      region_code = escale_region_get_code (chosen);
    }

  if (period == PERIOD_UPCOMING)
    query.from = now;
  else if (period == PERIOD_PAST)
    query.to = now;

  events = escale_event_repository_list (escale_context_get_events (self->context), &query, &error);
  if (events == NULL)
    {
      g_warning ("Could not read the events: %s", error->message);
      return;
    }

  /* The past, most recent first; an event still going on is upcoming. */
  if (period == PERIOD_PAST)
    {
      for (guint i = events->len; i > 0; i--)
        {
          if (escale_event_get_ends_at (g_ptr_array_index (events, i - 1)) >= now)
            g_ptr_array_remove_index (events, i - 1);
        }
      g_ptr_array_sort_with_data (events, (GCompareDataFunc) compare_by_start, GINT_TO_POINTER (TRUE));
    }

  g_list_store_remove_all (self->events);
  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = g_ptr_array_index (events, i);

      if (region_code == NULL || g_strcmp0 (escale_event_get_region_code (event), region_code) == 0)
        g_list_store_append (self->events, event);
    }

  everything = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  if (everything > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else
    {
      EscaleEventQuery any = { .kind = -1 };
      g_autoptr(GPtrArray) all = escale_event_repository_list (escale_context_get_events (self->context), &any, NULL);

      gtk_stack_set_visible_child_name (self->content_stack, all != NULL && all->len > 0 ? "no-results" : "empty");
    }

  subtitle = g_strdup_printf (ngettext ("%u event", "%u events", everything), everything);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_filter_changed (EscaleEventsPage *self)
{
  reload (self);
}

/* A row: the date in a block, what and where, and how full. */
typedef struct
{
  GtkLabel    *day;
  GtkLabel    *month;
  GtkLabel    *title;
  GtkLabel    *details;
  GtkLabel    *status;
  GtkLabel    *fill;
  GtkLevelBar *level;
} Row;

static GtkLabel *
row_label (GtkWidget  *box,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
on_row_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *date = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *seats = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (date, 48, -1);
  gtk_widget_set_valign (date, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (seats, 150, -1);
  gtk_widget_set_valign (seats, GTK_ALIGN_CENTER);

  row->day = row_label (date, "title-2", 0.5);
  row->month = row_label (date, "caption", 0.5);
  gtk_widget_add_css_class (GTK_WIDGET (row->month), "dim-label");
  row->title = row_label (text, "heading", 0);
  row->details = row_label (text, "dim-label", 0);
  row->status = row_label (text, "caption", 0);
  row->fill = row_label (seats, "caption", 1);
  row->level = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_level_bar_set_mode (row->level, GTK_LEVEL_BAR_MODE_CONTINUOUS);
  /* A full event is good news, not a warning. */
  gtk_level_bar_remove_offset_value (row->level, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (row->level, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (row->level, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_box_append (GTK_BOX (seats), GTK_WIDGET (row->level));

  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), seats);
  gtk_list_item_set_child (item, box);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
}

/* The local days an event covers, the first and the last included. */
static int
count_days (GDateTime *start,
            GDateTime *end)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));
  g_date_set_dmy (&last, g_date_time_get_day_of_month (end), g_date_time_get_month (end), g_date_time_get_year (end));
  return g_date_days_between (&first, &last) + 1;
}

/* “Exploratory visit · Abitibi-Témiscamingue · Rouyn-Noranda · 3 days” */
static char *
describe_where (EscaleEventsPage *self,
                EscaleEvent      *event)
{
  const char *code = escale_event_get_region_code (event);
  EscaleRegion *region = code != NULL ? escale_region_repository_lookup (escale_context_get_regions (self->context), code)
                                      : NULL;
  const char *place = escale_event_get_text (event, "place-name");
  g_autoptr(GString) text = g_string_new (escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, escale_event_get_kind (event)));
  g_autoptr(GDateTime) start = escale_event_dup_start (event);
  g_autoptr(GDateTime) end = escale_event_dup_end (event);
  int days = count_days (start, end);

  if (region != NULL)
    g_string_append_printf (text, " · %s", escale_region_get_name (region));
  if (place != NULL)
    g_string_append_printf (text, " · %s", place);
  else if (escale_event_get_text (event, "online-url") != NULL)
    g_string_append_printf (text, " · %s", _("Online"));

  if (days > 1)
    {
      g_autofree char *span = g_strdup_printf (ngettext ("%d day", "%d days", days), days);

      g_string_append_printf (text, " · %s", span);
    }
  else
    {
      g_autofree char *from = g_date_time_format (start, "%H:%M");
      g_autofree char *until = g_date_time_format (end, "%H:%M");

      g_string_append_printf (text, " · %s–%s", from, until);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_row_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             EscaleEventsPage         *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  EscaleEvent *event = gtk_list_item_get_item (item);
  EscaleEventStatus status = escale_event_get_status (event);
  g_autoptr(GDateTime) start = escale_event_dup_start (event);
  g_autofree char *day = g_date_time_format (start, "%e");
  g_autofree char *month = g_date_time_format (start, "%b %Y");
  g_autofree char *where = describe_where (self, event);
  g_autofree char *fill_text = NULL;
  g_autoptr(GError) error = NULL;
  EscaleEventFill fill;

  gtk_label_set_text (row->day, g_strstrip (day));
  gtk_label_set_text (row->month, month);
  gtk_label_set_text (row->title, escale_event_get_title (event));
  gtk_label_set_text (row->details, where);

  gtk_widget_set_visible (GTK_WIDGET (row->status), status != ESCALE_EVENT_STATUS_PUBLISHED);
  gtk_label_set_text (row->status, escale_choice_get_label (ESCALE_TYPE_EVENT_STATUS, status));
  gtk_widget_remove_css_class (GTK_WIDGET (row->status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row->status), "warning");
  if (status == ESCALE_EVENT_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (row->status), "error");
  else if (status == ESCALE_EVENT_STATUS_DRAFT)
    gtk_widget_add_css_class (GTK_WIDGET (row->status), "warning");

  if (!escale_registration_repository_get_fill (escale_context_get_registrations (self->context),
                                                escale_event_get_id (event), &fill, &error))
    {
      g_warning ("Could not count the registrations: %s", error->message);
      return;
    }

  fill_text = escale_event_fill_describe (&fill);
  gtk_label_set_text (row->fill, fill_text);
  gtk_widget_set_visible (GTK_WIDGET (row->level), fill.capacity > 0);
  if (fill.capacity > 0)
    gtk_level_bar_set_value (row->level, MIN (1.0, (double) fill.seats_taken / fill.capacity));

  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (row->level))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fill_text, -1);
}

static void
open_editor (EscaleEventsPage *self,
             EscaleEvent      *event)
{
  EscaleEventEditor *editor = escale_event_editor_new (self->context, event);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_list_view_activate (GtkListView      *list_view,
                       guint             position,
                       EscaleEventsPage *self)
{
  g_autoptr(EscaleEvent) listed = g_list_model_get_item (G_LIST_MODEL (self->events), position);
  g_autoptr(EscaleEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  /* The list holds events without their parts: the editor gets them all. */
  event = escale_event_repository_load (escale_context_get_events (self->context), escale_event_get_id (listed),
                                        &error);
  if (event == NULL)
    {
      g_warning ("Could not read the event: %s", error->message);
      return;
    }
  open_editor (self, event);
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EscaleEventsPage *self = ESCALE_EVENTS_PAGE (widget);
  g_autoptr(EscaleEvent) event = NULL;
  int kind;

  if (!escale_choice_from_nick (ESCALE_TYPE_EVENT_KIND, g_variant_get_string (parameter, NULL), &kind))
    g_return_if_reached ();

  event = escale_event_new (kind);
  open_editor (self, event);
}

static void
escale_events_page_dispose (GObject *object)
{
  EscaleEventsPage *self = (EscaleEventsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_EVENTS_PAGE);
  /* GTK 4.8 leaves the template's unnamed root child in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->events);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_events_page_parent_class)->dispose (object);
}

static void
escale_events_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EscaleEventsPage *self = ESCALE_EVENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_events_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EscaleEventsPage *self = ESCALE_EVENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filter_bar),
                                          self->folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_events_page_class_init (EscaleEventsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_events_page_dispose;
  object_class->get_property = escale_events_page_get_property;
  object_class->set_property = escale_events_page_set_property;

  /**
   * EscaleEventsPage:folded:
   *
   * Whether the window is narrow: the page then shows a back button and
   * stacks its menus.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/escale/Escale/ui/events/escale-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleEventsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);

  gtk_widget_class_install_action (widget_class, "events.new", "s", on_new_activated);
}

static void
escale_events_page_init (EscaleEventsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < escale_choice_get_count (ESCALE_TYPE_EVENT_KIND); i++)
    gtk_string_list_append (kinds, escale_choice_get_label (ESCALE_TYPE_EVENT_KIND, i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->events = g_list_store_new (ESCALE_TYPE_EVENT);
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind), self);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * escale_events_page_set_context:
 *
 * Binds the page to the events of an open database. Called once.
 */
void
escale_events_page_set_context (EscaleEventsPage *self,
                                EscaleContext    *context)
{
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  GListModel *regions;

  g_return_if_fail (ESCALE_IS_EVENTS_PAGE (self));
  g_return_if_fail (ESCALE_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);

  regions = escale_region_repository_get_regions (escale_context_get_regions (context));
  gtk_string_list_append (region_names, _("All regions"));
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);

      gtk_string_list_append (region_names, escale_region_get_name (region));
    }
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (region_names));

  g_signal_connect_object (escale_context_get_events (context), "changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (escale_context_get_registrations (context), "changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

/**
 * escale_events_page_get_model:
 *
 * Returns: (transfer none): the events shown, for tests
 */
GListModel *
escale_events_page_get_model (EscaleEventsPage *self)
{
  g_return_val_if_fail (ESCALE_IS_EVENTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->events);
}
