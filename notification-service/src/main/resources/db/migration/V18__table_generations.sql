-- A counter per table whose rows each node of the service keeps in memory (the active webhook
-- subscriptions), bumped by every statement that may change what that copy holds,
-- whoever runs it (any node, a migration, an operator by hand). A node reads the counter once per
-- batch of events and reloads its copy when it moved.
CREATE TABLE ns_table_generation (
    table_name  TEXT    PRIMARY KEY,
    generation  BIGINT  NOT NULL
);

INSERT INTO ns_table_generation (table_name, generation) VALUES ('ns_webhook', 0);

CREATE FUNCTION ns_bump_table_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ns_table_generation SET generation = generation + 1 WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

-- Not on the columns the sender updates after each delivery (consecutive_failures): only on what
-- decides which subscriptions an event goes to.
CREATE TRIGGER ns_webhook_generation
    AFTER INSERT OR DELETE OR UPDATE OF owner, country_team, agency, event_kinds, status, deleted_at
    ON ns_webhook FOR EACH STATEMENT EXECUTE FUNCTION ns_bump_table_generation();
CREATE TRIGGER ns_webhook_generation_truncate
    AFTER TRUNCATE ON ns_webhook FOR EACH STATEMENT EXECUTE FUNCTION ns_bump_table_generation();
