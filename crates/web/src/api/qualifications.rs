//! Trainers trained in hybrid delivery, in the API: the register (planners), the académie's
//! validity (admins), the trainers' requests to be trained and their answers, and the training
//! that trains them.

use super::Path;
use super::{created, ApiJson};
use crate::access::{self, Admins, Planners, Staff, Trainers};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_training::qualifications::{self, ByHand, Entry, Request};
use hybride_training::trainings;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The register of trainers trained in hybrid delivery, most recent first, with each record's
/// validity.
#[utoipa::path(get, path = "/api/v1/qualifications", tag = "before", responses((status = 200, body = Vec<Entry>)))]
pub async fn list_qualifications(
    State(state): State<AppState>,
    _who: Allowed<Planners>,
) -> Result<Json<Vec<Entry>>, AppError> {
    Ok(Json(qualifications::register(&state.store, None).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct QualificationBody {
    /// The trainer's e-mail.
    #[schema(schema_with = super::bounds::email)]
    pub email: String,
    /// `YYYY-MM-DD`, not in the future.
    #[schema(schema_with = super::bounds::date)]
    pub qualified_on: String,
    /// What the training covered.
    #[schema(schema_with = super::bounds::required_text)]
    pub content: String,
    /// Why it is recorded by hand (for example: trained before Hybride, a paper certificate).
    #[schema(schema_with = super::bounds::required_text)]
    pub reason: String,
}

/// Records by hand that the caller trained a trainer in hybrid delivery, with why; kept in the
/// audit log. Her open requests are answered by it.
#[utoipa::path(post, path = "/api/v1/qualifications", tag = "before", request_body = QualificationBody,
    responses((status = 201, body = hybride_training::qualifications::Qualification), (status = 422, body = super::ProblemDoc)))]
pub async fn add_qualification(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    ApiJson(b): ApiJson<QualificationBody>,
) -> Result<Response, AppError> {
    let q = qualifications::record_by_hand(
        &state.store,
        &who.user,
        ByHand {
            email: &b.email,
            qualified_on: &b.qualified_on,
            content: &b.content,
            reason: &b.reason,
        },
    )
    .await?;
    Ok(created(q))
}

/// Removes a record of the register (kept in the audit log).
#[utoipa::path(delete, path = "/api/v1/qualifications/{id}", tag = "before",
    params(("id" = i64, Path, minimum = 1)), responses((status = 204)))]
pub async fn remove_qualification(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
) -> Result<axum::http::StatusCode, AppError> {
    qualifications::remove(&state.store, &who.user, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// How long a qualification lasts.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct Validity {
    /// School years, counting the one it was obtained in; null: for good.
    #[schema(schema_with = super::bounds::validity_years)]
    pub validity_years: Option<i64>,
}

/// How long a qualification lasts in this académie.
#[utoipa::path(get, path = "/api/v1/settings/qualification-validity", tag = "before",
    responses((status = 200, body = Validity)))]
pub async fn get_validity(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<Validity>, AppError> {
    let years = qualifications::validity(&state.store).await?;
    Ok(Json(Validity {
        validity_years: years.map(i64::from),
    }))
}

/// Sets how long a qualification lasts (null: for good); kept in the audit log.
#[utoipa::path(put, path = "/api/v1/settings/qualification-validity", tag = "before", request_body = Validity,
    responses((status = 200, body = Validity), (status = 422, body = super::ProblemDoc)))]
pub async fn put_validity(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<Validity>,
) -> Result<Json<Validity>, AppError> {
    let years = b.validity_years.map(|y| u8::try_from(y).unwrap_or(u8::MAX));
    qualifications::set_validity(&state.store, &who.user, years).await?;
    let years = qualifications::validity(&state.store).await?;
    Ok(Json(Validity {
        validity_years: years.map(i64::from),
    }))
}

/// The requests the caller sees: a trainer her own; a pilot those of the trainers of their
/// trainings; admins every one. Those waiting first, the longest waiting first.
#[utoipa::path(get, path = "/api/v1/qualifications/requests", tag = "before",
    responses((status = 200, body = Vec<Request>)))]
pub async fn list_requests(
    State(state): State<AppState>,
    who: Allowed<Staff>,
) -> Result<Json<Vec<Request>>, AppError> {
    Ok(Json(
        qualifications::requests_for(&state.store, &who.user, false).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct AskBody {
    /// Why she asks to be trained.
    #[schema(schema_with = super::bounds::required_text)]
    pub reason: String,
    /// When she is available.
    #[schema(schema_with = super::bounds::required_text)]
    pub availability: String,
}

/// A trainer asks her pilots to be trained in hybrid delivery; they are told by mail. One open
/// request at a time (422 `refused-request-open`). Trainers only.
#[utoipa::path(post, path = "/api/v1/qualifications/requests", tag = "before", request_body = AskBody,
    responses((status = 201, body = Request), (status = 422, body = super::ProblemDoc)))]
pub async fn ask(
    State(state): State<AppState>,
    who: Allowed<Trainers>,
    ApiJson(b): ApiJson<AskBody>,
) -> Result<Response, AppError> {
    let r = qualifications::ask(&state, &who.user, &b.reason, &b.availability).await?;
    Ok(created(r))
}

#[derive(Deserialize, ToSchema)]
pub struct EnrolBody {
    /// A session of a trainers' training that the caller manages and that has not closed.
    #[schema(schema_with = super::bounds::id)]
    pub cohort_id: i64,
    /// A word for the trainer (may be empty).
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub answer: String,
}

/// Answers a waiting request by enrolling its trainer in a session of a trainers' training;
/// she is told by mail.
#[utoipa::path(post, path = "/api/v1/qualifications/requests/{id}/enrol", tag = "before",
    params(("id" = i64, Path, minimum = 1)), request_body = EnrolBody,
    responses((status = 200, body = Request), (status = 422, body = super::ProblemDoc)))]
pub async fn enrol(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<EnrolBody>,
) -> Result<Json<Request>, AppError> {
    Ok(Json(
        qualifications::enrol(&state, &who.user, id, b.cohort_id, &b.answer).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct DeclineBody {
    /// The answer (for example: the next session opens in March).
    #[schema(schema_with = super::bounds::required_text)]
    pub answer: String,
}

/// Answers a waiting request with a word; the trainer is told by mail.
#[utoipa::path(post, path = "/api/v1/qualifications/requests/{id}/decline", tag = "before",
    params(("id" = i64, Path, minimum = 1)), request_body = DeclineBody,
    responses((status = 200, body = Request), (status = 422, body = super::ProblemDoc)))]
pub async fn decline(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<DeclineBody>,
) -> Result<Json<Request>, AppError> {
    Ok(Json(
        qualifications::decline(&state, &who.user, id, &b.answer).await?,
    ))
}

/// Whether a training trains trainers in hybrid delivery.
#[derive(Deserialize, ToSchema)]
pub struct TrainsTrainersBody {
    pub trains_trainers: bool,
}

/// Marks a training as the one that trains trainers in hybrid delivery (or no longer): its
/// sessions take trainers as participants, and closing one records the qualification of each
/// trainer its validation meets. Its pilot and admins.
#[utoipa::path(put, path = "/api/v1/trainings/{id}/trains-trainers", tag = "planning",
    params(("id" = i64, Path, minimum = 1)), request_body = TrainsTrainersBody,
    responses((status = 200, body = trainings::Training)))]
pub async fn put_trains_trainers(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<TrainsTrainersBody>,
) -> Result<Json<trainings::Training>, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    qualifications::set_trains_trainers(&state.store, id, b.trains_trainers).await?;
    Ok(Json(trainings::get(&state.store, id).await?))
}
