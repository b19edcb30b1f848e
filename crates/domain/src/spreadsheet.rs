//! CSV files as spreadsheets write them (Excel, LibreOffice, Moodle's exports), read the same
//! way by every import: UTF-8 with or without a byte-order mark, `;` or `,` found from the
//! header line, Windows line ends, blank rows at the end; every line numbered as the
//! spreadsheet shows it (the header is line 1), a bound on the number of lines.

use crate::Invalid;
use csv::StringRecord;
use serde::Serialize;

/// One problem in an import: the file's line number (the header is line 1), the column, the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    pub line: u64,
    pub column: Option<&'static str>,
    #[serde(skip)]
    pub invalid: Invalid,
}

/// The largest file accepted: a whole académie's staff fits well below it.
pub const MAX_LINES: usize = 100_000;

/// A file opened: its text (line ends made `\n`) and its separator.
#[derive(Debug, Clone)]
pub struct Opened {
    text: String,
    delimiter: u8,
}

/// Opens a file's bytes; refused (line 1) when it is not UTF-8 or has no header line.
pub fn open(bytes: &[u8]) -> Result<Opened, Invalid> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| Invalid::new("error-import-not-utf8"))?;
    // Excel writes CRLF line ends, which the csv reader's line count misreads: normalised, so
    // that every reported line number is the one a spreadsheet shows.
    let text = text.replace("\r\n", "\n");
    let header = text.lines().next().unwrap_or("");
    if header.trim().is_empty() {
        return Err(Invalid::new("error-import-empty"));
    }
    let delimiter = if header.matches(';').count() >= header.matches(',').count() {
        b';'
    } else {
        b','
    };
    Ok(Opened { text, delimiter })
}

impl Opened {
    /// The header line's cells.
    pub fn headers(&self) -> Result<StringRecord, Invalid> {
        self.reader()
            .headers()
            .cloned()
            .map_err(|_| Invalid::new("error-import-unreadable"))
    }

    fn reader(&self) -> csv::Reader<&[u8]> {
        csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(self.text.as_bytes())
    }

    /// Every non-blank row after the header with its line number, or why it could not be
    /// read; past `max` rows (an import's bound, [`MAX_LINES`] at most), one error and no
    /// more rows.
    pub fn rows(&self, max: usize) -> Vec<Result<(u64, StringRecord), (u64, Invalid)>> {
        let max = max.min(MAX_LINES);
        let mut out = Vec::new();
        for (index, record) in self.reader().records().enumerate() {
            if index >= max {
                out.push(Err((
                    index as u64 + 2,
                    Invalid::with("error-import-too-many-lines", max),
                )));
                break;
            }
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(index as u64 + 2);
                    out.push(Err((line, Invalid::new("error-import-unreadable"))));
                    continue;
                }
            };
            if record.iter().all(|f| f.trim().is_empty()) {
                continue; // spreadsheets often end with blank rows
            }
            out.push(Ok((self.line_of(&record, index), record)));
        }
        out
    }

    /// The line a spreadsheet shows for a record, counted from its first byte (blank lines
    /// included: the reader's own count skips them).
    fn line_of(&self, record: &StringRecord, index: usize) -> u64 {
        record
            .position()
            .and_then(|p| {
                let at = usize::try_from(p.byte()).ok()?;
                let before = self.text.get(..at)?.matches('\n').count();
                // The reader's position may stand before the blank lines it skipped.
                let blank = self
                    .text
                    .get(at..)?
                    .chars()
                    .take_while(|c| *c == '\n')
                    .count();
                Some((before + blank) as u64 + 1)
            })
            .unwrap_or(index as u64 + 2)
    }
}

/// Finds the known columns in a header line: `known` names a header's column (French or
/// English, as each import spells them); a column twice, an unknown one, or a `required` one
/// missing is an error of line 1.
pub fn columns(
    headers: &StringRecord,
    known: impl Fn(&str) -> Option<&'static str>,
    required: &[&'static str],
) -> Result<Vec<(&'static str, usize)>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut at: Vec<(&'static str, usize)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match known(h) {
            Some(c) if at.iter().any(|(x, _)| *x == c) => errors.push(LineError {
                line: 1,
                column: Some(c),
                invalid: Invalid::with("error-import-duplicate-column", h.trim()),
            }),
            Some(c) => at.push((c, i)),
            None if h.trim().is_empty() => {}
            None => errors.push(LineError {
                line: 1,
                column: None,
                invalid: Invalid::with("error-import-unknown-column", h.trim()),
            }),
        }
    }
    for name in required {
        if !at.iter().any(|(c, _)| c == name) {
            errors.push(LineError {
                line: 1,
                column: Some(name),
                invalid: Invalid::with("error-import-missing-column", *name),
            });
        }
    }
    if errors.is_empty() {
        Ok(at)
    } else {
        Err(errors)
    }
}

/// A row's cell in a column found by [`columns`] (empty when the row is short).
pub fn cell<'r>(at: &[(&'static str, usize)], record: &'r StringRecord, column: &str) -> &'r str {
    at.iter()
        .find(|(c, _)| *c == column)
        .and_then(|(_, i)| record.get(*i))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_spreadsheet_export_is_read_with_the_lines_it_shows() {
        let f = open(b"\xEF\xBB\xBFa;b\r\n1;2\r\n\r\n3;4\r\n;\r\n").unwrap();
        assert_eq!(f.headers().unwrap().iter().collect::<Vec<_>>(), ["a", "b"]);
        let rows: Vec<(u64, Vec<String>)> = f
            .rows(MAX_LINES)
            .into_iter()
            .map(|r| {
                let (l, rec) = r.unwrap();
                (l, rec.iter().map(str::to_owned).collect())
            })
            .collect();
        assert_eq!(
            rows,
            [
                (2, vec!["1".into(), "2".into()]),
                (4, vec!["3".into(), "4".into()])
            ]
        );
        assert_eq!(open(b"x,y\n1,2").unwrap().delimiter, b',');
        assert_eq!(open(b"\xff\xfe").unwrap_err().key, "error-import-not-utf8");
        assert_eq!(open(b"\n\n").unwrap_err().key, "error-import-empty");
    }

    #[test]
    fn columns_are_found_and_the_wrong_ones_named() {
        let known = |h: &str| match h.trim().to_lowercase().as_str() {
            "nom" | "name" => Some("name"),
            "lien" | "url" => Some("url"),
            _ => None,
        };
        let h = StringRecord::from(vec!["Nom", "Lien", ""]);
        let at = columns(&h, known, &["name", "url"]).unwrap();
        let row = StringRecord::from(vec!["Canopé"]);
        assert_eq!(cell(&at, &row, "name"), "Canopé");
        assert_eq!(cell(&at, &row, "url"), "");
        let h = StringRecord::from(vec!["Nom", "name", "Couleur"]);
        let e = columns(&h, known, &["name", "url"]).unwrap_err();
        let keys: Vec<&str> = e.iter().map(|x| x.invalid.key).collect();
        assert_eq!(
            keys,
            [
                "error-import-duplicate-column",
                "error-import-unknown-column",
                "error-import-missing-column"
            ]
        );
    }

    proptest! {
        #[test]
        fn any_bytes_are_opened_or_refused_without_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..400)
        ) {
            if let Ok(f) = open(&bytes) {
                let _ = f.headers();
                for r in f.rows(MAX_LINES) {
                    let line = match r { Ok((l, _)) => l, Err((l, _)) => l };
                    prop_assert!(line >= 2);
                }
            }
        }
    }
}
