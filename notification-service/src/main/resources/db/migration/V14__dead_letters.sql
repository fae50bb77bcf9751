-- What is parked on the dead-letter topics (<topic>.dlt), as this service read it back from them:
-- the original record (key, value, its own headers) and why it was parked, so platform admins list
-- it and replay it onto its topic once the cause is fixed. A row per record of a dead-letter topic.
CREATE TABLE ns_dead_letter (
    id              UUID        PRIMARY KEY,
    topic           TEXT        NOT NULL,
    dlt_partition   INTEGER     NOT NULL,
    dlt_offset      BIGINT      NOT NULL,
    record_key      TEXT,
    value           TEXT,
    headers         JSONB       NOT NULL,
    event_id        TEXT,
    event_type      TEXT,
    reason          TEXT,
    exception       TEXT,
    parked_at       TIMESTAMPTZ NOT NULL,
    replayed_at     TIMESTAMPTZ,
    replayed_by     TEXT,
    CONSTRAINT ns_dead_letter_once UNIQUE (topic, dlt_partition, dlt_offset)
);

CREATE INDEX ns_dead_letter_parked ON ns_dead_letter (parked_at DESC) WHERE replayed_at IS NULL;
