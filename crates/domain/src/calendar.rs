//! Working-day calendars (cn, us, weekdays).
//!
//! - `cn`: mainland China. Saturdays, Sundays and the public holidays that the
//!   State Council announces each year are days off; make-up working days
//!   (调休: a Saturday or Sunday declared a working day) count as working days.
//!   Each published year is one small text file, `calendars/cn-YYYY.txt`,
//!   embedded below in [`CN_YEARS`]. A year without a file is computed on
//!   weekends only and every answer that depends on it is marked *estimated*.
//! - `us`: US federal holidays, computed by rule for any year (the rules in
//!   force since 1971, applied to earlier years too): New Year's Day, Martin
//!   Luther King Jr. Day (3rd Monday of January, from 1986), Washington's
//!   Birthday (3rd Monday of February), Memorial Day (last Monday of May),
//!   Juneteenth (June 19, from 2021), Independence Day, Labor Day (1st Monday of
//!   September), Columbus Day (2nd Monday of October), Veterans Day (November
//!   11; 4th Monday of October 1971–1977), Thanksgiving (4th Thursday of
//!   November), Christmas Day. A fixed-date holiday on a Saturday is observed
//!   the Friday before (New Year's Day on a Saturday: December 31), on a Sunday
//!   the Monday after. Never estimated.
//! - `weekdays`: Monday to Friday. Never estimated.
//!
//! Data file format (one entry a line; `#` starts a comment, blank lines are
//! ignored; every date at most once and in the file's year):
//!
//! ```text
//! 2026-02-15 off 春节 Spring Festival
//! 2026-02-14 work 春节调休 Spring Festival make-up working day
//! ```
//!
//! `off` lines list every day of the holiday span the notice names, weekend
//! days included (so [`day_note`] can name them); `work` lines are make-up
//! working days and must fall on a Saturday or Sunday. The note (Chinese name
//! first, then English) is what [`day_note`] returns. A malformed line is
//! skipped at run time; the unit tests below parse every shipped file and fail
//! on any such line.
//!
//! Dates are calendar dates in the calendar's own country: converting an
//! instant to a China Standard Time date is the caller's job.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum CalendarId {
    Cn,
    Us,
    Weekdays,
}

impl CalendarId {
    pub const ALL: [CalendarId; 3] = [CalendarId::Cn, CalendarId::Us, CalendarId::Weekdays];

    pub fn as_str(self) -> &'static str {
        match self {
            CalendarId::Cn => "cn",
            CalendarId::Us => "us",
            CalendarId::Weekdays => "weekdays",
        }
    }

    /// Accepts the names `as_str` gives, ignoring case and surrounding blanks.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

/// The answer of [`add_working_days`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingDayResult {
    pub date: NaiveDate,
    /// True when a day counted or skipped on the way lies in a year whose
    /// holiday schedule is not published (computed on weekends only), so the
    /// date may move once the schedule is out.
    pub estimated: bool,
    /// Those unpublished years, ascending, e.g. `[2027]`: "the 2027 holiday
    /// schedule is not published yet".
    pub missing_years: Vec<i32>,
}

/// Whether `d` is a working day in `cal`, and whether that answer is an
/// estimate (cn only: `d` is in a year with no published schedule, so only
/// weekends were taken into account).
pub fn is_working_day(cal: CalendarId, d: NaiveDate) -> (bool, bool) {
    match cal {
        CalendarId::Weekdays => (is_weekday(d), false),
        CalendarId::Us => (is_weekday(d) && us_observed(d).is_none(), false),
        CalendarId::Cn => {
            let data = cn_data();
            if !data.published.contains(&d.year()) {
                return (is_weekday(d), true);
            }
            let working = match data.days.get(&d) {
                Some((CnKind::Work, _)) => true,
                Some((CnKind::Off, _)) => false,
                None => is_weekday(d),
            };
            (working, false)
        }
    }
}

/// The `n`-th working day strictly after `from` (`from` itself never counts,
/// whether or not it is a working day); `n == 0` returns `from`, not estimated.
///
/// The result is estimated when any day after `from` up to and including the
/// result lies in an unpublished year. Should the count run past the last date
/// chrono can represent, that date is returned, marked estimated.
pub fn add_working_days(cal: CalendarId, from: NaiveDate, n: u32) -> WorkingDayResult {
    let mut date = from;
    let mut left = n;
    let mut missing = BTreeSet::new();
    let mut overflow = false;
    while left > 0 {
        match date.succ_opt() {
            Some(next) => date = next,
            None => {
                overflow = true;
                break;
            }
        }
        let (working, estimated) = is_working_day(cal, date);
        if estimated {
            missing.insert(date.year());
        }
        if working {
            left -= 1;
        }
    }
    WorkingDayResult {
        date,
        estimated: overflow || !missing.is_empty(),
        missing_years: missing.into_iter().collect(),
    }
}

/// Years with a published schedule: for cn the years with a data file,
/// ascending; us and weekdays are rule-based (never estimated), so empty.
pub fn published_years(cal: CalendarId) -> Vec<i32> {
    match cal {
        CalendarId::Cn => cn_data().published.iter().copied().collect(),
        CalendarId::Us | CalendarId::Weekdays => Vec::new(),
    }
}

/// The named day off or make-up day, if any (for showing why a date is skipped).
///
/// cn: the note of the data file's line ("春节 Spring Festival", "春节调休 Spring
/// Festival make-up working day"). us: the holiday's name, with " (observed)"
/// on the weekday that stands in for a weekend holiday; the weekend date itself
/// gives the plain name. weekdays: always `None`.
pub fn day_note(cal: CalendarId, d: NaiveDate) -> Option<&'static str> {
    match cal {
        CalendarId::Cn => cn_data().days.get(&d).map(|(_, note)| *note),
        CalendarId::Us => us_observed(d).or_else(|| us_actual(d)),
        CalendarId::Weekdays => None,
    }
}

fn is_weekday(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

// ---------------------------------------------------------------------------
// cn: embedded data

/// Every published year of the mainland China schedule. To add a year, add
/// `calendars/cn-YYYY.txt` and one line here.
const CN_YEARS: &[(i32, &str)] = &[
    (2024, include_str!("../calendars/cn-2024.txt")),
    (2025, include_str!("../calendars/cn-2025.txt")),
    (2026, include_str!("../calendars/cn-2026.txt")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CnKind {
    Off,
    Work,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CnEntry {
    date: NaiveDate,
    kind: CnKind,
    note: &'static str,
}

/// A line of a data file that was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LineError {
    year: i32,
    /// 1-based.
    line: usize,
    message: String,
}

struct CnData {
    published: BTreeSet<i32>,
    days: HashMap<NaiveDate, (CnKind, &'static str)>,
}

fn cn_data() -> &'static CnData {
    static DATA: OnceLock<CnData> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut data = CnData {
            published: BTreeSet::new(),
            days: HashMap::new(),
        };
        for &(year, text) in CN_YEARS {
            data.published.insert(year);
            // Errors are caught by the unit tests; at run time the line is skipped.
            let (entries, _errors) = parse_cn_file(year, text);
            for e in entries {
                data.days.entry(e.date).or_insert((e.kind, e.note));
            }
        }
        data
    })
}

/// Splits off the first blank-separated word; `None` when there is no blank.
fn first_word(s: &str) -> Option<(&str, &str)> {
    s.trim_start().split_once(char::is_whitespace)
}

fn parse_cn_line(year: i32, line: &'static str) -> Result<Option<CnEntry>, String> {
    let content = line.split('#').next().unwrap_or("").trim();
    if content.is_empty() {
        return Ok(None);
    }
    let (date_s, rest) =
        first_word(content).ok_or("expected `YYYY-MM-DD off|work note`".to_string())?;
    let (kind_s, note) =
        first_word(rest).ok_or("expected a kind (off or work) and a note".to_string())?;
    let note = note.trim();
    let well_formed = date_s.len() == 10
        && date_s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let date = well_formed
        .then(|| date_s.parse::<NaiveDate>().ok())
        .flatten()
        .ok_or(format!("`{date_s}` is not a date YYYY-MM-DD"))?;
    if date.year() != year {
        return Err(format!("{date} is not in {year}"));
    }
    let kind = match kind_s {
        "off" => CnKind::Off,
        "work" => CnKind::Work,
        other => return Err(format!("kind `{other}` is neither `off` nor `work`")),
    };
    if note.is_empty() {
        return Err(format!("{date} has no note"));
    }
    if kind == CnKind::Work && is_weekday(date) {
        return Err(format!(
            "{date} is a {:?}: a make-up working day must be a Saturday or Sunday",
            date.weekday()
        ));
    }
    Ok(Some(CnEntry { date, kind, note }))
}

/// Parses one year's file: the good entries, and the lines that were skipped
/// (malformed, out of the year, or a date already listed).
fn parse_cn_file(year: i32, text: &'static str) -> (Vec<CnEntry>, Vec<LineError>) {
    let mut entries: Vec<CnEntry> = Vec::new();
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let mut fail = |message: String| {
            errors.push(LineError {
                year,
                line: i + 1,
                message,
            })
        };
        match parse_cn_line(year, line) {
            Ok(None) => {}
            Ok(Some(e)) => {
                if seen.insert(e.date) {
                    entries.push(e);
                } else {
                    fail(format!("{} is listed twice", e.date));
                }
            }
            Err(message) => fail(message),
        }
    }
    (entries, errors)
}

// ---------------------------------------------------------------------------
// us: federal holidays by rule

struct UsHoliday {
    /// The holiday itself (may fall on a weekend).
    date: NaiveDate,
    /// The day off: `date`, or the Friday before / Monday after.
    observed: NaiveDate,
    name: &'static str,
    observed_name: &'static str,
}

fn nth_weekday(year: i32, month: u32, wd: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, wd, n)
}

fn last_weekday(year: i32, month: u32, wd: Weekday) -> Option<NaiveDate> {
    nth_weekday(year, month, wd, 5).or_else(|| nth_weekday(year, month, wd, 4))
}

/// The federal holidays of `year`. The observed day of New Year's Day can be
/// December 31 of the year before.
fn us_holidays(year: i32) -> Vec<UsHoliday> {
    use Weekday::{Mon, Thu};
    let mut out = Vec::with_capacity(11);
    let mut fixed = |month: u32, day: u32, name: &'static str, observed_name: &'static str| {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            let observed = match date.weekday() {
                Weekday::Sat => date.pred_opt(),
                Weekday::Sun => date.succ_opt(),
                _ => Some(date),
            };
            if let Some(observed) = observed {
                out.push(UsHoliday {
                    date,
                    observed,
                    name,
                    observed_name,
                });
            }
        }
    };
    fixed(1, 1, "New Year's Day", "New Year's Day (observed)");
    if year >= 2021 {
        fixed(
            6,
            19,
            "Juneteenth National Independence Day",
            "Juneteenth National Independence Day (observed)",
        );
    }
    fixed(7, 4, "Independence Day", "Independence Day (observed)");
    if !(1971..=1977).contains(&year) {
        fixed(11, 11, "Veterans Day", "Veterans Day (observed)");
    }
    fixed(12, 25, "Christmas Day", "Christmas Day (observed)");
    let floating = [
        (year >= 1986)
            .then(|| nth_weekday(year, 1, Mon, 3))
            .flatten()
            .map(|d| (d, "Martin Luther King Jr. Day")),
        nth_weekday(year, 2, Mon, 3).map(|d| (d, "Washington's Birthday")),
        last_weekday(year, 5, Mon).map(|d| (d, "Memorial Day")),
        nth_weekday(year, 9, Mon, 1).map(|d| (d, "Labor Day")),
        nth_weekday(year, 10, Mon, 2).map(|d| (d, "Columbus Day")),
        (1971..=1977)
            .contains(&year)
            .then(|| nth_weekday(year, 10, Mon, 4))
            .flatten()
            .map(|d| (d, "Veterans Day")),
        nth_weekday(year, 11, Thu, 4).map(|d| (d, "Thanksgiving Day")),
    ];
    out.extend(
        floating
            .into_iter()
            .flatten()
            .map(|(date, name)| UsHoliday {
                date,
                observed: date,
                name,
                observed_name: name,
            }),
    );
    out
}

/// The holidays whose observed day could be `d`: those of its year and, for
/// December 31, next year's New Year's Day.
fn us_candidates(d: NaiveDate) -> impl Iterator<Item = UsHoliday> {
    let next = if d.month() == 12 && d.day() == 31 {
        us_holidays(d.year() + 1)
    } else {
        Vec::new()
    };
    us_holidays(d.year()).into_iter().chain(next)
}

/// The name of the federal holiday observed on `d`, if any.
fn us_observed(d: NaiveDate) -> Option<&'static str> {
    us_candidates(d).find(|h| h.observed == d).map(|h| {
        if h.observed == h.date {
            h.name
        } else {
            h.observed_name
        }
    })
}

/// The name of the federal holiday whose own date is `d`, if any.
fn us_actual(d: NaiveDate) -> Option<&'static str> {
    us_holidays(d.year())
        .into_iter()
        .find(|h| h.date == d)
        .map(|h| h.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn add(cal: CalendarId, from: &str, n: u32) -> WorkingDayResult {
        add_working_days(cal, d(from), n)
    }

    fn exact(date: &str) -> WorkingDayResult {
        WorkingDayResult {
            date: d(date),
            estimated: false,
            missing_years: vec![],
        }
    }

    /// The weekday days off of each year as the State Council notices list
    /// them, written out independently of the data files.
    const WEEKDAYS_OFF: &[(i32, &[&str])] = &[
        (
            2024,
            &[
                "01-01", "02-12", "02-13", "02-14", "02-15", "02-16", "04-04", "04-05", "05-01",
                "05-02", "05-03", "06-10", "09-16", "09-17", "10-01", "10-02", "10-03", "10-04",
                "10-07",
            ],
        ),
        (
            2025,
            &[
                "01-01", "01-28", "01-29", "01-30", "01-31", "02-03", "02-04", "04-04", "05-01",
                "05-02", "05-05", "06-02", "10-01", "10-02", "10-03", "10-06", "10-07", "10-08",
            ],
        ),
        (
            2026,
            &[
                "01-01", "01-02", "02-16", "02-17", "02-18", "02-19", "02-20", "02-23", "04-06",
                "05-01", "05-04", "05-05", "06-19", "09-25", "10-01", "10-02", "10-05", "10-06",
                "10-07",
            ],
        ),
    ];

    const MAKE_UP_DAYS: &[&str] = &[
        "2024-02-04",
        "2024-02-18",
        "2024-04-07",
        "2024-04-28",
        "2024-05-11",
        "2024-09-14",
        "2024-09-29",
        "2024-10-12",
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ];

    #[test]
    fn calendar_shipped_files_parse_cleanly() {
        let mut years = BTreeSet::new();
        let mut all_dates = BTreeSet::new();
        let mut work = BTreeSet::new();
        for &(year, text) in CN_YEARS {
            assert!(years.insert(year), "{year} is shipped twice");
            let (entries, errors) = parse_cn_file(year, text);
            assert_eq!(errors, vec![], "cn-{year}.txt has malformed lines");
            assert!(!entries.is_empty(), "cn-{year}.txt is empty");
            let mut weekday_off = BTreeSet::new();
            for e in &entries {
                assert_eq!(e.date.year(), year, "{} in cn-{year}.txt", e.date);
                assert!(all_dates.insert(e.date), "{} listed twice", e.date);
                assert!(!e.note.trim().is_empty(), "{} has no note", e.date);
                match e.kind {
                    CnKind::Work => {
                        assert!(
                            !is_weekday(e.date),
                            "make-up day {} is not a Saturday or Sunday",
                            e.date
                        );
                        work.insert(e.date);
                    }
                    CnKind::Off => {
                        if is_weekday(e.date) {
                            weekday_off.insert(e.date);
                        }
                    }
                }
            }
            let expected: BTreeSet<NaiveDate> = WEEKDAYS_OFF
                .iter()
                .find(|(y, _)| *y == year)
                .map(|(_, days)| days.iter().map(|md| d(&format!("{year}-{md}"))).collect())
                .unwrap_or_else(|| panic!("no expected weekday days off for {year}"));
            assert_eq!(weekday_off, expected, "weekday days off of {year}");
        }
        let expected_work: BTreeSet<NaiveDate> = MAKE_UP_DAYS.iter().map(|s| d(s)).collect();
        assert_eq!(work, expected_work);
        assert_eq!(published_years(CalendarId::Cn), vec![2024, 2025, 2026]);
        assert_eq!(
            cn_data().days.len(),
            all_dates.len(),
            "every parsed entry is loaded"
        );
    }

    #[test]
    fn calendar_parser_rejects_malformed_lines() {
        let text = "# header\n\
                    \n\
                    2026-02-15 off 春节 Spring Festival   # trailing comment\n\
                    2026-02-14 work 春节调休\n\
                    2026-2-16 off 春节\n\
                    2026-02-30 off 春节\n\
                    2026-02-17 holiday 春节\n\
                    2026-02-18 off\n\
                    2026-02-19 off   \n\
                    2026-02-16 work 春节调休\n\
                    2025-02-17 off 春节\n\
                    2026-02-15 off 春节 again\n\
                    garbage\n";
        let (entries, errors) = parse_cn_file(2026, text);
        assert_eq!(
            entries,
            vec![
                CnEntry {
                    date: d("2026-02-15"),
                    kind: CnKind::Off,
                    note: "春节 Spring Festival"
                },
                CnEntry {
                    date: d("2026-02-14"),
                    kind: CnKind::Work,
                    note: "春节调休"
                },
            ]
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![5, 6, 7, 8, 9, 10, 11, 12, 13], "{errors:#?}");
    }

    #[test]
    fn calendar_cn_national_day_2026_example() {
        // 2026-09-28 (Mon) + 3: 09-29, 09-30, then 10-01..10-07 off, 10-08.
        assert_eq!(add(CalendarId::Cn, "2026-09-28", 3), exact("2026-10-08"));
        assert_eq!(add(CalendarId::Cn, "2026-09-28", 4), exact("2026-10-09"));
        // 2026-10-10 is a make-up Saturday.
        assert_eq!(add(CalendarId::Cn, "2026-09-28", 5), exact("2026-10-10"));
        assert_eq!(add(CalendarId::Cn, "2026-09-28", 6), exact("2026-10-12"));
    }

    #[test]
    fn calendar_cn_make_up_days_count() {
        for s in MAKE_UP_DAYS {
            assert_eq!(
                is_working_day(CalendarId::Cn, d(s)),
                (true, false),
                "{s} is a make-up working day"
            );
            // Starting the day before, the make-up day is the first working day.
            let before = d(s).pred_opt().unwrap();
            assert_eq!(add_working_days(CalendarId::Cn, before, 1), exact(s));
            assert!(day_note(CalendarId::Cn, d(s)).unwrap().contains("调休"));
        }
        // 2026-09-19 (Sat) + 1: the make-up Sunday 09-20.
        assert_eq!(add(CalendarId::Cn, "2026-09-18", 1), exact("2026-09-20"));
        // Make-up days are also counted across the Spring Festival 2026.
        // 02-13 (Fri) + 1: Sat 02-14 is a working day; then 02-15..02-23 off.
        assert_eq!(add(CalendarId::Cn, "2026-02-13", 1), exact("2026-02-14"));
        assert_eq!(add(CalendarId::Cn, "2026-02-13", 2), exact("2026-02-24"));
    }

    #[test]
    fn calendar_from_never_counts_and_zero_returns_from() {
        // From a holiday, a make-up day, a working day: D itself never counts.
        assert_eq!(add(CalendarId::Cn, "2026-10-03", 1), exact("2026-10-08"));
        assert_eq!(add(CalendarId::Cn, "2026-10-10", 1), exact("2026-10-12"));
        assert_eq!(add(CalendarId::Cn, "2026-10-08", 1), exact("2026-10-09"));
        assert_eq!(add(CalendarId::Cn, "2026-10-03", 0), exact("2026-10-03"));
        assert_eq!(add(CalendarId::Us, "2025-12-25", 0), exact("2025-12-25"));
        assert_eq!(
            add(CalendarId::Weekdays, "2025-12-27", 0),
            exact("2025-12-27")
        );
        // n = 0 in an unpublished year: the answer is exact.
        assert_eq!(add(CalendarId::Cn, "2027-10-01", 0), exact("2027-10-01"));
    }

    #[test]
    fn calendar_cn_unpublished_years_are_estimated() {
        // 2026-12-28 (Mon) + 5: 29, 30, 31, then 2027-01-01 (weekends only) and 01-04.
        assert_eq!(
            add(CalendarId::Cn, "2026-12-28", 5),
            WorkingDayResult {
                date: d("2027-01-04"),
                estimated: true,
                missing_years: vec![2027],
            }
        );
        // Still entirely within 2026: exact.
        assert_eq!(add(CalendarId::Cn, "2026-12-28", 3), exact("2026-12-31"));
        assert_eq!(
            is_working_day(CalendarId::Cn, d("2027-10-01")),
            (true, true)
        );
        assert_eq!(
            is_working_day(CalendarId::Cn, d("2027-10-02")),
            (false, true)
        );
        assert_eq!(
            is_working_day(CalendarId::Cn, d("2023-12-29")),
            (true, true)
        );
        assert_eq!(day_note(CalendarId::Cn, d("2027-10-01")), None);
        // From 2023 into 2024: only 2023 is missing.
        assert_eq!(
            add(CalendarId::Cn, "2023-12-28", 2),
            WorkingDayResult {
                date: d("2024-01-02"),
                estimated: true,
                missing_years: vec![2023],
            }
        );
        // Across several unpublished years.
        let r = add(CalendarId::Cn, "2026-12-30", 600);
        assert!(r.estimated);
        assert_eq!(r.missing_years, vec![2027, 2028, 2029]);
    }

    #[test]
    fn calendar_day_notes() {
        assert_eq!(
            day_note(CalendarId::Cn, d("2026-02-15")),
            Some("春节 Spring Festival")
        );
        assert_eq!(
            day_note(CalendarId::Cn, d("2026-02-14")),
            Some("春节调休 Spring Festival make-up working day")
        );
        assert_eq!(day_note(CalendarId::Cn, d("2026-03-02")), None);
        assert_eq!(day_note(CalendarId::Weekdays, d("2026-10-01")), None);
        assert_eq!(
            day_note(CalendarId::Us, d("2026-07-03")),
            Some("Independence Day (observed)")
        );
        assert_eq!(
            day_note(CalendarId::Us, d("2026-07-04")),
            Some("Independence Day")
        );
        assert_eq!(
            day_note(CalendarId::Us, d("2021-12-31")),
            Some("New Year's Day (observed)")
        );
        assert_eq!(
            day_note(CalendarId::Us, d("2025-11-27")),
            Some("Thanksgiving Day")
        );
        assert_eq!(day_note(CalendarId::Us, d("2025-11-28")), None);
    }

    #[test]
    fn calendar_us_rules() {
        let off = |s: &str| assert_eq!(is_working_day(CalendarId::Us, d(s)), (false, false), "{s}");
        let on = |s: &str| assert_eq!(is_working_day(CalendarId::Us, d(s)), (true, false), "{s}");
        // 2025: every federal holiday on its weekday.
        for s in [
            "2025-01-01",
            "2025-01-20",
            "2025-02-17",
            "2025-05-26",
            "2025-06-19",
            "2025-07-04",
            "2025-09-01",
            "2025-10-13",
            "2025-11-11",
            "2025-11-27",
            "2025-12-25",
        ] {
            off(s);
        }
        on("2025-11-28");
        on("2025-12-24");
        // Saturday holidays: Friday before; Sunday holidays: Monday after.
        off("2026-07-03");
        off("2021-06-18");
        off("2022-06-20");
        off("2021-12-31");
        off("2023-01-02");
        off("2023-11-10");
        on("2020-06-19"); // before Juneteenth was a federal holiday
        on("1985-01-21"); // before MLK Day
        off("1975-10-27"); // Veterans Day on the 4th Monday of October
        on("1975-11-11");
        assert_eq!(add(CalendarId::Us, "2025-11-26", 1), exact("2025-11-28"));
        assert_eq!(add(CalendarId::Us, "2021-12-23", 1), exact("2021-12-27"));
        assert_eq!(add(CalendarId::Us, "2021-12-30", 1), exact("2022-01-03"));
        assert!(published_years(CalendarId::Us).is_empty());
    }

    #[test]
    fn calendar_weekdays() {
        assert_eq!(
            add(CalendarId::Weekdays, "2026-10-01", 3),
            exact("2026-10-06")
        );
        assert_eq!(
            add(CalendarId::Weekdays, "2026-10-03", 1),
            exact("2026-10-05")
        );
        assert_eq!(
            add(CalendarId::Weekdays, "2027-12-31", 1),
            exact("2028-01-03")
        );
        assert!(published_years(CalendarId::Weekdays).is_empty());
    }

    #[test]
    fn calendar_ids_round_trip() {
        for c in CalendarId::ALL {
            assert_eq!(CalendarId::parse(c.as_str()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        assert_eq!(CalendarId::parse(" CN "), Some(CalendarId::Cn));
        assert_eq!(CalendarId::parse("uk"), None);
        let r = add(CalendarId::Cn, "2026-12-28", 5);
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({"date": "2027-01-04", "estimated": true, "missing_years": [2027]})
        );
    }

    #[test]
    fn calendar_saturates_at_the_end_of_time() {
        let last = NaiveDate::MAX;
        let start = last.checked_sub_days(chrono::Days::new(3)).unwrap();
        let r = add_working_days(CalendarId::Weekdays, start, 10);
        assert_eq!(r.date, last);
        assert!(r.estimated);
    }
}
