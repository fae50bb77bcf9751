-- The State's own review day in its WG session and the day the WG adopts its report, as OHCHR's
-- timetable for the session publishes them; without a row both are computed from the session.
CREATE TABLE upr_review_day (
    review_id           UUID        PRIMARY KEY REFERENCES upr_review (id),
    review_day          DATE        NOT NULL,
    wg_report_adopted   DATE,
    set_by              TEXT        NOT NULL,
    set_at              TIMESTAMPTZ NOT NULL,
    CHECK (wg_report_adopted IS NULL OR wg_report_adopted >= review_day)
);

-- The optional tasks a country team wants in its reviews (a row: wanted); none by default.
CREATE TABLE upr_country_team_optional_task (
    country_team    CHAR(3)     NOT NULL REFERENCES upr_country_team (code),
    task            TEXT        NOT NULL,
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (country_team, task)
);
