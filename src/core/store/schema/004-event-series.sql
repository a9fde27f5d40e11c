-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Series of information sessions: the first date a rule counts from, and
-- the date the rule gave each occurrence.

-- The rule's anchor: a weekly series keeps its weekday, a monthly one its
-- place in the month ("the 2nd Tuesday"), even once the first occurrence
-- is removed. Set for every series the repository writes; no series could
-- be made before this version.
ALTER TABLE event_series ADD COLUMN first_on TEXT CHECK (first_on IS NULL OR date(first_on) IS first_on);

-- The local date the rule gave an occurrence, kept when it is moved: a
-- calendar knows a moved or changed occurrence by it (RECURRENCE-ID).
ALTER TABLE event ADD COLUMN series_date TEXT CHECK (series_date IS NULL OR date(series_date) IS series_date);

-- One occurrence per date of a series, so that extending it twice makes
-- nothing twice.
CREATE UNIQUE INDEX event_series_date ON event (series_id, series_date) WHERE series_id IS NOT NULL;
