//! The académie's M@gistère connection in the API (admins): read it (never the token), set it,
//! check it.

use super::ApiJson;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use hybride_training::magistere::{self, Check, Connection, ConnectionFields};
use serde::Deserialize;
use utoipa::ToSchema;

/// The site's address and, to change it, the web-service token.
#[derive(Deserialize, ToSchema)]
pub struct MagistereBody {
    /// The M@gistère (Moodle) site's address: https, or http on loopback only.
    #[schema(schema_with = super::bounds::provider_url)]
    pub url: String,
    /// The web-service user's token (16 to 128 letters and digits); left out, the stored one
    /// is kept. Never shown again.
    #[serde(default)]
    #[schema(schema_with = super::bounds::ws_token)]
    pub token: Option<String>,
}

/// The connection: the site's address and whether a token is stored.
#[utoipa::path(get, path = "/api/v1/settings/magistere", tag = "accounts",
    responses((status = 200, body = Connection)))]
pub async fn get_connection(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<Connection>, AppError> {
    Ok(Json(magistere::connection(&state).await?))
}

/// Sets the connection, each field checked (422 names them), recorded in the audit log.
#[utoipa::path(put, path = "/api/v1/settings/magistere", tag = "accounts",
    request_body = MagistereBody,
    responses((status = 200, body = Connection), (status = 422, body = super::ProblemDoc)))]
pub async fn put_connection(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<MagistereBody>,
) -> Result<Json<Connection>, AppError> {
    // As the schema states them, exactly (the page's form forgives spaces).
    let mut e = hybride_domain::FieldErrors::default();
    if !super::bounds::is_provider_url(&b.url) {
        e.add("url", hybride_domain::Invalid::new("error-magistere-url"));
    }
    if b.token
        .as_deref()
        .is_some_and(|t| !super::bounds::is_ws_token(t))
    {
        e.add(
            "token",
            hybride_domain::Invalid::new("error-magistere-token"),
        );
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let fields = ConnectionFields {
        url: b.url,
        token: b.token.unwrap_or_default(),
    };
    magistere::save(&state, &who.user, &fields).await?;
    Ok(Json(magistere::connection(&state).await?))
}

/// Asks M@gistère who the token is and whether its service offers every function Hybride
/// calls; a site that does not answer is said so in `failure`, not as an error of the request.
/// 422 `refused-magistere-not-configured` before a connection is set.
#[utoipa::path(post, path = "/api/v1/settings/magistere/check", tag = "accounts",
    responses((status = 200, body = Check), (status = 422, body = super::ProblemDoc)))]
pub async fn check_connection(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<Check>, AppError> {
    Ok(Json(magistere::check(&state).await?))
}

/// Reads the cohort's course on M@gistère (the course its « parcours M@gistère » address names
/// on the académie's site): that it exists, and which of the cohort's trainees it has; the
/// « avant » checklist shows what was found. A site that does not answer is said so in
/// `failure`. 422 `refused-magistere-not-configured` without a connection,
/// `refused-magistere-course-unknown` when the cohort's address names no course of the site.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/magistere/check", tag = "before",
    params(("id" = i64, Path)),
    responses((status = 200, body = hybride_domain::checklist::CourseCheck),
        (status = 404, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn check_course(
    State(state): State<AppState>,
    who: Allowed<crate::access::Staff>,
    super::Path(id): super::Path<i64>,
) -> Result<Json<hybride_domain::checklist::CourseCheck>, AppError> {
    let c = hybride_training::cohorts::visible(&state.store, &who.user, id).await?;
    Ok(Json(magistere::check_course(&state, &c).await?))
}
