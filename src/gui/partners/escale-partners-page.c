/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-csv-writer.h"
#include "escale-partner-editor.h"
#include "escale-partner-export.h"
#include "escale-partner-query.h"
#include "escale-partner-row.h"
#include "escale-partners-page.h"
#include "escale-window.h"

/* The partner directory: the repository's live list, filtered and sorted by
 * the core's EscalePartnerQuery and escale_partner_compare(), so that the
 * page shows exactly what `escale-cli partners list` prints. */
struct _EscalePartnersPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkBox             *filter_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *region_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkToggleButton    *archived_button;
  GtkStack           *content_stack;
  GtkListView        *list_view;

  /* Owned */
  EscaleContext      *context;
  EscalePartnerQuery *query;
  GtkFilter          *filter;
  GtkSorter          *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GDate               today;
  gboolean            folded;   /* the window is narrow; sections are one step back */
};

G_DEFINE_FINAL_TYPE (EscalePartnersPage, escale_partners_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const sort_labels[] = {
  [ESCALE_PARTNER_SORT_NAME] = N_("Name"),
  [ESCALE_PARTNER_SORT_REGION] = N_("Region"),
  [ESCALE_PARTNER_SORT_NEXT_DUE] = N_("Next step due"),
  [ESCALE_PARTNER_SORT_RECENTLY_UPDATED] = N_("Recently updated"),
};

static gboolean
filter_partner (gpointer item,
                gpointer user_data)
{
  EscalePartnersPage *self = user_data;

  return escale_partner_query_matches (self->query, item);
}

static int
sort_partners (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  EscalePartnersPage *self = user_data;

  return escale_partner_compare ((EscalePartner *) a, (EscalePartner *) b,
                                 (EscalePartnerSort) gtk_drop_down_get_selected (self->sort_dropdown));
}

static void
update_content (EscalePartnersPage *self)
{
  GListModel *all = escale_partner_repository_get_partners (escale_context_get_partners (self->context));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *subtitle = NULL;

  if (g_list_model_get_n_items (all) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  subtitle = g_strdup_printf (ngettext ("%u partner", "%u partners", shown), shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
refilter (EscalePartnersPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_content (self);
}

static EscaleWindow *
get_window (EscalePartnersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ESCALE_IS_WINDOW (root) ? ESCALE_WINDOW (root) : NULL;
}

static void
on_undo_delete_clicked (AdwToast           *toast,
                        EscalePartnersPage *self)
{
  EscalePartner *partner = g_object_get_data (G_OBJECT (toast), "partner");
  g_autoptr(GError) error = NULL;

  if (!escale_partner_repository_restore (escale_context_get_partners (self->context), partner, &error))
    escale_window_add_toast (get_window (self), adw_toast_new (error->message));
}

static void
on_editor_deleted (EscalePartnerEditor *editor,
                   EscalePartner       *partner,
                   EscalePartnersPage  *self)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: a partner's name */
  title = g_strdup_printf (_("“%s” deleted"), escale_partner_get_name (partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "partner", g_object_ref (partner), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);

  escale_window_add_toast (get_window (self), toast);
}

static void
open_editor (EscalePartnersPage *self,
             EscalePartner      *partner)
{
  EscalePartnerEditor *editor = escale_partner_editor_new (self->context, partner);

  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_editor_deleted), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_list_view_activate (GtkListView        *list_view,
                       guint               position,
                       EscalePartnersPage *self)
{
  g_autoptr(EscalePartner) partner = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  open_editor (self, partner);
}

static void
on_search_entry_search_changed (GtkSearchEntry     *entry,
                                EscalePartnersPage *self)
{
  if (escale_partner_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (entry))))
    refilter (self);
}

static void
on_filter_changed (EscalePartnersPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  gboolean changed = FALSE;

  if (self->context == NULL)
    return;

  /* Position 0 of both menus means "all". */
  changed |= escale_partner_query_set_kind (self->query, kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1);

  if (region == 0 || region == GTK_INVALID_LIST_POSITION)
    {
      changed |= escale_partner_query_set_region (self->query, NULL);
    }
  else
    {
      GListModel *regions = escale_region_repository_get_regions (escale_context_get_regions (self->context));
      g_autoptr(EscaleRegion) chosen = g_list_model_get_item (regions, region - 1);

      changed |= escale_partner_query_set_region (self->query, escale_region_get_code (chosen));
    }

  changed |= escale_partner_query_set_with_archived (self->query, gtk_toggle_button_get_active (self->archived_button));

  if (changed)
    refilter (self);
}

static void
on_sort_changed (EscalePartnersPage *self)
{
  if (self->sorter != NULL)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_filtered_items_changed (EscalePartnersPage *self)
{
  update_content (self);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  EscalePartnersPage       *self)
{
  gtk_list_item_set_child (item, escale_partner_row_new (escale_context_get_regions (self->context)));
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EscalePartnersPage       *self)
{
  escale_partner_row_bind (ESCALE_PARTNER_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item),
                           &self->today);
}

static void
show_export_outcome (EscalePartnersPage *self,
                     guint               n_partners,
                     const GError       *error)
{
  EscaleWindow *window = get_window (self);
  g_autofree char *message = NULL;

  if (error != NULL)
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  else
    message = g_strdup_printf (ngettext ("Exported %u partner", "Exported %u partners", n_partners), n_partners);

  /* The window may have been closed while the file was written. */
  if (window != NULL)
    escale_window_add_toast (window, adw_toast_new (message));
}

/* What the toast reports once the file is written. */
typedef struct
{
  EscalePartnersPage *page;
  guint               n_partners;
} ExportRequest;

static void
on_export_written (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  escale_partner_export_csv_file_finish (result, &error);
  show_export_outcome (request->page, request->n_partners, error);

  g_object_unref (request->page);
  g_free (request);
}

static void
on_export_response (GtkNativeDialog    *dialog,
                    int                 response,
                    EscalePartnersPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  ExportRequest *request;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("choose a folder on this computer"));

      show_export_outcome (self, 0, error);
      goto out;
    }

  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (self);
  request->n_partners = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  escale_partner_export_csv_file_async (G_LIST_MODEL (self->sorted),
                                        escale_context_get_regions (self->context),
                                        path,
                                        escale_csv_separator_for_locale (),
                                        NULL,
                                        on_export_written,
                                        request);

out:
  g_object_unref (dialog);
}

static void
on_export_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscalePartnersPage *self = ESCALE_PARTNERS_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Partners"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv_filter, _("Spreadsheet (CSV)"));
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter);
  /* Translators: the suggested file name of a partner export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("partners.csv"));

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (ESCALE_PARTNERS_PAGE (widget), NULL);
}

static void
on_search_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscalePartnersPage *self = ESCALE_PARTNERS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
escale_partners_page_dispose (GObject *object)
{
  EscalePartnersPage *self = (EscalePartnersPage *)object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTNERS_PAGE);
  /* GTK 4.8 leaves the template's unnamed root child in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_partners_page_parent_class)->dispose (object);
}

static void
escale_partners_page_finalize (GObject *object)
{
  EscalePartnersPage *self = (EscalePartnersPage *)object;

  g_clear_pointer (&self->query, escale_partner_query_free);

  G_OBJECT_CLASS (escale_partners_page_parent_class)->finalize (object);
}

static void
escale_partners_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EscalePartnersPage *self = ESCALE_PARTNERS_PAGE (object);

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
escale_partners_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EscalePartnersPage *self = ESCALE_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          /* Narrow, the filters go under the search entry, which keeps
           * room for what people type. */
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
escale_partners_page_class_init (EscalePartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_partners_page_dispose;
  object_class->finalize = escale_partners_page_finalize;
  object_class->get_property = escale_partners_page_get_property;
  object_class->set_property = escale_partners_page_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/partners/escale-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, archived_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);

  gtk_widget_class_install_action (widget_class, "partners.new", NULL, on_new_activated);
  gtk_widget_class_install_action (widget_class, "partners.search", NULL, on_search_activated);
  gtk_widget_class_install_action (widget_class, "partners.export", NULL, on_export_activated);
}

static void
escale_partners_page_init (EscalePartnersPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);
  g_autofree char *today = escale_calendar_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = escale_partner_query_new ();
  escale_calendar_date_parse (today, &self->today);

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < ESCALE_N_PARTNER_KINDS; i++)
    gtk_string_list_append (kinds, escale_partner_kind_get_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  for (guint i = 0; i < G_N_ELEMENTS (sort_labels); i++)
    gtk_string_list_append (sorts, _(sort_labels[i]));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
}

/**
 * escale_partners_page_set_context:
 *
 * Binds the page to the partners of an open database. Called once.
 */
void
escale_partners_page_set_context (EscalePartnersPage *self,
                                  EscaleContext      *context)
{
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSingleSelection *selection;
  GListModel *regions;
  guint n;

  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  g_return_if_fail (ESCALE_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);

  regions = escale_region_repository_get_regions (escale_context_get_regions (context));
  n = g_list_model_get_n_items (regions);
  gtk_string_list_append (region_names, _("All regions"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);

      gtk_string_list_append (region_names, escale_region_get_name (region));
    }
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (region_names));

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_partner, self, NULL));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (sort_partners, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (escale_partner_repository_get_partners (escale_context_get_partners (context))),
                                              g_object_ref (self->filter));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), g_object_ref (self->sorter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_filtered_items_changed), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind), self, 0);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_content (self);
}
