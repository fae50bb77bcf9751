-- Country teams kept by platform admins: the State's time zone and language, the agencies present,
-- a version for If-Match, and when the team was closed (a closed team starts no new review).
ALTER TABLE upr_country_team
    ADD COLUMN time_zone   TEXT        NOT NULL DEFAULT 'UTC',
    ADD COLUMN language    TEXT        NOT NULL DEFAULT 'en',
    ADD COLUMN version     INTEGER     NOT NULL DEFAULT 1,
    ADD COLUMN created_by  TEXT,
    ADD COLUMN created_at  TIMESTAMPTZ,
    ADD COLUMN closed_by   TEXT,
    ADD COLUMN closed_at   TIMESTAMPTZ;

CREATE TABLE upr_country_team_agency (
    country_team    CHAR(3)     NOT NULL REFERENCES upr_country_team (code),
    agency          VARCHAR(32) NOT NULL REFERENCES upr_agency (code),
    PRIMARY KEY (country_team, agency)
);
