/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-ical-private.h"
#include "escale-participant-registration.h"

/* Writes Escale's events as iCalendar (RFC 5545) to a stream, one
 * component at a time, so that a large range never becomes one huge
 * string: the calendar's header, one VTIMEZONE per zone in use, then each
 * entry serialised, written and freed in turn. */

struct _EscaleIcalExport
{
  GObject parent_instance;

  /* Owned */
  EscaleEventRepository        *events;
  EscaleRegistrationRepository *registrations;
  EscaleParticipantRepository  *participants;

  EscaleIcalMethod              method;
  gint64                        stamp;   /* 0: the time of the export */
};

G_DEFINE_FINAL_TYPE (EscaleIcalExport, escale_ical_export, G_TYPE_OBJECT)

G_DEFINE_QUARK (escale-ical-error-quark, escale_ical_error)

static const char * const method_names[] = {
  [ESCALE_ICAL_METHOD_PUBLISH] = "PUBLISH",
  [ESCALE_ICAL_METHOD_REQUEST] = "REQUEST",
  [ESCALE_ICAL_METHOD_CANCEL] = "CANCEL",
};

gboolean
_escale_ical_write_component (GOutputStream  *stream,
                              icalcomponent  *component,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(GString) text = g_string_sized_new (1000);

  _escale_ical_append_component (text, component);
  return g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);
}

gboolean
_escale_ical_write_text (GOutputStream  *stream,
                         const char     *text,
                         GCancellable   *cancellable,
                         GError        **error)
{
  return g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, error);
}

/* Everything up to the first entry. */
gboolean
_escale_ical_export_write_head (EscaleIcalExport  *self,
                                EscaleIcalZones   *zones,
                                GOutputStream     *stream,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autofree char *head = g_strdup_printf ("BEGIN:VCALENDAR\r\n"
                                           "VERSION:2.0\r\n"
                                           "PRODID:-//Escale//Escale " PACKAGE_VERSION "//EN\r\n"
                                           "CALSCALE:GREGORIAN\r\n"
                                           "METHOD:%s\r\n",
                                           method_names[self->method]);

  g_assert (ESCALE_IS_ICAL_EXPORT (self));

  return _escale_ical_write_text (stream, head, cancellable, error) &&
         _escale_ical_zones_write (zones, stream, cancellable, error);
}

EscaleEventRepository *
_escale_ical_export_get_events (EscaleIcalExport *self)
{
  return self->events;
}

EscaleIcalEntryContext
_escale_ical_export_entry_context (EscaleIcalExport *self)
{
  EscaleIcalEntryContext context = {
    .method = self->method,
    .stamp = self->stamp > 0 ? self->stamp : g_get_real_time () / G_USEC_PER_SEC,
    .registrations = self->registrations,
    .participants = self->participants,
  };

  return context;
}

/* A participant's copy of an entry: TENTATIVE while the place is not
 * theirs yet, CANCELLED once they withdrew, so that their calendar takes
 * it off. A cancelled event stays cancelled. */
static void
mark_copy (icalcomponent       *entry,
           icalproperty_status  status)
{
  if (status != ICAL_STATUS_NONE && icalcomponent_get_status (entry) != ICAL_STATUS_CANCELLED)
    icalcomponent_set_status (entry, status);
}

/* What a calendar takes of its events. */
typedef struct
{
  gboolean        stops;          /* a visit's stops, each as its own entry */
  gint64          stop_partner;   /* > 0: only the stops at this partner */
  gboolean        personal;       /* someone's own copy: no ATTENDEE */
  const icalproperty_status *copies;  /* NULL, or per event: mark_copy()'s status */
} Contents;

static gboolean
takes_stop (const Contents      *contents,
            EscaleItineraryStop *stop)
{
  return contents->stops &&
         (contents->stop_partner <= 0 || escale_itinerary_stop_get_organization_id (stop) == contents->stop_partner);
}

static gboolean
write_stops (const EscaleIcalEntryContext  *context,
             const Contents                *contents,
             EscaleEvent                   *event,
             icalproperty_status            copy,
             GOutputStream                 *stream,
             GCancellable                  *cancellable,
             GError                       **error)
{
  GListModel *itinerary = escale_event_get_stops (event);

  for (guint j = 0; j < g_list_model_get_n_items (itinerary); j++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (itinerary, j);
      g_autoptr(icalcomponent) entry = NULL;

      if (escale_itinerary_stop_get_starts_at (stop) <= 0 || !takes_stop (contents, stop))
        continue;
      entry = _escale_ical_stop_entry (context, event, stop);
      mark_copy (entry, copy);
      if (!_escale_ical_write_component (stream, entry, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* The event's entry, then those of the stops @contents takes. */
static gboolean
write_event (const EscaleIcalEntryContext  *context,
             const Contents                *contents,
             EscaleEvent                   *event,
             const EscaleEventHost         *host,
             icalproperty_status            copy,
             GOutputStream                 *stream,
             GCancellable                  *cancellable,
             GError                       **error)
{
  g_autoptr(icalcomponent) whole = NULL;

  whole = _escale_ical_event_entry_hosted (context, event, host, error);
  if (whole == NULL)
    return FALSE;
  mark_copy (whole, copy);

  return _escale_ical_write_component (stream, whole, cancellable, error) &&
         write_stops (context, contents, event, copy, stream, cancellable, error);
}

/* An event's entry in a range, with its visit's stops. */
gboolean
_escale_ical_write_range_event (const EscaleIcalEntryContext  *context,
                                EscaleEvent                   *event,
                                const EscaleEventHost         *host,
                                GOutputStream                 *stream,
                                GCancellable                  *cancellable,
                                GError                       **error)
{
  Contents contents = { .stops = escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT };

  return write_event (context, &contents, event, host, ICAL_STATUS_NONE, stream, cancellable, error);
}

/* A CANCEL carries the SEQUENCE stored with each entry: the one a
 * cancellation raised. An event still active would send its last
 * REQUEST's SEQUENCE, which calendars ignore as not newer. */
gboolean
_escale_ical_check_cancelled (EscaleIcalExport  *self,
                              EscaleEvent       *event,
                              GError           **error)
{
  if (self->method != ESCALE_ICAL_METHOD_CANCEL || escale_event_get_status (event) == ESCALE_EVENT_STATUS_CANCELLED)
    return TRUE;

  g_set_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_CANCELLED,
               _("“%s” is not cancelled: cancel the event first, then send the cancellation"),
               escale_event_get_title (event));
  return FALSE;
}

/* The events of @events that have a date, and what @contents takes of
 * them. */
static gboolean
write_calendar (EscaleIcalExport  *self,
                GPtrArray         *events,
                const Contents    *contents,
                GOutputStream     *stream,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(EscaleIcalZones) zones = _escale_ical_zones_new ();
  EscaleIcalEntryContext context = _escale_ical_export_entry_context (self);

  if (contents->personal)
    context.registrations = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      if (escale_event_get_starts_at (events->pdata[i]) > 0 &&
          !_escale_ical_check_cancelled (self, events->pdata[i], error))
        return FALSE;
    }

  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = events->pdata[i];
      GListModel *itinerary = escale_event_get_stops (event);
      const char *tzid = escale_event_get_tzid (event);

      _escale_ical_zones_add (zones, tzid, escale_event_get_starts_at (event), escale_event_get_ends_at (event));
      for (guint j = 0; j < g_list_model_get_n_items (itinerary); j++)
        {
          g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (itinerary, j);

          if (takes_stop (contents, stop))
            _escale_ical_zones_add (zones, tzid, escale_itinerary_stop_get_starts_at (stop),
                                    escale_itinerary_stop_get_ends_at (stop));
        }
    }

  if (!_escale_ical_export_write_head (self, zones, stream, cancellable, error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      EscaleEvent *event = events->pdata[i];
      icalproperty_status copy = contents->copies != NULL ? contents->copies[i] : ICAL_STATUS_NONE;
      g_autofree char *host_name = NULL;
      g_autofree char *host_email = NULL;
      EscaleEventHost host;

      if (escale_event_get_starts_at (event) <= 0)
        continue;
      if (!escale_event_repository_find_host (self->events, escale_event_get_id (event), &host_name, &host_email, error))
        return FALSE;
      host.name = host_name;
      host.email = host_email;
      if (!write_event (&context, contents, event, &host, copy, stream, cancellable, error))
        return FALSE;
    }

  return _escale_ical_write_text (stream, "END:VCALENDAR\r\n", cancellable, error);
}

static EscaleEvent *
load_dated_event (EscaleIcalExport  *self,
                  gint64             event_id,
                  GError           **error)
{
  g_autoptr(EscaleEvent) event = escale_event_repository_load (self->events, event_id, error);

  if (event == NULL)
    return NULL;
  if (escale_event_get_starts_at (event) <= 0)
    {
      g_set_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NO_DATE,
                   _("Event number %lld has no date yet"), (long long) event_id);
      return NULL;
    }

  return g_steal_pointer (&event);
}

static void
escale_ical_export_dispose (GObject *object)
{
  EscaleIcalExport *self = ESCALE_ICAL_EXPORT (object);

  g_clear_object (&self->events);
  g_clear_object (&self->registrations);
  g_clear_object (&self->participants);

  G_OBJECT_CLASS (escale_ical_export_parent_class)->dispose (object);
}

static void
escale_ical_export_class_init (EscaleIcalExportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_ical_export_dispose;
}

static void
escale_ical_export_init (EscaleIcalExport *self)
{
}

/**
 * escale_ical_export_new:
 * @events: where the events are read
 *
 * Returns: (transfer full): an export with METHOD:PUBLISH and no attendees
 */
EscaleIcalExport *
escale_ical_export_new (EscaleEventRepository *events)
{
  EscaleIcalExport *self;

  g_return_val_if_fail (ESCALE_IS_EVENT_REPOSITORY (events), NULL);

  self = g_object_new (ESCALE_TYPE_ICAL_EXPORT, NULL);
  self->events = g_object_ref (events);
  return self;
}

/**
 * escale_ical_export_set_method:
 *
 * Sets the calendar's METHOD. With %ESCALE_ICAL_METHOD_CANCEL, every entry
 * is written with STATUS:CANCELLED.
 */
void
escale_ical_export_set_method (EscaleIcalExport *self,
                               EscaleIcalMethod  method)
{
  g_return_if_fail (ESCALE_IS_ICAL_EXPORT (self));
  g_return_if_fail (method <= ESCALE_ICAL_METHOD_CANCEL);

  self->method = method;
}

/**
 * escale_ical_export_set_attendees:
 * @registrations: (nullable): where registrations are read, or %NULL for
 *   no attendees (the default)
 * @participants: (nullable): where the participants' addresses are read
 *
 * Adds an ATTENDEE, with its PARTSTAT, for each registered participant who
 * has an email address. This puts personal information in the file: only
 * on the user's explicit request.
 */
void
escale_ical_export_set_attendees (EscaleIcalExport             *self,
                                  EscaleRegistrationRepository *registrations,
                                  EscaleParticipantRepository  *participants)
{
  g_return_if_fail (ESCALE_IS_ICAL_EXPORT (self));
  g_return_if_fail ((registrations == NULL) == (participants == NULL));

  g_set_object (&self->registrations, registrations);
  g_set_object (&self->participants, participants);
}

/**
 * escale_ical_export_set_stamp:
 * @now: the DTSTAMP of every entry (unix seconds), or 0 for the time of
 *   each export
 */
void
escale_ical_export_set_stamp (EscaleIcalExport *self,
                              gint64            now)
{
  g_return_if_fail (ESCALE_IS_ICAL_EXPORT (self));

  self->stamp = MAX (now, 0);
}

/**
 * escale_ical_export_event:
 * @event_id: the event to write
 * @stream: where the calendar is written; left open
 *
 * Writes a calendar with the event's one entry.
 *
 * Returns: %FALSE with @error when the event does not exist
 *   (%ESCALE_STORE_ERROR_NOT_FOUND), has no date, or writing fails
 */
gboolean
escale_ical_export_event (EscaleIcalExport  *self,
                          gint64             event_id,
                          GOutputStream     *stream,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  EscaleEvent *event;

  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  event = load_dated_event (self, event_id, error);
  if (event == NULL)
    return FALSE;
  g_ptr_array_add (events, event);

  return write_calendar (self, events, &(Contents) { .stops = FALSE }, stream, cancellable, error);
}

/**
 * escale_ical_export_visit:
 * @event_id: an exploratory visit
 * @stream: where the calendar is written; left open
 *
 * Writes a visit's itinerary: the visit as one whole-trip entry, then one
 * entry per dated stop, each with its own UID and a RELATED-TO the visit.
 *
 * Returns: %FALSE with @error when the event does not exist, is not a
 *   visit (%ESCALE_ICAL_ERROR_NOT_A_VISIT), has no date, or writing fails
 */
gboolean
escale_ical_export_visit (EscaleIcalExport  *self,
                          gint64             event_id,
                          GOutputStream     *stream,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  EscaleEvent *event;

  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  event = load_dated_event (self, event_id, error);
  if (event == NULL)
    return FALSE;
  g_ptr_array_add (events, event);
  if (escale_event_get_kind (event) != ESCALE_EVENT_KIND_EXPLORATORY_VISIT)
    {
      g_set_error (error, ESCALE_ICAL_ERROR, ESCALE_ICAL_ERROR_NOT_A_VISIT,
                   _("Event number %lld is not an exploratory visit: it has no itinerary"), (long long) event_id);
      return FALSE;
    }

  return write_calendar (self, events, &(Contents) { .stops = TRUE }, stream, cancellable, error);
}

/* A seat, a place on the waitlist or a withdrawal: what a personal
 * calendar shows. A visit is loaded again for its stops, which lists
 * leave out. */
static gboolean
collect_participant_events (EscaleIcalExport  *self,
                            GPtrArray         *registrations,
                            GPtrArray         *events,
                            GArray            *copies,
                            GError           **error)
{
  /* Oldest first, as in the other calendars. */
  for (guint i = registrations->len; i-- > 0;)
    {
      EscaleParticipantRegistration *entry = registrations->pdata[i];
      EscaleRegistration *registration = escale_participant_registration_get_registration (entry);
      EscaleEvent *event = escale_participant_registration_get_event (entry);
      EscaleRegistrationStatus status = escale_registration_get_status (registration);
      icalproperty_status copy = status == ESCALE_REGISTRATION_STATUS_WAITLISTED ? ICAL_STATUS_TENTATIVE
                               : status == ESCALE_REGISTRATION_STATUS_CANCELLED  ? ICAL_STATUS_CANCELLED
                                                                                  : ICAL_STATUS_NONE;

      if (escale_event_get_starts_at (event) <= 0)
        continue;
      if (escale_event_get_kind (event) == ESCALE_EVENT_KIND_EXPLORATORY_VISIT)
        {
          event = escale_event_repository_load (self->events, escale_event_get_id (event), error);
          if (event == NULL)
            return FALSE;
        }
      else
        {
          g_object_ref (event);
        }
      g_ptr_array_add (events, event);
      g_array_append_val (copies, copy);
    }

  return TRUE;
}

/**
 * escale_ical_export_participant:
 * @registrations: where the participant's registrations are read
 * @participant_id: whose calendar
 * @stream: where the calendar is written; left open
 *
 * Writes a participant's personal calendar: every dated event they hold a
 * seat for, wait for or withdrew from, with a visit's stops. Each entry
 * has the event's own UID and SEQUENCE, so that it updates the same entry
 * as the event's export does; STATUS is TENTATIVE while they are on the
 * waitlist, CANCELLED for a cancelled event or a withdrawn registration
 * (a calendar that imported the entry takes it off), the event's own
 * otherwise. Other participants are never listed as attendees.
 * A participant with no registration gets an empty calendar: the caller
 * checks that the participant exists.
 */
gboolean
escale_ical_export_participant (EscaleIcalExport             *self,
                                EscaleRegistrationRepository *registrations,
                                gint64                        participant_id,
                                GOutputStream                *stream,
                                GCancellable                 *cancellable,
                                GError                      **error)
{
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (icalproperty_status));
  Contents contents = { .stops = TRUE, .personal = TRUE };

  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (registrations), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  theirs = escale_registration_repository_list_for_participant (registrations, participant_id, error);
  if (theirs == NULL || !collect_participant_events (self, theirs, events, copies, error))
    return FALSE;

  contents.copies = (const icalproperty_status *) (gpointer) copies->data;
  return write_calendar (self, events, &contents, stream, cancellable, error);
}

/**
 * escale_ical_export_partner:
 * @partner_id: a partner organisation
 * @stream: where the calendar is written; left open
 *
 * Writes a partner's calendar: every dated event that lists the partner
 * as a host or presenter, and every visit with a stop at the partner. A
 * visit comes as its whole-trip entry plus its stops at that partner
 * only (the others are no business of theirs), even when it lists the
 * partner as a host. The
 * entries keep the events' and stops' own UIDs. Participants are never
 * listed: the partner is outside the organisation. A partner that takes
 * part in nothing gets an empty calendar; the caller checks that it
 * exists.
 */
gboolean
escale_ical_export_partner (EscaleIcalExport  *self,
                            gint64             partner_id,
                            GOutputStream     *stream,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (partner_id > 0, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  events = escale_event_repository_list_for_partner (self->events, partner_id, error);
  if (events == NULL)
    return FALSE;

  return write_calendar (self, events, &(Contents) { .stops = TRUE, .stop_partner = partner_id, .personal = TRUE },
                         stream, cancellable, error);
}

/**
 * escale_ical_export_release_zones:
 *
 * Frees libical's cache of time zones, at the end of a program, so that
 * leak checkers see only real leaks.
 */
void
escale_ical_export_release_zones (void)
{
  _escale_ical_zones_forget ();
  icaltimezone_free_builtin_timezones ();
  icalmemory_free_ring ();
}
