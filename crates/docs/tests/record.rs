//! Records (the attendance sheet of a half-day and the other records of a training): their text,
//! one row per person whatever the input, and robustness.

use hybride_docs::{record_pdf, Record};
use lopdf::Document;
use proptest::prelude::*;

fn text(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).expect("lopdf reads the PDF");
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&numbers)
        .expect("text extraction")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn sheet(rows: usize) -> Record {
    Record {
        lang: "fr".into(),
        title: "Feuille d’émargement — Évaluer par compétences".into(),
        subtitle: "Plan 2026-2027 · GAIA 26A0100123 / 48213".into(),
        facts: vec![
            (
                "Date".into(),
                "jeudi 14 janvier 2027, matin (9 h 00 – 12 h 00)".into(),
            ),
            ("Lieu".into(), "Canopé Lyon, salle Hypatie".into()),
        ],
        headers: vec![
            "Stagiaire".into(),
            "Signature".into(),
            "Moyen".into(),
            "Retenu".into(),
        ],
        widths: vec![3, 2, 2, 1],
        rows: (0..rows)
            .map(|i| {
                vec![
                    format!("Stagiaire {i:02}"),
                    format!("9 h {:02}", i % 60),
                    "code lu".into(),
                    "3 h".into(),
                ]
            })
            .collect(),
        empty: "Aucun stagiaire.".into(),
        notes: vec!["Empreinte de l’enregistrement : e3b0c44298fc1c14".into()],
        signatures: vec![(
            "Le formateur".into(),
            "Contresignée par Karim Benali".into(),
        )],
        footer: "Généré par Hybride".into(),
    }
}

#[test]
fn a_thirty_trainee_sheet_reads_back() {
    let pdf = record_pdf(&sheet(30)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let t = text(&pdf);
    for needle in [
        "Feuille d’émargement",
        "GAIA 26A0100123",
        "Canopé Lyon",
        "Stagiaire 00",
        "Stagiaire 29",
        "e3b0c44298fc1c14",
        "Contresignée par Karim Benali",
    ] {
        assert!(t.contains(needle), "{needle} missing from: {t}");
    }
}

#[test]
fn rows_with_too_few_or_too_many_cells_and_no_rows() {
    let mut r = sheet(2);
    r.rows[0].truncate(1);
    r.rows[1].extend(["extra".to_owned(), "cells".to_owned()]);
    let t = text(&record_pdf(&r).unwrap());
    assert!(t.contains("Stagiaire 00") && !t.contains("extra"));
    let t = text(&record_pdf(&sheet(0)).unwrap());
    assert!(t.contains("Aucun stagiaire."));
    assert!(record_pdf(&Record::default()).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]
    #[test]
    fn any_text_makes_a_pdf(name in "\\PC{0,60}", fact in "\\PC{0,60}") {
        let mut r = sheet(1);
        r.rows[0][0] = name;
        r.facts.push(("X".into(), fact));
        prop_assert!(record_pdf(&r).is_ok());
    }
}
