-- The W3C trace context (traceparent) of the request or job that wrote the event, so the relay
-- sends it with the event (CloudEvents' distributed tracing extension, header ce_traceparent) and
-- the consumer continues the same trace. NULL where nothing traced wrote it.
ALTER TABLE upr_event_outbox ADD COLUMN traceparent TEXT;
