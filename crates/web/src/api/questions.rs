//! Questions to the pilot, in the API: a training's trainers ask its pilot, the pilot answers,
//! either marks a question resolved, the pilot publishes answered ones as the training's FAQ.

use super::Path;
use super::{created, ApiJson};
use crate::access::{self, Staff, Trainers};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_training::questions::{self, Conversation, Message, PilotWaits, Question};
use serde::Deserialize;
use utoipa::ToSchema;

/// The questions the caller sees: a trainer those she asked; a pilot those asked of them; admins
/// every one. Open ones first, the longest waiting first.
#[utoipa::path(get, path = "/api/v1/questions", tag = "during",
    responses((status = 200, body = Vec<Question>)))]
pub async fn list(
    State(state): State<AppState>,
    who: Allowed<Staff>,
) -> Result<Json<Vec<Question>>, AppError> {
    Ok(Json(questions::inbox(&state.store, &who.user).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct QuestionBody {
    /// A training the caller delivers.
    #[schema(schema_with = super::bounds::id)]
    pub training_id: i64,
    #[schema(schema_with = super::bounds::title)]
    pub subject: String,
    #[schema(schema_with = super::bounds::required_text)]
    pub body: String,
}

/// A trainer asks the pilot of a training she delivers; the pilot is told by mail.
#[utoipa::path(post, path = "/api/v1/questions", tag = "during", request_body = QuestionBody,
    responses((status = 201, body = Question), (status = 422, body = super::ProblemDoc)))]
pub async fn ask(
    State(state): State<AppState>,
    who: Allowed<Trainers>,
    ApiJson(b): ApiJson<QuestionBody>,
) -> Result<Response, AppError> {
    let q = questions::ask(&state, &who.user, b.training_id, &b.subject, &b.body).await?;
    Ok(created(q))
}

/// A question and its conversation.
#[utoipa::path(get, path = "/api/v1/questions/{id}", tag = "during",
    params(("id" = i64, Path, minimum = 1)), responses((status = 200, body = Conversation)))]
pub async fn get(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Conversation>, AppError> {
    Ok(Json(
        questions::conversation(&state.store, &who.user, id).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ReplyBody {
    #[schema(schema_with = super::bounds::required_text)]
    pub body: String,
}

/// Answers the question (its pilot), or adds to it (who asked it); the other is told by mail.
/// Refused once resolved.
#[utoipa::path(post, path = "/api/v1/questions/{id}/messages", tag = "during",
    params(("id" = i64, Path, minimum = 1)), request_body = ReplyBody,
    responses((status = 201, body = Message), (status = 422, body = super::ProblemDoc)))]
pub async fn reply(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ReplyBody>,
) -> Result<Response, AppError> {
    let m = questions::reply(&state, &who.user, id, &b.body).await?;
    Ok(created(m))
}

/// Marks the question resolved.
#[utoipa::path(post, path = "/api/v1/questions/{id}/resolve", tag = "during",
    params(("id" = i64, Path, minimum = 1)),
    responses((status = 200, body = Question), (status = 422, body = super::ProblemDoc)))]
pub async fn resolve(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Question>, AppError> {
    Ok(Json(questions::resolve(&state.store, &who.user, id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct QuestionPublishBody {
    /// Whether the training's trainers read it in its FAQ.
    pub published: bool,
}

/// Publishes an answered question to the training's trainers as its FAQ, or withdraws it.
#[utoipa::path(put, path = "/api/v1/questions/{id}/published", tag = "during",
    params(("id" = i64, Path, minimum = 1)), request_body = QuestionPublishBody,
    responses((status = 200, body = Question), (status = 422, body = super::ProblemDoc)))]
pub async fn publish(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<QuestionPublishBody>,
) -> Result<Json<Question>, AppError> {
    Ok(Json(
        questions::publish(&state.store, &who.user, id, b.published).await?,
    ))
}

/// The training's FAQ: the questions its pilot published, with their answers.
#[utoipa::path(get, path = "/api/v1/trainings/{id}/faq", tag = "during",
    params(("id" = i64, Path, minimum = 1)), responses((status = 200, body = Vec<Conversation>)))]
pub async fn faq(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<Conversation>>, AppError> {
    access::visible_training(&state.store, &who.user, id).await?;
    Ok(Json(questions::faq(&state.store, id).await?))
}

/// The pilots' answering time: the median and the longest wait for a first answer (admins see
/// every pilot's, a pilot their own).
#[utoipa::path(get, path = "/api/v1/questions/waits", tag = "during",
    responses((status = 200, body = Vec<PilotWaits>)))]
pub async fn waits(
    State(state): State<AppState>,
    who: Allowed<crate::access::Planners>,
) -> Result<Json<Vec<PilotWaits>>, AppError> {
    Ok(Json(questions::pilot_waits(&state.store, &who.user).await?))
}
#[derive(Deserialize, ToSchema)]
pub struct PassBody {
    /// The e-mail of the pilot who answers from now on.
    #[schema(schema_with = super::bounds::email)]
    pub pilot_email: String,
}

/// Passes an open question to another pilot (admins), who is told by mail; kept in the audit log.
#[utoipa::path(put, path = "/api/v1/questions/{id}/pilot", tag = "during",
    params(("id" = i64, Path, minimum = 1)), request_body = PassBody,
    responses((status = 200, body = Question), (status = 422, body = super::ProblemDoc)))]
pub async fn pass(
    State(state): State<AppState>,
    who: Allowed<crate::access::Admins>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<PassBody>,
) -> Result<Json<Question>, AppError> {
    Ok(Json(
        questions::pass(&state, &who.user, id, &b.pilot_email).await?,
    ))
}

/// Within how many hours a pilot answers a trainer's question, as the académie states it.
#[derive(serde::Serialize, Deserialize, ToSchema)]
pub struct Delay {
    #[schema(schema_with = super::bounds::delay_hours)]
    pub delay_hours: i64,
}

/// The académie's delay for answering a question.
#[utoipa::path(get, path = "/api/v1/settings/question-delay", tag = "during",
    responses((status = 200, body = Delay)))]
pub async fn get_delay(
    State(state): State<AppState>,
    _who: Allowed<crate::access::Admins>,
) -> Result<Json<Delay>, AppError> {
    Ok(Json(Delay {
        delay_hours: i64::from(questions::delay_hours(&state.store).await?),
    }))
}

/// Sets the académie's delay for answering a question (1 to 720 hours); kept in the audit log.
#[utoipa::path(put, path = "/api/v1/settings/question-delay", tag = "during", request_body = Delay,
    responses((status = 200, body = Delay), (status = 422, body = super::ProblemDoc)))]
pub async fn put_delay(
    State(state): State<AppState>,
    who: Allowed<crate::access::Admins>,
    ApiJson(b): ApiJson<Delay>,
) -> Result<Json<Delay>, AppError> {
    let hours = u32::try_from(b.delay_hours).unwrap_or(0);
    questions::set_delay_hours(&state.store, &who.user, hours).await?;
    Ok(Json(Delay {
        delay_hours: i64::from(questions::delay_hours(&state.store).await?),
    }))
}
