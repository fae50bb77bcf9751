-- An agency asked for a section may decline to contribute, saying why; a declined section has no text.
ALTER TABLE upr_submission_section
    ALTER COLUMN text DROP NOT NULL,
    ADD COLUMN declined_reason TEXT,
    ADD CONSTRAINT upr_submission_section_text_or_declined
        CHECK ((text IS NULL) <> (declined_reason IS NULL));
