//! After the training, in pages: the cohort's documents and their bundle, marking it as
//! transmitted, the trainers' pay forms (lump sums, statut), the académie's pay rates, and
//! what a training sets for its end (pay level, how long contents stay available).

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Admins, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use hybride_domain::pay::{self, Band, Lump, LumpKind, Rates, HOURLY_FIELDS, LUMP_FIELDS};
use hybride_domain::{CohortStatus, FieldErrors, Invalid};
use hybride_training::after::{self, TrainingAfter};
use hybride_training::cohorts::{self, Cohort};
use hybride_training::documents;
use hybride_training::people::User;
use hybride_training::trainings::{self, Training};
use hybride_training::Store;
use minijinja::context;
use serde::Deserialize;

mod ending;
mod pay_form;
mod rates;
mod signatory;
mod training_after;

pub use ending::{certificates_of, cohort_end, pending_rows};
pub use pay_form::{add_lump, delete_lump, pay_page, pay_pdf, set_profile};
pub use rates::{rates_form, save_rates};
pub use signatory::{save_signatory, signatory_form};
pub use training_after::{save_training_after, training_after};

use access::pay_forms_read as pay_viewer;

async fn staff_cohort(
    s: &Store,
    who: &Allowed<Staff>,
    id: i64,
) -> Result<(Cohort, Training), AppError> {
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    Ok((c, t))
}

fn is_closed(c: &Cohort) -> bool {
    c.status.is_closed()
}

#[derive(Deserialize, Default)]
pub struct DocumentsQuery {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

/// The cohort's documents, its "after" checklist, the bundle and its transmissions.
pub async fn documents_page(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<DocumentsQuery>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    let lang = who.ctx.lang;
    let (entries, issuing) =
        documents::list_issuing(s, lang, &c, &t, pay_viewer(&who.user)).await?;
    let items = hybride_training::checklist::after(s, &c, &t).await?;
    let mut transmissions = Vec::new();
    for x in after::transmissions(s, id).await? {
        let by = hybride_training::people::get(s, x.user_id)
            .await?
            .display_name();
        transmissions.push(context! { x => x, by => by });
    }
    let groups: Vec<minijinja::Value> = [
        "sheets",
        "certificates",
        "declarations",
        "pay",
        "convocations",
        "scenario",
    ]
        .iter()
        .map(|g| {
            context! { key => g, entries => entries.iter().filter(|e| e.group == *g).collect::<Vec<_>>() }
        })
        .collect();
    let error = ["not-closed", "unsigned", "note-invalid"]
        .iter()
        .find(|k| **k == q.error)
        .map(|k| format!("documents-error-{k}"));
    page(
        &state,
        &who.ctx,
        "documents.html",
        context! {
            cohort => c,
            training => t,
            groups => groups,
            count => entries.len(),
            items => hybride_training::before::show(lang, &c, &items),
            until => hybride_training::after::contents_until(s, &c).await?.to_string(),
            closed => is_closed(&c),
            can_transmit => access::take_attendance(s, &who.user, &c).await.is_ok(),
            transmissions => transmissions,
            recommended => hybride_training::courses::recommended(s, t.id).await?,
            closings => hybride_training::courses::closing_messages(s, id).await?,
            certificates => context! {
                ended => issuing.ended_at.is_some(),
                ends_at => issuing.last_activity_end,
                unsigned => issuing.signatory_missing() && c.trainees > 0,
                signatory => issuing.signatory,
                pending => pending_rows(&issuing.pending),
                settings => access::sets_academie(&who.user),
            },
            flash => flash(&Flash { ok: q.ok }),
            error => error,
        },
        false,
    )
}

/// Every document of the cohort in one zip, ready for the training service.
pub async fn bundle(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    let b = build_bundle(s, &who.user, who.ctx.lang, &c, &t).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", b.filename),
            ),
        ],
        b.zip,
    )
        .into_response())
}

/// The bundle as `user` may take it (a trainer's holds only their own pay form).
pub async fn build_bundle(
    s: &Store,
    user: &User,
    lang: hybride_training::i18n::Lang,
    c: &Cohort,
    t: &Training,
) -> Result<documents::Bundle, AppError> {
    Ok(documents::bundle(s, lang, c, t, pay_viewer(user), |_, _| {}).await?)
}

#[derive(Deserialize, Default)]
pub struct TransmitForm {
    #[serde(default)]
    note: String,
}

/// Marks the cohort's documents as sent to the training service: the bundle is built now and
/// its fingerprint kept, so that a later change of the record shows.
pub async fn transmit(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TransmitForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    access::take_attendance(s, &who.user, &c).await?;
    if !is_closed(&c) {
        return Ok(axum::response::Redirect::to(&format!(
            "/cohorts/{id}/documents?error=not-closed"
        ))
        .into_response());
    }
    let Ok(note) = hybride_domain::Note::parse(&f.note) else {
        return Ok(axum::response::Redirect::to(&format!(
            "/cohorts/{id}/documents?error=note-invalid#h-bundle"
        ))
        .into_response());
    };
    let b = build_bundle(s, &who.user, who.ctx.lang, &c, &t).await?;
    after::add_transmission(
        s,
        id,
        who.user.id,
        &b.sha256,
        b.documents as i64,
        b.events_seq,
        note.as_str(),
    )
    .await?;
    Ok(done(&format!("/cohorts/{id}/documents"), "transmitted"))
}

/// The opening message as published, as a PDF: for everyone in the cohort.
pub async fn opening_pdf(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let doc = documents::opening(s, who.ctx.lang, &c, &t)
        .await?
        .ok_or(AppError::NotFound)?;
    super::pdf_response(
        move || hybride_docs::record_pdf(&doc),
        documents::filename(&t, &c, &documents::Which::Opening),
        format!("opening message of cohort {id}"),
    )
    .await
}

/// A trainee's convocation as a PDF: for the cohort's staff and the trainee herself.
pub async fn convocation_pdf(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    super::trainee_pdf(
        &state,
        &who,
        id,
        documents::Which::Convocation { user_id: user },
    )
    .await
}

/// The table behind one of the cohort's documents (a certificate, a pay form, a convocation,
/// a trainee's distance work, the opening message), as CSV or Excel: `{file}` is the
/// document's file name with `.csv` or `.xlsx`. The cohort's staff read the documents they may
/// read (a trainer, their own pay form only); a trainee, her own.
pub async fn document_table(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let (stem, kind) = if let Some(stem) = file.strip_suffix(".csv") {
        (stem, documents::Spreadsheet::Csv)
    } else if let Some(stem) = file.strip_suffix(".xlsx") {
        (stem, documents::Spreadsheet::Xlsx)
    } else {
        return Err(AppError::NotFound);
    };
    let t = trainings::get(s, c.training_id).await?;
    let lang = who.ctx.lang;
    // A certificate's table: hers or the staff's, and refused as its PDF is until it is issued.
    if let Some(which) = documents::certificate_of_stem(&t, &c, stem) {
        access::staff_or_self(&who.user, documents::trainee_of(&which).unwrap_or(0))?;
        let record = documents::record(s, lang, &c, &t, &which).await?;
        return crate::render::spreadsheet_response(kind, stem, &record.headers, &record.rows);
    }
    let entry = documents::list(s, lang, &c, &t, pay_viewer(&who.user))
        .await?
        .into_iter()
        .find(|e| {
            e.filename.trim_end_matches(".pdf") == stem
                && e.csv_url.as_deref().is_some_and(|u| u.contains("/tables/"))
        })
        .ok_or(AppError::NotFound)?;
    if !who.user.role.is_staff() {
        let hers = documents::trainee_of(&entry.which) == Some(who.user.id)
            || entry.which == documents::Which::Opening;
        if !hers {
            return Err(AppError::NotFound);
        }
    }
    let record = documents::record(s, lang, &c, &t, &entry.which).await?;
    crate::render::spreadsheet_response(kind, stem, &record.headers, &record.rows)
}

/// A trainee's asynchronous work as a PDF: for the cohort's staff and the trainee herself.
pub async fn declarations_pdf(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    super::trainee_pdf(
        &state,
        &who,
        id,
        documents::Which::Declarations { user_id: user },
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct PayQuery {
    #[serde(default)]
    ok: String,
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/documents", get(documents_page))
        .route("/cohorts/{id}/bundle.zip", get(bundle))
        .route("/cohorts/{id}/opening.pdf", get(opening_pdf))
        .route(
            "/cohorts/{id}/convocations/{user}/convocation.pdf",
            get(convocation_pdf),
        )
        .route(
            "/cohorts/{id}/declarations/{user}/travail-distance.pdf",
            get(declarations_pdf),
        )
        .route("/cohorts/{id}/tables/{file}", get(document_table))
        .route("/cohorts/{id}/transmissions", post(transmit))
        .route("/cohorts/{id}/pay", get(pay_page))
        .route("/cohorts/{id}/pay/{trainer}/remuneration.pdf", get(pay_pdf))
        .route("/cohorts/{id}/pay/{trainer}/profile", post(set_profile))
        .route("/cohorts/{id}/pay/lumps", post(add_lump))
        .route("/cohorts/{id}/pay/lumps/{lump}/remove", post(delete_lump))
        .route("/settings/pay", get(rates_form).post(save_rates))
        .route(
            "/settings/signatory",
            get(signatory_form).post(save_signatory),
        )
        .route(
            "/trainings/{id}/after",
            get(training_after).post(save_training_after),
        )
}

#[cfg(test)]
mod tests {
    use super::pay_form::*;
    use super::rates::*;
    use super::training_after::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rates_are_read_field_by_field() {
        let ok = RatesForm::of(&Rates::default());
        assert_eq!(parse_rates(&ok), Ok(Rates::default()));
        let bad = RatesForm {
            hourly_initiation: "45".into(),
            lump_tutoring: "deux cents".into(),
            coanimation: "0,5".into(),
            ..RatesForm::of(&Rates::default())
        };
        let e = parse_rates(&bad).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["lump_tutoring"]);
        let bad = RatesForm {
            hourly_initiation: "45".into(),
            coanimation: "0,5".into(),
            ..RatesForm::of(&Rates::default())
        };
        let fields: Vec<_> = parse_rates(&bad)
            .unwrap_err()
            .0
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(fields, ["hourly_initiation", "coanimation"]);
    }

    proptest! {
        #[test]
        fn pay_forms_never_panic(
            a in ".{0,30}", b in ".{0,30}", c in ".{0,30}", d in ".{0,400}",
        ) {
            let _ = parse_lump(&LumpForm { trainer: a.clone(), kind: b.clone(), amount: c.clone(), note: d.clone() });
            let _ = parse_profile(&ProfileForm { status: a.clone(), grade: d.clone(), employer: c.clone() });
            let _ = parse_after(&AfterForm { pay_band: a.clone(), contents_months: c.clone() });
            let _ = parse_rates(&RatesForm {
                hourly_initiation: a.clone(), hourly_deepening: b.clone(), hourly_expertise: c.clone(),
                hourly_lecture: a, hourly_exceptional_lecture: b, lump_engineering: c.clone(),
                lump_tutoring: d.clone(), coanimation: c,
            });
        }
    }
}
