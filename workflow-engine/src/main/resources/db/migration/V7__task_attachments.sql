-- Documents attached to a task by link (a shared drive, the UN's document system): never the file.
CREATE TABLE upr_task_attachment (
    id           UUID        PRIMARY KEY,
    task_id      TEXT        NOT NULL,
    review_id    UUID        NOT NULL REFERENCES upr_review (id),
    name         TEXT        NOT NULL,
    url          TEXT        NOT NULL,
    description  TEXT,
    added_by     TEXT        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX upr_task_attachment_by_task ON upr_task_attachment (task_id, added_at);
