-- Who leads on each recommendation and who supports: agencies of the installation (upr_agency),
-- set by coordinators one by one or for a theme, an SDG or a selection at once. NULL lead: not
-- assigned yet. Who assigned it last and when, for the register's readers; the audit trail keeps
-- every request.
ALTER TABLE upr_recommendation
    ADD COLUMN lead_agency         VARCHAR(32) REFERENCES upr_agency (code),
    ADD COLUMN supporting_agencies TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN assigned_by         TEXT,
    ADD COLUMN assigned_at         TIMESTAMPTZ,
    ADD CONSTRAINT upr_recommendation_lead_not_supporting
        CHECK (lead_agency IS NULL OR NOT (supporting_agencies @> ARRAY[lead_agency::text]));

-- The browsing filter by lead agency within a review.
CREATE INDEX upr_recommendation_review_lead ON upr_recommendation (review_id, lead_agency, paragraph_order);
