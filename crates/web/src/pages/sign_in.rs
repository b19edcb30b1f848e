//! Signing in through the académie's identity providers (OpenID Connect, CAS), and their
//! settings (admins).

use super::{done, field_errors, flash, page, Flash};
use crate::access::Admins;
use crate::auth::{cookie, set_cookie, Allowed, Ctx, SESSION_COOKIE, SESSION_SECONDS};
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::limits::{self, ClientAddr};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::sign_in::{Newcomers, Protocol, ProviderFields};
use hybride_domain::FieldErrors;
use hybride_training::i18n;
use hybride_training::sign_in::{self as sso, Failure, Return};
use minijinja::context;
use serde::Deserialize;

/// The cookie that ties a sign-in's return to the browser that left (`Lax`: the return is a
/// top-level navigation from the provider's site).
const STATE_COOKIE: &str = "hybride_sso";

#[derive(Deserialize, Default)]
pub struct DepartQuery {
    #[serde(default)]
    next: String,
}

/// Leaves for the provider's login page.
pub async fn depart(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<DepartQuery>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::LOGIN_ADDRESS, &ip.to_string()).await?;
    let next = super::login::safe_next(&q.next);
    match sso::depart(&state, &slug, next, ctx.lang.code()).await {
        Ok(d) => {
            let mut r = Redirect::to(&d.url).into_response();
            r.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(
                    STATE_COOKIE,
                    &d.state,
                    600,
                    state.config.secure_cookies,
                    "Lax",
                ),
            );
            Ok(r)
        }
        Err(f) => failed(&state, &ctx, &slug, f),
    }
}

#[derive(Deserialize, Default)]
pub struct BackQuery {
    #[serde(default)]
    state: String,
    /// OpenID Connect's authorization code.
    #[serde(default)]
    code: Option<String>,
    /// CAS's service ticket.
    #[serde(default)]
    ticket: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    error_description: Option<String>,
}

/// Back from the provider (OpenID Connect's redirect URI and CAS's service address alike).
pub async fn arrive(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(q): Query<BackQuery>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::LOGIN_ADDRESS, &ip.to_string()).await?;
    let error = q.error.as_ref().map(|e| match &q.error_description {
        Some(d) => format!("{e}: {d}"),
        None => e.clone(),
    });
    let back = Return {
        state: &q.state,
        cookie: cookie(
            &headers,
            &crate::auth::cookie_name(STATE_COOKIE, state.config.secure_cookies),
        ),
        code: q.code.as_deref().or(q.ticket.as_deref()),
        error,
    };
    match sso::arrive(&state, &slug, back, SESSION_SECONDS).await {
        Ok(a) => {
            tracing::info!(user = a.user.id, provider = %slug, "logged in through the académie's provider");
            let mut r = Redirect::to(super::login::safe_next(&a.next)).into_response();
            let h = r.headers_mut();
            h.append(
                header::SET_COOKIE,
                set_cookie(
                    SESSION_COOKIE,
                    &a.session,
                    SESSION_SECONDS,
                    state.config.secure_cookies,
                    "Lax",
                ),
            );
            h.append(
                header::SET_COOKIE,
                set_cookie(STATE_COOKIE, "", 0, state.config.secure_cookies, "Lax"),
            );
            Ok(r)
        }
        Err(f) => failed(&state, &ctx, &slug, f),
    }
}

/// A sign-in that did not open a session: a page saying why and what to do, and a log line.
fn failed(state: &AppState, ctx: &Ctx, slug: &str, f: Failure) -> Result<Response, AppError> {
    if let Failure::Other(e) = f {
        return Err(e.into());
    }
    tracing::warn!(provider = %slug, reason = %f.reason(), "sign-in through a provider refused");
    let status = match &f {
        Failure::UnknownProvider => StatusCode::NOT_FOUND,
        Failure::Refused(_) => StatusCode::FORBIDDEN,
        f if f.is_unreachable() => StatusCode::BAD_GATEWAY,
        _ => StatusCode::BAD_REQUEST,
    };
    let mut r = page(
        state,
        ctx,
        "sign_in_failed.html",
        context! { why => i18n::t(ctx.lang, f.key()), provider => slug },
        false,
    )?;
    *r.status_mut() = status;
    Ok(r)
}

#[derive(Deserialize, Default)]
pub struct SingleLogout {
    #[serde(default, rename = "logoutRequest")]
    logout_request: String,
}

/// The CAS server ends a session it opened (single logout): a server-to-server form post,
/// which carries no CSRF token.
pub async fn single_logout(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    axum::extract::Form(f): axum::extract::Form<SingleLogout>,
) -> Result<Response, AppError> {
    match sso::single_logout(&state, &slug, &f.logout_request).await {
        Ok(n) => {
            tracing::info!(provider = %slug, sessions = n, "single logout from the CAS server");
            Ok(StatusCode::OK.into_response())
        }
        Err(Failure::UnknownProvider) => Err(AppError::NotFound),
        Err(Failure::Other(e)) => Err(e.into()),
        Err(other) => Err(AppError::BadRequest(other.to_string())),
    }
}

#[derive(Deserialize, Default)]
pub struct OkQuery {
    #[serde(default)]
    ok: String,
}

async fn settings_page(
    state: &AppState,
    who: &Allowed<Admins>,
    editing: Option<i64>,
    values: &ProviderFields,
    errors: Option<&FieldErrors>,
    ok: String,
) -> Result<Response, AppError> {
    let providers = sso::providers(state).await?;
    let only = sso::sso_only_for_staff(state).await?;
    let redirect = editing
        .and_then(|id| providers.iter().find(|p| p.id == id))
        .map(|p| p.redirect_uri.clone());
    page(
        state,
        &who.ctx,
        "sign_in_settings.html",
        context! {
            providers => providers,
            editing => editing,
            redirect_uri => redirect,
            values => context! {
                slug => values.slug, protocol => values.protocol, label => values.label,
                url => values.url, client_id => values.client_id,
                email_claim => values.email_claim, first_name_claim => values.first_name_claim,
                last_name_claim => values.last_name_claim,
                establishment_claim => values.establishment_claim,
                domains => values.domains, newcomers => values.newcomers,
                active => values.active.as_deref() != Some("false"),
            },
            protocols => Protocol::ALL.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
            newcomers => Newcomers::ALL.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
            only => only,
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            flash => flash(&Flash { ok }),
        },
        errors.is_some(),
    )
}

/// The académie's providers, and the form to declare one.
pub async fn settings(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<OkQuery>,
) -> Result<Response, AppError> {
    let blank = ProviderFields {
        protocol: Protocol::Oidc.as_str().into(),
        newcomers: Newcomers::Refuse.as_str().into(),
        ..Default::default()
    };
    settings_page(&state, &who, None, &blank, None, q.ok).await
}

/// One provider's settings, to change them.
pub async fn edit(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> Result<Response, AppError> {
    let p = sso::provider(&state, id).await?;
    let values = ProviderFields {
        slug: p.slug,
        protocol: p.protocol.as_str().into(),
        label: p.label,
        url: p.url,
        client_id: p.client_id,
        client_secret: String::new(),
        email_claim: p.email_claim,
        first_name_claim: p.first_name_claim,
        last_name_claim: p.last_name_claim,
        establishment_claim: p.establishment_claim,
        domains: p.domains.join(", "),
        newcomers: p.newcomers.as_str().into(),
        active: Some(if p.active { "true" } else { "false" }.into()),
    };
    settings_page(&state, &who, Some(id), &values, None, q.ok).await
}

async fn save(
    state: &AppState,
    who: &Allowed<Admins>,
    id: Option<i64>,
    mut f: ProviderFields,
) -> Result<Response, AppError> {
    // A checkbox sends nothing when unticked.
    f.active = Some(if f.active.is_some() { "true" } else { "false" }.into());
    match sso::save(state, &who.user, id, &f).await {
        Ok(saved) => {
            tracing::info!(
                admin = who.user.id,
                provider = saved,
                "identity provider saved"
            );
            Ok(done(
                &format!("/settings/sign-in/{saved}"),
                "provider-saved",
            ))
        }
        Err(hybride_training::Error::Invalid(e)) => {
            settings_page(state, who, id, &f, Some(&e), String::new()).await
        }
        Err(hybride_training::Error::Conflict(_)) => {
            let mut e = FieldErrors::default();
            e.add(
                "slug",
                hybride_domain::Invalid::new("error-sign-in-slug-taken"),
            );
            settings_page(state, who, id, &f, Some(&e), String::new()).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<ProviderFields>,
) -> Result<Response, AppError> {
    save(&state, &who, None, f).await
}

pub async fn update(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ProviderFields>,
) -> Result<Response, AppError> {
    sso::provider(&state, id).await?;
    save(&state, &who, Some(id), f).await
}

#[derive(Deserialize, Default)]
pub struct OnlyForm {
    #[serde(default)]
    only: Option<String>,
}

/// Makes the providers the only way in for staff, or not.
pub async fn only(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<OnlyForm>,
) -> Result<Response, AppError> {
    let on = f.only.is_some();
    sso::set_sso_only_for_staff(&state, &who.user, on).await?;
    tracing::info!(
        admin = who.user.id,
        on,
        "staff sign in through providers only"
    );
    Ok(done(
        "/settings/sign-in",
        if on { "sso-only-on" } else { "sso-only-off" },
    ))
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/sso/{slug}", get(depart))
        .route("/sso/{slug}/callback", get(arrive))
        .route("/sso/{slug}/cas", get(arrive).post(single_logout))
        .route("/settings/sign-in", get(settings).post(create))
        .route("/settings/sign-in/only", post(only))
        .route("/settings/sign-in/{id}", get(edit).post(update))
}
