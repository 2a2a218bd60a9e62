//! Enforcement figures and the good-faith takedown programme's two tests.
//!
//! Definitions (shown to managers beside the figures):
//! - **takedown success rate**: listings removed ÷ listings decided (removed,
//!   rejected or reinstated); pending and withdrawn listings do not count.
//! - **counter-notice success rate**: counter-notices decided with the takedown
//!   upheld ÷ counter-notices decided (our success).
//! - **successful counter-notices** (good-faith test): complaints with at least
//!   one counter-notice the seller won ÷ complaints filed.
//! - **median days to takedown**: from filing to the removal date, over removed
//!   listings that have one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The good-faith programme's lines, in percent, over a rolling 3 months.
pub const GOOD_FAITH_MIN_TAKEDOWN: f64 = 90.0;
pub const GOOD_FAITH_MAX_COUNTER: f64 = 5.0;
/// Warn when a rate is this many points or fewer from its line.
pub const GOOD_FAITH_MARGIN: f64 = 2.0;
pub const GOOD_FAITH_MONTHS: u32 = 3;

/// Raw counts for one group (or the whole period), as the store sums them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EnforcementCounts {
    pub complaints: u64,
    pub listings: u64,
    pub removed: u64,
    pub rejected: u64,
    pub reinstated: u64,
    pub withdrawn: u64,
    pub pending: u64,
    pub counter_notices: u64,
    pub counter_upheld: u64,
    pub counter_reinstated: u64,
    /// Complaints with at least one counter-notice decided "reinstated".
    pub complaints_lost_to_counter: u64,
    /// (days from filing to removal, listings), for the median.
    pub days_to_takedown: Vec<(i64, u64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EnforcementFigures {
    #[serde(flatten)]
    pub counts: EnforcementCounts,
    /// Percent, `None` when nothing is decided yet.
    pub takedown_rate: Option<f64>,
    pub counter_success_rate: Option<f64>,
    pub successful_counter_rate: Option<f64>,
    pub median_days_to_takedown: Option<f64>,
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

impl EnforcementCounts {
    pub fn add(&mut self, o: &EnforcementCounts) {
        self.complaints += o.complaints;
        self.listings += o.listings;
        self.removed += o.removed;
        self.rejected += o.rejected;
        self.reinstated += o.reinstated;
        self.withdrawn += o.withdrawn;
        self.pending += o.pending;
        self.counter_notices += o.counter_notices;
        self.counter_upheld += o.counter_upheld;
        self.counter_reinstated += o.counter_reinstated;
        self.complaints_lost_to_counter += o.complaints_lost_to_counter;
        self.days_to_takedown.extend_from_slice(&o.days_to_takedown);
    }

    pub fn figures(mut self) -> EnforcementFigures {
        self.days_to_takedown.sort_unstable();
        let decided = self.removed + self.rejected + self.reinstated;
        EnforcementFigures {
            takedown_rate: percent(self.removed, decided),
            counter_success_rate: percent(
                self.counter_upheld,
                self.counter_upheld + self.counter_reinstated,
            ),
            successful_counter_rate: percent(self.complaints_lost_to_counter, self.complaints),
            median_days_to_takedown: median(&self.days_to_takedown),
            counts: self,
        }
    }
}

/// The median of a histogram of (value, count) sorted by value: the middle
/// value, or the mean of the two middle values when the total is even.
pub fn median(sorted_hist: &[(i64, u64)]) -> Option<f64> {
    let total: u64 = sorted_hist.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let nth = |k: u64| {
        let mut seen = 0;
        for (v, n) in sorted_hist {
            seen += n;
            if seen > k {
                return *v;
            }
        }
        sorted_hist.last().map(|(v, _)| *v).unwrap_or_default()
    };
    let lo = nth((total - 1) / 2);
    let hi = nth(total / 2);
    Some((lo + hi) as f64 / 2.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoodFaithLevel {
    /// Nothing decided in the window: no rate to judge.
    NoData,
    Ok,
    /// Within the margin of the line: act before it slips.
    Warning,
    /// Across the line: the account would lose the programme.
    Failing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoodFaithCheck {
    pub takedown_rate: Option<f64>,
    pub takedown_level: GoodFaithLevel,
    pub successful_counter_rate: Option<f64>,
    pub counter_level: GoodFaithLevel,
    /// The worse of the two.
    pub level: GoodFaithLevel,
}

pub fn good_faith(f: &EnforcementFigures) -> GoodFaithCheck {
    use GoodFaithLevel::*;
    let takedown_level = match f.takedown_rate {
        None => NoData,
        Some(r) if r < GOOD_FAITH_MIN_TAKEDOWN => Failing,
        Some(r) if r <= GOOD_FAITH_MIN_TAKEDOWN + GOOD_FAITH_MARGIN => Warning,
        Some(_) => Ok,
    };
    let counter_level = match f.successful_counter_rate {
        None => NoData,
        Some(r) if r > GOOD_FAITH_MAX_COUNTER => Failing,
        Some(r) if r >= GOOD_FAITH_MAX_COUNTER - GOOD_FAITH_MARGIN => Warning,
        Some(_) => Ok,
    };
    let rank = |l: GoodFaithLevel| match l {
        NoData => 0,
        Ok => 1,
        Warning => 2,
        Failing => 3,
    };
    let level = if rank(takedown_level) >= rank(counter_level) {
        takedown_level
    } else {
        counter_level
    };
    GoodFaithCheck {
        takedown_rate: f.takedown_rate,
        takedown_level,
        successful_counter_rate: f.successful_counter_rate,
        counter_level,
        level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use GoodFaithLevel::*;

    fn counts(
        removed: u64,
        rejected: u64,
        reinstated: u64,
        complaints: u64,
        lost: u64,
    ) -> EnforcementCounts {
        EnforcementCounts {
            complaints,
            listings: removed + rejected + reinstated + 3,
            removed,
            rejected,
            reinstated,
            withdrawn: 1,
            pending: 2,
            complaints_lost_to_counter: lost,
            ..Default::default()
        }
    }

    #[test]
    fn rates_leave_out_pending_and_withdrawn() {
        let f = counts(45, 3, 2, 40, 1).figures();
        assert_eq!(f.takedown_rate, Some(90.0));
        assert_eq!(f.successful_counter_rate, Some(2.5));
        assert_eq!(f.counter_success_rate, None);
    }

    #[test]
    fn medians_of_histograms() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(4, 1)]), Some(4.0));
        assert_eq!(median(&[(1, 1), (3, 1)]), Some(2.0));
        assert_eq!(median(&[(1, 2), (2, 1), (9, 2)]), Some(2.0));
        assert_eq!(median(&[(1, 3), (9, 1)]), Some(1.0));
    }

    #[test]
    fn good_faith_lines_and_warnings() {
        let check = |removed, rejected, complaints, lost| {
            good_faith(&counts(removed, rejected, 0, complaints, lost).figures())
        };
        // 95 % takedowns, 1 % lost: fine.
        assert_eq!(check(95, 5, 100, 1).level, Ok);
        // 91 % is within 2 points of 90 %.
        let c = check(91, 9, 100, 1);
        assert_eq!(
            (c.takedown_level, c.counter_level, c.level),
            (Warning, Ok, Warning)
        );
        // exactly 92 % still warns; 93 % does not.
        assert_eq!(check(92, 8, 100, 0).takedown_level, Warning);
        assert_eq!(check(93, 7, 100, 0).takedown_level, Ok);
        // 89 % fails; 4 % lost counter-notices warns (3 % or more).
        let c = check(89, 11, 100, 4);
        assert_eq!(
            (c.takedown_level, c.counter_level, c.level),
            (Failing, Warning, Failing)
        );
        assert_eq!(check(95, 5, 100, 6).counter_level, Failing);
        assert_eq!(check(95, 5, 100, 5).counter_level, Warning);
        assert_eq!(check(95, 5, 100, 2).counter_level, Ok);
        // Nothing decided.
        assert_eq!(check(0, 0, 0, 0).level, NoData);
    }

    #[test]
    fn counts_add_up_and_keep_the_histogram() {
        let mut a = EnforcementCounts {
            removed: 2,
            days_to_takedown: vec![(3, 2)],
            ..Default::default()
        };
        a.add(&EnforcementCounts {
            removed: 1,
            days_to_takedown: vec![(1, 1)],
            ..Default::default()
        });
        let f = a.figures();
        assert_eq!(f.counts.removed, 3);
        assert_eq!(f.median_days_to_takedown, Some(3.0));
    }
}
