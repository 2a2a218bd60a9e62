-- IPP Desk team schema 1, part 1: rights holders, agents, powers of attorney,
-- programme accounts, IP rights and their programme registrations, documents,
-- and the hash-chained audit log. The same tables and columns as the SQLite
-- schema (migrations 1-7), with PostgreSQL's types: ids uuid, days date,
-- times timestamptz, lists jsonb, counts bigint.

CREATE TABLE holders (
    id                  uuid PRIMARY KEY,
    kind                text NOT NULL,
    legal_name          text NOT NULL,
    latin_name          text NOT NULL DEFAULT '',
    country             text NOT NULL,
    registration_number text NOT NULL DEFAULT '',
    address             text NOT NULL DEFAULT '',
    contact_email       text NOT NULL,
    notes               text NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- Append only: each row carries the SHA-256 of its content and of the row
-- before it. `at`, `before` and `after` are kept as the exact text that was
-- hashed (jsonb would reorder keys and break the chain). `actor` is the
-- database session's user, set by the server, not by the client.
CREATE TABLE audit_log (
    seq       bigint PRIMARY KEY,
    at        text NOT NULL,
    action    text NOT NULL,
    entity    text NOT NULL,
    entity_id text NOT NULL,
    before    text,
    after     text,
    prev_hash text NOT NULL,
    hash      text NOT NULL,
    actor     text NOT NULL DEFAULT session_user
);
CREATE INDEX audit_by_entity ON audit_log(entity_id, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
