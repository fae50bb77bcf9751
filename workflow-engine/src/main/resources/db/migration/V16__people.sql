-- The engine's directory of people: filled from the identity provider's claims on each request
-- (written only when they changed) or by an admin's CSV import; each change is published as
-- person.updated.v1 so notification-service's directory follows.
CREATE TABLE upr_person (
    username        TEXT        PRIMARY KEY,
    display_name    TEXT        NOT NULL,
    email           TEXT,
    language        TEXT,
    time_zone       TEXT,
    agency          VARCHAR(32),
    roles           TEXT[]      NOT NULL DEFAULT '{}',
    country_teams   TEXT[]      NOT NULL DEFAULT '{}',
    source          TEXT        NOT NULL CHECK (source IN ('token', 'import')),
    version         INTEGER     NOT NULL DEFAULT 1,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX upr_person_by_country_team ON upr_person USING GIN (country_teams);
