//! Trainings of the plan: list, create, show with scenario, trainers and cohorts.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Planners, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::{self, TrainingFields};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hybride_domain::{Email, FieldErrors, Invalid, Minutes, Role};
use hybride_training::cohorts::{self};
use hybride_training::people::{self, UserFilter};
use hybride_training::trainings::{self, TrainingFilter};
use hybride_training::{plans, Error};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// A plan's id; empty (« Tous les plans ») or anything else lists every plan.
    #[serde(default)]
    plan: String,
    #[serde(default)]
    mine: Option<String>,
    #[serde(default)]
    ok: String,
}

pub async fn list(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let plan: Option<i64> = q.plan.trim().parse().ok();
    let filter = TrainingFilter {
        plan_id: plan,
        ..access::trainings_listed(&who.user, q.mine.is_some())
    };
    let list = trainings::list(&state.store, filter).await?;
    page(
        &state,
        &who.ctx,
        "trainings.html",
        context! {
            trainings => list,
            plans => plans::list(&state.store).await?,
            plan => plan,
            mine => q.mine.is_some(),
            flash => flash(&Flash { ok: q.ok }),
        },
        false,
    )
}

#[derive(Deserialize, Serialize, Default)]
pub struct TrainingForm {
    #[serde(default)]
    plan_id: String,
    #[serde(default)]
    pilot_id: String,
    #[serde(default)]
    dispositif_id: String,
    #[serde(default)]
    module_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    objectives: String,
    #[serde(default)]
    public: String,
    #[serde(default)]
    in_person: String,
    #[serde(default)]
    synchronous: String,
    #[serde(default)]
    asynchronous: String,
    #[serde(default)]
    validation_criteria: String,
    #[serde(default)]
    min_attendance_percent: String,
}

async fn form_page(
    state: &AppState,
    who: &Allowed<Planners>,
    form: &TrainingForm,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let pilots = if access::names_pilot(&who.user) {
        people::list(
            &state.store,
            &UserFilter {
                role: Some(Role::Pilot),
                limit: 500,
                ..Default::default()
            },
        )
        .await?
    } else {
        vec![who.user.clone()]
    };
    page(
        state,
        &who.ctx,
        "training_form.html",
        context! {
            form => form,
            errors => field_errors(&who.ctx, errors),
            plans => plans::list(&state.store).await?,
            pilots => pilots,
        },
        !errors.is_empty(),
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    who: Allowed<Planners>,
) -> Result<Response, AppError> {
    let plans = plans::list(&state.store).await?;
    let form = TrainingForm {
        plan_id: plans.first().map(|p| p.id.to_string()).unwrap_or_default(),
        pilot_id: who.user.id.to_string(),
        min_attendance_percent: "80".into(),
        ..Default::default()
    };
    form_page(&state, &who, &form, &FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    CsrfForm(f): CsrfForm<TrainingForm>,
) -> Result<Response, AppError> {
    // A pilot creates trainings for themself; an admin names the pilot.
    let pilot_id = if access::names_pilot(&who.user) {
        f.pilot_id.trim().parse().unwrap_or(0)
    } else {
        who.user.id
    };
    let parsed = forms::training(TrainingFields {
        plan_id: f.plan_id.trim().parse().ok(),
        pilot_id,
        dispositif_id: &f.dispositif_id,
        module_id: &f.module_id,
        title: &f.title,
        objectives: &f.objectives,
        public: &f.public,
        in_person: Minutes::parse_hours(&f.in_person),
        synchronous: Minutes::parse_hours(&f.synchronous),
        asynchronous: Minutes::parse_hours(&f.asynchronous),
        validation_criteria: &f.validation_criteria,
        min_attendance_percent: forms::percent(&f.min_attendance_percent),
    });
    let mut e = match parsed {
        Ok(new) => match trainings::create(&state.store, &new).await {
            Ok(t) => return Ok(done(&format!("/trainings/{}", t.id), "training-created")),
            Err(Error::Conflict(_)) => {
                let mut e = FieldErrors::new();
                e.add("module_id", Invalid::new("error-gaia-taken"));
                e
            }
            Err(Error::NotFound) => {
                let mut e = FieldErrors::new();
                e.add("plan_id", Invalid::new("error-plan-unknown"));
                e
            }
            Err(Error::Refused(_)) => {
                let mut e = FieldErrors::new();
                e.add("pilot_id", Invalid::new("error-pilot-role"));
                e
            }
            Err(other) => return Err(other.into()),
        },
        Err(e) => e,
    };
    if access::names_pilot(&who.user) && pilot_id == 0 {
        e.add("pilot_id", Invalid::new("error-pilot-required"));
    }
    form_page(&state, &who, &f, &e).await
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

pub async fn show(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, &who.user, &t).await?;
    let manage = access::manage_training(&who.user, &t).is_ok();
    let steps = trainings::steps(&state.store, id).await?;
    let mut totals = std::collections::BTreeMap::new();
    for s in &steps {
        *totals.entry(s.modality.as_str()).or_insert(0i64) += s.minutes;
    }
    let cohort_filter = access::cohorts_listed(&who.user, Some(id));
    let error = match q.error.as_str() {
        "trainer-unknown" => Some("error-trainer-unknown"),
        "trainer-role" => Some("refused-trainer-role"),
        _ => None,
    };
    page(
        &state,
        &who.ctx,
        "training.html",
        context! {
            training => t,
            steps => steps,
            totals => totals,
            trainers => trainings::trainers(&state.store, id).await?,
            cohorts => cohorts::list(&state.store, cohort_filter).await?,
            manage => manage,
            asks => hybride_training::questions::may_ask_about(&state.store, &who.user, id).await?,
            faq => hybride_training::questions::faq(&state.store, id).await?,
            flash => flash(&Flash { ok: q.ok }),
            error => error,
        },
        false,
    )
}

#[derive(Deserialize)]
pub struct TrainerForm {
    #[serde(default)]
    email: String,
}

pub async fn add_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TrainerForm>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    let back = format!("/trainings/{id}");
    let user = match Email::parse(&f.email) {
        Ok(e) => people::by_email(&state.store, &e).await?,
        Err(_) => None,
    };
    let Some(user) = user else {
        return Ok(axum::response::IntoResponse::into_response(
            axum::response::Redirect::to(&format!("{back}?error=trainer-unknown")),
        ));
    };
    match trainings::assign_trainer(&state.store, id, user.id).await {
        Ok(()) => Ok(done(&back, "trainer-added")),
        Err(Error::Refused(_)) => Ok(axum::response::IntoResponse::into_response(
            axum::response::Redirect::to(&format!("{back}?error=trainer-role")),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path((id, user)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    trainings::remove_trainer(&state.store, id, user).await?;
    Ok(done(&format!("/trainings/{id}"), "trainer-removed"))
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/trainings", get(list).post(create))
        .route("/trainings/new", get(new_form))
        .route("/trainings/{id}", get(show))
        .route("/trainings/{id}/trainers", post(add_trainer))
        .route(
            "/trainings/{id}/trainers/{user}/remove",
            post(remove_trainer),
        )
}
