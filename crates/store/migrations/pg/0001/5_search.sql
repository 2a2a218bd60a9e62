-- Part 5: search over listings, sellers and complaints (tables/search.rs):
-- any substring of the searched columns, case-insensitive, Chinese included,
-- newest first. SQLite does it with FTS5 trigram indexes and "grams" indexes
-- filled by a background indexer; here pg_trgm's GIN indexes answer ILIKE,
-- and the server keeps them up to date with every write: no watermark, no
-- queue, nothing pending for the indexer.
--
-- One index per table, on its searched columns joined by spaces. search.rs
-- writes the same expression (it must stay identical, or the index is not
-- used: the test `postgres_search_uses_the_trigram_indexes` checks) and also
-- tests each column on its own, so a match never spans two columns. Each
-- column is taken in the database's default collation, the one pg_trgm folds
-- case with (a column declared COLLATE "C" would fold ASCII only, and two
-- collations in one expression leave it none). Text of one or two
-- characters has no trigram: search tests the columns alone, newest first.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX listings_search ON listings USING gin ((
    coalesce(title, '') COLLATE "default" || ' ' ||
    coalesce(seller_name, '') COLLATE "default" || ' ' ||
    coalesce(external_id, '') COLLATE "default"
) gin_trgm_ops);

CREATE INDEX sellers_search ON sellers USING gin ((
    coalesce(store_name, '') COLLATE "default" || ' ' ||
    coalesce(store_name_translation, '') COLLATE "default" || ' ' ||
    coalesce(company_name, '') COLLATE "default" || ' ' ||
    coalesce(store_url, '') COLLATE "default"
) gin_trgm_ops);

CREATE INDEX complaints_search ON complaints USING gin ((
    coalesce(external_number, '') COLLATE "default" || ' ' ||
    coalesce(explanation_en, '') COLLATE "default" || ' ' ||
    coalesce(explanation_zh, '') COLLATE "default" || ' ' ||
    coalesce(assignee, '') COLLATE "default"
) gin_trgm_ops);
