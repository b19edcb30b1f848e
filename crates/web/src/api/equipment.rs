//! Equipment checks in the API (placeholder, being written).

use crate::access::Anyone;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use hybride_store::before::{self, EquipmentCheck};

/// The caller's equipment checks, most recent first.
#[utoipa::path(get, path = "/api/v1/equipment-checks", tag = "accounts", responses((status = 200, body = Vec<EquipmentCheck>)))]
pub async fn list_checks(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Json<Vec<EquipmentCheck>>, AppError> {
    Ok(Json(
        before::equipment_checks(&state.store, who.user.id, 20).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/equipment-checks", tag = "accounts", responses((status = 201, body = EquipmentCheck)))]
pub async fn record_check(
    State(_state): State<AppState>,
    _who: Allowed<Anyone>,
) -> Result<Json<()>, AppError> {
    Err(AppError::NotFound)
}
