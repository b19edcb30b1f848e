//! The application: configuration, shared state, the router and the server's lifecycle.

use crate::{api, assets, auth, csrf, error, mailer, pages, render::Templates};
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::Router;
use hybride_store::Store;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// How the server runs; read from the command line and the environment by the binary.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address users reach Hybride at, used in e-mailed links (`http://127.0.0.1:8080`).
    pub public_url: String,
    /// Adds `Secure` to cookies; on whenever `public_url` is https.
    pub secure_cookies: bool,
    /// Where mails are written when no SMTP server is configured.
    pub mail_dir: PathBuf,
    /// Demo mode shows the demo accounts on the login page.
    pub demo: bool,
    /// The BigBlueButton server rooms are created on, when there is one.
    pub bbb: Option<hybride_connect::bbb::BbbConfig>,
    /// The SMTP server mail goes through (`smtp://host:port`), and the sender's address; with
    /// none, mails are written to `mail_dir`.
    pub smtp: Option<(String, String)>,
}

impl Config {
    pub fn new(public_url: impl Into<String>, mail_dir: PathBuf, demo: bool) -> Config {
        let public_url = public_url.into().trim_end_matches('/').to_owned();
        Config {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            mail_dir,
            demo,
            bbb: None,
            smtp: None,
        }
    }

    pub fn with_smtp(mut self, url: impl Into<String>, from: impl Into<String>) -> Config {
        self.smtp = Some((url.into(), from.into()));
        self
    }

    /// Where mail goes; an SMTP URL or sender that cannot be used is refused at start-up.
    pub fn mailer(&self) -> anyhow::Result<hybride_connect::mail::Mailer> {
        use hybride_connect::mail::Mailer;
        match &self.smtp {
            Some((url, from)) => Mailer::smtp(url, from).map_err(anyhow::Error::msg),
            None => Ok(Mailer::folder(self.mail_dir.clone())),
        }
    }

    pub fn with_bbb(mut self, bbb: hybride_connect::bbb::BbbConfig) -> Config {
        self.bbb = Some(bbb);
        self
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub(crate) templates: Arc<Templates>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
            templates: Arc::new(Templates::new()),
        }
    }
}

/// A strict policy: nothing inline, nothing from elsewhere.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                   base-uri 'none'";

pub fn build_router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(pages::router())
        .merge(api::router())
        .merge(assets::router())
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::render_errors))
        .layer(axum::middleware::from_fn(csrf::check_origin))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::identify))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(8 * 1024 * 1024))
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
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
            }),
        )
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
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
    let exports = tokio::spawn(crate::exports::run(state.clone()));
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
        if let Err(e) = crate::during::run_jobs(&state).await {
            tracing::warn!(error = %e, "scheduled jobs failed");
        }
    }
}

async fn housekeeping(store: Store) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = hybride_store::security::purge_expired(&store).await {
            tracing::warn!(error = %e, "purging expired sessions failed");
        }
        // Attempt counters older than a day are of no use to any limit.
        if let Err(e) = hybride_store::limits::purge(&store, hybride_store::now() - 86_400).await {
            tracing::warn!(error = %e, "purging attempt counters failed");
        }
        // Plans' exports are kept for download a few days.
        let before = hybride_store::now() - crate::exports::KEPT_DAYS * 86_400;
        if let Err(e) = hybride_store::exports::purge(&store, before).await {
            tracing::warn!(error = %e, "removing old plan exports failed");
        }
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
