//! The retention policy in the API (admins): read it, replace it, and see what the purge would
//! remove today.

use super::ApiJson;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use hybride_domain::retention::Retention;
use hybride_training::retention::{self, PurgeReport};

/// How long each kind of record is kept.
#[utoipa::path(get, path = "/api/v1/settings/retention", tag = "after",
    responses((status = 200, body = Retention)))]
pub async fn get_policy(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<Retention>, AppError> {
    Ok(Json(retention::policy(&state.store).await?))
}

/// Replaces the policy, each duration checked against its range.
#[utoipa::path(put, path = "/api/v1/settings/retention", tag = "after", request_body = Retention,
    responses((status = 200, body = Retention), (status = 422, body = super::ProblemDoc)))]
pub async fn put_policy(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<Retention>,
) -> Result<Json<Retention>, AppError> {
    let checked = b.check()?;
    retention::set_policy(&state.store, &who.user, &checked).await?;
    Ok(Json(checked))
}

/// What `hybride purge` would remove today, kind by kind and table by table; nothing is
/// removed.
#[utoipa::path(get, path = "/api/v1/retention/preview", tag = "after",
    responses((status = 200, body = PurgeReport)))]
pub async fn preview(
    State(state): State<AppState>,
    who: Allowed<Admins>,
) -> Result<Json<PurgeReport>, AppError> {
    Ok(Json(
        hybride_training::retention::purge(&state.store, (&who.user).into(), false)
            .await?
            .1,
    ))
}
