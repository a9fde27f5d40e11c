/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-needs-group.h"
#include "escale-placeholder.h"
#include "escale-register-dialog.h"

/* Registers one participant for an event: find them in the directory as
 * you type, say how many seats and what they need, Register. A refusal
 * stays in the dialog in plain words; when the event's rules leave the
 * person out, the counsellor may register them anyway with a
 * justification, which the core records in the audit log. */

/* The directory holds up to 100,000 people: a search shows the first
 * matches only, and asks one more to know whether there are others. */
#define SHOWN_MATCHES 50

struct _EscaleRegisterDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *register_button;
  GtkSearchEntry    *search_entry;
  GtkScrolledWindow *results_scroller;
  GtkListBox        *results_list;
  GtkLabel          *more_label;
  GtkSpinButton     *seats_spin;
  EscaleNeedsGroup  *needs_group;
  GtkBox            *problem_box;
  GtkLabel          *problem_label;
  GtkWidget         *justification_group;
  AdwEntryRow       *justification_row;
  GtkButton         *register_anyway_button;

  /* Owned */
  EscaleContext     *context;
  EscaleEvent       *event;
  GtkLabel          *placeholder;

  gint64             chosen_id;
};

G_DEFINE_FINAL_TYPE (EscaleRegisterDialog, escale_register_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_REGISTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (EscaleRegisterDialog *self,
              const char           *message,
              gboolean              can_justify)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_box), message != NULL);
  gtk_widget_set_visible (self->justification_group, can_justify);
  gtk_widget_set_visible (GTK_WIDGET (self->register_anyway_button), can_justify);
  /* Register again would meet the same refusal: the way on is the other
   * button. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), self->chosen_id != 0 && !can_justify);

  if (can_justify)
    gtk_widget_grab_focus (GTK_WIDGET (self->justification_row));
}

static gint64
row_participant_id (GtkListBoxRow *row)
{
  return row != NULL ? GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "participant-id")) : 0;
}

/* The participant and the household members who come, as far as their
 * file tells: one file read, for one person. */
static void
guess_seats (EscaleRegisterDialog *self)
{
  g_autoptr(EscaleParticipant) participant = NULL;
  g_autoptr(GError) error = NULL;
  guint household;

  participant = escale_participant_repository_load (escale_context_get_participants (self->context), self->chosen_id,
                                                    &error);
  if (participant == NULL)
    {
      show_problem (self, error->message, FALSE);
      return;
    }

  household = g_list_model_get_n_items (escale_participant_get_household (participant));
  gtk_spin_button_set_value (self->seats_spin, MIN (1 + household, 20));
}

static void
choose (EscaleRegisterDialog *self,
        gint64                participant_id)
{
  if (participant_id == self->chosen_id)
    return;

  self->chosen_id = participant_id;
  show_problem (self, NULL, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->justification_row), "");
  if (participant_id != 0)
    guess_seats (self);
}

static GtkWidget *
result_row_new (EscaleParticipantSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();
  /* Three parts at most, and the NULL that ends them for g_strjoinv(). */
  const char *parts[4] = { NULL };
  g_autofree char *subtitle = NULL;
  guint n = 0;

  if (escale_participant_summary_get_city (summary) != NULL)
    parts[n++] = escale_participant_summary_get_city (summary);
  if (escale_participant_summary_get_email (summary) != NULL)
    parts[n++] = escale_participant_summary_get_email (summary);
  /* Said before Register, rather than only after. */
  if (!escale_participant_summary_get_has_consent (summary))
    parts[n++] = _("No consent to registration on file");
  subtitle = g_strjoinv (" · ", (char **) parts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escale_participant_summary_get_display_name (summary));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "participant-id",
                     GSIZE_TO_POINTER ((gsize) escale_participant_summary_get_id (summary)));

  return row;
}

static void
clear_results (EscaleRegisterDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));
}

/* Shows @summaries and keeps the chosen person chosen when they are among
 * them. */
static void
show_results (EscaleRegisterDialog *self,
              GPtrArray            *summaries)
{
  gint64 chosen = self->chosen_id;
  GtkListBoxRow *selected = NULL;

  clear_results (self);
  for (guint i = 0; i < summaries->len; i++)
    {
      GtkWidget *row = result_row_new (g_ptr_array_index (summaries, i));

      gtk_list_box_append (self->results_list, row);
      if (row_participant_id (GTK_LIST_BOX_ROW (row)) == chosen)
        selected = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_select_row (self->results_list, selected);
  choose (self, row_participant_id (selected));
}

static void
search (EscaleRegisterDialog *self)
{
  EscaleParticipantRepository *participants = escale_context_get_participants (self->context);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nobody = NULL;
  EscaleParticipantQuery query;

  escale_participant_query_init (&query);
  query.text = text;
  query.limit = SHOWN_MATCHES + 1;

  ids = escale_participant_repository_search (participants, &query, &error);
  if (ids != NULL)
    summaries = escale_participant_repository_summarize (participants, (const gint64 *) (gpointer) ids->data,
                                                         MIN (ids->len, SHOWN_MATCHES), &error);
  if (summaries == NULL)
    {
      show_problem (self, error->message, FALSE);
      return;
    }

  show_results (self, summaries);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), ids->len > SHOWN_MATCHES);

  if (*text != '\0')
    /* Translators: what was typed in the search entry */
    nobody = g_strdup_printf (_("Nobody in the directory matches “%s”."), text);
  gtk_label_set_text (self->placeholder, nobody != NULL ? nobody : _("The directory has no participants yet."));
}

static void
on_search_changed (EscaleRegisterDialog *self)
{
  search (self);
}

/* Enter in the search: the first match when nobody is chosen yet, then
 * Register. */
static void
on_search_activate (EscaleRegisterDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (self->chosen_id == 0 && first != NULL)
    gtk_list_box_select_row (self->results_list, first);
  else if (gtk_widget_get_sensitive (GTK_WIDGET (self->register_button)))
    gtk_widget_activate (GTK_WIDGET (self->register_button));
}

static void
on_result_selected (EscaleRegisterDialog *self,
                    GtkListBoxRow        *row)
{
  choose (self, row_participant_id (row));
}

static void
register_participant (EscaleRegisterDialog *self,
                      const char           *justification)
{
  EscaleRegistrationRepository *registrations = escale_context_get_registrations (self->context);
  EscaleRegisterOptions options = {
    .seats = gtk_spin_button_get_value_as_int (self->seats_spin),
    .justification = justification,
  };
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id = escale_event_get_id (self->event);

  g_return_if_fail (self->chosen_id != 0);

  registration = escale_registration_repository_register (registrations, event_id, self->chosen_id, &options, &error);
  if (registration == NULL)
    {
      show_problem (self, error->message,
                    g_error_matches (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_NOT_ELIGIBLE));
      return;
    }

  /* The needs are a second, small change: the seat is already taken, and
   * what failed is said where the counsellor can still see it. */
  if (!escale_needs_group_is_empty (self->needs_group))
    {
      EscaleRegistration *updated = NULL;

      if (!escale_needs_group_save (self->needs_group, registrations, escale_registration_get_id (registration), &error) ||
          (updated = escale_registration_repository_find (registrations, event_id, self->chosen_id, &error)) == NULL)
        {
          g_autofree char *message = NULL;

          g_signal_emit (self, signals[SIGNAL_REGISTERED], 0, registration, NULL);
          /* Translators: a name, then why what they need was not saved */
          message = g_strdup_printf (_("%s is registered, but what they need was not saved: %s"),
                                     escale_registration_get_participant_name (registration),
                                     error != NULL ? error->message : "");
          show_problem (self, message, FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), FALSE);
          return;
        }
      g_clear_object (&registration);
      registration = updated;
    }

  g_signal_emit (self, signals[SIGNAL_REGISTERED], 0, registration, NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_register_clicked (EscaleRegisterDialog *self)
{
  register_participant (self, NULL);
}

static void
on_justification_changed (EscaleRegisterDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->justification_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->register_anyway_button), *text != '\0');
}

static void
on_register_anyway_clicked (EscaleRegisterDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->justification_row))));

  if (*text != '\0')
    register_participant (self, text);
}

static void
escale_register_dialog_dispose (GObject *object)
{
  EscaleRegisterDialog *self = (EscaleRegisterDialog *)object;

  /* The selected row leaves with the list: nothing to choose any more. */
  if (self->results_list != NULL)
    g_signal_handlers_disconnect_by_data (self->results_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_REGISTER_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (escale_register_dialog_parent_class)->dispose (object);
}

static void
escale_register_dialog_class_init (EscaleRegisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_register_dialog_dispose;

  /**
   * EscaleRegisterDialog::registered:
   * @registration: the new registration, its status saying whether it has
   *   a seat or waits
   * @unused: (nullable): %NULL, kept for who was promoted should a
   *   registration ever free seats
   *
   * A participant was registered; the dialog closes after.
   */
  signals[SIGNAL_REGISTERED] =
    g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ESCALE_TYPE_REGISTRATION, G_TYPE_PTR_ARRAY);

  g_type_ensure (ESCALE_TYPE_NEEDS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escale/Escale/ui/events/escale-register-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, register_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, more_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, seats_spin);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, needs_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, justification_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, justification_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleRegisterDialog, register_anyway_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_result_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_register_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_justification_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_register_anyway_clicked);
}

static void
escale_register_dialog_init (EscaleRegisterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->placeholder = escale_placeholder_add (self->results_list, NULL);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->register_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

/**
 * escale_register_dialog_new:
 * @event: a saved event
 *
 * Returns: (transfer none): the dialog, transient for @parent; present it
 */
EscaleRegisterDialog *
escale_register_dialog_new (GtkWindow     *parent,
                            EscaleContext *context,
                            EscaleEvent   *event)
{
  EscaleRegisterDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ESCALE_IS_EVENT (event) && escale_event_get_id (event) > 0, NULL);

  self = g_object_new (ESCALE_TYPE_REGISTER_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->event = g_object_ref (event);

  adw_window_title_set_subtitle (self->window_title, escale_event_get_title (event));
  escale_needs_group_set_lodging_visible (self->needs_group,
                                          escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  search (self);

  return self;
}

/**
 * escale_register_dialog_set_participant:
 *
 * Chooses who to register, as when the dialog opens from their file.
 */
void
escale_register_dialog_set_participant (EscaleRegisterDialog *self,
                                        gint64                participant_id)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_REGISTER_DIALOG (self));
  g_return_if_fail (participant_id > 0);

  summaries = escale_participant_repository_summarize (escale_context_get_participants (self->context),
                                                       &participant_id, 1, &error);
  if (summaries == NULL || summaries->len == 0)
    {
      show_problem (self, error != NULL ? error->message : _("This participant’s file no longer exists."), FALSE);
      return;
    }

  /* Only them, whatever the search entry said; and from their file,
   * nobody else to look for: the search goes, the list shrinks to their
   * row, and Enter registers them. */
  show_results (self, summaries);
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
  gtk_scrolled_window_set_min_content_height (self->results_scroller, -1);
  gtk_scrolled_window_set_max_content_height (self->results_scroller, -1);
  gtk_scrolled_window_set_propagate_natural_height (self->results_scroller, TRUE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->register_button));
}
