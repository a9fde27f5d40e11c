/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-enums.h"
#include "escale-event-editor-private.h"
#include "escale-field-rows.h"
#include "escale-local-time.h"
#include "escale-participant-choices.h"
#include "escale-validation.h"

/* The fields of the Event page. Every change is moved into the edited copy
 * at once when it reads well, so that the plan checks follow the typing;
 * what does not read well is pointed out under its field once the
 * counsellor has tried to save, and from then on as they type. */

/* The zones Québec's events happen in, first the one most of them use. */
static const struct {
  const char *tzid;
  const char *label;
} zones[] = {
  { ESCALE_DEFAULT_TZID, N_("Eastern time (Montréal, most of Québec)") },
  { "America/Halifax", N_("Atlantic time (Îles-de-la-Madeleine)") },
  { "America/Blanc-Sablon", N_("Atlantic time without daylight saving (Basse-Côte-Nord)") },
};

static const char *text_fields[] = { "organizer", "presenters", "place-name", "address", "online-url" };

static AdwEntryRow *
text_row (EscaleEventEditor *self,
          guint              field)
{
  AdwEntryRow *rows[] = { self->organizer_row, self->presenters_row, self->place_row, self->address_row,
                          self->online_row };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (text_fields));
  return rows[field];
}

static GtkStringList *
choice_labels (GType enum_type)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < escale_choice_get_count (enum_type); i++)
    gtk_string_list_append (labels, escale_choice_get_label (enum_type, i));
  return labels;
}

static GListModel *
get_regions (EscaleEventEditor *self)
{
  return escale_region_repository_get_regions (escale_context_get_regions (self->context));
}

static void
on_buffer_changed (EscaleEventEditor *self)
{
  _escale_event_editor_mark_modified (self);
}

void
_escale_event_editor_fields_init (EscaleEventEditor *self)
{
  g_autoptr(GtkStringList) kinds = choice_labels (ESCALE_TYPE_EVENT_KIND);
  g_autoptr(GtkStringList) statuses = choice_labels (ESCALE_TYPE_EVENT_STATUS);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  GListModel *regions = get_regions (self);
  GtkTextView *views[] = { self->description_view, self->materials_view, self->notes_view };

  /* The menus announce their first selection as they get a model. */
  self->filling = TRUE;

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  gtk_string_list_append (region_names, _("No region"));
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);

      gtk_string_list_append (region_names, escale_region_get_name (region));
    }
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed", G_CALLBACK (on_buffer_changed), self,
                             G_CONNECT_SWAPPED);
  _escale_event_editor_series_init (self);

  self->filling = FALSE;
}

static void
fill_zones (EscaleEventEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *tzid = escale_event_get_tzid (self->event);
  guint selected = G_N_ELEMENTS (zones);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      gtk_string_list_append (labels, _(zones[i].label));
      if (g_strcmp0 (tzid, zones[i].tzid) == 0)
        selected = i;
    }

  /* A zone from elsewhere (an imported event) stays as it is. */
  if (selected == G_N_ELEMENTS (zones))
    gtk_string_list_append (labels, tzid);

  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->zone_row, selected);
}

static void
fill_text_view (GtkTextView *view,
                const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

void
_escale_event_editor_fields_fill (EscaleEventEditor *self)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (self->event);
  const char *region_code = escale_event_get_region_code (self->event);
  GListModel *regions = get_regions (self);
  guint region = 0;
  double latitude, longitude;
  int capacity;

  self->filling = TRUE;

  escale_entry_row_set_text (self->title_row, escale_event_get_title (self->event));
  adw_combo_row_set_selected (self->kind_row, escale_event_get_kind (self->event));
  adw_combo_row_set_selected (self->status_row, escale_event_get_status (self->event));
  for (guint i = 0; region_code != NULL && i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(EscaleRegion) item = g_list_model_get_item (regions, i);

      if (g_strcmp0 (escale_region_get_code (item), region_code) == 0)
        region = i + 1;
    }
  adw_combo_row_set_selected (self->region_row, region);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    escale_entry_row_set_text (text_row (self, i), escale_event_get_text (self->event, text_fields[i]));

  escale_moment_row_set_instant (self->starts_row, escale_event_get_starts_at (self->event), zone);
  escale_moment_row_set_instant (self->ends_row, escale_event_get_ends_at (self->event), zone);
  fill_zones (self);
  escale_entry_row_set_text (self->deadline_row, escale_event_get_text (self->event, "registration-deadline"));

  if (escale_event_get_coordinates (self->event, &latitude, &longitude))
    {
      g_autofree char *text = g_strdup_printf ("%.5f, %.5f", latitude, longitude);

      escale_entry_row_set_text (self->coordinates_row, text);
    }
  else
    escale_entry_row_set_text (self->coordinates_row, NULL);

  capacity = escale_event_get_capacity (self->event);
  if (capacity >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", capacity);

      escale_entry_row_set_text (self->capacity_row, text);
    }
  else
    escale_entry_row_set_text (self->capacity_row, NULL);

  fill_text_view (self->description_view, escale_event_get_text (self->event, "description"));
  fill_text_view (self->materials_view, escale_event_get_text (self->event, "materials"));
  fill_text_view (self->notes_view, escale_event_get_text (self->event, "internal-notes"));
  _escale_event_editor_series_fill (self);

  self->filling = FALSE;
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* NULL for an empty or blank field: the model stores no empty strings. */
static char *
dup_editable_text (gpointer editable)
{
  return escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

static void
show_message (AdwActionRow *row,
              gboolean      show,
              const char   *message)
{
  escale_field_message_row_show (row, show ? message : NULL);
}

/* The start and the end, each a day and a time in the event's zone. */
static gboolean
apply_times (EscaleEventEditor *self,
             gboolean           show_messages)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (self->event);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 starts_at, ends_at;

  if (!escale_moment_row_get_instant (self->starts_row, zone, &starts_at, &error))
    /* Translators: what is wrong with the start of an event */
    message = g_strdup_printf (_("Start: %s"), error->message);
  else if (!escale_moment_row_get_instant (self->ends_row, zone, &ends_at, &error))
    /* Translators: what is wrong with the end of an event */
    message = g_strdup_printf (_("End: %s"), error->message);
  else if (starts_at == 0 || ends_at == 0)
    message = g_strdup (_("Start and end: choose when the event takes place"));
  else if (ends_at < starts_at)
    message = g_strdup (_("End: the event ends before it starts"));

  show_message (self->times_message, show_messages, message);
  if (message != NULL)
    return FALSE;

  escale_event_set_times (self->event, starts_at, ends_at);
  return TRUE;
}

static gboolean
apply_coordinates (EscaleEventEditor *self,
                   gboolean           show_messages)
{
  g_autoptr(GError) error = NULL;
  gboolean present;
  double latitude, longitude;

  if (!escale_parse_coordinates (gtk_editable_get_text (GTK_EDITABLE (self->coordinates_row)), &present, &latitude,
                                 &longitude, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Coordinates: %s"), error->message);

      show_message (self->coordinates_message, show_messages, message);
      return FALSE;
    }

  if (present)
    escale_event_set_coordinates (self->event, latitude, longitude);
  else
    escale_event_clear_coordinates (self->event);
  show_message (self->coordinates_message, FALSE, NULL);
  return TRUE;
}

static gboolean
apply_capacity (EscaleEventEditor *self,
                gboolean           show_messages)
{
  g_autofree char *text = dup_editable_text (self->capacity_row);
  guint64 capacity = 0;

  if (text != NULL && (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &capacity, NULL)))
    {
      show_message (self->capacity_message, show_messages,
                    _("Capacity: write a number of seats, or leave it empty for no limit"));
      return FALSE;
    }

  escale_event_set_capacity (self->event, text != NULL ? (int) capacity : -1);
  show_message (self->capacity_message, FALSE, NULL);
  return TRUE;
}

static gboolean
apply_deadline (EscaleEventEditor *self,
                gboolean           show_messages)
{
  g_autofree char *text = dup_editable_text (self->deadline_row);
  GDate date;

  if (text != NULL && !escale_calendar_date_parse (text, &date))
    {
      show_message (self->deadline_message, show_messages,
                    _("Registration deadline: enter the date as year-month-day, such as 2024-03-15"));
      return FALSE;
    }

  escale_event_set_text (self->event, "registration-deadline", text);
  show_message (self->deadline_message, FALSE, NULL);
  return TRUE;
}

/* Moves what reads well into the edited copy.
 *
 * Returns: whether every field reads well */
gboolean
_escale_event_editor_fields_apply (EscaleEventEditor *self,
                                   gboolean           show_messages)
{
  g_autofree char *title = dup_editable_text (self->title_row);
  guint region = adw_combo_row_get_selected (self->region_row);
  guint zone = adw_combo_row_get_selected (self->zone_row);
  const char *texts[] = { "description", "materials", "internal-notes" };
  GtkTextView *views[] = { self->description_view, self->materials_view, self->notes_view };
  gboolean ok = TRUE;

  show_message (self->title_message, show_messages && title == NULL, _("Title: give the event a title"));
  ok &= title != NULL;
  if (title != NULL)
    escale_event_set_text (self->event, "title", title);

  escale_event_set_kind (self->event, adw_combo_row_get_selected (self->kind_row));
  escale_event_set_status (self->event, adw_combo_row_get_selected (self->status_row));

  if (region == 0 || region == GTK_INVALID_LIST_POSITION)
    escale_event_set_text (self->event, "region-code", NULL);
  else
    {
      g_autoptr(EscaleRegion) chosen = g_list_model_get_item (get_regions (self), region - 1);

      escale_event_set_text (self->event, "region-code", escale_region_get_code (chosen));
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = dup_editable_text (text_row (self, i));

      escale_event_set_text (self->event, text_fields[i], text);
    }

  /* The zone first: the times are read in it. */
  if (zone < G_N_ELEMENTS (zones))
    escale_event_set_text (self->event, "tzid", zones[zone].tzid);
  ok &= apply_times (self, show_messages);
  ok &= apply_deadline (self, show_messages);
  ok &= apply_coordinates (self, show_messages);
  ok &= apply_capacity (self, show_messages);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *text = dup_text_view (views[i]);

      /* Paragraphs keep their lines; only a blank text is no text. */
      escale_event_set_text (self->event, texts[i], *g_strstrip (text) != '\0' ? text : NULL);
    }

  /* Last: a series counts from the start just read. */
  ok &= _escale_event_editor_series_apply (self, show_messages);
  return ok;
}
