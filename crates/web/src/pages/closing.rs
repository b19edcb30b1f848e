//! Closing a cohort, after a page that says what closing does, and undoing it for a few days.

use super::{done, page};
use crate::access::{self, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::cohort::{may_reopen, reopen_until, REOPEN_SECONDS};
use hybride_domain::CohortStatus;
use hybride_training::cohorts::Cohort;
use hybride_training::{closing, cohorts, Error, Store};
use minijinja::context;
use serde::Deserialize;

/// The closing part of the cohort page: its closings and reopenings (to its staff), and until
/// when those who may close it may undo the last closing.
pub async fn cohort_context(
    s: &Store,
    c: &Cohort,
    staff: bool,
    act: bool,
) -> Result<minijinja::Value, AppError> {
    if !staff {
        return Ok(context! {});
    }
    let until = c
        .closed_at
        .filter(|_| act && may_reopen(c.status, c.closed_at, hybride_training::now()))
        .map(reopen_until);
    Ok(context! {
        events => closing::events(s, c.id).await?,
        reopen_until => until,
    })
}

/// What closing will do, before it is done: the closing button of the cohort page leads here.
pub async fn confirm(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    access::take_attendance(s, &who.user, &c).await?;
    if c.status != CohortStatus::Running {
        return Ok(Redirect::to(&format!("/cohorts/{id}")).into_response());
    }
    let pending = closing::pending(s, &c).await?;
    if !pending.declarations.is_empty() {
        return Ok(Redirect::to(&format!("/cohorts/{id}#h-closing")).into_response());
    }
    let t = hybride_training::trainings::get(s, c.training_id).await?;
    page(
        &state,
        &who.ctx,
        "close_confirm.html",
        context! {
            cohort => c,
            training => t,
            contents_until => hybride_training::after::contents_until(s, &c).await?.to_string(),
            reopen_days => REOPEN_SECONDS / 86_400,
        },
        false,
    )
}

#[derive(Deserialize, Default)]
pub struct ReopenForm {
    #[serde(default)]
    reason: String,
}

/// Undoes a closing, within the days allowed, with its reason.
pub async fn reopen(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ReopenForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    access::take_attendance(s, &who.user, &c).await?;
    let back = |error: &str| Redirect::to(&format!("/cohorts/{id}?error={error}#reopen"));
    match closing::reopen(s, &c, who.user.id, &f.reason).await {
        Ok(_) => Ok(done(&format!("/cohorts/{id}"), "reopened")),
        Err(Error::Invalid(_)) => Ok(back("reopen-reason").into_response()),
        Err(Error::Refused("reopen_too_late")) => Ok(back("reopen-too-late").into_response()),
        Err(Error::Refused(_)) => Ok(back("status-transition").into_response()),
        Err(e) => Err(e.into()),
    }
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/close", get(confirm))
        .route("/cohorts/{id}/reopen", post(reopen))
}
