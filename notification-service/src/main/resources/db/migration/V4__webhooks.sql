-- Which country team each review belongs to, learnt from the events that carry it, so events that
-- do not (review events) can still be matched to country-team and agency subscriptions.
CREATE TABLE ns_review (
    review_id       UUID        PRIMARY KEY,
    country_team    TEXT        NOT NULL
);

-- A URL a country team or an agency registered to receive events of the kinds it chose, signed with
-- its own secret. Disabled (with the reason) after too many consecutive failed deliveries.
CREATE TABLE ns_webhook (
    id                      UUID        PRIMARY KEY,
    owner                   TEXT        NOT NULL,
    country_team            TEXT        NOT NULL,
    agency                  TEXT,
    url                     TEXT        NOT NULL,
    secret                  TEXT        NOT NULL,
    event_kinds             TEXT[]      NOT NULL,
    status                  TEXT        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    disabled_reason         TEXT,
    disabled_at             TIMESTAMPTZ,
    consecutive_failures    INTEGER     NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL,
    deleted_at              TIMESTAMPTZ
);

CREATE INDEX ns_webhook_team ON ns_webhook (country_team) WHERE deleted_at IS NULL;

-- One delivery per subscription and event, queued in the transaction that processed the event and
-- posted by the sender after commit, retried with exponential backoff.
CREATE TABLE ns_webhook_delivery (
    id                  UUID        PRIMARY KEY,
    webhook_id          UUID        NOT NULL REFERENCES ns_webhook (id),
    event_source        TEXT        NOT NULL,
    event_id            TEXT        NOT NULL,
    event_type          TEXT        NOT NULL,
    body                TEXT        NOT NULL,
    status              TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts            INTEGER     NOT NULL DEFAULT 0,
    last_status_code    INTEGER,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    delivered_at        TIMESTAMPTZ,
    CONSTRAINT ns_webhook_delivery_once UNIQUE (webhook_id, event_source, event_id)
);

CREATE INDEX ns_webhook_delivery_due ON ns_webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ns_webhook_delivery_of ON ns_webhook_delivery (webhook_id, created_at DESC);
