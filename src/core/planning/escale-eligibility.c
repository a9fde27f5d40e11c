/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-planning"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-eligibility.h"
#include "escale-enums.h"
#include "escale-region.h"

/* Programmes and events set who may take part: legal status in Canada,
 * time since arrival, French level, interest in the target region. The
 * verdict comes with its reasons in French and in English at once: the
 * counsellor tells the person in their own language, which need not be the
 * language of the window, so these texts are kept here rather than in the
 * gettext catalogue, which gives one language at a time. */

G_DEFINE_QUARK (escale-eligibility-error-quark, escale_eligibility_error)

/* Québec typography: a non-breaking space before a colon and inside « ». */
#define NBSP "\xc2\xa0"

static const struct
{
  const char *fr;
  const char *en;
} status_names[] = {
  [ESCALE_IMMIGRATION_STATUS_UNKNOWN] = { "inconnu", "unknown" },
  [ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT] = { "résident permanent", "permanent resident" },
  [ESCALE_IMMIGRATION_STATUS_CITIZEN] = { "citoyen canadien", "Canadian citizen" },
  [ESCALE_IMMIGRATION_STATUS_OPEN_WORK_PERMIT] = { "permis de travail ouvert", "open work permit" },
  [ESCALE_IMMIGRATION_STATUS_CLOSED_WORK_PERMIT] = { "permis de travail lié à un employeur", "employer-specific work permit" },
  [ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY] = { "permis vacances-travail", "working holiday permit" },
  [ESCALE_IMMIGRATION_STATUS_STUDENT] = { "étudiant étranger", "international student" },
  [ESCALE_IMMIGRATION_STATUS_REFUGEE] = { "personne protégée ou réfugiée", "protected person or refugee" },
  [ESCALE_IMMIGRATION_STATUS_ASYLUM_SEEKER] = { "demandeur d’asile", "asylum seeker" },
  [ESCALE_IMMIGRATION_STATUS_OTHER] = { "autre statut", "other status" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == ESCALE_IMMIGRATION_STATUS_OTHER + 1);

void
escale_eligibility_rules_free (EscaleEligibilityRules *rules)
{
  if (rules == NULL)
    return;

  g_free (rules->name);
  g_free (rules->statuses);
  g_strfreev (rules->regions);
  g_free (rules);
}

static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, ESCALE_ELIGIBILITY_ERROR, ESCALE_ELIGIBILITY_ERROR_INVALID_RULES, message);
  return FALSE;
}

static gboolean
read_int (JsonNode    *node,
          const char  *key,
          int          low,
          int          high,
          int         *value,
          GError     **error)
{
  gint64 number;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, _("Eligibility rules: “%s” must be a whole number"), key);

  number = json_node_get_int (node);
  if (number < low || number > high)
    {
      return invalid (error, _("Eligibility rules: “%s” must be from %d to %d"), key, low, high);
    }

  *value = (int) number;
  return TRUE;
}

static gboolean
read_statuses (JsonNode                *node,
               EscaleEligibilityRules  *rules,
               GError                 **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("Eligibility rules: “%s” must be a list"), "statuses");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  rules->statuses = g_new (int, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const char *nick = json_array_get_string_element (array, i);

      if (nick == NULL || !escale_choice_from_nick (ESCALE_TYPE_IMMIGRATION_STATUS, nick, &rules->statuses[i]) ||
          rules->statuses[i] == ESCALE_IMMIGRATION_STATUS_UNKNOWN)
        return invalid (error, _("Eligibility rules: “%s” is not an immigration status such as permanent-resident "
                                 "or open-work-permit"), nick != NULL ? nick : "");
    }
  rules->statuses[n] = -1;

  return TRUE;
}

static gboolean
read_regions (JsonNode                *node,
              EscaleEligibilityRules  *rules,
              GError                 **error)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("Eligibility rules: “%s” must be a list"), "regions");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = json_array_get_string_element (array, i);
      guint64 number;

      if (code == NULL || strlen (code) != 2 || !g_ascii_string_to_unsigned (code, 10, 1, 17, &number, NULL))
        return invalid (error, _("Eligibility rules: “%s” is not a region code from 01 to 17"), code != NULL ? code : "");
      g_strv_builder_add (codes, code);
    }

  rules->regions = g_strv_builder_end (codes);
  return TRUE;
}

/**
 * escale_eligibility_rules_from_json:
 * @node: an object such as `{"name": "Séjour exploratoire en Abitibi",
 *   "statuses": ["permanent-resident", "citizen"],
 *   "max-years-since-arrival": 5, "min-french-level": 5,
 *   "regions": ["08"]}`
 *
 * Returns: (transfer full): the rules, or %NULL with an error naming the
 *   key that is wrong
 */
EscaleEligibilityRules *
escale_eligibility_rules_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(EscaleEligibilityRules) rules = g_new0 (EscaleEligibilityRules, 1);
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ESCALE_ELIGIBILITY_ERROR, ESCALE_ELIGIBILITY_ERROR_INVALID_RULES,
                           _("Eligibility rules must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &member))
    {
      gboolean ok;

      if (g_str_equal (key, "name"))
        ok = JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
             (rules->name = g_strstrip (g_strdup (json_node_get_string (member))))[0] != '\0';
      else if (g_str_equal (key, "statuses"))
        ok = read_statuses (member, rules, error);
      else if (g_str_equal (key, "max-years-since-arrival"))
        ok = read_int (member, key, 1, 100, &rules->max_years_since_arrival, error);
      else if (g_str_equal (key, "min-french-level"))
        ok = read_int (member, key, 1, 12, &rules->min_french_level, error);
      else if (g_str_equal (key, "regions"))
        ok = read_regions (member, rules, error);
      else
        {
          invalid (error, _("Eligibility rules: unknown key “%s”; use name, statuses, max-years-since-arrival, "
                            "min-french-level or regions"), key);
          return NULL;
        }

      if (!ok)
        {
          if (error != NULL && *error == NULL)
            invalid (error, _("Eligibility rules: “%s” must be the name of the programme or event"), "name");
          return NULL;
        }
    }

  if (rules->name == NULL)
    {
      invalid (error, _("Eligibility rules: “%s” must be the name of the programme or event"), "name");
      return NULL;
    }

  return g_steal_pointer (&rules);
}

EscaleEligibilityRules *
escale_eligibility_rules_load (const char  *path,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  return escale_eligibility_rules_from_json (json_parser_get_root (parser), error);
}

void
escale_eligibility_verdict_free (EscaleEligibilityVerdict *verdict)
{
  if (verdict == NULL)
    return;

  g_ptr_array_unref (verdict->reasons);
  g_free (verdict);
}

static void
reason_free (gpointer data)
{
  EscaleEligibilityReason *reason = data;

  g_free (reason->text_fr);
  g_free (reason->text_en);
  g_free (reason);
}

static void
add_reason (EscaleEligibilityVerdict *verdict,
            EscaleEligibilityRule     rule,
            gboolean                  met,
            char                     *text_fr,
            char                     *text_en)
{
  EscaleEligibilityReason *reason = g_new0 (EscaleEligibilityReason, 1);

  reason->rule = rule;
  reason->met = met;
  reason->text_fr = text_fr;
  reason->text_en = text_en;
  g_ptr_array_add (verdict->reasons, reason);

  if (!met)
    verdict->eligible = FALSE;
}

static void
check_status (const EscaleEligibilityRules *rules,
              EscaleParticipant            *participant,
              EscaleEligibilityVerdict     *verdict)
{
  EscaleImmigrationStatus status = escale_participant_get_immigration_status (participant);
  g_autoptr(GString) accepted_fr = g_string_new (NULL);
  g_autoptr(GString) accepted_en = g_string_new (NULL);
  gboolean met = FALSE;

  for (guint i = 0; rules->statuses[i] >= 0; i++)
    {
      g_string_append_printf (accepted_fr, "%s%s", i > 0 ? ", " : "", status_names[rules->statuses[i]].fr);
      g_string_append_printf (accepted_en, "%s%s", i > 0 ? ", " : "", status_names[rules->statuses[i]].en);
      met |= rules->statuses[i] == (int) status;
    }

  if (met)
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_STATUS, TRUE,
                g_strdup_printf ("Statut d’immigration accepté" NBSP ": %s.", status_names[status].fr),
                g_strdup_printf ("Accepted immigration status: %s.", status_names[status].en));
  else if (status == ESCALE_IMMIGRATION_STATUS_UNKNOWN)
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_STATUS, FALSE,
                g_strdup_printf ("Le statut d’immigration n’est pas connu; statuts acceptés" NBSP ": %s.", accepted_fr->str),
                g_strdup_printf ("The immigration status is not known; accepted statuses: %s.", accepted_en->str));
  else
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_STATUS, FALSE,
                g_strdup_printf ("Le statut «" NBSP "%s" NBSP "» n’est pas admissible; statuts acceptés" NBSP ": %s.",
                                 status_names[status].fr, accepted_fr->str),
                g_strdup_printf ("The status “%s” is not eligible; accepted statuses: %s.",
                                 status_names[status].en, accepted_en->str));
}

static void
check_arrival (const EscaleEligibilityRules *rules,
               EscaleParticipant            *participant,
               const GDate                  *today,
               EscaleEligibilityVerdict     *verdict)
{
  const char *arrived_on = escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_ARRIVED_ON);
  int years = rules->max_years_since_arrival;
  GDate arrival;
  GDate limit = *today;

  if (!escale_calendar_date_parse (arrived_on, &arrival))
    {
      add_reason (verdict, ESCALE_ELIGIBILITY_RULE_ARRIVAL, FALSE,
                  g_strdup_printf ("La date d’arrivée au Québec n’est pas connue; il faut être arrivé depuis au plus %d ans.", years),
                  g_strdup_printf ("The date of arrival in Québec is not known; arrival must be at most %d years ago.", years));
      return;
    }

  g_date_subtract_years (&limit, years);
  if (g_date_compare (&arrival, &limit) >= 0)
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_ARRIVAL, TRUE,
                g_strdup_printf ("Arrivée au Québec le %s, il y a au plus %d ans.", arrived_on, years),
                g_strdup_printf ("Arrived in Québec on %s, at most %d years ago.", arrived_on, years));
  else
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_ARRIVAL, FALSE,
                g_strdup_printf ("Arrivée au Québec le %s, il y a plus de %d ans.", arrived_on, years),
                g_strdup_printf ("Arrived in Québec on %s, more than %d years ago.", arrived_on, years));
}

static void
check_french (const EscaleEligibilityRules *rules,
              EscaleParticipant            *participant,
              EscaleEligibilityVerdict     *verdict)
{
  int level = escale_participant_get_number (participant, ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL);
  int minimum = rules->min_french_level;

  if (level == 0)
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_FRENCH, FALSE,
                g_strdup_printf ("Le niveau de français n’a pas été évalué; le minimum est %d sur 12.", minimum),
                g_strdup_printf ("The French level has not been assessed; the minimum is %d out of 12.", minimum));
  else if (level >= minimum)
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_FRENCH, TRUE,
                g_strdup_printf ("Niveau de français %d sur 12; le minimum est %d.", level, minimum),
                g_strdup_printf ("French level %d out of 12; the minimum is %d.", level, minimum));
  else
    add_reason (verdict, ESCALE_ELIGIBILITY_RULE_FRENCH, FALSE,
                g_strdup_printf ("Niveau de français %d sur 12, sous le minimum de %d.", level, minimum),
                g_strdup_printf ("French level %d out of 12, below the minimum of %d.", level, minimum));
}

static char *
region_names (const char * const *codes,
              GListModel         *regions)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *name = codes[i];
      g_autoptr(EscaleRegion) found = NULL;

      for (guint j = 0; regions != NULL && j < g_list_model_get_n_items (regions) && found == NULL; j++)
        {
          g_autoptr(EscaleRegion) region = g_list_model_get_item (regions, j);

          if (g_str_equal (escale_region_get_code (region), codes[i]))
            found = g_steal_pointer (&region);
        }
      if (found != NULL)
        name = escale_region_get_name (found);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
check_region (const EscaleEligibilityRules *rules,
              EscaleParticipant            *participant,
              GListModel                   *regions,
              EscaleEligibilityVerdict     *verdict)
{
  const char * const *interests = escale_participant_get_regions (participant);
  g_autofree char *wanted = region_names ((const char * const *) rules->regions, regions);

  for (guint i = 0; interests != NULL && interests[i] != NULL; i++)
    {
      if (g_strv_contains ((const char * const *) rules->regions, interests[i]))
        {
          const char * const one[] = { interests[i], NULL };
          g_autofree char *name = region_names (one, regions);

          add_reason (verdict, ESCALE_ELIGIBILITY_RULE_REGION, TRUE,
                      g_strdup_printf ("Intérêt pour la région" NBSP ": %s.", name),
                      g_strdup_printf ("Interested in the region: %s.", name));
          return;
        }
    }

  add_reason (verdict, ESCALE_ELIGIBILITY_RULE_REGION, FALSE,
              g_strdup_printf ("Aucune des régions d’intérêt n’est une région visée (%s).", wanted),
              g_strdup_printf ("None of the regions of interest is a target region (%s).", wanted));
}

/**
 * escale_eligibility_check:
 * @regions: (nullable): the list of EscaleRegion, to name regions
 * @today: the day to count the time since arrival to
 *
 * Applies each rule that @rules sets, with no side effect.
 *
 * Returns: (transfer full): eligible or not, with a reason per rule, met or
 *   not, in French and in English
 */
EscaleEligibilityVerdict *
escale_eligibility_check (const EscaleEligibilityRules *rules,
                          EscaleParticipant            *participant,
                          GListModel                   *regions,
                          const GDate                  *today)
{
  EscaleEligibilityVerdict *verdict;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT (participant), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  verdict = g_new0 (EscaleEligibilityVerdict, 1);
  verdict->eligible = TRUE;
  verdict->reasons = g_ptr_array_new_with_free_func (reason_free);

  if (rules->statuses != NULL)
    check_status (rules, participant, verdict);
  if (rules->max_years_since_arrival > 0)
    check_arrival (rules, participant, today, verdict);
  if (rules->min_french_level > 0)
    check_french (rules, participant, verdict);
  if (rules->regions != NULL && rules->regions[0] != NULL)
    check_region (rules, participant, regions, verdict);

  return verdict;
}

/**
 * escale_eligibility_reason_get_text:
 * @language: "fr" or "en"
 *
 * Returns: the reason in @language; French for any other language
 */
const char *
escale_eligibility_reason_get_text (const EscaleEligibilityReason *reason,
                                    const char                    *language)
{
  g_return_val_if_fail (reason != NULL, NULL);
  return g_strcmp0 (language, "en") == 0 ? reason->text_en : reason->text_fr;
}
