//! The equipment test page (placeholder, being written).

use crate::access::Anyone;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use minijinja::context;

pub async fn page(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Response, AppError> {
    super::page(&state, &who.ctx, "equipment.html", context! {}, false)
}
