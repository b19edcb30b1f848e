//! The plan's trainings: who pilots and who trains each one of the catalogue, and their writing
//! with their scenario (the declared hours come from the steps' minutes).

use crate::catalogue::{StepSpec, TrainingSpec, TRAININGS};
use crate::refused;
use hybride_domain::{
    DispositifId, LearningType, LongText, Minutes, Modality, ModuleId, SchoolYear, Title,
};
use hybride_store::trainings::{self, NewStep, NewTraining};
use hybride_store::{Store, StoreError};

/// The pilot (index into the pilots; 0 is the demo pilot) of each catalogue training.
/// The demo pilot owns the digital, assessment, computing, new-teachers and trainers' trainings.
pub(crate) const TRAINING_PILOT: [usize; 12] = [0, 0, 1, 1, 2, 0, 2, 2, 0, 1, 1, 0];

/// The two trainers (indices into the trainers; 0 is the demo trainer) of each catalogue training.
pub(crate) const TRAINING_TRAINERS: [[usize; 2]; 12] = [
    [0, 1],
    [0, 2],
    [3, 4],
    [5, 6],
    [7, 8],
    [0, 9],
    [1, 3],
    [2, 5],
    [4, 6],
    [7, 9],
    [8, 3],
    [0, 1],
];

/// The trainings written: their ids, and the ids of each one's steps, in catalogue order.
pub(crate) struct TrainingIds {
    pub(crate) ids: Vec<i64>,
    pub(crate) step_ids: Vec<Vec<i64>>,
}

/// Writes every training of the catalogue in the plan of `year`, with its scenario and its
/// trainers.
pub(crate) async fn create_all(
    store: &Store,
    plan_id: i64,
    year: SchoolYear,
    pilot_ids: &[i64],
    trainer_ids: &[i64],
) -> Result<TrainingIds, StoreError> {
    let mut written = TrainingIds {
        ids: Vec::new(),
        step_ids: Vec::new(),
    };
    for (i, spec) in TRAININGS.iter().enumerate() {
        let training = create(store, plan_id, year, spec, pilot_ids[TRAINING_PILOT[i]]).await?;
        let steps = add_steps(store, training, spec.steps).await?;
        for &t in &TRAINING_TRAINERS[i] {
            trainings::assign_trainer(store, training, trainer_ids[t]).await?;
        }
        written.ids.push(training);
        written.step_ids.push(steps);
    }
    Ok(written)
}

/// Writes one training of the catalogue, without its scenario; returns its id. Its dispositif
/// id takes the year of the plan.
async fn create(
    store: &Store,
    plan_id: i64,
    year: SchoolYear,
    spec: &TrainingSpec,
    pilot_id: i64,
) -> Result<i64, StoreError> {
    let (in_person, synchronous, asynchronous) = hours(spec.steps)?;
    let dispositif = format!("{:02}{}", year.start_year() % 100, &spec.dispositif[2..]);
    let training = trainings::create(
        store,
        &NewTraining {
            plan_id,
            dispositif_id: DispositifId::parse(&dispositif).map_err(refused)?,
            module_id: ModuleId::parse(spec.module).map_err(refused)?,
            title: Title::parse(spec.title).map_err(refused)?,
            objectives: LongText::parse(spec.objectives).map_err(refused)?,
            public: LongText::parse(spec.public).map_err(refused)?,
            in_person,
            synchronous,
            asynchronous,
            validation_criteria: LongText::parse(spec.validation).map_err(refused)?,
            min_attendance_percent: spec.min_attendance_percent,
            pilot_id,
        },
    )
    .await?;
    Ok(training.id)
}

/// Writes a training's scenario, in order; returns the steps' ids.
async fn add_steps(
    store: &Store,
    training_id: i64,
    steps: &[StepSpec],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::new();
    for step in steps {
        ids.push(
            trainings::add_step(store, training_id, &new_step(step)?)
                .await?
                .id,
        );
    }
    Ok(ids)
}

/// A catalogue step's modality.
pub(crate) fn modality(step: &StepSpec) -> Result<Modality, StoreError> {
    Modality::parse(step.modality).map_err(refused)
}

/// The declared hours: the scenario's minutes summed by budget (in person, synchronous, asynchronous).
fn hours(steps: &[StepSpec]) -> Result<(Minutes, Minutes, Minutes), StoreError> {
    use hybride_domain::modality::HoursBudget;
    let (mut p, mut s, mut a) = (0, 0, 0);
    for step in steps {
        match modality(step)?.budget() {
            HoursBudget::InPerson => p += step.minutes,
            HoursBudget::Synchronous => s += step.minutes,
            HoursBudget::Asynchronous => a += step.minutes,
        }
    }
    let m = |x| Minutes::new(x).map_err(refused);
    Ok((m(p)?, m(s)?, m(a)?))
}

/// A catalogue step, as the store takes it.
fn new_step(s: &StepSpec) -> Result<NewStep, StoreError> {
    let long = |t: &str| LongText::parse(t).map_err(refused);
    Ok(NewStep {
        modality: modality(s)?,
        learning_type: LearningType::parse(s.learning_type).map_err(refused)?,
        title: Title::parse(s.title).map_err(refused)?,
        collective: s.collective,
        social: s.social,
        minutes: Minutes::new(s.minutes).map_err(refused)?,
        instructions: long(s.instructions)?,
        resources: long(s.resources)?,
        evidence: long(s.evidence)?,
        evaluation: long(s.evaluation)?,
        trainer_role: long(s.trainer_role)?,
        mandatory: s.mandatory,
        // Short readings are credited as estimated; longer productions by the time declared.
        credit_rule: if s.minutes > 120 {
            hybride_domain::attendance::CreditRule::DeclaredCapped
        } else {
            hybride_domain::attendance::CreditRule::EstimateOnValidation
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cast::TRAINERS;
    use crate::cohorts::COHORTS;
    use std::collections::HashSet;

    #[test]
    fn the_catalogue_parses_and_mixes_modalities() {
        for (i, spec) in TRAININGS.iter().enumerate() {
            let modalities: HashSet<Modality> =
                spec.steps.iter().map(|s| modality(s).unwrap()).collect();
            assert!(modalities.len() >= 2, "{}", spec.title);
            for s in spec.steps {
                new_step(s).unwrap();
            }
            let (p, s, a) = hours(spec.steps).unwrap();
            assert_eq!(
                p.get() + s.get() + a.get(),
                spec.steps.iter().map(|s| s.minutes).sum::<u32>()
            );
            for &t in &TRAINING_TRAINERS[i] {
                assert!(t < TRAINERS);
            }
        }
        assert_eq!(TRAININGS.len(), TRAINING_PILOT.len());
        assert!(TRAINING_PILOT.iter().filter(|&&p| p == 0).count() >= 5);
        assert_eq!(
            TRAINING_PILOT[11], 0,
            "the demo pilot owns the trainers' training"
        );
        assert!(TRAINING_TRAINERS.iter().filter(|t| t.contains(&0)).count() >= 4);
        for c in &COHORTS {
            for t in c.trainers {
                assert!(
                    TRAINING_TRAINERS[c.training].contains(t),
                    "cohort trainers train the training"
                );
            }
        }
    }
}
