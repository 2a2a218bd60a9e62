-- IPP Desk schema 1: rights holders, agents, powers of attorney, programme
-- accounts (IPP step 1), IP rights and their programme registrations (step 2),
-- documents in the vault, and the hash-chained audit log.
-- Ids are UUID v7 text; times are UTC RFC 3339 text; dates are ISO text.

CREATE TABLE holders (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL,
    legal_name          TEXT NOT NULL,
    latin_name          TEXT NOT NULL DEFAULT '',
    country             TEXT NOT NULL,
    registration_number TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    contact_email       TEXT NOT NULL,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE agents (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    country       TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE powers_of_attorney (
    id              TEXT PRIMARY KEY,
    holder_id       TEXT NOT NULL REFERENCES holders(id) ON DELETE RESTRICT,
    agent_id        TEXT NOT NULL REFERENCES agents(id) ON DELETE RESTRICT,
    scope           TEXT NOT NULL,
    valid_from      TEXT NOT NULL,
    valid_until     TEXT,
    signatory_title TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX poa_by_holder ON powers_of_attorney(holder_id);
CREATE INDEX poa_by_agent ON powers_of_attorney(agent_id);

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    holder_id     TEXT NOT NULL REFERENCES holders(id) ON DELETE RESTRICT,
    programme     TEXT NOT NULL,
    role          TEXT NOT NULL,
    location      TEXT NOT NULL,
    login_email   TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    external_id   TEXT NOT NULL DEFAULT '',
    agent_id      TEXT REFERENCES agents(id) ON DELETE RESTRICT,
    poa_id        TEXT REFERENCES powers_of_attorney(id) ON DELETE RESTRICT,
    status        TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX accounts_by_holder ON accounts(holder_id);

CREATE TABLE account_status_changes (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX status_changes_by_account ON account_status_changes(account_id, recorded_at);

CREATE TABLE ip_rights (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL,
    title               TEXT NOT NULL,
    mark_type           TEXT,
    registration_number TEXT NOT NULL,
    jurisdiction        TEXT NOT NULL,
    designations        TEXT NOT NULL DEFAULT '[]',
    registrant_id       TEXT NOT NULL REFERENCES holders(id) ON DELETE RESTRICT,
    nice_classes        TEXT NOT NULL DEFAULT '[]',
    filing_date         TEXT,
    registration_date   TEXT,
    expiry_date         TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
-- The same registration number twice in one jurisdiction is one right.
CREATE UNIQUE INDEX rights_unique_number ON ip_rights(jurisdiction, registration_number);
CREATE INDEX rights_by_registrant ON ip_rights(registrant_id);

CREATE TABLE programme_registrations (
    id           TEXT PRIMARY KEY,
    right_id     TEXT NOT NULL REFERENCES ip_rights(id) ON DELETE CASCADE,
    programme    TEXT NOT NULL,
    state        TEXT NOT NULL,
    reference    TEXT NOT NULL DEFAULT '',
    submitted_on TEXT,
    decided_on   TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    UNIQUE (right_id, programme)
);

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    owner_kind    TEXT NOT NULL,
    owner_id      TEXT NOT NULL,
    doc_kind      TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    media_type    TEXT NOT NULL,
    added_at      TEXT NOT NULL
);
CREATE INDEX documents_by_owner ON documents(owner_kind, owner_id);
CREATE INDEX documents_by_hash ON documents(sha256);

-- Append only: each row carries the SHA-256 of its content and of the row
-- before it, so a changed, removed or inserted row breaks the chain.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit_log(entity_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
