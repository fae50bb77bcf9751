-- E-mails to send, one per notification at most, written with the notification and sent after
-- commit by the sender, which retries with backoff and gives up after repeated failure.
CREATE TABLE ns_email (
    id                  UUID        PRIMARY KEY,
    notification_id     UUID        NOT NULL UNIQUE REFERENCES ns_notification (id),
    recipient           TEXT        NOT NULL,
    subject             TEXT        NOT NULL,
    text_body           TEXT        NOT NULL,
    html_body           TEXT        NOT NULL,
    status              TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts            INTEGER     NOT NULL DEFAULT 0,
    last_error          TEXT,
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ
);

CREATE INDEX ns_email_due ON ns_email (next_attempt_at) WHERE status = 'pending';
