//! Listing imports from a paste, CSV or XLSX: a per-line report first,
//! then (when the user confirms) one transaction. Also the URL exports.

use std::collections::HashMap;
use std::path::Path;

use chrono::Utc;
use ippdesk_domain::*;
use ippdesk_store::tables::{complaints, listings, sellers};
use ippdesk_store::Db;

use crate::table_export::{write_tables, Sheet, TableFormat};
use crate::{
    Desk, DeskError, ErrorCode, ImportProgress, ImportReport, ImportRequest, ImportSource, Result,
    UrlExportFormat,
};

/// Lines per part: a reading thread parses, normalizes and checks one part
/// for repeats while this thread looks the part before up and writes it, so
/// an import uses two cores (100k lines: 20 parts, 20 progress events).
const PART_LINES: usize = 5_000;

/// New listings to create and every listing a batch names (new or known), in order.
pub(crate) struct PreparedPaste {
    pub new_listings: Vec<Listing>,
    pub all_ids: Vec<Id>,
}

/// One part of an import: read, normalized and checked for repeats within
/// the batch (first sightings are `Accepted` until the store is asked).
struct CheckedPart {
    inputs: Vec<ListingInput>,
    classified: Vec<(LineReport, Option<ParsedUrl>)>,
    /// Lines read so far and the expected total, for progress.
    read: u32,
    total: u32,
}

/// What the parts added up to.
#[derive(Default)]
struct Taken {
    lines: Vec<LineReport>,
    /// Every listing the batch names, new or known, in order.
    for_complaint: Vec<Id>,
    new_count: usize,
    first_new: Option<Listing>,
    last_new: Option<Listing>,
    /// Listings added to the complaint (a commit into one).
    added: usize,
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
        let source_name = match &req.source {
            ImportSource::Paste { .. } => "paste".to_string(),
            ImportSource::File { path } => path.clone(),
        };
        let complaint = req
            .complaint_id
            .map(|id| complaints::get(&self.store, id))
            .transpose()?;
        if commit && complaint.as_ref().is_some_and(|c| !c.status.is_editable()) {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "Listings can be added only before the complaint is filed.",
            ));
        }
        let sellers = KnownSellers::load(&self.store)?;
        let stage = if commit { "saving" } else { "checking" };
        progress(ImportProgress {
            stage: stage.into(),
            done: 0,
            total: 0,
        });
        let source = &req.source;
        let store = &mut self.store;
        let taken = std::thread::scope(|scope| {
            let (parts_tx, parts) = std::sync::mpsc::sync_channel::<Result<Option<CheckedPart>>>(2);
            scope.spawn(move || {
                let mut classifier = BatchClassifier::default();
                let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    read_in_parts(source, PART_LINES, &mut |inputs, read, total| {
                        let parsed = inputs.iter().map(|i| normalize_url(&i.url)).collect();
                        let classified = classifier.classify(&inputs, parsed, |_| None);
                        let part = CheckedPart {
                            inputs,
                            classified,
                            read,
                            total,
                        };
                        // A closed channel: the writer stopped on an error.
                        parts_tx.send(Ok(Some(part))).is_ok()
                    })
                }));
                // `None` says the file ended; without it the writer rolls back.
                let _ = parts_tx.send(match read {
                    Ok(Ok(())) => Ok(None),
                    Ok(Err(e)) => Err(e),
                    Err(_) => Err(stopped_reading()),
                });
            });
            let mut report = |done, total| {
                progress(ImportProgress {
                    stage: stage.into(),
                    done,
                    total,
                })
            };
            if !commit {
                return take_parts(&*store, parts, complaint.as_ref(), None, &mut report);
            }
            store.write_batch(|tx| {
                let mut write = |new: &mut Vec<Listing>| -> Result<()> {
                    sellers.link(new);
                    Ok(listings::insert_all(tx, new)?)
                };
                let mut taken =
                    take_parts(tx, parts, complaint.as_ref(), Some(&mut write), &mut report)?;
                if let (Some(first), Some(last)) = (&taken.first_new, &taken.last_new) {
                    listings::record_import(tx, &source_name, taken.new_count, first, last)?;
                }
                if let Some(c) = &complaint {
                    taken.added = complaints::add_listings(tx, c.id, &taken.for_complaint)?;
                }
                Ok(taken)
            })
        })?;
        let added = taken.added;
        let total = taken.lines.len() as u32;
        progress(ImportProgress {
            stage: "done".into(),
            done: total,
            total,
        });
        Ok(ImportReport {
            counts: ImportCounts::of(&taken.lines),
            lines: taken.lines,
            committed: commit,
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
                    let l = listing_from(input.clone(), p, now);
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
        KnownSellers::load(&self.store)?.link(&mut prepared.new_listings);
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

fn listing_from(input: ListingInput, p: ParsedUrl, now: chrono::DateTime<Utc>) -> Listing {
    let trimmed = input.url.trim();
    let original_url = if trimmed.len() == input.url.len() {
        input.url
    } else {
        trimmed.to_string()
    };
    Listing {
        id: new_id(),
        platform: p.platform,
        kind: p.kind,
        external_id: p.id,
        canonical_url: p.canonical,
        original_url,
        title: input.title,
        price: input.price,
        seller_name: input.seller_name,
        store_url: input.store_url.trim().to_string(),
        seller_id: None,
        notes: input.notes,
        created_at: now,
    }
}

/// Writes one part's new listings (a commit's transaction).
type WritePart<'a> = &'a mut dyn FnMut(&mut Vec<Listing>) -> Result<()>;

/// Looks each part's first sightings up in the store (one query a part),
/// refuses lines of another platform than the complaint's, and hands the
/// part's new listings to `write` (none for a preview).
fn take_parts(
    db: &impl Db,
    parts: std::sync::mpsc::Receiver<Result<Option<CheckedPart>>>,
    complaint: Option<&Complaint>,
    mut write: Option<WritePart>,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Taken> {
    let now = Utc::now();
    let mut taken = Taken::default();
    loop {
        // A reader gone without saying the file ended (it panicked) must not
        // leave a partial import behind: that is an error, so it rolls back.
        let Some(part) = parts.recv().map_err(|_| stopped_reading())?? else {
            return Ok(taken);
        };
        let canonical: Vec<&str> = part
            .classified
            .iter()
            .filter_map(|(line, _)| match &line.outcome {
                LineOutcome::Accepted { canonical, .. } => Some(canonical.as_str()),
                _ => None,
            })
            .collect();
        let mut known = listings::find_known(db, &canonical)?;
        let mut new = Vec::new();
        for ((mut line, parsed), input) in part.classified.into_iter().zip(part.inputs) {
            let found = match &line.outcome {
                LineOutcome::Accepted { canonical, .. } => known.remove(canonical),
                _ => None,
            };
            if let Some((listing_id, complaints)) = found {
                let canonical = parsed.as_ref().map(|p| p.canonical.clone());
                line.outcome = LineOutcome::AlreadyKnown {
                    listing_id,
                    canonical: canonical.unwrap_or_default(),
                    complaints,
                };
            }
            if let (Some(c), Some(p)) = (complaint, &parsed) {
                if p.platform != c.draft.platform {
                    line.outcome = LineOutcome::Invalid {
                        reason: format!(
                            "a {} URL; this complaint is on {}",
                            p.platform.as_str(),
                            c.draft.platform.as_str()
                        ),
                    };
                    taken.lines.push(line);
                    continue;
                }
            }
            match (&line.outcome, parsed) {
                (LineOutcome::Accepted { .. }, Some(p)) if write.is_some() => {
                    let l = listing_from(input, p, now);
                    taken.for_complaint.push(l.id);
                    new.push(l);
                }
                (LineOutcome::AlreadyKnown { listing_id, .. }, _) => {
                    taken.for_complaint.push(*listing_id)
                }
                _ => {}
            }
            taken.lines.push(line);
        }
        if let (Some(write), Some(first)) = (write.as_mut(), new.first()) {
            if taken.first_new.is_none() {
                taken.first_new = Some(first.clone());
            }
            taken.last_new = new.last().cloned();
            taken.new_count += new.len();
            write(&mut new)?;
        }
        progress(part.read, part.total);
    }
}

fn stopped_reading() -> DeskError {
    DeskError::new(
        ErrorCode::Internal,
        "Reading the listings stopped on an internal error; nothing was saved.",
    )
}

/// Sellers on file by store URL and by store name, so new listings point at
/// them (sellers are few: matched in memory).
struct KnownSellers {
    /// Per platform, so a listing is looked up by `&str` without a copy.
    by_url: HashMap<Platform, HashMap<String, Id>>,
    by_name: HashMap<Platform, HashMap<String, Id>>,
}

impl KnownSellers {
    fn load(db: &impl Db) -> Result<Self> {
        let mut known = KnownSellers {
            by_url: HashMap::new(),
            by_name: HashMap::new(),
        };
        // Oldest first wins, as `sellers::find_by_store` does.
        for s in sellers::all(db)?.into_iter().rev() {
            let platform = s.draft.platform;
            if !s.draft.store_url.is_empty() {
                known
                    .by_url
                    .entry(platform)
                    .or_default()
                    .insert(s.draft.store_url, s.id);
            }
            known
                .by_name
                .entry(platform)
                .or_default()
                .insert(s.draft.store_name, s.id);
        }
        Ok(known)
    }

    fn link(&self, new: &mut [Listing]) {
        if self.by_name.is_empty() {
            return;
        }
        let find = |map: &HashMap<Platform, HashMap<String, Id>>, l: &Listing, key: &str| {
            map.get(&l.platform).and_then(|m| m.get(key)).copied()
        };
        for l in new.iter_mut() {
            l.seller_id = find(&self.by_url, l, &l.store_url)
                .or_else(|| find(&self.by_name, l, &l.seller_name));
        }
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

/// Which input field each column feeds: named by a header row (any order,
/// English or Chinese) or, without one, URL, title, price, seller, store
/// URL, notes.
struct Columns(Vec<Option<usize>>);

impl Columns {
    /// From the first row; `true` when that row is a header (it names the
    /// URL column).
    fn from_first_row<'a>(cells: impl Iterator<Item = &'a str>) -> (Columns, bool) {
        let named: Vec<_> = cells.map(column_of).collect();
        if named.contains(&Some(0)) {
            (Columns(named), true)
        } else {
            (Columns((0..6).map(Some).collect()), false)
        }
    }

    /// One row's input, or `None` for a blank row.
    fn input<'a>(&self, line: u32, cells: impl Iterator<Item = &'a str>) -> Option<ListingInput> {
        let mut f: [String; 6] = Default::default();
        let mut blank = true;
        for (i, cell) in cells.enumerate() {
            let cell = cell.trim();
            blank &= cell.is_empty();
            if let Some(Some(t)) = self.0.get(i) {
                f[*t] = cell.to_string();
            }
        }
        if blank {
            return None;
        }
        let [url, title, price, seller_name, store_url, notes] = f;
        Some(ListingInput {
            line,
            url,
            title,
            price,
            seller_name,
            store_url,
            notes,
        })
    }
}

/// Rows of cells to inputs (see [`Columns`]). `first_row_number` is the
/// spreadsheet's number of `rows[0]`.
fn rows_to_inputs(rows: Vec<Vec<String>>, first_row_number: u32) -> Vec<ListingInput> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    let (columns, header) = Columns::from_first_row(first.iter().map(String::as_str));
    rows.iter()
        .enumerate()
        .skip(usize::from(header))
        .filter_map(|(i, cells)| {
            columns.input(
                first_row_number + i as u32,
                cells.iter().map(String::as_str),
            )
        })
        .collect()
}

fn cannot_read(path: &Path, e: &dyn std::fmt::Display) -> DeskError {
    DeskError::new(
        ErrorCode::Io,
        format!("Cannot read {}: {e}", path.display()),
    )
}

fn is_spreadsheet(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// Reads a paste, a CSV (UTF-8, comma or tab separated) or a spreadsheet and
/// hands its inputs to `emit` `part` lines at a time, with the lines read so
/// far and the expected total; stops early when `emit` returns false. A CSV
/// is parsed part by part as it is handed over.
fn read_in_parts(
    source: &ImportSource,
    part: usize,
    emit: &mut dyn FnMut(Vec<ListingInput>, u32, u32) -> bool,
) -> Result<()> {
    let inputs = match source {
        ImportSource::Paste { text } => paste_inputs(text),
        ImportSource::File { path } if is_spreadsheet(Path::new(path)) => {
            read_spreadsheet(Path::new(path))?
        }
        ImportSource::File { path } => return read_csv_in_parts(Path::new(path), part, emit),
    };
    let total = inputs.len() as u32;
    let mut read = 0;
    let mut inputs = inputs.into_iter();
    loop {
        let chunk: Vec<_> = inputs.by_ref().take(part).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        read += chunk.len() as u32;
        if !emit(chunk, read, total) {
            return Ok(());
        }
    }
}

fn read_spreadsheet(path: &Path) -> Result<Vec<ListingInput>> {
    use calamine::{open_workbook_auto, Reader};
    let mut book = open_workbook_auto(path).map_err(|e| cannot_read(path, &e))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| cannot_read(path, &"the workbook has no sheets"))?;
    let range = book
        .worksheet_range(&first)
        .map_err(|e| cannot_read(path, &e))?;
    let rows = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    Ok(rows_to_inputs(rows, 1))
}

fn read_csv_in_parts(
    path: &Path,
    part: usize,
    emit: &mut dyn FnMut(Vec<ListingInput>, u32, u32) -> bool,
) -> Result<()> {
    let bytes = std::fs::read(path).map_err(|e| cannot_read(path, &e))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| cannot_read(path, &"it is not UTF-8 text; save it as CSV UTF-8 or XLSX"))?;
    let first_line = text.lines().next().unwrap_or("");
    let tabs = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        || (first_line.contains('\t') && !first_line.contains(','));
    // Lines, for progress (a quoted cell may hold a line break: an estimate).
    let total = text.lines().count() as u32;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tabs { b'\t' } else { b',' })
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut columns = None;
    let mut chunk = Vec::with_capacity(part);
    let mut row = 0u32;
    while reader
        .read_record(&mut record)
        .map_err(|e| cannot_read(path, &e))?
    {
        row += 1;
        let columns = match &columns {
            Some(c) => c,
            None => {
                let (found, header) = Columns::from_first_row(record.iter());
                let c = columns.insert(found);
                if header {
                    continue;
                }
                c
            }
        };
        chunk.extend(columns.input(row, record.iter()));
        if chunk.len() == part && !emit(std::mem::take(&mut chunk), row, total.max(row)) {
            return Ok(());
        }
    }
    if !chunk.is_empty() {
        emit(chunk, row, row);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_that_stops_without_the_end_mark_fails_the_import() {
        let dir = tempfile::tempdir().unwrap();
        let store = ippdesk_store::Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let part = |url: &str| {
            let inputs = paste_inputs(url);
            let parsed = inputs.iter().map(|i| normalize_url(&i.url)).collect();
            let classified = classify_parsed(&inputs, parsed, |_| None);
            CheckedPart {
                inputs,
                classified,
                read: 1,
                total: 2,
            }
        };
        let run = |end: bool| {
            let (tx, rx) = std::sync::mpsc::sync_channel(4);
            tx.send(Ok(Some(part("https://item.taobao.com/item.htm?id=1"))))
                .unwrap();
            if end {
                tx.send(Ok(None)).unwrap();
            }
            drop(tx);
            take_parts(&store, rx, None, None, &mut |_, _| {})
        };
        assert_eq!(run(true).unwrap().lines.len(), 1);
        let err = run(false).err().expect("no end mark");
        assert_eq!(err.code, ErrorCode::Internal);
    }

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
