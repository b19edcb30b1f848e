//! Who is asking: a session cookie (pages) or a bearer token (API), and in which language.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use hybride_domain::Role;
use hybride_training::i18n::Lang;
use hybride_training::people::User;
use hybride_training::sessions::{self, Pending};
use std::marker::PhantomData;

pub const SESSION_COOKIE: &str = "hybride_session";
pub const CSRF_COOKIE: &str = "hybride_csrf";
pub const LANG_COOKIE: &str = "hybride_lang";
/// A week: trainees come back through their personal links, staff log in again weekly.
pub const SESSION_SECONDS: i64 = 7 * 24 * 3600;

/// What every handler may know of the request's author.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub user: Option<User>,
    pub lang: Lang,
    /// The CSRF token that forms must carry (the value of the CSRF cookie).
    pub csrf: String,
    /// Authenticated by a bearer token rather than by a cookie.
    pub bearer: bool,
    /// Authenticated by a token that may only read.
    pub read_only: bool,
    /// Path and query of the request, to come back to after logging in.
    pub path: String,
    /// A sign-in not complete (the password was right; a second factor's code or its
    /// enrolment is awaited): `user` is then `None`.
    pub pending: Option<PendingSignIn>,
}

/// Who is signing in, and what their sign-in still awaits.
#[derive(Clone, Debug)]
pub struct PendingSignIn {
    pub user: User,
    pub stage: Pending,
}

/// Where a sign-in awaiting `stage` goes on.
pub fn pending_page(stage: Pending) -> &'static str {
    match stage {
        Pending::Code => "/login/second-factor",
        Pending::Enrol => "/second-factor",
    }
}

/// The value of cookie `name` in the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A cookie's name as set and read: over https with the `__Host-` prefix, which browsers accept
/// only from this very host, `Secure`, for the whole site (a neighbouring sub-domain of the
/// académie cannot plant a session or CSRF cookie of its own).
pub fn cookie_name(name: &str, secure: bool) -> std::borrow::Cow<'_, str> {
    if secure {
        format!("__Host-{name}").into()
    } else {
        name.into()
    }
}

/// A `Set-Cookie` header value. Session-bearing cookies are `HttpOnly`; `Secure` (and named
/// `__Host-…`) whenever Hybride is served over https.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: i64,
    secure: bool,
    same_site: &str,
) -> HeaderValue {
    let name = cookie_name(name, secure);
    let mut s =
        format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite={same_site}");
    if secure {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).expect("cookie values are URL-safe")
}

/// Whether `response` gives the browser a new session in place of `old` (a sign-in): it sets
/// cookie `name` to another, non-empty value.
fn replaces_session(response: &Response, name: &str, old: &str) -> bool {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next()?.split_once('='))
        .any(|(k, v)| k.trim() == name && !v.is_empty() && v != old)
}

fn looks_like_token(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
}

/// Requests that concern nobody in particular: health probes, static assets and calendar feeds
/// (whose secret is in the address). They get no session lookup, no CSRF token and no cookie.
fn is_light(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/favicon.svg")
        || path.starts_with("/assets/")
        || (path.starts_with("/calendar/") && path.ends_with(".ics"))
}

/// Identifies the caller and chooses the language; runs before every handler.
pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if is_light(req.uri().path()) {
        let lang = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
            .unwrap_or_default();
        let path = req.uri().path().to_owned();
        req.extensions_mut().insert(Ctx {
            user: None,
            lang,
            csrf: String::new(),
            bearer: false,
            read_only: false,
            path,
            pending: None,
        });
        return next.run(req).await;
    }
    let headers = req.headers();
    let bearer_token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned());
    let secure = state.config.secure_cookies;
    let session = cookie(headers, &cookie_name(SESSION_COOKIE, secure)).map(str::to_owned);
    let lookup = match (&bearer_token, &session) {
        (Some(t), _) if looks_like_token(t) => sessions::api_token(&state.store, t)
            .await
            .map(|found| found.map(|(u, scope)| (u, scope == sessions::TokenScope::Read, None))),
        (Some(_), _) => Ok(None),
        (None, Some(s)) if looks_like_token(s) => sessions::lookup(&state.store, s)
            .await
            .map(|found| found.map(|(u, pending)| (u, false, pending))),
        _ => Ok(None),
    };
    let (user, read_only, pending) = match lookup {
        // A sign-in not complete identifies nobody: only its own pages read it.
        Ok(Some((u, _, Some(stage)))) => (None, false, Some(PendingSignIn { user: u, stage })),
        Ok(Some((u, read_only, None))) => (Some(u), read_only, None),
        Ok(None) => (None, false, None),
        Err(e) => {
            tracing::error!(error = %e, "identifying the caller failed");
            return AppError::Unavailable.into_bare_response();
        }
    };
    let headers = req.headers();
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language);
    let chosen = user.as_ref().and_then(|u| Lang::parse(&u.locale));
    // A browser always sends Accept-Language, so there the account's choice wins; an API client
    // sends it on purpose, so there the header wins.
    let lang = cookie(headers, &cookie_name(LANG_COOKIE, secure))
        .and_then(Lang::parse)
        .or(if bearer_token.is_some() {
            accepted.or(chosen)
        } else {
            chosen.or(accepted)
        })
        .unwrap_or_default();
    let existing_csrf = cookie(headers, &cookie_name(CSRF_COOKIE, secure))
        .filter(|c| looks_like_token(c))
        .map(str::to_owned);
    let new_csrf = existing_csrf.is_none();
    let csrf = existing_csrf.unwrap_or_else(hybride_training::sessions::secret);
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let bearer = bearer_token.is_some();
    req.extensions_mut().insert(Ctx {
        user,
        lang,
        csrf: csrf.clone(),
        bearer,
        read_only,
        path,
        pending,
    });
    let mut response = next.run(req).await;
    // A sign-in (by password, link, second factor or provider) ends the session this browser
    // held before: one browser, one session, never two living side by side.
    if let Some(old) = session.as_deref().filter(|s| looks_like_token(s)) {
        if replaces_session(&response, &cookie_name(SESSION_COOKIE, secure), old) {
            match sessions::end(&state.store, old).await {
                Ok(()) => tracing::info!("the session held before ended at sign-in"),
                Err(e) => {
                    tracing::warn!(error = %e, "ending the session replaced at sign-in failed")
                }
            }
        }
    }
    if new_csrf && !bearer {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                CSRF_COOKIE,
                &csrf,
                365 * 24 * 3600,
                state.config.secure_cookies,
                "Strict",
            ),
        );
    }
    response
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("identify middleware missing")))
    }
}

/// The caller, admitted by gate `G`: a handler that takes `Allowed<G>` cannot run for anyone
/// else. Anonymous callers get 401 (pages redirect to the login form); others 403.
pub struct Allowed<G: Gate> {
    pub user: User,
    pub ctx: Ctx,
    _gate: PhantomData<G>,
}

impl<G: Gate, S: Send + Sync> FromRequestParts<S> for Allowed<G> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let Some(user) = ctx.user.clone() else {
            return Err(AppError::Unauthorized);
        };
        if !G::ROLES.contains(&user.role) {
            return Err(AppError::Forbidden);
        }
        // A read-only token reads, whatever its owner may do.
        if ctx.read_only && !matches!(parts.method, Method::GET | Method::HEAD) {
            return Err(AppError::Refused("token_read_only"));
        }
        Ok(Allowed {
            user,
            ctx,
            _gate: PhantomData,
        })
    }
}

/// Someone enrolling a second factor in their own browser: signed in (`pending` false), or
/// held after their password until enrolment, required of them, is confirmed (`pending` true).
/// Anyone else gets 401 (a sign-in awaiting a code is sent back to it); a bearer token, 403.
pub struct Enrolling {
    pub user: User,
    pub ctx: Ctx,
    pub pending: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Enrolling {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        if ctx.bearer {
            return Err(AppError::Forbidden);
        }
        if let Some(user) = ctx.user.clone() {
            return Ok(Enrolling {
                user,
                ctx,
                pending: false,
            });
        }
        match &ctx.pending {
            Some(p) if p.stage == Pending::Enrol => Ok(Enrolling {
                user: p.user.clone(),
                ctx: ctx.clone(),
                pending: true,
            }),
            _ => Err(AppError::Unauthorized),
        }
    }
}

/// A set of roles admitted to a route.
pub trait Gate: Send + Sync + 'static {
    const ROLES: &'static [Role];
}

macro_rules! gate {
    ($(#[$doc:meta])* $name:ident: $($role:ident),+) => {
        $(#[$doc])*
        pub struct $name;
        impl Gate for $name {
            const ROLES: &'static [Role] = &[$(Role::$role),+];
        }
    };
}

gate!(
    /// Anyone logged in.
    Anyone: Admin, Pilot, Trainer, Trainee
);
gate!(
    /// EAFC staff, pilots and trainers.
    Staff: Admin, Pilot, Trainer
);
gate!(
    /// Those who plan: EAFC staff and pilots.
    Planners: Admin, Pilot
);
gate!(
    /// EAFC staff only.
    Admins: Admin
);

gate!(
    /// Trainees only (signing, declaring).
    Trainees: Trainee
);
gate!(
    /// Trainers only (asking to be trained in hybrid delivery).
    Trainers: Trainer
);
