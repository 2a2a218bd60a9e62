-- IPP Desk team schema 2: the evidence vault inside the database, so one
-- pg_dump holds the whole team's work. As the solo vault folder, it is
-- content-addressed: a file is stored once under the SHA-256 of its
-- content, written once and never changed. A file is split into parts of
-- at most 1 MiB (vault.rs `CHUNK`), each a row, so no file is ever held
-- whole in memory, by the app or the server, and none is bound by bytea's
-- 1 GB limit. Both tables are insert-only for the team (roles.sql); they
-- are left out of the outside-the-app audit and the change notices (a part
-- is not a record anyone edits: the `documents` row that names a file is).

CREATE TABLE vault_files (
    sha256   text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size     bigint NOT NULL CHECK (size >= 0),
    parts    bigint NOT NULL CHECK (parts >= 0),
    added_at timestamptz NOT NULL DEFAULT now(),
    added_by text NOT NULL DEFAULT session_user
);

CREATE TABLE vault_parts (
    sha256 text NOT NULL REFERENCES vault_files (sha256),
    n      bigint NOT NULL CHECK (n >= 0),
    data   bytea NOT NULL,
    PRIMARY KEY (sha256, n)
);
