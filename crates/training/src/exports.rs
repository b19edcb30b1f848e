//! A plan's batch export, prepared in the background: every closed (or archived) cohort's
//! bundle, one after the other, into one zip with a list of the bundles; its progress is kept
//! as it goes, so that the page shows it and another instance takes over a stopped one.

use crate::i18n::{t, Lang};
use crate::Error;
use crate::Hybride;
use hybride_store::exports as store;
pub use hybride_store::exports::Export;
use hybride_store::exports::Part;
use hybride_store::{cohorts, now, trainings, Store};
use std::io::Write;
use std::time::Duration;

/// How long a finished export is kept for download.
pub const KEPT_DAYS: i64 = 7;

/// The closed or archived cohorts of a plan, with their trainings, in a stable order.
pub async fn closed_cohorts(
    s: &Store,
    plan_id: i64,
) -> Result<Vec<(cohorts::Cohort, trainings::Training)>, Error> {
    let mut out = Vec::new();
    for t in trainings::list(
        s,
        trainings::TrainingFilter {
            plan_id: Some(plan_id),
            ..Default::default()
        },
    )
    .await?
    {
        for c in cohorts::list(
            s,
            cohorts::CohortFilter {
                training_id: Some(t.id),
                ..Default::default()
            },
        )
        .await?
        {
            if c.status.is_closed() {
                out.push((c, t.clone()));
            }
        }
    }
    out.sort_by_key(|(c, _)| c.id);
    Ok(out)
}

/// Asks for an export of the plan (for the page and the API): the plan must exist and have a
/// closed cohort; one export of a plan at a time; refused while no signatory of the
/// certificates is named, since no closed cohort's bundle is made without them.
pub async fn request(s: &Store, plan_id: i64, by: i64, lang: Lang) -> Result<Export, Error> {
    hybride_store::plans::get(s, plan_id).await?;
    let closed = closed_cohorts(s, plan_id).await?;
    if closed.is_empty() {
        return Err(Error::Refused("nothing_to_export"));
    }
    let unsigned = hybride_store::certificates::current(s).await?.is_none();
    if unsigned && closed.iter().any(|(c, _)| c.trainees > 0) {
        return Err(Error::Refused("bundle_unsigned"));
    }
    Ok(store::request(s, plan_id, by, lang.code()).await?)
}

/// Prepares one export: each cohort's bundle in turn, kept as a part as soon as it is made
/// (so that only one bundle is ever in memory), then the list of cohorts.
async fn prepare(s: &Store, e: &Export) -> Result<(), Error> {
    let lang = Lang::of_locale(&e.lang);
    let chosen = closed_cohorts(s, e.plan_id).await?;
    let total = chosen.len() as i64;
    store::progress(s, e.id, 0, total, 0).await?;
    let mut documents = 0i64;
    let mut names = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for (i, (c, tr)) in chosen.iter().enumerate() {
        let b = crate::documents::bundle(s, lang, c, tr, None, |_, _| {}).await?;
        // Two cohorts sharing a GAIA session number keep their own file.
        let mut name = b.filename.clone();
        if !names.insert(name.clone()) {
            name = format!("{}-{}.zip", name.trim_end_matches(".zip"), c.id);
            names.insert(name.clone());
        }
        store::add_part(s, e.id, i as i64, &name, &b.zip, &b.sha256).await?;
        documents += b.documents as i64;
        rows.push(vec![
            name,
            tr.title.clone(),
            c.label.clone(),
            c.gaia_session_id.clone().unwrap_or_default(),
            c.starts_on.clone(),
            c.ends_on.clone(),
            b.documents.to_string(),
            b.sha256,
        ]);
        store::progress(s, e.id, i as i64 + 1, total, documents).await?;
    }
    let headers: Vec<String> = [
        "documents-file",
        "exports-training",
        "exports-cohort",
        "exports-gaia-session",
        "exports-starts",
        "exports-ends",
        "exports-documents",
    ]
    .iter()
    .map(|k| t(lang, k))
    .chain(["SHA-256".to_owned()])
    .collect();
    let listing = crate::documents::csv_bytes(&headers, &rows)?;
    let sha = hybride_store::token::digest_bytes(&listing);
    store::add_part(s, e.id, total, "sessions.csv", &listing, &sha).await?;
    store::finish(s, e.id).await?;
    tracing::info!(
        export = e.id,
        plan = e.plan_id,
        cohorts = total,
        documents,
        "plan export ready"
    );
    Ok(())
}

/// A writer whose bytes are taken out as they come (the zip being streamed).
#[derive(Clone, Default)]
struct Chunks(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Chunks {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    }
}

impl Write for Chunks {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The export as one zip, streamed: each part is read from the database and written out in
/// turn, so that memory holds one part at a time whatever the plan's size.
pub fn zip_stream(
    s: Store,
    export_id: i64,
    parts: Vec<store::Part>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    type Chunk = Result<Vec<u8>, std::io::Error>;
    let (tx, rx) = tokio::sync::mpsc::channel::<Chunk>(2);
    tokio::spawn(async move {
        let out = Chunks::default();
        let mut zip = zip::ZipWriter::new_stream(out.clone());
        // The bundles are zips already: stored as they are.
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .large_file(false);
        for p in parts {
            let written = match store::part_body(&s, export_id, p.position).await {
                Ok(body) => zip
                    .start_file(p.name.as_str(), options)
                    .map_err(std::io::Error::other)
                    .and_then(|()| zip.write_all(&body)),
                Err(e) => Err(std::io::Error::other(e.to_string())),
            };
            if let Err(e) = written {
                tracing::warn!(export = export_id, error = %e, "streaming a plan export failed");
                let _ = tx.send(Err(e)).await;
                return;
            }
            // The client went away: stop reading.
            if tx.send(Ok(out.take())).await.is_err() {
                return;
            }
        }
        let end = zip
            .finish()
            .map(|_| out.take())
            .map_err(std::io::Error::other);
        let _ = tx.send(end).await;
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    stream
}

/// Claims and prepares the next export waiting, if any; true when one was prepared (or
/// failed, with its error kept).
pub async fn work_once(state: &Hybride) -> Result<bool, Error> {
    let s = &state.store;
    let Some(e) = store::claim(s, now()).await? else {
        return Ok(false);
    };
    if let Err(err) = prepare(s, &e).await {
        tracing::warn!(export = e.id, error = %err, "plan export failed");
        store::fail(s, e.id, &err.to_string()).await?;
    }
    Ok(true)
}

/// The exports worker: looks for work every few seconds.
pub async fn run(state: Hybride) {
    let mut tick = tokio::time::interval(Duration::from_secs(3));
    loop {
        tick.tick().await;
        loop {
            match work_once(&state).await {
                Ok(true) => continue,
                Ok(false) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "plan exports failed");
                    break;
                }
            }
        }
    }
}

// ---- reads and writes of the record, for the pages and the API

/// The plan's exports, newest first.
pub async fn list(store: &Store, plan_id: i64) -> crate::Result<Vec<Export>> {
    Ok(hybride_store::exports::list(store, plan_id).await?)
}

pub async fn get(store: &Store, id: i64) -> crate::Result<Export> {
    Ok(hybride_store::exports::get(store, id).await?)
}

/// The parts (one file each) an export has produced so far, in order.
pub async fn parts(store: &Store, id: i64) -> crate::Result<Vec<Part>> {
    Ok(store::parts(store, id).await?)
}
