//! Deadline rules as data, and their evaluation.
//!
//! A rule says: when `trigger` happens on one of `platforms` (any platform when
//! empty), something is due `offset` working or calendar days later (earlier,
//! when negative: "90 days before the right expires"), counted on `calendar`;
//! the deadline is the **end of that day in `time_zone`** (Asia/Shanghai for
//! IPP), stored as an instant so the UI can show it in the user's local time.
//! The shipped defaults ([`default_rules`]) are practitioners' defaults that a
//! user should confirm; settings edit them and the store keeps every version.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{add_working_days, CalendarId, Checker, FieldError, FieldErrorCode, Platform};

/// What starts the clock.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEvent {
    /// The complaint was filed (the platform forwards it to the seller).
    ComplaintFiled,
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
    pub fn applies_to(&self, trigger: TriggerEvent, platform: Option<Platform>) -> bool {
        self.enabled
            && self.trigger == trigger
            && (self.platforms.is_empty() || platform.is_some_and(|p| self.platforms.contains(&p)))
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
        let tz = self.tz()?;
        self.due_after_day(at.with_timezone(&tz).date_naive())
    }

    /// The due day for an event on calendar day `day` (an expiry date).
    pub fn due_after_day(&self, day: NaiveDate) -> Option<DueDate> {
        let tz = self.tz()?;
        let (date, estimated, missing_years) = match self.unit {
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
];
const PRC_DOMESTIC: &[Platform] = &[
    Platform::Alibaba1688,
    Platform::Taobao,
    Platform::Tmall,
    Platform::TmallGlobal,
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
        }
    }
    use CalendarId::*;
    use DoneWhen::*;
    use OffsetUnit::*;
    use TriggerEvent::*;
    vec![
        rule(
            "ipp_seller_counter_notice_window",
            "Seller's counter-notice window closes: check the listings",
            ComplaintFiled,
            IPP,
            3,
            WorkingDays,
            Cn,
            "Asia/Shanghai",
            Manual,
            "Practitioners' default for IPP (3 working days); confirm with the platform.",
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
            "PRC E-Commerce Law art. 43: 15 days after the seller's statement is forwarded.",
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
            "17 U.S.C. 512(g): restored 10 to 14 business days after the counter-notice.",
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
            "eBay VeRO: 10 business days after the seller's counter-notice.",
        ),
        rule(
            "right_expiry_90",
            "Renew the IP right (expires in 90 days)",
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
            "IP right expires in 30 days: upload the renewal to IPP",
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
            "Renew the power of attorney (ends in 30 days)",
            PoaExpiry,
            &[],
            -30,
            CalendarDays,
            Weekdays,
            "UTC",
            Manual,
            "House rule: an agent cannot file without a valid power of attorney.",
        ),
    ]
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

    #[test]
    fn which_rules_apply() {
        let reply = rule("ipp_reply_counter_notice");
        assert!(reply.applies_to(TriggerEvent::CounterNoticeReceived, Some(Platform::Taobao)));
        assert!(!reply.applies_to(TriggerEvent::CounterNoticeReceived, Some(Platform::Ebay)));
        assert!(!reply.applies_to(TriggerEvent::ComplaintFiled, Some(Platform::Taobao)));
        let art43 = rule("prc_ecommerce_art43");
        assert!(!art43.applies_to(
            TriggerEvent::CounterNoticeReceived,
            Some(Platform::AliExpress)
        ));
        let expiry = rule("right_expiry_30");
        assert!(expiry.applies_to(TriggerEvent::RightExpiry, None));
        let off = DeadlineRule {
            enabled: false,
            ..reply
        };
        assert!(!off.applies_to(TriggerEvent::CounterNoticeReceived, Some(Platform::Taobao)));
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
