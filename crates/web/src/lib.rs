//! Hybride's HTTP layer: HTML pages (French first, no inline script), the `/api/v1` JSON API
//! described by `/api/openapi.json`, authentication, CSRF protection and authorization.
//!
//! Handlers are thin: they extract, call the domain and the store, and render. Authorization
//! is declared once per route in `routes` (see `access`), and resource-level checks (is this
//! trainer on this cohort?) live in `access` too.

pub mod access;
pub mod after;
pub mod api;
mod app;
mod assets;
pub mod attendance;
pub mod auth;
pub mod before;
pub mod courses;
mod csrf;
pub mod discussion;
pub mod documents;
pub mod during;
pub mod error;
pub mod exports;
pub mod forms;
pub mod i18n;
pub mod import;
pub mod limits;
pub mod mailer;
mod pages;
pub mod password;
pub mod render;
pub mod retention;
pub mod surveys;

pub use app::{build_router, serve, serve_on, AppState, Config};
