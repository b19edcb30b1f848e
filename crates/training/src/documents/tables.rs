//! The table behind each document, as CSV (UTF-8 with a byte-order mark, for Excel) or Excel.

use super::*;

/// A cell that a spreadsheet would run as a formula is kept as text (a leading apostrophe).
pub fn csv_cell(c: &str) -> String {
    if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{c}")
    } else {
        c.to_owned()
    }
}

/// A table as CSV, the way French spreadsheets open it: UTF-8 with a byte-order mark, `;`, and
/// every cell a spreadsheet would run as a formula (text typed by a trainee) kept as text.
pub fn csv_bytes(headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |e: csv::Error| Error::Internal(e.into());
    w.write_record(headers).map_err(fail)?;
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| csv_cell(c)).collect();
        w.write_record(&cells).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))
}

/// A table as an Excel workbook: one sheet named `name` (31 characters at most), the headers in
/// bold and frozen, every cell text (nothing a trainee typed can become a formula), columns fitted.
pub fn xlsx_bytes(name: &str, headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, Error> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| Error::Internal(anyhow::anyhow!("xlsx: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let safe: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    sheet
        .set_name(if safe.is_empty() { "Hybride" } else { &safe })
        .map_err(fail)?;
    let bold = Format::new().set_bold();
    for (col, h) in headers.iter().enumerate() {
        let col = u16::try_from(col).map_err(|e| Error::Internal(e.into()))?;
        sheet
            .write_string_with_format(0, col, h, &bold)
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|e| Error::Internal(e.into()))?;
        for (col, cell) in row.iter().enumerate() {
            let col = u16::try_from(col).map_err(|e| Error::Internal(e.into()))?;
            sheet.write_string(r, col, cell).map_err(fail)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    sheet.autofit();
    book.save_to_buffer().map_err(fail)
}

/// The spreadsheet formats a table is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spreadsheet {
    Csv,
    Xlsx,
}

/// A table as a file: its bytes, its extension and its content type.
pub fn spreadsheet(
    kind: Spreadsheet,
    name: &str,
    headers: &[String],
    rows: &[Vec<String>],
) -> Result<(Vec<u8>, &'static str, &'static str), Error> {
    Ok(match kind {
        Spreadsheet::Csv => (csv_bytes(headers, rows)?, "csv", "text/csv; charset=utf-8"),
        Spreadsheet::Xlsx => (
            xlsx_bytes(name, headers, rows)?,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    })
}
