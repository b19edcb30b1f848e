//! Cohorts: a training's group of trainees in one school year, its trainers, enrollments and
//! activities (the schedule), and who may see one.

use crate::people::User;
use crate::{Error, Result};
use hybride_domain::{CohortStatus, Role};
use hybride_store::Store;

pub use hybride_store::cohorts::{
    Activity, Cohort, CohortFilter, Enrollment, NewActivity, NewCohort, StatusOverride,
};

/// Creates a cohort of a training.
pub async fn create(store: &Store, c: &NewCohort) -> Result<Cohort> {
    Ok(hybride_store::cohorts::create(store, c).await?)
}

/// The cohort `id`.
pub async fn get(store: &Store, id: i64) -> Result<Cohort> {
    Ok(hybride_store::cohorts::get(store, id).await?)
}

/// The cohorts `f` selects.
pub async fn list(store: &Store, f: CohortFilter) -> Result<Vec<Cohort>> {
    Ok(hybride_store::cohorts::list(store, f).await?)
}

/// Moves a cohort along its lifecycle; refuses a transition the lifecycle does not allow.
pub async fn set_status(store: &Store, id: i64, next: CohortStatus) -> Result<Cohort> {
    Ok(hybride_store::cohorts::set_status(store, id, next).await?)
}

/// Assigns one of the training's trainers to the cohort.
pub async fn assign_trainer(store: &Store, cohort_id: i64, user_id: i64) -> Result<()> {
    Ok(hybride_store::cohorts::assign_trainer(store, cohort_id, user_id).await?)
}

/// The trainers of a cohort.
pub async fn trainers(store: &Store, cohort_id: i64) -> Result<Vec<User>> {
    Ok(hybride_store::cohorts::trainers(store, cohort_id).await?)
}

/// Whether `user_id` is a trainer of the cohort.
pub async fn is_trainer(store: &Store, cohort_id: i64, user_id: i64) -> Result<bool> {
    Ok(hybride_store::cohorts::is_trainer(store, cohort_id, user_id).await?)
}

/// Whether `user_id` is enrolled in the cohort.
pub async fn is_enrolled(store: &Store, cohort_id: i64, user_id: i64) -> Result<bool> {
    Ok(hybride_store::cohorts::is_enrolled(store, cohort_id, user_id).await?)
}

/// Enrolls trainees; all or none. Refuses accounts that are not trainees, and reports
/// those already enrolled as a conflict.
pub async fn enroll(store: &Store, cohort_id: i64, user_ids: &[i64]) -> Result<usize> {
    Ok(hybride_store::cohorts::enroll(store, cohort_id, user_ids).await?)
}

/// Takes a trainee out of the cohort.
pub async fn unenroll(store: &Store, cohort_id: i64, user_id: i64) -> Result<()> {
    Ok(hybride_store::cohorts::unenroll(store, cohort_id, user_id).await?)
}

/// The trainees enrolled in the cohort.
pub async fn enrollments(store: &Store, cohort_id: i64) -> Result<Vec<Enrollment>> {
    Ok(hybride_store::cohorts::enrollments(store, cohort_id).await?)
}

pub use hybride_store::cohorts::Elsewhere;

/// The cohort's trainees expected at the same time in another place: an in-person activity of
/// this cohort overlaps one of another open cohort of theirs, somewhere else.
pub async fn expected_elsewhere(store: &Store, cohort_id: i64) -> Result<Vec<Elsewhere>> {
    Ok(hybride_store::cohorts::expected_elsewhere(store, cohort_id).await?)
}

/// The cohort's activities (its schedule), in order.
pub async fn activities(store: &Store, cohort_id: i64) -> Result<Vec<Activity>> {
    Ok(hybride_store::cohorts::activities(store, cohort_id).await?)
}

/// A trainee's or trainer's upcoming activities across their cohorts, soonest first.
pub async fn upcoming_for(
    store: &Store,
    user_id: i64,
    from: i64,
    limit: i64,
) -> Result<Vec<(Activity, String)>> {
    Ok(hybride_store::cohorts::upcoming_for(store, user_id, from, limit).await?)
}

/// One activity of the cohort.
pub async fn activity(store: &Store, cohort_id: i64, activity_id: i64) -> Result<Activity> {
    Ok(hybride_store::cohorts::activity(store, cohort_id, activity_id).await?)
}

/// Changes when and where an activity happens.
pub async fn update_activity(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    a: &NewActivity,
) -> Result<Activity> {
    Ok(hybride_store::cohorts::update_activity(store, cohort_id, activity_id, a).await?)
}

/// Removes an activity from the schedule.
pub async fn delete_activity(store: &Store, cohort_id: i64, activity_id: i64) -> Result<()> {
    Ok(hybride_store::cohorts::delete_activity(store, cohort_id, activity_id).await?)
}

/// Sets how many people an in-person activity's room holds (none: unknown).
pub async fn set_capacity(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    capacity: Option<i64>,
) -> Result<()> {
    Ok(hybride_store::cohorts::set_capacity(store, cohort_id, activity_id, capacity).await?)
}

/// An activity by its id alone, with its cohort's id inside.
pub async fn activity_by_id(store: &Store, activity_id: i64) -> Result<Activity> {
    Ok(hybride_store::cohorts::activity_by_id(store, activity_id).await?)
}

/// Adds several activities at once, all or none (a schedule drawn from the scenario).
pub async fn add_activities(store: &Store, cohort_id: i64, list: &[NewActivity]) -> Result<usize> {
    Ok(hybride_store::cohorts::add_activities(store, cohort_id, list).await?)
}

/// Moves a cohort to `next` although some "before" duties are open, recording who, why and which.
pub async fn override_status(
    store: &Store,
    cohort_id: i64,
    next: CohortStatus,
    reason: &str,
    open_items: &[&str],
    user_id: i64,
) -> Result<Cohort> {
    Ok(
        hybride_store::cohorts::override_status(
            store, cohort_id, next, reason, open_items, user_id,
        )
        .await?,
    )
}

/// The cohort's status changes made although duties were open: who, why, which.
pub async fn status_overrides(store: &Store, cohort_id: i64) -> Result<Vec<StatusOverride>> {
    Ok(hybride_store::cohorts::status_overrides(store, cohort_id).await?)
}

/// Changes a cohort's description and digital space.
pub async fn update(store: &Store, id: i64, c: &NewCohort) -> Result<Cohort> {
    Ok(hybride_store::cohorts::update(store, id, c).await?)
}

/// Records the BigBlueButton meeting of an activity and points its room at `room_url`.
pub async fn set_bbb_room(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    meeting_id: &str,
    room_url: &str,
) -> Result<Activity> {
    Ok(
        hybride_store::cohorts::set_bbb_room(store, cohort_id, activity_id, meeting_id, room_url)
            .await?,
    )
}

/// The BigBlueButton meeting of an activity, and its cohort.
pub async fn bbb_room(store: &Store, activity_id: i64) -> Result<Option<(String, Activity)>> {
    Ok(hybride_store::cohorts::bbb_room(store, activity_id).await?)
}

/// The activity whose BigBlueButton meeting has this id (the analytics callback names it).
/// Takes the one delivery of a meeting's analytics (see the store's `claim_analytics`).
pub async fn claim_analytics(
    store: &Store,
    meeting_id: &str,
    activity_id: i64,
    token: &str,
    at: i64,
) -> Result<bool> {
    Ok(hybride_store::cohorts::claim_analytics(store, meeting_id, activity_id, token, at).await?)
}

/// Gives back a delivery whose recording failed.
pub async fn release_analytics(store: &Store, meeting_id: &str) -> Result<()> {
    Ok(hybride_store::cohorts::release_analytics(store, meeting_id).await?)
}

pub async fn activity_of_meeting(store: &Store, meeting_id: &str) -> Result<Option<Activity>> {
    Ok(hybride_store::cohorts::activity_of_meeting(store, meeting_id).await?)
}

/// Whether `user` sees cohort `c`: admins every one, a pilot those of the trainings they see
/// ([`crate::trainings::covers`]), its trainers, and its trainees until it is archived (its
/// contents then stop being available to them).
pub async fn sees(store: &Store, user: &User, c: &Cohort) -> Result<bool> {
    Ok(match user.role {
        Role::Admin => true,
        Role::Pilot => crate::trainings::covers(user, c.pilot_id),
        Role::Trainer => is_trainer(store, c.id, user.id).await?,
        Role::Trainee => {
            c.status != CohortStatus::Archived && is_enrolled(store, c.id, user.id).await?
        }
    })
}

/// The cohort `id`, when `user` sees it ([`sees`]); otherwise `NotFound`, as if it did not exist.
pub async fn visible(store: &Store, user: &User, id: i64) -> Result<Cohort> {
    let c = get(store, id).await?;
    if sees(store, user, &c).await? {
        Ok(c)
    } else {
        Err(Error::NotFound)
    }
}
