//! The batch builder: N listings on one right and platform become ⌈N/limit⌉
//! draft complaints, minus listings already in an open complaint.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Id;

/// A listing offered to the batch builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchListing {
    pub id: Id,
    /// The storefront it belongs to (store URL or seller), when known.
    pub storefront: Option<String>,
    /// An open complaint that already holds it.
    pub open_complaint: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HeldElsewhere {
    pub listing_id: Id,
    pub complaint_id: Id,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BatchPlan {
    /// One entry per draft complaint to create, each at most `limit` long.
    pub complaints: Vec<Vec<Id>>,
    pub held_elsewhere: Vec<HeldElsewhere>,
}

/// Splits `listings` (in the order given, duplicates dropped) into chunks of
/// at most `limit`. With `by_storefront`, each storefront gets its own
/// complaints (listings without one share a group), in first-seen order.
pub fn plan_batch(listings: &[BatchListing], limit: usize, by_storefront: bool) -> BatchPlan {
    let limit = limit.max(1);
    let mut plan = BatchPlan::default();
    let mut seen = std::collections::HashSet::new();
    let mut groups: Vec<(Option<&str>, Vec<Id>)> = Vec::new();
    for l in listings {
        if !seen.insert(l.id) {
            continue;
        }
        if let Some(c) = l.open_complaint {
            plan.held_elsewhere.push(HeldElsewhere {
                listing_id: l.id,
                complaint_id: c,
            });
            continue;
        }
        let key = if by_storefront {
            l.storefront.as_deref()
        } else {
            None
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ids)) => ids.push(l.id),
            None => groups.push((key, vec![l.id])),
        }
    }
    for (_, ids) in groups {
        plan.complaints
            .extend(ids.chunks(limit).map(<[Id]>::to_vec));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::new_id;

    fn listing(store: Option<&str>) -> BatchListing {
        BatchListing {
            id: new_id(),
            storefront: store.map(Into::into),
            open_complaint: None,
        }
    }

    #[test]
    fn splits_into_ceil_n_over_limit() {
        for (n, expected) in [
            (0, vec![]),
            (1, vec![1]),
            (300, vec![300]),
            (301, vec![300, 1]),
            (750, vec![300, 300, 150]),
        ] {
            let ls: Vec<_> = (0..n).map(|_| listing(None)).collect();
            let plan = plan_batch(&ls, 300, false);
            let sizes: Vec<_> = plan.complaints.iter().map(Vec::len).collect();
            assert_eq!(sizes, expected, "n = {n}");
            let flat: Vec<_> = plan.complaints.concat();
            assert_eq!(
                flat,
                ls.iter().map(|l| l.id).collect::<Vec<_>>(),
                "order kept"
            );
        }
    }

    #[test]
    fn listings_in_open_complaints_are_kept_out_and_reported() {
        let mut ls: Vec<_> = (0..5).map(|_| listing(None)).collect();
        let other = new_id();
        ls[1].open_complaint = Some(other);
        ls.push(ls[0].clone()); // pasted twice
        let plan = plan_batch(&ls, 2, false);
        assert_eq!(
            plan.complaints,
            vec![vec![ls[0].id, ls[2].id], vec![ls[3].id, ls[4].id]]
        );
        assert_eq!(
            plan.held_elsewhere,
            vec![HeldElsewhere {
                listing_id: ls[1].id,
                complaint_id: other
            }]
        );
    }

    #[test]
    fn groups_by_storefront_when_asked() {
        let ls = vec![
            listing(Some("shop1")),
            listing(Some("shop2")),
            listing(Some("shop1")),
            listing(None),
            listing(Some("shop1")),
        ];
        let plan = plan_batch(&ls, 2, true);
        assert_eq!(
            plan.complaints,
            vec![
                vec![ls[0].id, ls[2].id],
                vec![ls[4].id],
                vec![ls[1].id],
                vec![ls[3].id]
            ]
        );
        assert_eq!(plan_batch(&ls, 2, false).complaints.len(), 3);
    }
}
