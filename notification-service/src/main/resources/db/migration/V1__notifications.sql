-- notification-service's own tables, in its own database.

-- Who can be told: kept from the organisation's directory (demo people in the quick start).
CREATE TABLE ns_person (
    username        TEXT        PRIMARY KEY,
    display_name    TEXT        NOT NULL,
    email           TEXT,
    locale          TEXT        NOT NULL DEFAULT 'en',
    agency          TEXT,
    roles           TEXT[]      NOT NULL DEFAULT '{}',
    country_teams   TEXT[]      NOT NULL DEFAULT '{}'
);

-- Events already handled, recorded in the transaction that handled them: redelivery changes nothing.
CREATE TABLE ns_processed_event (
    source          TEXT        NOT NULL,
    id              TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    processed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, id)
);

CREATE TABLE ns_notification (
    id              UUID        PRIMARY KEY,
    recipient       TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    review_id       UUID,
    task_id         TEXT,
    event_source    TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    read_at         TIMESTAMPTZ,
    CONSTRAINT ns_notification_once_per_person_and_event UNIQUE (recipient, event_source, event_id)
);

CREATE INDEX ns_notification_inbox ON ns_notification (recipient, (read_at IS NULL) DESC, created_at DESC);
