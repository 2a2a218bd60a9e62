//! Sellers: stores, their warning signs, groups of stores run by one
//! operator, and test purchases. Also listings' own detail and search.

use ippdesk_domain::*;
use ippdesk_store::tables::sellers::{self, SellerGroup, SellerStats};
use ippdesk_store::tables::{complaints, listings, search, test_purchases};

use crate::{
    Desk, DeskError, ErrorCode, LinkSellersInput, LinkSuggestionView, ListingDetail, Result,
    SearchHit, SearchHitKind, SellerDetail, SellerGroupView, SellerRow, TestPurchaseView,
};

fn row(s: SellerStats) -> SellerRow {
    let flags = red_flags(&s.seller.draft, s.complaints);
    SellerRow {
        risk_level: risk_level(&flags),
        risk: risk_summary(&flags),
        flags,
        listings: s.listings,
        complaints: s.complaints,
        seller: s.seller,
    }
}

impl Desk {
    pub fn list_sellers(&self) -> Result<Vec<SellerRow>> {
        Ok(sellers::list(&self.store)?.into_iter().map(row).collect())
    }

    pub fn get_seller(&self, id: Id) -> Result<SellerDetail> {
        let r = row(sellers::stats(&self.store, id)?);
        let group = match r.seller.draft.group_id {
            Some(g) => {
                let info = sellers::get_group(&self.store, g)?;
                let members = sellers::in_group(&self.store, g)?
                    .into_iter()
                    .map(|m| sellers::stats(&self.store, m.id).map(row))
                    .collect::<Result<Vec<_>, _>>()?;
                Some(SellerGroupView {
                    id: info.id,
                    name: info.name,
                    members,
                })
            }
            None => None,
        };
        let suggestions = self
            .seller_suggestions()?
            .into_iter()
            .filter(|s| s.a == id || s.b == id)
            .collect();
        Ok(SellerDetail {
            listings: listings::for_seller(&self.store, id)?,
            complaints: self.complaint_rows(complaints::of_seller(&self.store, id)?)?,
            documents: self.documents_of(OwnerKind::Seller, id)?,
            group,
            suggestions,
            row: r,
        })
    }

    pub fn create_seller(&mut self, draft: SellerDraft) -> Result<SellerRow> {
        draft.validate()?;
        let now = ippdesk_domain::now();
        let s = Seller {
            id: new_id(),
            draft,
            created_at: now,
            updated_at: now,
        };
        let d = &s.draft;
        self.store.write(|tx| {
            sellers::insert(tx, &s)?;
            // Listings imported earlier that name this store now point at it.
            listings::link_to_seller(tx, s.id, d.platform.as_str(), &d.store_url, &d.store_name)
                .map(drop)
        })?;
        Ok(row(sellers::stats(&self.store, s.id)?))
    }

    pub fn update_seller(&mut self, id: Id, draft: SellerDraft) -> Result<SellerRow> {
        draft.validate()?;
        let mut s = sellers::get(&self.store, id)?;
        s.draft = draft;
        s.updated_at = ippdesk_domain::now();
        self.store.write(|tx| sellers::update(tx, &s))?;
        Ok(row(sellers::stats(&self.store, id)?))
    }

    pub fn delete_seller(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| sellers::delete(tx, id))?)
    }

    /// Pairs of stores sharing a company name, phone, address or WeChat id.
    pub fn seller_suggestions(&self) -> Result<Vec<LinkSuggestionView>> {
        let all = sellers::all(&self.store)?;
        let name = |id: Id| {
            all.iter()
                .find(|s| s.id == id)
                .map(|s| format!("{} ({})", s.draft.store_name, s.draft.platform.as_str()))
                .unwrap_or_default()
        };
        Ok(suggest_links(&all)
            .into_iter()
            .map(|s| LinkSuggestionView {
                a_name: name(s.a),
                b_name: name(s.b),
                a: s.a,
                b: s.b,
                shared: s.shared,
            })
            .collect())
    }

    /// Puts the stores in one group: the group one of them is already in,
    /// else a new one with `group_name`.
    pub fn link_sellers(&mut self, input: LinkSellersInput) -> Result<SellerGroupView> {
        if input.seller_ids.len() < 2 {
            return Err(DeskError::new(
                ErrorCode::Validation,
                "Choose at least two stores to link.",
            ));
        }
        let members = input
            .seller_ids
            .iter()
            .map(|id| sellers::get(&self.store, *id))
            .collect::<Result<Vec<_>, _>>()?;
        let existing = members.iter().find_map(|m| m.draft.group_id);
        let now = ippdesk_domain::now();
        let group_id = self.store.write(|tx| {
            let gid = match existing {
                Some(g) => g,
                None => {
                    let name = if input.group_name.trim().is_empty() {
                        members[0].draft.store_name.clone()
                    } else {
                        input.group_name.trim().to_string()
                    };
                    let g = SellerGroup {
                        id: new_id(),
                        name,
                        notes: String::new(),
                        created_at: now,
                    };
                    sellers::insert_group(tx, &g)?;
                    g.id
                }
            };
            for m in &members {
                if m.draft.group_id != Some(gid) {
                    let mut m = m.clone();
                    m.draft.group_id = Some(gid);
                    m.updated_at = now;
                    sellers::update(tx, &m)?;
                }
            }
            Ok::<_, DeskError>(gid)
        })?;
        let g = sellers::get_group(&self.store, group_id)?;
        Ok(SellerGroupView {
            id: g.id,
            name: g.name,
            members: sellers::in_group(&self.store, group_id)?
                .into_iter()
                .map(|m| sellers::stats(&self.store, m.id).map(row))
                .collect::<Result<Vec<_>, _>>()?,
        })
    }

    pub fn unlink_seller(&mut self, id: Id) -> Result<()> {
        let mut s = sellers::get(&self.store, id)?;
        s.draft.group_id = None;
        s.updated_at = ippdesk_domain::now();
        Ok(self.store.write(|tx| sellers::update(tx, &s))?)
    }

    pub fn get_listing(&self, id: Id) -> Result<ListingDetail> {
        Ok(ListingDetail {
            listing: listings::get(&self.store, id)?,
            complaints: self.complaint_rows(complaints::of_listing(&self.store, id)?)?,
            evidence: self.documents_of(OwnerKind::Listing, id)?,
        })
    }

    pub fn create_test_purchase(&mut self, draft: TestPurchaseDraft) -> Result<TestPurchaseView> {
        draft.validate()?;
        let now = ippdesk_domain::now();
        let t = TestPurchase {
            id: new_id(),
            draft,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| test_purchases::insert(tx, &t))?;
        Ok(TestPurchaseView {
            purchase: t,
            photos: Vec::new(),
        })
    }

    pub fn update_test_purchase(
        &mut self,
        id: Id,
        draft: TestPurchaseDraft,
    ) -> Result<TestPurchaseView> {
        draft.validate()?;
        let mut t = test_purchases::get(&self.store, id)?;
        t.draft = draft;
        t.updated_at = ippdesk_domain::now();
        self.store.write(|tx| test_purchases::update(tx, &t))?;
        Ok(TestPurchaseView {
            photos: self.documents_of(OwnerKind::TestPurchase, id)?,
            purchase: t,
        })
    }

    pub fn delete_test_purchase(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| test_purchases::delete(tx, id))?)
    }

    /// Indexes up to `max` listings for full-text search (imports leave that
    /// for afterwards); returns how many still wait. Hosts call it in small
    /// steps when idle: the app from a background thread, the CLI to the end.
    pub fn index_search_step(&mut self, max: u32) -> Result<u64> {
        // Read first: the app asks every few seconds, and most times there is
        // nothing to index and no reason to take the write lock.
        if search::pending(&self.store)? == 0 {
            return Ok(0);
        }
        Ok(self.store.write(|tx| search::index_pending(tx, max))?)
    }

    /// Runs the indexer until nothing waits.
    pub fn index_search_fully(&mut self) -> Result<()> {
        while self.index_search_step(20_000)? > 0 {}
        Ok(())
    }

    /// Listings, sellers and complaints matching `text` (any substring;
    /// Chinese included).
    pub fn search(&self, text: &str) -> Result<Vec<SearchHit>> {
        search::search(&self.store, text, 50)?
            .into_iter()
            .map(|h| {
                let (kind, complaint_id) = match h.kind {
                    search::HitKind::Listing => (
                        SearchHitKind::Listing,
                        complaints::open_complaint_of(&self.store, h.id)?,
                    ),
                    search::HitKind::Seller => (SearchHitKind::Seller, None),
                    search::HitKind::Complaint => (SearchHitKind::Complaint, Some(h.id)),
                };
                Ok(SearchHit {
                    kind,
                    id: h.id,
                    title: h.title,
                    detail: h.detail,
                    complaint_id,
                })
            })
            .collect()
    }
}
