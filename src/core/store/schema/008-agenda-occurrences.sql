-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An agenda entry's occurrences go with it through a trigger rather than
-- a foreign key. SQLite checks a foreign key on every row inserted, by
-- opening the parent table and looking the entry up: an eighth of
-- importing a partner's agenda of 10,000 entries and 29,000 occurrences
-- (bench/escale-bench-ical-import). Occurrences are derived from their
-- entry and have one writer (escale-agenda-writer.c), which writes them
-- right after the entry they belong to, inside the same transaction. The
-- entries keep their own foreign key: they are what the partner sent, and
-- checking their agenda, a table of a few rows, costs little.
--
-- What the foreign key did on delete, the trigger does: the occurrences of
-- an entry are removed with it, also when the entry goes with its agenda
-- or its partner (SQLite fires triggers on the rows a cascade removes).

CREATE TABLE external_occurrence_v8 (
  event_id  INTEGER NOT NULL,   -- external_event (id), see the trigger below
  starts_at INTEGER NOT NULL,
  ends_at   INTEGER NOT NULL CHECK (ends_at >= starts_at),
  PRIMARY KEY (event_id, starts_at)
) STRICT, WITHOUT ROWID;

INSERT INTO external_occurrence_v8 SELECT * FROM external_occurrence;
DROP TABLE external_occurrence;
ALTER TABLE external_occurrence_v8 RENAME TO external_occurrence;

CREATE INDEX external_occurrence_starts ON external_occurrence (starts_at);

CREATE TRIGGER external_occurrence_follows_its_entry AFTER DELETE ON external_event
BEGIN
  DELETE FROM external_occurrence WHERE event_id = old.id;
END;
