-- Every round's consolidated text (upr_submission keeps only the latest), so that the document of
-- any round can be generated again, byte for byte; the SHA-256 of the round's document kept with the
-- RC's sign-off and with the record of the submission to OHCHR; the RC's reason to sign off over the
-- word limit in its own column.
CREATE TABLE upr_submission_round (
    review_id           UUID        NOT NULL REFERENCES upr_review (id),
    round               INTEGER     NOT NULL CHECK (round > 0),
    text                TEXT        NOT NULL,
    consolidated_by     TEXT        NOT NULL,
    consolidated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (review_id, round)
);

INSERT INTO upr_submission_round (review_id, round, text, consolidated_by, consolidated_at)
SELECT review_id, round, text, consolidated_by, consolidated_at FROM upr_submission;

ALTER TABLE upr_submission_decision
    ADD COLUMN document_sha256          CHAR(64),
    ADD COLUMN over_word_limit_reason   TEXT;

ALTER TABLE upr_submission
    ADD COLUMN submitted_round          INTEGER,
    ADD COLUMN submitted_document_sha256 CHAR(64);
