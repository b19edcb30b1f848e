//! Errors of the HTTP layer, and how they reach the user.
//!
//! Policy: handlers return `AppError`; it becomes an empty response carrying an `ErrorReport`,
//! which `render_errors` turns into an HTML page (pages) or `application/problem+json` (API),
//! in the caller's language. Refusals caused by input are 4xx with a clear message; anything
//! else is logged with the request id and answered 500 without detail.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use hybride_domain::FieldErrors;
use hybride_training::i18n::{self, Lang};

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

impl From<hybride_training::Error> for AppError {
    fn from(e: hybride_training::Error) -> AppError {
        use hybride_training::Error as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Forbidden => AppError::Forbidden,
            E::Invalid(fields) => AppError::Invalid(fields),
            E::Conflict(what) => AppError::Conflict(what),
            E::Refused(why) => AppError::Refused(why),
            E::BadRequest(detail) => AppError::BadRequest(detail),
            E::Unavailable => AppError::Unavailable,
            E::Internal(e) => AppError::Internal(e),
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
            // Not the request's content: what the caller's token allows.
            AppError::Refused("token_read_only") => StatusCode::FORBIDDEN,
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
            AppError::Refused(why) => refusal_key(why),
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

/// A panic is a bug: answer 500 without detail; the panic itself is logged by the hook.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    AppError::Internal(anyhow::anyhow!("panic")).into_bare_response()
}

/// The message that says a rule of the record refused something (`refused-…`), as problems and
/// pages name it.
pub fn refusal_key(why: &str) -> String {
    format!("refused-{}", why.replace('_', "-"))
}
