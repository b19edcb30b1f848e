//! Cohorts: create, show (trainers, trainees, schedule), enroll, move along the lifecycle.

use super::{done, field_errors, flash, page};
use crate::access::{self, Anyone, Planners, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::{self, CohortFields};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::{CohortStatus, Email, FieldErrors, Role};
use hybride_training::before;
use hybride_training::cohorts::NewActivity;
use hybride_training::{cohorts, people, trainings, Error};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default)]
pub struct CohortForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    gaia_session_id: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    course_url: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    page(
        &state,
        &who.ctx,
        "cohort_form.html",
        context! { training => t, form => CohortForm::default(), errors => field_errors(&who.ctx, &FieldErrors::new()) },
        false,
    )
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<CohortForm>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::manage_training(&who.user, &t)?;
    let parsed = forms::cohort(CohortFields {
        training_id: id,
        label: &f.label,
        gaia_session_id: &f.gaia_session_id,
        starts_on: &f.starts_on,
        ends_on: &f.ends_on,
        course_url: &f.course_url,
    });
    let e = match parsed {
        Ok(new) => {
            let c = cohorts::create(&state.store, &new).await?;
            return Ok(done(&format!("/cohorts/{}", c.id), "cohort-created"));
        }
        Err(e) => e,
    };
    page(
        &state,
        &who.ctx,
        "cohort_form.html",
        context! { training => t, form => f, errors => field_errors(&who.ctx, &e) },
        true,
    )
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

/// Problems shown on the cohort page after a refused action.
const COHORT_ERRORS: &[&str] = &[
    "enroll-unknown",
    "enroll-role",
    "enroll-already",
    "enroll-invalid",
    "trainer-unknown",
    "trainer-role",
    "cohort-closed",
    "status-transition",
    "declarations-pending",
    "record-changed",
    "ready-blocked",
    "schedule-exists",
    "schedule-no-steps",
    "convocation-status",
    "reopen-reason",
    "reopen-too-late",
];

pub async fn show(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let manage = access::manage_training(&who.user, &t).is_ok();
    let enrollments = if access::see_enrollments(&who.user) {
        cohorts::enrollments(s, id).await?
    } else {
        Vec::new()
    };
    let next_statuses: Vec<&str> = CohortStatus::ALL
        .into_iter()
        .filter(|n| c.status.can_become(*n))
        .map(|n| n.as_str())
        .collect();
    let error = COHORT_ERRORS
        .iter()
        .find(|k| **k == q.error)
        .map(|k| format!("cohort-error-{k}"));
    let activities = cohorts::activities(s, id).await?;
    let steps = trainings::steps(s, t.id).await?;
    let staff = access::staff_side(&who.user);
    let (checklist, advice, open) = if staff {
        let items = hybride_training::checklist::before_of(s, &c, &t, &steps, &activities).await?;
        let open: Vec<String> = hybride_domain::checklist::open_items(&items)
            .iter()
            .map(|k| k.to_string())
            .collect();
        let advice: Vec<String> = before::schedule_advice(s, &c, &steps, &activities)
            .await?
            .iter()
            .map(|a| before::advice_text(who.ctx.lang, a))
            .collect();
        (before::show(who.ctx.lang, &c, &items), advice, open)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let act = access::rights(&who.user, &t).act;
    let can_schedule = act && c.status.is_editable();
    // The cohort's trainers close it themselves; the rest of its lifecycle is the pilot's.
    let can_close = !manage && c.status == CohortStatus::Running && act;
    let can_open = !manage && c.status == CohortStatus::Ready && act;
    let after = if staff
        && matches!(
            c.status,
            CohortStatus::Running | CohortStatus::Closed | CohortStatus::Archived
        ) {
        before::show(
            who.ctx.lang,
            &c,
            &hybride_training::checklist::after(s, &c, &t).await?,
        )
    } else {
        Vec::new()
    };
    // Once the session is closed, its trainees no longer see what was still to come, nor a
    // way into a room.
    let ended_for_trainee = access::attends(&who.user) && c.status.is_closed();
    let at = hybride_training::now();
    let shown: Vec<minijinja::Value> = activities
        .iter()
        .filter(|a| !ended_for_trainee || a.starts_at <= at)
        .map(|a| {
            let half_day = jiff::Timestamp::from_second(a.starts_at)
                .ok()
                .filter(|_| a.modality.is_synchronous())
                .map(|ts| {
                    hybride_domain::HalfDay::of(ts.to_zoned(hybride_domain::time::paris()).time())
                        .as_str()
                });
            context! { a => a, half_day => half_day, room_link => !ended_for_trainee }
        })
        .collect();
    page(
        &state,
        &who.ctx,
        "cohort.html",
        context! {
            cohort => c,
            training => t,
            trainers => cohorts::trainers(s, id).await?,
            enrollments => enrollments,
            show_enrollments => access::see_enrollments(&who.user),
            elsewhere => if access::see_enrollments(&who.user) {
                hybride_training::cohorts::expected_elsewhere(s, id).await?
            } else {
                Vec::new()
            },
            activities => shown,
            has_steps => !steps.is_empty(),
            manage => manage,
            can_schedule => can_schedule,
            next_statuses => next_statuses,
            can_close => can_close,
            can_open => can_open,
            after => after,
            contents_until => hybride_training::after::contents_until(s, &c).await?.to_string(),
            recommended => hybride_training::courses::recommended(s, t.id).await?,
            surveys_pending => if access::attends(&who.user) {
                hybride_training::surveys::pending(s, who.user.id, hybride_training::now())
                    .await?
                    .into_iter()
                    .filter(|p| p.cohort_id == id)
                    .collect()
            } else {
                Vec::new()
            },
            magistere_check => staff
                && c.course_url.as_deref().is_some_and(|u| !u.trim().is_empty())
                && hybride_training::magistere::site(&state).await?.is_some(),
            checklist => checklist,
            advice => advice,
            open_items => open,
            overrides => cohorts::status_overrides(s, id).await?,
            rules => hybride_training::before::validation_rules(s, t.id).await?,
            during => super::during::cohort_context(&state, &who, &c, &t, &steps, &activities).await?,
            end => super::after::cohort_end(s, &who.user, &c, &activities, can_close || manage).await?,
            closing => super::closing::cohort_context(s, &c, staff, act).await?,
            flash => flash(&super::Flash { ok: q.ok }),
            error => error,
        },
        false,
    )
}

fn back_with_error(id: i64, error: &str) -> Response {
    Redirect::to(&format!("/cohorts/{id}?error={error}")).into_response()
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    /// Why the cohort is declared ready although some "before" duties are open.
    #[serde(default)]
    reason: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    let next = CohortStatus::parse(&f.status)
        .map_err(|_| AppError::BadRequest("unknown status".into()))?;
    if next == CohortStatus::Closed {
        // Closing is the last duty of the cohort's trainers, as well as its pilot's; refused
        // while declarations of distance work await a decision (the page lists them).
        access::take_attendance(&state.store, &who.user, &c).await?;
        return match hybride_training::closing::close(&state.store, &c, Some(who.user.id)).await {
            Ok(_) => Ok(done(&format!("/cohorts/{id}"), "status-changed")),
            Err(hybride_training::Error::Refused("declarations_pending")) => {
                Ok(back_with_error(id, "declarations-pending#h-closing"))
            }
            Err(hybride_training::Error::Refused("record_changed")) => {
                Ok(back_with_error(id, "record-changed"))
            }
            Err(hybride_training::Error::Refused(_)) => {
                Ok(back_with_error(id, "status-transition"))
            }
            Err(e) => Err(e.into()),
        };
    } else if next == CohortStatus::Running && c.status == CohortStatus::Ready {
        // Opening the session is its trainers' as well as its pilot's (the scheduler opens it
        // anyway when its first activity starts).
        access::take_attendance(&state.store, &who.user, &c).await?;
    } else {
        access::manage_cohort(&state.store, &who.user, &c).await?;
    }
    if next == CohortStatus::Ready {
        // The "before" duties must be done, or the override's reason recorded.
        let t = trainings::get(&state.store, c.training_id).await?;
        let items = hybride_training::checklist::before(&state.store, &c, &t).await?;
        let open = hybride_domain::checklist::open_items(&items);
        if !open.is_empty() {
            let reason = f.reason.trim();
            if reason.is_empty() {
                return Ok(back_with_error(id, "ready-blocked"));
            }
            if reason.chars().count() > 2000 {
                return Err(AppError::BadRequest(
                    "reason: 2000 characters at most".into(),
                ));
            }
            return match cohorts::override_status(
                &state.store,
                id,
                next,
                reason,
                &open,
                who.user.id,
            )
            .await
            {
                Ok(_) => Ok(done(&format!("/cohorts/{id}"), "status-changed")),
                Err(Error::Refused(_)) => Ok(back_with_error(id, "status-transition")),
                Err(e) => Err(e.into()),
            };
        }
    }
    match cohorts::set_status(&state.store, id, next).await {
        Ok(_) => Ok(done(&format!("/cohorts/{id}"), "status-changed")),
        Err(Error::Refused(_)) => Ok(back_with_error(id, "status-transition")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

pub async fn add_trainer(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<EmailForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    let user = match Email::parse(&f.email) {
        Ok(e) => people::by_email(&state.store, &e).await?,
        Err(_) => None,
    };
    let Some(user) = user else {
        return Ok(back_with_error(id, "trainer-unknown"));
    };
    match cohorts::assign_trainer(&state.store, id, user.id).await {
        Ok(()) => Ok(done(&format!("/cohorts/{id}"), "trainer-added")),
        Err(Error::Refused("cohort_closed")) => Ok(back_with_error(id, "cohort-closed")),
        Err(Error::Refused(_)) => Ok(back_with_error(id, "trainer-role")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EnrollForm {
    #[serde(default)]
    emails: String,
}

/// Enrolls trainees given by e-mail, all or none.
pub async fn enroll(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<EnrollForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::manage_cohort(s, &who.user, &c).await?;
    let Ok(emails) = forms::email_list(&f.emails) else {
        return Ok(back_with_error(id, "enroll-invalid"));
    };
    let mut ids = Vec::new();
    for e in &emails {
        match people::by_email(s, e).await? {
            Some(u) if u.role == Role::Trainee => ids.push(u.id),
            Some(_) => return Ok(back_with_error(id, "enroll-role")),
            None => return Ok(back_with_error(id, "enroll-unknown")),
        }
    }
    match cohorts::enroll(s, id, &ids).await {
        Ok(_) => Ok(done(&format!("/cohorts/{id}"), "enrolled")),
        Err(Error::Conflict(_)) => Ok(back_with_error(id, "enroll-already")),
        Err(Error::Refused("cohort_closed")) => Ok(back_with_error(id, "cohort-closed")),
        Err(Error::Refused(_)) => Ok(back_with_error(id, "enroll-role")),
        Err(e) => Err(e.into()),
    }
}

/// What removing a trainee will do, before it is done: the « Retirer » link leads here.
pub async fn unenroll_confirm(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    let trainee = cohorts::enrollments(&state.store, id)
        .await?
        .into_iter()
        .find(|e| e.user_id == user)
        .ok_or(AppError::NotFound)?;
    page(
        &state,
        &who.ctx,
        "unenroll_confirm.html",
        context! { cohort => c, trainee => trainee },
        false,
    )
}

pub async fn unenroll(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path((id, user)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::manage_cohort(&state.store, &who.user, &c).await?;
    match cohorts::unenroll(&state.store, id, user).await {
        Ok(()) => Ok(done(&format!("/cohorts/{id}"), "unenrolled")),
        Err(Error::Refused(_)) => Ok(back_with_error(id, "cohort-closed")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct EditForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    gaia_session_id: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    course_url: String,
}

async fn edit_page(
    state: &AppState,
    who: &Allowed<Anyone>,
    c: &cohorts::Cohort,
    form: &EditForm,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, c.training_id).await?;
    let full = access::manage_training(&who.user, &t).is_ok();
    page(
        state,
        &who.ctx,
        "cohort_edit.html",
        context! { cohort => c, training => t, form => form, errors => field_errors(&who.ctx, errors), full => full },
        !errors.is_empty(),
    )
}

/// The cohort's description (pilots) and digital space (its trainers too).
pub async fn edit_form(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let form = EditForm {
        label: c.label.clone(),
        gaia_session_id: c.gaia_session_id.clone().unwrap_or_default(),
        starts_on: c.starts_on.clone(),
        ends_on: c.ends_on.clone(),
        course_url: c.course_url.clone().unwrap_or_default(),
    };
    edit_page(&state, &who, &c, &form, &FieldErrors::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    CsrfForm(mut f): CsrfForm<EditForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    let t = access::edit_schedule(&state.store, &who.user, &c).await?;
    if !c.status.is_editable() {
        return Ok(back_with_error(id, "cohort-closed"));
    }
    if access::manage_training(&who.user, &t).is_err() {
        // Trainers set the digital space only.
        f.label = c.label.clone();
        f.gaia_session_id = c.gaia_session_id.clone().unwrap_or_default();
        f.starts_on = c.starts_on.clone();
        f.ends_on = c.ends_on.clone();
    }
    match forms::cohort(CohortFields {
        training_id: c.training_id,
        label: &f.label,
        gaia_session_id: &f.gaia_session_id,
        starts_on: &f.starts_on,
        ends_on: &f.ends_on,
        course_url: &f.course_url,
    }) {
        Ok(new) => {
            cohorts::update(&state.store, id, &new).await?;
            Ok(done(&format!("/cohorts/{id}"), "cohort-updated"))
        }
        Err(e) => edit_page(&state, &who, &c, &f, &e).await,
    }
}

/// Draws a first schedule from the scenario, for an unscheduled cohort.
pub async fn generate_schedule(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    let t = access::edit_schedule(s, &who.user, &c).await?;
    if !c.status.is_editable() {
        return Ok(back_with_error(id, "cohort-closed"));
    }
    if !cohorts::activities(s, id).await?.is_empty() {
        return Ok(back_with_error(id, "schedule-exists"));
    }
    let steps = trainings::steps(s, t.id).await?;
    if steps.is_empty() {
        return Ok(back_with_error(id, "schedule-no-steps"));
    }
    let holidays = before::zone_holidays(s).await?;
    let start: jiff::civil::Date = c
        .starts_on
        .parse()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("cohort start: {e}")))?;
    let slots =
        hybride_domain::scenario::draft_schedule(&before::step_facts(&steps), start, &holidays);
    let tz = hybride_domain::time::paris();
    let at = |d: jiff::civil::DateTime| {
        d.to_zoned(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| AppError::Internal(e.into()))
    };
    let mut list = Vec::new();
    for (step, (a, b)) in steps.iter().zip(slots) {
        list.push(NewActivity {
            step_id: Some(step.id),
            title: hybride_domain::Title::parse(&step.title)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("step title: {e}")))?,
            modality: step.modality,
            starts_at: at(a)?,
            ends_at: at(b)?,
            place: None,
            room_url: None,
        });
    }
    cohorts::add_activities(s, id, &list).await?;
    Ok(done(&format!("/cohorts/{id}"), "schedule-generated"))
}

#[derive(Deserialize, Serialize, Default)]
pub struct ActivityForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    /// For asynchronous work: the last day of its window.
    #[serde(default)]
    last_day: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    room_url: String,
}

/// Problems shown on the activity page after a refused room creation.
const ROOM_ERRORS: &[&str] = &["bbb-off", "bbb-failed", "instructions-too-long"];

async fn activity_page(
    state: &AppState,
    who: &Allowed<Anyone>,
    c: &cohorts::Cohort,
    a: &cohorts::Activity,
    form: &ActivityForm,
    errors: &FieldErrors,
    query: &ShowQuery,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "activity_form.html",
        context! {
            cohort => c,
            activity => a,
            form => form,
            errors => field_errors(&who.ctx, errors),
            bbb => state.config.bbb.is_some(),
            instructions => hybride_training::during::instructions(a, &trainings::steps(&state.store, c.training_id).await?),
            flash => flash(&super::Flash { ok: query.ok.clone() }),
            error => ROOM_ERRORS.iter().find(|k| **k == query.error).map(|k| format!("room-error-{k}")),
        },
        !errors.is_empty(),
    )
}

pub async fn activity_form(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let a = cohorts::activity(&state.store, id, aid).await?;
    let tz = hybride_domain::time::paris();
    let z = |ts: i64| {
        jiff::Timestamp::from_second(ts)
            .map(|t| t.to_zoned(tz.clone()))
            .map_err(|e| AppError::Internal(e.into()))
    };
    let (s, e) = (z(a.starts_at)?, z(a.ends_at)?);
    let form = ActivityForm {
        title: a.title.clone(),
        day: s.date().to_string(),
        starts: s.strftime("%H:%M").to_string(),
        ends: e.strftime("%H:%M").to_string(),
        last_day: e.date().to_string(),
        place: a.place.clone().unwrap_or_default(),
        room_url: a.room_url.clone().unwrap_or_default(),
    };
    activity_page(&state, &who, &c, &a, &form, &FieldErrors::new(), &q).await
}

pub async fn update_activity(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<ActivityForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    if !c.status.is_editable() {
        return Ok(back_with_error(id, "cohort-closed"));
    }
    let a = cohorts::activity(&state.store, id, aid).await?;
    let mut e = FieldErrors::new();
    let title = e.check("title", hybride_domain::Title::parse(&f.title));
    let day = e.check("day", forms::day(&f.day));
    let asynchronous = a.modality == hybride_domain::Modality::Async;
    let (starts, ends, last_day) = if asynchronous {
        (
            Some(jiff::civil::Time::constant(8, 0, 0, 0)),
            Some(jiff::civil::Time::constant(23, 59, 0, 0)),
            e.check("last_day", forms::day(&f.last_day)),
        )
    } else {
        (
            e.check("starts", forms::time_of_day(&f.starts)),
            e.check("ends", forms::time_of_day(&f.ends)),
            day,
        )
    };
    let place = e.check("place", forms::optional_line(&f.place));
    let room_url = e.check("room_url", forms::url(&f.room_url));
    let tz = hybride_domain::time::paris();
    let instant = |d: jiff::civil::Date, t: jiff::civil::Time| {
        d.to_datetime(t)
            .to_zoned(tz.clone())
            .map(|z| z.timestamp())
            .ok()
    };
    if let (
        Some(title),
        Some(day),
        Some(starts),
        Some(ends),
        Some(last_day),
        Some(place),
        Some(room_url),
    ) = (title, day, starts, ends, last_day, place, room_url)
    {
        match (instant(day, starts), instant(last_day, ends)) {
            (Some(s), Some(en)) if en > s => {
                let new = NewActivity {
                    step_id: a.step_id,
                    title,
                    modality: a.modality,
                    starts_at: s,
                    ends_at: en,
                    place,
                    room_url,
                };
                cohorts::update_activity(&state.store, id, aid, &new).await?;
                return Ok(done(&format!("/cohorts/{id}"), "activity-updated"));
            }
            _ => e.add(
                if asynchronous { "last_day" } else { "ends" },
                hybride_domain::Invalid::new("error-times-order"),
            ),
        }
    }
    activity_page(&state, &who, &c, &a, &f, &e, &ShowQuery::default()).await
}

pub async fn delete_activity(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    match cohorts::delete_activity(&state.store, id, aid).await {
        Ok(()) => Ok(done(&format!("/cohorts/{id}"), "activity-deleted")),
        Err(Error::Refused(_)) => Ok(back_with_error(id, "cohort-closed")),
        Err(e) => Err(e.into()),
    }
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/trainings/{id}/cohorts/new", get(new_form))
        .route("/trainings/{id}/cohorts", post(create))
        .route("/cohorts/{id}", get(show))
        .route("/cohorts/{id}/status", post(set_status))
        .route("/cohorts/{id}/edit", get(edit_form).post(update))
        .route("/cohorts/{id}/schedule", post(generate_schedule))
        .route(
            "/cohorts/{id}/activities/{activity}",
            get(activity_form).post(update_activity),
        )
        .route(
            "/cohorts/{id}/activities/{activity}/remove",
            post(delete_activity),
        )
        .route("/cohorts/{id}/trainers", post(add_trainer))
        .route("/cohorts/{id}/enrollments", post(enroll))
        .route(
            "/cohorts/{id}/enrollments/{user}/remove",
            get(unenroll_confirm).post(unenroll),
        )
}
