-- How a country team follows up its recommendations: whether a head of office clears an agency's
-- progress update before it counts, and every how many months an implementation round opens. A
-- team without a row takes the defaults (no clearance, every 6 months).
CREATE TABLE upr_implementation_setting (
    country_team        CHAR(3)     PRIMARY KEY REFERENCES upr_country_team (code),
    progress_clearance  BOOLEAN     NOT NULL DEFAULT FALSE,
    round_months        INTEGER     NOT NULL DEFAULT 6 CHECK (round_months BETWEEN 1 AND 24),
    changed_by          TEXT        NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL
);

-- Every progress update on a recommendation, kept: by the lead agency's people, its status, what
-- was done, links to the evidence, the date it describes; and its clearance: not-required (the
-- team clears nothing, or a head of office reported it), pending, cleared or returned. Only
-- not-required and cleared updates count.
CREATE TABLE upr_recommendation_progress (
    id                  UUID        PRIMARY KEY,
    number              BIGSERIAL   NOT NULL,                -- the order they were reported in
    recommendation_id   UUID        NOT NULL REFERENCES upr_recommendation (id),
    agency              VARCHAR(32) NOT NULL REFERENCES upr_agency (code),
    status              TEXT        NOT NULL CHECK (status IN ('not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-applicable')),
    narrative           TEXT        NOT NULL CHECK (length(narrative) BETWEEN 1 AND 10000),
    evidence            TEXT[]      NOT NULL DEFAULT '{}',
    as_of               DATE        NOT NULL,
    reported_by         TEXT        NOT NULL,
    reported_at         TIMESTAMPTZ NOT NULL,
    clearance           TEXT        NOT NULL CHECK (clearance IN ('not-required', 'pending', 'cleared', 'returned')),
    cleared_by          TEXT,
    cleared_at          TIMESTAMPTZ,
    clearance_comment   TEXT
);

CREATE INDEX upr_recommendation_progress_of ON upr_recommendation_progress (recommendation_id, number);

-- A recommendation's implementation status as its latest counted update gives it (by as-of date),
-- kept on the recommendation so the register filters and the matrix read it without the history.
ALTER TABLE upr_recommendation
    ADD COLUMN status       TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-applicable')),
    ADD COLUMN status_as_of DATE;

CREATE INDEX upr_recommendation_review_status ON upr_recommendation (review_id, status, paragraph_order);
