//! During the training, in the API: convocations and each trainee's links, the
//! acknowledgement, the opening message, instructions per activity, the personal calendar.

use super::ApiJson;
use super::{Path, Query};
use crate::access::{self, Anyone, Staff, Trainees};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::forms::{self, OpeningFields};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use hybride_domain::FieldErrors;
use hybride_training::cohorts;
use hybride_training::during::{self, OpeningMessage, TraineeLinks};
use hybride_training::trainings;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Each trainee's convocation: sent, handed to the mail server, links opened, receipt confirmed.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/links", tag = "during", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<TraineeLinks>), (status = 404, body = super::ProblemDoc)))]
pub async fn links(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<TraineeLinks>>, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    Ok(Json(during::link_status(&state.store, id).await?))
}

#[derive(Deserialize, ToSchema, Default)]
pub struct ConvocationBody {
    /// Trainees to convoke again (with new links). Without it, every trainee not yet convoked.
    #[serde(default)]
    #[schema(schema_with = super::bounds::optional_ids)]
    pub user_ids: Option<Vec<i64>>,
}

#[derive(Serialize, ToSchema)]
pub struct Queued {
    pub queued: usize,
}

/// Queues convocations: each with the trainee's personal links and a calendar attachment.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/convocations", tag = "during", params(("id" = i64, Path)),
    request_body = ConvocationBody,
    responses((status = 202, body = Queued), (status = 404, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn convoke(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ConvocationBody>,
) -> Result<Response, AppError> {
    let c = access::schedulable(&state.store, &who.user, id).await?;
    let queued = during::convoke_now(&state, &c, body.user_ids.as_deref(), who.user.id).await?;
    Ok((StatusCode::ACCEPTED, Json(Queued { queued })).into_response())
}

/// The calling trainee confirms they received their links.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/received", tag = "during", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = super::ProblemDoc), (status = 404, body = super::ProblemDoc)))]
pub async fn received(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    during::acknowledge(&state.store, id, who.user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An activity's instructions as trainees see them.
#[derive(Serialize, ToSchema)]
pub struct ActivityInstructions {
    pub activity_id: i64,
    pub title: String,
    pub starts_at: i64,
    /// The cohort's own, or the scenario step's.
    pub instructions: String,
    pub published_at: Option<i64>,
    pub by_mail: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Messages {
    /// The latest published version of the opening message.
    pub opening: Option<OpeningMessage>,
    /// The trainer's draft (not shown to trainees): what the next publication will send.
    pub draft: Option<OpeningMessage>,
    /// Every activity's instructions; to trainees, only those published.
    pub instructions: Vec<ActivityInstructions>,
}

/// The cohort's messages: the opening message and each activity's instructions.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/messages", tag = "during", params(("id" = i64, Path)),
    responses((status = 200, body = Messages), (status = 404, body = super::ProblemDoc)))]
pub async fn messages(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Json<Messages>, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let trainee = access::attends(&who.user);
    let steps = trainings::steps(s, c.training_id).await?;
    let instructions = cohorts::activities(s, id)
        .await?
        .iter()
        .filter(|a| !trainee || a.instructions_published_at.is_some())
        .map(|a| ActivityInstructions {
            activity_id: a.id,
            title: a.title.clone(),
            starts_at: a.starts_at,
            instructions: during::instructions(a, &steps).to_owned(),
            published_at: a.instructions_published_at,
            by_mail: a.instructions_by_mail.0,
        })
        .collect();
    let draft = if trainee {
        None
    } else {
        during::opening(s, id).await?
    };
    Ok(Json(Messages {
        opening: during::published_opening(s, id).await?,
        draft,
        instructions,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct OpeningBody {
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub introduction: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub objectives: String,
    /// Required: the validation criteria in plain words.
    #[schema(schema_with = super::bounds::required_text)]
    pub validation: String,
    /// Required: channels, response time, tutoring, technical contact.
    #[schema(schema_with = super::bounds::required_text)]
    pub accompaniment: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub availability: String,
}

/// Saves the opening message (a draft until published). Without a saved message, `GET
/// …/opening/draft` gives the text drawn from the training.
#[utoipa::path(put, path = "/api/v1/cohorts/{id}/opening", tag = "during", params(("id" = i64, Path)),
    request_body = OpeningBody,
    responses((status = 200, body = OpeningMessage), (status = 422, body = super::ProblemDoc)))]
pub async fn put_opening(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<OpeningBody>,
) -> Result<Json<OpeningMessage>, AppError> {
    access::schedulable(&state.store, &who.user, id).await?;
    let text = forms::opening(OpeningFields {
        introduction: &b.introduction,
        objectives: &b.objectives,
        validation: &b.validation,
        accompaniment: &b.accompaniment,
        availability: &b.availability,
    })?;
    Ok(Json(
        during::save_opening(&state.store, id, &text, who.user.id).await?,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct OpeningDraft {
    pub introduction: String,
    pub objectives: String,
    pub validation: String,
    pub accompaniment: String,
    pub availability: String,
}

/// The opening message as drawn from the training, its validation rules and accompaniment plan.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/opening/draft", tag = "during", params(("id" = i64, Path)),
    responses((status = 200, body = OpeningDraft), (status = 404, body = super::ProblemDoc)))]
pub async fn opening_draft(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<OpeningDraft>, AppError> {
    let c = access::schedulable(&state.store, &who.user, id).await?;
    let t = during::opening_prefill(&state.store, &c, who.ctx.lang).await?;
    Ok(Json(OpeningDraft {
        introduction: t.introduction,
        objectives: t.objectives,
        validation: t.validation,
        accompaniment: t.accompaniment,
        availability: t.availability,
    }))
}

#[derive(Deserialize, ToSchema, Default)]
pub struct PublishBody {
    /// Also e-mail it to every trainee.
    #[serde(default)]
    pub by_mail: bool,
}

/// Publishes the saved opening message to the trainees' space (and by e-mail).
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/opening/publish", tag = "during", params(("id" = i64, Path)),
    request_body = PublishBody,
    responses((status = 200, body = OpeningMessage), (status = 404, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn publish_opening(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<PublishBody>,
) -> Result<Json<OpeningMessage>, AppError> {
    let c = access::schedulable(&state.store, &who.user, id).await?;
    during::check_may_convoke(&c)?;
    Ok(Json(during::publish_opening(&state, &c, b.by_mail).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct InstructionsBody {
    /// The cohort's own instructions; null or empty follows the scenario step.
    #[serde(default)]
    #[schema(schema_with = super::bounds::optional_text)]
    pub instructions: Option<String>,
    /// E-mail them to trainees when published.
    #[serde(default)]
    pub by_mail: bool,
    /// Publish now rather than at the activity's start.
    #[serde(default)]
    pub publish: bool,
}

/// Sets an activity's instructions for the cohort, and publishes them if asked.
#[utoipa::path(put, path = "/api/v1/cohorts/{id}/activities/{activity}/instructions", tag = "during",
    params(("id" = i64, Path), ("activity" = i64, Path)), request_body = InstructionsBody,
    responses((status = 200, body = ActivityInstructions), (status = 404, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn put_instructions(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    ApiJson(b): ApiJson<InstructionsBody>,
) -> Result<Json<ActivityInstructions>, AppError> {
    let c = access::schedulable(&state.store, &who.user, id).await?;
    let text = forms::instructions(b.instructions.as_deref().unwrap_or(""))
        .map_err(|e| AppError::Invalid(FieldErrors(vec![("instructions", e)])))?;
    if b.publish {
        during::check_may_convoke(&c)?;
    }
    let a = during::set_instructions(&state.store, id, aid, text.as_deref(), b.by_mail).await?;
    if b.publish {
        during::publish_instructions(&state, &a).await?;
    }
    let a = cohorts::activity(&state.store, id, aid).await?;
    let steps = trainings::steps(&state.store, c.training_id).await?;
    Ok(Json(ActivityInstructions {
        activity_id: a.id,
        title: a.title.clone(),
        starts_at: a.starts_at,
        instructions: during::instructions(&a, &steps).to_owned(),
        published_at: a.instructions_published_at,
        by_mail: a.instructions_by_mail.0,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct CalendarLink {
    /// Shown once: the previous calendar links stop working.
    pub calendar_url: String,
}

/// A new personal calendar link (`/calendar/{token}.ics`); the previous ones are revoked.
#[utoipa::path(post, path = "/api/v1/me/calendar", tag = "during",
    responses((status = 201, body = CalendarLink), (status = 401, body = super::ProblemDoc)))]
pub async fn new_calendar(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Response, AppError> {
    let secret = crate::pages::new_calendar_link(&state, who.user.id).await?;
    Ok(super::created(CalendarLink {
        calendar_url: format!("{}/calendar/{secret}.ics", state.config.public_url),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct PostQuery {
    /// An activity's thread; without it, the general thread.
    pub activity_id: Option<i64>,
}

/// A thread's posts: topics in order, each followed by its replies.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/posts", tag = "during", params(("id" = i64, Path), PostQuery),
    responses((status = 200, body = Vec<hybride_training::discussion::Post>), (status = 404, body = super::ProblemDoc)))]
pub async fn posts(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    Query(q): Query<PostQuery>,
) -> Result<Json<Vec<hybride_training::discussion::Post>>, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    Ok(Json(
        hybride_training::discussion::thread(&state.store, id, q.activity_id).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct PostBody {
    /// Markdown.
    #[schema(schema_with = super::bounds::required_text)]
    pub body: String,
    /// An activity's thread; without it, the general thread (ignored for a reply).
    #[serde(default)]
    #[schema(schema_with = super::bounds::optional_id)]
    pub activity_id: Option<i64>,
    /// The topic answered.
    #[serde(default)]
    #[schema(schema_with = super::bounds::optional_id)]
    pub parent_id: Option<i64>,
}

/// Posts in the cohort's discussion space; members mentioned (`@prenom.nom`) are notified.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/posts", tag = "during", params(("id" = i64, Path)),
    request_body = PostBody,
    responses((status = 201, body = hybride_training::discussion::Post), (status = 404, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn add_post(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<PostBody>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    let body = forms::required_text(&b.body)
        .map_err(|e| AppError::Invalid(FieldErrors(vec![("body", e)])))?;
    let p = hybride_training::discussion::post(
        &state,
        &c,
        &who.user,
        b.activity_id,
        b.parent_id,
        &body,
    )
    .await?;
    Ok(super::created(p))
}

/// The accompaniment as measured: questions unanswered past the promised time, quiet trainees.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/accompaniment", tag = "during", params(("id" = i64, Path)),
    responses((status = 200, body = hybride_training::discussion::Accompaniment), (status = 404, body = super::ProblemDoc)))]
pub async fn accompaniment(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<hybride_training::discussion::Accompaniment>, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    Ok(Json(
        hybride_training::discussion::accompaniment(&state.store, &c).await?,
    ))
}
