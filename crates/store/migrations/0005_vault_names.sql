-- Vault files are named by `documents.sha256`, so the column must never hold
-- anything but a SHA-256 in lowercase hex: a value such as `../x` would name
-- a file outside the vault. SQLite cannot add a CHECK to an existing column
-- without rebuilding the table, so triggers refuse bad values instead.
-- Rows written before this migration are not touched; the vault refuses a
-- bad name when it is used (`Vault::path_of`). Text length stops at a NUL
-- and byte length counts multi-byte characters, so both must be 64.
CREATE TRIGGER documents_sha256_insert BEFORE INSERT ON documents
WHEN typeof(NEW.sha256) <> 'text' OR length(NEW.sha256) <> 64
    OR length(CAST(NEW.sha256 AS BLOB)) <> 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
BEGIN
    SELECT RAISE(ABORT, 'documents.sha256 must be 64 lowercase hex characters');
END;
CREATE TRIGGER documents_sha256_update BEFORE UPDATE OF sha256 ON documents
WHEN typeof(NEW.sha256) <> 'text' OR length(NEW.sha256) <> 64
    OR length(CAST(NEW.sha256 AS BLOB)) <> 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
BEGIN
    SELECT RAISE(ABORT, 'documents.sha256 must be 64 lowercase hex characters');
END;
