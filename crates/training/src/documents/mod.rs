//! The documents of a cohort: the attendance sheet of each half-day and of each asynchronous
//! activity, each trainee's certificat de réalisation, each trainer's pay form, the
//! chronogramme; their list, and the bundle (zip) that goes to the training service.
//!
//! Each document is built here, once, from the record; the pages, the API and the command line
//! only choose which and typeset it.

use crate::attendance as att;
use crate::i18n::{hm, key, slot_label, t, tr, Lang};
use crate::Error;
use hybride_docs::{Chronogramme, Record};
use hybride_domain::attendance::{self as rules, Slot};
use hybride_domain::{Minutes, Modality};
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::trainings::{Step, Training};
use hybride_store::{now, people, Store};
use serde::Serialize;
use utoipa::ToSchema;

mod bundle;
mod certificate;
mod convocation;
mod pay_form;
mod sheets;
mod tables;

pub use bundle::{bundle, Bundle};
pub use certificate::certificate;
pub use convocation::{chronogramme, convocation, opening};
use hybride_docs::typeset;
pub use pay_form::pay_form;
use sheets::exchanges_line;
pub use sheets::{declarations, sheet, sheet_table};
pub use tables::{csv_bytes, csv_cell, spreadsheet, xlsx_bytes, Spreadsheet};

/// « PAF 2026-2027 »: the plan as documents name it.
pub async fn plan_label(s: &Store, plan_id: i64) -> Result<String, Error> {
    let p = hybride_store::plans::get(s, plan_id).await?;
    Ok(format!("{} {}", p.title, p.school_year))
}

/// What every document of a cohort opens with: its language, cohort, training and plan.
#[derive(Clone, Copy)]
pub(super) struct Head<'a> {
    pub lang: Lang,
    pub cohort: &'a Cohort,
    pub training: &'a Training,
    pub plan: &'a str,
}

/// Today, in words, for a document's footer and signature block.
pub fn today_words(lang: Lang) -> String {
    crate::i18n::day_words(lang, hybride_domain::time::civil(now()).date())
}

/// « PAF 2026-2027 · GAIA 26A0100777 / 51234 »: every document's subtitle.
pub(super) fn subtitle(plan: &str, training: &Training) -> String {
    format!(
        "{} · GAIA {} / {}",
        plan, training.dispositif_id, training.module_id
    )
}

/// The cohort's first and last days, in words.
pub(super) fn dates_fact(lang: Lang, c: &Cohort) -> (String, String) {
    let day = |d: &str| {
        d.parse::<jiff::civil::Date>()
            .map(|d| crate::i18n::day_words(lang, d))
            .unwrap_or_else(|_| d.to_owned())
    };
    (
        t(lang, "pdf-when"),
        tr(
            lang,
            "activity-window",
            &[("start", day(&c.starts_on)), ("end", day(&c.ends_on))],
        ),
    )
}

/// A trainee as documents name her: her name, and her establishment when known.
pub(super) fn trainee_facts(
    lang: Lang,
    trainee: &hybride_store::people::User,
) -> Vec<(String, String)> {
    let mut facts = vec![(
        t(lang, "pdf-trainee"),
        format!("{} {}", trainee.first_name, trainee.last_name),
    )];
    if let Some(e) = trainee.establishment.as_deref().filter(|e| !e.is_empty()) {
        facts.push((t(lang, "pdf-establishment"), e.to_owned()));
    }
    facts
}

/// The session, with its GAIA id when known.
pub(super) fn session_fact(lang: Lang, c: &Cohort) -> (String, String) {
    (
        t(lang, "pdf-session"),
        format!(
            "{}{}",
            c.label,
            c.gaia_session_id
                .as_deref()
                .map(|g| format!(" (GAIA {g})"))
                .unwrap_or_default()
        ),
    )
}

/// Which document of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Which {
    /// The attendance sheet of a half-day (or of an asynchronous activity, `slot` none).
    Sheet {
        activity_id: i64,
        slot: Option<String>,
    },
    Certificate {
        user_id: i64,
    },
    Pay {
        trainer_id: i64,
    },
    Chronogramme,
    /// The opening message as published.
    Opening,
    Convocation {
        user_id: i64,
    },
    /// A trainee's asynchronous work.
    Declarations {
        user_id: i64,
    },
}

/// One document of a cohort, as its list shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Entry {
    #[serde(flatten)]
    pub which: Which,
    /// `sheets`, `certificates`, `pay` or `scenario`.
    pub group: String,
    pub title: String,
    pub filename: String,
    /// Where to download the PDF.
    pub url: String,
    /// The same table as CSV, for sheets.
    pub csv_url: Option<String>,
    /// The same table as an Excel workbook, for sheets.
    pub xlsx_url: Option<String>,
}

/// Every document of the cohort, in the order of the bundle; with `viewer` (a trainer), the
/// pay forms of that trainer only. The certificates issued only (see
/// [`crate::certificates::Issuing`]). Five statements, whatever the number of documents, and
/// up to two more once the cohort has ended.
pub async fn list(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    viewer: Option<i64>,
) -> Result<Vec<Entry>, Error> {
    Ok(list_issuing(s, lang, c, t_, viewer).await?.0)
}

/// [`list`], with whether (and whose) certificates are issued.
pub async fn list_issuing(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    viewer: Option<i64>,
) -> Result<(Vec<Entry>, crate::certificates::Issuing), Error> {
    let steps = hybride_store::trainings::steps(s, t_.id).await?;
    let activities = cohorts::activities(s, c.id).await?;
    let enrolled = cohorts::enrollments(s, c.id).await?;
    let trainers = cohorts::trainers(s, c.id).await?;
    let opening = hybride_store::during::published_opening(s, c.id)
        .await?
        .is_some();
    let issuing = crate::certificates::issuing_of(s, c, &activities, &enrolled, None).await?;
    let mut out = sheet_entries(lang, c, t_, &activities, &steps);
    let of_trainees = |doc: &TraineeDoc| trainee_entries(lang, c, t_, &enrolled, doc);
    out.extend(
        of_trainees(&CERTIFICATES)
            .into_iter()
            .filter(|e| trainee_of(&e.which).is_some_and(|u| certificate::listed(&issuing, u))),
    );
    // Each trainee's asynchronous work, when the cohort has some.
    if activities.iter().any(|a| a.modality == Modality::Async) {
        out.extend(of_trainees(&DECLARATIONS));
    }
    for tr_ in trainers.iter().filter(|u| viewer.is_none_or(|v| v == u.id)) {
        out.push(pay_entry(lang, c, t_, tr_));
    }
    out.extend(of_trainees(&CONVOCATIONS));
    out.extend(scenario_entries(lang, c, t_, opening));
    // The table behind each other document, as CSV and Excel.
    for e in &mut out {
        if e.csv_url.is_none() && e.which != Which::Chronogramme {
            e.csv_url = Some(table_url(c.id, &e.filename, "csv"));
            e.xlsx_url = Some(table_url(c.id, &e.filename, "xlsx"));
        }
    }
    Ok((out, issuing))
}

/// The trainee whose certificate is the file `stem` (its name without extension) of the
/// cohort, whether it is issued or not.
pub fn certificate_of_stem(t_: &Training, c: &Cohort, stem: &str) -> Option<Which> {
    let prefix = filename(t_, c, &Which::Certificate { user_id: 0 });
    let prefix = prefix.trim_end_matches("0.pdf");
    let user_id = stem.strip_prefix(prefix)?.parse::<i64>().ok()?;
    (user_id > 0
        && stem == filename(t_, c, &Which::Certificate { user_id }).trim_end_matches(".pdf"))
    .then_some(Which::Certificate { user_id })
}

/// The sheet of each half-day of each activity (of each asynchronous activity, one).
fn sheet_entries(
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    activities: &[Activity],
    steps: &[Step],
) -> Vec<Entry> {
    let mut out = Vec::new();
    for a in activities {
        let base = format!("/cohorts/{}/activities/{}/attendance", c.id, a.id);
        let slots = att::slots(a, steps);
        if a.modality == Modality::Async || slots.is_empty() {
            let which = Which::Sheet {
                activity_id: a.id,
                slot: None,
            };
            out.push(Entry {
                filename: filename(t_, c, &which),
                which,
                group: "sheets".into(),
                title: format!(
                    "{} — {}",
                    a.title,
                    t(lang, &format!("modality-{}", a.modality.as_str()))
                ),
                url: format!("{base}.pdf"),
                csv_url: Some(format!("{base}.csv")),
                xlsx_url: Some(format!("{base}.xlsx")),
            });
            continue;
        }
        for slot in slots {
            let k = slot.key();
            let which = Which::Sheet {
                activity_id: a.id,
                slot: Some(k.clone()),
            };
            out.push(Entry {
                filename: filename(t_, c, &which),
                which,
                group: "sheets".into(),
                title: format!("{} — {}", a.title, slot_label(lang, &slot)),
                url: format!("{base}.pdf?slot={k}"),
                csv_url: Some(format!("{base}.csv?slot={k}")),
                xlsx_url: Some(format!("{base}.xlsx?slot={k}")),
            });
        }
    }
    out
}

/// A kind of document each trainee has: which, its group in the list, its title's message
/// key, its address under the cohort's (the trainee's id in place of `{}`).
struct TraineeDoc {
    which: fn(i64) -> Which,
    group: &'static str,
    key: &'static str,
    path: &'static str,
}

const CERTIFICATES: TraineeDoc = TraineeDoc {
    which: |user_id| Which::Certificate { user_id },
    group: "certificates",
    key: "documents-certificate-of",
    path: "certificates/{}/certificat.pdf",
};

const DECLARATIONS: TraineeDoc = TraineeDoc {
    which: |user_id| Which::Declarations { user_id },
    group: "declarations",
    key: "documents-declarations-of",
    path: "declarations/{}/travail-distance.pdf",
};

const CONVOCATIONS: TraineeDoc = TraineeDoc {
    which: |user_id| Which::Convocation { user_id },
    group: "convocations",
    key: "documents-convocation-of",
    path: "convocations/{}/convocation.pdf",
};

/// Each trainee's document of one kind: her name in its title.
fn trainee_entries(
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    enrolled: &[cohorts::Enrollment],
    doc: &TraineeDoc,
) -> Vec<Entry> {
    enrolled
        .iter()
        .map(|e| {
            let which = (doc.which)(e.user_id);
            Entry {
                group: doc.group.into(),
                title: tr(
                    lang,
                    doc.key,
                    &[("name", format!("{} {}", e.first_name, e.last_name))],
                ),
                filename: filename(t_, c, &which),
                url: format!(
                    "/cohorts/{}/{}",
                    c.id,
                    doc.path.replace("{}", &e.user_id.to_string())
                ),
                which,
                csv_url: None,
                xlsx_url: None,
            }
        })
        .collect()
}

/// A trainer's pay form.
fn pay_entry(lang: Lang, c: &Cohort, t_: &Training, trainer: &people::User) -> Entry {
    let which = Which::Pay {
        trainer_id: trainer.id,
    };
    Entry {
        filename: filename(t_, c, &which),
        which,
        group: "pay".into(),
        title: tr(
            lang,
            "documents-pay-of",
            &[("name", trainer.display_name())],
        ),
        url: format!("/cohorts/{}/pay/{}/remuneration.pdf", c.id, trainer.id),
        csv_url: None,
        xlsx_url: None,
    }
}

/// The opening message (once published) and the chronogramme.
fn scenario_entries(lang: Lang, c: &Cohort, t_: &Training, opening: bool) -> Vec<Entry> {
    let mut out = Vec::new();
    if opening {
        out.push(Entry {
            which: Which::Opening,
            group: "scenario".into(),
            title: t(lang, "documents-opening"),
            filename: filename(t_, c, &Which::Opening),
            url: format!("/cohorts/{}/opening.pdf", c.id),
            csv_url: None,
            xlsx_url: None,
        });
    }
    out.push(Entry {
        which: Which::Chronogramme,
        group: "scenario".into(),
        title: t(lang, "documents-chronogramme"),
        filename: filename(t_, c, &Which::Chronogramme),
        url: format!("/trainings/{}/chronogramme.pdf", t_.id),
        csv_url: None,
        xlsx_url: None,
    });
    out
}

/// One document of the list (but the chronogramme, a document of its own kind) as its record:
/// facts, table, notes, signatures.
pub async fn record(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    which: &Which,
) -> Result<Record, Error> {
    Ok(match which {
        Which::Sheet { activity_id, slot } => {
            let a = cohorts::activity(s, c.id, *activity_id).await?;
            let steps = hybride_store::trainings::steps(s, t_.id).await?;
            let slot = match slot {
                Some(k) => Some(att::find_slot(&att::slots(&a, &steps), k).ok_or(Error::NotFound)?),
                None => None,
            };
            sheet(s, lang, c, t_, &a, &steps, slot).await?
        }
        Which::Certificate { user_id } => certificate(s, lang, c, t_, *user_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Pay { trainer_id } => pay_form(s, lang, c, t_, *trainer_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Opening => opening(s, lang, c, t_).await?.ok_or(Error::NotFound)?,
        Which::Convocation { user_id } => convocation(s, lang, c, t_, *user_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Declarations { user_id } => declarations(s, lang, c, t_, *user_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Chronogramme => return Err(Error::NotFound),
    })
}

/// A document's file name: its kind, the training's GAIA ids and whom or what it is about.
pub fn filename(t_: &Training, c: &Cohort, which: &Which) -> String {
    let (d, m) = (&t_.dispositif_id, &t_.module_id);
    match which {
        Which::Sheet {
            activity_id,
            slot: None,
        } => format!("emargement-{d}-{activity_id}-asynchrone.pdf"),
        Which::Sheet {
            activity_id,
            slot: Some(k),
        } => format!("emargement-{d}-{activity_id}-{k}.pdf"),
        Which::Certificate { user_id } => format!("certificat-{d}-{m}-{user_id}.pdf"),
        Which::Declarations { user_id } => format!("travail-distance-{d}-{m}-{user_id}.pdf"),
        Which::Convocation { user_id } => format!("convocation-{d}-{m}-{user_id}.pdf"),
        Which::Pay { trainer_id } => format!("remuneration-{d}-{}-{trainer_id}.pdf", c.id),
        Which::Opening => format!("message-ouverture-{d}-{}.pdf", c.id),
        Which::Chronogramme => format!("chronogramme-{d}-{m}.pdf"),
    }
}

/// The person a document is about, when it is one trainee's.
pub fn trainee_of(which: &Which) -> Option<i64> {
    match which {
        Which::Certificate { user_id }
        | Which::Convocation { user_id }
        | Which::Declarations { user_id } => Some(*user_id),
        _ => None,
    }
}

/// Where the table behind a document is downloaded (`ext`: `csv` or `xlsx`): the document's
/// file name with that extension.
pub fn table_url(cohort_id: i64, filename: &str, ext: &str) -> String {
    format!(
        "/cohorts/{cohort_id}/tables/{}.{ext}",
        filename.trim_end_matches(".pdf")
    )
}

/// Typesets one document of the list.
pub async fn render(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    which: &Which,
) -> Result<Vec<u8>, Error> {
    let fail = |e: hybride_docs::DocError| {
        tracing::warn!(error = %e, "document not typeset");
        Error::Refused("document")
    };
    match which {
        Which::Chronogramme => {
            let steps = hybride_store::trainings::steps(s, t_.id).await?;
            let doc = chronogramme(lang, t_, &steps);
            typeset(move || hybride_docs::chronogramme_pdf(&doc))
                .await?
                .map_err(fail)
        }
        other => {
            let doc = record(s, lang, c, t_, other).await?;
            typeset(move || hybride_docs::record_pdf(&doc))
                .await?
                .map_err(fail)
        }
    }
}
