-- The retention cleanup finds finished rows by their age; without these it would read whole tables.
CREATE INDEX ns_processed_event_age ON ns_processed_event (processed_at);
CREATE INDEX ns_email_sent_age ON ns_email (sent_at) WHERE status = 'sent';
CREATE INDEX ns_webhook_delivery_finished_age ON ns_webhook_delivery (created_at)
    WHERE status IN ('delivered', 'failed');
CREATE INDEX ns_dead_letter_replayed_age ON ns_dead_letter (replayed_at) WHERE replayed_at IS NOT NULL;
