-- What an e-mail says as message keys and arguments (JSON, see Wording), so that the digest renders
-- each item in the language and time zone the person has when it is sent, not when it was held.
-- E-mails queued before it have none and keep the text they were given.
ALTER TABLE ns_email ADD COLUMN wording JSONB;
