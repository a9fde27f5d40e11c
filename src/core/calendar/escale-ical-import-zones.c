/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <string.h>

#include "escale-ical-import-private.h"

/* The zone of a TZID in a partner's file. libical alone turns every name
 * it does not know into a floating time, hours off: here Windows names
 * (Outlook's "Eastern Standard Time", with or without its own VTIMEZONE)
 * map to their IANA zone, libical's own prefixed names and IANA names
 * resolve directly, a custom VTIMEZONE is read with libical, and what
 * remains is read in the counsellor's zone and flagged by the caller. */

struct _ImportZones
{
  GHashTable *vtimezones;   /* borrowed: TZID → GString */
  GHashTable *resolved;     /* TZID → ImportZone */
  GPtrArray  *custom;       /* icaltimezone, owned */
};

/* Windows zone names, as in CLDR's windowsZones.xml (territory 001), for
 * the zones Escale's partners and their partners use. */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Eastern Standard Time", "America/New_York" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Central Standard Time", "America/Chicago" },
  { "Canada Central Standard Time", "America/Regina" },
  { "Mountain Standard Time", "America/Denver" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Greenland Standard Time", "America/Godthab" },
  { "UTC", "UTC" },
  { "Coordinated Universal Time", "UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "India Standard Time", "Asia/Kolkata" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  /* Older Outlook wrote the display name. */
  { "Eastern Time (US & Canada)", "America/New_York" },
  { "Central Time (US & Canada)", "America/Chicago" },
  { "Mountain Time (US & Canada)", "America/Denver" },
  { "Pacific Time (US & Canada)", "America/Los_Angeles" },
  { "Atlantic Time (Canada)", "America/Halifax" },
  { "Newfoundland", "America/St_Johns" },
  /* And names of UTC libical does not list. */
  { "GMT", "UTC" },
  { "Z", "UTC" },
  { "Etc/UTC", "UTC" },
  { "Etc/GMT", "UTC" },
  { "Universal", "UTC" },
};

/**
 * _escale_ical_import_windows_zone:
 * @name: a Windows zone name, also in Outlook's older "(UTC-05:00) Eastern
 *   Time (US & Canada)" form
 *
 * Returns: (nullable): the IANA zone it stands for
 */
const char *
_escale_ical_import_windows_zone (const char *name)
{
  const char *display;

  /* "(UTC-05:00) Eastern Time (US & Canada)", "(GMT-05.00) …" */
  display = name;
  if (name[0] == '(' && (display = strchr (name, ')')) != NULL)
    display = display + 1 + (display[1] == ' ');
  else
    display = name;

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      if (g_ascii_strcasecmp (display, windows_zones[i].windows) == 0)
        return windows_zones[i].iana;
    }
  return NULL;
}

static icaltimezone *
builtin (const char *name)
{
  if (g_str_equal (name, "UTC"))
    return icaltimezone_get_utc_timezone ();
  return icaltimezone_get_builtin_timezone (name);
}

/* "/freeassociation.sourceforge.net/America/Toronto",
 * "/mozilla.org/20050126_1/America/New_York": the IANA part. */
static icaltimezone *
builtin_after_prefix (const char  *name,
                      const char **iana)
{
  if (name[0] != '/')
    return NULL;
  for (const char *slash = strchr (name + 1, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      icaltimezone *zone = builtin (slash + 1);

      if (zone != NULL)
        {
          *iana = slash + 1;
          return zone;
        }
    }
  return NULL;
}

static icaltimezone *
custom_zone (ImportZones *zones,
             const char  *tzid)
{
  GString *text = g_hash_table_lookup (zones->vtimezones, tzid);
  icalcomponent *component;
  icaltimezone *zone;

  if (text == NULL)
    return NULL;
  component = icalparser_parse_string (text->str);
  if (component == NULL)
    return NULL;
  if (icalcomponent_isa (component) != ICAL_VTIMEZONE_COMPONENT ||
      icalcomponent_get_first_component (component, ICAL_XSTANDARD_COMPONENT) == NULL)
    {
      icalcomponent_free (component);
      return NULL;
    }
  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, component))
    {
      icalcomponent_free (component);
      icaltimezone_free (zone, 1);
      return NULL;
    }
  g_ptr_array_add (zones->custom, zone);
  return zone;
}

ImportZones *
_escale_ical_import_zones_new (GHashTable *vtimezones)
{
  ImportZones *zones = g_new0 (ImportZones, 1);

  zones->vtimezones = vtimezones;
  zones->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  zones->custom = g_ptr_array_new ();
  return zones;
}

void
_escale_ical_import_zones_free (ImportZones *zones)
{
  for (guint i = 0; i < zones->custom->len; i++)
    icaltimezone_free (zones->custom->pdata[i], 1);
  g_ptr_array_unref (zones->custom);
  g_hash_table_unref (zones->resolved);
  g_free (zones);
}

/**
 * _escale_ical_import_zones_resolve:
 * @tzid: a TZID parameter as the file has it
 *
 * Returns: (transfer none): the zone @tzid stands for; unresolved ones are
 *   the home zone, marked
 */
const ImportZone *
_escale_ical_import_zones_resolve (ImportZones *zones,
                                   const char  *tzid)
{
  ImportZone *resolved = g_hash_table_lookup (zones->resolved, tzid);
  g_autofree char *name = NULL;
  const char *iana;
  icaltimezone *zone;

  if (resolved != NULL)
    return resolved;

  resolved = g_new0 (ImportZone, 1);
  name = g_strstrip (g_strdup (tzid));
  iana = _escale_ical_import_windows_zone (name);
  zone = iana != NULL ? builtin (iana) : NULL;
  if (zone == NULL && (zone = builtin (name)) != NULL)
    iana = name;
  if (zone == NULL)
    zone = builtin_after_prefix (name, &iana);

  if (zone != NULL)
    {
      /* Interned: libical's own location strings may be ring-buffer memory. */
      resolved->zone = zone;
      resolved->tzid = zone == icaltimezone_get_utc_timezone () ? NULL : g_intern_string (iana);
    }
  else if ((zone = custom_zone (zones, tzid)) != NULL)
    {
      /* Its times are stored as the instants the file's own rules give. */
      resolved->zone = zone;
      resolved->tzid = NULL;
    }
  else
    {
      resolved->zone = icaltimezone_get_builtin_timezone (ESCALE_ICAL_IMPORT_HOME_TZID);
      resolved->tzid = ESCALE_ICAL_IMPORT_HOME_TZID;
      resolved->unresolved = TRUE;
    }

  g_hash_table_insert (zones->resolved, g_strdup (tzid), resolved);
  return resolved;
}
