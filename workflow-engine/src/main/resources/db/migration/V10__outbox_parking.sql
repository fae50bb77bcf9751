-- The outbox relay's tries of a row the broker refuses, its last reason, and when it gave up on it.
-- A parked row stays unpublished; the later rows of its review wait behind it until an admin
-- releases it (parked_at and attempts back to NULL and 0) or drops it (see docs/operations.md).
ALTER TABLE upr_event_outbox
    ADD COLUMN attempts   INT         NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

CREATE INDEX upr_event_outbox_parked ON upr_event_outbox (record_key, position)
    WHERE parked_at IS NOT NULL AND published_at IS NULL;
