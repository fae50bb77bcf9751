-- Every change of a recommendation's position, kept: who changed it, when, through what (a
-- coordinator's correction, the early or final addendum task, a re-imported list), from what to what,
-- each with its source (document symbol and paragraph). A recommendation's first position, as its
-- list gave it, is in upr_recommendation (added_by, added_at); the versions follow from there.
CREATE TABLE upr_recommendation_position_version (
    id                  BIGSERIAL   PRIMARY KEY,
    recommendation_id   UUID        NOT NULL REFERENCES upr_recommendation (id),
    via                 TEXT        NOT NULL CHECK (via IN ('correction', 'early', 'final', 'import')),
    old_position        TEXT        NOT NULL,
    old_symbol          TEXT,
    old_paragraph       TEXT,
    new_position        TEXT        NOT NULL CHECK (new_position IN ('pending', 'supported', 'noted', 'supported/noted')),
    new_symbol          TEXT,
    new_paragraph       TEXT,
    changed_by          TEXT        NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX upr_recommendation_position_version_of ON upr_recommendation_position_version (recommendation_id, id);
