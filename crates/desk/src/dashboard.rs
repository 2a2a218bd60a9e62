//! The manager's dashboard: what is due (overdue, today, this week) by
//! assignee and platform, complaints by status, the enforcement figures, the
//! good-faith panel, and their exports (report CSV / XLSX, ICS feed).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Datelike, Local, Months, NaiveDate, TimeZone, Utc};
use ippdesk_domain::*;
use ippdesk_store::tables::deadlines::{self, Buckets, GroupColumn, OpenQuery};
use ippdesk_store::tables::{accounts, complaints, enforcement};

use crate::table_export::{write_tables, write_whole, Sheet, TableFormat};
use crate::{
    BucketCounts, BucketGroup, Dashboard, DeadlineFilter, DeadlineRow, Desk, DeskError,
    EnforcementDim, EnforcementQuery, EnforcementReport, EnforcementRow, ErrorCode, GoodFaithRow,
    ReportExport, ReportFormat, Result, StatusCount,
};

/// The start of local day `d`, as an instant.
fn local_midnight(d: NaiveDate) -> DateTime<Utc> {
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    Local
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

impl From<Buckets> for BucketCounts {
    fn from(b: Buckets) -> Self {
        BucketCounts {
            overdue: b.overdue,
            due_today: b.due_today,
            due_this_week: b.due_this_week,
            open: b.open,
        }
    }
}

impl Desk {
    /// Now, or noon of the fixed "today" (tests).
    pub fn now(&self) -> DateTime<Utc> {
        match self.today {
            Some(d) => local_midnight(d) + chrono::Duration::hours(12),
            None => ippdesk_domain::now(),
        }
    }

    /// (now, end of the local day, end of the local week ending Sunday).
    fn horizons(&self) -> (DateTime<Utc>, DateTime<Utc>, DateTime<Utc>) {
        let today = self.today();
        let to_sunday = 6 - today.weekday().num_days_from_monday() as u64;
        let sunday = today + chrono::Days::new(to_sunday);
        (
            self.now(),
            local_midnight(today + chrono::Days::new(1)),
            local_midnight(sunday + chrono::Days::new(1)),
        )
    }

    fn deadline_rows(&self, list: Vec<Deadline>) -> Result<Vec<DeadlineRow>> {
        let mut labels: HashMap<Id, String> = HashMap::new();
        list.into_iter()
            .map(|d| {
                let complaint_label = match d.complaint_id {
                    None => None,
                    Some(c) => Some(match labels.get(&c) {
                        Some(l) => l.clone(),
                        None => {
                            let l = complaints::label_of(&complaints::get(&self.store, c)?);
                            labels.insert(c, l.clone());
                            l
                        }
                    }),
                };
                Ok(DeadlineRow {
                    deadline: d,
                    complaint_label,
                })
            })
            .collect()
    }

    pub fn dashboard(&self) -> Result<Dashboard> {
        let (now, today_end, week_end) = self.horizons();
        let groups = |col| -> Result<Vec<BucketGroup>> {
            Ok(
                deadlines::buckets_by(&self.store, Some(col), now, today_end, week_end)?
                    .into_iter()
                    .map(|(key, b)| BucketGroup {
                        key,
                        counts: b.into(),
                    })
                    .collect(),
            )
        };
        let upcoming = deadlines::open(
            &self.store,
            &OpenQuery {
                until: Some(week_end),
                limit: 200,
                ..Default::default()
            },
        )?;
        let to = self.today();
        let from = to - Months::new(GOOD_FAITH_MONTHS);
        Ok(Dashboard {
            now,
            counts: deadlines::bucket_counts(&self.store, now, today_end, week_end)?.into(),
            by_assignee: groups(GroupColumn::Assignee)?,
            by_platform: groups(GroupColumn::Platform)?,
            upcoming: self.deadline_rows(upcoming)?,
            complaints_by_status: complaints::counts_by_status(&self.store)?
                .into_iter()
                .map(|(status, count)| StatusCount { status, count })
                .collect(),
            good_faith: self.good_faith(from, to)?,
            good_faith_from: from,
            good_faith_to: to,
        })
    }

    /// Open deadlines in one bucket, optionally for one assignee or platform.
    pub fn open_deadlines(&self, f: DeadlineFilter) -> Result<Vec<DeadlineRow>> {
        let (now, today_end, week_end) = self.horizons();
        let until = match f.bucket.as_str() {
            "overdue" => Some(now),
            "today" => Some(today_end),
            "week" => Some(week_end),
            "open" => None,
            other => {
                return Err(DeskError::new(
                    ErrorCode::Validation,
                    format!("No deadline list is called {other}."),
                ))
            }
        };
        let list = deadlines::open(
            &self.store,
            &OpenQuery {
                until,
                assignee: f.assignee,
                platform: f.platform,
                limit: f.limit.unwrap_or(500).min(5000),
            },
        )?;
        self.deadline_rows(list)
    }

    /// What is overdue or due in the next 24 hours (desktop notifications).
    pub fn due_soon(&self) -> Result<Vec<DeadlineRow>> {
        let list = deadlines::open(
            &self.store,
            &OpenQuery {
                until: Some(self.now() + chrono::Duration::hours(24)),
                limit: 50,
                ..Default::default()
            },
        )?;
        self.deadline_rows(list)
    }

    /// The desktop reminder for what is overdue or due within 24 hours, or
    /// `None` when nothing is.
    pub fn reminder_text(&self) -> Result<Option<ReminderText>> {
        let soon = self.due_soon()?;
        if soon.is_empty() {
            return Ok(None);
        }
        let now = self.now();
        let overdue = soon.iter().filter(|r| r.deadline.due_at < now).count();
        let title = match (overdue, soon.len() - overdue) {
            (0, n) => format!("IPP Desk: {n} due within 24 hours"),
            (o, 0) => format!("IPP Desk: {o} overdue"),
            (o, n) => format!("IPP Desk: {o} overdue, {n} due within 24 hours"),
        };
        let mut body: Vec<String> = soon
            .iter()
            .take(3)
            .map(|r| match &r.complaint_label {
                Some(l) if !r.deadline.title.contains(l.as_str()) => {
                    format!("{l}: {}", r.deadline.title)
                }
                _ => r.deadline.title.clone(),
            })
            .collect();
        if soon.len() > 3 {
            body.push(format!("… and {} more on the dashboard.", soon.len() - 3));
        }
        Ok(Some(ReminderText {
            title,
            body: body.join("\n"),
        }))
    }

    fn account_labels(&self) -> Result<HashMap<Id, (String, Programme)>> {
        Ok(accounts::list(&self.store)?
            .into_iter()
            .map(|a| (a.id, (a.draft.login_email, a.draft.programme)))
            .collect())
    }

    fn good_faith(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<GoodFaithRow>> {
        let labels = self.account_labels()?;
        let mut per_account: BTreeMap<Id, EnforcementCounts> = BTreeMap::new();
        for ((account, _, _), c) in enforcement::counts(&self.store, from, to)? {
            per_account.entry(account).or_default().add(&c);
        }
        let mut rows: Vec<GoodFaithRow> = labels
            .iter()
            .filter(|(_, (_, programme))| *programme == Programme::AlibabaIpp)
            .map(|(id, (label, _))| {
                let figures = per_account.remove(id).unwrap_or_default().figures();
                GoodFaithRow {
                    account_id: *id,
                    account_label: label.clone(),
                    check: good_faith(&figures),
                    figures,
                }
            })
            .collect();
        rows.sort_by(|a, b| a.account_label.cmp(&b.account_label));
        Ok(rows)
    }

    /// Takedown and counter-notice figures over complaints filed from `from`
    /// to `to` (inclusive), grouped as asked.
    pub fn enforcement_report(&self, q: EnforcementQuery) -> Result<EnforcementReport> {
        if q.from > q.to {
            return Err(DeskError::new(
                ErrorCode::Validation,
                "The period starts after it ends.",
            ));
        }
        let labels = self.account_labels()?;
        let by = |d| q.group_by.contains(&d);
        type Key = (Option<Id>, Option<String>, Option<String>);
        let mut groups: BTreeMap<Key, EnforcementCounts> = BTreeMap::new();
        let mut total = EnforcementCounts::default();
        for ((account, platform, reason), c) in enforcement::counts(&self.store, q.from, q.to)? {
            total.add(&c);
            if q.group_by.is_empty() {
                continue;
            }
            let key = (
                by(EnforcementDim::Account).then_some(account),
                by(EnforcementDim::Platform).then_some(platform),
                by(EnforcementDim::Reason).then_some(reason),
            );
            groups.entry(key).or_default().add(&c);
        }
        let rows = groups
            .into_iter()
            .map(|((account, platform, reason), c)| {
                let figures = c.figures();
                EnforcementRow {
                    account_label: account.map(|a| {
                        labels
                            .get(&a)
                            .map_or_else(|| a.to_string(), |l| l.0.clone())
                    }),
                    account_id: account,
                    platform: platform.as_deref().and_then(parse_name),
                    reason: reason.as_deref().and_then(parse_name),
                    good_faith: good_faith(&figures),
                    figures,
                }
            })
            .collect();
        Ok(EnforcementReport {
            from: q.from,
            to: q.to,
            rows,
            total: total.figures(),
        })
    }

    /// The enforcement report and every open deadline, as CSV (the figures),
    /// XLSX (a sheet each) or PDF (a section each, laid out like the packets).
    pub fn export_report(&self, e: ReportExport) -> Result<()> {
        let report = self.enforcement_report(e.query)?;
        let open_rows = self.deadline_rows(deadlines::all_open(&self.store)?)?;
        let path = Path::new(&e.path);
        let format = match e.format {
            ReportFormat::Csv => TableFormat::Csv,
            ReportFormat::Xlsx => TableFormat::Xlsx,
            // The PDF draws from the report itself, not from table rows.
            ReportFormat::Pdf => return write_report_pdf(path, &report, &open_rows),
        };
        let pct = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.1}"));
        let figure_cells = |f: &EnforcementFigures| {
            let c = &f.counts;
            vec![
                c.complaints.to_string(),
                c.listings.to_string(),
                c.removed.to_string(),
                c.rejected.to_string(),
                c.reinstated.to_string(),
                c.withdrawn.to_string(),
                c.pending.to_string(),
                pct(f.takedown_rate),
                c.counter_notices.to_string(),
                pct(f.counter_success_rate),
                pct(f.successful_counter_rate),
                pct(f.median_days_to_takedown),
            ]
        };
        let mut figures = vec![[
            "from",
            "to",
            "account",
            "platform",
            "reason",
            "complaints",
            "listings",
            "removed",
            "rejected",
            "reinstated",
            "withdrawn",
            "pending",
            "takedown_rate_pct",
            "counter_notices",
            "counter_notice_success_pct",
            "successful_counter_notices_pct",
            "median_days_to_takedown",
        ]
        .map(String::from)
        .to_vec()];
        let period = [report.from.to_string(), report.to.to_string()];
        for r in &report.rows {
            let mut row = period.to_vec();
            row.push(r.account_label.clone().unwrap_or_default());
            row.push(
                r.platform
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_default(),
            );
            row.push(r.reason.map(|x| enum_name(&x)).unwrap_or_default());
            row.extend(figure_cells(&r.figures));
            figures.push(row);
        }
        let mut total = period.to_vec();
        total.extend(["(all)".to_string(), String::new(), String::new()]);
        total.extend(figure_cells(&report.total));
        figures.push(total);

        let mut open = vec![[
            "due_at_utc",
            "due_date",
            "time_zone",
            "estimated",
            "title",
            "complaint",
            "platform",
            "assignee",
            "rule",
        ]
        .map(String::from)
        .to_vec()];
        for r in &open_rows {
            let d = &r.deadline;
            open.push(vec![
                d.due_at.to_rfc3339(),
                d.due_date.to_string(),
                d.time_zone.clone(),
                if d.estimated { "estimated" } else { "" }.to_string(),
                d.title.clone(),
                r.complaint_label.clone().unwrap_or_default(),
                d.platform
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_default(),
                d.assignee.clone(),
                d.rule_key.clone().unwrap_or_else(|| "task".into()),
            ]);
        }
        write_tables(
            path,
            format,
            &[
                Sheet {
                    name: "Enforcement",
                    rows: figures,
                },
                Sheet {
                    name: "Open deadlines",
                    rows: open,
                },
            ],
        )
    }

    /// Every open deadline as an iCalendar feed (RFC 5545) that Outlook and
    /// Google Calendar can import or subscribe to: one event a deadline,
    /// ending at the deadline, with the complaint and rule in its text.
    pub fn deadlines_ics(&self) -> Result<String> {
        use icalendar::{Calendar, Component, EventLike};
        let mut cal = Calendar::new();
        cal.name("IPP Desk deadlines");
        for r in self.deadline_rows(deadlines::all_open(&self.store)?)? {
            let d = &r.deadline;
            let mut text = format!("Due by the end of {} ({}).", d.due_date, d.time_zone);
            if d.estimated {
                text.push_str(&format!(
                    " Estimated: the holiday schedule for {} is not published yet.",
                    join_years(&d.missing_years)
                ));
            }
            if let Some(label) = &r.complaint_label {
                text.push_str(&format!(" Complaint: {label}."));
            }
            if !d.assignee.is_empty() {
                text.push_str(&format!(" Assignee: {}.", d.assignee));
            }
            if let Some(rule) = &d.rule_key {
                text.push_str(&format!(" Rule: {rule}."));
            }
            cal.push(
                icalendar::Event::new()
                    .uid(&format!("{}@ippdesk", d.id))
                    .summary(&d.title)
                    .description(&text)
                    .starts(d.due_at - chrono::Duration::minutes(30))
                    .ends(d.due_at)
                    .done(),
            );
        }
        Ok(cal.done().to_string())
    }

    /// Written whole or not at all: calendars that subscribe to the file
    /// (the app rewrites `deadlines.ics` beside the database) never read half.
    pub fn export_ics(&self, path: &Path) -> Result<()> {
        let ics = self.deadlines_ics()?;
        write_whole(path, |w| w.write_all(ics.as_bytes()))
    }
}

/// The report as a PDF laid out like the packets: the period and totals,
/// the figures per group, and the open deadlines.
fn write_report_pdf(path: &Path, report: &EnforcementReport, open: &[DeadlineRow]) -> Result<()> {
    use ippdesk_packet::{Bilingual, Block, Field, Packet, PacketKind, Section};
    let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.1} %"));
    let days = |v: Option<f64>| v.map_or("—".to_string(), |d| format!("{d:.1}"));
    let t = &report.total;
    let figure_row = |label: String, f: &EnforcementFigures| {
        vec![
            label,
            f.counts.complaints.to_string(),
            f.counts.listings.to_string(),
            pct(f.takedown_rate),
            pct(f.counter_success_rate),
            pct(f.successful_counter_rate),
            days(f.median_days_to_takedown),
            f.counts.reinstated.to_string(),
        ]
    };
    let mut rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|r| {
            let label = [
                r.account_label.clone(),
                r.platform.map(|p| p.as_str().to_string()),
                r.reason.map(|x| enum_name(&x)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ");
            figure_row(label, &r.figures)
        })
        .collect();
    rows.push(figure_row("All / 合计".into(), t));
    let l = Bilingual::new;
    let packet = Packet {
        kind: PacketKind::Report,
        packet_id: format!("RPT-{}-{}", report.from, report.to),
        generated_at: ippdesk_domain::now(),
        title: l("Enforcement report", "执法情况报告"),
        subtitle: format!("{} – {}", report.from, report.to),
        manifest_sha256: None,
        sections: vec![
            Section {
                title: l("Summary", "摘要"),
                blocks: vec![Block::Fields(vec![
                    Field::new(
                        "Period (filing dates)",
                        "期间（投诉提交日期）",
                        format!("{} – {}", report.from, report.to),
                    ),
                    Field::new(
                        "Complaints filed",
                        "提交的投诉",
                        t.counts.complaints.to_string(),
                    ),
                    Field::new("Listings", "商品链接", t.counts.listings.to_string()),
                    Field::new("Takedown success", "下架成功率", pct(t.takedown_rate)),
                    Field::new(
                        "Counter-notices we won",
                        "我方胜诉的反通知",
                        pct(t.counter_success_rate),
                    ),
                    Field::new(
                        "Successful counter-notices (good-faith test)",
                        "卖家反通知成功比例（诚信计划）",
                        pct(t.successful_counter_rate),
                    ),
                    Field::new(
                        "Median days to takedown",
                        "下架天数中位数",
                        days(t.median_days_to_takedown),
                    ),
                    Field::new(
                        "Listings reinstated",
                        "恢复的商品",
                        t.counts.reinstated.to_string(),
                    ),
                    Field::new(
                        "Good-faith standing",
                        "诚信计划状态",
                        enum_name(&good_faith(t).level),
                    ),
                ])],
            },
            Section {
                title: l("Figures by group", "分组数据"),
                blocks: vec![Block::Table {
                    columns: vec![
                        l("Group", "分组"),
                        l("Complaints", "投诉"),
                        l("Listings", "链接"),
                        l("Takedown", "下架率"),
                        l("CN won", "反通知胜诉"),
                        l("CN lost", "反通知败诉"),
                        l("Median days", "中位天数"),
                        l("Reinstated", "恢复"),
                    ],
                    widths: vec![3.2, 1.1, 1.0, 1.1, 1.1, 1.1, 1.0, 1.0],
                    rows,
                }],
            },
            Section {
                title: l("Open deadlines", "未完成期限"),
                blocks: vec![Block::Table {
                    columns: vec![
                        l("Due", "截止"),
                        l("What", "事项"),
                        l("Complaint", "投诉"),
                        l("Assignee", "负责人"),
                    ],
                    widths: vec![1.7, 4.2, 1.6, 1.4],
                    rows: open
                        .iter()
                        .map(|r| {
                            let d = &r.deadline;
                            vec![
                                format!(
                                    "{} ({}){}",
                                    d.due_date,
                                    d.time_zone,
                                    if d.estimated {
                                        " estimated / 预估"
                                    } else {
                                        ""
                                    }
                                ),
                                d.title.clone(),
                                r.complaint_label.clone().unwrap_or_default(),
                                d.assignee.clone(),
                            ]
                        })
                        .collect(),
                }],
            },
        ],
    };
    let pdf = ippdesk_packet::render(&packet)
        .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
    write_whole(path, |w| w.write_all(&pdf))
}

/// A desktop notification's text.
pub struct ReminderText {
    pub title: String,
    pub body: String,
}

fn parse_name<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// "2027" or "2027, 2028".
pub fn join_years(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
