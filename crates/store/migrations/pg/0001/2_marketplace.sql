-- Part 2: seller groups, sellers, listings and programme settings. The same
-- tables and columns as the SQLite schema (migrations 2-4). Search over
-- sellers and listings (pg_trgm) is part 5's; SQLite's full-text tables and
-- their triggers have no counterpart here. Sellers are listed by platform
-- and store name compared bytewise (COLLATE "C"), as SQLite's BINARY does,
-- so the order is the same whatever the server's locale.

CREATE TABLE seller_groups (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    notes      text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);

CREATE TABLE sellers (
    -- A stable integer key in insertion order, as SQLite's (search may key
    -- on it); numbered by the server.
    n                      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id                     uuid PRIMARY KEY,
    platform               text COLLATE "C" NOT NULL,
    store_name             text COLLATE "C" NOT NULL,
    store_name_translation text NOT NULL DEFAULT '',
    store_id               text NOT NULL DEFAULT '',
    store_url              text NOT NULL DEFAULT '',
    company_name           text NOT NULL DEFAULT '',
    location               text NOT NULL DEFAULT '',
    phone                  text NOT NULL DEFAULT '',
    address                text NOT NULL DEFAULT '',
    wechat_id              text NOT NULL DEFAULT '',
    years_in_business      bigint,
    employee_count         bigint,
    office_size_m2         bigint,
    factory_size_m2        bigint,
    badges                 jsonb NOT NULL DEFAULT '[]',
    rating                 double precision,
    group_id               uuid REFERENCES seller_groups(id) ON DELETE SET NULL,
    notes                  text NOT NULL DEFAULT '',
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX sellers_by_platform ON sellers(platform, store_name);
CREATE INDEX sellers_by_group ON sellers(group_id);
CREATE INDEX sellers_by_store_url ON sellers(store_url);

-- One row per listing, whatever form it was pasted in: `canonical_url` is
-- the normalized form, so two spellings of one listing collide here.
CREATE TABLE listings (
    -- Insertion order, as SQLite's integer key: a seller's listings are shown
    -- in the order they were imported.
    n             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id            uuid PRIMARY KEY,
    platform      text NOT NULL,
    kind          text NOT NULL,
    external_id   text,
    canonical_url text NOT NULL UNIQUE,
    original_url  text NOT NULL,
    title         text NOT NULL DEFAULT '',
    price         text NOT NULL DEFAULT '',
    seller_name   text NOT NULL DEFAULT '',
    store_url     text NOT NULL DEFAULT '',
    seller_id     uuid REFERENCES sellers(id) ON DELETE SET NULL,
    notes         text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL
);
-- Partial: most imported listings have no known seller yet. Carries `n`, the
-- order a seller's listings are read in.
CREATE INDEX listings_by_seller ON listings(seller_id, n) WHERE seller_id IS NOT NULL;

-- Per-programme limits (IPP: 300 listings per complaint); editable.
CREATE TABLE programme_settings (
    programme    text PRIMARY KEY,
    max_listings bigint NOT NULL CHECK (max_listings > 0)
);
INSERT INTO programme_settings VALUES
    ('alibaba_ipp', 300), ('amazon_brand_registry', 50), ('ebay_vero', 300), ('other', 300);
