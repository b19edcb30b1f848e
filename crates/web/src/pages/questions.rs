//! Questions to the pilot: a trainer asks the pilot of a training she delivers and follows her
//! questions; the pilot answers from one inbox of all their trainings, the longest waiting first,
//! and publishes answered ones as the training's FAQ; either marks a question resolved.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{Admins, Staff, Trainers};
use crate::auth::{Allowed, Ctx};
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hybride_domain::FieldErrors;
use hybride_training::people::User;
use hybride_training::questions;
use hybride_training::Error;
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default)]
pub struct AskForm {
    #[serde(default)]
    training_id: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    ok: String,
    /// The training to ask about, preselected (from a training's page).
    #[serde(default)]
    training: Option<i64>,
}

async fn list_page(
    state: &AppState,
    (user, ctx): (&User, &Ctx),
    form: &AskForm,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let inbox = questions::inbox(&state.store, user).await?;
    let trainings = questions::askable(&state.store, user).await?;
    let waits = if questions::may_see_waits(user) {
        questions::pilot_waits(&state.store, user).await?
    } else {
        Vec::new()
    };
    let overdue = questions::overdue(&state.store, user).await?;
    let delay = questions::delay_hours(&state.store).await?;
    page(
        state,
        ctx,
        "questions.html",
        context! {
            questions => inbox, trainings => trainings, waits => waits, now => hybride_training::now(),
            overdue => overdue, delay => delay, admin => user.role == hybride_domain::Role::Admin,
            form => form, errors => field_errors(ctx, errors), flash => flash,
        },
        !errors.is_empty(),
    )
}

pub async fn list(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let form = AskForm {
        training_id: q.training.map(|t| t.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let shown = flash(&Flash { ok: q.ok });
    list_page(
        &state,
        (&who.user, &who.ctx),
        &form,
        &FieldErrors::new(),
        shown,
    )
    .await
}

pub async fn ask(
    State(state): State<AppState>,
    who: Allowed<Trainers>,
    CsrfForm(f): CsrfForm<AskForm>,
) -> Result<Response, AppError> {
    let training = f.training_id.trim().parse::<i64>().unwrap_or(0);
    match questions::ask(&state, &who.user, training, &f.subject, &f.body).await {
        Ok(q) => Ok(done(&format!("/questions/{}", q.id), "question-asked")),
        Err(Error::Invalid(e)) => list_page(&state, (&who.user, &who.ctx), &f, &e, None).await,
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct ReplyForm {
    #[serde(default)]
    body: String,
}

async fn thread_page(
    state: &AppState,
    (user, ctx): (&User, &Ctx),
    id: i64,
    form: &ReplyForm,
    errors: &FieldErrors,
    flash: Option<String>,
    refusal: Option<&str>,
) -> Result<Response, AppError> {
    let c = questions::conversation(&state.store, user, id).await?;
    let answers = questions::answers(user, &c.question);
    page(
        state,
        ctx,
        "question.html",
        context! {
            question => c.question, messages => c.messages, answers => answers,
            form => form, errors => field_errors(ctx, errors), flash => flash,
            refusal => refusal.map(crate::error::refusal_key),
        },
        !errors.is_empty() || refusal.is_some(),
    )
}

pub async fn thread(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let form = ReplyForm::default();
    let who = (&who.user, &who.ctx);
    thread_page(&state, who, id, &form, &FieldErrors::new(), flash(&q), None).await
}

pub async fn reply(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ReplyForm>,
) -> Result<Response, AppError> {
    let shown = (&who.user, &who.ctx);
    match questions::reply(&state, &who.user, id, &f.body).await {
        Ok(_) => Ok(done(&format!("/questions/{id}"), "question-replied")),
        Err(Error::Invalid(e)) => thread_page(&state, shown, id, &f, &e, None, None).await,
        Err(Error::Refused(k)) => {
            thread_page(&state, shown, id, &f, &FieldErrors::new(), None, Some(k)).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn resolve(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let shown = (&who.user, &who.ctx);
    match questions::resolve(&state.store, &who.user, id).await {
        Ok(_) => Ok(done(&format!("/questions/{id}"), "question-resolved")),
        Err(Error::Refused(k)) => {
            let form = ReplyForm::default();
            thread_page(&state, shown, id, &form, &FieldErrors::new(), None, Some(k)).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct PublishForm {
    #[serde(default)]
    published: Option<String>,
}

pub async fn publish(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PublishForm>,
) -> Result<Response, AppError> {
    let shown = (&who.user, &who.ctx);
    let on = f.published.is_some();
    match questions::publish(&state.store, &who.user, id, on).await {
        Ok(_) => Ok(done(
            &format!("/questions/{id}"),
            if on {
                "question-published"
            } else {
                "question-withdrawn"
            },
        )),
        Err(Error::Refused(k)) => {
            let form = ReplyForm::default();
            thread_page(&state, shown, id, &form, &FieldErrors::new(), None, Some(k)).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct PassForm {
    #[serde(default)]
    pilot_email: String,
}

/// An admin passes a question waiting too long to another pilot.
pub async fn pass(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PassForm>,
) -> Result<Response, AppError> {
    let shown = (&who.user, &who.ctx);
    match questions::pass(&state, &who.user, id, &f.pilot_email).await {
        Ok(_) => Ok(done("/questions", "question-passed")),
        Err(Error::Invalid(e)) => list_page(&state, shown, &AskForm::default(), &e, None).await,
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct DelayForm {
    #[serde(default)]
    delay_hours: String,
}

/// An admin states within how many hours pilots answer.
pub async fn set_delay(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<DelayForm>,
) -> Result<Response, AppError> {
    let hours = f.delay_hours.trim().parse::<u32>().unwrap_or(0);
    match questions::set_delay_hours(&state.store, &who.user, hours).await {
        Ok(()) => Ok(done("/questions", "question-delay-saved")),
        Err(Error::Invalid(e)) => {
            let shown = (&who.user, &who.ctx);
            list_page(&state, shown, &AskForm::default(), &e, None).await
        }
        Err(other) => Err(other.into()),
    }
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/questions", get(list).post(ask))
        .route("/questions/{id}", get(thread).post(reply))
        .route("/questions/{id}/resolve", post(resolve))
        .route("/questions/{id}/publish", post(publish))
        .route("/questions/{id}/pilot", post(pass))
        .route("/questions/delay", post(set_delay))
}
