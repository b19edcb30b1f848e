//! The signatory of the certificats de réalisation in the API (admins): who signs now, those
//! named before, and naming a new one.

use super::ApiJson;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use hybride_domain::certificate::Signatory;
use hybride_training::certificates;
use hybride_training::certificates::NamedSignatory;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Who signs the certificates.
#[derive(Serialize, ToSchema)]
pub struct SignatorySettings {
    /// The signatory in office now; null until one is named, and until then no certificate is
    /// issued.
    pub current: Option<NamedSignatory>,
    /// Every signatory named, the current one first. A certificate names the one in office
    /// when its cohort ended.
    pub history: Vec<NamedSignatory>,
}

/// A signatory to name from now on.
#[derive(Deserialize, ToSchema)]
pub struct SignatoryBody {
    /// Their full name, as certificates print it (« Claire Martin »).
    #[schema(schema_with = super::bounds::name)]
    pub name: String,
    /// Their title (« Directrice de l’EAFC »).
    #[schema(schema_with = super::bounds::title)]
    pub title: String,
    /// `director`: the EAFC's director signs; `delegate`: a delegate signs for the direction,
    /// « par délégation ».
    #[schema(schema_with = super::bounds::signatory_capacity)]
    pub capacity: String,
}

async fn settings(state: &AppState) -> Result<SignatorySettings, AppError> {
    let history = certificates::history(&state.store).await?;
    Ok(SignatorySettings {
        current: history.first().cloned(),
        history,
    })
}

/// The signatory of the certificates now, and those named before.
#[utoipa::path(get, path = "/api/v1/settings/signatory", tag = "after",
    responses((status = 200, body = SignatorySettings)))]
pub async fn get_signatory(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<SignatorySettings>, AppError> {
    Ok(Json(settings(&state).await?))
}

/// Names the signatory of the certificates from now on, each field checked; the certificates
/// of cohorts that ended before keep theirs.
#[utoipa::path(put, path = "/api/v1/settings/signatory", tag = "after", request_body = SignatoryBody,
    responses((status = 200, body = SignatorySettings), (status = 422, body = super::ProblemDoc)))]
pub async fn put_signatory(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<SignatoryBody>,
) -> Result<Json<SignatorySettings>, AppError> {
    let signatory = Signatory::parse(&b.name, &b.title, &b.capacity)?;
    certificates::name_signatory(&state.store, &signatory, &who.user).await?;
    Ok(Json(settings(&state).await?))
}
