/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-local-time.h"
#include "escale-moment-row.h"

/* A row for one moment of an event: a day and a time of day, typed in the
 * event's own zone. The row knows no zone: whoever reads it says which. */
struct _EscaleMomentRow
{
  AdwActionRow  parent_instance;

  GtkEntry     *date_entry;
  GtkEntry     *time_entry;
};

G_DEFINE_FINAL_TYPE (EscaleMomentRow, escale_moment_row, ADW_TYPE_ACTION_ROW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_entry_changed (EscaleMomentRow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkEntry *
add_entry (EscaleMomentRow *self,
           int              width,
           const char      *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), entry);
  return GTK_ENTRY (entry);
}

/* The entries are named after the row: “Departure: date”. */
static void
on_title_changed (EscaleMomentRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the accessible name of a date field, after the row's title ("Starts") */
  g_autofree char *date = g_strdup_printf (_("%s: date"), title);
  /* Translators: the accessible name of a time field, after the row's title ("Starts") */
  g_autofree char *clock = g_strdup_printf (_("%s: time"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, date, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, clock, -1);
}

static void
escale_moment_row_class_init (EscaleMomentRowClass *klass)
{
  /**
   * EscaleMomentRow::changed:
   *
   * The day or the time was edited.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
}

static void
escale_moment_row_init (EscaleMomentRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  /* Translators: an example of a date, as the field expects it */
  self->date_entry = add_entry (self, 11, _("2026-05-14"));
  self->time_entry = add_entry (self, 6, "09:00");
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
  on_title_changed (self);
}

GtkWidget *
escale_moment_row_new (const char *title)
{
  return g_object_new (ESCALE_TYPE_MOMENT_ROW, "title", title, NULL);
}

/**
 * escale_moment_row_set_instant:
 * @instant: unix seconds, or 0 to empty the row
 */
void
escale_moment_row_set_instant (EscaleMomentRow *self,
                               gint64           instant,
                               GTimeZone       *zone)
{
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  g_return_if_fail (ESCALE_IS_MOMENT_ROW (self));

  if (instant != 0)
    {
      date = escale_local_time_format_date (instant, zone);
      clock = escale_local_time_format_clock (instant, zone);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), clock != NULL ? clock : "");
}

/**
 * escale_moment_row_get_instant:
 * @instant: (out): unix seconds, or 0 when both fields are empty
 *
 * Returns: whether the row is empty or names a moment in @zone
 */
gboolean
escale_moment_row_get_instant (EscaleMomentRow  *self,
                               GTimeZone        *zone,
                               gint64           *instant,
                               GError          **error)
{
  const char *date, *clock;

  g_return_val_if_fail (ESCALE_IS_MOMENT_ROW (self), FALSE);

  date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  clock = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  if (*date == '\0' && *clock == '\0')
    {
      *instant = 0;
      return TRUE;
    }

  return escale_local_time_parse (date, clock, zone, instant, error);
}
