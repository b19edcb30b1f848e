//! Cohorts: create, show (trainers, trainees, schedule), enroll, move along the lifecycle.

use super::{done, field_errors, flash, page};
use crate::access::{self, Anyone, Planners};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::{self, CohortFields};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::{CohortStatus, Email, FieldErrors, Role};
use hybride_store::{cohorts, people, trainings, StoreError};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default)]
pub struct CohortForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    gaia_session_id: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    course_url: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    page(
        &state,
        &who.ctx,
        "cohort_form.html",
        context! { training => t, form => CohortForm::default(), errors => field_errors(&who.ctx, &FieldErrors::new()) },
        false,
    )
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<CohortForm>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    let parsed = forms::cohort(CohortFields {
        training_id: id,
        label: &f.label,
        gaia_session_id: &f.gaia_session_id,
        starts_on: &f.starts_on,
        ends_on: &f.ends_on,
        course_url: &f.course_url,
    });
    let e = match parsed {
        Ok(new) => {
            let c = cohorts::create(&state.store, &new).await?;
            return Ok(done(&format!("/cohorts/{}", c.id), "cohort-created"));
        }
        Err(e) => e,
    };
    page(
        &state,
        &who.ctx,
        "cohort_form.html",
        context! { training => t, form => f, errors => field_errors(&who.ctx, &e) },
        true,
    )
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

/// Problems shown on the cohort page after a refused action.
const COHORT_ERRORS: &[&str] = &[
    "enroll-unknown",
    "enroll-role",
    "enroll-already",
    "enroll-invalid",
    "trainer-unknown",
    "trainer-role",
    "cohort-closed",
    "status-transition",
];

pub async fn show(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let manage = access::manage_training(&who.user, &t).is_ok();
    let enrollments = if access::see_enrollments(&who.user) {
        cohorts::enrollments(s, id).await?
    } else {
        Vec::new()
    };
    let next_statuses: Vec<&str> = CohortStatus::ALL
        .into_iter()
        .filter(|n| c.status.can_become(*n))
        .map(|n| n.as_str())
        .collect();
    let error = COHORT_ERRORS
        .iter()
        .find(|k| **k == q.error)
        .map(|k| format!("cohort-error-{k}"));
    page(
        &state,
        &who.ctx,
        "cohort.html",
        context! {
            cohort => c,
            training => t,
            trainers => cohorts::trainers(s, id).await?,
            enrollments => enrollments,
            show_enrollments => access::see_enrollments(&who.user),
            activities => cohorts::activities(s, id).await?,
            manage => manage,
            next_statuses => next_statuses,
            flash => flash(&super::Flash { ok: q.ok }),
            error => error,
        },
        false,
    )
}

fn back_with_error(id: i64, error: &str) -> Response {
    Redirect::to(&format!("/cohorts/{id}?error={error}")).into_response()
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    let next = CohortStatus::parse(&f.status)
        .map_err(|_| AppError::BadRequest("unknown status".into()))?;
    match cohorts::set_status(&state.store, id, next).await {
        Ok(_) => Ok(done(&format!("/cohorts/{id}"), "status-changed")),
        Err(StoreError::Refused(_)) => Ok(back_with_error(id, "status-transition")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

pub async fn add_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<EmailForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    let user = match Email::parse(&f.email) {
        Ok(e) => people::by_email(&state.store, &e).await?,
        Err(_) => None,
    };
    let Some(user) = user else {
        return Ok(back_with_error(id, "trainer-unknown"));
    };
    match cohorts::assign_trainer(&state.store, id, user.id).await {
        Ok(()) => Ok(done(&format!("/cohorts/{id}"), "trainer-added")),
        Err(StoreError::Refused("cohort_closed")) => Ok(back_with_error(id, "cohort-closed")),
        Err(StoreError::Refused(_)) => Ok(back_with_error(id, "trainer-role")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EnrollForm {
    #[serde(default)]
    emails: String,
}

/// Enrolls trainees given by e-mail, all or none.
pub async fn enroll(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<EnrollForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::manage_cohort(s, &who.user, &c).await?;
    let Ok(emails) = forms::email_list(&f.emails) else {
        return Ok(back_with_error(id, "enroll-invalid"));
    };
    let mut ids = Vec::new();
    for e in &emails {
        match people::by_email(s, e).await? {
            Some(u) if u.role == Role::Trainee => ids.push(u.id),
            Some(_) => return Ok(back_with_error(id, "enroll-role")),
            None => return Ok(back_with_error(id, "enroll-unknown")),
        }
    }
    match cohorts::enroll(s, id, &ids).await {
        Ok(_) => Ok(done(&format!("/cohorts/{id}"), "enrolled")),
        Err(StoreError::Conflict(_)) => Ok(back_with_error(id, "enroll-already")),
        Err(StoreError::Refused("cohort_closed")) => Ok(back_with_error(id, "cohort-closed")),
        Err(StoreError::Refused(_)) => Ok(back_with_error(id, "enroll-role")),
        Err(e) => Err(e.into()),
    }
}

pub async fn unenroll(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path((id, user)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    match cohorts::unenroll(&state.store, id, user).await {
        Ok(()) => Ok(done(&format!("/cohorts/{id}"), "unenrolled")),
        Err(StoreError::Refused(_)) => Ok(back_with_error(id, "cohort-closed")),
        Err(e) => Err(e.into()),
    }
}
