/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-demo.h"

/* A realistic, deterministic data set for demonstrations, screenshots and
 * benchmarks. Every organisation is fictitious: e-mail domains end in
 * .example and phone numbers use the 555-01xx range reserved for fiction.
 * The same seed, scale and day always give the same data. */

typedef struct
{
  const char *region;
  const char *city;
  const char *mrc;
  const char *postal_prefix;
  const char *area_code;
  double      latitude;
  double      longitude;
} Town;

static const Town towns[] = {
  { "01", "Rimouski", "Rimouski-Neigette", "G5L", "418", 48.4490, -68.5240 },
  { "01", "Rivière-du-Loup", "Rivière-du-Loup", "G5R", "418", 47.8350, -69.5360 },
  { "01", "Matane", "La Matanie", "G4W", "418", 48.8460, -67.5330 },
  { "02", "Saguenay", "Le Fjord-du-Saguenay", "G7H", "418", 48.4280, -71.0680 },
  { "02", "Alma", "Lac-Saint-Jean-Est", "G8B", "418", 48.5500, -71.6490 },
  { "02", "Roberval", "Le Domaine-du-Roy", "G8H", "418", 48.5190, -72.2230 },
  { "03", "Québec", "Québec", "G1R", "418", 46.8130, -71.2080 },
  { "03", "Baie-Saint-Paul", "Charlevoix", "G3Z", "418", 47.4410, -70.4980 },
  { "04", "Trois-Rivières", "Trois-Rivières", "G9A", "819", 46.3430, -72.5430 },
  { "04", "Shawinigan", "Shawinigan", "G9N", "819", 46.5660, -72.7490 },
  { "04", "La Tuque", "La Tuque", "G9X", "819", 47.4360, -72.7820 },
  { "05", "Sherbrooke", "Sherbrooke", "J1H", "819", 45.4040, -71.8930 },
  { "05", "Magog", "Memphrémagog", "J1X", "819", 45.2660, -72.1470 },
  { "05", "Coaticook", "Coaticook", "J1A", "819", 45.1340, -71.8050 },
  { "07", "Gatineau", "Gatineau", "J8X", "819", 45.4770, -75.7010 },
  { "07", "Maniwaki", "La Vallée-de-la-Gatineau", "J9E", "819", 46.3770, -75.9660 },
  { "08", "Rouyn-Noranda", "Rouyn-Noranda", "J9X", "819", 48.2390, -79.0180 },
  { "08", "Val-d’Or", "La Vallée-de-l’Or", "J9P", "819", 48.0970, -77.7970 },
  { "08", "Amos", "Abitibi", "J9T", "819", 48.5670, -78.1170 },
  { "09", "Baie-Comeau", "Manicouagan", "G4Z", "418", 49.2170, -68.1480 },
  { "09", "Sept-Îles", "Sept-Rivières", "G4R", "418", 50.2120, -66.3760 },
  { "10", "Chibougamau", "Jamésie", "G8P", "418", 49.9130, -74.3790 },
  { "11", "Gaspé", "La Côte-de-Gaspé", "G4X", "418", 48.8310, -64.4870 },
  { "11", "Carleton-sur-Mer", "Avignon", "G0C", "418", 48.1040, -66.1280 },
  { "11", "Cap-aux-Meules", "Les Îles-de-la-Madeleine", "G4T", "418", 47.3800, -61.8610 },
  { "12", "Lévis", "Lévis", "G6V", "418", 46.8030, -71.1780 },
  { "12", "Saint-Georges", "Beauce-Sartigan", "G5Y", "418", 46.1170, -70.6700 },
  { "12", "Thetford Mines", "Les Appalaches", "G6G", "418", 46.0910, -71.3020 },
  { "14", "Joliette", "Joliette", "J6E", "450", 46.0220, -73.4400 },
  { "15", "Mont-Laurier", "Antoine-Labelle", "J9L", "819", 46.5520, -75.4990 },
  { "15", "Saint-Jérôme", "La Rivière-du-Nord", "J7Z", "450", 45.7800, -74.0030 },
  { "16", "Granby", "La Haute-Yamaska", "J2G", "450", 45.4000, -72.7330 },
  { "16", "Saint-Hyacinthe", "Les Maskoutains", "J2S", "450", 45.6310, -72.9570 },
  { "17", "Drummondville", "Drummond", "J2B", "819", 45.8830, -72.4840 },
  { "17", "Victoriaville", "Arthabaska", "J6P", "819", 46.0570, -71.9610 },
};

static const Town montreal = { "06", "Montréal", "Montréal", "H2X", "514", 45.5090, -73.5880 };

/* Name patterns per kind, filled with a town, its MRC and a surname. */
static const char *const host_names[] = {
  "Place aux jeunes {mrc}", "Service d’accueil des nouveaux arrivants de {town}",
  "Carrefour jeunesse-emploi {mrc}", "Accueil et intégration {town}",
};
static const char *const regionalisation_names[] = {
  "Passerelle Régions", "Cap sur les régions", "Horizon Régions Montréal", "Tremplin Québec-Régions",
  "Carrefour d’intégration en région", "Destination Régions", "Alliance Montréal-Régions",
  "Nouveaux horizons Québec",
};
static const char *const health_names[] = {
  "Centre intégré de santé de {mrc}", "Clinique médicale de {town}",
};
static const char *const education_names[] = {
  "Cégep de {town}", "Centre de formation professionnelle de {town}", "Centre de services scolaire de {mrc}",
};
static const char *const chamber_names[] = {
  "Chambre de commerce de {town}", "Chambre de commerce et d’industrie de {mrc}",
};
static const char *const development_names[] = {
  "Société de développement économique de {town}", "Corporation de développement de {mrc}",
};
static const char *const municipality_names[] = {
  "Ville de {town}", "MRC de {mrc}",
};
static const char *const employer_names[] = {
  "Usinage {town} inc.", "Transport {surname} et fils", "Fromagerie {surname}", "Scierie {mrc}",
  "Boulangerie {surname}", "Aliments {surname} ltée", "Pêcheries de {town}", "Résidence {surname}",
  "Métal {town}", "Groupe {surname}", "Garage {surname}", "Serres {surname}", "Imprimerie {town}",
};

static const char *const surnames[] = {
  "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
  "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
  "Boucher", "Nguyen", "Diallo", "Haddad", "Rodríguez", "Traoré", "Benali", "Mensah", "Pierre-Louis",
};
static const char *const given_names[] = {
  "Marie", "Sophie", "Julie", "Isabelle", "Nathalie", "Catherine", "Mélanie", "Geneviève", "Amina",
  "Fatou", "Lucía", "Mariam", "Jean", "Martin", "François", "Éric", "Stéphane", "Mathieu", "Alexandre",
  "Karim", "Moussa", "Diego", "Olivier", "Samuel",
};
static const char *const roles[] = {
  "Directrice générale", "Conseiller en régionalisation", "Agente de liaison",
  "Responsable des ressources humaines", "Coordonnatrice Place aux jeunes", "Commissaire industriel",
  "Agent de développement", "Directeur des opérations",
};
static const char *const tags_pool[] = {
  "visite exploratoire", "salon", "emplois", "logement", "francisation", "santé", "manufacturier",
  "agroalimentaire", "pêches", "transport", "tourisme", "familles",
};
static const char *const summaries[] = {
  "Appel pour préparer la visite exploratoire",
  "Rencontre avec l’équipe d’accueil",
  "Présentation des postes à pourvoir",
  "Courriel de suivi après le salon",
  "Visite de l’entreprise avec deux candidats",
  "Confirmation de la participation au dîner des employeurs",
};
static const char *const next_steps[] = {
  "Envoyer la liste des participants",
  "Confirmer l’autobus",
  "Rappeler pour les offres d’emploi",
  "Réserver la salle pour la séance d’information",
  "Transmettre le sondage de satisfaction",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static char *
fictional_phone (GRand      *rand,
                 const Town *town)
{
  return g_strdup_printf ("%s 555-01%02d", town->area_code, g_rand_int_range (rand, 0, 100));
}

static EscalePartnerKind
pick_kind (GRand *rand)
{
  /* Employers are most of a regional directory. */
  static const EscalePartnerKind weights[] = {
    ESCALE_PARTNER_KIND_EMPLOYER, ESCALE_PARTNER_KIND_EMPLOYER, ESCALE_PARTNER_KIND_EMPLOYER,
    ESCALE_PARTNER_KIND_EMPLOYER, ESCALE_PARTNER_KIND_EMPLOYER, ESCALE_PARTNER_KIND_REGIONAL_HOST,
    ESCALE_PARTNER_KIND_REGIONAL_HOST, ESCALE_PARTNER_KIND_HEALTH, ESCALE_PARTNER_KIND_EDUCATION,
    ESCALE_PARTNER_KIND_CHAMBER_OF_COMMERCE, ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT,
    ESCALE_PARTNER_KIND_MUNICIPALITY, ESCALE_PARTNER_KIND_REGIONALISATION, ESCALE_PARTNER_KIND_OTHER,
  };

  return PICK (rand, weights);
}

static char *
partner_name (GRand             *rand,
              EscalePartnerKind  kind,
              const Town        *town)
{
  const char *pattern;
  GString *name;

  switch (kind)
    {
    case ESCALE_PARTNER_KIND_REGIONAL_HOST: pattern = PICK (rand, host_names); break;
    case ESCALE_PARTNER_KIND_REGIONALISATION: pattern = PICK (rand, regionalisation_names); break;
    case ESCALE_PARTNER_KIND_HEALTH: pattern = PICK (rand, health_names); break;
    case ESCALE_PARTNER_KIND_EDUCATION: pattern = PICK (rand, education_names); break;
    case ESCALE_PARTNER_KIND_CHAMBER_OF_COMMERCE: pattern = PICK (rand, chamber_names); break;
    case ESCALE_PARTNER_KIND_ECONOMIC_DEVELOPMENT: pattern = PICK (rand, development_names); break;
    case ESCALE_PARTNER_KIND_MUNICIPALITY: pattern = PICK (rand, municipality_names); break;
    case ESCALE_PARTNER_KIND_OTHER: pattern = "Coopérative de solidarité de {town}"; break;
    case ESCALE_PARTNER_KIND_EMPLOYER:
    default: pattern = PICK (rand, employer_names); break;
    }

  name = g_string_new (pattern);
  g_string_replace (name, "{town}", town->city, 0);
  g_string_replace (name, "{mrc}", town->mrc, 0);
  g_string_replace (name, "{surname}", PICK (rand, surnames), 0);

  return g_string_free (name, FALSE);
}

static char *
day_offset (const GDate *today,
            int          days)
{
  GDate day = *today;

  if (days >= 0)
    g_date_add_days (&day, (guint) days);
  else
    g_date_subtract_days (&day, (guint) -days);

  return escale_calendar_date_format (&day);
}

static void
add_contacts (GRand         *rand,
              EscalePartner *partner,
              const Town    *town,
              const char    *domain,
              guint         *count)
{
  guint n = (guint) g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      const char *given = PICK (rand, given_names);
      const char *family = PICK (rand, surnames);
      g_autofree char *name = g_strdup_printf ("%s %s", given, family);
      g_autofree char *local = g_strdelimit (slug (name), "-", '.');
      g_autofree char *email = g_strdup_printf ("%s@%s", local, domain);
      g_autofree char *phone = fictional_phone (rand, town);
      g_autoptr(EscaleContact) contact = NULL;

      contact = g_object_new (ESCALE_TYPE_CONTACT,
                              "name", name,
                              "role", PICK (rand, roles),
                              "email", email,
                              "phone", phone,
                              NULL);
      escale_partner_add_contact (partner, contact);
      (*count)++;
    }
}

static void
add_interactions (GRand         *rand,
                  EscalePartner *partner,
                  const GDate   *today,
                  guint         *count)
{
  guint n = (guint) g_rand_int_range (rand, 0, 5);

  for (guint i = 0; i < n; i++)
    {
      int age = g_rand_int_range (rand, 1, 200);
      g_autofree char *occurred_on = day_offset (today, -age);
      g_autofree char *due_on = NULL;
      g_autoptr(EscaleInteraction) interaction = NULL;
      gboolean has_next_step = g_rand_int_range (rand, 0, 3) == 0;
      gboolean done = FALSE;

      if (has_next_step)
        {
          /* From a little overdue to a month ahead, so that the list shows
           * every state of a next step. */
          int due = g_rand_int_range (rand, -10, 30);

          due_on = day_offset (today, due);
          done = due < -5;
        }

      interaction = g_object_new (ESCALE_TYPE_INTERACTION,
                                  "occurred-on", occurred_on,
                                  "channel", g_rand_int_range (rand, 0, ESCALE_N_INTERACTION_CHANNELS),
                                  "summary", PICK (rand, summaries),
                                  "next-step", has_next_step ? PICK (rand, next_steps) : NULL,
                                  "due-on", due_on,
                                  "done", done,
                                  NULL);
      escale_partner_add_interaction (partner, interaction);
      (*count)++;
    }
}

/* Picks a town and a name not used yet in that town, as a real directory
 * would have. Returns %NULL when every try was taken: large scales run out
 * of combinations. */
static char *
unused_partner_name (GRand              *rand,
                     EscalePartnerKind   kind,
                     GHashTable         *used,
                     const Town        **town)
{
  char *name = NULL;

  for (guint attempt = 0; attempt < 40; attempt++)
    {
      g_autofree char *key = NULL;

      g_free (name);
      *town = kind == ESCALE_PARTNER_KIND_REGIONALISATION ? &montreal : &PICK (rand, towns);
      name = partner_name (rand, kind, *town);
      key = g_strconcat (name, "\n", (*town)->city, NULL);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return name;
        }
    }

  g_free (name);
  return NULL;
}

/* The kind, town and name of the next partner. Montréal has only a handful
 * of regionalisation organisations; once they are all listed, the directory
 * grows in the regions. Elsewhere a repeated name in the same town is
 * acceptable at large scales. */
static char *
choose_partner (GRand              *rand,
                GHashTable         *used_names,
                EscalePartnerKind  *kind,
                const Town        **town)
{
  char *name;

  *kind = pick_kind (rand);
  name = unused_partner_name (rand, *kind, used_names, town);
  if (name == NULL && *kind == ESCALE_PARTNER_KIND_REGIONALISATION)
    {
      *kind = ESCALE_PARTNER_KIND_REGIONAL_HOST;
      name = unused_partner_name (rand, *kind, used_names, town);
    }
  if (name == NULL)
    name = partner_name (rand, *kind, *town);

  return name;
}

static EscalePartner *
make_partner (GRand            *rand,
              const GDate      *today,
              GHashTable       *used_names,
              EscaleDemoCounts *counts)
{
  EscalePartnerKind kind;
  const Town *town;
  g_autofree char *name = choose_partner (rand, used_names, &kind, &town);
  g_autofree char *domain_slug = slug (name);
  g_autofree char *domain = NULL;
  g_autofree char *website = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = fictional_phone (rand, town);
  g_autofree char *address = g_strdup_printf ("%d, rue %s", g_rand_int_range (rand, 10, 2000), PICK (rand, surnames));
  g_autofree char *postal_code = g_strdup_printf ("%s %d%c%d", town->postal_prefix,
                                                  g_rand_int_range (rand, 1, 10),
                                                  "ABCEGHJKLMNPRSTVWXYZ"[g_rand_int_range (rand, 0, 20)],
                                                  g_rand_int_range (rand, 0, 10));
  g_autofree char *tags = g_strdup_printf ("%s, %s", PICK (rand, tags_pool), PICK (rand, tags_pool));
  EscalePartner *partner;

  /* Long names make unwieldy addresses: keep whole words up to 32 letters. */
  if (strlen (domain_slug) > 32)
    {
      domain_slug[32] = '\0';
      if (strrchr (domain_slug, '-') != NULL)
        *strrchr (domain_slug, '-') = '\0';
    }
  domain = g_strdup_printf ("%s.example", domain_slug);
  website = g_strdup_printf ("https://%s", domain);
  email = g_strdup_printf ("info@%s", domain);

  partner = g_object_new (ESCALE_TYPE_PARTNER,
                          "name", name,
                          "kind", kind,
                          "region-code", town->region,
                          "address", address,
                          "city", town->city,
                          "postal-code", postal_code,
                          "website", website,
                          "phone", phone,
                          "email", email,
                          "tags", tags,
                          "archived", g_rand_int_range (rand, 0, 25) == 0,
                          NULL);
  escale_partner_set_coordinates (partner,
                                  town->latitude + g_rand_double_range (rand, -0.03, 0.03),
                                  town->longitude + g_rand_double_range (rand, -0.03, 0.03));

  add_contacts (rand, partner, town, domain, &counts->contacts);
  add_interactions (rand, partner, today, &counts->interactions);
  counts->partners++;

  return partner;
}

/**
 * escale_demo_generate:
 * @seed: the random seed; the same seed gives the same data
 * @scale: multiplies the volumes: 100 partners per unit
 * @today: the day the data set is built around (interactions before it,
 *   next steps around it)
 * @counts: (out) (optional): what was created
 *
 * Fills an empty database with demonstration data, in one transaction.
 * A database that already holds partners is refused: fictitious people must
 * never mix with a counsellor's real ones.
 */
gboolean
escale_demo_generate (EscalePartnerRepository  *partners,
                      guint32                   seed,
                      guint                     scale,
                      const GDate              *today,
                      EscaleDemoCounts         *counts,
                      GError                  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EscaleDemoCounts local_counts = { 0 };
  guint n_partners;

  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (partners), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (g_list_model_get_n_items (escale_partner_repository_get_partners (partners)) > 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("This database already holds data; demonstration data goes into a new, empty database"));
      return FALSE;
    }

  n_partners = 100 * scale;
  for (guint i = 0; i < n_partners; i++)
    g_ptr_array_add (batch, make_partner (rand, today, used_names, &local_counts));

  if (!escale_partner_repository_save_many (partners, batch, error))
    return FALSE;

  if (counts != NULL)
    *counts = local_counts;

  return TRUE;
}
