//! Virtual rooms on BigBlueButton: created from the schedule, joined through a personal link
//! that names the user to the server (trainers as moderators, trainees as viewers).

use super::{done, page};
use crate::access::{self, Anyone};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_training::{cohorts, trainings};
use minijinja::context;

fn meeting_name(training: &str, activity: &str) -> String {
    format!("{training} — {activity}")
        .chars()
        .take(250)
        .collect()
}

/// Creates the activity's room on the configured BigBlueButton server.
pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    let t = access::edit_schedule(s, &who.user, &c).await?;
    let a = cohorts::activity(s, id, aid).await?;
    if !(a.modality.is_synchronous() && a.modality.is_distance()) {
        return Err(AppError::BadRequest(
            "only virtual classes and webinars have virtual rooms".into(),
        ));
    }
    let Some(bbb) = &state.config.bbb else {
        return Ok(back(id, aid, "bbb-off"));
    };
    // Unguessable: a meeting id lets whoever knows it and the secret join.
    let meeting_id = format!(
        "hybride-{aid}-{}",
        &hybride_training::sessions::secret()[..12]
    );
    let extra = [
        ("meta_analytics-callback-url", analytics_url(&state)),
        ("welcome", meeting_name(&t.title, &a.title)),
        ("meta_hybride-activity", aid.to_string()),
        ("meta_hybride-cohort", id.to_string()),
    ];
    if let Err(e) = bbb
        .create(&meeting_id, &meeting_name(&t.title, &a.title), &extra)
        .await
    {
        tracing::warn!(activity = aid, error = %e, "BigBlueButton room not created");
        return Ok(back(id, aid, "bbb-failed"));
    }
    let room_url = format!("{}/rooms/{aid}", state.config.public_url);
    cohorts::set_bbb_room(s, id, aid, &meeting_id, &room_url).await?;
    tracing::info!(activity = aid, "BigBlueButton room created");
    Ok(done(
        &format!("/cohorts/{id}/activities/{aid}"),
        "room-created",
    ))
}

/// Where the server posts each meeting's analytics (joins, leaves) when it ends.
fn analytics_url(state: &AppState) -> String {
    format!("{}/api/v1/bbb/analytics", state.config.public_url)
}

fn back(cohort: i64, activity: i64, error: &str) -> Response {
    Redirect::to(&format!(
        "/cohorts/{cohort}/activities/{activity}?error={error}"
    ))
    .into_response()
}

/// A personal way into the room: checks who may enter, then sends them to the server.
pub async fn join(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(aid): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let Some((_, a)) = cohorts::bbb_room(s, aid).await? else {
        return Err(AppError::NotFound);
    };
    let c = cohorts::get(s, a.cohort_id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let moderator = access::moderates(&who.user);
    if access::attends(&who.user) {
        hybride_training::attendance::record_join(s, &c, &a, who.user.id).await?;
    }
    match enter(&state, aid, &who.user, moderator).await? {
        Some(url) => Ok(Redirect::to(&url).into_response()),
        None => unavailable(&state, &who.ctx),
    }
}

/// The server's join URL for `user` into the activity's BigBlueButton room; `None` when the
/// activity has no such room or the server cannot be reached.
pub async fn enter(
    state: &AppState,
    aid: i64,
    user: &hybride_training::people::User,
    moderator: bool,
) -> Result<Option<String>, AppError> {
    let s = &state.store;
    let Some((meeting_id, a)) = cohorts::bbb_room(s, aid).await? else {
        return Ok(None);
    };
    let Some(bbb) = &state.config.bbb else {
        return Ok(None);
    };
    let c = cohorts::get(s, a.cohort_id).await?;
    let t = trainings::get(s, c.training_id).await?;
    // The meeting may have ended or the server restarted: creating it again is harmless.
    if let Err(e) = bbb
        .create(
            &meeting_id,
            &meeting_name(&t.title, &a.title),
            &[("meta_analytics-callback-url", analytics_url(state))],
        )
        .await
    {
        tracing::warn!(activity = aid, error = %e, "BigBlueButton unreachable");
        return Ok(None);
    }
    Ok(Some(bbb.join_url(
        &meeting_id,
        &user.display_name(),
        &user.id.to_string(),
        moderator,
    )))
}

pub fn unavailable(state: &AppState, ctx: &crate::auth::Ctx) -> Result<Response, AppError> {
    let html = page(
        state,
        ctx,
        "error.html",
        context! { status => 503, title_key => "room-unavailable", detail => None::<String> },
        false,
    )?;
    Ok((axum::http::StatusCode::SERVICE_UNAVAILABLE, html).into_response())
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/activities/{activity}/room", post(create))
        .route("/rooms/{activity}", get(join))
}
