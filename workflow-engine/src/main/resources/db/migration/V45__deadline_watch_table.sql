-- The deadline watches: one row for each open user task with a due date bound to a milestone,
-- written in the task's own transaction (inserted when it is created, updated when its due date
-- moves, deleted when it is completed or cancelled, or once it has been escalated). Each engine
-- node's poller takes the rows whose next alert is due (FOR UPDATE SKIP LOCKED, so each alert is
-- raised by one node once) and raises "deadline approaching" or "deadline missed" through the
-- outbox. It replaces one upr-deadline-watch process instance per task.
CREATE TABLE upr_deadline_watch (
    task_id         VARCHAR(64)  PRIMARY KEY,
    task_name       TEXT,
    review_id       UUID         NOT NULL,
    country_team    VARCHAR(64),
    -- the milestone the task is due at; NULL for a task a coordinator gave a due date of its own
    milestone       VARCHAR(64),
    due_at          TIMESTAMPTZ  NOT NULL,
    -- when the poller raises the next alert: the next reminder ahead of due_at, else due_at
    next_alert_at   TIMESTAMPTZ  NOT NULL,
    -- what that alert will be: approaching (a reminder) or missed (the escalation)
    next_alert_kind VARCHAR(16)  NOT NULL CHECK (next_alert_kind IN ('approaching', 'missed')),
    -- failed attempts at the alert in a row (the row is tried again later, see DeadlineWatchPoller)
    failures        INTEGER      NOT NULL DEFAULT 0
);

CREATE INDEX upr_deadline_watch_next_alert ON upr_deadline_watch (next_alert_at);
CREATE INDEX upr_deadline_watch_review ON upr_deadline_watch (review_id);
