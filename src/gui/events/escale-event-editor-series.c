/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-event-editor-private.h"
#include "escale-field-rows.h"
#include "escale-validation.h"

/* The Repeats group of the Event page. A new information session can
 * repeat: the counsellor picks the rhythm, the last day and the days to
 * skip, reads the rule in words with its number of sessions as they type,
 * and Save writes every session at once. A session of a series says so,
 * can leave it, and can pass its changes on to the sessions after it. */

static const struct {
  EscaleSeriesFrequency frequency;
  guint                 interval;
} rhythms[] = {
  { ESCALE_SERIES_FREQUENCY_WEEKLY, 0 },   /* does not repeat */
  { ESCALE_SERIES_FREQUENCY_WEEKLY, 1 },
  { ESCALE_SERIES_FREQUENCY_WEEKLY, 2 },
  { ESCALE_SERIES_FREQUENCY_WEEKLY, 3 },
  { ESCALE_SERIES_FREQUENCY_WEEKLY, 4 },
  { ESCALE_SERIES_FREQUENCY_MONTHLY, 1 },
  { ESCALE_SERIES_FREQUENCY_MONTHLY, 2 },
  { ESCALE_SERIES_FREQUENCY_MONTHLY, 3 },
};

static char *
describe_rhythm (guint i)
{
  guint n = rhythms[i].interval;

  if (n == 0)
    return g_strdup (_("Does not repeat"));
  if (rhythms[i].frequency == ESCALE_SERIES_FREQUENCY_WEEKLY)
    return n == 1 ? g_strdup (_("Every week"))
                  : g_strdup_printf (ngettext ("Every %u week", "Every %u weeks", n), n);
  return n == 1 ? g_strdup (_("Every month, on the same weekday"))
                : g_strdup_printf (ngettext ("Every %u month, on the same weekday",
                                             "Every %u months, on the same weekday", n), n);
}

void
_escale_event_editor_series_init (EscaleEventEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rhythms); i++)
    {
      g_autofree char *label = describe_rhythm (i);

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (labels));
}

static gboolean
is_session (EscaleEventEditor *self)
{
  EscaleEventKind kind = escale_event_get_kind (self->event);

  return kind == ESCALE_EVENT_KIND_INFORMATION_SESSION || kind == ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION;
}

static gboolean
is_occurrence (EscaleEventEditor *self)
{
  return escale_event_get_series_id (self->event) != 0;
}

/* The chosen rhythm, when a new session is to repeat. */
static guint
get_rhythm (EscaleEventEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->repeat_row);

  if (escale_event_get_id (self->event) != 0 || !is_session (self) || selected >= G_N_ELEMENTS (rhythms))
    return 0;
  return selected;
}

/* Which rows the group shows: the rhythm and its fields for a new session,
 * the series for one of its sessions, nothing for anything else. */
void
_escale_event_editor_series_update (EscaleEventEditor *self)
{
  gboolean is_new = escale_event_get_id (self->event) == 0;
  gboolean repeats = get_rhythm (self) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), is_occurrence (self) || (is_new && is_session (self)));
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->series_row), is_occurrence (self));
  gtk_widget_set_visible (GTK_WIDGET (self->following_row), is_occurrence (self) && !self->left_series);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-from-series",
                                 is_occurrence (self) && !self->left_series);
}

void
_escale_event_editor_series_fill (EscaleEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autofree char *description = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *subtitle = NULL;

  adw_combo_row_set_selected (self->repeat_row, 0);
  escale_entry_row_set_text (self->until_row, NULL);
  escale_entry_row_set_text (self->skip_row, NULL);
  gtk_switch_set_active (self->following_switch, FALSE);
  escale_field_message_row_show (self->repeat_message, NULL);
  self->left_series = FALSE;

  if (is_occurrence (self))
    {
      series = escale_event_series_repository_load (escale_context_get_series (self->context),
                                                    escale_event_get_series_id (self->event), &error);
      if (series == NULL)
        g_warning ("The series of “%s” cannot be read: %s", escale_event_get_title (self->event), error->message);
      else
        description = escale_event_series_describe (series);

      /* A session with registrations stays, cancelled, when it leaves. */
      self->left_series = series != NULL &&
                          escale_event_series_is_excluded (series, escale_event_get_series_date (self->event));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->series_row),
                                     self->left_series ? _("Taken out of its series") : _("Part of a series"));

      moved = escale_event_series_describe_move (self->event);
      if (description != NULL && moved != NULL)
        subtitle = g_strdup_printf ("%s\n%s", description, moved);
      else
        subtitle = g_strdup (description != NULL ? description : moved);
      adw_action_row_set_subtitle (self->series_row, subtitle);
    }

  _escale_event_editor_series_update (self);
}

/* The rule the fields give, for the live description and for Save. */
static void
read_rule (EscaleEventEditor  *self,
           guint               rhythm,
           EscaleSeriesRule   *rule,
           GStrv              *excluded)
{
  g_autoptr(GTimeZone) zone = escale_event_dup_time_zone (self->event);
  g_autofree char *until = escale_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->until_row)));
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  rule->frequency = rhythms[rhythm].frequency;
  rule->interval = rhythms[rhythm].interval;
  escale_series_local_date (zone, escale_event_get_starts_at (self->event), &rule->first);
  g_date_clear (&rule->until, 1);
  if (until != NULL)
    escale_calendar_date_parse (until, &rule->until);

  /* "2026-12-22, 2026-12-29" or one per word: each is checked by the rule. */
  words = g_regex_split_simple ("[\\s,;]+", gtk_editable_get_text (GTK_EDITABLE (self->skip_row)), 0, 0);
  for (char **word = words; *word != NULL; word++)
    {
      if (**word != '\0')
        g_strv_builder_add (dates, *word);
    }
  *excluded = g_strv_builder_end (dates);
  rule->excluded = (const char * const *) *excluded;
}

/* Checks the rule as the counsellor types and says it in words: "Every
 * week on Tuesday until 15 December 2026 · 12 sessions".
 *
 * Returns: whether the fields make a rule Save can write */
gboolean
_escale_event_editor_series_apply (EscaleEventEditor *self,
                                   gboolean           show_messages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dates = NULL;
  g_auto(GStrv) excluded = NULL;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  EscaleSeriesRule rule;
  guint rhythm = get_rhythm (self);

  _escale_event_editor_series_update (self);
  if (rhythm == 0 || escale_event_get_starts_at (self->event) == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->repeat_row), NULL);
      escale_field_message_row_show (self->repeat_message, NULL);
      return TRUE;
    }

  read_rule (self, rhythm, &rule, &excluded);
  dates = escale_series_rule_list_dates (&rule, &error);
  if (dates == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->repeat_row), NULL);
      escale_field_message_row_show (self->repeat_message, show_messages ? error->message : NULL);
      return FALSE;
    }

  description = escale_series_rule_describe (&rule);
  /* Translators: the rule of a series in words, then how many sessions it makes */
  subtitle = g_strdup_printf (ngettext ("%s · %u session", "%s · %u sessions", dates->len), description, dates->len);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->repeat_row), subtitle);
  escale_field_message_row_show (self->repeat_message, NULL);
  return TRUE;
}

/* A new series: every session written at once, and the window goes on
 * with the first. */
static gboolean
create_series (EscaleEventEditor  *self,
               guint               rhythm,
               char              **message,
               GError            **error)
{
  EscaleEventSeriesRepository *repository = escale_context_get_series (self->context);
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(EscaleEvent) first = NULL;
  g_auto(GStrv) excluded = NULL;
  g_autofree char *until = NULL;
  EscaleSeriesRule rule;

  read_rule (self, rhythm, &rule, &excluded);
  until = g_date_valid (&rule.until) ? escale_calendar_date_format (&rule.until) : NULL;
  series = escale_event_series_new (rule.frequency, rule.interval, until);
  for (char **date = excluded; *date != NULL; date++)
    escale_event_series_exclude (series, *date);

  if (!escale_event_series_repository_create (repository, series, self->event, error))
    return FALSE;

  occurrences = escale_event_series_repository_list_occurrences (repository, escale_event_series_get_id (series),
                                                                 error);
  if (occurrences == NULL)
    return FALSE;
  first = escale_event_repository_load (escale_context_get_events (self->context),
                                        escale_event_get_id (g_ptr_array_index (occurrences, 0)), error);
  if (first == NULL)
    return FALSE;

  _escale_event_editor_show_event (self, first);
  *message = g_strdup_printf (ngettext ("%u session planned", "%u sessions planned", occurrences->len),
                              occurrences->len);
  return TRUE;
}

/**
 * _escale_event_editor_series_save:
 * @message: (out) (transfer full): what to tell the counsellor once saved
 *
 * Saves the edited event: as a new series when it is to repeat, with the
 * sessions after it when asked, or on its own.
 */
gboolean
_escale_event_editor_series_save (EscaleEventEditor  *self,
                                  char              **message,
                                  GError            **error)
{
  guint rhythm = get_rhythm (self);

  if (rhythm != 0)
    return create_series (self, rhythm, message, error);

  if (is_occurrence (self) && gtk_switch_get_active (self->following_switch))
    {
      if (!escale_event_series_repository_apply_to_following (escale_context_get_series (self->context), self->event,
                                                              error))
        return FALSE;
      *message = g_strdup (_("This session and the following ones are saved"));
      return TRUE;
    }

  if (!escale_event_repository_save (escale_context_get_events (self->context), self->event, error))
    return FALSE;
  *message = g_strdup (_("Event saved"));
  return TRUE;
}

static void
on_remove_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    EscaleEventEditor *self)
{
  EscaleEventSeriesRepository *repository = escale_context_get_series (self->context);
  g_autoptr(EscaleEventSeries) series = NULL;
  g_autoptr(EscaleEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  EscaleOccurrenceRemoval removal;

  if (!g_str_equal (response, "remove"))
    return;

  series = escale_event_series_repository_load (repository, escale_event_get_series_id (self->saved), &error);
  if (series == NULL ||
      !escale_event_series_repository_remove_occurrence (repository, series, escale_event_get_series_date (self->saved),
                                                         &removal, &error))
    {
      _escale_event_editor_show_toast (self, error->message);
      return;
    }

  if (removal == ESCALE_OCCURRENCE_DELETED)
    {
      _escale_event_editor_close_soon (self);
      return;
    }

  /* Cancelled, with its registrations: the window shows it so. */
  stored = escale_event_repository_load (escale_context_get_events (self->context),
                                         escale_event_get_id (self->saved), &error);
  if (stored == NULL)
    {
      _escale_event_editor_show_toast (self, error->message);
      return;
    }
  _escale_event_editor_show_event (self, stored);
  _escale_event_editor_show_toast (self, _("Session cancelled and left out of its series; its registrations are kept"));
}

/* Takes the session out of its series, such as the week of the holidays. */
void
_escale_event_editor_series_remove (EscaleEventEditor *self)
{
  g_autoptr(GDateTime) start = escale_event_dup_start (self->saved);
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the day of a session in a question; see strftime */
  day = g_date_time_format (start, _("%A, %B %-d"));
  /* Translators: a day, such as “Tuesday, December 22” */
  heading = g_strdup_printf (_("Remove the Session of %s From Its Series?"), day);
  dialog = _escale_event_editor_create_question (self, heading,
                                                 _("A session nobody registered for is deleted. A session with "
                                                   "registrations is cancelled and keeps them: Escale does not tell "
                                                   "the participants, let them know. Extending the series later "
                                                   "does not bring the day back."));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Session"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
