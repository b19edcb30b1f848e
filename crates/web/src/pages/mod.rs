//! The HTML pages. Each handler's `Allowed<Gate>` says who may call it.

mod accounts;
mod after;
pub(crate) mod attendance;
mod cohorts;
mod dashboard;
mod during;
pub(crate) use during::new_calendar_link;
mod equipment;
mod forum;
mod login;
mod loop_back;
mod plans;
pub mod preparation;
mod retention;
mod rooms;
mod scenario;
mod settings;
mod surveys;
mod trainings;

use crate::auth::Ctx;
use crate::error::AppError;
use crate::AppState;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::home))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route(
            "/login/link",
            get(login::link_form).post(login::link_submit),
        )
        .route(
            "/m/{token}",
            get(login::magic_confirm).post(login::magic_use),
        )
        .route("/language", post(login::language))
        .route("/equipment", get(equipment::page))
        .route("/accessibilite", get(accessibility))
        .route("/accounts", get(accounts::list).post(accounts::create))
        .route("/accounts/new", get(accounts::new_form))
        .route(
            "/accounts/import",
            get(accounts::import_form).post(accounts::import),
        )
        .route(
            "/accounts/{id}",
            get(accounts::edit_form).post(accounts::update),
        )
        .route("/plans", get(plans::list).post(plans::create))
        .route(
            "/plans/{id}/exports",
            get(plans::exports_page).post(plans::request_export),
        )
        .route("/plans/{id}/exports/live", get(plans::exports_live))
        .route(
            "/plans/{id}/exports/{export}/download",
            get(plans::download_export),
        )
        .route("/outbox", get(plans::outbox))
        .route("/trainings", get(trainings::list).post(trainings::create))
        .route("/trainings/new", get(trainings::new_form))
        .route("/trainings/{id}", get(trainings::show))
        .route("/trainings/{id}/trainers", post(trainings::add_trainer))
        .route(
            "/trainings/{id}/trainers/{user}/remove",
            post(trainings::remove_trainer),
        )
        .route("/trainings/{id}/scenario", get(scenario::show))
        .route(
            "/trainings/{id}/chronogramme.pdf",
            get(scenario::chronogramme),
        )
        .route("/trainings/{id}/scenario/copy", post(scenario::copy))
        .route("/trainings/{id}/steps", post(scenario::add))
        .route(
            "/trainings/{id}/steps/{step}",
            get(scenario::edit_form).post(scenario::update),
        )
        .route("/trainings/{id}/steps/{step}/action", post(scenario::act))
        .route(
            "/trainings/{id}/accompaniment",
            get(preparation::show).post(preparation::save_accompaniment),
        )
        .route(
            "/trainings/{id}/validation",
            post(preparation::save_validation),
        )
        .route(
            "/qualifications",
            get(preparation::register).post(preparation::add_qualification),
        )
        .route(
            "/qualifications/{id}/remove",
            post(preparation::remove_qualification),
        )
        .route(
            "/holidays",
            get(preparation::holidays).post(preparation::add_holiday),
        )
        .route("/holidays/zone", post(preparation::set_zone))
        .route("/holidays/{id}/remove", post(preparation::remove_holiday))
        .route("/trainings/{id}/cohorts/new", get(cohorts::new_form))
        .route("/trainings/{id}/cohorts", post(cohorts::create))
        .route("/cohorts/{id}", get(cohorts::show))
        .route("/cohorts/{id}/status", post(cohorts::set_status))
        .route(
            "/cohorts/{id}/edit",
            get(cohorts::edit_form).post(cohorts::update),
        )
        .route("/cohorts/{id}/schedule", post(cohorts::generate_schedule))
        .route(
            "/cohorts/{id}/activities/{activity}",
            get(cohorts::activity_form).post(cohorts::update_activity),
        )
        .route(
            "/cohorts/{id}/activities/{activity}/remove",
            post(cohorts::delete_activity),
        )
        .route(
            "/cohorts/{id}/activities/{activity}/room",
            post(rooms::create),
        )
        .route("/rooms/{activity}", get(rooms::join))
        .route(
            "/cohorts/{id}/convocations",
            post(during::send_convocations),
        )
        .route("/cohorts/{id}/convocations/{user}", post(during::resend))
        .route("/cohorts/{id}/received", post(during::acknowledge))
        .route(
            "/cohorts/{id}/opening",
            get(during::opening_form).post(during::opening_save),
        )
        .route(
            "/cohorts/{id}/activities/{activity}/instructions",
            post(during::save_instructions),
        )
        .route("/cohorts/{id}/forum", get(forum::threads))
        .route("/cohorts/{id}/forum/notify", post(forum::set_notify))
        .route(
            "/cohorts/{id}/forum/{thread}",
            get(forum::thread).post(forum::add_post),
        )
        .route(
            "/cohorts/{id}/follow-up/{user}",
            get(forum::follow_up_form).post(forum::follow_up),
        )
        .route("/j/{token}", get(during::join))
        .route("/cohorts/{id}/attendance", get(attendance::overview))
        .route("/cohorts/{id}/validation", get(attendance::validation))
        .route(
            "/cohorts/{id}/certificates/{user}/certificat.pdf",
            get(attendance::certificate_pdf),
        )
        .route("/cohorts/{id}/documents/{doc}", get(attendance::document))
        .route(
            "/cohorts/{id}/activities/{aid}/attendance",
            get(attendance::sheet),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/live",
            get(attendance::live),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance.pdf",
            get(attendance::sheet_pdf),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance.csv",
            get(attendance::sheet_csv),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance.xlsx",
            get(attendance::sheet_xlsx),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/mark",
            post(attendance::mark),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/countersign",
            post(attendance::countersign),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/capacity",
            post(attendance::set_capacity),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/import",
            post(attendance::import_completions),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/declarations/{user}",
            post(attendance::decide),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/present",
            post(attendance::present),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/absence",
            post(attendance::absence),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/declaration",
            get(attendance::declaration_form).post(attendance::declare),
        )
        .route(
            "/sign",
            get(attendance::sign_form).post(attendance::sign_code),
        )
        .route(
            "/sign/{aid}/{slot}/{token}",
            get(attendance::qr_form).post(attendance::qr_sign),
        )
        .route(
            "/calendar",
            get(during::calendar_page).post(during::calendar_new),
        )
        .route("/calendar/{file}", get(during::calendar_feed))
        .route("/cohorts/{id}/documents", get(after::documents_page))
        .route("/cohorts/{id}/bundle.zip", get(after::bundle))
        .route("/cohorts/{id}/opening.pdf", get(after::opening_pdf))
        .route(
            "/cohorts/{id}/convocations/{user}/convocation.pdf",
            get(after::convocation_pdf),
        )
        .route(
            "/cohorts/{id}/declarations/{user}/travail-distance.pdf",
            get(after::declarations_pdf),
        )
        .route("/cohorts/{id}/tables/{file}", get(after::document_table))
        .route("/cohorts/{id}/transmissions", post(after::transmit))
        .route("/cohorts/{id}/pay", get(after::pay_page))
        .route(
            "/cohorts/{id}/pay/{trainer}/remuneration.pdf",
            get(after::pay_pdf),
        )
        .route(
            "/cohorts/{id}/pay/{trainer}/profile",
            post(after::set_profile),
        )
        .route("/cohorts/{id}/pay/lumps", post(after::add_lump))
        .route(
            "/cohorts/{id}/pay/lumps/{lump}/remove",
            post(after::delete_lump),
        )
        .route(
            "/settings/pay",
            get(after::rates_form).post(after::save_rates),
        )
        .route(
            "/cohorts/{id}/review",
            get(loop_back::review_page).post(loop_back::save_review),
        )
        .route("/reviews", get(loop_back::reviews))
        .route("/pilotage", get(loop_back::insights))
        .route("/pilotage.csv", get(loop_back::insights_csv))
        .route("/pilotage.xlsx", get(loop_back::insights_xlsx))
        .route(
            "/courses",
            get(loop_back::catalogue_list).post(loop_back::add_course),
        )
        .route("/courses/import", post(loop_back::import_courses))
        .route("/courses/{id}/remove", post(loop_back::remove_course))
        .route("/trainings/{id}/courses", post(loop_back::recommend))
        .route(
            "/trainings/{id}/courses/{course}/remove",
            post(loop_back::unrecommend),
        )
        .route("/cohorts/{id}/closing", post(loop_back::send_closing))
        .route("/cohorts/{id}/surveys", get(surveys::cohort_page))
        .route(
            "/cohorts/{id}/surveys/{kind}",
            get(surveys::form).post(surveys::answer),
        )
        .route("/cohorts/{id}/surveys/{kind}/send", post(surveys::send))
        .route("/trainings/{id}/surveys", get(surveys::training_page))
        .route("/settings", get(settings::index))
        .route(
            "/settings/retention",
            get(retention::form).post(retention::save),
        )
        .route(
            "/settings/surveys",
            get(surveys::settings_form).post(surveys::save_settings),
        )
        .route(
            "/trainings/{id}/after",
            get(after::training_after).post(after::save_training_after),
        )
        .route("/cohorts/{id}/trainers", post(cohorts::add_trainer))
        .route("/cohorts/{id}/enrollments", post(cohorts::enroll))
        .route(
            "/cohorts/{id}/enrollments/{user}/remove",
            post(cohorts::unenroll),
        )
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
    let c = hybride_store::cohorts::get(s, cohort_id).await?;
    crate::access::see_cohort(s, &who.user, &c).await?;
    let trainee = hybride_training::documents::trainee_of(&which).ok_or(AppError::NotFound)?;
    crate::access::staff_or_self(&who.user, trainee)?;
    let t = hybride_store::trainings::get(s, c.training_id).await?;
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
        .map_err(|e| AppError::Internal(e.into()))?
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
    "enrolled",
    "unenrolled",
    "logged-out",
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
    "export-requested",
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
