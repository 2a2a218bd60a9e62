//! Writing a table (a header and rows of text) as CSV or XLSX: the URL export
//! and the enforcement report share it.

use std::path::Path;

use crate::{DeskError, ErrorCode, Result};

pub(crate) enum TableFormat {
    Csv,
    Xlsx,
}

/// One sheet: its name (XLSX only) and its rows, the header first.
pub(crate) struct Sheet<'a> {
    pub name: &'a str,
    pub rows: Vec<Vec<String>>,
}

fn cannot_write(path: &Path, e: impl std::fmt::Display) -> DeskError {
    DeskError::new(
        ErrorCode::Io,
        format!("Cannot write {}: {e}", path.display()),
    )
}

/// CSV takes the first sheet only; XLSX writes each as a worksheet.
pub(crate) fn write_tables(path: &Path, format: TableFormat, sheets: &[Sheet]) -> Result<()> {
    match format {
        TableFormat::Csv => {
            let mut w = csv::Writer::from_path(path).map_err(|e| cannot_write(path, e))?;
            if let Some(sheet) = sheets.first() {
                for row in &sheet.rows {
                    w.write_record(row).map_err(|e| cannot_write(path, e))?;
                }
            }
            w.flush().map_err(|e| cannot_write(path, e))
        }
        TableFormat::Xlsx => {
            let mut book = rust_xlsxwriter::Workbook::new();
            for sheet in sheets {
                let ws = book.add_worksheet();
                ws.set_name(sheet.name).map_err(|e| cannot_write(path, e))?;
                for (r, row) in sheet.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        match cell.parse::<f64>() {
                            // Figures stay numbers a spreadsheet can sum; ids
                            // (long digit strings) stay text.
                            Ok(n) if cell.len() < 12 && r > 0 => {
                                ws.write_number(r as u32, c as u16, n)
                            }
                            _ => ws.write_string(r as u32, c as u16, cell),
                        }
                        .map_err(|e| cannot_write(path, e))?;
                    }
                }
            }
            book.save(path).map_err(|e| cannot_write(path, e))
        }
    }
}
