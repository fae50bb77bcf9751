-- What this service knows of each task from the task and deadline events it consumed: whether it is
-- still open, who holds it, its groups and its due time. Reminders of work done or handed to someone
-- else are dropped against it, and the calendar feeds are built from it. Each kind of fact keeps the
-- review sequence number it came with, so an older event never overwrites a newer one.
CREATE TABLE ns_task (
    task_id             TEXT        PRIMARY KEY,
    review_id           UUID        NOT NULL,
    country_team        TEXT        NOT NULL,
    task_key            TEXT,
    task_name           TEXT        NOT NULL,
    candidate_groups    TEXT[]      NOT NULL DEFAULT '{}',
    assignee            TEXT,
    state               TEXT        NOT NULL CHECK (state IN ('open', 'completed', 'cancelled')),
    state_sequence      BIGINT      NOT NULL,
    due_at              TIMESTAMPTZ,
    milestone           TEXT,
    due_sequence        BIGINT      NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX ns_task_assignee ON ns_task (assignee) WHERE state = 'open';
CREATE INDEX ns_task_team ON ns_task (country_team) WHERE state = 'open';
