/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-model-private.h"
#include "escale-participant-choices.h"
#include "escale-search-text.h"

/* The import reads a cell with escale_choice_parse() whatever the language
 * of the window: each value knows its words in French and in English. */
typedef EscaleChoice Choice;

static const Choice immigration_statuses[] = {
  [ESCALE_IMMIGRATION_STATUS_UNKNOWN] = { N_("Not known"), "inconnu|non precise|unknown|not known" },
  [ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT] =
    { N_("Permanent resident"), "rp|pr|resident permanent|residente permanente|resident(e) permanent(e)|permanent resident" },
  [ESCALE_IMMIGRATION_STATUS_CITIZEN] =
    { N_("Canadian citizen"), "citoyen|citoyenne|citoyen canadien|citoyenne canadienne|citoyennete|citizen|canadian citizen" },
  [ESCALE_IMMIGRATION_STATUS_OPEN_WORK_PERMIT] =
    { N_("Open work permit"), "pto|permis de travail ouvert|permis ouvert|open work permit|owp" },
  [ESCALE_IMMIGRATION_STATUS_CLOSED_WORK_PERMIT] =
    { N_("Employer-specific work permit"), "permis de travail ferme|permis ferme|permis de travail lie a un employeur|closed work permit|employer-specific work permit" },
  [ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY] =
    { N_("Working holiday permit"), "pvt|permis vacances-travail|permis vacances-travail (pvt)|vacances-travail|working holiday|working holiday permit|iec" },
  [ESCALE_IMMIGRATION_STATUS_STUDENT] =
    { N_("International student"), "etudiant|etudiante|etudiant etranger|etudiante etrangere|permis d'etudes|student|international student|study permit" },
  [ESCALE_IMMIGRATION_STATUS_REFUGEE] =
    { N_("Protected person or refugee"), "refugie|refugiee|personne protegee|personne protegee ou refugiee|refugee|protected person" },
  [ESCALE_IMMIGRATION_STATUS_ASYLUM_SEEKER] =
    { N_("Asylum seeker"), "demandeur d'asile|demandeuse d'asile|demandeur d'asile|asylum seeker|refugee claimant" },
  [ESCALE_IMMIGRATION_STATUS_OTHER] = { N_("Other status"), "autre|autre statut|other" },
};

static const Choice educations[] = {
  [ESCALE_EDUCATION_UNKNOWN] = { N_("Not known"), "inconnu|unknown" },
  [ESCALE_EDUCATION_SECONDARY] = { N_("Secondary school"), "secondaire|des|high school|secondary" },
  [ESCALE_EDUCATION_VOCATIONAL] = { N_("Vocational training"), "professionnel|dep|formation professionnelle|formation professionnelle (dep)|vocational|trade" },
  [ESCALE_EDUCATION_COLLEGE] = { N_("College (CEGEP)"), "collegial|collegial (cegep)|cegep|dec|college|technique" },
  [ESCALE_EDUCATION_BACHELOR] = { N_("Bachelor’s degree"), "baccalaureat|bac|licence|bachelor|bachelor's degree|undergraduate" },
  [ESCALE_EDUCATION_MASTER] = { N_("Master’s degree"), "maitrise|master|master's degree|mba" },
  [ESCALE_EDUCATION_DOCTORATE] = { N_("Doctorate"), "doctorat|phd|ph.d.|ph. d.|doctorate" },
};

static const Choice relations[] = {
  [ESCALE_HOUSEHOLD_RELATION_SPOUSE] = { N_("Spouse or partner"), "conjoint|conjointe|conjoint ou conjointe|epoux|epouse|spouse|partner" },
  [ESCALE_HOUSEHOLD_RELATION_CHILD] = { N_("Child"), "enfant|fils|fille|child|son|daughter" },
  [ESCALE_HOUSEHOLD_RELATION_OTHER] = { N_("Other relative"), "autre|autre membre de la famille|parent|other|relative" },
};

static const Choice consent_purposes[] = {
  [ESCALE_CONSENT_PURPOSE_REGISTRATION] = { N_("Registration and follow-up"), "inscription|inscription et suivi|registration" },
  [ESCALE_CONSENT_PURPOSE_EMPLOYERS] = { N_("Sharing with employers"), "employeurs|transmission aux employeurs|employers" },
  [ESCALE_CONSENT_PURPOSE_PARTNERS] = { N_("Sharing with regional partners"), "partenaires|transmission aux partenaires regionaux|partners" },
  [ESCALE_CONSENT_PURPOSE_SURVEYS] = { N_("Satisfaction surveys"), "sondages|sondages de satisfaction|surveys" },
};

static const Choice follow_up_kinds[] = {
  [ESCALE_FOLLOW_UP_KIND_CALL] = { N_("Phone call"), "appel|telephone|call|phone" },
  [ESCALE_FOLLOW_UP_KIND_EMAIL] = { N_("Email"), "courriel|email" },
  [ESCALE_FOLLOW_UP_KIND_MEETING] = { N_("Meeting"), "rencontre|meeting" },
  [ESCALE_FOLLOW_UP_KIND_VISIT] = { N_("Visit"), "visite|visit" },
  [ESCALE_FOLLOW_UP_KIND_OTHER] = { N_("Other"), "autre|other" },
};

static const Choice follow_up_outcomes[] = {
  [ESCALE_FOLLOW_UP_OUTCOME_PENDING] = { N_("To do"), "a faire|to do|pending" },
  [ESCALE_FOLLOW_UP_OUTCOME_NONE] = { N_("Done, nothing new"), "rien de nouveau|fait, rien de nouveau|nothing new|none" },
  [ESCALE_FOLLOW_UP_OUTCOME_INTERVIEW] = { N_("Job interview"), "entrevue|entrevue d'embauche|interview" },
  [ESCALE_FOLLOW_UP_OUTCOME_JOB] = { N_("Hired"), "emploi|embauche|job|hired" },
  [ESCALE_FOLLOW_UP_OUTCOME_INTERNSHIP] = { N_("Internship"), "stage|internship" },
  [ESCALE_FOLLOW_UP_OUTCOME_SETTLED] = { N_("Settled in a region"), "etabli en region|installe en region|etablissement en region|settled" },
  [ESCALE_FOLLOW_UP_OUTCOME_NOT_PURSUING] = { N_("Not pursuing"), "abandon|ne poursuit pas|not pursuing" },
};

static const Choice *
choices_for (GType  enum_type,
             guint *n_choices)
{
#define CHOICES(type, table) \
  if (enum_type == type) \
    { \
      *n_choices = G_N_ELEMENTS (table); \
      return table; \
    }

  CHOICES (ESCALE_TYPE_IMMIGRATION_STATUS, immigration_statuses);
  CHOICES (ESCALE_TYPE_EDUCATION, educations);
  CHOICES (ESCALE_TYPE_HOUSEHOLD_RELATION, relations);
  CHOICES (ESCALE_TYPE_CONSENT_PURPOSE, consent_purposes);
  CHOICES (ESCALE_TYPE_FOLLOW_UP_KIND, follow_up_kinds);
  CHOICES (ESCALE_TYPE_FOLLOW_UP_OUTCOME, follow_up_outcomes);

#undef CHOICES

  return _escale_event_choices_for (enum_type, n_choices);
}

/**
 * escale_choice_get_nick:
 * @enum_type: one of the enumerations of escale-participant-choices.h or
 *   escale-event-choices.h
 *
 * Returns: the stable identifier of @value, as stored and printed
 */
const char *
escale_choice_get_nick (GType enum_type,
                        int   value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);

  g_return_val_if_fail (enum_value != NULL, NULL);
  return enum_value->value_nick;
}

gboolean
escale_choice_from_nick (GType       enum_type,
                         const char *nick,
                         int        *value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *enum_value;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL || (enum_value = g_enum_get_value_by_nick (enum_class, nick)) == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

/**
 * escale_choice_get_label:
 *
 * Returns: the name of @value in the user's language
 */
const char *
escale_choice_get_label (GType enum_type,
                         int   value)
{
  guint n_choices;
  const Choice *choices = choices_for (enum_type, &n_choices);

  g_return_val_if_fail (value >= 0 && (guint) value < n_choices, NULL);
  return _(choices[value].label);
}

guint
escale_choice_get_count (GType enum_type)
{
  guint n_choices;

  choices_for (enum_type, &n_choices);
  return n_choices;
}

/* Folded labels and words → value + 1, built once per enumeration: an
 * import reads a status and an education on each of thousands of rows. */
static GHashTable *
words_for (GType enum_type)
{
  static GHashTable *by_type;
  G_LOCK_DEFINE_STATIC (by_type);
  GHashTable *words;

  G_LOCK (by_type);
  if (by_type == NULL)
    by_type = g_hash_table_new (g_direct_hash, g_direct_equal);

  words = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (enum_type));
  if (words == NULL)
    {
      guint n_choices;
      const Choice *choices = choices_for (enum_type, &n_choices);

      words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = n_choices; i > 0; i--)
        {
          g_auto(GStrv) synonyms = g_strsplit (choices[i - 1].words, "|", -1);

          for (guint j = 0; synonyms[j] != NULL; j++)
            g_hash_table_replace (words, g_steal_pointer (&synonyms[j]), GUINT_TO_POINTER (i));
          g_hash_table_replace (words, g_strstrip (escale_search_fold (_(choices[i - 1].label))), GUINT_TO_POINTER (i));
          /* An export made in English reads back in French. */
          g_hash_table_replace (words, g_strstrip (escale_search_fold (choices[i - 1].label)), GUINT_TO_POINTER (i));
        }
      g_hash_table_insert (by_type, GSIZE_TO_POINTER (enum_type), words);
    }
  G_UNLOCK (by_type);

  return words;
}

/**
 * escale_choice_parse:
 * @text: a cell or an argument as a person typed it
 *
 * Reads "Résident permanent", "RP", "permanent resident", the label in the
 * user's language or the nick, ignoring case and accents.
 *
 * Returns: whether @text names a value of @enum_type
 */
gboolean
escale_choice_parse (GType       enum_type,
                     const char *text,
                     int        *value)
{
  g_autofree char *folded = NULL;
  guint found;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (escale_choice_from_nick (enum_type, text, value))
    return TRUE;

  folded = g_strstrip (escale_search_fold (text));
  found = GPOINTER_TO_UINT (g_hash_table_lookup (words_for (enum_type), folded));
  if (found == 0)
    return FALSE;

  *value = (int) found - 1;
  return TRUE;
}
