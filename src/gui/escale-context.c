/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include "escale-context.h"

/* The services of one open database, handed to every window and page: no
 * widget fetches them from a global. Opening another database makes a new
 * context. */
struct _EscaleContext
{
  GObject                       parent_instance;

  EscaleDatabase               *database;
  EscaleRegionRepository       *regions;
  EscalePartnerRepository      *partners;
  EscaleParticipantRepository  *participants;
  EscaleEventRepository        *events;
  EscaleEventSeriesRepository  *series;
  EscaleRegistrationRepository *registrations;
  EscaleFeedPublisher          *feeds;
};

G_DEFINE_FINAL_TYPE (EscaleContext, escale_context, G_TYPE_OBJECT)

enum {
  AGENDA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
escale_context_finalize (GObject *object)
{
  EscaleContext *self = (EscaleContext *)object;

  g_clear_object (&self->feeds);
  g_clear_object (&self->registrations);
  g_clear_object (&self->series);
  g_clear_object (&self->events);
  g_clear_object (&self->participants);
  g_clear_object (&self->partners);
  g_clear_object (&self->regions);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (escale_context_parent_class)->finalize (object);
}

static void
escale_context_class_init (EscaleContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_context_finalize;

  /**
   * EscaleContext::agenda-changed:
   * @organization_id: the partner whose agenda changed
   *
   * A partner's agenda was imported with changes: what is checked against
   * agendas (conflicts, the week view) must be read again. The import
   * writes on a connection of its own, which the repositories do not see.
   */
  signals[AGENDA_CHANGED] = g_signal_new ("agenda-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
escale_context_init (EscaleContext *self)
{
}

EscaleContext *
escale_context_open (const char  *path,
                     GError     **error)
{
  g_autoptr(EscaleContext) self = g_object_new (ESCALE_TYPE_CONTEXT, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->database = escale_database_open (path, error);
  if (self->database == NULL)
    return NULL;

  self->regions = escale_region_repository_new (self->database, error);
  if (self->regions == NULL)
    return NULL;

  self->partners = escale_partner_repository_new (self->database, self->regions, error);
  if (self->partners == NULL)
    return NULL;

  self->participants = escale_participant_repository_new (self->database, error);
  if (self->participants == NULL)
    return NULL;

  self->events = escale_event_repository_new (self->database);
  self->series = escale_event_series_repository_new (self->events);
  self->registrations = escale_registration_repository_new (self->participants,
                                                            escale_region_repository_get_regions (self->regions));
  self->feeds = escale_feed_publisher_new (self->events, self->registrations, self->participants);

  return g_steal_pointer (&self);
}

EscaleDatabase *
escale_context_get_database (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->database;
}

EscaleRegionRepository *
escale_context_get_regions (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->regions;
}

EscalePartnerRepository *
escale_context_get_partners (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->partners;
}

EscaleParticipantRepository *
escale_context_get_participants (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->participants;
}

EscaleEventRepository *
escale_context_get_events (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->events;
}

EscaleEventSeriesRepository *
escale_context_get_series (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->series;
}

EscaleRegistrationRepository *
escale_context_get_registrations (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->registrations;
}

/**
 * escale_context_get_feeds:
 *
 * Returns: (transfer none): what keeps the published calendars current
 */
EscaleFeedPublisher *
escale_context_get_feeds (EscaleContext *self)
{
  g_return_val_if_fail (ESCALE_IS_CONTEXT (self), NULL);
  return self->feeds;
}

/**
 * escale_context_agenda_changed:
 *
 * Emits #EscaleContext::agenda-changed.
 */
void
escale_context_agenda_changed (EscaleContext *self,
                               gint64         organization_id)
{
  g_return_if_fail (ESCALE_IS_CONTEXT (self));
  g_signal_emit (self, signals[AGENDA_CHANGED], 0, organization_id);
}
