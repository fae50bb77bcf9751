-- A person may choose the language of their notifications, e-mails, digests and calendar feeds (en,
-- fr or es); none means the directory's (ns_person.locale). A time zone left unchosen is the
-- directory's (ns_person.time_zone), else the service's default.
ALTER TABLE ns_preference ADD COLUMN language TEXT CHECK (language IN ('en', 'fr', 'es'));
ALTER TABLE ns_preference ALTER COLUMN time_zone DROP NOT NULL;
