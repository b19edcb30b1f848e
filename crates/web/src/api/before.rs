//! Before the training, in the API: the checklist, the scenario's steps and advice, the
//! accompaniment plan and validation rules.

use super::Path;
use super::{created, ApiJson};
use crate::access::{self, Planners, Staff};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::forms::{self, StepFields};
use crate::pages::preparation::{parse_accompaniment, parse_validation, ValidationForm};
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_domain::{FieldErrors, Invalid};
use hybride_training::before::{self, Accompaniment, ValidationRules};
use hybride_training::before::{self as checks, ShownItem};
use hybride_training::cohorts;
use hybride_training::trainings::{self, Step};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Advice, with its kind and its message in the caller's language.
#[derive(Serialize, ToSchema)]
pub struct AdviceShown {
    pub kind: String,
    pub message: String,
}

fn advice(
    lang: hybride_training::i18n::Lang,
    list: &[hybride_domain::scenario::Advice],
) -> Vec<AdviceShown> {
    list.iter()
        .map(|a| AdviceShown {
            kind: a.key().trim_start_matches("advice-").replace('-', "_"),
            message: checks::advice_text(lang, a),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct Checklist {
    pub cohort_id: i64,
    pub items: Vec<ShownItem>,
    /// Keys of the "before" items still to do: while any, the cohort cannot become ready
    /// without a stated reason.
    pub open: Vec<String>,
    /// Advice on the cohort's schedule.
    pub schedule_advice: Vec<AdviceShown>,
}

/// The charter's checklist of a cohort, computed from data: the "before" and "during" items.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/checklist", tag = "before", params(("id" = i64, Path)),
    responses((status = 200, body = Checklist), (status = 404, body = super::ProblemDoc)))]
pub async fn checklist(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Checklist>, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let items = hybride_training::checklist::all(s, &c, &t).await?;
    let steps = trainings::steps(s, t.id).await?;
    let activities = cohorts::activities(s, id).await?;
    let schedule = checks::schedule_advice(s, &c, &steps, &activities).await?;
    Ok(Json(Checklist {
        cohort_id: id,
        open: hybride_domain::checklist::open_items(&items)
            .iter()
            .map(|k| k.to_string())
            .collect(),
        items: checks::show(who.ctx.lang, &c, &items),
        schedule_advice: advice(who.ctx.lang, &schedule),
    }))
}

/// Advice on the training's scenario.
#[utoipa::path(get, path = "/api/v1/trainings/{id}/advice", tag = "before", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<AdviceShown>), (status = 404, body = super::ProblemDoc)))]
pub async fn scenario_advice(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<AdviceShown>>, AppError> {
    let t = access::visible_training(&state.store, &who.user, id).await?;
    let steps = trainings::steps(&state.store, id).await?;
    Ok(Json(advice(
        who.ctx.lang,
        &checks::scenario_advice(&t, &steps),
    )))
}

#[derive(Deserialize, ToSchema)]
pub struct StepBody {
    /// `in_person`, `virtual_class`, `webinar` or `async`.
    #[schema(schema_with = super::bounds::modality)]
    pub modality: String,
    /// `acquisition`, `investigation`, `practice`, `production`, `discussion` or `collaboration`.
    #[schema(schema_with = super::bounds::learning_type)]
    pub learning_type: String,
    #[schema(schema_with = super::bounds::title)]
    pub title: String,
    #[serde(default)]
    pub collective: bool,
    #[serde(default)]
    pub social: bool,
    /// Estimated duration in minutes.
    #[schema(schema_with = super::bounds::minutes)]
    pub minutes: i64,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub instructions: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub resources: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub evidence: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub evaluation: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub trainer_role: String,
    #[serde(default = "yes")]
    pub mandatory: bool,
    /// How an asynchronous step's time is credited on validation: `estimate_on_validation`
    /// (the default) or `declared_capped`.
    #[serde(default)]
    #[schema(schema_with = super::bounds::credit_rule)]
    pub credit_rule: String,
}

fn yes() -> bool {
    true
}

fn parse_step(b: &StepBody) -> Result<trainings::NewStep, FieldErrors> {
    forms::step(StepFields {
        modality: &b.modality,
        learning_type: &b.learning_type,
        title: &b.title,
        collective: b.collective,
        social: b.social,
        minutes: forms::minutes(b.minutes),
        instructions: &b.instructions,
        resources: &b.resources,
        evidence: &b.evidence,
        evaluation: &b.evaluation,
        trainer_role: &b.trainer_role,
        mandatory: b.mandatory,
        credit_rule: &b.credit_rule,
    })
}

/// Appends a step to the scenario.
#[utoipa::path(post, path = "/api/v1/trainings/{id}/steps", tag = "before", params(("id" = i64, Path)), request_body = StepBody,
    responses((status = 201, body = Step), (status = 403, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn add_step(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<StepBody>,
) -> Result<Response, AppError> {
    access::scenario_editable(&state.store, &who.user, id).await?;
    let step = parse_step(&b)?;
    Ok(created(trainings::add_step(&state.store, id, &step).await?))
}

/// Replaces a step's content.
#[utoipa::path(put, path = "/api/v1/trainings/{id}/steps/{step_id}", tag = "before", params(("id" = i64, Path), ("step_id" = i64, Path)),
    request_body = StepBody,
    responses((status = 200, body = Step), (status = 404, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn update_step(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, step_id)): Path<(i64, i64)>,
    ApiJson(b): ApiJson<StepBody>,
) -> Result<Json<Step>, AppError> {
    access::scenario_editable(&state.store, &who.user, id).await?;
    let step = parse_step(&b)?;
    Ok(Json(
        trainings::update_step(&state.store, id, step_id, &step).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/trainings/{id}/steps/{step_id}", tag = "before", params(("id" = i64, Path), ("step_id" = i64, Path)),
    responses((status = 204), (status = 404, body = super::ProblemDoc)))]
pub async fn delete_step(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, step_id)): Path<(i64, i64)>,
) -> Result<axum::http::StatusCode, AppError> {
    access::scenario_editable(&state.store, &who.user, id).await?;
    trainings::delete_step(&state.store, id, step_id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/trainings/{id}/accompaniment", tag = "before", params(("id" = i64, Path)),
    responses((status = 200, body = Accompaniment), (status = 404, body = super::ProblemDoc)))]
pub async fn get_accompaniment(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Accompaniment>, AppError> {
    access::visible_training(&state.store, &who.user, id).await?;
    before::accompaniment(&state.store, id)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize, ToSchema)]
pub struct AccompanimentBody {
    #[schema(schema_with = super::bounds::required_text)]
    pub channels: String,
    /// The longest wait for an answer, in hours.
    #[schema(schema_with = super::bounds::response_hours)]
    pub response_hours: i64,
    #[serde(default = "yes")]
    pub working_days_only: bool,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub tutoring_slots: String,
    #[schema(schema_with = super::bounds::required_text)]
    pub technical_contact: String,
    #[schema(schema_with = super::bounds::required_text)]
    pub exchange_hours: String,
}

#[utoipa::path(put, path = "/api/v1/trainings/{id}/accompaniment", tag = "before", params(("id" = i64, Path)),
    request_body = AccompanimentBody,
    responses((status = 200, body = Accompaniment), (status = 422, body = super::ProblemDoc)))]
pub async fn put_accompaniment(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<AccompanimentBody>,
) -> Result<Json<Accompaniment>, AppError> {
    access::scenario_editable(&state.store, &who.user, id).await?;
    let hours = u32::try_from(b.response_hours)
        .map_err(|_| Invalid::with("error-response-hours", b.response_hours));
    let input = parse_accompaniment(
        &b.channels,
        hours,
        b.working_days_only,
        &b.tutoring_slots,
        &b.technical_contact,
        &b.exchange_hours,
    )?;
    Ok(Json(
        before::save_accompaniment(&state.store, id, &input).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/trainings/{id}/validation-rules", tag = "before", params(("id" = i64, Path)),
    responses((status = 200, body = ValidationRules), (status = 404, body = super::ProblemDoc)))]
pub async fn get_validation(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<ValidationRules>, AppError> {
    access::visible_training(&state.store, &who.user, id).await?;
    before::validation_rules(&state.store, id)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize, ToSchema)]
pub struct ValidationBody {
    #[schema(schema_with = super::bounds::percent)]
    pub min_in_person_percent: i64,
    #[schema(schema_with = super::bounds::percent)]
    pub min_synchronous_percent: i64,
    #[schema(schema_with = super::bounds::percent)]
    pub min_asynchronous_percent: i64,
    pub mandatory_steps_required: bool,
    pub evaluation_required: bool,
    /// Share of a virtual half-day's length that makes it count (default 80).
    #[serde(default = "eighty")]
    #[schema(schema_with = super::bounds::percent)]
    pub half_day_threshold_percent: i64,
}

fn eighty() -> i64 {
    80
}

#[utoipa::path(put, path = "/api/v1/trainings/{id}/validation-rules", tag = "before", params(("id" = i64, Path)),
    request_body = ValidationBody,
    responses((status = 200, body = ValidationRules), (status = 403, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn put_validation(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ValidationBody>,
) -> Result<Json<ValidationRules>, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    let form = ValidationForm::from_numbers(
        b.min_in_person_percent,
        b.min_synchronous_percent,
        b.min_asynchronous_percent,
        b.mandatory_steps_required,
        b.evaluation_required,
        b.half_day_threshold_percent,
    );
    let input = parse_validation(&form)?;
    Ok(Json(
        before::save_validation_rules(&state.store, id, &input).await?,
    ))
}
