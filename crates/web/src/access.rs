//! Authorization, in one place. Each route admits roles through its `Allowed<Gate>` extractor;
//! what a role may see or change of one resource is decided by the functions below.

pub use crate::auth::{Admins, Anyone, Gate, Planners, Staff, Trainees, Trainers};
use crate::error::AppError;
use hybride_domain::Role;
use hybride_training::cohorts::{self, Cohort};
use hybride_training::people::User;
use hybride_training::trainings::{self, Training};
use hybride_training::Store;

/// Admins see every training of the plan, a pilot those they pilot (every one when granted the
/// whole plan), a trainer those they deliver.
pub async fn see_training(store: &Store, user: &User, t: &Training) -> Result<(), AppError> {
    if trainings::sees(store, user, t).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Admins, and the pilot who owns the training, change it and its cohorts.
pub fn manage_training(user: &User, t: &Training) -> Result<(), AppError> {
    match user.role {
        Role::Admin => Ok(()),
        Role::Pilot if t.pilot_id == user.id => Ok(()),
        // Another pilot's training is, to a pilot who does not see the whole plan, unknown.
        Role::Pilot if !trainings::covers(user, t.pilot_id) => Err(AppError::NotFound),
        _ => Err(AppError::Forbidden),
    }
}

/// A cohort is visible to admins, to the pilots who see its training, to its trainers and to its trainees — to its
/// trainees until it is archived, when its contents stop being available.
pub async fn see_cohort(store: &Store, user: &User, c: &Cohort) -> Result<(), AppError> {
    if cohorts::sees(store, user, c).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Enrollments, trainers and lifecycle of a cohort: its training's pilot, and admins.
pub async fn manage_cohort(store: &Store, user: &User, c: &Cohort) -> Result<Training, AppError> {
    let t = trainings::get(store, c.training_id).await?;
    manage_training(user, &t)?;
    Ok(t)
}

/// Whether the list of enrolled trainees (personal data) may be shown: not to trainees.
pub fn see_enrollments(user: &User) -> bool {
    user.role.is_staff()
}

/// The scenario is written by the training's trainers, its pilot, and admins.
pub async fn edit_scenario(store: &Store, user: &User, t: &Training) -> Result<(), AppError> {
    let ok = match user.role {
        Role::Admin => true,
        Role::Pilot => t.pilot_id == user.id,
        Role::Trainer => trainings::is_trainer_of(store, t.id, user.id).await?,
        Role::Trainee => false,
    };
    if ok {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A cohort's schedule and digital space are set up by its trainers, its training's pilot, and
/// admins.
pub async fn edit_schedule(store: &Store, user: &User, c: &Cohort) -> Result<Training, AppError> {
    let t = trainings::get(store, c.training_id).await?;
    let ok = match user.role {
        // Not known to see the cohort: ask.
        Role::Trainer => cohorts::is_trainer(store, c.id, user.id).await?,
        Role::Pilot if !trainings::covers(user, t.pilot_id) => return Err(AppError::NotFound),
        _ => rights(user, &t).act,
    };
    if ok {
        Ok(t)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The training `id`, when `user` may see it (its trainers, pilots, admins).
pub async fn visible_training(store: &Store, user: &User, id: i64) -> Result<Training, AppError> {
    Ok(trainings::visible(store, user, id).await?)
}

/// The training `id`, when `user` may see it and edit its scenario.
pub async fn scenario_editable(store: &Store, user: &User, id: i64) -> Result<Training, AppError> {
    let t = visible_training(store, user, id).await?;
    edit_scenario(store, user, &t).await?;
    Ok(t)
}

/// The cohort `id`, when `user` may see it and set up its schedule and what goes to its
/// trainees (see [`edit_schedule`]).
pub async fn schedulable(store: &Store, user: &User, id: i64) -> Result<Cohort, AppError> {
    let c = cohorts::visible(store, user, id).await?;
    edit_schedule(store, user, &c).await?;
    Ok(c)
}

/// The trainings a person's lists show: a trainer's own; a pilot's own (every one when granted
/// the whole plan, unless they ask for theirs: `mine`); every one to admins.
pub fn trainings_listed(user: &User, mine: bool) -> trainings::TrainingFilter {
    let mut filter = trainings::TrainingFilter::default();
    match user.role {
        Role::Trainer => filter.trainer_id = Some(user.id),
        Role::Pilot if mine => filter.pilot_id = Some(user.id),
        Role::Pilot => filter.pilot_id = trainings::pilot_scope(user),
        _ => {}
    }
    filter
}

/// The cohorts (of training `training_id`, or all) a person's lists show: a trainer's own, a
/// trainee's own (see [`listed_to`] for archived ones), a pilot's trainings' (every one when
/// granted the whole plan), every one to admins.
pub fn cohorts_listed(user: &User, training_id: Option<i64>) -> cohorts::CohortFilter {
    cohorts::CohortFilter {
        training_id,
        trainer_id: (user.role == Role::Trainer).then_some(user.id),
        trainee_id: (user.role == Role::Trainee).then_some(user.id),
        pilot_id: trainings::pilot_scope(user),
        trains_trainers: false,
    }
}

/// Whether a cohort of [`cohorts_listed`] stays in `user`'s list: an archived cohort's contents
/// are no longer available to its trainees (as [`see_cohort`] says).
pub fn listed_to(user: &User, c: &Cohort) -> bool {
    user.role != Role::Trainee || c.status != hybride_domain::CohortStatus::Archived
}

/// Whose pay forms `user` may read in a cohort they may see: a trainer only theirs (`Some`),
/// pilots and admins every trainer's (`None`).
pub fn pay_forms_read(user: &User) -> Option<i64> {
    (user.role == Role::Trainer).then_some(user.id)
}

/// The pilot whose trainings the pilot's view covers: a pilot's own (`Some`), every training's
/// for admins and for a pilot granted the whole plan (`None`).
pub fn piloted_by(user: &User) -> Option<i64> {
    trainings::pilot_scope(user)
}

/// Whether `user`, whom [`see_cohort`] admitted to a cohort (a trainer only to theirs), enters
/// its virtual classes as a moderator: its trainers, pilots and admins; trainees as participants.
pub fn moderates(user: &User) -> bool {
    user.role != Role::Trainee
}

/// Whether `user` takes part as a trainee: their visits and joins count as attendance, and they
/// see only what has been published to trainees (instructions, surveys to answer).
pub fn attends(user: &User) -> bool {
    user.role == Role::Trainee
}

/// Whether `user` reads a cohort's staff side (checklists, advice, everyone's answers) once
/// [`see_cohort`] admitted them; a trainee reads her own side only.
pub fn staff_side(user: &User) -> bool {
    user.role.is_staff()
}

/// Whose validation standing `user` reads in a cohort they may see: a trainee only hers
/// (`Some`), the staff everyone's (`None`).
pub fn validations_read(user: &User) -> Option<i64> {
    (!user.role.is_staff()).then_some(user.id)
}

/// Whether `user` names the pilot of a training they create: an admin does; a pilot creates
/// trainings of their own.
pub fn names_pilot(user: &User) -> bool {
    user.role == Role::Admin
}

/// Whether `user` sets the académie's settings (who signs its certificates, say), as the
/// [`Admins`] gate admits to their pages: pages offer them the way there.
pub fn sets_academie(user: &User) -> bool {
    user.role == Role::Admin
}

/// Whether `user` edits the catalogue of free-access courses: the planners.
pub fn manages_courses(user: &User) -> bool {
    matches!(user.role, Role::Admin | Role::Pilot)
}

/// A trainer's pay profile is stated by the trainer, or by an admin for them.
pub fn state_pay_profile(user: &User, trainer_id: i64) -> Result<(), AppError> {
    if user.id == trainer_id || user.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Attendance is taken by the cohort's trainers; its training's pilot and admins may correct
/// it: the same people as [`edit_schedule`], without reading the training for a trainer or an admin.
///
/// A trainer of another cohort is told it does not exist, as [`see_cohort`] tells them, so that a
/// staff-only route may call this alone (one query for a trainer, the hot path of marking).
pub async fn take_attendance(store: &Store, user: &User, c: &Cohort) -> Result<(), AppError> {
    match user.role {
        Role::Admin => Ok(()),
        Role::Trainer if cohorts::is_trainer(store, c.id, user.id).await? => Ok(()),
        Role::Trainer => Err(AppError::NotFound),
        Role::Pilot => edit_schedule(store, user, c).await.map(|_| ()),
        Role::Trainee => Err(AppError::Forbidden),
    }
}

/// What someone who has passed [`see_cohort`] may do in the cohort, from what is already read:
/// seeing a cohort proves that a trainer is one of its trainers, so nothing is asked again.
/// `act` answers as [`edit_schedule`] and [`take_attendance`] do, `countersign` as
/// [`countersign`].
pub fn rights(user: &User, t: &Training) -> Rights {
    let (act, countersign) = match user.role {
        Role::Admin => (true, false),
        Role::Pilot => (t.pilot_id == user.id, false),
        Role::Trainer => (true, true),
        Role::Trainee => (false, false),
    };
    Rights { act, countersign }
}

/// See [`rights`].
pub struct Rights {
    /// Schedule, attendance, convocations, the opening message: the cohort's staff.
    pub act: bool,
    pub countersign: bool,
}

/// Only a trainer of the cohort countersigns its half-days.
pub async fn countersign(store: &Store, user: &User, c: &Cohort) -> Result<(), AppError> {
    if user.role == Role::Trainer && cohorts::is_trainer(store, c.id, user.id).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A trainee's own documents of a cohort (convocation, certificate, asynchronous work): the
/// cohort's staff, and the trainee herself; anyone else is told nothing exists. Call after
/// [`see_cohort`].
pub fn staff_or_self(user: &User, trainee_id: i64) -> Result<(), AppError> {
    if user.role.is_staff() || user.id == trainee_id {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// A trainee acts on their own attendance only in cohorts they are enrolled in.
pub async fn own_attendance(store: &Store, user: &User, c: &Cohort) -> Result<(), AppError> {
    if user.role == Role::Trainee && cohorts::is_enrolled(store, c.id, user.id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
