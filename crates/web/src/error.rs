//! Errors of the HTTP layer, and how they reach the user.
//!
//! Policy: handlers return `AppError`; it becomes an empty response carrying an `ErrorReport`,
//! which `render_errors` turns into an HTML page (pages) or `application/problem+json` (API),
//! in the caller's language. Refusals caused by input are 4xx with a clear message; anything
//! else is logged with the request id and answered 500 without detail.

use crate::auth::Ctx;
use crate::i18n::{self, Lang};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::FieldErrors;
use hybride_store::StoreError;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("authentication required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid fields")]
    Invalid(FieldErrors),
    /// A duplicate; the key names the message.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A rule refused the change; the key names the message.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// The request itself is malformed; `detail` says how, for developers.
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("CSRF check failed")]
    Csrf,
    #[error("service unavailable")]
    Unavailable,
    /// Too many attempts from one account or address; try again later.
    #[error("too many attempts")]
    TooManyRequests,
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(what) => AppError::Conflict(what),
            StoreError::Refused(why) => AppError::Refused(why),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> AppError {
        AppError::Invalid(e)
    }
}

/// What `render_errors` needs to answer an error.
#[derive(Debug, Clone)]
pub struct ErrorReport {
    pub key: String,
    pub fields: FieldErrors,
    pub detail: Option<String>,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn key(&self) -> String {
        match self {
            AppError::NotFound => "problem-not-found".into(),
            AppError::Unauthorized => "problem-unauthorized".into(),
            AppError::Forbidden => "problem-forbidden".into(),
            AppError::Invalid(_) => "problem-invalid".into(),
            AppError::Conflict(what) => format!("conflict-{what}"),
            AppError::Refused(why) => format!("refused-{}", why.replace('_', "-")),
            AppError::BadRequest(_) => "problem-bad-request".into(),
            AppError::Csrf => "problem-csrf".into(),
            AppError::Unavailable => "problem-unavailable".into(),
            AppError::TooManyRequests => "problem-too-many".into(),
            AppError::Internal(_) => "problem-internal".into(),
        }
    }

    /// For the one place that answers before `render_errors` can (identifying the caller).
    pub fn into_bare_response(self) -> Response {
        let status = self.status();
        let body = serde_json::json!({
            "type": "about:blank",
            "title": i18n::t(Lang::Fr, &self.key()),
            "status": status.as_u16(),
        });
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body.to_string(),
        )
            .into_response()
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let AppError::Internal(e) = &self {
            tracing::error!(error = %e, "request failed");
        }
        let report = ErrorReport {
            key: self.key(),
            detail: match &self {
                AppError::BadRequest(d) => Some(d.clone()),
                _ => None,
            },
            fields: match self {
                AppError::Invalid(f) => f,
                _ => FieldErrors::new(),
            },
        };
        let mut r = status.into_response();
        r.extensions_mut().insert(report);
        r
    }
}

#[derive(Serialize)]
struct FieldProblem {
    field: String,
    message: String,
}

#[derive(Serialize)]
struct Problem {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

fn generic_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "problem-unauthorized",
        403 => "problem-forbidden",
        404 => "problem-not-found",
        405 => "problem-method",
        413 => "problem-too-large",
        415 => "problem-media-type",
        422 | 400 => "problem-bad-request",
        503 => "problem-unavailable",
        s if s >= 500 => "problem-internal",
        _ => "problem-bad-request",
    }
}

/// Turns every error response into the caller's format and language.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<Ctx>().cloned();
    let is_api = req.uri().path().starts_with("/api/");
    let is_get = req.method() == axum::http::Method::GET;
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let report = response.extensions().get::<ErrorReport>().cloned();
    let already_formatted = report.is_none()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                ct.starts_with("application/problem+json") || ct.starts_with("text/html")
            });
    if already_formatted {
        return response;
    }
    let lang = ctx.as_ref().map(|c| c.lang).unwrap_or_default();
    let report = report.unwrap_or_else(|| ErrorReport {
        key: generic_key(status).into(),
        fields: FieldErrors::new(),
        detail: None,
    });
    if is_api {
        let body = Problem {
            kind: format!("/problems/{}", report.key),
            title: i18n::t(lang, &report.key),
            status: status.as_u16(),
            detail: report.detail.clone(),
            errors: report
                .fields
                .0
                .iter()
                .map(|(f, e)| FieldProblem {
                    field: (*f).to_owned(),
                    message: i18n::invalid(lang, e),
                })
                .collect(),
        };
        let mut r = (status, axum::Json(body)).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        return r;
    }
    if status == StatusCode::UNAUTHORIZED {
        let next = match (&ctx, is_get) {
            (Some(c), true) => c.path.clone(),
            _ => "/".into(),
        };
        let target = format!(
            "/login?next={}",
            percent_encoding::utf8_percent_encode(&next, percent_encoding::NON_ALPHANUMERIC)
        );
        return Redirect::to(&target).into_response();
    }
    let page = state
        .templates
        .error_page(ctx.as_ref(), lang, status, &report);
    (status, page).into_response()
}

/// A panic is a bug: answer 500 without detail; the panic itself is logged by the hook.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    AppError::Internal(anyhow::anyhow!("panic")).into_bare_response()
}
