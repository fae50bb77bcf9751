-- A review's event sequence is numbered by the outbox relay as it publishes, not by the command
-- that writes the event: the command's INSERT takes no lock, where UPDATE upr_review's
-- event_sequence held the review's row to the commit, putting every command of a review in a row
-- and deadlocking with the deadline poller (docs/benchmarks.md, "Step 5").
--
-- numbered: the row is an event of a review (record_key is the review's id) and gets the review's
-- next sequence number; sequence: the number it got, set (with the payload's "sequence") before
-- the row is first sent, so that a row sent again keeps its number.
ALTER TABLE upr_event_outbox
    ADD COLUMN numbered BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN sequence BIGINT;

-- Rows written before and not yet published were numbered by their command: they keep it.
UPDATE upr_event_outbox
SET numbered = TRUE, sequence = (payload::jsonb ->> 'sequence')::bigint
WHERE published_at IS NULL AND (payload::jsonb ->> 'sequence') IS NOT NULL;

-- The last number each review's events got; written by the relay only, holding its lease.
CREATE TABLE upr_outbox_sequence (
    record_key    TEXT   PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

INSERT INTO upr_outbox_sequence (record_key, last_sequence)
SELECT id::text, event_sequence FROM upr_review WHERE event_sequence > 0;

ALTER TABLE upr_review DROP COLUMN event_sequence;

-- The relay's lease: one relay at a time numbers and sends the outbox's rows. A relay takes it for
-- a batch (claim, until) in a short transaction, sends the batch with no connection held, marks
-- what the broker acknowledged and gives the lease back; a relay that froze mid-batch loses it
-- once "until" passed. lock_key tells relays apart (tests run relays of their own); holder names
-- the JVM that took it last ("pid@host"), for operators and drills.
CREATE TABLE upr_outbox_relay_lease (
    lock_key BIGINT      PRIMARY KEY,
    claim    UUID,
    holder   TEXT,
    until    TIMESTAMPTZ
);
