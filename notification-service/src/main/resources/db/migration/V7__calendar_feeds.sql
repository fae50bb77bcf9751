-- Private calendar feeds of upcoming deadlines, one per person and per agency feed its owner made.
-- Only a SHA-256 hash of each feed's token is kept: the token, in the feed's URL, is shown once.
CREATE TABLE ns_calendar_feed (
    token_hash      TEXT        PRIMARY KEY,
    owner           TEXT        NOT NULL,
    scope           TEXT        NOT NULL CHECK (scope IN ('person', 'agency')),
    country_team    TEXT,
    agency          TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ns_calendar_feed_one_per_owner
    ON ns_calendar_feed (owner, scope, coalesce(country_team, ''), coalesce(agency, ''));
