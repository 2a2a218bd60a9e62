-- IPP step 3: sellers, listings, complaints, evidence, test purchases, search.

CREATE TABLE seller_groups (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE sellers (
    -- A stable integer key for the full-text index (VACUUM may renumber implicit rowids).
    n  INTEGER PRIMARY KEY,
    id                     TEXT NOT NULL UNIQUE,
    platform               TEXT NOT NULL,
    store_name             TEXT NOT NULL,
    store_name_translation TEXT NOT NULL DEFAULT '',
    store_id               TEXT NOT NULL DEFAULT '',
    store_url              TEXT NOT NULL DEFAULT '',
    company_name           TEXT NOT NULL DEFAULT '',
    location               TEXT NOT NULL DEFAULT '',
    phone                  TEXT NOT NULL DEFAULT '',
    address                TEXT NOT NULL DEFAULT '',
    wechat_id              TEXT NOT NULL DEFAULT '',
    years_in_business      INTEGER,
    employee_count         INTEGER,
    office_size_m2         INTEGER,
    factory_size_m2        INTEGER,
    badges                 TEXT NOT NULL DEFAULT '[]',
    rating                 REAL,
    group_id               TEXT REFERENCES seller_groups(id) ON DELETE SET NULL,
    notes                  TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE INDEX sellers_by_platform ON sellers(platform, store_name);
CREATE INDEX sellers_by_group ON sellers(group_id);
CREATE INDEX sellers_by_store_url ON sellers(store_url);

-- One row per listing, whatever form it was pasted in: `canonical_url` is
-- the normalized form, so two spellings of one listing collide here.
CREATE TABLE listings (
    -- A stable integer key for the full-text index (VACUUM may renumber implicit rowids).
    n  INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    platform      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    external_id   TEXT,
    canonical_url TEXT NOT NULL UNIQUE,
    original_url  TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    price         TEXT NOT NULL DEFAULT '',
    seller_name   TEXT NOT NULL DEFAULT '',
    store_url     TEXT NOT NULL DEFAULT '',
    seller_id     TEXT REFERENCES sellers(id) ON DELETE SET NULL,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
-- Partial: most imported listings have no known seller yet.
CREATE INDEX listings_by_seller ON listings(seller_id) WHERE seller_id IS NOT NULL;
-- Search by a listing's platform id (digits pasted from anywhere).
CREATE INDEX listings_by_external_id ON listings(external_id);

CREATE TABLE complaints (
    -- A stable integer key for the full-text index (VACUUM may renumber implicit rowids).
    n  INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
    platform        TEXT NOT NULL,
    right_id        TEXT NOT NULL REFERENCES ip_rights(id) ON DELETE RESTRICT,
    target          TEXT NOT NULL,
    reason          TEXT NOT NULL,
    explanation_en  TEXT NOT NULL DEFAULT '',
    explanation_zh  TEXT NOT NULL DEFAULT '',
    external_number TEXT NOT NULL DEFAULT '',
    assignee        TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    filed_on        TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    listing_count   INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- The list page filters by status, platform, right and assignee and sorts by
-- one key. Each index leads with a filter or sort column and carries the
-- other filter columns, so combined filters are checked on the index entry
-- before any row is read (100k complaints: a page in a few milliseconds).
CREATE INDEX complaints_by_status ON complaints(status, created_at, platform, assignee, right_id);
CREATE INDEX complaints_by_platform ON complaints(platform, created_at, status, assignee, right_id);
CREATE INDEX complaints_by_right ON complaints(right_id, created_at, status, platform, assignee);
CREATE INDEX complaints_by_assignee ON complaints(assignee, created_at, status, platform, right_id);
CREATE INDEX complaints_by_created ON complaints(created_at, status, platform, assignee, right_id);
CREATE INDEX complaints_by_filed ON complaints(filed_on, created_at, status, platform, assignee, right_id);
CREATE INDEX complaints_by_listing_count ON complaints(listing_count, created_at, status, platform, assignee, right_id);

CREATE TABLE complaint_listings (
    complaint_id TEXT NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
    listing_id   TEXT NOT NULL REFERENCES listings(id) ON DELETE RESTRICT,
    position     INTEGER NOT NULL,
    outcome      TEXT NOT NULL DEFAULT 'pending',
    outcome_on   TEXT,
    PRIMARY KEY (complaint_id, listing_id)
) WITHOUT ROWID;
CREATE INDEX complaint_listings_by_listing ON complaint_listings(listing_id);

-- Keeps complaints.listing_count true without a COUNT per row on the list page.
CREATE TRIGGER complaint_listing_added AFTER INSERT ON complaint_listings BEGIN
    UPDATE complaints SET listing_count = listing_count + 1 WHERE id = NEW.complaint_id;
END;
CREATE TRIGGER complaint_listing_removed AFTER DELETE ON complaint_listings BEGIN
    UPDATE complaints SET listing_count = listing_count - 1 WHERE id = OLD.complaint_id;
END;

-- Per-programme limits (IPP: 300 listings per complaint); editable.
CREATE TABLE programme_settings (
    programme    TEXT PRIMARY KEY,
    max_listings INTEGER NOT NULL CHECK (max_listings > 0)
);
INSERT INTO programme_settings VALUES
    ('alibaba_ipp', 300), ('amazon_brand_registry', 50), ('ebay_vero', 300), ('other', 300);

CREATE TABLE test_purchases (
    id               TEXT PRIMARY KEY,
    complaint_id     TEXT REFERENCES complaints(id) ON DELETE SET NULL,
    listing_id       TEXT REFERENCES listings(id) ON DELETE SET NULL,
    seller_id        TEXT REFERENCES sellers(id) ON DELETE SET NULL,
    order_number     TEXT NOT NULL,
    ordered_on       TEXT,
    price            TEXT NOT NULL DEFAULT '',
    what_arrived     TEXT NOT NULL DEFAULT '',
    appraisal_result TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX test_purchases_by_complaint ON test_purchases(complaint_id);

-- Evidence is a document with capture facts (ISO/IEC 27037: what, when,
-- from where, by whom).
ALTER TABLE documents ADD COLUMN captured_at TEXT;
ALTER TABLE documents ADD COLUMN captured_by TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- Full-text search, one external-content index per table. The trigram
-- tokenizer matches any substring of three or more characters, Chinese
-- included; the store falls back to LIKE for shorter queries.
-- Titles and store names; URLs are found by their listing id (index above).
CREATE VIRTUAL TABLE listings_fts USING fts5(title, seller_name, content = 'listings', content_rowid = 'n', tokenize = 'trigram');
-- Listings are indexed after their import commits (a trigram index costs ten
-- times the import itself), in order of `n` up to this watermark; search
-- reads rows above it with LIKE until the indexer catches up.
CREATE TABLE search_watermarks (
    tbl           TEXT PRIMARY KEY,
    indexed_up_to INTEGER NOT NULL
);
INSERT INTO search_watermarks VALUES ('listings', 0);
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings
WHEN OLD.n <= (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings') BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, seller_name) VALUES ('delete', OLD.n, OLD.title, OLD.seller_name);
END;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, seller_name ON listings
WHEN OLD.n <= (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings') BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, seller_name) VALUES ('delete', OLD.n, OLD.title, OLD.seller_name);
    INSERT INTO listings_fts (rowid, title, seller_name) VALUES (NEW.n, NEW.title, NEW.seller_name);
END;
CREATE VIRTUAL TABLE sellers_fts USING fts5(store_name, store_name_translation, company_name, store_url, content = 'sellers', content_rowid = 'n', tokenize = 'trigram');
CREATE TRIGGER sellers_fts_insert AFTER INSERT ON sellers BEGIN
    INSERT INTO sellers_fts (rowid, store_name, store_name_translation, company_name, store_url) VALUES (NEW.n, NEW.store_name, NEW.store_name_translation, NEW.company_name, NEW.store_url);
END;
CREATE TRIGGER sellers_fts_delete AFTER DELETE ON sellers BEGIN
    INSERT INTO sellers_fts (sellers_fts, rowid, store_name, store_name_translation, company_name, store_url) VALUES ('delete', OLD.n, OLD.store_name, OLD.store_name_translation, OLD.company_name, OLD.store_url);
END;
CREATE TRIGGER sellers_fts_update AFTER UPDATE OF store_name, store_name_translation, company_name, store_url ON sellers BEGIN
    INSERT INTO sellers_fts (sellers_fts, rowid, store_name, store_name_translation, company_name, store_url) VALUES ('delete', OLD.n, OLD.store_name, OLD.store_name_translation, OLD.company_name, OLD.store_url);
    INSERT INTO sellers_fts (rowid, store_name, store_name_translation, company_name, store_url) VALUES (NEW.n, NEW.store_name, NEW.store_name_translation, NEW.company_name, NEW.store_url);
END;
CREATE VIRTUAL TABLE complaints_fts USING fts5(external_number, explanation_en, explanation_zh, assignee, content = 'complaints', content_rowid = 'n', tokenize = 'trigram');
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_fts (rowid, external_number, explanation_en, explanation_zh, assignee) VALUES (NEW.n, NEW.external_number, NEW.explanation_en, NEW.explanation_zh, NEW.assignee);
END;
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, external_number, explanation_en, explanation_zh, assignee) VALUES ('delete', OLD.n, OLD.external_number, OLD.explanation_en, OLD.explanation_zh, OLD.assignee);
END;
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF external_number, explanation_en, explanation_zh, assignee ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, external_number, explanation_en, explanation_zh, assignee) VALUES ('delete', OLD.n, OLD.external_number, OLD.explanation_en, OLD.explanation_zh, OLD.assignee);
    INSERT INTO complaints_fts (rowid, external_number, explanation_en, explanation_zh, assignee) VALUES (NEW.n, NEW.external_number, NEW.explanation_en, NEW.explanation_zh, NEW.assignee);
END;
