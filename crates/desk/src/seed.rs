//! Generated data for benchmarks (`ippdesk dev seed`): many listings with
//! Chinese titles across platforms, complaints holding them, their outcomes,
//! counter-notices and deadlines.

use chrono::{Duration, NaiveDate};
use ippdesk_domain::*;
use ippdesk_store::tables::{accounts, complaints, counter_notices, holders, listings, rights};
use ippdesk_store::Tx;
use serde::Serialize;

use crate::counter_notices::{schedule_counter_notice, schedule_filing};
use crate::{Desk, Result};

#[derive(Debug, Clone, Serialize)]
pub struct SeedSummary {
    pub listings: u32,
    pub complaints: u32,
}

const WORDS: [&str; 16] = [
    "蓝牙耳机",
    "无线降噪",
    "AURORA",
    "极光",
    "运动",
    "正品",
    "批发",
    "工厂直销",
    "跨境专供",
    "充电仓",
    "earbuds",
    "wireless",
    "Pro",
    "超长续航",
    "挂耳式",
    "新款",
];

/// A cheap 64-bit mix (splitmix64 finalizer) of `n` and a salt.
fn mix(n: u64, salt: u64) -> u64 {
    let mut x = n ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A listing URL of `platform` with a numeric id.
pub fn generated_url(platform: Platform, n: u64) -> String {
    match platform {
        Platform::Alibaba1688 => format!(
            "https://detail.1688.com/offer/{}.html?spm=a26352.1",
            600_000_000_000 + n
        ),
        Platform::Taobao => format!(
            "https://item.taobao.com/item.htm?spm=a1z10&id={}",
            700_000_000_000 + n
        ),
        Platform::Tmall => format!(
            "https://detail.tmall.com/item.htm?id={}&skuId=1",
            800_000_000_000 + n
        ),
        _ => format!(
            "https://www.aliexpress.com/item/{}.html?algo_pvid=x",
            1_005_000_000_000_000 + n
        ),
    }
}

/// A deterministic pseudo-random title from `n` (no RNG dependency needed).
pub fn generated_title(n: u64) -> String {
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEECE66D;
    let mut words = Vec::with_capacity(4);
    for _ in 0..4 {
        words.push(WORDS[(x % WORDS.len() as u64) as usize]);
        x /= WORDS.len() as u64;
    }
    format!("{} #{n}", words.join(" "))
}

impl Desk {
    /// Adds `n_listings` listings and `n_complaints` complaints (listings shared
    /// out evenly), in batches of one transaction each.
    pub fn seed(&mut self, n_listings: u32, n_complaints: u32) -> Result<SeedSummary> {
        let now = ippdesk_domain::now();
        let holder = Holder {
            id: new_id(),
            draft: HolderDraft {
                kind: HolderKind::Company,
                legal_name: "种子数据品牌有限公司".into(),
                latin_name: "Seed Brand Co.".into(),
                country: "CN".into(),
                registration_number: String::new(),
                address: String::new(),
                contact_email: "seed@example.com".into(),
                notes: "Generated for benchmarks.".into(),
            },
            created_at: now,
            updated_at: now,
        };
        let account = Account {
            id: new_id(),
            draft: AccountDraft {
                holder_id: holder.id,
                programme: Programme::AlibabaIpp,
                role: AccountRole::RightsHolder,
                location: AccountLocation::MainlandChina,
                login_email: "seed@example.com".into(),
                contact_email: "seed@example.com".into(),
                external_id: String::new(),
                agent_id: None,
                poa_id: None,
                notes: String::new(),
            },
            status: AccountStatus::Verified,
            created_at: now,
            updated_at: now,
        };
        let right = IpRight {
            id: new_id(),
            draft: RightDraft {
                kind: RightKind::Trademark,
                title: "SEED".into(),
                mark_type: Some(MarkType::Word),
                registration_number: format!("SEED{}", now.timestamp_micros()),
                jurisdiction: "CN".into(),
                designations: vec![],
                registrant_id: holder.id,
                nice_classes: vec![9],
                filing_date: None,
                registration_date: None,
                expiry_date: None,
                notes: String::new(),
            },
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| {
            holders::insert(tx, &holder)?;
            accounts::insert(tx, &account)?;
            rights::insert(tx, &right)
        })?;

        let platforms = [
            Platform::Taobao,
            Platform::Alibaba1688,
            Platform::Tmall,
            Platform::AliExpress,
        ];
        let base = now.timestamp_micros() as u64 % 1_000_000_000;
        // Listings per complaint; 0 when there are more complaints than listings.
        let per_complaint = n_listings.checked_div(n_complaints).unwrap_or(0);
        let statuses = ComplaintStatus::ALL;
        let assignees = ["Wang Fang 王芳", "Li Na 李娜", "Zhang Wei", "Chen Jing"];
        const BATCH: u32 = 50_000;
        let mut made_listings = 0u32;
        let mut made_complaints = 0u32;
        while made_listings < n_listings || made_complaints < n_complaints {
            let count = BATCH.min(n_listings - made_listings);
            let batch: Vec<Listing> = (made_listings..made_listings + count)
                .map(|i| {
                    let platform = platforms[(i / per_complaint.max(1)) as usize % platforms.len()];
                    let url = generated_url(platform, base + i as u64);
                    let p = normalize_url(&url).unwrap_or(ParsedUrl {
                        platform,
                        kind: ListingKind::Unknown,
                        id: None,
                        canonical: url.clone(),
                    });
                    Listing {
                        id: new_id(),
                        platform: p.platform,
                        kind: p.kind,
                        external_id: p.id,
                        canonical_url: p.canonical,
                        original_url: url,
                        title: generated_title(i as u64),
                        price: format!("¥{}.{:02}", 5 + i % 90, i % 100),
                        seller_name: format!("店铺{}", i % 5000),
                        store_url: String::new(),
                        seller_id: None,
                        notes: String::new(),
                        created_at: now,
                    }
                })
                .collect();
            // Complaints whose listings are in this batch.
            let complaints_here = count
                .checked_div(per_complaint)
                .unwrap_or(0)
                .min(n_complaints - made_complaints);
            let complaints_here = if made_listings + count >= n_listings {
                n_complaints - made_complaints
            } else {
                complaints_here
            };
            self.store.write(|tx| {
                listings::insert_many(tx, &batch, "dev seed")?;
                for k in 0..complaints_here {
                    let idx = made_complaints + k;
                    let start = (k * per_complaint) as usize;
                    let chunk: Vec<Id> = batch
                        .iter()
                        .skip(start)
                        .take(per_complaint as usize)
                        .map(|l| l.id)
                        .collect();
                    let platform = batch.get(start).map_or(Platform::Taobao, |l| l.platform);
                    // Attributes drawn independently (a hash per attribute), so filters
                    // combine like real data's rather than all picking the same rows.
                    let status = statuses[mix(u64::from(idx), 1) as usize % statuses.len()];
                    let c = Complaint {
                        id: new_id(),
                        draft: ComplaintDraft {
                            account_id: account.id,
                            platform,
                            right_id: right.id,
                            target: ComplaintTarget::Listings,
                            reason: ComplaintReason::Counterfeit,
                            explanation_en: format!("Generated complaint {idx}"),
                            explanation_zh: format!("生成的投诉 {idx}"),
                            external_number: if status == ComplaintStatus::Draft {
                                String::new()
                            } else {
                                format!("IPP-SEED-{idx:07}")
                            },
                            assignee: assignees[mix(u64::from(idx), 2) as usize % assignees.len()]
                                .into(),
                            notes: String::new(),
                        },
                        status,
                        filed_on: (status != ComplaintStatus::Draft)
                            .then(|| (now - Duration::days(i64::from(idx % 365))).date_naive()),
                        seller_notified_on: None,
                        listing_count: 0,
                        created_at: now - Duration::seconds(i64::from(idx)),
                        updated_at: now,
                    };
                    complaints::insert(tx, &c)?;
                    complaints::add_listings(tx, c.id, &chunk)?;
                    if let Some(filed_on) = c.filed_on {
                        seed_step4(tx, &c, idx, filed_on)?;
                    }
                }
                Ok::<_, crate::DeskError>(())
            })?;
            made_listings += count;
            made_complaints += complaints_here;
        }
        self.index_search_fully()?;
        Ok(SeedSummary {
            listings: made_listings,
            complaints: made_complaints,
        })
    }
}

/// What became of a filed seed complaint: outcomes (mostly removed), the
/// seller's window, and for one in ten a counter-notice with its deadlines,
/// half of them decided.
fn seed_step4(tx: &Tx, c: &Complaint, idx: u32, filed_on: NaiveDate) -> Result<()> {
    let roll = mix(u64::from(idx), 3) % 100;
    let outcome = match roll {
        0..=84 => ListingOutcome::Removed,
        85..=92 => ListingOutcome::Rejected,
        93..=95 => ListingOutcome::Reinstated,
        _ => ListingOutcome::Pending,
    };
    if outcome != ListingOutcome::Pending {
        let on = filed_on + Duration::days(1 + (mix(u64::from(idx), 4) % 9) as i64);
        complaints::set_all_outcomes(tx, c.id, outcome, Some(on))?;
    }
    schedule_filing(tx, c)?;
    if idx.is_multiple_of(10) {
        let received_at = (filed_on + Duration::days(2))
            .and_hms_opt(2, 0, 0)
            .unwrap_or_default()
            .and_utc();
        let n = CounterNotice {
            id: new_id(),
            draft: CounterNoticeDraft {
                complaint_id: c.id,
                round: 1,
                listing_ids: vec![],
                received_at,
                grounds: CounterGround::GenuineGoods,
                statement: format!("生成的反通知 {idx}"),
                extension_days: 0,
                extension_reason: String::new(),
            },
            response_text: String::new(),
            responded_at: None,
            decision: idx.is_multiple_of(20).then_some(if roll < 90 {
                CounterDecision::TakedownUpheld
            } else {
                CounterDecision::Reinstated
            }),
            decided_on: idx
                .is_multiple_of(20)
                .then_some(filed_on + Duration::days(10)),
            created_at: received_at,
            updated_at: received_at,
        };
        counter_notices::insert(tx, &n)?;
        schedule_counter_notice(tx, c, &n)?;
    }
    Ok(())
}
