/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-feed-publisher.h"
#include "escale-ical-feed.h"
#include "escale-local-time.h"

/* Keeps the feed folder current: a moment after any change to events,
 * registrations or participants, every published calendar is written
 * again in a worker thread (escale_ical_feeds_write_async()), on a
 * connection of its own. Changes made while a write runs lead to one more
 * write when it ends. */

/* Enough for a counsellor's burst of edits to make one write. */
#define SETTLE_MILLISECONDS 800

struct _EscaleFeedPublisher
{
  GObject                       parent_instance;

  EscaleEventRepository        *events;
  EscaleRegistrationRepository *registrations;
  EscaleParticipantRepository  *participants;

  char                         *folder;    /* NULL: nothing is published */
  char                         *status;
  gboolean                      failed;

  guint                         settle_id;
  GCancellable                 *cancellable;   /* the write under way */
  gboolean                      again;         /* changed while writing */
};

G_DEFINE_FINAL_TYPE (EscaleFeedPublisher, escale_feed_publisher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_STATUS,
  PROP_FAILED,
  N_PROPS
};

enum {
  FEEDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_writing (EscaleFeedPublisher *self);

static void
set_status (EscaleFeedPublisher *self,
            const char          *status,
            gboolean             failed)
{
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->failed != failed)
    {
      self->failed = failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
    }
}

/* "Written at 17:05 · 3 calendars", or what went wrong with the first
 * calendar that could not be written. */
static void
report (EscaleFeedPublisher *self,
        GPtrArray           *results)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *clock = escale_local_time_format_clock (g_get_real_time () / G_USEC_PER_SEC, zone);
  g_autofree char *status = NULL;

  for (guint i = 0; i < results->len; i++)
    {
      EscaleIcalFeedResult *result = results->pdata[i];

      if (result->problem != NULL)
        {
          /* Translators: a feed's file, then why it was not written */
          status = g_strdup_printf (_("%s was not written: %s"), result->file_name, result->problem);
          set_status (self, status, TRUE);
          return;
        }
    }

  /* Translators: the time of day, then how many calendars */
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Written at %s · %u calendar", "Written at %s · %u calendars",
                                         results->len),
                            clock, results->len);
  set_status (self, status, FALSE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EscaleFeedPublisher) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = escale_ical_feeds_write_finish (result, &error);
  /* A write for a folder no longer chosen, or for a closed database. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  if (results != NULL)
    report (self, results);
  else
    set_status (self, error->message, TRUE);

  if (self->again)
    start_writing (self);
}

static void
start_writing (EscaleFeedPublisher *self)
{
  EscaleDatabase *database = escale_event_repository_get_database (self->events);

  self->again = FALSE;
  if (self->folder == NULL)
    return;
  if (self->cancellable != NULL)
    {
      self->again = TRUE;
      return;
    }

  self->cancellable = g_cancellable_new ();
  escale_ical_feeds_write_async (escale_database_get_path (database), self->folder, self->cancellable,
                                 on_written, g_object_ref (self));
}

static gboolean
on_settled (gpointer user_data)
{
  EscaleFeedPublisher *self = user_data;

  self->settle_id = 0;
  start_writing (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (EscaleFeedPublisher *self)
{
  if (self->folder == NULL)
    return;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MILLISECONDS, on_settled, self);
}

static void
escale_feed_publisher_dispose (GObject *object)
{
  EscaleFeedPublisher *self = (EscaleFeedPublisher *)object;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  if (self->registrations != NULL)
    g_signal_handlers_disconnect_by_data (self->registrations, self);
  if (self->participants != NULL)
    g_signal_handlers_disconnect_by_data (self->participants, self);
  g_clear_object (&self->events);
  g_clear_object (&self->registrations);
  g_clear_object (&self->participants);

  G_OBJECT_CLASS (escale_feed_publisher_parent_class)->dispose (object);
}

static void
escale_feed_publisher_finalize (GObject *object)
{
  EscaleFeedPublisher *self = (EscaleFeedPublisher *)object;

  g_free (self->folder);
  g_free (self->status);

  G_OBJECT_CLASS (escale_feed_publisher_parent_class)->finalize (object);
}

static void
escale_feed_publisher_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EscaleFeedPublisher *self = ESCALE_FEED_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder != NULL ? self->folder : "");
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_FAILED:
      g_value_set_boolean (value, self->failed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_feed_publisher_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EscaleFeedPublisher *self = ESCALE_FEED_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      escale_feed_publisher_set_folder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_feed_publisher_class_init (EscaleFeedPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_feed_publisher_dispose;
  object_class->finalize = escale_feed_publisher_finalize;
  object_class->get_property = escale_feed_publisher_get_property;
  object_class->set_property = escale_feed_publisher_set_property;

  /**
   * EscaleFeedPublisher:folder:
   *
   * The feed folder; empty when calendars are not published.
   */
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EscaleFeedPublisher:status:
   *
   * When the calendars were last written, or why they were not.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAILED] =
    g_param_spec_boolean ("failed", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EscaleFeedPublisher::feeds-changed:
   *
   * A calendar was published or withdrawn.
   */
  signals[FEEDS_CHANGED] = g_signal_new ("feeds-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_feed_publisher_init (EscaleFeedPublisher *self)
{
}

EscaleFeedPublisher *
escale_feed_publisher_new (EscaleEventRepository        *events,
                           EscaleRegistrationRepository *registrations,
                           EscaleParticipantRepository  *participants)
{
  EscaleFeedPublisher *self;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), NULL);
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (registrations), NULL);
  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), NULL);

  self = g_object_new (ESCALE_TYPE_FEED_PUBLISHER, NULL);
  self->events = g_object_ref (events);
  self->registrations = g_object_ref (registrations);
  self->participants = g_object_ref (participants);

  g_signal_connect_swapped (events, "changed", G_CALLBACK (schedule), self);
  g_signal_connect_swapped (registrations, "changed", G_CALLBACK (schedule), self);
  g_signal_connect_swapped (participants, "changed", G_CALLBACK (schedule), self);

  return self;
}

const char *
escale_feed_publisher_get_folder (EscaleFeedPublisher *self)
{
  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), NULL);

  return self->folder != NULL ? self->folder : "";
}

/**
 * escale_feed_publisher_set_folder:
 * @folder: (nullable): the feed folder; %NULL or empty to stop publishing
 *
 * Sets where calendars are published, and writes them there.
 */
void
escale_feed_publisher_set_folder (EscaleFeedPublisher *self,
                                  const char          *folder)
{
  g_return_if_fail (ESCALE_IS_FEED_PUBLISHER (self));

  if (folder != NULL && *folder == '\0')
    folder = NULL;
  if (g_strcmp0 (self->folder, folder) == 0)
    return;

  g_free (self->folder);
  self->folder = g_strdup (folder);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);

  if (self->folder == NULL)
    set_status (self, NULL, FALSE);
  else
    start_writing (self);
}

const char *
escale_feed_publisher_get_status (EscaleFeedPublisher *self)
{
  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), NULL);

  return self->status;
}

gboolean
escale_feed_publisher_get_failed (EscaleFeedPublisher *self)
{
  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), FALSE);

  return self->failed;
}

static EscaleDatabase *
get_database (EscaleFeedPublisher *self)
{
  return escale_event_repository_get_database (self->events);
}

/**
 * escale_feed_publisher_list:
 *
 * Returns: (transfer container) (element-type EscaleCalendarFeed): the
 *   published calendars, by file name
 */
GPtrArray *
escale_feed_publisher_list (EscaleFeedPublisher  *self,
                            GError              **error)
{
  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), NULL);

  return escale_calendar_feed_list (get_database (self), error);
}

/**
 * escale_feed_publisher_find:
 *
 * Returns: (transfer full) (nullable): the feed publishing this calendar
 */
EscaleCalendarFeed *
escale_feed_publisher_find (EscaleFeedPublisher *self,
                            EscaleFeedScope      scope,
                            gint64               target_id)
{
  g_autoptr(GPtrArray) feeds = NULL;

  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), NULL);

  feeds = escale_calendar_feed_list (get_database (self), NULL);
  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    {
      EscaleCalendarFeed *feed = feeds->pdata[i];

      if (feed->scope == scope && feed->target_id == target_id)
        return g_steal_pointer (&feeds->pdata[i]);
    }

  return NULL;
}

/**
 * escale_feed_publisher_add:
 *
 * Publishes a calendar under its usual file name and writes the folder.
 *
 * Returns: (transfer full): the feed, or %NULL with @error
 */
EscaleCalendarFeed *
escale_feed_publisher_add (EscaleFeedPublisher  *self,
                           EscaleFeedScope       scope,
                           gint64                target_id,
                           GError              **error)
{
  EscaleCalendarFeed *feed;

  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), NULL);

  feed = escale_calendar_feed_add (get_database (self), scope, target_id, NULL, error);
  if (feed == NULL)
    return NULL;

  g_signal_emit (self, signals[FEEDS_CHANGED], 0);
  start_writing (self);
  return feed;
}

/**
 * escale_feed_publisher_remove:
 *
 * Stops publishing the calendar written to @file_name. The file stays in
 * the folder with what subscribers last received.
 */
gboolean
escale_feed_publisher_remove (EscaleFeedPublisher  *self,
                              const char           *file_name,
                              GError              **error)
{
  g_return_val_if_fail (ESCALE_IS_FEED_PUBLISHER (self), FALSE);

  if (!escale_calendar_feed_remove (get_database (self), file_name, error))
    return FALSE;

  g_signal_emit (self, signals[FEEDS_CHANGED], 0);
  return TRUE;
}

/**
 * escale_feed_publisher_write_now:
 *
 * Writes every published calendar without waiting for a change.
 */
void
escale_feed_publisher_write_now (EscaleFeedPublisher *self)
{
  g_return_if_fail (ESCALE_IS_FEED_PUBLISHER (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  start_writing (self);
}
