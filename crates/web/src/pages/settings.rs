//! The académie's management (admins): one page leading to its accounts, its mail and each of its
//! settings, so that the main menu holds one entry for all and fits on one line.

use super::page;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use minijinja::context;

/// Each setting: its page, and the message keys of its title and of what it is for.
const SETTINGS: &[(&str, &str, &str)] = &[
    ("/accounts", "accounts-title", "settings-about-accounts"),
    ("/outbox", "outbox-title", "settings-about-outbox"),
    ("/holidays", "holidays-title", "settings-about-holidays"),
    ("/settings/pay", "rates-title", "settings-about-pay"),
    (
        "/settings/sign-in",
        "sign-in-settings-title",
        "settings-about-sign-in",
    ),
    (
        "/settings/signatory",
        "signatory-title",
        "settings-about-signatory",
    ),
    (
        "/settings/surveys",
        "survey-settings-title",
        "settings-about-surveys",
    ),
    (
        "/settings/retention",
        "retention-title",
        "settings-about-retention",
    ),
    (
        "/settings/magistere",
        "magistere-title",
        "settings-about-magistere",
    ),
    ("/settings/audit", "audit-title", "settings-about-audit"),
];

pub async fn index(
    State(state): State<AppState>,
    who: Allowed<Admins>,
) -> Result<Response, AppError> {
    let settings: Vec<minijinja::Value> = SETTINGS
        .iter()
        .map(|(href, title, about)| context! { href => href, title => title, about => about })
        .collect();
    page(
        &state,
        &who.ctx,
        "settings.html",
        context! { settings => settings },
        false,
    )
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new().route("/settings", get(index))
}
