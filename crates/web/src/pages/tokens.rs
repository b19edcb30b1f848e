//! A person's API tokens (`/tokens`): each with its label, what it may do and until when; made
//! here (the secret shown once), revoked one by one.

use super::{done, field_errors, flash, page, Flash};
use crate::access::Anyone;
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use hybride_domain::sign_in::{NewToken, TokenScope, TOKEN_MAX_DAYS};
use hybride_domain::FieldErrors;
use hybride_training::sessions;
use minijinja::context;
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tokens", get(list).post(create))
        .route("/tokens/{id}/revoke", post(revoke))
}

#[derive(Deserialize, Serialize, Default)]
struct TokenForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    days: String,
}

async fn tokens_page(
    state: &AppState,
    who: &Allowed<Anyone>,
    values: &TokenForm,
    errors: &FieldErrors,
    secret: Option<String>,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let now = hybride_training::now();
    let tokens: Vec<minijinja::Value> = sessions::api_tokens(&state.store, &who.user)
        .await?
        .into_iter()
        .map(|t| {
            let active = t.revoked_at.is_none() && t.expires_at.is_none_or(|e| e > now);
            context! { t => t, active => active }
        })
        .collect();
    page(
        state,
        &who.ctx,
        "tokens.html",
        context! {
            tokens => tokens,
            values => values,
            scopes => TokenScope::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            max_days => TOKEN_MAX_DAYS,
            secret => secret,
            errors => field_errors(&who.ctx, errors),
            flash => ok,
        },
        !errors.is_empty(),
    )
}

async fn list(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let blank = TokenForm {
        scope: TokenScope::Read.as_str().into(),
        days: "90".into(),
        ..Default::default()
    };
    tokens_page(&state, &who, &blank, &FieldErrors::new(), None, flash(&q)).await
}

/// Makes a token; its secret is shown on the page that answers, and never again.
async fn create(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    CsrfForm(f): CsrfForm<TokenForm>,
) -> Result<Response, AppError> {
    match NewToken::parse(&f.label, &f.scope, &f.days) {
        Ok(asked) => {
            let secret = sessions::create_api_token(&state.store, &who.user, &asked).await?;
            let blank = TokenForm {
                scope: TokenScope::Read.as_str().into(),
                days: "90".into(),
                ..Default::default()
            };
            tokens_page(
                &state,
                &who,
                &blank,
                &FieldErrors::new(),
                Some(secret),
                None,
            )
            .await
        }
        Err(e) => tokens_page(&state, &who, &f, &e, None, None).await,
    }
}

async fn revoke(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    sessions::revoke_api_token(&state.store, &who.user, id).await?;
    Ok(done("/tokens", "token-revoked"))
}
