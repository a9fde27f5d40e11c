/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-enums.h"
#include "escale-event-choices.h"
#include "escale-model-private.h"

/* The labels and words of the event lists; escale_choice_*() reads them. */

static const EscaleChoice event_kinds[] = {
  [ESCALE_EVENT_KIND_INFORMATION_SESSION] =
    { N_("Information session"), "seance|seance d'information|session|information session|info session" },
  [ESCALE_EVENT_KIND_VIRTUAL_PRESENTATION] =
    { N_("Virtual presentation"), "presentation virtuelle|virtuel|webinaire|virtual|virtual presentation|webinar" },
  [ESCALE_EVENT_KIND_FAIR] =
    { N_("Regionalisation fair"), "salon|salon de regionalisation|fair|regionalisation fair|regionalization fair" },
  [ESCALE_EVENT_KIND_EXPLORATORY_VISIT] =
    { N_("Exploratory visit"), "visite|visite exploratoire|sejour exploratoire|visit|exploratory visit" },
};

static const EscaleChoice event_statuses[] = {
  [ESCALE_EVENT_STATUS_DRAFT] = { N_("Draft"), "brouillon|draft" },
  [ESCALE_EVENT_STATUS_PUBLISHED] = { N_("Published"), "publie|publiee|published" },
  [ESCALE_EVENT_STATUS_FULL] = { N_("Full"), "complet|complete|full" },
  [ESCALE_EVENT_STATUS_DONE] = { N_("Done"), "termine|terminee|done" },
  [ESCALE_EVENT_STATUS_CANCELLED] = { N_("Cancelled"), "annule|annulee|cancelled|canceled" },
};

static const EscaleChoice stop_kinds[] = {
  [ESCALE_STOP_KIND_DEPARTURE] = { N_("Departure"), "depart|rendez-vous|departure|meeting point" },
  [ESCALE_STOP_KIND_TRANSPORT] = { N_("On the road"), "trajet|transport|route|travel|on the road" },
  [ESCALE_STOP_KIND_COMPANY_VISIT] = { N_("Company visit"), "visite d'entreprise|entreprise|company visit|company" },
  [ESCALE_STOP_KIND_PRESENTATION] =
    { N_("Presentation of the region"), "presentation|presentation du milieu|presentation de la region|presentation of the region" },
  [ESCALE_STOP_KIND_EMPLOYER_MEETING] =
    { N_("Meeting with employers"), "rencontre|rencontre employeurs|maillage|employer meeting|meeting with employers" },
  [ESCALE_STOP_KIND_MEAL] = { N_("Meal"), "repas|diner|souper|dejeuner|meal|lunch|dinner|breakfast" },
  [ESCALE_STOP_KIND_LODGING] = { N_("Lodging"), "hebergement|hotel|coucher|lodging|night" },
  [ESCALE_STOP_KIND_FREE_TIME] = { N_("Free time"), "temps libre|libre|free time" },
  [ESCALE_STOP_KIND_RETURN] = { N_("Return"), "retour|arrivee|return" },
};

static const EscaleChoice vehicle_kinds[] = {
  [ESCALE_VEHICLE_KIND_BUS] = { N_("Coach"), "autobus|autocar|bus|coach" },
  [ESCALE_VEHICLE_KIND_MINIBUS] = { N_("Minibus"), "minibus|minifourgonnette|van" },
  [ESCALE_VEHICLE_KIND_CAR] = { N_("Car"), "voiture|auto|car" },
  [ESCALE_VEHICLE_KIND_OTHER] = { N_("Other vehicle"), "autre|other" },
};

static const EscaleChoice registration_statuses[] = {
  [ESCALE_REGISTRATION_STATUS_REGISTERED] = { N_("Registered"), "inscrit|inscrite|registered" },
  [ESCALE_REGISTRATION_STATUS_WAITLISTED] = { N_("Waitlisted"), "attente|liste d'attente|en attente|waitlisted|waitlist" },
  [ESCALE_REGISTRATION_STATUS_CONFIRMED] = { N_("Confirmed"), "confirme|confirmee|confirmed" },
  [ESCALE_REGISTRATION_STATUS_ATTENDED] = { N_("Attended"), "present|presente|attended|present" },
  [ESCALE_REGISTRATION_STATUS_NO_SHOW] = { N_("Did not come"), "absent|absente|no-show|no show|did not come" },
  [ESCALE_REGISTRATION_STATUS_CANCELLED] = { N_("Cancelled"), "annule|annulee|desiste|cancelled|canceled" },
};

static const EscaleChoice series_frequencies[] = {
  [ESCALE_SERIES_FREQUENCY_WEEKLY] = { N_("Every week"), "hebdomadaire|chaque semaine|weekly|every week" },
  [ESCALE_SERIES_FREQUENCY_MONTHLY] = { N_("Every month"), "mensuel|mensuelle|chaque mois|monthly|every month" },
};

const EscaleChoice *
_escale_event_choices_for (GType  enum_type,
                           guint *n_choices)
{
#define CHOICES(type, table) \
  if (enum_type == type) \
    { \
      *n_choices = G_N_ELEMENTS (table); \
      return table; \
    }

  CHOICES (ESCALE_TYPE_EVENT_KIND, event_kinds);
  CHOICES (ESCALE_TYPE_EVENT_STATUS, event_statuses);
  CHOICES (ESCALE_TYPE_STOP_KIND, stop_kinds);
  CHOICES (ESCALE_TYPE_VEHICLE_KIND, vehicle_kinds);
  CHOICES (ESCALE_TYPE_REGISTRATION_STATUS, registration_statuses);
  CHOICES (ESCALE_TYPE_SERIES_FREQUENCY, series_frequencies);

#undef CHOICES

  *n_choices = 0;
  g_return_val_if_reached (NULL);
}

/**
 * escale_registration_status_holds_seats:
 *
 * Returns: whether a registration in @status counts against the event's
 *   capacity: registered, confirmed, or there. One who did not come still
 *   held a seat on the bus.
 */
gboolean
escale_registration_status_holds_seats (EscaleRegistrationStatus status)
{
  switch (status)
    {
    case ESCALE_REGISTRATION_STATUS_REGISTERED:
    case ESCALE_REGISTRATION_STATUS_CONFIRMED:
    case ESCALE_REGISTRATION_STATUS_ATTENDED:
    case ESCALE_REGISTRATION_STATUS_NO_SHOW:
      return TRUE;
    case ESCALE_REGISTRATION_STATUS_WAITLISTED:
    case ESCALE_REGISTRATION_STATUS_CANCELLED:
    default:
      return FALSE;
    }
}
