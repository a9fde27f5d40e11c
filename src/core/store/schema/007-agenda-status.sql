-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An agenda entry's status, checked with comparisons rather than an IN
-- list: SQLite 3.40 builds a temporary table for a list of three or more
-- values, for every row inserted, and that was a fifth of importing a
-- partner's agenda of 10,000 entries (bench/escale-bench-ical-import).
--
-- A table's CHECK cannot be altered, so the entries are copied into a new
-- table, their occurrences too, since they refer to it. Renaming the old
-- table first points the old occurrences at it, so that dropping it
-- deletes nothing that is kept.

ALTER TABLE external_event RENAME TO external_event_v5;

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
  status        TEXT NOT NULL DEFAULT 'confirmed'
                CHECK (status = 'confirmed' OR status = 'tentative' OR status = 'cancelled'),
  rrule         TEXT,            -- the recurrence rule as imported
  problem       TEXT,            -- what the import could not resolve, in the user's words
  content_hash  TEXT,            -- a digest of the fields and occurrences, to tell a re-import what changed
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

INSERT INTO external_event SELECT * FROM external_event_v5;

CREATE TABLE external_occurrence_v7 (
  event_id  INTEGER NOT NULL REFERENCES external_event (id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at   INTEGER NOT NULL CHECK (ends_at >= starts_at),
  PRIMARY KEY (event_id, starts_at)
) STRICT, WITHOUT ROWID;

INSERT INTO external_occurrence_v7 SELECT * FROM external_occurrence;
DROP TABLE external_occurrence;
DROP TABLE external_event_v5;
ALTER TABLE external_occurrence_v7 RENAME TO external_occurrence;

CREATE UNIQUE INDEX external_event_identity ON external_event (calendar_id, uid, ifnull (recurrence_id, -1));
CREATE INDEX external_occurrence_starts ON external_occurrence (starts_at);
