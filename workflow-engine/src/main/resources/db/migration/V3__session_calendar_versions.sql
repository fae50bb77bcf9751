-- The session calendar keeps every change: who, when, old and new value. Official dates beside
-- the ones already kept; a version number for optimistic concurrency.

ALTER TABLE upr_session
    ADD COLUMN hrc_session              INTEGER CHECK (hrc_session > 0),
    ADD COLUMN addendum_early_deadline  DATE,
    ADD COLUMN addendum_final_deadline  DATE,
    ADD COLUMN version                  INTEGER NOT NULL DEFAULT 1;

CREATE TABLE upr_session_change (
    id              BIGSERIAL   PRIMARY KEY,
    session_number  INTEGER     NOT NULL REFERENCES upr_session (number),
    version         INTEGER     NOT NULL,
    field           TEXT        NOT NULL,
    old_value       TEXT,
    new_value       TEXT,
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX upr_session_change_by_session ON upr_session_change (session_number, id);
