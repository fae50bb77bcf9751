-- UPR Engage domain tables. Camunda creates and owns its ACT_* tables beside these.

CREATE TABLE upr_agency (
    code        VARCHAR(32) PRIMARY KEY,
    name        TEXT        NOT NULL
);

CREATE TABLE upr_country_team (
    code        CHAR(3)     PRIMARY KEY,            -- ISO 3166-1 alpha-3 code of the State the team serves
    name        TEXT        NOT NULL
);

-- The UPR Working Group session calendar: official dates where OHCHR published them.
CREATE TABLE upr_session (
    number                      INTEGER     PRIMARY KEY CHECK (number > 0),
    cycle                       INTEGER     NOT NULL CHECK (cycle > 0),
    starts_on                   DATE        NOT NULL,
    ends_on                     DATE        NOT NULL,
    dates_tentative             BOOLEAN     NOT NULL DEFAULT FALSE,
    stakeholder_deadline        DATE,
    un_entity_deadline          DATE,
    national_report_deadline    DATE,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE upr_review (
    id                      UUID        PRIMARY KEY,
    country                 CHAR(3)     NOT NULL REFERENCES upr_country_team (code),
    session_number          INTEGER     NOT NULL REFERENCES upr_session (number),
    process_instance_id     VARCHAR(64),
    started_by              TEXT        NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL,
    event_sequence          BIGINT      NOT NULL DEFAULT 0,   -- last sequence number given to an event of this review
    CONSTRAINT upr_review_once_per_session UNIQUE (country, session_number)
);

CREATE TABLE upr_submission_section (
    review_id       UUID        NOT NULL REFERENCES upr_review (id),
    agency          VARCHAR(32) NOT NULL REFERENCES upr_agency (code),
    text            TEXT        NOT NULL,
    drafted_by      TEXT        NOT NULL,
    drafted_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (review_id, agency)
);

-- Transactional outbox: written in the transaction that changed the engine state, relayed to Kafka after commit.
CREATE TABLE upr_event_outbox (
    position        BIGSERIAL   PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    record_key      TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    payload         TEXT        NOT NULL,
    published_at    TIMESTAMPTZ
);

CREATE INDEX upr_event_outbox_unpublished ON upr_event_outbox (position) WHERE published_at IS NULL;
