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

-- Complaints filed per day and group, for the figures' denominators: kept in
-- enforcement_counts under the pseudo-outcome '_complaint' (days -1), so one
-- range read gives both.
INSERT INTO enforcement_counts
SELECT filed_on, account_id, platform, reason, '_complaint', -1, count(*)
FROM complaints WHERE filed_on IS NOT NULL GROUP BY 1, 2, 3, 4;

CREATE TRIGGER enforcement_complaint_added AFTER INSERT ON complaints
WHEN NEW.filed_on IS NOT NULL BEGIN
    INSERT INTO enforcement_counts VALUES (NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason, '_complaint', -1, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER enforcement_complaint_removed AFTER DELETE ON complaints
WHEN OLD.filed_on IS NOT NULL BEGIN
    UPDATE enforcement_counts SET n = n - 1
    WHERE filed_on = OLD.filed_on AND account_id = OLD.account_id AND platform = OLD.platform
      AND reason = OLD.reason AND outcome = '_complaint' AND days = -1;
END;
CREATE TRIGGER enforcement_complaint_regrouped AFTER UPDATE OF filed_on, account_id, platform, reason ON complaints
WHEN OLD.filed_on IS NOT NEW.filed_on OR OLD.account_id IS NOT NEW.account_id
  OR OLD.platform IS NOT NEW.platform OR OLD.reason IS NOT NEW.reason BEGIN
    UPDATE enforcement_counts SET n = n - 1
    WHERE OLD.filed_on IS NOT NULL AND filed_on = OLD.filed_on AND account_id = OLD.account_id
      AND platform = OLD.platform AND reason = OLD.reason AND outcome = '_complaint' AND days = -1;
    INSERT INTO enforcement_counts SELECT NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason, '_complaint', -1, 1
    WHERE NEW.filed_on IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Counter-notices carry their complaint's filing day and group (kept in step
-- by a trigger), so the figures read them by period from one index.
ALTER TABLE counter_notices ADD COLUMN filed_on TEXT;
ALTER TABLE counter_notices ADD COLUMN account_id TEXT;
ALTER TABLE counter_notices ADD COLUMN platform TEXT;
ALTER TABLE counter_notices ADD COLUMN reason TEXT;
CREATE INDEX counter_notices_by_filed ON counter_notices(filed_on, account_id, platform, reason, decision, complaint_id)
WHERE filed_on IS NOT NULL;
CREATE TRIGGER counter_notice_grouped AFTER INSERT ON counter_notices BEGIN
    UPDATE counter_notices SET (filed_on, account_id, platform, reason) =
        (SELECT filed_on, account_id, platform, reason FROM complaints WHERE id = NEW.complaint_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER counter_notices_regrouped AFTER UPDATE OF filed_on, account_id, platform, reason ON complaints
WHEN OLD.filed_on IS NOT NEW.filed_on OR OLD.account_id IS NOT NEW.account_id
  OR OLD.platform IS NOT NEW.platform OR OLD.reason IS NOT NEW.reason BEGIN
    UPDATE counter_notices SET filed_on = NEW.filed_on, account_id = NEW.account_id,
        platform = NEW.platform, reason = NEW.reason
    WHERE complaint_id = NEW.id;
END;

-- Complaints per status, kept by triggers: the dashboard's status panel
-- reads four rows instead of counting 100k complaints.
CREATE TABLE complaint_status_counts (
    status TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO complaint_status_counts SELECT status, count(*) FROM complaints GROUP BY status;
CREATE TRIGGER complaint_status_added AFTER INSERT ON complaints BEGIN
    INSERT INTO complaint_status_counts VALUES (NEW.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER complaint_status_removed AFTER DELETE ON complaints BEGIN
    UPDATE complaint_status_counts SET n = n - 1 WHERE status = OLD.status;
END;
CREATE TRIGGER complaint_status_changed AFTER UPDATE OF status ON complaints
WHEN OLD.status IS NOT NEW.status BEGIN
    UPDATE complaint_status_counts SET n = n - 1 WHERE status = OLD.status;
    INSERT INTO complaint_status_counts VALUES (NEW.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Open deadlines per assignee and platform, kept by triggers: the dashboard
-- then scans only the deadlines still ahead (overdue = open - ahead).
CREATE TABLE open_deadline_counts (
    assignee TEXT NOT NULL,
    platform TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (assignee, platform)
) WITHOUT ROWID;
CREATE TRIGGER open_deadline_added AFTER INSERT ON deadlines
WHEN NEW.done_at IS NULL BEGIN
    INSERT INTO open_deadline_counts VALUES (NEW.assignee, coalesce(NEW.platform, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER open_deadline_removed AFTER DELETE ON deadlines
WHEN OLD.done_at IS NULL BEGIN
    UPDATE open_deadline_counts SET n = n - 1
    WHERE assignee = OLD.assignee AND platform = coalesce(OLD.platform, '');
END;
CREATE TRIGGER open_deadline_changed AFTER UPDATE OF done_at, assignee, platform ON deadlines BEGIN
    UPDATE open_deadline_counts SET n = n - 1
    WHERE OLD.done_at IS NULL AND assignee = OLD.assignee AND platform = coalesce(OLD.platform, '');
    INSERT INTO open_deadline_counts SELECT NEW.assignee, coalesce(NEW.platform, ''), 1
    WHERE NEW.done_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
