/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-participant-field.h"
#include "escale-search-text.h"

typedef enum
{
  TYPE_TEXT,
  TYPE_NUMBER,
  TYPE_STATUS,
  TYPE_EDUCATION,
  TYPE_FLAG,
  TYPE_LIST,
} ValueType;

/* The headers are those of real registration forms and spreadsheets, in
 * French and in English, written folded: lower case, no accents, words
 * separated by single spaces (see fold_header()). */
static const struct
{
  const char *name;
  const char *label;
  ValueType   type;
  gboolean    sensitive;
  const char *headers;
} fields[ESCALE_N_PARTICIPANT_FIELDS] = {
  [ESCALE_PARTICIPANT_FIELD_GIVEN_NAME] =
    { "given-name", N_("Given name"), TYPE_TEXT, FALSE,
      "prenom|prenoms|first name|given name|given names|firstname" },
  [ESCALE_PARTICIPANT_FIELD_FAMILY_NAME] =
    { "family-name", N_("Family name"), TYPE_TEXT, FALSE,
      "nom|nom de famille|last name|family name|surname|lastname" },
  [ESCALE_PARTICIPANT_FIELD_PREFERRED_NAME] =
    { "preferred-name", N_("Preferred name"), TYPE_TEXT, FALSE,
      "nom prefere|prenom d usage|nom d usage|preferred name|nickname" },
  [ESCALE_PARTICIPANT_FIELD_BIRTH_YEAR] =
    { "birth-year", N_("Year of birth"), TYPE_NUMBER, FALSE,
      "annee de naissance|date de naissance|naissance|birth year|year of birth|date of birth|birth date|birthdate" },
  [ESCALE_PARTICIPANT_FIELD_EMAIL] =
    { "email", N_("Email"), TYPE_TEXT, FALSE,
      "courriel|adresse courriel|adresse electronique|e mail|email|email address|mail" },
  [ESCALE_PARTICIPANT_FIELD_PHONE] =
    { "phone", N_("Phone"), TYPE_TEXT, FALSE,
      "telephone|tel|cellulaire|cell|numero de telephone|phone|phone number|mobile|cell phone" },
  [ESCALE_PARTICIPANT_FIELD_OTHER_PHONE] =
    { "other-phone", N_("Other phone"), TYPE_TEXT, FALSE,
      "autre telephone|telephone 2|telephone secondaire|other phone|phone 2|home phone|telephone maison" },
  [ESCALE_PARTICIPANT_FIELD_CITY] =
    { "city", N_("City"), TYPE_TEXT, FALSE,
      "ville|municipalite|ville de residence|city|town|city of residence" },
  [ESCALE_PARTICIPANT_FIELD_PREFERRED_LANGUAGE] =
    { "preferred-language", N_("Language of communication"), TYPE_TEXT, FALSE,
      "langue preferee|langue de communication|langue|preferred language|language of communication|language" },
  [ESCALE_PARTICIPANT_FIELD_IMMIGRATION_STATUS] =
    { "immigration-status", N_("Immigration status"), TYPE_STATUS, TRUE,
      "statut|statut d immigration|statut migratoire|statut au canada|status|immigration status" },
  [ESCALE_PARTICIPANT_FIELD_ARRIVED_ON] =
    { "arrived-on", N_("Arrival in Québec"), TYPE_TEXT, FALSE,
      "date d arrivee|arrivee au quebec|date d arrivee au quebec|arrivee|arrival date|arrival in quebec|date of arrival" },
  [ESCALE_PARTICIPANT_FIELD_COUNTRY_OF_ORIGIN] =
    { "country-of-origin", N_("Country of origin"), TYPE_TEXT, FALSE,
      "pays d origine|pays|pays de naissance|country of origin|country|country of birth" },
  [ESCALE_PARTICIPANT_FIELD_FRENCH_LEVEL] =
    { "french-level", N_("French level (1–12)"), TYPE_NUMBER, FALSE,
      "niveau de francais|niveau de francais 1 a 12|francais|niveau francais|french level|french" },
  [ESCALE_PARTICIPANT_FIELD_ENGLISH_LEVEL] =
    { "english-level", N_("English level (1–12)"), TYPE_NUMBER, FALSE,
      "niveau d anglais|niveau d anglais 1 a 12|anglais|niveau anglais|english level|english" },
  [ESCALE_PARTICIPANT_FIELD_OTHER_LANGUAGES] =
    { "other-languages", N_("Other languages"), TYPE_TEXT, FALSE,
      "autres langues|langues parlees|other languages|languages spoken" },
  [ESCALE_PARTICIPANT_FIELD_EDUCATION] =
    { "education", N_("Education"), TYPE_EDUCATION, FALSE,
      "scolarite|niveau de scolarite|niveau d etudes|diplome|plus haut diplome|education|highest degree|degree" },
  [ESCALE_PARTICIPANT_FIELD_OCCUPATION] =
    { "occupation", N_("Occupation"), TYPE_TEXT, FALSE,
      "profession|metier|occupation|emploi recherche|domaine|job title|field" },
  [ESCALE_PARTICIPANT_FIELD_NOC_CODE] =
    { "noc-code", N_("NOC code"), TYPE_TEXT, FALSE,
      "cnp|code cnp|cnp 2021|noc|noc code|noc 2021" },
  [ESCALE_PARTICIPANT_FIELD_EXPERIENCE_YEARS] =
    { "experience-years", N_("Years of experience"), TYPE_NUMBER, FALSE,
      "annees d experience|experience|annees experience|years of experience|experience years" },
  [ESCALE_PARTICIPANT_FIELD_DRIVING_LICENCE] =
    { "driving-licence", N_("Driving licence"), TYPE_FLAG, FALSE,
      "permis de conduire|permis|driving licence|driver s licence|driver s license|driving license" },
  [ESCALE_PARTICIPANT_FIELD_REGIONS] =
    { "regions", N_("Regions of interest"), TYPE_LIST, FALSE,
      "regions d interet|region s d interet|regions|region d interet|region|regions of interest|region of interest" },
  [ESCALE_PARTICIPANT_FIELD_SOURCE] =
    { "source", N_("How they heard of us"), TYPE_TEXT, FALSE,
      "source|provenance|comment nous avez vous connus|comment la personne nous a connus|reference|how did you hear about us|referral" },
};

/* "Date d’arrivée au Québec :" and "date d'arrivee au quebec" read alike. */
static char *
fold_header (const char *header)
{
  g_autofree char *folded = escale_search_fold (header);
  g_autoptr(GString) words = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        {
          if (space && words->len > 0)
            g_string_append_c (words, ' ');
          g_string_append_c (words, *p);
          space = FALSE;
        }
      else
        {
          space = TRUE;
        }
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

/**
 * escale_participant_field_get_name:
 *
 * Returns: the field's stable identifier: its property name, its JSON key
 *   and its column header in an export
 */
const char *
escale_participant_field_get_name (EscaleParticipantField field)
{
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, NULL);
  return fields[field].name;
}

const char *
escale_participant_field_get_label (EscaleParticipantField field)
{
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, NULL);
  return _(fields[field].label);
}

/**
 * escale_participant_field_get_value_type:
 *
 * Returns: the #GType of the field's property: a string, an int (0, or -1
 *   for years of experience, when unknown), an enumeration, a boolean or a
 *   %G_TYPE_STRV of region codes in order of preference
 */
GType
escale_participant_field_get_value_type (EscaleParticipantField field)
{
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, G_TYPE_INVALID);

  switch (fields[field].type)
    {
    case TYPE_TEXT: return G_TYPE_STRING;
    case TYPE_NUMBER: return G_TYPE_INT;
    case TYPE_STATUS: return ESCALE_TYPE_IMMIGRATION_STATUS;
    case TYPE_EDUCATION: return ESCALE_TYPE_EDUCATION;
    case TYPE_FLAG: return G_TYPE_BOOLEAN;
    case TYPE_LIST: return G_TYPE_STRV;
    default: g_assert_not_reached ();
    }
}

/**
 * escale_participant_field_is_sensitive:
 *
 * Returns: whether the field stays out of lists and is shown only in the
 *   participant's own file
 */
gboolean
escale_participant_field_is_sensitive (EscaleParticipantField field)
{
  g_return_val_if_fail (field < ESCALE_N_PARTICIPANT_FIELDS, TRUE);
  return fields[field].sensitive;
}

gboolean
escale_participant_field_from_name (const char             *name,
                                    EscaleParticipantField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      if (g_strcmp0 (name, fields[i].name) == 0)
        {
          *field = (EscaleParticipantField) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * escale_participant_field_guess:
 * @header: a column header of an imported file
 *
 * Recognises the headers of French and English registration forms
 * ("Prénom", "Courriel", "Date d’arrivée au Québec", "Last name"), the
 * field labels in the user's language and the field names of an export.
 *
 * Returns: whether @header names a field
 */
gboolean
escale_participant_field_guess (const char             *header,
                                EscaleParticipantField *field)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (field != NULL, FALSE);

  if (header == NULL)
    return FALSE;

  if (escale_participant_field_from_name (header, field))
    return TRUE;

  folded = fold_header (header);
  for (guint i = 0; i < ESCALE_N_PARTICIPANT_FIELDS; i++)
    {
      g_autofree char *label = fold_header (_(fields[i].label));
      g_autofree char *english = fold_header (fields[i].label);
      g_auto(GStrv) headers = g_strsplit (fields[i].headers, "|", -1);

      /* An export made in either language reads back in the other. */
      if (g_str_equal (folded, label) || g_str_equal (folded, english) ||
          g_strv_contains ((const char * const *) headers, folded))
        {
          *field = (EscaleParticipantField) i;
          return TRUE;
        }
    }

  return FALSE;
}
