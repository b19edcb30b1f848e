//! A plan's batch exports in the API (admins): ask for one, follow its progress, download it.

use super::Path;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hybride_training::exports::{self, Export};
use hybride_training::plans;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PlanExport {
    #[serde(flatten)]
    pub export: Export,
    /// Where to download the zip once `status` is `done` (same session or bearer token).
    pub download_url: Option<String>,
}

fn with_url(e: Export) -> PlanExport {
    PlanExport {
        download_url: (e.status == "done")
            .then(|| format!("/plans/{}/exports/{}/download", e.plan_id, e.id)),
        export: e,
    }
}

/// The plan's exports, newest first, with their progress.
#[utoipa::path(get, path = "/api/v1/plans/{id}/exports", tag = "after", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<PlanExport>), (status = 404, body = super::ProblemDoc)))]
pub async fn list(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<PlanExport>>, AppError> {
    plans::get(&state.store, id).await?;
    Ok(Json(
        exports::list(&state.store, id)
            .await?
            .into_iter()
            .map(with_url)
            .collect(),
    ))
}

/// Asks for the bundles of every closed cohort of the plan in one zip, prepared in the
/// background; one export of a plan at a time.
#[utoipa::path(post, path = "/api/v1/plans/{id}/exports", tag = "after", params(("id" = i64, Path)),
    responses((status = 202, body = PlanExport), (status = 404, body = super::ProblemDoc),
        (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn request(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<PlanExport>), AppError> {
    let e = hybride_training::exports::request(&state.store, id, who.user.id, who.ctx.lang).await?;
    Ok((StatusCode::ACCEPTED, Json(with_url(e))))
}
