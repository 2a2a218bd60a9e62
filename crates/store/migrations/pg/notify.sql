-- Others' changes, live: every statement that changes a table tells the
-- desktops listening on `ippdesk_changes` which table it changed (one
-- notice per statement; PostgreSQL folds duplicates within a transaction
-- and delivers them at commit, so nothing is announced that rolls back).
CREATE OR REPLACE FUNCTION ippdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ippdesk_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables
             WHERE schemaname = current_schema() AND tablename NOT IN ('ippdesk_meta', 'audit_log', 'vault_files', 'vault_parts')
    LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS ippdesk_notify ON %I', t);
        EXECUTE format('CREATE TRIGGER ippdesk_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION ippdesk_notify()', t);
    END LOOP;
END $$;
