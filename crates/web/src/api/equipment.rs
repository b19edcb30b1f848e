//! Equipment checks in the API: the equipment test page saves its results here, and a caller
//! lists their own. Nobody sees anyone else's checks.

use super::{created, ApiJson};
use crate::access::Anyone;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_domain::{FieldErrors, Invalid};
use hybride_training::before::{self, EquipmentCheck, EquipmentInput, CHECK_RESULTS};
use serde::Deserialize;
use utoipa::ToSchema;

/// How many checks the list returns.
const LIST_LIMIT: i64 = 20;

/// A round trip slower than a minute is not a measure but a failure.
const MAX_ROUND_TRIP_MS: u32 = 60_000;

/// Longest browser name kept (the store also cuts it).
const MAX_BROWSER_CHARS: usize = 200;

/// The result of an equipment test, as the page measured it or the user set it.
#[derive(Deserialize, ToSchema)]
pub struct NewEquipmentCheck {
    /// `ok`, `failed` or `skipped`.
    #[schema(schema_with = super::bounds::check_result)]
    pub microphone: String,
    /// `ok`, `failed` or `skipped`.
    #[schema(schema_with = super::bounds::check_result)]
    pub speakers: String,
    /// `ok`, `failed` or `skipped`.
    #[schema(schema_with = super::bounds::check_result)]
    pub camera: String,
    /// `ok`, `failed` or `skipped`.
    #[schema(schema_with = super::bounds::check_result)]
    pub screen_share: String,
    /// Median round-trip time to the server, in milliseconds (60000 at most).
    #[schema(schema_with = super::bounds::optional_round_trip)]
    pub round_trip_ms: Option<u32>,
    /// The browser, as it names itself; cut to 200 characters.
    pub browser: Option<String>,
}

fn check_result(raw: &str) -> Result<String, Invalid> {
    if CHECK_RESULTS.contains(&raw) {
        Ok(raw.to_owned())
    } else {
        // The refused value is quoted back, shortened so that the message stays readable.
        let shown: String = raw.chars().filter(|c| !c.is_control()).take(40).collect();
        Err(Invalid::with("equipment-error-result", shown))
    }
}

fn check_round_trip(ms: Option<u32>) -> Result<Option<u32>, Invalid> {
    match ms {
        Some(ms) if ms > MAX_ROUND_TRIP_MS => Err(Invalid::with(
            "equipment-error-round-trip",
            MAX_ROUND_TRIP_MS,
        )),
        other => Ok(other),
    }
}

impl NewEquipmentCheck {
    fn parse(self) -> Result<EquipmentInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let microphone = e.check("microphone", check_result(&self.microphone));
        let speakers = e.check("speakers", check_result(&self.speakers));
        let camera = e.check("camera", check_result(&self.camera));
        let screen_share = e.check("screen_share", check_result(&self.screen_share));
        let round_trip_ms = e.check("round_trip_ms", check_round_trip(self.round_trip_ms));
        let (
            Some(microphone),
            Some(speakers),
            Some(camera),
            Some(screen_share),
            Some(round_trip_ms),
        ) = (microphone, speakers, camera, screen_share, round_trip_ms)
        else {
            return Err(e);
        };
        let browser = self
            .browser
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_BROWSER_CHARS)
            .collect::<String>()
            .trim()
            .to_owned();
        Ok(EquipmentInput {
            microphone,
            speakers,
            camera,
            screen_share,
            round_trip_ms,
            browser,
        })
    }
}

/// The caller's equipment checks, most recent first (20 at most).
#[utoipa::path(get, path = "/api/v1/equipment-checks", tag = "accounts",
    responses((status = 200, body = Vec<EquipmentCheck>), (status = 401, body = super::ProblemDoc)))]
pub async fn list_checks(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Json<Vec<EquipmentCheck>>, AppError> {
    Ok(Json(
        before::equipment_checks(&state.store, who.user.id, LIST_LIMIT).await?,
    ))
}

/// Saves the caller's equipment test, dated now. Microphone, speakers and screen sharing `ok`
/// make the caller ready to lead a virtual class.
#[utoipa::path(post, path = "/api/v1/equipment-checks", tag = "accounts",
    request_body = NewEquipmentCheck,
    responses((status = 201, body = EquipmentCheck), (status = 400, body = super::ProblemDoc),
        (status = 401, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn record_check(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    ApiJson(body): ApiJson<NewEquipmentCheck>,
) -> Result<Response, AppError> {
    let input = body.parse()?;
    let check = before::record_equipment_check(&state.store, who.user.id, &input).await?;
    tracing::info!(
        user = who.user.id,
        ready = check.ready_to_lead(),
        "equipment check saved"
    );
    Ok(created(check))
}
