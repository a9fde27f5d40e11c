/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include "escale-demo-events-private.h"

/* The exploratory visits of the demonstration, as a regional host would
 * plan them: a coach from Montréal (or a plane to the islands), company
 * visits, presentations of the living environment, meals with local
 * actors and a bed each night. Times are those of the visit's zone, and
 * leave the drive between two places that a loaded coach needs, as
 * escale_plan_check() counts it; a road or a flight has no coordinates,
 * because it is not one place. */

#define AT ESCALE_DEMO_AT

static const EscaleDemoPlace berri = { "Montréal", 45.5152, -73.5610 };
static const EscaleDemoPlace trudeau = { "Montréal", 45.4706, -73.7408 };
static const EscaleDemoPlace mont_laurier = { "Mont-Laurier", 46.5520, -75.4990 };
static const EscaleDemoPlace rouyn = { "Rouyn-Noranda", 48.2390, -79.0180 };
static const EscaleDemoPlace val_dor = { "Val-d’Or", 48.0970, -77.7970 };
static const EscaleDemoPlace amos = { "Amos", 48.5670, -78.1170 };
static const EscaleDemoPlace riviere_du_loup = { "Rivière-du-Loup", 47.8350, -69.5360 };
static const EscaleDemoPlace rimouski = { "Rimouski", 48.4490, -68.5240 };
static const EscaleDemoPlace saguenay = { "Saguenay", 48.4280, -71.0680 };
static const EscaleDemoPlace alma = { "Alma", 48.5500, -71.6490 };
static const EscaleDemoPlace trois_rivieres = { "Trois-Rivières", 46.3430, -72.5430 };
static const EscaleDemoPlace shawinigan = { "Shawinigan", 46.5660, -72.7490 };
static const EscaleDemoPlace sherbrooke = { "Sherbrooke", 45.4040, -71.8930 };
static const EscaleDemoPlace magog = { "Magog", 45.2660, -72.1470 };
static const EscaleDemoPlace carleton = { "Carleton-sur-Mer", 48.1040, -66.1280 };
static const EscaleDemoPlace gaspe = { "Gaspé", 48.8310, -64.4870 };
static const EscaleDemoPlace cap_aux_meules = { "Cap-aux-Meules", 47.3800, -61.8610 };
static const EscaleDemoPlace havre_aubert = { "Havre-Aubert", 47.2360, -61.8440 };

#define MEETING_POINT "Métro Berri-UQAM, sortie rue Saint-Denis"

#define DEPARTURE(from, until) \
  { ESCALE_STOP_KIND_DEPARTURE, from, until, "Départ de Montréal", MEETING_POINT, &berri, ESCALE_DEMO_HOST_NONE, FALSE }
#define RETURN(from, until) \
  { ESCALE_STOP_KIND_RETURN, from, until, "Arrivée à Montréal", MEETING_POINT, &berri, ESCALE_DEMO_HOST_NONE, FALSE }
#define ROAD(from, until, title) \
  { ESCALE_STOP_KIND_TRANSPORT, from, until, title, NULL, NULL, ESCALE_DEMO_HOST_NONE, FALSE }
#define COMPANY(from, until, town) \
  { ESCALE_STOP_KIND_COMPANY_VISIT, from, until, "Visite\u00a0: {host}", NULL, &town, ESCALE_DEMO_HOST_EMPLOYER, FALSE }
#define STOP(kind, from, until, title, place, town) \
  { ESCALE_STOP_KIND_##kind, from, until, title, place, &town, ESCALE_DEMO_HOST_NONE, FALSE }
#define HOSTED(kind, from, until, title, town) \
  { ESCALE_STOP_KIND_##kind, from, until, title, NULL, &town, ESCALE_DEMO_HOST_ORGANISATION, FALSE }

/* Three days, Thursday to Saturday: the long road by the La Vérendrye
 * reserve, two nights, and a company that has not said yes yet. */
static const EscaleDemoStop abitibi[] = {
  DEPARTURE (AT (0, 6, 30), AT (0, 7, 0)),
  ROAD (AT (0, 7, 0), AT (0, 10, 30), "Route vers Mont-Laurier (autoroute 15 et route 117)"),
  STOP (MEAL, AT (0, 10, 45), AT (0, 11, 45), "Dîner à Mont-Laurier", "Restaurant de la rue de la Madone", mont_laurier),
  ROAD (AT (0, 11, 45), AT (0, 17, 30), "Route 117 par la réserve faunique La Vérendrye"),
  HOSTED (PRESENTATION, AT (0, 17, 45), AT (0, 18, 45), "Accueil et présentation de Rouyn-Noranda", rouyn),
  STOP (MEAL, AT (0, 19, 0), AT (0, 20, 30), "Souper avec des acteurs locaux", "Bistro du lac Osisko", rouyn),
  STOP (LODGING, AT (0, 20, 45), AT (1, 7, 30), "Nuit à Rouyn-Noranda", "Hôtel du lac Osisko", rouyn),
  COMPANY (AT (1, 8, 30), AT (1, 10, 0), rouyn),
  COMPANY (AT (1, 10, 15), AT (1, 11, 45), rouyn),
  HOSTED (EMPLOYER_MEETING, AT (1, 12, 0), AT (1, 13, 30), "Dîner-rencontre avec des employeurs", rouyn),
  ROAD (AT (1, 13, 30), AT (1, 15, 0), "Route vers Val-d’Or"),
  { ESCALE_STOP_KIND_COMPANY_VISIT, AT (1, 15, 15), AT (1, 16, 45), "Visite\u00a0: {host}", NULL, &val_dor,
    ESCALE_DEMO_HOST_EMPLOYER, TRUE },
  STOP (PRESENTATION, AT (1, 17, 0), AT (1, 18, 0), "Tour de ville\u00a0: logement, écoles et services",
        "Centre-ville de Val-d’Or", val_dor),
  STOP (MEAL, AT (1, 18, 15), AT (1, 19, 45), "Souper au centre-ville", "Restaurant de la 3e Avenue", val_dor),
  STOP (LODGING, AT (1, 20, 0), AT (2, 7, 30), "Nuit à Val-d’Or", "Hôtel de la Cité de l’Or", val_dor),
  ROAD (AT (2, 7, 45), AT (2, 8, 45), "Route vers Amos"),
  HOSTED (PRESENTATION, AT (2, 9, 0), AT (2, 10, 30), "Vivre à Amos\u00a0: présentation de la MRC d’Abitibi", amos),
  HOSTED (EMPLOYER_MEETING, AT (2, 10, 45), AT (2, 12, 0), "Rencontres éclair avec des employeurs", amos),
  STOP (MEAL, AT (2, 12, 15), AT (2, 13, 15), "Dîner à Amos", "Café de la cathédrale", amos),
  ROAD (AT (2, 13, 15), AT (2, 21, 45), "Retour vers Montréal par la route 117"),
  RETURN (AT (2, 22, 0), AT (2, 22, 15)),
};

/* Friday to Sunday in the islands' own time, an hour ahead of Montréal:
 * the group flies, and a minibus of the islands drives it around. */
static const EscaleDemoStop islands[] = {
  { ESCALE_STOP_KIND_DEPARTURE, AT (0, 6, 0), AT (0, 6, 45), "Rendez-vous à l’aéroport Montréal-Trudeau",
    "Aéroport Montréal-Trudeau, comptoirs d’enregistrement", &trudeau, ESCALE_DEMO_HOST_NONE, FALSE },
  { ESCALE_STOP_KIND_TRANSPORT, AT (0, 7, 0), AT (0, 10, 15), "Vol Montréal – Îles-de-la-Madeleine, escale à Québec",
    "Aéroport des Îles-de-la-Madeleine", NULL, ESCALE_DEMO_HOST_NONE, FALSE },
  HOSTED (PRESENTATION, AT (0, 10, 45), AT (0, 12, 0), "Accueil et présentation des Îles", cap_aux_meules),
  STOP (MEAL, AT (0, 12, 15), AT (0, 13, 30), "Dîner au port", "Casse-croûte du quai", cap_aux_meules),
  COMPANY (AT (0, 14, 0), AT (0, 15, 30), cap_aux_meules),
  STOP (PRESENTATION, AT (0, 15, 45), AT (0, 17, 15), "Logement, écoles et services\u00a0: tour de Cap-aux-Meules",
        "Hôtel de ville de Cap-aux-Meules", cap_aux_meules),
  STOP (MEAL, AT (0, 18, 30), AT (0, 20, 0), "Souper communautaire avec des Madelinots", "Salle communautaire",
        cap_aux_meules),
  STOP (LODGING, AT (0, 20, 30), AT (1, 8, 0), "Nuit à Cap-aux-Meules", "Auberge du Havre", cap_aux_meules),
  COMPANY (AT (1, 9, 0), AT (1, 10, 30), cap_aux_meules),
  HOSTED (EMPLOYER_MEETING, AT (1, 10, 45), AT (1, 12, 15), "Rencontre avec des employeurs des Îles", cap_aux_meules),
  STOP (MEAL, AT (1, 12, 30), AT (1, 13, 45), "Dîner", "Restaurant du quai", cap_aux_meules),
  STOP (FREE_TIME, AT (1, 14, 15), AT (1, 17, 0), "Découverte de La Grave, à Havre-Aubert", "La Grave", havre_aubert),
  STOP (MEAL, AT (1, 18, 0), AT (1, 19, 30), "Souper de fruits de mer", "Restaurant du quai", cap_aux_meules),
  STOP (LODGING, AT (1, 20, 0), AT (2, 8, 0), "Nuit à Cap-aux-Meules", "Auberge du Havre", cap_aux_meules),
  HOSTED (PRESENTATION, AT (2, 8, 30), AT (2, 10, 0), "Bilan du séjour et prochaines étapes", cap_aux_meules),
  { ESCALE_STOP_KIND_TRANSPORT, AT (2, 11, 0), AT (2, 14, 15), "Vol Îles-de-la-Madeleine – Montréal",
    "Aéroport des Îles-de-la-Madeleine", NULL, ESCALE_DEMO_HOST_NONE, FALSE },
  { ESCALE_STOP_KIND_RETURN, AT (2, 14, 30), AT (2, 14, 45), "Arrivée à Montréal-Trudeau", "Aéroport Montréal-Trudeau",
    &trudeau, ESCALE_DEMO_HOST_NONE, FALSE },
};

static const EscaleDemoStop lower_st_lawrence[] = {
  DEPARTURE (AT (0, 7, 0), AT (0, 7, 30)),
  ROAD (AT (0, 7, 30), AT (0, 12, 0), "Route vers Rivière-du-Loup par l’autoroute 20"),
  STOP (MEAL, AT (0, 12, 15), AT (0, 13, 15), "Dîner à Rivière-du-Loup", "Restaurant de la rue Lafontaine",
        riviere_du_loup),
  COMPANY (AT (0, 13, 45), AT (0, 15, 15), riviere_du_loup),
  HOSTED (PRESENTATION, AT (0, 15, 30), AT (0, 16, 30), "Présentation de la MRC de Rivière-du-Loup", riviere_du_loup),
  ROAD (AT (0, 16, 30), AT (0, 17, 45), "Route vers Rimouski"),
  STOP (MEAL, AT (0, 18, 30), AT (0, 20, 0), "Souper avec le comité d’accueil", "Bistro du vieux quai", rimouski),
  STOP (LODGING, AT (0, 20, 30), AT (1, 7, 30), "Nuit à Rimouski", "Auberge de la Grève", rimouski),
  COMPANY (AT (1, 8, 30), AT (1, 10, 0), rimouski),
  HOSTED (EMPLOYER_MEETING, AT (1, 10, 15), AT (1, 11, 45), "Rencontres avec des employeurs", rimouski),
  STOP (MEAL, AT (1, 12, 0), AT (1, 13, 0), "Dîner à Rimouski", "Café de la promenade", rimouski),
  STOP (FREE_TIME, AT (1, 13, 15), AT (1, 14, 15), "Promenade au bord du fleuve", "Promenade de la mer", rimouski),
  ROAD (AT (1, 14, 15), AT (1, 20, 15), "Retour vers Montréal"),
  RETURN (AT (1, 20, 30), AT (1, 20, 45)),
};

static const EscaleDemoStop saguenay_lac_saint_jean[] = {
  DEPARTURE (AT (0, 6, 30), AT (0, 7, 0)),
  ROAD (AT (0, 7, 0), AT (0, 12, 0), "Route vers Saguenay par la réserve faunique des Laurentides"),
  STOP (MEAL, AT (0, 12, 15), AT (0, 13, 15), "Dîner à Chicoutimi", "Restaurant de la rue Racine", saguenay),
  COMPANY (AT (0, 13, 45), AT (0, 15, 15), saguenay),
  COMPANY (AT (0, 15, 30), AT (0, 17, 0), saguenay),
  STOP (MEAL, AT (0, 18, 0), AT (0, 19, 30), "Souper avec des familles installées au Saguenay", "Salle paroissiale",
        saguenay),
  STOP (LODGING, AT (0, 20, 0), AT (1, 7, 30), "Nuit à Saguenay", "Auberge de la rivière Saguenay", saguenay),
  ROAD (AT (1, 7, 45), AT (1, 8, 45), "Route vers Alma"),
  HOSTED (PRESENTATION, AT (1, 9, 0), AT (1, 10, 30), "Présentation de Lac-Saint-Jean-Est", alma),
  COMPANY (AT (1, 10, 45), AT (1, 12, 0), alma),
  STOP (MEAL, AT (1, 12, 15), AT (1, 13, 15), "Dîner à Alma", "Restaurant du centre-ville", alma),
  ROAD (AT (1, 13, 30), AT (1, 19, 15), "Retour vers Montréal"),
  RETURN (AT (1, 19, 30), AT (1, 19, 45)),
};

static const EscaleDemoStop mauricie[] = {
  DEPARTURE (AT (0, 7, 30), AT (0, 8, 0)),
  ROAD (AT (0, 8, 0), AT (0, 9, 45), "Route vers Trois-Rivières par l’autoroute 40"),
  HOSTED (PRESENTATION, AT (0, 10, 0), AT (0, 11, 0), "Accueil et présentation de Trois-Rivières", trois_rivieres),
  COMPANY (AT (0, 11, 15), AT (0, 12, 30), trois_rivieres),
  STOP (MEAL, AT (0, 12, 45), AT (0, 13, 45), "Dîner avec des employeurs", "Restaurant du centre-ville",
        trois_rivieres),
  ROAD (AT (0, 13, 45), AT (0, 14, 30), "Route vers Shawinigan"),
  COMPANY (AT (0, 14, 45), AT (0, 16, 0), shawinigan),
  STOP (FREE_TIME, AT (0, 16, 15), AT (0, 17, 0), "Tour de ville de Shawinigan", "Centre-ville de Shawinigan",
        shawinigan),
  ROAD (AT (0, 17, 0), AT (0, 19, 0), "Retour vers Montréal"),
  RETURN (AT (0, 19, 15), AT (0, 19, 30)),
};

static const EscaleDemoStop estrie[] = {
  DEPARTURE (AT (0, 7, 30), AT (0, 8, 0)),
  ROAD (AT (0, 8, 0), AT (0, 9, 45), "Route vers Sherbrooke par l’autoroute 10"),
  HOSTED (PRESENTATION, AT (0, 10, 0), AT (0, 11, 0), "Accueil et présentation de Sherbrooke", sherbrooke),
  COMPANY (AT (0, 11, 15), AT (0, 12, 30), sherbrooke),
  STOP (MEAL, AT (0, 12, 45), AT (0, 13, 45), "Dîner à Sherbrooke", "Restaurant de la rue Wellington", sherbrooke),
  COMPANY (AT (0, 14, 30), AT (0, 15, 45), magog),
  STOP (PRESENTATION, AT (0, 16, 0), AT (0, 16, 45), "Logement et services à Magog", "Hôtel de ville de Magog", magog),
  ROAD (AT (0, 16, 45), AT (0, 18, 30), "Retour vers Montréal"),
  RETURN (AT (0, 18, 45), AT (0, 19, 0)),
};

/* Still a draft: the long way back is to be reconsidered. */
static const EscaleDemoStop gaspesie[] = {
  DEPARTURE (AT (0, 6, 0), AT (0, 6, 30)),
  ROAD (AT (0, 6, 30), AT (0, 17, 0), "Route vers Carleton-sur-Mer par la vallée de la Matapédia"),
  STOP (MEAL, AT (0, 18, 0), AT (0, 19, 30), "Souper avec le comité d’accueil", "Restaurant du barachois", carleton),
  STOP (LODGING, AT (0, 20, 0), AT (1, 7, 30), "Nuit à Carleton-sur-Mer", "Motel de la Baie", carleton),
  COMPANY (AT (1, 8, 30), AT (1, 10, 0), carleton),
  HOSTED (PRESENTATION, AT (1, 10, 15), AT (1, 11, 30), "Vivre dans la baie des Chaleurs", carleton),
  STOP (MEAL, AT (1, 11, 45), AT (1, 12, 45), "Dîner à Carleton-sur-Mer", "Restaurant du barachois", carleton),
  ROAD (AT (1, 12, 45), AT (1, 16, 15), "Route vers Gaspé par la route 132"),
  COMPANY (AT (1, 16, 30), AT (1, 17, 45), gaspe),
  STOP (MEAL, AT (1, 18, 30), AT (1, 20, 0), "Souper à Gaspé", "Bistro de la marina", gaspe),
  STOP (LODGING, AT (1, 20, 30), AT (2, 7, 30), "Nuit à Gaspé", "Auberge de la Pointe", gaspe),
  HOSTED (EMPLOYER_MEETING, AT (2, 8, 30), AT (2, 10, 0), "Rencontres avec des employeurs de la Côte-de-Gaspé", gaspe),
  STOP (FREE_TIME, AT (2, 10, 15), AT (2, 11, 15), "Belvédère sur la baie de Gaspé", "Promenade du Havre", gaspe),
  ROAD (AT (2, 11, 30), AT (2, 23, 15), "Retour vers Montréal"),
  RETURN (AT (2, 23, 30), AT (2, 23, 45)),
};

#define STOPS(array) array, G_N_ELEMENTS (array)

static const EscaleDemoVisit visits[] = {
  { "04", "Visite exploratoire en Mauricie", "Trois-Rivières et Shawinigan", &trois_rivieres, "America/Toronto",
    G_DATE_THURSDAY, -10, 100, FALSE, FALSE, FALSE,
    "Une journée à Trois-Rivières et à Shawinigan\u00a0: deux entreprises, un dîner avec des employeurs "
    "et un tour de ville.", NULL,
    STOPS (mauricie) },
  { "01", "Visite exploratoire au Bas-Saint-Laurent", "Rivière-du-Loup et Rimouski", &rimouski, "America/Toronto",
    G_DATE_FRIDAY, -6, 115, FALSE, FALSE, FALSE,
    "Deux jours au bord du fleuve\u00a0: entreprises de Rivière-du-Loup et de Rimouski, rencontres avec "
    "des employeurs, une nuit à Rimouski.", NULL,
    STOPS (lower_st_lawrence) },
  { "05", "Visite exploratoire en Estrie", "Sherbrooke et Magog", &sherbrooke, "America/Toronto",
    G_DATE_THURSDAY, -2, 105, FALSE, FALSE, FALSE,
    "Une journée à Sherbrooke et à Magog\u00a0: présentation de la ville, deux entreprises, logement et services.",
    NULL,
    STOPS (estrie) },
  { "08", "Trois jours en Abitibi-Témiscamingue", "Rouyn-Noranda, Val-d’Or et Amos", &rouyn, "America/Toronto",
    G_DATE_THURSDAY, 1, 125, FALSE, FALSE, TRUE,
    "Du jeudi au samedi\u00a0: Rouyn-Noranda, Val-d’Or et Amos, des entreprises des mines, de la forêt et des "
    "services, des employeurs qui recrutent, deux nuits sur place. Les familles sont les bienvenues.",
    "Budget\u00a0: autocar et deux nuits pour 20 personnes. Relancer les entreprises de Val-d’Or.",
    STOPS (abitibi) },
  { "11", "Une fin de semaine aux Îles-de-la-Madeleine", "Cap-aux-Meules et Havre-Aubert", &cap_aux_meules,
    "America/Halifax", G_DATE_FRIDAY, 3, 115, FALSE, TRUE, FALSE,
    "Trois jours aux Îles, en avion depuis Montréal-Trudeau\u00a0: pêches, tourisme et services, logement "
    "et vie communautaire. Les heures sont celles des Îles, une heure de plus qu’à Montréal.",
    "Vols réservés pour 20 personnes; le minibus attend le groupe à l’aéroport.",
    STOPS (islands) },
  { "02", "Visite exploratoire au Saguenay–Lac-Saint-Jean", "Saguenay et Alma", &saguenay, "America/Toronto",
    G_DATE_THURSDAY, 6, 60, FALSE, FALSE, FALSE,
    "Deux jours à Saguenay et à Alma\u00a0: trois entreprises, un souper avec des familles déjà installées.", NULL,
    STOPS (saguenay_lac_saint_jean) },
  { "11", "Visite exploratoire en Gaspésie (à confirmer)", "Carleton-sur-Mer et Gaspé", &gaspe, "America/Toronto",
    G_DATE_WEDNESDAY, 10, 0, TRUE, FALSE, FALSE,
    "De la baie des Chaleurs à Gaspé, en trois jours.",
    "Douze heures de route au retour\u00a0: comparer avec un vol Gaspé–Montréal.",
    STOPS (gaspesie) },
};

const EscaleDemoVisit *
_escale_demo_get_visits (guint *n_visits)
{
  *n_visits = G_N_ELEMENTS (visits);
  return visits;
}
