-- The register of a review's recommendations: one row per recommendation as published (the UPR WG
-- report's paragraph number, e.g. 121.1), identified within its review by mechanism and paragraph.
-- Lists of values are arrays: recommending States as published and their ISO 3166-1 alpha-3 codes
-- (same order; NULL where a name is not a State's), themes, groups of persons, SDG goals.
CREATE TABLE upr_recommendation (
    id                  UUID        PRIMARY KEY,
    review_id           UUID        NOT NULL REFERENCES upr_review (id),
    mechanism           TEXT        NOT NULL DEFAULT 'UPR' CHECK (mechanism IN ('UPR', 'treaty-body', 'special-procedure')),
    paragraph           TEXT        NOT NULL CHECK (length(paragraph) BETWEEN 1 AND 32),
    text                TEXT        NOT NULL,
    recommending_states TEXT[]      NOT NULL DEFAULT '{}',
    state_codes         TEXT[]      NOT NULL DEFAULT '{}',
    theme_heading       TEXT,
    themes              TEXT[]      NOT NULL DEFAULT '{}',
    groups_of_persons   TEXT[]      NOT NULL DEFAULT '{}',
    sdgs                INTEGER[]   NOT NULL DEFAULT '{}' CHECK (sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]),
    position            TEXT        NOT NULL DEFAULT 'pending' CHECK (position IN ('pending', 'supported', 'noted', 'supported/noted')),
    position_symbol     TEXT,
    position_paragraph  TEXT,
    paragraph_order     INTEGER     NOT NULL,                -- 121.10 after 121.9: major * 10000 + minor
    added_by            TEXT        NOT NULL,
    added_at            TIMESTAMPTZ NOT NULL,
    updated_by          TEXT        NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT upr_recommendation_once UNIQUE (review_id, mechanism, paragraph)
);

-- The browsing filters: by position within a review, and by any theme, group, SDG or State.
CREATE INDEX upr_recommendation_review_order ON upr_recommendation (review_id, paragraph_order);
CREATE INDEX upr_recommendation_review_position ON upr_recommendation (review_id, position, paragraph_order);
CREATE INDEX upr_recommendation_themes ON upr_recommendation USING GIN (themes);
CREATE INDEX upr_recommendation_groups ON upr_recommendation USING GIN (groups_of_persons);
CREATE INDEX upr_recommendation_sdgs ON upr_recommendation USING GIN (sdgs);
CREATE INDEX upr_recommendation_state_codes ON upr_recommendation USING GIN (state_codes);
