//! The audit log in the API (admins): its entries, most recent first, page by page.

use super::Query;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use hybride_domain::{FieldErrors, Invalid};
use hybride_training::audit::{self, Entry};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Entries before this one (its `seq`): the next page.
    #[param(minimum = 1)]
    before: Option<i64>,
    #[param(default = 100, minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

/// Admins' changes to accounts and settings, imports and purges, most recent first; each entry
/// carries its hash and the previous entry's, as `hybride verify` checks them.
#[utoipa::path(get, path = "/api/v1/audit", tag = "accounts", params(AuditQuery),
    responses((status = 200, body = Vec<Entry>), (status = 403, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn list(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
    Query(q): Query<AuditQuery>,
) -> Result<Json<Vec<Entry>>, AppError> {
    let mut e = FieldErrors::new();
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        e.add("limit", Invalid::with("error-range", "1–1000"));
    }
    if q.before.is_some_and(|b| b < 1) {
        e.add("before", Invalid::with("error-range", "≥ 1"));
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    Ok(Json(audit::recent(&state.store, q.before, limit).await?))
}
