//! The trainers' training in hybrid delivery (the catalogue's last training): marked as the one
//! that trains trainers, with a session that ended some weeks ago in which one trainer was
//! trained (the lived demo closes it, and its closing records her in the register by itself), a
//! session to come, and another trainer asking her pilots to be trained.

use crate::catalogue::TRAININGS;
use crate::cohorts::instant;
use crate::refused;
use crate::schedule::{bounds, place_cohort, Slot, Timing};
use crate::trainings::{modality, TrainingIds};
use hybride_domain::{CohortStatus, Modality, Title};
use hybride_store::cohorts::{self, NewActivity, NewCohort};
use hybride_store::qualifications;
use hybride_store::{Store, StoreError};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The trainers' training, in the catalogue.
pub(crate) const TRAINERS_TRAINING: usize = 11;
/// The trainer (index into the trainers) trained in the session that ended.
pub(crate) const TRAINED_IN_SESSION: usize = 5;
/// The trainer who asks to be trained.
pub(crate) const ASKING: usize = 7;
/// Who leads the trainers' sessions (one of the training's trainers).
const SESSION_TRAINER: usize = 1;

/// Writes the trainers' training's sessions and the request (see the module's documentation).
pub(crate) async fn prepare(
    store: &Store,
    tz: &TimeZone,
    trainings: &TrainingIds,
    trainer_ids: &[i64],
    today: Date,
) -> Result<(), StoreError> {
    let training = trainings.ids[TRAINERS_TRAINING];
    let step_ids = &trainings.step_ids[TRAINERS_TRAINING];
    qualifications::set_trains_trainers(store, training, true).await?;
    let steps = TRAININGS[TRAINERS_TRAINING].steps;
    // Ended some weeks ago, still running: the lived demo records its attendance, then closes it.
    let ended = place_cohort(steps, Timing::Closed { weeks_ago: 5 }, today, 0x7a17);
    let autumn = session(
        store,
        tz,
        training,
        step_ids,
        "Formateurs — session d’automne",
        &ended,
    )
    .await?;
    cohorts::assign_trainer(store, autumn, trainer_ids[SESSION_TRAINER]).await?;
    cohorts::enroll(store, autumn, &[trainer_ids[TRAINED_IN_SESSION]]).await?;
    cohorts::set_status(store, autumn, CohortStatus::Ready).await?;
    cohorts::set_status(store, autumn, CohortStatus::Running).await?;
    // The next one, where a pilot can enrol the trainer who asks.
    let next = place_cohort(steps, Timing::Ready { in_days: 26 }, today, 0x7a18);
    let winter = session(
        store,
        tz,
        training,
        step_ids,
        "Formateurs — session d’hiver",
        &next,
    )
    .await?;
    cohorts::assign_trainer(store, winter, trainer_ids[SESSION_TRAINER]).await?;
    cohorts::set_status(store, winter, CohortStatus::Ready).await?;
    qualifications::ask(
        store,
        trainer_ids[ASKING],
        "Une session hybride m’est confiée cet hiver et je n’ai jamais animé de classe virtuelle.",
        "Les mercredis après-midi ; en distanciel de préférence.",
    )
    .await?;
    Ok(())
}

/// Writes a session of the trainers' training on `slots`, its activities one per step; returns
/// its id.
async fn session(
    store: &Store,
    tz: &TimeZone,
    training_id: i64,
    step_ids: &[i64],
    label: &str,
    slots: &[Slot],
) -> Result<i64, StoreError> {
    let (starts_on, ends_on) = bounds(slots);
    let cohort = cohorts::create(
        store,
        &NewCohort {
            training_id,
            label: Title::parse(label).map_err(refused)?,
            gaia_session_id: None,
            starts_on,
            ends_on,
            course_url: None,
        },
    )
    .await?;
    let spec = &TRAININGS[TRAINERS_TRAINING];
    for slot in slots {
        let step = &spec.steps[slot.step];
        let modality = modality(step)?;
        let place =
            (modality == Modality::InPerson).then(|| "EAFC de Lyon, salle Condorcet".to_owned());
        cohorts::add_activity(
            store,
            cohort.id,
            &NewActivity {
                step_id: Some(step_ids[slot.step]),
                title: Title::parse(step.title).map_err(refused)?,
                modality,
                starts_at: instant(tz, slot.start)?,
                ends_at: instant(tz, slot.end)?,
                place,
                room_url: None,
            },
        )
        .await?;
    }
    Ok(cohort.id)
}
