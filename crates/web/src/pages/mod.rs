//! The HTML pages. Each handler's `Allowed<Gate>` says who may call it.

mod accounts;
mod after;
pub(crate) mod attendance;
mod audit;
mod closing;
mod cohorts;
mod dashboard;
mod during;
pub(crate) use during::new_calendar_link;
mod equipment;
mod forum;
mod login;
mod loop_back;
mod magistere;
mod password;
mod password_reset;
mod plans;
pub mod preparation;
mod qualifications;
mod questions;
mod retention;
mod rooms;
mod scenario;
mod second_factor;
mod settings;
mod sign_in;
mod surveys;
mod tokens;
mod trainings;

use crate::auth::Ctx;
use crate::error::AppError;
use crate::AppState;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::Value;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/accessibilite", get(accessibility))
        .merge(dashboard::router())
        .merge(login::router())
        .merge(password::router())
        .merge(second_factor::router())
        .merge(password_reset::router())
        .merge(equipment::router())
        .merge(accounts::router())
        .merge(audit::router())
        .merge(plans::router())
        .merge(trainings::router())
        .merge(scenario::router())
        .merge(preparation::router())
        .merge(qualifications::router())
        .merge(questions::router())
        .merge(cohorts::router())
        .merge(closing::router())
        .merge(rooms::router())
        .merge(during::router())
        .merge(forum::router())
        .merge(attendance::router())
        .merge(after::router())
        .merge(loop_back::router())
        .merge(surveys::router())
        .merge(settings::router())
        .merge(magistere::router())
        .merge(sign_in::router())
        .merge(tokens::router())
        .merge(retention::router())
}

/// The accessibility statement (RGAA), public like the login page.
async fn accessibility(
    axum::extract::State(state): axum::extract::State<AppState>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    page(
        &state,
        &ctx,
        "accessibility.html",
        minijinja::context! {},
        false,
    )
}

/// Renders a page, or answers 422 with the same page when `invalid` (a form shown again with
/// its errors).
fn page(
    state: &AppState,
    ctx: &Ctx,
    name: &str,
    data: Value,
    invalid: bool,
) -> Result<Response, AppError> {
    let html: Html<String> = state.templates.render(name, ctx, state.config.demo, data)?;
    Ok(if invalid {
        (axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
    } else {
        html.into_response()
    })
}

/// One trainee's document of a cohort as a PDF (her certificate, convocation, distance work):
/// for the cohort's staff and the trainee herself.
async fn trainee_pdf(
    state: &AppState,
    who: &crate::auth::Allowed<crate::access::Anyone>,
    cohort_id: i64,
    which: hybride_training::documents::Which,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = hybride_training::cohorts::visible(s, &who.user, cohort_id).await?;
    let trainee = hybride_training::documents::trainee_of(&which).ok_or(AppError::NotFound)?;
    crate::access::staff_or_self(&who.user, trainee)?;
    let t = hybride_training::trainings::get(s, c.training_id).await?;
    let doc = hybride_training::documents::record(s, who.ctx.lang, &c, &t, &which).await?;
    pdf_response(
        move || hybride_docs::record_pdf(&doc),
        hybride_training::documents::filename(&t, &c, &which),
        format!("{which:?} in cohort {cohort_id}"),
    )
    .await
}

/// A PDF typeset off the threads that serve requests (typesetting is CPU work), answered
/// inline as `filename`. Typst refuses some inputs (a character no bundled font has…): that is
/// the user's text, not a failure of the service, so it is a refusal, logged with `what`.
async fn pdf_response(
    typeset: impl FnOnce() -> Result<Vec<u8>, hybride_docs::DocError> + Send + 'static,
    filename: String,
    what: String,
) -> Result<Response, AppError> {
    let pdf = hybride_docs::typeset(typeset)
        .await
        .map_err(|e| AppError::from(hybride_training::Error::from(e)))?
        .map_err(|e| {
            tracing::warn!(document = %what, error = %e, "document not typeset");
            AppError::Refused("document")
        })?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        pdf,
    )
        .into_response())
}

/// After a successful form, go back to a page with a confirmation message (`?ok=KEY`).
fn done(to: &str, ok: &str) -> Response {
    // The query goes before any fragment (`/cohorts/3?ok=…#h-during`), or the server never sees it.
    let (path, fragment) = match to.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (to, String::new()),
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}ok={ok}{fragment}")).into_response()
}

/// Confirmation messages a page may show after a redirect; anything else is ignored.
const FLASHES: &[&str] = &[
    "account-created",
    "account-updated",
    "accounts-imported",
    "plan-created",
    "training-created",
    "trainer-added",
    "trainer-removed",
    "cohort-created",
    "status-changed",
    "reopened",
    "enrolled",
    "unenrolled",
    "logged-out",
    "provider-saved",
    "password-reset",
    "token-revoked",
    "sso-only-on",
    "sso-only-off",
    "step-added",
    "step-updated",
    "step-moved",
    "step-duplicated",
    "step-deleted",
    "scenario-copied",
    "accompaniment-saved",
    "validation-saved",
    "qualification-added",
    "qualification-removed",
    "qualification-validity-saved",
    "qualification-asked",
    "qualification-enrolled",
    "qualification-answered",
    "trains-trainers-saved",
    "question-asked",
    "question-replied",
    "question-resolved",
    "question-published",
    "question-withdrawn",
    "question-passed",
    "question-delay-saved",
    "holiday-added",
    "holiday-removed",
    "zone-saved",
    "schedule-generated",
    "activity-updated",
    "activity-deleted",
    "cohort-updated",
    "room-created",
    "convocations-sent",
    "convocation-resent",
    "links-acknowledged",
    "opening-saved",
    "opening-published",
    "instructions-saved",
    "instructions-published",
    "notify-saved",
    "follow-up-sent",
    "presence-confirmed",
    "declared",
    "absence-recorded",
    "transmitted",
    "lump-added",
    "lump-removed",
    "profile-saved",
    "rates-saved",
    "after-saved",
    "review-saved",
    "review-submitted",
    "course-added",
    "courses-imported",
    "course-removed",
    "course-recommended",
    "course-unrecommended",
    "closing-sent",
    "survey-sent",
    "survey-answered",
    "survey-settings-saved",
    "retention-saved",
    "signatory-saved",
    "export-requested",
    "password-changed",
    "second-factor-disabled",
    "second-factor-reset",
    "calendar-link-revoked",
    "magistere-checked",
    "convocations-sent-late",
];

#[derive(serde::Deserialize, Default)]
pub(crate) struct Flash {
    #[serde(default)]
    ok: String,
}

pub(crate) fn flash(q: &Flash) -> Option<String> {
    FLASHES
        .contains(&q.ok.as_str())
        .then(|| format!("flash-{}", q.ok))
}

/// Errors keyed by field, translated, for templates: `errors.email`.
fn field_errors(
    ctx: &Ctx,
    e: &hybride_domain::FieldErrors,
) -> std::collections::BTreeMap<&'static str, String> {
    e.0.iter()
        .map(|(f, inv)| (*f, hybride_training::i18n::invalid(ctx.lang, inv)))
        .collect()
}
