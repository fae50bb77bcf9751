-- Standard Webhooks: a secret is whsec_ and the standard base64 of its key. The secrets made before
-- were URL-safe base64 without padding of 32 random bytes (43 characters): the same key, written as
-- the scheme wants it.
UPDATE ns_webhook
SET secret = 'whsec_' || translate(substr(secret, 7), '-_', '+/') || '='
WHERE secret ~ '^whsec_[A-Za-z0-9_-]{43}$';
