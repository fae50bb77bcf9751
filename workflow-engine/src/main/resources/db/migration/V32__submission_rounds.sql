-- Every round's consolidated text, so a head of office or the RC sees what changed since the round
-- they last decided on. upr_submission keeps the latest round as before.
CREATE TABLE upr_submission_round (
    review_id       UUID        NOT NULL REFERENCES upr_review (id),
    round           INTEGER     NOT NULL,
    text            TEXT        NOT NULL,
    consolidated_by TEXT        NOT NULL,
    consolidated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (review_id, round)
);

INSERT INTO upr_submission_round (review_id, round, text, consolidated_by, consolidated_at)
SELECT review_id, round, text, consolidated_by, consolidated_at FROM upr_submission;
