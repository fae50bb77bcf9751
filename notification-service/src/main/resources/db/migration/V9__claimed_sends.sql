-- An e-mail or webhook delivery being sent is claimed until the given time, in a short transaction
-- of its own, so that the network call happens outside any transaction and without row locks; a
-- claim left by a crashed sender lapses and the send is tried again.
ALTER TABLE ns_email ADD COLUMN claimed_until TIMESTAMPTZ;
ALTER TABLE ns_webhook_delivery ADD COLUMN claimed_until TIMESTAMPTZ;
