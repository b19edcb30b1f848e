//! After the training in the API: a cohort's documents (with their download addresses), its
//! trainers' pay forms, and the transmissions of its bundle.

use super::ApiJson;
use super::Path;
use crate::access::{self, Staff};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hybride_training::after::{self, Transmission};
use hybride_training::documents::Which;
use hybride_training::pay::TrainerPay;
use hybride_training::{cohorts, trainings};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One document of a cohort.
#[derive(Serialize, ToSchema)]
pub struct CohortDocument {
    /// `sheet`, `certificate`, `declarations` (a trainee's asynchronous work), `pay`,
    /// `convocation`, `opening` or `chronogramme`.
    pub kind: String,
    /// `sheets`, `certificates`, `declarations`, `pay`, `convocations` or `scenario`.
    pub group: String,
    pub title: String,
    pub filename: String,
    /// Where to download the PDF (same session or bearer token).
    pub url: String,
    /// The same table as CSV (sheets).
    pub csv_url: Option<String>,
    /// The same table as an Excel workbook (sheets).
    pub xlsx_url: Option<String>,
    pub activity_id: Option<i64>,
    /// The half-day (`2026-11-19-morning`), for sheets of in-person and virtual activities.
    pub slot: Option<String>,
    pub user_id: Option<i64>,
}

/// A cohort's documents: every attendance sheet, certificate, pay form (a trainer's own only)
/// and the chronogramme, with the bundle's address.
#[derive(Serialize, ToSchema)]
pub struct Documents {
    pub cohort_id: i64,
    /// The zip of every document, a summary CSV and the list of files.
    pub bundle_url: String,
    pub documents: Vec<CohortDocument>,
    pub transmissions: Vec<Transmission>,
}

#[utoipa::path(get, path = "/api/v1/cohorts/{id}/documents", tag = "after", params(("id" = i64, Path)),
    responses((status = 200, body = Documents), (status = 404, body = super::ProblemDoc)))]
pub async fn documents(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Documents>, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let viewer = access::pay_forms_read(&who.user);
    let list = hybride_training::documents::list(s, who.ctx.lang, &c, &t, viewer).await?;
    Ok(Json(Documents {
        cohort_id: id,
        bundle_url: format!("/cohorts/{id}/bundle.zip"),
        documents: list
            .into_iter()
            .map(|e| {
                let (kind, activity_id, slot, user_id) = match e.which {
                    Which::Sheet { activity_id, slot } => ("sheet", Some(activity_id), slot, None),
                    Which::Certificate { user_id } => ("certificate", None, None, Some(user_id)),
                    Which::Pay { trainer_id } => ("pay", None, None, Some(trainer_id)),
                    Which::Chronogramme => ("chronogramme", None, None, None),
                    Which::Opening => ("opening", None, None, None),
                    Which::Convocation { user_id } => ("convocation", None, None, Some(user_id)),
                    Which::Declarations { user_id } => ("declarations", None, None, Some(user_id)),
                };
                CohortDocument {
                    kind: kind.to_owned(),
                    group: e.group,
                    title: e.title,
                    filename: e.filename,
                    url: e.url,
                    csv_url: e.csv_url,
                    xlsx_url: e.xlsx_url,
                    activity_id,
                    slot,
                    user_id,
                }
            })
            .collect(),
        transmissions: after::transmissions(s, id).await?,
    }))
}

/// The pay forms of the cohort's trainers (a trainer gets their own only): hours led from the
/// attendance record, the co-animation rule, lump sums, totals in cents.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/pay", tag = "after", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<TrainerPay>), (status = 404, body = super::ProblemDoc)))]
pub async fn pay(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<TrainerPay>>, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let viewer = access::pay_forms_read(&who.user);
    Ok(Json(
        hybride_training::pay::pay_forms(s, &c, &t, viewer).await?.0,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct TransmissionBody {
    /// E.g. the upload's reference in Sofia-FMO (500 characters at most).
    #[serde(default)]
    #[schema(schema_with = super::bounds::note)]
    pub note: String,
}

/// Marks the closed cohort's bundle as transmitted: it is built now and its SHA-256 kept, so
/// that a later change of the attendance record shows in the checklist.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/transmissions", tag = "after", params(("id" = i64, Path)),
    request_body = TransmissionBody,
    responses((status = 201, body = Transmission), (status = 404, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn transmit(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<TransmissionBody>,
) -> Result<(StatusCode, Json<Transmission>), AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    access::take_attendance(s, &who.user, &c).await?;
    if !c.status.is_closed() {
        return Err(AppError::Refused("cohort_not_closed"));
    }
    let note = match hybride_domain::Note::parse(&b.note) {
        Ok(note) => note,
        Err(invalid) => {
            let mut e = hybride_domain::FieldErrors::new();
            e.add("note", invalid);
            return Err(AppError::Invalid(e));
        }
    };
    let t = trainings::get(s, c.training_id).await?;
    let viewer = access::pay_forms_read(&who.user);
    let bundle =
        hybride_training::documents::bundle(s, who.ctx.lang, &c, &t, viewer, |_, _| {}).await?;
    let x = after::add_transmission(
        s,
        id,
        who.user.id,
        &bundle.sha256,
        bundle.documents as i64,
        bundle.events_seq,
        note.as_str(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(x)))
}
