//! Hybride's HTTP layer: HTML pages (French first, no inline script), the `/api/v1` JSON API
//! described by `/api/openapi.json`, authentication, CSRF protection and authorization.
//!
//! Handlers are thin: they extract, call the use cases (`hybride_training`), and render. Authorization
//! is declared once per route in `routes` (see `access`), and resource-level checks (is this
//! trainer on this cohort?) live in `access` too.

pub mod access;
pub mod api;
mod app;
mod assets;
pub mod auth;
mod csrf;
pub mod error;
pub mod forms;
pub mod limits;
mod pages;
pub mod render;

pub use app::{build_router, serve, serve_on, AppState};
pub use hybride_training::Config;
