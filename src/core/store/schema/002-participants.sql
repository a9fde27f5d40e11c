-- SPDX-License-Identifier: GPL-3.0-or-later
-- Escale schema, version 2: participants, their household, regions of
-- interest, consent history, case notes and follow-ups, with a full-text
-- index for search as you type over 100,000 people.

CREATE TABLE participant (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  given_name         TEXT NOT NULL CHECK (length(trim(given_name)) > 0),
  family_name        TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
  preferred_name     TEXT,
  birth_year         INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  email              TEXT,
  phone              TEXT,
  other_phone        TEXT,
  city               TEXT,
  preferred_language TEXT NOT NULL DEFAULT 'fr' CHECK (preferred_language IN ('fr', 'en')),
  immigration_status TEXT CHECK (immigration_status IS NULL OR immigration_status IN
                                   ('permanent-resident', 'citizen', 'open-work-permit',
                                    'closed-work-permit', 'working-holiday', 'student',
                                    'refugee', 'asylum-seeker', 'other')),
  arrived_on         TEXT CHECK (arrived_on IS NULL OR date(arrived_on) IS arrived_on),
  country_of_origin  TEXT,
  -- Québec's scale of French proficiency for adult immigrants, and the
  -- Canadian Language Benchmarks for English: both 1 to 12.
  french_level       INTEGER CHECK (french_level IS NULL OR french_level BETWEEN 1 AND 12),
  english_level      INTEGER CHECK (english_level IS NULL OR english_level BETWEEN 1 AND 12),
  other_languages    TEXT,
  education          TEXT CHECK (education IS NULL OR education IN
                                   ('secondary', 'vocational', 'college', 'bachelor', 'master', 'doctorate')),
  occupation         TEXT,
  noc_code           TEXT CHECK (noc_code IS NULL OR (length(noc_code) = 5 AND noc_code NOT GLOB '*[^0-9]*')),
  experience_years   INTEGER CHECK (experience_years IS NULL OR experience_years BETWEEN 0 AND 60),
  driving_licence    INTEGER NOT NULL DEFAULT 0 CHECK (driving_licence IN (0, 1)),
  source             TEXT,
  -- Keys for ordering and for finding duplicates: folded (no accents, no
  -- case) copies written by the repository.
  sort_key           TEXT NOT NULL,
  name_key           TEXT NOT NULL,
  email_key          TEXT,
  phone_key          TEXT,
  other_phone_key    TEXT,
  city_key           TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;

CREATE INDEX participant_sort ON participant (sort_key, id);
CREATE INDEX participant_city ON participant (city_key, sort_key);
CREATE INDEX participant_name ON participant (name_key, birth_year);
CREATE INDEX participant_email ON participant (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX participant_phone ON participant (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX participant_other_phone ON participant (other_phone_key) WHERE other_phone_key IS NOT NULL;

-- Families travel and settle together: a spouse and children with their ages.
CREATE TABLE household_member (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  relation       TEXT NOT NULL CHECK (relation IN ('spouse', 'child', 'other')),
  given_name     TEXT,
  birth_year     INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100)
) STRICT;

CREATE INDEX household_member_participant ON household_member (participant_id);

-- Regions of interest, ranked from 1 (the first choice).
CREATE TABLE participant_region (
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  rank           INTEGER NOT NULL CHECK (rank >= 1),
  region_code    TEXT NOT NULL REFERENCES region (code),
  PRIMARY KEY (participant_id, rank),
  UNIQUE (participant_id, region_code)
) STRICT, WITHOUT ROWID;

CREATE INDEX participant_region_code ON participant_region (region_code, participant_id);

-- Consent per purpose is a history: granting and withdrawing each add a row,
-- and the latest row of a purpose is the person's current choice. Only a
-- merge may move rows to the person they are merged into.
CREATE TABLE consent (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  purpose        TEXT NOT NULL CHECK (purpose IN ('registration', 'employers', 'partners', 'surveys')),
  granted        INTEGER NOT NULL CHECK (granted IN (0, 1)),
  given_on       TEXT NOT NULL CHECK (date(given_on) IS given_on),
  notice_version TEXT NOT NULL CHECK (length(trim(notice_version)) > 0),
  recorded_by    TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
  created_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX consent_participant ON consent (participant_id, purpose, given_on, id);

CREATE TRIGGER consent_history_is_kept
  BEFORE UPDATE OF purpose, granted, given_on, notice_version, recorded_by, created_at ON consent
BEGIN
  SELECT RAISE (ABORT, 'consent history cannot be rewritten');
END;

CREATE TABLE case_note (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  written_on     TEXT NOT NULL CHECK (date(written_on) IS written_on),
  author         TEXT NOT NULL CHECK (length(trim(author)) > 0),
  body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX case_note_participant ON case_note (participant_id);

-- A follow-up is done once its outcome is recorded.
CREATE TABLE follow_up (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  due_on         TEXT NOT NULL CHECK (date(due_on) IS due_on),
  kind           TEXT NOT NULL CHECK (kind IN ('call', 'email', 'meeting', 'visit', 'other')),
  outcome        TEXT CHECK (outcome IS NULL OR outcome IN
                               ('none', 'interview', 'job', 'internship', 'settled', 'not-pursuing')),
  done_on        TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
  notes          TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  CHECK ((outcome IS NULL) = (done_on IS NULL))
) STRICT;

CREATE INDEX follow_up_participant ON follow_up (participant_id);
CREATE INDEX follow_up_open ON follow_up (due_on, participant_id) WHERE done_on IS NULL;

-- An eligibility rule set can be overridden for one person, with a reason.
CREATE TABLE eligibility_override (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  rules          TEXT NOT NULL CHECK (length(trim(rules)) > 0),
  justification  TEXT NOT NULL CHECK (length(trim(justification)) > 0),
  decided_by     TEXT NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX eligibility_override_participant ON eligibility_override (participant_id, rules);

-- A fingerprint of every imported row, so that importing the same file
-- twice adds nobody the second time.
CREATE TABLE participant_import_row (
  fingerprint    TEXT PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX participant_import_row_participant ON participant_import_row (participant_id);

-- Pairs a counsellor said are two different people.
CREATE TABLE duplicate_dismissal (
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  other_id       INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  PRIMARY KEY (participant_id, other_id),
  CHECK (participant_id < other_id)
) STRICT, WITHOUT ROWID;

-- Search as you type: names, contact details and occupation, with accents
-- and case folded. The repository writes the rows; rowid = participant.id.
CREATE VIRTUAL TABLE participant_search USING fts5 (
  names, contact, occupation,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The audit log learns the actions participants need. SQLite cannot change
-- a CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE audit_log_v2 (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'archive', 'unarchive',
                                            'merge', 'override', 'import', 'export')),
  details   TEXT
) STRICT;

INSERT INTO audit_log_v2 SELECT id, at, actor, entity, entity_id, action, details FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v2 RENAME TO audit_log;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
