//! Accounts in the API.

use super::{created, ApiJson};
use super::{Path, Query};
use crate::access::{Admins, Anyone};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use hybride_domain::{FieldErrors, Invalid, Role};
use hybride_training::import::import_accounts;
use hybride_training::people::{self, User, UserFilter};
use hybride_training::{accounts, i18n};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The caller.
#[derive(Serialize, ToSchema)]
pub struct Me {
    #[serde(flatten)]
    pub user: User,
    /// The personal calendar feed. Links are stored hashed, so a link is shown only when it is
    /// issued: here when the caller has none active yet; otherwise null, and
    /// `POST /api/v1/me/calendar` issues a new one (revoking the previous).
    pub calendar_url: Option<String>,
    /// How many calendar links of the caller are active.
    pub calendar_links: usize,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = super::ProblemDoc)))]
pub async fn me(State(state): State<AppState>, who: Allowed<Anyone>) -> Result<Json<Me>, AppError> {
    use hybride_training::links::{self, Purpose};
    let active = links::active(&state.store, who.user.id, Purpose::Calendar)
        .await?
        .len();
    let calendar_url = if active == 0 {
        let secret = crate::pages::new_calendar_link(&state, who.user.id).await?;
        Some(format!("{}/calendar/{secret}.ics", state.config.public_url))
    } else {
        None
    };
    Ok(Json(Me {
        user: who.user,
        calendar_url,
        calendar_links: active.max(1),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct UserQuery {
    /// `admin`, `pilot`, `trainer` or `trainee`.
    #[param(schema_with = super::bounds::role_filter)]
    role: Option<String>,
    /// The start of a last name, first name or e-mail.
    q: Option<String>,
    #[param(default = 100, minimum = 1, maximum = 1000)]
    limit: Option<i64>,
    #[param(default = 0, minimum = 0)]
    offset: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct UserPage {
    pub items: Vec<User>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[utoipa::path(get, path = "/api/v1/users", tag = "accounts", params(UserQuery),
    responses((status = 200, body = UserPage), (status = 403, body = super::ProblemDoc)))]
pub async fn list_users(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
    Query(q): Query<UserQuery>,
) -> Result<Json<UserPage>, AppError> {
    let mut e = FieldErrors::new();
    let role = match q.role.as_deref() {
        None | Some("") => None,
        Some(r) => e.check("role", Role::parse(r)),
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        e.add("limit", Invalid::with("error-range", "1–1000"));
    }
    let offset = q.offset.unwrap_or(0);
    if offset < 0 {
        e.add("offset", Invalid::new("error-not-negative"));
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let filter = UserFilter {
        role,
        search: q.q,
        limit,
        offset,
    };
    let items = people::list(&state.store, &filter).await?;
    let total = people::count(&state.store, &filter).await?;
    Ok(Json(UserPage {
        items,
        total,
        limit: filter.limit,
        offset: filter.offset,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewUser {
    #[schema(schema_with = super::bounds::email)]
    pub email: String,
    #[schema(schema_with = super::bounds::name)]
    pub last_name: String,
    #[schema(schema_with = super::bounds::name)]
    pub first_name: String,
    /// `admin`, `pilot`, `trainer` or `trainee`.
    #[schema(schema_with = super::bounds::role)]
    pub role: String,
    #[schema(schema_with = super::bounds::optional_line)]
    pub establishment: Option<String>,
    /// At least 12 characters; trainees usually have none and log in with mailed links.
    #[schema(schema_with = super::bounds::optional_password)]
    pub password: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", request_body = NewUser,
    responses((status = 201, body = User), (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn create_user(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(u): ApiJson<NewUser>,
) -> Result<Response, AppError> {
    let fields = accounts::NewFields {
        email: &u.email,
        last_name: &u.last_name,
        first_name: &u.first_name,
        role: &u.role,
        establishment: u.establishment.as_deref().unwrap_or(""),
        password: u.password.as_deref(),
    };
    Ok(created(
        accounts::create(&state.store, (&who.user).into(), &fields).await?,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct ImportResult {
    pub imported: usize,
}

/// A refused line of an import.
#[derive(Serialize, ToSchema)]
pub struct ImportLineProblem {
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ImportRefused {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub lines: Vec<ImportLineProblem>,
}

/// Imports accounts from a CSV file (columns `email`, `nom`/`last_name`, `prénom`/`first_name`,
/// `rôle`/`role`, optional `établissement`; `;` or `,`), all or nothing.
#[utoipa::path(post, path = "/api/v1/users/import", tag = "accounts",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, body = ImportResult), (status = 422, body = ImportRefused, content_type = "application/problem+json")))]
pub async fn import_users(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    body: Bytes,
) -> Result<Response, AppError> {
    match import_accounts(&state.store, (&who.user).into(), &body).await? {
        Ok(n) => Ok(created(ImportResult { imported: n })),
        Err(errors) => {
            let lang = who.ctx.lang;
            let body = ImportRefused {
                kind: "/problems/import-refused".into(),
                title: i18n::tr(
                    lang,
                    "import-refused",
                    &[("count", errors.len().to_string())],
                ),
                status: 422,
                lines: errors
                    .iter()
                    .map(|l| ImportLineProblem {
                        line: l.line,
                        column: l.column.map(str::to_owned),
                        message: i18n::invalid(lang, &l.invalid),
                    })
                    .collect(),
            };
            let mut r = (axum::http::StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
            r.headers_mut().insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("application/problem+json"),
            );
            Ok(r)
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct UserChanges {
    #[schema(schema_with = super::bounds::optional_name)]
    pub last_name: Option<String>,
    #[schema(schema_with = super::bounds::optional_name)]
    pub first_name: Option<String>,
    /// `admin`, `pilot`, `trainer` or `trainee`.
    #[schema(schema_with = super::bounds::optional_role)]
    pub role: Option<String>,
    /// An empty string removes it.
    #[schema(schema_with = super::bounds::optional_line)]
    pub establishment: Option<String>,
    /// `false` deactivates the account at once: its sessions and tokens stop working.
    pub active: Option<bool>,
    /// A pilot granted the whole plan sees every training, not only those they pilot; another
    /// role drops the grant.
    pub whole_plan: Option<bool>,
    /// At least 12 characters.
    #[schema(schema_with = super::bounds::optional_password)]
    pub password: Option<String>,
}

/// Changes an account; fields left out keep their value.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "accounts", params(("id" = i64, Path)),
    request_body = UserChanges,
    responses((status = 200, body = User), (status = 404, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn update_user(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    ApiJson(c): ApiJson<UserChanges>,
) -> Result<Json<User>, AppError> {
    let changes = accounts::Changes {
        last_name: c.last_name.as_deref(),
        first_name: c.first_name.as_deref(),
        role: c.role.as_deref(),
        establishment: c.establishment.as_deref(),
        active: c.active,
        whole_plan: c.whole_plan,
        password: c.password.as_deref(),
    };
    Ok(Json(
        accounts::update(&state.store, &who.user, id, &changes).await?,
    ))
}

/// Everything Hybride holds about the caller: every row that names them in every table (secrets
/// and file contents left out; files are named with their SHA-256), and the mails sent to them.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "accounts",
    responses((status = 200, body = Object), (status = 401, body = super::ProblemDoc)))]
pub async fn export_me(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Json<serde_json::Value>, AppError> {
    Ok(Json(
        hybride_training::accounts::personal_data(&state.store, who.user.id).await?,
    ))
}

/// Everything Hybride holds about one person, for the EAFC to answer their request.
#[utoipa::path(get, path = "/api/v1/users/{id}/export", tag = "accounts", params(("id" = i64, Path)),
    responses((status = 200, body = Object), (status = 404, body = super::ProblemDoc)))]
pub async fn export_user(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<Json<serde_json::Value>, AppError> {
    Ok(Json(
        hybride_training::accounts::personal_data(&state.store, id).await?,
    ))
}

/// Resets the second factor of someone who lost their phone and their recovery codes: the
/// factor and every session of theirs end, they are told by mail, the audit log records it, and
/// they enrol again at their next sign-in with a password. Not for one's own (422
/// `refused-second-factor-reset-self`); 422 `refused-second-factor-none` when they have none.
#[utoipa::path(delete, path = "/api/v1/users/{id}/second-factor", tag = "accounts",
    params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn reset_second_factor(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<axum::http::StatusCode, AppError> {
    hybride_training::second_factor::reset(&state, &who.user, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
