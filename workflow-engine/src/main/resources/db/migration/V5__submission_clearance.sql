-- The consolidated joint submission, the decisions on it (heads of office clear it per agency, the
-- RC signs it off) and when it went to OHCHR.
CREATE TABLE upr_submission (
    review_id           UUID        PRIMARY KEY REFERENCES upr_review (id),
    text                TEXT        NOT NULL,
    round               INTEGER     NOT NULL,
    consolidated_by     TEXT        NOT NULL,
    consolidated_at     TIMESTAMPTZ NOT NULL,
    submitted_on        DATE,
    ohchr_reference     TEXT,
    submitted_by        TEXT
);

CREATE TABLE upr_submission_decision (
    id              BIGSERIAL   PRIMARY KEY,
    review_id       UUID        NOT NULL REFERENCES upr_review (id),
    round           INTEGER     NOT NULL,
    stage           TEXT        NOT NULL CHECK (stage IN ('clearance', 'sign-off')),
    agency          VARCHAR(32),
    decision        TEXT        NOT NULL CHECK (decision IN ('approve', 'send-back')),
    comments        TEXT,
    decided_by      TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX upr_submission_decision_once ON upr_submission_decision (review_id, round, stage, COALESCE(agency, ''));
