//! The application: configuration, shared state, the router and the server's lifecycle.

use crate::{api, assets, auth, csrf, error, pages, render::Templates};
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::Router;
use hybride_training::mailer;
use hybride_training::Store;
use hybride_training::{Config, Hybride};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// What handlers share: the use cases' context (store, configuration, mail texts), reached
/// through `Deref`, and the pages' templates.
#[derive(Clone)]
pub struct AppState {
    pub hybride: Hybride,
    pub(crate) templates: Arc<Templates>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> AppState {
        AppState {
            hybride: Hybride::new(store, config),
            templates: Arc::new(Templates::new()),
        }
    }
}

impl std::ops::Deref for AppState {
    type Target = Hybride;
    fn deref(&self) -> &Hybride {
        &self.hybride
    }
}

/// A strict policy: nothing inline, nothing from elsewhere.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                   base-uri 'none'";

/// How long a request may take before it is answered 503: well above a whole cohort's bundle
/// typeset by a debug build on a busy machine, well below a proxy's patience.
const REQUEST_SECONDS: u64 = 120;

/// The largest request: a form with a file of [`hybride_training::MAX_UPLOAD`] and its fields,
/// with room to spare, so that a file somewhat too large is refused on its field.
const BODY_LIMIT: usize = hybride_training::MAX_UPLOAD + 4 * 1024 * 1024;

/// Over https, browsers are told to come back over https only, for a year.
const HSTS: &str = "max-age=31536000; includeSubDomains";

pub fn build_router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let hsts = state.config.secure_cookies.then(|| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        )
    });
    Router::new()
        .merge(pages::router())
        .merge(api::router())
        .merge(assets::router())
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            std::time::Duration::from_secs(REQUEST_SECONDS),
        ))
        // Inside the error pages: a request too large for any form is answered in words.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        // axum's own extractors (multipart forms) would stop at 2 Mo otherwise.
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::render::render_errors))
        .layer(axum::middleware::from_fn(csrf::check_origin))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::identify))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(error::panic_response))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", method = %req.method(), path = %loggable(req.uri().path()), request_id = %id)
            }),
        )
        .layer(tower::util::option_layer(hsts))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

/// A request's path as the logs may keep it: the secret of a personal link (login, join,
/// calendar, a sheet's QR code) is a password, and is written `…`.
fn loggable(path: &str) -> std::borrow::Cow<'_, str> {
    let secret_at = if ["/m/", "/j/", "/calendar/"]
        .iter()
        .any(|p| path.starts_with(p))
    {
        // The last segment is the secret.
        path.rfind('/').map(|i| i + 1)
    } else if path.starts_with("/sign/") && path.matches('/').count() == 4 {
        path.rfind('/').map(|i| i + 1)
    } else {
        None
    };
    match secret_at {
        Some(i) if i < path.len() => format!("{}…", &path[..i]).into(),
        _ => path.into(),
    }
}

/// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
pub async fn serve(state: AppState, addr: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    serve_on(state, listener, shutdown_signal()).await
}

/// Serves on a bound listener (tests bind port 0) until `shutdown` completes.
pub async fn serve_on(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let worker = tokio::spawn(mailer::run(state.store.clone(), state.config.mailer()?));
    let housekeeping = tokio::spawn(housekeeping(state.store.clone()));
    let scheduler = tokio::spawn(scheduler(state.clone()));
    let exports = tokio::spawn(hybride_training::exports::run(state.hybride.clone()));
    let app = build_router(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    worker.abort();
    housekeeping.abort();
    scheduler.abort();
    exports.abort();
    Ok(())
}

/// Work that happens on its own: instructions published at an activity's start, reminders.
async fn scheduler(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        if let Err(e) = hybride_training::jobs::run_once(&state).await {
            tracing::warn!(error = %e, "scheduled jobs failed");
        }
    }
}

/// Cleaning up, every hour (expired sessions, old attempt counters and exports).
async fn housekeeping(store: Store) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        hybride_training::housekeeping::run_once(&store).await;
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(test)]
mod tests {
    #[test]
    fn personal_links_are_not_logged() {
        use super::loggable;
        assert_eq!(loggable("/j/abcdef0123"), "/j/…");
        assert_eq!(loggable("/m/abcdef0123"), "/m/…");
        assert_eq!(loggable("/calendar/abcdef0123.ics"), "/calendar/…");
        assert_eq!(
            loggable("/sign/12/2026-12-03-morning/abcdef"),
            "/sign/12/2026-12-03-morning/…"
        );
        assert_eq!(loggable("/sign"), "/sign");
        assert_eq!(loggable("/cohorts/12"), "/cohorts/12");
        assert_eq!(loggable("/j/"), "/j/");
    }
}
