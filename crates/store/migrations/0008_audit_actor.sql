-- Who made each change. Solo: the operating system's user; rows written
-- before this migration have none (''). The hash covers a non-empty actor,
-- so earlier rows keep their hashes and later ones cannot be re-attributed.
ALTER TABLE audit_log ADD COLUMN actor TEXT NOT NULL DEFAULT '';
