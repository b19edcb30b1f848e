//! During the training, in pages: convocations and their follow-up, the trainee's
//! acknowledgement, the opening message composer, instructions per activity, personal join
//! links and calendars.

use super::{done, field_errors, page};
use crate::access::{self, Anyone, Staff, Trainees};
use crate::auth::{Allowed, Ctx};
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::{self, OpeningFields};
use crate::limits;
use crate::limits::ClientAddr;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::FieldErrors;
use hybride_training::during::{self, OpeningText};
use hybride_training::links::{self, Purpose, Scope};
use hybride_training::{cohorts, now, people, trainings};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::login::Empty;

fn back(id: i64, error: &str) -> Response {
    Redirect::to(&format!("/cohorts/{id}?error={error}#h-during")).into_response()
}

/// Sends the convocation to every trainee who has not had one yet.
pub async fn send_convocations(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let sent = match during::convoke_now(&state, &c, None, who.user.id).await {
        Err(hybride_training::Error::Refused("cohort_not_started")) => {
            return Ok(back(id, "convocation-status"))
        }
        other => other?,
    };
    tracing::info!(cohort = id, sent, "convocations queued");
    let started = hybride_training::cohorts::activities(&state.store, id)
        .await?
        .iter()
        .map(|a| a.starts_at)
        .min()
        .is_some_and(|first| first <= now());
    Ok(done(
        &format!("/cohorts/{id}#h-during"),
        if started {
            "convocations-sent-late"
        } else {
            "convocations-sent"
        },
    ))
}

/// Sends one trainee's convocation again, with fresh links.
pub async fn resend(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, user)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    match during::convoke_now(&state, &c, Some(&[user]), who.user.id).await {
        Err(hybride_training::Error::Refused("cohort_not_started")) => {
            return Ok(back(id, "convocation-status"))
        }
        other => other?,
    };
    Ok(done(
        &format!("/cohorts/{id}#h-during"),
        "convocation-resent",
    ))
}

/// « J'ai bien reçu mes liens »: the trainee confirms.
pub async fn acknowledge(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    during::acknowledge(&state.store, id, who.user.id).await?;
    Ok(done(&format!("/cohorts/{id}"), "links-acknowledged"))
}

#[derive(Deserialize, Serialize, Default)]
pub struct OpeningForm {
    #[serde(default)]
    introduction: String,
    #[serde(default)]
    objectives: String,
    #[serde(default)]
    validation: String,
    #[serde(default)]
    accompaniment: String,
    #[serde(default)]
    availability: String,
    /// `save` or `publish`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    by_mail: Option<String>,
}

impl From<OpeningText> for OpeningForm {
    fn from(t: OpeningText) -> OpeningForm {
        OpeningForm {
            introduction: t.introduction,
            objectives: t.objectives,
            validation: t.validation,
            accompaniment: t.accompaniment,
            availability: t.availability,
            action: String::new(),
            by_mail: Some("on".into()),
        }
    }
}

async fn opening_page(
    state: &AppState,
    who: &Allowed<Staff>,
    c: &cohorts::Cohort,
    form: &OpeningForm,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let saved = during::opening(&state.store, c.id).await?;
    let published = during::published_opening(&state.store, c.id).await?;
    let activities = cohorts::activities(&state.store, c.id).await?;
    page(
        state,
        &who.ctx,
        "opening_form.html",
        context! {
            cohort => c,
            form => form,
            saved => saved,
            published => published,
            activities => activities,
            errors => field_errors(&who.ctx, errors),
            flash => flash,
        },
        !errors.is_empty(),
    )
}

/// The composer: the saved message, or one drawn from the training.
pub async fn opening_form(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<super::Flash>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let form = match during::opening(&state.store, id).await? {
        Some(m) => OpeningForm {
            introduction: m.introduction,
            objectives: m.objectives,
            validation: m.validation,
            accompaniment: m.accompaniment,
            availability: m.availability,
            action: String::new(),
            by_mail: Some("on".into()),
        },
        None => during::opening_prefill(&state.store, &c, who.ctx.lang)
            .await?
            .into(),
    };
    opening_page(
        &state,
        &who,
        &c,
        &form,
        &FieldErrors::new(),
        super::flash(&q),
    )
    .await
}

/// Saves the message, and publishes it when asked (to the space, and by e-mail if ticked).
pub async fn opening_save(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<OpeningForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let parsed = forms::opening(OpeningFields {
        introduction: &f.introduction,
        objectives: &f.objectives,
        validation: &f.validation,
        accompaniment: &f.accompaniment,
        availability: &f.availability,
    });
    let text = match parsed {
        Ok(t) => t,
        Err(e) => return opening_page(&state, &who, &c, &f, &e, None).await,
    };
    during::save_opening(&state.store, id, &text, who.user.id).await?;
    if f.action == "publish" {
        if !during::may_convoke(&c) {
            return Ok(back(id, "convocation-status"));
        }
        during::publish_opening(&state, &c, f.by_mail.is_some()).await?;
        return Ok(done(&format!("/cohorts/{id}"), "opening-published"));
    }
    Ok(done(&format!("/cohorts/{id}/opening"), "opening-saved"))
}

#[derive(Deserialize)]
pub struct InstructionsForm {
    #[serde(default)]
    instructions: String,
    #[serde(default)]
    by_mail: Option<String>,
    #[serde(default)]
    publish: Option<String>,
}

/// An activity's instructions for this cohort; published now when asked.
pub async fn save_instructions(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<InstructionsForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let text = match forms::instructions(&f.instructions) {
        Ok(t) => t,
        Err(_) => {
            return Ok(Redirect::to(&format!(
                "/cohorts/{id}/activities/{aid}?error=instructions-too-long"
            ))
            .into_response())
        }
    };
    let a = during::set_instructions(&state.store, id, aid, text.as_deref(), f.by_mail.is_some())
        .await?;
    if f.publish.is_some() {
        if !during::may_convoke(&c) {
            return Ok(back(id, "convocation-status"));
        }
        during::publish_instructions(&state, &a).await?;
        return Ok(done(
            &format!("/cohorts/{id}/activities/{aid}"),
            "instructions-published",
        ));
    }
    Ok(done(
        &format!("/cohorts/{id}/activities/{aid}"),
        "instructions-saved",
    ))
}

/// How long before its start a room may be entered through a personal link.
const JOIN_EARLY_SECONDS: i64 = 30 * 60;

/// `/j/{token}`: a trainee's personal way into one activity, without logging in.
pub async fn join(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let s = &state.store;
    limits::check(s, limits::TOKEN_ADDRESS, &ip.to_string()).await?;
    let link = links::open(s, &token, Purpose::Join).await?;
    let found = match link {
        Some(l) => match (l.cohort_id, l.activity_id) {
            (Some(c), Some(a)) => Some((l.user_id, cohorts::activity(s, c, a).await?)),
            _ => None,
        },
        None => None,
    };
    let Some((user_id, a)) = found else {
        let html = page(
            &state,
            &ctx,
            "join.html",
            context! { state => "invalid" },
            false,
        )?;
        return Ok((StatusCode::NOT_FOUND, html).into_response());
    };
    let c = cohorts::get(s, a.cohort_id).await?;
    let at = now();
    // A closed session's activities no longer take place: its links lead nowhere.
    let closed = c.status.is_closed();
    let state_key = if closed {
        "closed"
    } else if at < a.starts_at - JOIN_EARLY_SECONDS {
        "early"
    } else if at > a.ends_at {
        "ended"
    } else {
        let user = people::get(s, user_id).await?;
        hybride_training::attendance::record_join(s, &c, &a, user_id).await?;
        if let Some(url) = super::rooms::enter(&state, a.id, &user, false).await? {
            return Ok(Redirect::to(&url).into_response());
        }
        match a.room_url.as_deref() {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                if cohorts::bbb_room(s, a.id).await?.is_some() {
                    return super::rooms::unavailable(&state, &ctx);
                }
                return Ok(Redirect::to(u).into_response());
            }
            _ => "no-room",
        }
    };
    page(
        &state,
        &ctx,
        "join.html",
        context! { state => state_key, activity => a, cohort => c },
        false,
    )
}

/// `/calendar/{token}.ics`: a person's calendar feed, for their calendar application.
pub async fn calendar_feed(
    State(state): State<AppState>,
    ClientAddr(ip): ClientAddr,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    limits::check(&state.store, limits::TOKEN_ADDRESS, &ip.to_string()).await?;
    let Some(token) = file.strip_suffix(".ics") else {
        return Err(AppError::NotFound);
    };
    let Some(link) = links::open(&state.store, token, Purpose::Calendar).await? else {
        return Err(AppError::NotFound);
    };
    let ics = during::personal_calendar(&state, link.user_id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        ics,
    )
        .into_response())
}

/// The person's calendar links: how to subscribe, and a new link on demand.
pub async fn calendar_page(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Query(ok): Query<super::Flash>,
) -> Result<Response, AppError> {
    calendar_view(&state, &who, None, super::flash(&ok)).await
}

async fn calendar_view(
    state: &AppState,
    who: &Allowed<Anyone>,
    new_url: Option<String>,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let active = links::calendar_links(&state.store, who.user.id).await?;
    page(
        state,
        &who.ctx,
        "calendar.html",
        context! { links => active, new_url => new_url, flash => flash },
        false,
    )
}

/// Revokes one of the caller's calendar links (a feed shared by mistake, an old phone).
pub async fn calendar_revoke(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    links::revoke(&state.store, who.user.id, id).await?;
    Ok(done("/calendar", "calendar-link-revoked"))
}

/// A new calendar link, shown once; the previous ones stop working.
pub async fn calendar_new(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    let secret = new_calendar_link(&state, who.user.id).await?;
    let url = format!("{}/calendar/{secret}.ics", state.config.public_url);
    calendar_view(&state, &who, Some(url), None).await
}

/// Revokes a person's calendar links and issues a new one, valid a year.
pub async fn new_calendar_link(state: &AppState, user_id: i64) -> Result<String, AppError> {
    links::revoke_all(&state.store, user_id, Purpose::Calendar).await?;
    Ok(links::issue(
        &state.store,
        Scope {
            user_id,
            purpose: Purpose::Calendar,
            cohort_id: None,
            activity_id: None,
            expires_at: now() + 365 * 24 * 3600,
        },
    )
    .await?)
}

/// What the cohort page shows of the "during" phase: to staff, the checklist and each trainee's
/// links; to a trainee, the opening message, their current and next activities with
/// instructions, and the acknowledgement.
pub async fn cohort_context(
    state: &AppState,
    who: &Allowed<Anyone>,
    c: &cohorts::Cohort,
    t: &trainings::Training,
    steps: &[trainings::Step],
    activities: &[cohorts::Activity],
) -> Result<minijinja::Value, AppError> {
    let s = &state.store;
    let opening = during::opening(s, c.id).await?;
    let at = now();
    if access::attends(&who.user) {
        hybride_training::discussion::touch(s, c.id, who.user.id).await?;
        let mine = during::link_status(s, c.id)
            .await?
            .into_iter()
            .find(|l| l.user_id == who.user.id);
        // Current and next: what has started and not ended, then the two next ones.
        let mut current = Vec::new();
        let mut next = Vec::new();
        let my_marks: Vec<_> = hybride_training::attendance::of_cohort(s, c.id)
            .await?
            .into_iter()
            .filter(|e| e.subject_id == who.user.id)
            .collect();
        let closed = c.status.is_closed();
        // A closed session shows no activity to come, nor a way into one.
        for a in activities.iter().filter(|_| !closed) {
            let published = a.instructions_published_at.is_some();
            let marks: Vec<_> = my_marks
                .iter()
                .filter(|e| e.activity_id == a.id)
                .map(|e| e.mark())
                .collect();
            let slot = hybride_training::attendance::slot_at(
                &hybride_training::attendance::slots(a, steps),
                at,
            );
            let presence = slot.map(|sl| {
                let key = sl.key();
                hybride_domain::attendance::presence(
                    marks
                        .iter()
                        .filter(|m| m.slot.as_deref() == Some(key.as_str())),
                )
            });
            let completion = (a.modality == hybride_domain::Modality::Async)
                .then(|| hybride_domain::attendance::completion(&marks));
            let row = context! {
                a => a,
                instructions => published.then(|| during::instructions(a, steps)),
                room => a.room_url.as_deref().is_some_and(|u| !u.is_empty()),
                signing => slot.is_some(),
                presence => presence,
                completion => completion,
            };
            if a.starts_at <= at && a.ends_at >= at {
                current.push(row);
            } else if a.starts_at > at && next.len() < 2 {
                next.push(row);
            }
        }
        return Ok(context! {
            trainee => true,
            opening => during::published_opening(s, c.id).await?,
            current => current,
            next => next,
            acknowledged => mine.as_ref().and_then(|l| l.acknowledged_at),
            convoked => mine.as_ref().is_some_and(|l| l.sent_count > 0),
            has_async => activities.iter().any(|a| a.modality == hybride_domain::Modality::Async),
        });
    }
    let items = hybride_training::checklist::during_of(s, c, activities).await?;
    // The cohort page has checked that the cohort is seen.
    let can_act = access::rights(&who.user, t).act;
    let links = if access::see_enrollments(&who.user) {
        during::link_status(s, c.id).await?
    } else {
        Vec::new()
    };
    let pending = links.iter().filter(|l| l.sent_count == 0).count();
    Ok(context! {
        trainee => false,
        items => hybride_training::before::show(who.ctx.lang, c, &items),
        links => links,
        pending => pending,
        // The first activity has begun: convocations sent now arrive late.
        late => activities.iter().map(|a| a.starts_at).min().is_some_and(|first| first <= at),
        can_act => can_act,
        may_convoke => during::may_convoke(c),
        opening => opening,
    })
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/convocations", post(send_convocations))
        .route("/cohorts/{id}/convocations/{user}", post(resend))
        .route("/cohorts/{id}/received", post(acknowledge))
        .route(
            "/cohorts/{id}/opening",
            get(opening_form).post(opening_save),
        )
        .route(
            "/cohorts/{id}/activities/{activity}/instructions",
            post(save_instructions),
        )
        .route("/j/{token}", get(join))
        .route("/calendar", get(calendar_page).post(calendar_new))
        .route("/calendar/{file}", get(calendar_feed))
        .route("/calendar/links/{id}/revoke", post(calendar_revoke))
}
