-- Part 4: people, deadline rules, counter-notices, deadlines, and the
-- enforcement and open-deadline counts kept by triggers. The same tables and
-- columns as the SQLite schema (migrations 3, 6 and 7); its triggers become
-- PL/pgSQL functions with the same effect.

CREATE TABLE people (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    email      text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);

-- Every version of every rule; the highest version of a key is in force.
-- `definition` is the rule (the domain's DeadlineRule).
CREATE TABLE deadline_rules (
    key        text NOT NULL,
    version    bigint NOT NULL,
    definition jsonb NOT NULL,
    is_default boolean NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (key, version)
);

-- `filed_on` … `reason` are the complaint's filing day and group, kept in
-- step by triggers, so the figures read counter-notices by period from one
-- index.
CREATE TABLE counter_notices (
    id               uuid PRIMARY KEY,
    complaint_id     uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
    round            bigint NOT NULL CHECK (round > 0),
    listing_ids      jsonb NOT NULL DEFAULT '[]',
    received_at      timestamptz NOT NULL,
    grounds          text NOT NULL,
    statement        text NOT NULL DEFAULT '',
    response_text    text NOT NULL DEFAULT '',
    responded_at     timestamptz,
    decision         text,
    decided_on       date,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    filed_on         date,
    account_id       uuid,
    platform         text,
    reason           text,
    extension_days   bigint NOT NULL DEFAULT 0 CHECK (extension_days BETWEEN 0 AND 20),
    extension_reason text NOT NULL DEFAULT ''
);
CREATE INDEX counter_notices_by_complaint ON counter_notices(complaint_id, round);
CREATE INDEX counter_notices_by_filed ON counter_notices(filed_on, account_id, platform, reason, decision, complaint_id)
    WHERE filed_on IS NOT NULL;

-- Rule deadlines and manual tasks (rule_key NULL) in one list, so the
-- dashboard reads one table. Instants are kept to the second, as SQLite's
-- fixed-width text holds them.
CREATE TABLE deadlines (
    id                  uuid PRIMARY KEY,
    title               text NOT NULL,
    due_at              timestamptz NOT NULL,
    due_date            date NOT NULL,
    time_zone           text NOT NULL,
    estimated           boolean NOT NULL DEFAULT FALSE,
    missing_years       jsonb NOT NULL DEFAULT '[]',
    rule_key            text,
    rule_version        bigint,
    subject             text NOT NULL,
    subject_id          uuid,
    complaint_id        uuid REFERENCES complaints(id) ON DELETE CASCADE,
    platform            text,
    assignee            text NOT NULL DEFAULT '',
    notes               text NOT NULL DEFAULT '',
    done_at             timestamptz,
    created_at          timestamptz NOT NULL,
    counted_from_filing boolean NOT NULL DEFAULT FALSE
);
-- One deadline per rule and record: re-evaluating a rule updates it.
CREATE UNIQUE INDEX deadlines_by_rule_subject ON deadlines(rule_key, subject_id) WHERE rule_key IS NOT NULL;
-- The dashboard reads open deadlines only, by due time, assignee or platform.
CREATE INDEX open_deadlines_by_due ON deadlines(due_at, assignee, platform) WHERE done_at IS NULL;
CREATE INDEX open_deadlines_by_assignee ON deadlines(assignee, due_at) WHERE done_at IS NULL;
CREATE INDEX open_deadlines_by_platform ON deadlines(platform, due_at) WHERE done_at IS NULL;
CREATE INDEX deadlines_by_complaint ON deadlines(complaint_id);

-- Running totals of listing outcomes per filing day and group, kept by the
-- triggers below, so the enforcement figures over any period read a few
-- thousand rows instead of every complaint listing. `days` is filing →
-- removal for removed listings with a date, else -1. Complaints filed per
-- day and group are kept here too, under the pseudo-outcome '_complaint'
-- (days -1), so one range read gives both.
CREATE TABLE enforcement_counts (
    filed_on   date NOT NULL,
    account_id uuid NOT NULL,
    platform   text NOT NULL,
    reason     text NOT NULL,
    outcome    text NOT NULL,
    days       bigint NOT NULL,
    n          bigint NOT NULL,
    PRIMARY KEY (filed_on, account_id, platform, reason, outcome, days)
);
CREATE INDEX IF NOT EXISTS complaints_by_filed_group ON complaints(filed_on, account_id, platform, reason)
    WHERE filed_on IS NOT NULL;

-- The `days` of a listing's outcome in a complaint filed on `filed_on`.
CREATE FUNCTION enforcement_days(outcome text, outcome_on date, filed_on date) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN outcome = 'removed' AND outcome_on IS NOT NULL
                THEN outcome_on - filed_on ELSE -1 END
$$;

-- Adds `delta` to one total (a new key starts at `delta`).
CREATE FUNCTION enforcement_add(
    k_filed_on date, k_account_id uuid, k_platform text, k_reason text,
    k_outcome text, k_days bigint, delta bigint
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO enforcement_counts (filed_on, account_id, platform, reason, outcome, days, n)
    VALUES (k_filed_on, k_account_id, k_platform, k_reason, k_outcome, k_days, delta)
    ON CONFLICT (filed_on, account_id, platform, reason, outcome, days)
    DO UPDATE SET n = enforcement_counts.n + excluded.n
$$;

-- A complaint listing added, removed, or given another outcome: the totals
-- of its complaint's group follow (a complaint not filed counts nothing).
CREATE FUNCTION enforcement_listing_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c_filed_on date;
    c_account_id uuid;
    c_platform text;
    c_reason text;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT filed_on, account_id, platform, reason
          INTO c_filed_on, c_account_id, c_platform, c_reason
          FROM complaints WHERE id = OLD.complaint_id;
        IF c_filed_on IS NOT NULL THEN
            UPDATE enforcement_counts SET n = n - 1
            WHERE filed_on = c_filed_on AND account_id = c_account_id AND platform = c_platform
              AND reason = c_reason AND outcome = OLD.outcome
              AND days = enforcement_days(OLD.outcome, OLD.outcome_on, c_filed_on);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT filed_on, account_id, platform, reason
          INTO c_filed_on, c_account_id, c_platform, c_reason
          FROM complaints WHERE id = NEW.complaint_id;
        IF c_filed_on IS NOT NULL THEN
            PERFORM enforcement_add(c_filed_on, c_account_id, c_platform, c_reason, NEW.outcome,
                                    enforcement_days(NEW.outcome, NEW.outcome_on, c_filed_on), 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER enforcement_listing_added AFTER INSERT ON complaint_listings
    FOR EACH ROW EXECUTE FUNCTION enforcement_listing_changed();
CREATE TRIGGER enforcement_listing_removed AFTER DELETE ON complaint_listings
    FOR EACH ROW EXECUTE FUNCTION enforcement_listing_changed();
CREATE TRIGGER enforcement_outcome_changed AFTER UPDATE OF outcome, outcome_on ON complaint_listings
    FOR EACH ROW EXECUTE FUNCTION enforcement_listing_changed();

-- A complaint filed on insert counts as one complaint of its group.
CREATE FUNCTION enforcement_complaint_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM enforcement_add(NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason, '_complaint', -1, 1);
    RETURN NULL;
END $$;
CREATE TRIGGER enforcement_complaint_added AFTER INSERT ON complaints
    FOR EACH ROW WHEN (NEW.filed_on IS NOT NULL) EXECUTE FUNCTION enforcement_complaint_added();

-- Deleting a complaint cascades to its listings after the complaint row is
-- gone, when their own trigger can no longer find its group: subtract its
-- listings (and the complaint itself) first.
CREATE FUNCTION enforcement_complaint_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE enforcement_counts e SET n = e.n - (
        SELECT count(*) FROM complaint_listings cl
        WHERE cl.complaint_id = OLD.id AND cl.outcome = e.outcome
          AND enforcement_days(cl.outcome, cl.outcome_on, OLD.filed_on) = e.days)
    WHERE e.filed_on = OLD.filed_on AND e.account_id = OLD.account_id
      AND e.platform = OLD.platform AND e.reason = OLD.reason AND e.outcome <> '_complaint';
    UPDATE enforcement_counts SET n = n - 1
    WHERE filed_on = OLD.filed_on AND account_id = OLD.account_id AND platform = OLD.platform
      AND reason = OLD.reason AND outcome = '_complaint' AND days = -1;
    RETURN OLD;
END $$;
CREATE TRIGGER enforcement_complaint_deleted BEFORE DELETE ON complaints
    FOR EACH ROW WHEN (OLD.filed_on IS NOT NULL) EXECUTE FUNCTION enforcement_complaint_deleted();

-- A complaint's filing day or group changes (filing itself sets filed_on):
-- its listings and the complaint move from the old key to the new one, and
-- its counter-notices take the new day and group.
CREATE FUNCTION enforcement_complaint_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.filed_on IS NOT NULL THEN
        UPDATE enforcement_counts e SET n = e.n - (
            SELECT count(*) FROM complaint_listings cl
            WHERE cl.complaint_id = OLD.id AND cl.outcome = e.outcome
              AND enforcement_days(cl.outcome, cl.outcome_on, OLD.filed_on) = e.days)
        WHERE e.filed_on = OLD.filed_on AND e.account_id = OLD.account_id
          AND e.platform = OLD.platform AND e.reason = OLD.reason AND e.outcome <> '_complaint';
        UPDATE enforcement_counts SET n = n - 1
        WHERE filed_on = OLD.filed_on AND account_id = OLD.account_id AND platform = OLD.platform
          AND reason = OLD.reason AND outcome = '_complaint' AND days = -1;
    END IF;
    IF NEW.filed_on IS NOT NULL THEN
        INSERT INTO enforcement_counts (filed_on, account_id, platform, reason, outcome, days, n)
        SELECT NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason, cl.outcome,
               enforcement_days(cl.outcome, cl.outcome_on, NEW.filed_on) AS d, count(*)
        FROM complaint_listings cl WHERE cl.complaint_id = NEW.id
        GROUP BY cl.outcome, d
        ON CONFLICT (filed_on, account_id, platform, reason, outcome, days)
        DO UPDATE SET n = enforcement_counts.n + excluded.n;
        PERFORM enforcement_add(NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason, '_complaint', -1, 1);
    END IF;
    UPDATE counter_notices SET filed_on = NEW.filed_on, account_id = NEW.account_id,
        platform = NEW.platform, reason = NEW.reason
    WHERE complaint_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER enforcement_complaint_regrouped AFTER UPDATE OF filed_on, account_id, platform, reason ON complaints
    FOR EACH ROW WHEN (OLD.filed_on IS DISTINCT FROM NEW.filed_on OR OLD.account_id IS DISTINCT FROM NEW.account_id
        OR OLD.platform IS DISTINCT FROM NEW.platform OR OLD.reason IS DISTINCT FROM NEW.reason)
    EXECUTE FUNCTION enforcement_complaint_regrouped();

-- A new counter-notice takes its complaint's filing day and group.
CREATE FUNCTION counter_notice_grouped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT filed_on, account_id, platform, reason
      INTO NEW.filed_on, NEW.account_id, NEW.platform, NEW.reason
      FROM complaints WHERE id = NEW.complaint_id;
    RETURN NEW;
END $$;
CREATE TRIGGER counter_notice_grouped BEFORE INSERT ON counter_notices
    FOR EACH ROW EXECUTE FUNCTION counter_notice_grouped();

-- Open deadlines per assignee and platform, kept by triggers: the dashboard
-- then scans only the deadlines still ahead (overdue = open - ahead).
CREATE TABLE open_deadline_counts (
    assignee text NOT NULL,
    platform text NOT NULL,
    n        bigint NOT NULL,
    PRIMARY KEY (assignee, platform)
);
CREATE FUNCTION open_deadline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.done_at IS NULL THEN
        UPDATE open_deadline_counts SET n = n - 1
        WHERE assignee = OLD.assignee AND platform = coalesce(OLD.platform, '');
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.done_at IS NULL THEN
        INSERT INTO open_deadline_counts (assignee, platform, n)
        VALUES (NEW.assignee, coalesce(NEW.platform, ''), 1)
        ON CONFLICT (assignee, platform) DO UPDATE SET n = open_deadline_counts.n + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER open_deadline_added AFTER INSERT ON deadlines
    FOR EACH ROW WHEN (NEW.done_at IS NULL) EXECUTE FUNCTION open_deadline_changed();
CREATE TRIGGER open_deadline_removed AFTER DELETE ON deadlines
    FOR EACH ROW WHEN (OLD.done_at IS NULL) EXECUTE FUNCTION open_deadline_changed();
CREATE TRIGGER open_deadline_changed AFTER UPDATE OF done_at, assignee, platform ON deadlines
    FOR EACH ROW EXECUTE FUNCTION open_deadline_changed();
