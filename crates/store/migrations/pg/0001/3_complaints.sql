-- Part 3: complaints, their listings, test purchases, and the complaint counts
-- kept by triggers. The SQLite schema's final state (migrations 2, 4 and 7):
-- the same tables and columns, with PostgreSQL's types. Status, platform and
-- assignee compare and sort bytewise (COLLATE "C"), as SQLite's BINARY does,
-- so lists and filters order the same whatever the server's locale.

CREATE TABLE complaints (
    -- A stable integer key for search (part 5) and the list's tie-break.
    n                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id                 uuid PRIMARY KEY,
    account_id         uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
    platform           text COLLATE "C" NOT NULL,
    right_id           uuid NOT NULL REFERENCES ip_rights(id) ON DELETE RESTRICT,
    target             text NOT NULL,
    reason             text NOT NULL,
    explanation_en     text NOT NULL DEFAULT '',
    explanation_zh     text NOT NULL DEFAULT '',
    external_number    text NOT NULL DEFAULT '',
    assignee           text COLLATE "C" NOT NULL DEFAULT '',
    status             text COLLATE "C" NOT NULL,
    filed_on           date,
    notes              text NOT NULL DEFAULT '',
    listing_count      bigint NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    seller_notified_on date
);
-- The list page filters by status, platform, right and assignee and sorts by
-- creation, filing day, listing count or status (ties broken by creation,
-- then n). Each index leads with a filter or sort column and carries the
-- others, as in SQLite; the filing day sorts NULL first ascending, as SQLite
-- does.
CREATE INDEX complaints_by_status ON complaints(status, created_at, platform, assignee, right_id, filed_on, listing_count);
CREATE INDEX complaints_by_platform ON complaints(platform, created_at, status, assignee, right_id, filed_on, listing_count);
CREATE INDEX complaints_by_right ON complaints(right_id, created_at, status, platform, assignee, filed_on, listing_count);
CREATE INDEX complaints_by_assignee ON complaints(assignee, created_at, status, platform, right_id, filed_on, listing_count);
CREATE INDEX complaints_by_created ON complaints(created_at, n, status, platform, assignee, right_id);
CREATE INDEX complaints_by_filed ON complaints(filed_on NULLS FIRST, created_at, n, status, platform, assignee, right_id);
CREATE INDEX complaints_by_listing_count ON complaints(listing_count, created_at, n, status, platform, assignee, right_id);
-- The enforcement figures (part 4) read filed complaints by day and group.
CREATE INDEX complaints_by_filed_group ON complaints(filed_on, account_id, platform, reason) WHERE filed_on IS NOT NULL;

CREATE TABLE complaint_listings (
    complaint_id uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
    listing_id   uuid NOT NULL REFERENCES listings(id) ON DELETE RESTRICT,
    position     bigint NOT NULL,
    outcome      text NOT NULL DEFAULT 'pending',
    outcome_on   date,
    PRIMARY KEY (complaint_id, listing_id)
);
CREATE INDEX complaint_listings_by_listing ON complaint_listings(listing_id);

-- Keeps complaints.listing_count true without a COUNT per row on the list page.
CREATE FUNCTION complaint_listing_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaints SET listing_count = listing_count + 1 WHERE id = NEW.complaint_id;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_listing_added AFTER INSERT ON complaint_listings
    FOR EACH ROW EXECUTE FUNCTION complaint_listing_added();
CREATE FUNCTION complaint_listing_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaints SET listing_count = listing_count - 1 WHERE id = OLD.complaint_id;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_listing_removed AFTER DELETE ON complaint_listings
    FOR EACH ROW EXECUTE FUNCTION complaint_listing_removed();

CREATE TABLE test_purchases (
    id               uuid PRIMARY KEY,
    complaint_id     uuid REFERENCES complaints(id) ON DELETE SET NULL,
    listing_id       uuid REFERENCES listings(id) ON DELETE SET NULL,
    seller_id        uuid REFERENCES sellers(id) ON DELETE SET NULL,
    order_number     text NOT NULL,
    ordered_on       date,
    price            text NOT NULL DEFAULT '',
    what_arrived     text NOT NULL DEFAULT '',
    appraisal_result text NOT NULL DEFAULT '',
    notes            text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX test_purchases_by_complaint ON test_purchases(complaint_id);
-- Deleting a listing or seller sets these to NULL: an index each, so that
-- is not a scan of every test purchase.
CREATE INDEX test_purchases_by_listing ON test_purchases(listing_id) WHERE listing_id IS NOT NULL;
CREATE INDEX test_purchases_by_seller ON test_purchases(seller_id) WHERE seller_id IS NOT NULL;

-- Complaints per status, kept by triggers: the dashboard's status panel
-- reads four rows instead of counting every complaint.
CREATE TABLE complaint_status_counts (
    status text COLLATE "C" PRIMARY KEY,
    n      bigint NOT NULL
);
CREATE FUNCTION complaint_status_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_status_counts VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = complaint_status_counts.n + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_status_added AFTER INSERT ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaint_status_added();
CREATE FUNCTION complaint_status_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_status_counts SET n = n - 1 WHERE status = OLD.status;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_status_removed AFTER DELETE ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaint_status_removed();
CREATE FUNCTION complaint_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_status_counts SET n = n - 1 WHERE status = OLD.status;
    INSERT INTO complaint_status_counts VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = complaint_status_counts.n + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_status_changed AFTER UPDATE OF status ON complaints
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION complaint_status_changed();

-- Complaints per (status, platform, assignee, right), kept by triggers: the
-- list page's exact total for any filter is a sum over a few rows instead of
-- a count over every matching complaint.
CREATE TABLE complaint_filter_counts (
    status   text COLLATE "C" NOT NULL,
    platform text COLLATE "C" NOT NULL,
    assignee text COLLATE "C" NOT NULL,
    right_id uuid NOT NULL,
    n        bigint NOT NULL,
    PRIMARY KEY (status, platform, assignee, right_id)
);
CREATE FUNCTION complaint_filter_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_filter_counts VALUES (NEW.status, NEW.platform, NEW.assignee, NEW.right_id, 1)
        ON CONFLICT (status, platform, assignee, right_id) DO UPDATE SET n = complaint_filter_counts.n + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_filter_added AFTER INSERT ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaint_filter_added();
CREATE FUNCTION complaint_filter_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_filter_counts SET n = n - 1
    WHERE status = OLD.status AND platform = OLD.platform AND assignee = OLD.assignee AND right_id = OLD.right_id;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_filter_removed AFTER DELETE ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaint_filter_removed();
CREATE FUNCTION complaint_filter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_filter_counts SET n = n - 1
    WHERE status = OLD.status AND platform = OLD.platform AND assignee = OLD.assignee AND right_id = OLD.right_id;
    INSERT INTO complaint_filter_counts VALUES (NEW.status, NEW.platform, NEW.assignee, NEW.right_id, 1)
        ON CONFLICT (status, platform, assignee, right_id) DO UPDATE SET n = complaint_filter_counts.n + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_filter_changed AFTER UPDATE OF status, platform, assignee, right_id ON complaints
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.platform IS DISTINCT FROM NEW.platform
        OR OLD.assignee IS DISTINCT FROM NEW.assignee OR OLD.right_id IS DISTINCT FROM NEW.right_id)
    EXECUTE FUNCTION complaint_filter_changed();
