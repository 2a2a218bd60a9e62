//! Deadline rules as data, and their evaluation.
//!
//! A rule says: when `trigger` happens on one of `platforms` (any platform when
//! empty), something is due `offset` working or calendar days later (earlier,
//! when negative: "90 days before the right expires"), counted on `calendar`;
//! the deadline is the **end of that day in `time_zone`** (Asia/Shanghai for
//! IPP), stored as an instant so the UI can show it in the user's local time.
//! The shipped defaults ([`default_rules`]) are practitioners' defaults that a
//! user should confirm; settings edit them and the store keeps every version.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    add_working_days, is_working_day, CalendarId, Checker, FieldError, FieldErrorCode, Platform,
    RightKind, MAX_COUNTER_ROUND,
};

/// The SPC Reply on online IP disputes (法释〔2020〕9号, art. 3): days lost to
/// notarization or legalization do not count, up to 20 working days.
pub const MAX_EXTENSION_DAYS: u32 = 20;

/// What starts the clock.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEvent {
    /// The complaint was filed.
    ComplaintFiled,
    /// The platform notified the seller of the complaint: its date once
    /// recorded, until then the filing date (the deadline is an estimate).
    SellerNotified,
    /// A seller's counter-notice (statement) was forwarded to us.
    CounterNoticeReceived,
    /// An IP right's expiry date (offsets are usually negative).
    RightExpiry,
    /// A power of attorney's end date.
    PoaExpiry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    WorkingDays,
    CalendarDays,
}

/// What closes a rule's deadline by itself (the user can always tick it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum DoneWhen {
    /// Only the user marks it done.
    Manual,
    /// Our response to the counter-notice is recorded.
    Responded,
    /// The platform's decision on the counter-notice is recorded.
    Decided,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeadlineRule {
    /// Stable name, e.g. `ipp_reply_counter_notice`.
    pub key: String,
    /// What is due, shown on the dashboard ("Reply to the counter-notice").
    pub due: String,
    pub trigger: TriggerEvent,
    /// Platforms the rule applies to; empty means every platform.
    pub platforms: Vec<Platform>,
    pub offset: i32,
    pub unit: OffsetUnit,
    pub calendar: CalendarId,
    /// An IANA time zone name, e.g. `Asia/Shanghai`.
    pub time_zone: String,
    pub enabled: bool,
    pub done_when: DoneWhen,
    /// Where the figure comes from, and whether it is confirmed.
    pub source: String,
    /// Kinds of right it applies to (the complaint's right); empty means
    /// every kind. DMCA clocks run for copyright only.
    #[serde(default)]
    pub right_kinds: Vec<RightKind>,
    /// Counter-notice rounds it applies to; empty means every round. Later
    /// rounds may have longer windows.
    #[serde(default)]
    pub rounds: Vec<u32>,
    /// A last day that is not a working day on `calendar` moves to the next
    /// working day (PRC Civil Code art. 203).
    #[serde(default)]
    pub last_day_moves: bool,
    /// Working days the user may add for delays they could not control
    /// (notarization, legalization); 0 when the rule allows none.
    #[serde(default)]
    pub max_extension_days: u32,
}

/// What happened, for choosing the rules that apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occasion {
    pub trigger: TriggerEvent,
    pub platform: Option<Platform>,
    /// The kind of the right behind the complaint, when there is one.
    pub right_kind: Option<RightKind>,
    /// The counter-notice's round, for a counter-notice.
    pub round: Option<u32>,
}

/// A rule as stored: its version grows by one with each edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VersionedRule {
    #[serde(flatten)]
    pub rule: DeadlineRule,
    pub version: u32,
    pub changed_at: DateTime<Utc>,
    /// False once the user has edited the shipped default.
    pub is_default: bool,
}

/// When something is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDate {
    /// The due day in the rule's time zone.
    pub date: NaiveDate,
    /// The end of that day (23:59:59 in the rule's time zone), as an instant.
    pub due_at: DateTime<Utc>,
    /// The day lies after a year whose holiday schedule is not published.
    pub estimated: bool,
    pub missing_years: Vec<i32>,
}

impl DeadlineRule {
    pub fn applies_to(&self, o: &Occasion) -> bool {
        fn within<T: PartialEq>(list: &[T], value: Option<T>) -> bool {
            list.is_empty() || value.is_some_and(|v| list.contains(&v))
        }
        self.enabled
            && self.trigger == o.trigger
            && within(&self.platforms, o.platform)
            && within(&self.right_kinds, o.right_kind)
            && within(&self.rounds, o.round)
    }

    pub fn tz(&self) -> Option<Tz> {
        self.time_zone.parse().ok()
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("key", &self.key);
        c.required("due", &self.due);
        if self.tz().is_none() {
            c.add(
                "time_zone",
                FieldErrorCode::Invalid,
                format!(
                    "'{}' is not a time zone name such as Asia/Shanghai.",
                    self.time_zone
                ),
            );
        }
        if self.unit == OffsetUnit::WorkingDays && self.offset < 0 {
            c.add(
                "offset",
                FieldErrorCode::OutOfRange,
                "Working days count forward only; use calendar days for 'before'.",
            );
        }
        if self
            .rounds
            .iter()
            .any(|r| *r == 0 || *r > MAX_COUNTER_ROUND)
        {
            c.add(
                "rounds",
                FieldErrorCode::OutOfRange,
                format!("Rounds run from 1 to {MAX_COUNTER_ROUND}."),
            );
        }
        if self.max_extension_days > MAX_EXTENSION_DAYS {
            c.add(
                "max_extension_days",
                FieldErrorCode::OutOfRange,
                format!("Allow at most {MAX_EXTENSION_DAYS} working days of extension."),
            );
        }
        if self.offset.abs() > 3660 {
            c.add(
                "offset",
                FieldErrorCode::OutOfRange,
                "Use an offset of at most 3660 days.",
            );
        }
        c.finish()
    }

    /// The due day for an event that happened at `at` (converted to the
    /// rule's time zone first: 2026-09-28 01:00 UTC is 09:00 in Shanghai).
    pub fn due_after(&self, at: DateTime<Utc>) -> Option<DueDate> {
        self.due_after_extended(at, 0)
    }

    /// As [`Self::due_after`], with `extension` working days added after the
    /// last day (at most the rule's `max_extension_days`).
    pub fn due_after_extended(&self, at: DateTime<Utc>, extension: u32) -> Option<DueDate> {
        let tz = self.tz()?;
        self.due_after_day_extended(at.with_timezone(&tz).date_naive(), extension)
    }

    /// The due day for an event on calendar day `day` (an expiry date).
    pub fn due_after_day(&self, day: NaiveDate) -> Option<DueDate> {
        self.due_after_day_extended(day, 0)
    }

    fn due_after_day_extended(&self, day: NaiveDate, extension: u32) -> Option<DueDate> {
        let tz = self.tz()?;
        let (mut date, mut estimated, mut missing_years) = match self.unit {
            OffsetUnit::WorkingDays => {
                let r = add_working_days(self.calendar, day, self.offset.max(0) as u32);
                (r.date, r.estimated, r.missing_years)
            }
            OffsetUnit::CalendarDays => {
                let n = Days::new(self.offset.unsigned_abs() as u64);
                let date = if self.offset >= 0 {
                    day.checked_add_days(n)
                } else {
                    day.checked_sub_days(n)
                }?;
                (date, false, Vec::new())
            }
        };
        let cal = self.calendar;
        let mut later = |days: u32, from: NaiveDate, guessed: bool| {
            let r = add_working_days(cal, from, days);
            if guessed || r.estimated {
                // A day in a year whose holidays are not published yet.
                estimated = true;
                missing_years.extend(r.missing_years);
                if guessed {
                    missing_years.push(from.year());
                }
            }
            r.date
        };
        if self.last_day_moves {
            let (working, guessed) = is_working_day(cal, date);
            date = later(u32::from(!working), date, guessed);
        }
        let extension = extension.min(self.max_extension_days);
        if extension > 0 {
            date = later(extension, date, false);
        }
        missing_years.sort_unstable();
        missing_years.dedup();
        Some(DueDate {
            date,
            due_at: end_of_day(tz, date)?,
            estimated,
            missing_years,
        })
    }
}

/// 23:59:59 of `date` in `tz`, as an instant. Where a clock change makes that
/// time ambiguous the later instant is taken; where it does not exist (never
/// at 23:59 in practice) the day's midnight after is used, less one second.
pub fn end_of_day(tz: Tz, date: NaiveDate) -> Option<DateTime<Utc>> {
    let local = date.and_hms_opt(23, 59, 59)?;
    match tz.from_local_datetime(&local).latest() {
        Some(t) => Some(t.with_timezone(&Utc)),
        None => {
            let midnight = date.succ_opt()?.and_hms_opt(0, 0, 0)?;
            let t = tz.from_local_datetime(&midnight).earliest()?;
            Some(t.with_timezone(&Utc) - chrono::Duration::seconds(1))
        }
    }
}

/// Alibaba's IPP platforms, and the ones under PRC E-Commerce Law art. 43.
const IPP: &[Platform] = &[
    Platform::Alibaba1688,
    Platform::AliExpress,
    Platform::Taobao,
    Platform::Tmall,
    Platform::TmallGlobal,
    Platform::AlibabaCom,
    Platform::Lazada,
    Platform::Xianyu,
    Platform::Daraz,
];
const PRC_DOMESTIC: &[Platform] = &[
    Platform::Alibaba1688,
    Platform::Taobao,
    Platform::Tmall,
    Platform::TmallGlobal,
    Platform::Xianyu,
];

/// The shipped defaults. They are defaults, not law: the settings page says so
/// and asks the user to confirm them.
pub fn default_rules() -> Vec<DeadlineRule> {
    #[allow(clippy::too_many_arguments)]
    fn rule(
        key: &str,
        due: &str,
        trigger: TriggerEvent,
        platforms: &[Platform],
        offset: i32,
        unit: OffsetUnit,
        calendar: CalendarId,
        time_zone: &str,
        done_when: DoneWhen,
        source: &str,
    ) -> DeadlineRule {
        DeadlineRule {
            key: key.into(),
            due: due.into(),
            trigger,
            platforms: platforms.to_vec(),
            offset,
            unit,
            calendar,
            time_zone: time_zone.into(),
            enabled: true,
            done_when,
            source: source.into(),
            right_kinds: Vec::new(),
            rounds: Vec::new(),
            last_day_moves: false,
            max_extension_days: 0,
        }
    }
    use CalendarId::*;
    use DoneWhen::*;
    use OffsetUnit::*;
    use TriggerEvent::*;
    let mut rules = vec![
        rule(
            "ipp_seller_counter_notice_window",
            "Seller's counter-notice window closes: check the listings",
            SellerNotified,
            IPP,
            3,
            WorkingDays,
            Cn,
            "Asia/Shanghai",
            Manual,
            "Practitioners' default for IPP (3 working days from when the seller is notified, \
             not from filing); confirm with the platform.",
        ),
        rule(
            "ipp_reply_counter_notice",
            "Reply to the counter-notice with more evidence",
            CounterNoticeReceived,
            IPP,
            3,
            WorkingDays,
            Cn,
            "Asia/Shanghai",
            Responded,
            "Practitioners' default for IPP (3 working days), unconfirmed by Alibaba.",
        ),
        rule(
            "prc_ecommerce_art43",
            "Art. 43: file a formal complaint or lawsuit, or the takedown is lifted",
            CounterNoticeReceived,
            PRC_DOMESTIC,
            15,
            CalendarDays,
            Cn,
            "Asia/Shanghai",
            Decided,
            "PRC E-Commerce Law art. 43: 15 days after the seller's statement is forwarded. \
             Civil Code art. 203: a last day on a holiday or weekend moves to the next working day. \
             SPC Reply (法释〔2020〕9号) art. 3: up to 20 working days lost to notarization or \
             legalization do not count.",
        ),
        rule(
            "dmca_restore",
            "DMCA 512(g): the listing is restored unless suit is filed",
            CounterNoticeReceived,
            &[Platform::Amazon, Platform::Other],
            10,
            WorkingDays,
            Us,
            "America/New_York",
            Decided,
            "17 U.S.C. 512(g): restored 10 to 14 business days after the counter-notice; \
             copyright only (a trademark report has no statutory restore clock).",
        ),
        rule(
            "ebay_vero_restore",
            "eBay VeRO: the listing is restored unless suit is filed",
            CounterNoticeReceived,
            &[Platform::Ebay],
            10,
            WorkingDays,
            Us,
            "America/Los_Angeles",
            Decided,
            "eBay VeRO: copyright follows the DMCA, 10 business days after the seller's \
             counter-notice; a trademark report has no statutory restore clock.",
        ),
        rule(
            "right_expiry_90",
            "Start renewing the IP right (90 days before it expires)",
            RightExpiry,
            &[],
            -90,
            CalendarDays,
            Weekdays,
            "UTC",
            Manual,
            "House rule: start renewal 90 days ahead; IPP needs the new certificate.",
        ),
        rule(
            "right_expiry_30",
            "Upload the renewal to IPP (30 days before the right expires)",
            RightExpiry,
            &[],
            -30,
            CalendarDays,
            Weekdays,
            "UTC",
            Manual,
            "House rule: last reminder 30 days ahead.",
        ),
        rule(
            "poa_expiry",
            "Renew the power of attorney (30 days before it ends)",
            PoaExpiry,
            &[],
            -30,
            CalendarDays,
            Weekdays,
            "UTC",
            Manual,
            "House rule: an agent cannot file without a valid power of attorney.",
        ),
    ];
    for r in &mut rules {
        match r.key.as_str() {
            "prc_ecommerce_art43" => {
                r.last_day_moves = true;
                r.max_extension_days = MAX_EXTENSION_DAYS;
            }
            "dmca_restore" | "ebay_vero_restore" => r.right_kinds = vec![RightKind::Copyright],
            _ => {}
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn rule(key: &str) -> DeadlineRule {
        default_rules().into_iter().find(|r| r.key == key).unwrap()
    }
    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn defaults_are_valid_and_unique() {
        let rules = default_rules();
        for r in &rules {
            assert_eq!(r.validate(), Ok(()), "{}", r.key);
        }
        let mut keys: Vec<_> = rules.iter().map(|r| r.key.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), rules.len());
    }

    #[test]
    fn reply_to_a_counter_notice_received_before_national_day() {
        // 2026-09-28 10:00 China time: Tue 29, Wed 30 count, 1–7 October are
        // off, Thu 8 is the third working day; due at its end, China time.
        let due = rule("ipp_reply_counter_notice")
            .due_after(utc("2026-09-28T10:00:00+08:00"))
            .unwrap();
        assert_eq!(due.date, d("2026-10-08"));
        assert_eq!(due.due_at, utc("2026-10-08T23:59:59+08:00"));
        assert!(!due.estimated);
    }

    #[test]
    fn the_event_day_is_taken_in_the_rules_time_zone() {
        // 2026-09-27 20:00 UTC is already Monday 28 September in Shanghai.
        let r = rule("ipp_reply_counter_notice");
        assert_eq!(
            r.due_after(utc("2026-09-27T20:00:00Z")).unwrap().date,
            d("2026-10-08")
        );
        // 15:00 UTC is still Sunday 27 in Shanghai (23:00): Mon 28, Tue 29, Wed 30.
        assert_eq!(
            r.due_after(utc("2026-09-27T15:00:00Z")).unwrap().date,
            d("2026-09-30")
        );
    }

    #[test]
    fn calendar_days_and_negative_offsets() {
        let art43 = rule("prc_ecommerce_art43");
        let due = art43.due_after(utc("2026-09-28T10:00:00+08:00")).unwrap();
        assert_eq!(due.date, d("2026-10-13"));
        let expiry = rule("right_expiry_90")
            .due_after_day(d("2027-03-31"))
            .unwrap();
        assert_eq!(expiry.date, d("2026-12-31"));
        assert_eq!(expiry.due_at, utc("2026-12-31T23:59:59Z"));
    }

    #[test]
    fn business_days_in_the_us_skip_federal_holidays() {
        // Counter-notice on Fri 2026-11-20: Thanksgiving (26th) is skipped.
        let due = rule("ebay_vero_restore")
            .due_after(utc("2026-11-20T18:00:00Z"))
            .unwrap();
        assert_eq!(due.date, d("2026-12-07"));
        // 23:59:59 Pacific standard time is 07:59:59 UTC the next day.
        assert_eq!(due.due_at, utc("2026-12-08T07:59:59Z"));
    }

    #[test]
    fn an_unpublished_year_is_estimated_and_named() {
        let due = rule("ipp_reply_counter_notice")
            .due_after(utc("2027-01-29T10:00:00+08:00"))
            .unwrap();
        assert!(due.estimated);
        assert_eq!(due.missing_years, vec![2027]);
    }

    fn on(trigger: TriggerEvent, platform: Option<Platform>) -> Occasion {
        Occasion {
            trigger,
            platform,
            right_kind: Some(RightKind::Trademark),
            round: Some(1),
        }
    }

    #[test]
    fn which_rules_apply() {
        use TriggerEvent::*;
        let reply = rule("ipp_reply_counter_notice");
        assert!(reply.applies_to(&on(CounterNoticeReceived, Some(Platform::Taobao))));
        assert!(!reply.applies_to(&on(CounterNoticeReceived, Some(Platform::Ebay))));
        assert!(!reply.applies_to(&on(ComplaintFiled, Some(Platform::Taobao))));
        let art43 = rule("prc_ecommerce_art43");
        assert!(!art43.applies_to(&on(CounterNoticeReceived, Some(Platform::AliExpress))));
        let expiry = rule("right_expiry_30");
        assert!(expiry.applies_to(&Occasion {
            right_kind: None,
            round: None,
            ..on(RightExpiry, None)
        }));
        let off = DeadlineRule {
            enabled: false,
            ..reply
        };
        assert!(!off.applies_to(&on(CounterNoticeReceived, Some(Platform::Taobao))));
    }

    #[test]
    fn dmca_and_vero_restore_clocks_run_for_copyright_only() {
        use TriggerEvent::CounterNoticeReceived;
        for (key, platform) in [
            ("dmca_restore", Platform::Amazon),
            ("ebay_vero_restore", Platform::Ebay),
        ] {
            let r = rule(key);
            let copyright = Occasion {
                right_kind: Some(RightKind::Copyright),
                ..on(CounterNoticeReceived, Some(platform))
            };
            assert!(r.applies_to(&copyright), "{key}");
            assert!(
                !r.applies_to(&on(CounterNoticeReceived, Some(platform))),
                "{key}"
            );
            // No right known: a rule limited to some kinds does not guess.
            let unknown = Occasion {
                right_kind: None,
                ..copyright
            };
            assert!(!r.applies_to(&unknown), "{key}");
        }
    }

    #[test]
    fn a_rule_can_differ_by_round() {
        use TriggerEvent::CounterNoticeReceived;
        let mut later_rounds = rule("ipp_reply_counter_notice");
        later_rounds.rounds = vec![2, 3];
        later_rounds.offset = 5;
        assert_eq!(later_rounds.validate(), Ok(()));
        let first = on(CounterNoticeReceived, Some(Platform::Taobao));
        assert!(!later_rounds.applies_to(&first));
        assert!(later_rounds.applies_to(&Occasion {
            round: Some(2),
            ..first
        }));
        later_rounds.rounds = vec![0, MAX_COUNTER_ROUND + 1];
        let errs = later_rounds.validate().unwrap_err();
        assert_eq!(errs[0].field, "rounds");
    }

    #[test]
    fn art_43_ending_on_a_holiday_or_weekend_ends_on_the_next_working_day() {
        let art43 = rule("prc_ecommerce_art43");
        // Forwarded 2026-09-16: day 15 is 1 October, National Day (off to the
        // 7th); Thursday 8 October is the next working day.
        let due = art43.due_after(utc("2026-09-16T10:00:00+08:00")).unwrap();
        assert_eq!(due.date, d("2026-10-08"));
        // Forwarded Thursday 2026-11-05: day 15 is Friday 20th, a working day.
        let due = art43.due_after(utc("2026-11-05T10:00:00+08:00")).unwrap();
        assert_eq!(due.date, d("2026-11-20"));
        // Forwarded Friday 2026-11-06: day 15 is Saturday 21st: Monday 23rd.
        let due = art43.due_after(utc("2026-11-06T10:00:00+08:00")).unwrap();
        assert_eq!(due.date, d("2026-11-23"));
        // 2026-09-05: day 15 is Sunday 20 September, a make-up working day: it stays.
        let due = art43.due_after(utc("2026-09-05T10:00:00+08:00")).unwrap();
        assert_eq!(due.date, d("2026-09-20"));
        // Without the rule the day stays on the weekend.
        let plain = DeadlineRule {
            last_day_moves: false,
            ..art43.clone()
        };
        let due = plain.due_after(utc("2026-11-06T10:00:00+08:00")).unwrap();
        assert_eq!(due.date, d("2026-11-21"));
        // A last day in an unpublished year is an estimate, and says which.
        let due = art43.due_after(utc("2027-03-01T10:00:00+08:00")).unwrap();
        assert!(due.estimated);
        assert_eq!(due.missing_years, vec![2027]);
    }

    #[test]
    fn notarization_delays_extend_art_43_by_working_days_up_to_20() {
        let art43 = rule("prc_ecommerce_art43");
        let at = utc("2026-11-05T10:00:00+08:00");
        // Day 15 is Friday 20 November; 5 working days later: Friday 27th.
        assert_eq!(
            art43.due_after_extended(at, 5).unwrap().date,
            d("2026-11-27")
        );
        // More than the rule allows counts as its maximum (20 working days).
        assert_eq!(
            art43.due_after_extended(at, 30).unwrap().date,
            art43.due_after_extended(at, 20).unwrap().date
        );
        assert_eq!(
            art43.due_after_extended(at, 20).unwrap().date,
            d("2026-12-18")
        );
        // A rule without extensions ignores them.
        let reply = rule("ipp_reply_counter_notice");
        assert_eq!(reply.due_after_extended(at, 5), reply.due_after(at));
        let mut too_long = art43;
        too_long.max_extension_days = MAX_EXTENSION_DAYS + 1;
        assert_eq!(
            too_long.validate().unwrap_err()[0].field,
            "max_extension_days"
        );
    }

    #[test]
    fn bad_rules_are_refused_by_field() {
        let mut r = rule("ipp_reply_counter_notice");
        r.time_zone = "China/Beijing".into();
        r.offset = -2;
        let errs = r.validate().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["time_zone", "offset"]);
    }
}
