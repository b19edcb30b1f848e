//! The equipment test page: microphone, speakers, camera, screen sharing and round-trip time,
//! tested in the browser (`assets/equipment.js`), saved through the API, and the user's
//! previous checks below.

use crate::access::Anyone;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use hybride_training::before::{self, EquipmentCheck};
use minijinja::context;
use serde::Serialize;

/// How many previous checks the page lists.
const HISTORY: i64 = 10;

/// A previous check, as the page shows it.
#[derive(Serialize)]
struct PastCheck {
    #[serde(flatten)]
    check: EquipmentCheck,
    ready: bool,
}

pub async fn page(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Response, AppError> {
    let checks: Vec<PastCheck> = before::equipment_checks(&state.store, who.user.id, HISTORY)
        .await?
        .into_iter()
        .map(|check| PastCheck {
            ready: check.ready_to_lead(),
            check,
        })
        .collect();
    super::page(
        &state,
        &who.ctx,
        "equipment.html",
        context! {
            checks => checks,
            results => before::CHECK_RESULTS,
        },
        false,
    )
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new().route("/equipment", get(page))
}
