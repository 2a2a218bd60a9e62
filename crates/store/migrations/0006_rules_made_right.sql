-- Copyright needs no registration: an unregistered work has an empty
-- number, and two of them in one country are not duplicates.
DROP INDEX rights_unique_number;
CREATE UNIQUE INDEX rights_unique_number ON ip_rights(jurisdiction, registration_number)
    WHERE registration_number <> '';

-- Working days lost to notarization or legalization (SPC Reply, 2020,
-- art. 3), recorded on the counter-notice they delay the answer to.
ALTER TABLE counter_notices ADD COLUMN extension_days INTEGER NOT NULL DEFAULT 0
    CHECK (extension_days BETWEEN 0 AND 20);
ALTER TABLE counter_notices ADD COLUMN extension_reason TEXT NOT NULL DEFAULT '';
