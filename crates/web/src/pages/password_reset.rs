//! A forgotten password: asked for by address at `/password/forgotten`, reset through the mailed
//! link at `/password/reset/{token}` (a form: mail scanners following the link use nothing up).

use super::{field_errors, page};
use crate::auth::Ctx;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::limits::{self, ClientAddr};
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use hybride_domain::FieldErrors;
use hybride_training::password_reset;
use minijinja::context;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/password/forgotten", get(ask_form).post(ask))
        .route("/password/reset/{token}", get(reset_form).post(reset))
}

fn ask_page(
    state: &AppState,
    ctx: &Ctx,
    sent: bool,
    email: &str,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    page(
        state,
        ctx,
        "password_forgotten.html",
        context! { sent => sent, email => email, errors => field_errors(ctx, errors) },
        !errors.is_empty(),
    )
}

async fn ask_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ask_page(&state, &ctx, false, "", &FieldErrors::new())
}

#[derive(Deserialize)]
struct AskForm {
    #[serde(default)]
    email: String,
}

async fn ask(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<AskForm>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::LINK_ADDRESS, &ip.to_string()).await?;
    limits::check(&state.store, limits::LINK_ACCOUNT, &f.email).await?;
    match password_reset::request(&state, &f.email).await {
        Ok(()) => ask_page(&state, &ctx, true, f.email.trim(), &FieldErrors::new()),
        Err(hybride_training::Error::Invalid(e)) => {
            ask_page(&state, &ctx, false, f.email.trim(), &e)
        }
        Err(e) => Err(e.into()),
    }
}

fn reset_page(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    valid: bool,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let mut r = page(
        state,
        ctx,
        "password_reset.html",
        context! { token => token, valid => valid, errors => field_errors(ctx, errors) },
        !errors.is_empty(),
    )?;
    if !valid {
        *r.status_mut() = axum::http::StatusCode::GONE;
    }
    Ok(r)
}

async fn reset_form(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::TOKEN_ADDRESS, &ip.to_string()).await?;
    let valid = password_reset::holder(&state, &token).await?.is_some();
    reset_page(&state, &ctx, &token, valid, &FieldErrors::new())
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

async fn reset(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(f): CsrfForm<ResetForm>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::TOKEN_ADDRESS, &ip.to_string()).await?;
    match password_reset::reset(&state, &token, &f.new_password, &f.confirm_password).await {
        Ok(_) => Ok(Redirect::to("/login?ok=password-reset").into_response()),
        Err(hybride_training::Error::Invalid(e)) => {
            let valid = password_reset::holder(&state, &token).await?.is_some();
            reset_page(&state, &ctx, &token, valid, &e)
        }
        Err(hybride_training::Error::Refused(_)) => {
            reset_page(&state, &ctx, &token, false, &FieldErrors::new())
        }
        Err(e) => Err(e.into()),
    }
}
