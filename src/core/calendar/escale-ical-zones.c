/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include "escale-ical-private.h"

/* The time zones a calendar uses, each with the span of instants it must
 * cover, written as one VTIMEZONE per zone under its plain IANA name.
 * libical names its built-in zones "/freeassociation.sourceforge.net/…",
 * a prefix several clients mishandle, so each zone is a renamed clone. */

typedef struct
{
  gint64 first;
  gint64 last;
} Span;

struct _EscaleIcalZones
{
  GHashTable *spans;   /* tzid → Span */
};

/* The last zone looked up in this thread: libical searches its list of
 * some 600 zones by name, twice per entry otherwise. The generation
 * changes when escale_ical_export_release_zones() frees them. */
static gint zones_generation;
static __thread struct
{
  char          tzid[64];
  icaltimezone *zone;
  gint          generation;
} last_zone;

void
_escale_ical_zones_forget (void)
{
  g_atomic_int_inc (&zones_generation);
}

/* libical's zone for @tzid, or NULL when times must be written in UTC. */
static icaltimezone *
lookup_zone (const char *tzid)
{
  icaltimezone *zone;
  gint generation = g_atomic_int_get (&zones_generation);

  if (tzid == NULL || *tzid == '\0')
    return NULL;
  if (last_zone.generation == generation && last_zone.zone != NULL && strcmp (last_zone.tzid, tzid) == 0)
    return last_zone.zone;

  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL || zone == icaltimezone_get_utc_timezone () || icaltimezone_get_component (zone) == NULL)
    return NULL;
  if (strlen (tzid) < sizeof last_zone.tzid)
    {
      strcpy (last_zone.tzid, tzid);
      last_zone.zone = zone;
      last_zone.generation = generation;
    }
  return zone;
}

icaltimetype
_escale_ical_utc (gint64 instant)
{
  return icaltime_from_timet_with_zone ((time_t) instant, FALSE, icaltimezone_get_utc_timezone ());
}

/* Midnight UTC on the first of January of @instant's year, plus @years. */
static icaltimetype
year_start (gint64 instant,
            int    years)
{
  icaltimetype time = _escale_ical_utc (instant);

  time.year += years;
  time.month = 1;
  time.day = 1;
  time.hour = time.minute = time.second = 0;
  return time;
}

EscaleIcalZones *
_escale_ical_zones_new (void)
{
  EscaleIcalZones *zones = g_new0 (EscaleIcalZones, 1);

  zones->spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return zones;
}

void
_escale_ical_zones_free (EscaleIcalZones *zones)
{
  g_hash_table_unref (zones->spans);
  g_free (zones);
}

/* Records that @tzid is used from @starts_at to @ends_at (unix seconds). */
void
_escale_ical_zones_add (EscaleIcalZones *zones,
                        const char      *tzid,
                        gint64           starts_at,
                        gint64           ends_at)
{
  Span *span;

  if (lookup_zone (tzid) == NULL || starts_at <= 0)
    return;
  ends_at = MAX (starts_at, ends_at);

  span = g_hash_table_lookup (zones->spans, tzid);
  if (span == NULL)
    {
      span = g_new (Span, 1);
      span->first = starts_at;
      span->last = ends_at;
      g_hash_table_insert (zones->spans, g_strdup (tzid), span);
    }
  span->first = MIN (span->first, starts_at);
  span->last = MAX (span->last, ends_at);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* One VTIMEZONE per zone, by name, cut to the whole years in use. */
gboolean
_escale_ical_zones_write (EscaleIcalZones  *zones,
                          GOutputStream    *stream,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autofree gpointer *names = NULL;
  guint n_names;

  names = g_hash_table_get_keys_as_array (zones->spans, &n_names);
  qsort (names, n_names, sizeof (gpointer), compare_names);

  for (guint i = 0; i < n_names; i++)
    {
      const char *tzid = names[i];
      Span *span = g_hash_table_lookup (zones->spans, tzid);
      g_autoptr(icalcomponent) vtimezone = icalcomponent_new_clone (icaltimezone_get_component (lookup_zone (tzid)));
      icalproperty *name = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      icalproperty_set_tzid (name, tzid);
      icaltimezone_truncate_vtimezone (vtimezone, year_start (span->first, 0), year_start (span->last, 1), FALSE);
      if (!_escale_ical_write_component (stream, vtimezone, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Sets DTSTART, DTEND, an EXDATE or RECURRENCE-ID to @instant as a local
 * time of @tzid, with the plain IANA name as TZID, or in UTC when libical
 * does not know the zone.
 * (icalproperty_new_dtstart() with a zoned time would drop the TZID.) */
void
_escale_ical_set_time (icalcomponent    *component,
                       icalproperty_kind kind,
                       gint64            instant,
                       const char       *tzid)
{
  icaltimezone *zone = lookup_zone (tzid);
  icaltimetype time = _escale_ical_utc (instant);
  icalproperty *property;

  if (zone != NULL)
    {
      time = icaltime_convert_to_zone (time, zone);
      time.zone = NULL;
    }
  switch (kind)
    {
    case ICAL_DTSTART_PROPERTY:
      property = icalproperty_new_dtstart (time);
      break;
    case ICAL_DTEND_PROPERTY:
      property = icalproperty_new_dtend (time);
      break;
    case ICAL_EXDATE_PROPERTY:
      property = icalproperty_new_exdate (time);
      break;
    case ICAL_RECURRENCEID_PROPERTY:
      property = icalproperty_new_recurrenceid (time);
      break;
    default:
      g_assert_not_reached ();
    }
  if (zone != NULL)
    icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));
  icalcomponent_add_property (component, property);
}
