//! Each trainee's validation against the training's criteria, achieved so far and over the
//! programme, and the time an asynchronous activity credits.

use super::*;

/// A trainee's validation, as the page and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TraineeValidation {
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub validation: Validation,
    /// The trainee's exchanges with the trainers (forum, personal messages).
    pub exchanges: hybride_store::discussion::Exchanges,
}

/// What the trainees' validations are drawn from, gathered at once by [`ValidationFacts::gather`].
#[derive(Debug, Clone)]
pub struct ValidationFacts {
    pub steps: Vec<Step>,
    pub activities: Vec<Activity>,
    pub rules: Rules,
    /// The cohort's events (only one trainee's when gathered for her alone).
    pub events: Vec<Event>,
    pub exchanges: Vec<hybride_store::discussion::Exchanges>,
    pub enrollments: Vec<cohorts::Enrollment>,
}

impl ValidationFacts {
    /// Six statements, whatever the number of trainees or activities; with `only`, the events
    /// of that trainee alone.
    pub async fn gather(
        store: &Store,
        c: &Cohort,
        t: &Training,
        only: Option<i64>,
    ) -> Result<ValidationFacts, Error> {
        let steps = trainings::steps(store, t.id).await?;
        let activities = cohorts::activities(store, c.id).await?;
        let rules = rules_of(store, t).await?;
        let events = match only {
            Some(user) => record::of_cohort_subject(store, c.id, user).await?,
            None => record::of_cohort(store, c.id).await?,
        };
        let exchanges = hybride_store::discussion::exchanges(store, c.id).await?;
        let enrollments = cohorts::enrollments(store, c.id).await?;
        Ok(ValidationFacts {
            steps,
            activities,
            rules,
            events,
            exchanges,
            enrollments,
        })
    }
}

/// Each trainee's validation (or one trainee's), at `now`.
pub async fn validations(
    store: &Store,
    c: &Cohort,
    only: Option<i64>,
    now: i64,
) -> Result<Vec<TraineeValidation>, Error> {
    let t = trainings::get(store, c.training_id).await?;
    validations_of(store, c, &t, only, now).await
}

/// [`validations`] with the cohort's training at hand.
pub async fn validations_of(
    store: &Store,
    c: &Cohort,
    t: &Training,
    only: Option<i64>,
    now: i64,
) -> Result<Vec<TraineeValidation>, Error> {
    let facts = ValidationFacts::gather(store, c, t, only).await?;
    Ok(validations_from(&facts, c, only, now))
}

/// Each trainee's validation (or one trainee's) at `now`, from what was gathered.
pub fn validations_from(
    f: &ValidationFacts,
    c: &Cohort,
    only: Option<i64>,
    now: i64,
) -> Vec<TraineeValidation> {
    let mut by: HashMap<(i64, i64), Vec<hybride_domain::attendance::Mark>> = HashMap::new();
    for e in &f.events {
        by.entry((e.activity_id, e.subject_id))
            .or_default()
            .push(e.mark());
    }
    let plan: Vec<Planned<'_>> = f
        .activities
        .iter()
        .map(|a| {
            let step = a.step_id.and_then(|id| f.steps.iter().find(|s| s.id == id));
            (a, step, slots(a, &f.steps))
        })
        .collect();
    let exchanges: HashMap<i64, hybride_store::discussion::Exchanges> =
        f.exchanges.iter().map(|x| (x.user_id, *x)).collect();
    f.enrollments
        .iter()
        .filter(|e| only.is_none_or(|u| u == e.user_id))
        .map(|e| {
            let units = units_of(&plan, &by, e.user_id, &f.rules);
            TraineeValidation {
                user_id: e.user_id,
                last_name: e.last_name.clone(),
                first_name: e.first_name.clone(),
                validation: rules::validate(&f.rules, &units, now, !c.status.is_editable()),
                exchanges: exchanges.get(&e.user_id).copied().unwrap_or(
                    hybride_store::discussion::Exchanges {
                        user_id: e.user_id,
                        ..Default::default()
                    },
                ),
            }
        })
        .collect()
}

/// An activity of the cohort, its step and its half-days.
type Planned<'a> = (&'a Activity, Option<&'a Step>, Vec<Slot>);

/// One trainee's units: each asynchronous activity, each half-day of the others.
fn units_of(
    plan: &[Planned<'_>],
    by: &HashMap<(i64, i64), Vec<hybride_domain::attendance::Mark>>,
    user: i64,
    rules: &Rules,
) -> Vec<Unit> {
    let mut units = Vec::new();
    for (a, step, slots) in plan {
        let empty = Vec::new();
        let marks = by.get(&(a.id, user)).unwrap_or(&empty);
        let mandatory = step.is_some_and(|s| s.mandatory.0);
        let evaluation = step.is_some_and(|s| !s.evaluation.trim().is_empty());
        if a.modality == Modality::Async {
            let planned = step.map(|s| s.minutes).unwrap_or(0);
            let done = rules::completion(marks);
            units.push(Unit {
                budget: HoursBudget::Asynchronous,
                title: a.title.clone(),
                starts_at: a.starts_at,
                ends_at: a.ends_at,
                planned,
                credited: done.credited_minutes,
                excused: 0,
                mandatory,
                evaluation,
            });
            continue;
        }
        for s in slots {
            let key = s.key();
            let p = rules::presence(
                marks
                    .iter()
                    .filter(|m| m.slot.as_deref() == Some(key.as_str())),
            );
            let excused = if p.absence.as_ref().is_some_and(|x| x.accepted) {
                s.planned_minutes
            } else {
                0
            };
            units.push(Unit {
                budget: a.modality.budget(),
                title: a.title.clone(),
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                planned: s.planned_minutes,
                credited: rules::credited(a.modality, s, &p, rules.threshold),
                excused,
                mandatory,
                evaluation,
            });
        }
    }
    units
}

/// The minutes credited when a trainer validates a declaration, by the step's rule.
pub fn credit_on_validation(step: Option<&Step>, done: &Completion) -> i64 {
    let estimate = step.map(|s| s.minutes).unwrap_or(0);
    let rule = step
        .map(|s| s.credit_rule)
        .unwrap_or(CreditRule::EstimateOnValidation);
    rule.credit(estimate, done.declared_minutes)
}
