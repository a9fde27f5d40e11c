/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-demo-private.h"
#include "escale-demo.h"
#include "escale-search-text.h"

/* Demonstration participants: immigrants living in Montréal whom
 * regionalisation counsellors follow, with the names, statuses, languages,
 * occupations, households, consent histories, notes and follow-ups of a
 * real case load. Every person is fictitious: e-mail addresses end in
 * .example and phone numbers use the 555-01xx range reserved for fiction.
 * The same seed, scale and day always give the same people. */

#define PARTICIPANTS_PER_UNIT 1000

/* One transaction per batch: 100,000 people are 20 commits, not 100,000,
 * and a batch of files stays small in memory. */
#define BATCH_SIZE 5000

/* Feminine and masculine titles, as the Office québécois de la langue
 * française writes them; the TEER digit of the code (the second) tells the
 * training the job usually asks for. */
typedef struct
{
  const char *noc_code;
  const char *feminine;
  const char *masculine;
  guint       weight;
  gboolean    drives;      /* the job needs a driving licence */
  gboolean    regulated;   /* practised with a permit from a professional order */
} Occupation;

static const Occupation occupations[] = {
  { "21231", "Ingénieure logicielle", "Ingénieur logiciel", 4, FALSE, TRUE },
  { "21232", "Développeuse de logiciels", "Développeur de logiciels", 4, FALSE, FALSE },
  { "22220", "Technicienne en réseaux informatiques", "Technicien en réseaux informatiques", 3, FALSE, FALSE },
  { "21300", "Ingénieure civile", "Ingénieur civil", 3, FALSE, TRUE },
  { "21301", "Ingénieure mécanique", "Ingénieur mécanique", 2, FALSE, TRUE },
  { "22300", "Technologue en génie civil", "Technologue en génie civil", 2, FALSE, FALSE },
  { "11100", "Comptable", "Comptable", 4, FALSE, TRUE },
  { "12200", "Technicienne comptable", "Technicien comptable", 3, FALSE, FALSE },
  { "11200", "Conseillère en ressources humaines", "Conseiller en ressources humaines", 2, FALSE, FALSE },
  { "13110", "Adjointe administrative", "Adjoint administratif", 4, FALSE, FALSE },
  { "31102", "Médecin de famille", "Médecin de famille", 1, FALSE, TRUE },
  { "31120", "Pharmacienne", "Pharmacien", 1, FALSE, TRUE },
  { "31301", "Infirmière", "Infirmier", 5, FALSE, TRUE },
  { "32101", "Infirmière auxiliaire", "Infirmier auxiliaire", 3, FALSE, TRUE },
  { "33102", "Préposée aux bénéficiaires", "Préposé aux bénéficiaires", 6, FALSE, FALSE },
  { "41221", "Enseignante au primaire", "Enseignant au primaire", 3, FALSE, TRUE },
  { "42202", "Éducatrice à la petite enfance", "Éducateur à la petite enfance", 4, FALSE, FALSE },
  { "42201", "Intervenante sociale", "Intervenant social", 2, FALSE, FALSE },
  { "63200", "Cuisinière", "Cuisinier", 4, FALSE, FALSE },
  { "65200", "Serveuse", "Serveur", 2, FALSE, FALSE },
  { "64100", "Vendeuse", "Vendeur", 2, FALSE, FALSE },
  { "72106", "Soudeuse", "Soudeur", 3, FALSE, FALSE },
  { "72100", "Machiniste", "Machiniste", 2, FALSE, FALSE },
  { "72200", "Électricienne", "Électricien", 2, FALSE, FALSE },
  { "72310", "Charpentière-menuisière", "Charpentier-menuisier", 2, FALSE, FALSE },
  { "72410", "Mécanicienne automobile", "Mécanicien automobile", 3, TRUE, FALSE },
  { "73300", "Camionneuse", "Camionneur", 3, TRUE, FALSE },
  { "73400", "Opératrice d’équipement lourd", "Opérateur d’équipement lourd", 1, TRUE, FALSE },
  { "75110", "Manœuvre en construction", "Manœuvre en construction", 2, FALSE, FALSE },
  { "75101", "Manutentionnaire", "Manutentionnaire", 3, FALSE, FALSE },
  { "94141", "Bouchère industrielle", "Boucher industriel", 2, FALSE, FALSE },
  { "95106", "Ouvrière en transformation alimentaire", "Ouvrier en transformation alimentaire", 3, FALSE, FALSE },
  { "85100", "Ouvrière agricole", "Ouvrier agricole", 2, FALSE, FALSE },
};

/* Québec’s regions outside Montréal and Laval, with the article and the
 * preposition each name takes in a sentence. */
typedef struct
{
  const char *code;
  const char *the;       /* “intéressée par l’Estrie” */
  const char *in;        /* “une visite en Estrie” */
  guint       weight;
} Region;

static const Region regions[] = {
  { "01", "le Bas-Saint-Laurent", "au Bas-Saint-Laurent", 5 },
  { "02", "le Saguenay–Lac-Saint-Jean", "au Saguenay–Lac-Saint-Jean", 6 },
  { "03", "la Capitale-Nationale", "dans la Capitale-Nationale", 12 },
  { "04", "la Mauricie", "en Mauricie", 7 },
  { "05", "l’Estrie", "en Estrie", 10 },
  { "07", "l’Outaouais", "en Outaouais", 6 },
  { "08", "l’Abitibi-Témiscamingue", "en Abitibi-Témiscamingue", 5 },
  { "09", "la Côte-Nord", "sur la Côte-Nord", 2 },
  { "10", "le Nord-du-Québec", "dans le Nord-du-Québec", 1 },
  { "11", "la Gaspésie", "en Gaspésie", 3 },
  { "12", "Chaudière-Appalaches", "en Chaudière-Appalaches", 8 },
  { "14", "Lanaudière", "dans Lanaudière", 5 },
  { "15", "les Laurentides", "dans les Laurentides", 6 },
  { "16", "la Montérégie", "en Montérégie", 9 },
  { "17", "le Centre-du-Québec", "au Centre-du-Québec", 7 },
};

/* Where people live and the area codes of their phones: Montréal’s, and
 * Québec City’s for those who lived there first. */
typedef struct
{
  const char *name;
  guint       weight;
  guint       n_codes;
  guint       codes[5];          /* indices into area_codes, the usual first */
  guint       code_weights[5];
} City;

static const char *const area_codes[] = { "514", "438", "263", "367", "581", "450", "579", "354" };

static const City cities[] = {
  { "Montréal", 78, 5, { 0, 1, 2, 3, 4 }, { 50, 30, 8, 6, 6 } },
  { "Laval", 11, 3, { 5, 6, 7 }, { 60, 30, 10 } },
  { "Longueuil", 11, 3, { 5, 6, 7 }, { 60, 30, 10 } },
};

static const struct
{
  const char *text;
  guint       weight;
} sources[] = {
  { "Salon de la régionalisation", 30 },
  { "Séance d’information", 25 },
  { "Référence d’un organisme", 20 },
  { "Réseaux sociaux", 15 },
  { "Bouche à oreille", 10 },
};

static const char *const email_domains[] = {
  "courriel.example", "courriel.example", "courriel.example", "messagerie.example", "poste.example",
};

static const char *const counsellors[] = {
  "Geneviève", "Karim", "Marie-Ève", "Stéphanie", "Olivier", "Nadia", "Mathieu", "Sophie", "Jonathan",
  "Amélie",
};

/* Children born here often get names that work in both languages. */
static const char *const children_girls[] = { "Emma", "Léa", "Sofia", "Lina", "Inès", "Alice", "Maya", "Zoé", "Nora", "Adèle" };
static const char *const children_boys[] = { "Adam", "Noah", "Liam", "Nathan", "Yanis", "Elias", "Léo", "Ryan", "Samuel", "Gabriel" };

/* Case notes as counsellors write them: {e} is the feminine ending, {the}
 * and {in} a region of interest, {job} the occupation. */
static const char *const notes_any[] = {
  "Appel de suivi\u00a0: intéressé{e} par {the}, attend la réponse de l’employeur.",
  "Rencontre individuelle\u00a0: bilan du parcours, CV à adapter au marché du travail québécois.",
  "A participé à la séance d’information sur {the}. Souhaite faire une visite exploratoire.",
  "Inscrit{e} à la visite exploratoire {in}; confirmer le transport la veille.",
  "Entrevue prévue avec un employeur {in} pour un poste {job}.",
  "Pas de réponse à deux appels; courriel envoyé.",
  "Visite exploratoire terminée\u00a0: très satisfait{e}, envisage de s’installer {in}.",
  "Information transmise sur l’aide financière au déménagement en région.",
  "Rencontré{e} au salon de la régionalisation; a laissé son CV à trois employeurs.",
  "Veut comparer le coût du logement {in} avec Montréal avant de décider.",
};
static const char *const notes_children[] = {
  "Cherche un logement {in} avant la rentrée scolaire des enfants.",
  "Cherche une école primaire près du futur logement {in}.",
  "Veut connaître les services de garde {in} avant de s’engager.",
};
static const char *const notes_french[] = {
  "Francisation à temps partiel\u00a0: vise le niveau 7 avant de déménager.",
  "Suit un cours de français en ligne le soir; progrès notables depuis l’automne.",
};
static const char *const notes_regulated[] = {
  "Démarches de reconnaissance des diplômes auprès de l’ordre professionnel en cours.",
};

static const char *const open_follow_up_notes[] = {
  "Relancer pour la visite exploratoire {in}",
  "Vérifier la réponse de l’employeur",
  "Suivi trimestriel",
  "Envoyer les offres d’emploi {in}",
  "Confirmer la présence à la séance d’information",
  "Préparer l’entrevue avec l’employeur",
};

typedef struct
{
  GRand            *rand;
  GDate             today;
  guint32           today_day;
  GHashTable       *used_names;    /* folded name and year of birth, both orders */
  GHashTable       *used_emails;
  gboolean          used_phones[G_N_ELEMENTS (area_codes)][100];
  guint             free_phones[G_N_ELEMENTS (area_codes)];
  EscaleDemoCounts *counts;
} Generator;

#define PICK(rand, list) ((list).items[g_rand_int_range ((rand), 0, (list).n_items)])
#define PICK_ARRAY(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])
#define CHANCE(rand, percent) (g_rand_int_range ((rand), 0, 100) < (int) (percent))

/* Picks an index of @array by the weights of its elements. */
#define PICK_WEIGHTED(rand, array) \
  pick_weighted ((rand), &(array)[0].weight, sizeof ((array)[0]), G_N_ELEMENTS (array))

static guint
pick_weighted (GRand       *rand,
               const guint *first_weight,
               gsize        stride,
               guint        n)
{
  guint total = 0;
  int draw;

  for (guint i = 0; i < n; i++)
    total += *(const guint *) ((const char *) first_weight + i * stride);

  draw = g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < n; i++)
    {
      draw -= (int) *(const guint *) ((const char *) first_weight + i * stride);
      if (draw < 0)
        return i;
    }

  g_assert_not_reached ();
}

/* A number in [low, high], more often near @low: arrivals are mostly
 * recent, follow-ups mostly near. */
static int
skewed_low (GRand *rand,
            int    low,
            int    high)
{
  int a = g_rand_int_range (rand, low, high + 1);
  int b = g_rand_int_range (rand, low, high + 1);

  return MIN (a, b);
}

static char *
format_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return escale_calendar_date_format (&date);
}

/* "Aïcha" → "aicha", "N’Guessan" → "nguessan", "El Amrani" → "el.amrani" */
static char *
email_word (const char *name)
{
  g_autofree char *folded = escale_search_fold (name);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (word, g_ascii_tolower (*p));
      else if ((*p == ' ' || *p == '-') && word->len > 0 && word->str[word->len - 1] != '.')
        g_string_append_c (word, '.');
    }

  return g_string_free (word, FALSE);
}

/* Addresses as people make them; a taken one gets a number, as the
 * provider would require, so that no two files share an address. */
static char *
make_email (Generator  *gen,
            const char *given,
            const char *family,
            int         birth_year)
{
  g_autofree char *first = email_word (given);
  g_autofree char *last = email_word (family);
  g_autofree char *local = NULL;
  const char *domain = PICK_ARRAY (gen->rand, email_domains);
  char *email;
  int style = g_rand_int_range (gen->rand, 0, 10);

  if (style < 6)
    local = g_strdup_printf ("%s.%s", first, last);
  else if (style < 7)
    local = g_strdup_printf ("%c.%s", first[0], last);
  else if (style < 8)
    local = g_strdup_printf ("%s.%s", last, first);
  else
    local = g_strdup_printf ("%s.%s%02d", first, last, birth_year % 100);

  email = g_strdup_printf ("%s@%s", local, domain);
  for (guint n = 2; g_hash_table_contains (gen->used_emails, email); n++)
    {
      g_free (email);
      email = g_strdup_printf ("%s%u@%s", local, n, domain);
    }
  g_hash_table_add (gen->used_emails, g_strdup (email));

  return email;
}

/* Only 100 numbers per area code are fictitious: each goes to one person
 * while some are left, so that phones do not pair strangers as duplicates.
 * A full area code passes people on to the next one of their city. Past
 * that (large scales), most people have no phone on file and a few share
 * one. */
static char *
make_phone (Generator *gen,
            guint      city)
{
  const City *c = &cities[city];
  guint first = pick_weighted (gen->rand, c->code_weights, sizeof (c->code_weights[0]), c->n_codes);
  guint number = (guint) g_rand_int_range (gen->rand, 0, 100);
  guint n_free = 0;

  for (guint i = 0; i < c->n_codes; i++)
    n_free += gen->free_phones[c->codes[i]];

  if (n_free == 0)
    {
      if (!CHANCE (gen->rand, 1))
        return NULL;
      return g_strdup_printf ("%s 555-01%02u", area_codes[c->codes[first]], number);
    }

  for (guint i = 0; i < c->n_codes; i++)
    {
      guint code = c->codes[(first + i) % c->n_codes];

      if (gen->free_phones[code] == 0)
        continue;

      for (guint j = 0; j < 100; j++)
        {
          guint candidate = (number + j) % 100;

          if (!gen->used_phones[code][candidate])
            {
              gen->used_phones[code][candidate] = TRUE;
              gen->free_phones[code]--;
              return g_strdup_printf ("%s 555-01%02u", area_codes[code], candidate);
            }
        }
    }

  g_assert_not_reached ();
}

static char *
preferred_name (GRand                     *rand,
                const EscaleDemoNameGroup *names,
                gboolean                   woman,
                const char                *given)
{
  const char *space = strchr (given, ' ');

  switch (names->preferred)
    {
    case ESCALE_DEMO_PREFERRED_ENGLISH:
      if (CHANCE (rand, 35))
        return g_strdup (PICK (rand, *_escale_demo_get_english_names (woman)));
      break;
    case ESCALE_DEMO_PREFERRED_LAST_WORD:
      if (space != NULL && CHANCE (rand, 60))
        return g_strdup (strrchr (given, ' ') + 1);
      break;
    case ESCALE_DEMO_PREFERRED_FIRST_WORD:
      if (space != NULL && CHANCE (rand, 50))
        return g_strndup (given, space - given);
      break;
    case ESCALE_DEMO_PREFERRED_NONE:
    default:
      break;
    }

  return NULL;
}

static char *
name_key (const char *first,
          const char *second,
          int         birth_year)
{
  g_autofree char *folded = escale_search_fold (first);
  g_autofree char *folded_second = escale_search_fold (second);

  return g_strdup_printf ("%s\n%s\n%d", folded, folded_second, birth_year);
}

/* The names and year of birth of someone from @country. The duplicate
 * finder pairs files with the same name and year of birth: a pair already
 * used is drawn again a few times, so that only large scales, like real
 * case loads, hold a few namesakes. */
static void
choose_identity (Generator                *gen,
                 const EscaleDemoCountry  *country,
                 gboolean                  woman,
                 int                       low_age,
                 int                       high_age,
                 char                    **given,
                 char                    **family,
                 int                      *birth_year)
{
  const EscaleDemoNameGroup *names = country->names;
  int year = g_date_get_year (&gen->today);

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *key = NULL;

      g_clear_pointer (given, g_free);
      g_clear_pointer (family, g_free);

      *given = g_strdup (woman ? PICK (gen->rand, names->women) : PICK (gen->rand, names->men));
      if (names->two_family_names && CHANCE (gen->rand, 70))
        {
          const char *father = PICK (gen->rand, names->families);
          const char *mother = PICK (gen->rand, names->families);

          *family = g_str_equal (father, mother) ? g_strdup (father) : g_strdup_printf ("%s %s", father, mother);
        }
      else
        *family = g_strdup (PICK (gen->rand, names->families));

      /* Most participants are between 25 and 45. */
      if (CHANCE (gen->rand, 70))
        *birth_year = year - g_rand_int_range (gen->rand, MAX (low_age, 25), MIN (high_age, 45) + 1);
      else
        *birth_year = year - g_rand_int_range (gen->rand, low_age, high_age + 1);

      key = name_key (*given, *family, *birth_year);
      if (!g_hash_table_contains (gen->used_names, key) || attempt == 6)
        {
          g_hash_table_add (gen->used_names, g_steal_pointer (&key));
          g_hash_table_add (gen->used_names, name_key (*family, *given, *birth_year));
          return;
        }
    }
}

static EscaleImmigrationStatus
choose_status (GRand                   *rand,
               const EscaleDemoCountry *country)
{
  static const struct
  {
    EscaleImmigrationStatus status;
    guint                   weight;
  } statuses[] = {
    { ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT, 38 },
    { ESCALE_IMMIGRATION_STATUS_OPEN_WORK_PERMIT, 16 },
    { ESCALE_IMMIGRATION_STATUS_CITIZEN, 13 },
    { ESCALE_IMMIGRATION_STATUS_CLOSED_WORK_PERMIT, 10 },
    { ESCALE_IMMIGRATION_STATUS_STUDENT, 8 },
    { ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY, 6 },
    { ESCALE_IMMIGRATION_STATUS_REFUGEE, 6 },
    { ESCALE_IMMIGRATION_STATUS_ASYLUM_SEEKER, 3 },
  };
  EscaleImmigrationStatus status;

  /* Young French and Belgians come in numbers with a working holiday
   * permit; it exists only with countries that signed an agreement. Some
   * countries send no refugees. */
  if (country->working_holiday && CHANCE (rand, 10))
    return ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY;

  status = statuses[PICK_WEIGHTED (rand, statuses)].status;
  if (status == ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY && !country->working_holiday)
    return ESCALE_IMMIGRATION_STATUS_OPEN_WORK_PERMIT;
  if ((status == ESCALE_IMMIGRATION_STATUS_REFUGEE || status == ESCALE_IMMIGRATION_STATUS_ASYLUM_SEEKER) &&
      !country->asylum)
    return ESCALE_IMMIGRATION_STATUS_PERMANENT_RESIDENT;

  return status;
}

/* Days since arrival: citizenship takes years; permits and claims are recent. */
static int
days_since_arrival (GRand                   *rand,
                    EscaleImmigrationStatus  status)
{
  switch (status)
    {
    case ESCALE_IMMIGRATION_STATUS_CITIZEN:
      return g_rand_int_range (rand, 4 * 365, 10 * 365 + 1);
    case ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY:
      return skewed_low (rand, 0, 2 * 365);
    case ESCALE_IMMIGRATION_STATUS_OPEN_WORK_PERMIT:
    case ESCALE_IMMIGRATION_STATUS_CLOSED_WORK_PERMIT:
    case ESCALE_IMMIGRATION_STATUS_STUDENT:
    case ESCALE_IMMIGRATION_STATUS_ASYLUM_SEEKER:
      return skewed_low (rand, 0, 4 * 365);
    default:
      return skewed_low (rand, 0, 10 * 365);
    }
}

/* Immigrants are often more educated than the job they find first. */
static EscaleEducation
choose_education (GRand      *rand,
                  const char *noc_code)
{
  int draw = g_rand_int_range (rand, 0, 100);

  if (draw < 5)
    return ESCALE_EDUCATION_UNKNOWN;

  switch (noc_code[1])
    {
    case '0':
    case '1':
      return draw < 55 ? ESCALE_EDUCATION_BACHELOR : draw < 90 ? ESCALE_EDUCATION_MASTER : ESCALE_EDUCATION_DOCTORATE;
    case '2':
      return draw < 50 ? ESCALE_EDUCATION_COLLEGE : draw < 70 ? ESCALE_EDUCATION_VOCATIONAL : ESCALE_EDUCATION_BACHELOR;
    case '3':
      return draw < 50 ? ESCALE_EDUCATION_VOCATIONAL : draw < 75 ? ESCALE_EDUCATION_SECONDARY : ESCALE_EDUCATION_COLLEGE;
    default:
      return draw < 50 ? ESCALE_EDUCATION_SECONDARY : draw < 70 ? ESCALE_EDUCATION_VOCATIONAL
                       : draw < 90 ? ESCALE_EDUCATION_BACHELOR : ESCALE_EDUCATION_COLLEGE;
    }
}

static GStrv
choose_regions (GRand          *rand,
                const Region  **first)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  guint chosen[3];
  guint n = (guint) g_rand_int_range (rand, 1, 4);
  guint n_chosen = 0;

  while (n_chosen < n)
    {
      guint index = PICK_WEIGHTED (rand, regions);
      gboolean taken = FALSE;

      for (guint i = 0; i < n_chosen; i++)
        taken |= chosen[i] == index;
      if (taken)
        continue;

      chosen[n_chosen++] = index;
      g_strv_builder_add (codes, regions[index].code);
    }

  *first = &regions[chosen[0]];
  return g_strv_builder_end (codes);
}

static int
level (GRand        *rand,
       const guint8  range[2],
       int           bonus)
{
  int drawn = g_rand_int_range (rand, range[0], range[1] + 1) + bonus;

  return CLAMP (drawn, 1, 12);
}

/* Returns: how many children */
static guint
add_household (Generator               *gen,
               EscaleParticipant       *participant,
               const EscaleDemoCountry *country,
               gboolean                 woman,
               int                      birth_year)
{
  const EscaleDemoNameGroup *names = country->names;
  int this_year = g_date_get_year (&gen->today);
  gboolean spouse = CHANCE (gen->rand, 34);
  guint n_children = 0;

  if (spouse)
    {
      g_autoptr(EscaleHouseholdMember) member = NULL;
      const char *name = woman ? PICK (gen->rand, names->men) : PICK (gen->rand, names->women);
      int spouse_year = birth_year + g_rand_int_range (gen->rand, -5, 6);

      member = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_SPOUSE, name, MIN (spouse_year, this_year - 20));
      escale_participant_add_household_member (participant, member);
      if (CHANCE (gen->rand, 60))
        n_children = (guint) g_rand_int_range (gen->rand, 1, 4);
    }
  else if (CHANCE (gen->rand, 6))
    n_children = (guint) g_rand_int_range (gen->rand, 1, 3);

  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(EscaleHouseholdMember) member = NULL;
      gboolean girl = g_rand_boolean (gen->rand);
      const char *name;
      int oldest = MAX (birth_year + 20, this_year - 17);

      if (g_rand_boolean (gen->rand))
        name = girl ? PICK (gen->rand, names->women) : PICK (gen->rand, names->men);
      else
        name = girl ? PICK_ARRAY (gen->rand, children_girls) : PICK_ARRAY (gen->rand, children_boys);

      member = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_CHILD, name,
                                            g_rand_int_range (gen->rand, MIN (oldest, this_year), this_year + 1));
      escale_participant_add_household_member (participant, member);
    }

  /* Now and then a parent lives with the family. */
  if (CHANCE (gen->rand, 2))
    {
      g_autoptr(EscaleHouseholdMember) member = NULL;
      const char *name = PICK (gen->rand, names->women);
      int parent_year = birth_year - g_rand_int_range (gen->rand, 20, 31);

      member = escale_household_member_new (ESCALE_HOUSEHOLD_RELATION_OTHER, name, parent_year);
      escale_participant_add_household_member (participant, member);
    }

  return n_children;
}

/* The notice in force on @day: Loi 25’s consent rules came into force in
 * September 2023, and the notice was revised since. */
static const char *
notice_version (const char *day)
{
  if (strcmp (day, "2026-01-01") >= 0)
    return "2026-01";
  if (strcmp (day, "2025-01-01") >= 0)
    return "2025-01";
  return "2023-09";
}

static void
add_consent (Generator            *gen,
             EscaleParticipant    *participant,
             EscaleConsentPurpose  purpose,
             gboolean              granted,
             guint32               day,
             const char           *counsellor)
{
  g_autofree char *given_on = format_day (day);
  g_autoptr(EscaleConsent) consent = NULL;

  consent = escale_consent_new (purpose, granted, given_on, notice_version (given_on), counsellor);
  escale_participant_add_consent (participant, consent);
  gen->counts->consents++;
}

static void
add_consents (Generator         *gen,
              EscaleParticipant *participant,
              guint32            registered,
              const char        *counsellor)
{
  static const struct
  {
    EscaleConsentPurpose purpose;
    guint                percent;
  } optional[] = {
    { ESCALE_CONSENT_PURPOSE_EMPLOYERS, 65 },
    { ESCALE_CONSENT_PURPOSE_PARTNERS, 55 },
    { ESCALE_CONSENT_PURPOSE_SURVEYS, 60 },
  };
  EscaleConsentPurpose granted[G_N_ELEMENTS (optional)];
  guint n_granted = 0;

  add_consent (gen, participant, ESCALE_CONSENT_PURPOSE_REGISTRATION, TRUE, registered, counsellor);
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      if (CHANCE (gen->rand, optional[i].percent))
        {
          add_consent (gen, participant, optional[i].purpose, TRUE, registered, counsellor);
          granted[n_granted++] = optional[i].purpose;
        }
    }

  /* A few change their mind later: the withdrawal is a record of its own. */
  if (n_granted > 0 && registered < gen->today_day && CHANCE (gen->rand, 5))
    {
      EscaleConsentPurpose purpose = granted[g_rand_int_range (gen->rand, 0, n_granted)];
      guint32 withdrawn = registered + g_rand_int_range (gen->rand, 1, gen->today_day - registered + 1);

      add_consent (gen, participant, purpose, FALSE, withdrawn, counsellor);
    }
}

/* Expands {e}, {the}, {in} and {job} in a note. */
static char *
fill_template (const char   *template,
               gboolean      woman,
               const Region *region,
               const char   *occupation)
{
  GString *text = g_string_new (template);
  g_autofree char *job = g_utf8_strdown (occupation, -1);
  g_autofree char *folded = escale_search_fold (job);
  g_autofree char *of_job = NULL;

  /* “un poste d’infirmière”, “un poste de soudeur” */
  if (folded[0] != '\0' && strchr ("aeiouh", folded[0]) != NULL)
    of_job = g_strdup_printf ("d’%s", job);
  else
    of_job = g_strdup_printf ("de %s", job);

  g_string_replace (text, "{e}", woman ? "e" : "", 0);
  g_string_replace (text, "{the}", region->the, 0);
  g_string_replace (text, "{in}", region->in, 0);
  g_string_replace (text, "{job}", of_job, 0);

  return g_string_free (text, FALSE);
}

static void
add_notes (Generator         *gen,
           EscaleParticipant *participant,
           guint32            registered,
           gboolean           woman,
           const Region      *region,
           const Occupation  *occupation,
           int                french_level,
           guint              n_children,
           const char        *counsellor)
{
  static const guint weights[] = { 25, 35, 25, 15 };
  guint n = pick_weighted (gen->rand, weights, sizeof (weights[0]), G_N_ELEMENTS (weights));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleCaseNote) note = NULL;
      g_autofree char *written_on = NULL;
      g_autofree char *body = NULL;
      const char *template = PICK_ARRAY (gen->rand, notes_any);
      int draw = g_rand_int_range (gen->rand, 0, 10);

      if (draw == 0 && n_children > 0)
        template = PICK_ARRAY (gen->rand, notes_children);
      else if (draw == 1 && french_level > 0 && french_level < 7)
        template = PICK_ARRAY (gen->rand, notes_french);
      else if (draw == 2 && occupation->regulated)
        template = PICK_ARRAY (gen->rand, notes_regulated);

      written_on = format_day (registered + g_rand_int_range (gen->rand, 0, gen->today_day - registered + 1));
      body = fill_template (template, woman, region,
                            woman ? occupation->feminine : occupation->masculine);
      note = escale_case_note_new (written_on, counsellor, body);
      escale_participant_add_note (participant, note);
      gen->counts->notes++;
    }
}

static EscaleFollowUpKind
follow_up_kind (GRand *rand)
{
  static const struct
  {
    EscaleFollowUpKind kind;
    guint              weight;
  } kinds[] = {
    { ESCALE_FOLLOW_UP_KIND_CALL, 45 },
    { ESCALE_FOLLOW_UP_KIND_EMAIL, 25 },
    { ESCALE_FOLLOW_UP_KIND_MEETING, 20 },
    { ESCALE_FOLLOW_UP_KIND_VISIT, 5 },
    { ESCALE_FOLLOW_UP_KIND_OTHER, 5 },
  };

  return kinds[PICK_WEIGHTED (rand, kinds)].kind;
}

/* Done ones with what came of them; open ones late, due this week (Monday
 * to Sunday, as escale_due_state_classify() counts) or due later. */
static void
add_follow_up (Generator         *gen,
               EscaleParticipant *participant,
               guint32            registered,
               gboolean           woman,
               const Region      *region,
               const char        *open_note)
{
  static const struct
  {
    EscaleFollowUpOutcome outcome;
    const char           *note;
    guint                 weight;
  } outcomes[] = {
    { ESCALE_FOLLOW_UP_OUTCOME_NONE, "Rien de nouveau; attend toujours des nouvelles", 35 },
    { ESCALE_FOLLOW_UP_OUTCOME_INTERVIEW, "Entrevue obtenue chez un employeur {in}", 20 },
    { ESCALE_FOLLOW_UP_OUTCOME_JOB, "Embauché{e} {in}; début dans deux semaines", 12 },
    { ESCALE_FOLLOW_UP_OUTCOME_INTERNSHIP, "Stage de quatre semaines {in}", 5 },
    { ESCALE_FOLLOW_UP_OUTCOME_SETTLED, "Installé{e} {in}; suivi d’établissement à faire", 8 },
    { ESCALE_FOLLOW_UP_OUTCOME_NOT_PURSUING, "Préfère rester dans la région de Montréal pour le moment", 10 },
  };
  g_autoptr(EscaleFollowUp) follow_up = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *notes = NULL;
  guint days_to_sunday = G_DATE_SUNDAY - g_date_get_weekday (&gen->today);
  int state = open_note != NULL ? g_rand_int_range (gen->rand, 50, 80) : g_rand_int_range (gen->rand, 0, 100);
  guint32 due;

  if (state < 50)
    {
      guint index = PICK_WEIGHTED (gen->rand, outcomes);
      guint32 earliest = MIN (registered + 7, gen->today_day);
      g_autofree char *done_on = NULL;
      guint32 done;

      due = earliest + (guint32) skewed_low (gen->rand, 0, (int) (gen->today_day - earliest));
      done = due + g_rand_int_range (gen->rand, 0, 6);
      done_on = format_day (MIN (done, gen->today_day));
      due_on = format_day (due);
      notes = fill_template (outcomes[index].note, woman, region, "");
      follow_up = escale_follow_up_new (due_on, follow_up_kind (gen->rand));
      escale_follow_up_complete (follow_up, outcomes[index].outcome, done_on);
    }
  else
    {
      if (state < 65)
        due = gen->today_day - skewed_low (gen->rand, 1, 30);
      else if (state < 80)
        due = gen->today_day + g_rand_int_range (gen->rand, 0, days_to_sunday + 1);
      else
        due = gen->today_day + days_to_sunday + skewed_low (gen->rand, 1, 90);

      due_on = format_day (due);
      notes = fill_template (open_note != NULL ? open_note : PICK_ARRAY (gen->rand, open_follow_up_notes),
                             woman, region, "");
      follow_up = escale_follow_up_new (due_on, open_note != NULL ? ESCALE_FOLLOW_UP_KIND_CALL : follow_up_kind (gen->rand));
    }

  escale_follow_up_set_notes (follow_up, notes);
  escale_participant_add_follow_up (participant, follow_up);
  gen->counts->follow_ups++;
}

static const EscaleDemoCountry *
pick_country (GRand *rand)
{
  guint n_countries;
  const EscaleDemoCountry *countries = _escale_demo_get_countries (&n_countries);

  return &countries[pick_weighted (rand, &countries[0].weight, sizeof (countries[0]), n_countries)];
}

static EscaleParticipant *
make_participant (Generator *gen)
{
  GRand *rand = gen->rand;
  const EscaleDemoCountry *country = pick_country (rand);
  const Occupation *occupation = &occupations[PICK_WEIGHTED (rand, occupations)];
  const Region *region = NULL;
  guint city = PICK_WEIGHTED (rand, cities);
  gboolean woman = CHANCE (rand, 52);
  EscaleImmigrationStatus status = choose_status (rand, country);
  g_autoptr(EscaleParticipant) participant = escale_participant_new ();
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *arrived_on = NULL;
  g_auto(GStrv) region_codes = NULL;
  const char *counsellor = PICK_ARRAY (rand, counsellors);
  const char *languages;
  const char *source;
  EscaleEducation education;
  int low_age = 22, high_age = 61;
  int birth_year, french, english, experience;
  int arrival_days;
  gboolean licence;
  guint n_children;
  guint32 registered;

  if (status == ESCALE_IMMIGRATION_STATUS_WORKING_HOLIDAY)
    high_age = 35;
  else if (status == ESCALE_IMMIGRATION_STATUS_STUDENT)
    high_age = 40;

  choose_identity (gen, country, woman, low_age, high_age, &given, &family, &birth_year);
  preferred = preferred_name (rand, country->names, woman, given);
  if (CHANCE (rand, 82))
    email = make_email (gen, preferred != NULL ? preferred : given, family, birth_year);
  if (CHANCE (rand, 45))
    phone = make_phone (gen, city);

  arrival_days = days_since_arrival (rand, status);
  arrived_on = format_day (gen->today_day - arrival_days);

  /* French improves with the years spent in Québec. */
  french = CHANCE (rand, 6) ? 0 : level (rand, country->french, arrival_days > 3 * 365 ? 1 : 0);
  english = CHANCE (rand, 10) ? 0 : level (rand, country->english, 0);
  experience = CHANCE (rand, 5) ? -1 : g_rand_int_range (rand, 0, MIN (g_date_get_year (&gen->today) - birth_year - 20, 25) + 1);
  region_codes = choose_regions (rand, &region);
  languages = CHANCE (rand, 85) ? country->languages : NULL;
  education = choose_education (rand, occupation->noc_code);
  licence = occupation->drives || CHANCE (rand, 55);
  source = sources[PICK_WEIGHTED (rand, sources)].text;

  /* Every value is drawn above, in a fixed order: the order in which C
   * evaluates arguments is unspecified, and the data set must not depend
   * on the compiler. */
  g_object_set (participant,
                "given-name", given,
                "family-name", family,
                "preferred-name", preferred,
                "birth-year", birth_year,
                "email", email,
                "phone", phone,
                "city", cities[city].name,
                "preferred-language", french > 0 && french <= 4 && english >= 7 ? "en" : "fr",
                "immigration-status", status,
                "arrived-on", arrived_on,
                "country-of-origin", country->name,
                "french-level", french,
                "english-level", english,
                "other-languages", languages,
                "education", education,
                "occupation", woman ? occupation->feminine : occupation->masculine,
                "noc-code", occupation->noc_code,
                "experience-years", experience,
                "driving-licence", licence,
                "regions", region_codes,
                "source", source,
                NULL);

  n_children = add_household (gen, participant, country, woman, birth_year);

  /* Registered after arriving, within the last three years. */
  registered = gen->today_day - (guint32) g_rand_int_range (rand, 0, MIN (arrival_days, 3 * 365) + 1);
  if (CHANCE (rand, 90))
    {
      guint n_follow_ups = (guint) g_rand_int_range (rand, 0, 5) / 2;

      add_consents (gen, participant, registered, counsellor);
      add_notes (gen, participant, registered, woman, region, occupation, french, n_children, counsellor);
      for (guint i = 0; i < n_follow_ups; i++)
        add_follow_up (gen, participant, registered, woman, region, NULL);
    }
  else if (g_rand_boolean (rand))
    {
      /* Imported from a fair’s sign-up sheet: someone must call them. */
      add_follow_up (gen, participant, registered, woman, region,
                     "Appeler pour présenter le service et recueillir le consentement");
    }

  gen->counts->participants++;
  return g_steal_pointer (&participant);
}

/**
 * escale_demo_check_participants_empty:
 *
 * Demonstration people must never mix with a counsellor’s real ones: call
 * this before filling anything, so that a refused database is left as it
 * was.
 *
 * Returns: %TRUE when @participants holds nobody
 */
gboolean
escale_demo_check_participants_empty (EscaleParticipantRepository  *participants,
                                      GError                      **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), FALSE);

  if (escale_participant_repository_count (participants) > 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("This database already holds data; demonstration data goes into a new, empty database"));
      return FALSE;
    }

  return TRUE;
}

/**
 * escale_demo_generate_participants:
 * @seed: the random seed; the same seed gives the same people
 * @scale: multiplies the volumes: 1,000 participants per unit
 * @today: the day the data set is built around (arrivals, consents and
 *   notes before it, open follow-ups around it)
 * @counts: (inout): its participant counters are set; the others are left
 *
 * Fills an empty participant list with demonstration files, one
 * transaction per batch of 5,000. A database that already holds
 * participants is refused.
 */
gboolean
escale_demo_generate_participants (EscaleParticipantRepository  *participants,
                                   guint32                       seed,
                                   guint                         scale,
                                   const GDate                  *today,
                                   EscaleDemoCounts             *counts,
                                   GError                      **error)
{
  EscaleDemoCounts local_counts = { 0 };
  Generator gen = { 0 };
  guint n_participants;
  gboolean ok = TRUE;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!escale_demo_check_participants_empty (participants, error))
    return FALSE;

  /* Not the partners’ sequence: the same seed must not make the first
   * participant echo the first partner’s draws. */
  gen.rand = g_rand_new_with_seed (seed ^ 0x9e3779b9u);
  gen.today = *today;
  gen.today_day = g_date_get_julian (today);
  gen.used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.used_emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.counts = &local_counts;
  for (guint i = 0; i < G_N_ELEMENTS (area_codes); i++)
    gen.free_phones[i] = 100;

  n_participants = PARTICIPANTS_PER_UNIT * scale;
  for (guint done = 0; ok && done < n_participants; done += BATCH_SIZE)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + BATCH_SIZE, n_participants); i++)
        g_ptr_array_add (batch, make_participant (&gen));

      ok = escale_participant_repository_save_many (participants, batch, error);
    }

  g_rand_free (gen.rand);
  g_hash_table_unref (gen.used_names);
  g_hash_table_unref (gen.used_emails);

  if (ok && counts != NULL)
    {
      counts->participants = local_counts.participants;
      counts->consents = local_counts.consents;
      counts->notes = local_counts.notes;
      counts->follow_ups = local_counts.follow_ups;
    }

  return ok;
}
