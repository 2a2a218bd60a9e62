-- The seller's counter-notice window runs from when the platform notified
-- the seller, which can be days after filing; NULL until it is recorded
-- (the window is then counted from the filing date, as an estimate).
ALTER TABLE complaints ADD COLUMN seller_notified_on TEXT;

-- A deadline counted from the filing date while the notification date is
-- not recorded says so (it is an estimate).
ALTER TABLE deadlines ADD COLUMN counted_from_filing INTEGER NOT NULL DEFAULT 0;
