//! Fixtures for the store's own tests.
#![cfg(test)]

use ippdesk_domain::*;

use crate::Store;

pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("test.sqlite3")).unwrap();
    (dir, s)
}

/// Runs `f` on a new store of each backend: a SQLite file, and a new
/// PostgreSQL database on the scratch cluster (`make test` starts one).
pub fn each_store(mut f: impl FnMut(Store)) {
    let (_dir, lite) = temp_store();
    f(lite);
    if let Some(url) = crate::team::scratch_database() {
        eprintln!("-- the same on PostgreSQL");
        f(crate::team::connect(&url).unwrap());
    }
}

pub fn holder(name: &str) -> Holder {
    Holder {
        id: new_id(),
        draft: HolderDraft {
            kind: HolderKind::Company,
            legal_name: name.into(),
            latin_name: "Aurora".into(),
            country: "CN".into(),
            registration_number: "9144".into(),
            address: String::new(),
            contact_email: "ip@aurora.example".into(),
            notes: String::new(),
        },
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

pub fn agent() -> Agent {
    Agent {
        id: new_id(),
        draft: AgentDraft {
            kind: AgentKind::LawFirm,
            name: "Lin & Partners 林律师事务所".into(),
            country: "CN".into(),
            contact_email: "ipp@linpartners.example".into(),
            notes: String::new(),
        },
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

/// A power of attorney for IPP, valid through 2026.
pub fn poa(holder: Id, agent: Id) -> PowerOfAttorney {
    PowerOfAttorney {
        id: new_id(),
        draft: PoaDraft {
            holder_id: holder,
            agent_id: agent,
            scope: "IPP".into(),
            valid_from: "2026-01-01".parse().unwrap(),
            valid_until: "2027-01-01".parse().ok(),
            signatory_title: "CEO".into(),
            notes: String::new(),
        },
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

pub fn right(registrant: Id, number: &str) -> IpRight {
    IpRight {
        id: new_id(),
        draft: RightDraft {
            kind: RightKind::Trademark,
            title: "AURORA 极光".into(),
            mark_type: Some(MarkType::Combined),
            registration_number: number.into(),
            jurisdiction: "CN".into(),
            designations: vec![],
            registrant_id: registrant,
            nice_classes: vec![9, 35],
            filing_date: "2015-01-02".parse().ok(),
            registration_date: "2016-01-02".parse().ok(),
            expiry_date: "2026-01-01".parse().ok(),
            notes: String::new(),
        },
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

pub fn account(holder: Id) -> Account {
    Account {
        id: new_id(),
        draft: AccountDraft {
            holder_id: holder,
            programme: Programme::AlibabaIpp,
            role: AccountRole::RightsHolder,
            location: AccountLocation::MainlandChina,
            login_email: "ipp@aurora.example".into(),
            contact_email: "ipp@aurora.example".into(),
            external_id: String::new(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        },
        status: AccountStatus::Verified,
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

pub fn seller(platform: Platform, name: &str) -> Seller {
    Seller {
        id: new_id(),
        draft: SellerDraft::named(platform, name),
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

pub fn complaint(account: Id, right: Id, platform: Platform) -> Complaint {
    Complaint {
        id: new_id(),
        draft: ComplaintDraft {
            account_id: account,
            platform,
            right_id: right,
            target: ComplaintTarget::Listings,
            reason: ComplaintReason::Counterfeit,
            explanation_en: "Counterfeit AURORA earbuds".into(),
            explanation_zh: "假冒极光耳机".into(),
            external_number: String::new(),
            assignee: "Wang Fang".into(),
            notes: String::new(),
        },
        status: ComplaintStatus::Draft,
        filed_on: None,
        seller_notified_on: None,
        listing_count: 0,
        created_at: ippdesk_domain::now(),
        updated_at: ippdesk_domain::now(),
    }
}

pub fn listing(url: &str, title: &str) -> Listing {
    let p = normalize_url(url).unwrap();
    Listing {
        id: new_id(),
        platform: p.platform,
        kind: p.kind,
        external_id: p.id,
        canonical_url: p.canonical,
        original_url: url.into(),
        title: title.into(),
        price: String::new(),
        seller_name: String::new(),
        store_url: String::new(),
        seller_id: None,
        notes: String::new(),
        created_at: ippdesk_domain::now(),
    }
}
