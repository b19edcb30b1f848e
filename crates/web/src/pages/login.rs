//! Logging in and out: password, magic links mailed to trainees, and the language switch.

use super::{page, Flash};
use crate::auth::{set_cookie, Ctx, LANG_COOKIE, SESSION_COOKIE, SESSION_SECONDS};
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::limits;
use crate::limits::ClientAddr;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::Email;
use hybride_training::i18n::{self, Lang};
use hybride_training::password;
use hybride_training::second_factor::{self, Pending};
use hybride_training::{outbox, people, sessions};
use minijinja::context;
use serde::Deserialize;

/// Only local paths are followed after logging in (no open redirect). Browsers drop tabs and
/// line breaks from an address and read `\` as `/`, so `/\t/evil.example` would become
/// `//evil.example`: a path with a control character, a space or a backslash anywhere is not
/// followed either.
pub(super) fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if local {
        next
    } else {
        "/"
    }
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
    #[serde(default)]
    ok: String,
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_some() {
        return Ok(Redirect::to(safe_next(&q.next)).into_response());
    }
    let flash = super::flash(&Flash { ok: q.ok.clone() });
    let providers = hybride_training::sign_in::buttons(&state).await?;
    page(
        &state,
        &ctx,
        "login.html",
        context! { next => safe_next(&q.next), email => "", error => None::<String>, flash => flash, providers => providers },
        false,
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub(super) fn session_response(state: &AppState, secret: &str, to: &str) -> Response {
    let mut r = Redirect::to(to).into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            secret,
            SESSION_SECONDS,
            state.config.secure_cookies,
            "Lax",
        ),
    );
    r
}

pub async fn submit(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<LoginForm>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::LOGIN_ADDRESS, &ip.to_string()).await?;
    let attempt = limits::attempt(&state.store, limits::LOGIN_ACCOUNT, &f.email).await?;
    let email = Email::parse(&f.email);
    let found = match &email {
        Ok(e) => people::credentials(&state.store, e).await?,
        Err(_) => None,
    };
    let verified = match &found {
        Some((user, Some(hash))) if user.active.0 => {
            password::verify_async(f.password.clone(), hash.clone()).await
        }
        _ => {
            // Same work whether or not the account exists.
            let _ = password::verify_async(f.password.clone(), password::decoy().to_owned()).await;
            false
        }
    };
    match found {
        Some((user, _))
            if verified && !hybride_training::sign_in::password_allowed(&state, &user).await? =>
        {
            // The password was right, but staff come in through the académie's provider.
            attempt.succeeded(&state.store).await?;
            tracing::info!(
                user = user.id,
                "password refused: staff sign in through the provider"
            );
            login_again(&state, &ctx, &f, "login-sso-only").await
        }
        Some((user, _)) if verified => {
            attempt.succeeded(&state.store).await?;
            match second_factor::after_password(&state, &user).await? {
                None => {
                    let secret = sessions::create(&state.store, user.id, SESSION_SECONDS).await?;
                    tracing::info!(user = user.id, "logged in with password");
                    Ok(session_response(&state, &secret, safe_next(&f.next)))
                }
                Some(stage) => {
                    // Not signed in yet: a short session that can only go on with the sign-in.
                    let (ttl, to) = match stage {
                        Pending::Code => (
                            second_factor::PENDING_SECONDS,
                            format!(
                                "/login/second-factor?next={}",
                                percent_encoding::utf8_percent_encode(
                                    safe_next(&f.next),
                                    percent_encoding::NON_ALPHANUMERIC
                                )
                            ),
                        ),
                        Pending::Enrol => (second_factor::ENROL_SECONDS, "/second-factor".into()),
                    };
                    let secret =
                        sessions::create_pending(&state.store, user.id, ttl, stage).await?;
                    tracing::info!(
                        user = user.id,
                        awaits = stage.as_str(),
                        "password right; second factor awaited"
                    );
                    let mut r = Redirect::to(&to).into_response();
                    r.headers_mut().append(
                        header::SET_COOKIE,
                        set_cookie(
                            SESSION_COOKIE,
                            &secret,
                            ttl,
                            state.config.secure_cookies,
                            "Lax",
                        ),
                    );
                    Ok(r)
                }
            }
        }
        _ => {
            attempt.failed();
            login_again(&state, &ctx, &f, "login-failed").await
        }
    }
}

/// The login page again, saying why (`why`: a message key).
async fn login_again(
    state: &AppState,
    ctx: &Ctx,
    f: &LoginForm,
    why: &str,
) -> Result<Response, AppError> {
    let providers = hybride_training::sign_in::buttons(state).await?;
    page(
        state,
        ctx,
        "login.html",
        context! {
            next => safe_next(&f.next),
            email => f.email.trim(),
            error => Some(i18n::t(ctx.lang, why)),
            flash => None::<String>,
            providers => providers,
        },
        true,
    )
}

pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    let mut at_provider = None;
    let name = crate::auth::cookie_name(SESSION_COOKIE, state.config.secure_cookies);
    if let Some(secret) = crate::auth::cookie(&headers, &name) {
        // A session opened through the académie's provider ends there too.
        at_provider = hybride_training::sign_in::logout_address(&state, secret).await?;
        sessions::end(&state.store, secret).await?;
    }
    let mut r = match at_provider {
        // Not a redirect: the policy's `form-action 'self'` forbids a form's answer to lead to
        // another site. A page that goes there at once (a refresh without delay), with a link.
        Some(to) => page(
            &state,
            &ctx,
            "logout_provider.html",
            context! { to => to },
            false,
        )?,
        None => Redirect::to("/login?ok=logged-out").into_response(),
    };
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, state.config.secure_cookies, "Lax"),
    );
    Ok(r)
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn link_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    page(
        &state,
        &ctx,
        "login_link.html",
        context! { sent => false, email => "", error => None::<String> },
        false,
    )
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    email: String,
}

/// How long a mailed login link stays valid.
const LINK_SECONDS: i64 = 30 * 60;

pub async fn link_submit(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<LinkForm>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::LINK_ADDRESS, &ip.to_string()).await?;
    limits::check(&state.store, limits::LINK_ACCOUNT, &f.email).await?;
    let email = match Email::parse(&f.email) {
        Ok(e) => e,
        Err(e) => {
            return page(
                &state,
                &ctx,
                "login_link.html",
                context! { sent => false, email => f.email.trim(), error => Some(i18n::invalid(ctx.lang, &e)) },
                true,
            )
        }
    };
    // The answer is the same whether or not an account exists, so that nobody can probe
    // which addresses have one.
    if let Some(user) = people::by_email(&state.store, &email)
        .await?
        .filter(|u| u.active.0)
    {
        let lang = Lang::of_locale(&user.locale);
        let base = state.config.public_url.clone();
        let name = user.first_name.clone();
        let sent = sessions::send_login_link(&state.store, &user, LINK_SECONDS, |secret| {
            outbox::Mail::new(
                user.email.clone(),
                i18n::t(lang, "mail-login-subject"),
                i18n::tr(
                    lang,
                    "mail-login-body",
                    &[
                        ("name", name),
                        ("link", format!("{base}/m/{secret}")),
                        ("minutes", "30".into()),
                    ],
                ),
            )
        })
        .await?;
        if sent {
            tracing::info!(user = user.id, "login link mailed");
        } else {
            tracing::info!(
                user = user.id,
                "login link refused: staff sign in otherwise"
            );
        }
    }
    page(
        &state,
        &ctx,
        "login_link.html",
        context! { sent => true, email => email.as_str(), error => None::<String> },
        false,
    )
}

/// Opening a mailed link shows a button rather than logging in at once: mail scanners that
/// follow links must not use up the single-use link.
pub async fn magic_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    page(
        &state,
        &ctx,
        "magic.html",
        context! { token => token, invalid => false },
        false,
    )
}

pub async fn magic_use(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::TOKEN_ADDRESS, &ip.to_string()).await?;
    let user = if token.len() == 43 {
        sessions::consume_login_link(&state.store, &token).await?
    } else {
        None
    };
    match user {
        Some(used) => {
            let secret = sessions::create(&state.store, used.user.id, SESSION_SECONDS).await?;
            tracing::info!(user = used.user.id, "logged in with a mailed link");
            let to = match used.cohort_id {
                Some(c) => format!("/cohorts/{c}"),
                None => "/".to_owned(),
            };
            Ok(session_response(&state, &secret, &to))
        }
        None => page(
            &state,
            &ctx,
            "magic.html",
            context! { token => token, invalid => true },
            true,
        ),
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

pub async fn language(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<LanguageForm>,
) -> Result<Response, AppError> {
    let lang =
        Lang::parse(&f.lang).ok_or_else(|| AppError::BadRequest("lang must be fr or en".into()))?;
    if let Some(user) = &ctx.user {
        people::set_locale(&state.store, user.id, lang.code()).await?;
    }
    let mut r = Redirect::to(safe_next(&f.next)).into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            LANG_COOKIE,
            lang.code(),
            365 * 24 * 3600,
            state.config.secure_cookies,
            "Lax",
        ),
    );
    Ok(r)
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/login", get(form).post(submit))
        .route("/logout", post(logout))
        .route("/login/link", get(link_form).post(link_submit))
        .route("/m/{token}", get(magic_confirm).post(magic_use))
        .route("/language", post(language))
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_is_local_only() {
        assert_eq!(super::safe_next("/accounts?x=1"), "/accounts?x=1");
        assert_eq!(super::safe_next("//evil.example"), "/");
        assert_eq!(super::safe_next("https://evil.example"), "/");
        assert_eq!(super::safe_next("/\\evil.example"), "/");
        // `/login?next=/%09/evil.example`: the tab is dropped by browsers.
        assert_eq!(super::safe_next("/\t/evil.example"), "/");
        assert_eq!(super::safe_next("/\n/evil.example"), "/");
        assert_eq!(super::safe_next("/ /evil.example"), "/");
        assert_eq!(super::safe_next("/a\\b"), "/");
    }
}
