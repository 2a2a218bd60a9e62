-- The team's roles, enforced by PostgreSQL whatever client connects. Run by
-- `migrate` after every migration (as an administrator), so tables a new
-- migration adds get their grants too. The four group roles are shared by
-- the IPP Desk databases of one server; a person logs in as their own role,
-- a member of one of them (`ippdesk team user add`).
--   ippdesk_viewer     reads everything
--   ippdesk_paralegal  + creates and edits holders, rights, complaints, evidence, counter-notices
--   ippdesk_manager    + people, deadline rules, reassignment
--   ippdesk_admin      + schema (migrations) and users
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ippdesk_viewer') THEN
        CREATE ROLE ippdesk_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ippdesk_paralegal') THEN
        CREATE ROLE ippdesk_paralegal NOLOGIN IN ROLE ippdesk_viewer;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ippdesk_manager') THEN
        CREATE ROLE ippdesk_manager NOLOGIN IN ROLE ippdesk_paralegal;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ippdesk_admin') THEN
        CREATE ROLE ippdesk_admin NOLOGIN CREATEROLE IN ROLE ippdesk_manager;
    END IF;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ippdesk_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ippdesk_viewer;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ippdesk_paralegal;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ippdesk_paralegal;
-- Rules and people are the manager's; the schema's record is the admin's.
REVOKE INSERT, UPDATE, DELETE ON deadline_rules, people, ippdesk_meta FROM ippdesk_paralegal;
GRANT INSERT, UPDATE, DELETE ON deadline_rules, people TO ippdesk_manager;
-- The audit log is appended to, never changed (its triggers refuse it too);
-- a vault file is written once and never changed either.
REVOKE UPDATE, DELETE ON audit_log, vault_files, vault_parts FROM ippdesk_paralegal;

-- The actor of an audit row is the database session's user, whatever the
-- client sends; but the history an administrator imports from a solo
-- database (team_import.rs, which sets ippdesk.importing) keeps its actors.
CREATE OR REPLACE FUNCTION audit_log_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('ippdesk.importing', true) = 'on'
       AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user) THEN
        RETURN NEW;
    END IF;
    NEW.actor := session_user;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_log_actor ON audit_log;
CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_actor();
