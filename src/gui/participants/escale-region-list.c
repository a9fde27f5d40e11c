/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-region.h"
#include "escale-region-list.h"

/* A participant's regions of interest in order of preference: one row per
 * region with buttons to move it up or down or remove it, and a menu to add
 * another. Every button can be reached with the keyboard, and focus stays
 * on the region that moved. */
struct _EscaleRegionList
{
  AdwBin       parent_instance;

  /* Children */
  GtkListBox  *list;
  AdwComboRow *add_row;

  /* Owned */
  GListModel  *regions;
  GPtrArray   *codes;     /* chosen, in order */
  GPtrArray   *addable;   /* the codes behind the menu, after its first item */
  GPtrArray   *rows;      /* borrowed, one per chosen code */
  char        *pending_code;
  guint        add_source;

  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (EscaleRegionList, escale_region_list, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  BUTTON_UP,
  BUTTON_DOWN,
  BUTTON_REMOVE,
  N_BUTTONS
} RowButton;

static const char * const button_keys[N_BUTTONS] = { "up", "down", "remove" };

static const char *
get_name (EscaleRegionList *self,
          const char       *code)
{
  guint n = self->regions != NULL ? g_list_model_get_n_items (self->regions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (self->regions, i);

      if (g_str_equal (escale_region_get_code (region), code))
        return escale_region_get_name (region);
    }

  return code;
}

static void rebuild (EscaleRegionList *self);

static void
focus_button (EscaleRegionList *self,
              guint             position,
              RowButton         preferred,
              RowButton         fallback)
{
  GtkWidget *row;
  GtkWidget *button;

  if (position >= self->rows->len)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
      return;
    }

  row = g_ptr_array_index (self->rows, position);
  button = g_object_get_data (G_OBJECT (row), button_keys[preferred]);
  if (!gtk_widget_get_sensitive (button))
    button = g_object_get_data (G_OBJECT (row), button_keys[fallback]);
  gtk_widget_grab_focus (button);
}

static void
on_button_clicked (GtkButton        *button,
                   EscaleRegionList *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  RowButton which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "which"));
  gpointer moved;
  guint other;

  g_assert (position < self->codes->len);

  switch (which)
    {
    case BUTTON_UP:
    case BUTTON_DOWN:
      other = which == BUTTON_UP ? position - 1 : position + 1;
      g_assert (other < self->codes->len);
      moved = self->codes->pdata[position];
      self->codes->pdata[position] = self->codes->pdata[other];
      self->codes->pdata[other] = moved;
      rebuild (self);
      focus_button (self, other, which, which == BUTTON_UP ? BUTTON_DOWN : BUTTON_UP);
      break;
    case BUTTON_REMOVE:
      g_ptr_array_remove_index (self->codes, position);
      rebuild (self);
      focus_button (self, position, BUTTON_REMOVE, BUTTON_REMOVE);
      break;
    case N_BUTTONS:
    default:
      g_assert_not_reached ();
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
add_button (EscaleRegionList *self,
            AdwActionRow     *row,
            guint             position,
            RowButton         which)
{
  static const char * const icons[N_BUTTONS] = { "go-up-symbolic", "go-down-symbolic", "user-trash-symbolic" };
  const char *labels[N_BUTTONS] = { _("Move Up"), _("Move Down"), _("Remove Region") };
  GtkWidget *button = gtk_button_new_from_icon_name (icons[which]);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, labels[which]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[which], -1);
  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (button), "which", GUINT_TO_POINTER (which));
  g_signal_connect (button, "clicked", G_CALLBACK (on_button_clicked), self);
  adw_action_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (row), button_keys[which], button);

  return button;
}

static void
update_menu (EscaleRegionList *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->regions != NULL ? g_list_model_get_n_items (self->regions) : 0;

  g_ptr_array_set_size (self->addable, 0);
  gtk_string_list_append (names, _("Choose a region"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (self->regions, i);
      const char *code = escale_region_get_code (region);

      if (g_ptr_array_find_with_equal_func (self->codes, code, g_str_equal, NULL))
        continue;

      g_ptr_array_add (self->addable, g_strdup (code));
      gtk_string_list_append (names, escale_region_get_name (region));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->add_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->add_row, 0);
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), self->addable->len > 0);
}

static void
rebuild (EscaleRegionList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->codes->len; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      GtkWidget *rank_label = gtk_label_new (rank);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), get_name (self, g_ptr_array_index (self->codes, i)));
      gtk_widget_add_css_class (rank_label, "dim-label");
      gtk_widget_add_css_class (rank_label, "numeric");
      adw_action_row_add_prefix (row, rank_label);

      gtk_widget_set_sensitive (add_button (self, row, i, BUTTON_UP), i > 0);
      gtk_widget_set_sensitive (add_button (self, row, i, BUTTON_DOWN), i + 1 < self->codes->len);
      add_button (self, row, i, BUTTON_REMOVE);

      gtk_list_box_insert (self->list, GTK_WIDGET (row), i);
      g_ptr_array_add (self->rows, row);
    }

  update_menu (self);
}

static gboolean
add_pending (gpointer data)
{
  EscaleRegionList *self = data;

  self->add_source = 0;
  if (self->pending_code == NULL)
    return G_SOURCE_REMOVE;

  g_ptr_array_add (self->codes, g_steal_pointer (&self->pending_code));
  rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* The menu is rebuilt without the region just chosen, but not while it is
 * still telling its own selection model about the choice: that would free
 * the model under it. */
static void
on_add_row_selected (EscaleRegionList *self)
{
  guint selected = adw_combo_row_get_selected (self->add_row);

  if (self->updating || selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->addable->len)
    return;

  g_free (self->pending_code);
  self->pending_code = g_strdup (g_ptr_array_index (self->addable, selected - 1));
  if (self->add_source == 0)
    self->add_source = g_idle_add (add_pending, self);
}

static void
escale_region_list_dispose (GObject *object)
{
  EscaleRegionList *self = (EscaleRegionList *)object;

  g_clear_handle_id (&self->add_source, g_source_remove);
  g_clear_pointer (&self->pending_code, g_free);
  g_clear_object (&self->regions);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->addable, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_region_list_parent_class)->dispose (object);
}

static void
escale_region_list_class_init (EscaleRegionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_region_list_dispose;

  /**
   * EscaleRegionList::changed:
   *
   * A region was added, moved or removed by the user.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_region_list_init (EscaleRegionList *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->addable = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Regions of interest"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));

  self->add_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add a region"));
  g_signal_connect_swapped (self->add_row, "notify::selected", G_CALLBACK (on_add_row_selected), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->add_row));

  update_menu (self);
}

/**
 * escale_region_list_set_regions:
 * @regions: (element-type EscaleRegion): the regions to choose from
 */
void
escale_region_list_set_regions (EscaleRegionList *self,
                                GListModel       *regions)
{
  g_return_if_fail (ESCALE_IS_REGION_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (regions));

  g_set_object (&self->regions, regions);
  rebuild (self);
}

/**
 * escale_region_list_set_codes:
 * @codes: (nullable): region codes in order of preference
 */
void
escale_region_list_set_codes (EscaleRegionList   *self,
                              const char * const *codes)
{
  g_return_if_fail (ESCALE_IS_REGION_LIST (self));

  g_clear_handle_id (&self->add_source, g_source_remove);
  g_clear_pointer (&self->pending_code, g_free);
  g_ptr_array_set_size (self->codes, 0);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_ptr_array_add (self->codes, g_strdup (codes[i]));

  rebuild (self);
}

/**
 * escale_region_list_dup_text:
 *
 * Returns: (transfer full): the chosen codes in order, as the participant
 *   form reads them: "02, 08"
 */
char *
escale_region_list_dup_text (EscaleRegionList *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (ESCALE_IS_REGION_LIST (self), NULL);

  for (guint i = 0; i < self->codes->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (self->codes, i));
  /* A region chosen an instant ago is chosen. */
  if (self->pending_code != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->pending_code);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
