//! Checks `add_working_days` against `calendar_cases.tsv`, a table computed
//! independently by `tools/gen-calendar-cases.py` (PyPI `chinese_calendar` for
//! cn, `holidays` for us). Every mismatch is reported at once.

use chrono::NaiveDate;
use ippdesk_domain::{add_working_days, CalendarId};

const CASES: &str = include_str!("calendar_cases.tsv");
const HEADER: &str = "calendar\tfrom\tn\texpected\testimated";

struct Case {
    line: usize,
    calendar: CalendarId,
    from: NaiveDate,
    n: u32,
    expected: NaiveDate,
    estimated: bool,
}

fn parse_row(line: usize, row: &str) -> Result<Case, String> {
    let cols: Vec<&str> = row.split('\t').collect();
    let [calendar, from, n, expected, estimated] = cols.as_slice() else {
        return Err(format!("expected 5 columns, got {}", cols.len()));
    };
    let date = |s: &str| {
        s.parse::<NaiveDate>()
            .map_err(|e| format!("bad date {s:?}: {e}"))
    };
    Ok(Case {
        line,
        calendar: CalendarId::parse(calendar).ok_or(format!("unknown calendar {calendar:?}"))?,
        from: date(from)?,
        n: n.parse().map_err(|e| format!("bad n {n:?}: {e}"))?,
        expected: date(expected)?,
        estimated: match *estimated {
            "true" => true,
            "false" => false,
            other => return Err(format!("bad estimated {other:?}")),
        },
    })
}

#[test]
fn calendar_cases_match_the_independent_table() {
    let mut header_seen = false;
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in CASES.lines().enumerate() {
        let line = i + 1;
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        if !header_seen {
            assert_eq!(row, HEADER, "line {line}: header");
            header_seen = true;
            continue;
        }
        match parse_row(line, row) {
            Ok(c) => cases.push(c),
            Err(e) => problems.push(format!("line {line}: {e}: {row:?}")),
        }
    }
    assert!(header_seen, "calendar_cases.tsv has no header");
    assert!(
        cases.len() >= 300,
        "only {} cases in calendar_cases.tsv",
        cases.len()
    );

    for c in &cases {
        let got = add_working_days(c.calendar, c.from, c.n);
        if got.date != c.expected || got.estimated != c.estimated {
            problems.push(format!(
                "line {}: {} {} + {}: expected {} (estimated {}), got {} (estimated {}, missing {:?})",
                c.line,
                c.calendar.as_str(),
                c.from,
                c.n,
                c.expected,
                c.estimated,
                got.date,
                got.estimated,
                got.missing_years
            ));
        } else if got.estimated == got.missing_years.is_empty() {
            problems.push(format!(
                "line {}: estimated {} but missing_years {:?}",
                c.line, got.estimated, got.missing_years
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} cases fail:\n{}",
        problems.len(),
        cases.len(),
        problems.join("\n")
    );
}

#[test]
fn calendar_cases_cover_what_the_issue_asks_for() {
    let has = |cal: &str, from: &str, n: u32| {
        CASES
            .lines()
            .any(|l| l.starts_with(&format!("{cal}\t{from}\t{n}\t")))
    };
    assert!(has("cn", "2026-09-28", 3));
    assert!(has("cn", "2026-12-28", 5));
    for cal in ["cn", "us", "weekdays"] {
        assert!(
            CASES.lines().any(|l| l.starts_with(&format!("{cal}\t"))),
            "no {cal} cases"
        );
    }
    assert!(CASES.lines().any(|l| l.starts_with("cn\t2027-")));
}
