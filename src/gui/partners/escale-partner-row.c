/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-partner-row.h"

/* One partner in the directory list: name, kind and place, and a badge when
 * a next step is due this week or overdue, so that the list itself says what
 * to do. */
struct _EscalePartnerRow
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkLabel               *name_label;
  GtkLabel               *details_label;
  GtkLabel               *archived_label;
  GtkLabel               *due_label;

  /* Owned */
  EscaleRegionRepository *regions;
};

G_DEFINE_FINAL_TYPE (EscalePartnerRow, escale_partner_row, GTK_TYPE_WIDGET)

static void
escale_partner_row_dispose (GObject *object)
{
  EscalePartnerRow *self = (EscalePartnerRow *)object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTNER_ROW);
  /* GTK 4.8 leaves the template's unnamed root child in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (escale_partner_row_parent_class)->dispose (object);
}

static void
escale_partner_row_class_init (EscalePartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_partner_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/partners/escale-partner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerRow, archived_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnerRow, due_label);
}

static void
escale_partner_row_init (EscalePartnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
escale_partner_row_new (EscaleRegionRepository *regions)
{
  EscalePartnerRow *self = g_object_new (ESCALE_TYPE_PARTNER_ROW, NULL);

  self->regions = g_object_ref (regions);
  return GTK_WIDGET (self);
}

/**
 * escale_partner_row_bind:
 * @today: the day that decides whether a next step is due this week
 */
void
escale_partner_row_bind (EscalePartnerRow *self,
                         EscalePartner    *partner,
                         const GDate      *today)
{
  EscaleInteraction *next;
  EscaleRegion *region;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *city;

  g_return_if_fail (ESCALE_IS_PARTNER_ROW (self));
  g_return_if_fail (ESCALE_IS_PARTNER (partner));

  gtk_label_set_label (self->name_label, escale_partner_get_name (partner));

  region = escale_region_repository_lookup (self->regions, escale_partner_get_region_code (partner));
  city = escale_partner_get_city (partner);
  g_string_append (details, escale_partner_kind_get_label (escale_partner_get_kind (partner)));
  if (city != NULL)
    g_string_append_printf (details, " · %s", city);
  /* "Montréal, Montréal" says nothing more than "Montréal". */
  if (region != NULL && g_strcmp0 (city, escale_region_get_name (region)) != 0)
    g_string_append_printf (details, city != NULL ? ", %s" : " · %s", escale_region_get_name (region));
  gtk_label_set_label (self->details_label, details->str);

  gtk_widget_set_visible (GTK_WIDGET (self->archived_label), escale_partner_get_archived (partner));

  next = escale_partner_get_next_action (partner);
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "accent");

  switch (next != NULL ? escale_due_state_classify (escale_interaction_get_due_on (next), today)
                       : ESCALE_DUE_STATE_NONE)
    {
    case ESCALE_DUE_STATE_OVERDUE:
      gtk_label_set_label (self->due_label, _("Overdue"));
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
      break;

    case ESCALE_DUE_STATE_THIS_WEEK:
      gtk_label_set_label (self->due_label, _("This week"));
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "accent");
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
      break;

    case ESCALE_DUE_STATE_NONE:
    case ESCALE_DUE_STATE_LATER:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);
      break;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_label),
                               next != NULL ? escale_interaction_get_next_step (next) : NULL);
}
