//! Listings (one per canonical URL) and the per-line report of an import.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{normalize_url, Id, ListingKind, ParsedUrl, Platform};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Listing {
    pub id: Id,
    pub platform: Platform,
    pub kind: ListingKind,
    pub external_id: Option<String>,
    pub canonical_url: String,
    /// The form it was first pasted in.
    pub original_url: String,
    pub title: String,
    pub price: String,
    pub seller_name: String,
    pub store_url: String,
    pub seller_id: Option<Id>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
}

/// One line of a paste or one row of a CSV / XLSX file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListingInput {
    /// 1-based line (paste) or row (file, header excluded: the data row number as a spreadsheet shows it).
    pub line: u32,
    pub url: String,
    pub title: String,
    pub price: String,
    pub seller_name: String,
    pub store_url: String,
    pub notes: String,
}

/// What an import will do (or did) with one input line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LineOutcome {
    /// New: will be created.
    Accepted {
        platform: Platform,
        kind: ListingKind,
        canonical: String,
    },
    /// The same listing appeared earlier in this batch (perhaps in another form).
    DuplicateInBatch {
        first_line: u32,
        canonical: String,
    },
    /// Already in the database; `complaints` are the open ones holding it.
    AlreadyKnown {
        listing_id: Id,
        canonical: String,
        complaints: Vec<ComplaintRef>,
    },
    Invalid {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComplaintRef {
    pub id: Id,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineReport {
    pub line: u32,
    pub input: String,
    #[serde(flatten)]
    pub outcome: LineOutcome,
}

/// Classifies each input line without looking at the database: parses, then
/// marks repeats within the batch. `known` answers "is this canonical URL
/// already stored?" (the caller looks it up).
pub fn classify_lines(
    inputs: &[ListingInput],
    known: impl FnMut(&str) -> Option<(Id, Vec<ComplaintRef>)>,
) -> Vec<(LineReport, Option<ParsedUrl>)> {
    let parsed = inputs.iter().map(|i| normalize_url(&i.url)).collect();
    classify_parsed(inputs, parsed, known)
}

/// [`classify_lines`] for URLs already normalized (`parsed[i]` is
/// `normalize_url(&inputs[i].url)`), so a caller can parse on several threads.
pub fn classify_parsed(
    inputs: &[ListingInput],
    parsed: Vec<Result<ParsedUrl, crate::UrlError>>,
    known: impl FnMut(&str) -> Option<(Id, Vec<ComplaintRef>)>,
) -> Vec<(LineReport, Option<ParsedUrl>)> {
    BatchClassifier::default().classify(inputs, parsed, known)
}

/// [`classify_parsed`] for a batch that arrives in parts (an import checks
/// one part while the part before is written): repeats are found across
/// every part given so far.
#[derive(Debug, Default)]
pub struct BatchClassifier {
    first_seen: std::collections::HashMap<String, u32>,
}

impl BatchClassifier {
    pub fn classify(
        &mut self,
        inputs: &[ListingInput],
        parsed: Vec<Result<ParsedUrl, crate::UrlError>>,
        mut known: impl FnMut(&str) -> Option<(Id, Vec<ComplaintRef>)>,
    ) -> Vec<(LineReport, Option<ParsedUrl>)> {
        let first_seen = &mut self.first_seen;
        first_seen.reserve(inputs.len());
        inputs
            .iter()
            .zip(parsed)
            .map(|(i, parsed)| {
                let (outcome, parsed) = match parsed {
                    Err(e) => (
                        LineOutcome::Invalid {
                            reason: e.to_string(),
                        },
                        None,
                    ),
                    Ok(p) => {
                        if let Some(&first) = first_seen.get(&p.canonical) {
                            (
                                LineOutcome::DuplicateInBatch {
                                    first_line: first,
                                    canonical: p.canonical,
                                },
                                None,
                            )
                        } else {
                            first_seen.insert(p.canonical.clone(), i.line);
                            match known(&p.canonical) {
                                Some((listing_id, complaints)) => (
                                    LineOutcome::AlreadyKnown {
                                        listing_id,
                                        canonical: p.canonical.clone(),
                                        complaints,
                                    },
                                    Some(p),
                                ),
                                None => (
                                    LineOutcome::Accepted {
                                        platform: p.platform,
                                        kind: p.kind,
                                        canonical: p.canonical.clone(),
                                    },
                                    Some(p),
                                ),
                            }
                        }
                    }
                };
                (
                    LineReport {
                        line: i.line,
                        input: i.url.clone(),
                        outcome,
                    },
                    parsed,
                )
            })
            .collect()
    }
}

/// Counts for the report's header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportCounts {
    pub accepted: u32,
    pub duplicate: u32,
    pub known: u32,
    pub invalid: u32,
}

impl ImportCounts {
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a LineReport>) -> Self {
        let mut c = ImportCounts::default();
        for l in lines {
            match l.outcome {
                LineOutcome::Accepted { .. } => c.accepted += 1,
                LineOutcome::DuplicateInBatch { .. } => c.duplicate += 1,
                LineOutcome::AlreadyKnown { .. } => c.known += 1,
                LineOutcome::Invalid { .. } => c.invalid += 1,
            }
        }
        c
    }
}

/// Splits pasted text into inputs, one per non-blank line (line numbers kept).
/// A line may carry tab-separated extras as copied from a spreadsheet:
/// URL, title, price, seller name, store URL, notes.
pub fn paste_inputs(text: &str) -> Vec<ListingInput> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let mut cells = l.split('\t').map(|c| c.trim().to_string());
            ListingInput {
                line: i as u32 + 1,
                url: cells.next().unwrap_or_default(),
                title: cells.next().unwrap_or_default(),
                price: cells.next().unwrap_or_default(),
                seller_name: cells.next().unwrap_or_default(),
                store_url: cells.next().unwrap_or_default(),
                notes: cells.next().unwrap_or_default(),
            }
        })
        .collect()
}

/// A test purchase: the strongest evidence that goods are counterfeit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TestPurchaseDraft {
    pub complaint_id: Option<Id>,
    pub listing_id: Option<Id>,
    pub seller_id: Option<Id>,
    pub order_number: String,
    pub ordered_on: Option<NaiveDate>,
    pub price: String,
    pub what_arrived: String,
    pub appraisal_result: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TestPurchase {
    pub id: Id,
    #[serde(flatten)]
    pub draft: TestPurchaseDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TestPurchaseDraft {
    pub fn validate(&self) -> Result<(), Vec<crate::FieldError>> {
        let mut c = crate::Checker::default();
        c.required("order_number", &self.order_number);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::new_id;

    #[test]
    fn paste_keeps_line_numbers_and_tab_separated_extras() {
        let inputs = paste_inputs("a\n\n  \nb\t蓝牙耳机\t¥39\t极光小店\n");
        assert_eq!(inputs.len(), 2);
        assert_eq!((inputs[0].line, inputs[0].url.as_str()), (1, "a"));
        assert_eq!(inputs[1].line, 4);
        assert_eq!(inputs[1].title, "蓝牙耳机");
        assert_eq!(inputs[1].seller_name, "极光小店");
    }

    #[test]
    fn each_line_is_classified_and_the_rest_kept() {
        let text = "https://detail.1688.com/offer/623456789012.html?spm=a\n\
                    not a url at all\n\
                    https://m.1688.com/offer/623456789012.html\n\
                    https://item.taobao.com/item.htm?id=712345678901\n\
                    ftp://example.com/x";
        let known_id = new_id();
        let report = classify_lines(&paste_inputs(text), |c| {
            c.contains("712345678901").then(|| {
                (
                    known_id,
                    vec![ComplaintRef {
                        id: known_id,
                        label: "C-1".into(),
                    }],
                )
            })
        });
        let outcomes: Vec<_> = report.iter().map(|(r, _)| &r.outcome).collect();
        assert!(matches!(
            outcomes[0],
            LineOutcome::Accepted {
                platform: Platform::Alibaba1688,
                ..
            }
        ));
        assert!(matches!(outcomes[1], LineOutcome::Invalid { .. }));
        assert!(matches!(
            outcomes[2],
            LineOutcome::DuplicateInBatch { first_line: 1, .. }
        ));
        assert!(
            matches!(outcomes[3], LineOutcome::AlreadyKnown { listing_id, .. } if *listing_id == known_id)
        );
        assert!(matches!(outcomes[4], LineOutcome::Invalid { .. }));
        let counts = ImportCounts::of(report.iter().map(|(r, _)| r));
        assert_eq!(
            counts,
            ImportCounts {
                accepted: 1,
                duplicate: 1,
                known: 1,
                invalid: 2
            }
        );
        assert_eq!(report[4].0.line, 5);
    }

    #[test]
    fn a_batch_in_parts_finds_repeats_across_parts() {
        let inputs = paste_inputs(
            "https://item.taobao.com/item.htm?id=1\n\
             https://item.taobao.com/item.htm?id=2\n\
             item.taobao.com/item.htm?spm=x&id=1\n\
             https://item.taobao.com/item.htm?id=3",
        );
        let mut batch = BatchClassifier::default();
        let mut outcomes = Vec::new();
        for part in inputs.chunks(2) {
            let parsed = part.iter().map(|i| normalize_url(&i.url)).collect();
            outcomes.extend(
                batch
                    .classify(part, parsed, |_| None)
                    .into_iter()
                    .map(|(r, _)| r.outcome),
            );
        }
        let whole = classify_lines(&inputs, |_| None);
        assert_eq!(
            outcomes,
            whole
                .into_iter()
                .map(|(r, _)| r.outcome)
                .collect::<Vec<_>>()
        );
        assert!(matches!(
            outcomes[2],
            LineOutcome::DuplicateInBatch { first_line: 1, .. }
        ));
        assert!(matches!(outcomes[3], LineOutcome::Accepted { .. }));
    }
}
