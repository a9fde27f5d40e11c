/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-agenda-repository.h"
#include "escale-event-editor.h"
#include "escale-partner-repository.h"
#include "escale-week-view.h"

/* A partner's week next to Escale's, to plan: seven columns, Monday to
 * Sunday, each listing the partner's agenda entries and Escale's events
 * of the day as small cards in time order. The source is said in words on
 * each card ("Partner", "Escale"), not by colour alone, and so is an
 * overlap, with a warning icon. What the week holds is the core's
 * (escale-week.c); the view only lays it out, and again when an event
 * is saved. Alt+Left/Right and Page
 * Up/Down go from week to week, caught before the scrolled columns use
 * Page Up/Down for themselves. */
struct _EscaleWeekView
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDropDown    *partner_drop_down;
  GtkStringList  *partner_names;
  GtkLabel       *partner_legend;
  GtkLabel       *escale_legend;
  GtkImage       *overlaps_icon;
  GtkLabel       *overlaps_label;
  GtkBox         *days_box;

  /* Owned */
  EscaleContext  *context;
  GArray         *organization_ids;   /* gint64, in the drop-down's order */
  EscaleWeek     *week;
  GDate           day;
};

G_DEFINE_FINAL_TYPE (EscaleWeekView, escale_week_view, ADW_TYPE_WINDOW)

static GDateTime *
local_time (gint64 instant)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ESCALE_WEEK_ZONE);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

static char *
format_clock (gint64 instant)
{
  g_autoptr(GDateTime) time = local_time (instant);

  return g_date_time_format (time, "%H:%M");
}

/* "10:00–11:30"; "22:00 →" for what goes on the next day, "→ 04:00" for
 * what began the day before. */
static char *
format_times (const EscaleWeekItem *item)
{
  gboolean from_before = item->starts_at > item->item_starts_at;
  gboolean goes_on = item->ends_at < item->item_ends_at;
  g_autofree char *from = format_clock (item->starts_at);
  g_autofree char *to = format_clock (item->ends_at);

  if (item->all_day || (from_before && goes_on))
    return g_strdup (_("All day"));
  if (goes_on)
    /* Translators: a start time, for what goes on past midnight */
    return g_strdup_printf (_("%s →"), from);
  if (from_before)
    /* Translators: an end time, for what began the day before */
    return g_strdup_printf (_("→ %s"), to);
  if (item->starts_at == item->ends_at)
    return g_steal_pointer (&from);
  /* Translators: a start and an end time */
  return g_strdup_printf (_("%s–%s"), from, to);
}

static GtkWidget *
small_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
on_card_clicked (GtkButton      *button,
                 EscaleWeekView *self)
{
  gint64 *event_id = g_object_get_data (G_OBJECT (button), "event-id");
  g_autoptr(GError) error = NULL;

  g_assert (event_id != NULL);
  if (!escale_event_editor_present_event (self->context, GTK_WINDOW (self), *event_id, &error))
    g_warning ("Could not open the event: %s", error->message);
}

static GtkWidget *
create_card (EscaleWeekView       *self,
             const EscaleWeekItem *item)
{
  gboolean from_partner = item->source == ESCALE_WEEK_SOURCE_AGENDA;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *tag, *title, *card;
  g_autofree char *times = format_times (item);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  const char *text = item->title;

  if (text == NULL || *text == '\0')
    text = from_partner ? _("Busy") : _("Untitled event");

  /* The time first, read down the column; the tag under the title. */
  gtk_box_append (GTK_BOX (box), small_label (times, "numeric"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "week-item-time");

  title = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 4);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "week-item-title");
  gtk_box_append (GTK_BOX (box), title);

  tag = small_label (from_partner ? C_("week item source", "Partner") : C_("week item source", "Escale"), "tag");
  gtk_label_set_wrap (GTK_LABEL (tag), FALSE);
  gtk_widget_set_halign (tag, GTK_ALIGN_START);
  if (!from_partner)
    gtk_widget_add_css_class (tag, "accent");
  gtk_box_append (GTK_BOX (tags), tag);
  if (item->state == ESCALE_WEEK_STATE_CANCELLED)
    gtk_box_append (GTK_BOX (tags), small_label (_("Cancelled"), "dim-label"));
  else if (item->state == ESCALE_WEEK_STATE_TENTATIVE)
    gtk_box_append (GTK_BOX (tags), small_label (from_partner ? _("Tentative") : _("Draft"), "dim-label"));
  gtk_box_append (GTK_BOX (box), tags);
  if (item->with_partner)
    gtk_box_append (GTK_BOX (box), small_label (_("With this partner"), NULL));
  if (item->overlaps)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      /* The words say it; the icon is there to be seen. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), small_label (from_partner ? _("Overlaps an Escale event")
                                                                : _("Overlaps the partner’s agenda"), NULL));
      gtk_widget_add_css_class (line, "warning");
      gtk_box_append (GTK_BOX (box), line);
    }

  g_string_append (tooltip, text);
  if (item->location != NULL && *item->location != '\0')
    g_string_append_printf (tooltip, "\n%s", item->location);

  if (from_partner)
    {
      card = box;
    }
  else
    {
      /* Escale's own events open from the week. */
      card = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (card), box);
      g_object_set_data_full (G_OBJECT (card), "event-id", g_memdup2 (&item->event_id, sizeof item->event_id), g_free);
      g_signal_connect_object (card, "clicked", G_CALLBACK (on_card_clicked), self, 0);
      g_string_append_printf (tooltip, "\n%s", _("Click to open the event"));
    }
  gtk_widget_set_tooltip_text (card, tooltip->str);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "week-item");
  gtk_widget_add_css_class (card, from_partner ? "week-partner" : "week-escale");
  if (item->state == ESCALE_WEEK_STATE_CANCELLED)
    gtk_widget_add_css_class (card, "week-cancelled");
  else if (item->state == ESCALE_WEEK_STATE_TENTATIVE)
    gtk_widget_add_css_class (card, "week-tentative");
  if (item->overlaps)
    gtk_widget_add_css_class (card, "week-overlap");
  return card;
}

static GtkWidget *
create_day (EscaleWeekView *self,
            guint           day)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GDateTime) start = local_time (self->week->day_starts[day]);
  /* Translators: the header of a day column of the week, as in "Mon 15";
   * see g_date_time_format() */
  g_autofree char *header_text = g_date_time_format (start, C_("week day header", "%a %-d"));
  g_autofree char *long_day = g_date_time_format (start, _("%A, %B %-d"));
  GtkWidget *header = gtk_label_new (header_text);
  GDate today;
  guint n = 0;

  gtk_widget_set_size_request (column, 116, -1);
  gtk_widget_add_css_class (column, "week-day");
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "week-day-header");
  gtk_widget_set_tooltip_text (header, long_day);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  g_date_clear (&today, 1);
  escale_week_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  if (escale_week_local_midnight (&today) == self->week->day_starts[day])
    gtk_widget_add_css_class (header, "today");
  gtk_box_append (GTK_BOX (column), header);

  for (guint i = 0; i < self->week->items->len; i++)
    {
      const EscaleWeekItem *item = self->week->items->pdata[i];

      if (item->day != day)
        continue;
      gtk_box_append (GTK_BOX (column), create_card (self, item));
      n++;
    }
  if (n == 0)
    {
      GtkWidget *free_label = gtk_label_new (_("Free"));

      gtk_label_set_xalign (GTK_LABEL (free_label), 0);
      gtk_widget_add_css_class (free_label, "dim-label");
      gtk_widget_add_css_class (free_label, "week-free");
      gtk_box_append (GTK_BOX (column), free_label);
    }
  return column;
}

static gint64
current_organization_id (EscaleWeekView *self)
{
  guint selected = gtk_drop_down_get_selected (self->partner_drop_down);

  if (selected >= self->organization_ids->len)
    selected = 0;
  return g_array_index (self->organization_ids, gint64, selected);
}

static void
show_title (EscaleWeekView *self,
            gint64          organization_id)
{
  g_autoptr(GDateTime) monday = local_time (self->week->day_starts[0]);
  /* Translators: a date, as in "23 November 2026" */
  g_autofree char *date = g_date_time_format (monday, _("%-d %B %Y"));
  /* Translators: the title of a week's view, with the date of its Monday */
  g_autofree char *title = g_strdup_printf (_("Week of %s"), date);
  EscalePartner *partner = escale_partner_repository_find (escale_context_get_partners (self->context),
                                                           organization_id);
  g_autoptr(EscaleAgendaRepository) agendas = escale_agenda_repository_new (escale_context_get_database (self->context));
  g_autoptr(EscaleAgenda) agenda = escale_agenda_repository_load (agendas, organization_id, NULL);
  const char *name = partner != NULL ? escale_partner_get_name (partner) : _("Unknown partner");
  g_autofree char *subtitle = NULL;

  if (agenda == NULL)
    /* Translators: a partner's name */
    subtitle = g_strdup_printf (_("%s · no agenda imported"), name);
  else
    subtitle = g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_overlaps (EscaleWeekView *self)
{
  guint n = escale_week_count_overlaps (self->week);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No entry of the partner’s agenda overlaps its part in Escale’s events this week."));
  else
    text = g_strdup_printf (ngettext ("%u entry of the partner’s agenda overlaps its part in an Escale event.",
                                      "%u entries of the partner’s agenda overlap its part in Escale events.", n),
                            n);
  gtk_label_set_text (self->overlaps_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->overlaps_icon), n > 0);
}

static void
show_week (EscaleWeekView *self)
{
  gint64 organization_id = current_organization_id (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->week, escale_week_free);
  self->week = escale_week_load (escale_context_get_database (self->context), organization_id, &self->day, &error);
  if (self->week == NULL)
    {
      g_warning ("Could not read the week: %s", error->message);
      gtk_label_set_text (self->overlaps_label, error->message);
      self->week = escale_week_new (&self->day, organization_id);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);
  for (guint day = 0; day < 7; day++)
    gtk_box_append (self->days_box, create_day (self, day));

  show_title (self, organization_id);
  if (error == NULL)
    show_overlaps (self);
}

static void
move_by_days (EscaleWeekView *self,
              int             days)
{
  if (days > 0)
    g_date_add_days (&self->day, days);
  else
    g_date_subtract_days (&self->day, -days);
  show_week (self);
}

static void
on_previous_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_by_days (ESCALE_WEEK_VIEW (widget), -7);
}

static void
on_next_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_by_days (ESCALE_WEEK_VIEW (widget), 7);
}

static void
on_today_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EscaleWeekView *self = ESCALE_WEEK_VIEW (widget);

  escale_week_local_date (g_get_real_time () / G_USEC_PER_SEC, &self->day);
  show_week (self);
}

static void
on_partner_selected (EscaleWeekView *self)
{
  if (self->context != NULL)
    show_week (self);
}

static void
escale_week_view_dispose (GObject *object)
{
  EscaleWeekView *self = (EscaleWeekView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_WEEK_VIEW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_week_view_parent_class)->dispose (object);
}

static void
escale_week_view_finalize (GObject *object)
{
  EscaleWeekView *self = (EscaleWeekView *) object;

  g_clear_pointer (&self->week, escale_week_free);
  g_clear_pointer (&self->organization_ids, g_array_unref);

  G_OBJECT_CLASS (escale_week_view_parent_class)->finalize (object);
}

static void
escale_week_view_class_init (EscaleWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_week_view_dispose;
  object_class->finalize = escale_week_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/escale/Escale/ui/calendar/escale-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, partner_drop_down);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, partner_names);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, partner_legend);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, escale_legend);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, overlaps_icon);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, overlaps_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWeekView, days_box);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_selected);

  gtk_widget_class_install_action (widget_class, "week.previous", NULL, on_previous_activated);
  gtk_widget_class_install_action (widget_class, "week.next", NULL, on_next_activated);
  gtk_widget_class_install_action (widget_class, "week.today", NULL, on_today_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *triggers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers),
                                                          gtk_named_action_new (action_name)));
}

static void
escale_week_view_init (EscaleWeekView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->day, 1);

  gtk_label_set_text (self->partner_legend, _("Partner’s agenda"));
  gtk_label_set_text (self->escale_legend, _("Escale’s events"));

  /* In the capture phase: the scrolled columns would take Page Up/Down. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Left|Page_Up", "week.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Right|Page_Down", "week.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Home", "week.today");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * escale_week_view_new:
 * @organization_ids: (array length=n_organizations): the partners whose
 *   agenda can be shown, the first one at once; a drop-down chooses
 *   among several
 * @day: any day of the week to show
 */
GtkWidget *
escale_week_view_new (EscaleContext *context,
                      const gint64  *organization_ids,
                      guint          n_organizations,
                      const GDate   *day)
{
  EscaleWeekView *self;

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (organization_ids != NULL && n_organizations > 0, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_object_new (ESCALE_TYPE_WEEK_VIEW, NULL);
  self->day = *day;
  g_array_append_vals (self->organization_ids, organization_ids, n_organizations);
  for (guint i = 0; i < n_organizations; i++)
    {
      EscalePartner *partner = escale_partner_repository_find (escale_context_get_partners (context),
                                                               organization_ids[i]);

      gtk_string_list_append (self->partner_names,
                              partner != NULL ? escale_partner_get_name (partner) : _("Unknown partner"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->partner_drop_down), n_organizations > 1);
  self->context = g_object_ref (context);
  /* An event saved in another window, or an agenda imported again, shows
   * in the week at once. */
  g_signal_connect_object (escale_context_get_events (context), "changed", G_CALLBACK (show_week), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "agenda-changed", G_CALLBACK (show_week), self, G_CONNECT_SWAPPED);
  show_week (self);

  return GTK_WIDGET (self);
}

/**
 * escale_week_view_present:
 * @transient_for: (nullable): the window it opens from
 *
 * Opens a week view as escale_week_view_new() does, over @transient_for.
 *
 * Returns: (transfer none): the view
 */
GtkWidget *
escale_week_view_present (EscaleContext *context,
                          GtkWindow     *transient_for,
                          const gint64  *organization_ids,
                          guint          n_organizations,
                          const GDate   *day)
{
  GtkWidget *view = escale_week_view_new (context, organization_ids, n_organizations, day);

  gtk_window_set_transient_for (GTK_WINDOW (view), transient_for);
  gtk_window_present (GTK_WINDOW (view));
  return view;
}

/**
 * escale_week_view_set_day:
 * @day: any day of the week to show
 */
void
escale_week_view_set_day (EscaleWeekView *self,
                          const GDate    *day)
{
  g_return_if_fail (ESCALE_IS_WEEK_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->day = *day;
  show_week (self);
}

/**
 * escale_week_view_get_organization_id:
 *
 * Returns: the partner whose agenda is shown
 */
gint64
escale_week_view_get_organization_id (EscaleWeekView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEEK_VIEW (self), 0);

  return current_organization_id (self);
}

/**
 * escale_week_view_get_week:
 *
 * Returns: (transfer none): the week shown
 */
const EscaleWeek *
escale_week_view_get_week (EscaleWeekView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEEK_VIEW (self), NULL);

  return self->week;
}
