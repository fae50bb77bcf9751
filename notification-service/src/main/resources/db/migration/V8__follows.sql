-- Who follows what: a person, or an agency (all its people in the country team), follows one review
-- or a whole country team, and hears of its review and task events per their preferences.
CREATE TABLE ns_follow (
    id              UUID        PRIMARY KEY,
    follower_type   TEXT        NOT NULL CHECK (follower_type IN ('person', 'agency')),
    follower        TEXT        NOT NULL,
    country_team    TEXT        NOT NULL,
    review_id       UUID,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ns_follow_once
    ON ns_follow (follower_type, follower, country_team, coalesce(review_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX ns_follow_team ON ns_follow (country_team);
