-- SPDX-License-Identifier: GPL-3.0-or-later
-- Escale schema, version 1: regions, partner organisations, their contacts,
-- the interaction log and the audit log. Instants are unix seconds (UTC);
-- calendar dates (an interaction's day, a due date) are ISO 'YYYY-MM-DD' text.

PRAGMA application_id = 1163084620; -- 0x4553434c, "ESCL"

CREATE TABLE region (
  code    TEXT PRIMARY KEY CHECK (length(code) = 2),
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;

INSERT INTO region (code, name_fr, name_en) VALUES
  ('01', 'Bas-Saint-Laurent', 'Bas-Saint-Laurent'),
  ('02', 'Saguenay–Lac-Saint-Jean', 'Saguenay–Lac-Saint-Jean'),
  ('03', 'Capitale-Nationale', 'Capitale-Nationale'),
  ('04', 'Mauricie', 'Mauricie'),
  ('05', 'Estrie', 'Estrie'),
  ('06', 'Montréal', 'Montréal'),
  ('07', 'Outaouais', 'Outaouais'),
  ('08', 'Abitibi-Témiscamingue', 'Abitibi-Témiscamingue'),
  ('09', 'Côte-Nord', 'Côte-Nord'),
  ('10', 'Nord-du-Québec', 'Northern Québec'),
  ('11', 'Gaspésie–Îles-de-la-Madeleine', 'Gaspésie–Îles-de-la-Madeleine'),
  ('12', 'Chaudière-Appalaches', 'Chaudière-Appalaches'),
  ('13', 'Laval', 'Laval'),
  ('14', 'Lanaudière', 'Lanaudière'),
  ('15', 'Laurentides', 'Laurentides'),
  ('16', 'Montérégie', 'Montérégie'),
  ('17', 'Centre-du-Québec', 'Centre-du-Québec');

CREATE TABLE organization (
  id          INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so an undone deletion gets its id back
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('regional-host', 'regionalisation', 'health', 'education',
                                            'chamber-of-commerce', 'economic-development',
                                            'municipality', 'employer', 'other')),
  region_code TEXT REFERENCES region (code),
  address     TEXT,
  city        TEXT,
  postal_code TEXT,
  latitude    REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude   REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  website     TEXT,
  phone       TEXT,
  email       TEXT,
  notes       TEXT,
  tags        TEXT, -- comma-separated, as typed
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((latitude IS NULL) = (longitude IS NULL))
) STRICT;

CREATE INDEX organization_region ON organization (region_code);

CREATE TABLE contact (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role            TEXT,
  email           TEXT,
  phone           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX contact_organization ON contact (organization_id);

CREATE TABLE interaction (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  occurred_on     TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
  channel         TEXT NOT NULL CHECK (channel IN ('meeting', 'phone', 'email', 'visit', 'event', 'other')),
  summary         TEXT NOT NULL CHECK (length(trim(summary)) > 0),
  next_step       TEXT,
  due_on          TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
  done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX interaction_organization ON interaction (organization_id);
CREATE INDEX interaction_due ON interaction (due_on) WHERE done = 0 AND due_on IS NOT NULL;

-- Who changed what, and when. It names the fields that changed, never their
-- values, so the log itself holds no personal information.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'archive', 'unarchive')),
  details   TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
