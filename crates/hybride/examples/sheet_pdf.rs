//! How long the attendance sheet of a 30-trainee in-person half-day takes to typeset, without
//! the server: the same `hybride_docs::record_pdf` the sheet's PDF route calls, with the same
//! columns and widths, 30 rows, facts, notes and signature blocks.
//!
//! `cargo run -p hybride --release --example sheet_pdf [ROWS]`

use std::time::{Duration, Instant};

fn sheet(rows: usize, run: usize) -> hybride_docs::Record {
    const NAMES: [&str; 10] = [
        "Martin Camille",
        "Bernard Léa",
        "Thomas Lucas",
        "Petit Hugo",
        "Robert Chloé",
        "Richard Jules",
        "Durand Inès",
        "Dubois Arthur",
        "Moreau Zoé",
        "Lefèvre Théo",
    ];
    hybride_docs::Record {
        lang: "fr".into(),
        // Each run differs, so that typst's memo cache cannot serve the previous layout.
        title: format!("Feuille d’émargement — Atelier d’analyse de pratiques ({run})"),
        subtitle: "Plan 2026-2027 · GAIA 26A9000000 / 100000".into(),
        facts: vec![
            ("Session".into(), "Groupe banc d’essai (GAIA 100000)".into()),
            ("Activité".into(), "Atelier d’analyse de pratiques".into()),
            (
                "Demi-journée".into(),
                "dimanche 29 novembre 2026, matin (08:00 – 13:00)".into(),
            ),
            ("Lieu".into(), "Lycée n° 1, salle 100".into()),
            ("Formateurs".into(), "Camille Martin".into()),
        ],
        headers: [
            "Stagiaire",
            "Signature",
            "Mode",
            "Horaires",
            "Absence",
            "Temps crédité",
        ]
        .map(String::from)
        .to_vec(),
        widths: vec![3, 1, 2, 2, 3, 1],
        rows: (0..rows)
            .map(|i| {
                vec![
                    format!("{} {i}", NAMES[i % NAMES.len()]),
                    if i % 7 == 3 { "" } else { "✓ 08:0" }.to_owned() + &(i % 10).to_string(),
                    if i % 2 == 0 {
                        "QR code"
                    } else {
                        "code à six chiffres"
                    }
                    .into(),
                    if i % 9 == 4 {
                        "arrivée 08:40".into()
                    } else {
                        String::new()
                    },
                    if i % 7 == 3 {
                        "Absence justifiée (convocation à un jury)".into()
                    } else {
                        String::new()
                    },
                    "3 h".into(),
                ]
            })
            .collect(),
        empty: "Aucun stagiaire.".into(),
        notes: vec![
            format!("{} présents sur {rows}, 4 absents.", rows - 4),
            "Temps crédité : 78 h".into(),
            "Empreinte des événements : 3f9a…c2d1 (SHA-256)".into(),
        ],
        signatures: vec![
            (
                "Le formateur".into(),
                "Contresigné le 29/11/2026 à 12:50".into(),
            ),
            ("Le chef d’établissement".into(), String::new()),
        ],
        footer: "Généré par Hybride le 29 novembre 2026".into(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(30);
    let started = Instant::now();
    let pdf = hybride_docs::record_pdf(&sheet(rows, 0))?;
    println!(
        "first call (fonts parsed): {:?}, {} bytes",
        started.elapsed(),
        pdf.len()
    );
    let mut times: Vec<Duration> = (1..=30)
        .map(|run| {
            let doc = sheet(rows, run);
            let started = Instant::now();
            hybride_docs::record_pdf(&doc).map(|_| started.elapsed())
        })
        .collect::<Result<_, _>>()?;
    times.sort();
    println!(
        "{rows}-trainee attendance sheet: median {:?}, min {:?}, p90 {:?}, max {:?} (30 calls)",
        times[times.len() / 2],
        times[0],
        times[times.len() * 9 / 10],
        times[times.len() - 1]
    );
    Ok(())
}
