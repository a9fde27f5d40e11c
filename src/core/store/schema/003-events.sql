-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Events: information sessions, virtual presentations, regionalisation
-- fairs and exploratory visits, with a visit's itinerary, vehicles and
-- checklist, and the registrations of participants.
--
-- Instants are unix seconds (UTC); each event carries the IANA time zone its
-- times are shown in, because the Îles-de-la-Madeleine are not on Montréal
-- time. Dates without a time (a deadline, a task's due date) are ISO dates
-- in that zone.

-- A recurring information session: the rule, and the occurrences it made
-- as events of their own (each can be moved or cancelled, and people
-- register for one occurrence). An occurrence removed from the series
-- stays out when the series is extended.
CREATE TABLE event_series (
  id          INTEGER PRIMARY KEY,
  frequency   TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
  interval    INTEGER NOT NULL DEFAULT 1 CHECK (interval BETWEEN 1 AND 12),
  until_on    TEXT NOT NULL CHECK (date(until_on) IS until_on),
  excluded_on TEXT,   -- ISO dates, comma-separated, of removed occurrences
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE event (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  kind                  TEXT NOT NULL CHECK (kind IN ('information-session', 'virtual-presentation',
                                                        'fair', 'exploratory-visit')),
  title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
  region_code           TEXT REFERENCES region (code),
  organizer             TEXT,
  presenters            TEXT,
  place_name            TEXT,
  address               TEXT,
  latitude              REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude             REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  online_url            TEXT,
  starts_at             INTEGER NOT NULL,
  ends_at               INTEGER NOT NULL CHECK (ends_at >= starts_at),
  tzid                  TEXT NOT NULL DEFAULT 'America/Toronto',
  capacity              INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  registration_deadline TEXT CHECK (registration_deadline IS NULL OR
                                    date(registration_deadline) IS registration_deadline),
  status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'full',
                                                                           'done', 'cancelled')),
  description           TEXT,
  internal_notes        TEXT,
  materials             TEXT,
  eligibility_rules     TEXT,   -- JSON, see escale-eligibility.c
  series_id             INTEGER REFERENCES event_series (id) ON DELETE SET NULL,
  -- Recipients of a calendar file know an event by its UID, and take a
  -- change only when its SEQUENCE grows.
  ical_uid              TEXT NOT NULL UNIQUE,
  ical_sequence         INTEGER NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
) STRICT;

CREATE INDEX event_starts ON event (starts_at);
CREATE INDEX event_series_occurrence ON event (series_id, starts_at) WHERE series_id IS NOT NULL;

-- The partners who host or present at an event.
CREATE TABLE event_partner (
  event_id        INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  PRIMARY KEY (event_id, organization_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_partner_organization ON event_partner (organization_id);

-- The timed stops of an exploratory visit, in order.
CREATE TABLE itinerary_stop (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id          INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL CHECK (position >= 0),
  kind              TEXT NOT NULL CHECK (kind IN ('departure', 'transport', 'company-visit', 'presentation',
                                                  'employer-meeting', 'meal', 'lodging', 'free-time',
                                                  'return')),
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  starts_at         INTEGER NOT NULL,
  ends_at           INTEGER NOT NULL CHECK (ends_at >= starts_at),
  place_name        TEXT,
  address           TEXT,
  latitude          REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude         REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  organization_id   INTEGER REFERENCES organization (id),
  contact_id        INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  partner_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (partner_confirmed IN (0, 1)),
  notes             TEXT,
  ical_uid          TEXT NOT NULL UNIQUE,
  ical_sequence     INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  UNIQUE (event_id, position)
) STRICT;

CREATE INDEX itinerary_stop_organization ON itinerary_stop (organization_id) WHERE organization_id IS NOT NULL;

-- The bus, minibus or cars of a visit.
CREATE TABLE vehicle (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('bus', 'minibus', 'car', 'other')),
  provider        TEXT,
  seats           INTEGER NOT NULL CHECK (seats >= 1),
  driver          TEXT,
  driver_phone    TEXT,
  departure_place TEXT,
  departs_at      INTEGER,
  return_place    TEXT,
  returns_at      INTEGER,
  notes           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX vehicle_event ON vehicle (event_id);

-- What must be booked or confirmed before a visit.
CREATE TABLE logistics_task (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id     INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 0),
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  due_on       TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
  done_on      TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
  confirmed_by TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX logistics_task_event ON logistics_task (event_id, position);

-- A participant's place at an event. Seats count the participant and the
-- household members who come along. The waitlist is in the order people
-- joined it.
CREATE TABLE registration (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'confirmed', 'attended',
                                                  'no-show', 'cancelled')),
  seats           INTEGER NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 20),
  waitlisted_at   INTEGER,
  needs_lodging   INTEGER NOT NULL DEFAULT 0 CHECK (needs_lodging IN (0, 1)),
  diet            TEXT,
  accessibility   TEXT,
  notes           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (event_id, participant_id),
  CHECK ((status = 'waitlisted') = (waitlisted_at IS NOT NULL))
) STRICT;

CREATE INDEX registration_participant ON registration (participant_id);
-- How full an event is, counted from the index alone at each registration.
CREATE INDEX registration_fill ON registration (event_id, status, seats);
CREATE INDEX registration_waitlist ON registration (event_id, waitlisted_at, id) WHERE status = 'waitlisted';

-- The roll call at each stop of a visit.
CREATE TABLE stop_attendance (
  stop_id         INTEGER NOT NULL REFERENCES itinerary_stop (id) ON DELETE CASCADE,
  registration_id INTEGER NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  present         INTEGER NOT NULL CHECK (present IN (0, 1)),
  recorded_at     INTEGER NOT NULL,
  PRIMARY KEY (stop_id, registration_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX stop_attendance_registration ON stop_attendance (registration_id);
