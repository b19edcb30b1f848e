//! A cohort's bundle for the training service: every PDF, the summary and the files' SHA-256.

use super::*;

/// A cohort's bundle: every document's PDF, a summary of each trainee's hours and standing
/// (`synthese.csv`), and the list of files with their SHA-256 (`fichiers.csv`).
pub struct Bundle {
    pub zip: Vec<u8>,
    pub documents: usize,
    pub sha256: String,
    pub filename: String,
    /// The attendance record's last event when the bundle was made.
    pub events_seq: i64,
}

/// Builds the bundle; `progress` is called after each document with (done, total). A closed
/// cohort's bundle is what goes to the training service: it is refused while its certificates
/// cannot be issued (no signatory named), rather than made without them.
pub async fn bundle(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    viewer: Option<i64>,
    mut progress: impl FnMut(usize, usize),
) -> Result<Bundle, Error> {
    use std::io::Write;
    let events_seq = hybride_store::after::events_seq(s, c.id).await?;
    let (entries, issuing) = list_issuing(s, lang, c, t_, viewer).await?;
    let closed = c.status.is_closed();
    if closed && c.trainees > 0 && issuing.signatory_missing() {
        return Err(Error::Refused("bundle_unsigned"));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        files.push((e.filename.clone(), render(s, lang, c, t_, &e.which).await?));
        progress(i + 1, entries.len());
    }
    // The summary: one line per trainee.
    let mut headers = vec![t(lang, "pdf-trainee"), t(lang, "pdf-establishment")];
    let validations = att::validations(s, c, None, now()).await?;
    let people: std::collections::HashMap<i64, Option<String>> = cohorts::enrollments(s, c.id)
        .await?
        .into_iter()
        .map(|e| (e.user_id, e.establishment))
        .collect();
    if let Some(v) = validations.first() {
        for b in &v.validation.budgets {
            let name = t(lang, &format!("budget-{}", key(&b.budget)));
            headers.push(format!("{name} — {}", t(lang, "validation-planned")));
            headers.push(format!("{name} — {}", t(lang, "validation-achieved")));
        }
    }
    headers.push(t(lang, "validation-standing"));
    let rows: Vec<Vec<String>> = validations
        .iter()
        .map(|v| {
            let mut r = vec![
                format!("{} {}", v.last_name, v.first_name),
                people
                    .get(&v.user_id)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
            ];
            for b in &v.validation.budgets {
                r.push(crate::i18n::duration(b.planned_minutes));
                r.push(crate::i18n::duration(b.achieved_minutes));
            }
            r.push(t(
                lang,
                &format!("standing-{}", key(&v.validation.standing)),
            ));
            r
        })
        .collect();
    let summary = csv_bytes(&headers, &rows)?;
    let summary_xlsx = xlsx_bytes(&t(lang, "documents-summary-sheet"), &headers, &rows)?;
    let listing: Vec<Vec<String>> = files
        .iter()
        .map(|(name, body)| {
            vec![
                name.clone(),
                body.len().to_string(),
                hybride_store::token::digest_bytes(body),
            ]
        })
        .collect();
    let listing = csv_bytes(
        &[
            t(lang, "documents-file"),
            t(lang, "documents-size"),
            "SHA-256".to_owned(),
        ],
        &listing,
    )?;
    let documents = files.len();
    files.push(("synthese.csv".into(), summary));
    files.push(("synthese.xlsx".into(), summary_xlsx));
    files.push(("fichiers.csv".into(), listing));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // PDFs are compressed inside already: the files are stored as they are.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip_time());
    let fail = |e: zip::result::ZipError| Error::Internal(e.into());
    for (name, body) in &files {
        zip.start_file(name.as_str(), options).map_err(fail)?;
        zip.write_all(body).map_err(|e| Error::Internal(e.into()))?;
    }
    let zip = zip.finish().map_err(fail)?.into_inner();
    Ok(Bundle {
        sha256: hybride_store::token::digest_bytes(&zip),
        documents,
        filename: format!(
            "session-{}-{}-{}.zip",
            t_.dispositif_id,
            t_.module_id,
            c.gaia_session_id
                .clone()
                .unwrap_or_else(|| c.id.to_string())
        ),
        zip,
        events_seq,
    })
}

/// Now in Europe/Paris, as a zip entry's date.
fn zip_time() -> zip::DateTime {
    let d = hybride_domain::time::civil(now());
    zip::DateTime::from_date_and_time(
        u16::try_from(d.year()).unwrap_or(1980),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
        u8::try_from(d.hour()).unwrap_or(0),
        u8::try_from(d.minute()).unwrap_or(0),
        u8::try_from(d.second()).unwrap_or(0),
    )
    .unwrap_or_default()
}
