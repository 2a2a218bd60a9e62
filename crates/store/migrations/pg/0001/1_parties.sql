-- IPP Desk team schema 1, part 1: rights holders, agents, powers of attorney,
-- programme accounts and their status changes, IP rights and their programme
-- registrations, documents, and the hash-chained audit log. The same tables
-- and columns as the SQLite schema (migrations 1-7), with PostgreSQL's types:
-- ids uuid, days date, times timestamptz, lists jsonb, counts bigint.

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

CREATE TABLE agents (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL,
    name          text NOT NULL,
    country       text NOT NULL,
    contact_email text NOT NULL,
    notes         text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE powers_of_attorney (
    id              uuid PRIMARY KEY,
    holder_id       uuid NOT NULL REFERENCES holders(id) ON DELETE RESTRICT,
    agent_id        uuid NOT NULL REFERENCES agents(id) ON DELETE RESTRICT,
    scope           text NOT NULL,
    valid_from      date NOT NULL,
    valid_until     date,
    signatory_title text NOT NULL DEFAULT '',
    notes           text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX poa_by_holder ON powers_of_attorney(holder_id);
CREATE INDEX poa_by_agent ON powers_of_attorney(agent_id);

CREATE TABLE accounts (
    id            uuid PRIMARY KEY,
    holder_id     uuid NOT NULL REFERENCES holders(id) ON DELETE RESTRICT,
    programme     text NOT NULL,
    role          text NOT NULL,
    location      text NOT NULL,
    login_email   text NOT NULL,
    contact_email text NOT NULL,
    external_id   text NOT NULL DEFAULT '',
    agent_id      uuid REFERENCES agents(id) ON DELETE RESTRICT,
    poa_id        uuid REFERENCES powers_of_attorney(id) ON DELETE RESTRICT,
    status        text NOT NULL,
    notes         text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX accounts_by_holder ON accounts(holder_id);

CREATE TABLE account_status_changes (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    from_status text NOT NULL,
    to_status   text NOT NULL,
    on_date     date NOT NULL,
    note        text NOT NULL DEFAULT '',
    recorded_at timestamptz NOT NULL
);
CREATE INDEX status_changes_by_account ON account_status_changes(account_id, recorded_at);

CREATE TABLE ip_rights (
    id                  uuid PRIMARY KEY,
    kind                text NOT NULL,
    title               text NOT NULL,
    mark_type           text,
    registration_number text NOT NULL,
    jurisdiction        text NOT NULL,
    designations        jsonb NOT NULL DEFAULT '[]',
    registrant_id       uuid NOT NULL REFERENCES holders(id) ON DELETE RESTRICT,
    nice_classes        jsonb NOT NULL DEFAULT '[]',
    filing_date         date,
    registration_date   date,
    expiry_date         date,
    notes               text NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
-- The same registration number twice in one jurisdiction is one right.
-- Copyright needs no registration: an unregistered work has an empty number,
-- and two of them in one country are not duplicates.
CREATE UNIQUE INDEX rights_unique_number ON ip_rights(jurisdiction, registration_number)
    WHERE registration_number <> '';
CREATE INDEX rights_by_registrant ON ip_rights(registrant_id);

CREATE TABLE programme_registrations (
    id           uuid PRIMARY KEY,
    right_id     uuid NOT NULL REFERENCES ip_rights(id) ON DELETE CASCADE,
    programme    text NOT NULL,
    state        text NOT NULL,
    reference    text NOT NULL DEFAULT '',
    submitted_on date,
    decided_on   date,
    notes        text NOT NULL DEFAULT '',
    updated_at   timestamptz NOT NULL,
    UNIQUE (right_id, programme)
);

-- A record's link to a file in the vault. `owner_id` names a row of the
-- table `owner_kind` says, so it has no foreign key. Evidence carries its
-- capture facts (ISO/IEC 27037: when, by whom, from where).
CREATE TABLE documents (
    id            uuid PRIMARY KEY,
    owner_kind    text NOT NULL,
    owner_id      uuid NOT NULL,
    doc_kind      text NOT NULL,
    sha256        text NOT NULL,
    original_name text NOT NULL,
    size          bigint NOT NULL,
    media_type    text NOT NULL,
    added_at      timestamptz NOT NULL,
    captured_at   timestamptz,
    captured_by   text NOT NULL DEFAULT '',
    source_url    text NOT NULL DEFAULT '',
    notes         text NOT NULL DEFAULT ''
);
CREATE INDEX documents_by_owner ON documents(owner_kind, owner_id);
CREATE INDEX documents_by_hash ON documents(sha256);
-- Vault files are named by `sha256`, so it must never hold anything but a
-- SHA-256 in lowercase hex: `../x` would name a file outside the vault.
-- (PostgreSQL text cannot hold a NUL, so no value can hide one.)
CREATE FUNCTION documents_sha256_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sha256 IS NULL OR NEW.sha256 !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'documents.sha256 must be 64 lowercase hex characters';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER documents_sha256_insert BEFORE INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_sha256_check();
CREATE TRIGGER documents_sha256_update BEFORE UPDATE OF sha256 ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_sha256_check();

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
