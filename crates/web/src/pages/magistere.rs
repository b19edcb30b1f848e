//! The académie's M@gistère connection (admins): the site's address and the web-service token,
//! saved then checked at once, and checked again on demand.

use super::{field_errors, flash, page, Flash};
use crate::access::Admins;
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Query, State};
use axum::response::Response;
use hybride_domain::FieldErrors;
use hybride_training::magistere::{self, Check, ConnectionFields};
use minijinja::context;

async fn magistere_page(
    state: &AppState,
    who: &Allowed<Admins>,
    values: &ConnectionFields,
    errors: Option<&FieldErrors>,
    check: Option<Check>,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let connection = magistere::connection(state).await?;
    page(
        state,
        &who.ctx,
        "magistere.html",
        context! {
            connection => connection,
            values => context! { url => values.url },
            check => check,
            needed => magistere::needed(),
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            flash => ok,
        },
        errors.is_some(),
    )
}

pub async fn show(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(ok): Query<Flash>,
) -> Result<Response, AppError> {
    let values = ConnectionFields {
        url: magistere::connection(&state).await?.url.unwrap_or_default(),
        token: String::new(),
    };
    magistere_page(&state, &who, &values, None, None, flash(&ok)).await
}

/// Saves the connection, then checks it at once: the admin sees whether it works.
pub async fn save(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<ConnectionFields>,
) -> Result<Response, AppError> {
    match magistere::save(&state, &who.user, &f).await {
        Ok(()) => {
            let check = magistere::check(&state).await?;
            let saved = Some("flash-magistere-saved".to_owned());
            magistere_page(&state, &who, &f, None, Some(check), saved).await
        }
        Err(hybride_training::Error::Invalid(e)) => {
            magistere_page(&state, &who, &f, Some(&e), None, None).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn check(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let check = magistere::check(&state).await?;
    let values = ConnectionFields {
        url: magistere::connection(&state).await?.url.unwrap_or_default(),
        token: String::new(),
    };
    magistere_page(&state, &who, &values, None, Some(check), None).await
}

/// Reads the cohort's course on M@gistère for the « avant » checklist (its staff).
pub async fn check_course(
    State(state): State<AppState>,
    who: Allowed<crate::access::Staff>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let c = hybride_training::cohorts::visible(&state.store, &who.user, id).await?;
    magistere::check_course(&state, &c).await?;
    Ok(super::done(
        &format!("/cohorts/{id}#h-checklist"),
        "magistere-checked",
    ))
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/settings/magistere", get(show).post(save))
        .route("/settings/magistere/check", post(check))
        .route("/cohorts/{id}/magistere", post(check_course))
}
