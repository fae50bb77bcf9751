-- Every request that tried to change something: who, what, when, from where, and how it ended.
CREATE TABLE upr_audit (
    id              BIGSERIAL   PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    actor           TEXT,
    action          TEXT        NOT NULL,
    outcome         INTEGER     NOT NULL,
    review_id       UUID,
    task_id         TEXT,
    remote_address  TEXT
);

CREATE INDEX upr_audit_by_review ON upr_audit (review_id, id);
CREATE INDEX upr_audit_by_task ON upr_audit (task_id, id);
