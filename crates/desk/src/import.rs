//! Listing imports from a paste, CSV or XLSX: a per-line report first,
//! then (when the user confirms) one transaction. Also the URL exports.

use std::collections::HashMap;
use std::path::Path;

use chrono::Utc;
use ippdesk_domain::*;
use ippdesk_store::tables::{complaints, listings, sellers};

use crate::table_export::{write_tables, Sheet, TableFormat};
use crate::{
    Desk, DeskError, ErrorCode, ImportProgress, ImportReport, ImportRequest, ImportSource, Result,
    UrlExportFormat,
};

/// Reported every this many lines, so a UI can show progress without
/// drowning in events.
const PROGRESS_STEP: usize = 5_000;

/// New listings to create and every listing a batch names (new or known), in order.
pub(crate) struct PreparedPaste {
    pub new_listings: Vec<Listing>,
    pub all_ids: Vec<Id>,
}

impl Desk {
    /// Previews (`commit == false`: nothing is written) or commits an import.
    /// A commit is one transaction: it all lands or none of it does.
    pub fn import_listings(
        &mut self,
        req: ImportRequest,
        commit: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let (inputs, source) = match &req.source {
            ImportSource::Paste { text } => (paste_inputs(text), "paste".to_string()),
            ImportSource::File { path } => (read_listing_file(Path::new(path))?, path.clone()),
        };
        let total = inputs.len() as u32;
        progress(ImportProgress {
            stage: "checking".into(),
            done: 0,
            total,
        });
        let complaint = req
            .complaint_id
            .map(|id| complaints::get(&self.store, id))
            .transpose()?;
        let classified = self.classify(&inputs)?;
        let mut report_lines = Vec::with_capacity(classified.len());
        let mut new_listings = Vec::new();
        let mut for_complaint = Vec::new();
        let now = Utc::now();
        for (i, ((line, parsed), input)) in classified.into_iter().zip(&inputs).enumerate() {
            if (i + 1) % PROGRESS_STEP == 0 {
                progress(ImportProgress {
                    stage: "checking".into(),
                    done: i as u32 + 1,
                    total,
                });
            }
            let mut line = line;
            if let (Some(c), Some(p)) = (&complaint, &parsed) {
                if p.platform != c.draft.platform {
                    line.outcome = LineOutcome::Invalid {
                        reason: format!(
                            "a {} URL; this complaint is on {}",
                            p.platform.as_str(),
                            c.draft.platform.as_str()
                        ),
                    };
                    report_lines.push(line);
                    continue;
                }
            }
            match (&line.outcome, parsed) {
                (LineOutcome::Accepted { .. }, Some(p)) => {
                    let l = listing_from(input, p, now);
                    for_complaint.push(l.id);
                    new_listings.push(l);
                }
                (LineOutcome::AlreadyKnown { listing_id, .. }, _) => {
                    for_complaint.push(*listing_id)
                }
                _ => {}
            }
            report_lines.push(line);
        }
        let counts = ImportCounts::of(&report_lines);
        if !commit {
            return Ok(ImportReport {
                counts,
                lines: report_lines,
                committed: false,
                added_to_complaint: 0,
            });
        }
        if let Some(c) = &complaint {
            if !c.status.is_editable() {
                return Err(DeskError::new(
                    ErrorCode::InvalidTransition,
                    "Listings can be added only before the complaint is filed.",
                ));
            }
        }
        progress(ImportProgress {
            stage: "saving".into(),
            done: 0,
            total: new_listings.len() as u32,
        });
        self.link_known_sellers(&mut new_listings)?;
        let added = self.store.write_batch(|tx| {
            listings::insert_many(tx, &new_listings, &source)?;
            match &complaint {
                Some(c) => complaints::add_listings(tx, c.id, &for_complaint),
                None => Ok(0),
            }
        })?;
        progress(ImportProgress {
            stage: "done".into(),
            done: total,
            total,
        });
        Ok(ImportReport {
            counts,
            lines: report_lines,
            committed: true,
            added_to_complaint: added as u32,
        })
    }

    /// Parses each line once and looks the canonical URLs up in the store,
    /// all in one query.
    fn classify(&self, inputs: &[ListingInput]) -> Result<Vec<(LineReport, Option<ParsedUrl>)>> {
        let parsed = normalize_all(inputs);
        let canonical: Vec<&str> = parsed
            .iter()
            .filter_map(|p| p.as_ref().ok().map(|p| p.canonical.as_str()))
            .collect();
        let mut known = listings::find_known(&self.store, &canonical)?;
        Ok(classify_parsed(inputs, parsed, |url| known.remove(url)))
    }

    /// Points new listings at sellers already on file with the same store URL
    /// or store name (sellers are few: matched in memory).
    fn link_known_sellers(&self, new: &mut [Listing]) -> Result<()> {
        let known = sellers::all(&self.store)?;
        if known.is_empty() {
            return Ok(());
        }
        let mut by_url: HashMap<(Platform, &str), Id> = HashMap::new();
        let mut by_name: HashMap<(Platform, &str), Id> = HashMap::new();
        // Oldest first wins, as `sellers::find_by_store` does.
        for s in known.iter().rev() {
            if !s.draft.store_url.is_empty() {
                by_url.insert((s.draft.platform, s.draft.store_url.as_str()), s.id);
            }
            by_name.insert((s.draft.platform, s.draft.store_name.as_str()), s.id);
        }
        for l in new.iter_mut() {
            l.seller_id = by_url
                .get(&(l.platform, l.store_url.as_str()))
                .or_else(|| by_name.get(&(l.platform, l.seller_name.as_str())))
                .copied();
        }
        Ok(())
    }

    /// Parses a paste for the batch builder: new listings to insert, every id
    /// in order, and the lines not used (invalid or another platform).
    pub(crate) fn prepare_paste_for_batch(
        &self,
        text: &str,
        platform: Platform,
    ) -> Result<(PreparedPaste, Vec<LineReport>)> {
        let inputs = paste_inputs(text);
        let classified = self.classify(&inputs)?;
        let now = Utc::now();
        let mut prepared = PreparedPaste {
            new_listings: Vec::new(),
            all_ids: Vec::new(),
        };
        let mut skipped = Vec::new();
        for ((mut line, parsed), input) in classified.into_iter().zip(&inputs) {
            if parsed.as_ref().is_some_and(|p| p.platform != platform) {
                line.outcome = LineOutcome::Invalid {
                    reason: format!("not a {} URL", platform.as_str()),
                };
            }
            match (&line.outcome, parsed) {
                (LineOutcome::Accepted { .. }, Some(p)) => {
                    let l = listing_from(input, p, now);
                    prepared.all_ids.push(l.id);
                    prepared.new_listings.push(l);
                }
                (LineOutcome::AlreadyKnown { listing_id, .. }, _) => {
                    prepared.all_ids.push(*listing_id)
                }
                (LineOutcome::DuplicateInBatch { .. }, _) => {}
                _ => skipped.push(line),
            }
        }
        let mut new = std::mem::take(&mut prepared.new_listings);
        self.link_known_sellers(&mut new)?;
        prepared.new_listings = new;
        Ok((prepared, skipped))
    }

    /// Writes a complaint's URLs to `path`: text (one per line, for IPP's
    /// form), CSV or XLSX (with id, platform, title and seller).
    pub fn export_complaint_urls(
        &self,
        id: Id,
        format: UrlExportFormat,
        path: &Path,
    ) -> Result<()> {
        let format = match format {
            UrlExportFormat::Text => {
                return std::fs::write(path, self.complaint_urls(id)?).map_err(|e| {
                    DeskError::new(
                        ErrorCode::Io,
                        format!("Cannot write {}: {e}", path.display()),
                    )
                })
            }
            UrlExportFormat::Csv => TableFormat::Csv,
            UrlExportFormat::Xlsx => TableFormat::Xlsx,
        };
        let mut rows = vec![["url", "platform", "id", "title", "seller", "outcome"]
            .map(String::from)
            .to_vec()];
        rows.extend(complaints::listings_of(&self.store, id)?.iter().map(|r| {
            let l = &r.listing;
            vec![
                l.canonical_url.clone(),
                l.platform.as_str().to_string(),
                l.external_id.clone().unwrap_or_default(),
                l.title.clone(),
                l.seller_name.clone(),
                outcome_name(r.outcome).to_string(),
            ]
        }));
        write_tables(path, format, &[Sheet { name: "URLs", rows }])
    }
}

/// Normalizes every URL, on as many threads as there are cores: parsing
/// is half the work of a large import and needs no database.
fn normalize_all(inputs: &[ListingInput]) -> Vec<Result<ParsedUrl, UrlError>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || inputs.len() < 10_000 {
        return inputs.iter().map(|i| normalize_url(&i.url)).collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let normalize = |part: &[ListingInput]| {
            part.iter()
                .map(|i| normalize_url(&i.url))
                .collect::<Vec<_>>()
        };
        let parts: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| (part, scope.spawn(move || normalize(part))))
            .collect();
        // A part whose thread died is redone here, so lines never shift.
        parts
            .into_iter()
            .flat_map(|(part, h)| h.join().unwrap_or_else(|_| normalize(part)))
            .collect()
    })
}

fn listing_from(input: &ListingInput, p: ParsedUrl, now: chrono::DateTime<Utc>) -> Listing {
    Listing {
        id: new_id(),
        platform: p.platform,
        kind: p.kind,
        external_id: p.id,
        canonical_url: p.canonical,
        original_url: input.url.trim().to_string(),
        title: input.title.clone(),
        price: input.price.clone(),
        seller_name: input.seller_name.clone(),
        store_url: input.store_url.trim().to_string(),
        seller_id: None,
        notes: input.notes.clone(),
        created_at: now,
    }
}

fn outcome_name(o: ListingOutcome) -> &'static str {
    match o {
        ListingOutcome::Pending => "pending",
        ListingOutcome::Removed => "removed",
        ListingOutcome::Rejected => "rejected",
        ListingOutcome::Reinstated => "reinstated",
        ListingOutcome::Withdrawn => "withdrawn",
    }
}

/// Which input field a header cell names (English or Chinese).
fn column_of(header: &str) -> Option<usize> {
    let h = header.trim().to_lowercase();
    let h = h.trim_start_matches('\u{feff}');
    Some(match h {
        "url" | "link" | "listing url" | "listing" | "链接" | "商品链接" | "网址" => 0,
        "title" | "标题" | "商品标题" | "名称" => 1,
        "price" | "价格" => 2,
        "seller" | "seller name" | "store" | "store name" | "卖家" | "店铺" | "店铺名称" => {
            3
        }
        "store url" | "store link" | "shop url" | "店铺链接" => 4,
        "notes" | "note" | "备注" => 5,
        _ => return None,
    })
}

/// Rows of cells to inputs. A first row whose cells name columns is a header
/// (any order); otherwise columns are URL, title, price, seller, store URL,
/// notes. `first_row_number` is the spreadsheet's number of `rows[0]`.
fn rows_to_inputs(rows: Vec<Vec<String>>, first_row_number: u32) -> Vec<ListingInput> {
    let mut iter = rows.into_iter().enumerate().peekable();
    let mut map: Vec<Option<usize>> = (0..6).map(Some).collect();
    if let Some((_, first)) = iter.peek() {
        let named: Vec<_> = first.iter().map(|c| column_of(c)).collect();
        if named.contains(&Some(0)) {
            map = named;
            iter.next();
        }
    }
    iter.filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, cells)| {
            let mut f: [String; 6] = Default::default();
            for (cell, target) in cells.into_iter().zip(&map) {
                if let Some(t) = target {
                    f[*t] = cell.trim().to_string();
                }
            }
            let [url, title, price, seller_name, store_url, notes] = f;
            ListingInput {
                line: first_row_number + i as u32,
                url,
                title,
                price,
                seller_name,
                store_url,
                notes,
            }
        })
        .collect()
}

/// Reads a CSV (UTF-8, comma or tab separated) or XLSX file of listings.
pub(crate) fn read_listing_file(path: &Path) -> Result<Vec<ListingInput>> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let fail = |e: &dyn std::fmt::Display| {
        DeskError::new(
            ErrorCode::Io,
            format!("Cannot read {}: {e}", path.display()),
        )
    };
    let rows: Vec<Vec<String>> = match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => {
            use calamine::{open_workbook_auto, Reader};
            let mut book = open_workbook_auto(path).map_err(|e| fail(&e))?;
            let first = book
                .sheet_names()
                .first()
                .cloned()
                .ok_or_else(|| fail(&"the workbook has no sheets"))?;
            let range = book.worksheet_range(&first).map_err(|e| fail(&e))?;
            range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect()
        }
        _ => {
            let bytes = std::fs::read(path).map_err(|e| fail(&e))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| fail(&"it is not UTF-8 text; save it as CSV UTF-8 or XLSX"))?;
            let delimiter = if ext == "tsv"
                || text
                    .lines()
                    .next()
                    .is_some_and(|l| l.contains('\t') && !l.contains(','))
            {
                b'\t'
            } else {
                b','
            };
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(text.as_bytes());
            let mut rows = Vec::new();
            for rec in reader.records() {
                let rec = rec.map_err(|e| fail(&e))?;
                rows.push(rec.iter().map(String::from).collect());
            }
            rows
        }
    };
    Ok(rows_to_inputs(rows, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_any_order_and_language_or_none() {
        let rows = vec![
            vec!["标题".into(), "商品链接".into(), "卖家".into()],
            vec!["耳机".into(), "u1".into(), "极光小店".into()],
            vec![String::new(), String::new(), String::new()],
            vec!["t2".into(), "u2".into(), String::new()],
        ];
        let inputs = rows_to_inputs(rows, 1);
        assert_eq!(inputs.len(), 2);
        assert_eq!(
            (
                inputs[0].line,
                inputs[0].url.as_str(),
                inputs[0].title.as_str()
            ),
            (2, "u1", "耳机")
        );
        assert_eq!(inputs[0].seller_name, "极光小店");
        assert_eq!(inputs[1].line, 4);

        let plain = rows_to_inputs(vec![vec!["u1".into(), "t1".into(), "9.9".into()]], 1);
        assert_eq!((plain[0].line, plain[0].price.as_str()), (1, "9.9"));
    }
}
