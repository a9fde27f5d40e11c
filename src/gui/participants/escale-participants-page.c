/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-csv-writer.h"
#include "escale-enums.h"
#include "escale-participant-editor.h"
#include "escale-participant-export.h"
#include "escale-participant-import-dialog.h"
#include "escale-participant-list.h"
#include "escale-participants-page.h"
#include "escale-window.h"

/* Up to 100,000 people: the column view shows an EscaleParticipantList,
 * which keeps the ids the database found and reads the rows on screen a
 * page at a time. Search, filters and sorting are one query; nothing here
 * visits every participant. Immigration status and household, which are
 * sensitive, can filter the list but are never shown in it. */
struct _EscaleParticipantsPage
{
  GtkWidget              parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkBox                *filter_bar;   /* the menus, under the search entry */
  GtkSearchEntry        *search_entry;
  GtkDropDown           *status_dropdown;
  GtkDropDown           *region_dropdown;
  GtkDropDown           *consent_dropdown;
  GtkDropDown           *follow_up_dropdown;
  GtkStack              *content_stack;
  GtkColumnView         *column_view;

  /* Owned */
  EscaleContext         *context;
  EscaleParticipantList *list;
  GObject               *probes[2]; /* two items to ask the view's sorter about */
  GDate                  today;
  gboolean               folded;

  /* Set while the view's sorter is asked which column sorts */
  int                    probed_sort;
};

G_DEFINE_FINAL_TYPE (EscaleParticipantsPage, escale_participants_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_NAME,
  COLUMN_PHONE,
  COLUMN_CITY,
  COLUMN_OCCUPATION,
  COLUMN_REGIONS,
  COLUMN_CONSENT,
  COLUMN_FOLLOW_UP,
} Column;

/* The widths fit a 1,100-pixel window; wider, the columns that expand
 * share the room, narrower, the list scrolls sideways. */
static const struct
{
  const char *title;
  int         sort;       /* an EscaleParticipantSort, or -1 */
  int         width;
  gboolean    expand;
  const char *property;   /* of EscaleParticipantSummary; the name shows the email too */
} columns[] = {
  [COLUMN_NAME] = { N_("Name"), ESCALE_PARTICIPANT_SORT_NAME, 190, TRUE, "sort-name" },
  [COLUMN_PHONE] = { N_("Phone"), -1, 112, FALSE, "phone" },
  [COLUMN_CITY] = { N_("City"), ESCALE_PARTICIPANT_SORT_CITY, 95, FALSE, "city" },
  [COLUMN_OCCUPATION] = { N_("Occupation"), -1, 125, TRUE, "occupation" },
  [COLUMN_REGIONS] = { N_("Regions of interest"), -1, 110, TRUE, "regions" },
  [COLUMN_CONSENT] = { N_("Consent"), -1, 110, FALSE, "has-consent" },
  [COLUMN_FOLLOW_UP] = { N_("Next follow-up"), ESCALE_PARTICIPANT_SORT_NEXT_FOLLOW_UP, 115, FALSE, "next-follow-up" },
};

static EscaleWindow *
get_window (EscaleParticipantsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ESCALE_IS_WINDOW (root) ? ESCALE_WINDOW (root) : NULL;
}

static void
show_message (EscaleParticipantsPage *self,
              const char             *message)
{
  EscaleWindow *window = get_window (self);

  if (window != NULL)
    escale_window_add_toast (window, adw_toast_new (message));
}

static void
update_content (EscaleParticipantsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *subtitle = NULL;

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (escale_participant_repository_count (escale_context_get_participants (self->context)) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");

  subtitle = g_strdup_printf (ngettext ("%u participant", "%u participants", shown), shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* GTK 4.8 cannot tell which column the user sorts by. Each sortable
 * column has a sorter that, asked to compare, notes its column and puts
 * the first probe first: asking the view's sorter to compare the two
 * probes reaches the primary column first, and the view reverses the
 * answer when that column sorts down. */
typedef struct
{
  EscaleParticipantsPage *page;
  int                     sort;
} ColumnSort;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnSort *column_sort = user_data;

  if (column_sort->page->probed_sort < 0)
    column_sort->page->probed_sort = column_sort->sort;
  return a == column_sort->page->probes[0] ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static void
read_query (EscaleParticipantsPage *self,
            EscaleParticipantQuery *query)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  guint consent = gtk_drop_down_get_selected (self->consent_dropdown);
  guint follow_up = gtk_drop_down_get_selected (self->follow_up_dropdown);
  GtkOrdering ordering;

  escale_participant_query_init (query);
  query->text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Item 0 of each menu means "all"; the statuses follow in their order,
   * "Not known" last. */
  if (status != 0 && status != GTK_INVALID_LIST_POSITION)
    query->status = status < escale_choice_get_count (ESCALE_TYPE_IMMIGRATION_STATUS) ? (int) status : 0;

  if (region != 0 && region != GTK_INVALID_LIST_POSITION)
    {
      GListModel *regions = escale_region_repository_get_regions (escale_context_get_regions (self->context));
      g_autoptr(EscaleRegion) chosen = g_list_model_get_item (regions, region - 1);

      query->region_code = escale_region_get_code (chosen);
    }

  if (consent == 1)
    query->consent = ESCALE_CONSENT_FILTER_GIVEN;
  else if (consent == 2)
    query->consent = ESCALE_CONSENT_FILTER_MISSING;

  if (follow_up == 1)
    query->follow_up = ESCALE_FOLLOW_UP_FILTER_DUE;
  else if (follow_up == 2)
    query->follow_up = ESCALE_FOLLOW_UP_FILTER_OVERDUE;

  self->probed_sort = -1;
  ordering = sorter != NULL ? gtk_sorter_compare (sorter, self->probes[0], self->probes[1]) : GTK_ORDERING_EQUAL;
  if (self->probed_sort >= 0)
    {
      query->sort = self->probed_sort;
      query->descending = ordering == GTK_ORDERING_LARGER;
    }
}

static void
run_query (EscaleParticipantsPage *self)
{
  /* The region code belongs to the region list, which outlives the query. */
  EscaleParticipantQuery query;
  g_autoptr(GError) error = NULL;

  /* The menus announce their first selection while the page is built. */
  if (self->list == NULL)
    return;

  read_query (self, &query);
  if (!escale_participant_list_set_query (self->list, &query, &error))
    show_message (self, error->message);

  update_content (self);
}

static void
on_undo_delete_clicked (AdwToast               *toast,
                        EscaleParticipantsPage *self)
{
  EscaleParticipant *participant = g_object_get_data (G_OBJECT (toast), "participant");
  g_autoptr(GError) error = NULL;

  if (!escale_participant_repository_restore (escale_context_get_participants (self->context), participant, &error))
    show_message (self, error->message);
}

static void
on_editor_deleted (EscaleParticipantEditor *editor,
                   EscaleParticipant       *participant,
                   EscaleParticipantsPage  *self)
{
  g_autofree char *name = escale_participant_dup_display_name (participant);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: a person's name */
  title = g_strdup_printf (_("The file of %s was deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "participant", g_object_ref (participant), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);

  if (get_window (self) != NULL)
    escale_window_add_toast (get_window (self), toast);
}

static void
open_editor (EscaleParticipantsPage *self,
             gint64                  id)
{
  EscaleParticipantEditor *editor = escale_participant_editor_new (self->context, id);

  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_editor_deleted), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_column_view_activate (GtkColumnView          *column_view,
                         guint                   position,
                         EscaleParticipantsPage *self)
{
  open_editor (self, escale_participant_list_get_id (self->list, position));
}

static void
on_search_entry_search_changed (GtkSearchEntry         *entry,
                                EscaleParticipantsPage *self)
{
  run_query (self);
}

static void
on_filter_changed (EscaleParticipantsPage *self)
{
  run_query (self);
}

static void
on_sorter_changed (EscaleParticipantsPage *self)
{
  run_query (self);
}

static void
on_list_items_changed (EscaleParticipantsPage *self)
{
  update_content (self);
}

/* Cells are GtkInscriptions, which GTK made for the cells of long lists:
 * they do not measure their text, where a GtkLabel lays it out to ask for
 * its size. One line each, centred in the row: given the height of a row,
 * an inscription would wrap long text over two lines before ellipsizing. */
static GtkWidget *
cell_text_new (void)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), 1);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  return text;
}

/* One factory per column: a text filled from the row's summary; the name
 * has the email under it. */
static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *text = cell_text_new ();

  g_object_set_data (G_OBJECT (item), "page", g_object_get_data (G_OBJECT (factory), "page"));
  g_object_set_data (G_OBJECT (item), "column", user_data);

  if (GPOINTER_TO_UINT (user_data) == COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *email = cell_text_new ();

      gtk_widget_add_css_class (email, "dim-label");
      gtk_widget_add_css_class (email, "caption");
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), email);
      gtk_list_item_set_child (item, box);
      return;
    }

  gtk_list_item_set_child (item, text);
}

static char *
region_names (EscaleParticipantsPage *self,
              const char             *codes)
{
  g_auto(GStrv) split = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (codes == NULL)
    return NULL;

  split = g_strsplit (codes, ", ", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      EscaleRegion *region = escale_region_repository_lookup (escale_context_get_regions (self->context), split[i]);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", region != NULL ? escale_region_get_name (region) : split[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
update_cell (GtkListItem *item)
{
  EscaleParticipantsPage *self = g_object_get_data (G_OBJECT (item), "page");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "column"));
  EscaleParticipantSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *cell = GTK_IS_INSCRIPTION (child) ? child : gtk_widget_get_first_child (child);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  gtk_widget_remove_css_class (cell, "error");
  gtk_widget_remove_css_class (cell, "warning");

  switch (column)
    {
    case COLUMN_NAME:
      {
        const char *email = escale_participant_summary_get_email (summary);

        text = escale_participant_summary_get_sort_name (summary);
        gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_last_child (child)), email);
      }
      break;
    case COLUMN_PHONE:
      text = escale_participant_summary_get_phone (summary);
      break;
    case COLUMN_CITY:
      text = escale_participant_summary_get_city (summary);
      break;
    case COLUMN_OCCUPATION:
      text = escale_participant_summary_get_occupation (summary);
      break;
    case COLUMN_REGIONS:
      text = owned = region_names (self, escale_participant_summary_get_regions (summary));
      break;
    case COLUMN_CONSENT:
      if (escale_participant_summary_get_has_consent (summary))
        text = _("Given");
      else
        {
          text = _("Missing");
          gtk_widget_add_css_class (cell, "warning");
        }
      break;
    case COLUMN_FOLLOW_UP:
      text = escale_participant_summary_get_next_follow_up (summary);
      switch (escale_due_state_classify (text, &self->today))
        {
        case ESCALE_DUE_STATE_OVERDUE:
          gtk_widget_add_css_class (cell, "error");
          break;
        case ESCALE_DUE_STATE_THIS_WEEK:
          gtk_widget_add_css_class (cell, "warning");
          break;
        case ESCALE_DUE_STATE_LATER:
        case ESCALE_DUE_STATE_NONE:
        default:
          break;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

/* The list keeps its first rows across searches and changes their content
 * (see EscaleParticipantList): the cells follow their summary. */
static void
on_summary_notify (EscaleParticipantSummary *summary,
                   GParamSpec               *pspec,
                   GtkListItem              *item)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "column"));
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, columns[column].property) || (column == COLUMN_NAME && g_str_equal (name, "email")))
    update_cell (item);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  update_cell (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify", G_CALLBACK (on_summary_notify), item, 0);
}

static void
on_cell_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), item);
}

static void
add_columns (EscaleParticipantsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind), NULL);

      column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);

      if (columns[i].sort >= 0)
        {
          ColumnSort *column_sort = g_new0 (ColumnSort, 1);
          g_autoptr(GtkSorter) sorter = NULL;

          column_sort->page = self;
          column_sort->sort = columns[i].sort;
          sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, column_sort, g_free));
          gtk_column_view_column_set_sorter (column, sorter);
        }

      gtk_column_view_append_column (self->column_view, column);
    }
}

/* What the toast reports once the file is written. */
typedef struct
{
  EscaleParticipantsPage *page;
  guint                   n_participants;
} ExportRequest;

static void
show_export_outcome (EscaleParticipantsPage *self,
                     guint                   n_participants,
                     const GError           *error)
{
  g_autofree char *message = NULL;

  if (error != NULL)
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  else
    message = g_strdup_printf (ngettext ("Exported %u participant", "Exported %u participants", n_participants),
                               n_participants);
  show_message (self, message);
}

static void
on_export_written (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  escale_participant_export_csv_file_finish (result, &error);
  show_export_outcome (request->page, request->n_participants, error);

  g_object_unref (request->page);
  g_free (request);
}

/* The rows shown are the rows exported, read and written in another
 * thread: 100,000 files would freeze the window for seconds. */
static void
on_export_response (GtkNativeDialog        *dialog,
                    int                     response,
                    EscaleParticipantsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) ids = NULL;
  ExportRequest *request;
  guint n;

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

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = escale_participant_list_get_id (self->list, i);

      g_array_append_val (ids, id);
    }

  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (self);
  request->n_participants = n;
  escale_participant_export_csv_file_async (escale_context_get_participants (self->context), ids,
                                            escale_region_repository_get_regions (escale_context_get_regions (self->context)),
                                            path, escale_csv_separator_for_locale (), NULL,
                                            on_export_written, request);

out:
  g_object_unref (dialog);
}

static void
on_export_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscaleParticipantsPage *self = ESCALE_PARTICIPANTS_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Participants"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv_filter, _("Spreadsheet (CSV)"));
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter);
  /* Translators: the suggested file name of a participant export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("participants.csv"));

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_import_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscaleParticipantsPage *self = ESCALE_PARTICIPANTS_PAGE (widget);

  escale_participant_import_dialog_choose_file (self->context, GTK_WINDOW (gtk_widget_get_root (widget)));
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (ESCALE_PARTICIPANTS_PAGE (widget), 0);
}

static void
on_search_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (ESCALE_PARTICIPANTS_PAGE (widget)->search_entry));
}

static void
escale_participants_page_dispose (GObject *object)
{
  EscaleParticipantsPage *self = (EscaleParticipantsPage *)object;
  GtkWidget *child;

  /* First, so that the columns going away do not run a query. */
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTICIPANTS_PAGE);
  /* GTK 4.8 leaves the template's unnamed root child in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->probes[0]);
  g_clear_object (&self->probes[1]);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (escale_participants_page_parent_class)->dispose (object);
}

static void
escale_participants_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  EscaleParticipantsPage *self = ESCALE_PARTICIPANTS_PAGE (object);

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
escale_participants_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  EscaleParticipantsPage *self = ESCALE_PARTICIPANTS_PAGE (object);

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
escale_participants_page_class_init (EscaleParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_participants_page_dispose;
  object_class->get_property = escale_participants_page_get_property;
  object_class->set_property = escale_participants_page_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/participants/escale-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, consent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, follow_up_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "participants.new", NULL, on_new_activated);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, on_search_activated);
  gtk_widget_class_install_action (widget_class, "participants.import", NULL, on_import_activated);
  gtk_widget_class_install_action (widget_class, "participants.export", NULL, on_export_activated);
}

static void
fill_dropdown (GtkDropDown        *dropdown,
               const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
escale_participants_page_init (EscaleParticipantsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *today = escale_calendar_date_today ();
  guint n_statuses = escale_choice_get_count (ESCALE_TYPE_IMMIGRATION_STATUS);
  const char *consents[] = { _("Any consent"), _("Consent given"), _("Consent missing"), NULL };
  const char *follow_ups[] = { _("Any follow-up"), _("Due this week"), _("Late"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  escale_calendar_date_parse (today, &self->today);

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 1; i < n_statuses; i++)
    gtk_string_list_append (statuses, escale_choice_get_label (ESCALE_TYPE_IMMIGRATION_STATUS, i));
  gtk_string_list_append (statuses, _("Status not known"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  fill_dropdown (self->consent_dropdown, consents);
  fill_dropdown (self->follow_up_dropdown, follow_ups);

  add_columns (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
}

/**
 * escale_participants_page_set_context:
 *
 * Binds the page to the participants of an open database. Called once.
 */
void
escale_participants_page_set_context (EscaleParticipantsPage *self,
                                      EscaleContext          *context)
{
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *regions;
  EscaleParticipantSummaryData nobody = { 0 };

  g_return_if_fail (ESCALE_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (ESCALE_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->probes[0] = G_OBJECT (escale_participant_summary_new (&nobody));
  self->probes[1] = G_OBJECT (escale_participant_summary_new (&nobody));

  regions = escale_region_repository_get_regions (escale_context_get_regions (context));
  gtk_string_list_append (region_names, _("All regions"));
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, i);

      gtk_string_list_append (region_names, escale_region_get_name (region));
    }
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (region_names));

  self->list = escale_participant_list_new (escale_context_get_participants (context));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_list_items_changed), self,
                           G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  run_query (self);
}

/**
 * escale_participants_page_get_model:
 *
 * Returns: (transfer none): the rows shown, for tests
 */
GListModel *
escale_participants_page_get_model (EscaleParticipantsPage *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->list);
}
