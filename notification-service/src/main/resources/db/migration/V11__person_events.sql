-- The directory follows workflow-engine's person.updated.v1 events: the person's time zone, and the
-- version of their entry, so an older change that arrives late never overwrites a newer one.
ALTER TABLE ns_person
    ADD COLUMN time_zone          TEXT,
    ADD COLUMN directory_version  INTEGER NOT NULL DEFAULT 0;
