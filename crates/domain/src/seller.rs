//! Sellers (stores) on marketplaces, the warning signs sourcing guides name,
//! and which stores look like one operator.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Checker, FieldError, FieldErrorCode, Id, Platform};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SellerDraft {
    pub platform: Platform,
    /// As shown on the platform, often Chinese.
    pub store_name: String,
    pub store_name_translation: String,
    pub store_id: String,
    pub store_url: String,
    pub company_name: String,
    pub location: String,
    pub phone: String,
    pub address: String,
    pub wechat_id: String,
    pub years_in_business: Option<u32>,
    pub employee_count: Option<u32>,
    pub office_size_m2: Option<u32>,
    pub factory_size_m2: Option<u32>,
    /// E.g. "delivery_guarantee", "verified_supplier", "gold_supplier_5y".
    pub badges: Vec<String>,
    /// The platform's rating, 0–5.
    pub rating: Option<f64>,
    pub group_id: Option<Id>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Seller {
    pub id: Id,
    #[serde(flatten)]
    pub draft: SellerDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The badge that means funds are deposited with the platform (1688 "实力商家"
/// / delivery guarantee).
pub const DELIVERY_GUARANTEE: &str = "delivery_guarantee";

/// Badges sellers show on 1688 and Alibaba.com, offered as choices (free text
/// is allowed too).
pub const SELLER_BADGES: [&str; 4] = [
    DELIVERY_GUARANTEE,
    "verified_supplier",
    "gold_supplier",
    "trade_assurance",
];

impl SellerDraft {
    /// A store known only by its platform and name; every other fact unknown.
    pub fn named(platform: Platform, store_name: &str) -> SellerDraft {
        SellerDraft {
            platform,
            store_name: store_name.into(),
            store_name_translation: String::new(),
            store_id: String::new(),
            store_url: String::new(),
            company_name: String::new(),
            location: String::new(),
            phone: String::new(),
            address: String::new(),
            wechat_id: String::new(),
            years_in_business: None,
            employee_count: None,
            office_size_m2: None,
            factory_size_m2: None,
            badges: vec![],
            rating: None,
            group_id: None,
            notes: String::new(),
        }
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("store_name", &self.store_name);
        if self.rating.is_some_and(|r| !(0.0..=5.0).contains(&r)) {
            c.add(
                "rating",
                FieldErrorCode::OutOfRange,
                "A rating is between 0 and 5.",
            );
        }
        if !self.store_url.trim().is_empty() && crate::normalize_url(&self.store_url).is_err() {
            c.add(
                "store_url",
                FieldErrorCode::Invalid,
                "Enter the store's web address.",
            );
        }
        c.finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum RedFlag {
    /// Under 3 years in business.
    YoungBusiness,
    /// Under 50 staff: often a trading company, not a factory.
    FewStaff,
    NoDeliveryGuarantee,
    /// Rating under 4 of 5.
    LowRating,
    /// Declares no factory floor space.
    NoFactory,
    /// Against us more than once.
    RepeatInfringer,
}

impl RedFlag {
    pub fn message(self) -> &'static str {
        match self {
            RedFlag::YoungBusiness => "under 3 years in business",
            RedFlag::FewStaff => "under 50 staff (likely a trading company)",
            RedFlag::NoDeliveryGuarantee => "no delivery guarantee",
            RedFlag::LowRating => "rating under 4",
            RedFlag::NoFactory => "no factory",
            RedFlag::RepeatInfringer => "in more than one complaint",
        }
    }
}

/// The signals worth a paralegal's attention. Unknown facts raise no flag:
/// a flag says something was seen, not that it was missing.
pub fn red_flags(s: &SellerDraft, complaints_against: u32) -> Vec<RedFlag> {
    let mut f = Vec::new();
    if s.years_in_business.is_some_and(|y| y < 3) {
        f.push(RedFlag::YoungBusiness);
    }
    if s.employee_count.is_some_and(|n| n < 50) {
        f.push(RedFlag::FewStaff);
    }
    let knows_badges = !s.badges.is_empty() || s.platform == Platform::Alibaba1688;
    if knows_badges && !s.badges.iter().any(|b| b == DELIVERY_GUARANTEE) {
        f.push(RedFlag::NoDeliveryGuarantee);
    }
    if s.rating.is_some_and(|r| r < 4.0) {
        f.push(RedFlag::LowRating);
    }
    if s.factory_size_m2 == Some(0) {
        f.push(RedFlag::NoFactory);
    }
    if complaints_against > 1 {
        f.push(RedFlag::RepeatInfringer);
    }
    f
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    None,
    Low,
    Medium,
    High,
}

/// One flag is low risk, two or three medium, four or more high.
pub fn risk_level(flags: &[RedFlag]) -> RiskLevel {
    match flags.len() {
        0 => RiskLevel::None,
        1 => RiskLevel::Low,
        2 | 3 => RiskLevel::Medium,
        _ => RiskLevel::High,
    }
}

/// A one-line risk summary: "high risk: under 3 years in business, …".
pub fn risk_summary(flags: &[RedFlag]) -> String {
    let level = match risk_level(flags) {
        RiskLevel::None => return "no warning signs recorded".into(),
        RiskLevel::Low => "low risk",
        RiskLevel::Medium => "medium risk",
        RiskLevel::High => "high risk",
    };
    let reasons: Vec<_> = flags.iter().map(|f| f.message()).collect();
    format!("{level}: {}", reasons.join(", "))
}

/// Why two stores look like one operator.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum SharedIdentifier {
    CompanyName,
    Phone,
    Address,
    WechatId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LinkSuggestion {
    pub a: Id,
    pub b: Id,
    pub shared: Vec<SharedIdentifier>,
}

/// Compares identifiers loosely: case, spaces and punctuation (full-width
/// included) do not matter, so "深圳市某某 有限公司" equals "深圳市某某有限公司".
fn key(s: &str) -> Option<String> {
    let k: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (k.chars().count() >= 3).then_some(k)
}

fn phone_key(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    // Compare the last 8 digits so +86 prefixes and area-code spacing agree.
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(8)..].to_string())
}

/// Reads one identifier's comparison key from a seller.
type Extract = fn(&SellerDraft) -> Option<String>;

/// Pairs of stores (not already in the same group) that share an identifier,
/// for the user to confirm. Quadratic only within each identifier's bucket.
pub fn suggest_links(sellers: &[Seller]) -> Vec<LinkSuggestion> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut pairs: BTreeMap<(Id, Id), BTreeSet<SharedIdentifier>> = BTreeMap::new();
    let extractors: [(SharedIdentifier, Extract); 4] = [
        (SharedIdentifier::CompanyName, |s| key(&s.company_name)),
        (SharedIdentifier::Phone, |s| phone_key(&s.phone)),
        (SharedIdentifier::Address, |s| key(&s.address)),
        (SharedIdentifier::WechatId, |s| key(&s.wechat_id)),
    ];
    for (what, extract) in extractors {
        let mut buckets: BTreeMap<String, Vec<&Seller>> = BTreeMap::new();
        for s in sellers {
            if let Some(k) = extract(&s.draft) {
                buckets.entry(k).or_default().push(s);
            }
        }
        for group in buckets.values() {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    let same_group =
                        a.draft.group_id.is_some() && a.draft.group_id == b.draft.group_id;
                    if !same_group {
                        let pair = if a.id < b.id {
                            (a.id, b.id)
                        } else {
                            (b.id, a.id)
                        };
                        pairs.entry(pair).or_default().insert(what);
                    }
                }
            }
        }
    }
    pairs
        .into_iter()
        .map(|((a, b), shared)| LinkSuggestion {
            a,
            b,
            shared: shared.into_iter().collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::new_id;

    pub(crate) fn draft(platform: Platform, name: &str) -> SellerDraft {
        SellerDraft::named(platform, name)
    }

    fn seller(d: SellerDraft) -> Seller {
        Seller {
            id: new_id(),
            draft: d,
            created_at: crate::now(),
            updated_at: crate::now(),
        }
    }

    #[test]
    fn flags_come_from_what_was_seen() {
        let mut s = draft(Platform::AliExpress, "小店");
        assert_eq!(red_flags(&s, 0), vec![]);
        assert_eq!(risk_summary(&[]), "no warning signs recorded");
        s.years_in_business = Some(2);
        s.employee_count = Some(12);
        s.badges = vec!["verified_supplier".into()];
        s.rating = Some(3.6);
        s.factory_size_m2 = Some(0);
        let f = red_flags(&s, 3);
        assert_eq!(
            f,
            vec![
                RedFlag::YoungBusiness,
                RedFlag::FewStaff,
                RedFlag::NoDeliveryGuarantee,
                RedFlag::LowRating,
                RedFlag::NoFactory,
                RedFlag::RepeatInfringer
            ]
        );
        assert!(
            risk_summary(&f).starts_with("high risk: under 3 years in business, under 50 staff")
        );
        s.years_in_business = Some(3);
        s.employee_count = Some(50);
        s.badges.push(DELIVERY_GUARANTEE.into());
        s.rating = Some(4.0);
        s.factory_size_m2 = Some(2000);
        assert_eq!(red_flags(&s, 1), vec![]);
    }

    #[test]
    fn a_1688_store_without_the_badge_is_flagged() {
        let s = draft(Platform::Alibaba1688, "义乌某某工厂店");
        assert_eq!(red_flags(&s, 0), vec![RedFlag::NoDeliveryGuarantee]);
        assert_eq!(
            risk_summary(&red_flags(&s, 0)),
            "low risk: no delivery guarantee"
        );
    }

    #[test]
    fn validation() {
        let mut s = draft(Platform::Taobao, " ");
        s.rating = Some(7.0);
        s.store_url = "ftp://x".into();
        let fields: Vec<_> = s
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["store_name", "rating", "store_url"]);
    }

    #[test]
    fn links_are_suggested_from_shared_identifiers() {
        let mut a = draft(Platform::Alibaba1688, "极光工厂");
        a.company_name = "深圳市某某电子 有限公司".into();
        a.phone = "+86 755 8888 1234".into();
        let mut b = draft(Platform::AliExpress, "Aurora Store");
        b.company_name = "深圳市某某电子有限公司".into();
        b.phone = "0755-88881234".into();
        let mut c = draft(Platform::Taobao, "别的店");
        c.wechat_id = "seller_abc".into();
        let mut d = draft(Platform::Ebay, "other");
        d.wechat_id = "Seller-ABC".into();
        let e = draft(Platform::Ebay, "lonely");
        let sellers: Vec<_> = [a, b, c, d, e].into_iter().map(seller).collect();
        let s = suggest_links(&sellers);
        assert_eq!(s.len(), 2);
        let ab = s
            .iter()
            .find(|x| x.shared.contains(&SharedIdentifier::Phone))
            .unwrap();
        assert_eq!(
            ab.shared,
            vec![SharedIdentifier::CompanyName, SharedIdentifier::Phone]
        );
        let ids = [sellers[0].id, sellers[1].id];
        assert!(ids.contains(&ab.a) && ids.contains(&ab.b));

        // Already grouped: nothing to suggest.
        let g = new_id();
        let mut grouped = sellers.clone();
        grouped[2].draft.group_id = Some(g);
        grouped[3].draft.group_id = Some(g);
        assert_eq!(suggest_links(&grouped).len(), 1);
    }
}
