//! The typst environment: a template, one virtual data file, and the fonts
//! bundled with typst-assets. Nothing is read from the disk or the network.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{OnceLock, RwLock, TryLockError};
use std::time::{SystemTime, UNIX_EPOCH};

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::DocError;

/// Where templates read their data from: `json("/data.json")`.
const DATA_PATH: &str = "/data.json";

/// How many eviction rounds a memoised result survives without being used.
/// Results shared by every call (the parsed template, font data) are used
/// each time and stay; those tied to one document's data go soon after.
const CACHE_MAX_AGE: usize = 10;

/// Compilations hold this for reading, eviction for writing: typst's memo
/// cache is only trimmed while no compilation is running.
static GATE: RwLock<()> = RwLock::new(());
/// Evictions skipped in a row because a compilation was running.
static SKIPPED: AtomicUsize = AtomicUsize::new(0);
/// After this many skipped evictions, wait for running compilations.
const MAX_SKIPPED: usize = 8;

/// What every compilation shares: the standard library and the fonts, parsed
/// once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    data_id: FileId,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            data_id: file_id(DATA_PATH),
        }
    })
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a constant, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// A template compiled into this binary, parsed once.
pub(crate) struct Template {
    path: &'static str,
    text: &'static str,
    source: OnceLock<Source>,
}

impl Template {
    pub(crate) const fn new(path: &'static str, text: &'static str) -> Self {
        Self {
            path,
            text,
            source: OnceLock::new(),
        }
    }

    fn source(&self) -> Source {
        self.source
            .get_or_init(|| Source::new(file_id(self.path), self.text.to_owned()))
            .clone()
    }
}

/// One compilation: a template and the JSON it reads.
struct DocWorld {
    main: Source,
    data: Bytes,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == shared().data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Templates print the dates they are given; `datetime.today()` fails.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

/// Compiles `template` with `data` as `/data.json` and exports a tagged PDF.
///
/// The PDF is first exported under PDF/A-2a and PDF/UA-1; when the content
/// cannot conform (a character that no bundled font has, for instance, is
/// drawn as a `.notdef` box, which both forbid), it is exported again as a
/// plain tagged PDF 1.7, which still carries the title, the language and the
/// structure tree.
pub(crate) fn compile_pdf(template: &Template, data: Vec<u8>) -> Result<Vec<u8>, DocError> {
    let world = DocWorld {
        main: template.source(),
        data: Bytes::new(data),
    };
    let outcome = {
        let _compiling = GATE.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        catch_unwind(AssertUnwindSafe(|| render(&world)))
    };
    // Drop memoised results that this document's data made and no later call
    // will need; after a panic, drop everything.
    evict(if outcome.is_ok() { CACHE_MAX_AGE } else { 0 });
    outcome.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(DocError::Internal(message))
    })
}

/// Trims typst's memo cache when no compilation is running, or waits for
/// them to end when that has not happened for a while (or `max_age` is 0).
fn evict(max_age: usize) {
    let gate = match GATE.try_write() {
        Ok(gate) => gate,
        Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        Err(TryLockError::WouldBlock)
            if max_age > 0 && SKIPPED.fetch_add(1, Ordering::Relaxed) < MAX_SKIPPED =>
        {
            return;
        }
        Err(TryLockError::WouldBlock) => GATE
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()),
    };
    SKIPPED.store(0, Ordering::Relaxed);
    typst::comemo::evict(max_age);
    drop(gate);
}

fn render(world: &DocWorld) -> Result<Vec<u8>, DocError> {
    let document: PagedDocument = typst::compile(world)
        .output
        .map_err(|diags| DocError::Compile(join(&diags)))?;

    let strict = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|err| DocError::Export(err.message().to_string()))?;
    let options = PdfOptions {
        standards: strict,
        timestamp: now(),
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &options) {
        Ok(pdf) => Ok(pdf),
        Err(_) => {
            let options = PdfOptions {
                timestamp: now(),
                creator: Smart::Auto,
                ..PdfOptions::default()
            };
            typst_pdf::pdf(&document, &options).map_err(|diags| DocError::Export(join(&diags)))
        }
    }
}

/// The diagnostics' messages and hints, in one line.
fn join(diags: &[SourceDiagnostic]) -> String {
    let messages: Vec<String> = diags
        .iter()
        .map(|diag| {
            let mut message = diag.message.to_string();
            for hint in &diag.hints {
                message.push_str(" (hint: ");
                message.push_str(&hint.v);
                message.push(')');
            }
            message
        })
        .collect();
    if messages.is_empty() {
        "unknown error".to_owned()
    } else {
        messages.join("; ")
    }
}

/// The current time in UTC, for the PDF's creation date (PDF/A requires one).
fn now() -> Option<Timestamp> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let days = i64::try_from(secs / 86_400).ok()?;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    let datetime = Datetime::from_ymd_hms(
        i32::try_from(year).ok()?,
        month,
        day,
        u8::try_from(rem / 3600).ok()?,
        u8::try_from(rem % 3600 / 60).ok()?,
        u8::try_from(rem % 60).ok()?,
    )?;
    Some(Timestamp::new_utc(datetime))
}

/// The proleptic Gregorian date of a count of days since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both fit: day is 1..=31, month 1..=12.
    (year, day_or_month(month), day_or_month(day))
}

fn day_or_month(n: i64) -> u8 {
    u8::try_from(n).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_786), (2026, 11, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
