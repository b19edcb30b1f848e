//! The scenario editor (chronogramme): steps in order, live totals against the declared hours,
//! and advice on good practice, each with its reason.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::{self, StepFields};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hybride_domain::scenario::{planned_hours, BUDGETS};
use hybride_domain::{FieldErrors, LearningType, Minutes, Modality};
use hybride_training::before;
use hybride_training::trainings::{self, Step, Training};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct StepForm {
    #[serde(default)]
    modality: String,
    #[serde(default)]
    learning_type: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    collective: Option<String>,
    #[serde(default)]
    social: Option<String>,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    instructions: String,
    #[serde(default)]
    resources: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    evaluation: String,
    #[serde(default)]
    trainer_role: String,
    #[serde(default)]
    mandatory: Option<String>,
    #[serde(default)]
    credit_rule: String,
}

impl StepForm {
    fn parse(&self) -> Result<hybride_training::trainings::NewStep, FieldErrors> {
        forms::step(StepFields {
            modality: &self.modality,
            learning_type: &self.learning_type,
            title: &self.title,
            collective: self.collective.is_some(),
            social: self.social.is_some(),
            minutes: Minutes::parse_hours(&self.minutes),
            instructions: &self.instructions,
            resources: &self.resources,
            evidence: &self.evidence,
            evaluation: &self.evaluation,
            trainer_role: &self.trainer_role,
            mandatory: self.mandatory.is_some(),
            credit_rule: &self.credit_rule,
        })
    }

    fn of(s: &Step) -> StepForm {
        StepForm {
            modality: s.modality.as_str().into(),
            learning_type: s.learning_type.as_str().into(),
            title: s.title.clone(),
            collective: s.collective.0.then(|| "on".into()),
            social: s.social.0.then(|| "on".into()),
            minutes: Minutes::new(u32::try_from(s.minutes).unwrap_or(0))
                .map(|m| m.to_string())
                .unwrap_or_default(),
            instructions: s.instructions.clone(),
            resources: s.resources.clone(),
            evidence: s.evidence.clone(),
            evaluation: s.evaluation.clone(),
            trainer_role: s.trainer_role.clone(),
            mandatory: s.mandatory.0.then(|| "on".into()),
            credit_rule: s.credit_rule.as_str().into(),
        }
    }

    fn blank() -> StepForm {
        StepForm {
            modality: "async".into(),
            learning_type: "acquisition".into(),
            collective: Some("on".into()),
            mandatory: Some("on".into()),
            credit_rule: "estimate_on_validation".into(),
            ..Default::default()
        }
    }
}

fn choices() -> minijinja::Value {
    context! {
        modalities => Modality::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        learning_types => LearningType::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
    }
}

async fn editor(
    state: &AppState,
    who: &Allowed<Staff>,
    t: &Training,
    form: &StepForm,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let can_edit = access::edit_scenario(s, &who.user, t).await.is_ok();
    let steps = trainings::steps(s, t.id).await?;
    let facts = before::step_facts(&steps);
    let planned = planned_hours(&facts);
    let declared = before::declared(t);
    let totals: Vec<minijinja::Value> = BUDGETS
        .iter()
        .map(|b| {
            context! {
                label => before::budget_key(*b),
                planned => planned.get(*b).get(),
                declared => declared.get(*b).get(),
                matches => planned.get(*b) == declared.get(*b),
            }
        })
        .collect();
    let advice: Vec<String> = before::scenario_advice(t, &steps)
        .iter()
        .map(|a| before::advice_text(who.ctx.lang, a))
        .collect();
    // Scenarios one may start from: the trainings the user can see, with steps, but this one.
    let filter = access::trainings_listed(&who.user, false);
    let sources: Vec<Training> = trainings::list(s, filter)
        .await?
        .into_iter()
        .filter(|o| o.id != t.id)
        .collect();
    page(
        state,
        &who.ctx,
        "scenario.html",
        context! {
            training => t,
            steps => steps,
            totals => totals,
            advice => advice,
            can_edit => can_edit,
            form => form,
            errors => field_errors(&who.ctx, errors),
            sources => sources,
            flash => flash,
            ..choices()
        },
        !errors.is_empty(),
    )
}

pub async fn show(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let t = access::visible_training(&state.store, &who.user, id).await?;
    editor(
        &state,
        &who,
        &t,
        &StepForm::blank(),
        &FieldErrors::new(),
        flash(&q),
    )
    .await
}

pub async fn add(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<StepForm>,
) -> Result<Response, AppError> {
    let t = access::scenario_editable(&state.store, &who.user, id).await?;
    match f.parse() {
        Ok(step) => {
            trainings::add_step(&state.store, id, &step).await?;
            Ok(done(&format!("/trainings/{id}/scenario"), "step-added"))
        }
        Err(e) => editor(&state, &who, &t, &f, &e, None).await,
    }
}

async fn step_page(
    state: &AppState,
    who: &Allowed<Staff>,
    t: &Training,
    step: &Step,
    form: &StepForm,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "step_form.html",
        context! { training => t, step => step, form => form, errors => field_errors(&who.ctx, errors), ..choices() },
        !errors.is_empty(),
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, step_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let t = access::scenario_editable(&state.store, &who.user, id).await?;
    let step = trainings::step(&state.store, id, step_id).await?;
    step_page(
        &state,
        &who,
        &t,
        &step,
        &StepForm::of(&step),
        &FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, step_id)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<StepForm>,
) -> Result<Response, AppError> {
    let t = access::scenario_editable(&state.store, &who.user, id).await?;
    let step = trainings::step(&state.store, id, step_id).await?;
    match f.parse() {
        Ok(new) => {
            trainings::update_step(&state.store, id, step_id, &new).await?;
            Ok(done(&format!("/trainings/{id}/scenario"), "step-updated"))
        }
        Err(e) => step_page(&state, &who, &t, &step, &f, &e).await,
    }
}

#[derive(Deserialize)]
pub struct StepAction {
    #[serde(default)]
    action: String,
}

/// Move up or down, duplicate or delete a step.
pub async fn act(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, step_id)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<StepAction>,
) -> Result<Response, AppError> {
    access::scenario_editable(&state.store, &who.user, id).await?;
    let s = &state.store;
    let ok = match f.action.as_str() {
        "up" => {
            trainings::move_step(s, id, step_id, -1).await?;
            "step-moved"
        }
        "down" => {
            trainings::move_step(s, id, step_id, 1).await?;
            "step-moved"
        }
        "duplicate" => {
            trainings::duplicate_step(s, id, step_id).await?;
            "step-duplicated"
        }
        "delete" => {
            trainings::delete_step(s, id, step_id).await?;
            "step-deleted"
        }
        _ => {
            return Err(AppError::BadRequest(
                "action must be up, down, duplicate or delete".into(),
            ))
        }
    };
    Ok(done(&format!("/trainings/{id}/scenario"), ok))
}

#[derive(Deserialize)]
pub struct CopyForm {
    #[serde(default)]
    from: String,
}

/// Starts from another training's scenario: its steps are appended.
pub async fn copy(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<CopyForm>,
) -> Result<Response, AppError> {
    access::scenario_editable(&state.store, &who.user, id).await?;
    let from: i64 = f
        .from
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("from must be a training id".into()))?;
    access::visible_training(&state.store, &who.user, from).await?;
    trainings::copy_scenario(&state.store, from, id).await?;
    Ok(done(
        &format!("/trainings/{id}/scenario"),
        "scenario-copied",
    ))
}

/// The scenario as a one-page A4 chronogramme (PDF).
pub async fn chronogramme(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let tr_ = access::visible_training(&state.store, &who.user, id).await?;
    let steps = trainings::steps(&state.store, id).await?;
    let doc = hybride_training::documents::chronogramme(who.ctx.lang, &tr_, &steps);
    super::pdf_response(
        move || hybride_docs::chronogramme_pdf(&doc),
        format!("chronogramme-{}-{}.pdf", tr_.dispositif_id, tr_.module_id),
        format!("chronogramme of training {id}"),
    )
    .await
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/trainings/{id}/scenario", get(show))
        .route("/trainings/{id}/chronogramme.pdf", get(chronogramme))
        .route("/trainings/{id}/scenario/copy", post(copy))
        .route("/trainings/{id}/steps", post(add))
        .route("/trainings/{id}/steps/{step}", get(edit_form).post(update))
        .route("/trainings/{id}/steps/{step}/action", post(act))
}
