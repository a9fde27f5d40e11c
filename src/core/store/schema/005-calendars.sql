-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Calendars: partners' agendas imported from .ics files, and the feeds
-- Escale rewrites for subscribers.

-- A partner's agenda, imported from an .ics file and kept apart from
-- Escale's own events: it is read-only, and only an import changes it.
-- One agenda per partner; importing again replaces what it holds.
CREATE TABLE external_calendar (
  id              INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL UNIQUE REFERENCES organization (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,   -- X-WR-CALNAME, or the file's name
  source_path     TEXT,            -- the local file it was last imported from, to refresh
  imported_at     INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

-- One entry of an agenda as the partner's file has it: a single event, the
-- master of a recurring one, or an override of one occurrence (its
-- RECURRENCE-ID, in UTC). An import matches entries by UID and
-- RECURRENCE-ID, and keeps the newer one by SEQUENCE, then LAST-MODIFIED.
CREATE TABLE external_event (
  id            INTEGER PRIMARY KEY,
  calendar_id   INTEGER NOT NULL REFERENCES external_calendar (id) ON DELETE CASCADE,
  uid           TEXT NOT NULL CHECK (length(uid) > 0),
  recurrence_id INTEGER,
  sequence      INTEGER NOT NULL DEFAULT 0,
  last_modified INTEGER,
  summary       TEXT,
  location      TEXT,
  description   TEXT,
  starts_at     INTEGER NOT NULL,
  ends_at       INTEGER NOT NULL CHECK (ends_at >= starts_at),
  all_day       INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  tzid          TEXT,            -- the IANA zone its times were resolved in; NULL for UTC
  status        TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
  rrule         TEXT,            -- the recurrence rule as imported
  problem       TEXT,            -- what the import could not resolve, in the user's words
  content_hash  TEXT,            -- a digest of the fields and occurrences, to tell a re-import what changed
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX external_event_identity ON external_event (calendar_id, uid, ifnull (recurrence_id, -1));

-- The times an entry takes place, recurrences expanded (and bounded) at
-- import, overrides and excluded dates applied, cancelled ones left out:
-- what conflicts and the week view read.
CREATE TABLE external_occurrence (
  event_id  INTEGER NOT NULL REFERENCES external_event (id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at   INTEGER NOT NULL CHECK (ends_at >= starts_at),
  PRIMARY KEY (event_id, starts_at)
) STRICT, WITHOUT ROWID;

CREATE INDEX external_occurrence_starts ON external_occurrence (starts_at);

-- A calendar Escale rewrites in the feed folder after every change, for
-- people who subscribed to it. The folder itself belongs to the computer
-- (a synced or served folder), so it is a setting, not a row.
CREATE TABLE calendar_feed (
  id         INTEGER PRIMARY KEY,
  scope      TEXT NOT NULL CHECK (scope IN ('upcoming', 'event', 'series', 'participant', 'partner')),
  target_id  INTEGER CHECK ((scope = 'upcoming') = (target_id IS NULL)),
  file_name  TEXT NOT NULL UNIQUE CHECK (file_name GLOB '?*.ics' AND instr(file_name, '/') = 0
                                         AND instr(file_name, '\') = 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (scope, target_id)
) STRICT;

-- A series is known to calendars by a UID of its own, kept when its
-- first session goes. The ones exported before keep the UID they had.
ALTER TABLE event_series ADD COLUMN ical_uid TEXT;

UPDATE event_series
   SET ical_uid = 'series-' || id || '-' ||
                  coalesce ((SELECT e.ical_uid FROM event e
                              WHERE e.series_id = event_series.id AND e.series_date = event_series.first_on),
                            (SELECT e.ical_uid FROM event e
                              WHERE e.series_id = event_series.id ORDER BY e.starts_at LIMIT 1))
 WHERE EXISTS (SELECT 1 FROM event e WHERE e.series_id = event_series.id);

UPDATE event_series SET ical_uid = 'series-' || id || '-' || lower(hex(randomblob(16)))
 WHERE ical_uid IS NULL;

CREATE UNIQUE INDEX event_series_uid ON event_series (ical_uid);
