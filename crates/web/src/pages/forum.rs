//! The discussion space in pages: the threads of a cohort, a thread with its topics and
//! replies, notification preferences, and the trainer's follow-up of quiet trainees.

use super::{done, page};
use crate::access::{self, Anyone, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::Role;
use hybride_training::cohorts::{self, Cohort};
use hybride_training::discussion::{self, Notify};
use hybride_training::i18n;
use hybride_training::outbox::Mail;
use hybride_training::people;
use minijinja::context;
use serde::Deserialize;

async fn visible(state: &AppState, who: &Allowed<Anyone>, id: i64) -> Result<Cohort, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    Ok(c)
}

/// `general` or an activity's id.
fn thread_of(raw: &str) -> Result<Option<i64>, AppError> {
    if raw == "general" {
        Ok(None)
    } else {
        raw.parse().map(Some).map_err(|_| AppError::NotFound)
    }
}

pub async fn threads(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<super::Flash>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = visible(&state, &who, id).await?;
    let counts = discussion::threads(s, id).await?;
    let count = |a: Option<i64>| {
        counts
            .iter()
            .find(|(x, _, _)| *x == a)
            .map(|(_, n, last)| (*n, Some(*last)))
            .unwrap_or((0, None))
    };
    let (n, last) = count(None);
    let mut rows = vec![
        context! { key => "general", title => i18n::t(who.ctx.lang, "forum-general"), posts => n, last => last },
    ];
    for a in cohorts::activities(s, id).await? {
        let (n, last) = count(Some(a.id));
        rows.push(context! { key => a.id.to_string(), title => a.title, modality => a.modality.as_str(), posts => n, last => last });
    }
    let mode = discussion::members(s, id)
        .await?
        .into_iter()
        .find(|m| m.user_id == who.user.id)
        .map(|m| m.notify().as_str());
    let staff = access::edit_schedule(s, &who.user, &c).await.is_ok();
    let accompaniment = if staff {
        Some(discussion::accompaniment(s, &c).await?)
    } else {
        None
    };
    if who.user.role == Role::Trainee {
        discussion::touch(s, id, who.user.id).await?;
    }
    page(
        &state,
        &who.ctx,
        "forum.html",
        context! {
            cohort => c,
            threads => rows,
            mode => mode,
            accompaniment => accompaniment,
            flash => super::flash(&q),
        },
        false,
    )
}

pub async fn thread(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, key)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = visible(&state, &who, id).await?;
    let activity = match thread_of(&key)? {
        Some(a) => Some(cohorts::activity(s, id, a).await?),
        None => None,
    };
    let posts = discussion::thread(s, id, activity.as_ref().map(|a| a.id)).await?;
    if who.user.role == Role::Trainee {
        discussion::touch(s, id, who.user.id).await?;
    }
    thread_page(&state, &who, &c, &key, activity, posts, None, false)
}

#[allow(clippy::too_many_arguments)]
fn thread_page(
    state: &AppState,
    who: &Allowed<Anyone>,
    c: &Cohort,
    key: &str,
    activity: Option<cohorts::Activity>,
    posts: Vec<discussion::Post>,
    error: Option<String>,
    invalid: bool,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "thread.html",
        context! {
            cohort => c,
            key => key,
            activity => activity,
            posts => discussion::shown(posts),
            open => hybride_training::during::may_convoke(c),
            error => error,
        },
        invalid,
    )
}

#[derive(Deserialize)]
pub struct PostForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    parent: String,
}

pub async fn add_post(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, key)): Path<(i64, String)>,
    CsrfForm(f): CsrfForm<PostForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = visible(&state, &who, id).await?;
    let activity_id = thread_of(&key)?;
    let parent: Option<i64> = f.parent.trim().parse().ok();
    let body = crate::forms::required_text(&f.body);
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            let activity = match activity_id {
                Some(a) => Some(cohorts::activity(s, id, a).await?),
                None => None,
            };
            let posts = discussion::thread(s, id, activity_id).await?;
            return thread_page(
                &state,
                &who,
                &c,
                &key,
                activity,
                posts,
                Some(i18n::invalid(who.ctx.lang, &e)),
                true,
            );
        }
    };
    let p = discussion::post(&state, &c, &who.user, activity_id, parent, &body).await?;
    Ok(Redirect::to(&format!("/cohorts/{id}/forum/{key}#post-{}", p.id)).into_response())
}

#[derive(Deserialize)]
pub struct NotifyForm {
    #[serde(default)]
    mode: String,
}

pub async fn set_notify(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<NotifyForm>,
) -> Result<Response, AppError> {
    let c = visible(&state, &who, id).await?;
    let mode = Notify::parse(&f.mode).ok_or_else(|| AppError::BadRequest("mode".into()))?;
    let member = discussion::members(&state.store, c.id)
        .await?
        .iter()
        .any(|m| m.user_id == who.user.id);
    if !member {
        return Err(AppError::Forbidden);
    }
    discussion::set_notify(&state.store, id, who.user.id, mode).await?;
    Ok(done(&format!("/cohorts/{id}/forum"), "notify-saved"))
}

#[derive(Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    message: String,
}

pub async fn follow_up_form(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    if !cohorts::is_enrolled(&state.store, id, user).await? {
        return Err(AppError::NotFound);
    }
    let trainee = people::get(&state.store, user).await?;
    let message = i18n::tr(
        who.ctx.lang,
        "follow-up-text",
        &[
            ("name", trainee.first_name.clone()),
            ("training", c.training_title.clone()),
            ("url", format!("{}/cohorts/{id}", state.config.public_url)),
        ],
    );
    page(
        &state,
        &who.ctx,
        "follow_up.html",
        context! { cohort => c, trainee => trainee, message => message, errors => context! {} },
        false,
    )
}

pub async fn follow_up(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, user)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<FollowUpForm>,
) -> Result<Response, AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::edit_schedule(&state.store, &who.user, &c).await?;
    let trainee = people::get(&state.store, user).await?;
    let message = match crate::forms::required_text(&f.message) {
        Ok(m) => m,
        Err(e) => {
            return page(
                &state,
                &who.ctx,
                "follow_up.html",
                context! { cohort => c, trainee => trainee, message => f.message, errors => context! { message => i18n::invalid(who.ctx.lang, &e) } },
                true,
            )
        }
    };
    let lang = i18n::Lang::of_locale(&trainee.locale);
    let mail = Mail::new(
        trainee.email.clone(),
        i18n::tr(
            lang,
            "mail-follow-up-subject",
            &[("training", c.training_title.clone())],
        ),
        message.as_str().to_owned(),
    );
    discussion::follow_up(&state.store, id, user, who.user.id, &mail).await?;
    Ok(done(&format!("/cohorts/{id}/forum"), "follow-up-sent"))
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/forum", get(threads))
        .route("/cohorts/{id}/forum/notify", post(set_notify))
        .route("/cohorts/{id}/forum/{thread}", get(thread).post(add_post))
        .route(
            "/cohorts/{id}/follow-up/{user}",
            get(follow_up_form).post(follow_up),
        )
}
