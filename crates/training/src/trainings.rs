//! Trainings of the plan: their pilot and trainers, and their scenario (the steps), and who may
//! see one.

use crate::people::User;
use crate::{Error, Result};
use hybride_domain::Role;
use hybride_store::Store;

pub use hybride_store::trainings::{NewStep, NewTraining, Step, Training, TrainingFilter};

/// Creates a training of the plan.
pub async fn create(store: &Store, t: &NewTraining) -> Result<Training> {
    Ok(hybride_store::trainings::create(store, t).await?)
}

/// The training `id`.
pub async fn get(store: &Store, id: i64) -> Result<Training> {
    Ok(hybride_store::trainings::get(store, id).await?)
}

/// The trainings `f` selects.
pub async fn list(store: &Store, f: TrainingFilter) -> Result<Vec<Training>> {
    Ok(hybride_store::trainings::list(store, f).await?)
}

/// How many trainings the filter matches (its `limit` and `offset` aside).
pub async fn count(store: &Store, f: TrainingFilter) -> Result<i64> {
    Ok(hybride_store::trainings::count(store, f).await?)
}

/// Assigns a trainer to a training. Only accounts with the trainer role can be assigned.
pub async fn assign_trainer(store: &Store, training_id: i64, user_id: i64) -> Result<()> {
    Ok(hybride_store::trainings::assign_trainer(store, training_id, user_id).await?)
}

/// Takes a trainer off the training.
pub async fn remove_trainer(store: &Store, training_id: i64, user_id: i64) -> Result<()> {
    Ok(hybride_store::trainings::remove_trainer(store, training_id, user_id).await?)
}

/// The training's trainers.
pub async fn trainers(store: &Store, training_id: i64) -> Result<Vec<User>> {
    Ok(hybride_store::trainings::trainers(store, training_id).await?)
}

/// Whether `user_id` delivers the training.
pub async fn is_trainer_of(store: &Store, training_id: i64, user_id: i64) -> Result<bool> {
    Ok(hybride_store::trainings::is_trainer_of(store, training_id, user_id).await?)
}

/// Appends a step at the end of the scenario.
pub async fn add_step(store: &Store, training_id: i64, s: &NewStep) -> Result<Step> {
    Ok(hybride_store::trainings::add_step(store, training_id, s).await?)
}

/// The training's scenario: its steps, in order.
pub async fn steps(store: &Store, training_id: i64) -> Result<Vec<Step>> {
    Ok(hybride_store::trainings::steps(store, training_id).await?)
}

/// Replaces a step's content, keeping its place.
pub async fn update_step(
    store: &Store,
    training_id: i64,
    step_id: i64,
    s: &NewStep,
) -> Result<Step> {
    Ok(hybride_store::trainings::update_step(store, training_id, step_id, s).await?)
}

/// One step of the scenario.
pub async fn step(store: &Store, training_id: i64, step_id: i64) -> Result<Step> {
    Ok(hybride_store::trainings::step(store, training_id, step_id).await?)
}

/// Moves a step one place up (`-1`) or down (`1`).
pub async fn move_step(store: &Store, training_id: i64, step_id: i64, by: i64) -> Result<()> {
    Ok(hybride_store::trainings::move_step(store, training_id, step_id, by).await?)
}

/// Removes a step from the scenario.
pub async fn delete_step(store: &Store, training_id: i64, step_id: i64) -> Result<()> {
    Ok(hybride_store::trainings::delete_step(store, training_id, step_id).await?)
}

/// Copies a step right after itself.
pub async fn duplicate_step(store: &Store, training_id: i64, step_id: i64) -> Result<Step> {
    Ok(hybride_store::trainings::duplicate_step(store, training_id, step_id).await?)
}

/// Appends a copy of another training's scenario; returns how many steps were copied.
pub async fn copy_scenario(store: &Store, from_training: i64, to_training: i64) -> Result<usize> {
    Ok(hybride_store::trainings::copy_scenario(store, from_training, to_training).await?)
}

/// Whether `user` sees training `t`: admins every training of the plan, a pilot those they
/// pilot (every one when granted the whole plan), a trainer those they deliver.
pub async fn sees(store: &Store, user: &User, t: &Training) -> Result<bool> {
    Ok(match user.role {
        Role::Admin => true,
        Role::Pilot => covers(user, t.pilot_id),
        Role::Trainer => is_trainer_of(store, t.id, user.id).await?,
        Role::Trainee => false,
    })
}

/// Whether pilot `user` sees what pilot `pilot_id` pilots: their own, or everything when an
/// admin granted them the whole plan.
pub fn covers(user: &User, pilot_id: i64) -> bool {
    user.whole_plan.0 || user.id == pilot_id
}

/// The pilot whose trainings a pilot's lists are limited to: none for a pilot granted the whole
/// plan (nor for other roles, whose lists are limited otherwise).
pub fn pilot_scope(user: &User) -> Option<i64> {
    (user.role == Role::Pilot && !user.whole_plan.0).then_some(user.id)
}

/// The training `id`, when `user` sees it ([`sees`]); otherwise `NotFound`.
pub async fn visible(store: &Store, user: &User, id: i64) -> Result<Training> {
    let t = get(store, id).await?;
    if sees(store, user, &t).await? {
        Ok(t)
    } else {
        Err(Error::NotFound)
    }
}
