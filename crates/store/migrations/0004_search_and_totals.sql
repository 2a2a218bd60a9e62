-- Issue 3's speed targets: one- and two-character search through an index,
-- list-page totals without counting, list pages read from index entries, and
-- one index less on each imported listing.

-- Listing ids (digits, ASINs) are found through the trigram index, as any
-- part of a title is, so an import no longer keeps a B-tree of them.
DROP INDEX listings_by_external_id;
DROP TRIGGER listings_fts_delete;
DROP TRIGGER listings_fts_update;
DROP TABLE listings_fts;
CREATE VIRTUAL TABLE listings_fts USING fts5(title, seller_name, external_id, content = 'listings', content_rowid = 'n', tokenize = 'trigram');
-- The indexer (tables/search.rs) builds it again from the first listing;
-- search reads listings above the watermark with LIKE meanwhile.
UPDATE search_watermarks SET indexed_up_to = 0 WHERE tbl = 'listings';
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings
WHEN OLD.n <= (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings') BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, seller_name, external_id) VALUES ('delete', OLD.n, OLD.title, OLD.seller_name, OLD.external_id);
END;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, seller_name, external_id ON listings
WHEN OLD.n <= (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings') BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, seller_name, external_id) VALUES ('delete', OLD.n, OLD.title, OLD.seller_name, OLD.external_id);
    INSERT INTO listings_fts (rowid, title, seller_name, external_id) VALUES (NEW.n, NEW.title, NEW.seller_name, NEW.external_id);
END;

-- Text of one or two characters (a brand such as 极光) is too short for
-- trigrams, and scanning 100k complaints for it took longer than the whole
-- search may. The indexer writes each row's characters and character pairs
-- as tokens (`grams` in tables/search.rs) into these contentless indexes,
-- keyed by the row's `n`.
CREATE VIRTUAL TABLE listings_grams USING fts5(grams, content = '', contentless_delete = 1, detail = none);
CREATE VIRTUAL TABLE sellers_grams USING fts5(grams, content = '', contentless_delete = 1, detail = none);
CREATE VIRTUAL TABLE complaints_grams USING fts5(grams, content = '', contentless_delete = 1, detail = none);
-- Rows whose grams wait for the indexer: new and edited sellers and
-- complaints, edited listings (new listings wait above the watermark).
-- Search reads them with LIKE until then.
CREATE TABLE grams_pending (
    tbl TEXT NOT NULL,
    n   INTEGER NOT NULL,
    PRIMARY KEY (tbl, n)
) WITHOUT ROWID;
INSERT INTO grams_pending SELECT 'sellers', n FROM sellers;
INSERT INTO grams_pending SELECT 'complaints', n FROM complaints;

CREATE TRIGGER sellers_grams_insert AFTER INSERT ON sellers BEGIN
    INSERT OR IGNORE INTO grams_pending VALUES ('sellers', NEW.n);
END;
CREATE TRIGGER sellers_grams_update AFTER UPDATE OF store_name, store_name_translation, company_name, store_url ON sellers BEGIN
    DELETE FROM sellers_grams WHERE rowid = OLD.n;
    INSERT OR IGNORE INTO grams_pending VALUES ('sellers', NEW.n);
END;
CREATE TRIGGER sellers_grams_delete AFTER DELETE ON sellers BEGIN
    DELETE FROM sellers_grams WHERE rowid = OLD.n;
    DELETE FROM grams_pending WHERE tbl = 'sellers' AND n = OLD.n;
END;

CREATE TRIGGER complaints_grams_insert AFTER INSERT ON complaints BEGIN
    INSERT OR IGNORE INTO grams_pending VALUES ('complaints', NEW.n);
END;
CREATE TRIGGER complaints_grams_update AFTER UPDATE OF external_number, explanation_en, explanation_zh, assignee ON complaints BEGIN
    DELETE FROM complaints_grams WHERE rowid = OLD.n;
    INSERT OR IGNORE INTO grams_pending VALUES ('complaints', NEW.n);
END;
CREATE TRIGGER complaints_grams_delete AFTER DELETE ON complaints BEGIN
    DELETE FROM complaints_grams WHERE rowid = OLD.n;
    DELETE FROM grams_pending WHERE tbl = 'complaints' AND n = OLD.n;
END;

CREATE TRIGGER listings_grams_update AFTER UPDATE OF title, seller_name, external_id ON listings
WHEN OLD.n <= (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings') BEGIN
    DELETE FROM listings_grams WHERE rowid = OLD.n;
    INSERT OR IGNORE INTO grams_pending VALUES ('listings', NEW.n);
END;
CREATE TRIGGER listings_grams_delete AFTER DELETE ON listings BEGIN
    DELETE FROM listings_grams WHERE rowid = OLD.n;
    DELETE FROM grams_pending WHERE tbl = 'listings' AND n = OLD.n;
END;

-- The list page picks its 100 rows from index entries, then reads only
-- those rows (tables/complaints.rs, `page`). The filter indexes carry the
-- sort keys too, so a page through any filter and any sort reads no table
-- row it does not show.
DROP INDEX complaints_by_status;
DROP INDEX complaints_by_platform;
DROP INDEX complaints_by_right;
DROP INDEX complaints_by_assignee;
CREATE INDEX complaints_by_status ON complaints(status, created_at, platform, assignee, right_id, filed_on, listing_count);
CREATE INDEX complaints_by_platform ON complaints(platform, created_at, status, assignee, right_id, filed_on, listing_count);
CREATE INDEX complaints_by_right ON complaints(right_id, created_at, status, platform, assignee, filed_on, listing_count);
CREATE INDEX complaints_by_assignee ON complaints(assignee, created_at, status, platform, right_id, filed_on, listing_count);

-- Complaints per (status, platform, assignee, right), kept by triggers: the
-- list page's exact total for any filter is a sum over a few rows instead of
-- a count over up to 100k index entries.
CREATE TABLE complaint_filter_counts (
    status   TEXT NOT NULL,
    platform TEXT NOT NULL,
    assignee TEXT NOT NULL,
    right_id TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (status, platform, assignee, right_id)
) WITHOUT ROWID;
INSERT INTO complaint_filter_counts
    SELECT status, platform, assignee, right_id, count(*) FROM complaints GROUP BY 1, 2, 3, 4;
CREATE TRIGGER complaint_filter_added AFTER INSERT ON complaints BEGIN
    INSERT INTO complaint_filter_counts VALUES (NEW.status, NEW.platform, NEW.assignee, NEW.right_id, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER complaint_filter_removed AFTER DELETE ON complaints BEGIN
    UPDATE complaint_filter_counts SET n = n - 1
    WHERE status = OLD.status AND platform = OLD.platform AND assignee = OLD.assignee AND right_id = OLD.right_id;
END;
CREATE TRIGGER complaint_filter_changed AFTER UPDATE OF status, platform, assignee, right_id ON complaints
WHEN OLD.status IS NOT NEW.status OR OLD.platform IS NOT NEW.platform
  OR OLD.assignee IS NOT NEW.assignee OR OLD.right_id IS NOT NEW.right_id BEGIN
    UPDATE complaint_filter_counts SET n = n - 1
    WHERE status = OLD.status AND platform = OLD.platform AND assignee = OLD.assignee AND right_id = OLD.right_id;
    INSERT INTO complaint_filter_counts VALUES (NEW.status, NEW.platform, NEW.assignee, NEW.right_id, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
