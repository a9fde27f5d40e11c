/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-ical-private.h"
#include "escale-participant-field.h"

/* The VEVENT of an event or of a visit's stop: what a recipient's calendar
 * shows and what it needs to update the entry in place (UID, SEQUENCE). */

/* What iCalendar text keeps as it is: no control character but a line
 * feed or a tab. */
static inline gboolean
is_plain (char c)
{
  return (guchar) c >= 0x20 || c == '\n' || c == '\t';
}

/* Text as iCalendar carries it: libical escapes commas, semicolons,
 * backslashes and newlines, but writes a carriage return as it is, which
 * would break the line structure; control characters are not text either. */
char *
_escale_ical_clean_text (const char *text)
{
  char *clean = g_malloc (strlen (text) + 1);   /* never longer */
  char *end = clean;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            *end++ = '\n';
        }
      else if (is_plain (*p))
        {
          *end++ = *p;
        }
    }
  *end = '\0';

  return clean;
}

/* Whether _escale_ical_clean_text() would leave @text as it is, as most
 * texts are: no copy is made of those. */
static gboolean
is_clean (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if (!is_plain (*text))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*new_property) (const char *),
          const char    *text)
{
  g_autofree char *clean = NULL;

  if (is_blank (text))
    return;
  if (!is_clean (text))
    text = clean = _escale_ical_clean_text (text);
  icalcomponent_add_property (component, new_property (text));
}

/* "Place name, address" on one line, as calendars show a LOCATION. */
static char *
join_place (const char *name,
            const char *address)
{
  g_autofree char *flat = NULL;

  if (is_blank (name))
    name = NULL;
  if (is_blank (address))
    address = NULL;
  if (name == NULL && address == NULL)
    return NULL;

  flat = name != NULL && address != NULL ? g_strconcat (name, ", ", address, NULL) : g_strdup (name != NULL ? name : address);
  for (char *p = flat; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n')
        *p = ' ';
    }
  return g_steal_pointer (&flat);
}

static icalproperty_status
entry_status (const EscaleIcalEntryContext *context,
              EscaleEvent                  *event)
{
  if (context->method == ESCALE_ICAL_METHOD_CANCEL)
    return ICAL_STATUS_CANCELLED;

  switch (escale_event_get_status (event))
    {
    case ESCALE_EVENT_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    case ESCALE_EVENT_STATUS_DRAFT:
      return ICAL_STATUS_TENTATIVE;
    case ESCALE_EVENT_STATUS_PUBLISHED:
    case ESCALE_EVENT_STATUS_FULL:
    case ESCALE_EVENT_STATUS_DONE:
    default:
      return ICAL_STATUS_CONFIRMED;
    }
}

/* The properties every entry has, whatever it describes. */
static icalcomponent *
new_entry (const EscaleIcalEntryContext *context,
           EscaleEvent                  *event,
           const char                   *uid,
           guint                         sequence,
           gint64                        starts_at,
           gint64                        ends_at)
{
  icalcomponent *entry = icalcomponent_new_vevent ();
  const char *tzid = escale_event_get_tzid (event);

  icalcomponent_set_uid (entry, uid);
  icalcomponent_add_property (entry, icalproperty_new_sequence ((int) sequence));
  icalcomponent_set_dtstamp (entry, _escale_ical_utc (context->stamp));
  if (escale_event_get_updated_at (event) > 0)
    icalcomponent_add_property (entry, icalproperty_new_lastmodified (_escale_ical_utc (escale_event_get_updated_at (event))));
  icalcomponent_set_status (entry, entry_status (context, event));
  _escale_ical_set_time (entry, ICAL_DTSTART_PROPERTY, starts_at, tzid);
  if (ends_at > starts_at)
    _escale_ical_set_time (entry, ICAL_DTEND_PROPERTY, ends_at, tzid);

  return entry;
}

static void
add_geo (icalcomponent *entry,
         gboolean       located,
         double         latitude,
         double         longitude)
{
  struct icalgeotype geo = { 0, };

  if (!located)
    return;
  geo.lat = latitude;
  geo.lon = longitude;
  icalcomponent_add_property (entry, icalproperty_new_geo (geo));
}

/* @instant as "YYYY-MM-DD HH:MM" in the event's zone. libical's zones
 * stay loaded; a GTimeZone would read and parse its file each time, which
 * was most of the time of a large export. */
static char *
format_local_time (EscaleEvent *event,
                   gint64       instant)
{
  const char *tzid = escale_event_get_tzid (event);
  icaltimezone *zone = tzid != NULL ? icaltimezone_get_builtin_timezone (tzid) : NULL;
  g_autoptr(GTimeZone) fallback = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (zone != NULL)
    {
      icaltimetype converted = icaltime_convert_to_zone (_escale_ical_utc (instant), zone);

      return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", converted.year, converted.month, converted.day,
                              converted.hour, converted.minute);
    }

  fallback = escale_event_dup_time_zone (event);
  time = g_date_time_new_from_unix_utc (instant);
  if (time == NULL)
    return NULL;
  local = g_date_time_to_timezone (time, fallback);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The departure stop's place and time: where participants meet. */
static char *
describe_meeting_point (EscaleEvent *event)
{
  GListModel *stops = escale_event_get_stops (event);

  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);
      g_autofree char *place = NULL;
      g_autofree char *moment = NULL;

      if (escale_itinerary_stop_get_kind (stop) != ESCALE_STOP_KIND_DEPARTURE)
        continue;

      place = join_place (escale_itinerary_stop_get_place_name (stop), escale_itinerary_stop_get_address (stop));
      if (escale_itinerary_stop_get_starts_at (stop) > 0)
        moment = format_local_time (event, escale_itinerary_stop_get_starts_at (stop));
      if (place == NULL && moment == NULL)
        return NULL;
      if (place == NULL || moment == NULL)
        return g_strdup (place != NULL ? place : moment);
      return g_strdup_printf ("%s, %s", moment, place);
    }

  return NULL;
}

/* What participants read: the description, what to bring, where to meet. */
static char *
describe_event (EscaleEvent *event)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *description = escale_event_get_text (event, "description");
  const char *materials = escale_event_get_text (event, "materials");
  g_autofree char *meeting = describe_meeting_point (event);

  if (!is_blank (description))
    g_string_append (text, description);
  if (!is_blank (materials))
    g_string_append_printf (text, "%s%s\n%s", text->len > 0 ? "\n\n" : "", _("What to bring:"), materials);
  if (meeting != NULL)
    g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n\n" : "", _("Meeting point:"), meeting);

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static icalproperty *
new_organizer (const char *address,
               const char *name)
{
  g_autofree char *uri = NULL;
  icalproperty *property;

  if (is_blank (address) || strchr (address, '@') == NULL || strpbrk (address, " \t\r\n,;:<>\"") != NULL)
    return NULL;

  uri = g_strconcat ("mailto:", address, NULL);
  property = icalproperty_new_organizer (uri);
  if (!is_blank (name))
    {
      g_autofree char *clean = _escale_ical_clean_text (name);

      icalproperty_add_parameter (property, icalparameter_new_cn (g_strstrip (g_strdelimit (clean, "\"\n\t", ' '))));
    }
  return property;
}

/* ORGANIZER needs an address. The event's organiser field comes first,
 * when it holds one ("Name <name@example.org>" or a bare address): the
 * user typed it for this event. Otherwise the contact a host partner puts
 * forward (see #EscaleEventHost), with their name; otherwise none. */
static void
add_organizer (icalcomponent         *entry,
               const char            *organizer,
               const EscaleEventHost *host)
{
  g_autofree char *address = NULL;
  g_autofree char *name = NULL;
  const char *open, *close;
  icalproperty *property = NULL;

  if (!is_blank (organizer) && strchr (organizer, '@') != NULL)
    {
      open = strchr (organizer, '<');
      close = open != NULL ? strchr (open, '>') : NULL;
      if (open != NULL && close != NULL)
        {
          address = g_strstrip (g_strndup (open + 1, close - open - 1));
          name = g_strstrip (g_strndup (organizer, open - organizer));
        }
      else
        {
          address = g_strstrip (g_strdup (organizer));
        }
      property = new_organizer (address, name);
    }
  if (property == NULL && host != NULL && host->email != NULL)
    {
      g_autofree char *host_address = g_strstrip (g_strdup (host->email));

      property = new_organizer (host_address, host->name);
    }
  if (property != NULL)
    icalcomponent_add_property (entry, property);
}

static icalparameter_partstat
participation (EscaleRegistrationStatus status)
{
  switch (status)
    {
    case ESCALE_REGISTRATION_STATUS_CONFIRMED:
    case ESCALE_REGISTRATION_STATUS_ATTENDED:
      return ICAL_PARTSTAT_ACCEPTED;
    case ESCALE_REGISTRATION_STATUS_WAITLISTED:
      return ICAL_PARTSTAT_TENTATIVE;
    case ESCALE_REGISTRATION_STATUS_CANCELLED:
    case ESCALE_REGISTRATION_STATUS_NO_SHOW:
      return ICAL_PARTSTAT_DECLINED;
    case ESCALE_REGISTRATION_STATUS_REGISTERED:
    default:
      return ICAL_PARTSTAT_NEEDSACTION;
    }
}

/* One ATTENDEE per registered participant with an email address: asked
 * for explicitly, since it puts personal information in the file. */
static gboolean
add_attendees (const EscaleIcalEntryContext  *context,
               icalcomponent                 *entry,
               EscaleEvent                   *event,
               GError                       **error)
{
  g_autoptr(GPtrArray) registrations = NULL;

  if (context->registrations == NULL)
    return TRUE;

  registrations = escale_registration_repository_list (context->registrations, escale_event_get_id (event), error);
  if (registrations == NULL)
    return FALSE;

  for (guint i = 0; i < registrations->len; i++)
    {
      EscaleRegistration *registration = registrations->pdata[i];
      g_autoptr(EscaleParticipant) participant = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *name = NULL;
      const char *email;
      icalproperty *attendee;

      participant = escale_participant_repository_load (context->participants,
                                                        escale_registration_get_participant_id (registration), error);
      if (participant == NULL)
        return FALSE;
      email = escale_participant_get_text (participant, ESCALE_PARTICIPANT_FIELD_EMAIL);
      if (is_blank (email) || strpbrk (email, " \t\r\n,;:<>\"") != NULL)
        continue;

      uri = g_strconcat ("mailto:", email, NULL);
      name = _escale_ical_clean_text (escale_registration_get_participant_name (registration));
      attendee = icalproperty_new_attendee (uri);
      icalproperty_add_parameter (attendee, icalparameter_new_cn (g_strdelimit (name, "\"\n\t", ' ')));
      icalproperty_add_parameter (attendee, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (attendee, icalparameter_new_partstat (participation (escale_registration_get_status (registration))));
      icalcomponent_add_property (entry, attendee);
    }

  return TRUE;
}

/* The event as one entry: a session, or a visit as a whole trip. Its
 * ORGANIZER from the organiser field only. */
icalcomponent *
_escale_ical_event_entry (const EscaleIcalEntryContext  *context,
                          EscaleEvent                   *event,
                          GError                       **error)
{
  return _escale_ical_event_entry_hosted (context, event, NULL, error);
}

/* The same, with the contact of its host partner as the ORGANIZER when
 * its organiser field has no address. */
icalcomponent *
_escale_ical_event_entry_hosted (const EscaleIcalEntryContext  *context,
                                 EscaleEvent                   *event,
                                 const EscaleEventHost         *host,
                                 GError                       **error)
{
  g_autoptr(icalcomponent) entry = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;
  const char *url = escale_event_get_text (event, "online-url");
  double latitude = 0, longitude = 0;
  gboolean located = escale_event_get_coordinates (event, &latitude, &longitude);

  entry = new_entry (context, event, escale_event_get_ical_uid (event), escale_event_get_ical_sequence (event),
                     escale_event_get_starts_at (event), escale_event_get_ends_at (event));

  add_text (entry, icalproperty_new_summary, escale_event_get_title (event));
  location = join_place (escale_event_get_text (event, "place-name"), escale_event_get_text (event, "address"));
  add_text (entry, icalproperty_new_location, location);
  add_geo (entry, located, latitude, longitude);
  description = describe_event (event);
  add_text (entry, icalproperty_new_description, description);
  if (!is_blank (url) && strpbrk (url, " \t\r\n") == NULL)
    icalcomponent_add_property (entry, icalproperty_new_url (url));
  add_organizer (entry, escale_event_get_text (event, "organizer"), host);
  if (!add_attendees (context, entry, event, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/* A stop of @visit as its own entry, related to the visit's. */
icalcomponent *
_escale_ical_stop_entry (const EscaleIcalEntryContext *context,
                         EscaleEvent                  *visit,
                         EscaleItineraryStop          *stop)
{
  icalcomponent *entry;
  g_autofree char *location = NULL;
  double latitude = 0, longitude = 0;
  gboolean located = escale_itinerary_stop_get_coordinates (stop, &latitude, &longitude);

  entry = new_entry (context, visit, escale_itinerary_stop_get_ical_uid (stop), escale_itinerary_stop_get_ical_sequence (stop),
                     escale_itinerary_stop_get_starts_at (stop), escale_itinerary_stop_get_ends_at (stop));

  add_text (entry, icalproperty_new_summary, escale_itinerary_stop_get_title (stop));
  location = join_place (escale_itinerary_stop_get_place_name (stop), escale_itinerary_stop_get_address (stop));
  add_text (entry, icalproperty_new_location, location);
  add_geo (entry, located, latitude, longitude);
  add_text (entry, icalproperty_new_description, escale_event_get_title (visit));
  icalcomponent_add_property (entry, icalproperty_new_relatedto (escale_event_get_ical_uid (visit)));

  return entry;
}
