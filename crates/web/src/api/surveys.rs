//! The satisfaction surveys in the API: a cohort's results (its staff), sending one by hand, the
//! caller's surveys to answer and their answers (trainees), the académie's questions (admins).

use super::Path;
use super::{created, ApiJson};
use crate::access::{self, Admins, Anyone, Staff, Trainees};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_domain::survey::{Question, SurveyKind, SurveySettings};
use hybride_training::surveys::{self, Pending, Survey, SurveyResults};
use hybride_training::{cohorts, now};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The cohort's surveys with their results: counts, the spread and mean of each scale question,
/// the comments (never who wrote them).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/surveys", tag = "after", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<SurveyResults>), (status = 404, body = super::ProblemDoc)))]
pub async fn cohort_surveys(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<SurveyResults>>, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    Ok(Json(surveys::of_cohort(s, id).await?))
}

/// Sends the cohort's survey (`hot` or `cold`) now: once its last activity has ended, and
/// `cold` after `hot`.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/surveys/{kind}", tag = "after",
    params(("id" = i64, Path), ("kind" = String, Path, description = "`hot` or `cold`")),
    responses((status = 201, body = Survey), (status = 404, body = super::ProblemDoc),
        (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn send_survey(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, kind)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let kind = surveys::kind_in_path(&kind)?;
    let c = access::schedulable(s, &who.user, id).await?;
    Ok(created(
        surveys::send_by_hand(&state, &c, who.user.id, kind).await?,
    ))
}

/// A survey the caller still has to answer, with its questions.
#[derive(Serialize, ToSchema)]
pub struct SurveyToAnswer {
    #[serde(flatten)]
    pub survey: Pending,
    pub questions: Vec<Question>,
    /// Where to send the answers.
    pub answer_url: String,
}

/// The open surveys the caller was invited to and has not answered.
#[utoipa::path(get, path = "/api/v1/me/surveys", tag = "after",
    responses((status = 200, body = Vec<SurveyToAnswer>)))]
pub async fn my_surveys(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Json<Vec<SurveyToAnswer>>, AppError> {
    let s = &state.store;
    let mut out = Vec::new();
    for p in surveys::pending(s, who.user.id, now()).await? {
        let questions = surveys::get(s, p.survey_id).await?.questions();
        out.push(SurveyToAnswer {
            answer_url: format!(
                "/api/v1/cohorts/{}/surveys/{}/responses",
                p.cohort_id,
                p.kind.as_str()
            ),
            survey: p,
            questions,
        });
    }
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
pub struct SurveyAnswers {
    /// One value per question, in order: `"1"` to `"5"` for a scale, any text (or `""`) for a
    /// comment.
    pub answers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Answered {
    pub cohort_id: i64,
    pub kind: SurveyKind,
    pub answered_at: i64,
}

/// A trainee's answers to her cohort's survey, once; they are kept without her name.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/surveys/{kind}/responses", tag = "after",
    params(("id" = i64, Path), ("kind" = String, Path, description = "`hot` or `cold`")),
    request_body = SurveyAnswers,
    responses((status = 201, body = Answered), (status = 404, body = super::ProblemDoc),
        (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn answer(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((id, kind)): Path<(i64, String)>,
    ApiJson(b): ApiJson<SurveyAnswers>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let kind = surveys::kind_in_path(&kind)?;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let survey = surveys::sent(s, id, kind).await?;
    surveys::answer(s, &survey, who.user.id, &b.answers).await?;
    Ok(created(Answered {
        cohort_id: id,
        kind,
        answered_at: now(),
    }))
}

/// The académie's survey questions and delays.
#[utoipa::path(get, path = "/api/v1/settings/surveys", tag = "after",
    responses((status = 200, body = SurveySettings)))]
pub async fn get_settings(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<SurveySettings>, AppError> {
    Ok(Json(surveys::settings(&state.store).await?))
}

/// Replaces the académie's survey questions and delays, checked question by question.
#[utoipa::path(put, path = "/api/v1/settings/surveys", tag = "after", request_body = SurveySettings,
    responses((status = 200, body = SurveySettings), (status = 422, body = super::ProblemDoc)))]
pub async fn put_settings(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<SurveySettings>,
) -> Result<Json<SurveySettings>, AppError> {
    let checked = b.check()?;
    surveys::set_settings(&state.store, &who.user, &checked).await?;
    Ok(Json(checked))
}
