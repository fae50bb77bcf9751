-- A review's internal milestones, back-scheduled from the session's UN-entity deadline; a
-- coordinator may move one, and then it no longer follows the calendar.
CREATE TABLE upr_review_milestone (
    review_id       UUID        NOT NULL REFERENCES upr_review (id),
    key             TEXT        NOT NULL,
    due_on          DATE        NOT NULL,
    basis           TEXT        NOT NULL CHECK (basis IN ('official', 'computed', 'moved')),
    moved_by        TEXT,
    moved_at        TIMESTAMPTZ,
    PRIMARY KEY (review_id, key)
);
