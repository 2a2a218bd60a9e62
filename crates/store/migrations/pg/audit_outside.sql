-- Writes made outside the app land in the audit chain too. Run by `migrate`
-- right after roles.sql (as an administrator, after every migration), so a
-- table a new migration adds gets its triggers as well; it may run again.
--
-- The app audits its own writes (`audit::record`, in Rust) and marks each
-- write transaction with `SET LOCAL ippdesk.audited = on` (`Store::write`).
-- A change in a transaction without that mark (psql, a script, a report
-- tool with a database login) is appended to the chain by the triggers
-- below, one row per changed row:
--   action     create / update / delete (truncate: one row per table)
--   entity     the table's name + ' (outside the app)', e.g.
--              'holders (outside the app)': what was changed, and how
--   entity_id  the row's `id`; where a table has none, the column that names
--              what the row belongs to (complaint_listings: complaint_id,
--              programme_settings: programme, deadline_rules: key)
--   before     row_to_json(OLD)::text, after row_to_json(NEW)::text: the
--              table's columns, not the app's JSON; the hash covers the text
--              exactly as stored, so `audit::verify` checks it like any row
--   actor      session_user, as for every row (audit_log_actor in roles.sql)
-- Changes made by other triggers in such a transaction (a count, a
-- cascade) are rows changed outside the app too, and are logged the same
-- way; the derived count tables are not (they follow the tables they count).
--
-- The mark is a convention, not a lock: whoever can log in can set it (as
-- they can append rows to the log or write as the app does). It keeps
-- honest tools, scripts and slips at the prompt in the chain; it does not
-- stop someone who sets out to hide a change.

-- A length as the chain hashes it: 8 bytes, little-endian (int8send is
-- big-endian).
CREATE OR REPLACE FUNCTION audit_le64(n bigint) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    b bytea := '\x0000000000000000'::bytea;
BEGIN
    FOR i IN 0..7 LOOP
        b := set_byte(b, i, ((n >> (8 * i)) & 255)::int);
    END LOOP;
    RETURN b;
END $$;

-- The row's hash exactly as `row_hash` in tables/audit.rs computes it:
-- SHA-256 over the parts seq (decimal), at, action, entity, entity_id,
-- before (a NUL byte when NULL), after (likewise), prev_hash, and actor
-- (only when not empty), each as its UTF-8 length (audit_le64) then its
-- UTF-8 bytes; lowercase hex.
CREATE OR REPLACE FUNCTION audit_row_hash(
    p_seq bigint, p_at text, p_action text, p_entity text, p_entity_id text,
    p_before text, p_after text, p_prev_hash text, p_actor text
) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    nul CONSTANT bytea := '\x00'::bytea;
    parts bytea[];
    part bytea;
    msg bytea := ''::bytea;
BEGIN
    parts := ARRAY[
        convert_to(p_seq::text, 'UTF8'),
        convert_to(p_at, 'UTF8'),
        convert_to(p_action, 'UTF8'),
        convert_to(p_entity, 'UTF8'),
        convert_to(p_entity_id, 'UTF8'),
        coalesce(convert_to(p_before, 'UTF8'), nul),
        coalesce(convert_to(p_after, 'UTF8'), nul),
        convert_to(p_prev_hash, 'UTF8')
    ];
    IF coalesce(p_actor, '') <> '' THEN
        parts := array_append(parts, convert_to(p_actor, 'UTF8'));
    END IF;
    FOREACH part IN ARRAY parts LOOP
        msg := msg || audit_le64(octet_length(part)) || part;
    END LOOP;
    RETURN encode(sha256(msg), 'hex');
END $$;

-- Appends one row as `audit::record` does: the same lock, held until the
-- transaction ends, so appenders from every desktop and prompt take turns
-- and the chain stays one line (read committed: the read after the lock
-- sees the last row committed; a repeatable read transaction that took its
-- snapshot before may see an older last row, and then fails on the
-- duplicate seq, which breaks nothing); `at` in the app's format (RFC 3339,
-- UTC, microseconds, Z). Returns the new row's seq.
CREATE OR REPLACE FUNCTION audit_append(
    p_action text, p_entity text, p_entity_id text, p_before text, p_after text
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    who text := session_user;
    last_seq bigint;
    last_hash text;
    new_seq bigint := 1;
    prev text := repeat('0', 64);
    stamp text;
BEGIN
    PERFORM pg_advisory_xact_lock(4950504401);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    IF FOUND THEN
        new_seq := last_seq + 1;
        prev := last_hash;
    END IF;
    stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    INSERT INTO audit_log (seq, at, action, entity, entity_id, before, after, prev_hash, hash, actor)
    VALUES (new_seq, stamp, p_action, p_entity, p_entity_id, p_before, p_after, prev,
            audit_row_hash(new_seq, stamp, p_action, p_entity, p_entity_id, p_before, p_after, prev, who),
            who);
    RETURN new_seq;
END $$;

-- The trigger: TG_ARGV[0] names the column that gives entity_id.
CREATE OR REPLACE FUNCTION audit_outside_the_app() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    entity text := TG_TABLE_NAME || ' (outside the app)';
    key text := coalesce(TG_ARGV[0], 'id');
BEGIN
    IF current_setting('ippdesk.audited', true) = 'on' THEN
        RETURN NULL; -- the app's own write: it audits itself
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM audit_append('truncate', entity, '', NULL, NULL);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM audit_append('create', entity, coalesce(to_jsonb(NEW) ->> key, ''),
                             NULL, row_to_json(NEW)::text);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM audit_append('update', entity, coalesce(to_jsonb(NEW) ->> key, ''),
                             row_to_json(OLD)::text, row_to_json(NEW)::text);
    ELSE
        PERFORM audit_append('delete', entity, coalesce(to_jsonb(OLD) ->> key, ''),
                             row_to_json(OLD)::text, NULL);
    END IF;
    RETURN NULL;
END $$;

-- Every data table of this schema, including any a later migration adds;
-- not the log itself, not the schema's record, not the counts kept by
-- triggers. The functions find their tables in this schema only (not a
-- temporary table of the same name a session made).
DO $$
DECLARE
    t record;
    key text;
    schema_path text := format('%I, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION audit_le64(bigint) SET search_path = %s', schema_path);
    EXECUTE format('ALTER FUNCTION audit_row_hash(bigint, text, text, text, text, text, text, text, text) SET search_path = %s', schema_path);
    EXECUTE format('ALTER FUNCTION audit_append(text, text, text, text, text) SET search_path = %s', schema_path);
    EXECUTE format('ALTER FUNCTION audit_outside_the_app() SET search_path = %s', schema_path);
    FOR t IN
        SELECT c.oid, c.relname FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relkind IN ('r', 'p')
          AND c.relname NOT IN ('audit_log', 'ippdesk_meta', 'complaint_status_counts',
                                'complaint_filter_counts', 'enforcement_counts', 'open_deadline_counts',
                                'vault_files', 'vault_parts')
        ORDER BY c.relname
    LOOP
        key := CASE t.relname
            WHEN 'complaint_listings' THEN 'complaint_id'
            WHEN 'programme_settings' THEN 'programme'
            WHEN 'deadline_rules' THEN 'key'
        END;
        IF key IS NULL THEN
            -- `id`, or else the first column of the primary key.
            SELECT a.attname INTO key FROM pg_attribute a
            WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attname <> 'id',
                     (SELECT array_position(i.indkey::int2[], a.attnum) FROM pg_index i
                      WHERE i.indrelid = t.oid AND i.indisprimary) NULLS LAST,
                     a.attnum
            LIMIT 1;
        END IF;
        EXECUTE format('DROP TRIGGER IF EXISTS audit_outside_the_app ON %I', t.relname);
        EXECUTE format('CREATE TRIGGER audit_outside_the_app AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION audit_outside_the_app(%L)', t.relname, key);
        EXECUTE format('DROP TRIGGER IF EXISTS audit_outside_the_app_truncate ON %I', t.relname);
        EXECUTE format('CREATE TRIGGER audit_outside_the_app_truncate AFTER TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION audit_outside_the_app()', t.relname);
    END LOOP;
END $$;

-- Append only, truncation included (updates and deletes are refused by the
-- log's own triggers; truncating needs the table's owner, who could).
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
