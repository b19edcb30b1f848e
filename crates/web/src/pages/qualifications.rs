//! Trainers trained in hybrid delivery: the register (planners), how long a qualification lasts
//! (admins), the trainers' requests to be trained (a trainer asks; her pilots answer, by
//! enrolling her in a session of a trainers' training or with a word), and marking a training
//! as the one that trains them.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Admins, Planners, Staff, Trainers};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hybride_domain::{FieldErrors, Invalid};
use hybride_training::qualifications::{self, ByHand};
use hybride_training::{people, trainings, Error};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default)]
pub struct QualificationForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    qualified_on: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    reason: String,
}

async fn register_page(
    state: &AppState,
    (user, ctx): (&hybride_training::people::User, &crate::auth::Ctx),
    form: &QualificationForm,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let register = qualifications::register(&state.store, None).await?;
    // Trainers assigned to a cohort still to come or under way, without a valid qualification.
    let trainers = people::list(
        &state.store,
        &people::UserFilter {
            role: Some(hybride_domain::Role::Trainer),
            limit: 1000,
            ..Default::default()
        },
    )
    .await?;
    let ids: Vec<i64> = trainers.iter().map(|t| t.id).collect();
    let standings = qualifications::standings(&state.store, &ids).await?;
    let mut unqualified = Vec::new();
    for tr in trainers {
        let standing = standings
            .get(&tr.id)
            .copied()
            .unwrap_or(hybride_domain::qualification::Standing::Missing);
        if standing.is_valid() {
            continue;
        }
        let cohorts = hybride_training::cohorts::list(
            &state.store,
            hybride_training::cohorts::CohortFilter {
                trainer_id: Some(tr.id),
                // A pilot is shown the trainers of their own trainings.
                pilot_id: trainings::pilot_scope(user),
                ..Default::default()
            },
        )
        .await?;
        let active: Vec<_> = cohorts
            .into_iter()
            .filter(|c| c.status.is_editable())
            .collect();
        if !active.is_empty() {
            unqualified.push(context! { trainer => tr, cohorts => active, standing => standing });
        }
    }
    let waiting = qualifications::requests_for(&state.store, user, true)
        .await?
        .len();
    let validity = qualifications::validity(&state.store).await?;
    page(
        state,
        ctx,
        "qualifications.html",
        context! {
            register => register, unqualified => unqualified, waiting => waiting,
            validity => validity, validity_max => hybride_domain::qualification::MAX_VALIDITY_YEARS,
            form => form, errors => field_errors(ctx, errors), flash => flash,
        },
        !errors.is_empty(),
    )
}

pub async fn register(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let form = QualificationForm {
        qualified_on: jiff::Zoned::now().date().to_string(),
        ..Default::default()
    };
    register_page(
        &state,
        (&who.user, &who.ctx),
        &form,
        &FieldErrors::new(),
        flash(&q),
    )
    .await
}

pub async fn add_qualification(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    CsrfForm(f): CsrfForm<QualificationForm>,
) -> Result<Response, AppError> {
    let by_hand = ByHand {
        email: &f.email,
        qualified_on: &f.qualified_on,
        content: &f.content,
        reason: &f.reason,
    };
    match qualifications::record_by_hand(&state.store, &who.user, by_hand).await {
        Ok(_) => Ok(done("/qualifications", "qualification-added")),
        Err(Error::Invalid(e)) => register_page(&state, (&who.user, &who.ctx), &f, &e, None).await,
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_qualification(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    qualifications::remove(&state.store, &who.user, id).await?;
    Ok(done("/qualifications", "qualification-removed"))
}

#[derive(Deserialize, Serialize, Default)]
pub struct ValidityForm {
    #[serde(default)]
    validity_years: String,
}

/// Sets how long a qualification lasts; empty: for good.
pub async fn set_validity(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<ValidityForm>,
) -> Result<Response, AppError> {
    let raw = f.validity_years.trim();
    let years = if raw.is_empty() {
        Ok(None)
    } else {
        raw.parse::<u8>().map(Some)
    };
    let result = match years {
        Ok(years) => qualifications::set_validity(&state.store, &who.user, years).await,
        Err(_) => Err(Error::Invalid(out_of_range())),
    };
    match result {
        Ok(()) => Ok(done("/qualifications", "qualification-validity-saved")),
        Err(Error::Invalid(e)) => {
            let form = QualificationForm {
                qualified_on: jiff::Zoned::now().date().to_string(),
                ..Default::default()
            };
            register_page(&state, (&who.user, &who.ctx), &form, &e, None).await
        }
        Err(other) => Err(other.into()),
    }
}

fn out_of_range() -> FieldErrors {
    let mut e = FieldErrors::new();
    e.add(
        "validity_years",
        Invalid::with(
            "error-range",
            format!("1–{}", hybride_domain::qualification::MAX_VALIDITY_YEARS),
        ),
    );
    e
}

#[derive(Deserialize, Serialize, Default)]
pub struct AskForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    availability: String,
}

#[derive(Deserialize, Serialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    cohort_id: String,
    #[serde(default)]
    answer: String,
}

/// What the requests page shows besides the requests: the forms as sent, what was wrong with
/// them, and a refusal of the record (a request already open, one already answered).
#[derive(Default)]
struct Shown<'a> {
    ask: Option<&'a AskForm>,
    errors: FieldErrors,
    answering: Option<(i64, &'a AnswerForm)>,
    flash: Option<String>,
    refusal: Option<String>,
}

impl Shown<'_> {
    fn refused(&self) -> bool {
        !self.errors.is_empty() || self.refusal.is_some()
    }
}

async fn requests_page(
    state: &AppState,
    (user, ctx): (&hybride_training::people::User, &crate::auth::Ctx),
    shown: Shown<'_>,
) -> Result<Response, AppError> {
    let requests = qualifications::requests_for(&state.store, user, false).await?;
    let asks = qualifications::may_ask(user);
    let standing = if asks {
        Some(qualifications::standing(&state.store, user.id).await?)
    } else {
        None
    };
    let mine = if asks {
        qualifications::register(&state.store, Some(user.id)).await?
    } else {
        Vec::new()
    };
    let open = requests
        .iter()
        .any(|r| r.status == "waiting" || r.status == "enrolled");
    let sessions = qualifications::sessions_for(&state.store, user).await?;
    // The cohorts to come of each trainer who asks, for the pilot to weigh the request.
    let mut upcoming = std::collections::BTreeMap::new();
    if !asks {
        for r in requests.iter().filter(|r| r.status == "waiting") {
            let cohorts = hybride_training::cohorts::list(
                &state.store,
                hybride_training::cohorts::CohortFilter {
                    trainer_id: Some(r.trainer_id),
                    ..Default::default()
                },
            )
            .await?;
            let to_come: Vec<_> = cohorts
                .into_iter()
                .filter(|c| c.status.is_editable())
                .collect();
            upcoming.insert(r.trainer_id.to_string(), to_come);
        }
    }
    let (answering, answer) = match shown.answering {
        Some((id, f)) => (Some(id), Some(f)),
        None => (None, None),
    };
    let empty = AskForm::default();
    page(
        state,
        ctx,
        "qualification_requests.html",
        context! {
            requests => requests, asks => asks, standing => standing, mine => mine, open => open,
            sessions => sessions, upcoming => upcoming, answers => qualifications::may_answer(user),
            ask => shown.ask.unwrap_or(&empty), answering => answering, answer => answer,
            errors => field_errors(ctx, &shown.errors), flash => shown.flash,
            refusal => shown.refusal,
        },
        shown.refused(),
    )
}

/// A refusal of the record, said on the page (`refused-…`).
fn refusal(key: &str) -> Option<String> {
    Some(crate::error::refusal_key(key))
}

pub async fn requests(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let shown = Shown {
        flash: flash(&q),
        ..Default::default()
    };
    requests_page(&state, (&who.user, &who.ctx), shown).await
}

pub async fn ask(
    State(state): State<AppState>,
    who: Allowed<Trainers>,
    CsrfForm(f): CsrfForm<AskForm>,
) -> Result<Response, AppError> {
    let shown = match qualifications::ask(&state, &who.user, &f.reason, &f.availability).await {
        Ok(_) => return Ok(done("/qualifications/requests", "qualification-asked")),
        Err(Error::Invalid(errors)) => Shown {
            ask: Some(&f),
            errors,
            ..Default::default()
        },
        Err(Error::Refused(key)) => Shown {
            ask: Some(&f),
            refusal: refusal(key),
            ..Default::default()
        },
        Err(other) => return Err(other.into()),
    };
    requests_page(&state, (&who.user, &who.ctx), shown).await
}

/// The page again after an answer that was not taken: its fields' errors, or the record's refusal.
async fn answer_refused(
    state: &AppState,
    who: &Allowed<Planners>,
    id: i64,
    f: &AnswerForm,
    error: Error,
) -> Result<Response, AppError> {
    let shown = match error {
        Error::Invalid(errors) => Shown {
            errors,
            answering: Some((id, f)),
            ..Default::default()
        },
        Error::Refused(key) => Shown {
            refusal: refusal(key),
            ..Default::default()
        },
        other => return Err(other.into()),
    };
    requests_page(state, (&who.user, &who.ctx), shown).await
}

pub async fn enrol(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AnswerForm>,
) -> Result<Response, AppError> {
    let cohort_id = f.cohort_id.trim().parse::<i64>().unwrap_or(0);
    match qualifications::enrol(&state, &who.user, id, cohort_id, &f.answer).await {
        Ok(_) => Ok(done("/qualifications/requests", "qualification-enrolled")),
        Err(e) => answer_refused(&state, &who, id, &f, e).await,
    }
}

pub async fn decline(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AnswerForm>,
) -> Result<Response, AppError> {
    match qualifications::decline(&state, &who.user, id, &f.answer).await {
        Ok(_) => Ok(done("/qualifications/requests", "qualification-answered")),
        Err(e) => answer_refused(&state, &who, id, &f, e).await,
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct TrainsTrainersForm {
    #[serde(default)]
    trains_trainers: Option<String>,
}

/// Marks a training as the one that trains trainers in hybrid delivery, or no longer.
pub async fn set_trains_trainers(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TrainsTrainersForm>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    qualifications::set_trains_trainers(&state.store, id, f.trains_trainers.is_some()).await?;
    Ok(done(&format!("/trainings/{id}"), "trains-trainers-saved"))
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/qualifications", get(register).post(add_qualification))
        .route("/qualifications/{id}/remove", post(remove_qualification))
        .route("/qualifications/validity", post(set_validity))
        .route("/qualifications/requests", get(requests).post(ask))
        .route("/qualifications/requests/{id}/enrol", post(enrol))
        .route("/qualifications/requests/{id}/decline", post(decline))
        .route("/trainings/{id}/trains-trainers", post(set_trains_trainers))
}
