//! The chronogramme PDF: structure, text, metadata and robustness.

use std::time::Instant;

mod common;

use common::{realistic, with_steps};
use hybride_docs::{chronogramme_pdf, ChronoHeaders, ChronoStep, Chronogramme, DocError};
use lopdf::{Document, Object};
use proptest::prelude::*;

fn render(c: &Chronogramme) -> (Vec<u8>, Document) {
    let pdf = chronogramme_pdf(c).unwrap_or_else(|err| panic!("no PDF: {err}"));
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let doc = Document::load_mem(&pdf).expect("lopdf reads the PDF");
    (pdf, doc)
}

fn pages(doc: &Document) -> usize {
    doc.get_pages().len()
}

/// The text of every page, with whitespace collapsed (a cell's text is broken
/// into lines, and extraction puts its own breaks between them).
fn text(doc: &Document) -> String {
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&numbers).expect("text extraction");
    squash(&raw)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Hyphenation may split words across lines; compare without soft breaks.
fn contains_words(haystack: &str, needle: &str) -> bool {
    let strip = |s: &str| s.replace(['-', '‐', '\u{ad}', '\u{200b}', ' '], "");
    strip(haystack).contains(&strip(needle))
}

fn info_or_xmp(pdf: &[u8], doc: &Document) -> String {
    // The title and language sit in the catalog (/Lang), the XMP metadata and
    // possibly the info dictionary; XMP is an uncompressed stream by rule.
    let mut out = String::new();
    if let Ok(catalog) = doc.catalog() {
        if let Ok(Object::String(lang, _)) = catalog.get(b"Lang") {
            out.push_str(&format!("Lang={} ", String::from_utf8_lossy(lang)));
        }
    }
    out.push_str(&String::from_utf8_lossy(pdf));
    out
}

#[test]
fn realistic_scenario_fits_one_page_with_its_text() {
    let c = realistic();
    let started = Instant::now();
    let (pdf, doc) = render(&c);
    eprintln!(
        "8 steps: {} bytes in {:?} (first call, fonts parsed)",
        pdf.len(),
        started.elapsed()
    );
    assert_eq!(pages(&doc), 1);
    let text = text(&doc);
    assert!(
        contains_words(&text, &c.title),
        "title missing from: {text}"
    );
    assert!(
        contains_words(&text, &c.steps[3].instructions),
        "instructions missing from: {text}"
    );
    assert!(
        contains_words(&text, "Distanciel synchrone"),
        "hours missing"
    );
    assert!(
        contains_words(&text, "Généré par Hybride le 29 novembre 2026"),
        "footer missing"
    );
    assert!(contains_words(&text, "activité sociale"), "tag missing");
    assert!(contains_words(&text, "Rôle du formateur"), "header missing");
}

#[test]
fn metadata_has_title_and_language_and_tags() {
    let (pdf, doc) = render(&realistic());
    let meta = info_or_xmp(&pdf, &doc);
    assert!(meta.contains("Lang=fr"), "no /Lang fr in the catalog");
    // The title is in the XMP packet (dc:title), written as plain UTF-8.
    assert!(
        meta.contains("Évaluer pour faire progresser les élèves au cycle 3"),
        "no title in the metadata"
    );
    // Realistic text is all in the bundled fonts, so the strict export
    // (PDF/A-2a and PDF/UA-1) succeeds; its identification is in the XMP.
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "not PDF/UA-1"
    );
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "not PDF/A-2");
    let catalog = doc.catalog().unwrap();
    assert!(catalog.has(b"StructTreeRoot"), "not a tagged PDF");
    assert!(catalog.has(b"MarkInfo"), "no /MarkInfo");
}

#[test]
fn english_document() {
    let mut c = realistic();
    c.lang = "en".into();
    let (pdf, doc) = render(&c);
    assert!(info_or_xmp(&pdf, &doc).contains("Lang=en"));
}

#[test]
fn twelve_steps_still_fit_one_page() {
    let (_, doc) = render(&with_steps(12));
    assert_eq!(pages(&doc), 1);
}

#[test]
fn markup_in_the_input_prints_literally() {
    let mut c = realistic();
    c.title = "#set page(width: 1pt)".into();
    c.subtitle = "*_$[]".into();
    c.steps[0].instructions = "#panic(\"boom\") ]} \\ `raw` @ref <label> // comment /* x".into();
    c.steps[1].title = "= Heading\n- list".into();
    let (_, doc) = render(&c);
    assert_eq!(pages(&doc), 1, "the page width was changed");
    let text = text(&doc);
    for literal in [
        "#set page(width: 1pt)",
        "*_$[]",
        "#panic(\"boom\") ]} \\ `raw` @ref <label> // comment /* x",
        "= Heading - list",
    ] {
        assert!(
            contains_words(&text, literal),
            "{literal:?} not printed literally in: {text}"
        );
    }
}

#[test]
fn no_steps() {
    let mut c = realistic();
    c.steps.clear();
    let (_, doc) = render(&c);
    assert_eq!(pages(&doc), 1);
}

#[test]
fn everything_empty() {
    let (_, doc) = render(&Chronogramme::default());
    assert_eq!(pages(&doc), 1);
}

#[test]
fn forty_steps_run_onto_more_pages() {
    let started = Instant::now();
    let (_, doc) = render(&with_steps(40));
    eprintln!("40 steps in {:?}", started.elapsed());
    assert!(pages(&doc) >= 2);
    let text = text(&doc);
    assert!(text.contains("Étape numéro 40"));
}

#[test]
fn awkward_text() {
    let mut c = realistic();
    c.title = "Emoji 🎓👩‍🏫 et العربية et עברית 中文".into();
    c.steps[0].instructions = format!("{}\u{0}\u{1b}[31m\r\n\u{7}fin", "x".repeat(20_000));
    c.steps[1].title = "mot".repeat(500);
    c.steps[2].tags = vec![String::new(), "\u{202e}reversed".into(), " ".into()];
    c.steps[3].modality_key = "unknown".into();
    c.lang = "zz-ZZ; drop".into();
    c.hours = vec![(String::new(), String::new())];
    let (_, doc) = render(&c);
    assert!(pages(&doc) >= 1);
}

#[test]
fn text_that_made_typst_panic() {
    // Typst 0.15 panics shaping a Hebrew presentation form followed by a
    // combining mark, and on a zero-width space among such marks; the text is
    // normalised to NFC and words with marks get no zero-width spaces.
    let mut c = realistic();
    c.steps[0].modality = "𑾰៰Σ0꣎ꬉ🄀A౷®ᏸﹶቚᢰ0ૠAaa0￼𝋀ெ!ꭰ!00𝔻ຌ𑙐\u{1193b}𫠠\u{c3c}®0AAaA\u{1e01b}0𑱐!\u{11c92}®\u{fb1d}\u{1cf8}𖠀".into();
    c.steps[0].instructions = "\u{fb1d}\u{1cf8}".repeat(50);
    c.steps[1].instructions = "\u{5d9}\u{1cf8}".repeat(50);
    render(&c);
}

#[test]
fn timing_of_one_call() {
    let c = realistic();
    chronogramme_pdf(&c).unwrap(); // fonts and library parsed once
    let runs = 5u32;
    let started = Instant::now();
    for i in 0..runs {
        let mut c = c.clone();
        c.title = format!("{} ({i})", c.title); // defeat the memo cache
        chronogramme_pdf(&c).unwrap();
    }
    eprintln!("one call, 8 steps, warm: {:?}", started.elapsed() / runs);
}

#[test]
fn error_display_is_english() {
    let err = DocError::Compile("unknown variable: x".into());
    assert_eq!(
        err.to_string(),
        "typst could not compile the document: unknown variable: x"
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[#*_$`<>@=\\-\\[\\]{}()\"\\\\/ a-zé\n\t\r]{0,60}",
        "\\PC{0,200}",
    ]
}

fn any_step() -> impl Strategy<Value = ChronoStep> {
    (
        any::<u32>(),
        [
            any_text(),
            any_text(),
            any_text(),
            any_text(),
            any_text(),
            any_text(),
            any_text(),
            any_text(),
        ],
        prop_oneof![
            Just("in_person".to_owned()),
            Just("async".to_owned()),
            any_text()
        ],
        prop::collection::vec(any_text(), 0..3),
    )
        .prop_map(
            |(
                position,
                [title, modality, learning, duration, instructions, evidence, trainer_role, _],
                modality_key,
                tags,
            )| ChronoStep {
                position,
                title,
                modality,
                modality_key,
                learning,
                duration,
                instructions,
                evidence,
                trainer_role,
                tags,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(
        lang in prop_oneof![Just("fr".to_owned()), Just("en".to_owned()), any_text()],
        title in any_text(),
        subtitle in any_text(),
        public in any_text(),
        footer in any_text(),
        hours in prop::collection::vec((any_text(), any_text()), 0..4),
        header in any_text(),
        steps in prop::collection::vec(any_step(), 0..4),
    ) {
        let c = Chronogramme {
            lang,
            title,
            subtitle,
            public,
            hours,
            headers: ChronoHeaders {
                position: header.clone(),
                title: header.clone(),
                modality: header.clone(),
                learning: header.clone(),
                duration: header.clone(),
                instructions: header.clone(),
                evidence: header.clone(),
                trainer_role: header,
            },
            steps,
            footer,
        };
        match chronogramme_pdf(&c) {
            Ok(pdf) => prop_assert!(pdf.starts_with(b"%PDF-")),
            // A panic inside typst (a bug of typst's, on some rare sequence of
            // characters) is caught and reported as an error.
            Err(DocError::Internal(err)) => eprintln!("typst panicked: {err}"),
            // Arbitrary text is still only text: the template accepts it all.
            Err(err) => prop_assert!(false, "no PDF: {err}"),
        }
    }
}
