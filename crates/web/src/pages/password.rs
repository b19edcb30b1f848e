//! A person changes their own password (`/password`); their other sessions end.

use super::{done, field_errors, flash, page, Flash};
use crate::access::Anyone;
use crate::auth::{cookie, Allowed, SESSION_COOKIE};
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::limits;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use hybride_domain::FieldErrors;
use hybride_training::accounts::{self, PasswordChange};
use minijinja::context;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/password", get(form).post(change))
}

async fn form(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let has = accounts::has_password(&state.store, &who.user).await?;
    password_page(&state, &who, has, &FieldErrors::new(), flash(&q))
}

fn password_page(
    state: &AppState,
    who: &Allowed<Anyone>,
    has_password: bool,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "password.html",
        context! {
            has_password => has_password,
            errors => field_errors(&who.ctx, errors),
            flash => flash,
        },
        !errors.is_empty(),
    )
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

async fn change(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    headers: HeaderMap,
    CsrfForm(f): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    // The current password is guessed no faster here than on the login page.
    let attempt = limits::attempt(&state.store, limits::LOGIN_ACCOUNT, &who.user.email).await?;
    let change = PasswordChange {
        current: &f.current_password,
        new: &f.new_password,
        confirm: &f.confirm_password,
    };
    let keep = cookie(
        &headers,
        &crate::auth::cookie_name(SESSION_COOKIE, state.config.secure_cookies),
    );
    match accounts::change_password(&state.store, &who.user, &change, keep).await {
        Ok(()) => {
            attempt.succeeded(&state.store).await?;
            tracing::info!(user = who.user.id, "password changed; other sessions ended");
            Ok(done("/password", "password-changed"))
        }
        Err(hybride_training::Error::Invalid(e)) => {
            // Only a wrong current password counts against the limit.
            if e.get("current_password").is_none() {
                attempt.succeeded(&state.store).await?;
            } else {
                attempt.failed();
            }
            password_page(&state, &who, true, &e, None)
        }
        Err(other) => Err(other.into()),
    }
}
