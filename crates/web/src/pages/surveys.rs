//! The satisfaction surveys in pages: a trainee answers her cohort's survey; the cohort's staff
//! read its results and may send it by hand; a training's results summed over its cohorts; the
//! académie's questions (admins).

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Admins, Anyone, Staff, Trainees};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hybride_domain::survey::{
    self as domain, QuestionKind, SurveyKind, SurveySettings, ANSWER, MAX_QUESTIONS,
};
use hybride_domain::FieldErrors;
use hybride_training::cohorts::{self, Cohort};
use hybride_training::surveys;
use hybride_training::{now, people, trainings};
use minijinja::context;
use std::collections::BTreeMap;

/// The cohort's surveys and their results, for its staff: who sent them, how many answered,
/// the mean and spread of each scale question and the comments.
pub async fn cohort_page(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let results = surveys::of_cohort(s, id).await?;
    let sent: Vec<_> = results.iter().map(|r| r.survey.clone()).collect();
    let may_act = access::edit_schedule(s, &who.user, &c).await.is_ok();
    let settings = surveys::settings(s).await?;
    let last_end = surveys::last_end(s, id).await?;
    let mut pending = Vec::new();
    for kind in SurveyKind::ALL {
        if sent.iter().any(|x| x.kind == kind) {
            continue;
        }
        let due = last_end.map(|end| match kind {
            SurveyKind::Hot => end,
            SurveyKind::Cold => end + settings.cold_after_days * 86_400,
        });
        pending.push(context! {
            kind => kind.as_str(),
            due => due,
            may_send => may_act && surveys::may_send(s, &c, kind, &sent).await?,
            questions => settings.questions(kind).len(),
        });
    }
    let mut senders = BTreeMap::new();
    for r in &results {
        if let Some(by) = r.survey.sent_by {
            senders.insert(by.to_string(), people::get(s, by).await?.display_name());
        }
    }
    page(
        &state,
        &who.ctx,
        "surveys.html",
        context! {
            cohort => c,
            training => t,
            results => results,
            pending => pending,
            senders => senders,
            now => now(),
            flash => flash(&q),
        },
        false,
    )
}

/// Sends the cohort's survey now, when the jobs loop did not (or before it does).
pub async fn send(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, kind)): Path<(i64, String)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let kind = surveys::kind_in_path(&kind)?;
    let c = access::schedulable(s, &who.user, id).await?;
    surveys::send_by_hand(&state, &c, who.user.id, kind).await?;
    Ok(done(&format!("/cohorts/{id}/surveys"), "survey-sent"))
}

/// What a trainee sees of a survey: the form, or that she answered, or that it closed. The
/// cohort's staff see the same questions, as a preview.
#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    user: &hybride_training::people::User,
    ctx: &crate::auth::Ctx,
    c: &Cohort,
    kind: SurveyKind,
    values: &[String],
    errors: Option<&FieldErrors>,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let t = trainings::get(s, c.training_id).await?;
    let survey = surveys::of_kind(s, c.id, kind).await?;
    let staff = access::staff_side(user);
    let (questions, answered, open, closes_at) = match &survey {
        Some(x) => {
            let answered = if staff {
                None
            } else {
                match surveys::invitation(s, x.id, user.id).await? {
                    Some(inv) => inv.answered_at,
                    // Enrolled after it was sent: not invited.
                    None => return Err(AppError::NotFound),
                }
            };
            (x.questions(), answered, x.is_open(now()), Some(x.closes_at))
        }
        // Not sent yet: staff preview the académie's current questions.
        None if staff => (
            surveys::settings(s).await?.questions(kind).to_vec(),
            None,
            false,
            None,
        ),
        None => return Err(AppError::NotFound),
    };
    let rows: Vec<minijinja::Value> = questions
        .iter()
        .enumerate()
        .take(MAX_QUESTIONS)
        .map(|(i, q)| {
            context! {
                name => ANSWER[i],
                text => q.text,
                kind => q.kind.as_str(),
                value => values.get(i).cloned().unwrap_or_default(),
            }
        })
        .collect();
    page(
        state,
        ctx,
        "survey_form.html",
        context! {
            cohort => c,
            training => t,
            kind => kind.as_str(),
            questions => rows,
            scale => [1, 2, 3, 4, 5],
            preview => staff,
            sent => survey.is_some(),
            answered => answered,
            open => open,
            closes_at => closes_at,
            errors => errors.map(|e| field_errors(ctx, e)).unwrap_or_default(),
            flash => ok,
        },
        errors.is_some(),
    )
}

async fn visible_cohort(
    state: &AppState,
    who: &Allowed<Anyone>,
    id: i64,
) -> Result<Cohort, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    // A trainer sees only the cohorts they deliver (answered « not found » otherwise).
    access::see_cohort(&state.store, &who.user, &c).await?;
    Ok(c)
}

pub async fn form(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, kind)): Path<(i64, String)>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let kind = surveys::kind_in_path(&kind)?;
    let c = visible_cohort(&state, &who, id).await?;
    form_page(&state, &who.user, &who.ctx, &c, kind, &[], None, flash(&q)).await
}

/// A trainee's answers: every scale question answered, comments optional; kept without her
/// name, once.
pub async fn answer(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((id, kind)): Path<(i64, String)>,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let kind = surveys::kind_in_path(&kind)?;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let survey = surveys::sent(s, id, kind).await?;
    let raw: Vec<String> = ANSWER
        .iter()
        .map(|n| f.get(*n).cloned().unwrap_or_default())
        .collect();
    match surveys::answer(s, &survey, who.user.id, &raw)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(done(&surveys::answer_path(id, kind), "survey-answered")),
        Err(AppError::Invalid(e)) => {
            form_page(&state, &who.user, &who.ctx, &c, kind, &raw, Some(&e), None).await
        }
        // Answered already, or closed meanwhile: the page says which.
        Err(AppError::Conflict(_)) | Err(AppError::Refused("survey_closed")) => {
            form_page(&state, &who.user, &who.ctx, &c, kind, &[], None, None).await
        }
        Err(e) => Err(e),
    }
}

/// A training's surveys summed over its cohorts, with each cohort's line.
pub async fn training_page(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let t = trainings::get(s, id).await?;
    access::see_training(s, &who.user, &t).await?;
    let mut lines = Vec::new();
    let mut all = Vec::new();
    // A trainer reads the cohorts they deliver.
    for c in cohorts::list(s, access::cohorts_listed(&who.user, Some(id))).await? {
        let results = surveys::of_cohort(s, c.id).await?;
        if results.is_empty() {
            continue;
        }
        all.extend(results.iter().map(|r| r.survey.clone()));
        let of = |kind: SurveyKind| results.iter().find(|r| r.survey.kind == kind).cloned();
        lines.push(
            context! { cohort => c, hot => of(SurveyKind::Hot), cold => of(SurveyKind::Cold) },
        );
    }
    let summed: Vec<minijinja::Value> = surveys::summed(s, all)
        .await?
        .into_iter()
        .map(|(f, questions)| context! { figure => f, questions => questions })
        .collect();
    page(
        &state,
        &who.ctx,
        "training_surveys.html",
        context! { training => t, summed => summed, lines => lines },
        false,
    )
}

/// The settings form's values: the current settings as rows, with a few empty rows to add
/// questions.
fn settings_values(s: &SurveySettings) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    v.insert("remind_days".to_owned(), s.remind_days.to_string());
    v.insert("cold_after_days".to_owned(), s.cold_after_days.to_string());
    v.insert("open_days".to_owned(), s.open_days.to_string());
    for kind in SurveyKind::ALL {
        let (texts, kinds) = domain::row_fields(kind);
        for (i, q) in s.questions(kind).iter().enumerate().take(MAX_QUESTIONS) {
            v.insert(texts[i].to_owned(), q.text.clone());
            v.insert(kinds[i].to_owned(), q.kind.as_str().to_owned());
        }
    }
    v
}

fn settings_page(
    state: &AppState,
    who: &Allowed<Admins>,
    values: &BTreeMap<String, String>,
    errors: Option<&FieldErrors>,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let get = |k: &str| values.get(k).cloned().unwrap_or_default();
    let mut sections = Vec::new();
    for kind in SurveyKind::ALL {
        let (texts, kinds) = domain::row_fields(kind);
        let rows: Vec<minijinja::Value> = texts
            .iter()
            .zip(kinds.iter())
            .enumerate()
            .map(|(i, (text, k))| {
                let kind_value = get(k);
                context! {
                    n => i + 1,
                    text_name => text,
                    kind_name => k,
                    text => get(text),
                    kind => if kind_value.is_empty() { "scale".to_owned() } else { kind_value },
                }
            })
            .collect();
        sections.push(context! { kind => kind.as_str(), rows => rows });
    }
    page(
        state,
        &who.ctx,
        "survey_settings.html",
        context! {
            sections => sections,
            cold_after_days => get("cold_after_days"),
            remind_days => get("remind_days"),
            open_days => get("open_days"),
            kinds => QuestionKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            flash => ok,
        },
        errors.is_some(),
    )
}

/// The académie's surveys: the questions of each, the delay of « à froid », how long they stay
/// open.
pub async fn settings_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let current = surveys::settings(&state.store).await?;
    settings_page(&state, &who, &settings_values(&current), None, flash(&q))
}

pub async fn save_settings(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    match domain::parse_settings(|k| f.get(k).cloned().unwrap_or_default()) {
        Ok(settings) => {
            surveys::set_settings(&state.store, &who.user, &settings).await?;
            Ok(done("/settings/surveys", "survey-settings-saved"))
        }
        Err(e) => settings_page(&state, &who, &f, Some(&e), None),
    }
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/surveys", get(cohort_page))
        .route("/cohorts/{id}/surveys/{kind}", get(form).post(answer))
        .route("/cohorts/{id}/surveys/{kind}/send", post(send))
        .route("/trainings/{id}/surveys", get(training_page))
        .route("/settings/surveys", get(settings_form).post(save_settings))
}
