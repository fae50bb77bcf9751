-- The whole review cycle: each review links to the review it took over from and the one it handed
-- over to (the same State, one cycle later).
ALTER TABLE upr_review
    ADD COLUMN previous_review_id UUID REFERENCES upr_review (id),
    ADD COLUMN next_review_id     UUID REFERENCES upr_review (id);

-- What the review produced, as the coordinator recorded it stage by stage.
CREATE TABLE upr_review_outcome (
    review_id                   UUID        PRIMARY KEY REFERENCES upr_review (id),
    recommendations             INTEGER     CHECK (recommendations >= 0),
    wg_report_symbol            TEXT,
    early_supported             INTEGER     CHECK (early_supported >= 0),
    early_noted                 INTEGER     CHECK (early_noted >= 0),
    final_supported             INTEGER     CHECK (final_supported >= 0),
    final_noted                 INTEGER     CHECK (final_noted >= 0),
    addendum_symbol             TEXT,
    hrc_adopted_on              DATE,
    hrc_decision_symbol         TEXT,
    mid_term_report_submitted_on DATE,
    mid_term_report_reference   TEXT,
    updated_by                  TEXT        NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL
);

-- A country team's own milestone offsets (days before the date each milestone hangs on); a
-- milestone without a row here follows upr.milestones.days-before.
CREATE TABLE upr_country_team_milestone_offset (
    country_team    CHAR(3)     NOT NULL REFERENCES upr_country_team (code),
    key             TEXT        NOT NULL,
    days_before     INTEGER     NOT NULL CHECK (days_before BETWEEN 0 AND 365),
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (country_team, key)
);
