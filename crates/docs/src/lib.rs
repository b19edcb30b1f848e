//! Hybride's documents, typeset with typst into PDF.
//!
//! The crate knows nothing of translation: callers pass every string already
//! in the document's language. Strings reach typst as data (a JSON file that
//! the template reads), never as markup, so no input can change the layout or
//! run code. Fonts are the ones bundled with typst-assets, embedded in the PDF;
//! nothing is read from the system, the disk or the network.

pub mod ics;
mod pool;
mod world;

pub use pool::{capacity as typesetting_capacity, typeset, Pool, PoolError};

use serde::Serialize;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::world::{compile_pdf, Template};

/// Why a document could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocError {
    /// The input could not be serialised for the template.
    #[error("could not prepare the document's data: {0}")]
    Data(String),
    /// Typst reported errors while compiling the template.
    #[error("typst could not compile the document: {0}")]
    Compile(String),
    /// Typst could not write the PDF.
    #[error("typst could not export the PDF: {0}")]
    Export(String),
    /// Typst panicked; the panic was caught.
    #[error("typst failed unexpectedly: {0}")]
    Internal(String),
}

/// A training's scenario as a one-page A4 landscape timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chronogramme {
    /// Document language, `"fr"` or `"en"` (another two- or three-letter
    /// ISO 639 code works too; anything else falls back to `"fr"`).
    pub lang: String,
    /// The training's title; also the PDF's title.
    pub title: String,
    /// For example `"Plan 2026-2027 · GAIA 26A0100123 / 48213"`.
    pub subtitle: String,
    /// The target public; may be empty.
    pub public: String,
    /// Hours per modality, label and value, e.g. `("Présentiel", "6 h")`.
    pub hours: Vec<(String, String)>,
    /// The table's column headers.
    pub headers: ChronoHeaders,
    /// The scenario's steps, in order.
    pub steps: Vec<ChronoStep>,
    /// For example `"Généré par Hybride le 29 novembre 2026"`.
    pub footer: String,
}

/// The column headers of the steps table, translated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChronoHeaders {
    pub position: String,
    pub title: String,
    pub modality: String,
    pub learning: String,
    pub duration: String,
    pub instructions: String,
    pub evidence: String,
    pub trainer_role: String,
}

/// One step of the scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChronoStep {
    pub position: u32,
    pub title: String,
    /// The modality's name, always printed.
    pub modality: String,
    /// `in_person`, `virtual_class`, `webinar` or `async`: picks the colour
    /// of the marker before the name (grey for anything else).
    pub modality_key: String,
    pub learning: String,
    pub duration: String,
    pub instructions: String,
    pub evidence: String,
    pub trainer_role: String,
    /// Short labels such as "activité sociale" or "facultative".
    pub tags: Vec<String>,
}

/// An official record on A4 portrait: facts, one table, notes and signature blocks (the
/// attendance sheet of a half-day, and the training's other records).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Document language, `"fr"` or `"en"`.
    pub lang: String,
    /// Also the PDF's title.
    pub title: String,
    pub subtitle: String,
    /// Label and value, in order (plan, GAIA ids, date, place, trainers…).
    pub facts: Vec<(String, String)>,
    pub headers: Vec<String>,
    /// Relative widths of the columns (as many as headers; 1 when missing).
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<String>>,
    /// Shown when there is no row.
    pub empty: String,
    /// Paragraphs after the table (totals, fingerprint…).
    pub notes: Vec<String>,
    /// Signature blocks: who, and what is written in it.
    pub signatures: Vec<(String, String)>,
    pub footer: String,
}

#[derive(Serialize)]
struct RecordData {
    lang: String,
    doc_title: String,
    title: String,
    subtitle: String,
    facts: Vec<(String, String)>,
    headers: Vec<String>,
    widths: Vec<u32>,
    rows: Vec<Vec<String>>,
    empty: String,
    notes: Vec<String>,
    signatures: Vec<(String, String)>,
    footer: String,
}

/// Most rows of a record's table: a whole cohort many times over.
const MAX_ROWS: usize = 2_000;

static RECORD: Template = Template::new("/record.typ", include_str!("../templates/record.typ"));

/// Renders a record as a tagged PDF.
pub fn record_pdf(r: &Record) -> Result<Vec<u8>, DocError> {
    let columns = r.headers.len().max(1);
    let title = clean(&r.title);
    let data = RecordData {
        lang: language(&r.lang),
        doc_title: match single_line(&title) {
            t if t.is_empty() => "Hybride".to_owned(),
            t => t,
        },
        title,
        subtitle: clean(&r.subtitle),
        facts: r
            .facts
            .iter()
            .take(40)
            .map(|(a, b)| (clean(a), clean(b)))
            .collect(),
        headers: (0..columns)
            .map(|i| r.headers.get(i).map(|h| clean(h)).unwrap_or_default())
            .collect(),
        widths: (0..columns)
            .map(|i| r.widths.get(i).copied().unwrap_or(1).clamp(1, 20))
            .collect(),
        // Every row has exactly as many cells as there are columns.
        rows: r
            .rows
            .iter()
            .take(MAX_ROWS)
            .map(|row| {
                (0..columns)
                    .map(|i| row.get(i).map(|c| clean(c)).unwrap_or_default())
                    .collect()
            })
            .collect(),
        empty: clean(&r.empty),
        notes: r.notes.iter().take(40).map(|n| clean(n)).collect(),
        signatures: r
            .signatures
            .iter()
            .take(4)
            .map(|(a, b)| (clean(a), clean(b)))
            .collect(),
        footer: clean(&r.footer),
    };
    let json = serde_json::to_vec(&data).map_err(|err| DocError::Data(err.to_string()))?;
    compile_pdf(&RECORD, json)
}

static CHRONOGRAMME: Template = Template::new(
    "/chronogramme.typ",
    include_str!("../templates/chronogramme.typ"),
);

/// Renders the chronogramme as a PDF.
///
/// Up to about twelve steps with instructions of a few sentences fit on one
/// page: the text size shrinks (10 pt down to 6.5 pt) until they do. When
/// nothing fits, the table runs onto further pages at 8 pt, its header
/// repeated and the pages numbered.
pub fn chronogramme_pdf(c: &Chronogramme) -> Result<Vec<u8>, DocError> {
    let data = ChronoData::from(c);
    let json = serde_json::to_vec(&data).map_err(|err| DocError::Data(err.to_string()))?;
    compile_pdf(&CHRONOGRAMME, json)
}

/// Longest text kept from one field, in characters. Far beyond anything a
/// page can show; it bounds the time typst spends on absurd input.
const MAX_FIELD_CHARS: usize = 4_000;
/// Most tags kept per step.
const MAX_TAGS: usize = 12;
/// Most entries kept in the hours summary.
const MAX_HOURS: usize = 12;
/// With more steps than this, one page is out of reach: the template skips
/// looking for a text size that fits.
const FIT_LIMIT: usize = 24;

/// What the template reads from `/data.json`.
#[derive(Serialize)]
struct ChronoData {
    lang: String,
    doc_title: String,
    title: String,
    subtitle: String,
    public: String,
    hours: Vec<(String, String)>,
    headers: HeadersData,
    steps: Vec<StepData>,
    footer: String,
    fit_limit: usize,
}

#[derive(Serialize)]
struct HeadersData {
    position: String,
    title: String,
    modality: String,
    learning: String,
    duration: String,
    instructions: String,
    evidence: String,
    trainer_role: String,
}

#[derive(Serialize)]
struct StepData {
    position: u32,
    title: String,
    modality: String,
    modality_key: String,
    learning: String,
    duration: String,
    instructions: String,
    evidence: String,
    trainer_role: String,
    tags: Vec<String>,
}

impl From<&Chronogramme> for ChronoData {
    fn from(c: &Chronogramme) -> Self {
        let title = clean(&c.title);
        let doc_title = match single_line(&title) {
            t if t.is_empty() => "Chronogramme".to_owned(),
            t => t,
        };
        let h = &c.headers;
        Self {
            lang: language(&c.lang),
            doc_title,
            title,
            subtitle: clean(&c.subtitle),
            public: clean(&c.public),
            hours: c
                .hours
                .iter()
                .take(MAX_HOURS)
                .map(|(label, value)| (clean(label), clean(value)))
                .collect(),
            headers: HeadersData {
                position: clean(&h.position),
                title: clean(&h.title),
                modality: clean(&h.modality),
                learning: clean(&h.learning),
                duration: clean(&h.duration),
                instructions: clean(&h.instructions),
                evidence: clean(&h.evidence),
                trainer_role: clean(&h.trainer_role),
            },
            steps: c
                .steps
                .iter()
                .map(|s| StepData {
                    position: s.position,
                    title: clean(&s.title),
                    modality: clean(&s.modality),
                    modality_key: clean(&s.modality_key),
                    learning: clean(&s.learning),
                    duration: clean(&s.duration),
                    instructions: clean(&s.instructions),
                    evidence: clean(&s.evidence),
                    trainer_role: clean(&s.trainer_role),
                    tags: s
                        .tags
                        .iter()
                        .take(MAX_TAGS)
                        .map(|t| clean(t))
                        .filter(|t| !t.trim().is_empty())
                        .collect(),
                })
                .collect(),
            footer: clean(&c.footer),
            fit_limit: FIT_LIMIT,
        }
    }
}

/// Drops control characters except newlines (tabs become spaces, carriage
/// returns go), normalises to NFC, trims surrounding whitespace, caps the
/// length and lets overlong words break.
///
/// NFC is not only tidier for search and copy: typst 0.15 panics while
/// shaping some decomposable presentation forms followed by a combining mark
/// (U+FB1D U+1CF8), which NFC decomposes first.
fn clean(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .nfc()
        .take(MAX_FIELD_CHARS)
        .collect();
    soft_breaks(kept.trim())
}

/// Words longer than this many characters get break opportunities.
const LONG_WORD: usize = 32;
/// Characters between two break opportunities in an overlong word.
const WORD_PIECE: usize = 16;

/// Typst never breaks a line inside a word it cannot hyphenate, so a long
/// run without spaces would spill out of its table cell. Such runs get a
/// zero-width space every few characters, between clusters. URLs are left
/// alone: typst breaks them itself.
fn soft_breaks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let is_url = word.contains("://") || word.starts_with("www.");
        // Typst 0.15 panics on a zero-width space next to some marks in
        // right-to-left text: words with combining marks are left whole.
        let marked = word.chars().any(is_combining_mark);
        if word.chars().count() > LONG_WORD && !is_url && !marked {
            let mut piece = 0;
            let mut prev = None;
            for c in word.chars() {
                if piece >= WORD_PIECE && starts_cluster(prev, c) {
                    out.push('\u{200B}');
                    piece = 0;
                }
                out.push(c);
                piece += 1;
                prev = Some(c);
            }
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Whether `c` may begin a new user-perceived character after `prev`: not a
/// combining mark, a joiner, a variation selector, nor anything after a
/// joiner. (A break inside a cluster would split what reads as one letter,
/// and makes typst 0.15 panic with some marks.)
fn starts_cluster(prev: Option<char>, c: char) -> bool {
    let joins = |c: char| matches!(c, '\u{200C}' | '\u{200D}' | '\u{034F}');
    // Variation selectors and skin-tone modifiers.
    let selects = |c: char| {
        matches!(
            c,
            '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{1F3FB}'..='\u{1F3FF}'
        )
    };
    !(is_combining_mark(c) || joins(c) || selects(c) || prev.is_some_and(joins))
}

/// The title on one line, for the PDF's metadata.
fn single_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An ISO 639 code typst accepts: two or three ASCII letters, else French.
fn language(lang: &str) -> String {
    let lang = lang.trim().to_ascii_lowercase();
    if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) {
        lang
    } else {
        "fr".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, language, single_line};

    #[test]
    fn clean_strips_control_characters_but_newlines() {
        assert_eq!(clean(" a\u{0}b\r\nc\td\u{7f}\u{1b}[0m "), "ab\nc d[0m");
        assert_eq!(clean("\u{202e}שלום"), "\u{202e}שלום");
    }

    #[test]
    fn clean_normalises_to_nfc() {
        assert_eq!(clean("e\u{301}te\u{301}"), "été");
        assert_eq!(clean("\u{FB1D}\u{1CF8}"), "\u{5D9}\u{5B4}\u{1CF8}");
    }

    #[test]
    fn clean_caps_the_length() {
        let long = clean(&"é ".repeat(10_000));
        assert_eq!(long.chars().count(), 3_999);
    }

    #[test]
    fn overlong_words_get_break_opportunities() {
        let word = "x".repeat(40);
        let broken = format!(
            "{}\u{200B}{}\u{200B}{}",
            "x".repeat(16),
            "x".repeat(16),
            "x".repeat(8)
        );
        assert_eq!(clean(&format!("a {word} b")), format!("a {broken} b"));
        let short = "anticonstitutionnellement";
        assert_eq!(clean(short), short);
        // Never inside a word with combining marks, nor around a joiner.
        let marked = "e\u{1cf8}".repeat(20);
        assert_eq!(clean(&marked), marked);
        let joined = "👩\u{200D}🏫".repeat(12);
        assert!(clean(&joined)
            .split('\u{200B}')
            .all(|p| p.starts_with('👩') && p.ends_with('🏫')));
        let url = "https://magistere.education.fr/ac-versailles/course/view.php?id=123456";
        assert_eq!(clean(url), url);
    }

    #[test]
    fn language_falls_back_to_french() {
        assert_eq!(language("en"), "en");
        assert_eq!(language(" EN "), "en");
        assert_eq!(language("fr-FR"), "fr");
        assert_eq!(language(""), "fr");
        assert_eq!(language("x"), "fr");
        assert_eq!(language("ççç"), "fr");
    }

    #[test]
    fn single_line_joins_lines() {
        assert_eq!(single_line(" a\n b  c "), "a b c");
    }
}
