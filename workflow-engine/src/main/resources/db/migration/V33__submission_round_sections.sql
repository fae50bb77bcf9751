-- Each round's agency sections as they stood when the text was consolidated, in the agreed order
-- (the order the coordinator named the agencies in when planning the submission), so that the
-- round's document, which carries them after the consolidated text, is generated again byte for
-- byte. Rounds consolidated before this migration keep no sections: their documents stay the ones
-- whose SHA-256 was recorded.
CREATE TABLE upr_submission_round_section (
    review_id   UUID    NOT NULL,
    round       INTEGER NOT NULL,
    position    INTEGER NOT NULL CHECK (position > 0),
    agency      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    PRIMARY KEY (review_id, round, position),
    UNIQUE (review_id, round, agency),
    FOREIGN KEY (review_id, round) REFERENCES upr_submission_round (review_id, round)
);
