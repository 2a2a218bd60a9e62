//! Listing imports from a paste, CSV or XLSX: a per-line report first,
//! then (when the user confirms) one transaction. Also the URL exports.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Utc;
use ippdesk_domain::*;
use ippdesk_store::tables::{complaints, listings, sellers};
use ippdesk_store::Db;

use crate::table_export::{write_tables, write_whole, Sheet, TableFormat, FORMULA_STARTS};
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
        self.import_listings_cancellable(req, commit, progress, &AtomicBool::new(false))
    }

    /// [`Desk::import_listings`] that stops, writing nothing, once `cancel`
    /// is set (checked after each part of the file).
    pub fn import_listings_cancellable(
        &mut self,
        req: ImportRequest,
        commit: bool,
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
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
                    read_in_parts(source, PART_LINES, &LIMITS, &mut |inputs, read, total| {
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
                });
                if cancel.load(Ordering::Relaxed) {
                    return Err(crate::commands::cancelled());
                }
                Ok(())
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
        let inputs = checked_paste(text, &LIMITS)?;
        let classified = self.classify(&inputs)?;
        let now = ippdesk_domain::now();
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
                let urls = self.complaint_urls(id)?;
                return write_whole(path, |w| w.write_all(urls.as_bytes()));
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
    progress: &mut dyn FnMut(u32, u32) -> Result<()>,
) -> Result<Taken> {
    let now = ippdesk_domain::now();
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
        progress(part.read, part.total)?;
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

/// What an import reads at most, so a hostile or mistaken file is refused
/// with a clear error (code `validation`, naming the limit and the row or
/// cell) before it can exhaust memory, and the database is left as it was.
/// Each bound leaves room for a batch of a million listings.
#[derive(Clone, Copy)]
struct Limits {
    /// A CSV / TSV file or a paste: a million rows of long URLs with titles
    /// is about 150 MB.
    csv_bytes: u64,
    /// An XLSX file as stored (zipped).
    xlsx_bytes: u64,
    /// An XLSX file unzipped: a zip bomb inflates a thousandfold, and the
    /// spreadsheet reader keeps the shared strings in memory. A million rows
    /// of six columns unzip to about 500 MB.
    xlsx_unpacked: u64,
    /// Rows, the header included, as numbered in the file.
    rows: u32,
    /// A URL cell, in characters: marketplace URLs are a few hundred.
    url_chars: usize,
    /// Any other cell we read, in characters: Excel's own limit.
    cell_chars: usize,
}

const MB: u64 = 1024 * 1024;

const LIMITS: Limits = Limits {
    csv_bytes: 200 * MB,
    xlsx_bytes: 50 * MB,
    xlsx_unpacked: 1024 * MB,
    rows: 1_000_000,
    url_chars: 8_192,
    cell_chars: 32_767,
};

impl Limits {
    /// The length in characters of a cell feeding `field`, and the limit,
    /// when it is over.
    fn over(&self, field: usize, text: &str) -> Option<(usize, usize)> {
        let limit = if field == 0 {
            self.url_chars
        } else {
            self.cell_chars
        };
        // Bytes bound characters from above: most cells need no count.
        if text.len() <= limit {
            return None;
        }
        let n = text.chars().count();
        (n > limit).then_some((n, limit))
    }
}

/// The input fields, as an error names them.
const FIELD_NAMES: [&str; 6] = ["URL", "title", "price", "seller", "store URL", "notes"];

fn over_limit(message: String) -> DeskError {
    DeskError::new(ErrorCode::Validation, message)
}

fn past_rows(what: &str, row: u32, limit: u32) -> DeskError {
    over_limit(format!(
        "{what} {} is past the limit of {} rows an import reads; split the file.",
        grouped(u64::from(row)),
        grouped(u64::from(limit))
    ))
}

fn too_big(what: &str, size: u64, kind: &str, limit: u64) -> DeskError {
    over_limit(format!(
        "{what} is {:.1} MB; an import reads {kind} of at most {} MB. Split it into smaller files.",
        size as f64 / MB as f64,
        limit / MB
    ))
}

/// 1048576 as "1,048,576".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A column's letters as a spreadsheet shows them: 0 is A, 16383 is XFD.
fn column_name(col: u32) -> String {
    let mut name = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        name.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    name.iter().rev().map(|&b| b as char).collect()
}

/// Which input field a header cell names (English or Chinese).
fn column_of(header: &str) -> Option<usize> {
    // No header name is long; a long cell is data, not worth lowercasing.
    if header.len() > 64 {
        return None;
    }
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

/// Which input field each column (by index) feeds: named by a header row
/// (any order, English or Chinese) or, without one, URL, title, price,
/// seller, store URL, notes from the first filled column on. Other columns
/// are never read.
struct Columns(Vec<Option<usize>>);

impl Columns {
    /// From the first row's (column, text) cells; `true` when that row is a
    /// header (it names the URL column).
    fn from_first_row<'a>(cells: impl Iterator<Item = (u32, &'a str)>) -> (Columns, bool) {
        let mut named = Vec::new();
        let mut first = None;
        for (col, text) in cells {
            first.get_or_insert(col as usize);
            if let Some(field) = column_of(text) {
                named.resize(named.len().max(col as usize + 1), None);
                named[col as usize] = Some(field);
            }
        }
        if named.contains(&Some(0)) {
            return (Columns(named), true);
        }
        let offset = first.unwrap_or(0);
        let positional = std::iter::repeat_n(None, offset).chain((0..6).map(Some));
        (Columns(positional.collect()), false)
    }

    fn field(&self, col: u32) -> Option<usize> {
        self.0.get(col as usize).copied().flatten()
    }

    /// One row's input, or `None` when the columns we read are blank.
    fn input<'a>(
        &self,
        line: u32,
        cells: impl Iterator<Item = (u32, &'a str)>,
        limits: &Limits,
    ) -> Result<Option<ListingInput>> {
        let mut f: [String; 6] = Default::default();
        let mut blank = true;
        for (col, cell) in cells {
            let Some(field) = self.field(col) else {
                continue;
            };
            let cell = unneutralized(cell.trim());
            if let Some((n, limit)) = limits.over(field, cell) {
                return Err(over_limit(format!(
                    "Cell {}{line} (the {}) has {} characters; an import takes at most {}.",
                    column_name(col),
                    FIELD_NAMES[field],
                    grouped(n as u64),
                    grouped(limit as u64)
                )));
            }
            blank &= cell.is_empty();
            f[field] = cell.to_string();
        }
        if blank {
            return Ok(None);
        }
        let [url, title, price, seller_name, store_url, notes] = f;
        Ok(Some(ListingInput {
            line,
            url,
            title,
            price,
            seller_name,
            store_url,
            notes,
        }))
    }
}

/// Our CSV export writes a cell starting with `=` as `'=` so a spreadsheet
/// shows it as text (see `table_export`); read back, it is the text typed.
fn unneutralized(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// Rows of a CSV or a sheet to inputs, handed on `part` at a time: the first
/// row names the columns, blank rows are skipped, every row and cell read is
/// checked against the limits.
struct Rows<'e> {
    part: usize,
    limits: Limits,
    columns: Option<Columns>,
    chunk: Vec<ListingInput>,
    emit: &'e mut dyn FnMut(Vec<ListingInput>, u32, u32) -> bool,
}

impl<'e> Rows<'e> {
    fn new(
        part: usize,
        limits: Limits,
        emit: &'e mut dyn FnMut(Vec<ListingInput>, u32, u32) -> bool,
    ) -> Self {
        Rows {
            part,
            limits,
            columns: None,
            chunk: Vec::with_capacity(part),
            emit,
        }
    }

    /// Whether a cell of `col` can matter. Until the header is known, the
    /// first six filled cells (positional columns) and short ones (header
    /// names) can.
    fn reads(&self, col: u32, kept: usize, text: &str) -> bool {
        match &self.columns {
            Some(c) => c.field(col).is_some(),
            None => kept < 6 || text.len() <= 64,
        }
    }

    /// One row, numbered as the file shows it, of (column, text) cells in
    /// column order; `total` is the expected number of rows, for progress.
    /// `false` when the receiver wants no more.
    fn push<'a>(
        &mut self,
        row: u32,
        cells: impl Iterator<Item = (u32, &'a str)> + Clone,
        total: u32,
    ) -> Result<bool> {
        if row > self.limits.rows {
            return Err(past_rows("Row", row, self.limits.rows));
        }
        let columns = match &self.columns {
            Some(c) => c,
            None => {
                let (found, header) = Columns::from_first_row(cells.clone());
                let c = self.columns.insert(found);
                if header {
                    return Ok(true);
                }
                c
            }
        };
        self.chunk.extend(columns.input(row, cells, &self.limits)?);
        if self.chunk.len() < self.part {
            return Ok(true);
        }
        Ok((self.emit)(
            std::mem::take(&mut self.chunk),
            row,
            total.max(row),
        ))
    }

    /// Hands on the last part; `row` is the last row read.
    fn finish(self, row: u32) {
        if !self.chunk.is_empty() {
            (self.emit)(self.chunk, row, row);
        }
    }
}

fn cannot_read(path: &Path, e: &dyn std::fmt::Display) -> DeskError {
    DeskError::new(
        ErrorCode::Io,
        format!("Cannot read {}: {e}", path.display()),
    )
}

enum FileKind {
    /// CSV, TSV or text.
    Delimited,
    Xlsx,
}

/// XLSX is read as a stream; the readers of the older formats build the
/// whole declared sheet in memory (a few bytes can declare 17 billion
/// cells), so those are refused.
fn file_kind(path: &Path) -> Result<FileKind> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => Ok(FileKind::Xlsx),
        "xls" | "xlsb" | "ods" => Err(over_limit(format!(
            "{} files cannot be imported; save the sheet as XLSX or CSV UTF-8.",
            ext.to_uppercase()
        ))),
        _ => Ok(FileKind::Delimited),
    }
}

/// A paste's inputs, within the same limits as a file's.
fn checked_paste(text: &str, limits: &Limits) -> Result<Vec<ListingInput>> {
    if text.len() as u64 > limits.csv_bytes {
        return Err(too_big(
            "The pasted text",
            text.len() as u64,
            "text",
            limits.csv_bytes,
        ));
    }
    let inputs = paste_inputs(text);
    if let Some(past) = inputs.iter().find(|i| i.line > limits.rows) {
        return Err(past_rows("Line", past.line, limits.rows));
    }
    for input in &inputs {
        let fields = [
            &input.url,
            &input.title,
            &input.price,
            &input.seller_name,
            &input.store_url,
            &input.notes,
        ];
        for (field, text) in fields.into_iter().enumerate() {
            if let Some((n, limit)) = limits.over(field, text) {
                return Err(over_limit(format!(
                    "Line {}: the {} has {} characters; an import takes at most {}.",
                    input.line,
                    FIELD_NAMES[field],
                    grouped(n as u64),
                    grouped(limit as u64)
                )));
            }
        }
    }
    Ok(inputs)
}

/// Reads a paste, a CSV (UTF-8, comma or tab separated) or an XLSX sheet and
/// hands its inputs to `emit` `part` lines at a time, with the lines read so
/// far and the expected total; stops early when `emit` returns false. Files
/// are read as a stream, part by part as they are handed over.
fn read_in_parts(
    source: &ImportSource,
    part: usize,
    limits: &Limits,
    emit: &mut dyn FnMut(Vec<ListingInput>, u32, u32) -> bool,
) -> Result<()> {
    let path = match source {
        ImportSource::Paste { text } => {
            return emit_in_parts(checked_paste(text, limits)?, part, emit)
        }
        ImportSource::File { path } => Path::new(path),
    };
    let kind = file_kind(path)?;
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, &e))?;
    let size = file.metadata().map_err(|e| cannot_read(path, &e))?.len();
    let mut rows = Rows::new(part, *limits, emit);
    if let Some(row) = read_file(path, kind, file, size, limits, &mut rows)? {
        rows.finish(row);
    }
    Ok(())
}

/// The inputs an import of a file named `name` holding `bytes` would read:
/// the same readers and limits as [`Desk::import_listings`] (the kind from
/// the name's extension), without a database. A file that cannot be
/// imported, however malformed, is an error, never a panic.
pub fn read_import_bytes(name: &str, bytes: &[u8]) -> Result<Vec<ListingInput>> {
    let path = Path::new(name);
    let kind = file_kind(path)?;
    let mut all = Vec::new();
    let mut emit = |part: Vec<ListingInput>, _: u32, _: u32| {
        all.extend(part);
        true
    };
    let mut rows = Rows::new(PART_LINES, LIMITS, &mut emit);
    let input = std::io::Cursor::new(bytes);
    if let Some(row) = read_file(path, kind, input, bytes.len() as u64, &LIMITS, &mut rows)? {
        rows.finish(row);
    }
    Ok(all)
}

/// Streams a CSV or an XLSX of `size` bytes from `input` into `rows`,
/// refusing it first when over its size limit; the last row read, or
/// `None` when the receiver stopped early. `path` names it in errors.
fn read_file<R: std::io::Read + std::io::Seek>(
    path: &Path,
    kind: FileKind,
    input: R,
    size: u64,
    limits: &Limits,
    rows: &mut Rows,
) -> Result<Option<u32>> {
    let (what, limit) = match kind {
        FileKind::Xlsx => ("XLSX files", limits.xlsx_bytes),
        FileKind::Delimited => ("CSV files", limits.csv_bytes),
    };
    if size > limit {
        return Err(too_big(&path.display().to_string(), size, what, limit));
    }
    match kind {
        FileKind::Xlsx => read_xlsx(path, input, limits, rows),
        FileKind::Delimited => read_csv(path, input, size, limits, rows),
    }
}

fn emit_in_parts(
    inputs: Vec<ListingInput>,
    part: usize,
    emit: &mut dyn FnMut(Vec<ListingInput>, u32, u32) -> bool,
) -> Result<()> {
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

/// Streams a CSV's records into `rows`; the last row read, or `None` when
/// the receiver stopped early.
fn read_csv(
    path: &Path,
    file: impl std::io::Read,
    size: u64,
    limits: &Limits,
    rows: &mut Rows,
) -> Result<Option<u32>> {
    use std::io::BufRead;
    // A file that grows while read (or a device) stops at the limit too.
    let mut input = std::io::BufReader::with_capacity(1 << 16, file.take(limits.csv_bytes + 1));
    let head = input.fill_buf().map_err(|e| cannot_read(path, &e))?;
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let tabs = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        || (first_line.contains(&b'\t') && !first_line.contains(&b','));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tabs { b'\t' } else { b',' })
        .from_reader(input);
    let mut record = csv::StringRecord::new();
    let mut row = 0u32;
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(path, e))?
    {
        let at = reader.position().byte();
        if at > limits.csv_bytes {
            return Err(too_big(
                &path.display().to_string(),
                at,
                "CSV files",
                limits.csv_bytes,
            ));
        }
        row += 1;
        // Rows so far scaled by the bytes left: an estimate, for progress.
        let total = (u64::from(row) * size / at.max(1)).min(u64::from(limits.rows)) as u32;
        let cells = record.iter().enumerate().map(|(i, c)| (i as u32, c));
        if !rows.push(row, cells, total)? {
            return Ok(None);
        }
    }
    Ok(Some(row))
}

fn csv_error(path: &Path, e: csv::Error) -> DeskError {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            cannot_read(path, &"it is not UTF-8 text; save it as CSV UTF-8 or XLSX")
        }
        _ => cannot_read(path, &e),
    }
}

/// Unzips every part of an XLSX into nothing, counting: a zip bomb is
/// refused before the spreadsheet reader inflates it into memory. Sizes
/// declared in the zip may lie; bytes read do not.
fn check_unpacked<R: std::io::Read + std::io::Seek>(
    path: &Path,
    file: R,
    limit: u64,
) -> Result<()> {
    use std::io::Read;
    let unreadable = |e: &dyn std::fmt::Display| cannot_read(path, e);
    let mut zip = zip::ZipArchive::new(file).map_err(|e| unreadable(&e))?;
    let mut left = limit;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let n = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink())
            .map_err(|e| unreadable(&e))?;
        left = left.checked_sub(n).ok_or_else(|| {
            over_limit(format!(
                "{} unzips to more than {} MB; an import reads XLSX files of at most that. \
                 Split it, or save it as CSV UTF-8.",
                path.display(),
                limit / MB
            ))
        })?;
    }
    Ok(())
}

/// A cell's text as the spreadsheet shows it, borrowed where it can be.
fn cell_text<'c>(
    path: &Path,
    value: &'c calamine::DataRef<'_>,
) -> Result<std::borrow::Cow<'c, str>> {
    use calamine::DataRef;
    use std::borrow::Cow;
    Ok(match value {
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cow::Borrowed(s),
        DataRef::Empty => Cow::Borrowed(""),
        other => Cow::Owned(guarded(path, || {
            Ok(calamine::Data::from(other.clone()).to_string())
        })?),
    })
}

/// One call into the spreadsheet reader. calamine panics on some malformed
/// workbooks (found by `make fuzz`: a cell naming a shared string past the
/// end of the table); a damaged file is an error like any other, never a
/// panic out of the import.
fn guarded<T>(path: &Path, call: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)).unwrap_or_else(|_| {
        Err(cannot_read(
            path,
            &"the workbook is damaged (the spreadsheet reader failed on it); \
              save it again from the spreadsheet program, or as CSV UTF-8",
        ))
    })
}

/// Streams the first sheet's cells into `rows`, row by row, keeping only the
/// cells of the columns we read: nothing is allocated for the range a sheet
/// declares (`A1:XFD1048576` would be 17 billion cells). The last row read,
/// or `None` when the receiver stopped early.
fn read_xlsx<R: std::io::Read + std::io::Seek>(
    path: &Path,
    file: R,
    limits: &Limits,
    rows: &mut Rows,
) -> Result<Option<u32>> {
    use calamine::Reader;
    use std::io::Seek;
    let unreadable = |e: &dyn std::fmt::Display| cannot_read(path, e);
    let mut input = std::io::BufReader::new(file);
    check_unpacked(path, &mut input, limits.xlsx_unpacked)?;
    input.rewind().map_err(|e| unreadable(&e))?;
    let mut book = guarded(path, || {
        calamine::Xlsx::new(input).map_err(|e| unreadable(&e))
    })?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| unreadable(&"the workbook has no sheets"))?;
    let book = &mut book;
    let mut cells = guarded(path, move || {
        book.worksheet_cells_reader(&first)
            .map_err(|e| unreadable(&e))
    })?;
    // The sheet's own claim, for progress only.
    let total = cells.dimensions().end.0.saturating_add(1).min(limits.rows);
    let mut row: Option<u32> = None;
    let mut kept: Vec<(u32, String)> = Vec::new();
    let mut last = 0;
    loop {
        let cell = guarded(path, || cells.next_cell().map_err(|e| unreadable(&e)))?;
        let r = cell.as_ref().map(|c| c.get_position().0);
        // A row ends where the next begins, or with the sheet.
        if row != r {
            if let Some(done) = std::mem::replace(&mut row, r) {
                if !kept.is_empty() {
                    last = done.saturating_add(1);
                    let kept_cells = kept.iter().map(|(c, t)| (*c, t.as_str()));
                    if !rows.push(last, kept_cells, total)? {
                        return Ok(None);
                    }
                }
            }
            kept.clear();
        }
        let Some(cell) = cell else {
            return Ok(Some(last));
        };
        let col = cell.get_position().1;
        let text = cell_text(path, cell.get_value())?;
        if !text.is_empty() && rows.reads(col, kept.len(), &text) {
            kept.push((col, text.into_owned()));
        }
    }
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
            take_parts(&store, rx, None, None, &mut |_, _| Ok(()))
        };
        assert_eq!(run(true).unwrap().lines.len(), 1);
        let err = run(false).err().expect("no end mark");
        assert_eq!(err.code, ErrorCode::Internal);
    }

    /// Every input a source gives, or its error.
    fn read_all(source: &ImportSource, limits: &Limits) -> Result<Vec<ListingInput>> {
        let mut all = Vec::new();
        read_in_parts(source, 3, limits, &mut |part, _, _| {
            all.extend(part);
            true
        })?;
        Ok(all)
    }

    fn file(path: &Path) -> ImportSource {
        ImportSource::File {
            path: path.display().to_string(),
        }
    }

    fn xlsx(path: &Path, cells: &[(u32, u16, &str)]) {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (r, c, text) in cells {
            ws.write_string(*r, *c, *text).unwrap();
        }
        book.save(path).unwrap();
    }

    const URL: &str = "https://item.taobao.com/item.htm?id=1";

    #[test]
    fn headers_in_any_order_and_language_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("l.csv");
        std::fs::write(&csv, "标题,商品链接,卖家\n耳机,u1,极光小店\n,,\nt2,u2,\n").unwrap();
        let inputs = read_all(&file(&csv), &LIMITS).unwrap();
        assert_eq!(inputs.len(), 2);
        let first = &inputs[0];
        assert_eq!(
            (first.line, first.url.as_str(), first.title.as_str()),
            (2, "u1", "耳机")
        );
        assert_eq!(first.seller_name, "极光小店");
        assert_eq!(inputs[1].line, 4);

        std::fs::write(&csv, "u1,t1,9.9\n").unwrap();
        let plain = read_all(&file(&csv), &LIMITS).unwrap();
        assert_eq!((plain[0].line, plain[0].price.as_str()), (1, "9.9"));
    }

    #[test]
    fn a_sheet_is_read_where_its_cells_are() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.xlsx");
        // A title in row 1, the header in row 3 from column B, a blank row.
        xlsx(
            &path,
            &[
                (0, 0, "Listings found in May"),
                (2, 1, "Notes"),
                (2, 2, "URL"),
                (3, 1, "n1"),
                (3, 2, "u1"),
                (3, 9, "a column nobody named"),
                (5, 2, "u2"),
            ],
        );
        let inputs = read_all(&file(&path), &LIMITS).unwrap();
        let got: Vec<_> = inputs
            .iter()
            .map(|i| (i.line, i.url.as_str(), i.notes.as_str()))
            .collect();
        // The first filled row decides, as in a CSV: a title there means no
        // header, so the columns are positional from column A.
        assert_eq!(got[0], (1, "Listings found in May", ""));
        assert_eq!(got.len(), 4, "{got:?}");

        xlsx(
            &path,
            &[
                (2, 1, "Notes"),
                (2, 2, "URL"),
                (3, 1, "n1"),
                (3, 2, "u1"),
                (3, 9, "a column nobody named"),
                (4, 9, "only in that column"),
                (5, 2, "u2"),
            ],
        );
        let inputs = read_all(&file(&path), &LIMITS).unwrap();
        let got: Vec<_> = inputs
            .iter()
            .map(|i| (i.line, i.url.as_str(), i.notes.as_str()))
            .collect();
        assert_eq!(got, [(4, "u1", "n1"), (6, "u2", "")]);
    }

    /// A desk on a temp database, and a way to count what it holds.
    fn desk() -> (tempfile::TempDir, Desk) {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk::open(&dir.path().join("t.sqlite3")).unwrap();
        (dir, desk)
    }

    fn held(desk: &Desk) -> (i64, i64) {
        let listings = listings::count(&desk.store).unwrap();
        (listings, desk.verify().unwrap().audit_rows)
    }

    fn import(desk: &mut Desk, path: &Path, commit: bool) -> Result<ImportReport> {
        desk.import_listings(
            ImportRequest {
                source: file(path),
                complaint_id: None,
            },
            commit,
            &mut |_| {},
        )
    }

    #[test]
    fn a_sheet_declaring_17_billion_cells_reads_only_its_real_rows() {
        let (dir, mut desk) = desk();
        let path = dir.path().join("hostile.xlsx");
        // A1 and XFD1048576: the declared range is the whole sheet.
        xlsx(&path, &[(0, 0, URL), (1_048_575, 16_383, "x")]);
        assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
        let before = held(&desk);
        let report = import(&mut desk, &path, false).unwrap();
        assert_eq!(report.lines.len(), 1);
        assert_eq!(report.counts.accepted, 1);
        assert_eq!(held(&desk), before);

        // The same far cell in a column we read is past the row limit.
        xlsx(&path, &[(0, 0, URL), (1_048_575, 5, "x")]);
        for commit in [false, true] {
            let err = import(&mut desk, &path, commit).unwrap_err();
            assert_eq!(err.code, ErrorCode::Validation);
            assert!(
                err.message.contains("Row 1,048,576") && err.message.contains("1,000,000 rows"),
                "{}",
                err.message
            );
            assert_eq!(held(&desk), before, "nothing written");
        }
    }

    #[test]
    fn an_over_long_cell_is_refused_naming_the_cell_and_the_limit() {
        let (dir, mut desk) = desk();
        let before = held(&desk);
        let path = dir.path().join("long.xlsx");
        let long_url = format!("{URL}&x={}", "a".repeat(9_000));
        xlsx(
            &path,
            &[
                (0, 0, "title"),
                (0, 1, "url"),
                (1, 1, URL),
                (2, 1, &long_url),
            ],
        );
        for commit in [false, true] {
            let err = import(&mut desk, &path, commit).unwrap_err();
            assert_eq!(err.code, ErrorCode::Validation);
            assert!(
                err.message.contains("Cell B3 (the URL)") && err.message.contains("8,192"),
                "{}",
                err.message
            );
        }
        // A title may be longer than a URL, up to Excel's own limit.
        let csv = dir.path().join("long.csv");
        let ok_title = "标".repeat(20_000);
        std::fs::write(&csv, format!("url,title\n{URL},{ok_title}\n")).unwrap();
        assert_eq!(import(&mut desk, &csv, false).unwrap().counts.accepted, 1);
        // A CSV line with a huge cell (10 MB, one line).
        let huge = "x".repeat(10 * 1024 * 1024);
        std::fs::write(&csv, format!("url,title\n{URL},ok\n{URL}2,{huge}\n")).unwrap();
        let err = import(&mut desk, &csv, true).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message
                .contains("Cell B3 (the title) has 10,485,760 characters")
                && err.message.contains("32,767"),
            "{}",
            err.message
        );
        assert_eq!(held(&desk), before);
    }

    #[test]
    fn rows_past_the_limit_are_refused_in_every_source() {
        let dir = tempfile::tempdir().unwrap();
        let limits = Limits { rows: 5, ..LIMITS };
        let csv = dir.path().join("l.csv");
        let lines: String = (1..=6).map(|i| format!("{URL}{i}\n")).collect();
        std::fs::write(&csv, &lines).unwrap();
        let err = read_all(&file(&csv), &limits).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains("Row 6 is past the limit of 5 rows"),
            "{}",
            err.message
        );
        std::fs::write(&csv, lines.lines().take(5).collect::<Vec<_>>().join("\n")).unwrap();
        assert_eq!(read_all(&file(&csv), &limits).unwrap().len(), 5);

        let sheet = dir.path().join("l.xlsx");
        xlsx(&sheet, &[(0, 0, "url"), (5, 0, URL)]);
        let err = read_all(&file(&sheet), &limits).unwrap_err();
        assert!(
            err.message.contains("Row 6 is past the limit of 5 rows"),
            "{}",
            err.message
        );

        let paste = ImportSource::Paste { text: lines };
        let err = read_all(&paste, &limits).unwrap_err();
        assert!(
            err.message.contains("Line 6 is past the limit of 5 rows"),
            "{}",
            err.message
        );
    }

    #[test]
    fn files_past_their_size_limits_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("l.csv");
        std::fs::write(&csv, format!("url\n{URL}\n")).unwrap();
        let small = Limits {
            csv_bytes: 10,
            ..LIMITS
        };
        let err = read_all(&file(&csv), &small).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains("CSV files of at most"),
            "{}",
            err.message
        );

        // A zip that inflates past the limit (a zip bomb, in miniature).
        let sheet = dir.path().join("l.xlsx");
        xlsx(&sheet, &[(0, 0, URL)]);
        let tight = Limits {
            xlsx_unpacked: 1_000,
            ..LIMITS
        };
        let err = read_all(&file(&sheet), &tight).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains("unzips to more than"),
            "{}",
            err.message
        );
        assert_eq!(read_all(&file(&sheet), &LIMITS).unwrap().len(), 1);
        let err = read_all(
            &file(&sheet),
            &Limits {
                xlsx_bytes: 100,
                ..LIMITS
            },
        )
        .unwrap_err();
        assert!(
            err.message.contains("XLSX files of at most"),
            "{}",
            err.message
        );

        let old = dir.path().join("l.xls");
        std::fs::write(&old, b"anything").unwrap();
        let err = read_all(&file(&old), &LIMITS).unwrap_err();
        assert!(
            err.message.contains("save the sheet as XLSX"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_paste_has_the_same_cell_limits() {
        let text = format!("{URL}\t{}\n", "t".repeat(40_000));
        let err = read_all(&ImportSource::Paste { text }, &LIMITS).unwrap_err();
        assert!(
            err.message
                .contains("Line 1: the title has 40,000 characters"),
            "{}",
            err.message
        );
    }

    #[test]
    fn bytes_are_read_as_the_same_file_would_be() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("l.xlsx");
        xlsx(&sheet, &[(0, 0, "url"), (1, 0, URL), (3, 0, "u2")]);
        let csv = dir.path().join("l.csv");
        std::fs::write(&csv, format!("url,title\n{URL},t\n")).unwrap();
        for path in [&sheet, &csv] {
            let from_file = read_all(&file(path), &LIMITS).unwrap();
            let name = path.file_name().unwrap().to_str().unwrap();
            let from_bytes = read_import_bytes(name, &std::fs::read(path).unwrap()).unwrap();
            assert_eq!(from_bytes, from_file, "{name}");
            assert!(!from_bytes.is_empty());
        }
        let err = read_import_bytes("l.xlsx", b"PK\x03\x04 not a zip").unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(read_import_bytes("l.ods", b"").is_err());
    }

    /// Every input `make fuzz` kept (`fuzz/corpus/import`) reads or fails
    /// cleanly, as the fuzz target feeds it: a zip as XLSX, the rest as CSV.
    #[test]
    fn fuzz_corpus_replays() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/import");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let name = if bytes.starts_with(b"PK") {
                "fuzz.xlsx"
            } else {
                "fuzz.csv"
            };
            if let Ok(inputs) = read_import_bytes(name, &bytes) {
                classify_lines(&inputs, |_| None);
            }
            n += 1;
        }
        assert!(n > 0, "no corpus in {dir}");
    }

    /// A workbook of the given parts (stored, not deflated).
    fn zip_parts(parts: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write as _;
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// Found by `make fuzz` (import): calamine 0.31 indexes the shared
    /// strings without a check and panicked on a cell naming string 0 of a
    /// workbook with none. The import says the file is damaged instead.
    #[test]
    fn a_cell_naming_a_missing_shared_string_is_a_damaged_file() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let workbook = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let workbook_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        let sheet = |cell: &str| {
            format!(
                r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{cell}</row></sheetData></worksheet>"#
            )
        };
        let book = |cell: &str| {
            zip_parts(&[
                ("_rels/.rels", rels),
                ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", workbook_rels),
                ("xl/worksheets/sheet1.xml", &sheet(cell)),
            ])
        };
        let ok = read_import_bytes("l.xlsx", &book(r#"<c r="A1" t="str"><v>u1</v></c>"#)).unwrap();
        assert_eq!(ok[0].url, "u1");
        let err =
            read_import_bytes("l.xlsx", &book(r#"<c r="A1" t="s"><v>0</v></c>"#)).unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(
            err.message.contains("the workbook is damaged"),
            "{}",
            err.message
        );
    }

    #[test]
    fn names_and_numbers_as_a_spreadsheet_shows_them() {
        let names: Vec<_> = [0, 25, 26, 701, 702, 16_383]
            .into_iter()
            .map(column_name)
            .collect();
        assert_eq!(names, ["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
        assert_eq!(grouped(1_048_576), "1,048,576");
        assert_eq!(grouped(999), "999");
    }
}
