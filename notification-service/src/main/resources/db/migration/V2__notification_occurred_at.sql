-- When the event behind a notification happened (its CloudEvents time), beside when it was delivered.
ALTER TABLE ns_notification ADD COLUMN occurred_at TIMESTAMPTZ;
