//! Static assets, compiled into the binary: nothing is loaded from elsewhere.

use crate::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

const CSS: &str = include_str!("../assets/hybride.css");
const FAVICON: &str = include_str!("../assets/favicon.svg");
const EQUIPMENT_JS: &str = include_str!("../assets/equipment.js");
const LIVE_JS: &str = include_str!("../assets/live.js");

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/hybride.css",
            get(|| async { asset("text/css; charset=utf-8", CSS) }),
        )
        .route(
            "/favicon.svg",
            get(|| async { asset("image/svg+xml", FAVICON) }),
        )
        .route(
            "/assets/equipment.js",
            get(|| async { asset("text/javascript; charset=utf-8", EQUIPMENT_JS) }),
        )
        .route(
            "/assets/live.js",
            get(|| async { asset("text/javascript; charset=utf-8", LIVE_JS) }),
        )
        .route("/healthz", get(|| async { "ok" }))
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
}
