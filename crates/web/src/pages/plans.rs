//! Training plans (PAF) and the outbox of mails, for the EAFC staff.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{Admins, Planners};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Query, State};
use axum::response::Response;
use hybride_domain::{FieldErrors, Invalid, SchoolYear, Title};
use hybride_store::{outbox, plans, StoreError};
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
        match plans::create(&state.store, year, &title).await {
            Ok(_) => return Ok(done("/plans", "plan-created")),
            Err(StoreError::Conflict(_)) => e.add("school_year", Invalid::new("error-plan-exists")),
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
