//! Plans, trainings, cohorts and enrollments in the API. Same rules as the pages: the same
//! parsing (`forms`), the same access decisions (`access`).

use super::{created, ApiJson};
use super::{Path, Query};
use crate::access::{self, Admins, Anyone, Planners, Staff};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::forms::{self, CohortFields, TrainingFields};
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_domain::{CohortStatus, Email, FieldErrors, Invalid, SchoolYear, Title};
use hybride_training::cohorts::{self, Activity, Cohort, Enrollment};
use hybride_training::people::{self, User};
use hybride_training::plans::{self, Plan};
use hybride_training::trainings::{self, Step, Training, TrainingFilter};
use hybride_training::Error;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[utoipa::path(get, path = "/api/v1/plans", tag = "planning", responses((status = 200, body = Vec<Plan>)))]
pub async fn list_plans(
    State(state): State<AppState>,
    _who: Allowed<Staff>,
) -> Result<Json<Vec<Plan>>, AppError> {
    Ok(Json(plans::list(&state.store).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct NewPlan {
    /// `2026-2027`
    #[schema(schema_with = super::bounds::school_year)]
    pub school_year: String,
    #[schema(schema_with = super::bounds::title)]
    pub title: String,
}

#[utoipa::path(post, path = "/api/v1/plans", tag = "planning", request_body = NewPlan,
    responses((status = 201, body = Plan), (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn create_plan(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(p): ApiJson<NewPlan>,
) -> Result<Response, AppError> {
    let mut e = FieldErrors::new();
    let year = e.check("school_year", SchoolYear::parse(&p.school_year));
    let title = e.check("title", Title::parse(&p.title));
    let (Some(year), Some(title)) = (year, title) else {
        return Err(AppError::Invalid(e));
    };
    Ok(created(
        plans::create(&state.store, (&who.user).into(), year, &title).await?,
    ))
}

#[derive(Deserialize, IntoParams)]
pub struct TrainingQuery {
    plan_id: Option<i64>,
    pilot_id: Option<i64>,
}

/// Trainings of the plan. Trainers see those they deliver.
#[utoipa::path(get, path = "/api/v1/trainings", tag = "planning", params(TrainingQuery),
    responses((status = 200, body = Vec<Training>)))]
pub async fn list_trainings(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Query(q): Query<TrainingQuery>,
) -> Result<Json<Vec<Training>>, AppError> {
    let listed = access::trainings_listed(&who.user, false);
    // A pilot limited to their own trainings asks for another pilot's: none of them.
    let pilot_id = match (listed.pilot_id, q.pilot_id) {
        (Some(own), Some(asked)) if own != asked => return Ok(Json(Vec::new())),
        (Some(own), _) => Some(own),
        (None, asked) => asked,
    };
    let f = TrainingFilter {
        plan_id: q.plan_id,
        pilot_id,
        ..listed
    };
    Ok(Json(trainings::list(&state.store, f).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct NewTrainingBody {
    #[schema(schema_with = super::bounds::id)]
    pub plan_id: i64,
    /// Required for admins; a pilot always creates trainings of their own.
    #[schema(schema_with = super::bounds::optional_id)]
    pub pilot_id: Option<i64>,
    /// GAIA dispositif id, e.g. `26A0100123`.
    #[schema(schema_with = super::bounds::dispositif_id)]
    pub dispositif_id: String,
    /// GAIA module id, e.g. `48213`.
    #[schema(schema_with = super::bounds::module_id)]
    pub module_id: String,
    #[schema(schema_with = super::bounds::title)]
    pub title: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub objectives: String,
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub public: String,
    /// The three durations may not all be zero.
    #[schema(schema_with = super::bounds::minutes)]
    pub in_person_minutes: i64,
    #[schema(schema_with = super::bounds::minutes)]
    pub synchronous_minutes: i64,
    #[schema(schema_with = super::bounds::minutes)]
    pub asynchronous_minutes: i64,
    /// The validation criteria, in plain words.
    #[schema(schema_with = super::bounds::required_text)]
    pub validation_criteria: String,
    /// Minimum attendance, in percent of each modality's planned time.
    #[schema(schema_with = super::bounds::percent)]
    pub min_attendance_percent: i64,
}

#[utoipa::path(post, path = "/api/v1/trainings", tag = "planning", request_body = NewTrainingBody,
    responses((status = 201, body = Training), (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn create_training(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    ApiJson(b): ApiJson<NewTrainingBody>,
) -> Result<Response, AppError> {
    let pilot_id = match (access::names_pilot(&who.user), b.pilot_id) {
        (true, Some(p)) => p,
        (true, None) => {
            let mut e = FieldErrors::new();
            e.add("pilot_id", Invalid::new("error-pilot-required"));
            return Err(AppError::Invalid(e));
        }
        (false, _) => who.user.id,
    };
    let percent = u8::try_from(b.min_attendance_percent)
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| Invalid::with("error-percent", b.min_attendance_percent));
    let new = forms::training(TrainingFields {
        plan_id: Some(b.plan_id),
        pilot_id,
        dispositif_id: &b.dispositif_id,
        module_id: &b.module_id,
        title: &b.title,
        objectives: &b.objectives,
        public: &b.public,
        in_person: forms::minutes(b.in_person_minutes),
        synchronous: forms::minutes(b.synchronous_minutes),
        asynchronous: forms::minutes(b.asynchronous_minutes),
        validation_criteria: &b.validation_criteria,
        min_attendance_percent: percent,
    })?;
    match trainings::create(&state.store, &new).await {
        Ok(t) => Ok(created(t)),
        Err(Error::Conflict(_)) => Err(AppError::Conflict("gaia")),
        Err(Error::NotFound) => {
            let mut e = FieldErrors::new();
            e.add("plan_id", Invalid::new("error-plan-unknown"));
            Err(AppError::Invalid(e))
        }
        Err(Error::Refused(_)) => {
            let mut e = FieldErrors::new();
            e.add("pilot_id", Invalid::new("error-pilot-role"));
            Err(AppError::Invalid(e))
        }
        Err(other) => Err(other.into()),
    }
}

async fn visible_training(state: &AppState, user: &User, id: i64) -> Result<Training, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, user, &t).await?;
    Ok(t)
}

#[utoipa::path(get, path = "/api/v1/trainings/{id}", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Training), (status = 404, body = super::ProblemDoc)))]
pub async fn get_training(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Training>, AppError> {
    Ok(Json(visible_training(&state, &who.user, id).await?))
}

/// The training's scenario (chronogramme), in order.
#[utoipa::path(get, path = "/api/v1/trainings/{id}/steps", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Step>), (status = 404, body = super::ProblemDoc)))]
pub async fn training_steps(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<Step>>, AppError> {
    visible_training(&state, &who.user, id).await?;
    Ok(Json(trainings::steps(&state.store, id).await?))
}

#[utoipa::path(get, path = "/api/v1/trainings/{id}/trainers", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<User>), (status = 404, body = super::ProblemDoc)))]
pub async fn training_trainers(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<User>>, AppError> {
    visible_training(&state, &who.user, id).await?;
    Ok(Json(trainings::trainers(&state.store, id).await?))
}

/// A person, by id or by e-mail.
#[derive(Deserialize, ToSchema)]
pub struct PersonRef {
    #[schema(schema_with = super::bounds::optional_id)]
    pub user_id: Option<i64>,
    #[schema(schema_with = super::bounds::optional_email)]
    pub email: Option<String>,
}

async fn resolve(state: &AppState, r: &PersonRef) -> Result<User, AppError> {
    let mut e = FieldErrors::new();
    // An address, when given, is read even beside an id: a malformed one is refused, and both
    // must name the same person.
    let email = match r.email.as_deref() {
        Some(raw) => match e.check("email", Email::parse(raw)) {
            Some(email) => Some(email),
            None => return Err(AppError::Invalid(e)),
        },
        None => None,
    };
    let found = match (r.user_id, &email) {
        (Some(id), _) => match people::get(&state.store, id).await {
            Ok(u) => Some(u),
            Err(Error::NotFound) => None,
            Err(other) => return Err(other.into()),
        },
        (None, Some(email)) => people::by_email(&state.store, email).await?,
        (None, None) => {
            e.add("user_id", Invalid::new("error-person-nobody"));
            return Err(AppError::Invalid(e));
        }
    };
    let Some(user) = found else {
        e.add(
            if r.user_id.is_some() {
                "user_id"
            } else {
                "email"
            },
            Invalid::new("error-person-unknown"),
        );
        return Err(AppError::Invalid(e));
    };
    if let Some(email) = &email {
        if !user.email.eq_ignore_ascii_case(email.as_str()) {
            e.add("email", Invalid::new("error-person-mismatch"));
            return Err(AppError::Invalid(e));
        }
    }
    Ok(user)
}

#[utoipa::path(post, path = "/api/v1/trainings/{id}/trainers", tag = "planning", params(("id" = i64, Path)),
    request_body = PersonRef,
    responses((status = 200, body = Vec<User>), (status = 403, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn add_training_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(r): ApiJson<PersonRef>,
) -> Result<Json<Vec<User>>, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    let user = resolve(&state, &r).await?;
    trainings::assign_trainer(&state.store, id, user.id).await?;
    Ok(Json(trainings::trainers(&state.store, id).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct CohortQuery {
    training_id: Option<i64>,
}

/// Cohorts the caller may see: all for admins and pilots, their own for trainers and trainees.
#[utoipa::path(get, path = "/api/v1/cohorts", tag = "planning", params(CohortQuery),
    responses((status = 200, body = Vec<Cohort>)))]
pub async fn list_cohorts(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Query(q): Query<CohortQuery>,
) -> Result<Json<Vec<Cohort>>, AppError> {
    let f = access::cohorts_listed(&who.user, q.training_id);
    let mut list = cohorts::list(&state.store, f).await?;
    list.retain(|c| access::listed_to(&who.user, c));
    Ok(Json(list))
}

#[derive(Deserialize, ToSchema)]
pub struct NewCohortBody {
    #[schema(schema_with = super::bounds::id)]
    pub training_id: i64,
    #[schema(schema_with = super::bounds::title)]
    pub label: String,
    #[schema(schema_with = super::bounds::optional_gaia_session)]
    pub gaia_session_id: Option<String>,
    /// `YYYY-MM-DD`
    #[schema(schema_with = super::bounds::date)]
    pub starts_on: String,
    /// `YYYY-MM-DD`, on or after `starts_on`.
    #[schema(schema_with = super::bounds::date)]
    pub ends_on: String,
    /// The cohort's M@gistère course.
    #[schema(schema_with = super::bounds::optional_url)]
    pub course_url: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/cohorts", tag = "planning", request_body = NewCohortBody,
    responses((status = 201, body = Cohort), (status = 403, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn create_cohort(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    ApiJson(b): ApiJson<NewCohortBody>,
) -> Result<Response, AppError> {
    let t = match trainings::get(&state.store, b.training_id).await {
        Ok(t) => t,
        Err(Error::NotFound) => {
            let mut e = FieldErrors::new();
            e.add("training_id", Invalid::new("error-training-unknown"));
            return Err(AppError::Invalid(e));
        }
        Err(other) => return Err(other.into()),
    };
    access::manage_training(&who.user, &t)?;
    let new = forms::cohort(CohortFields {
        training_id: t.id,
        label: &b.label,
        gaia_session_id: b.gaia_session_id.as_deref().unwrap_or(""),
        starts_on: &b.starts_on,
        ends_on: &b.ends_on,
        course_url: b.course_url.as_deref().unwrap_or(""),
    })?;
    Ok(created(cohorts::create(&state.store, &new).await?))
}

async fn visible_cohort(state: &AppState, user: &User, id: i64) -> Result<Cohort, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, user, &c).await?;
    Ok(c)
}

#[utoipa::path(get, path = "/api/v1/cohorts/{id}", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Cohort), (status = 404, body = super::ProblemDoc)))]
pub async fn get_cohort(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Json<Cohort>, AppError> {
    Ok(Json(visible_cohort(&state, &who.user, id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct StatusBody {
    pub status: CohortStatus,
}

/// Moves the cohort along draft → ready → running → closed → archived. Closing is refused
/// (422, `refused-declarations-pending`) while declarations of asynchronous work await a
/// decision: decide them first (each activity's attendance), then close.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/status", tag = "planning", params(("id" = i64, Path)),
    request_body = StatusBody,
    responses((status = 200, body = Cohort), (status = 422, body = super::ProblemDoc)))]
pub async fn cohort_status(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<StatusBody>,
) -> Result<Json<Cohort>, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    if b.status == CohortStatus::Closed && c.status == CohortStatus::Running {
        return Ok(Json(
            hybride_training::closing::close(&state.store, &c, Some(who.user.id)).await?,
        ));
    }
    Ok(Json(cohorts::set_status(&state.store, id, b.status).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct ReopenBody {
    /// Why the closing is undone (one line), kept beside it.
    #[schema(schema_with = super::bounds::title)]
    pub reason: String,
}

/// Undoes the closing of a closed cohort, within 7 days of it, with a reason: it runs again and
/// must be closed again. The record keeps the closing and the reopening. Refused (422,
/// `refused-reopen-too-late`) after 7 days. The cohort's trainers, its pilot and admins.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/reopen", tag = "planning", params(("id" = i64, Path)),
    request_body = ReopenBody,
    responses((status = 200, body = Cohort), (status = 422, body = super::ProblemDoc)))]
pub async fn reopen_cohort(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ReopenBody>,
) -> Result<Json<Cohort>, AppError> {
    let c = visible_cohort(&state, &who.user, id).await?;
    access::take_attendance(&state.store, &who.user, &c).await?;
    Ok(Json(
        hybride_training::closing::reopen(&state.store, &c, who.user.id, &b.reason).await?,
    ))
}

/// Enrolled trainees. Not shown to trainees (personal data of others).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/enrollments", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Enrollment>), (status = 403, body = super::ProblemDoc)))]
pub async fn list_enrollments(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<Enrollment>>, AppError> {
    visible_cohort(&state, &who.user, id).await?;
    Ok(Json(cohorts::enrollments(&state.store, id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct EnrollBody {
    /// The trainees by id; with `emails`, one person at least.
    #[serde(default)]
    #[schema(schema_with = super::bounds::ids)]
    pub user_ids: Vec<i64>,
    #[serde(default)]
    #[schema(schema_with = super::bounds::emails)]
    pub emails: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Enrolled {
    pub enrolled: usize,
}

/// Enrolls trainees, by id or e-mail, all or none.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/enrollments", tag = "planning", params(("id" = i64, Path)),
    request_body = EnrollBody,
    responses((status = 201, body = Enrolled), (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn enroll(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<EnrollBody>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    let mut ids = b.user_ids.clone();
    let mut e = FieldErrors::new();
    for raw in &b.emails {
        match Email::parse(raw) {
            Ok(email) => match people::by_email(&state.store, &email).await? {
                Some(u) => ids.push(u.id),
                None => e.add("emails", Invalid::with("error-person-unknown-value", email)),
            },
            Err(_) => e.add("emails", Invalid::with("error-email-in-list", raw)),
        }
    }
    if ids.is_empty() && e.is_empty() {
        e.add("user_ids", Invalid::new("error-enroll-nobody"));
    }
    if ids.len() > 500 {
        e.add("user_ids", Invalid::with("error-list-too-long", 500));
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    ids.sort_unstable();
    ids.dedup();
    let n = match cohorts::enroll(&state.store, id, &ids).await {
        Ok(n) => n,
        Err(Error::NotFound) => {
            let mut e = FieldErrors::new();
            e.add("user_ids", Invalid::new("error-person-unknown"));
            return Err(AppError::Invalid(e));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(created(Enrolled { enrolled: n }))
}

/// The cohort's schedule.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/activities", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Activity>), (status = 404, body = super::ProblemDoc)))]
pub async fn cohort_activities(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<Activity>>, AppError> {
    visible_cohort(&state, &who.user, id).await?;
    Ok(Json(cohorts::activities(&state.store, id).await?))
}

#[utoipa::path(delete, path = "/api/v1/trainings/{id}/trainers/{user_id}", tag = "planning",
    params(("id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 200, body = Vec<User>), (status = 403, body = super::ProblemDoc)))]
pub async fn remove_training_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path((id, user_id)): Path<(i64, i64)>,
) -> Result<Json<Vec<User>>, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    trainings::remove_trainer(&state.store, id, user_id).await?;
    Ok(Json(trainings::trainers(&state.store, id).await?))
}

#[utoipa::path(get, path = "/api/v1/cohorts/{id}/trainers", tag = "planning", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<User>), (status = 404, body = super::ProblemDoc)))]
pub async fn cohort_trainers(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<User>>, AppError> {
    visible_cohort(&state, &who.user, id).await?;
    Ok(Json(cohorts::trainers(&state.store, id).await?))
}

/// Assigns a trainer to the cohort (and so to its training).
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/trainers", tag = "planning", params(("id" = i64, Path)),
    request_body = PersonRef,
    responses((status = 200, body = Vec<User>), (status = 403, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn add_cohort_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    ApiJson(r): ApiJson<PersonRef>,
) -> Result<Json<Vec<User>>, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    let user = resolve(&state, &r).await?;
    cohorts::assign_trainer(&state.store, id, user.id).await?;
    Ok(Json(cohorts::trainers(&state.store, id).await?))
}

#[utoipa::path(delete, path = "/api/v1/cohorts/{id}/enrollments/{user_id}", tag = "planning",
    params(("id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 204), (status = 404, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn unenroll(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path((id, user_id)): Path<(i64, i64)>,
) -> Result<axum::http::StatusCode, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    cohorts::unenroll(&state.store, id, user_id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
