#!/usr/bin/env python3
"""Write crates/domain/tests/calendar_cases.tsv: working-day cases computed
independently of the Rust engine (crates/domain/src/calendar.rs).

- cn: stepped with the PyPI package `chinese_calendar` (it encodes the State
  Council notices) for the published years 2024-2026; any other year is
  computed on weekends only and the case is marked estimated.
- us: the PyPI package `holidays` (holidays.US(observed=True)), restricted to
  the 11 federal holidays; a name outside that list stops the script.
- weekdays: Monday to Friday.

"N working days after D" is the N-th working day strictly after D; N = 0
returns D (not estimated). A cn result is estimated when any day after D up to
the result lies outside the published years.

Usage: pip install chinese_calendar holidays && python3 tools/gen-calendar-cases.py
Deterministic: fixed seed, sorted output.
"""

import datetime as dt
import random
import sys
from pathlib import Path

import chinese_calendar
import holidays

OUT = Path(__file__).resolve().parent.parent / "crates/domain/tests/calendar_cases.tsv"
SEED = 20260928
CN_PUBLISHED = (2024, 2025, 2026)  # years the Rust crate ships a data file for
US_YEARS = range(1971, 2061)
US_FEDERAL = {
    "New Year's Day",
    "Martin Luther King Jr. Day",
    "Washington's Birthday",
    "Memorial Day",
    "Juneteenth National Independence Day",
    "Independence Day",
    "Labor Day",
    "Columbus Day",
    "Veterans Day",
    "Thanksgiving Day",
    "Christmas Day",
}
ONE = dt.timedelta(days=1)


def date(s):
    return dt.date.fromisoformat(s)


def weekday(d):
    return d.weekday() < 5


# --- cn ---------------------------------------------------------------------


def cn_is_workday(d):
    """(working, estimated)"""
    if d.year in CN_PUBLISHED:
        return chinese_calendar.is_workday(d), False
    return weekday(d), True


def cn_make_up_days():
    return [
        d
        for y in CN_PUBLISHED
        for d in chinese_calendar.get_dates(dt.date(y, 1, 1), dt.date(y, 12, 31))
        if not weekday(d) and chinese_calendar.is_workday(d)
    ]


def cn_holidays(name):
    """Every day of the named holiday (e.g. 'Spring Festival') in the published years."""
    out = []
    for y in CN_PUBLISHED:
        for d in chinese_calendar.get_dates(dt.date(y, 1, 1), dt.date(y, 12, 31)):
            on_holiday, holiday = chinese_calendar.get_holiday_detail(d)
            if on_holiday and holiday == name:
                out.append(d)
    return out


# --- us ---------------------------------------------------------------------


def us_days_off():
    us = holidays.US(years=US_YEARS, observed=True)
    off = set()
    for d, names in us.items():
        for name in names.split("; "):
            base = name.removesuffix(" (observed)")
            if base not in US_FEDERAL:
                sys.exit(f"unexpected US holiday {name!r} on {d}: update US_FEDERAL")
        off.add(d)
    return off


US_OFF = us_days_off()


def us_is_workday(d):
    if d.year not in US_YEARS and not (d.year == US_YEARS.start - 1 and d.month == 12):
        sys.exit(f"{d} is outside the US years covered")
    return weekday(d) and d not in US_OFF, False


# --- stepping ---------------------------------------------------------------

CALENDARS = {"cn": cn_is_workday, "us": us_is_workday, "weekdays": lambda d: (weekday(d), False)}


def add_working_days(cal, start, n):
    is_workday = CALENDARS[cal]
    d, left, estimated = start, n, False
    while left > 0:
        d += ONE
        working, est = is_workday(d)
        estimated |= est
        if working:
            left -= 1
    return d, estimated


def main():
    rng = random.Random(SEED)
    cases = []  # (calendar, from, n)

    def case(cal, start, n):
        cases.append((cal, start, n))

    def around(cal, days, before, after, ns):
        for center in days:
            for k in range(-before, after + 1):
                for n in ns:
                    case(cal, center + k * ONE, n)

    # cn: the example of the issue.
    case("cn", date("2026-09-28"), 3)
    # cn: make-up Saturdays/Sundays: start on them, the days before, the days after.
    make_up = cn_make_up_days()
    around("cn", make_up, 2, 1, (1, 2))
    for m in make_up:
        case("cn", m, 0)
        case("cn", m, 5)
    # cn: the Spring Festival and National Day weeks of each year, every start
    # from 3 days before to 2 days after, starts on holidays included.
    for name in ("Spring Festival", "National Day"):
        days = cn_holidays(name)
        by_year = {}
        for d in days:
            by_year.setdefault(d.year, []).append(d)
        for y, ds in sorted(by_year.items()):
            first, last = min(ds), max(ds)
            d = first - 3 * ONE
            while d <= last + 2 * ONE:
                case("cn", d, 1)
                case("cn", d, 3)
                d += ONE
    # cn: starts on every other holiday (New Year, Qingming, Labour Day, ...).
    for name in ("New Year's Day", "Tomb-sweeping Day", "Labour Day", "Dragon Boat Festival",
                 "Mid-autumn Festival"):
        for d in cn_holidays(name):
            case("cn", d, 1)
            case("cn", d, 4)
    # cn: year boundaries, late December into January (2026 -> unpublished 2027).
    for y in (2023, 2024, 2025, 2026, 2027):
        for day in range(24, 32):
            for n in (1, 3, 5, 8):
                case("cn", dt.date(y, 12, day), n)
    case("cn", date("2026-12-28"), 5)
    # cn: unpublished 2027 (weekends only, estimated).
    for _ in range(25):
        case("cn", dt.date(2027, 1, 1) + rng.randrange(365) * ONE, rng.randrange(0, 31))
    # cn, us, weekdays: every n from 0 to 30 from a few starts.
    for cal, start in (("cn", "2024-02-08"), ("cn", "2026-09-25"), ("cn", "2025-09-26"),
                       ("us", "2025-11-20"), ("us", "2027-12-20"), ("weekdays", "2026-02-12")):
        for n in range(31):
            case(cal, date(start), n)
    # cn: random starts over 2024-2027.
    for _ in range(120):
        case("cn", dt.date(2024, 1, 1) + rng.randrange(4 * 365) * ONE, rng.randrange(0, 31))
    # cn: long spans crossing several years.
    for start, n in (("2024-01-02", 250), ("2024-06-03", 400), ("2025-12-01", 300)):
        case("cn", date(start), n)

    # us: Thanksgiving week, Christmas/New Year (observed dates), Juneteenth on
    # a weekend (2021 Sat, 2022 Sun, 2027 Sat), Independence Day 2026 (Sat).
    for y in range(2021, 2031):
        thanksgiving = max(d for d in US_OFF if d.year == y and d.month == 11 and d.weekday() == 3)
        around("us", [thanksgiving], 2, 2, (1, 2))
    for y in (2021, 2022, 2023, 2025, 2026, 2027, 2028):
        d = dt.date(y, 12, 20)
        while d <= dt.date(y + 1, 1, 3):
            case("us", d, 1)
            case("us", d, 3)
            d += ONE
    around("us", [date("2021-06-19"), date("2022-06-19"), date("2027-06-19")], 2, 2, (1,))
    around("us", [date("2026-07-04"), date("2027-07-04")], 2, 2, (1,))
    for s in ("1975-10-24", "1975-11-10", "1986-01-17", "2020-06-18", "2023-11-09"):
        case("us", date(s), 1)
    for _ in range(40):
        case("us", dt.date(2020, 1, 1) + rng.randrange(12 * 365) * ONE, rng.randrange(0, 31))

    # weekdays.
    for s in ("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2027-12-31"):
        for n in (0, 1, 5):
            case("weekdays", date(s), n)
    for _ in range(25):
        case("weekdays", dt.date(2024, 1, 1) + rng.randrange(6 * 365) * ONE, rng.randrange(0, 31))

    seen = set()
    rows = []
    for cal, start, n in cases:
        if (cal, start, n) in seen:
            continue
        seen.add((cal, start, n))
        expected, estimated = add_working_days(cal, start, n)
        rows.append((cal, start.isoformat(), n, expected.isoformat(), str(estimated).lower()))
    rows.sort(key=lambda r: (list(CALENDARS).index(r[0]), r[1], r[2]))

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by tools/gen-calendar-cases.py (chinese_calendar "
                f"{chinese_calendar.__version__}, holidays {holidays.__version__}); do not edit.\n")
        f.write("calendar\tfrom\tn\texpected\testimated\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    counts = {c: sum(1 for r in rows if r[0] == c) for c in CALENDARS}
    est = sum(1 for r in rows if r[4] == "true")
    print(f"wrote {len(rows)} cases to {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}: "
          f"{counts}, {est} estimated")


if __name__ == "__main__":
    main()
