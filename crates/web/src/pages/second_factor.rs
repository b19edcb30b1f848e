//! The second factor: enrolment and its recovery codes (`/second-factor`, for the person signed
//! in, or held there after the password when enrolment is required of them), and the code
//! asked after the password (`/login/second-factor`).

use super::login::{safe_next, session_response};
use super::{done, field_errors, flash, page, Flash};
use crate::access::Anyone;
use crate::auth::{cookie, cookie_name, Allowed, Ctx, Enrolling, SESSION_COOKIE, SESSION_SECONDS};
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::limits::{self, ClientAddr};
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use hybride_domain::{FieldErrors, Invalid};
use hybride_training::i18n;
use hybride_training::people::User;
use hybride_training::second_factor::{self, Enrolment, Pending};
use hybride_training::sessions;
use minijinja::context;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/second-factor", get(show).post(enrol))
        .route("/second-factor/recovery-codes", post(regenerate))
        .route("/second-factor/disable", post(disable))
        .route("/login/second-factor", get(code_form).post(code_submit))
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

/// What the page shows besides its forms.
#[derive(Default)]
struct Shown {
    errors: FieldErrors,
    flash: Option<String>,
    /// Recovery codes just made, shown once.
    codes: Option<Vec<String>>,
}

async fn show(
    State(state): State<AppState>,
    who: Enrolling,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let shown = Shown {
        flash: flash(&q),
        ..Default::default()
    };
    second_factor_page(&state, &who.ctx, &who.user, who.pending, shown).await
}

async fn second_factor_page(
    state: &AppState,
    ctx: &Ctx,
    user: &User,
    pending: bool,
    shown: Shown,
) -> Result<Response, AppError> {
    let status = second_factor::status(&state.store, user).await?;
    let required = second_factor::enrolment(state, user).await? == Enrolment::Required;
    let setup = match (&status, &shown.codes) {
        (None, None) => {
            let label = i18n::t(ctx.lang, "second-factor-qr-label");
            second_factor::setup(&state.store, user, &label).await?
        }
        _ => None,
    };
    page(
        state,
        ctx,
        "second_factor.html",
        context! {
            status => status,
            setup => setup,
            required => required,
            pending => pending,
            codes => shown.codes,
            errors => field_errors(ctx, &shown.errors),
            flash => shown.flash,
        },
        !shown.errors.is_empty(),
    )
}

/// Confirms enrolment with a first code, then shows the recovery codes once. Someone held here
/// after their password is then signed in, under a new session.
async fn enrol(
    State(state): State<AppState>,
    who: Enrolling,
    headers: HeaderMap,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    let attempt =
        limits::attempt(&state.store, limits::SECOND_FACTOR_ACCOUNT, &who.user.email).await?;
    let codes = match second_factor::confirm(&state.store, &who.user, &f.code).await {
        Ok(codes) => codes,
        Err(hybride_training::Error::Invalid(errors)) => {
            attempt.failed();
            let shown = Shown {
                errors,
                ..Default::default()
            };
            return second_factor_page(&state, &who.ctx, &who.user, who.pending, shown).await;
        }
        Err(hybride_training::Error::Conflict(_)) => {
            attempt.succeeded(&state.store).await?;
            return Ok(Redirect::to("/second-factor").into_response());
        }
        Err(other) => return Err(other.into()),
    };
    attempt.succeeded(&state.store).await?;
    let shown = Shown {
        codes: Some(codes),
        ..Default::default()
    };
    let mut response = second_factor_page(&state, &who.ctx, &who.user, false, shown).await?;
    if who.pending {
        // The sign-in is complete: a new session, the one that waited ends.
        let session = sessions::create(&state.store, who.user.id, SESSION_SECONDS).await?;
        end_current(&state, &headers).await?;
        tracing::info!(
            user = who.user.id,
            "logged in with password after enrolling a second factor"
        );
        let cookie = session_response(&state, &session, "/");
        for v in cookie.headers().get_all(axum::http::header::SET_COOKIE) {
            response
                .headers_mut()
                .append(axum::http::header::SET_COOKIE, v.clone());
        }
    }
    Ok(response)
}

/// Ends the session whose cookie came with the request.
async fn end_current(state: &AppState, headers: &HeaderMap) -> Result<(), AppError> {
    let name = cookie_name(SESSION_COOKIE, state.config.secure_cookies);
    if let Some(secret) = cookie(headers, &name) {
        sessions::end(&state.store, secret).await?;
    }
    Ok(())
}

/// Errors of the training layer on `code`, moved to the form's field `field` (the page has
/// several forms asking for a code).
fn on_field(errors: FieldErrors, field: &'static str) -> FieldErrors {
    FieldErrors(errors.0.into_iter().map(|(_, e)| (field, e)).collect())
}

async fn regenerate(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    let attempt =
        limits::attempt(&state.store, limits::SECOND_FACTOR_ACCOUNT, &who.user.email).await?;
    let shown =
        match second_factor::regenerate_recovery_codes(&state.store, &who.user, &f.code).await {
            Ok(codes) => {
                attempt.succeeded(&state.store).await?;
                Shown {
                    codes: Some(codes),
                    ..Default::default()
                }
            }
            Err(hybride_training::Error::Invalid(errors)) => {
                attempt.failed();
                Shown {
                    errors: on_field(errors, "recovery_code"),
                    ..Default::default()
                }
            }
            Err(other) => return Err(other.into()),
        };
    second_factor_page(&state, &who.ctx, &who.user, false, shown).await
}

async fn disable(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    let attempt =
        limits::attempt(&state.store, limits::SECOND_FACTOR_ACCOUNT, &who.user.email).await?;
    let errors = match second_factor::disable(&state, &who.user, &f.code).await {
        Ok(()) => {
            attempt.succeeded(&state.store).await?;
            return Ok(done("/second-factor", "second-factor-disabled"));
        }
        Err(hybride_training::Error::Refused(_)) => {
            attempt.succeeded(&state.store).await?;
            let mut errors = FieldErrors::new();
            errors.add("disable_code", Invalid::new("second-factor-cannot-disable"));
            errors
        }
        Err(hybride_training::Error::Invalid(errors)) => {
            attempt.failed();
            on_field(errors, "disable_code")
        }
        Err(other) => return Err(other.into()),
    };
    let shown = Shown {
        errors,
        ..Default::default()
    };
    second_factor_page(&state, &who.ctx, &who.user, false, shown).await
}

#[derive(Deserialize, Default)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

/// The sign-in awaiting a code, if this request belongs to one.
fn awaiting_code(ctx: &Ctx) -> Option<&User> {
    ctx.pending
        .as_ref()
        .filter(|p| p.stage == Pending::Code)
        .map(|p| &p.user)
}

async fn code_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    if awaiting_code(&ctx).is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    code_page(&state, &ctx, safe_next(&q.next), &FieldErrors::new())
}

fn code_page(
    state: &AppState,
    ctx: &Ctx,
    next: &str,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    page(
        state,
        ctx,
        "login_second_factor.html",
        context! { next => next, errors => field_errors(ctx, errors) },
        !errors.is_empty(),
    )
}

#[derive(Deserialize)]
struct SignInCodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// The code after the password: right, the person is signed in under a new session; wrong, it
/// counts against the same kind of limit as a wrong password.
async fn code_submit(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    headers: HeaderMap,
    CsrfForm(f): CsrfForm<SignInCodeForm>,
) -> Result<Response, AppError> {
    let Some(user) = awaiting_code(&ctx) else {
        return Ok(Redirect::to("/login").into_response());
    };
    limits::check(&state.store, limits::LOGIN_ADDRESS, &ip.to_string()).await?;
    let attempt = limits::attempt(&state.store, limits::SECOND_FACTOR_ACCOUNT, &user.email).await?;
    match second_factor::check(&state.store, user, &f.code).await {
        Ok(()) => {
            attempt.succeeded(&state.store).await?;
            let session = sessions::create(&state.store, user.id, SESSION_SECONDS).await?;
            end_current(&state, &headers).await?;
            tracing::info!(user = user.id, "logged in with password and second factor");
            Ok(session_response(&state, &session, safe_next(&f.next)))
        }
        Err(hybride_training::Error::Invalid(errors)) => {
            attempt.failed();
            tracing::info!(user = user.id, "second factor refused");
            code_page(&state, &ctx, safe_next(&f.next), &errors)
        }
        Err(other) => Err(other.into()),
    }
}
