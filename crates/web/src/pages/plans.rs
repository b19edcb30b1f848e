//! Training plans (PAF) and the outbox of mails, for the EAFC staff.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{Admins, Planners};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use hybride_domain::{FieldErrors, Invalid, SchoolYear, Title};
use hybride_training::{exports, outbox, plans, Error};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default)]
pub struct PlanForm {
    #[serde(default)]
    school_year: String,
    #[serde(default)]
    title: String,
}

fn plans_page(
    state: &AppState,
    who: &crate::auth::Ctx,
    form: &PlanForm,
    errors: &FieldErrors,
    flash: Option<String>,
    plans: Vec<plans::Plan>,
) -> Result<Response, AppError> {
    page(
        state,
        who,
        "plans.html",
        context! { plans => plans, form => form, errors => field_errors(who, errors), flash => flash },
        !errors.is_empty(),
    )
}

pub async fn list(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let next = SchoolYear::containing(jiff::Zoned::now().date());
    let form = PlanForm {
        school_year: SchoolYear::starting(next.start_year() + 1)
            .map(|y| y.to_string())
            .unwrap_or_default(),
        title: String::new(),
    };
    let plans = plans::list(&state.store).await?;
    plans_page(
        &state,
        &who.ctx,
        &form,
        &FieldErrors::new(),
        flash(&q),
        plans,
    )
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<PlanForm>,
) -> Result<Response, AppError> {
    let mut e = FieldErrors::new();
    let year = e.check("school_year", SchoolYear::parse(&f.school_year));
    let title = e.check("title", Title::parse(&f.title));
    if let (Some(year), Some(title)) = (year, title) {
        match plans::create(&state.store, (&who.user).into(), year, &title).await {
            Ok(_) => return Ok(done("/plans", "plan-created")),
            Err(Error::Conflict(_)) => e.add("school_year", Invalid::new("error-plan-exists")),
            Err(other) => return Err(other.into()),
        }
    }
    let plans = plans::list(&state.store).await?;
    plans_page(&state, &who.ctx, &f, &e, None, plans)
}

pub async fn outbox(
    State(state): State<AppState>,
    who: Allowed<Admins>,
) -> Result<Response, AppError> {
    let mails = outbox::recent(&state.store, 100).await?;
    page(
        &state,
        &who.ctx,
        "outbox.html",
        context! { mails => mails, mail_dir => state.config.mail_dir.display().to_string() },
        false,
    )
}

/// A plan's batch exports (admins): how many closed cohorts there are, the exports asked for
/// with their progress, and the button that asks for a new one.
pub async fn exports_page(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let plan = plans::get(s, id).await?;
    let closed = hybride_training::exports::closed_cohorts(s, id)
        .await?
        .len();
    let list = exports::list(s, id).await?;
    let busy = list
        .iter()
        .any(|e| matches!(e.status.as_str(), "pending" | "running"));
    page(
        &state,
        &who.ctx,
        "exports.html",
        context! {
            plan => plan,
            closed => closed,
            exports => export_rows(&list),
            busy => busy,
            kept_days => hybride_training::exports::KEPT_DAYS,
            flash => flash(&q),
        },
        false,
    )
}

fn export_rows(list: &[exports::Export]) -> Vec<minijinja::Value> {
    list.iter()
        .map(|e| {
            let percent = if e.cohorts_total > 0 {
                e.cohorts_done * 100 / e.cohorts_total
            } else {
                0
            };
            context! { e => e, percent => percent, kib => e.size.map(|s| (s + 1023) / 1024) }
        })
        .collect()
}

/// The list of exports alone, fetched again every few seconds by `live.js` while one is
/// under way.
pub async fn exports_live(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let plan = plans::get(s, id).await?;
    let list = exports::list(s, id).await?;
    let html = state.templates.render(
        "exports_live.html",
        &who.ctx,
        state.config.demo,
        context! { plan => plan, exports => export_rows(&list) },
    )?;
    Ok(html.into_response())
}

/// Asks for a new export of the plan; one at a time.
pub async fn request_export(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    hybride_training::exports::request(&state.store, id, who.user.id, who.ctx.lang).await?;
    Ok(done(&format!("/plans/{id}/exports"), "export-requested"))
}

/// A finished export's zip.
pub async fn download_export(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
    Path((id, export)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let e = exports::get(s, export).await?;
    if e.plan_id != id {
        return Err(AppError::NotFound);
    }
    if e.status != "done" {
        return Err(AppError::NotFound);
    }
    let plan = plans::get(s, id).await?;
    let parts = exports::parts(s, export).await?;
    let body = axum::body::Body::from_stream(hybride_training::exports::zip_stream(
        s.clone(),
        export,
        parts,
    ));
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"dossiers-{}-{}.zip\"",
                    plan.school_year, e.id
                ),
            ),
        ],
        body,
    )
        .into_response())
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/plans", get(list).post(create))
        .route(
            "/plans/{id}/exports",
            get(exports_page).post(request_export),
        )
        .route("/plans/{id}/exports/live", get(exports_live))
        .route(
            "/plans/{id}/exports/{export}/download",
            get(download_export),
        )
        .route("/outbox", get(outbox))
}
