-- IPP step 4: counter-notices, deadline rules and deadlines, people, and the
-- running totals behind the enforcement figures.

CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    email      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Every version of every rule; the highest version of a key is in force.
-- `definition` is the rule as JSON (the domain's DeadlineRule).
CREATE TABLE deadline_rules (
    key        TEXT NOT NULL,
    version    INTEGER NOT NULL,
    definition TEXT NOT NULL,
    is_default INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (key, version)
) WITHOUT ROWID;

CREATE TABLE counter_notices (
    id            TEXT PRIMARY KEY,
    complaint_id  TEXT NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
    round         INTEGER NOT NULL CHECK (round > 0),
    listing_ids   TEXT NOT NULL DEFAULT '[]',
    received_at   TEXT NOT NULL,
    grounds       TEXT NOT NULL,
    statement     TEXT NOT NULL DEFAULT '',
    response_text TEXT NOT NULL DEFAULT '',
    responded_at  TEXT,
    decision      TEXT,
    decided_on    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX counter_notices_by_complaint ON counter_notices(complaint_id, round);

-- Rule deadlines and manual tasks (rule_key NULL) in one list, so the
-- dashboard reads one table.
CREATE TABLE deadlines (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    due_at        TEXT NOT NULL,
    due_date      TEXT NOT NULL,
    time_zone     TEXT NOT NULL,
    estimated     INTEGER NOT NULL DEFAULT 0,
    missing_years TEXT NOT NULL DEFAULT '[]',
    rule_key      TEXT,
    rule_version  INTEGER,
    subject       TEXT NOT NULL,
    subject_id    TEXT,
    complaint_id  TEXT REFERENCES complaints(id) ON DELETE CASCADE,
    platform      TEXT,
    assignee      TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    done_at       TEXT,
    created_at    TEXT NOT NULL
);
-- One deadline per rule and record: re-evaluating a rule updates it.
CREATE UNIQUE INDEX deadlines_by_rule_subject ON deadlines(rule_key, subject_id) WHERE rule_key IS NOT NULL;
-- The dashboard reads open deadlines only, by due time, assignee or platform.
CREATE INDEX open_deadlines_by_due ON deadlines(due_at, assignee, platform) WHERE done_at IS NULL;
CREATE INDEX open_deadlines_by_assignee ON deadlines(assignee, due_at) WHERE done_at IS NULL;
CREATE INDEX open_deadlines_by_platform ON deadlines(platform, due_at) WHERE done_at IS NULL;
CREATE INDEX deadlines_by_complaint ON deadlines(complaint_id);

-- Running totals of listing outcomes per filing day and group, kept by
-- triggers, so the enforcement figures over any period read a few thousand
-- rows instead of every complaint listing. `days` is filing → removal for
-- removed listings with a date, else -1.
CREATE TABLE enforcement_counts (
    filed_on   TEXT NOT NULL,
    account_id TEXT NOT NULL,
    platform   TEXT NOT NULL,
    reason     TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    days       INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (filed_on, account_id, platform, reason, outcome, days)
) WITHOUT ROWID;
CREATE INDEX complaints_by_filed_group ON complaints(filed_on, account_id, platform, reason) WHERE filed_on IS NOT NULL;

INSERT INTO enforcement_counts
SELECT c.filed_on, c.account_id, c.platform, c.reason, cl.outcome,
       CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
            THEN CAST(julianday(cl.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END,
       count(*)
FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
WHERE c.filed_on IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER enforcement_listing_added AFTER INSERT ON complaint_listings BEGIN
    INSERT INTO enforcement_counts
    SELECT c.filed_on, c.account_id, c.platform, c.reason, NEW.outcome,
           CASE WHEN NEW.outcome = 'removed' AND NEW.outcome_on IS NOT NULL
                THEN CAST(julianday(NEW.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END, 1
    FROM complaints c WHERE c.id = NEW.complaint_id AND c.filed_on IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER enforcement_listing_removed AFTER DELETE ON complaint_listings BEGIN
    UPDATE enforcement_counts SET n = n - 1
    WHERE (filed_on, account_id, platform, reason, outcome, days) IN (
        SELECT c.filed_on, c.account_id, c.platform, c.reason, OLD.outcome,
               CASE WHEN OLD.outcome = 'removed' AND OLD.outcome_on IS NOT NULL
                    THEN CAST(julianday(OLD.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END
        FROM complaints c WHERE c.id = OLD.complaint_id AND c.filed_on IS NOT NULL);
END;

CREATE TRIGGER enforcement_outcome_changed AFTER UPDATE OF outcome, outcome_on ON complaint_listings BEGIN
    UPDATE enforcement_counts SET n = n - 1
    WHERE (filed_on, account_id, platform, reason, outcome, days) IN (
        SELECT c.filed_on, c.account_id, c.platform, c.reason, OLD.outcome,
               CASE WHEN OLD.outcome = 'removed' AND OLD.outcome_on IS NOT NULL
                    THEN CAST(julianday(OLD.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END
        FROM complaints c WHERE c.id = OLD.complaint_id AND c.filed_on IS NOT NULL);
    INSERT INTO enforcement_counts
    SELECT c.filed_on, c.account_id, c.platform, c.reason, NEW.outcome,
           CASE WHEN NEW.outcome = 'removed' AND NEW.outcome_on IS NOT NULL
                THEN CAST(julianday(NEW.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END, 1
    FROM complaints c WHERE c.id = NEW.complaint_id AND c.filed_on IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A complaint's filing day or group changes (filing itself sets filed_on):
-- move all its listings from the old key to the new one.
CREATE TRIGGER enforcement_complaint_changed AFTER UPDATE OF filed_on, account_id, platform, reason ON complaints
WHEN OLD.filed_on IS NOT NEW.filed_on OR OLD.account_id IS NOT NEW.account_id
  OR OLD.platform IS NOT NEW.platform OR OLD.reason IS NOT NEW.reason BEGIN
    UPDATE enforcement_counts SET n = n - (
        SELECT count(*) FROM complaint_listings cl
        WHERE cl.complaint_id = OLD.id AND cl.outcome = enforcement_counts.outcome
          AND CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
                   THEN CAST(julianday(cl.outcome_on) - julianday(OLD.filed_on) AS INTEGER) ELSE -1 END
              = enforcement_counts.days)
    WHERE OLD.filed_on IS NOT NULL AND filed_on = OLD.filed_on AND account_id = OLD.account_id
      AND platform = OLD.platform AND reason = OLD.reason;
    INSERT INTO enforcement_counts
    SELECT NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason, cl.outcome,
           CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
                THEN CAST(julianday(cl.outcome_on) - julianday(NEW.filed_on) AS INTEGER) ELSE -1 END AS d,
           count(*)
    FROM complaint_listings cl WHERE cl.complaint_id = NEW.id AND NEW.filed_on IS NOT NULL
    GROUP BY cl.outcome, d
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Deleting a complaint cascades to its listings after the complaint row is
-- gone, when their own trigger can no longer find its group: subtract first.
CREATE TRIGGER enforcement_complaint_deleted BEFORE DELETE ON complaints
WHEN OLD.filed_on IS NOT NULL BEGIN
    UPDATE enforcement_counts SET n = n - (
        SELECT count(*) FROM complaint_listings cl
        WHERE cl.complaint_id = OLD.id AND cl.outcome = enforcement_counts.outcome
          AND CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
                   THEN CAST(julianday(cl.outcome_on) - julianday(OLD.filed_on) AS INTEGER) ELSE -1 END
              = enforcement_counts.days)
    WHERE filed_on = OLD.filed_on AND account_id = OLD.account_id
      AND platform = OLD.platform AND reason = OLD.reason;
END;
