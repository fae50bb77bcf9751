-- Each person's choices: per kind of notification, in-app or not and e-mail off, immediate or in a
-- daily digest; quiet hours in their time zone. No row means the defaults (everything, at once).
CREATE TABLE ns_preference (
    username        TEXT        PRIMARY KEY,
    time_zone       TEXT        NOT NULL,
    quiet_start     TIME,
    quiet_end       TIME,
    kinds           TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- A notification someone chose to get only by e-mail stays out of their inbox, but is kept (it
-- anchors the e-mail and the once-per-event rule).
ALTER TABLE ns_notification ADD COLUMN in_app BOOLEAN NOT NULL DEFAULT true;

-- E-mails held for quiet hours wait as 'pending' until next_attempt_at; e-mails for the daily
-- digest wait as 'held' until the digest time, then go out together in one digest e-mail (a row of
-- its own, with no notification) and are marked 'digested'. A reminder whose task has since been
-- done or handed to someone else is 'dropped' instead of sent.
ALTER TABLE ns_email ALTER COLUMN notification_id DROP NOT NULL;
ALTER TABLE ns_email ADD COLUMN username TEXT;
ALTER TABLE ns_email ADD COLUMN locale TEXT;
ALTER TABLE ns_email ADD COLUMN digest_id UUID REFERENCES ns_email (id);
ALTER TABLE ns_email ADD COLUMN watched_tasks TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE ns_email ADD COLUMN must_hold BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE ns_email DROP CONSTRAINT ns_email_status_check;
ALTER TABLE ns_email ADD CONSTRAINT ns_email_status_check
    CHECK (status IN ('pending', 'sent', 'failed', 'held', 'digested', 'dropped'));
CREATE INDEX ns_email_held ON ns_email (username, next_attempt_at) WHERE status = 'held';
